"""The checks of a case against the others (``domain.store_links``): pure, with cases made up here."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from tests.store.helpers import demo
from workbench.domain.case_file import Stage
from workbench.domain.parties import Guarantor, GuarantorRole, Relationship
from workbench.domain.readiness import Severity
from workbench.domain.store_links import (
    RING_DEPTH,
    LinkedCase,
    guarantee_ring,
    id_key,
    linked_case,
    ring_issue,
    same_household_issues,
)

if TYPE_CHECKING:
    from collections.abc import Sequence


def case(
    case_id: str, borrower: str, stage: Stage = Stage.INVESTIGATE, spouse: str = "", *guarantors: str
) -> LinkedCase:
    return LinkedCase(
        case_id, case_id.upper(), f"申请人{case_id}", stage, borrower,
        frozenset({spouse} - {""}), frozenset(guarantors),
    )  # fmt: skip


def test_id_numbers_compare_without_spaces_and_case() -> None:
    assert id_key(" 11010519491231 002x ") == "11010519491231002X"
    assert id_key("") == ""


def test_the_spouse_is_family_and_other_guarantors_guarantee() -> None:
    spouse = Guarantor("王丽", GuarantorRole.CO_BORROWER, Relationship.SPOUSE, id_number="2202 x")
    friend = Guarantor("李强", GuarantorRole.GUARANTOR, Relationship.FRIEND, id_number="330")
    nameless = Guarantor("张三", GuarantorRole.GUARANTOR, Relationship.FRIEND)
    a = demo("a")
    a = dataclasses.replace(
        a, borrower=dataclasses.replace(a.borrower, id_number="110x"), guarantors=(spouse, friend, nameless)
    )
    linked = linked_case(a)
    assert (linked.borrower_id, linked.spouse_ids, linked.guarantor_ids) == ("110X", {"2202X"}, {"330"})
    assert linked.household_ids == {"110X", "2202X"}


def test_another_open_case_of_the_household_blocks_and_a_running_loan_is_advice() -> None:
    this = case("a", "110", Stage.INVESTIGATE, "220")
    others = [
        case("b", "220"),  # the spouse applies on her own
        case("c", "999", Stage.APPROVAL, "110"),  # the applicant is the spouse of another applicant
        case("d", "110", Stage.LOAN),  # a running loan here
        case("e", "110", Stage.CLEARANCE),  # paid off: no matter
        case("f", "110", Stage.REFUSED),
        case("g", "777"),  # someone else
        this,  # itself
    ]
    issues = same_household_issues(this, others)
    assert [(i.severity, i.code, i.subject) for i in issues] == [
        (Severity.BLOCKING, "same_applicant_open", "b"),
        (Severity.BLOCKING, "same_applicant_open", "c"),
        (Severity.ADVICE, "loan_at_this_bank", "d"),
    ]
    assert issues[0].params == {"case": "B 申请人b", "stage": "investigate"}


def test_a_case_without_id_numbers_matches_nothing() -> None:
    this = case("a", "")
    assert same_household_issues(this, [case("b", "")]) == []
    assert guarantee_ring(this, lambda _ids: [case("b", "", Stage.INVESTIGATE, "", "")]) is None


def _store(cases: Sequence[LinkedCase], asked: list[frozenset[str]] | None = None):  # type: ignore[no-untyped-def]
    def guaranteed_by(ids: frozenset[str]) -> list[LinkedCase]:
        if asked is not None:
            asked.append(ids)
        return [c for c in cases if c.guarantor_ids & ids]

    return guaranteed_by


def test_two_applicants_guaranteeing_each_other_are_a_ring() -> None:
    a = case("a", "1", Stage.INVESTIGATE, "", "2")  # B guarantees A
    b = case("b", "2", Stage.LOAN, "", "1")  # A guarantees B (B's loan is running)
    ring = guarantee_ring(a, _store([a, b]))
    assert ring is not None and [c.case_id for c in ring] == ["a", "b"]
    issue = ring_issue(ring)
    assert (issue.severity, issue.code, issue.params["ring"]) == (
        Severity.BLOCKING,
        "guarantee_ring",
        "A 申请人a → B 申请人b → A 申请人a",
    )


def test_a_longer_ring_through_a_spouse_is_found_and_a_chain_is_not_a_ring() -> None:
    a = case("a", "1", Stage.INVESTIGATE, "1s", "3")  # C guarantees A
    b = case("b", "2", Stage.APPROVAL, "", "1s")  # A's spouse guarantees B
    c = case("c", "3", Stage.AFTER_LOAN, "", "2")  # B guarantees C
    ring = guarantee_ring(a, _store([a, b, c]))
    assert ring is not None and [x.case_id for x in ring] == ["a", "b", "c"]
    chain = case("c", "3", Stage.AFTER_LOAN, "", "9")  # C is guaranteed by someone else: no ring
    assert guarantee_ring(a, _store([a, b, chain])) is None
    closed = case("c", "3", Stage.CLEARANCE, "", "2")  # C's loan is paid off: the ring is gone
    assert guarantee_ring(a, _store([a, b, closed])) is None


def test_the_search_stops_after_the_depth_and_visits_each_case_once() -> None:
    people = [str(i) for i in range(RING_DEPTH + 3)]
    a = case("a", people[0], Stage.INVESTIGATE, "", people[-1])
    chain = [case(f"c{i}", people[i], Stage.LOAN, "", people[i - 1]) for i in range(1, len(people))]
    asked: list[frozenset[str]] = []
    assert guarantee_ring(a, _store([a, *chain], asked)) is None  # the ring is longer than the search
    assert len(asked) <= RING_DEPTH + 1
