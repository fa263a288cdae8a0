"""Paste a block from Excel/WPS into a detail table after a preview, and copy a selection out as one."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QTableWidget, QTabWidget, QWidget

from workbench.ui.dialogs.paste_preview import PastePreview
from workbench.ui.models.cell_block import parse_block
from workbench.ui.widgets.table_editor import TableEditor

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot

    from workbench.ui.widgets.case_editor import CaseEditor

# As Excel puts it on the clipboard: tabs between cells, CRLF after each row, amounts as typed.
PRODUCTS = "烟\t30%\t20\t18\r\n酒水饮料\t30%\t3\t2.5\r\n休闲食品\t0.2\t5\t3.9\r\n"


def table_of(qtbot: QtBot, editor: CaseEditor, section: str, path: str) -> TableEditor:
    """The table of ``path``, its tabs brought to the front and the focus in it."""
    editor.show_section(section)
    table = editor.findChild(TableEditor, f"table:{path}")
    assert table is not None
    widget: QWidget = table
    while (stack := widget.parentWidget()) is not None:
        tabs = stack.parentWidget()
        if isinstance(tabs, QTabWidget) and tabs.indexOf(widget) >= 0:
            tabs.setCurrentWidget(widget)
        widget = stack
    editor.activateWindow()
    table.view.setFocus()
    qtbot.waitUntil(table.view.hasFocus, timeout=2000)
    return table


def paste_with(view: Any, answer: Callable[[PastePreview], None]) -> list[PastePreview]:
    """Press Ctrl+V in ``view``; ``answer`` sees the preview and presses its key."""
    seen: list[PastePreview] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PastePreview)
        seen.append(dialog)
        answer(dialog)

    QTimer.singleShot(0, look)
    QTest.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    return seen


def cells(dialog: PastePreview) -> list[list[str]]:
    table = dialog.findChild(QTableWidget, "pasteCells")
    return [
        [table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_a_block_from_excel_lands_after_its_preview_in_one_undo_step(
    qtbot: QtBot, make_editor: Callable[..., CaseEditor]
) -> None:
    editor = make_editor()
    table = table_of(qtbot, editor, "income", "profit_loss.products")
    view, stack = table.view, editor.document.undo_stack
    QApplication.clipboard().setText(PRODUCTS)
    steps = stack.index()
    previews = paste_with(view, lambda d: QTest.keyClick(d, Qt.Key.Key_Return))
    assert len(previews) == 1
    assert cells(previews[0]) == [
        ["烟", "30%", "20.00", "18.00"],
        ["酒水饮料", "30%", "3.00", "2.50"],
        ["休闲食品", "20%", "5.00", "3.90"],
    ]
    summary = previews[0].findChild(QLabel).text()
    assert "3 行 × 4 列" in summary and "新增 3 行" in summary
    products = editor.document.state.profit_loss.products
    assert [(p.name, p.share, p.unit_price, p.unit_cost) for p in products] == [
        ("烟", Decimal("0.3"), Decimal(20), Decimal(18)),
        ("酒水饮料", Decimal("0.3"), Decimal(3), Decimal("2.5")),
        ("休闲食品", Decimal("0.2"), Decimal(5), Decimal("3.9")),
    ]
    assert stack.index() == steps + 1
    assert view.selectionModel().selectedIndexes()[0].row() == 0  # the pasted block is selected
    stack.undo()
    assert editor.document.state.profit_loss.products == ()


def test_refused_cells_are_named_and_left_out_and_cancel_pastes_nothing(
    qtbot: QtBot, make_editor: Callable[..., CaseEditor]
) -> None:
    editor = make_editor("A")
    table = table_of(qtbot, editor, "balance_sheet", "balance_sheet.stock")
    view, model, stack = table.view, table.model, editor.document.undo_stack
    before = editor.document.state
    view.setCurrentIndex(model.index(3, 1))  # 数量 of the fourth item
    QApplication.clipboard().setText("2\t5万\t9\n3\tabc\n")
    steps = stack.index()
    previews = paste_with(view, lambda d: QTest.keyClick(d, Qt.Key.Key_Escape))
    problems = previews[0].findChild(QListWidget, "pasteProblems")
    lines = [problems.item(i).text() for i in range(problems.count())]
    assert lines[0] == "第 4 行：金额：由程序计算，不能粘贴"
    assert lines[1].startswith("第 5 行：单位成本：") and "abc" in lines[1]
    assert cells(previews[0])[0][:2] == ["2", "50,000.00"]
    assert editor.document.state is before  # cancelled: nothing pasted, no undo step
    assert stack.index() == steps

    paste_with(view, lambda d: QTest.keyClick(d, Qt.Key.Key_Return))
    stock = editor.document.state.balance_sheet.stock
    assert (stock[3].quantity, stock[3].unit_cost) == (Decimal(2), Decimal(50000))
    assert (stock[4].quantity, stock[4].unit_cost) == (Decimal(3), before.balance_sheet.stock[4].unit_cost)
    assert stack.index() == steps + 1
    stack.undo()
    assert editor.document.state.balance_sheet == before.balance_sheet


def test_copy_gives_a_block_that_pastes_back_the_same(
    qtbot: QtBot, make_editor: Callable[..., CaseEditor]
) -> None:
    editor = make_editor("A")
    table = table_of(qtbot, editor, "balance_sheet", "balance_sheet.assets")
    view, model = table.view, table.model
    view.selectionModel().select(
        QItemSelection(model.index(0, 0), model.index(1, 2)), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    QTest.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    text = QApplication.clipboard().text()
    assert text == "收银台现金\t现金\t6000\n银行及微信/支付宝余额\t银行存款及电子钱包\t38000\n"
    assert parse_block(text) == [
        ["收银台现金", "现金", "6000"],
        ["银行及微信/支付宝余额", "银行存款及电子钱包", "38000"],
    ]

    view.selectionModel().clearSelection()
    view.setCurrentIndex(model.index(2, 0))  # over the third row, one new row appended
    paste_with(view, lambda d: QTest.keyClick(d, Qt.Key.Key_Return))
    assets = editor.document.state.balance_sheet.assets
    assert len(assets) == 4
    assert [(a.category, a.label, a.amount) for a in assets[2:]] == [
        (assets[0].category, "收银台现金", Decimal(6000)),
        (assets[1].category, "银行及微信/支付宝余额", Decimal(38000)),
    ]


def test_excel_quotes_a_cell_with_a_line_break() -> None:
    assert parse_block('"第一行\n第二行"\t3,500\r\n') == [["第一行\n第二行", "3,500"]]
    assert parse_block("") == []


def test_one_cell_lands_without_a_preview(qtbot: QtBot, make_editor: Callable[..., CaseEditor]) -> None:
    editor = make_editor("A")
    table = table_of(qtbot, editor, "balance_sheet", "balance_sheet.stock")
    view, model = table.view, table.model
    view.setCurrentIndex(model.index(0, 2))
    QApplication.clipboard().setText("2.9万\n")
    QTest.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.activeModalWidget() is None
    assert editor.document.state.balance_sheet.stock[0].unit_cost == Decimal(29000)
