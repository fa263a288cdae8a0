"""Committee rules (unanimous, majority, chair decides, veto, quorum), amended terms, monitoring plan."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from workbench.domain.calc import compute_case
from workbench.domain.committee import (
    CommitteeRules,
    DecisionRule,
    Member,
    MemberVote,
    Outcome,
    Terms,
    VisitKind,
    Vote,
    add_months,
    decide,
    evaluate_terms,
    monitoring_plan,
)
from workbench.domain.errors import ValidationError
from workbench.domain.loan_request import RateKind, RateQuote
from workbench.domain.money import quantize
from workbench.domain.policy import DEFAULT_POLICY
from workbench.domain.schedules import Method
from workbench.paths import resource_path
from workbench.services.case_files import read_case_file

D = Decimal
A, R, M, C, E = (
    Vote.APPROVE_AS_PROPOSED,
    Vote.REJECT,
    Vote.RETURN_FOR_RESURVEY,
    Vote.APPROVE_WITH_CONDITIONS,
    Vote.APPROVE_WITH_CHANGES,
)

MEMBERS = (
    Member("chair", "周主席", chair=True),
    Member("m1", "委员一"),
    Member("m2", "委员二"),
    Member("m3", "委员三"),
    Member("ipc", "IPC 专家", veto=True),
    Member("officer", "刘敏", votes=False),
)


def votes(*pairs: tuple[str, Vote]) -> tuple[MemberVote, ...]:
    return tuple(
        MemberVote(member, vote, "" if vote is A else "理由", ("放款前抵押登记",) if vote is C else ())
        for member, vote in pairs
    )


UNANIMOUS = CommitteeRules(DecisionRule.UNANIMOUS, quorum=3)
MAJORITY = CommitteeRules(DecisionRule.MAJORITY, quorum=3)
CHAIR = CommitteeRules(DecisionRule.CHAIR_DECIDES, quorum=3)


@pytest.mark.parametrize(
    ("rules", "cast", "outcome"),
    [
        (UNANIMOUS, [("chair", A), ("m1", A), ("m2", A)], Outcome.APPROVED_AS_PROPOSED),
        (UNANIMOUS, [("chair", A), ("m1", C), ("m2", A)], Outcome.APPROVED_WITH_CONDITIONS),
        (UNANIMOUS, [("chair", E), ("m1", C), ("m2", A)], Outcome.APPROVED_WITH_CHANGES),
        (UNANIMOUS, [("chair", A), ("m1", A), ("m2", R)], Outcome.REJECTED),
        (UNANIMOUS, [("chair", M), ("m1", A), ("m2", A)], Outcome.RETURNED_FOR_RESURVEY),
        (MAJORITY, [("chair", A), ("m1", A), ("m2", R)], Outcome.APPROVED_AS_PROPOSED),
        (
            MAJORITY,
            [("chair", A), ("m1", R), ("m2", R), ("m3", A)],
            Outcome.REJECTED,
        ),  # 2 of 4 is no majority
        (
            MAJORITY,
            [("chair", M), ("m1", R), ("m2", A)],
            Outcome.REJECTED,
        ),  # tie among refusals: the stricter
        (MAJORITY, [("chair", M), ("m1", M), ("m2", R), ("m3", A)], Outcome.RETURNED_FOR_RESURVEY),
        (CHAIR, [("chair", Vote.DEFER), ("m1", A), ("m2", A)], Outcome.DEFERRED),
        (CHAIR, [("chair", C), ("m1", R), ("m2", R)], Outcome.APPROVED_WITH_CONDITIONS),
        (UNANIMOUS, [("chair", A), ("m1", A)], Outcome.NO_QUORUM),
    ],
)
def test_rules(rules: CommitteeRules, cast: list[tuple[str, Vote]], outcome: Outcome) -> None:
    assert decide(MEMBERS, votes(*cast), rules).outcome is outcome


def test_a_veto_holder_blocks_approval_under_any_rule() -> None:
    for rules in (UNANIMOUS, MAJORITY, CHAIR):
        cast = votes(("chair", A), ("m1", A), ("m2", A), ("ipc", M))
        decision = decide(MEMBERS, cast, rules)
        assert decision.outcome is Outcome.RETURNED_FOR_RESURVEY
        assert decision.vetoed_by == ("ipc",)
        assert not decision.approved


def test_conditions_of_approving_members_are_collected_once() -> None:
    decision = decide(MEMBERS, votes(("chair", C), ("m1", C), ("m2", A)), UNANIMOUS)
    assert decision.conditions == ("放款前抵押登记",)
    assert decision.tally.approvals == 3 and decision.tally.counts[C] == 2


def test_a_reason_is_mandatory_except_for_approval_as_proposed() -> None:
    MemberVote("m1", A)
    for vote in (R, M, C, E, Vote.DEFER):
        with pytest.raises(ValidationError) as caught:
            MemberVote("m1", vote, "  ")
        assert (caught.value.field, caught.value.reason) == ("reason", "required")


def test_only_voting_members_vote_and_only_once() -> None:
    with pytest.raises(ValidationError, match="unknown_reference"):
        decide(MEMBERS, votes(("officer", A)), UNANIMOUS)
    with pytest.raises(ValidationError, match="duplicate_id"):
        decide(MEMBERS, votes(("m1", A), ("m1", A)), UNANIMOUS)


def test_chair_decides_needs_the_chairs_vote() -> None:
    with pytest.raises(ValidationError):
        decide(MEMBERS, votes(("m1", A), ("m2", A), ("m3", A)), CHAIR)


@pytest.fixture(scope="module")
def case_a():  # type: ignore[no-untyped-def]
    case = read_case_file(Path(resource_path("demo", "case-a.json")))
    return case, compute_case(case, DEFAULT_POLICY)


def terms(amount: str, months: int = 12, rate: str = "7.2", method: Method = Method.ANNUITY) -> Terms:
    return Terms(D(amount), months, RateQuote(RateKind.ANNUAL_PERCENT, D(rate)), method)


def evaluate(case_a, t: Terms):  # type: ignore[no-untyped-def]
    case, results = case_a
    return evaluate_terms(
        results.statement,
        t,
        results.totals.liquid,
        case.request.own_contribution,
        DEFAULT_POLICY,
        7,
        DEFAULT_POLICY.product(),
    )


def test_the_committee_approves_the_proposal_of_case_a(case_a) -> None:  # type: ignore[no-untyped-def]
    e = evaluate(case_a, terms("45000"))
    assert e.instalment == D("3897.85")
    assert quantize(e.ratio * 100) == D("79.22")
    assert e.p_cap == D("45440.39") and e.within_capacity
    assert e.projection_minimum == D("43902.15")


def test_what_if_the_requested_amount(case_a) -> None:  # type: ignore[no-untyped-def]
    e = evaluate(case_a, terms("60000"))
    assert not e.within_capacity
    assert e.ratio > DEFAULT_POLICY.alpha


def test_what_if_a_longer_term_fits_the_request(case_a) -> None:  # type: ignore[no-untyped-def]
    e = evaluate(case_a, terms("60000", months=18))
    assert e.within_capacity and e.ratio <= DEFAULT_POLICY.alpha
    assert len(e.schedule.rows) == 18 and e.schedule.rows[-1].balance == 0


def test_what_if_seasonal_repayment(case_a) -> None:  # type: ignore[no-untyped-def]
    e = evaluate(case_a, terms("45000", method=Method.SEASONAL))
    assert e.ratio is not None and e.ratio <= DEFAULT_POLICY.alpha
    assert sum(r.principal for r in e.schedule.rows) == D(45000)


def test_what_if_refuses_a_rate_above_the_maximum(case_a) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        evaluate(case_a, terms("45000", rate="40"))


def test_monitoring_plan_of_case_a() -> None:
    plan = monitoring_plan(date(2024, 7, 5), 12)
    assert plan[0].kind is VisitKind.FIRST and plan[0].due_on == date(2024, 7, 12)
    assert plan[1:3] == (
        plan[1].__class__(VisitKind.REMINDER, date(2024, 8, 2), 1),
        plan[1].__class__(VisitKind.REGULAR, date(2024, 8, 5), 1),
    )
    assert plan[-1].due_on == date(2025, 7, 5)
    assert sum(1 for v in plan if v.kind is VisitKind.REGULAR) == 12


def test_add_months_clamps_to_the_end_of_the_month() -> None:
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2023, 1, 31), 1) == date(2023, 2, 28)
    assert add_months(date(2024, 11, 30), 3) == date(2025, 2, 28)
