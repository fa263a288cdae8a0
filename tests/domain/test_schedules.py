"""Schedules and capacity inverses against worked-case tables A7 and B7, plus small hand checks."""

from __future__ import annotations

from decimal import Decimal

import pytest

from workbench.domain.errors import ValidationError
from workbench.domain.money import MAX_AMOUNT, Rounding, quantize
from workbench.domain.schedules import (
    Method,
    Rate,
    Schedule,
    annuity_payment,
    build_schedule,
    max_principal_annuity,
    max_principal_equal_principal,
    seasonal_factor,
)
from workbench.domain.settings import RoundingSettings
from workbench.texts.labels import SCHEDULE_METHOD_LABELS as METHOD_LABELS
from workbench.texts.reasons import reason_text

D = Decimal
R_A = Rate.from_annual_percent(D("7.2"))  # r = 0.006
R_B = Rate.from_annual_percent(D("8.4"))  # r = 0.007
R1 = Rate(D("0.01"))
R0 = Rate(D(0))


def table(text: str) -> list[tuple[Decimal, ...]]:
    """Parse a pasted worked-case table: one row per line, columns split on '|', thousands commas allowed."""
    rows = []
    for line in text.strip().splitlines():
        cells = [cell.strip().replace(",", "") for cell in line.strip().strip("|").split("|")]
        rows.append(tuple(D(cell) for cell in cells))
    return rows


def columns(schedule: Schedule) -> list[tuple[int, Decimal, Decimal, Decimal, Decimal]]:
    return [(row.period, row.payment, row.interest, row.principal, row.balance) for row in schedule.rows]


def check_invariants(schedule: Schedule, months: int) -> None:
    rows = schedule.rows
    assert len(rows) == months
    assert [row.period for row in rows] == list(range(1, months + 1))
    assert sum(row.principal for row in rows) == schedule.principal
    assert rows[-1].balance == D("0.00")
    assert all(row.balance >= 0 and row.interest >= 0 and row.principal >= 0 for row in rows)
    assert all(row.payment == row.interest + row.principal for row in rows)
    assert schedule.total_payment == schedule.principal + schedule.total_interest
    for value in (v for row in rows for v in (row.payment, row.interest, row.principal, row.balance)):
        assert value.as_tuple().exponent == -2


# --- case A (A7)

CASE_A_ANNUITY = table("""
| 1 | 3,897.85 | 270.00 | 3,627.85 | 41,372.15 |
| 2 | 3,897.85 | 248.23 | 3,649.62 | 37,722.53 |
| 3 | 3,897.85 | 226.34 | 3,671.51 | 34,051.02 |
| 4 | 3,897.85 | 204.31 | 3,693.54 | 30,357.48 |
| 5 | 3,897.85 | 182.14 | 3,715.71 | 26,641.77 |
| 6 | 3,897.85 | 159.85 | 3,738.00 | 22,903.77 |
| 7 | 3,897.85 | 137.42 | 3,760.43 | 19,143.34 |
| 8 | 3,897.85 | 114.86 | 3,782.99 | 15,360.35 |
| 9 | 3,897.85 | 92.16 | 3,805.69 | 11,554.66 |
| 10 | 3,897.85 | 69.33 | 3,828.52 | 7,726.14 |
| 11 | 3,897.85 | 46.36 | 3,851.49 | 3,874.65 |
| 12 | 3,897.90 | 23.25 | 3,874.65 | 0.00 |
""")


def test_case_a_rate_is_exactly_six_per_mille() -> None:
    assert R_A.monthly == D("0.006")
    assert Rate.from_monthly_permille(D("6")) == R_A


def test_case_a_annuity_schedule_matches_a7_to_the_cent() -> None:
    schedule = build_schedule(D(45000), R_A, 12, Method.ANNUITY)
    assert columns(schedule) == [(int(k), *rest) for k, *rest in CASE_A_ANNUITY]
    assert schedule.first_payment == D("3897.85")
    assert schedule.last_payment == D("3897.90")
    assert schedule.max_payment == D("3897.90")
    assert schedule.total_interest == D("1774.25")
    assert schedule.total_payment == D("46774.25")
    check_invariants(schedule, 12)


def test_case_a_equal_principal_alternative() -> None:
    schedule = build_schedule(D(45000), R_A, 12, Method.EQUAL_PRINCIPAL)
    assert schedule.first_payment == D("4020.00")
    assert schedule.last_payment == D("3772.50")
    assert schedule.total_interest == D("1755.00")
    check_invariants(schedule, 12)


@pytest.mark.parametrize(
    ("instalment", "expected"),
    [(D("3936.00"), D("45440.39")), (D("3444.00"), D("39760.34")), (D("2460.00"), D("28400.24"))],
    ids=["80%", "70%", "50%"],
)
def test_case_a_capacity_annuity(instalment: Decimal, expected: Decimal) -> None:
    assert quantize(max_principal_annuity(instalment, D("0.006"), 12)) == expected


def test_case_a_capacity_equal_principal() -> None:
    assert quantize(max_principal_equal_principal(D("3936.00"), D("0.006"), 12)) == D("44059.70")


# --- case B (B7)

CASE_B_ANNUITY = table("""
| 1 | 8,717.35 | 700.00 | 8,017.35 | 91,982.65 |
| 2 | 8,717.35 | 643.88 | 8,073.47 | 83,909.18 |
| 3 | 8,717.35 | 587.36 | 8,129.99 | 75,779.19 |
| 4 | 8,717.35 | 530.45 | 8,186.90 | 67,592.29 |
| 5 | 8,717.35 | 473.15 | 8,244.20 | 59,348.09 |
| 6 | 8,717.35 | 415.44 | 8,301.91 | 51,046.18 |
| 7 | 8,717.35 | 357.32 | 8,360.03 | 42,686.15 |
| 8 | 8,717.35 | 298.80 | 8,418.55 | 34,267.60 |
| 9 | 8,717.35 | 239.87 | 8,477.48 | 25,790.12 |
| 10 | 8,717.35 | 180.53 | 8,536.82 | 17,253.30 |
| 11 | 8,717.35 | 120.77 | 8,596.58 | 8,656.72 |
| 12 | 8,717.32 | 60.60 | 8,656.72 | 0.00 |
""")

CASE_B_EQUAL_PRINCIPAL = table("""
| 1 | 9,033.33 | 700.00 | 91,666.67 |
| 2 | 8,975.00 | 641.67 | 83,333.34 |
| 3 | 8,916.66 | 583.33 | 75,000.01 |
| 4 | 8,858.33 | 525.00 | 66,666.68 |
| 5 | 8,800.00 | 466.67 | 58,333.35 |
| 6 | 8,741.66 | 408.33 | 50,000.02 |
| 7 | 8,683.33 | 350.00 | 41,666.69 |
| 8 | 8,625.00 | 291.67 | 33,333.36 |
| 9 | 8,566.66 | 233.33 | 25,000.03 |
| 10 | 8,508.33 | 175.00 | 16,666.70 |
| 11 | 8,450.00 | 116.67 | 8,333.37 |
| 12 | 8,391.70 | 58.33 | 0.00 |
""")

# k | 80 % disposable | payment | interest | principal | balance   (months Aug-2024 … Jul-2025)
CASE_B_SEASONAL = table("""
| 1 | 1,879.84 | 1,324.60 | 700.00 | 624.60 | 99,375.40 |
| 2 | 22,718.56 | 16,008.28 | 695.63 | 15,312.65 | 84,062.75 |
| 3 | 22,718.56 | 16,008.28 | 588.44 | 15,419.84 | 68,642.91 |
| 4 | 22,718.56 | 16,008.28 | 480.50 | 15,527.78 | 53,115.13 |
| 5 | 22,718.56 | 16,008.28 | 371.81 | 15,636.47 | 37,478.66 |
| 6 | 1,879.84 | 1,324.60 | 262.35 | 1,062.25 | 36,416.41 |
| 7 | 1,879.84 | 1,324.60 | 254.91 | 1,069.69 | 35,346.72 |
| 8 | 12,299.20 | 8,666.44 | 247.43 | 8,419.01 | 26,927.71 |
| 9 | 12,299.20 | 8,666.44 | 188.49 | 8,477.95 | 18,449.76 |
| 10 | 12,299.20 | 8,666.44 | 129.15 | 8,537.29 | 9,912.47 |
| 11 | 12,299.20 | 8,666.44 | 69.39 | 8,597.05 | 1,315.42 |
| 12 | 1,879.84 | 1,324.63 | 9.21 | 1,315.42 | 0.00 |
""")
SLACK, PEAK, NORMAL = D("2349.80"), D("28398.20"), D("15374.00")
CASE_B_DISPOSABLE = (SLACK, PEAK, PEAK, PEAK, PEAK, SLACK, SLACK, NORMAL, NORMAL, NORMAL, NORMAL, SLACK)
CASE_B_WEIGHTS = tuple(quantize(d * D("0.8")) for d in CASE_B_DISPOSABLE)


def test_case_b_rate_is_exactly_seven_per_mille() -> None:
    assert R_B.monthly == D("0.007")


def test_case_b_annuity_schedule_matches_b7_to_the_cent() -> None:
    schedule = build_schedule(D(100000), R_B, 12, Method.ANNUITY)
    assert columns(schedule) == [(int(k), *rest) for k, *rest in CASE_B_ANNUITY]
    assert schedule.first_payment == D("8717.35")
    assert schedule.last_payment == D("8717.32")
    assert schedule.total_interest == D("4608.17")
    check_invariants(schedule, 12)


def test_case_b_equal_principal_schedule_matches_b7_to_the_cent() -> None:
    schedule = build_schedule(D(100000), R_B, 12, Method.EQUAL_PRINCIPAL)
    assert [(row.period, row.payment, row.interest, row.balance) for row in schedule.rows] == [
        (int(k), *rest) for k, *rest in CASE_B_EQUAL_PRINCIPAL
    ]
    assert [row.principal for row in schedule.rows] == [D("8333.33")] * 11 + [D("8333.37")]
    assert schedule.first_payment == D("9033.33")
    assert schedule.last_payment == D("8391.70")
    assert schedule.total_interest == D("4550.00") == D(100000) * D("0.007") * 13 / 2
    check_invariants(schedule, 12)


def test_case_b_seasonal_weights_are_eighty_percent_of_disposable() -> None:
    assert tuple(row[1] for row in CASE_B_SEASONAL) == CASE_B_WEIGHTS


def test_case_b_seasonal_factor() -> None:
    x = seasonal_factor(D(100000), R_B, CASE_B_WEIGHTS)
    assert x.quantize(D("0.0001")) == D("0.7046")


def test_case_b_seasonal_schedule_matches_b7_to_the_cent() -> None:
    schedule = build_schedule(D(100000), R_B, 12, Method.SEASONAL, weights=CASE_B_WEIGHTS)
    assert columns(schedule) == [(int(k), *rest) for k, _weight, *rest in CASE_B_SEASONAL]
    assert schedule.first_payment == D("1324.60")
    assert schedule.last_payment == D("1324.63")
    assert schedule.max_payment == D("16008.28")
    check_invariants(schedule, 12)


@pytest.mark.parametrize(
    ("instalment", "expected"),
    [(D("12299.20"), D("141088.77")), (D("10761.80"), D("123452.68")), (D("7687.00"), D("88180.48"))],
    ids=["80%", "70%", "50%"],
)
def test_case_b_capacity_annuity(instalment: Decimal, expected: Decimal) -> None:
    assert quantize(max_principal_annuity(instalment, D("0.007"), 12)) == expected


def test_case_b_capacity_equal_principal() -> None:
    assert quantize(max_principal_equal_principal(D("12299.20"), D("0.007"), 12)) == D("136153.51")


# --- small hand checks


def test_annuity_hand_checked() -> None:
    # A = 1000 · 1.01² / (1 + 1.01) = 1020.1 / 2.01 = 507.5124… → 507.51
    schedule = build_schedule(D(1000), R1, 2, Method.ANNUITY)
    assert columns(schedule) == [
        (1, D("507.51"), D("10.00"), D("497.51"), D("502.49")),
        (2, D("507.51"), D("5.02"), D("502.49"), D("0.00")),  # 502.49 × 0.01 = 5.0249 → 5.02
    ]


def test_equal_principal_hand_checked() -> None:
    schedule = build_schedule(D(1200), R1, 3, Method.EQUAL_PRINCIPAL)
    assert columns(schedule) == [
        (1, D("412.00"), D("12.00"), D("400.00"), D("800.00")),
        (2, D("408.00"), D("8.00"), D("400.00"), D("400.00")),
        (3, D("404.00"), D("4.00"), D("400.00"), D("0.00")),
    ]


def test_flat_hand_checked() -> None:
    schedule = build_schedule(D(1200), R1, 3, Method.FLAT)
    assert columns(schedule) == [
        (1, D("412.00"), D("12.00"), D("400.00"), D("800.00")),
        (2, D("412.00"), D("12.00"), D("400.00"), D("400.00")),
        (3, D("412.00"), D("12.00"), D("400.00"), D("0.00")),
    ]
    assert schedule.total_interest == D(1200) * D("0.01") * 3


def test_flat_last_instalment_absorbs() -> None:
    # 1000 / 3 + 10 = 343.333… → 343.33; principal parts 333.33, 333.33, last 333.34
    schedule = build_schedule(D(1000), R1, 3, Method.FLAT)
    assert [row.payment for row in schedule.rows] == [D("343.33"), D("343.33"), D("343.34")]
    assert [row.interest for row in schedule.rows] == [D("10.00")] * 3
    check_invariants(schedule, 3)


def test_interest_only_hand_checked() -> None:
    schedule = build_schedule(D(1000), R1, 3, Method.INTEREST_ONLY)
    assert columns(schedule) == [
        (1, D("10.00"), D("10.00"), D("0.00"), D("1000.00")),
        (2, D("10.00"), D("10.00"), D("0.00"), D("1000.00")),
        (3, D("1010.00"), D("10.00"), D("1000.00"), D("0.00")),
    ]


def test_bullet_hand_checked() -> None:
    schedule = build_schedule(D(1000), R1, 3, Method.BULLET)
    assert columns(schedule) == [
        (1, D("0.00"), D("0.00"), D("0.00"), D("1000.00")),
        (2, D("0.00"), D("0.00"), D("0.00"), D("1000.00")),
        (3, D("1030.00"), D("30.00"), D("1000.00"), D("0.00")),
    ]
    assert schedule.first_payment == D("0.00")
    assert schedule.last_payment == D("1030.00")


def test_bullet_interest_is_simple_and_rounded_once() -> None:
    # 1234.56 × 0.006 × 7 = 51.851520 → 51.85 (not seven roundings of 7.41)
    schedule = build_schedule(D("1234.56"), R_A, 7, Method.BULLET)
    assert schedule.rows[-1].interest == D("51.85")
    assert schedule.total_interest == D("51.85")


def test_seasonal_hand_checked_at_zero_rate() -> None:
    # x = 1000 / (1 + 3) = 250
    assert seasonal_factor(D(1000), R0, (D(1), D(3))) == D(250)
    schedule = build_schedule(D(1000), R0, 2, Method.SEASONAL, weights=(D(1), D(3)))
    assert [row.payment for row in schedule.rows] == [D("250.00"), D("750.00")]


def test_seasonal_with_equal_weights_is_the_annuity() -> None:
    annuity = build_schedule(D(100000), R_B, 12, Method.ANNUITY)
    seasonal = build_schedule(D(100000), R_B, 12, Method.SEASONAL, weights=(D("7"),) * 12)
    assert seasonal.rows == annuity.rows


def test_seasonal_zero_weight_month_pays_nothing_when_the_loan_fits() -> None:
    # decision: a seasonal month pays no more than its share of cash; unpaid interest stays in the balance
    weights = (D(0), D(600), D(600))
    schedule = build_schedule(D(1000), R1, 3, Method.SEASONAL, weights=weights)
    assert schedule.factor is not None and schedule.factor < 1
    first = schedule.rows[0]
    assert (first.payment, first.interest, first.principal, first.balance) == (
        D("0.00"),
        D("10.00"),
        D("-10.00"),
        D("1010.00"),
    )
    assert all(row.payment <= w for row, w in zip(schedule.rows, weights, strict=True))
    assert sum(row.principal for row in schedule.rows) == D(1000)
    assert schedule.rows[-1].balance == D("0.00")


def test_seasonal_zero_weight_month_pays_its_interest_when_the_loan_exceeds_the_weights() -> None:
    # x > 1: the months cannot carry the loan anyway, so no month pays less than its interest
    schedule = build_schedule(D(1000), R1, 3, Method.SEASONAL, weights=(D(0), D(1), D(1)))
    assert schedule.rows[0].payment == schedule.rows[0].interest == D("10.00")
    assert schedule.rows[0].principal == D("0.00")
    check_invariants(schedule, 3)


def test_schedule_of_a_principal_with_fractions_of_a_cent_is_refused() -> None:
    # issue #13: one rule with the file import: a typed amount in fractions of a cent is refused
    with pytest.raises(ValidationError) as error:
        build_schedule(D("1000.005"), R1, 2, Method.EQUAL_PRINCIPAL)
    assert_error(error, "principal", "sub_cent")


# --- grace months


def test_annuity_grace_pays_interest_then_annuity_over_remaining_months() -> None:
    # A(1200, 1 %, 3) = 1200 · 1.030301 / 3.0301 = 408.0265… → 408.03
    schedule = build_schedule(D(1200), R1, 4, Method.ANNUITY, grace_months=1)
    assert columns(schedule) == [
        (1, D("12.00"), D("12.00"), D("0.00"), D("1200.00")),
        (2, D("408.03"), D("12.00"), D("396.03"), D("803.97")),
        (3, D("408.03"), D("8.04"), D("399.99"), D("403.98")),
        (4, D("408.02"), D("4.04"), D("403.98"), D("0.00")),
    ]


def test_equal_principal_grace() -> None:
    schedule = build_schedule(D(1200), R1, 4, Method.EQUAL_PRINCIPAL, grace_months=1)
    assert [row.payment for row in schedule.rows] == [D("12.00"), D("412.00"), D("408.00"), D("404.00")]


def test_flat_grace_charges_flat_interest_every_month() -> None:
    schedule = build_schedule(D(1200), R1, 4, Method.FLAT, grace_months=1)
    assert [row.payment for row in schedule.rows] == [D("12.00"), D("412.00"), D("412.00"), D("412.00")]
    assert schedule.total_interest == D("48.00")


@pytest.mark.parametrize("method", [Method.INTEREST_ONLY, Method.BULLET])
def test_grace_changes_nothing_for_interest_only_and_bullet(method: Method) -> None:
    plain = build_schedule(D(5000), R_A, 6, method)
    assert build_schedule(D(5000), R_A, 6, method, grace_months=5) == plain


def test_seasonal_grace_discounts_from_the_end_of_grace() -> None:
    annuity = build_schedule(D(1200), R1, 4, Method.ANNUITY, grace_months=1)
    seasonal = build_schedule(D(1200), R1, 4, Method.SEASONAL, grace_months=1, weights=(D(1),) * 3)
    assert seasonal.rows == annuity.rows


def test_longest_grace_leaves_one_instalment() -> None:
    schedule = build_schedule(D(1000), R1, 3, Method.ANNUITY, grace_months=2)
    assert [row.payment for row in schedule.rows] == [D("10.00"), D("10.00"), D("1010.00")]


# --- instalment rounding


@pytest.mark.parametrize(
    ("unit", "mode", "payment", "last"),
    # last instalments checked independently with Fraction arithmetic
    [
        (D("0.01"), Rounding.HALF_UP, D("8717.35"), D("8717.32")),
        (D("0.01"), Rounding.UP, D("8717.35"), D("8717.32")),
        (D(1), Rounding.HALF_UP, D("8717.00"), D("8721.35")),
        (D(1), Rounding.UP, D("8718.00"), D("8709.89")),
        (D(10), Rounding.HALF_UP, D("8720.00"), D("8686.93")),
        (D(10), Rounding.UP, D("8720.00"), D("8686.93")),
        (D(100), Rounding.HALF_UP, D("8700.00"), D("8916.39")),
        (D(100), Rounding.UP, D("8800.00"), D("7769.10")),
    ],
)
def test_annuity_instalment_rounding_last_absorbs(
    unit: Decimal, mode: Rounding, payment: Decimal, last: Decimal
) -> None:
    schedule = build_schedule(D(100000), R_B, 12, Method.ANNUITY, rounding=RoundingSettings(unit, mode))
    assert [row.payment for row in schedule.rows[:-1]] == [payment] * 11
    final = schedule.rows[-1]
    assert final.payment == last == final.interest + schedule.rows[-2].balance
    check_invariants(schedule, 12)


@pytest.mark.parametrize(
    ("unit", "mode", "part"),
    [
        (D("0.01"), Rounding.HALF_UP, D("8333.33")),
        (D("0.01"), Rounding.UP, D("8333.34")),
        (D(1), Rounding.HALF_UP, D("8333.00")),
        (D(1), Rounding.UP, D("8334.00")),
        (D(10), Rounding.HALF_UP, D("8330.00")),
        (D(10), Rounding.UP, D("8340.00")),
        (D(100), Rounding.HALF_UP, D("8300.00")),
        (D(100), Rounding.UP, D("8400.00")),
    ],
)
def test_equal_principal_rounding_of_the_principal_part(unit: Decimal, mode: Rounding, part: Decimal) -> None:
    schedule = build_schedule(
        D(100000), R_B, 12, Method.EQUAL_PRINCIPAL, rounding=RoundingSettings(unit, mode)
    )
    assert [row.principal for row in schedule.rows[:-1]] == [part] * 11
    assert schedule.rows[-1].principal == D(100000) - 11 * part
    check_invariants(schedule, 12)


@pytest.mark.parametrize(
    ("unit", "mode", "expected"),
    [
        (D(1), Rounding.HALF_UP, [D("1325.00"), D("16008.00"), D("8666.00")]),
        (D(1), Rounding.UP, [D("1325.00"), D("16009.00"), D("8667.00")]),
        (D(10), Rounding.HALF_UP, [D("1320.00"), D("16010.00"), D("8670.00")]),
        (D(100), Rounding.UP, [D("1400.00"), D("16100.00"), D("8700.00")]),
    ],
)
def test_seasonal_rounding(unit: Decimal, mode: Rounding, expected: list[Decimal]) -> None:
    schedule = build_schedule(
        D(100000), R_B, 12, Method.SEASONAL, weights=CASE_B_WEIGHTS, rounding=RoundingSettings(unit, mode)
    )
    assert [schedule.rows[0].payment, schedule.rows[1].payment, schedule.rows[7].payment] == expected
    check_invariants(schedule, 12)


def test_flat_rounding_to_ten_up() -> None:
    # 1000/3 + 10 = 343.33 → 350; principal parts 340, 340, last 320
    schedule = build_schedule(D(1000), R1, 3, Method.FLAT, rounding=RoundingSettings(D(10), Rounding.UP))
    assert [row.payment for row in schedule.rows] == [D("350.00"), D("350.00"), D("330.00")]
    check_invariants(schedule, 3)


@pytest.mark.parametrize("method", [Method.ANNUITY, Method.EQUAL_PRINCIPAL, Method.FLAT])
def test_rounding_up_that_pays_off_early_leaves_zero_rows(method: Method) -> None:
    # 1000 / 12 = 83.33 → 100 a month: paid off after 10 months; months 11 and 12 are zero rows
    schedule = build_schedule(D(1000), R0, 12, method, rounding=RoundingSettings(D(100), Rounding.UP))
    assert [row.principal for row in schedule.rows] == [D("100.00")] * 10 + [D("0.00")] * 2
    assert schedule.rows[9].balance == D("0.00")
    assert schedule.rows[-1].payment == D("0.00")
    assert schedule.last_payment == D("100.00")
    check_invariants(schedule, 12)


def test_payment_rounded_below_the_interest_pays_the_interest() -> None:
    # A(100, 3 %, 360) ≈ 3.00 → 0 when rounded half-up to 100; each month pays its interest, the last the rest
    schedule = build_schedule(D(100), Rate(D("0.03")), 360, Method.ANNUITY, rounding=RoundingSettings(D(100)))
    assert all(row.payment == D("3.00") and row.principal == 0 for row in schedule.rows[:-1])
    assert schedule.rows[-1].payment == D("103.00")
    check_invariants(schedule, 360)


# --- rates


def test_monthly_permille_input() -> None:
    rate = Rate.from_monthly_permille(D("6"))
    assert rate.monthly == D("0.006")
    assert rate.annual_percent == D("7.2")
    assert rate.monthly_permille == D("6")
    assert rate.annual == D("0.072")
    assert build_schedule(D(45000), rate, 12, Method.ANNUITY) == build_schedule(
        D(45000), R_A, 12, Method.ANNUITY
    )


def test_rate_round_trips_non_terminating_division() -> None:
    rate = Rate.from_annual_percent(D(10))
    assert rate.annual_percent == D(10)
    assert str(rate.annual_percent) == "10"
    assert rate.monthly_permille == D("8.333333333333")


def test_highest_legal_rates_are_accepted() -> None:
    assert Rate.from_annual_percent(D(36)).monthly == D("0.03")
    assert Rate.from_monthly_permille(D(30)).monthly == D("0.03")
    assert Rate.from_annual_percent(D(48), max_annual=D("0.48")).monthly == D("0.04")


@pytest.mark.parametrize(
    "method",
    [
        Method.ANNUITY,
        Method.EQUAL_PRINCIPAL,
        Method.FLAT,
        Method.INTEREST_ONLY,
        Method.BULLET,
        Method.SEASONAL,
    ],
)
def test_zero_rate_works_for_every_method(method: Method) -> None:
    rate = Rate.from_annual_percent(D(0))
    weights = (D(1),) * 3 if method is Method.SEASONAL else None
    schedule = build_schedule(D(1000), rate, 3, method, weights=weights)
    assert schedule.total_interest == D("0.00")
    assert schedule.total_payment == D("1000.00")
    check_invariants(schedule, 3)


def test_zero_rate_annuity_is_principal_over_months() -> None:
    schedule = build_schedule(D(1000), R0, 3, Method.ANNUITY)
    assert [row.payment for row in schedule.rows] == [D("333.33"), D("333.33"), D("333.34")]
    assert annuity_payment(D(1000), D(0), 4) == D(250)


def test_capacity_helpers_at_zero_rate() -> None:
    assert max_principal_annuity(D(100), D(0), 12) == D(1200)
    assert max_principal_equal_principal(D(100), D(0), 12) == D(1200)


def test_capacity_inverse_round_trips() -> None:
    cap = max_principal_annuity(D("3936.00"), D("0.006"), 12)
    assert abs(annuity_payment(cap, D("0.006"), 12) - D("3936.00")) < D("1e-25")
    assert annuity_payment(D(45000), R_A, 12).quantize(D("0.01")) == D("3897.85")
    cap_ep = max_principal_equal_principal(D("12299.20"), D("0.007"), 12)
    assert abs(cap_ep / 12 + cap_ep * D("0.007") - D("12299.20")) < D("1e-25")


def test_annuity_of_a_tiny_rate_has_no_cancellation() -> None:
    # (1+r)^n − 1 would lose every digit of r here; the payment must still be ≈ P/n
    payment = annuity_payment(D(1000000), D("1.234567e-40"), 1)
    assert abs(payment - D(1000000)) < D("1e-20")


# --- long term


def test_360_month_annuity() -> None:
    # the textbook 30-year loan: 300,000 at 6 % p.a. → 1,798.65 a month
    schedule = build_schedule(D(300000), Rate.from_annual_percent(D(6)), 360, Method.ANNUITY)
    assert schedule.first_payment == D("1798.65")
    assert schedule.rows[0].interest == D("1500.00")
    assert all(row.payment == D("1798.65") for row in schedule.rows[:-1])
    assert schedule.last_payment == D("1800.09")  # 360 cent roundings of the interest; checked with Fractions
    assert schedule.total_interest == schedule.total_payment - D(300000)
    check_invariants(schedule, 360)


def test_360_month_equal_principal() -> None:
    schedule = build_schedule(D(300000), Rate.from_annual_percent(D(6)), 360, Method.EQUAL_PRINCIPAL)
    assert schedule.first_payment == D("2333.33")  # 833.33 + 1,500.00
    # total interest = P·r·(n+1)/2 = 270,750 up to the cent roundings of 360 rows
    assert abs(schedule.total_interest - D("270750")) < D("2.00")
    check_invariants(schedule, 360)


# --- validation


def assert_error(error: pytest.ExceptionInfo[ValidationError], field: str, reason: str) -> None:
    assert error.value.field == field
    assert error.value.reason == reason
    for lang in ("zh", "en"):
        assert "{" not in reason_text(error.value.reason, error.value.params, lang)


@pytest.mark.parametrize("percent", [D(500), D("36.01"), D("-0.1"), D("NaN"), D("Infinity")])
def test_rate_out_of_range_is_refused(percent: Decimal) -> None:
    with pytest.raises(ValidationError) as error:
        Rate.from_annual_percent(percent)
    assert_error(error, "annual_rate", "out_of_range")
    assert error.value.params["max"] == D(36)
    assert error.value.params["min"] == D(0)


def test_rate_field_name_is_the_callers() -> None:
    with pytest.raises(ValidationError) as error:
        Rate.from_annual_percent(D(500), field="request.rate")
    assert_error(error, "request.rate", "out_of_range")


def test_permille_out_of_range_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        Rate.from_monthly_permille(D("30.01"))
    assert_error(error, "monthly_permille", "out_of_range")
    assert error.value.params["max"] == D(30)


def test_direct_negative_rate_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        Rate(D("-0.001"))
    assert_error(error, "monthly_rate", "negative")


@pytest.mark.parametrize("months", [0, -1, 361])
def test_months_out_of_range(months: int) -> None:
    with pytest.raises(ValidationError) as error:
        build_schedule(D(1000), R1, months, Method.ANNUITY)
    assert_error(error, "months", "out_of_range")
    assert error.value.params == {"min": 1, "max": 360, "value": months}


def test_max_months_is_a_parameter() -> None:
    with pytest.raises(ValidationError):
        build_schedule(D(1000), R1, 25, Method.ANNUITY, max_months=24)
    assert len(build_schedule(D(1000), R1, 480, Method.ANNUITY, max_months=480).rows) == 480


@pytest.mark.parametrize("principal", [D(-1000), D(0), D("NaN"), D("-Infinity")])  # 0.004: sub_cent
def test_principal_must_be_positive(principal: Decimal) -> None:
    with pytest.raises(ValidationError) as error:
        build_schedule(principal, R1, 12, Method.ANNUITY)
    assert_error(error, "principal", "must_be_positive")


@pytest.mark.parametrize("principal", [MAX_AMOUNT + D("0.01"), D("Infinity")])
def test_principal_too_large(principal: Decimal) -> None:
    with pytest.raises(ValidationError) as error:
        build_schedule(principal, R1, 12, Method.ANNUITY)
    assert_error(error, "principal", "too_large")


def test_max_amount_itself_is_accepted() -> None:
    schedule = build_schedule(MAX_AMOUNT, Rate(D("0.03")), 360, Method.SEASONAL, weights=(D(1),) * 360)
    check_invariants(schedule, 360)


@pytest.mark.parametrize("grace", [12, 13])
def test_grace_must_be_shorter_than_the_term(grace: int) -> None:
    with pytest.raises(ValidationError) as error:
        build_schedule(D(1000), R1, 12, Method.ANNUITY, grace_months=grace)
    assert_error(error, "grace_months", "grace_too_long")
    assert error.value.params == {"grace": grace, "months": 12}


def test_negative_grace_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        build_schedule(D(1000), R1, 12, Method.ANNUITY, grace_months=-1)
    assert_error(error, "grace_months", "negative")


@pytest.mark.parametrize(("grace", "count"), [(0, 11), (0, 13), (2, 11)])
def test_seasonal_weights_must_match_the_months_after_grace(grace: int, count: int) -> None:
    with pytest.raises(ValidationError) as error:
        build_schedule(D(1000), R1, 12, Method.SEASONAL, grace_months=grace, weights=(D(1),) * count)
    assert_error(error, "weights", "wrong_length")
    assert error.value.params == {"expected": 12 - grace, "count": count}


def test_seasonal_needs_weights() -> None:
    with pytest.raises(ValidationError) as error:
        build_schedule(D(1000), R1, 12, Method.SEASONAL)
    assert_error(error, "weights", "wrong_length")


def test_seasonal_weights_not_all_zero() -> None:
    with pytest.raises(ValidationError) as error:
        build_schedule(D(1000), R1, 3, Method.SEASONAL, weights=(D(0), D(0), D(0)))
    assert_error(error, "weights", "weights_all_zero")


def test_seasonal_weights_not_negative() -> None:
    with pytest.raises(ValidationError) as error:
        build_schedule(D(1000), R1, 3, Method.SEASONAL, weights=(D(1), D(-1), D(1)))
    assert_error(error, "weights[1]", "negative")


def test_weights_are_ignored_by_other_methods() -> None:
    plain = build_schedule(D(1000), R1, 3, Method.ANNUITY)
    assert build_schedule(D(1000), R1, 3, Method.ANNUITY, weights=(D(1),)) == plain


def test_instalment_unit_must_be_positive() -> None:
    with pytest.raises(ValidationError) as error:
        build_schedule(D(1000), R1, 3, Method.ANNUITY, rounding=RoundingSettings(D(0)))
    assert_error(error, "rounding.instalment_unit", "must_be_positive")


def test_capacity_helpers_refuse_an_empty_term() -> None:
    with pytest.raises(ValidationError) as error:
        max_principal_annuity(D(100), D("0.01"), 0)
    assert_error(error, "months", "out_of_range")


# --- labels and values


def test_every_method_has_both_labels() -> None:
    assert set(METHOD_LABELS) == set(Method)
    assert METHOD_LABELS[Method.ANNUITY]["zh"] == "等额本息"
    assert METHOD_LABELS[Method.EQUAL_PRINCIPAL]["zh"] == "等额本金"
    assert METHOD_LABELS[Method.INTEREST_ONLY]["zh"] == "按月还息到期还本"
    assert METHOD_LABELS[Method.BULLET]["zh"] == "一次性还本付息"
    assert all(METHOD_LABELS[method]["en"] and METHOD_LABELS[method]["zh"] for method in Method)


def test_method_values_are_stable_strings() -> None:
    assert [m.value for m in Method] == [
        "annuity",
        "equal-principal",
        "flat",
        "interest-only",
        "bullet",
        "seasonal",
    ]
    assert Method("equal-principal") is Method.EQUAL_PRINCIPAL


def test_schedule_values_are_immutable() -> None:
    schedule = build_schedule(D(1000), R1, 2, Method.ANNUITY)
    assert isinstance(schedule.rows, tuple)
    with pytest.raises(AttributeError):
        schedule.rows[0].payment = D(0)  # type: ignore[misc]
