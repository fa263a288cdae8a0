"""The case lifecycle's state machine: every move it allows and refuses, and who may take each step."""

from __future__ import annotations

from itertools import product

import pytest

from workbench.domain import lifecycle
from workbench.domain.case_file import Stage
from workbench.domain.committee import Outcome
from workbench.domain.lifecycle import CaseStatus, Step
from workbench.domain.records import CommitteeError, Role

S = Stage
BEFORE = {S.APPLY, S.ALLOT, S.INVESTIGATE, S.CANCELLED}
AFTER_FROM = {S.CONTRACT, S.SIGN, S.LOAN, S.AFTER_LOAN, S.CLEARANCE}
AFTER_TO = {S.SIGN, S.LOAN, S.AFTER_LOAN, S.CLEARANCE, S.CANCELLED}

EXPECTED: set[tuple[Step, Stage, Stage]] = {
    *((Step.SAVE, a, b) for a, b in product(BEFORE, BEFORE) if a is not b),
    *((Step.SAVE, a, b) for a, b in product(AFTER_FROM, AFTER_TO) if a is not b),
    *((Step.SUBMIT, a, S.APPROVAL) for a in (S.APPLY, S.ALLOT, S.INVESTIGATE)),
    # an approved case whose decided amount or term changes goes back before the payout
    *((Step.SUBMIT, a, S.APPROVAL) for a in (S.CONTRACT, S.SIGN)),
    (Step.ADD_TO_AGENDA, S.APPROVAL, S.APPROVAL),
    (Step.DECIDE_APPROVE, S.APPROVAL, S.CONTRACT),
    (Step.DECIDE_REJECT, S.APPROVAL, S.REFUSED),
    (Step.RETURN, S.APPROVAL, S.INVESTIGATE),
    (Step.DEFER, S.APPROVAL, S.APPROVAL),
}
"""The moves the machine allows, written out by hand (the table of ``docs``: save, submit, committee)."""

DECISION_OF: dict[Step, Outcome] = {
    Step.DECIDE_APPROVE: Outcome.APPROVED_WITH_CONDITIONS,
    Step.DECIDE_REJECT: Outcome.REJECTED,
    Step.RETURN: Outcome.RETURNED_FOR_RESURVEY,
    Step.DEFER: Outcome.DEFERRED,
}


def test_the_transitions_are_exactly_the_expected_ones() -> None:
    found = {(t.step, t.source, t.target) for t in lifecycle.TRANSITIONS}
    assert found == EXPECTED
    assert len(found) == len(lifecycle.TRANSITIONS)  # no move listed twice


@pytest.mark.parametrize(("step", "source", "target"), sorted(product(Step, Stage, Stage)))
def test_every_move_is_allowed_or_refused_as_the_table_says(step: Step, source: Stage, target: Stage) -> None:
    """Each (step, from, to) of the whole product: ``check`` allows it exactly when it is listed
    (a save that keeps the stage is always allowed unless the case is frozen)."""
    decision = DECISION_OF.get(step)
    status = CaseStatus("case-1", source, version=4, submitted_version=3, decision=decision)
    allowed = (step, source, target) in EXPECTED or (step is Step.SAVE and source is target)
    if allowed:
        assert lifecycle.check(status, step, target).target is target
    else:
        with pytest.raises(CommitteeError) as refused:
            lifecycle.check(status, step, target)
        assert refused.value.params["case_id"] == "case-1"
        assert refused.value.reason in {
            "stage_committee_owned",
            "case_not_submittable",
            "case_not_submitted",
        }


def test_refusals_name_what_is_wrong() -> None:
    submitted = CaseStatus("c", S.APPROVAL, version=3, submitted_version=3)
    reasons = {
        "case_frozen": (submitted, Step.SAVE, None),
        "stage_committee_owned": (CaseStatus("c", S.INVESTIGATE, 2), Step.SAVE, S.CONTRACT),
        "case_not_submittable": (submitted, Step.SUBMIT, None),
        "case_not_submitted": (CaseStatus("c", S.INVESTIGATE, 2), Step.ADD_TO_AGENDA, None),
        "decision_missing": (submitted, Step.DECIDE_APPROVE, None),
    }
    for reason, (status, step, target) in reasons.items():
        with pytest.raises(CommitteeError) as refused:
            lifecycle.check(status, step, target)
        assert refused.value.reason == reason
    # a decision of another kind does not open this step
    rejected = CaseStatus("c", S.APPROVAL, 3, 3, Outcome.REJECTED)
    with pytest.raises(CommitteeError, match="decision_missing"):
        lifecycle.check(rejected, Step.DECIDE_APPROVE)
    assert lifecycle.check(rejected, Step.DECIDE_REJECT).target is S.REFUSED


def test_the_steps_that_need_a_decision_are_the_committees() -> None:
    needing = {t.step for t in lifecycle.TRANSITIONS if t.needs_decision}
    assert needing == set(lifecycle.DECISION_STEPS) == set(DECISION_OF)
    for outcome, step in lifecycle.STEP_OF_OUTCOME.items():
        assert (
            lifecycle.after_decision(outcome)
            is lifecycle.check(CaseStatus("c", S.APPROVAL, 3, 3, outcome), step).target
        )
    assert Outcome.NO_QUORUM not in lifecycle.STEP_OF_OUTCOME  # no quorum decides nothing
    assert {t.target for t in lifecycle.TRANSITIONS if t.needs_decision} - {
        S.APPROVAL,
        S.INVESTIGATE,
    } == lifecycle.DECIDED_STAGES


@pytest.mark.parametrize("role", list(Role))
def test_roles_per_step(role: Role) -> None:
    may = {step for step in Step if role in lifecycle.roles_for(step)}
    expected = {
        Role.OFFICER: {Step.SAVE, Step.SUBMIT},
        Role.ADMIN: set(Step),
        Role.COMMITTEE_CHAIR: {Step.ADD_TO_AGENDA, *DECISION_OF},
    }.get(role, set())
    assert may == expected
    for t in lifecycle.TRANSITIONS:
        assert t.allows(role) is (t.step in expected)
        assert t.own_case is (t.step in (Step.SAVE, Step.SUBMIT))  # an officer: her own cases


def test_frozen_is_the_submitted_version_in_a_frozen_stage() -> None:
    assert CaseStatus("c", S.APPROVAL, 3, 3).frozen
    assert not CaseStatus("c", S.APPROVAL, 4, 3).frozen  # never so after a save, but by the data
    assert not CaseStatus("c", S.APPROVAL, 3, None).frozen  # imported in 审批, never submitted
    assert not CaseStatus("c", S.INVESTIGATE, 5, 3).frozen  # returned: editable again
    assert lifecycle.is_frozen(S.APPROVAL)  # the window knows only the stage of the newest version
    assert not any(lifecycle.is_frozen(s) for s in Stage if s is not S.APPROVAL)
    assert lifecycle.stage_change_allowed(S.APPLY, S.INVESTIGATE)
    assert not lifecycle.stage_change_allowed(S.INVESTIGATE, S.APPROVAL)
    assert lifecycle.stage_change_allowed(S.APPROVAL, S.APPROVAL)
