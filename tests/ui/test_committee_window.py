"""The committee window on a real SQLite store: a session, its agenda, votes (a missing reason refused
in place), the decision with final terms, closing with the chair's signed minutes; the models pass
qtmodeltester; the main window's 审贷会 menu submits the active case and the presentation's decision
slide shows the votes and hands its what-if amendment to the decision."""

from __future__ import annotations

import dataclasses
import uuid
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractButton

from tests.store.helpers import add_user, demo
from tests.ui.committee_room import PASSPHRASE, SHOTS, Room, make_room, settle
from workbench.domain.case_file import Stage
from workbench.domain.committee import MonitoringStep, Outcome, Terms, Vote
from workbench.domain.records import (
    ReportKind,
    Role,
    User,
)
from workbench.reports.verify import verify_pdf
from workbench.ui.committee.models import AgendaModel, SeatModel, SessionListModel, VoteModel
from workbench.ui.committee.session_dialog import SessionDialog, SessionSpec
from workbench.ui.committee.window import CommitteeWindow
from workbench.ui.store_link import StoreLink

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from pytestqt.qtbot import QtBot


@pytest.fixture
def room(tmp_path: Path) -> Iterator[Room]:
    made = make_room(tmp_path)
    yield made
    made.services.close()


def check(model: SeatModel, row: int, column: int) -> None:
    assert model.setData(model.index(row, column), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)


def fill_session(dialog: SessionDialog, room: Room, place: str = "三楼会议室") -> None:
    dialog.held_on.setDate(QDate(2024, 7, 2))
    dialog.place.setText(place)
    dialog.chair.setCurrentIndex(dialog.chair.findData(room.chair.id))
    for row, user in enumerate(dialog.seats.users):
        if user.id in {m.id for m in room.members}:
            dialog.seats.setData(
                dialog.seats.index(row, 1), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
            )
    dialog.secretary.setEditText("秘书小周")


@pytest.fixture
def make_committee(qtbot: QtBot, ui: Any, room: Room) -> Callable[..., CommitteeWindow]:
    def make(amendments: dict[str, Terms] | None = None) -> CommitteeWindow:
        window = CommitteeWindow(StoreLink(room.services, room.chair), (amendments or {}).get)
        window.ask_identity = lambda: (room.identity, PASSPHRASE)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        settle(qtbot, window)
        return window

    return make


def open_new_session(qtbot: QtBot, window: CommitteeWindow, room: Room) -> None:
    def answer(dialog: SessionDialog) -> SessionSpec | None:
        fill_session(dialog, room)
        dialog.accept()
        return dialog.spec

    window.ask_session = answer
    window.new_session()
    settle(qtbot, window)


def cast(qtbot: QtBot, window: CommitteeWindow, member: User, vote: Vote, reason: str = "") -> None:
    panel = window.votes
    panel.member.setCurrentIndex(panel.member.findData(member.id))
    panel.vote.setCurrentIndex(panel.vote.findData(vote.value))
    panel.reason.setPlainText(reason)
    qtbot.mouseClick(panel.record, Qt.MouseButton.LeftButton)
    settle(qtbot, window)


def test_the_session_dialog_refuses_bad_input_in_place(qtbot: QtBot, ui: Any, room: Room) -> None:
    users = room.services.committee.candidate_members(room.chair)
    dialog = SessionDialog(users, room.chair)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.spec is None and dialog.message.text() == "请填写开会地点"
    dialog.place.setText("三楼会议室")
    dialog.accept()  # the chair alone is one voter, the quorum is three
    assert dialog.spec is None and dialog.message.text() == "投票人数（含主席）1 人，少于法定人数 3 人"
    fill_session(dialog, room)
    veto_row = next(i for i, u in enumerate(dialog.seats.users) if u.id == room.members[1].id)
    dialog.seats.setData(
        dialog.seats.index(veto_row, 2), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    dialog.accept()
    spec = dialog.spec
    assert spec is not None and spec.place == "三楼会议室" and spec.chair_id == room.chair.id
    assert {(m.id, m.veto) for m in spec.members} == {(room.members[0].id, False), (room.members[1].id, True)}


def test_models_pass_the_model_tester(qtmodeltester: Any, ui: Any, room: Room) -> None:
    from workbench.domain.committee import MemberVote

    users = room.services.committee.candidate_members(room.chair)
    seats = SeatModel(users)
    seats.set_chair(room.chair.id)
    qtmodeltester.check(seats)
    votes = VoteModel()
    votes.set_rows((MemberVote(room.chair.id, Vote.REJECT, "现金流不足"),), {room.chair.id: "Zhou"})
    qtmodeltester.check(votes)
    sessions = SessionListModel()
    qtmodeltester.check(sessions)
    agenda = AgendaModel()
    qtmodeltester.check(agenda)


def test_a_full_session_from_agenda_to_signed_minutes(
    qtbot: QtBot, make_committee: Callable[..., CommitteeWindow], room: Room
) -> None:
    request = demo("a").request
    amendment = Terms(Decimal("45000"), 18, request.rate, request.method)
    window = make_committee({room.case_a: amendment})
    open_new_session(qtbot, window, room)
    assert window.info is not None and window.info.place == "三楼会议室"
    assert "全体一致" in window.header.text() and "法定人数 3" in window.header.text()
    assert window.sessions.rowCount() == 1

    # the agenda: both submitted cases are waiting
    assert window.awaiting.rowCount() == 2
    for case_id in (room.case_a, room.case_b):
        window.awaiting_box.setCurrentIndex(window.awaiting.ids.index(case_id))
        qtbot.mouseClick(window.add_button, Qt.MouseButton.LeftButton)
        settle(qtbot, window)
    assert [r.case_id for r in window.agenda.rows] == [room.case_a, room.case_b]
    assert window.awaiting.rowCount() == 0

    # case A: a vote without a reason is refused in place, nothing is stored
    window.select_case(room.case_a)
    settle(qtbot, window)
    chair, (wang, li) = room.chair, room.members
    cast(qtbot, window, chair, Vote.APPROVE_WITH_CHANGES, "")
    assert window.votes.message.text() == "“批准（有变更）”须填写理由"
    assert room.services.committee.votes(window.info.id, room.case_a, chair) == ()
    cast(qtbot, window, chair, Vote.APPROVE_WITH_CHANGES, "期限延长至 18 个月，金额 45 000")
    assert window.votes.model.rowCount() == 1
    assert "已投 1 / 3 票，法定人数 3" in window.votes.tally.text()
    assert "未达法定人数" in window.votes.outcome.text()
    cast(qtbot, window, wang, Vote.APPROVE_AS_PROPOSED)
    cast(qtbot, window, li, Vote.APPROVE_AS_PROPOSED)
    assert window.votes.model.rowCount() == 3
    assert window.votes.outcome.text() == "按“全体一致”规则，当前结果：调整方案后批准"

    # the decision: prefilled from the presentation's amendment and the domain's monitoring plan
    form = window.decision
    assert form.amount.text() == "45,000.00" and form.term.value() == 18
    assert "审贷会调整" in form.source.text()
    assert form.monitoring.toPlainText().startswith("首次监控：放款后 7 天内")
    form.amount.setText("四万五")
    qtbot.mouseClick(form.record, Qt.MouseButton.LeftButton)
    assert form.message.text().startswith("金额：")  # refused in place
    form.amount.setText("4.5000125万")
    qtbot.mouseClick(form.record, Qt.MouseButton.LeftButton)
    assert form.message.text().startswith("金额：") and "金额不能小于一分：45000.125" in form.message.text()
    form.amount.setText("4.5万")
    form.conditions.setPlainText("放款前办妥抵押登记")
    plan = form.monitoring_items()  # the lines the form worded are the plan's steps, as data
    assert plan and all(isinstance(step, MonitoringStep) for step in plan)
    lines = form.monitoring.toPlainText().splitlines()
    form.monitoring.setPlainText("\n".join([*lines[:-1], lines[-1] + "，电话提醒", "每两周走访一次"]))
    measures = (*plan[:-1], lines[-1] + "，电话提醒", "每两周走访一次")
    assert form.monitoring_items() == measures
    qtbot.mouseClick(form.record, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    stored = room.services.committee.decision(window.info.id, room.case_a, chair)
    assert stored is not None and stored.outcome is Outcome.APPROVED_WITH_CHANGES
    assert (stored.amount, stored.term_months) == (Decimal("45000.00"), 18)
    assert stored.conditions == ("放款前办妥抵押登记",)
    assert stored.monitoring == measures  # steps stay steps, typed lines stay text
    assert window.agenda.rows[0].outcome is Outcome.APPROVED_WITH_CHANGES
    assert not window.votes.record.isEnabled()

    # closing is refused while case B waits
    qtbot.mouseClick(window.close_button, Qt.MouseButton.LeftButton)
    assert window.message.text() == "还有 1 个议程案卷未作决议，不能闭会"

    # case B: returned for re-survey
    window.select_case(room.case_b)
    settle(qtbot, window)
    for member in (chair, wang, li):
        cast(qtbot, window, member, Vote.RETURN_FOR_RESURVEY, "补充存货盘点")
    assert not window.decision.amount.isEnabled()  # no terms for a refusal
    qtbot.mouseClick(window.decision.record, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.select_case(room.case_a)
    settle(qtbot, window)
    window.grab().save(str(SHOTS / "committee_window_decided.png"))

    # close the session: the chair signs, the minutes are archived under both cases
    qtbot.mouseClick(window.close_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert window.last_minutes is not None, window.message.text()
    assert "纪要已由主席签署，并归档到 2 个案卷" in window.message.text()
    assert window.info.status == "minutes_signed" and not window.close_button.isEnabled()
    from workbench.reports.signing import load_identity

    certificate = load_identity(room.identity, PASSPHRASE).certificate
    for _case_id, row in window.last_minutes.reports:
        assert row.kind is ReportKind.MINUTES
        pdf = room.services.archive.report_pdf(row.id, room.officer)
        report = verify_pdf(pdf, [certificate])
        assert report.ok and all(s.intact and s.valid for s in report.signatures)
    cases = room.services.cases
    assert cases.open_case(room.case_a, room.officer).case.stage is Stage.CONTRACT
    assert cases.open_case(room.case_b, room.officer).case.stage is Stage.INVESTIGATE
    for case_id in (room.case_a, room.case_b):
        trail = [e.field or "" for e in cases.audit_trail(case_id, room.officer)]
        expected = [
            "committee.submitted",
            "committee.agenda",
            *(f"committee.vote.{u.username}" for u in (chair, wang, li)),
            "committee.decision",
            "signed_report.minutes",
            "committee.minutes",
        ]
        assert [f for f in trail if f.startswith(("committee.", "signed_report."))] == expected, trail
        assert trail.count("stage") == 2
    window.grab().save(str(SHOTS / "committee_window_closed.png"))


def test_a_vote_in_a_closed_or_decided_case_is_not_offered(
    qtbot: QtBot, make_committee: Callable[..., CommitteeWindow], room: Room
) -> None:
    window = make_committee()
    open_new_session(qtbot, window, room)
    window.add_to_agenda(room.case_a)
    settle(qtbot, window)
    window.add_to_agenda(room.case_a)  # twice: refused by the service, shown in the message line
    settle(qtbot, window)
    assert "已在贷审会议程上" in window.message.text()
    assert window.votes.record.isEnabled()
    qtbot.mouseClick(window.decision.record, Qt.MouseButton.LeftButton)  # no votes: no quorum
    settle(qtbot, window)
    assert window.message.text() == "未达法定人数（已投 0 票，至少需要 3 票），未作决议"


def test_the_main_window_submits_the_active_case_and_links_the_presentation(
    qtbot: QtBot, make_window: Callable[..., Any], room: Room
) -> None:
    from workbench.ui.presentation.decision_slide import DecisionSlidePanel

    window = make_window(store_opener=lambda: StoreLink(room.services, room.officer))
    qtbot.waitUntil(lambda: window.persistence.store is not None, timeout=15000)
    settle(qtbot)
    assert window.persistence.store is not None
    assert window.actions_by_key["committee"].text() == "审贷会…"

    window.new_case()  # not in the store: refused
    window.committee.submit_active()
    assert window.committee.last_box is not None
    assert window.committee.last_box.text() == "提交贷审会前请先将案卷保存到案件库"

    fresh = room.services.cases.create_case(
        dataclasses.replace(demo("a"), id=str(uuid.uuid4())), room.officer
    )
    window.open_stored(fresh.case.id)
    settle(qtbot)
    window.committee.submit_active()  # asks first: submitting freezes the case
    question = window.committee.submit_box
    assert question is not None and question.isVisible()
    assert question.text() == "将“王丽华”提交贷审会？"
    assert "冻结" in question.informativeText()
    question.reject()  # cancel: nothing happens
    settle(qtbot)
    assert room.services.cases.open_case(fresh.case.id, room.officer).case.stage is not Stage.APPROVAL
    window.committee.submit_active()
    question = window.committee.submit_box
    assert question is not None
    question.findChild(QAbstractButton, "submitAndFreeze").click()
    settle(qtbot)
    assert window.committee.last_box.text() == "已提交贷审会（第 2 版），案卷已冻结"
    assert room.services.cases.open_case(fresh.case.id, room.officer).case.stage is Stage.APPROVAL
    assert window.current() is not None and window.current().document.state.stage is Stage.APPROVAL

    presentation = window.present()
    assert presentation is not None
    panel = presentation.pages[-1].decision
    assert isinstance(panel, DecisionSlidePanel)
    settle(qtbot)
    assert panel.rule.text() == "尚未列入审贷会议程"
    what_if = presentation.what_if
    assert what_if is not None
    what_if.amount.setValue(40000)
    assert window.committee.amendments[fresh.case.id].amount == Decimal("40000")
    assert "40,000.00" in panel.amendment.text()
    presentation.close()


def test_an_unready_case_is_refused_with_the_readiness_reasons(
    qtbot: QtBot, make_window: Callable[..., Any], room: Room
) -> None:
    window = make_window(store_opener=lambda: StoreLink(room.services, room.officer))
    qtbot.waitUntil(lambda: window.persistence.store is not None, timeout=15000)
    settle(qtbot)
    unready = dataclasses.replace(demo("a"), id=str(uuid.uuid4()), equity_check=None)
    record = room.services.cases.create_case(unready, room.officer)
    window.open_stored(record.case.id)
    settle(qtbot)
    window.committee.submit_active()
    text = window.committee.last_box.text() if window.committee.last_box else ""
    assert text.startswith("案卷尚未通过上会前检查，不能提交：\n• ")
    assert room.services.cases.open_case(record.case.id, room.officer).case.stage is Stage.INVESTIGATE


def test_the_decision_slide_follows_the_committee_window_and_hands_over_the_amendment(
    qtbot: QtBot, make_window: Callable[..., Any], room: Room
) -> None:
    from datetime import date

    from workbench.domain.committee import CommitteeRules, Member
    from workbench.ui.presentation.decision_slide import DecisionSlidePanel

    committee, chair, (wang, li) = room.services.committee, room.chair, room.members
    session_id = committee.create_session(
        date(2024, 7, 2),
        "三楼会议室",
        chair.id,
        [Member(wang.id, ""), Member(li.id, "")],
        "",
        CommitteeRules(),
        chair,
    )
    committee.add_to_agenda(session_id, room.case_a, chair)
    committee.cast_vote(session_id, room.case_a, wang.id, Vote.APPROVE_AS_PROPOSED, "", (), wang)
    window = make_window(store_opener=lambda: StoreLink(room.services, chair))
    qtbot.waitUntil(lambda: window.persistence.store is not None, timeout=15000)
    window.open_stored(room.case_a)
    settle(qtbot)
    presentation = window.present()
    assert presentation is not None
    settle(qtbot)
    panel = presentation.pages[-1].decision
    assert isinstance(panel, DecisionSlidePanel)
    assert "已投 1 / 3 票" in panel.tally.text()
    assert presentation.what_if is not None
    presentation.what_if.term.setValue(18)  # the committee's amendment

    from PySide6.QtGui import QShortcut

    assert presentation.findChild(QShortcut, "recordVotesShortcut") is not None  # V on the slides
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)  # the secretary opens the vote panel
    settle(qtbot)
    committee_window = window.committee.committee_window
    assert committee_window is not None and committee_window.isVisible()
    settle(qtbot, committee_window)
    assert committee_window.case_id == room.case_a
    assert committee_window.tabs.currentWidget() is committee_window.votes
    assert committee_window.decision.term.value() == 18  # prefilled from the amendment
    assert "审贷会调整" in committee_window.decision.source.text()
    cast(qtbot, committee_window, chair, Vote.APPROVE_AS_PROPOSED)
    settle(qtbot)
    assert "已投 2 / 3 票" in panel.tally.text()  # the slide followed
    cast(qtbot, committee_window, li, Vote.REJECT, "担保不足")
    settle(qtbot)
    assert panel.outcome.text() == "当前结果：拒绝贷款申请"
    presentation.close()
    committee_window.close()


def test_the_secretary_is_picked_from_the_users_and_records_for_the_members(
    qtbot: QtBot, make_committee: Callable[..., CommitteeWindow], room: Room
) -> None:
    secretary = add_user(room.services.sessions, "xu", Role.SECRETARY)
    users = room.services.committee.candidate_members(room.chair)
    dialog = SessionDialog(users, room.chair)
    qtbot.addWidget(dialog)
    assert dialog.secretary.itemData(1) == secretary.id  # secretaries come first
    fill_session(dialog, room)
    dialog.secretary.setCurrentIndex(dialog.secretary.findData(room.members[0].id))
    dialog.accept()  # she sits and votes: she cannot also record for the others
    assert dialog.spec is None and dialog.message.text() == "秘书代为记录投票，不能同时作为投票成员"
    dialog.secretary.setCurrentIndex(dialog.secretary.findData(secretary.id))
    dialog.accept()
    spec = dialog.spec
    assert spec is not None and (spec.secretary_id, spec.secretary) == (secretary.id, secretary.display_name)

    window = make_committee()
    window.create_session(spec)
    settle(qtbot, window)
    (summary,) = room.services.committee.list_sessions(room.chair)
    info = room.services.committee.session_info(summary.id, room.chair)
    assert (info.secretary_id, info.secretary) == (secretary.id, secretary.display_name)


def test_a_typed_secretary_name_is_only_printed(qtbot: QtBot, ui: Any, room: Room) -> None:
    dialog = SessionDialog(room.services.committee.candidate_members(room.chair), room.chair)
    qtbot.addWidget(dialog)
    fill_session(dialog, room)  # types 秘书小周, who is no user
    dialog.accept()
    assert dialog.spec is not None and (dialog.spec.secretary, dialog.spec.secretary_id) == ("秘书小周", None)


def _approve(room: Room, case_id: str) -> None:
    """The committee approves ``case_id`` as proposed (through the services, as the window would)."""
    from datetime import date

    from workbench.domain.committee import CommitteeRules, DecisionRule, Member

    committee, chair = room.services.committee, room.chair
    members = tuple(Member(m.id, m.display_name) for m in room.members)
    rules = CommitteeRules(DecisionRule.UNANIMOUS, 3)
    session_id = committee.create_session(date(2024, 7, 2), "三楼会议室", chair.id, members, "", rules, chair)
    committee.add_to_agenda(session_id, case_id, chair)
    for member in (chair, *room.members):
        committee.cast_vote(session_id, case_id, member.id, Vote.APPROVE_AS_PROPOSED, "", (), member)
    committee.record_decision(session_id, case_id, None, (), "", chair)


def test_an_approved_case_with_changed_terms_goes_back_to_the_committee_as_a_new_version(
    qtbot: QtBot, make_window: Callable[..., Any], room: Room
) -> None:
    _approve(room, room.case_a)
    approved = room.services.cases.open_case(room.case_a, room.officer)
    assert approved.case.stage is Stage.CONTRACT
    window = make_window(store_opener=lambda: StoreLink(room.services, room.officer))
    qtbot.waitUntil(lambda: window.persistence.store is not None, timeout=15000)
    window.open_stored(room.case_a)
    settle(qtbot)
    document = window.current().document
    document.set_field(("request", "amount"), Decimal(40000))  # the officer lowers the amount

    window.committee.submit_active()
    question = window.committee.submit_box
    assert question is not None and "重新提交审贷会" in question.informativeText()
    question.findChild(QAbstractButton, "submitAndFreeze").click()
    settle(qtbot)
    stored = room.services.cases.open_case(room.case_a, room.officer)
    assert (stored.case.stage, stored.case.request.amount) == (Stage.APPROVAL, Decimal(40000))
    assert stored.version > approved.version
    assert window.committee.last_box.text() == f"已提交贷审会（第 {stored.version} 版），案卷已冻结"
    qtbot.waitUntil(lambda: window.current().document.state.stage is Stage.APPROVAL, timeout=15000)
    assert window.current().document.undo_stack.isClean()
