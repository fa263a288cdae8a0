"""What the Tab / Enter chain of a section passes over (issue #14): a read-only result table; a stock
item's category (mostly goods, the default), now last where Enter passes it; what cannot apply to a
family member (a spouse's school status, a child's work); including off-balance items when there are
none; a purchase period in weeks once it is given in months; a range's own value, now last."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QTableView, QTabWidget

from workbench.domain.balance_sheet import OffBalanceItem, StockCategory
from workbench.ui.sections.cross_checks import CrossChecksPage
from workbench.ui.widgets.sheet_view import SheetView

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot

    from workbench.ui.widgets.case_editor import CaseEditor


def test_tab_passes_the_result_table_but_a_click_still_selects_in_it(
    qtbot: QtBot, make_editor: Callable[..., CaseEditor]
) -> None:
    editor = make_editor("A")
    editor.document.set_field(
        ("balance_sheet", "off_balance"), (OffBalanceItem(label="设备租约", value=Decimal(1)),)
    )
    editor.show()
    page = editor.show_section("equity")
    results = [v for v in page.findChildren(QTableView) if not isinstance(v, SheetView)]
    assert results
    assert all(not v.focusPolicy() & Qt.FocusPolicy.TabFocus for v in results)
    assert all(v.focusPolicy() & Qt.FocusPolicy.ClickFocus for v in results)  # to select and copy
    include = page.findChild(QCheckBox, "field:equity_check.include_off_balance")
    include.setFocus()
    qtbot.waitUntil(include.hasFocus, timeout=2000)
    QTest.keyClick(include, Qt.Key.Key_Tab)
    assert QApplication.focusWidget().objectName() == "field:equity_check.explanation"


def test_a_stock_row_is_typed_without_passing_its_category(
    qtbot: QtBot, make_editor: Callable[..., CaseEditor]
) -> None:
    editor = make_editor()
    editor.show()
    page = editor.show_section("balance_sheet")
    view = next(v for v in page.findChildren(SheetView) if v.list_model().list_path[-1] == "stock")
    model = view.list_model()
    assert [c.field for c in model.columns][:3] == ["label", "quantity", "unit_cost"]
    tabs = next(t for t in page.findChildren(QTabWidget) if t.isAncestorOf(view))
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.widget(i).isAncestorOf(view)))
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=2000)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus, timeout=2000)
    for label, cost in (("cigarettes", "28000"), ("rice", "8000")):
        for step in (label, Qt.Key.Key_Tab, "1", Qt.Key.Key_Tab, cost, Qt.Key.Key_Return):
            if isinstance(step, Qt.Key):
                QTest.keyClick(QApplication.focusWidget(), step)  # Enter: on to the next row's name
                continue
            for char in step:  # the first character opens the cell's editor, which takes the rest
                QTest.keyClicks(QApplication.focusWidget(), char)
        qtbot.waitUntil(lambda: view.currentIndex().column() == 0, timeout=2000)
    stock = editor.document.state.balance_sheet.stock
    assert [(s.label, s.quantity, s.unit_cost, s.category) for s in stock[:2]] == [
        ("cigarettes", Decimal(1), Decimal(28000), StockCategory.GOODS),
        ("rice", Decimal(1), Decimal(8000), StockCategory.GOODS),
    ]


def _focused_table(qtbot: QtBot, editor: CaseEditor, section: str, name: str) -> SheetView:
    page = editor.show_section(section)
    view = next(v for v in page.findChildren(SheetView) if v.list_model().list_path[-1] == name)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=2000)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus, timeout=2000)
    return view


def _type(steps: tuple[str | Qt.Key, ...]) -> None:
    for step in steps:
        if isinstance(step, Qt.Key):
            QTest.keyClick(QApplication.focusWidget(), step)
            continue
        for char in step:  # the first character opens the cell's editor, which takes the rest
            QTest.keyClicks(QApplication.focusWidget(), char)


def test_tab_passes_what_cannot_apply_to_a_family_member(
    qtbot: QtBot, make_editor: Callable[..., CaseEditor]
) -> None:
    editor = make_editor()
    editor.show()
    view = _focused_table(qtbot, editor, "applicant", "members")
    model = view.list_model()
    field = [c.field for c in model.columns]
    # A spouse (the first choice): no school status; Tab goes from the occupation to working in the business.
    _type(("Chen", Qt.Key.Key_Tab, Qt.Key.Key_Tab, "40", Qt.Key.Key_Tab, "shop", Qt.Key.Key_Tab))
    assert view.currentIndex().column() == field.index("works_in_business")
    assert not model.flags(model.index(0, field.index("child_status"))) & Qt.ItemFlag.ItemIsEditable
    # A child of 10: the school status applies; occupation, work and income do not.
    QTest.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.rowCount() == 2 and view.currentIndex().row() == 1, timeout=2000)
    assert model.setData(model.index(1, field.index("relationship")), "child")
    view.setCurrentIndex(model.index(1, field.index("relationship")))
    _type((Qt.Key.Key_Tab, "10", Qt.Key.Key_Tab))
    assert view.currentIndex().column() == field.index("child_status")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert view.currentIndex().column() == field.index("dependent")
    member = editor.document.state.household.members[1]
    assert (member.age, member.occupation, member.monthly_income) == (10, "", None)
    # A value already there stays, and can be put right.
    assert model.setData(model.index(1, field.index("age")), "30")
    assert model.setData(model.index(1, field.index("monthly_income")), "3000")
    assert model.setData(model.index(1, field.index("age")), "12")
    assert model.flags(model.index(1, field.index("monthly_income"))) & Qt.ItemFlag.ItemIsEditable


def test_including_off_balance_items_applies_only_when_there_are_some(
    make_editor: Callable[..., CaseEditor],
) -> None:
    editor = make_editor("A")  # case A has no off-balance items
    page = editor.show_section("equity")
    include = page.findChild(QCheckBox, "field:equity_check.include_off_balance")
    assert not include.isEnabled()  # out of the Tab / Enter chain, and saying why
    assert include.toolTip() == "资产负债表没有表外项目"
    document = editor.document
    document.set_field(
        ("balance_sheet", "off_balance"), (OffBalanceItem(label="设备租约", value=Decimal(9000)),)
    )
    assert include.isEnabled() and include.toolTip() == ""
    include.setChecked(True)
    document.set_field(("balance_sheet", "off_balance"), ())
    assert include.isEnabled()  # ticked: it stays open to be put right
    assert document.state.equity_check.include_off_balance is True


def test_a_purchase_period_in_months_takes_the_weeks_out_of_the_chain(
    make_editor: Callable[..., CaseEditor],
) -> None:
    editor = make_editor("A")
    page = editor.show_section("cross_checks")
    assert isinstance(page, CrossChecksPage)
    row = next(i for i, c in enumerate(editor.document.state.cross_checks) if c.id == "C3")
    assert page.select_check("C3")  # purchases over 2 months
    weeks = page.findChild(QLineEdit, f"field:cross_checks[{row}].inputs.weeks")
    months = page.findChild(QLineEdit, f"field:cross_checks[{row}].inputs.months")
    assert not weeks.isEnabled() and months.isEnabled()
    assert weeks.toolTip() == "期间已按月数填写，二者只填其一"
    editor.document.set_field(("cross_checks", row, "inputs", "months"), None)
    assert weeks.isEnabled() and months.isEnabled()


def test_a_range_check_asks_for_its_scale_before_its_own_value(
    make_editor: Callable[..., CaseEditor],
) -> None:
    editor = make_editor("A")
    page = editor.show_section("cross_checks")
    assert isinstance(page, CrossChecksPage)
    row = next(i for i, c in enumerate(editor.document.state.cross_checks) if c.id == "C6")  # M5, a range
    assert page.select_check("C6")
    names = [
        w.objectName().rsplit(".", 1)[1]
        for w in page.findChildren(QLineEdit)
        if w.objectName().startswith(f"field:cross_checks[{row}].inputs.")
    ]
    assert names == [
        "low",
        "high",
        "scale",
        "value",
    ]  # made in Tab order; the value, mostly the adopted figure, last
