"""Figures for the command line: ``domain.formatting`` with an ASCII minus, and JSON-ready decimals.

The readable tables print every figure as the window and the reports do (half-up, thousands
separators, ``—`` for a missing figure), except that a negative figure starts with ``-`` rather than
the real minus ``−``: terminal output stays plain ASCII that ``grep``, shells and the amount parser take.
``--json`` output has no separators and fixed places per kind: money 2, ratios 6, numbers 3, factors 4.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from workbench.domain import formatting
from workbench.domain.formatting import HYPHEN, FigureKind
from workbench.domain.summary import FIGURE_KINDS, NUMBER

JSON_PLACES = {FigureKind.MONEY: 2, FigureKind.RATIO: 6, FigureKind.NUMBER: 3, FigureKind.FACTOR: 4}


def plain(value: Any, kind: str) -> Any:
    """A JSON-ready value: Decimals become strings with the kind's fixed places, others pass through."""
    if isinstance(value, Decimal):
        places = JSON_PLACES.get(FigureKind(kind)) if kind in set(FigureKind) else None
        return formatting.fixed(value, places) if places is not None else format(value, "f")
    return value


def plain_figures(figures: dict[str, Any]) -> dict[str, Any]:
    """Every key figure as a JSON-ready value."""
    return {name: plain(value, FIGURE_KINDS.get(name, NUMBER)) for name, value in figures.items()}


def money(value: Decimal | None) -> str:
    """``1234567.5 → '1,234,567.50'``; ``None → '—'``."""
    return formatting.money(value, minus=HYPHEN)


def pct(value: Decimal | None, signed: bool = False) -> str:
    """A ratio as a percentage with two places; ``signed``: a deviation, ``+`` before a positive one."""
    return formatting.percent(value, signed=signed, minus=HYPHEN)


def display(value: Any, kind: str) -> str:
    """A figure for a human reader: by its kind when it has one, else as it is."""
    if kind in JSON_PLACES and (value is None or isinstance(value, Decimal)):
        return formatting.figure(value, kind, minus=HYPHEN)
    return "—" if value is None else str(value)
