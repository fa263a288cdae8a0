"""Smaller rules of issue #13: term and grace reported against their own fields, an amount of 0 is not "no
capacity", one rule for sub-cent amounts, and half-up from the window's spin boxes as everywhere else."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from tests.domain.builders import demo_case
from workbench.domain.calc import compute_case
from workbench.domain.errors import ValidationError
from workbench.domain.formatting import money
from workbench.domain.money import from_float
from workbench.domain.policy import DEFAULT_POLICY
from workbench.domain.readiness import Issue, Severity
from workbench.domain.schedules import Method, Rate, build_schedule

D = Decimal


def with_request(**changes: object) -> object:
    case = demo_case("a")
    return dataclasses.replace(case, request=dataclasses.replace(case.request, **changes))


@pytest.mark.parametrize(("months", "grace"), [(0, 0), (361, 0), (-1, 0)])
def test_a_term_out_of_range_names_the_term(months: int, grace: int) -> None:
    with pytest.raises(ValidationError) as error:
        compute_case(with_request(term_months=months, grace_months=grace), DEFAULT_POLICY)  # type: ignore[arg-type]
    assert error.value.field == "request.term_months"
    assert error.value.reason == "out_of_range"
    assert error.value.params == {"min": 1, "max": 360, "value": months}


@pytest.mark.parametrize("grace", [12, 13])
def test_a_grace_as_long_as_the_term_names_the_grace(grace: int) -> None:
    with pytest.raises(ValidationError) as error:
        compute_case(with_request(grace_months=grace), DEFAULT_POLICY)  # type: ignore[arg-type]
    assert (error.value.field, error.value.reason) == ("request.grace_months", "grace_too_long")


def test_a_negative_grace_names_the_grace() -> None:
    with pytest.raises(ValidationError) as error:
        compute_case(with_request(grace_months=-1), DEFAULT_POLICY)  # type: ignore[arg-type]
    assert (error.value.field, error.value.reason) == ("request.grace_months", "negative")


def test_an_amount_of_zero_is_not_a_lack_of_capacity() -> None:
    results = compute_case(with_request(amount=D(0)), DEFAULT_POLICY)  # type: ignore[arg-type]
    assert results.sizing.p_cap > 0
    blocking = [i for i in results.issues if i.severity is Severity.BLOCKING]
    assert blocking == [Issue(Severity.BLOCKING, "request_zero")]


def test_no_financing_gap_is_said_as_such() -> None:
    results = compute_case(with_request(own_contribution=D(60000)), DEFAULT_POLICY)  # type: ignore[arg-type]
    assert results.sizing.binding_limit == "purpose"
    assert Issue(Severity.BLOCKING, "no_financing_gap") in results.issues
    assert not any(i.code == "no_capacity" for i in results.issues)


def test_no_capacity_still_says_no_capacity() -> None:
    case = demo_case("a")
    household = (dataclasses.replace(case.profit_loss.household_expenses[0], amount=D(60000)),)
    pl = dataclasses.replace(case.profit_loss, household_expenses=household)
    results = compute_case(dataclasses.replace(case, profit_loss=pl), DEFAULT_POLICY)
    assert Issue(Severity.BLOCKING, "no_capacity") in results.issues


def test_a_sub_cent_principal_is_refused_like_on_import() -> None:
    with pytest.raises(ValidationError) as error:
        build_schedule(D("1000.005"), Rate(D("0.01")), 2, Method.EQUAL_PRINCIPAL)
    assert (error.value.field, error.value.reason) == ("principal", "sub_cent")
    assert build_schedule(D("1000.00000"), Rate(D("0.01")), 2, Method.ANNUITY).principal == D("1000.00")


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [(500.125, 2, "500.13"), (7.125, 2, "7.13"), (2.5, 0, "3"), (0.005, 2, "0.01"), (-1.005, 2, "-1.01")],
)
def test_a_spin_box_value_rounds_half_up_like_the_printed_figures(
    value: float, places: int, expected: str
) -> None:
    assert from_float(value, places) == D(expected)
    assert money(D("500.125")) == "500.13"
