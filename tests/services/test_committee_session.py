"""Closing a session and the signed minutes, on SQLite and PostgreSQL; the stage guard of a save.

The flow the committee window drives: agenda, votes, decisions, then the chair closes the session and
signs the minutes, which are archived under every agenda case; a returned case comes back as a new
version and goes on the next session's agenda.
"""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest

from tests.services.test_committee import open_session, submitted
from tests.store.helpers import add_user, demo
from workbench.domain.case_file import Stage
from workbench.domain.committee import Outcome, Terms, Vote
from workbench.domain.records import ArchiveRefusedError, CommitteeError, ReportKind, Role
from workbench.reports.signing import create_identity, load_identity
from workbench.reports.verify import verify_pdf
from workbench.services.archive import ArchiveService
from workbench.services.cases import stage_change_allowed
from workbench.services.messages import describe_error
from workbench.services.permissions import PermissionDenied

if TYPE_CHECKING:
    from collections.abc import Callable

    from tests.services.conftest import Board
    from workbench.domain.records import User
    from workbench.reports.signing import SigningIdentity
    from workbench.services.cases import CaseService
    from workbench.services.committee import CommitteeService
    from workbench.store.db import Sessions

PASSPHRASE = "chair-secret-1"


@pytest.fixture(scope="module")
def chair_identity(tmp_path_factory: pytest.TempPathFactory) -> SigningIdentity:
    path = tmp_path_factory.mktemp("identity") / "chair.p12"
    create_identity("Chenzhuxi", "贷审会主席", PASSPHRASE, path)
    return load_identity(path, PASSPHRASE)


def decide_all(committee: CommitteeService, board: Board, session_id: str, case_id: str, vote: Vote) -> None:
    reason = "" if vote is Vote.APPROVE_AS_PROPOSED else "理由"
    for member in (board.chair, *board.members):
        committee.cast_vote(session_id, case_id, member.id, vote, reason, (), member)
    committee.record_decision(session_id, case_id, None, (), "", board.chair)


def test_closing_signs_the_minutes_archives_them_per_case_and_locks_the_session(
    cases: CaseService,
    committee: CommitteeService,
    officer: User,
    board: Board,
    sessions: Sessions,
    chair_identity: SigningIdentity,
    register: Callable[..., object],
) -> None:
    session_id = open_session(committee, board)
    case_a = submitted(cases, committee, officer, "a")
    case_b = submitted(cases, committee, officer, "b")
    for case_id in (case_a, case_b):
        committee.add_to_agenda(session_id, case_id, board.chair)
    chair, (wang, li) = board.chair, board.members
    committee.cast_vote(session_id, case_a, chair.id, Vote.APPROVE_WITH_CHANGES, "调减至 45 000", (), chair)
    for member in (wang, li):
        committee.cast_vote(session_id, case_a, member.id, Vote.APPROVE_AS_PROPOSED, "", (), member)
    request = demo("a").request
    committee.record_decision(
        session_id, case_a, Terms(Decimal("45000"), 12, request.rate, request.method), (), "", chair
    )
    with pytest.raises(CommitteeError) as caught:  # case B is not decided yet
        committee.close_session(session_id, chair_identity, chair)
    assert describe_error(caught.value) == "还有 1 个议程案卷未作决议，不能闭会"
    decide_all(committee, board, session_id, case_b, Vote.RETURN_FOR_RESURVEY)
    with pytest.raises(PermissionDenied):
        committee.close_session(session_id, chair_identity, wang)
    assert committee.session_info(session_id, chair).status == "open"
    with pytest.raises(ArchiveRefusedError) as refused:  # her certificate is not registered yet
        committee.close_session(session_id, chair_identity, chair)
    assert refused.value.reason == "signer_unregistered"
    assert committee.session_info(session_id, chair).status == "open"
    assert ArchiveService(sessions).list_reports(case_a, officer) == []
    register(chair, chair_identity.certificate)

    signed = committee.close_session(session_id, chair_identity, chair, unit="测试农商银行")

    assert committee.session_info(session_id, chair).status == "minutes_signed"
    assert [case_id for case_id, _row in signed.reports] == [case_a, case_b]
    archive = ArchiveService(sessions)
    for case_id, row in signed.reports:
        (listed,) = archive.list_reports(case_id, officer)
        assert listed == row and row.kind is ReportKind.MINUTES and row.signer == "Chenzhuxi"
        pdf = archive.report_pdf(row.id, officer)
        report = verify_pdf(pdf, [chair_identity.certificate])
        assert report.ok, report
        assert report.case_version == cases.open_case(case_id, officer).version == row.case_version
        (signature,) = report.signatures
        assert signature.intact and signature.valid
    assert committee.decision(session_id, case_a, chair).minutes_signed  # type: ignore[union-attr]
    assert cases.open_case(case_a, officer).case.stage is Stage.CONTRACT
    assert cases.open_case(case_b, officer).case.stage is Stage.INVESTIGATE

    trail = [e.field for e in cases.audit_trail(case_a, officer)]
    for step in ("committee.submitted", "committee.agenda", "committee.decision", "committee.minutes"):
        assert step in trail
    assert "signed_report.minutes" in trail
    assert trail.count("stage") == 2  # submitted (approval), decided (contract)
    minutes_entry = next(e for e in cases.audit_trail(case_a, officer) if e.field == "committee.minutes")
    assert json.loads(minutes_entry.after or "{}")["minutes_sha256"] == signed.reports[0][1].sha256

    # closed: nothing more is added, voted, decided or closed again
    for attempt in (
        lambda: committee.cast_vote(session_id, case_a, chair.id, Vote.REJECT, "晚了", (), chair),
        lambda: committee.record_decision(session_id, case_b, None, (), "", chair),
        lambda: committee.close_session(session_id, chair_identity, chair),
    ):
        with pytest.raises(CommitteeError) as caught:
            attempt()
        assert caught.value.reason == "session_closed"
    assert "已闭会" in describe_error(caught.value)

    # the returned case comes back as a new version on the next session
    record = cases.open_case(case_b, officer)
    edited = cases.save_case(dataclasses.replace(record.case, product="补充调查后"), record.version, officer)
    assert committee.submit_case(case_b, officer) == edited + 1
    (waiting,) = committee.awaiting_cases(chair)
    assert waiting.id == case_b
    following = open_session(committee, board)
    assert committee.add_to_agenda(following, case_b, chair).case_version == edited + 1
    decide_all(committee, board, following, case_b, Vote.APPROVE_AS_PROPOSED)
    committee.close_session(following, chair_identity, chair)
    assert cases.open_case(case_b, officer).case.stage is Stage.CONTRACT
    assert len(ArchiveService(sessions).list_reports(case_b, officer)) == 2
    listed = committee.list_sessions(chair)
    assert {(s.id, s.status, s.cases, s.decided) for s in listed} == {
        (session_id, "minutes_signed", 2, 2),
        (following, "minutes_signed", 1, 1),
    }


def test_only_the_chair_closes_and_an_empty_session_has_no_minutes(
    committee: CommitteeService, board: Board, sessions: Sessions, chair_identity: SigningIdentity
) -> None:
    session_id = open_session(committee, board)
    with pytest.raises(CommitteeError) as caught:
        committee.close_session(session_id, chair_identity, board.chair)
    assert caught.value.reason == "session_empty"
    other_chair = add_user(sessions, "otherchair", Role.COMMITTEE_CHAIR)
    with pytest.raises(CommitteeError) as caught:
        committee.close_session(session_id, chair_identity, other_chair)
    assert caught.value.reason == "not_the_chair"
    assert (
        describe_error(caught.value, "en")
        == "only the chair of this session can close it and sign the minutes"
    )


def test_the_live_board_follows_the_rule_from_the_domain(
    cases: CaseService, committee: CommitteeService, officer: User, board: Board
) -> None:
    session_id = open_session(committee, board)
    case_id = submitted(cases, committee, officer, "a")
    committee.add_to_agenda(session_id, case_id, board.chair)
    empty = committee.board(session_id, case_id, board.chair)
    assert empty.votes == () and empty.standing is not None and empty.standing.outcome is Outcome.NO_QUORUM
    chair, (wang, li) = board.chair, board.members
    committee.cast_vote(session_id, case_id, chair.id, Vote.APPROVE_AS_PROPOSED, "", (), chair)
    committee.cast_vote(session_id, case_id, wang.id, Vote.APPROVE_AS_PROPOSED, "", (), wang)
    committee.cast_vote(session_id, case_id, li.id, Vote.DEFER, "等待流水", (), li)
    live = committee.board(session_id, case_id, board.chair)
    assert live.standing is not None and live.standing.outcome is Outcome.DEFERRED  # unanimity broken
    assert live.standing.tally.approvals == 2 and live.decision is None


@pytest.mark.parametrize(
    ("stored", "new", "allowed"),
    [
        (Stage.INVESTIGATE, Stage.INVESTIGATE, True),
        (Stage.APPLY, Stage.INVESTIGATE, True),
        (Stage.INVESTIGATE, Stage.CANCELLED, True),
        (Stage.INVESTIGATE, Stage.APPROVAL, False),
        (Stage.INVESTIGATE, Stage.CONTRACT, False),
        (Stage.INVESTIGATE, Stage.REFUSED, False),
        (Stage.INVESTIGATE, Stage.LOAN, False),
        (Stage.REFUSED, Stage.INVESTIGATE, False),
        (Stage.CONTRACT, Stage.SIGN, True),
        (Stage.LOAN, Stage.AFTER_LOAN, True),
        (Stage.CONTRACT, Stage.INVESTIGATE, False),
        (Stage.CANCELLED, Stage.SIGN, False),
    ],
)
def test_which_stage_changes_a_save_may_make(stored: Stage, new: Stage, allowed: bool) -> None:
    assert stage_change_allowed(stored, new) is allowed


def test_a_save_cannot_set_a_committee_stage(
    cases: CaseService, committee: CommitteeService, officer: User, board: Board
) -> None:
    record = cases.create_case(demo("a"), officer)
    assert record.case.stage is Stage.INVESTIGATE
    for stage in (Stage.APPROVAL, Stage.CONTRACT, Stage.REFUSED):
        with pytest.raises(CommitteeError) as caught:
            cases.save_case(dataclasses.replace(record.case, stage=stage), record.version, officer)
        assert caught.value.reason == "stage_committee_owned"
    assert describe_error(caught.value) == (
        "案卷阶段不能由保存改为“拒绝”：提交上会请用“提交贷审会”，上会后的阶段由贷审会决议决定"
    )
    assert cases.open_case(record.case.id, officer).version == record.version  # nothing written
    committee.submit_case(record.case.id, officer)
    session_id = open_session(committee, board)
    committee.add_to_agenda(session_id, record.case.id, board.chair)
    decide_all(committee, board, session_id, record.case.id, Vote.APPROVE_AS_PROPOSED)
    approved = cases.open_case(record.case.id, officer)
    assert approved.case.stage is Stage.CONTRACT
    with pytest.raises(CommitteeError):  # restoring the pre-committee version would undo the decision
        cases.restore_version(record.case.id, record.version, approved.version, officer)
    signed = cases.save_case(dataclasses.replace(approved.case, stage=Stage.SIGN), approved.version, officer)
    assert cases.open_case(record.case.id, officer).version == signed
