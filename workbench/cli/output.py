"""Formatting of decimals for the command line: money to the cent, ratios to six places."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from workbench.domain.money import quantize
from workbench.domain.summary import FIGURE_KINDS, MONEY, NUMBER, RATIO

RATIO_PLACES = Decimal("0.000001")
NUMBER_PLACES = Decimal("0.001")


def plain(value: Any, kind: str) -> Any:
    """A JSON-ready value: Decimals become strings with fixed places, others pass through."""
    if isinstance(value, Decimal):
        if kind == MONEY:
            return format(quantize(value), "f")
        if kind == RATIO:
            return format(quantize(value, RATIO_PLACES), "f")
        if kind == NUMBER:
            return format(quantize(value, NUMBER_PLACES), "f")
        return format(value, "f")
    return value


def plain_figures(figures: dict[str, Any]) -> dict[str, Any]:
    """Every key figure as a JSON-ready value."""
    return {name: plain(value, FIGURE_KINDS.get(name, NUMBER)) for name, value in figures.items()}


def money(value: Decimal | None) -> str:
    """``1234567.5 → '1,234,567.50'``; ``None → '—'``."""
    return "—" if value is None else f"{quantize(value):,.2f}"


def pct(value: Decimal | None, signed: bool = False) -> str:
    """A ratio as a percentage with two places."""
    if value is None:
        return "—"
    shown = quantize(value * 100)
    return f"{'+' if signed and shown > 0 else ''}{shown}%"


def number(value: Decimal | None) -> str:
    return "—" if value is None else f"{quantize(value, NUMBER_PLACES):,}"


def display(value: Any, kind: str) -> str:
    """A figure for a human reader."""
    if kind == MONEY:
        return money(value)
    if kind == RATIO:
        return pct(value)
    if kind == NUMBER and isinstance(value, Decimal):
        return number(value)
    return "—" if value is None else str(value)
