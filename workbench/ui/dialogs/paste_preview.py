"""Show what a paste from a spreadsheet will do before it lands: the cells, the new rows, the refusals."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.ui.i18n import tr
from workbench.ui.values import NUMERIC_KINDS, display_text

if TYPE_CHECKING:
    from workbench.ui.models.cell_block import PastePlan
    from workbench.ui.models.list_model import DataclassListModel

REFUSED = QColor("#FBE3D6")
NEW_ROW = QColor("#E8F4EA")


class PastePreview(QDialog):
    """The pasted block as it will read in the table; refused cells red and listed with their reason."""

    def __init__(self, model: DataclassListModel, plan: PastePlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pastePreview")
        self.setWindowTitle(tr("粘贴预览"))
        self.summary = QLabel(_summary(plan))
        self.summary.setWordWrap(True)
        self.table = QTableWidget(plan.rows, plan.columns)
        self.table.setObjectName("pasteCells")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setHorizontalHeaderLabels(
            [
                model.columns[c].header if c < model.columnCount() else "—"
                for c in range(plan.left, plan.left + plan.columns)
            ]
        )
        self.table.setVerticalHeaderLabels([str(plan.top + r + 1) for r in range(plan.rows)])
        existing = model.rowCount()
        for cell in plan.cells:
            if cell.problem:
                item = QTableWidgetItem(cell.text)
                item.setBackground(QBrush(REFUSED))
                item.setToolTip(cell.problem)
            else:
                kind = model.kind(cell.column)
                item = QTableWidgetItem(display_text(cell.value, kind))
                if kind in NUMERIC_KINDS:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if cell.row >= existing:
                    item.setBackground(QBrush(NEW_ROW))
            self.table.setItem(cell.row - plan.top, cell.column - plan.left, item)
        self.table.resizeColumnsToContents()
        self.problems = QListWidget()
        self.problems.setObjectName("pasteProblems")
        for cell in plan.bad:
            line = tr("第 %1 行：%2").replace("%1", str(cell.row + 1))
            self.problems.addItem(line.replace("%2", cell.problem))
        self.problems.setVisible(bool(plan.bad))
        self.problems.setMaximumHeight(110)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(tr("粘贴"))
        self.ok.setEnabled(bool(plan.good))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        if plan.good:
            self.ok.setFocus()  # Enter pastes, Esc cancels
        self.resize(640, 420)


def _summary(plan: PastePlan) -> str:
    parts = [
        tr("粘贴 %1 行 × %2 列，%3 个单元格")
        .replace("%1", str(plan.rows))
        .replace("%2", str(plan.columns))
        .replace("%3", str(len(plan.good)))
    ]
    if plan.new_rows:
        parts.append(tr("新增 %1 行").replace("%1", str(plan.new_rows)))
    if plan.bad:
        parts.append(tr("%1 个单元格不粘贴（原因见下）").replace("%1", str(len(plan.bad))))
    return tr("；").join(parts)
