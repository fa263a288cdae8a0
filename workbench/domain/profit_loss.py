"""Reconstructed income statement (损益表还原), monthly, IPC cash-flow style.

Sales follow a 12-month seasonal calendar; variable costs follow the weighted margin of the
product table (trade) or its unit cost structure (production). Existing instalments come from
the debts on the balance sheet, so the two statements cannot drift apart.

Per month m::

    GP   = S − VC                      VC = S × (1 − weighted margin)
    OP   = GP − OPEX                   OPEX = fixed costs + variable expense rates × S
    NP_acc  = OP − interest on business debts          (for the equity check)
    NP_cash = OP − business instalments                (净利润 of the survey templates)
    MD   = NP_cash − household − private instalments − other expenses + other income
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from workbench.domain.balance_sheet import BalanceSheet, Scope
from workbench.domain.errors import ValidationError
from workbench.domain.fields import Amount, Factor, Share, Text, UnitPrice
from workbench.domain.money import ONE, ZERO, quantize, safe_div
from workbench.domain.row_ids import Row, check_unique_row_ids


class Season(StrEnum):
    PEAK = "peak"  # 旺季
    NORMAL = "normal"  # 平季
    SLACK = "slack"  # 淡季


MONTHS = tuple(range(1, 13))


@dataclass(frozen=True, slots=True)
class ProductLine(Row):
    """One row of the product-margin table / unit cost structure.

    Give either ``share`` (sales share, trade shops) or ``quantity`` per normal month
    (workshops); the variable unit cost is ``unit_cost + material + piece_wage + kwh × tariff``.
    """

    name: Text
    unit_price: UnitPrice
    unit_cost: UnitPrice = ZERO
    share: Share | None = None
    quantity: Factor | None = None
    material: UnitPrice = ZERO
    piece_wage: UnitPrice = ZERO
    kwh: Factor = ZERO
    labour_hours: Factor = ZERO
    unit: Text = ""


@dataclass(frozen=True, slots=True)
class ExpenseItem(Row):
    """A monthly amount: fixed cost, household expense, other expense or other income."""

    label: Text
    amount: Amount
    note: Text = ""


@dataclass(frozen=True, slots=True)
class VariableExpense(Row):
    """An expense proportional to sales (shrinkage 损耗, commissions, card fees)."""

    label: Text
    rate: Share


@dataclass(frozen=True, slots=True)
class ProfitLoss:
    """The officer's inputs for the 12-month income statement."""

    products: tuple[ProductLine, ...] = ()
    energy_tariff: UnitPrice = ZERO
    calendar: tuple[Season, ...] = (Season.NORMAL,) * 12
    peak_sales: Amount = ZERO
    normal_sales: Amount = ZERO
    slack_sales: Amount = ZERO
    fixed_costs: tuple[ExpenseItem, ...] = ()
    variable_expenses: tuple[VariableExpense, ...] = ()
    household_expenses: tuple[ExpenseItem, ...] = ()
    other_expenses: tuple[ExpenseItem, ...] = ()
    other_income: tuple[ExpenseItem, ...] = ()
    gross_margin_override: Share | None = None
    sales_narrative: Text = ""

    def __post_init__(self) -> None:
        if len(self.calendar) != 12:
            raise ValidationError("calendar", "wrong_length", expected=12, count=len(self.calendar))
        check_unique_row_ids(
            self,
            "products",
            "fixed_costs",
            "variable_expenses",
            "household_expenses",
            "other_expenses",
            "other_income",
        )


@dataclass(frozen=True, slots=True)
class CostStructure:
    """Weighted shares of sales (exact ratios, never rounded)."""

    gross_margin: Decimal
    purchase_ratio: Decimal
    material_ratio: Decimal
    wage_ratio: Decimal
    energy_ratio: Decimal
    kwh_per_1000: Decimal | None
    labour_hours_normal: Decimal | None
    shares_total: Decimal


@dataclass(frozen=True, slots=True)
class MonthLine:
    """One month of the statement, every amount rounded half-up to the cent."""

    month: int
    season: Season
    sales: Decimal
    variable_costs: Decimal
    gross_profit: Decimal
    operating_expenses: Decimal
    operating_profit: Decimal
    business_interest: Decimal
    net_profit_accounting: Decimal
    business_instalments: Decimal
    net_profit_cash: Decimal
    household: Decimal
    private_instalments: Decimal
    other_expenses: Decimal
    other_income: Decimal
    disposable: Decimal


LINE_FIELDS = (
    "sales",
    "variable_costs",
    "gross_profit",
    "operating_expenses",
    "operating_profit",
    "business_interest",
    "net_profit_accounting",
    "business_instalments",
    "net_profit_cash",
    "household",
    "private_instalments",
    "other_expenses",
    "other_income",
    "disposable",
)


@dataclass(frozen=True, slots=True)
class IncomeStatement:
    """The computed statement: 12 calendar months, the average month and one month per season."""

    months: tuple[MonthLine, ...]
    average: dict[str, Decimal]
    by_season: dict[Season, MonthLine]
    structure: CostStructure
    annual_sales: Decimal
    fixed_costs: Decimal

    @property
    def seasons(self) -> tuple[Season, ...]:
        """The seasons the calendar has, peak first (``by_season`` also models the others, unused)."""
        present = {m.season for m in self.months}
        return tuple(s for s in Season if s in present)

    def month(self, number: int) -> MonthLine:
        """The line of calendar month ``number`` (1 = January)."""
        return self.months[number - 1]

    @property
    def net_margin(self) -> Decimal | None:
        """Average cash net profit / average sales."""
        return safe_div(self.average["net_profit_cash"], self.average["sales"])


def cost_structure(pl: ProfitLoss) -> CostStructure:
    """Weighted gross margin and cost shares of the product table (加权毛利率).

    Each product's weight is its sales share, or quantity × price where every line has a quantity;
    weights are normalised by their sum. A line without a price weighs nothing (a blank row).

    Raises:
        ValidationError: ``required`` at ``products[i].share`` (or ``.quantity`` where other lines have
            quantities): a priced line has no weight, so the margin cannot be weighted.
    """
    use_quantity = bool(pl.products) and all(p.quantity is not None for p in pl.products)
    weights: list[Decimal] = []
    if not use_quantity and any(p.quantity is not None for p in pl.products):
        for index, p in enumerate(pl.products):
            if p.unit_price != 0 and p.quantity is None and p.share is None:
                raise ValidationError(f"products[{index}].quantity", "required")
    for index, p in enumerate(pl.products):
        if p.unit_price == 0:
            weights.append(ZERO)  # no price, no margin: it must not dilute the others
        elif use_quantity:
            weights.append((p.quantity or ZERO) * p.unit_price)
        elif p.share is None:
            # Leaving a priced line out would shift the margin silently: ask for its weight instead.
            raise ValidationError(f"products[{index}].share", "required")
        else:
            weights.append(p.share)
    total_weight = sum(weights, ZERO)

    def weighted(part: str) -> Decimal:
        if total_weight == 0:
            return ZERO
        acc = ZERO
        for p, w in zip(pl.products, weights, strict=True):
            if p.unit_price == 0:
                continue
            acc += w * _unit_part(p, part, pl.energy_tariff) / p.unit_price
        return acc / total_weight

    purchase = weighted("unit_cost")
    material = weighted("material")
    wage = weighted("piece_wage")
    energy = weighted("energy")
    margin = pl.gross_margin_override
    if margin is None:
        margin = ONE - purchase - material - wage - energy if total_weight else ZERO
    kwh_per_1000 = None
    hours = None
    if use_quantity and total_weight:
        kwh_total = sum(((p.quantity or ZERO) * p.kwh for p in pl.products), ZERO)
        kwh_per_1000 = kwh_total / total_weight * 1000 if kwh_total else None
        hours_total = sum(((p.quantity or ZERO) * p.labour_hours for p in pl.products), ZERO)
        hours = hours_total or None
    shares_total = total_weight if not use_quantity else ONE
    return CostStructure(
        gross_margin=margin,
        purchase_ratio=purchase,
        material_ratio=material,
        wage_ratio=wage,
        energy_ratio=energy,
        kwh_per_1000=kwh_per_1000,
        labour_hours_normal=hours,
        shares_total=shares_total,
    )


def _unit_part(p: ProductLine, part: str, tariff: Decimal) -> Decimal:
    if part == "energy":
        return p.kwh * tariff
    value: Decimal = getattr(p, part)
    return value


def season_sales(pl: ProfitLoss, season: Season) -> Decimal:
    """Monthly sales in a season."""
    return {Season.PEAK: pl.peak_sales, Season.NORMAL: pl.normal_sales, Season.SLACK: pl.slack_sales}[season]


def compute_income_statement(pl: ProfitLoss, sheet: BalanceSheet) -> IncomeStatement:
    """Build the 12-month statement, the average month and the seasonal months.

    Args:
        pl: the P&L inputs.
        sheet: the current balance sheet; its debts give the existing instalments and interest.

    Returns:
        Every line rounded half-up to the cent per month; averages are Σ months / 12, rounded.
    """
    structure = cost_structure(pl)
    fixed = sum((e.amount for e in pl.fixed_costs), ZERO)
    var_rate = sum((v.rate for v in pl.variable_expenses), ZERO)
    household = sum((e.amount for e in pl.household_expenses), ZERO)
    other_exp = sum((e.amount for e in pl.other_expenses), ZERO)
    other_inc = sum((e.amount for e in pl.other_income), ZERO)
    biz_debts = [d for d in sheet.debts if d.scope is Scope.BUSINESS]
    biz_instalments = sum((d.monthly_instalment for d in biz_debts), ZERO)
    biz_interest = sum((d.monthly_interest for d in biz_debts), ZERO)
    private = sum((d.monthly_instalment for d in sheet.debts if d.scope is Scope.HOUSEHOLD), ZERO)

    def line(month: int, season: Season) -> MonthLine:
        sales = quantize(season_sales(pl, season))
        vc = quantize(sales * (ONE - structure.gross_margin))
        gp = sales - vc
        opex = quantize(fixed + sales * var_rate)
        op = gp - opex
        np_acc = op - quantize(biz_interest)
        np_cash = op - quantize(biz_instalments)
        md = np_cash - quantize(household) - quantize(private) - quantize(other_exp) + quantize(other_inc)
        return MonthLine(
            month=month,
            season=season,
            sales=sales,
            variable_costs=vc,
            gross_profit=gp,
            operating_expenses=opex,
            operating_profit=op,
            business_interest=quantize(biz_interest),
            net_profit_accounting=np_acc,
            business_instalments=quantize(biz_instalments),
            net_profit_cash=np_cash,
            household=quantize(household),
            private_instalments=quantize(private),
            other_expenses=quantize(other_exp),
            other_income=quantize(other_inc),
            disposable=md,
        )

    by_season = {season: line(0, season) for season in Season}
    months = tuple(
        dataclasses.replace(by_season[season], month=m) for m, season in zip(MONTHS, pl.calendar, strict=True)
    )
    average = {name: quantize(sum((getattr(m, name) for m in months), ZERO) / 12) for name in LINE_FIELDS}
    annual = sum((m.sales for m in months), ZERO)
    return IncomeStatement(
        months=months,
        average=average,
        by_season=by_season,
        structure=structure,
        annual_sales=annual,
        fixed_costs=quantize(fixed),
    )
