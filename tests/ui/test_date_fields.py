"""Date fields typed as officers write them, refused in place with the reason, a calendar at today
in the window's language."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from workbench.ui import i18n
from workbench.ui.models.factory import list_model
from workbench.ui.widgets.date_edit import DateEdit
from workbench.ui.widgets.fields import REFUSED_STYLE

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.ui.widgets.case_editor import CaseEditor

APPLIED = "field:dates.applied_on"


def _type(edit: DateEdit, text: str) -> None:
    """Clear the field, type ``text`` key by key (Chinese as an input method commits it), press Enter."""
    edit.setFocus()
    edit.selectAll()
    QTest.keyClick(edit, Qt.Key.Key_Delete)
    for char in text:
        if char.isascii():
            QTest.keyClicks(edit, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(edit, event)
    QTest.keyClick(edit, Qt.Key.Key_Return)


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("2026-12-07", date(2026, 12, 7)),
        ("2026/12/7", date(2026, 12, 7)),
        ("20261207", date(2026, 12, 7)),
        ("2026年12月7日", date(2026, 12, 7)),
        ("12-7", date(date.today().year, 12, 7)),
    ],
)
def test_an_empty_date_field_takes_the_forms_officers_type(
    make_editor: Callable[..., CaseEditor], typed: str, day: date
) -> None:
    editor = make_editor()
    edit = editor.findChild(DateEdit, APPLIED)
    assert edit is not None and edit.text() == ""
    _type(edit, typed)
    assert editor.document.state.dates.applied_on == day
    assert edit.text() == day.isoformat()  # shown the one way the window writes dates
    assert edit.styleSheet() == ""


def test_an_impossible_date_is_refused_in_place_and_the_old_one_kept(
    make_editor: Callable[..., CaseEditor],
) -> None:
    editor = make_editor()
    edit = editor.findChild(DateEdit, APPLIED)
    _type(edit, "2026-12-05")
    _type(edit, "2026-13-40")
    assert editor.document.state.dates.applied_on == date(2026, 12, 5)
    assert edit.text() == "2026-13-40"  # the typed text stays to be corrected
    assert edit.styleSheet() == REFUSED_STYLE
    assert edit.toolTip() == "申请日期：没有 13 月：2026-13-40"
    assert editor.status.text() == "申请日期：没有 13 月：2026-13-40"
    _type(edit, "2026-02-30")
    assert edit.toolTip() == "申请日期：2026 年 2 月没有 30 日：2026-02-30"
    _type(edit, "2026-12-06")
    assert editor.document.state.dates.applied_on == date(2026, 12, 6)
    assert edit.styleSheet() == "" and edit.toolTip() == ""


def test_an_optional_date_can_be_emptied(make_editor: Callable[..., CaseEditor]) -> None:
    editor = make_editor()
    edit = editor.findChild(DateEdit, APPLIED)
    _type(edit, "12-7")
    _type(edit, "")
    assert editor.document.state.dates.applied_on is None


def test_the_calendar_opens_at_today_in_chinese_and_picks_a_day(
    make_editor: Callable[..., CaseEditor],
) -> None:
    editor = make_editor()
    edit = editor.findChild(DateEdit, APPLIED)
    edit.setFocus()
    QTest.keyClick(edit, Qt.Key.Key_F4)
    calendar = edit.calendar
    assert calendar is not None and calendar.isVisible()
    assert calendar.selectedDate() == QDate.currentDate()
    assert calendar.locale().language() == QLocale.Language.Chinese
    assert calendar.locale().monthName(12) == "十二月"
    QTest.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Right)  # tomorrow
    QTest.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Return)
    tomorrow = QDate.currentDate().addDays(1)
    assert editor.document.state.dates.applied_on == date(tomorrow.year(), tomorrow.month(), tomorrow.day())
    assert edit.calendar is None


def test_the_calendar_opens_at_the_fields_day_in_english(
    make_editor: Callable[..., CaseEditor], ui: Any
) -> None:
    i18n.set_language("en")
    editor = make_editor()
    edit = editor.findChild(DateEdit, APPLIED)
    _type(edit, "2024-06-28")
    calendar = edit.open_calendar()
    assert calendar.selectedDate() == QDate(2024, 6, 28)
    assert calendar.locale().language() == QLocale.Language.English
    assert calendar.locale().monthName(6) == "June"
    calendar.clicked.emit(QDate(2024, 6, 3))
    assert editor.document.state.dates.applied_on == date(2024, 6, 3)
    assert edit.text() == "2024-06-03"


def test_table_cells_take_the_same_forms(make_document: Callable[..., Any]) -> None:
    document, _recalc = make_document("A")
    model = list_model(document, ("balance_sheet", "debts"))
    column = next(i for i, c in enumerate(model.columns) if c.field == "start_date")
    refused: list[str] = []
    model.edit_refused.connect(refused.append)
    assert model.setData(model.index(0, column), "2026年3月1日")
    assert document.state.balance_sheet.debts[0].start_date == date(2026, 3, 1)
    assert not model.setData(model.index(0, column), "2026-13-40")
    assert refused == ["起始日期：没有 13 月：2026-13-40"]
    assert document.state.balance_sheet.debts[0].start_date == date(2026, 3, 1)


def test_the_same_day_typed_another_way_is_shown_the_windows_way(
    make_editor: Callable[..., CaseEditor],
) -> None:
    editor = make_editor()
    edit = editor.findChild(DateEdit, APPLIED)
    _type(edit, "2026-12-07")
    _type(edit, "2026年12月7日")  # no change to the case, but the field reads as every date does
    assert edit.text() == "2026-12-07"
    assert editor.document.undo_stack.count() == 1
