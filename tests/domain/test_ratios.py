"""ratios.evaluation_ratios: balance-sheet evaluation ratios (worked-case tables A4, B4)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from tests.domain.builders import demo_case, pct
from workbench.domain.balance_sheet import (
    AssetCategory,
    AssetItem,
    BalanceSheet,
    Debt,
    Payable,
    Receivable,
    StockCategory,
    StockItem,
    compute_totals,
)
from workbench.domain.money import quantize
from workbench.domain.profit_loss import ExpenseItem, ProductLine, ProfitLoss, compute_income_statement
from workbench.domain.ratios import evaluation_ratios

D = Decimal


def ratios_of(sheet: BalanceSheet, pl: ProfitLoss) -> dict[str, Decimal | None]:
    return evaluation_ratios(compute_totals(sheet), compute_income_statement(pl, sheet))


def demo_ratios(name: str) -> dict[str, Decimal | None]:
    case = demo_case(name)
    return ratios_of(case.balance_sheet, case.profit_loss)


def cents(value: Decimal | None) -> Decimal:
    assert value is not None
    return quantize(value)


# ---- case A (A4) -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "percent"),
    [("debt_ratio", "5.65"), ("ar_to_sales", "4.17"), ("stock_at_price_to_sales", "103.67")],
)
def test_case_a_percent_ratios(key: str, percent: str) -> None:
    assert pct(demo_ratios("a")[key]) == D(percent)


@pytest.mark.parametrize(
    ("key", "value"),
    [("inventory_days", "31.10"), ("equity_to_household", "134.81"), ("liquidity_to_liabilities", "1.17")],
)
def test_case_a_days_months_and_multiples(key: str, value: str) -> None:
    assert cents(demo_ratios("a")[key]) == D(value)


def test_case_a_exact_values() -> None:
    r = demo_ratios("a")
    assert r["debt_ratio"] == D(42000) / D(743000)
    assert r["inventory_days"] == D(105000) / D("101280.00") * 30
    assert r["ar_to_sales"] == D(5000) / D(120000)
    assert r["equity_to_household"] == D(701000) / D(5200)
    assert r["liquidity_to_liabilities"] == D(49000) / D(42000)
    assert r["raw_material_days"] is None  # a shop holds no raw materials


# ---- case B (B4) -------------------------------------------------------------------------------------


def test_case_b_receivables_to_monthly_sales() -> None:
    r = demo_ratios("b")
    assert pct(r["ar_to_sales"]) == D("73.20")
    assert r["ar_to_sales"] == D(118000) / D(161200)
    assert cents(r["receivable_days"]) == D("21.96")  # ≈ 22 days


def test_case_b_raw_material_days() -> None:
    r = demo_ratios("b")
    assert cents(r["raw_material_days"]) == D("24.33")  # 66,000 / (81,384 / 30)
    assert quantize(r["raw_material_days"], D("0.0001")) == quantize(D(66000) / (D(81384) / 30), D("0.0001"))


def test_case_b_debt_ratio_for_both_passes() -> None:
    case = demo_case("b")
    assert pct(demo_ratios("b")["debt_ratio"]) == D("8.65")  # 90,000 / 1,040,000
    pass1 = dataclasses.replace(
        case.balance_sheet,
        assets=tuple(a for a in case.balance_sheet.assets if a.category is not AssetCategory.LOAN_TO_OTHERS),
    )
    assert pct(ratios_of(pass1, case.profit_loss)["debt_ratio"]) == D("9.18")  # 90,000 / 980,000


# ---- every ratio on a hand-made case ------------------------------------------------------------


def hand_sheet() -> BalanceSheet:
    return BalanceSheet(
        assets=(
            AssetItem(AssetCategory.CASH, "till", D(1000)),
            AssetItem(AssetCategory.BANK, "bank", D(2000)),
        ),
        stock=(
            StockItem("boards", D(1), D(2000), StockCategory.RAW_MATERIAL),
            StockItem("tables", D(1), D(4000), StockCategory.FINISHED),
        ),
        receivables=(Receivable("shop", D(3000)),),
        payables=(Payable("supplier", D(4000)),),
        debts=(Debt("bank", D(2000)), Debt("equipment loan", D(6000), long_term=True)),
    )


def hand_pl() -> ProfitLoss:
    # purchase 20 % + material 30 % → margin 50 %; 10,000 every month
    return ProfitLoss(
        products=(ProductLine("table", D(100), D(20), quantity=D(100), material=D(30)),),
        normal_sales=D(10000),
        household_expenses=(ExpenseItem("food", D(500)),),
    )


HAND_RATIOS = {
    "debt_ratio": "1",  # TL 12,000 / TA 12,000
    "current_ratio": "2",  # 12,000 / 6,000
    "quick_ratio": "1",  # (12,000 − 6,000) / 6,000
    "cash_ratio": "0.5",  # 3,000 / 6,000
    "liquidity_to_liabilities": "0.5",  # (1,000 + 2,000 + 3,000) / 12,000
    "inventory_days": "36",  # 6,000 / 5,000 × 30
    "raw_material_days": "20",  # 2,000 / (10,000 × 0.3) × 30
    "receivable_days": "9",  # 3,000 / 10,000 × 30
    "ar_to_sales": "0.3",
    "stock_at_price_to_sales": "1.2",  # 6,000 / (1 − 0.5) / 10,000
    "equity_to_household": "0",  # equity 0
    "debt_to_sales": "0.06666666666666666666666666667",  # 8,000 / 120,000
}


def test_every_ratio_of_a_hand_made_case() -> None:
    r = ratios_of(hand_sheet(), hand_pl())
    assert set(r) == set(HAND_RATIOS)
    assert r == {k: D(v) for k, v in HAND_RATIOS.items()}


# ---- undefined ratios are None -------------------------------------------------------------------


def test_without_liabilities_the_liability_ratios_are_undefined() -> None:
    sheet = dataclasses.replace(hand_sheet(), payables=(), debts=())
    r = ratios_of(sheet, hand_pl())
    assert r["debt_ratio"] == 0  # TL / TA is defined
    for key in ("current_ratio", "quick_ratio", "cash_ratio", "liquidity_to_liabilities"):
        assert r[key] is None, key
    assert r["debt_to_sales"] == 0


def test_an_empty_case_has_no_defined_ratio() -> None:
    r = ratios_of(BalanceSheet(), ProfitLoss())
    assert r == dict.fromkeys(HAND_RATIOS)


def test_without_sales_the_sales_ratios_are_undefined() -> None:
    pl = dataclasses.replace(hand_pl(), normal_sales=D(0))
    r = ratios_of(hand_sheet(), pl)
    for key in (
        "inventory_days",
        "raw_material_days",
        "receivable_days",
        "ar_to_sales",
        "stock_at_price_to_sales",
        "debt_to_sales",
    ):
        assert r[key] is None, key
    assert r["debt_ratio"] == 1


def test_a_full_margin_leaves_stock_at_selling_value_undefined() -> None:
    pl = dataclasses.replace(hand_pl(), gross_margin_override=D(1))
    r = ratios_of(hand_sheet(), pl)
    assert r["stock_at_price_to_sales"] is None
    assert r["inventory_days"] is None  # no variable costs


def test_without_household_expenses_equity_to_household_is_undefined() -> None:
    assert (
        ratios_of(hand_sheet(), dataclasses.replace(hand_pl(), household_expenses=()))["equity_to_household"]
        is None
    )


def test_raw_material_days_need_a_material_share() -> None:
    pl = ProfitLoss(products=(ProductLine("goods", D(10), D(6), share=D(1)),), normal_sales=D(10000))
    assert ratios_of(hand_sheet(), pl)["raw_material_days"] is None  # raw stock but no material share
