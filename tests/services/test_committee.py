"""The committee through ``CommitteeService``, on SQLite and PostgreSQL: sessions, submission and
freezing, agenda, votes, the decision rules, the decision's effects, audit entries and minutes data."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest

from tests.store.helpers import add_user, demo
from workbench.domain.case_file import Stage
from workbench.domain.committee import (
    DEFAULT_MONITORING,
    CommitteeRules,
    DecisionRule,
    Member,
    MonitoringKind,
    MonitoringStep,
    Outcome,
    Terms,
    Vote,
)
from workbench.domain.errors import ValidationError
from workbench.domain.records import CommitteeError, Role, User
from workbench.reports.content import build_minutes
from workbench.reports.inputs import MemberRole
from workbench.services.messages import describe_error
from workbench.services.permissions import PermissionDenied
from workbench.store.committee_repository import SqlCommitteeRepository

if TYPE_CHECKING:
    from tests.services.conftest import Board
    from workbench.services.cases import CaseService
    from workbench.services.committee import CommitteeService
    from workbench.store.db import Sessions

CONDITION_B = "自有资金到位后受托支付"


def open_session(
    committee: CommitteeService, board: Board, rules: CommitteeRules | None = None, *, veto: bool = False
) -> str:
    members = [Member(m.id, "") for m in board.members]
    if veto:
        members.append(Member(board.expert.id, "", veto=True))
    return committee.create_session(
        date(2024, 7, 2),
        "三楼会议室",
        board.chair.id,
        members,
        "秘书小周",
        rules or CommitteeRules(),
        board.chair,
    )


def submitted(cases: CaseService, committee: CommitteeService, officer: User, name: str) -> str:
    record = cases.create_case(demo(name), officer)
    committee.submit_case(record.case.id, officer)
    return record.case.id


def vote_all(
    committee: CommitteeService, session_id: str, case_id: str, votes: list[tuple[User, Vote, str]], by: User
) -> None:
    for member, vote, reason in votes:
        committee.cast_vote(session_id, case_id, member.id, vote, reason, (), member if by is member else by)


def test_a_full_session_from_agenda_to_decision_for_cases_a_and_b(
    cases: CaseService, committee: CommitteeService, officer: User, board: Board, sessions: Sessions
) -> None:
    session_id = open_session(committee, board)
    case_a = submitted(cases, committee, officer, "a")
    case_b = submitted(cases, committee, officer, "b")
    item_a = committee.add_to_agenda(session_id, case_a, board.chair)
    item_b = committee.add_to_agenda(session_id, case_b, board.chair)
    assert (item_a.position, item_b.position) == (0, 1)
    assert item_a.case_version == cases.open_case(case_a, officer).version == 2
    chair, (wang, li) = board.chair, board.members

    committee.cast_vote(
        session_id, case_a, chair.id, Vote.APPROVE_WITH_CHANGES, "按测算能力调减至 45 000", (), chair
    )
    committee.cast_vote(session_id, case_a, wang.id, Vote.APPROVE_AS_PROPOSED, "", (), wang)
    committee.cast_vote(session_id, case_a, li.id, Vote.APPROVE_AS_PROPOSED, "", (), li)
    request = demo("a").request
    terms = Terms(Decimal("45000"), request.term_months, request.rate, request.method)
    decided_a = committee.record_decision(session_id, case_a, terms, (), "", chair)
    assert decided_a.outcome is Outcome.APPROVED_WITH_CHANGES
    assert (decided_a.amount, decided_a.term_months) == (Decimal("45000.00"), 12)
    assert decided_a.annual_rate_percent == Decimal("7.2")
    assert decided_a.monitoring[0] == MonitoringStep(MonitoringKind.FIRST, 7, date(2024, 7, 12))  # dated

    for member in (chair, wang, li):
        committee.cast_vote(session_id, case_b, member.id, Vote.APPROVE_AS_PROPOSED, "", (), member)
    decided_b = committee.record_decision(session_id, case_b, None, (CONDITION_B,), "", chair)
    assert decided_b.outcome is Outcome.APPROVED_AS_PROPOSED
    assert decided_b.conditions == (CONDITION_B,)
    assert decided_b.amount == Decimal("100000.00")
    if demo("b").request.disbursement_date is None:
        assert decided_b.monitoring == DEFAULT_MONITORING

    assert committee.decision(session_id, case_b, chair) == decided_b
    for case_id in (case_a, case_b):
        assert cases.open_case(case_id, officer).case.stage is Stage.CONTRACT

    minutes = committee.minutes_data(session_id, officer)
    assert minutes.place == "三楼会议室" and minutes.held_on == date(2024, 7, 2)
    assert minutes.chair == "Chenzhuxi"
    assert [m.name for m in minutes.voters] == ["Chenzhuxi", "Wangwei", "Lina"]
    assert any(m.role is MemberRole.SECRETARY and m.name == "秘书小周" for m in minutes.members)
    assert any(m.role is MemberRole.PRESENTER for m in minutes.members)
    a, b = minutes.decisions
    assert (a.decision, b.decision) == (Outcome.APPROVED_WITH_CHANGES, Outcome.APPROVED_AS_PROPOSED)
    assert a.amount == Decimal("45000.00") and a.changes == ""  # worded by the report, in its language
    assert "金额由申请的 60,000.00 元调整为 45,000.00 元" in build_minutes(minutes).text()
    assert (
        "amount changed from the requested CNY 60,000.00 to CNY 45,000.00"
        in build_minutes(minutes, "en").text()
    )
    assert a.votes[0].vote is Vote.APPROVE_WITH_CHANGES and a.votes[0].comment == "按测算能力调减至 45 000"
    assert [v.vote for v in b.votes] == [Vote.APPROVE_AS_PROPOSED] * 3
    assert b.conditions_precedent == (CONDITION_B,)
    assert b.monitoring == decided_b.monitoring
    assert all(
        isinstance(step, MonitoringStep) for step in (*a.monitoring, *b.monitoring)
    )  # the standard plan
    assert (minutes.rule, minutes.quorum) == (DecisionRule.UNANIMOUS, 3)
    assert a.case_version == item_a.case_version

    trail = {e.field for e in cases.audit_trail(case_a, officer)}
    assert {"stage", "committee.agenda", "committee.decision"} <= trail
    assert {f"committee.vote.{u.username}" for u in (chair, wang, li)} <= trail
    stages = [(e.before, e.after) for e in cases.audit_trail(case_a, officer) if e.field == "stage"]
    assert [after for _, after in stages] == ["approval", "contract"]
    with sessions.begin() as session:
        created = SqlCommitteeRepository(session).session_audit(session_id)
    assert len(created) == 1 and json.loads(created[0])["quorum"] == 3


@pytest.mark.parametrize(
    ("rule", "veto", "votes", "outcome", "stage"),
    [
        (
            DecisionRule.UNANIMOUS,
            False,
            ["approve_as_proposed"] * 3,
            Outcome.APPROVED_AS_PROPOSED,
            Stage.CONTRACT,
        ),
        (
            DecisionRule.UNANIMOUS,
            False,
            ["approve_as_proposed"] * 2 + ["reject"],
            Outcome.REJECTED,
            Stage.REFUSED,
        ),
        (
            DecisionRule.MAJORITY,
            False,
            ["approve_as_proposed"] * 2 + ["reject"],
            Outcome.APPROVED_AS_PROPOSED,
            Stage.CONTRACT,
        ),
        (
            DecisionRule.MAJORITY,
            True,
            ["approve_as_proposed"] * 3 + ["reject"],
            Outcome.REJECTED,
            Stage.REFUSED,
        ),
        (
            DecisionRule.MAJORITY,
            False,
            ["defer", "defer", "approve_as_proposed"],
            Outcome.DEFERRED,
            Stage.APPROVAL,
        ),
        (
            DecisionRule.UNANIMOUS,
            False,
            ["return_for_resurvey"] * 3,
            Outcome.RETURNED_FOR_RESURVEY,
            Stage.INVESTIGATE,
        ),
    ],
    ids=["unanimous", "unanimous-one-reject", "majority", "veto", "deferred", "returned"],
)
def test_the_session_rule_decides_and_the_stage_follows(
    cases: CaseService,
    committee: CommitteeService,
    officer: User,
    board: Board,
    rule: DecisionRule,
    veto: bool,
    votes: list[str],
    outcome: Outcome,
    stage: Stage,
) -> None:
    session_id = open_session(committee, board, CommitteeRules(rule, 3), veto=veto)
    case_id = submitted(cases, committee, officer, "a")
    committee.add_to_agenda(session_id, case_id, board.chair)
    voters = [board.chair, *board.members, board.expert][: len(votes)]
    for member, vote in zip(voters, votes, strict=True):
        reason = "" if vote == "approve_as_proposed" else "理由"
        committee.cast_vote(session_id, case_id, member.id, Vote(vote), reason, (), member)
    decided = committee.record_decision(session_id, case_id, None, (), "", board.chair)
    assert decided.outcome is outcome
    assert (decided.amount is not None) is (stage is Stage.CONTRACT)
    record = cases.open_case(case_id, officer)
    assert record.case.stage is stage
    edit = dataclasses.replace(record.case, product="改过的产品")
    if stage is Stage.APPROVAL:  # deferred: still frozen, waiting for the next session
        with pytest.raises(CommitteeError, match="case_frozen"):
            cases.save_case(edit, record.version, officer)
    else:
        assert cases.save_case(edit, record.version, officer) == record.version + 1


def test_a_decided_amount_with_a_fraction_of_a_cent_is_refused_as_the_case_store_refuses_it(
    cases: CaseService, committee: CommitteeService, officer: User, board: Board
) -> None:
    session_id = open_session(committee, board)
    case_id = submitted(cases, committee, officer, "a")
    committee.add_to_agenda(session_id, case_id, board.chair)
    votes = [(member, Vote.APPROVE_AS_PROPOSED, "") for member in (board.chair, *board.members)]
    vote_all(committee, session_id, case_id, votes, board.chair)
    request = cases.open_case(case_id, officer).case.request
    terms = Terms(Decimal("45000.005"), request.term_months, request.rate, request.method)
    with pytest.raises(ValidationError) as refused:
        committee.record_decision(session_id, case_id, terms, (), "", board.chair)
    assert (refused.value.field, refused.value.reason) == ("terms.amount", "sub_cent")
    assert refused.value.params == {"value": "45000.005"}
    assert committee.decision(session_id, case_id, board.chair) is None


def test_without_quorum_nothing_is_recorded(
    cases: CaseService, committee: CommitteeService, officer: User, board: Board
) -> None:
    session_id = open_session(committee, board, CommitteeRules(DecisionRule.UNANIMOUS, 3))
    case_id = submitted(cases, committee, officer, "a")
    committee.add_to_agenda(session_id, case_id, board.chair)
    vote_all(committee, session_id, case_id, [(board.chair, Vote.APPROVE_AS_PROPOSED, "")], board.chair)
    with pytest.raises(CommitteeError) as caught:
        committee.record_decision(session_id, case_id, None, (), "", board.chair)
    assert caught.value.reason == "no_quorum"
    assert describe_error(caught.value, "zh") == "未达法定人数（已投 1 票，至少需要 3 票），未作决议"
    assert committee.decision(session_id, case_id, board.chair) is None
    assert cases.open_case(case_id, officer).case.stage is Stage.APPROVAL


def test_a_vote_needs_a_reason_and_a_revote_replaces_until_the_decision(
    cases: CaseService, committee: CommitteeService, officer: User, board: Board
) -> None:
    session_id = open_session(committee, board)
    case_id = submitted(cases, committee, officer, "a")
    committee.add_to_agenda(session_id, case_id, board.chair)
    wang = board.members[0]
    with pytest.raises(ValidationError):
        committee.cast_vote(session_id, case_id, wang.id, Vote.REJECT, "  ", (), wang)
    committee.cast_vote(session_id, case_id, wang.id, Vote.REJECT, "负债过高", (), wang)
    committee.cast_vote(
        session_id, case_id, wang.id, Vote.APPROVE_WITH_CONDITIONS, "追加担保", ("追加保证人",), wang
    )
    (only,) = committee.votes(session_id, case_id, wang)
    assert (only.vote, only.conditions) == (Vote.APPROVE_WITH_CONDITIONS, ("追加保证人",))
    trail = [e for e in cases.audit_trail(case_id, officer) if e.field == "committee.vote.wangwei"]
    assert [json.loads(e.after or "")["vote"] for e in trail] == ["reject", "approve_with_conditions"]
    assert trail[1].before is not None and json.loads(trail[1].before)["vote"] == "reject"
    for member in (board.chair, board.members[1]):
        committee.cast_vote(session_id, case_id, member.id, Vote.APPROVE_AS_PROPOSED, "", (), member)
    decided = committee.record_decision(
        session_id, case_id, None, ("签订保证合同",), "每两周走访一次", board.chair
    )
    assert decided.outcome is Outcome.APPROVED_WITH_CONDITIONS
    assert decided.conditions == ("追加保证人", "签订保证合同")
    assert decided.monitoring == ("每两周走访一次",)
    with pytest.raises(CommitteeError, match="already_decided"):
        committee.cast_vote(session_id, case_id, wang.id, Vote.REJECT, "改主意", (), wang)
    with pytest.raises(CommitteeError, match="already_decided"):
        committee.record_decision(session_id, case_id, None, (), "", board.chair)


def test_a_case_that_is_not_ready_cannot_be_submitted(
    cases: CaseService, committee: CommitteeService, officer: User
) -> None:
    record = cases.create_case(dataclasses.replace(demo("a"), equity_check=None), officer)
    with pytest.raises(CommitteeError) as caught:
        committee.submit_case(record.case.id, officer)
    assert caught.value.reason == "case_not_ready"
    assert "equity_missing" in describe_error(caught.value, "zh")
    assert "readiness checklist" in describe_error(caught.value, "en")
    assert cases.open_case(record.case.id, officer).case.stage is Stage.INVESTIGATE


def test_a_submitted_case_is_frozen(cases: CaseService, committee: CommitteeService, officer: User) -> None:
    record = cases.create_case(demo("a"), officer)
    version = committee.submit_case(record.case.id, officer)
    stored = cases.open_case(record.case.id, officer)
    assert (stored.version, stored.case.stage) == (version, Stage.APPROVAL)
    edited = dataclasses.replace(stored.case, product="改过的产品")
    with pytest.raises(CommitteeError) as caught:
        cases.save_case(edited, stored.version, officer)
    assert describe_error(caught.value, "zh").startswith(f"案卷 {record.case.id} 已提交贷审会，不能修改")
    with pytest.raises(CommitteeError, match="case_frozen"):
        cases.restore_version(record.case.id, 1, stored.version, officer)
    with pytest.raises(CommitteeError, match="case_not_submittable"):
        committee.submit_case(record.case.id, officer)
    assert cases.open_case(record.case.id, officer).version == version


def test_a_returned_case_is_edited_and_resubmitted_as_a_new_version(
    cases: CaseService, committee: CommitteeService, officer: User, board: Board
) -> None:
    first = open_session(committee, board)
    case_id = submitted(cases, committee, officer, "a")
    pinned = committee.add_to_agenda(first, case_id, board.chair).case_version
    for member in (board.chair, *board.members):
        committee.cast_vote(first, case_id, member.id, Vote.RETURN_FOR_RESURVEY, "补充存货盘点", (), member)
    assert committee.record_decision(first, case_id, None, (), "", board.chair).outcome is (
        Outcome.RETURNED_FOR_RESURVEY
    )
    record = cases.open_case(case_id, officer)
    assert record.case.stage is Stage.INVESTIGATE
    edited = cases.save_case(
        dataclasses.replace(record.case, product="经营贷（补充调查）"), record.version, officer
    )
    resubmitted = committee.submit_case(case_id, officer)
    assert resubmitted == edited + 1 > pinned
    second = open_session(committee, board)
    assert committee.add_to_agenda(second, case_id, board.chair).case_version == resubmitted
    minutes = committee.minutes_data(first, board.chair)
    assert minutes.decisions[0].decision is Outcome.RETURNED_FOR_RESURVEY
    assert minutes.decisions[0].case_version == pinned and minutes.decisions[0].amount is None


def test_only_submitted_cases_go_on_the_agenda_once(
    cases: CaseService, committee: CommitteeService, officer: User, board: Board
) -> None:
    session_id = open_session(committee, board)
    record = cases.create_case(demo("a"), officer)
    with pytest.raises(CommitteeError, match="case_not_submitted"):
        committee.add_to_agenda(session_id, record.case.id, board.chair)
    committee.submit_case(record.case.id, officer)
    committee.add_to_agenda(session_id, record.case.id, board.chair)
    with pytest.raises(CommitteeError, match="already_on_agenda"):
        committee.add_to_agenda(open_session(committee, board), record.case.id, board.chair)
    with pytest.raises(CommitteeError, match="session_not_found"):
        committee.minutes_data("no-such-session", board.chair)


def test_permissions(
    cases: CaseService, committee: CommitteeService, officer: User, other_officer: User, board: Board
) -> None:
    with pytest.raises(PermissionDenied):
        open_session(committee, dataclasses.replace(board, chair=board.members[0]))
    session_id = open_session(committee, board)
    record = cases.create_case(demo("a"), officer)
    with pytest.raises(PermissionDenied):
        committee.submit_case(record.case.id, other_officer)
    with pytest.raises(PermissionDenied):
        committee.submit_case(record.case.id, board.chair)
    committee.submit_case(record.case.id, officer)
    case_id = record.case.id
    with pytest.raises(PermissionDenied):
        committee.add_to_agenda(session_id, case_id, officer)
    committee.add_to_agenda(session_id, case_id, board.chair)
    wang, li = board.members
    with pytest.raises(PermissionDenied):
        committee.cast_vote(session_id, case_id, officer.id, Vote.APPROVE_AS_PROPOSED, "", (), officer)
    with pytest.raises(CommitteeError, match="vote_for_other"):  # a member casts only her own vote
        committee.cast_vote(session_id, case_id, li.id, Vote.APPROVE_AS_PROPOSED, "", (), wang)
    with pytest.raises(CommitteeError, match="not_a_voting_member"):  # not in this session
        committee.cast_vote(
            session_id, case_id, board.expert.id, Vote.APPROVE_AS_PROPOSED, "", (), board.expert
        )
    committee.cast_vote(session_id, case_id, wang.id, Vote.APPROVE_AS_PROPOSED, "", (), wang)
    committee.cast_vote(
        session_id, case_id, li.id, Vote.APPROVE_AS_PROPOSED, "", (), board.chair
    )  # called out, recorded by the chair: she keeps the record when the session names no secretary
    committee.cast_vote(session_id, case_id, board.chair.id, Vote.APPROVE_AS_PROPOSED, "", (), board.chair)
    with pytest.raises(PermissionDenied) as caught:
        committee.record_decision(session_id, case_id, None, (), "", wang)
    assert describe_error(caught.value, "zh") == "用户 wangwei（贷审会委员）无权主持贷审会、记录决议"
    assert committee.decision(session_id, case_id, wang) is None


def test_the_minutes_pdf_prints_the_stored_session(
    cases: CaseService, committee: CommitteeService, officer: User, board: Board
) -> None:
    from tests.reports.pdf_tools import text
    from workbench.reports.content import build_minutes
    from workbench.reports.render import PdfMeta, render_pdf
    from workbench.reports.texts import label

    session_id = open_session(committee, board)
    case_a = submitted(cases, committee, officer, "a")
    case_b = submitted(cases, committee, officer, "b")
    for case_id in (case_a, case_b):
        committee.add_to_agenda(session_id, case_id, board.chair)
    chair, (wang, li) = board.chair, board.members
    committee.cast_vote(session_id, case_a, chair.id, Vote.APPROVE_WITH_CHANGES, "调减金额", (), chair)
    for member in (wang, li):
        committee.cast_vote(session_id, case_a, member.id, Vote.APPROVE_AS_PROPOSED, "", (), member)
    request = demo("a").request
    terms = Terms(Decimal("45000"), request.term_months, request.rate, request.method)
    committee.record_decision(session_id, case_a, terms, (), "", chair)
    for member in (chair, wang, li):
        committee.cast_vote(session_id, case_b, member.id, Vote.APPROVE_AS_PROPOSED, "", (), member)
    committee.record_decision(session_id, case_b, None, (CONDITION_B,), "", chair)

    minutes = committee.minutes_data(session_id, chair)
    pdf = render_pdf(build_minutes(minutes, "zh"), meta=PdfMeta(unit="测试农商银行"), invariant=True)
    printed = "".join(text(pdf).split())
    for kind in (Outcome.APPROVED_WITH_CHANGES, Outcome.APPROVED_AS_PROPOSED):
        assert label(kind, "zh") in printed
    assert CONDITION_B in printed
    assert "调减金额" in printed


def test_the_rules_of_a_session_in_the_services(
    cases: CaseService, committee: CommitteeService, officer: User, board: Board, sessions: Sessions
) -> None:
    """Quorum at least 1 and at most the voters; the session's own chair decides; the secretary
    records a member's vote (the row says so) and never votes; the case's officer never votes on it."""
    wang, li = board.members
    members = [Member(wang.id, ""), Member(li.id, "")]
    for quorum, reason in ((0, "quorum_invalid"), (-5, "quorum_invalid"), (4, "quorum_above_members")):
        with pytest.raises(CommitteeError) as caught:
            committee.create_session(
                date(2024, 7, 2), "", board.chair.id, members, "", CommitteeRules(quorum=quorum), board.chair
            )
        assert caught.value.reason == reason
        assert str(quorum) in describe_error(caught.value, "zh")
    secretary = add_user(sessions, "zhoumishu", Role.SECRETARY)
    with pytest.raises(CommitteeError, match="secretary_cannot_vote"):
        committee.create_session(
            date(2024, 7, 2),
            "",
            board.chair.id,
            [*members, Member(secretary.id, "")],
            "",
            CommitteeRules(),
            board.chair,
        )
    other_chair = add_user(sessions, "fuzhuxi", Role.COMMITTEE_CHAIR)
    with pytest.raises(CommitteeError, match="chair_only"):  # a session is opened by its own chair
        committee.create_session(
            date(2024, 7, 2), "", board.chair.id, members, "", CommitteeRules(), other_chair
        )
    session_id = committee.create_session(
        date(2024, 7, 2),
        "",
        board.chair.id,
        members,
        "周秘书",
        CommitteeRules(),
        board.chair,
        secretary_id=secretary.id,
    )
    assert committee.session_info(session_id, board.chair).secretary_id == secretary.id
    case_id = submitted(cases, committee, officer, "a")
    with pytest.raises(CommitteeError, match="chair_only"):
        committee.add_to_agenda(session_id, case_id, other_chair)
    committee.add_to_agenda(session_id, case_id, board.chair)
    committee.cast_vote(session_id, case_id, wang.id, Vote.APPROVE_AS_PROPOSED, "", (), secretary)
    committee.cast_vote(session_id, case_id, li.id, Vote.APPROVE_AS_PROPOSED, "", (), li)
    with pytest.raises(CommitteeError, match="vote_for_other"):  # the chair is no secretary here
        committee.cast_vote(session_id, case_id, li.id, Vote.REJECT, "不同意", (), board.chair)
    with pytest.raises(CommitteeError, match="not_a_voting_member"):
        committee.cast_vote(session_id, case_id, secretary.id, Vote.APPROVE_AS_PROPOSED, "", (), secretary)
    committee.cast_vote(session_id, case_id, board.chair.id, Vote.APPROVE_AS_PROPOSED, "", (), board.chair)
    with sessions.begin() as session:
        repo = SqlCommitteeRepository(session)
        recorded = repo.recorded_by(repo.agenda_item(session_id, case_id).id)
    assert recorded == {wang.id: secretary.id, li.id: li.id, board.chair.id: board.chair.id}
    with pytest.raises(CommitteeError, match="chair_only"):
        committee.record_decision(session_id, case_id, None, (), "", other_chair)
    assert committee.record_decision(session_id, case_id, None, (), "", board.chair).outcome is (
        Outcome.APPROVED_AS_PROPOSED
    )
    # the officer of a case is never a voting member of the session that has it
    seated = committee.create_session(
        date(2024, 7, 3), "", board.chair.id, [Member(officer.id, ""), Member(wang.id, "")], "",
        CommitteeRules(quorum=2), board.chair,
    )  # fmt: skip
    with pytest.raises(CommitteeError) as caught:
        committee.add_to_agenda(seated, submitted(cases, committee, officer, "b"), board.chair)
    assert caught.value.reason == "editor_cannot_vote"
    assert "Liumin" in describe_error(caught.value, "zh")


def test_after_the_approval_changed_terms_go_back_to_the_committee_as_a_new_version(
    cases: CaseService, committee: CommitteeService, officer: User, board: Board
) -> None:
    session_id = open_session(committee, board)
    case_id = submitted(cases, committee, officer, "a")
    committee.add_to_agenda(session_id, case_id, board.chair)
    for member in (board.chair, *board.members):
        committee.cast_vote(session_id, case_id, member.id, Vote.APPROVE_AS_PROPOSED, "", (), member)
    committee.record_decision(session_id, case_id, None, (), "", board.chair)
    approved = cases.open_case(case_id, officer)
    request = approved.case.request
    for change in ({"amount": request.amount * 10}, {"term_months": 36}):
        edited = dataclasses.replace(approved.case, request=dataclasses.replace(request, **change))
        with pytest.raises(CommitteeError) as caught:
            cases.save_case(edited, approved.version, officer)
        assert caught.value.reason == "decided_terms_changed"
        assert "new version" in describe_error(caught.value, "en")
    assert cases.open_case(case_id, officer).version == approved.version
    edited = dataclasses.replace(approved.case, request=dataclasses.replace(request, term_months=36))
    version = committee.submit_case(case_id, officer, edited=edited, expected_version=approved.version)
    again = cases.open_case(case_id, officer)
    assert (again.version, again.case.stage, again.case.request.term_months) == (version, Stage.APPROVAL, 36)
    assert approved.version < version
