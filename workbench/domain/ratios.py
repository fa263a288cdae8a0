"""Balance-sheet evaluation ratios (资产负债评价), as in worked case A's balance sheet."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from workbench.domain.money import ONE, safe_div

if TYPE_CHECKING:
    from workbench.domain.balance_sheet import BalanceTotals
    from workbench.domain.profit_loss import IncomeStatement

DAYS_PER_MONTH = Decimal(30)


def evaluation_ratios(totals: BalanceTotals, statement: IncomeStatement) -> dict[str, Decimal | None]:
    """Every ratio as an exact fraction (days and months as plain numbers); ``None`` where undefined."""
    avg = statement.average
    structure = statement.structure
    sales = avg["sales"]
    monthly_material = sales * structure.material_ratio
    debts = totals.short_debts + totals.long_term_liabilities
    # Current liabilities cover both scopes (a household credit card is one), so current assets do too.
    current = totals.current_assets + totals.household_current_assets
    return {
        "debt_ratio": safe_div(totals.total_liabilities, totals.total_assets),
        "current_ratio": safe_div(current, totals.current_liabilities),
        "quick_ratio": safe_div(current - totals.inventory, totals.current_liabilities),
        "cash_ratio": safe_div(totals.liquid, totals.current_liabilities),
        "liquidity_to_liabilities": safe_div(
            totals.cash + totals.bank + totals.receivables, totals.total_liabilities
        ),
        "inventory_days": _times(safe_div(totals.inventory, avg["variable_costs"]), DAYS_PER_MONTH),
        "raw_material_days": _times(safe_div(totals.raw_materials, monthly_material), DAYS_PER_MONTH)
        if totals.raw_materials
        else None,
        "receivable_days": _times(safe_div(totals.receivables, sales), DAYS_PER_MONTH),
        "ar_to_sales": safe_div(totals.receivables, sales),
        "stock_at_price_to_sales": _over(safe_div(totals.inventory, ONE - structure.gross_margin), sales),
        "equity_to_household": safe_div(totals.equity, avg["household"]),
        "debt_to_sales": safe_div(debts, statement.annual_sales),
    }


def _over(value: Decimal | None, base: Decimal) -> Decimal | None:
    return None if value is None else safe_div(value, base)


def _times(value: Decimal | None, factor: Decimal) -> Decimal | None:
    return None if value is None else value * factor
