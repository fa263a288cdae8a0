"""Seasonal plans follow each month's disposable cash, whatever the grace period (issue #13)."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.domain.builders import demo_case
from workbench.domain.calc import CaseResults, compute_case
from workbench.domain.loan_request import RateKind, RateQuote
from workbench.domain.policy import DEFAULT_POLICY
from workbench.domain.profit_loss import Season
from workbench.domain.schedules import Method

D = Decimal
P, N, S = Season.PEAK, Season.NORMAL, Season.SLACK
# Peak February–March, slack May–June (the profile).
CALENDAR = (N, P, P, N, S, S, N, N, N, N, N, N)


def seasonal_case(
    *,
    calendar: tuple[Season, ...] = CALENDAR,
    peak: Decimal = D(200000),
    normal: Decimal = D(120000),
    slack: Decimal = D("100662.25"),
    amount: Decimal = D(60000),
    months: int = 12,
    grace: int = 3,
    rate: Decimal = D("7.2"),
    disbursed: date = date(2024, 1, 5),
    method: Method = Method.SEASONAL,
) -> CaseResults:
    base = demo_case("a")
    pl = dataclasses.replace(
        base.profit_loss, calendar=calendar, peak_sales=peak, normal_sales=normal, slack_sales=slack
    )
    request = dataclasses.replace(
        base.request,
        amount=amount,
        term_months=months,
        grace_months=grace,
        rate=RateQuote(RateKind.ANNUAL_PERCENT, rate),
        method=method,
        disbursement_date=disbursed,
        uses=(),
    )
    return compute_case(dataclasses.replace(base, profit_loss=pl, request=request), DEFAULT_POLICY)


def month_of(period: int, first_month: int) -> int:
    return (first_month - 1 + period) % 12 + 1


def assert_follows_the_months(results: CaseResults) -> None:
    """No month pays more than α × its disposable cash; the plan repays the proposal to the fen."""
    z = results.sizing
    schedule = z.schedule
    assert schedule is not None and schedule.method is Method.SEASONAL
    for row in schedule.rows:
        disposable = results.statement.month(month_of(row.period, z.first_month)).disposable
        assert row.payment <= z.alpha * max(disposable, D(0)), (row, disposable)
    assert sum(row.principal for row in schedule.rows) == z.proposal
    assert schedule.rows[-1].balance == D("0.00")
    assert z.ratio is not None and z.ratio <= z.alpha


def test_slack_months_pay_less_and_peak_months_more_after_grace() -> None:
    results = seasonal_case()
    z = results.sizing
    assert z.proposal > 0 and z.schedule is not None
    by_month = {month_of(row.period, z.first_month): row.payment for row in z.schedule.rows}
    slack_md = results.statement.month(5).disposable
    assert slack_md == D("2000.00")  # the slack months: disposable 2 000
    assert by_month[5] <= D("1600.00") and by_month[6] <= D("1600.00")
    assert by_month[5] < by_month[7]  # a normal month pays more than a slack one
    assert_follows_the_months(results)


def test_peak_months_after_grace_pay_the_most() -> None:
    # grace over January only: February and March (peak) are the largest instalments
    results = seasonal_case(grace=1, disbursed=date(2023, 12, 5))
    z = results.sizing
    assert z.schedule is not None
    by_month = {month_of(row.period, z.first_month): row.payment for row in z.schedule.rows}
    assert max(by_month, key=lambda m: by_month[m]) in (2, 3)
    assert_follows_the_months(results)


def test_the_burden_ratio_is_the_largest_share_any_month_pays() -> None:
    results = seasonal_case()
    z = results.sizing
    assert z.schedule is not None
    shares = [
        row.payment / results.statement.month(month_of(row.period, z.first_month)).disposable
        for row in z.schedule.rows
        if row.payment
    ]
    assert z.ratio == max(shares)


def test_a_grace_month_never_pays_more_interest_than_its_share() -> None:
    # grace over the slack months May–June: the loan is capped so their interest fits 80 % of 2 000
    results = seasonal_case(grace=2, disbursed=date(2024, 4, 5), amount=D(500000), rate=D(36))
    z = results.sizing
    assert z.binding_limit == "capacity"
    assert_follows_the_months(results)


sales = st.integers(min_value=0, max_value=400_000).map(D)


@settings(max_examples=120, deadline=None)
@given(
    calendar=st.lists(st.sampled_from(list(Season)), min_size=12, max_size=12),
    peak=sales,
    normal=sales,
    slack=sales,
    months=st.integers(min_value=1, max_value=36),
    data=st.data(),
    rate=st.decimals(min_value=D(0), max_value=D(36), places=2),
    amount=st.integers(min_value=1000, max_value=2_000_000).map(D),
    first=st.integers(min_value=1, max_value=12),
)
def test_any_seasonal_profile_and_grace(
    calendar: list[Season],
    peak: Decimal,
    normal: Decimal,
    slack: Decimal,
    months: int,
    data: st.DataObject,
    rate: Decimal,
    amount: Decimal,
    first: int,
) -> None:
    grace = data.draw(st.integers(min_value=0, max_value=months - 1))
    results = seasonal_case(
        calendar=tuple(calendar),
        peak=peak,
        normal=normal,
        slack=slack,
        amount=amount,
        months=months,
        grace=grace,
        rate=rate,
        disbursed=date(2024, first, 5),
    )
    if results.sizing.proposal > 0:
        assert_follows_the_months(results)
