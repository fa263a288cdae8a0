"""A titled table of one detail list with "add row" and "remove rows" buttons."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from workbench.ui.i18n import tr
from workbench.ui.table_export import add_export_action
from workbench.ui.widgets.sheet_view import SheetView

if TYPE_CHECKING:
    from workbench.ui.models.list_model import DataclassListModel


class TableEditor(QWidget):
    """The list's table; a new row opens its first cell for typing (the keys are ``SheetView``'s)."""

    def __init__(
        self,
        model: DataclassListModel,
        title: str = "",
        parent: QWidget | None = None,
        min_rows: int = 4,
        add_text: str = "",
    ) -> None:
        super().__init__(parent)
        self.model = model
        model.setParent(self)
        self.setObjectName(f"table:{model.path_key}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        if title:
            heading = QLabel(title)
            heading.setObjectName("tableTitle")
            bar.addWidget(heading)
        bar.addStretch(1)
        self.add_button = QPushButton(add_text or tr("添加行"))
        self.add_button.setToolTip(tr("在当前行之后添加一行"))
        self.remove_button = QPushButton(tr("删除行"))
        self.remove_button.setToolTip(tr("删除选中的行"))
        for button in (self.add_button, self.remove_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys do it: Tab goes from table to table
            bar.addWidget(button)
        layout.addLayout(bar)
        self.view = SheetView(self)
        self.view.setModel(model)
        add_export_action(self.view)
        row_height = self.view.verticalHeader().defaultSectionSize()
        self.view.setMinimumHeight(
            self.view.horizontalHeader().sizeHint().height() + row_height * min_rows + 4
        )
        layout.addWidget(self.view, 1)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_selected)

    def add_row(self) -> int:
        """Insert a blank row after the current one (or at the end) and start typing in it."""
        row = self.view.add_row()
        if row >= 0:
            self.view.setFocus()
            self.view.edit_cell(row, self.view.first_column())
        return row

    def remove_selected(self) -> None:
        """Remove the selected rows (the current row if nothing is selected), one undo step."""
        rows = sorted({i.row() for i in self.view.selectionModel().selectedIndexes()})
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        if not rows:
            return
        stack = self.model.document.undo_stack
        stack.beginMacro(tr("删除行"))
        for row in reversed(rows):
            self.model.removeRows(row, 1)
        stack.endMacro()
