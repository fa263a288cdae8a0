"""equity: reconcile_equity and equity_pass (worked-case tables A5, B5)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.domain.builders import BAND, demo_case
from workbench.domain.balance_sheet import (
    AssetCategory,
    AssetItem,
    BalanceSheet,
    OffBalanceItem,
    compute_totals,
)
from workbench.domain.equity import (
    EquityCheck,
    EquityItem,
    EquityPass,
    EquityResult,
    equity_pass,
    reconcile_equity,
)
from workbench.domain.money import quantize
from workbench.domain.settings import ToleranceBand
from workbench.domain.status import Status

D = Decimal
FOUR = D("0.0001")


def reconcile_demo(name: str, band: ToleranceBand = BAND) -> EquityResult:
    case = demo_case(name)
    assert case.equity_check is not None
    return reconcile_equity(case.equity_check, compute_totals(case.balance_sheet), band)


# ---- case A (A5) ---------------------------------------------------------------------------------


def test_case_a_components() -> None:
    r = reconcile_demo("a")
    assert (r.initial_assets, r.initial_liabilities, r.initial_equity) == (D(570000), D(40000), D(530000))
    assert r.period_profit == D(489780)
    assert r.injections == D(0)
    assert r.appreciation == D(60000)
    assert r.withdrawals == D(301000)
    assert r.depreciation == D(56000)
    assert r.expected == D(722780)


def test_case_a_deviation() -> None:
    r = reconcile_demo("a")
    assert len(r.passes) == 1
    current = r.current
    assert (current.total_assets, current.total_liabilities, current.actual) == (
        D(743000),
        D(42000),
        D(701000),
    )
    assert current.expected == D(722780)
    assert current.difference == D(-21780)
    assert quantize(current.deviation, FOUR) == D("-0.0311")  # δ = Δ / E_act
    assert quantize(current.s3_ratio, FOUR) == D("0.0445")  # (E_exp − E_act) / Π
    assert current.status is Status.OK
    assert current.label == ""


def test_case_a_with_a_tighter_band_needs_an_explanation() -> None:
    assert (
        reconcile_demo("a", ToleranceBand(ok=D("0.03"), explain=D("0.05"))).current.status is Status.EXPLAIN
    )


# ---- case B (B5): the two passes ------------------------------------------------------------------


def test_case_b_components() -> None:
    r = reconcile_demo("b")
    assert r.initial_equity == D(700000)
    assert r.period_profit == D("682995.60")
    assert r.withdrawals == D(287000)
    assert r.depreciation == D(135000)
    assert r.appreciation == r.injections == D(0)
    assert r.expected == D("960995.60")


@pytest.mark.parametrize(
    ("index", "actual", "difference", "deviation", "s3", "status"),
    [
        (0, "890000", "-70995.60", "-0.0798", "0.1039", Status.EXPLAIN),
        (1, "950000", "-10995.60", "-0.0116", "0.0161", Status.OK),
    ],
)
def test_case_b_passes(
    index: int, actual: str, difference: str, deviation: str, s3: str, status: Status
) -> None:
    p = reconcile_demo("b").passes[index]
    assert p.actual == D(actual)
    assert p.expected == D("960995.60")
    assert p.difference == D(difference)
    assert quantize(p.deviation, FOUR) == D(deviation)
    assert quantize(p.s3_ratio, FOUR) == D(s3)
    assert p.status is status


def test_case_b_keeps_the_first_pass_with_its_finding_and_the_current_pass_last() -> None:
    r = reconcile_demo("b")
    assert [p.label for p in r.passes] == ["初次录入的资产负债表", ""]
    assert "60,000" in r.passes[0].finding
    assert r.current is r.passes[-1]
    assert r.current.total_assets == D(1040000)


# ---- equity_pass: sign convention and undefined deviation -------------------------------------------


@pytest.mark.parametrize(
    ("assets", "expected", "difference", "deviation", "status"),
    [
        ("1100", "1000", "100", "0.0909", Status.EXPLAIN),  # actual > expected → δ > 0
        ("900", "1000", "-100", "-0.1111", Status.FAIL),  # actual < expected → δ < 0
        ("1000", "1000", "0", "0.0000", Status.OK),
        ("1000", "950", "50", "0.0500", Status.OK),  # exactly 5 % is OK
        ("1000", "900", "100", "0.1000", Status.EXPLAIN),  # exactly 10 % needs an explanation
    ],
)
def test_sign_convention(assets: str, expected: str, difference: str, deviation: str, status: Status) -> None:
    p = equity_pass("p", D(assets), D(0), D(expected), D(500), BAND)
    assert p.difference == D(difference)
    assert quantize(p.deviation, FOUR) == D(deviation)
    assert p.status is status
    assert p.s3_ratio == (D(expected) - D(assets)) / D(500)  # opposite sign, base Π


def test_zero_actual_equity_leaves_the_deviation_undefined_and_fails() -> None:
    p = equity_pass("", D(5000), D(5000), D(1000), D(400), BAND)
    assert p.actual == 0
    assert p.difference == D(-1000)
    assert p.deviation is None
    assert p.status is Status.FAIL
    assert p.s3_ratio == D("2.5")


def test_sign_convention_holds_for_negative_actual_equity() -> None:
    p = equity_pass("", D(0), D(1000), D(-2000), D(500), BAND)  # actual −1,000 > expected −2,000
    assert p.difference == D(1000)
    assert p.deviation is not None
    assert p.deviation > 0


def test_zero_period_profit_leaves_the_s3_ratio_undefined() -> None:
    p = equity_pass("", D(1000), D(0), D(1000), D(0), BAND)
    assert p.s3_ratio is None
    assert p.status is Status.OK


# ---- reconcile_equity mechanics ----------------------------------------------------------------------


def hand_check(**flags: object) -> EquityCheck:
    return EquityCheck(
        initial_assets=(EquityItem("stock", D(50000)), EquityItem("cash", D(10000))),
        initial_liabilities=(EquityItem("loan", D(20000)),),
        period_profit=(EquityItem("2023", D(3000), D(12)), EquityItem("2024-H1", D("3500.50"), D(6))),
        injections=(EquityItem("inheritance", D(8000)),),
        appreciation=(EquityItem("flat", D(5000)),),
        withdrawals=(EquityItem("household", D(1500), D(18)),),
        depreciation=(EquityItem("van", D(4000)),),
        **flags,  # type: ignore[arg-type]
    )


def test_expected_equity_formula() -> None:
    sheet = BalanceSheet(assets=(AssetItem(AssetCategory.BANK, "bank", D(90000)),))
    r = reconcile_equity(hand_check(), compute_totals(sheet), BAND)
    assert r.initial_equity == D(40000)
    assert r.period_profit == D("57003.00")  # 36,000 + 21,003
    assert r.injections == D(8000)
    assert r.withdrawals == D(27000)
    # E_exp = E0 + Π + I + A − W − D
    assert r.expected == D(40000) + D("57003.00") + D(8000) + D(5000) - D(27000) - D(4000) == D("79003.00")
    assert r.current.difference == D("10997.00")
    assert r.current.status is Status.FAIL  # 12.2 % above: hidden debts?


def test_off_balance_items_count_only_when_asked() -> None:
    sheet = BalanceSheet(
        assets=(AssetItem(AssetCategory.BANK, "bank", D(80000)),),
        off_balance=(OffBalanceItem("car kept off the sheet", D(6000)), OffBalanceItem("IOU", D(1000), True)),
    )
    totals = compute_totals(sheet)
    plain = reconcile_equity(hand_check(), totals, BAND).current
    with_memo = reconcile_equity(hand_check(include_off_balance=True), totals, BAND).current
    assert (plain.total_assets, plain.total_liabilities, plain.actual) == (D(80000), D(0), D(80000))
    assert (with_memo.total_assets, with_memo.total_liabilities, with_memo.actual) == (
        D(86000),
        D(1000),
        D(85000),
    )


def test_the_current_pass_carries_the_explanation_as_its_finding() -> None:
    totals = compute_totals(BalanceSheet(assets=(AssetItem(AssetCategory.CASH, "c", D(79003)),)))
    r = reconcile_equity(hand_check(explanation="matches"), totals, BAND)
    assert r.current.finding == "matches"
    assert r.current.deviation == 0


def test_an_earlier_pass_without_its_own_profit_uses_the_current_period_profit() -> None:
    earlier = EquityPass("first", D(70000), D(0), D("79003.00"))
    totals = compute_totals(BalanceSheet())
    r = reconcile_equity(hand_check(earlier_passes=(earlier,)), totals, BAND)
    first = r.passes[0]
    assert first.s3_ratio == D("9003.00") / D("57003.00")
    assert first.label == "first"
    assert len(r.passes) == 2


@pytest.mark.parametrize(
    ("amount", "times", "value"),
    [("6000", "6", "36000"), ("11149.80", "2", "22299.60"), ("-500", "3", "-1500"), ("7000", "1", "7000")],
)
def test_equity_item_value_is_amount_times_times(amount: str, times: str, value: str) -> None:
    assert EquityItem("x", D(amount), D(times)).value == D(value)


def test_equity_item_times_defaults_to_one() -> None:
    assert EquityItem("x", D("15000")).value == D("15000")
