"""profit_loss: weighted margin, unit cost structure and the 12-month statement.

The worked-case tables A1–A3, B1–B3 (docs/sources.md).
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from tests.domain.builders import demo_case
from workbench.domain.balance_sheet import BalanceSheet, Debt, DebtKind, Scope
from workbench.domain.errors import ValidationError
from workbench.domain.money import quantize
from workbench.domain.profit_loss import (
    LINE_FIELDS,
    ExpenseItem,
    IncomeStatement,
    ProductLine,
    ProfitLoss,
    Season,
    VariableExpense,
    compute_income_statement,
    cost_structure,
)

D = Decimal
PEAK, NORMAL, SLACK = Season.PEAK, Season.NORMAL, Season.SLACK

CASE_A_PRODUCTS = (
    ProductLine("tobacco", D("20.00"), D("18.00"), share=D("0.30")),
    ProductLine("beverages", D("3.00"), D("2.50"), share=D("0.30")),
    ProductLine("snacks", D("5.00"), D("3.90"), share=D("0.20")),
    ProductLine("daily goods", D("10.00"), D("8.00"), share=D("0.12")),
    ProductLine("grain & oil", D("50.00"), D("45.00"), share=D("0.08")),
)

CASE_B_PRODUCTS = (
    ProductLine("wardrobe", D(2800), quantity=D(30), material=D(1400), piece_wage=D(560), kwh=D(90),
                labour_hours=D(22)),
    ProductLine("table set", D(1900), quantity=D(20), material=D(950), piece_wage=D(380), kwh=D(55),
                labour_hours=D(14)),
    ProductLine("cabinet", D(1400), quantity=D(28), material=D(728), piece_wage=D(266), kwh=D(45),
                labour_hours=D(9)),
)  # fmt: skip


def places(value: Decimal | None, digits: int) -> Decimal:
    assert value is not None
    return quantize(value, D(1).scaleb(-digits))


# ---- cost structure ---------------------------------------------------------------------------


def test_case_a_weighted_margin_from_shares() -> None:
    s = cost_structure(ProfitLoss(products=CASE_A_PRODUCTS))
    assert places(s.gross_margin, 6) == D("0.156000")
    assert places(s.purchase_ratio, 6) == D("0.844000")
    assert s.material_ratio == s.wage_ratio == s.energy_ratio == 0
    assert s.shares_total == D(1)
    assert s.kwh_per_1000 is None
    assert s.labour_hours_normal is None


def test_case_b_unit_cost_structure_from_quantities() -> None:
    s = cost_structure(ProfitLoss(products=CASE_B_PRODUCTS, energy_tariff=D("0.90")))
    assert places(s.material_ratio, 5) == D("0.50486")  # 81,384 / 161,200
    assert places(s.wage_ratio, 5) == D("0.19757")  # 31,848 / 161,200
    assert places(s.energy_ratio, 5) == D("0.02825")  # 5,060 kWh × 0.90 / 161,200
    assert places(s.gross_margin, 5) == D("0.26932")  # contribution margin
    assert places(s.kwh_per_1000, 4) == D("31.3896")  # 5,060 kWh per 161.2 thousand CNY
    assert s.labour_hours_normal == D(1192)
    assert s.purchase_ratio == 0
    assert s.shares_total == D(1)
    # the exact shares reproduce the B1 money amounts
    assert s.material_ratio * 161200 == D(81384)
    assert quantize(s.wage_ratio * 161200) == D("31848.00")


def test_shares_that_do_not_sum_to_one_are_normalised() -> None:
    # margins 50 % and 25 %, weights 0.6 : 0.2 = 3 : 1 → (3 × 0.5 + 0.25) / 4
    partial = ProfitLoss(
        products=(
            ProductLine("a", D(10), D(5), share=D("0.6")),
            ProductLine("b", D(100), D(75), share=D("0.2")),
        )
    )
    full = ProfitLoss(
        products=(
            ProductLine("a", D(10), D(5), share=D("0.75")),
            ProductLine("b", D(100), D(75), share=D("0.25")),
        )
    )
    assert cost_structure(partial).gross_margin == D("0.4375")
    assert cost_structure(full).gross_margin == D("0.4375")
    assert cost_structure(partial).shares_total == D("0.8")


def test_gross_margin_override_replaces_the_table_margin_only() -> None:
    pl = ProfitLoss(
        products=CASE_A_PRODUCTS,
        gross_margin_override=D("0.20"),
        normal_sales=D(1000),
        calendar=(NORMAL,) * 12,
    )
    s = cost_structure(pl)
    assert s.gross_margin == D("0.20")
    assert places(s.purchase_ratio, 6) == D("0.844000")  # the table is still analysed
    month = compute_income_statement(pl, BalanceSheet()).month(1)
    assert (month.variable_costs, month.gross_profit) == (D("800.00"), D("200.00"))


def test_a_zero_price_product_is_ignored_when_weighted_by_quantity() -> None:
    base = cost_structure(ProfitLoss(products=CASE_B_PRODUCTS, energy_tariff=D("0.90")))
    free = ProductLine("free sample", D(0), quantity=D(50), material=D(100), kwh=D(10), labour_hours=D(1))
    with_free = cost_structure(ProfitLoss(products=(*CASE_B_PRODUCTS, free), energy_tariff=D("0.90")))
    assert with_free.gross_margin == base.gross_margin
    assert with_free.material_ratio == base.material_ratio


def test_a_zero_price_product_is_ignored_when_weighted_by_share() -> None:
    pl = ProfitLoss(
        products=(
            ProductLine("a", D(10), D(8), share=D("0.5")),
            ProductLine("no price yet", D(0), D(5), share=D("0.5")),
        )
    )
    assert cost_structure(pl).gross_margin == D("0.2")


def test_no_products_gives_a_zero_margin_and_no_energy_or_labour_figures() -> None:
    s = cost_structure(ProfitLoss())
    assert (s.gross_margin, s.purchase_ratio, s.shares_total) == (D(0), D(0), D(0))
    assert s.kwh_per_1000 is None
    assert s.labour_hours_normal is None


def test_quantities_without_kwh_or_hours_leave_those_figures_undefined() -> None:
    s = cost_structure(ProfitLoss(products=(ProductLine("x", D(10), quantity=D(5), material=D(4)),)))
    assert s.gross_margin == D("0.6")
    assert s.kwh_per_1000 is None
    assert s.labour_hours_normal is None


# ---- the 12-month statement: case A (A3) -------------------------------------------------------


@pytest.fixture(scope="module")
def case_a() -> IncomeStatement:
    case = demo_case("a")
    return compute_income_statement(case.profit_loss, case.balance_sheet)


@pytest.fixture(scope="module")
def case_b() -> IncomeStatement:
    case = demo_case("b")
    return compute_income_statement(case.profit_loss, case.balance_sheet)


# line: (average, peak, normal, slack) exactly as the A3 table
CASE_A_TABLE = {
    "sales": ("120000.00", "160000.00", "120000.00", "100000.00"),
    "variable_costs": ("101280.00", "135040.00", "101280.00", "84400.00"),
    "gross_profit": ("18720.00", "24960.00", "18720.00", "15600.00"),
    "operating_expenses": ("8600.00", "8800.00", "8600.00", "8500.00"),
    "business_instalments": ("0.00", "0.00", "0.00", "0.00"),
    "net_profit_cash": ("10120.00", "16160.00", "10120.00", "7100.00"),
    "household": ("5200.00", "5200.00", "5200.00", "5200.00"),
    "disposable": ("4920.00", "10960.00", "4920.00", "1900.00"),
}


@pytest.mark.parametrize(("line", "values"), CASE_A_TABLE.items())
def test_case_a_monthly_table(case_a: IncomeStatement, line: str, values: tuple[str, ...]) -> None:
    average, peak, normal, slack = (D(v) for v in values)
    assert case_a.average[line] == average
    assert getattr(case_a.by_season[PEAK], line) == peak
    assert getattr(case_a.by_season[NORMAL], line) == normal
    assert getattr(case_a.by_season[SLACK], line) == slack


def test_case_a_calendar_and_annual_sales(case_a: IncomeStatement) -> None:
    seasons = [m.season for m in case_a.months]
    assert [m.month for m in case_a.months] == list(range(1, 13))
    assert [i + 1 for i, s in enumerate(seasons) if s is PEAK] == [1, 2]
    assert [i + 1 for i, s in enumerate(seasons) if s is SLACK] == [3, 7, 8, 11]
    assert seasons.count(NORMAL) == 6
    assert case_a.annual_sales == D(1440000)
    assert case_a.fixed_costs == D("8000.00")
    assert case_a.month(8).disposable == D("1900.00")
    assert case_a.month(1).net_profit_cash == D("16160.00")
    assert places(case_a.net_margin, 4) == D("0.0843")


# ---- case B (B3) -------------------------------------------------------------------------------

CASE_B_TABLE = {
    "sales": ("161200.00", "209560.00", "112840.00"),
    "variable_costs": ("117786.00", "153121.80", "82450.20"),
    "gross_profit": ("43414.00", "56438.20", "30389.80"),
    "operating_expenses": ("19240.00", "19240.00", "19240.00"),
    "operating_profit": ("24174.00", "37198.20", "11149.80"),
    "business_interest": ("0.00", "0.00", "0.00"),
    "net_profit_accounting": ("24174.00", "37198.20", "11149.80"),
    "business_instalments": ("2100.00", "2100.00", "2100.00"),
    "net_profit_cash": ("22074.00", "35098.20", "9049.80"),
    "household": ("7500.00", "7500.00", "7500.00"),
    "private_instalments": ("0.00", "0.00", "0.00"),
    "other_expenses": ("0.00", "0.00", "0.00"),
    "other_income": ("800.00", "800.00", "800.00"),
    "disposable": ("15374.00", "28398.20", "2349.80"),
}


@pytest.mark.parametrize(("line", "values"), CASE_B_TABLE.items())
def test_case_b_monthly_table(case_b: IncomeStatement, line: str, values: tuple[str, ...]) -> None:
    average, peak, slack = (D(v) for v in values)
    assert case_b.average[line] == average
    assert getattr(case_b.by_season[NORMAL], line) == average  # average = normal month in case B
    assert getattr(case_b.by_season[PEAK], line) == peak
    assert getattr(case_b.by_season[SLACK], line) == slack


def test_case_b_every_line_is_listed() -> None:
    assert set(CASE_B_TABLE) == set(LINE_FIELDS)


def test_case_b_calendar(case_b: IncomeStatement) -> None:
    assert [m.season for m in case_b.months] == [SLACK, SLACK] + [NORMAL] * 4 + [SLACK, SLACK] + [PEAK] * 4
    assert case_b.annual_sales == D(1934400)
    assert case_b.fixed_costs == D("19240.00")


# ---- mechanics on small hand-made statements --------------------------------------------------


def test_the_average_is_the_sum_of_the_twelve_months_over_twelve() -> None:
    pl = ProfitLoss(
        products=(ProductLine("x", D(10), D(7), share=D(1)),),
        calendar=(PEAK,) * 5 + (NORMAL,) * 4 + (SLACK,) * 3,
        peak_sales=D(1000),
        normal_sales=D(700),
        slack_sales=D(101),
    )
    st = compute_income_statement(pl, BalanceSheet())
    assert st.annual_sales == D(8103)
    assert st.average["sales"] == D("675.25")  # 8,103 / 12
    assert st.average["gross_profit"] == D("202.58")  # (5×300 + 4×210 + 3×30.30) / 12 = 202.575 → half-up
    for name in LINE_FIELDS:
        assert st.average[name] == quantize(sum((getattr(m, name) for m in st.months), D(0)) / 12)


def hand_pl(**changes: object) -> ProfitLoss:
    pl = ProfitLoss(
        products=(ProductLine("x", D(10), D(7), share=D(1)),),  # margin 30 %
        normal_sales=D(10000),
        fixed_costs=(ExpenseItem("rent", D(500)), ExpenseItem("power", D("300.50"))),
        variable_expenses=(VariableExpense("card fees", D("0.01")),),
        household_expenses=(ExpenseItem("food", D(1200)),),
        other_expenses=(ExpenseItem("insurance", D(100)),),
        other_income=(ExpenseItem("spouse salary", D(250)),),
    )
    return dataclasses.replace(pl, **changes)  # type: ignore[arg-type]


HAND_DEBTS = BalanceSheet(
    debts=(
        Debt("bank", D(30000), monthly_instalment=D(900), monthly_interest=D(150)),
        Debt("supplier credit line", D(2000), DebtKind.OTHER_INSTITUTION, monthly_interest=D(20)),
        Debt("mortgage", D(90000), DebtKind.MORTGAGE, scope=Scope.HOUSEHOLD, monthly_instalment=D(1100),
             monthly_interest=D(400)),
    )
)  # fmt: skip


def test_instalments_come_from_the_sheets_debts_by_scope() -> None:
    m = compute_income_statement(hand_pl(), HAND_DEBTS).month(1)
    assert m.sales == D("10000.00")
    assert m.variable_costs == D("7000.00")
    assert m.gross_profit == D("3000.00")
    assert m.operating_expenses == D("900.50")  # 800.50 fixed + 1 % of sales
    assert m.operating_profit == D("2099.50")
    assert m.business_interest == D("170.00")  # household interest is not a business cost
    assert m.net_profit_accounting == D("1929.50")  # OP − interest (equity check)
    assert m.business_instalments == D("900.00")
    assert m.net_profit_cash == D("1199.50")  # OP − instalments (净利润 of the survey template)
    assert m.household == D("1200.00")
    assert m.private_instalments == D("1100.00")  # household-scope debt
    assert m.other_expenses == D("100.00")
    assert m.other_income == D("250.00")
    assert m.disposable == D("-950.50")  # 1,199.50 − 1,200 − 1,100 − 100 + 250


def test_without_debts_accounting_and_cash_net_profit_agree() -> None:
    m = compute_income_statement(hand_pl(), BalanceSheet()).month(1)
    assert m.net_profit_accounting == m.net_profit_cash == m.operating_profit == D("2099.50")
    assert m.disposable == D("1049.50")  # 2,099.50 − 1,200 − 100 + 250


def test_other_income_is_added_to_disposable_cash() -> None:
    base = compute_income_statement(hand_pl(other_income=()), BalanceSheet()).average["disposable"]
    more = compute_income_statement(
        hand_pl(other_income=(ExpenseItem("rent", D(800)), ExpenseItem("pension", D("99.99")))),
        BalanceSheet(),
    ).average
    assert more["other_income"] == D("899.99")
    assert more["disposable"] - base == D("899.99")


def test_net_margin_is_average_cash_profit_over_average_sales() -> None:
    st = compute_income_statement(hand_pl(), HAND_DEBTS)
    assert st.net_margin == D("0.11995")
    assert compute_income_statement(ProfitLoss(), BalanceSheet()).net_margin is None


@pytest.mark.parametrize("length", [0, 11, 13])
def test_a_calendar_must_have_twelve_months(length: int) -> None:
    with pytest.raises(ValidationError) as caught:
        ProfitLoss(calendar=(NORMAL,) * length)
    assert (caught.value.field, caught.value.reason) == ("calendar", "wrong_length")
    assert caught.value.params == {"expected": 12, "count": length}
