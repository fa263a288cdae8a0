"""Columns of the detail tables are as wide as what they hold, grow with it, and keep the officer's widths."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTabWidget, QWidget

from workbench.ui.widgets.column_widths import SETTINGS_GROUP
from workbench.ui.widgets.table_editor import TableEditor

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QSettings
    from pytestqt.qtbot import QtBot

    from workbench.ui.widgets.case_editor import CaseEditor


def shown_table(editor: CaseEditor, section: str, path: str) -> TableEditor:
    editor.show_section(section)
    table = editor.findChild(TableEditor, f"table:{path}")
    assert table is not None
    widget: QWidget = table
    while (stack := widget.parentWidget()) is not None:
        tabs = stack.parentWidget()
        if isinstance(tabs, QTabWidget) and tabs.indexOf(widget) >= 0:
            tabs.setCurrentWidget(widget)
        widget = stack
    return table


def fits(table: TableEditor, column: int, text: str) -> bool:
    """Whether ``text`` shows whole in ``column`` (with the cell's margins)."""
    view = table.view
    return view.fontMetrics().horizontalAdvance(text) + 8 <= view.columnWidth(column)


def test_an_empty_table_has_room_for_typical_entries_and_the_note_is_not_stretched(
    qtbot: QtBot, make_editor: Callable[..., CaseEditor]
) -> None:
    editor = make_editor()
    stock = shown_table(editor, "balance_sheet", "balance_sheet.stock")
    qtbot.waitUntil(stock.view.isVisible, timeout=2000)
    assert fits(stock, 0, "收银台现金")
    assert fits(stock, 2, "8,000.00") and fits(stock, 3, "480,000.00")  # unit cost, amount
    assets = shown_table(editor, "balance_sheet", "balance_sheet.assets")
    header = assets.view.horizontalHeader()
    assert not header.stretchLastSection()
    note = assets.model.columnCount() - 1
    assert assets.model.columns[note].field == "note"
    assert header.sectionSize(note) <= assets.view.widths.wanted(note)


def test_a_column_grows_when_a_longer_entry_arrives(
    qtbot: QtBot, make_editor: Callable[..., CaseEditor]
) -> None:
    editor = make_editor("A")
    stock = shown_table(editor, "balance_sheet", "balance_sheet.stock")
    qtbot.waitUntil(stock.view.isVisible, timeout=2000)
    for row, _item in enumerate(editor.document.state.balance_sheet.stock):
        assert fits(stock, 0, stock.model.index(row, 0).data())
        assert fits(stock, 3, stock.model.index(row, 3).data())  # the amount
    long_label = "进口红酒及高档白酒礼盒"
    editor.document.set_field(("balance_sheet", "stock", 0, "label"), long_label)
    editor.document.set_field(("balance_sheet", "stock", 0, "unit_cost"), Decimal(1234567))
    qtbot.waitUntil(lambda: fits(stock, 0, long_label), timeout=1000)
    qtbot.waitUntil(lambda: fits(stock, 3, "1,234,567.00"), timeout=1000)


LEFT, NONE = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


def drag_column_edge(table: TableEditor, column: int, by: int) -> None:
    header = table.view.horizontalHeader()
    edge = header.sectionViewportPosition(column) + header.sectionSize(column) - 1
    y = header.height() // 2
    viewport = header.viewport()
    QTest.mousePress(viewport, LEFT, NONE, QPoint(edge, y))
    QTest.mouseMove(viewport, QPoint(edge + by // 2, y))
    QTest.mouseMove(viewport, QPoint(edge + by, y))
    QTest.mouseRelease(viewport, LEFT, NONE, QPoint(edge + by, y))


def test_a_width_the_officer_drags_is_kept_for_the_next_case(
    qtbot: QtBot, make_window: Callable[..., Any], settings: QSettings
) -> None:
    window = make_window()
    editor = window.open_demo("A")
    assets = shown_table(editor, "balance_sheet", "balance_sheet.assets")
    qtbot.waitUntil(assets.view.isVisible, timeout=2000)
    before = assets.view.columnWidth(0)
    drag_column_edge(assets, 0, 60)
    dragged = assets.view.columnWidth(0)
    assert dragged > before + 30
    assert int(settings.value(f"{SETTINGS_GROUP}/balance_sheet.assets/label")) == dragged

    editor.document.set_field(("balance_sheet", "assets", 0, "label"), "很长" * 12)
    qtbot.wait(20)
    assert assets.view.columnWidth(0) == dragged  # her width wins over the fitted one

    other = window.new_case()
    fresh = shown_table(other, "balance_sheet", "balance_sheet.assets")
    qtbot.waitUntil(fresh.view.isVisible, timeout=2000)
    assert fresh.view.columnWidth(0) == dragged
    assert fresh.view.columnWidth(2) == fresh.view.widths.wanted(2)  # the others are fitted


def test_a_burst_of_edits_is_measured_once_and_leaves_no_column_cut(
    qtbot: QtBot, make_editor: Callable[..., CaseEditor]
) -> None:
    editor = make_editor("A")
    stock = shown_table(editor, "balance_sheet", "balance_sheet.stock")
    qtbot.waitUntil(stock.view.isVisible, timeout=2000)
    widths = stock.view.widths
    passes: list[tuple[int, int, int, int]] = []
    grow_for = widths.grow_for
    widths.grow_for = lambda *cells: (passes.append(cells), grow_for(*cells))[1]  # type: ignore[method-assign]
    labels = ["进口红酒礼盒", "进口红酒及高档白酒礼盒", "精选进口红酒及高档白酒节日礼盒"]
    for row, label in enumerate(labels):  # typed faster than the event loop turns: one pass of edits
        editor.document.set_field(("balance_sheet", "stock", row, "label"), label)
        editor.document.set_field(("balance_sheet", "stock", row, "unit_cost"), Decimal(12345678 + row))
    qtbot.waitUntil(lambda: fits(stock, 0, labels[-1]), timeout=1000)
    qtbot.waitUntil(lambda: fits(stock, 4, stock.model.index(2, 4).data()), timeout=1000)
    assert passes and passes[0][:2] == (0, len(labels) - 1)  # the burst's rows, measured together
    assert len(passes) <= 2  # the edits, then the computed column the recompute refreshes
    header = stock.view.horizontalHeader()
    fitted = [header.sectionSize(c) for c in range(stock.model.columnCount())]
    widths.fit(grow_only=True)  # measuring every column again finds nothing left to widen
    assert [header.sectionSize(c) for c in range(stock.model.columnCount())] == fitted
