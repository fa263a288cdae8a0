"""A table view that types like a spreadsheet.

* Typing in a cell starts editing it; Tab / Shift+Tab commit and move right / left (wrapping rows);
  Enter commits and moves down; Enter on a cell that is not being edited moves down; F2 edits.
* Enum columns edit with a combo box of Chinese labels; everything else with a line edit.
* An entry the model refuses stays in its editor with a red frame and the reason as a tooltip,
  until it is corrected or Esc restores the old value.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QWidget,
)

from workbench.ui.models.list_model import CHOICES_ROLE, KIND_ROLE
from workbench.ui.widgets.fields import REFUSED_STYLE

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent

ModelIndex = QModelIndex | QPersistentModelIndex
_NUMERIC = {"money", "decimal", "share", "int", "operand"}


class CellDelegate(QStyledItemDelegate):
    """Editors by column kind (the model's ``KIND_ROLE``): combo box for enums, line edit otherwise."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> QWidget:
        choices = index.data(CHOICES_ROLE)
        if choices:
            combo = QComboBox(parent)
            for label, value in choices:
                combo.addItem(label, value)
            return combo
        edit = QLineEdit(parent)
        if index.data(KIND_ROLE) in _NUMERIC:
            edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return edit

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value or ""), 0))
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class SheetView(QTableView):
    """QTableView with spreadsheet keys and in-place refusal of invalid entries."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(CellDelegate(self))
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setTabKeyNavigation(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setMinimumSectionSize(56)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self._refusal = ""

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        refused = getattr(model, "edit_refused", None)
        if refused is not None:
            refused.connect(self._on_refused)

    def _on_refused(self, message: str) -> None:
        self._refusal = message

    def commitData(self, editor: QWidget) -> None:
        self._refusal = ""
        super().commitData(editor)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        refusal, self._refusal = self._refusal, ""
        keep_open = hint != QAbstractItemDelegate.EndEditHint.RevertModelCache and _has_focus(editor)
        if refusal and keep_open:
            editor.setStyleSheet(REFUSED_STYLE)
            editor.setToolTip(refusal)
            QToolTip.showText(editor.mapToGlobal(editor.rect().bottomLeft()), refusal, editor)
            return
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.move_down()
            return
        super().closeEditor(editor, hint)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.state() != QAbstractItemView.State.EditingState
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.move_down()
            return
        super().keyPressEvent(event)

    def move_down(self) -> None:
        """Move the current cell one row down (stays on the last row)."""
        current = self.currentIndex()
        model = self.model()
        if current.isValid() and model is not None and current.row() + 1 < model.rowCount():
            self.setCurrentIndex(current.sibling(current.row() + 1, current.column()))

    def edit_cell(self, row: int, column: int) -> Any:
        """Make ``(row, column)`` current and open its editor."""
        model = self.model()
        if model is None:
            return None
        index = model.index(row, column)
        self.setCurrentIndex(index)
        self.edit(index)
        return index


def _has_focus(editor: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is editor or editor.isAncestorOf(focus))
