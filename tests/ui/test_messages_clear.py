"""A refused entry's message goes once the entry is fixed, in the editor's line and the window's
status bar, also when the officer fixed it in another section than the one she is in."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from workbench.ui.widgets.table_editor import TableEditor

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.ui.widgets.case_editor import CaseEditor

AMOUNT_REFUSED = "申请金额：不是有效的数字：abc"


def _enter(editor: CaseEditor, path: str, text: str) -> None:
    edit = editor.findChild(QLineEdit, f"field:{path}")
    assert edit is not None, path
    edit.setFocus()
    edit.selectAll()
    QTest.keyClicks(edit, text)
    QTest.keyClick(edit, Qt.Key.Key_Return)


def test_the_message_goes_when_the_field_is_fixed_also_from_another_section(
    make_window: Callable[..., Any],
) -> None:
    window = make_window()
    editor = window.new_case()
    editor.show_section("request")
    _enter(editor, "request.amount", "abc")
    assert editor.status.isVisible() and editor.status.text() == AMOUNT_REFUSED
    assert window.statusBar().currentMessage() == AMOUNT_REFUSED

    editor.show_section("applicant")
    _enter(editor, "borrower.phone", "13800000000")  # another field: the amount is still wrong
    assert editor.status.text() == AMOUNT_REFUSED

    editor.show_section("request")
    _enter(editor, "request.amount", "50000")
    assert editor.status.isHidden()
    assert window.statusBar().currentMessage() == ""


def test_the_newest_refusal_still_standing_shows_when_another_is_fixed(
    make_editor: Callable[..., CaseEditor],
) -> None:
    editor = make_editor()
    editor.show_section("request")
    _enter(editor, "request.amount", "abc")
    editor.show_section("applicant")
    _enter(editor, "borrower.age", "2.5")
    age_refused = editor.status.text()
    assert age_refused.startswith("年龄：")
    editor.show_section("request")
    _enter(editor, "request.amount", "abc")  # the same refusal again: it is the newest now
    assert editor.status.text() == AMOUNT_REFUSED
    _enter(editor, "request.amount", "55000")
    assert editor.status.text() == age_refused  # the age is still wrong
    editor.show_section("applicant")
    _enter(editor, "borrower.age", "41")
    assert editor.status.isHidden()


def test_a_refused_table_cell_message_goes_when_the_cell_takes_a_value(
    make_editor: Callable[..., CaseEditor],
) -> None:
    editor = make_editor("A")
    page = editor.show_section("balance_sheet")
    table = next(t for t in page.findChildren(TableEditor) if t.model.path_key == "balance_sheet.stock")
    model = table.model
    column = next(i for i, c in enumerate(model.columns) if c.field == "unit_cost")
    assert not model.setData(model.index(0, column), "abc")
    assert editor.status.text() == "单位成本：不是有效的数字：abc"
    assert model.setData(model.index(1, column), "31000")  # another cell: the refusal stands
    assert editor.status.isVisible()
    assert model.setData(model.index(0, column), "30000")
    assert editor.status.isHidden()


def test_undo_reloading_a_refused_field_takes_its_message_back(
    make_editor: Callable[..., CaseEditor],
) -> None:
    editor = make_editor()
    editor.show_section("request")
    _enter(editor, "request.amount", "5000")
    _enter(editor, "request.amount", "abc")
    assert editor.status.text() == AMOUNT_REFUSED
    editor.document.undo_stack.undo()  # the field shows the stored value again
    assert editor.status.isHidden()
