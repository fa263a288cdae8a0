"""文件 → 导出 Excel… / 导入 Excel…, and 导出为 CSV 或 Excel… on the lists of the window."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

import openpyxl
from PySide6.QtWidgets import QTableView

from workbench.services.case_files import dumps_case
from workbench.ui.case_io import open_demo
from workbench.ui.table_export import export_view

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from workbench.ui.main_window import MainWindow


def _file_menu_keys(window: MainWindow) -> list[str]:
    menu = window.menuBar().actions()[0].menu()
    return [a.objectName() for a in menu.actions()]  # type: ignore[union-attr]


def test_export_then_import_opens_the_same_case(make_window: Callable[..., Any], tmp_path: Path) -> None:
    window: MainWindow = make_window()
    assert {"action:export_xlsx", "action:import_xlsx"} <= set(_file_menu_keys(window))
    case, source = open_demo("B")
    window.add_case(case, source)
    target = tmp_path / "b.xlsx"
    assert window.workbooks.export_to(target)
    assert openpyxl.load_workbook(target).sheetnames[0] == "资产负债表"
    editor = window.workbooks.import_from(target)
    assert editor is not None and window.tabs.count() == 2
    assert dumps_case(editor.document.state) == dumps_case(case)


def test_a_refused_workbook_opens_nothing_and_says_why(
    make_window: Callable[..., Any], tmp_path: Path
) -> None:
    window: MainWindow = make_window()
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook")
    assert window.workbooks.import_from(bad) is None
    assert window.tabs.count() == 0
    assert "不是 Excel 工作簿" in window.statusBar().currentMessage()


def test_lists_export_as_csv_and_xlsx(make_window: Callable[..., Any], tmp_path: Path, qtbot: Any) -> None:
    window: MainWindow = make_window()
    editor = window.add_case(*open_demo("A"))
    schedule = editor.show_section("capacity").findChild(QTableView, "scheduleTable")
    assert schedule is not None
    qtbot.waitUntil(lambda: schedule.model().rowCount() == 12)
    assert any(a.objectName() == "action:export_table" for a in schedule.actions())
    export_view(schedule, tmp_path / "schedule.csv")
    rows = list(csv.reader(io.StringIO((tmp_path / "schedule.csv").read_text(encoding="utf-8-sig"))))
    assert len(rows) == 13
    export_view(schedule, tmp_path / "schedule.xlsx", "还款计划")
    ws = openpyxl.load_workbook(tmp_path / "schedule.xlsx").active
    assert ws.title == "还款计划" and ws.max_row == 13
    assert any(isinstance(c.value, float) for c in ws[2])
    cases = window.case_list.table
    assert any(a.objectName() == "action:export_table" for a in cases.actions())
