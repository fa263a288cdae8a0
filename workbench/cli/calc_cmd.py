"""``workbench calc CASE.json``: every derived figure, as JSON or as a readable table."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.cli.output import display, money, pct, plain, plain_figures
from workbench.cli.table import render
from workbench.cli.texts import LIMIT_LABELS, label, t
from workbench.domain.calc import CaseResults, compute_case
from workbench.domain.cross_checks import CheckKind, CrossCheckResult
from workbench.domain.errors import ValidationError
from workbench.domain.formatting import check_figure_kind
from workbench.domain.markup import markup_of_margin
from workbench.domain.policy import DEFAULT_POLICY
from workbench.domain.summary import FIGURE_KINDS, MONEY, RATIO, key_figures
from workbench.services.case_files import CaseFileError, read_case_file_and_policy
from workbench.texts import N_, colon, text
from workbench.texts.labels import CHECK_METHOD_LABELS as METHOD_LABELS
from workbench.texts.labels import ISSUE_TEXTS, ITEM_NAMES, STATUS_LABELS, policy_line

if TYPE_CHECKING:
    import argparse
    from decimal import Decimal


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: str) -> None:
    p = sub.add_parser("calc", help=t("calc_help", lang), description=t("calc_help", lang))
    p.add_argument("case_file", metavar="CASE.json", help=t("calc_file_help", lang))
    p.add_argument("--json", action="store_true", help=t("json_help", lang))
    p.set_defaults(run=run)


def calc_document(results: CaseResults) -> dict[str, Any]:
    """The JSON of ``workbench calc --json``: the flat key figures plus the per-check, per-pass,
    schedule and projection detail. Amounts are decimal strings with two places, ratios six."""
    doc: dict[str, Any] = plain_figures(key_figures(results))
    doc["policy"] = {"name": results.policy.name, "version": results.policy.version}
    for check in results.checks:
        doc[check.id] = plain(check.deviation, RATIO)
    doc["cross_checks"] = {
        c.id: {
            "method": c.method.value,
            "target": c.target.value,
            "kind": c.kind.value,
            "value": plain(c.check_value, _kind_of(c)),
            "adopted": plain(c.adopted, _kind_of(c)),
            "low": plain(c.low, _kind_of(c)),
            "high": plain(c.high, _kind_of(c)),
            "deviation": plain(c.deviation, RATIO),
            "status": c.status.value,
            "explained": c.explained,
            "superseded_by": c.superseded_by or None,
        }
        for c in results.checks
    }
    if results.equity is not None:
        doc["equity_passes"] = [
            {
                "label": p.label or None,
                "TA": plain(p.total_assets, MONEY),
                "TL": plain(p.total_liabilities, MONEY),
                "E_act": plain(p.actual, MONEY),
                "E_exp": plain(p.expected, MONEY),
                "difference": plain(p.difference, MONEY),
                "deviation": plain(p.deviation, RATIO),
                "s3_ratio": plain(p.s3_ratio, RATIO),
                "status": p.status.value,
            }
            for p in results.equity.passes
        ]
    z = results.sizing
    doc["limits"] = {name: plain(value, MONEY) for name, value in z.limits}
    for key, schedule in (
        ("schedule", z.schedule),
        ("equal_principal_schedule", z.equal_principal),
        ("seasonal_schedule", z.seasonal),
    ):
        if schedule is not None:
            doc[key] = [
                {
                    "period": r.period,
                    "payment": plain(r.payment, MONEY),
                    "interest": plain(r.interest, MONEY),
                    "principal": plain(r.principal, MONEY),
                    "balance": plain(r.balance, MONEY),
                }
                for r in schedule.rows
            ]
    doc["projection"] = [
        {
            "month": m.month,
            "disposable": plain(m.disposable, MONEY),
            "instalment": plain(m.instalment, MONEY),
            "balance": plain(m.balance, MONEY),
        }
        for m in z.projection
    ]
    doc["issues"] = [
        {"severity": i.severity.value, "code": i.code, "subject": i.subject, **i.params}
        for i in results.issues
    ]
    return doc


def pass_label(number: int, label: str, count: int, lang: str) -> str:
    """``第 1 轮（…）`` for earlier passes, ``第 2 轮（当前）`` for the current one."""
    name = text(N_("第 {n} 轮"), lang, n=number)
    if number == count:
        return name + text(N_("（当前）"), lang)
    if label and not label.startswith(name):
        return name + colon(lang) + label
    return label or name


def _kind_of(check: CrossCheckResult) -> str:
    """How a check's figures read (``domain.formatting.check_figure_kind``), as in the window and reports."""
    return check_figure_kind(check.target, check.method)


def _shown(key: str, value: Decimal | None, lang: str) -> str:
    """A figure as the table reads it; the weighted margin with its mark-up in brackets, as in the reports."""
    markup = markup_of_margin(value) if key == "gm_weighted" else None
    if markup is None:
        return display(value, FIGURE_KINDS.get(key, ""))
    return text(N_("{margin}（加价率 {markup}）"), lang, margin=pct(value), markup=pct(markup))


def calc_table(results: CaseResults, lang: str) -> str:
    """The readable report of ``workbench calc``."""
    figures = key_figures(results)
    parts: list[str] = []

    def block(title: str, keys: list[str]) -> None:
        rows = [[label(k, lang), _shown(k, figures.get(k), lang)] for k in keys if k in figures]
        parts.append(f"== {title} ==\n" + render(["", ""], rows).split("\n", 2)[2])

    block(
        t("h_statement", lang),
        [
            "sales_avg",
            "variable_costs_avg",
            "gross_profit_avg",
            "opex_avg",
            "op_profit_avg",
            "business_instalments_avg",
            "net_profit_avg",
            "household_avg",
            "private_instalments_avg",
            "other_expenses_avg",
            "other_income_avg",
            "disposable_avg",
            "gm_weighted",
            "sales_annual",
        ],
    )
    block(
        t("h_balance", lang),
        ["TA", "TL", "E_act", "debt_ratio", "current_ratio", "quick_ratio", "inventory_days", "ar_to_sales"],
    )
    if results.equity is not None:
        block(
            t("h_equity", lang),
            ["E0", "period_profit", "injections", "appreciation", "withdrawals", "depreciation", "E_exp"],
        )
        head = [t("col_pass", lang), "E_act", "E_exp", t("col_deviation", lang), t("col_status", lang)]
        rows = [
            [
                pass_label(number, p.label, len(results.equity.passes), lang),
                money(p.actual),
                money(p.expected),
                pct(p.deviation, signed=True),
                STATUS_LABELS[p.status][lang],
            ]
            for number, p in enumerate(results.equity.passes, start=1)
        ]
        parts.append(render(head, rows))
    if results.checks:
        head = [
            t("col_check", lang),
            t("col_method", lang),
            t("col_value", lang),
            t("col_adopted", lang),
            t("col_deviation", lang),
            t("col_status", lang),
        ]
        rows = []
        for c in results.checks:
            kind = _kind_of(c)

            def fmt(v: Decimal | None, kind: str = kind) -> str:
                return display(v, kind)

            value = f"{fmt(c.low)} – {fmt(c.high)}" if c.kind is CheckKind.RANGE else fmt(c.check_value)
            status = STATUS_LABELS[c.status][lang] + (f" → {c.superseded_by}" if c.superseded_by else "")
            rows.append(
                [
                    c.id,
                    f"{c.method.value} {METHOD_LABELS[c.method][lang]}",
                    value,
                    fmt(c.adopted),
                    pct(c.deviation, signed=True),
                    status,
                ]
            )
        parts.append(f"== {t('h_checks', lang)} ==\n" + render(head, rows, left_columns=2))
    block(
        t("h_sizing", lang),
        ["A_max", "P_cap", "P_prop", "instalment", "total_interest", "ratio", "projection_min"],
    )
    z = results.sizing
    parts.append("  " + " · ".join(f"{LIMIT_LABELS[name][lang]} {money(value)}" for name, value in z.limits))
    verdict = t("ready_yes", lang) if results.ready else t("ready_no", lang)
    lines = [f"== {t('h_readiness', lang)}: {verdict} =="]
    for issue in results.issues:
        params = {**issue.params, "subject": ITEM_NAMES.get(issue.subject, {}).get(lang, issue.subject)}
        lines.append(f"- [{issue.severity.value}] " + ISSUE_TEXTS[issue.code][lang].format(**params))
    parts.append("\n".join(lines))
    return "\n\n".join(parts)


def run(args: argparse.Namespace, lang: str) -> int:
    path = Path(args.case_file)
    case, carried = read_case_file_and_policy(path)
    # The file's own policy gives the figures it was computed with; without one, today's defaults (said).
    policy = carried or DEFAULT_POLICY
    try:
        results = compute_case(case, policy)
    except ValidationError as error:
        raise CaseFileError(str(path), error.at("case")) from None
    if args.json:
        doc = calc_document(results)
        doc["policy"]["source"] = "file" if carried is not None else "default"
        print(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        line = policy_line(policy.name, policy.version, lang, defaulted=carried is None)
        print(line + "\n\n" + calc_table(results, lang))
    return 0
