"""readiness: which checks count, which issues block the committee, and the demo cases' issue lists."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from tests.domain.builders import BAND, check_result, demo_case, demo_results
from workbench.domain.calc import compute_case
from workbench.domain.case_file import LoanClass
from workbench.domain.cross_checks import CheckMethod, CrossCheckResult, Target
from workbench.domain.equity import EquityResult, equity_pass
from workbench.domain.policy import DEFAULT_POLICY
from workbench.domain.readiness import Issue, Severity, check_issues, counted, equity_issues
from workbench.domain.status import Status

D = Decimal
OK, EXPLAIN, FAIL = Status.OK, Status.EXPLAIN, Status.FAIL
BLOCKING, ADVICE = Severity.BLOCKING, Severity.ADVICE


EVIDENCE = frozenset({"ev1"})
ITEMS = ("sales",)


def too_few(subject: str, count: int, minimum: int = 2) -> Issue:
    return Issue(BLOCKING, "too_few_checks", subject, {"count": str(count), "minimum": str(minimum)})


M1, M2, M7 = CheckMethod.M1, CheckMethod.M2, CheckMethod.M7


def issues_of(*checks: CrossCheckResult, minimum: int = 2, items: tuple[str, ...] = ITEMS) -> list[Issue]:
    return check_issues(checks, minimum, items, EVIDENCE)


# ---- counted() ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "explanation", "superseded_by", "expected"),
    [
        (OK, "", "", True),
        (EXPLAIN, "", "", False),
        (FAIL, "", "", False),
        (EXPLAIN, "new customer since January", "", True),
        (FAIL, "re-surveyed, see note", "", False),  # a FAIL counts only when overridden
        (EXPLAIN, "   \n\t", "", False),  # whitespace is no explanation
        (EXPLAIN, "x", "", False),  # nor is one character
        (OK, "", "C4b", False),  # superseded never counts
        (EXPLAIN, "explained", "C4b", False),
    ],
)
def test_counted(status: Status, explanation: str, superseded_by: str, expected: bool) -> None:
    result = check_result(status=status, explanation=explanation, superseded_by=superseded_by)
    assert counted(result, EVIDENCE) is expected


def test_counted_needs_evidence_the_case_holds() -> None:
    assert counted(check_result(evidence=()), EVIDENCE) is False
    assert counted(check_result(evidence=("ev9",)), EVIDENCE) is False
    assert counted(check_result(evidence=("ev9", "ev1")), EVIDENCE) is True


def test_counted_needs_a_figure() -> None:
    assert counted(check_result(deviation=None), EVIDENCE) is False


def test_an_overridden_fail_counts() -> None:
    result = check_result(status=FAIL, override_by="赵强", override_reason="复核发票后认可该差异")
    assert counted(result, EVIDENCE) is True


# ---- check_issues ---------------------------------------------------------------------------------


def test_sales_with_too_few_methods_blocks() -> None:
    assert issues_of(check_result("C1")) == [too_few("sales", 1)]


def test_no_checks_at_all() -> None:
    assert issues_of() == [too_few("sales", 0)]


def test_two_sales_checks_of_distinct_methods_and_any_sales_target_are_enough() -> None:
    checks = (check_result("C1"), check_result("B7", Target.LABOUR_CAPACITY, method=M1))
    assert issues_of(*checks) == []


def test_two_checks_of_one_method_count_once() -> None:
    assert issues_of(check_result("C1"), check_result("C2")) == [too_few("sales", 1)]


def test_a_superseded_check_does_not_count_toward_the_minimum() -> None:
    checks = (check_result("C4a", superseded_by="C4b", method=M7), check_result("C4b"))
    assert issues_of(*checks) == [too_few("sales", 1)]


def test_only_material_items_are_required() -> None:
    checks = (
        check_result("S1"),
        check_result("S2", Target.SALES_ANNUAL, method=M1),
        check_result("G1", Target.GROSS_MARGIN),
        check_result("N1", Target.NET_PROFIT),  # not material: never an issue
    )
    assert issues_of(*checks) == []
    assert issues_of(*checks, items=("sales", "gross_margin")) == [too_few("gross_margin", 1)]


def test_the_minimum_is_a_parameter() -> None:
    checks = (check_result("S1"), check_result("G1", Target.GROSS_MARGIN))
    assert issues_of(*checks, minimum=1, items=("sales", "gross_margin")) == []
    assert issues_of(*checks, minimum=3)[0].params == {"count": "1", "minimum": "3"}


@pytest.mark.parametrize(
    ("status", "deviation", "shown", "code"),
    [
        (EXPLAIN, D("-0.0699588477366255"), "-7.00%", "check_unexplained"),
        (FAIL, D("0.25"), "+25.00%", "check_failed"),
    ],
)
def test_a_non_ok_check_without_explanation_blocks(
    status: Status, deviation: Decimal, shown: str, code: str
) -> None:
    checks = (
        check_result("C1"),
        check_result("C2", method=M1),
        check_result("C4a", status=status, deviation=deviation),
    )
    assert issues_of(*checks) == [Issue(BLOCKING, code, "C4a", {"deviation": shown, "status": status.value})]


def test_a_check_without_a_figure_is_refused() -> None:
    checks = (
        check_result("C1"),
        check_result("C2", method=M1),
        check_result("C3", status=FAIL, deviation=None),
    )
    assert issues_of(*checks) == [Issue(BLOCKING, "inputs_missing", "C3", {"value": "—"})]


def test_an_explained_deviation_does_not_block_a_fail_does() -> None:
    explain = check_result("B5", status=EXPLAIN, explanation="new retailer customer", method=M1)
    assert issues_of(check_result("C1"), explain) == []
    fail = check_result("B5", status=FAIL, explanation="new retailer customer", method=M1)
    assert [i.code for i in issues_of(check_result("C1"), fail)] == ["check_failed", "too_few_checks"]


def test_an_unexplained_check_on_any_item_still_blocks() -> None:
    checks = (
        check_result("S1"),
        check_result("S2", method=M1),
        check_result("G1", Target.GROSS_MARGIN, FAIL),
    )
    blocking = [i for i in issues_of(*checks) if i.severity is BLOCKING]
    assert [(i.code, i.subject) for i in blocking] == [("check_failed", "G1")]


def test_the_reported_deviation_is_rounded_like_the_status() -> None:
    checks = (
        check_result("S1"),
        check_result("S2", method=M1),
        check_result("X", status=EXPLAIN, deviation=D("0.05005")),
    )
    assert issues_of(*checks)[0].params["deviation"] == "+5.01%"


def test_an_astronomical_unexplained_deviation_is_reported() -> None:
    checks = (
        check_result("S1"),
        check_result("S2", method=M1),
        check_result("X", status=FAIL, deviation=D("-1e30")),
    )
    issues = issues_of(*checks)
    assert issues[0].code == "check_failed"
    assert issues[0].subject == "X"


# ---- equity_issues --------------------------------------------------------------------------------


def equity_result(*passes: tuple[str, str, str]) -> EquityResult:
    """Passes given as (actual equity, expected equity, finding)."""
    built = tuple(
        equity_pass(f"p{i}", D(a), D(0), D(e), D(1000), BAND, f) for i, (a, e, f) in enumerate(passes)
    )
    zero = D(0)
    return EquityResult(zero, zero, zero, zero, zero, zero, zero, zero, D(passes[-1][1]), built)


def test_equity_missing_blocks_a_business_loan_only() -> None:
    assert equity_issues(None, business_loan=True) == [Issue(BLOCKING, "equity_missing")]
    assert equity_issues(None, business_loan=False) == []


@pytest.mark.parametrize(
    ("actual", "expected", "status", "shown"),
    [
        ("890000", "960995.60", "EXPLAIN", "-7.98%"),
        ("800000", "960995.60", "FAIL", "-20.12%"),
        ("0", "5", "FAIL", "—"),
    ],
)
def test_a_non_ok_current_pass_without_explanation_blocks(
    actual: str, expected: str, status: str, shown: str
) -> None:
    issues = equity_issues(equity_result((actual, expected, "")), business_loan=True)
    assert issues == [Issue(BLOCKING, "equity_unexplained", params={"deviation": shown, "status": status})]


def test_an_explained_current_pass_does_not_block() -> None:
    assert equity_issues(equity_result(("890000", "960995.60", "lent 60,000 to a relative")), True) == []


def test_an_ok_current_pass_needs_no_explanation() -> None:
    assert equity_issues(equity_result(("950000", "960995.60", "")), True) == []


def test_only_the_current_pass_is_judged() -> None:
    passes = (("890000", "960995.60", ""), ("950000", "960995.60", ""))  # unexplained EXPLAIN first pass
    assert equity_issues(equity_result(*passes), True) == []


# ---- the demo cases ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["a", "b"])
def test_the_demo_cases_are_ready_without_issues(name: str) -> None:
    results = demo_results(name)
    assert results.ready is True
    assert list(results.issues) == []


def test_case_a_without_equity_check_is_blocked_as_a_business_loan_only() -> None:
    business = compute_case(dataclasses.replace(demo_case("a"), equity_check=None), DEFAULT_POLICY)
    assert business.ready is False
    assert Issue(BLOCKING, "equity_missing") in business.issues
    consumer = compute_case(
        dataclasses.replace(demo_case("a"), equity_check=None, loan_class=LoanClass.CONSUMER), DEFAULT_POLICY
    )
    assert consumer.ready is True
    assert Issue(BLOCKING, "equity_missing") not in consumer.issues


def test_case_b_without_the_explanation_of_b5_is_blocked() -> None:
    case = demo_case("b")
    checks = tuple(dataclasses.replace(c, explanation="") if c.id == "B5" else c for c in case.cross_checks)
    results = compute_case(dataclasses.replace(case, cross_checks=checks), DEFAULT_POLICY)
    assert results.ready is False
    assert [i for i in results.issues if i.severity is BLOCKING] == [
        Issue(BLOCKING, "check_unexplained", "B5", {"deviation": "+6.95%", "status": "EXPLAIN"})
    ]
