"""Figures as printed: money with thousands separators and two places, ratios as percentages.

Rounding is half-up to the cent (IPC-METHOD §11) and happens only here, at the printed figure;
deviations carry their sign (``+1.25%``, ``−3.11%``), other percentages do not. A negative figure
prints with a real minus sign (U+2212, as wide as the plus), not a hyphen.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from workbench.domain.money import percent, quantize, signed_percent

if TYPE_CHECKING:
    from datetime import date

DASH = "—"
MINUS = "\u2212"


def minus(shown: str) -> str:
    """``-3.11%`` → ``−3.11%``: the hyphen of a formatted negative number as a minus sign."""
    return MINUS + shown[1:] if shown.startswith("-") else shown


def money(value: Decimal | None) -> str:
    """``Decimal("722780") → "722,780.00"``; ``None → "—"``."""
    if value is None:
        return DASH
    shown = quantize(value)
    if shown == 0:
        shown = abs(shown)  # never "-0.00"
    return minus(f"{shown:,.2f}")


def pct(ratio: Decimal | None) -> str:
    """A ratio as a percentage with two places: ``0.792246 → "79.22%"``."""
    return minus(percent(ratio))


def deviation(ratio: Decimal | None) -> str:
    """A deviation with its sign: ``-0.031070 → "−3.11%"``, ``0.0125 → "+1.25%"``."""
    return minus(signed_percent(ratio))


def number(value: Decimal | int | None, places: int = 2) -> str:
    """A plain number with thousands separators and ``places`` decimals (days, hours, factors)."""
    if value is None:
        return DASH
    shown = quantize(Decimal(value), Decimal(1).scaleb(-places)) if places else Decimal(value)
    if shown == 0:
        shown = abs(shown)
    return minus(f"{shown:,.{places}f}" if places else f"{int(shown):,}")


def count(value: int | Decimal | None) -> str:
    """Counts and short factors without forced decimals: ``30``, ``2.5``, ``1,248``."""
    if value is None:
        return DASH
    d = Decimal(value)
    if d == d.to_integral_value():
        return minus(f"{int(d):,}")
    return minus(f"{d.normalize():,f}")


def day(value: date | None) -> str:
    return DASH if value is None else value.isoformat()


def text(value: str | None) -> str:
    """User text, or a dash when empty."""
    return value.strip() if value and value.strip() else DASH
