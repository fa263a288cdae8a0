"""The decision rules at their edges: quorum before veto, an approving veto holder, majority ties,
a chair outvoted under unanimity, and the quorum counting votes cast, not seats."""

from __future__ import annotations

import dataclasses

import pytest

from tests.domain.test_committee import MAJORITY, MEMBERS, UNANIMOUS, A, C, M, R, votes
from workbench.domain.committee import CommitteeRules, DecisionRule, Outcome, Vote, decide


def test_quorum_is_checked_before_a_veto() -> None:
    decision = decide(MEMBERS, votes(("ipc", R), ("m1", A)), UNANIMOUS)
    assert decision.outcome is Outcome.NO_QUORUM and decision.vetoed_by == ()
    assert decision.tally.voters == 2


def test_a_veto_holder_who_approves_does_not_block() -> None:
    decision = decide(MEMBERS, votes(("chair", A), ("m1", A), ("ipc", C)), UNANIMOUS)
    assert decision.outcome is Outcome.APPROVED_WITH_CONDITIONS and decision.vetoed_by == ()


def test_two_vetoes_name_both_and_the_stricter_refusal_wins() -> None:
    veto_m1 = tuple(dataclasses.replace(m, veto=True) if m.id == "m1" else m for m in MEMBERS)
    decision = decide(veto_m1, votes(("chair", A), ("m1", M), ("m2", A), ("ipc", R)), MAJORITY)
    assert decision.outcome is Outcome.REJECTED
    assert set(decision.vetoed_by) == {"m1", "ipc"}


@pytest.mark.parametrize(
    ("cast", "outcome"),
    [
        ([("chair", A), ("m1", A), ("m2", A), ("m3", R)], Outcome.APPROVED_AS_PROPOSED),  # 3 of 4
        ([("chair", A), ("m1", A), ("m2", Vote.DEFER), ("m3", Vote.DEFER)], Outcome.DEFERRED),  # 2 of 4
        ([("chair", R), ("m1", A), ("m2", A)], Outcome.APPROVED_AS_PROPOSED),  # the chair outvoted
    ],
)
def test_majority_needs_more_than_half_of_the_votes_cast(
    cast: list[tuple[str, Vote]], outcome: Outcome
) -> None:
    assert decide(MEMBERS, votes(*cast), MAJORITY).outcome is outcome


def test_unanimity_fails_on_the_chairs_refusal_too() -> None:
    assert decide(MEMBERS, votes(("chair", R), ("m1", A), ("m2", A)), UNANIMOUS).outcome is Outcome.REJECTED


def test_the_quorum_counts_votes_cast_not_seats() -> None:
    rules = CommitteeRules(DecisionRule.UNANIMOUS, quorum=4)
    three = votes(("chair", A), ("m1", A), ("m2", A))
    assert decide(MEMBERS, three, rules).outcome is Outcome.NO_QUORUM  # six seats, three votes
    assert decide(MEMBERS, (*three, *votes(("m3", A))), rules).outcome is Outcome.APPROVED_AS_PROPOSED
