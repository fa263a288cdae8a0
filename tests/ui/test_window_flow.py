"""The window's flow: Quit → Save saves and then quits; a new case starts with today and the officer."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QApplication, QLineEdit

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from pytestqt.qtbot import QtBot

COST = ("balance_sheet", "stock", 0, "unit_cost")


def test_quit_then_save_saves_every_modified_case_and_quits(
    qtbot: QtBot, make_window: Callable[..., Any], tmp_path: Path
) -> None:
    window = make_window()
    paths = [tmp_path / "a.json", tmp_path / "b.json"]
    for name, path in zip(("A", "B"), paths, strict=True):
        document = window.open_demo(name).document
        with qtbot.waitSignal(window.persistence.saved, timeout=5000):
            window.persistence.save_as_file(document, path)
        document.set_field(COST, Decimal(31000))
    asked: list[str] = []

    def save(title: str) -> str:
        asked.append(title)
        return "save"

    window.ask_unsaved = save
    window.actions_by_key["quit"].trigger()  # Ctrl+Q
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10000)
    assert len(asked) == 2 and not window.cases
    for path in paths:
        stored = json.loads(path.read_text(encoding="utf-8"))
        assert stored["case"]["balance_sheet"]["stock"][0]["unit_cost"] == "31000"


def test_quit_stays_when_a_save_fails(qtbot: QtBot, make_window: Callable[..., Any], tmp_path: Path) -> None:
    window = make_window()
    document = window.open_demo("A").document
    path = tmp_path / "gone" / "a.json"
    path.parent.mkdir()
    with qtbot.waitSignal(window.persistence.saved, timeout=5000):
        window.persistence.save_as_file(document, path)
    document.set_field(COST, Decimal(31000))
    path.unlink()
    path.parent.rmdir()
    path.parent.write_text("not a folder", encoding="utf-8")  # the save cannot succeed
    window.ask_unsaved = lambda _title: "save"
    with qtbot.waitSignal(window.persistence.failed, timeout=5000):
        window.actions_by_key["quit"].trigger()
    qtbot.wait(50)
    assert window.isVisible() and len(window.cases) == 1  # nothing lost, the window stays
    window.ask_unsaved = lambda _title: "discard"


def test_a_new_case_starts_with_today_and_the_signed_in_officer(
    qtbot: QtBot, make_window: Callable[..., Any], tmp_path: Path
) -> None:
    from tests.store.helpers import add_user
    from workbench.domain.records import Role
    from workbench.services.store import open_store
    from workbench.ui.store_link import StoreLink

    services = open_store(f"sqlite:///{tmp_path / 'workbench.sqlite3'}")
    try:
        officer = add_user(services.sessions, "liumin", Role.OFFICER)
        window = make_window(store_opener=lambda: StoreLink(services, officer))
        qtbot.waitUntil(lambda: window.persistence.store is not None, timeout=15000)
        editor = window.new_case()
        state = editor.document.state
        assert state.officers.lead == officer.display_name
        assert state.dates.survey_date == date.today()  # she types it the evening of her visit
        assert state.dates.applied_on is None  # copied from the signed application, never guessed
        assert editor.document.undo_stack.isClean()  # a start, not an edit: closing asks nothing
        editor.show_section("applicant")
        assert editor.findChild(QLineEdit, "field:officers.lead").text() == officer.display_name
        assert editor.findChild(QLineEdit, "field:dates.survey_date").text() == date.today().isoformat()
        assert editor.findChild(QLineEdit, "field:dates.applied_on").text() == ""
        assert QApplication.focusWidget() is editor.findChild(QLineEdit, "field:case_number")  # type away
        window.close()
    finally:
        services.close()


def test_without_a_store_a_new_case_still_starts_today(make_window: Callable[..., Any]) -> None:
    editor = make_window().new_case()
    assert editor.document.state.dates.survey_date == date.today()
    assert editor.document.state.officers.lead == ""
