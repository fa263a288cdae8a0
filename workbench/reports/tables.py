"""Tables described by their columns: a column is a heading, a value getter, a formatter, an alignment
and a width, so each detail list of a report is a short spec instead of a hand-built row loop.

    ASSETS = (
        Col(N_("项目"), lambda a: a.label, width=2),
        Col(N_("金额"), lambda a: a.amount, MONEY, total=True),
    )
    detail_table(ASSETS, sheet.assets, tr, caption=...)

Money, percentages and counts align right by default; a column marked ``total`` is summed into a
``合计`` row (the first column carries the word).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from workbench.domain.money import ZERO
from workbench.reports.content_common import yes_no
from workbench.reports.document import Align, Column, DataTable
from workbench.reports.formatting import count, day, deviation, money, number, pct, text
from workbench.reports.texts import MONEY_UNIT, Tr, capital, label
from workbench.texts import N_, Msg

if TYPE_CHECKING:
    from decimal import Decimal

T = TypeVar("T")

Formatter = Callable[[Any, Tr], str]


def AS_TYPED(value: object, _tr: Tr) -> str:
    """User text exactly as typed (names, titles): no dash for empty."""
    return str(value)


def TEXT(value: str | None, _tr: Tr) -> str:
    """Optional user text: stripped, a dash when empty."""
    return text(value)


def MONEY(value: Decimal | None, _tr: Tr) -> str:
    return money(value)


def PCT(value: Decimal | None, _tr: Tr) -> str:
    return pct(value)


def DEVIATION(value: Decimal | None, _tr: Tr) -> str:
    return deviation(value)


def COUNT(value: int | Decimal | None, _tr: Tr) -> str:
    return count(value)


def NUMBER(value: Decimal | None, _tr: Tr) -> str:
    """Two decimals with separators (ratios shown as plain numbers)."""
    return number(value, 2)


def DAY(value: Any, _tr: Tr) -> str:
    return day(value)


def LABEL(value: Any, tr: Tr) -> str:
    """The printed word of a choice value, in the report's language."""
    return capital(label(value, tr.lang), tr.lang)


def YES_NO(value: bool, tr: Tr) -> str:
    return yes_no(value, tr)


_RIGHT: frozenset[Formatter] = frozenset({MONEY, PCT, DEVIATION, COUNT, NUMBER})


class Said(str):
    """A heading made from data and already in the report's language (``一月（旺季）``): printed as it is."""

    __slots__ = ()


def _heading(heading: Msg, tr: Tr) -> str:
    return heading if isinstance(heading, Said) else tr(heading)


@dataclass(frozen=True, slots=True)
class Col(Generic[T]):
    """One column of a detail table.

    Attributes:
        heading: the heading, a marked text (``N_("金额")``) said in the report's language.
        get: reads the cell's value off a row item.
        fmt: turns the value into the printed string.
        align: ``None`` = right for figures, left for words.
        width: relative width (the table fills the frame).
        total: sum this column into the total row.
    """

    heading: Msg
    get: Callable[[T], Any]
    fmt: Formatter = AS_TYPED
    align: Align | None = None
    width: float = 1.0
    total: bool = False

    def column(self, tr: Tr) -> Column:
        align = self.align or (Align.RIGHT if self.fmt in _RIGHT else Align.LEFT)
        return Column(_heading(self.heading, tr), align, self.width)

    def cell(self, item: T, tr: Tr) -> str:
        return self.fmt(self.get(item), tr)


def detail_table(
    columns: Sequence[Col[T]],
    items: Sequence[T],
    tr: Tr,
    *,
    caption: str = "",
    small: bool = False,
    tail: Sequence[Sequence[str]] = (),
) -> DataTable:
    """A row per item; a total row when a column asks for one; ``tail`` rows (emphasised) last."""
    rows = [tuple(c.cell(item, tr) for c in columns) for item in items]
    emphasis: set[int] = set()
    if any(c.total for c in columns):
        emphasis.add(len(rows))
        rows.append(tuple(_total_cell(i, c, items, tr) for i, c in enumerate(columns)))
    for row in tail:
        emphasis.add(len(rows))
        rows.append(tuple(row))
    return DataTable(
        columns=tuple(c.column(tr) for c in columns),
        rows=tuple(rows),
        emphasis=frozenset(emphasis),
        caption=caption,
        small=small,
        unit=tr(MONEY_UNIT) if any(c.fmt is MONEY for c in columns) else "",
    )


def _total_cell(index: int, col: Col[T], items: Sequence[T], tr: Tr) -> str:
    if col.total:
        return col.fmt(sum((col.get(item) for item in items), ZERO), tr)
    return tr(N_("合计")) if index == 0 else ""


@dataclass(frozen=True, slots=True)
class Head:
    """The heading of a column in a table whose rows are computed (statements, summaries)."""

    heading: Msg
    align: Align = Align.LEFT
    width: float = 1.0


def grid_table(
    heads: Sequence[Head],
    rows: Sequence[Sequence[str]],
    tr: Tr,
    *,
    emphasis: set[int] | None = None,
    caption: str = "",
    small: bool = False,
    amounts: bool = True,
) -> DataTable:
    """A table of already-formatted rows under ``heads``; ``amounts``: it holds money (prints the unit)."""
    return DataTable(
        columns=tuple(Column(_heading(h.heading, tr), h.align, h.width) for h in heads),
        rows=tuple(tuple(r) for r in rows),
        emphasis=frozenset(emphasis or ()),
        caption=caption,
        small=small,
        unit=tr(MONEY_UNIT) if amounts else "",
    )
