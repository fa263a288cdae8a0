"""Figures as text: the one set of rules the window, the reports and the command line print by.

Rules, the same for every output:

- **Rounding** is half-up, at the printed figure, from the exact value: ``0.125 → 0.13``, ``0.005 → 0.01``,
  ``4,500.125 → 4,500.13``. (Python's ``format()`` alone rounds half-even, ``0.125 → 0.12``; every
  function below quantizes first, so ``format()`` never rounds.)
- **No negative zero**: a value that rounds to zero prints as zero, ``−0.004 → 0.00``; a deviation of
  ``−0.00004`` is ``0.00%``, not ``−0.00%`` (it would read as "below").
- **Minus sign**: ``minus`` says which character a negative figure starts with. The default is the
  real minus ``−`` (U+2212, as wide as the plus), which the window, its charts and the PDF reports
  use; the command line passes ``HYPHEN`` (``-``) so its output stays plain ASCII that shells, ``grep``
  and the amount parser take back. Editor text (``plain``, ``share``) uses ``-`` unless told
  otherwise: the officer types it.
- **Separators**: money, numbers and counts group thousands with ``,``; percentages do not
  (``103.67%``); ``plain`` and ``fixed`` never do.
- **Missing figures** (``None``) print as ``empty``: ``—`` by default, ``""`` in the window's cells.

Kinds of figure (``FigureKind``): money to the cent, ratios as percentages with two places,
numbers (days, hours, ratios read as numbers) with two places, factors (seasonal) with four.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext
from enum import StrEnum

from workbench.domain.cross_checks import CheckMethod, Target

DASH = "—"
MINUS = "\u2212"
HYPHEN = "-"
HUNDRED = Decimal(100)


class FigureKind(StrEnum):
    """How a figure reads; the values are the kind names of ``domain.summary.FIGURE_KINDS``."""

    MONEY = "money"  # 12,500.00
    RATIO = "ratio"  # 0.156 → 15.60%
    NUMBER = "number"  # 31.10 (days, hours, a ratio read as a number)
    FACTOR = "factor"  # 0.7046 (a seasonal factor)


PLACES = {FigureKind.MONEY: 2, FigureKind.RATIO: 2, FigureKind.NUMBER: 2, FigureKind.FACTOR: 4}


def check_figure_kind(target: Target, method: CheckMethod) -> FigureKind:
    """How a cross-check's value, adopted figure and bounds read.

    Margins and labour utilisation are ratios (percentages), a seasonal factor has four places, the
    ratios of M3 (ratio analysis, e.g. kWh per 1,000 of sales) are numbers; everything else is money.
    """
    if target in (Target.GROSS_MARGIN, Target.LABOUR_CAPACITY):
        return FigureKind.RATIO
    if target is Target.SEASONAL_FACTOR:
        return FigureKind.FACTOR
    if method is CheckMethod.M3:
        return FigureKind.NUMBER
    return FigureKind.MONEY


def rounded(value: Decimal | int, places: int = 2) -> Decimal:
    """``value`` half-up to ``places`` decimals, never ``-0``; exact however large the value."""
    value = Decimal(value)
    with localcontext() as wide:  # a deviation can be astronomically large and must still print
        wide.prec = max(60, value.adjusted() + places + 10)
        shown = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return shown.copy_abs() if shown == 0 else shown


def _signed(shown: Decimal, body: str, *, signed: bool, minus: str) -> str:
    if shown < 0:
        return minus + body
    return "+" + body if signed and shown > 0 else body


def _fixed(value: Decimal | int, places: int, *, group: bool, signed: bool, minus: str) -> str:
    shown = rounded(value, places)
    body = f"{shown.copy_abs():{',' if group else ''}.{places}f}"
    return _signed(shown, body, signed=signed, minus=minus)


def money(value: Decimal | int | None, *, empty: str = DASH, minus: str = MINUS) -> str:
    """An amount to the cent with separators: ``722780 → "722,780.00"``, ``-70995.6 → "−70,995.60"``."""
    return empty if value is None else _fixed(value, 2, group=True, signed=False, minus=minus)


def number(value: Decimal | int | None, places: int = 2, *, empty: str = DASH, minus: str = MINUS) -> str:
    """A plain figure with thousands separators and ``places`` decimals: days, hours, factors."""
    return empty if value is None else _fixed(value, places, group=True, signed=False, minus=minus)


def percent(
    ratio: Decimal | None, places: int = 2, *, signed: bool = False, empty: str = DASH, minus: str = MINUS
) -> str:
    """A ratio as a percentage: ``0.792246 → "79.22%"``; with ``signed``, ``+`` before a positive one."""
    if ratio is None:
        return empty
    return _fixed(ratio * HUNDRED, places, group=False, signed=signed, minus=minus) + "%"


def deviation(ratio: Decimal | None, places: int = 2, *, empty: str = DASH, minus: str = MINUS) -> str:
    """A deviation with its sign: ``-0.031070 → "−3.11%"``, ``0.0125 → "+1.25%"``, ``0 → "0.00%"``."""
    return percent(ratio, places, signed=True, empty=empty, minus=minus)


def count(value: Decimal | int | None, *, empty: str = DASH, minus: str = MINUS) -> str:
    """Counts and short factors as they are, without forced decimals: ``30``, ``2.5``, ``1,248``."""
    if value is None:
        return empty
    d = Decimal(value)
    body = f"{int(d.copy_abs()):,}" if d == d.to_integral_value() else f"{d.copy_abs().normalize():,f}"
    return _signed(d, body, signed=False, minus=minus)


def per_mille(value: Decimal | int | None, *, empty: str = DASH, minus: str = MINUS) -> str:
    """A rate given in per-mille, as quoted: ``6 → "6‰"``, ``5.5 → "5.5‰"``."""
    return empty if value is None else count(value, minus=minus) + "‰"


def plain(value: Decimal | int, *, minus: str = HYPHEN) -> str:
    """A decimal exactly as it is, no separators or trailing zeros: ``12500.50 → "12500.5"`` (editor text)."""
    text = format(Decimal(value), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("", "-0"):
        return "0"
    return minus + text[1:] if text.startswith("-") else text


def share(value: Decimal | None, *, empty: str = DASH, minus: str = HYPHEN) -> str:
    """A share as typed, exactly, as a percentage: ``0.005 → "0.5%"``, ``0.3 → "30%"``."""
    return empty if value is None else plain(value * HUNDRED, minus=minus) + "%"


def fixed(value: Decimal | int, places: int) -> str:
    """Machine-readable text: half-up to ``places``, ``-`` for negatives, no separators (JSON output)."""
    return _fixed(value, places, group=False, signed=False, minus=HYPHEN)


def figure(
    value: Decimal | int | None, kind: FigureKind | str, *, empty: str = DASH, minus: str = MINUS
) -> str:
    """A figure by its kind: money, a ratio as a percentage, a number or a factor."""
    kind = FigureKind(kind)
    if kind is FigureKind.MONEY:
        return money(value, empty=empty, minus=minus)
    if kind is FigureKind.RATIO:
        return percent(None if value is None else Decimal(value), empty=empty, minus=minus)
    return number(value, PLACES[kind], empty=empty, minus=minus)
