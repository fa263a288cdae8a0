"""The decision slide with a session's votes, tally and outcome, at 1024×768 and 1920×1080, Chinese and
English: nothing cut off (the presentation's fit check), screenshots saved to look at; the committee
window at the same sizes; the secretary's button asks for the vote panel."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt

from tests.ui.committee_room import PASSPHRASE, SHOTS, Room, make_room, settle
from tests.ui.test_presentation import cut_off
from workbench.domain.calc import compute_case
from workbench.domain.committee import CommitteeRules, Member, Terms, Vote
from workbench.domain.policy import DEFAULT_POLICY
from workbench.ui import i18n
from workbench.ui.committee.window import CommitteeWindow
from workbench.ui.presentation.decision_slide import DecisionSlidePanel
from workbench.ui.presentation.window import PresentationWindow
from workbench.ui.store_link import StoreLink

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from pytestqt.qtbot import QtBot

SIZES = ((1024, 768), (1920, 1080))
LONG_REASON = (
    "经营性现金流季节波动较大，建议期限延长至十八个月并按季节性还款安排，放款前办妥抵押登记和受托支付手续"
)


@pytest.fixture
def room(tmp_path: Path) -> Iterator[Room]:
    made = make_room(tmp_path)
    yield made
    made.services.close()


def voted_session(room: Room, *, decide: bool) -> str:
    """A session with case A on the agenda: the chair approves with changes, Wang with conditions,
    Li (veto) has not voted yet — or everyone has and the decision is recorded."""
    committee, chair, (wang, li) = room.services.committee, room.chair, room.members
    session_id = committee.create_session(
        date(2024, 7, 2),
        "三楼会议室",
        chair.id,
        [Member(wang.id, ""), Member(li.id, "", veto=True)],
        "秘书小周",
        CommitteeRules(),
        chair,
    )
    committee.add_to_agenda(session_id, room.case_a, chair)
    committee.cast_vote(session_id, room.case_a, chair.id, Vote.APPROVE_WITH_CHANGES, LONG_REASON, (), chair)
    committee.cast_vote(
        session_id, room.case_a, wang.id, Vote.APPROVE_WITH_CONDITIONS, "抵押登记", ("放款前抵押登记",), wang
    )
    if decide:
        committee.cast_vote(session_id, room.case_a, li.id, Vote.APPROVE_AS_PROPOSED, "", (), chair)
        committee.record_decision(session_id, room.case_a, None, (), "", chair)
    return session_id


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("decided", [False, True], ids=["voting", "decided"])
def test_the_decision_slide_shows_votes_tally_and_outcome_without_cut_off(
    qtbot: QtBot, ui: Any, room: Room, language: str, size: tuple[int, int], decided: bool
) -> None:
    i18n.set_language(language)
    session_id = voted_session(room, decide=decided)
    record = room.services.cases.open_case(room.case_a, room.officer)
    window = PresentationWindow(record.case, compute_case(record.case, DEFAULT_POLICY), size)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.go_to(window.count - 1)
    panel = window.current_page().decision
    assert isinstance(panel, DecisionSlidePanel)
    request = record.case.request
    panel.show_amendment(Terms(Decimal(45000), 18, request.rate, request.method))
    panel.show_board(room.services.committee.board(session_id, room.case_a, room.chair))
    qtbot.wait(1)
    texts = [label.text() for label in panel.findChildren(type(panel.outcome)) if label.isVisible()]
    if language == "zh":
        assert "批准（有变更）" in texts and "有条件批准" in texts
        assert ("未投票" in texts) is not decided
        expected = "决议：调整方案后批准" if decided else "当前结果：未达法定人数，未作决定"
        assert panel.outcome.text() == expected
        assert f"已投 {3 if decided else 2} / 3 票，法定人数 3" in panel.tally.text()
        assert panel.amendment.text().startswith("审贷会调整：45,000.00，18 个月")
        if decided:
            assert panel.final_terms.text() == "最终条件：45,000.00，12 个月，年利率 7.2 %，等额本息"
    else:
        assert "Approve with changes" in texts
    assert panel.record_button.isEnabled() is not decided
    problems = [
        f"{label.text()!r}: {why}"
        for label in panel.findChildren(type(panel.outcome))
        if (why := cut_off(label, window))
    ]
    assert not problems, "\n".join(problems)
    SHOTS.mkdir(parents=True, exist_ok=True)
    state = "decided" if decided else "voting"
    window.grab().save(str(SHOTS / f"decision_slide_{language}_{size[0]}x{size[1]}_{state}.png"))


def test_the_record_button_asks_for_the_vote_panel(qtbot: QtBot, ui: Any, room: Room) -> None:
    record = room.services.cases.open_case(room.case_a, room.officer)
    window = PresentationWindow(record.case, compute_case(record.case, DEFAULT_POLICY), (1024, 768))
    qtbot.addWidget(window)
    panel = window.pages[-1].decision
    assert isinstance(panel, DecisionSlidePanel)
    with qtbot.waitSignal(panel.record_votes_requested):
        qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    assert window.focusWidget() is not panel.record_button  # the slides keep the keys


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_committee_window_screens(
    qtbot: QtBot, ui: Any, room: Room, language: str, size: tuple[int, int]
) -> None:
    i18n.set_language(language)
    session_id = voted_session(room, decide=False)
    room.services.committee.add_to_agenda(session_id, room.case_b, room.chair)
    window = CommitteeWindow(StoreLink(room.services, room.chair))
    window.ask_identity = lambda: (room.identity, PASSPHRASE)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot, window)
    window.open_session(session_id, select_case=room.case_a)
    settle(qtbot, window)
    assert window.votes.model.rowCount() == 2
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / f"committee_{language}_{size[0]}x{size[1]}_votes.png"))
    window.tabs.setCurrentWidget(window.decision)
    qtbot.wait(1)
    window.grab().save(str(SHOTS / f"committee_{language}_{size[0]}x{size[1]}_decision.png"))
