"""After 添加检验 the new check's inputs are in view with the cursor in the first; until its inputs
give a value its conclusion is "无法计算", as the deviation chart says, not "不通过"."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit

from workbench.domain.cross_checks import CheckMethod, Target
from workbench.ui.sections.cross_checks import CrossChecksPage

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot


def _in_view(widget: Any, area: Any) -> bool:
    top_left = widget.mapTo(area.viewport(), QPoint(0, 0))
    return (
        area.viewport().rect().contains(top_left)
        and top_left.y() + widget.height() <= area.viewport().height()
    )


def test_a_new_check_shows_its_inputs_and_cannot_be_worked_out_yet(
    qtbot: QtBot, make_window: Callable[..., Any]
) -> None:
    window = make_window()
    window.resize(1366, 768)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    editor = window.open_demo("A")
    page = editor.show_section("cross_checks")
    assert isinstance(page, CrossChecksPage)
    qtbot.wait(10)
    new_id = page.add_check(CheckMethod.M2, Target.SALES_MONTH, "日均客流估算")
    detail = page._detail
    assert detail is not None and detail.check_id == new_id
    row = len(editor.document.state.cross_checks) - 1
    daily = detail.findChild(QLineEdit, f"field:cross_checks[{row}].inputs.daily")
    qtbot.waitUntil(lambda: detail.form_area.verticalScrollBar().value() > 0, timeout=2000)
    assert _in_view(daily, detail.form_area)
    assert daily.hasFocus()  # type the first input right away

    qtbot.waitUntil(lambda: not editor.recalc.pending(), timeout=2000)
    model = page.table.model
    status = next(i for i, c in enumerate(model.columns) if c.field == "status")
    assert model.data(model.index(row, status)) == "无法计算"
    assert detail.findChild(QLabel, "figure:status").text() == "无法计算"
    assert "无法计算" in detail.explanation.placeholderText()

    QTest.keyClicks(daily, "4000")
    QTest.keyClick(daily, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not editor.recalc.pending(), timeout=2000)
    worked_out = editor.recalc.results.checks[row]
    assert worked_out.deviation is not None
    assert model.data(model.index(row, status)).startswith(("通过", "需说明", "不通过"))
    assert detail.findChild(QLabel, "figure:status").text() != "无法计算"
    window.ask_unsaved = lambda _title: "discard"
