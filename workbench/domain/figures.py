"""References from check inputs to derived case figures (``=wage_ratio`` in the exchange format).

A cross-check input can be a number or a reference to a figure the statements already derive,
so a check follows the adopted figures as the officer edits them (B1 divides the wages paid by
the *exact* wage share of the cost structure, not by a rounded copy).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated

from workbench.domain.errors import ValidationError
from workbench.domain.fields import MaxLength


@dataclass(frozen=True, slots=True)
class FigureRef:
    """A reference to a named derived figure, written ``=name`` in files."""

    name: Annotated[str, MaxLength(64)]

    def __post_init__(self) -> None:
        if self.name not in REFERABLE_FIGURES:
            raise ValidationError("", "unknown_reference", value=f"={self.name}")


Operand = Decimal | FigureRef

# The derived figures a check input may refer to (``=sales_avg``); their names in words are
# ``workbench.texts.labels.FIGURE_LABELS``.
REFERABLE_FIGURES: tuple[str, ...] = (
    "sales_avg",
    "sales_normal",
    "sales_peak",
    "sales_slack",
    "sales_annual",
    "gm_weighted",
    "cost_ratio",
    "purchase_ratio",
    "material_ratio",
    "wage_ratio",
    "energy_ratio",
    "kwh_per_1000",
    "labour_hours_normal",
    "variable_costs_avg",
    "opex_avg",
    "op_profit_avg",
    "net_profit_avg",
    "household_avg",
    "other_income_avg",
    "disposable_avg",
    "inventory",
    "raw_materials",
    "receivables",
    "inventory_days",
    "raw_material_days",
    "ar_to_sales",
    "stock_at_price_to_sales",
    "TA",
    "TL",
    "E_act",
    "E_exp",
    "operating_days",
)


def resolve(operand: Operand, figures: dict[str, Decimal | None], field: str) -> Decimal | None:
    """The value of a number or a reference; ``None`` where the referred figure is undefined.

    Raises:
        ValidationError: the reference names no known figure.
    """
    if isinstance(operand, FigureRef):
        if operand.name not in REFERABLE_FIGURES:
            raise ValidationError(field, "unknown_reference", value=f"={operand.name}")
        return figures.get(operand.name)
    return operand
