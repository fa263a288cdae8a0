"""The bank's credit policy (issue #13): validated, named in every result, its products' limits in force."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from tests.domain.builders import demo_case
from workbench.domain.calc import compute_case
from workbench.domain.cross_checks import Target
from workbench.domain.errors import ValidationError
from workbench.domain.policy import DEFAULT_POLICY, CheckBand, CreditPolicy, Product, validate_policy
from workbench.domain.readiness import Severity
from workbench.domain.schedules import Method
from workbench.domain.settings import RoundingSettings, ToleranceBand
from workbench.domain.status import Status
from workbench.texts.reasons import error_text

D = Decimal


def refusal(policy: CreditPolicy) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        validate_policy(policy)
    return caught.value


def test_the_default_policy_is_valid_and_named() -> None:
    assert validate_policy(DEFAULT_POLICY) is DEFAULT_POLICY
    assert DEFAULT_POLICY.label == "default v1"


@pytest.mark.parametrize("alpha", [D(0), D("-0.1"), D("1.01")])
def test_alpha_must_lie_in_0_to_1(alpha: Decimal) -> None:
    error = refusal(CreditPolicy(alpha=alpha))
    assert error.field == "alpha" and error.reason == "share_range"
    assert error_text(error, "en") == f"field alpha: must be above 0 and at most 1: {alpha}"
    assert error_text(error, "zh") == f"字段 alpha：必须大于 0 且不超过 1：{alpha}"


def test_alpha_of_one_is_allowed() -> None:
    validate_policy(CreditPolicy(alpha=D(1)))


@pytest.mark.parametrize(
    ("policy", "field", "reason"),
    [
        (
            CreditPolicy(flow_tolerance=ToleranceBand(D("0.2"), D("0.1"))),
            "flow_tolerance.explain",
            "band_order",
        ),
        (
            CreditPolicy(check_tolerances=(CheckBand(Target.INVENTORY, ToleranceBand(D("0.3"), D("0.2"))),)),
            "check_tolerances[0].band.explain",
            "band_order",
        ),
        (CreditPolicy(sensitivities=(D("0.5"), D(0))), "sensitivities[1]", "share_range"),
        (CreditPolicy(days_per_month=D(31)), "days_per_month", "invalid_choice"),
        (CreditPolicy(rounding=RoundingSettings(loan_unit=D(7))), "rounding.loan_unit", "invalid_choice"),
        (CreditPolicy(minimum_cash_buffer=D(-1)), "minimum_cash_buffer", "negative"),
        (CreditPolicy(material_items=("sales", "luck")), "material_items[1]", "invalid_choice"),
        (CreditPolicy(products=()), "products", "required"),
        (CreditPolicy(name=" "), "name", "required"),
        (
            CreditPolicy(products=(Product(min_amount=D(5000), max_amount=D(1000)),)),
            "products[0].max_amount",
            "min_above_max",
        ),
        (
            CreditPolicy(products=(Product(min_months=24, max_months=12),)),
            "products[0].max_months",
            "min_above_max",
        ),
        (CreditPolicy(products=(Product(max_months=400),)), "products[0].max_months", "out_of_range"),
        (CreditPolicy(products=(Product(methods=()),)), "products[0].methods", "required"),
        (CreditPolicy(products=(Product(), Product())), "products[1].name", "duplicate_id"),
        (
            CreditPolicy(products=(Product(min_annual_rate=D("0.2"), max_annual_rate=D("0.1")),)),
            "products[0].max_annual_rate",
            "min_above_max",
        ),
        (
            CreditPolicy(products=(Product(first_loan_cap=D(0)),)),
            "products[0].first_loan_cap",
            "must_be_positive",
        ),
    ],
)
def test_each_faulty_field_is_named(policy: CreditPolicy, field: str, reason: str) -> None:
    error = refusal(policy)
    assert (error.field, error.reason) == (field, reason)
    assert "\n" not in error_text(error, "en") and error_text(error, "en") != error_text(error, "zh")


def test_every_result_names_its_policy() -> None:
    bank = CreditPolicy(name="城商行经营贷", version=7)
    results = compute_case(demo_case("a"), bank)
    assert results.policy is bank and results.policy.label == "城商行经营贷 v7"


def capped(first_loan: bool, cap: Decimal = D(20000)) -> tuple[Decimal, str]:
    case = demo_case("a")
    case = dataclasses.replace(case, request=dataclasses.replace(case.request, first_loan=first_loan))
    policy = CreditPolicy(products=(Product(first_loan_cap=cap),))
    z = compute_case(case, policy).sizing
    return z.proposal, z.binding_limit


def test_a_first_loan_is_held_to_the_first_loan_cap() -> None:
    assert capped(first_loan=True) == (D(20000), "first_loan_cap")


def test_a_repeat_loan_is_not_held_to_the_first_loan_cap() -> None:
    free, binding = capped(first_loan=False)
    assert free > D(20000) and binding != "first_loan_cap"
    assert free == compute_case(demo_case("a"), DEFAULT_POLICY).sizing.proposal


def test_the_case_product_picks_its_limits() -> None:
    small = Product(name="小额", max_amount=D(10000))
    policy = CreditPolicy(products=(Product(), small))
    case = dataclasses.replace(demo_case("a"), product="小额")
    z = compute_case(case, policy).sizing
    assert (z.proposal, z.binding_limit) == (D(10000), "product_max")


def test_an_unknown_product_is_sized_under_the_first_and_said_so() -> None:
    case = dataclasses.replace(demo_case("a"), product="无此产品")
    assert not [i for i in compute_case(case, DEFAULT_POLICY).issues if i.code == "unknown_product"]
    results = compute_case(case, CreditPolicy(products=(Product(), Product(name="小额"))))
    advice = [i for i in results.issues if i.code == "unknown_product"]
    assert advice and advice[0].severity is Severity.ADVICE and advice[0].params["product"] == "default"


def test_a_method_the_product_does_not_offer_blocks() -> None:
    policy = CreditPolicy(products=(Product(methods=(Method.EQUAL_PRINCIPAL,)),))
    results = compute_case(demo_case("a"), policy)
    assert any(i.code == "method_not_offered" and i.severity is Severity.BLOCKING for i in results.issues)
    assert not results.ready


def test_amount_term_and_rate_below_the_product_block() -> None:
    case = demo_case("a")
    product = Product(
        min_amount=case.request.amount + 1, min_months=case.request.term_months + 1, min_annual_rate=D("0.30")
    )
    codes = {i.code for i in compute_case(case, CreditPolicy(products=(product,))).issues}
    assert {"below_product_min", "term_below_product", "rate_below_product"} <= codes


def test_a_band_for_one_kind_of_check_replaces_the_flow_band() -> None:
    case = demo_case("a")
    base = compute_case(case, DEFAULT_POLICY)
    target = next(r for r in base.checks if r.deviation is not None and r.deviation != 0)
    check = next(c for c in case.cross_checks if c.id == target.id)
    wide = ToleranceBand(abs(target.deviation) + 1, abs(target.deviation) + 2)
    narrow = ToleranceBand(D(0), D(0))
    for band, ok in ((wide, True), (narrow, False)):
        results = compute_case(case, CreditPolicy(check_tolerances=(CheckBand(check.target, band),)))
        status = next(r for r in results.checks if r.id == target.id).status
        assert (status is Status.OK) is ok
