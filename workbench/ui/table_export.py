"""Right-click any list of the window (cases, checks, a schedule …) → 导出为 CSV 或 Excel….

One helper for every view: it writes what the view shows (headers and display texts, in view order).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from workbench.services.workbooks import table_file
from workbench.ui.i18n import tr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractItemView


def add_export_action(view: QAbstractItemView, title: str = "") -> QAction:
    """Give ``view`` a context-menu action that saves its rows as .csv or .xlsx."""
    action = QAction(tr("导出为 CSV 或 Excel…"), view)
    action.setObjectName("action:export_table")
    action.triggered.connect(lambda _checked=False: _ask_and_export(view, title))
    view.addAction(action)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return action


def view_rows(view: QAbstractItemView) -> tuple[list[str], list[list[str]]]:
    """The headers and the display texts of every row of ``view``'s model."""
    model = view.model()
    columns = range(model.columnCount())
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in columns]
    rows = []
    for r in range(model.rowCount()):
        rows.append([_text(model.data(model.index(r, c))) for c in columns])
    return headers, rows


def export_view(view: QAbstractItemView, path: Path, title: str = "") -> None:
    """Write ``view``'s rows to ``path`` (.csv, else .xlsx)."""
    headers, rows = view_rows(view)
    path.write_bytes(table_file(title or path.stem, headers, rows, path.suffix))


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _ask_and_export(view: QAbstractItemView, title: str) -> None:
    name, chosen = QFileDialog.getSaveFileName(
        view,
        tr("导出列表"),
        str(Path.home() / f"{title or tr('列表')}.xlsx"),
        tr("Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)"),
    )
    if not name:
        return
    path = Path(name)
    if path.suffix.lower() not in (".xlsx", ".csv"):
        path = path.with_suffix(".csv" if "csv" in chosen.lower() else ".xlsx")
    try:
        export_view(view, path, title)
    except OSError as error:
        QMessageBox.warning(
            view,
            tr("导出列表"),
            tr("无法写入 %1：%2").replace("%1", str(path)).replace("%2", error.strerror or str(error)),
        )
