"""Mark-up (加价率) beside the margin: typed either way, shown both ways, one undo step per entry."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from workbench.domain.profit_loss import ProductLine
from workbench.ui import i18n
from workbench.ui.models.columns import columns_for
from workbench.ui.sections.base import FigureGrid
from workbench.ui.widgets.fields import REFUSED_STYLE

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot

    from workbench.ui.widgets.case_editor import CaseEditor

OVERRIDE = ("profit_loss", "gross_margin_override")


def _boxes(editor: CaseEditor) -> tuple[QLineEdit, QLineEdit]:
    page = editor.show_section("income")
    margin = page.findChild(QLineEdit, "field:profit_loss.gross_margin_override")
    markup = page.findChild(QLineEdit, "markup:profit_loss.gross_margin_override")
    assert margin is not None and markup is not None
    return margin, markup


def _type(box: QLineEdit, text: str) -> None:
    box.setText(text)
    box.editingFinished.emit()


def test_a_typed_mark_up_sets_the_margin_it_means_in_one_undo_step(
    make_editor: Callable[..., CaseEditor],
) -> None:
    editor = make_editor("A")
    document, (margin, markup) = editor.document, _boxes(editor)
    assert markup.text() == "" and markup.placeholderText() == "或按加价率填写，如 15%"
    steps = document.undo_stack.count()
    _type(markup, "15")
    assert document.state.profit_loss.gross_margin_override == Decimal("0.130434782609")
    assert document.undo_stack.count() == steps + 1
    assert markup.text() == "15%"  # typed back exactly
    assert margin.text() == "13.0434782609%"  # the margin as stored
    _type(margin, "20%")
    assert markup.text() == "25%"  # the other way: the mark-up follows the margin
    document.undo_stack.undo()
    assert markup.text() == "15%"
    document.undo_stack.undo()
    assert document.state.profit_loss.gross_margin_override is None
    assert markup.text() == "" and margin.text() == ""
    _type(markup, "15%")  # a percentage and "0.15" mean the same
    _type(markup, "0.15")
    assert document.undo_stack.count() == steps + 1  # the same margin: no second step


def test_a_negative_mark_up_is_refused_and_the_margin_kept(make_editor: Callable[..., CaseEditor]) -> None:
    editor = make_editor("A")
    document, (_margin, markup) = editor.document, _boxes(editor)
    _type(markup, "-5")
    assert document.state.profit_loss.gross_margin_override is None
    assert markup.styleSheet() == REFUSED_STYLE and markup.toolTip()


def test_the_cost_structure_shows_the_weighted_margin_both_ways(
    qtbot: QtBot, make_editor: Callable[..., CaseEditor]
) -> None:
    editor = make_editor("A")
    page = editor.show_section("income")
    grid = next(g for g in page.findChildren(FigureGrid) if "gross_markup" in g.values)
    qtbot.waitUntil(lambda: grid.values["gross_markup"].text() != "—", timeout=10_000)
    shown = {key: label.text() for key, label in grid.values.items()}
    assert (shown["gross_margin"], shown["gross_markup"]) == ("15.60%", "18.48%")  # demo A


@pytest.mark.parametrize(
    ("language", "margin", "markup"), [("zh", "毛利率", "加价率"), ("en", "Margin", "Mark-up")]
)
def test_the_product_table_shows_each_lines_margin_and_mark_up(
    ui: object, language: str, margin: str, markup: str
) -> None:
    i18n.set_language(language)
    try:
        columns = {c.field: c for c in columns_for(ProductLine)}
        assert (columns["margin"].header, columns["markup"].header) == (margin, markup)
        line = ProductLine(name="米", unit_price=Decimal("11.5"), unit_cost=Decimal("10"))
        assert columns["margin"].compute is not None and columns["markup"].compute is not None
        assert (columns["margin"].compute(line, 0), columns["markup"].compute(line, 0)) == (
            "13.04%",
            "15.00%",
        )
        blank = ProductLine(name="", unit_price=Decimal(0))
        assert columns["markup"].compute(blank, 0) == ""
    finally:
        i18n.set_language("zh")


def test_ctrl_z_in_the_mark_up_box_undoes_the_cases_step(
    qtbot: QtBot, make_window: Callable[..., Any]
) -> None:
    window = make_window()
    editor = window.new_case()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)  # shortcuts need the active window
    _margin, markup = _boxes(editor)
    markup.setFocus()
    QTest.keyClicks(markup, "30")
    QTest.keyClick(markup, Qt.Key.Key_Return)
    assert editor.document.state.profit_loss.gross_margin_override == Decimal("0.230769230769")
    QTest.keyClick(markup, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the window's Edit → Undo
    assert editor.document.state.profit_loss.gross_margin_override is None and markup.text() == ""
