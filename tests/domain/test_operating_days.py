"""Operating days per month come from the case (the business's days; without a business the policy's
convention, default 30): a 26-day workshop's daily sales are multiplied by 26, not 30 (issue #13)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import TYPE_CHECKING

from tests.domain.builders import demo_case
from workbench.domain.calc import compute_case
from workbench.domain.cross_checks import CheckMethod, CrossCheck, CrossCheckResult, EstimationInputs, Target
from workbench.domain.policy import DEFAULT_POLICY, CreditPolicy
from workbench.domain.status import Status

if TYPE_CHECKING:
    from workbench.domain.case_file import CaseFile

D = Decimal
DAILY = CrossCheck(
    id="E1",
    target=Target.SALES_MONTH,
    method=CheckMethod.M2,
    inputs=EstimationInputs(daily=D(6200)),
)


def estimate(case: CaseFile, settings: CreditPolicy = DEFAULT_POLICY) -> CrossCheckResult:
    results = compute_case(dataclasses.replace(case, cross_checks=(*case.cross_checks, DAILY)), settings)
    return next(r for r in results.checks if r.id == "E1")


def test_a_26_day_workshop_is_checked_with_26_days() -> None:
    case = demo_case("b")
    assert case.business is not None and case.business.operating_days_per_month == 26
    result = estimate(case)
    assert result.check_value == D(6200) * 26 == D(161200)
    assert result.deviation == 0 and result.status is Status.OK


def test_days_typed_in_the_check_win() -> None:
    case = demo_case("b")
    typed = dataclasses.replace(DAILY, inputs=EstimationInputs(daily=D(6200), days=D(25)))
    results = compute_case(dataclasses.replace(case, cross_checks=(typed,)), DEFAULT_POLICY)
    assert results.checks[0].check_value == D(155000)


def test_without_a_business_the_policy_convention_applies() -> None:
    case = dataclasses.replace(demo_case("b"), business=None)
    assert estimate(case).check_value == D(6200) * 30
    assert estimate(case, CreditPolicy(days_per_month=D(28))).check_value == D(6200) * 28


def test_the_days_are_a_figure_a_check_may_refer_to() -> None:
    results = compute_case(demo_case("b"), DEFAULT_POLICY)
    assert results.figures["operating_days"] == D(26)
