"""A table view that types like a spreadsheet.

* Typing in a cell starts editing it; Tab / Shift+Tab commit and move right / left (wrapping rows);
  F2 edits. Enter commits and moves down, back to the column where a run of Tabs started (as in
  Excel: type a row with Tab, Enter, type the next); Enter on the last row adds a row.
* Ctrl+Enter and Insert add a row after the current one; typing into an empty table starts its
  first row; Tab passes over derived cells; Delete empties the selected cells.
* Ctrl+Tab leaves the table (to the next tab when it sits in tabs), also from an open editor.
* Ctrl+C copies the selection as a tab-separated block; Ctrl+V pastes one from Excel or WPS after a
  preview (``cell_block``, ``PastePreview``). Each of these is one undo step.
* Enum columns edit with a combo box of Chinese labels; everything else with a line edit.
* An entry the model refuses stays in its editor with a red frame and the reason as a tooltip,
  until it is corrected or Esc restores the old value.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QToolTip,
    QWidget,
)

from workbench.ui.dialogs.paste_preview import PastePreview
from workbench.ui.models.cell_block import apply_paste, block_text, cell_text, parse_block, plan_paste
from workbench.ui.models.list_model import CHOICES_ROLE, KIND_ROLE, DataclassListModel
from workbench.ui.values import Kind
from workbench.ui.widgets.column_widths import ColumnWidths
from workbench.ui.widgets.fields import REFUSED_STYLE

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QShowEvent

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

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        # Ctrl+Enter in an open editor: commit it, then add a row (Qt would only commit and move).
        view = self.parent()
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and _is_ctrl_tab(event)
            and isinstance(editor, QWidget)
            and isinstance(view, SheetView)
        ):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            if view.state() != QAbstractItemView.State.EditingState:
                view.leave(
                    event.key() == Qt.Key.Key_Tab
                    and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                )
            return True
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and _is_enter(event)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            and isinstance(editor, QWidget)
            and isinstance(view, SheetView)
        ):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            if view.state() != QAbstractItemView.State.EditingState:
                view.add_row()
            return True
        return super().eventFilter(editor, event)


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
        self.horizontalHeader().setMinimumSectionSize(56)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.widths = ColumnWidths(self)
        self.grows_on_enter = True  # Enter on the last row adds a row
        self.row_adder: Callable[[int], None] | None = None  # how Insert adds one (default: a blank row)
        self._refusal = ""
        self._anchor: int | None = None  # the column a run of Tabs started in
        self._keyed_move = False

    def list_model(self) -> DataclassListModel | None:
        """The detail-list model shown, if it is one."""
        model = self.model()
        return model if isinstance(model, DataclassListModel) else None

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        refused = getattr(model, "edit_refused", None)
        if refused is not None:
            refused.connect(self._on_refused)
        if model is not None:
            self.widths.follow(model)
        self.widths.fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.widths.fit(grow_only=True)  # in a window now: the officer's own widths apply

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
            self.next_row()
            return
        if hint in (
            QAbstractItemDelegate.EndEditHint.EditNextItem,
            QAbstractItemDelegate.EndEditHint.EditPreviousItem,
        ):
            self._start_run()
            self._keyed_move = True
            try:
                super().closeEditor(editor, hint)
            finally:
                self._keyed_move = False
            return
        super().closeEditor(editor, hint)

    def currentChanged(self, current: ModelIndex, previous: ModelIndex) -> None:
        if not self._keyed_move:
            self._anchor = None  # moved by other means: Enter goes straight down again
        super().currentChanged(current, previous)

    def go_to_column(self, column: int) -> None:
        """Move along the current row to ``column`` (a key tip), committing the cell being typed; a
        move within the row, like Tab: Enter then goes on to the next row where the run started. In an
        empty table it starts the first row."""
        model = self.model()
        if model is None or not 0 <= column < model.columnCount():
            return
        if model.rowCount() == 0 and (self.row_adder is not None or self.add_row() < 0):
            return  # an empty table starts its first row there; one that asks first (checks) does not
        current = self.currentIndex()
        self._start_run()
        self._keyed_move = True
        try:
            self.setCurrentIndex(model.index(max(current.row(), 0), column))
        finally:
            self._keyed_move = False
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _start_run(self) -> None:
        if self._anchor is None and self.currentIndex().isValid():
            self._anchor = self.currentIndex().column()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = event.key()
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
        elif key == Qt.Key.Key_Delete and not modifiers:
            self.clear_selection()
        elif (key == Qt.Key.Key_Insert and not modifiers) or (
            _is_enter(event) and modifiers == Qt.KeyboardModifier.ControlModifier
        ):
            self.add_row()
        elif _is_ctrl_tab(event):
            self.leave(key == Qt.Key.Key_Tab and not modifiers & Qt.KeyboardModifier.ShiftModifier)
        elif _is_enter(event) and not modifiers:
            self.next_row()
        elif _typed(event):
            self._start_first_row()  # typing into an empty table starts its first row
            super().keyPressEvent(event)
        elif key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self._start_run()
            self._keyed_move = True
            try:
                super().keyPressEvent(event)
            finally:
                self._keyed_move = False
        else:
            super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        # Chinese text arrives from the input method; in an empty table it starts the first row too.
        if event.commitString() and self.state() != QAbstractItemView.State.EditingState:
            self._start_first_row()
            index = self.currentIndex()
            # Qt opens the cell's editor but does not hand it the text: hand it over, as a key is.
            if index.isValid() and self.edit(index, QAbstractItemView.EditTrigger.AnyKeyPressed, event):
                editor = QApplication.focusWidget()
                if editor is not None and editor is not self:
                    QApplication.sendEvent(editor, event)
                return
        super().inputMethodEvent(event)

    def _start_first_row(self) -> None:
        model = self.list_model()
        if model is not None and model.rowCount() == 0 and self.grows_on_enter:
            self.add_row()

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        # Tab and Shift+Tab pass over derived cells and cells that cannot apply to their row: they take
        # no typing.
        model = self.list_model()
        forward = cursorAction == QAbstractItemView.CursorAction.MoveNext
        if model is None or cursorAction not in (
            QAbstractItemView.CursorAction.MoveNext,
            QAbstractItemView.CursorAction.MovePrevious,
        ):
            return super().moveCursor(cursorAction, modifiers)
        current = self.currentIndex()
        columns, cells = model.columnCount(), model.rowCount() * model.columnCount()
        position = current.row() * columns + current.column() if current.isValid() else -1
        while 0 <= position + (1 if forward else -1) < cells:
            position += 1 if forward else -1
            row, column = divmod(position, columns)
            if model.is_editable(column) and model.applies(row, column) and not self.isColumnHidden(column):
                return model.index(row, column)
        return current

    def event(self, event: QEvent) -> bool:
        # Keys this view uses itself are not the window's shortcuts while it has the focus.
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.ShortcutOverride
            and any(event.matches(k) for k in (QKeySequence.StandardKey.Copy, QKeySequence.StandardKey.Paste))
        ):
            event.accept()
            return True
        return super().event(event)

    # ---- moving and adding rows ------------------------------------------------------------------

    def leave(self, forward: bool = True) -> None:
        """Ctrl+Tab: to the next tab when the table sits in tabs, else to the next field (Tab moves cells)."""
        tabs = self.parentWidget()
        while tabs is not None and not isinstance(tabs, QTabWidget):
            # the section page is as far as tabs of this table go: above it are the window's case
            # tabs, and Ctrl+Tab out of a table must not switch to another case
            tabs = None if tabs.objectName().startswith("page:") else tabs.parentWidget()
        if tabs is not None and tabs.count() > 1:
            tabs.setCurrentIndex((tabs.currentIndex() + (1 if forward else -1)) % tabs.count())
            return
        widget: QWidget = self
        while True:
            following = widget.nextInFocusChain() if forward else widget.previousInFocusChain()
            if following is None or following is self:
                return
            widget = following
            if (
                not self.isAncestorOf(widget)
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and widget.isVisible()
                and widget.isEnabled()
                and widget.focusProxy() is None
            ):
                widget.setFocus(
                    Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
                )
                return

    def next_row(self) -> None:
        """Move one row down, to the column a run of Tabs started in; on the last row add a row."""
        current, model = self.currentIndex(), self.model()
        if not current.isValid() or model is None:
            return
        column = self._anchor if self._anchor is not None else current.column()
        row = current.row() + 1
        if row >= model.rowCount():
            if not self.grows_on_enter or self.list_model() is None:
                return
            self._insert_at(row)
            if row >= model.rowCount():
                return
        self.setCurrentIndex(model.index(row, column))

    def move_down(self) -> None:
        """Move the current cell one row down (stays on the last row)."""
        current = self.currentIndex()
        model = self.model()
        if current.isValid() and model is not None and current.row() + 1 < model.rowCount():
            self.setCurrentIndex(current.sibling(current.row() + 1, current.column()))

    def add_row(self) -> int:
        """Add a row after the current one (or at the end) and make its first cell current."""
        model = self.list_model()
        if model is None:
            return -1
        current = self.currentIndex()
        row = current.row() + 1 if current.isValid() else model.rowCount()
        if self.row_adder is not None:
            self.row_adder(row)
            return row
        if not self._insert_at(row):
            return -1
        self.setCurrentIndex(model.index(row, self.first_column()))
        return row

    def _insert_at(self, row: int) -> bool:
        model = self.model()
        return model is not None and model.insertRows(row, 1)

    def first_column(self) -> int:
        """The first column the officer types into."""
        model = self.list_model()
        if model is None:
            return 0
        columns = range(model.columnCount())
        return next((c for c in columns if model.is_editable(c) and model.kind(c) is not Kind.BOOL), 0)

    def edit_cell(self, row: int, column: int) -> Any:
        """Make ``(row, column)`` current and open its editor."""
        model = self.model()
        if model is None:
            return None
        index = model.index(row, column)
        self.setCurrentIndex(index)
        self.edit(index)
        return index

    # ---- blocks of cells -------------------------------------------------------------------------

    def _selected_cells(self) -> list[tuple[int, int]]:
        cells = sorted({(i.row(), i.column()) for i in self.selectionModel().selectedIndexes()})
        if not cells and self.currentIndex().isValid():
            cells = [(self.currentIndex().row(), self.currentIndex().column())]
        return cells

    def clear_selection(self) -> int:
        """Empty the selected cells (one undo step); the number of cells emptied."""
        model = self.list_model()
        return model.clear_cells(self._selected_cells()) if model is not None else 0

    def copy_selection(self) -> str:
        """Put the selection on the clipboard as a tab-separated block (and return it)."""
        model, cells = self.list_model(), self._selected_cells()
        if model is None or not cells:
            return ""
        rows = [r for r, _ in cells]
        columns = [c for _, c in cells]
        chosen = set(cells)
        span = range(min(columns), max(columns) + 1)
        block = [
            [cell_text(model, r, c) if (r, c) in chosen else "" for c in span]
            for r in range(min(rows), max(rows) + 1)
        ]
        text = block_text(block)
        QApplication.clipboard().setText(text)
        return text

    def paste(self, text: str | None = None) -> int:
        """Paste a tab-separated block at the selection's top-left cell, after a preview.

        One cell that parses lands at once; a larger block, or one with refused cells, is shown
        first and lands only on "paste". Returns the number of cells changed.
        """
        model = self.list_model()
        block = parse_block(QApplication.clipboard().text() if text is None else text)
        if model is None or not block:
            return 0
        cells = self._selected_cells()
        top = min((r for r, _ in cells), default=model.rowCount())
        left = min((c for _, c in cells), default=0)
        plan = plan_paste(model, top, left, block)
        if len(plan.cells) > 1 or plan.bad:
            dialog = PastePreview(model, plan, self)
            accepted = dialog.exec() == PastePreview.DialogCode.Accepted
            dialog.deleteLater()
            if not accepted:
                return 0
        changed = apply_paste(model, plan)
        last_row = min(top + plan.rows, model.rowCount()) - 1
        last_column = min(left + plan.columns, model.columnCount()) - 1
        if last_row >= top and last_column >= left:
            self.setCurrentIndex(model.index(top, left))
            self.selectionModel().select(
                QItemSelection(model.index(top, left), model.index(last_row, last_column)),
                QItemSelectionModel.SelectionFlag.ClearAndSelect,
            )
        return changed


def _typed(event: QKeyEvent) -> bool:
    text = event.text()
    plain = not event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
    return bool(text) and text.isprintable() and plain


def _is_ctrl_tab(event: QKeyEvent) -> bool:
    return event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and bool(
        event.modifiers() & Qt.KeyboardModifier.ControlModifier
    )


def _is_enter(event: QKeyEvent) -> bool:
    return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _has_focus(editor: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is editor or editor.isAncestorOf(focus))
