"""balance_sheet.compute_totals: a hand-made sheet and the demo cases A and B (worked-case tables A4, B4)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from tests.domain.builders import demo_case
from workbench.domain.balance_sheet import (
    AssetCategory,
    AssetItem,
    BalanceSheet,
    BalanceTotals,
    Debt,
    DebtKind,
    FixedAsset,
    GuaranteeGiven,
    OffBalanceItem,
    Payable,
    PayableKind,
    Receivable,
    Scope,
    StockCategory,
    StockItem,
    compute_totals,
)

D = Decimal
HH = Scope.HOUSEHOLD


def hand_sheet() -> BalanceSheet:
    """Every kind of line once, both scopes, off-balance items and a guarantee."""
    return BalanceSheet(
        assets=(
            AssetItem(AssetCategory.CASH, "till", D(1000)),
            AssetItem(AssetCategory.BANK, "business account", D(2000)),
            AssetItem(AssetCategory.BANK, "wife's WeChat", D(500), scope=HH),
            AssetItem(AssetCategory.DEPOSIT, "time deposit", D(3000), scope=HH),
            AssetItem(AssetCategory.PREPAYMENT, "prepaid rent", D(400)),
            AssetItem(AssetCategory.OTHER_BUSINESS, "rent deposit", D(900)),
            AssetItem(AssetCategory.LOAN_TO_OTHERS, "lent to cousin", D(5000), scope=HH),
        ),
        stock=(
            StockItem("boards", D("12.5"), D(80), StockCategory.RAW_MATERIAL),  # 1,000.00
            StockItem("chairs", D(3), D("33.33"), StockCategory.FINISHED),  # 99.99
        ),
        fixed_assets=(
            FixedAsset("saw", D(7000), D(10000)),
            FixedAsset("van", D(6000)),
            FixedAsset("flat", D(200000), D(150000), scope=HH),
        ),
        receivables=(Receivable("shop 1", D(1500)), Receivable("shop 2", D(500))),
        payables=(
            Payable("board supplier", D(800)),
            Payable("tax office", D(200), PayableKind.OTHER_PAYABLE),
            Payable("customer deposits", D(300), PayableKind.ADVANCE_RECEIVED),
        ),
        debts=(
            Debt("bank", D(4000)),
            Debt("equipment loan", D(10000), long_term=True),
            Debt("mortgage", D(50000), DebtKind.MORTGAGE, scope=HH, long_term=True),
            Debt("credit card", D(600), DebtKind.CREDIT_CARD, scope=HH),
        ),
        off_balance=(
            OffBalanceItem("brother's car in use", D(30000)),
            OffBalanceItem("informal loan from a friend", D(7000), is_liability=True),
        ),
        guarantees_given=(GuaranteeGiven("neighbour's bank loan", D(20000)),),
    )


HAND_TOTALS = {
    "cash": "1000",
    "bank": "2500",  # both scopes
    "liquid": "6500",  # cash + bank + deposit
    "receivables": "2000",
    "prepayments": "400",
    "inventory": "1099.99",  # Σ qty × unit cost
    "raw_materials": "1000",
    "current_assets": "6499.99",  # business cash, bank, prepayment + receivables + stock
    "household_current_assets": "3500",  # wife's WeChat 500 + time deposit 3,000 (not the loan to the cousin)
    "fixed_assets": "13000",  # business present values only
    "other_assets": "900",
    "business_assets": "20399.99",
    "household_assets": "208500",  # 500 + 3,000 + 5,000 + flat 200,000
    "total_assets": "228899.99",
    "payables": "1000",  # payable + other payable
    "advances_received": "300",
    "short_debts": "4600",
    "current_liabilities": "5900",
    "long_term_liabilities": "60000",
    "business_liabilities": "15300",
    "household_liabilities": "50600",
    "total_liabilities": "65900",
    "equity": "162999.99",
    "business_equity": "5099.99",
    "household_equity": "157900",
    "off_balance_assets": "30000",
    "off_balance_liabilities": "7000",
    "guarantees_given": "20000",
}


def test_every_total_of_the_hand_made_sheet() -> None:
    totals = compute_totals(hand_sheet())
    assert set(HAND_TOTALS) == {f.name for f in dataclasses.fields(BalanceTotals)}
    assert {k: v for k, v in dataclasses.asdict(totals).items()} == {k: D(v) for k, v in HAND_TOTALS.items()}


def test_the_sheet_balances_and_the_scopes_add_up() -> None:
    t = compute_totals(hand_sheet())
    assert t.total_assets == t.total_liabilities + t.equity
    assert t.business_assets + t.household_assets == t.total_assets
    assert t.business_liabilities + t.household_liabilities == t.total_liabilities
    assert t.business_equity + t.household_equity == t.equity
    assert t.current_liabilities + t.long_term_liabilities == t.total_liabilities


def test_off_balance_items_and_guarantees_are_not_added_to_the_totals() -> None:
    with_memo = compute_totals(hand_sheet())
    without = compute_totals(dataclasses.replace(hand_sheet(), off_balance=(), guarantees_given=()))
    assert with_memo.total_assets == without.total_assets == D("228899.99")
    assert with_memo.total_liabilities == without.total_liabilities == D(65900)
    assert with_memo.equity == without.equity
    assert without.off_balance_assets == without.off_balance_liabilities == without.guarantees_given == 0


def test_household_cash_counts_as_liquid_but_not_as_a_current_business_asset() -> None:
    sheet = BalanceSheet(assets=(AssetItem(AssetCategory.CASH, "purse", D(700), scope=HH),))
    t = compute_totals(sheet)
    assert (t.cash, t.liquid, t.current_assets, t.household_assets, t.total_assets) == (
        D(700),
        D(700),
        D(0),
        D(700),
        D(700),
    )


@pytest.mark.parametrize(
    ("asset", "present", "original", "depreciation", "rate"),
    [
        ("saw", "7000", "10000", "3000", "0.3"),
        ("flat gained value", "200000", "150000", "-50000", "-0.3333333333333333333333333333"),
        ("van without original value", "6000", None, "0", None),
        ("gift with zero original value", "500", "0", "-500", None),
        ("written off", "0", "2000", "2000", "1"),
    ],
)
def test_fixed_asset_depreciation_and_rate(
    asset: str, present: str, original: str | None, depreciation: str, rate: str | None
) -> None:
    fixed = FixedAsset(asset, D(present), None if original is None else D(original))
    assert fixed.depreciation == D(depreciation)
    assert fixed.depreciation_rate == (None if rate is None else D(rate))


def test_stock_item_amount_is_quantity_times_unit_cost() -> None:
    assert StockItem("kWh-meter", D("2.5"), D("19.99")).amount == D("49.975")


def test_an_empty_sheet_is_all_zero() -> None:
    totals = compute_totals(BalanceSheet())
    assert all(value == 0 for value in dataclasses.asdict(totals).values())


# ---- the demo cases --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("total_assets", "743000"),
        ("total_liabilities", "42000"),
        ("equity", "701000"),
        ("business_assets", "185000"),
        ("household_assets", "558000"),
        ("business_liabilities", "18000"),
        ("household_liabilities", "24000"),
        ("business_equity", "167000"),
        ("household_equity", "534000"),
        ("inventory", "105000"),
        ("fixed_assets", "22000"),
        ("other_assets", "9000"),
        ("liquid", "44000"),
        ("receivables", "5000"),
    ],
)
def test_case_a_sheet(field: str, expected: str) -> None:
    assert getattr(compute_totals(demo_case("a").balance_sheet), field) == D(expected)


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("total_assets", "1040000"),  # pass 2: with the 60,000 lent to the brother-in-law
        ("total_liabilities", "90000"),
        ("equity", "950000"),
        ("raw_materials", "66000"),
        ("inventory", "124000"),
        ("receivables", "118000"),
        ("advances_received", "18000"),
        ("payables", "52000"),
        ("short_debts", "20000"),
        ("liquid", "178000"),  # 12,000 + 128,000 + household deposits 38,000
    ],
)
def test_case_b_sheet(field: str, expected: str) -> None:
    assert getattr(compute_totals(demo_case("b").balance_sheet), field) == D(expected)


def test_case_b_pass_1_is_the_sheet_without_the_loan_to_the_brother_in_law() -> None:
    sheet = demo_case("b").balance_sheet
    pass1 = dataclasses.replace(
        sheet, assets=tuple(a for a in sheet.assets if a.category is not AssetCategory.LOAN_TO_OTHERS)
    )
    totals = compute_totals(pass1)
    assert (totals.total_assets, totals.total_liabilities, totals.equity) == (D(980000), D(90000), D(890000))
