"""The readiness gate of the write-up §5/§10 (issue #13): each material item needs ≥ 2 distinct methods
that computed, with evidence; a FAIL counts only when superseded by a passing re-computation or overridden
by a reviewer; an EXPLAIN needs a real explanation; a check without its inputs is refused."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest

from tests.domain.builders import demo_case
from workbench.domain.calc import CaseResults, compute_case
from workbench.domain.case_file import CheckOverride
from workbench.domain.cross_checks import (
    CheckMethod,
    CrossCheck,
    EstimationInputs,
    PurchasesInputs,
    RangeInputs,
    Target,
    VerificationInputs,
)
from workbench.domain.equity import EquityResult, equity_pass
from workbench.domain.errors import ValidationError
from workbench.domain.evidence import Evidence, EvidenceKind
from workbench.domain.policy import DEFAULT_POLICY, CreditPolicy
from workbench.domain.readiness import Issue, Severity, equity_issues, real_explanation
from workbench.domain.settings import ToleranceBand

if TYPE_CHECKING:
    from workbench.domain.case_file import CaseFile

D = Decimal
BLOCKING, ADVICE = Severity.BLOCKING, Severity.ADVICE
EVIDENCE = (
    Evidence(id="ev1", kind=EvidenceKind.OBSERVATION, title="three days at the till"),
    Evidence(id="ev2", kind=EvidenceKind.STATEMENT, title="WeChat Pay export"),
)


def daily(check_id: str, amount: str = "4000", **more: object) -> CrossCheck:
    """M2: daily sales × 30 against the normal month (120 000)."""
    return CrossCheck(
        id=check_id,
        target=Target.SALES_MONTH,
        method=CheckMethod.M2,
        inputs=EstimationInputs(daily=D(amount)),
        evidence=("ev1",),
        **more,  # type: ignore[arg-type]
    )


def documented(check_id: str, amount: str = "120000", **more: object) -> CrossCheck:
    """M1: documented sales of one month against the normal month."""
    return CrossCheck(
        id=check_id,
        target=Target.SALES_MONTH,
        method=CheckMethod.M1,
        inputs=VerificationInputs(documented=D(amount)),
        evidence=("ev2",),
        **more,  # type: ignore[arg-type]
    )


def margin_checks() -> tuple[CrossCheck, ...]:
    peer = CrossCheck(
        id="G1",
        target=Target.GROSS_MARGIN,
        method=CheckMethod.M5,
        inputs=RangeInputs(low=D("0.12"), high=D("0.20")),
        evidence=("ev1",),
    )
    bought = CrossCheck(
        id="G2",
        target=Target.GROSS_MARGIN,
        method=CheckMethod.M3,
        inputs=RangeInputs(low=D("0.14"), high=D("0.17")),
        evidence=("ev2",),
    )
    inventory = (
        CrossCheck(
            id="I1",
            target=Target.INVENTORY,
            method=CheckMethod.M3,
            inputs=RangeInputs(low=D(25), high=D(45), value=D(31)),
            evidence=("ev1",),
        ),
        CrossCheck(
            id="I2",
            target=Target.INVENTORY,
            method=CheckMethod.M5,
            inputs=RangeInputs(low=D(90000), high=D(120000)),
            evidence=("ev1",),
        ),
    )
    return (peer, bought, *inventory)


def with_checks(
    *checks: CrossCheck, evidence: tuple[Evidence, ...] = EVIDENCE, overrides: tuple[CheckOverride, ...] = ()
) -> CaseFile:
    base = demo_case("a")
    notes = dataclasses.replace(base.notes, check_overrides=overrides)
    return dataclasses.replace(base, cross_checks=checks, evidence=evidence, notes=notes)


def blocking(results: CaseResults) -> list[Issue]:
    return [i for i in results.issues if i.severity is BLOCKING]


def codes(results: CaseResults) -> set[tuple[str, str]]:
    return {(i.code, i.subject) for i in blocking(results)}


def test_two_distinct_methods_with_evidence_make_sales_ready() -> None:
    results = compute_case(with_checks(daily("S1"), documented("S2"), *margin_checks()), DEFAULT_POLICY)
    assert blocking(results) == []
    assert results.ready


def test_two_checks_of_one_method_are_one_method() -> None:
    results = compute_case(with_checks(daily("S1"), daily("S2", "3990"), *margin_checks()), DEFAULT_POLICY)
    assert Issue(BLOCKING, "too_few_checks", "sales", {"count": "1", "minimum": "2"}) in results.issues


def test_a_check_without_evidence_does_not_count() -> None:
    bare = dataclasses.replace(documented("S2"), evidence=())
    results = compute_case(with_checks(daily("S1"), bare, *margin_checks()), DEFAULT_POLICY)
    assert ("too_few_checks", "sales") in codes(results)


@pytest.mark.parametrize("text", ["x", ".", "。", "...", "  -- ", "xxxxxxxx", "ok"])
def test_punctuation_or_a_character_is_no_explanation(text: str) -> None:
    assert real_explanation(text) is False
    off = documented("S2", "112800", explanation=text)  # δ +6.00 % → EXPLAIN
    results = compute_case(with_checks(daily("S1"), off, *margin_checks()), DEFAULT_POLICY)
    assert ("check_unexplained", "S2") in codes(results)


@pytest.mark.parametrize("text", ["新增客户", "new customer since January", "节前备货 2 周"])
def test_a_real_explanation_counts(text: str) -> None:
    assert real_explanation(text) is True
    off = documented("S2", "112800", explanation=text)
    results = compute_case(with_checks(daily("S1"), off, *margin_checks()), DEFAULT_POLICY)
    assert results.ready


@pytest.mark.parametrize("amount", ["36000", "24000"])  # δ +70 % and +80 %
def test_an_explained_fail_still_blocks(amount: str) -> None:
    failing = documented("S2", amount, explanation="the client says business was slow this month")
    results = compute_case(with_checks(daily("S1"), failing, *margin_checks()), DEFAULT_POLICY)
    assert ("check_failed", "S2") in codes(results)
    assert ("too_few_checks", "sales") in codes(results)


REASON = "invoices cover only the wholesale customers; the rest is cash"


def test_a_reviewer_override_lets_a_fail_count_and_the_committee_sees_it() -> None:
    overrides = (CheckOverride(check="S2", reviewer="赵强", reason=REASON),)
    results = compute_case(
        with_checks(daily("S1"), documented("S2", "36000"), *margin_checks(), overrides=overrides),
        DEFAULT_POLICY,
    )
    assert blocking(results) == []
    shown = [i for i in results.issues if i.code == "check_overridden"]
    assert shown == [
        Issue(
            ADVICE, "check_overridden", "S2", {"reviewer": "赵强", "reason": REASON, "deviation": "+70.00%"}
        )
    ]


def test_an_override_without_a_reason_is_no_override() -> None:
    overrides = (CheckOverride(check="S2", reviewer="赵强", reason="."),)
    results = compute_case(
        with_checks(daily("S1"), documented("S2", "36000"), *margin_checks(), overrides=overrides),
        DEFAULT_POLICY,
    )
    assert ("check_failed", "S2") in codes(results)


def test_an_override_must_name_a_check_of_the_case() -> None:
    with pytest.raises(ValidationError) as error:
        with_checks(daily("S1"), overrides=(CheckOverride(check="S9", reviewer="赵强", reason=REASON),))
    assert (error.value.field, error.value.reason) == ("notes.check_overrides[0].check", "unknown_reference")


def test_a_fail_superseded_by_a_passing_recomputation_counts_no_more_and_blocks_no_more() -> None:
    first = documented("S2a", "36000")
    again = documented("S2b", "118000", supersedes="S2a")
    results = compute_case(with_checks(daily("S1"), first, again, *margin_checks()), DEFAULT_POLICY)
    assert blocking(results) == []


def test_a_check_without_inputs_is_refused_and_never_counts() -> None:
    empty = CrossCheck(
        id="S3",
        target=Target.SALES_MONTH,
        method=CheckMethod.M2,
        inputs=EstimationInputs(),
        explanation="estimated from what the neighbour said",
        evidence=("ev1",),
    )
    results = compute_case(with_checks(daily("S1"), empty, *margin_checks()), DEFAULT_POLICY)
    assert Issue(BLOCKING, "inputs_missing", "S3", {"value": "daily, customers, average_ticket"}) in (
        results.issues
    )
    assert ("too_few_checks", "sales") in codes(results)


def test_a_check_without_a_period_is_refused() -> None:
    no_period = CrossCheck(
        id="S3",
        target=Target.SALES_MONTH,
        method=CheckMethod.M7,
        inputs=PurchasesInputs(purchases=D(205000)),
        explanation="purchases from the two suppliers",
        evidence=("ev2",),
    )
    results = compute_case(with_checks(daily("S1"), no_period, *margin_checks()), DEFAULT_POLICY)
    assert Issue(BLOCKING, "inputs_missing", "S3", {"value": "months, weeks"}) in results.issues


def test_gross_margin_and_a_large_inventory_are_material() -> None:
    results = compute_case(with_checks(daily("S1"), documented("S2")), DEFAULT_POLICY)
    assert ("too_few_checks", "gross_margin") in codes(results)
    assert ("too_few_checks", "inventory") in codes(results)  # 105 000 of 743 000 assets: 14 %


def test_expenses_and_debts_become_material_above_the_threshold() -> None:
    strict = CreditPolicy(materiality_share=D("0.05"))
    results = compute_case(with_checks(daily("S1"), documented("S2"), *margin_checks()), strict)
    assert ("too_few_checks", "expenses") in codes(results)  # opex 8 600 = 7.2 % of sales
    assert ("too_few_checks", "debts") in codes(results)  # 42 000 = 5.65 % of assets
    assert ("too_few_checks", "receivables") not in codes(results)  # 5 000 = 0.67 %


def test_the_material_items_are_a_setting() -> None:
    only_sales = CreditPolicy(material_items=("sales",))
    results = compute_case(with_checks(daily("S1"), documented("S2")), only_sales)
    assert blocking(results) == []


def test_a_debt_check_compares_with_the_liabilities() -> None:
    report = CrossCheck(
        id="D1",
        target=Target.DEBTS,
        method=CheckMethod.M1,
        inputs=VerificationInputs(documented=D(42000)),
        evidence=("ev2",),
    )
    results = compute_case(with_checks(daily("S1"), documented("S2"), report), DEFAULT_POLICY)
    (debt,) = [r for r in results.checks if r.id == "D1"]
    assert debt.item == "debts"
    assert debt.adopted == D(42000) and debt.deviation == 0


@pytest.mark.parametrize("finding", [".", "x", "   ", "？"])
def test_an_equity_finding_must_be_a_real_explanation(finding: str) -> None:
    zero = D(0)
    current = equity_pass("p1", D(890000), zero, D("960995.60"), D(1000), ToleranceBand(), finding)
    result = EquityResult(zero, zero, zero, zero, zero, zero, zero, zero, D("960995.60"), (current,))
    assert [i.code for i in equity_issues(result, business_loan=True)] == ["equity_unexplained"]
