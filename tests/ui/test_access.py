"""No screen offers what the signed-in person may not do: a colleague's case opens read-only with the
reason, 提交贷审会 and the committee window are greyed out for roles that cannot use them, and the
committee window greys out the steps of the chair for a member. The rules are the services'."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtWidgets import QLineEdit

from tests.store.helpers import add_user
from tests.ui.committee_room import Room, make_room, settle
from workbench.domain.records import Role
from workbench.ui.access import read_only_reason
from workbench.ui.stale_tabs import BANNER, StaleBanner
from workbench.ui.store_link import StoreLink

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from workbench.ui.main_window import MainWindow


@pytest.fixture
def room(tmp_path: Path) -> Iterator[Room]:
    made = make_room(tmp_path)
    yield made
    made.services.close()


def _open(qtbot: QtBot, window: MainWindow, case_id: str) -> Any:
    qtbot.waitUntil(lambda: window.persistence.store is not None, timeout=15_000)
    window.open_stored(case_id)
    qtbot.waitUntil(lambda: bool(window.cases), timeout=10_000)
    return window.cases[-1]


def test_a_colleagues_case_opens_read_only_and_her_own_does_not(
    qtbot: QtBot, make_window: Callable[..., MainWindow], room: Room
) -> None:
    colleague = add_user(room.services.sessions, "zhang", Role.OFFICER)
    draft = room.services.cases.create_case(_fresh_case(), room.officer)  # liumin's, not submitted
    window = make_window(store_opener=lambda: StoreLink(room.services, colleague))
    opened = _open(qtbot, window, draft.case.id)
    reason = read_only_reason(opened.document)
    assert reason.startswith("用户 zhang（客户经理）无权修改案卷") and "只能查看" in reason
    banner = opened.editor.findChild(StaleBanner, BANNER)
    assert banner is not None and banner.isVisible() and banner.text.text() == reason
    page = opened.editor.show_section("applicant")
    assert all(not edit.isEnabled() for edit in page.findChildren(QLineEdit) if edit.isVisible())
    assert window.undo_group.activeStack() is None
    assert not window.actions_by_key["submit"].isEnabled()
    assert window.actions_by_key["submit"].toolTip() == "您的角色或权限不能执行此操作"

    own = make_window(store_opener=lambda: StoreLink(room.services, room.officer))
    mine = _open(qtbot, own, draft.case.id)
    assert read_only_reason(mine.document) == ""
    assert own.undo_group.activeStack() is mine.document.undo_stack
    assert own.actions_by_key["submit"].isEnabled()
    assert own.actions_by_key["committee"].isEnabled() is False  # an officer neither chairs nor votes


def _fresh_case() -> Any:
    import dataclasses
    import uuid

    from workbench.ui.case_io import open_demo

    return dataclasses.replace(open_demo("A")[0], id=str(uuid.uuid4()))


def test_roles_that_cannot_submit_or_sit_see_those_actions_greyed(
    qtbot: QtBot, make_window: Callable[..., MainWindow], room: Room
) -> None:
    reviewer = add_user(room.services.sessions, "shen", Role.REVIEWER)
    window = make_window(store_opener=lambda: StoreLink(room.services, reviewer))
    qtbot.waitUntil(lambda: window.persistence.store is not None, timeout=15_000)
    assert not window.actions_by_key["submit"].isEnabled()
    assert not window.actions_by_key["committee"].isEnabled()
    assert not window.actions_by_key["users"].isVisible()
    chair = make_window(store_opener=lambda: StoreLink(room.services, room.chair))
    qtbot.waitUntil(lambda: chair.persistence.store is not None, timeout=15_000)
    assert chair.actions_by_key["committee"].isEnabled()
    assert not chair.actions_by_key["submit"].isEnabled()  # the chair submits no case


def test_a_member_sees_the_chairs_steps_greyed_in_the_committee_window(
    qtbot: QtBot, ui: Any, room: Room
) -> None:
    from workbench.domain.committee import CommitteeRules, Member
    from workbench.ui.committee.window import CommitteeWindow

    committee, chair, (wang, li) = room.services.committee, room.chair, room.members
    members = [Member(wang.id, ""), Member(li.id, "")]
    session_id = committee.create_session(
        date(2024, 7, 2), "三楼会议室", chair.id, members, "", CommitteeRules(), chair
    )
    committee.add_to_agenda(session_id, room.case_a, chair)
    seen = {}
    for user in (wang, chair):
        window = CommitteeWindow(StoreLink(room.services, user))
        qtbot.addWidget(window)
        window.show()
        settle(qtbot, window)
        window.open_session(session_id)
        settle(qtbot, window)
        window.select_case(room.case_a)
        settle(qtbot, window)
        seen[user.username] = {
            name: button.isEnabled()
            for name, button in (
                ("new", window.new_button),
                ("add", window.add_button),
                ("close", window.close_button),
                ("vote", window.votes.record),
                ("decide", window.decision.record),
            )
        }
    assert seen["wang"] == {"new": False, "add": False, "close": False, "vote": True, "decide": False}
    assert seen["zhou"] == {"new": True, "add": True, "close": True, "vote": True, "decide": True}
