"""The liquidity ratios take one scope on both sides (issue #13): the household's short debts (its card)
are current liabilities, so the household's cash, bank balances and deposits are current assets too."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from tests.domain.builders import demo_case
from workbench.domain.balance_sheet import AssetCategory, AssetItem, Debt, DebtKind, Scope, compute_totals
from workbench.domain.calc import compute_case
from workbench.domain.policy import DEFAULT_POLICY

D = Decimal


def test_a_household_deposit_is_as_current_as_the_household_credit_card() -> None:
    case = demo_case("a")
    sheet = case.balance_sheet
    deposit = AssetItem(
        category=AssetCategory.DEPOSIT, label="定期存款", amount=D(10000), scope=Scope.HOUSEHOLD
    )
    with_deposit = dataclasses.replace(sheet, assets=(*sheet.assets, deposit))
    before = compute_case(case, DEFAULT_POLICY).ratios
    after = compute_case(dataclasses.replace(case, balance_sheet=with_deposit), DEFAULT_POLICY).ratios
    # A: current assets 154,000; current liabilities 42,000 including the household's card (4,000)
    assert before["current_ratio"] == D(154000) / D(42000)
    assert after["current_ratio"] == D(164000) / D(42000)
    assert after["quick_ratio"] == D(164000 - 105000) / D(42000)
    assert after["cash_ratio"] == D(6000 + 38000 + 10000) / D(42000)


def test_case_b_counts_the_household_deposit() -> None:
    results = compute_case(demo_case("b"), DEFAULT_POLICY)
    t = results.totals
    assert t.household_current_assets == D(
        38000
    )  # the deposit; the loan to the brother-in-law is not current
    assert results.ratios["current_ratio"] == (t.current_assets + D(38000)) / t.current_liabilities


def test_the_business_subtotals_stay_business_only() -> None:
    sheet = dataclasses.replace(
        demo_case("a").balance_sheet,
        assets=(
            AssetItem(category=AssetCategory.BANK, label="家庭账户", amount=D(5000), scope=Scope.HOUSEHOLD),
        ),
        debts=(Debt(lender="信用卡", balance=D(1000), kind=DebtKind.CREDIT_CARD, scope=Scope.HOUSEHOLD),),
        stock=(),
        receivables=(),
        fixed_assets=(),
        payables=(),
    )
    t = compute_totals(sheet)
    assert t.current_assets == 0 and t.business_assets == 0
    assert t.household_current_assets == D(5000)
