"""The decision summary (决策摘要): what a committee member needs on one page before the details.

The loan's terms, the α test with its verdict, the equity and cross-check verdicts, the months whose
disposable cash is below the instalment, the soft information's risks and the recommendation. The
dossier prints it right after its cover and the committee's slides show it first; both take the
lines from ``decision_summary`` so the paper and the screen say the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.domain.soft_info import SOFT_MATRIX_OPTIONS
from workbench.domain.status import Status
from workbench.reports.content_common import method_name, months_label, rate_text
from workbench.reports.document import Block, Bullets, KeyValues, Para, TextStyle
from workbench.reports.formatting import DASH, deviation, money, pct
from workbench.reports.texts import MONEY_UNIT, SOFT_FACTORS, Tr, capital, pair_label, soft_option
from workbench.texts import N_, NC_
from workbench.texts.labels import POLICY_WORD, STATUS_LABELS, policy_named

if TYPE_CHECKING:
    from workbench.domain.calc import CaseResults
    from workbench.domain.case_file import CaseFile

MAX_RISKS = 4
_SEVERITY = (Status.OK, Status.EXPLAIN, Status.FAIL)


@dataclass(frozen=True, slots=True)
class SummaryLine:
    """One label/value line; ``status`` colours a verdict on the screen."""

    label: str
    value: str
    status: Status | None = None


@dataclass(frozen=True, slots=True)
class DecisionSummary:
    """The summary's lines in one language, every figure already formatted."""

    terms: tuple[SummaryLine, ...]
    verdicts: tuple[SummaryLine, ...]
    alpha_passed: bool
    shortfall_months: tuple[str, ...]
    shortfall: str
    risks: tuple[str, ...]
    recommendation: str
    unit: str
    policy: tuple[str, str] = ("", "")
    """The credit policy the figures were computed under: its label word and ``name 第 n 版``."""


def decision_summary(case: CaseFile, results: CaseResults, lang: str) -> DecisionSummary:
    """The summary of ``case`` in ``lang`` (``zh``/``en``)."""
    tr = Tr(lang)
    z = results.sizing
    instalment = z.instalment
    passed = instalment is not None and instalment <= z.a_max
    alpha = tr(
        N_("月还款额 {instalment} ≤ α × 月均可支配资金 = {limit}（α = {alpha}）"),
        instalment=money(instalment),
        limit=money(z.a_max),
        alpha=pct(z.alpha),
    )
    if not passed:
        alpha = tr(
            N_("月还款额 {instalment} > α × 月均可支配资金 = {limit}（α = {alpha}）"),
            instalment=money(instalment),
            limit=money(z.a_max),
            alpha=pct(z.alpha),
        )
    terms = (
        SummaryLine(tr(NC_("report", "申请金额")), money(case.request.amount)),
        SummaryLine(tr(N_("建议金额")), money(z.proposal)),
        SummaryLine(tr(NC_("report", "期限（月）")), str(z.months)),
        SummaryLine(tr(N_("利率")), rate_text(case.request.rate, z.rate, tr)),
        SummaryLine(tr(NC_("report", "还款方式")), method_name(z.method, lang)),
        SummaryLine(tr(N_("月分期还款额")), money(instalment)),
        SummaryLine(tr(N_("月均可支配资金")), money(z.md_avg)),
        SummaryLine(tr(N_("月还款额占月可支比例")), pct(z.ratio)),
    )
    rule = tr(N_("α 规则：通过")) if passed else tr(N_("α 规则：不通过"))
    verdicts = [SummaryLine(rule, alpha, Status.OK if passed else Status.FAIL)]
    eq = results.equity
    if eq is not None:
        status = eq.current.status
        verdicts.append(
            SummaryLine(
                tr(N_("权益检验")),
                tr(
                    N_("{verdict}（偏差 {deviation}）"),
                    verdict=STATUS_LABELS[status][lang],
                    deviation=deviation(eq.current.deviation),
                ),
                status,
            )
        )
    statuses = [c.status for c in results.checks if not c.superseded_by]
    worst = max(statuses, key=_SEVERITY.index, default=Status.OK)
    verdicts.append(
        SummaryLine(
            tr(N_("交叉检验")),
            tr(
                N_("通过 {ok} 项，需说明 {explain} 项，不通过 {failed} 项"),
                ok=statuses.count(Status.OK),
                explain=statuses.count(Status.EXPLAIN),
                failed=statuses.count(Status.FAIL),
            ),
            worst,
        )
    )
    verdicts.append(
        SummaryLine(
            tr(NC_("report", "上会准备")),
            tr(N_("可以上会")) if results.ready else tr(N_("尚不能上会")),
            Status.OK if results.ready else Status.FAIL,
        )
    )
    short = tuple(m for m in results.statement.months if instalment is not None and m.disposable < instalment)
    names = tuple(months_label(m.month, lang) for m in short)
    if short and instalment is not None:
        lowest = min(m.disposable for m in short)
        shortfall = tr(
            N_("{count} 个月的可支配资金低于月还款额 {instalment}：{months}（最低 {lowest}）"),
            count=len(short),
            instalment=money(instalment),
            months=tr.sep.join(names),
            lowest=money(lowest),
        )
        if z.projection_minimum is not None:
            shortfall += "; " if lang == "en" else "；"
            shortfall += tr(N_("放款后现金余额最低 {balance}"), balance=money(z.projection_minimum.balance))
    else:
        shortfall = tr(N_("每个月的可支配资金都不低于月还款额。"))
    return DecisionSummary(
        terms=terms,
        verdicts=tuple(verdicts),
        alpha_passed=passed,
        shortfall_months=names,
        shortfall=shortfall,
        risks=soft_risks(case, lang),
        recommendation=_recommendation(case, results, tr),
        unit=tr(MONEY_UNIT),
        policy=(tr(POLICY_WORD), policy_named(results.policy.name, results.policy.version, lang)),
    )


def soft_risks(case: CaseFile, lang: str) -> tuple[str, ...]:
    """The soft information's weakest points, worst first: factors below their best option, soft
    checks that disagree, the officer's notes on threats, risks and bad habits."""
    tr = Tr(lang)
    soft = case.soft_info
    ranked: list[tuple[float, str]] = []
    for factor in soft.matrix:
        options = SOFT_MATRIX_OPTIONS.get(factor.factor, ())
        if factor.option not in options or factor.option == options[-1]:
            continue
        rank = options.index(factor.option) / max(1, len(options) - 1)
        name = capital(pair_label(SOFT_FACTORS, factor.factor, lang), lang)
        ranked.append((rank, f"{name}{tr.colon}{soft_option(factor.option, lang)}"))
    risks = [line for _, line in sorted(ranked, key=lambda pair: pair[0])]
    for check in soft.checks:
        if not check.consistent:
            risks.insert(0, tr(N_("软信息交叉检验不一致：{topic}"), topic=check.topic))
    for note in (soft.bad_habits, case.notes.threats, case.notes.risks):
        if note.strip():
            risks.insert(0, note.strip())
    if not risks:
        if not soft.matrix and not soft.checks:
            return (tr(N_("未录入软信息。")),)
        return (tr(N_("软信息未见不利因素。")),)
    return tuple(risks[:MAX_RISKS])


def _recommendation(case: CaseFile, results: CaseResults, tr: Tr) -> str:
    if case.notes.conclusion.strip():
        return case.notes.conclusion.strip()
    z = results.sizing
    if z.proposal <= 0:
        return tr(N_("不建议放款：还款能力不足以支持任何金额。"))
    return tr(
        N_("建议批准 {amount} 元，{months} 个月，{method}。"),
        amount=money(z.proposal),
        months=z.months,
        method=method_name(z.method, tr.lang),
    )


def summary_blocks(summary: DecisionSummary, tr: Tr) -> list[Block]:
    """The summary as report blocks: terms, verdicts, shortfall, risks and recommendation."""
    return [
        KeyValues(tuple((line.label, line.value) for line in summary.terms), 2, unit=summary.unit),
        Para(f"{summary.policy[0]}{tr.colon}{summary.policy[1]}", TextStyle.NOTE),
        Para(tr(N_("检验结论")), TextStyle.LEAD),
        KeyValues(tuple((line.label, line.value) for line in summary.verdicts), 1),
        Para(tr(N_("季节性资金缺口")), TextStyle.LEAD),
        Para(summary.shortfall),
        Para(tr(N_("主要风险（软信息）")), TextStyle.LEAD),
        Bullets(summary.risks),
        Para(tr(NC_("summary", "建议")), TextStyle.LEAD),
        Para(summary.recommendation or DASH),
    ]
