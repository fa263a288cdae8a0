"""Figures as the reports print them: ``domain.formatting`` with its defaults, plus dates and user text.

Money, percentages, deviations, numbers and counts are the domain formatter's functions, so a PDF
prints a figure exactly as the window and the command line do: half-up, thousands separators, a real
minus sign (U+2212), ``—`` for a missing figure.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.domain.formatting import DASH, MINUS, count, deviation, money, number, per_mille
from workbench.domain.formatting import percent as pct

if TYPE_CHECKING:
    from datetime import date

__all__ = [
    "DASH",
    "MINUS",
    "count",
    "day",
    "deviation",
    "minus",
    "money",
    "number",
    "pct",
    "per_mille",
    "text",
]


def minus(shown: str) -> str:
    """``-3.11%`` → ``−3.11%``: the hyphen of a number formatted elsewhere (a chart axis) as a minus sign."""
    return MINUS + shown[1:] if shown.startswith("-") else shown


def day(value: date | None) -> str:
    """A date as ``2024-06-28``, or a dash."""
    return DASH if value is None else value.isoformat()


def text(value: str | None) -> str:
    """User text, or a dash when empty."""
    return value.strip() if value and value.strip() else DASH
