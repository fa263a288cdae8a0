"""Keys that save the officer navigation (issue #14): Enter goes on in a form, Alt+digit jumps to a
section, the add-check dialog is typed straight through and Alt+N opens the next one, a typed number
opens no list of figures, and the scroll arrows of a tab bar are no Tab stops."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QTabBar, QToolButton

from tests.ui.keyboard_entry import active_editor
from workbench.domain.cross_checks import CheckMethod, Target
from workbench.ui.dialogs.add_check_dialog import AddCheckDialog
from workbench.ui.sections.cross_checks import CrossChecksPage
from workbench.ui.widgets.case_editor import SECTION_KEYS, section_key
from workbench.ui.widgets.sheet_view import SheetView

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot

    from workbench.ui.widgets.case_editor import CaseEditor

ALT = Qt.KeyboardModifier.AltModifier


def test_enter_in_a_form_field_commits_it_and_goes_to_the_next_field(
    qtbot: QtBot, make_window: Callable[..., Any]
) -> None:
    editor = active_editor(qtbot, make_window)
    page = editor.show_section("request")
    amount = page.findChild(QLineEdit, "field:request.amount")
    amount.setFocus()
    qtbot.waitUntil(amount.hasFocus, timeout=2000)
    amount.selectAll()
    QTest.keyClicks(amount, "50000")
    QTest.keyClick(amount, Qt.Key.Key_Return)
    assert editor.document.state.request.amount == Decimal(50000)
    term = page.findChild(QLineEdit, "field:request.term_months")
    assert term.hasFocus()  # the next field, as Tab goes

    QTest.keyClicks(term, "abc")
    QTest.keyClick(term, Qt.Key.Key_Return)
    assert term.hasFocus()  # refused: the cursor stays to fix it
    assert term.toolTip()


def test_enter_on_a_closed_choice_goes_on(qtbot: QtBot, make_window: Callable[..., Any]) -> None:
    editor = active_editor(qtbot, make_window)
    page = editor.show_section("applicant")
    sex = page.findChild(QComboBox, "field:borrower.sex")
    sex.setFocus()
    qtbot.waitUntil(sex.hasFocus, timeout=2000)
    QTest.keyClick(sex, Qt.Key.Key_Return)
    assert page.findChild(QLineEdit, "field:borrower.id_number").hasFocus()


def test_alt_and_a_digit_show_that_section_with_the_cursor_in_its_first_field(
    qtbot: QtBot, make_window: Callable[..., Any]
) -> None:
    editor = active_editor(qtbot, make_window)
    editor.focus_page()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_3, ALT)
    assert editor.current_section() == "request"
    assert QApplication.focusWidget().objectName() == "field:request.amount"
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_0, ALT)
    assert editor.current_section() == SECTION_KEYS[-1]  # Alt+0: the last section
    assert editor.page(SECTION_KEYS[-1]).isAncestorOf(QApplication.focusWidget())
    assert editor.sections.item(2).toolTip().splitlines()[0] == "Alt+3" == section_key(3)


def _add_by_keys(
    qtbot: QtBot, editor: CaseEditor, key: Callable[[], None], typed: list[tuple[Qt.Key | str, Any]]
) -> list[str]:
    """Press ``key`` (which opens the add-check dialog) and type ``typed`` into the dialog."""
    seen: list[str] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AddCheckDialog)
        qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
        seen.append(type(QApplication.focusWidget()).__name__)
        for what, modifiers in typed:
            if isinstance(what, str):
                QTest.keyClicks(QApplication.focusWidget(), what)
            else:
                QTest.keyClick(QApplication.focusWidget(), what, modifiers)
        if dialog.isVisible():  # the keys did not add it: do not leave the test hanging
            seen.append("still open")
            dialog.reject()

    QTimer.singleShot(50, fill)
    key()
    window = editor.window()
    window.activateWindow()  # a desktop gives the focus back after a dialog; offscreen Qt does not
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    return seen


def test_the_add_check_dialog_is_typed_straight_through_and_enter_adds_the_check(
    qtbot: QtBot, make_window: Callable[..., Any]
) -> None:
    editor = active_editor(qtbot, make_window, "A")
    page = editor.show_section("cross_checks")
    assert isinstance(page, CrossChecksPage)
    count = len(editor.document.state.cross_checks)
    page.table.view.setFocus()
    none = Qt.KeyboardModifier.NoModifier
    typed = [("M7", none), (Qt.Key.Key_Tab, none), ("ev-a3, ev-a5", none), (Qt.Key.Key_Tab, none)]
    typed += [("title", none), (Qt.Key.Key_Return, none)]  # the evidence first: every check needs some
    seen = _add_by_keys(qtbot, editor, lambda: QTest.keyClick(page.table.view, Qt.Key.Key_Insert), typed)
    assert seen == ["QListWidget"]  # it opened with the cursor in the methods
    check = editor.document.state.cross_checks[count]
    assert (check.method, check.target, check.title) == (CheckMethod.M7, Target.SALES_MONTH, "title")
    assert check.evidence == ("ev-a3", "ev-a5")

    # the cursor is in the first input, its blank "0" selected: the digits typed replace it
    first = QApplication.focusWidget()
    assert first.objectName() == f"field:cross_checks[{count}].inputs.purchases"
    QTest.keyClicks(first, "8000")
    QTest.keyClick(first, Qt.Key.Key_Return)
    assert editor.document.state.cross_checks[count].inputs.purchases == Decimal(8000)


def test_alt_n_adds_the_next_check_from_the_inputs_of_the_last(
    qtbot: QtBot, make_window: Callable[..., Any]
) -> None:
    editor = active_editor(qtbot, make_window, "A")
    page = editor.show_section("cross_checks")
    assert isinstance(page, CrossChecksPage)
    count = len(editor.document.state.cross_checks)
    page.add_check(CheckMethod.M8, Target.SALES_ANNUAL)
    field = QApplication.focusWidget()
    assert field.objectName() == f"field:cross_checks[{count}].inputs.stated_annual"
    QTest.keyClicks(field, "1400000")
    none = Qt.KeyboardModifier.NoModifier
    typed = [("M14", none), (Qt.Key.Key_Return, none)]
    seen = _add_by_keys(qtbot, editor, lambda: QTest.keyClick(field, Qt.Key.Key_N, ALT), typed)
    assert seen == ["QListWidget"]
    state = editor.document.state
    assert state.cross_checks[count].inputs.stated_annual == Decimal(1400000)  # committed on leaving
    assert state.cross_checks[count + 1].method is CheckMethod.M14
    # M14's inputs are a table of sampled goods: the cursor waits in it, typing starts its first row
    focus = QApplication.focusWidget()
    assert isinstance(focus, SheetView)
    QTest.keyClicks(focus, "x")
    qtbot.waitUntil(lambda: focus.list_model() is not None and focus.list_model().rowCount() == 1)


def test_a_typed_number_opens_no_list_of_figures_an_equals_sign_does(
    qtbot: QtBot, make_window: Callable[..., Any]
) -> None:
    editor = active_editor(qtbot, make_window, "A")
    page = editor.show_section("cross_checks")
    assert isinstance(page, CrossChecksPage)
    page.add_check(CheckMethod.M7, Target.SALES_MONTH)
    purchases = QApplication.focusWidget()
    assert isinstance(purchases, QLineEdit)
    qtbot.waitUntil(purchases.isVisible, timeout=2000)  # the new check's form shows on the next turn
    QTest.keyClicks(purchases, "1")
    assert QApplication.activePopupWidget() is None
    QTest.keyClick(purchases, Qt.Key.Key_Tab)
    share = QApplication.focusWidget()
    assert isinstance(share, QLineEdit) and share is not purchases
    QTest.keyClicks(share, "=cost")
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=2000)
    QTest.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_Escape)


def test_the_scroll_arrows_of_a_tab_bar_are_no_tab_stops(make_editor: Callable[..., CaseEditor]) -> None:
    editor = make_editor("A")
    editor.resize(700, 600)  # narrow: the balance sheet's tab bar scrolls
    page = editor.show_section("balance_sheet")
    arrows = [a for bar in page.findChildren(QTabBar) for a in bar.findChildren(QToolButton)]
    assert arrows
    assert all(not a.focusPolicy() & Qt.FocusPolicy.TabFocus for a in arrows)


def test_ctrl_tab_out_of_a_table_stays_in_the_case_when_several_are_open(
    qtbot: QtBot, make_window: Callable[..., Any]
) -> None:
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.new_case()
    editor = window.new_case()  # two cases: the window's case tabs hold two
    page = editor.show_section("applicant")
    credit = next(v for v in page.findChildren(SheetView) if v.list_model().list_path[-1] == "credit_history")
    credit.setFocus()
    qtbot.waitUntil(credit.hasFocus, timeout=2000)
    QTest.keyClick(credit, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is editor
    assert QApplication.focusWidget().objectName() == "field:household.size"
