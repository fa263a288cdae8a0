"""Product settings: tolerances, usable share α, rounding, limits.

The tolerance numbers are training practice, not published rules (no written source gives them),
so every one of them is a setting.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from workbench.domain.explanations import MIN_EXPLANATION_WEIGHT
from workbench.domain.money import Rounding

MATERIAL_ITEMS = (
    "sales",
    "gross_margin",
    "expenses",
    "household",
    "inventory",
    "receivables",
    "debts",
    "income",
)
"""Every item the readiness gate may find material (``readiness.material_items`` says when it is)."""


@dataclass(frozen=True, slots=True)
class ToleranceBand:
    """|δ| ≤ ``ok`` is OK, ≤ ``explain`` needs a written explanation, above that FAIL."""

    ok: Decimal = Decimal("0.05")
    explain: Decimal = Decimal("0.10")


@dataclass(frozen=True, slots=True)
class RoundingSettings:
    """Rounding of instalments and loan amounts.

    Interest is always rounded half-up to the cent each period; the instalment is rounded to a
    multiple of ``instalment_unit`` with ``instalment_mode``; the last instalment absorbs the rest.
    """

    instalment_unit: Decimal = Decimal("0.01")
    instalment_mode: Rounding = Rounding.HALF_UP
    loan_unit: Decimal = Decimal(1000)


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a product or a branch may tune; defaults are those of the worked cases (docs/sources.md)."""

    flow_tolerance: ToleranceBand = field(default_factory=ToleranceBand)
    equity_tolerance: ToleranceBand = field(default_factory=ToleranceBand)
    alpha: Decimal = Decimal("0.80")
    sensitivities: tuple[Decimal, ...] = (Decimal("0.50"), Decimal("0.70"), Decimal("0.80"))
    min_checks_per_item: int = 2
    """Distinct methods, computed and with evidence, each material item needs (write-up §5)."""
    material_items: tuple[str, ...] = MATERIAL_ITEMS
    """Items that need ``min_checks_per_item`` methods when material; drop one to waive it."""
    materiality_share: Decimal = Decimal("0.10")
    """A balance-sheet item (inventory, receivables, debts) is material from this share of total assets, an
    expense line (operating, household) from this share of the average month's sales and other income."""
    min_explanation_weight: int = MIN_EXPLANATION_WEIGHT
    rounding: RoundingSettings = field(default_factory=RoundingSettings)
    product_max: Decimal = Decimal(300000)
    first_loan_cap: Decimal | None = None
    max_annual_rate: Decimal = Decimal("0.36")
    max_months: int = 360
    minimum_cash_buffer: Decimal = Decimal(0)
    days_per_month: Decimal = Decimal(30)
    """Operating days in a month where the case names none (no business); some banks count 28."""


DEFAULT_SETTINGS = Settings()

INSTALMENT_UNITS = (Decimal("0.01"), Decimal(1), Decimal(10), Decimal(100))
LOAN_UNITS = (Decimal(100), Decimal(500), Decimal(1000))
