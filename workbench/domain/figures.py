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

REFERABLE_FIGURES: dict[str, dict[str, str]] = {
    "sales_avg": {"zh": "月均销售额", "en": "average monthly sales"},
    "sales_normal": {"zh": "平季月销售额", "en": "normal-month sales"},
    "sales_peak": {"zh": "旺季月销售额", "en": "peak-month sales"},
    "sales_slack": {"zh": "淡季月销售额", "en": "slack-month sales"},
    "sales_annual": {"zh": "年销售额", "en": "annual sales"},
    "gm_weighted": {"zh": "加权毛利率", "en": "weighted gross margin"},
    "cost_ratio": {"zh": "可变成本率 (1 − 毛利率)", "en": "variable cost ratio (1 − margin)"},
    "purchase_ratio": {"zh": "进货成本占比", "en": "purchase cost share"},
    "material_ratio": {"zh": "材料成本占比", "en": "material share"},
    "wage_ratio": {"zh": "计件工资占比", "en": "piece-wage share"},
    "energy_ratio": {"zh": "生产电费占比", "en": "production energy share"},
    "kwh_per_1000": {"zh": "每千元产值耗电 kWh", "en": "kWh per 1,000 CNY of output"},
    "labour_hours_normal": {"zh": "平季月所需工时", "en": "labour hours needed in a normal month"},
    "variable_costs_avg": {"zh": "月均可变成本", "en": "average monthly variable costs"},
    "opex_avg": {"zh": "月均营业费用", "en": "average monthly operating expenses"},
    "op_profit_avg": {"zh": "月均经营利润", "en": "average monthly operating profit"},
    "net_profit_avg": {"zh": "月均净利润", "en": "average monthly net profit"},
    "household_avg": {"zh": "月均家庭开支", "en": "average monthly household expenses"},
    "other_income_avg": {"zh": "月均其他收入", "en": "average monthly other income"},
    "disposable_avg": {"zh": "月均可支配资金", "en": "average monthly disposable cash"},
    "inventory": {"zh": "存货", "en": "inventory"},
    "raw_materials": {"zh": "原材料", "en": "raw materials"},
    "receivables": {"zh": "应收账款", "en": "receivables"},
    "inventory_days": {"zh": "存货周转天数", "en": "inventory days"},
    "raw_material_days": {"zh": "原材料周转天数", "en": "raw-material days"},
    "ar_to_sales": {"zh": "应收款/月销售额", "en": "receivables / monthly sales"},
    "stock_at_price_to_sales": {"zh": "存货售价/月销售额", "en": "stock at selling value / monthly sales"},
    "TA": {"zh": "总资产", "en": "total assets"},
    "TL": {"zh": "总负债", "en": "total liabilities"},
    "E_act": {"zh": "实际权益", "en": "actual equity"},
    "E_exp": {"zh": "应有权益", "en": "expected equity"},
}


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
