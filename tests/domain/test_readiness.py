"""readiness: which checks count, which issues block the committee, and the demo cases' issue lists."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from tests.domain.builders import BAND, check_result, demo_case, demo_results
from workbench.domain.calc import compute_case
from workbench.domain.case_file import LoanClass
from workbench.domain.cross_checks import Target
from workbench.domain.equity import EquityResult, equity_pass
from workbench.domain.readiness import Issue, Severity, check_issues, counted, equity_issues
from workbench.domain.status import Status

D = Decimal
OK, EXPLAIN, FAIL = Status.OK, Status.EXPLAIN, Status.FAIL
BLOCKING, ADVICE = Severity.BLOCKING, Severity.ADVICE


def advice(subject: str, count: int, minimum: int = 2) -> Issue:
    return Issue(ADVICE, "few_checks_advice", subject, {"count": str(count), "minimum": str(minimum)})


ALL_ADVICE = [advice("gross_margin", 0), advice("inventory", 0), advice("receivables", 0)]


# ---- counted() ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "explanation", "superseded_by", "expected"),
    [
        (OK, "", "", True),
        (EXPLAIN, "", "", False),
        (FAIL, "", "", False),
        (EXPLAIN, "new customer since January", "", True),
        (FAIL, "re-surveyed, see note", "", True),
        (EXPLAIN, "   \n\t", "", False),  # whitespace is no explanation
        (OK, "", "C4b", False),  # superseded never counts
        (EXPLAIN, "explained", "C4b", False),
    ],
)
def test_counted(status: Status, explanation: str, superseded_by: str, expected: bool) -> None:
    assert (
        counted(check_result(status=status, explanation=explanation, superseded_by=superseded_by)) is expected
    )


# ---- check_issues ---------------------------------------------------------------------------------


def test_sales_with_too_few_checks_blocks() -> None:
    issues = check_issues((check_result("C1"),), 2)
    assert issues == [
        Issue(BLOCKING, "too_few_checks", "sales", {"count": "1", "minimum": "2"}),
        *ALL_ADVICE,
    ]


def test_no_checks_at_all() -> None:
    assert check_issues((), 2) == [
        Issue(BLOCKING, "too_few_checks", "sales", {"count": "0", "minimum": "2"}),
        *ALL_ADVICE,
    ]


def test_two_sales_checks_of_any_sales_target_are_enough() -> None:
    checks = (check_result("C1"), check_result("B7", Target.LABOUR_CAPACITY))
    assert check_issues(checks, 2) == ALL_ADVICE


def test_a_superseded_check_does_not_count_toward_the_minimum() -> None:
    checks = (check_result("C4a", superseded_by="C4b"), check_result("C4b"))
    assert check_issues(checks, 2)[0] == Issue(
        BLOCKING, "too_few_checks", "sales", {"count": "1", "minimum": "2"}
    )


def test_other_items_only_get_advice() -> None:
    checks = (
        check_result("S1"),
        check_result("S2", Target.SALES_ANNUAL),
        check_result("G1", Target.GROSS_MARGIN),
        check_result("G2", Target.GROSS_MARGIN),
        check_result("I1", Target.INVENTORY),
        check_result("N1", Target.NET_PROFIT),  # not a listed item: never an issue
    )
    assert check_issues(checks, 2) == [advice("inventory", 1), advice("receivables", 0)]
    assert all(i.severity is ADVICE for i in check_issues(checks, 2))


def test_the_minimum_is_a_parameter() -> None:
    checks = (
        check_result("S1"),
        check_result("G1", Target.GROSS_MARGIN),
        check_result("I1", Target.INVENTORY),
        check_result("R1", Target.RECEIVABLES),
    )
    assert check_issues(checks, 1) == []
    assert check_issues(checks, 3)[0].params == {"count": "1", "minimum": "3"}


@pytest.mark.parametrize(
    ("status", "deviation", "shown"),
    [(EXPLAIN, D("-0.0699588477366255"), "-7.00%"), (FAIL, D("0.25"), "+25.00%"), (FAIL, None, "—")],
)
def test_a_non_ok_check_without_explanation_blocks(
    status: Status, deviation: Decimal | None, shown: str
) -> None:
    checks = (check_result("C1"), check_result("C2"), check_result("C4a", status=status, deviation=deviation))
    issues = check_issues(checks, 2)
    assert issues[0] == Issue(
        BLOCKING, "check_unexplained", "C4a", {"deviation": shown, "status": status.value}
    )
    assert issues[1:] == ALL_ADVICE


@pytest.mark.parametrize("status", [EXPLAIN, FAIL])
def test_an_explained_deviation_does_not_block(status: Status) -> None:
    checks = (check_result("C1"), check_result("B5", status=status, explanation="new retailer customer"))
    assert [i for i in check_issues(checks, 2) if i.severity is BLOCKING] == []


def test_an_unexplained_check_on_an_advised_item_still_blocks() -> None:
    checks = (check_result("S1"), check_result("S2"), check_result("G1", Target.GROSS_MARGIN, FAIL))
    blocking = [i for i in check_issues(checks, 2) if i.severity is BLOCKING]
    assert [(i.code, i.subject) for i in blocking] == [("check_unexplained", "G1")]


def test_the_reported_deviation_is_rounded_like_the_status() -> None:
    checks = (
        check_result("S1"),
        check_result("S2"),
        check_result("X", status=EXPLAIN, deviation=D("0.05005")),
    )
    assert check_issues(checks, 2)[0].params["deviation"] == "+5.01%"


def test_an_astronomical_unexplained_deviation_is_reported() -> None:
    checks = (check_result("S1"), check_result("S2"), check_result("X", status=FAIL, deviation=D("-1e30")))
    issues = check_issues(checks, 2)
    assert issues[0].code == "check_unexplained"
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


def test_case_a_is_ready_with_advice_only() -> None:
    results = demo_results("a")
    assert results.ready is True
    assert list(results.issues) == [
        advice("gross_margin", 0),
        advice("inventory", 1),
        advice("receivables", 0),
    ]


def test_case_b_is_ready_with_advice_only() -> None:
    results = demo_results("b")
    assert results.ready is True
    assert list(results.issues) == [
        advice("gross_margin", 1),
        advice("inventory", 0),
        advice("receivables", 0),
    ]


def test_case_a_without_equity_check_is_blocked_as_a_business_loan_only() -> None:
    business = compute_case(dataclasses.replace(demo_case("a"), equity_check=None))
    assert business.ready is False
    assert Issue(BLOCKING, "equity_missing") in business.issues
    consumer = compute_case(
        dataclasses.replace(demo_case("a"), equity_check=None, loan_class=LoanClass.CONSUMER)
    )
    assert consumer.ready is True
    assert Issue(BLOCKING, "equity_missing") not in consumer.issues


def test_case_b_without_the_explanation_of_b5_is_blocked() -> None:
    case = demo_case("b")
    checks = tuple(dataclasses.replace(c, explanation="") if c.id == "B5" else c for c in case.cross_checks)
    results = compute_case(dataclasses.replace(case, cross_checks=checks))
    assert results.ready is False
    assert [i for i in results.issues if i.severity is BLOCKING] == [
        Issue(BLOCKING, "check_unexplained", "B5", {"deviation": "+6.95%", "status": "EXPLAIN"})
    ]
