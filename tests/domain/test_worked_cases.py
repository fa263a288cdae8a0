"""Every fixture key of worked cases A and B (docs/sources.md), to the cent, from the demo files."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from workbench.domain.calc import CaseResults, compute_case
from workbench.domain.money import quantize
from workbench.domain.policy import DEFAULT_POLICY
from workbench.domain.status import Status
from workbench.domain.summary import key_figures
from workbench.paths import resource_path
from workbench.services.case_files import read_case_file

D = Decimal


def results_of(name: str) -> CaseResults:
    return compute_case(read_case_file(Path(resource_path("demo", name))), DEFAULT_POLICY)


@pytest.fixture(scope="module")
def case_a() -> CaseResults:
    return results_of("case-a.json")


@pytest.fixture(scope="module")
def case_b() -> CaseResults:
    return results_of("case-b.json")


def cents(value: Decimal | None) -> Decimal:
    assert value is not None
    return quantize(value)


def pct(value: Decimal | None) -> Decimal:
    """A ratio as a percentage with two places, as the worked cases print it."""
    assert value is not None
    return quantize(value * 100)


CASE_A_MONEY = {
    "sales_avg": "120000",
    "net_profit_avg": "10120.00",
    "disposable_avg": "4920.00",
    "TA": "743000",
    "TL": "42000",
    "E_act": "701000",
    "E0": "530000",
    "period_profit": "489780",
    "withdrawals": "301000",
    "appreciation": "60000",
    "depreciation": "56000",
    "E_exp": "722780",
    "A_max": "3936.00",
    "P_cap": "45440.39",
    "P_prop": "45000",
    "instalment": "3897.85",
    "last_instalment": "3897.90",
    "total_interest": "1774.25",
    "A_max_70": "3444.00",
    "A_max_50": "2460.00",
    "P_cap_70": "39760.34",
    "P_cap_50": "28400.24",
    "P_cap_EP": "44059.70",
    "EP_first": "4020.00",
    "EP_last": "3772.50",
    "EP_total_interest": "1755.00",
    "sales_annual": "1440000",
    "variable_costs_avg": "101280.00",
    "gross_profit_avg": "18720.00",
    "opex_avg": "8600.00",
    "disposable_peak": "10960.00",
    "disposable_slack": "1900.00",
    "business_equity": "167000",
    "household_equity": "534000",
    "opening_liquidity": "44000",
    "projection_min": "43902.15",
}

CASE_B_MONEY = {
    "sales_avg": "161200",
    "fixed": "19240",
    "op_profit_avg": "24174.00",
    "net_profit_avg": "22074.00",
    "disposable_avg": "15374.00",
    "disposable_peak": "28398.20",
    "disposable_slack": "2349.80",
    "TA_pass1": "980000",
    "TL": "90000",
    "E_pass1": "890000",
    "E_pass2": "950000",
    "E0": "700000",
    "period_profit": "682995.60",
    "withdrawals": "287000",
    "depreciation": "135000",
    "E_exp": "960995.60",
    "A_max": "12299.20",
    "A_max_70": "10761.80",
    "A_max_50": "7687.00",
    "P_cap": "141088.77",
    "P_cap_70": "123452.68",
    "P_cap_50": "88180.48",
    "P_cap_EP": "136153.51",
    "P_prop": "100000",
    "instalment": "8717.35",
    "last_instalment": "8717.32",
    "total_interest": "4608.17",
    "EP_first": "9033.33",
    "EP_last": "8391.70",
    "EP_total_interest": "4550.00",
    "sales_annual": "1934400",
    "opening_liquidity": "148000",
    "projection_min": "143982.25",
}


@pytest.mark.parametrize(("key", "expected"), CASE_A_MONEY.items())
def test_case_a_amounts(case_a: CaseResults, key: str, expected: str) -> None:
    assert cents(key_figures(case_a)[key]) == quantize(D(expected))


@pytest.mark.parametrize(("key", "expected"), CASE_B_MONEY.items())
def test_case_b_amounts(case_b: CaseResults, key: str, expected: str) -> None:
    assert cents(key_figures(case_b)[key]) == quantize(D(expected))


@pytest.mark.parametrize(
    ("key", "percent"),
    [
        ("gm_weighted", "15.60"),
        ("equity_dev", "-3.11"),
        ("equity_s3_ratio", "4.45"),
        ("ratio", "79.22"),
        ("net_margin", "8.43"),
        ("debt_ratio", "5.65"),
        ("ar_to_sales", "4.17"),
        ("stock_at_price_to_sales", "103.67"),
    ],
)
def test_case_a_ratios(case_a: CaseResults, key: str, percent: str) -> None:
    assert pct(key_figures(case_a)[key]) == D(percent)


@pytest.mark.parametrize(
    ("key", "percent"),
    [
        ("material_ratio", "50.49"),
        ("wage_ratio", "19.76"),
        ("contribution", "26.93"),
        ("equity_dev_pass1", "-7.98"),
        ("equity_dev_pass2", "-1.16"),
        ("equity_dev", "-1.16"),
        ("ratio", "56.70"),
        ("ar_to_sales", "73.20"),
        ("debt_ratio", "8.65"),
    ],
)
def test_case_b_ratios(case_b: CaseResults, key: str, percent: str) -> None:
    assert pct(key_figures(case_b)[key]) == D(percent)


def test_case_b_ratios_to_five_places(case_b: CaseResults) -> None:
    figures = key_figures(case_b)
    assert quantize(figures["material_ratio"], D("0.00001")) == D("0.50486")
    assert quantize(figures["wage_ratio"], D("0.00001")) == D("0.19757")
    assert quantize(figures["contribution"], D("0.00001")) == D("0.26932")
    assert quantize(figures["seasonal_x"], D("0.0001")) == D("0.7046")


def test_case_a_day_and_month_ratios(case_a: CaseResults) -> None:
    figures = key_figures(case_a)
    assert cents(figures["inventory_days"]) == D("31.10")
    assert cents(figures["equity_to_household"]) == D("134.81")
    assert cents(figures["liquidity_to_liabilities"]) == D("1.17")


def test_case_b_raw_material_days(case_b: CaseResults) -> None:
    assert cents(key_figures(case_b)["raw_material_days"]) == D("24.33")


@pytest.mark.parametrize(
    ("check", "percent", "status"),
    [
        ("C1", "1.25", Status.OK),
        ("C2", "-2.86", Status.OK),
        ("C3", "0.77", Status.OK),
        ("C4a", "-7.00", Status.EXPLAIN),
        ("C4b", "-0.31", Status.OK),
        ("C5", "2.78", Status.OK),
        ("C6", "0.00", Status.OK),
        ("C7", "0.00", Status.OK),
    ],
)
def test_case_a_cross_checks(case_a: CaseResults, check: str, percent: str, status: Status) -> None:
    result = next(r for r in case_a.checks if r.id == check)
    assert pct(result.deviation) == D(percent)
    assert result.status is status


@pytest.mark.parametrize(
    ("check", "value", "percent", "status"),
    [
        ("C1", "118500.00", "1.25", Status.OK),
        ("C2", "123428.57", "-2.86", Status.OK),
        ("C3", "119075.83", "0.77", Status.OK),
        ("C4a", "128395.06", "-7.00", Status.EXPLAIN),
        ("C4b", "120370.37", "-0.31", Status.OK),
        ("C5", "1400000.00", "2.78", Status.OK),
    ],
)
def test_case_a_check_values(
    case_a: CaseResults, check: str, value: str, percent: str, status: Status
) -> None:
    result = next(r for r in case_a.checks if r.id == check)
    assert cents(result.check_value) == D(value)
    assert pct(result.deviation) == D(percent)
    assert result.status is status


@pytest.mark.parametrize(
    ("check", "value", "percent", "status"),
    [
        ("B1", "165006.28", "-2.36", Status.OK),
        ("B2", "168845.85", "-4.74", Status.OK),
        ("B3", "161759.89", "-0.35", Status.OK),
        ("B4", "1927439.02", "0.36", Status.OK),
        ("B5", "1800000.00", "6.95", Status.EXPLAIN),
    ],
)
def test_case_b_cross_checks(
    case_b: CaseResults, check: str, value: str, percent: str, status: Status
) -> None:
    result = next(r for r in case_b.checks if r.id == check)
    assert cents(result.check_value) == D(value)
    assert pct(result.deviation) == D(percent)
    assert result.status is status


def test_case_b_energy_ratio_and_capacity(case_b: CaseResults) -> None:
    b2b = next(r for r in case_b.checks if r.id == "B2b")
    assert quantize(b2b.check_value, D("0.001")) == D("1.283")  # type: ignore[arg-type]
    assert b2b.adopted == D("1.3")
    assert pct(b2b.deviation) == D("1.31")
    b7 = next(r for r in case_b.checks if r.id == "B7")
    assert pct(b7.check_value) == D("95.51")
    assert b7.status is Status.OK
    b6 = next(r for r in case_b.checks if r.id == "B6")
    assert b6.inside and b6.status is Status.OK


def test_case_a_c4a_is_superseded_by_c4b(case_a: CaseResults) -> None:
    c4a = next(r for r in case_a.checks if r.id == "C4a")
    assert c4a.superseded_by == "C4b"
    assert c4a.explained


def test_case_b_equity_passes(case_b: CaseResults) -> None:
    assert case_b.equity is not None
    first, second = case_b.equity.passes
    assert first.status is Status.EXPLAIN
    assert cents(first.difference) == D("-70995.60")
    assert pct(first.s3_ratio) == D("10.39")
    assert second.status is Status.OK
    assert cents(second.difference) == D("-10995.60")
    assert pct(second.s3_ratio) == D("1.61")


def test_case_a_proposal_is_reduced_by_capacity(case_a: CaseResults) -> None:
    assert case_a.sizing.binding_limit == "capacity"
    assert case_a.sizing.reduced


def test_case_b_proposal_is_the_request(case_b: CaseResults) -> None:
    assert case_b.sizing.proposal == D(100000)
    assert not case_b.sizing.reduced


A_ANNUITY = [
    ("3897.85", "270.00", "3627.85", "41372.15"),
    ("3897.85", "248.23", "3649.62", "37722.53"),
    ("3897.85", "226.34", "3671.51", "34051.02"),
    ("3897.85", "204.31", "3693.54", "30357.48"),
    ("3897.85", "182.14", "3715.71", "26641.77"),
    ("3897.85", "159.85", "3738.00", "22903.77"),
    ("3897.85", "137.42", "3760.43", "19143.34"),
    ("3897.85", "114.86", "3782.99", "15360.35"),
    ("3897.85", "92.16", "3805.69", "11554.66"),
    ("3897.85", "69.33", "3828.52", "7726.14"),
    ("3897.85", "46.36", "3851.49", "3874.65"),
    ("3897.90", "23.25", "3874.65", "0.00"),
]


def test_case_a_schedule_rows(case_a: CaseResults) -> None:
    schedule = case_a.sizing.schedule
    assert schedule is not None
    got = [(r.payment, r.interest, r.principal, r.balance) for r in schedule.rows]
    assert got == [tuple(D(x) for x in row) for row in A_ANNUITY]


A_PROJECTION = [
    "45900.00", "43902.15", "44924.30", "45946.45", "43948.60", "44970.75",
    "52032.90", "59095.05", "57097.20", "58119.35", "59141.50", "60163.65",
]  # fmt: skip


def test_case_a_cash_projection(case_a: CaseResults) -> None:
    balances = [m.balance for m in case_a.sizing.projection]
    assert balances == [D(x) for x in A_PROJECTION]
    assert [m.month for m in case_a.sizing.projection] == [7, 8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6]


B_SEASONAL = [
    "1324.60", "16008.28", "16008.28", "16008.28", "16008.28", "1324.60",
    "1324.60", "8666.44", "8666.44", "8666.44", "8666.44", "1324.63",
]  # fmt: skip


def test_case_b_seasonal_schedule(case_b: CaseResults) -> None:
    seasonal = case_b.sizing.seasonal
    assert seasonal is not None
    assert [r.payment for r in seasonal.rows] == [D(x) for x in B_SEASONAL]
    assert seasonal.rows[-1].balance == 0


def test_both_demo_cases_are_ready(case_a: CaseResults, case_b: CaseResults) -> None:
    assert case_a.ready
    assert case_b.ready
