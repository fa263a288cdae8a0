"""Small helpers shared by the builders: section numbers, tables, rates, counted checks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.domain.loan_request import RateKind
from workbench.domain.money import ZERO
from workbench.domain.schedules import METHOD_LABELS as SCHEDULE_METHOD_LABELS
from workbench.reports.document import Align, Column, DataTable
from workbench.reports.formatting import DASH, count, money, number

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from decimal import Decimal

    from workbench.domain.loan_request import RateQuote
    from workbench.domain.schedules import Method, Rate, Schedule
    from workbench.reports.texts import Tr

_ZH_NUMBERS = "一二三四五六七八九十"


def section_number(index: int, lang: str) -> str:
    """``一、`` … ``十四、`` in Chinese, ``1. `` … in English (1-based)."""
    if lang == "en":
        return f"{index}. "
    if index <= 10:
        return f"{_ZH_NUMBERS[index - 1]}、"
    tens, ones = divmod(index, 10)
    head = "" if tens == 1 else _ZH_NUMBERS[tens - 1]
    return f"{head}十{_ZH_NUMBERS[ones - 1] if ones else ''}、"


def appendix_number(index: int, lang: str) -> str:
    """``附录 A`` / ``Appendix A`` (1-based)."""
    letter = chr(ord("A") + index - 1)
    return f"Appendix {letter}: " if lang == "en" else f"附录 {letter}　"


def table(
    columns: Sequence[tuple[str, Align, float]],
    rows: Sequence[Sequence[str]],
    *,
    emphasis: set[int] | None = None,
    caption: str = "",
    small: bool = False,
) -> DataTable:
    """A ``DataTable`` from (title, align, width) triples."""
    return DataTable(
        columns=tuple(Column(t, a, w) for t, a, w in columns),
        rows=tuple(tuple(r) for r in rows),
        emphasis=frozenset(emphasis or ()),
        caption=caption,
        small=small,
    )


L, R, C = Align.LEFT, Align.RIGHT, Align.CENTER


def method_name(method: Method | None, lang: str) -> str:
    """Name of a repayment method."""
    return DASH if method is None else SCHEDULE_METHOD_LABELS[method][lang]


def rate_text(quote: RateQuote, rate: Rate, tr: Tr) -> str:
    """``7.20%（月息 6‰）`` — the annual rate, with the monthly per-mille the officer quoted."""
    annual = number(rate.annual_percent, 2) + "%"
    permille = f"{count(rate.monthly_permille)}‰"
    if quote.kind is RateKind.MONTHLY_PERMILLE:
        return tr(f"年利率 {annual}（月息 {permille}）", f"{annual} p.a. ({permille} a month)")
    return tr(f"年利率 {annual}（折合月息 {permille}）", f"{annual} p.a. ({permille} a month)")


def schedule_table(schedule: Schedule, tr: Tr, caption: str = "") -> DataTable:
    """Every instalment of a schedule with a total row."""
    rows = [
        (str(r.period), money(r.payment), money(r.interest), money(r.principal), money(r.balance))
        for r in schedule.rows
    ]
    principal_total = total(r.principal for r in schedule.rows)
    rows.append(
        (
            tr("合计", "Total"),
            money(schedule.total_payment),
            money(schedule.total_interest),
            money(principal_total),
            "",
        )
    )
    return table(
        [
            (tr("期数", "Period"), C, 0.6),
            (tr("还款额", "Payment"), R, 1),
            (tr("利息", "Interest"), R, 1),
            (tr("本金", "Principal"), R, 1),
            (tr("剩余本金", "Balance"), R, 1),
        ],
        rows,
        emphasis={len(rows) - 1},
        caption=caption,
    )


def yes_no(value: bool, tr: Tr) -> str:
    return tr("是", "yes") if value else tr("否", "no")


def months_label(month: int, lang: str) -> str:
    """``1月`` / ``Jan``."""
    if lang == "en":
        return ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")[month - 1]
    return f"{month}月"


def total(values: Iterable[Decimal]) -> Decimal:
    """Exact sum of amounts (0 for none)."""
    return sum(values, ZERO)
