"""Key tips: Alt+letter puts the cursor in any field or table of the page (past the empty ones), holding
Alt shows the letters, a table's columns have letters of their own, a field on another tab shows it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.ui.keyboard_entry import active_editor
from workbench.ui.sections.cross_checks import CrossChecksPage
from workbench.ui.widgets.key_tips import LETTERS, RESERVED, SHIFT, assign_tips, stop_name
from workbench.ui.widgets.sheet_view import SheetView

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot


def _press(widget: Any, letter: str, shift: bool = False) -> None:
    modifiers = Qt.KeyboardModifier.AltModifier
    if shift:
        modifiers |= Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(widget, Qt.Key(ord(letter)), modifiers)


def test_letters_come_from_the_names_once_each_and_never_the_menus() -> None:
    names = ["borrower.id_number", "borrower.birth_date", "borrower.age", "household.size", "a", "a"]
    tips = assign_tips(names)
    assert tips[:4] == ["I", "B", "G", "S"]  # A (账户 menu) is taken: age gets its next letter
    assert len(set(tips)) == len(tips)
    many = assign_tips(f"field_{i}" for i in range(2 * len(LETTERS) + 3))
    assert all(t.removeprefix(SHIFT) not in RESERVED for t in many if t)
    assert many[-3:] == ["", "", ""]  # every plain and shifted letter is given once, then none
    assert assign_tips(["b"], avoid={"B"}) == [SHIFT + "B"]  # a letter a field holds goes last


def test_alt_and_a_letter_jumps_past_the_empty_fields(qtbot: QtBot, make_window: Callable[..., Any]) -> None:
    editor = active_editor(qtbot, make_window)
    page = editor.show_section("applicant")
    name = page.findChild(QLineEdit, "field:borrower.name")
    name.setFocus()
    qtbot.waitUntil(name.hasFocus, timeout=2000)
    QTest.keyClicks(name, "Wang Lihua")
    phone = page.findChild(QLineEdit, "field:borrower.phone")
    keys = editor.key_tips.tip_for(phone)
    assert keys.startswith("Alt+")
    letter = keys.split("+")[-1]
    _press(QApplication.focusWidget(), letter, shift="Shift" in keys)
    qtbot.waitUntil(phone.hasFocus, timeout=2000)
    assert editor.document.state.borrower.name == "Wang Lihua"  # the jump committed what was typed
    QTest.keyClicks(phone, "13800000000")
    QTest.keyClick(phone, Qt.Key.Key_Return)
    assert editor.document.state.borrower.phone == "13800000000"


def test_holding_alt_shows_the_letters_and_letting_go_hides_them(
    qtbot: QtBot, make_window: Callable[..., Any]
) -> None:
    editor = active_editor(qtbot, make_window)
    page = editor.show_section("request")
    amount = page.findChild(QLineEdit, "field:request.amount")
    amount.setFocus()
    qtbot.waitUntil(amount.hasFocus, timeout=2000)
    alt = Qt.KeyboardModifier.AltModifier
    QApplication.sendEvent(amount, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Alt, alt))
    shown = editor.key_tips.showing()
    tips = editor.key_tips.tips()
    assert shown and set(shown) <= {t.replace(SHIFT, "⇧") for t in tips.values()}
    assert tips[amount] in shown  # the field with the cursor shows its letter too
    QApplication.sendEvent(
        amount, QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_Alt, Qt.KeyboardModifier.NoModifier)
    )
    assert editor.key_tips.showing() == []


def test_a_column_letter_moves_along_the_row_and_enter_starts_the_next_row(
    qtbot: QtBot, make_window: Callable[..., Any]
) -> None:
    editor = active_editor(qtbot, make_window)
    page = editor.show_section("balance_sheet")
    view = next(s for s in editor.key_tips.tips() if stop_name(s) == "balance_sheet.assets")
    assert isinstance(view, SheetView)
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(view.hasFocus, timeout=2000)
    model = view.list_model()
    assert model is not None and model.rowCount() == 0
    amount = next(c for c in range(model.columnCount()) if model.columns[c].field == "amount")
    keys = editor.key_tips.column_tip(amount)
    assert keys
    _press(view, keys.split("+")[-1], shift="Shift" in keys)  # an empty table: the first row starts there
    qtbot.waitUntil(lambda: view.currentIndex().column() == amount and model.rowCount() == 1, timeout=2000)
    for char in "6000":  # the first opens the cell's editor, which takes the rest
        QTest.keyClicks(QApplication.focusWidget(), char)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.document.state.balance_sheet.assets[0].amount == 6000, timeout=2000)
    assert page.isAncestorOf(QApplication.focusWidget())


def test_a_letter_shows_the_tab_its_table_is_on(qtbot: QtBot, make_window: Callable[..., Any]) -> None:
    editor = active_editor(qtbot, make_window, "A")
    page = editor.show_section("cross_checks")
    assert isinstance(page, CrossChecksPage) and page.currentIndex() == 0
    page.table.view.setFocus()
    evidence = next(s for s in editor.key_tips.tips() if stop_name(s) == "evidence")
    keys = editor.key_tips.tip_for(evidence)
    alt = Qt.KeyboardModifier.AltModifier
    QApplication.sendEvent(page.table.view, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Alt, alt))
    letter = keys.removeprefix("Alt+").replace(SHIFT, "⇧")
    assert letter in editor.key_tips.showing()  # on the evidence tab's title, as its table is hidden
    editor.key_tips.hide_tips()
    _press(page.table.view, keys.split("+")[-1], shift="Shift" in keys)
    qtbot.waitUntil(lambda: page.currentIndex() == 1 and evidence.hasFocus(), timeout=2000)


def test_alt_n_adds_a_check_from_another_section(qtbot: QtBot, make_window: Callable[..., Any]) -> None:
    from PySide6.QtCore import QTimer

    from workbench.ui.dialogs.add_check_dialog import AddCheckDialog

    editor = active_editor(qtbot, make_window)
    page = editor.show_section("income")
    editor.focus_page()
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(type(dialog).__name__)
        if isinstance(dialog, AddCheckDialog):
            dialog.accept()

    QTimer.singleShot(50, answer)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert seen == ["AddCheckDialog"]
    assert editor.current_section() == "cross_checks" and not page.isVisible()
    assert len(editor.document.state.cross_checks) == 1


def test_a_field_that_stops_applying_keeps_the_others_letters(
    qtbot: QtBot, make_window: Callable[..., Any]
) -> None:
    editor = active_editor(qtbot, make_window, "A")
    page = editor.show_section("cross_checks")
    assert isinstance(page, CrossChecksPage)
    row = next(
        i
        for i, c in enumerate(editor.document.state.cross_checks)
        if c.inputs.__class__.__name__ == "PurchasesInputs" and c.inputs.months
    )
    page.select_check(editor.document.state.cross_checks[row].id)
    weeks = page.findChild(QLineEdit, f"field:cross_checks[{row}].inputs.weeks")
    assert weeks is not None and not weeks.isEnabled()  # months are given: weeks cannot apply

    def letters() -> dict[str, str]:
        return {stop_name(s): t for s, t in editor.key_tips.tips().items()}

    before = letters()
    assert f"cross_checks[{row}].inputs.weeks" not in before  # no jump into a greyed-out field
    editor.document.set_field(("cross_checks", row, "inputs", "months"), None)
    qtbot.waitUntil(lambda: f"cross_checks[{row}].inputs.weeks" in letters(), timeout=2000)
    after = letters()
    assert {k: v for k, v in after.items() if k in before} == before
