"""The welcome page: shown while no case is open, every choice reachable from the keyboard."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.store.helpers import demo_path

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from pytest import MonkeyPatch
    from pytestqt.qtbot import QtBot

    from workbench.ui.main_window import MainWindow


def test_the_welcome_page_fills_the_window_until_a_case_opens_and_comes_back_after(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window()
    assert window.central.currentWidget() is window.welcome
    assert "案件库" in window.welcome.store_state.text()
    assert window.welcome.no_recent.isVisible()
    welcome = window.welcome
    assert welcome.focusProxy() is welcome.buttons["new"]  # the first choice has the focus
    chain, widget = [], welcome.buttons["new"]
    for _ in range(5):  # Tab walks the choices in order
        chain.append(widget)
        widget = widget.nextInFocusChain()
        while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            widget = widget.nextInFocusChain()
    assert chain == [welcome.buttons[k] for k in ("new", "demo_a", "demo_b", "open")] + [welcome.recent]
    QTest.keyClick(welcome.buttons["demo_a"], Qt.Key.Key_Space)  # opens demo A
    assert len(window.cases) == 1 and window.central.currentWidget() is window.tabs
    window.close_tab(0)
    assert window.central.currentWidget() is window.welcome


def test_each_button_asks_the_window_and_recent_files_open_with_enter(
    qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path, monkeypatch: MonkeyPatch
) -> None:
    window = make_window()
    window.welcome.buttons["new"].click()
    assert window.cases[-1].document.title() == "新案件"
    window.welcome.buttons["demo_b"].click()  # the page is hidden, its buttons still work
    assert len(window.cases) == 2
    asked: list[bool] = []
    monkeypatch.setattr(window, "open_file_dialog", lambda: asked.append(True))
    window._build_welcome()  # re-connect to the patched dialog
    window.welcome.buttons["open"].click()
    assert asked == [True]

    path = tmp_path / "王丽华.json"
    path.write_text(json.dumps(json.loads(demo_path("a").read_text("utf-8"))), encoding="utf-8")
    window.open_file(path)
    while window.cases:
        window.close_tab(0)
    recent = window.welcome.recent
    assert recent.isVisible() and recent.count() == 1
    recent.setFocus()
    recent.setCurrentRow(0)
    QTest.keyClick(recent, Qt.Key.Key_Return)
    assert len(window.cases) == 1 and window.cases[0].document.source.location == str(path)


def test_the_welcome_page_follows_a_language_switch(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window()
    window.set_language("en")
    try:
        assert window.welcome.buttons["new"].text() == "New case"
        assert window.central.currentWidget() is window.welcome
    finally:
        window.set_language("zh")
