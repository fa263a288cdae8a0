"""Annotated field types: one place that says what values a case-file field may hold.

The same annotations drive the field model (``field_model``), and through it validation on import
(``codec``), the JSON Schema in ``resources/schema/``, the store's columns and the entry checks of the
screens, so they never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated

from workbench.domain.money import MAX_AMOUNT


@dataclass(frozen=True, slots=True)
class Bounds:
    """Inclusive numeric bounds of a Decimal or int field."""

    low: Decimal | None = None
    high: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Money:
    """Marks a money field; ``whole_cents`` says whether it holds whole cents only.

    Amounts that are booked or summed (assets, debts, expenses, loan amounts) hold whole cents; a
    per-unit price (a screw at 0.125, electricity at 0.653 per kWh) may carry fractions of a cent.
    """

    whole_cents: bool = True


@dataclass(frozen=True, slots=True)
class MaxLength:
    """Longest text a field may hold, in characters."""

    limit: int


SHORT_TEXT = 200
LONG_TEXT = 20000
MAX_ITEMS = 2000

Amount = Annotated[Decimal, Bounds(Decimal(0), MAX_AMOUNT), Money()]
"""Money in CNY in whole cents, not negative (assets, liabilities, expenses, sales, loan amounts)."""
SignedAmount = Annotated[Decimal, Bounds(-MAX_AMOUNT, MAX_AMOUNT), Money()]
"""Money in whole cents that may be negative (changes such as Δ inventory)."""
UnitPrice = Annotated[Decimal, Bounds(Decimal(0), MAX_AMOUNT), Money(whole_cents=False)]
"""A price per unit in CNY, not negative, that may carry fractions of a cent (0.125 a screw, 0.653/kWh)."""
Share = Annotated[Decimal, Bounds(Decimal(0), Decimal(1))]
"""A fraction 0 … 1 (sales share, channel share, α)."""
Factor = Annotated[Decimal, Bounds(Decimal(0), Decimal(1000000))]
"""A non-negative multiplier or count that may have decimals (months, kWh per unit, hours)."""
SignedFactor = Annotated[Decimal, Bounds(Decimal(-1000), Decimal(1000))]
"""A signed rate such as a growth rate."""
Percent = Annotated[Decimal, Bounds(Decimal(0), Decimal(1000))]
"""A percentage figure as typed (7.2 means 7.2 %)."""
Months = Annotated[int, Bounds(Decimal(0), Decimal(1200))]
CalendarMonth = Annotated[int, Bounds(Decimal(1), Decimal(12))]
Count = Annotated[int, Bounds(Decimal(0), Decimal(1000000))]
Text = Annotated[str, MaxLength(SHORT_TEXT)]
LongText = Annotated[str, MaxLength(LONG_TEXT)]

ROW_ID_LENGTH = 40
RowId = Annotated[str, MaxLength(ROW_ID_LENGTH)]
"""The stable id of a detail row (``workbench.domain.row_ids``): short text, unique within its list."""
