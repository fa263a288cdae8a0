"""Invariants of every schedule over random loans (hypothesis): exact sums, zero end balance, no negatives."""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.domain.money import Rounding
from workbench.domain.schedules import (
    Method,
    Rate,
    Schedule,
    annuity_payment,
    build_schedule,
    max_principal_annuity,
)
from workbench.domain.settings import INSTALMENT_UNITS, RoundingSettings

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

principals = st.integers(min_value=1, max_value=1_000_000_000).map(lambda cents: Decimal(cents).scaleb(-2))
annual_percents = st.integers(min_value=0, max_value=360_000).map(
    lambda bp: Decimal(bp).scaleb(-4)
)  # 0 … 36 %
roundings = st.builds(
    RoundingSettings,
    instalment_unit=st.sampled_from(INSTALMENT_UNITS),
    instalment_mode=st.sampled_from([Rounding.HALF_UP, Rounding.UP, Rounding.DOWN]),
)
weights_values = st.integers(min_value=1, max_value=10_000_000).map(lambda cents: Decimal(cents).scaleb(-2))


@st.composite
def loans(
    draw: st.DrawFn, method: Method
) -> tuple[Decimal, Rate, int, int, RoundingSettings, tuple[Decimal, ...] | None]:
    months = draw(st.integers(min_value=1, max_value=360))
    grace = draw(st.integers(min_value=0, max_value=months - 1))
    weights = None
    if method is Method.SEASONAL:
        weights = tuple(draw(st.lists(weights_values, min_size=months - grace, max_size=months - grace)))
    return (
        draw(principals),
        Rate.from_annual_percent(draw(annual_percents)),
        months,
        grace,
        draw(roundings),
        weights,
    )


def check(
    schedule: Schedule, principal: Decimal, months: int, weights: tuple[Decimal, ...] | None = None
) -> None:
    """``weights`` (seasonal, one per month after grace): a month whose weight is below its interest
    pays its weight and the rest of the interest stays in the balance (the only negative principal)."""
    rows = schedule.rows
    deferring = set()
    if weights is not None:
        first = months - len(weights)
        deferring = {
            row.period
            for row, weight in zip(rows[first:], weights, strict=True)
            if row.principal < 0 and row.payment <= weight and row.payment < row.interest
        }
    assert len(rows) == months
    assert schedule.principal == principal
    assert sum(row.principal for row in rows) == principal
    assert rows[-1].balance == Decimal("0.00")
    for row in rows:
        for value in (row.payment, row.interest, row.principal, row.balance):
            assert value.is_finite()
            assert value.as_tuple().exponent == -2
        assert row.balance >= 0
        assert row.interest >= 0
        assert row.principal >= 0 or row.period in deferring
        assert row.payment == row.interest + row.principal
    balances = [principal, *(row.balance for row in rows)]
    assert all(
        later <= earlier or row.period in deferring
        for (earlier, later), row in zip(pairwise(balances), rows, strict=True)
    )
    assert schedule.total_payment == principal + schedule.total_interest


def run(
    method: Method, loan: tuple[Decimal, Rate, int, int, RoundingSettings, tuple[Decimal, ...] | None]
) -> None:
    principal, rate, months, grace, rounding, weights = loan
    schedule = build_schedule(
        principal, rate, months, method, grace_months=grace, rounding=rounding, weights=weights
    )
    check(schedule, principal, months, weights)


@FAST
@given(loans(Method.ANNUITY))
def test_annuity_invariants(loan: tuple[Decimal, Rate, int, int, RoundingSettings, None]) -> None:
    run(Method.ANNUITY, loan)


@FAST
@given(loans(Method.EQUAL_PRINCIPAL))
def test_equal_principal_invariants(loan: tuple[Decimal, Rate, int, int, RoundingSettings, None]) -> None:
    run(Method.EQUAL_PRINCIPAL, loan)


@FAST
@given(loans(Method.FLAT))
def test_flat_invariants(loan: tuple[Decimal, Rate, int, int, RoundingSettings, None]) -> None:
    run(Method.FLAT, loan)


@FAST
@given(loans(Method.INTEREST_ONLY))
def test_interest_only_invariants(loan: tuple[Decimal, Rate, int, int, RoundingSettings, None]) -> None:
    run(Method.INTEREST_ONLY, loan)


@FAST
@given(loans(Method.BULLET))
def test_bullet_invariants(loan: tuple[Decimal, Rate, int, int, RoundingSettings, None]) -> None:
    run(Method.BULLET, loan)


@FAST
@given(loans(Method.SEASONAL))
def test_seasonal_invariants(
    loan: tuple[Decimal, Rate, int, int, RoundingSettings, tuple[Decimal, ...]],
) -> None:
    run(Method.SEASONAL, loan)


@settings(max_examples=60, deadline=None)
@given(principals, annual_percents, st.integers(min_value=1, max_value=360), st.data())
def test_seasonal_with_zero_weights_never_raises(
    principal: Decimal, percent: Decimal, months: int, data: st.DataObject
) -> None:
    """Months with weight 0 (no cash) pay nothing when the loan fits; the schedule stays consistent."""
    some = st.sampled_from([Decimal(0), Decimal(0), Decimal("0.01"), Decimal(500)])
    weights = tuple(data.draw(st.lists(some, min_size=months, max_size=months)))
    if not any(weights):
        weights = (*weights[:-1], Decimal(1))
    schedule = build_schedule(
        principal, Rate.from_annual_percent(percent), months, Method.SEASONAL, weights=weights
    )
    check(schedule, principal, months, weights)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1, max_value=10_000_000).map(lambda cents: Decimal(cents).scaleb(-2)),
    annual_percents,
    st.integers(min_value=1, max_value=360),
)
def test_capacity_inverse_round_trips(instalment: Decimal, percent: Decimal, months: int) -> None:
    rate = Rate.from_annual_percent(percent)
    capacity = max_principal_annuity(instalment, rate, months)
    assert capacity.is_finite() and capacity > 0
    assert abs(annuity_payment(capacity, rate, months) - instalment) <= instalment * Decimal("1e-25")


@settings(max_examples=100, deadline=None)
@given(principals, annual_percents, st.integers(min_value=1, max_value=360))
def test_annuity_cent_schedule_pays_a_level_instalment(
    principal: Decimal, percent: Decimal, months: int
) -> None:
    """With cent rounding the payment stays level and only the final one moves.

    Each month the balance drifts from the exact annuity by at most one cent (interest and payment
    roundings), and the drift compounds at r, so |last − level| ≤ 0.01·Σ_{j<n}(1+r)^j + 0.01.
    """
    rate = Rate.from_annual_percent(percent)
    schedule = build_schedule(principal, rate, months, Method.ANNUITY)
    level = schedule.first_payment
    paying = [row for row in schedule.rows if row.payment]
    assert all(row.payment == level for row in paying[:-1])
    bound = Decimal("0.01") * (sum((1 + rate.monthly) ** j for j in range(months)) + 1)
    assert abs(schedule.last_payment - level) <= bound
