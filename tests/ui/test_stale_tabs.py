"""A tab whose stored case moved on: after the committee's decision (through the committee window) or
the officer's submission the tab reloads in place and turns read-only while frozen; a tab with
unsaved edits keeps them, says so in a banner and offers reload (edits one undo away) or a copy;
autosave holds meanwhile. Real SQLite store, the committee room of ``committee_room``."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton

from tests.store.helpers import demo
from tests.ui.committee_room import Room, make_room, settle
from workbench.domain.case_file import Stage
from workbench.domain.committee import CommitteeRules, Member, Vote
from workbench.ui import autosave
from workbench.ui.access import read_only_reason
from workbench.ui.stale_tabs import BANNER, StaleBanner
from workbench.ui.store_link import StoreLink

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from workbench.ui.main_window import MainWindow
    from workbench.ui.widgets.case_editor import CaseEditor

SHOTS = "/tmp/polish"


@pytest.fixture
def room(tmp_path: Path) -> Iterator[Room]:
    made = make_room(tmp_path)
    yield made
    made.services.close()


@pytest.fixture(autouse=True)
def no_autosave_race(monkeypatch: pytest.MonkeyPatch) -> None:
    """The edits of these tests stay unsaved for as long as the test needs them to."""
    monkeypatch.setattr(autosave, "AUTOSAVE_DELAY_MS", 600_000)


def banner(editor: CaseEditor) -> StaleBanner | None:
    found = editor.findChild(StaleBanner, BANNER)
    return found if isinstance(found, StaleBanner) and found.isVisible() else None


def pages_enabled(editor: CaseEditor) -> bool:
    """Whether the open page's contents take edits (a frozen page still scrolls)."""
    from PySide6.QtWidgets import QLineEdit

    page = editor.page(editor.current_section())
    fields = page.findChildren(QLineEdit)
    return bool(fields) and all(f.isEnabled() for f in fields) and editor.stack.isEnabled()


def open_window(qtbot: QtBot, make_window: Callable[..., MainWindow], room: Room, user: Any) -> MainWindow:
    window = make_window(store_opener=lambda: StoreLink(room.services, user))
    qtbot.waitUntil(lambda: window.persistence.store is not None, timeout=15000)
    settle(qtbot)
    return window


def open_case(qtbot: QtBot, window: MainWindow, case_id: str) -> CaseEditor:
    window.open_stored(case_id)
    settle(qtbot)
    current = window.current()
    assert current is not None and current.document.source.location == case_id
    return current.editor


def test_a_decision_in_the_committee_window_reloads_the_frozen_tab(
    qtbot: QtBot, make_window: Callable[..., MainWindow], room: Room
) -> None:
    window = open_window(qtbot, make_window, room, room.chair)
    editor = open_case(qtbot, window, room.case_a)
    document = editor.document
    assert document.state.stage is Stage.APPROVAL
    shown = banner(editor)
    assert shown is not None and shown.text.text() == "案卷已提交贷审会，已冻结：只能查看，不能修改。"
    assert not shown.reload.isVisible() and not pages_enabled(editor)
    from PySide6.QtWidgets import QScrollArea

    assert all(area.isEnabled() for area in editor.page("applicant").findChildren(QScrollArea))  # it scrolls
    editor.show_section("income")  # a page built later is locked too
    assert not pages_enabled(editor)
    editor.show_section("applicant")
    assert window.undo_group.activeStack() is None  # Edit → Undo cannot touch a frozen case
    assert window.autosaver.stopped(document)
    editor.resize(1100, 700)
    editor.grab().save(f"{SHOTS}/frozen_banner_zh.png")

    committee = room.services.committee
    members = [Member(m.id, "") for m in room.members]
    session_id = committee.create_session(
        date(2024, 7, 2), "三楼会议室", room.chair.id, members, "秘书", CommitteeRules(), room.chair
    )
    committee.add_to_agenda(session_id, room.case_a, room.chair)
    for member in (room.chair, *room.members):
        committee.cast_vote(session_id, room.case_a, member.id, Vote.APPROVE_AS_PROPOSED, "", (), member)
    before = int(document.source.version)

    committee_window = window.committee.open_window()
    assert committee_window is not None
    committee_window.open_session(session_id, select_case=room.case_a)
    settle(qtbot, committee_window)
    qtbot.mouseClick(committee_window.decision.record, Qt.MouseButton.LeftButton)
    settle(qtbot, committee_window)
    settle(qtbot)

    stored = room.services.cases.open_case(room.case_a, room.officer)
    assert stored.case.stage is Stage.CONTRACT and stored.version == before + 1
    assert document.source.version == str(stored.version)
    assert document.state == stored.case and document.undo_stack.isClean()
    # no longer frozen, but the chair edits no case (the officer does): read-only with that reason
    shown = banner(editor)
    assert shown is not None and shown.text.text() == read_only_reason(document) != ""
    assert not pages_enabled(editor) and window.undo_group.activeStack() is None
    assert not window.autosaver.stopped(document)
    committee_window.close()


def test_submitting_reloads_the_tab_in_place_read_only(
    qtbot: QtBot, make_window: Callable[..., MainWindow], room: Room
) -> None:
    window = open_window(qtbot, make_window, room, room.officer)
    fresh = room.services.cases.create_case(
        dataclasses.replace(demo("a"), id=str(uuid.uuid4())), room.officer
    )
    editor = open_case(qtbot, window, fresh.case.id)
    assert banner(editor) is None and pages_enabled(editor)
    window.committee.submit_active()
    assert window.committee.submit_box is not None
    window.committee.submit_box.findChild(QAbstractButton, "submitAndFreeze").click()  # yes, freeze it
    settle(qtbot)
    assert len(window.cases) == 1 and window.current() is not None
    assert window.current().editor is editor  # the same tab, not closed and reopened
    assert editor.document.source.version == "2" and editor.document.state.stage is Stage.APPROVAL
    assert banner(editor) is not None and not pages_enabled(editor)
    assert window.undo_group.activeStack() is None


def test_a_tab_with_edits_keeps_them_and_offers_reload_or_a_copy(
    qtbot: QtBot, make_window: Callable[..., MainWindow], room: Room
) -> None:
    window = open_window(qtbot, make_window, room, room.officer)
    cases = room.services.cases
    mine = cases.create_case(dataclasses.replace(demo("a"), id=str(uuid.uuid4())), room.officer)
    editor = open_case(qtbot, window, mine.case.id)
    document = editor.document
    window.new_case()  # a second tab to switch to

    theirs = dataclasses.replace(
        mine.case, borrower=dataclasses.replace(mine.case.borrower, phone="13900000000")
    )
    cases.save_case(theirs, mine.version, room.officer)  # elsewhere: another window, the committee …
    document.set_field(("borrower", "name"), "王秀英（改）")
    window.tabs.setCurrentIndex(0)  # back to her tab: the store has moved on
    settle(qtbot)

    shown = banner(editor)
    assert shown is not None and shown.reload.isVisible() and shown.copy.isVisible()
    assert "第 2 版" in shown.text.text() and "未保存的修改" in shown.text.text()
    assert "第 2 版" in window.statusBar().currentMessage()
    assert document.state.borrower.name == "王秀英（改）" and not document.undo_stack.isClean()
    assert window.autosaver.stopped(document)  # autosave would only meet the conflict
    editor.resize(1100, 700)
    editor.grab().save(f"{SHOTS}/stale_banner_zh.png")

    qtbot.mouseClick(shown.reload, Qt.MouseButton.LeftButton)
    assert document.state.borrower.phone == "13900000000" and document.source.version == "2"
    assert document.undo_stack.isClean() and banner(editor) is None
    assert not window.autosaver.stopped(document)
    document.undo_stack.undo()  # her edit is one undo step away
    assert document.state.borrower.name == "王秀英（改）"


def test_keep_as_copy_stores_her_version_as_a_new_case(
    qtbot: QtBot, make_window: Callable[..., MainWindow], room: Room
) -> None:
    window = open_window(qtbot, make_window, room, room.officer)
    cases = room.services.cases
    mine = cases.create_case(dataclasses.replace(demo("b"), id=str(uuid.uuid4())), room.officer)
    editor = open_case(qtbot, window, mine.case.id)
    document = editor.document
    window.new_case()
    theirs = dataclasses.replace(
        mine.case, borrower=dataclasses.replace(mine.case.borrower, phone="13700000000")
    )
    cases.save_case(theirs, mine.version, room.officer)
    document.set_field(("borrower", "name"), "她的版本")
    window.tabs.setCurrentIndex(0)
    settle(qtbot)
    shown = banner(editor)
    assert shown is not None

    window.set_language("en")  # the editors are rebuilt: the banner stays, in English
    english = banner(window.cases[0].editor)
    assert english is not None and "version 2" in english.text.text()
    window.cases[0].editor.resize(1100, 700)
    window.cases[0].editor.grab().save(f"{SHOTS}/stale_banner_en.png")
    window.set_language("zh")
    rebuilt = window.cases[0].editor
    assert banner(rebuilt) is not None

    qtbot.mouseClick(banner(rebuilt).copy, Qt.MouseButton.LeftButton)  # type: ignore[union-attr]
    settle(qtbot)
    assert document.source.kind == "store" and document.source.location != mine.case.id
    copy = cases.open_case(document.source.location, room.officer)
    assert copy.case.borrower.name == "她的版本"
    assert cases.open_case(mine.case.id, room.officer).case.borrower.name == mine.case.borrower.name
    assert banner(rebuilt) is None and document.undo_stack.isClean()
