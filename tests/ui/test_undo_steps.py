"""Undo takes back one committed entry at a time; a typing run in a text box is one step."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

if TYPE_CHECKING:
    from collections.abc import Callable


def _enter(edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    QTest.keyClicks(edit, text)
    QTest.keyClick(edit, Qt.Key.Key_Return)


def test_two_entries_of_one_field_are_two_undo_steps(qtbot: Any, make_window: Callable[..., Any]) -> None:
    window = make_window()
    editor = window.new_case()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)  # shortcuts need the active window
    editor.show_section("request")
    amount = editor.findChild(QLineEdit, "field:request.amount")
    _enter(amount, "1500")
    _enter(amount, "1350")
    assert editor.document.state.request.amount == Decimal(1350)
    QTest.keyClick(amount, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the window's Edit → Undo
    assert editor.document.state.request.amount == Decimal(1500)
    assert amount.text() == "1,500.00"
    QTest.keyClicks(amount, "9")  # typed, not committed: Ctrl+Z is the box's own undo
    QTest.keyClick(amount, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert amount.text() == "1,500.00"
    assert editor.document.state.request.amount == Decimal(1500)
    window.actions_by_key["undo"].trigger()
    assert editor.document.state.request.amount == Decimal(0)  # the new case's empty amount
    window.actions_by_key["redo"].trigger()
    assert editor.document.state.request.amount == Decimal(1500)
    qtbot.waitUntil(lambda: not editor.recalc.pending(), timeout=2000)


def test_a_typing_run_in_a_text_box_is_one_step_and_the_next_run_another(
    qtbot: Any, make_editor: Callable[..., Any]
) -> None:
    editor = make_editor()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=2000)  # focus changes need the active window
    editor.show_section("soft_info")
    box = editor.findChild(QPlainTextEdit, "field:soft_info.reputation")
    box.setFocus()
    QTest.keyClicks(box, "good")
    assert editor.document.undo_stack.count() == 1
    other = editor.findChild(QPlainTextEdit, "field:soft_info.character")
    other.setFocus()  # leaving the box ends the run
    box.setFocus()
    QTest.keyClicks(box, " payer")
    assert editor.document.state.soft_info.reputation == "good payer"
    assert editor.document.undo_stack.count() == 2
    editor.document.undo_stack.undo()
    assert editor.document.state.soft_info.reputation == "good"
