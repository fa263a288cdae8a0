"""The parts of the credit policy (``workbench.domain.policy``): tolerance bands, rounding, items.

The tolerance numbers are training practice, not published rules (no written source gives them),
so every one of them is a setting of the policy.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

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


INSTALMENT_UNITS = (Decimal("0.01"), Decimal(1), Decimal(10), Decimal(100))
LOAN_UNITS = (Decimal(100), Decimal(500), Decimal(1000))
