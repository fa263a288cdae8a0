"""Sizing keeps the projected cash balance above the minimum and names the month that fails (issue #13)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from tests.domain.builders import demo_case
from workbench.domain.calc import CaseResults, compute_case
from workbench.domain.money import floor_to
from workbench.domain.policy import DEFAULT_POLICY, CreditPolicy
from workbench.domain.profit_loss import Season
from workbench.domain.readiness import Issue, Severity
from workbench.domain.schedules import Method
from workbench.domain.sizing import plan_schedule, project_cash

D = Decimal
P, N, S = Season.PEAK, Season.NORMAL, Season.SLACK


def lean_start_case(
    *, cash: Decimal = D(0), bank: Decimal = D(10000), settings: CreditPolicy = DEFAULT_POLICY
) -> CaseResults:
    """Case A with little cash and a long slack stretch right after disbursement (July–October):
    the yearly average carries the loan, the first months do not."""
    base = demo_case("a")
    calendar = (P, P, P, N, N, N, S, S, S, S, N, P)
    pl = dataclasses.replace(
        base.profit_loss,
        calendar=calendar,
        peak_sales=D(220000),
        normal_sales=D(120000),
        slack_sales=D(90000),
    )
    assets = tuple(
        dataclasses.replace(a, amount=cash)
        if a.category.value == "cash"
        else dataclasses.replace(a, amount=bank)
        if a.category.value == "bank"
        else a
        for a in base.balance_sheet.assets
    )
    sheet = dataclasses.replace(base.balance_sheet, assets=assets)
    request = dataclasses.replace(base.request, amount=D(60000), uses=())
    return compute_case(
        dataclasses.replace(base, profit_loss=pl, balance_sheet=sheet, request=request), settings
    )


def lowest(results: CaseResults, amount: Decimal) -> Decimal:
    z = results.sizing
    request = demo_case("a").request
    schedule = plan_schedule(
        amount, z.rate, z.months, request.method, request.grace_months, DEFAULT_POLICY.rounding, (), 360
    )
    projection = project_cash(results.statement, schedule, z.opening_liquidity, z.first_month)
    return min(m.balance for m in projection)


def test_the_average_alone_would_let_the_projection_fall_below_zero() -> None:
    results = lean_start_case()
    z = results.sizing
    assert z.binding_limit == "cash_projection"
    assert z.shortfall is not None
    assert z.shortfall.balance < 0
    assert z.shortfall.month in (7, 8, 9, 10, 11)  # the slack stretch and the month after it


def test_the_loan_is_sized_down_to_the_largest_amount_that_keeps_the_balance_above_the_minimum() -> None:
    results = lean_start_case()
    z = results.sizing
    capacity = z.p_cap
    assert 0 < z.proposal < floor_to(capacity, D(1000))
    low = z.projection_minimum
    assert low is not None and low.balance >= 0
    assert lowest(results, z.proposal + 1000) < 0  # one loan unit more would fall short
    advice = [i for i in results.issues if i.code == "sized_to_cash"]
    assert advice == [
        Issue(
            Severity.ADVICE,
            "sized_to_cash",
            params={
                "month": str(z.shortfall.month),
                "balance": str(z.shortfall.balance),
                "minimum": "0",
                "amount": str(z.proposal),
            },
        )
    ]


def test_the_minimum_balance_comes_from_the_settings() -> None:
    plain = lean_start_case(bank=D(20000))
    strict = lean_start_case(bank=D(20000), settings=CreditPolicy(minimum_cash_buffer=D(15000)))
    assert strict.sizing.proposal < plain.sizing.proposal
    low = strict.sizing.projection_minimum
    assert low is not None and low.balance >= D(15000)


def test_a_shortfall_without_any_loan_blocks_and_names_the_month() -> None:
    # the household runs out of cash even before any instalment: nothing can be proposed
    results = lean_start_case(settings=CreditPolicy(minimum_cash_buffer=D(1_000_000)))
    z = results.sizing
    assert z.proposal == 0
    blocking = [i for i in results.issues if i.code == "cash_shortfall"]
    assert len(blocking) == 1 and blocking[0].severity is Severity.BLOCKING
    assert blocking[0].params["month"] == str(z.projection_minimum.month)  # type: ignore[union-attr]
    assert results.ready is False


def test_the_demo_cases_are_not_cut_by_their_projection() -> None:
    for name, proposal in (("a", D(45000)), ("b", D(100000))):
        z = compute_case(demo_case(name), DEFAULT_POLICY).sizing
        assert z.proposal == proposal
        assert z.shortfall is None
        assert z.binding_limit != "cash_projection"


def test_a_seasonal_plan_is_sized_on_the_projection_too() -> None:
    base = demo_case("a")
    request = dataclasses.replace(base.request, method=Method.SEASONAL)
    results = compute_case(dataclasses.replace(base, request=request), DEFAULT_POLICY)
    low = results.sizing.projection_minimum
    assert low is not None and low.balance >= 0
