"""The portfolio's tables as words and figures: headings in the report's language, cells as text.

One builder for the PDF, the window's tables and the workbook's headings, so they say the same.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from workbench.domain.case_file import Stage
from workbench.domain.money import from_minor_units
from workbench.reports.document import Align, Column, DataTable
from workbench.reports.formatting import DASH, count, minus, money, number, pct
from workbench.reports.texts import label
from workbench.texts import N_, NC_, Msg, text

if TYPE_CHECKING:
    from collections.abc import Sequence

    from workbench.reports.portfolio_data import Portfolio

TITLES: dict[str, Msg] = {
    "pipeline": N_("各阶段案卷"),
    "activity": N_("客户经理业绩"),
    "quality": N_("重构质量"),
    "months": N_("按月批准"),
    "equity": N_("权益检验偏差分布"),
    "checks": N_("交叉检验偏差分布"),
}
HEADINGS: dict[str, Msg] = {
    "stage": N_("阶段"),
    "cases": N_("案卷数"),
    "requested_minor": N_("申请金额（元）"),
    "officer": N_("客户经理"),
    "display_name": N_("姓名"),
    "surveyed": N_("已调查"),
    "submitted": N_("已上会"),
    "decided": N_("已决议"),
    "approved": N_("已批准"),
    "approved_minor": N_("批准金额（元）"),
    "pass_rate": N_("上会通过率"),
    "mean_abs_equity_deviation": N_("权益偏差 |δ| 均值"),
    "checks_total": N_("交叉检验"),
    "checks_failed": N_("不通过"),
    "fail_share": N_("不通过占比"),
    "mean_days_to_decision": N_("调查至决议天数"),
    "month": NC_("portfolio", "月份"),
    "range": N_("偏差区间"),
    "count": NC_("portfolio", "个数"),
    "share": N_("占比"),
}
ACTIVITY = ("officer", "display_name", "surveyed", "submitted", "decided", "approved", "approved_minor",
            "pass_rate", "mean_days_to_decision")  # fmt: skip
QUALITY = ("officer", "display_name", "surveyed", "mean_abs_equity_deviation", "checks_total",
           "checks_failed", "fail_share")  # fmt: skip
MONTHS = ("month", "approved", "approved_minor")
TEXT_COLUMNS = frozenset({"stage", "officer", "display_name", "month", "range"})


def heading(key: str, lang: str) -> str:
    return text(HEADINGS[key], lang)


def title(key: str, lang: str) -> str:
    return text(TITLES[key], lang)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def cell(key: str, value: Any) -> str:
    """One figure as the tables print it (``—`` for none)."""
    if _missing(value):
        return DASH
    if key.endswith("_minor"):
        return money(from_minor_units(int(value)))
    if key in ("pass_rate", "fail_share", "share", "mean_abs_equity_deviation"):
        return pct(Decimal(repr(float(value))))
    if key == "mean_days_to_decision":
        return number(Decimal(repr(float(value))), 1)
    if key in TEXT_COLUMNS:
        return str(value)
    return count(int(value))


def _table(key: str, columns: tuple[str, ...], rows: Sequence[tuple[str, ...]], lang: str) -> DataTable:
    return DataTable(
        columns=tuple(
            Column(
                heading(c, lang),
                Align.LEFT if c in TEXT_COLUMNS else Align.RIGHT,
                1.4 if c in TEXT_COLUMNS else 1,
            )
            for c in columns
        ),
        rows=tuple(rows),
        caption=title(key, lang),
        small=True,
    )


def bin_label(low: float, high: float) -> str:
    """``[−5.0%, −2.5%)``; the open ends as ``< −30.0%`` and ``≥ +30.0%``."""

    def shown(x: float) -> str:
        return minus(f"{x * 100:+.1f}%") if x else "0.0%"

    if math.isinf(low):
        return f"< {shown(high)}"
    if math.isinf(high):
        return f"≥ {shown(low)}"
    return f"[{shown(low)}, {shown(high)})"


def portfolio_tables(portfolio: Portfolio, lang: str) -> dict[str, DataTable]:
    """Every table of the portfolio, by key (``TITLES``)."""
    stages = portfolio.pipeline
    pipeline = [
        (label(Stage(s), lang), cell("cases", n), cell("requested_minor", m))
        for s, n, m in zip(stages["stage"], stages["cases"], stages["requested_minor"], strict=True)
    ]
    officers = portfolio.officers.to_dict("records")
    months = portfolio.months.to_dict("records")

    def rows(records: list[dict[str, Any]], keys: tuple[str, ...]) -> list[tuple[str, ...]]:
        return [tuple(cell(k, r[k]) for k in keys) for r in records]

    tables = {
        "pipeline": _table("pipeline", ("stage", "cases", "requested_minor"), pipeline, lang),
        "activity": _table("activity", ACTIVITY, rows(officers, ACTIVITY), lang),
        "quality": _table("quality", QUALITY, rows(officers, QUALITY), lang),
        "months": _table("months", MONTHS, rows(months, MONTHS), lang),
    }
    for key, bins in (("equity", portfolio.equity_bins), ("checks", portfolio.check_bins)):
        total = int(bins["count"].sum())
        found = [
            (bin_label(lo, hi), cell("count", n), cell("share", n / total if total else None))
            for lo, hi, n in zip(bins["low"], bins["high"], bins["count"], strict=True)
            if n
        ]
        tables[key] = _table(key, ("range", "count", "share"), found, lang)
    return tables
