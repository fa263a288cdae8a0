"""Detail tables type like a spreadsheet: Enter, Ctrl+Enter, Insert, Delete, Tab, by real key presses."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QTabWidget, QWidget

from workbench.ui.widgets.table_editor import TableEditor

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot

    from workbench.ui.widgets.case_editor import CaseEditor
    from workbench.ui.widgets.sheet_view import SheetView

STOCK = "table:balance_sheet.stock"
LABEL, QUANTITY, UNIT_COST, AMOUNT, CATEGORY = 0, 1, 2, 3, 4


def stock_table(qtbot: QtBot, editor: CaseEditor) -> TableEditor:
    editor.show_section("balance_sheet")
    table = editor.findChild(TableEditor, STOCK)
    assert table is not None
    tabs = editor.findChild(QTabWidget, "balanceSheetTabs")
    tabs.setCurrentIndex(tabs.indexOf(table))
    editor.activateWindow()
    table.view.setFocus()
    qtbot.waitUntil(table.view.hasFocus, timeout=2000)
    return table


def idle(qtbot: QtBot, view: SheetView) -> None:
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState, timeout=1000)


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_cell(qtbot: QtBot, view: SheetView, text: str, key: Qt.Key = Qt.Key.Key_Tab) -> None:
    """Type into the current cell (a key opens its editor; Tab opened the next one), leave with ``key``."""
    if focus() is view:
        QTest.keyClicks(view, text[:1])
        text = text[1:]
    editor = focus()
    assert isinstance(editor, QLineEdit), text
    QTest.keyClicks(editor, text)
    QTest.keyClick(editor, key)
    if key != Qt.Key.Key_Tab:
        idle(qtbot, view)


def test_enter_on_the_last_row_adds_a_row_and_goes_back_to_where_the_tabs_started(
    qtbot: QtBot, make_editor: Callable[..., CaseEditor]
) -> None:
    editor = make_editor()
    table = stock_table(qtbot, editor)
    view, model, stack = table.view, table.model, editor.document.undo_stack
    QTest.keyClick(view, Qt.Key.Key_Insert)  # an empty list: Insert makes the first row
    assert model.rowCount() == 1
    assert (view.currentIndex().row(), view.currentIndex().column()) == (0, LABEL)

    type_cell(qtbot, view, "yan")
    assert view.currentIndex().column() == QUANTITY  # the category (goods) comes last: Enter passes it
    type_cell(qtbot, view, "2")
    type_cell(qtbot, view, "3,500", Qt.Key.Key_Return)  # Enter on the last row: a new row …
    assert model.rowCount() == 2
    assert (view.currentIndex().row(), view.currentIndex().column()) == (1, LABEL)  # … at the first column
    stock = editor.document.state.balance_sheet.stock
    assert (stock[0].label, stock[0].quantity, stock[0].unit_cost) == ("yan", Decimal(2), Decimal(3500))

    type_cell(qtbot, view, "jiu", Qt.Key.Key_Return)  # no Tab run: Enter goes straight down
    assert model.rowCount() == 3
    assert (view.currentIndex().row(), view.currentIndex().column()) == (2, LABEL)
    QTest.keyClick(view, Qt.Key.Key_Up)
    QTest.keyClick(view, Qt.Key.Key_Up)
    QTest.keyClick(view, Qt.Key.Key_Return)  # Enter on a cell not being edited moves down, adds nothing
    assert view.currentIndex().row() == 1
    assert model.rowCount() == 3

    before = stack.index()
    QTest.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter: a row after
    assert model.rowCount() == 4
    assert view.currentIndex().row() == 2
    assert editor.document.state.balance_sheet.stock[1].label == "jiu"
    assert stack.index() == before + 1  # one undo step
    stack.undo()
    assert model.rowCount() == 3


def test_ctrl_enter_in_an_open_editor_commits_and_adds_a_row(
    qtbot: QtBot, make_editor: Callable[..., CaseEditor]
) -> None:
    editor = make_editor("A")
    table = stock_table(qtbot, editor)
    view, model = table.view, table.model
    view.setCurrentIndex(model.index(4, UNIT_COST))
    QTest.keyClicks(view, "9")
    line = view.focusWidget()
    assert isinstance(line, QLineEdit)
    QTest.keyClicks(line, "000")
    QTest.keyClick(line, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, view)
    assert editor.document.state.balance_sheet.stock[4].unit_cost == Decimal(9000)
    assert model.rowCount() == 6
    assert (view.currentIndex().row(), view.currentIndex().column()) == (5, LABEL)


def test_delete_clears_the_selected_cells_in_one_undo_step(
    qtbot: QtBot, make_editor: Callable[..., CaseEditor]
) -> None:
    editor = make_editor("A")
    table = stock_table(qtbot, editor)
    view, model, stack = table.view, table.model, editor.document.undo_stack
    before = editor.document.state.balance_sheet.stock
    view.setCurrentIndex(model.index(1, LABEL))
    QTest.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    for _ in range(3):
        QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)  # rows 2–3, name to amount
    steps = stack.count()
    QTest.keyClick(view, Qt.Key.Key_Delete)
    stock = editor.document.state.balance_sheet.stock
    assert stack.count() == steps + 1
    assert [(s.label, s.quantity, s.unit_cost) for s in stock[1:3]] == [("", Decimal(0), Decimal(0))] * 2
    assert stock[0] == before[0] and stock[3] == before[3]
    assert model.index(1, AMOUNT).data() == "0.00"  # the derived amount follows
    stack.undo()
    assert editor.document.state.balance_sheet.stock == before


def test_insert_in_the_cross_checks_asks_for_a_method_and_enter_adds_no_blank_check(
    qtbot: QtBot, make_editor: Callable[..., CaseEditor]
) -> None:
    editor = make_editor("A")
    page = editor.show_section("cross_checks")
    view = page.table.view  # type: ignore[attr-defined]
    count = len(editor.document.state.cross_checks)
    view.setFocus()
    view.setCurrentIndex(view.model().index(count - 1, 0))
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert len(editor.document.state.cross_checks) == count
    asked: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        asked.append(type(dialog).__name__)
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, answer)
    QTest.keyClick(view, Qt.Key.Key_Insert)
    assert asked == ["AddCheckDialog"]
    assert len(editor.document.state.cross_checks) == count


def test_tab_walks_the_typed_cells_passing_the_derived_amount_and_wraps_to_the_next_row(
    qtbot: QtBot, make_editor: Callable[..., CaseEditor]
) -> None:
    editor = make_editor("A")
    table = stock_table(qtbot, editor)
    view, model = table.view, table.model
    view.setCurrentIndex(model.index(3, LABEL))
    seen = []
    for _ in range(5):
        seen.append((view.currentIndex().row(), view.currentIndex().column()))
        QTest.keyClick(view, Qt.Key.Key_Tab)
    assert model.columns[AMOUNT].field == "amount"  # derived: quantity × unit cost
    assert seen == [(3, LABEL), (3, QUANTITY), (3, UNIT_COST), (3, CATEGORY), (4, LABEL)]
    QTest.keyClick(view, Qt.Key.Key_Backtab)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (4, LABEL)
    QTest.keyClick(view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (3, CATEGORY)


def test_typing_into_an_empty_table_starts_its_first_row(
    qtbot: QtBot, make_editor: Callable[..., CaseEditor]
) -> None:
    editor = make_editor()
    table = stock_table(qtbot, editor)
    view = table.view
    QTest.keyClicks(view, "y")
    QTest.keyClicks(focus(), "an")
    event = QInputMethodEvent()
    event.setCommitString("烟")
    QApplication.sendEvent(focus(), event)
    QTest.keyClick(focus(), Qt.Key.Key_Return)
    idle(qtbot, view)
    assert [s.label for s in editor.document.state.balance_sheet.stock] == ["yan烟", ""]
