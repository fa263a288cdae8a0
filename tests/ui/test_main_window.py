"""The main window: shortcuts, one undo stack per tab, saving to files and to the store in the
background, save conflicts (reload / save as copy) that never lose an edit, the store's case list,
and switching the language without a restart."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QListWidget,
    QMessageBox,
    QTableView,
    QTabWidget,
)

from workbench.domain.errors import ConcurrentEditError
from workbench.ui.dialogs.conflict_dialog import ConflictChoice, ConflictDialog
from workbench.ui.widgets.case_editor import SECTION_KEYS

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from workbench.ui.main_window import MainWindow

COST = ("balance_sheet", "stock", 0, "unit_cost")
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_actions_and_shortcuts(make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    a = window.actions_by_key
    assert a["new"].shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert a["save"].shortcut() == QKeySequence("Ctrl+S")
    assert a["undo"].shortcut() == QKeySequence("Ctrl+Z")
    assert QKeySequence("Ctrl+Shift+Z") in a["redo"].shortcuts()
    assert [s.toString() for s in a["next_section"].shortcuts()] == ["Ctrl+PgDown", "Alt+Down"]
    assert window.windowTitle() == "小微信贷案件工作台"
    box = window.about()
    assert box.isVisible()
    box.close()


def test_each_tab_has_its_own_undo_stack(qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    first = window.open_demo("A")
    second = window.open_demo("B")
    second.document.set_field(("borrower", "name"), "改名")
    undo = window.actions_by_key["undo"]
    assert window.tabs.tabText(1) == "改名 *"
    assert window.isWindowModified()
    window.tabs.setCurrentIndex(0)
    assert not undo.isEnabled()  # tab A has nothing to undo
    assert not window.isWindowModified()
    window.tabs.setCurrentIndex(1)
    assert undo.isEnabled()
    undo.trigger()
    assert second.document.state.borrower.name != "改名"
    assert not window.isWindowModified()
    assert first.document.undo_stack.count() == 0


def _wait_clean(qtbot: QtBot, window: MainWindow) -> None:
    current = window.current()
    assert current is not None
    qtbot.waitUntil(lambda: current.document.undo_stack.isClean(), timeout=5000)


def test_save_as_file_open_it_again_and_resolve_a_conflict_by_reload(
    qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    window = make_window()
    editor = window.open_demo("A")
    document = editor.document
    path = tmp_path / "wang.json"
    with qtbot.waitSignal(window.persistence.saved, timeout=5000):
        window.persistence.save_as_file(document, path)
    assert document.source.kind == "file" and document.source.location == str(path)
    assert json.loads(path.read_text(encoding="utf-8"))["case"]["borrower"]["name"] == "王丽华"
    assert str(path) in window._recent()

    document.set_field(COST, Decimal(30000))
    window.actions_by_key["save"].trigger()  # Ctrl+S: back to the same file, in the background
    _wait_clean(qtbot, window)
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["case"]["balance_sheet"]["stock"][0]["unit_cost"] == "30000"

    # Someone else changes the file; our next save must not overwrite it.
    stored["case"]["borrower"]["name"] = "王丽华（他人修改）"
    path.write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")
    document.set_field(COST, Decimal(31000))
    asked: list[str] = []

    def reload(title: str, _detail: str) -> ConflictChoice:
        asked.append(title)
        return ConflictChoice.RELOAD

    window.persistence.ask_conflict = reload
    window.save()
    qtbot.waitUntil(lambda: document.state.borrower.name == "王丽华（他人修改）", timeout=5000)
    assert asked == ["wang.json"]
    assert document.undo_stack.isClean()
    document.undo_stack.undo()  # the officer's edit is one undo step away, never lost
    assert document.state.balance_sheet.stock[0].unit_cost == Decimal(31000)

    reopened = window.open_file(path)
    assert reopened is editor  # already open: its tab comes forward


def test_a_broken_file_is_refused_with_its_reason(
    make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    window = make_window()
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "workbench-case", "version": 1, "case": {"id": 5}}', encoding="utf-8")
    assert window.open_file(bad) is None
    assert "无法打开案件文件" in window.statusBar().currentMessage()
    assert not window.cases


def test_conflict_dialog_buttons(ui: Any, qtbot: QtBot) -> None:
    dialog = ConflictDialog("王丽华", "case x: edited version 1, stored version 2")
    qtbot.addWidget(dialog)
    texts = {b.text() for b in dialog.findChildren(QAbstractButton)}
    assert {"重新载入", "另存为副本", "取消"} <= texts
    dialog.copy_button.click()
    assert dialog.choice() is ConflictChoice.SAVE_AS_COPY


def test_the_store_lists_opens_saves_and_resolves_a_conflict_by_copy(
    qtbot: QtBot, make_window: Callable[..., MainWindow], store_url: str
) -> None:
    from tests.ui.accounts import signed_link

    window = make_window(store_opener=lambda: signed_link(store_url))
    qtbot.waitUntil(lambda: window.persistence.store is not None, timeout=15000)
    store = window.persistence.store
    assert store is not None
    assert "案件库" in window.case_list.store_state.text()

    editor = window.open_demo("A")
    document = editor.document
    with qtbot.waitSignal(window.persistence.saved, timeout=5000):
        window.save()  # a new case goes to the store
    assert document.source.kind == "store" and document.source.version == "1"
    table = window.case_list.findChild(QTableView, "storeCases")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=5000)
    assert table.model().data(table.model().index(0, 0)) == "王丽华"

    document.set_field(COST, Decimal(30000))
    window.save()
    _wait_clean(qtbot, window)
    assert document.source.version == "2"

    # A colleague saves the same case meanwhile.
    other = signed_link(store_url)
    record = other.open(document.state.id)
    other.save(record.case.__class__(**{**_fields(record.case), "product": "他人修改"}), record.version)
    document.set_field(COST, Decimal(32000))
    window.persistence.ask_conflict = lambda _t, detail: ConflictChoice.SAVE_AS_COPY
    original_id = document.state.id
    window.save()
    qtbot.waitUntil(
        lambda: document.source.kind == "store" and document.state.id != original_id, timeout=5000
    )
    _wait_clean(qtbot, window)
    assert document.state.balance_sheet.stock[0].unit_cost == Decimal(32000)  # nothing lost
    assert other.open(original_id).case.product == "他人修改"  # nor theirs
    qtbot.waitUntil(lambda: table.model().rowCount() == 2, timeout=5000)

    with pytest.raises(ConcurrentEditError):
        other.save(record.case, record.version)  # the service's own guard, as the window relies on it
    other.close()

    window.close_tab(0)
    assert not window.cases
    window.case_list.store_case_requested.emit(original_id)
    qtbot.waitUntil(lambda: len(window.cases) == 1, timeout=5000)
    assert window.current().document.state.product == "他人修改"
    assert window.current().document.source.version == "3"


def _fields(case: Any) -> dict[str, Any]:
    return {name: getattr(case, name) for name in case.__dataclass_fields__}


def _visible_texts(window: MainWindow) -> list[str]:
    texts = [a.text() for menu in window.menuBar().actions() for a in [menu, *menu.menu().actions()]]
    editor = window.current().editor
    for key in SECTION_KEYS:
        page = editor.page(key)
        texts += [w.text() for w in page.findChildren(QLabel) if not w.objectName().startswith("figure:")]
        texts += [w.title() for w in page.findChildren(QGroupBox)]
        texts += [w.text() for w in page.findChildren(QAbstractButton)]
        for tabs in page.findChildren(QTabWidget):
            texts += [tabs.tabText(i) for i in range(tabs.count())]
        for view in page.findChildren(QTableView):
            model = view.model()
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
    sections = editor.findChild(QListWidget, "sectionList")
    texts += [sections.item(i).text() for i in range(sections.count())]
    return [t for t in texts if t]


def test_language_switch_without_restart_keeps_the_open_cases(
    qtbot: QtBot, make_window: Callable[..., MainWindow], settings: Any
) -> None:
    window = make_window()
    editor = window.new_case()
    editor.document.set_field(("request", "amount"), Decimal(1000))
    editor.show_section("equity")
    window.set_language("en")
    assert settings.value("ui/language") == "en"
    current = window.current()
    assert current.editor is not editor  # rebuilt …
    assert current.editor.current_section() == "equity"  # … where the officer was
    assert window.menuBar().actions()[0].text() == "&File"
    leftovers = [t for t in _visible_texts(window) if CJK.search(t)]
    assert leftovers == []
    window.actions_by_key["undo"].trigger()  # the undo history survived the switch
    assert current.document.state.request.amount == Decimal(0)
    window.set_language("zh")
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    assert current.editor.sections.item(0).text() == "申请人与家庭"


def test_closing_a_modified_tab_asks(make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    editor = window.open_demo("A")
    editor.document.set_field(COST, Decimal(1))
    window.ask_unsaved = lambda _title: "cancel"
    assert window.close_tab(0) is False
    assert len(window.cases) == 1
    window.ask_unsaved = lambda _title: "discard"
    assert window.close_tab(0) is True
    assert window.windowTitle() == "小微信贷案件工作台"
    assert isinstance(QMessageBox, type)
