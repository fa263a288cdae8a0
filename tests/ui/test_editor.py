"""The case editor: charts follow edits and undo, clicking a bar selects its check, spreadsheet keys,
refusals in place, the cross-check form generated from a method's inputs, sections by keyboard."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from matplotlib.backend_bases import MouseEvent, PickEvent
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QPlainTextEdit

from workbench.domain.cross_checks import CheckMethod, Target
from workbench.domain.figures import FigureRef
from workbench.ui.sections.cross_checks import CrossChecksPage
from workbench.ui.widgets.fields import REFUSED_STYLE, REQUIRED_STYLE
from workbench.ui.widgets.table_editor import TableEditor

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot

    from workbench.ui.widgets.case_editor import CaseEditor

COST = ("balance_sheet", "stock", 0, "unit_cost")


def _bar_width(editor: CaseEditor, key: str) -> float:
    chart = editor.charts.deviation  # type: ignore[union-attr]
    return float(chart._artists.bars.patches[chart.keys.index(key)].get_width())


def test_chart_follows_edits_and_undo_by_blitting(
    qtbot: QtBot, make_editor: Callable[..., CaseEditor]
) -> None:
    editor = make_editor("A", charts=True)
    chart = editor.charts.deviation  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: chart.full_draws >= 1, timeout=5000)
    assert chart.keys[0] == "equity"
    before = _bar_width(editor, "equity")
    assert round(before, 2) == -3.11
    full = chart.full_draws

    with qtbot.waitSignal(editor.recalc.results_ready, timeout=2000):
        editor.document.set_field(COST, Decimal(40000))  # more stock: more actual equity
    after = _bar_width(editor, "equity")
    assert after > before
    assert chart.blits >= 1 and chart.full_draws == full  # moved bars, no full redraw

    with qtbot.waitSignal(editor.recalc.results_ready, timeout=2000):
        editor.document.undo_stack.undo()
    assert _bar_width(editor, "equity") == before
    with qtbot.waitSignal(editor.recalc.results_ready, timeout=2000):
        editor.document.undo_stack.redo()
    assert _bar_width(editor, "equity") == after


def test_adding_a_check_redraws_the_chart_in_full(
    qtbot: QtBot, make_editor: Callable[..., CaseEditor]
) -> None:
    editor = make_editor("A", charts=True)
    chart = editor.charts.deviation  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: chart.full_draws >= 1, timeout=5000)
    page = editor.show_section("cross_checks")
    assert isinstance(page, CrossChecksPage)
    with qtbot.waitSignal(editor.recalc.results_ready, timeout=2000):
        new_id = page.add_check(CheckMethod.M2, Target.SALES_MONTH, "日均客流估算")
    assert new_id in chart.keys
    qtbot.waitUntil(lambda: chart.full_draws >= 2, timeout=5000)


def test_clicking_a_bar_selects_its_check(qtbot: QtBot, make_editor: Callable[..., CaseEditor]) -> None:
    editor = make_editor("A", charts=True)
    chart = editor.charts.deviation  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: chart.full_draws >= 1, timeout=5000)
    bar = chart._artists.bars.patches[chart.keys.index("C3")]
    mouse = MouseEvent("button_press_event", chart, 10, 10, button=1)
    with qtbot.waitSignal(chart.check_requested, timeout=1000) as requested:
        chart.callbacks.process("pick_event", PickEvent("pick_event", chart, mouse, bar))
    assert requested.args == ["C3"]
    assert editor.current_section() == "cross_checks"
    page = editor.page("cross_checks")
    assert isinstance(page, CrossChecksPage)
    assert page.selected_id() == "C3"
    assert page.table.view.currentIndex().row() == 2

    chart.request_check("equity")
    assert editor.current_section() == "equity"


def test_sections_by_keyboard(qtbot: QtBot, make_window: Callable[..., Any]) -> None:
    window = make_window()
    editor = window.open_demo("A")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)  # shortcuts need the active window
    editor.sections.setFocus()
    keys = editor.sections  # key presses go to the focused widget; the window's shortcuts take them
    QTest.keyClick(keys, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert editor.current_section() == "business"
    QTest.keyClick(keys, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert editor.current_section() == "request"
    QTest.keyClick(keys, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(keys, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert editor.current_section() == "applicant"


def test_enter_commits_and_moves_down_and_a_refusal_stays_in_the_editor(
    qtbot: QtBot, make_editor: Callable[..., CaseEditor]
) -> None:
    editor = make_editor("A")
    editor.show_section("balance_sheet")
    table = editor.findChild(TableEditor, "table:balance_sheet.stock")
    view, model = table.view, table.model
    editor.activateWindow()
    view.setFocus()
    view.setCurrentIndex(model.index(0, [c.field for c in model.columns].index("unit_cost")))
    QTest.keyClick(view, Qt.Key.Key_F2)
    line = view.focusWidget()
    assert isinstance(line, QLineEdit)
    line.selectAll()
    QTest.keyClicks(line, "29,500")
    QTest.keyClick(line, Qt.Key.Key_Return)  # the delegate commits on the next event-loop turn
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState, timeout=1000)
    assert editor.document.state.balance_sheet.stock[0].unit_cost == Decimal(29500)
    assert view.currentIndex().row() == 1  # Enter moved down
    assert view.state() != QAbstractItemView.State.EditingState

    QTest.keyClick(view, Qt.Key.Key_F2)
    line = view.focusWidget()
    assert isinstance(line, QLineEdit)
    line.selectAll()
    QTest.keyClicks(line, "12,5,00")
    QTest.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: line.styleSheet() == REFUSED_STYLE, timeout=1000)
    assert view.state() == QAbstractItemView.State.EditingState  # refused: the editor stays open
    assert line.styleSheet() == REFUSED_STYLE
    assert "不是有效的数字" in line.toolTip()
    assert "不是有效的数字" in editor.status.text()
    assert editor.document.state.balance_sheet.stock[1].unit_cost == Decimal(30000)
    QTest.keyClick(line, Qt.Key.Key_Escape)
    assert view.state() != QAbstractItemView.State.EditingState

    QTest.keyClick(view, Qt.Key.Key_Return)  # not editing: Enter just moves down
    assert view.currentIndex().row() == 2


def test_form_fields_refuse_in_place(qtbot: QtBot, make_editor: Callable[..., CaseEditor]) -> None:
    editor = make_editor("A")
    editor.show_section("request")
    amount = editor.findChild(QLineEdit, "field:request.amount")
    amount.setText("-5")
    amount.editingFinished.emit()
    assert amount.styleSheet() == REFUSED_STYLE
    assert amount.toolTip() == "申请金额：不能为负数：-5"
    assert editor.document.state.request.amount == Decimal(60000)
    amount.setText("5.5万")
    amount.editingFinished.emit()
    assert editor.document.state.request.amount == Decimal(55000)
    assert amount.text() == "55,000.00"
    assert amount.styleSheet() == ""


def test_a_check_form_is_generated_from_the_method_inputs(
    qtbot: QtBot, make_editor: Callable[..., CaseEditor]
) -> None:
    editor = make_editor("A")
    page = editor.show_section("cross_checks")
    assert isinstance(page, CrossChecksPage)
    new_id = page.add_check(CheckMethod.M6, Target.SALES_MONTH, "帮工提成")
    assert page.selected_id() == new_id
    detail = page._detail
    row = len(editor.document.state.cross_checks) - 1
    wages = detail.findChild(QLineEdit, f"field:cross_checks[{row}].inputs.wages_paid")
    share = detail.findChild(QLineEdit, f"field:cross_checks[{row}].inputs.wage_share")
    assert wages is not None and share is not None
    assert share.text() == "=wage_ratio"  # the method's default reference
    share.setText("=cost_ratio")
    share.editingFinished.emit()
    assert editor.document.state.cross_checks[row].inputs.wage_share == FigureRef("cost_ratio")
    share.setText("=nonsense")
    share.editingFinished.emit()
    assert share.styleSheet() == REFUSED_STYLE
    wages.setText("1500")
    wages.editingFinished.emit()
    qtbot.waitUntil(lambda: not editor.recalc.pending(), timeout=2000)
    explanation = detail.findChild(QPlainTextEdit, f"field:cross_checks[{row}].explanation")
    result = editor.recalc.results.checks[row]
    assert result.status.value != "OK"
    assert explanation.styleSheet() == REQUIRED_STYLE  # not OK and not explained: required
    explanation.setPlainText("帮工按销售额提成比例不固定。")
    qtbot.waitUntil(lambda: explanation.styleSheet() == "", timeout=2000)
    deviation = detail.findChild(QLabel, "figure:deviation")
    assert deviation.text().endswith("%")


def test_business_page_swaps_when_the_business_is_removed_and_restored(
    qtbot: QtBot, make_editor: Callable[..., CaseEditor]
) -> None:
    editor = make_editor("A")
    page = editor.show_section("business")
    assert page.findChild(QLineEdit, "field:business.name").text() == "丽华便利店"
    editor.document.set_field(("business",), None)
    assert page.findChild(QLineEdit, "addPart") is None
    editor.document.undo_stack.undo()
    qtbot.waitUntil(lambda: page.findChild(QLineEdit, "field:business.name") is not None, timeout=1000)


def test_the_stage_field_offers_only_the_stages_a_save_may_reach(
    qtbot: QtBot, make_editor: Callable[..., CaseEditor]
) -> None:
    import dataclasses

    from PySide6.QtWidgets import QComboBox

    from tests.store.helpers import demo
    from workbench.domain import lifecycle
    from workbench.domain.case_file import Stage

    def offered(combo: QComboBox) -> set[Stage]:
        model = combo.model()
        return {Stage(combo.itemData(i)) for i in range(combo.count()) if model.item(i).isEnabled()}

    editor = make_editor(dataclasses.replace(demo("a"), stage=Stage.INVESTIGATE))
    editor.show_section("applicant")
    combo = editor.findChild(QComboBox, "field:stage")
    assert combo.count() == len(Stage)  # every stage listed, the committee's greyed
    assert offered(combo) == {Stage.APPLY, Stage.ALLOT, Stage.INVESTIGATE, Stage.CANCELLED}
    assert not offered(combo) & {Stage.APPROVAL, Stage.CONTRACT, Stage.REFUSED}
    combo.setCurrentIndex(combo.findData(Stage.CANCELLED.value))
    assert editor.document.state.stage is Stage.CANCELLED
    # the offer follows the stage: from a decided case on, only the steps after approval
    editor.document.set_field(("stage",), Stage.CONTRACT)
    assert offered(combo) == {Stage.CONTRACT} | {
        t.target for t in lifecycle.transitions_from(Stage.CONTRACT, lifecycle.Step.SAVE)
    }
    editor.document.set_field(("stage",), Stage.APPROVAL)  # with the committee: no save moves it
    assert offered(combo) == {Stage.APPROVAL}
