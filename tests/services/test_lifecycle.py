"""The services refuse what the lifecycle's state machine refuses, on SQLite and PostgreSQL.

The submitted version and the decision on it are data of the store (``case_submission``, the
decision rows); the steps of a case (save, submit, add to the agenda, the decision's step) are
checked against ``workbench.domain.lifecycle`` with them, and who may take a step is the machine's.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import pytest

from tests.services.test_committee import open_session, submitted
from tests.services.test_committee_session import decide_all
from tests.store.helpers import add_user, demo, new_id
from workbench.domain import lifecycle
from workbench.domain.case_file import Stage
from workbench.domain.committee import Outcome, Vote
from workbench.domain.lifecycle import Step
from workbench.domain.records import CommitteeError, Role
from workbench.services.cases import case_status
from workbench.services.committee import CommitteeService, decided_status
from workbench.services.messages import describe_error
from workbench.services.permissions import ALLOWED, Action, PermissionDenied
from workbench.store.repository import SqlCaseRepository

if TYPE_CHECKING:
    from tests.services.conftest import Board
    from workbench.domain.records import User
    from workbench.services.cases import CaseService
    from workbench.store.db import Sessions


def test_the_permission_table_takes_the_lifecycle_roles() -> None:
    for action, steps in {
        Action.EDIT_CASE: (Step.SAVE,),
        Action.SUBMIT_CASE: (Step.SUBMIT,),
        Action.RUN_SESSION: (Step.ADD_TO_AGENDA, *lifecycle.DECISION_STEPS),
    }.items():
        assert {role for role, actions in ALLOWED.items() if action in actions} == lifecycle.roles_for(*steps)


def test_the_status_is_read_from_the_stores_data(
    sessions: Sessions, cases: CaseService, committee: CommitteeService, officer: User, board: Board
) -> None:
    case_id = submitted(cases, committee, officer, "a")
    with sessions.begin() as session:
        status = decided_status(session, case_id)
        assert status == case_status(session, SqlCaseRepository(session), case_id)
    assert (status.stage, status.version, status.submitted_version, status.decision) == (
        Stage.APPROVAL,
        2,
        2,
        None,
    )
    assert status.frozen
    session_id = open_session(committee, board)
    committee.add_to_agenda(session_id, case_id, board.chair)
    decide_all(committee, board, session_id, case_id, Vote.REJECT)
    with sessions.begin() as session:
        decided = decided_status(session, case_id)
    assert (decided.stage, decided.version, decided.submitted_version, decided.decision) == (
        Stage.REFUSED,
        3,
        2,
        Outcome.REJECTED,
    )
    assert not decided.frozen


def test_every_step_the_machine_refuses_is_refused_and_nothing_is_written(
    cases: CaseService, committee: CommitteeService, officer: User, board: Board
) -> None:
    session_id = open_session(committee, board)
    fresh = cases.create_case(demo("b"), officer)
    # a committee step on a case the officer never submitted
    with pytest.raises(CommitteeError) as caught:
        committee.add_to_agenda(session_id, fresh.case.id, board.chair)
    assert caught.value.reason == "case_not_submitted"
    # a save across the committee
    for stage in (Stage.APPROVAL, Stage.CONTRACT, Stage.REFUSED):
        with pytest.raises(CommitteeError) as caught:
            cases.save_case(dataclasses.replace(fresh.case, stage=stage), fresh.version, officer)
        assert caught.value.reason == "stage_committee_owned"
    case_id = submitted(cases, committee, officer, "a")
    record = cases.open_case(case_id, officer)
    # a submitted case: frozen for saves and restores, not submittable again
    with pytest.raises(CommitteeError) as caught:
        cases.save_case(dataclasses.replace(record.case, product="改"), record.version, officer)
    assert caught.value.reason == "case_frozen"
    with pytest.raises(CommitteeError) as caught:
        cases.restore_version(case_id, 1, record.version, officer)
    assert caught.value.reason == "case_frozen"
    with pytest.raises(CommitteeError) as caught:
        committee.submit_case(case_id, officer)
    assert caught.value.reason == "case_not_submittable"
    assert "不能提交上会" in describe_error(caught.value)
    assert cases.open_case(case_id, officer).version == record.version  # nothing was written
    # after a rejection the case is out of the committee's and the officer's hands
    committee.add_to_agenda(session_id, case_id, board.chair)
    decide_all(committee, board, session_id, case_id, Vote.REJECT)
    refused = cases.open_case(case_id, officer)
    assert refused.case.stage is Stage.REFUSED
    with pytest.raises(CommitteeError) as caught:
        cases.save_case(dataclasses.replace(refused.case, stage=Stage.INVESTIGATE), refused.version, officer)
    assert caught.value.reason == "stage_committee_owned"
    with pytest.raises(CommitteeError) as caught:
        committee.submit_case(case_id, officer)
    assert caught.value.reason == "case_not_submittable"


def test_only_the_roles_of_a_step_take_it(
    sessions: Sessions,
    cases: CaseService,
    committee: CommitteeService,
    officer: User,
    reviewer: User,
    board: Board,
) -> None:
    case_id = submitted(cases, committee, officer, "a")
    session_id = open_session(committee, board)
    member = board.members[0]
    for who in (officer, reviewer, member):  # not a role of add_to_agenda
        assert not lifecycle.find(Stage.APPROVAL, Step.ADD_TO_AGENDA).allows(who.role)  # type: ignore[union-attr]
        with pytest.raises(PermissionDenied):
            committee.add_to_agenda(session_id, case_id, who)
    other = cases.create_case(demo("b"), officer)
    back_office = add_user(sessions, "houtai", Role.BACK_OFFICE)
    for who in (reviewer, board.chair, back_office):  # not a role of submit
        assert who.role not in lifecycle.roles_for(Step.SUBMIT)
        with pytest.raises(PermissionDenied):
            committee.submit_case(other.case.id, who)
    colleague = add_user(sessions, "zhangli")  # an officer, but not hers: own_case
    with pytest.raises(PermissionDenied):
        committee.submit_case(other.case.id, colleague)
    assert committee.add_to_agenda(session_id, case_id, board.chair).case_version == 2


def test_awaiting_cases_is_one_page_with_a_limit_the_caller_sees(
    cases: CaseService, committee: CommitteeService, officer: User, board: Board
) -> None:
    waiting = [submitted(cases, committee, officer, name) for name in ("a", "b")]
    copy = cases.create_case(dataclasses.replace(demo("a"), id=new_id()), officer)
    committee.submit_case(copy.case.id, officer)
    waiting.append(copy.case.id)
    page = committee.awaiting_cases(board.chair, limit=2)
    assert len(page) == 2 and page.more
    rest = committee.awaiting_cases(board.chair, limit=2, offset=2)
    assert len(rest) == 1 and not rest.more
    assert sorted(c.id for c in (*page, *rest)) == sorted(waiting)
    session_id = open_session(committee, board)
    committee.add_to_agenda(session_id, waiting[0], board.chair)  # on an agenda: no longer waiting
    assert sorted(c.id for c in committee.awaiting_cases(board.chair)) == sorted(waiting[1:])


def test_the_decision_of_a_case_is_read_without_the_minutes(
    cases: CaseService, committee: CommitteeService, officer: User, board: Board
) -> None:
    case_a = submitted(cases, committee, officer, "a")
    case_b = submitted(cases, committee, officer, "b")
    session_id = open_session(committee, board)
    for case_id in (case_a, case_b):
        committee.add_to_agenda(session_id, case_id, board.chair)
    assert committee.case_decision(case_a, officer) is None
    decide_all(committee, board, session_id, case_b, Vote.APPROVE_AS_PROPOSED)
    found = committee.case_decision(case_b, officer)
    assert found is not None
    assert found[0] == session_id
    full = committee.case_committee(case_b, officer)
    assert full is not None and full.decision == found[1] == full.minutes.decisions[1]
    assert committee.case_decision("not-a-case", officer) is None
