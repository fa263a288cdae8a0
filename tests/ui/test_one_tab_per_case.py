"""One tab per case: a double-click in the case dock, the welcome page's recent files and the
committee window's agenda open a case once; opening a case that is open shows its tab."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt

from tests.ui.committee_room import Room, make_room, settle
from workbench.services.case_files import write_case_file
from workbench.ui.case_io import open_demo
from workbench.ui.store_link import StoreLink

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from PySide6.QtWidgets import QAbstractItemView
    from pytestqt.qtbot import QtBot

    from workbench.ui.main_window import MainWindow


@pytest.fixture
def room(tmp_path: Path) -> Iterator[Room]:
    made = make_room(tmp_path)
    yield made
    made.services.close()


def _double_click(qtbot: QtBot, view: QAbstractItemView, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    assert rect.isValid()
    # what the system sends for a double-click: press, release, then a double-click press
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_double_click_in_the_dock_opens_a_stored_case_once(
    qtbot: QtBot, make_window: Callable[..., MainWindow], room: Room
) -> None:
    window = make_window(store_opener=lambda: StoreLink(room.services, room.officer))
    table = window.case_list.table
    qtbot.waitUntil(lambda: table.model() is not None and table.model().rowCount() == 2, timeout=15_000)
    for _ in range(2):  # and again once it is open: its tab comes to the front
        _double_click(qtbot, table, 0)
        settle(qtbot)
        assert len(window.cases) == 1
    window.new_case()
    assert window.tabs.currentIndex() == 1
    _double_click(qtbot, table, 0)
    settle(qtbot)
    assert len(window.cases) == 2 and window.tabs.currentIndex() == 0


def test_recent_files_in_the_dock_and_on_the_welcome_page_open_once(
    qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path, monkeypatch: Any
) -> None:
    path = tmp_path / "wang.json"
    write_case_file(open_demo("A")[0], path)
    window = make_window()
    window._remember(str(path))
    window.welcome.set_recent([str(path)])
    _double_click(qtbot, window.welcome.recent, 0)
    assert len(window.cases) == 1
    window.case_list.set_local([str(path)])
    _double_click(qtbot, window.case_list.local, 2)  # after demo cases A and B
    assert len(window.cases) == 1
    monkeypatch.chdir(tmp_path)
    window.new_case()
    assert window.open_file(path.relative_to(tmp_path)) is window.cases[0].editor  # the same file
    assert len(window.cases) == 2 and window.tabs.currentIndex() == 0
    _double_click(qtbot, window.case_list.local, 0)  # a demo case: one new tab, not two
    assert len(window.cases) == 3


def test_an_agenda_case_in_the_committee_window_shows_its_tab(
    qtbot: QtBot, make_window: Callable[..., MainWindow], room: Room
) -> None:
    from workbench.domain.committee import CommitteeRules, Member

    committee, chair, (wang, li) = room.services.committee, room.chair, room.members
    members = [Member(wang.id, ""), Member(li.id, "")]
    session_id = committee.create_session(
        date(2024, 7, 2), "三楼会议室", chair.id, members, "", CommitteeRules(), chair
    )
    committee.add_to_agenda(session_id, room.case_a, chair)
    window = make_window(store_opener=lambda: StoreLink(room.services, chair))
    qtbot.waitUntil(lambda: window.persistence.store is not None, timeout=15_000)
    window.open_stored(room.case_a)
    settle(qtbot)
    window.new_case()
    committee_window = window.committee.open_window()
    assert committee_window is not None
    qtbot.addWidget(committee_window)
    settle(qtbot, committee_window)
    committee_window.open_session(session_id)
    settle(qtbot, committee_window)
    _double_click(qtbot, committee_window.agenda_table, 0)
    settle(qtbot, committee_window)
    assert len(window.cases) == 2 and window.tabs.currentIndex() == 0
    assert window.cases[0].document.source.location == room.case_a
