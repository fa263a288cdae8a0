"""One table model for every detail list of a case, driven by a column spec.

The model shows the tuple at ``list_path`` in ``document.state``. It keeps a reference to the tuple it
last announced to its views (not a copy: the rows are the document's own immutable values), because
Qt's row-count contract needs "what the views know" while a change is announced. On
``state_changed`` it compares that tuple with the new one *by identity*: the path helpers share every
untouched row, so an insert, a removal or an edited row is found exactly and announced with the
narrowest signal (insert/remove rows or one ``dataChanged``), also after undo and redo.

``setData`` only parses (``values.parse_value``) and calls ``document.set_field``; a refused entry
returns ``False`` and emits ``edit_refused`` with the translated reason, and the old value stays.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from workbench.domain.errors import ValidationError
from workbench.ui.i18n import tr
from workbench.ui.labels import enum_label
from workbench.ui.paths import Path, field_hints, get_in, item_type_at, path_text, touches
from workbench.ui.values import (
    NUMERIC_KINDS,
    Kind,
    display_text,
    edit_text,
    enum_type,
    is_optional,
    kind_of,
    parse_value,
    refusal_text,
)

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
CHOICES_ROLE = Qt.ItemDataRole.UserRole + 2
ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Column:
    """One column: the row's field, its header, and optionally a kind, read-only flag or formula.

    ``kind`` defaults to what the field's type hint says (money, share, date …). A column with
    ``compute`` shows ``compute(item, row)`` and is read-only (derived figures, check results).
    ``choices(item)`` gives (label, stored text) pairs of a text column that stores keys: the cell
    shows the label, its editor offers the labels, and a typed or pasted label is stored as its key.
    ``applies(item)`` false: the field cannot apply to that row, as decided by what its cells left
    of it hold (a spouse's school status): the cell takes no typing and Tab passes it. A value it
    already holds stays, and stays editable so that it can be put right.
    """

    field: str
    header: str
    kind: Kind | None = None
    editable: bool = True
    compute: Callable[[Any, int], str] | None = None
    choices: Callable[[Any], list[tuple[str, str]]] | None = None
    applies: Callable[[Any], bool] | None = None


class DataclassListModel(QAbstractTableModel):
    """Rows = the items of a tuple of frozen dataclasses in the document; columns = a spec."""

    edit_refused = Signal(str)
    refusal_cleared = Signal(str)  # the message of a refused cell once the cell takes a value

    def __init__(
        self, document: Any, list_path: Path, columns: tuple[Column, ...], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.list_path = list_path
        self.path_key = path_text(list_path)
        self.columns = columns
        self.item_type: type = item_type_at(document.state, list_path)
        hints = field_hints(self.item_type)
        self._hints = [hints.get(c.field) for c in columns]
        self._kinds = [
            c.kind or (Kind.COMPUTED if c.compute or h is None else kind_of(h))
            for c, h in zip(columns, self._hints, strict=True)
        ]
        self._rows: tuple[Any, ...] = self._read()
        self._refusals: dict[str, str] = {}  # field path → the message its refused entry gave
        document.state_changed.connect(self._on_state_changed)

    # ---- reading ---------------------------------------------------------------------------------

    def _read(self) -> tuple[Any, ...]:
        try:
            return tuple(get_in(self.document.state, self.list_path) or ())
        except KeyError:
            return ()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def rows(self) -> tuple[Any, ...]:
        """The items the views show."""
        return self._rows

    def kind(self, column: int) -> Kind:
        """The display kind of a column."""
        return self._kinds[column]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        col, kind = self.columns[index.column()], self._kinds[index.column()]
        item = self._rows[index.row()]
        if col.compute is not None:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return col.compute(item, index.row())
            if role == Qt.ItemDataRole.TextAlignmentRole and col.kind is not Kind.TEXT:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        value = getattr(item, col.field)
        if col.choices is not None and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return dict((v, label) for label, v in col.choices(item)).get(value, value) or None
        if role == Qt.ItemDataRole.DisplayRole:
            return None if kind is Kind.BOOL else display_text(value, kind)
        if role == Qt.ItemDataRole.EditRole:
            return edit_text(value, kind)
        if role == Qt.ItemDataRole.CheckStateRole and kind is Kind.BOOL:
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and kind in NUMERIC_KINDS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and kind in (Kind.TEXT, Kind.LONG_TEXT) and value:
            return str(value)
        if role == KIND_ROLE:
            return kind.value
        if role == CHOICES_ROLE:
            if col.choices is not None:
                return _keyed_choices(col.choices(item), value)
            return self.choices(index.column())
        return None

    def choices(self, column: int) -> list[tuple[str, str]] | None:
        """``(label, value)`` of an enum column's choices ("—" first when it may be empty), else ``None``."""
        hint = self._hints[column]
        enum = enum_type(hint) if hint is not None else None
        if enum is None:
            return None
        choices = [(enum_label(m), str(m.value)) for m in enum]
        return [("—", ""), *choices] if is_optional(hint) else choices

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header if 0 <= section < len(self.columns) else None
        return str(section + 1)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        col, kind = self.columns[index.column()], self._kinds[index.column()]
        if not col.editable or col.compute is not None or kind is Kind.COMPUTED:
            return base
        if not self.applies(index.row(), index.column()):
            return base
        if kind is Kind.BOOL:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    # ---- editing -----------------------------------------------------------------------------------

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not self.flags(index) & (
            Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable
        ):
            return False
        col, kind = self.columns[index.column()], self._kinds[index.column()]
        path = (*self.list_path, index.row(), col.field)
        try:
            if kind is Kind.BOOL and role == Qt.ItemDataRole.CheckStateRole:
                new = _checked(value)
            elif role == Qt.ItemDataRole.EditRole:
                new = self.parse_cell(index.row(), index.column(), "" if value is None else str(value))
            else:
                return False
            self.document.set_field(path, new, col.header)
        except ValidationError as error:
            message = refusal_text(error, col.header)
            self._refusals[path_text(path)] = message
            self.edit_refused.emit(message)
            return False
        fixed = self._refusals.pop(path_text(path), None)
        if fixed is not None:
            self.refusal_cleared.emit(fixed)
        return True

    def parse_cell(self, row: int, column: int, text: str) -> Any:
        """The value ``text`` gives the cell at ``(row, column)`` (the row need not exist yet).

        Raises:
            ValidationError: the text is not a value of that column.
        """
        col = self.columns[column]
        if col.choices is not None:  # a label typed or pasted: store its key
            item = self._rows[row] if row < len(self._rows) else self.document.blank_row(self.list_path)
            text = dict(col.choices(item)).get(text.strip(), text)
        path = path_text((*self.list_path, row, col.field))
        return parse_value(text, self._hints[column], path, self._kinds[column])

    def is_editable(self, column: int) -> bool:
        """Whether the officer types into ``column`` (not a derived or read-only one)."""
        col, kind = self.columns[column], self._kinds[column]
        return col.editable and col.compute is None and kind is not Kind.COMPUTED

    def applies(self, row: int, column: int) -> bool:
        """Whether the cell can apply to its row (see ``Column.applies``); a cell holding a value does."""
        col = self.columns[column]
        if col.applies is None or not 0 <= row < len(self._rows):
            return True
        item = self._rows[row]
        return col.applies(item) or getattr(item, col.field) != self.blank_value(column)

    def blank_value(self, column: int) -> Any:
        """What an emptied cell of ``column`` holds: the value of a new row."""
        return getattr(self.document.blank_row(self.list_path), self.columns[column].field)

    def clear_cells(self, cells: list[tuple[int, int]]) -> int:
        """Empty the editable cells of ``(row, column)`` in one undo step; the number changed."""
        changes = [
            (row, column, self.blank_value(column))
            for row, column in cells
            if 0 <= row < len(self._rows) and self.is_editable(column)
        ]
        return self.set_cells(changes, tr("清除单元格"))

    def set_cells(self, changes: list[tuple[int, int, Any]], label: str, new_rows: int = 0) -> int:
        """Append ``new_rows`` blank rows, then set each ``(row, column, value)``: one undo step.

        Returns the number of cells that changed (a cell that already held its value is no change).
        """
        blank_row = self.document.blank_row(self.list_path) if new_rows else None
        changes = [
            (row, column, value)
            for row, column, value in changes
            if not _same(self._field(row, column, blank_row), value)
        ]
        if not changes and not new_rows:
            return 0
        stack = self.document.undo_stack
        stack.beginMacro(label)
        try:
            for _ in range(new_rows):
                self.document.insert_row(self.list_path, len(self._read()))
            for row, column, value in changes:
                col = self.columns[column]
                self.document.set_field((*self.list_path, row, col.field), value, col.header)
        except ValidationError as error:
            stack.endMacro()
            stack.undo()  # nothing half-done stays
            self.edit_refused.emit(refusal_text(error))
            return 0
        stack.endMacro()
        return len(changes)

    def _field(self, row: int, column: int, blank_row: Any) -> Any:
        item = self._rows[row] if row < len(self._rows) else blank_row
        return getattr(item, self.columns[column].field)

    def insertRows(self, row: int, count: int, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or count < 1 or not 0 <= row <= len(self._rows):
            return False
        stack = self.document.undo_stack
        stack.beginMacro(tr("添加行"))
        try:
            for offset in range(count):
                self.document.insert_row(self.list_path, row + offset)
        except ValidationError as error:
            self.edit_refused.emit(refusal_text(error))
            return False
        finally:
            stack.endMacro()
        return True

    def removeRows(self, row: int, count: int, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or count < 1 or row < 0 or row + count > len(self._rows):
            return False
        stack = self.document.undo_stack
        stack.beginMacro(tr("删除行"))
        for offset in reversed(range(count)):
            self.document.remove_row(self.list_path, row + offset)
        stack.endMacro()
        return True

    def refresh_computed(self) -> None:
        """Repaint the derived columns (after new results)."""
        computed = [i for i, c in enumerate(self.columns) if c.compute is not None]
        if computed and self._rows:
            self.dataChanged.emit(
                self.index(0, min(computed)), self.index(len(self._rows) - 1, max(computed))
            )

    # ---- following the document -------------------------------------------------------------------

    def _on_state_changed(self, changed: frozenset[str]) -> None:
        if not touches(changed, self.path_key):
            return
        old, new = self._rows, self._read()
        if len(old) == len(new) and all(a is b for a, b in zip(old, new, strict=True)):
            return
        shared = min(len(old), len(new))
        head = 0
        while head < shared and old[head] is new[head]:
            head += 1
        tail = 0
        while tail < shared - head and old[-1 - tail] is new[-1 - tail]:
            tail += 1
        removed, added = len(old) - head - tail, len(new) - head - tail
        if removed > added:
            self.beginRemoveRows(QModelIndex(), head + added, head + removed - 1)
            self._rows = new
            self.endRemoveRows()
        elif added > removed:
            self.beginInsertRows(QModelIndex(), head + removed, head + added - 1)
            self._rows = new
            self.endInsertRows()
        else:
            self._rows = new
        changed_rows = min(removed, added)
        if changed_rows:
            self.dataChanged.emit(
                self.index(head, 0), self.index(head + changed_rows - 1, len(self.columns) - 1)
            )


def _same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b


def _checked(value: Any) -> bool:
    if isinstance(value, Enum):
        return bool(value == Qt.CheckState.Checked)
    return int(value) == Qt.CheckState.Checked.value


def _keyed_choices(choices: list[tuple[str, str]], value: Any) -> list[tuple[str, str]] | None:
    """The editor's choices of a keyed text column; the cell's own text is kept among them, so
    opening the editor never changes a value of the officer's own (none at all: a line edit)."""
    if not choices:
        return None
    if value and value not in {v for _label, v in choices}:
        return [(str(value), str(value)), *choices]
    if not value:
        return [("—", ""), *choices]
    return choices
