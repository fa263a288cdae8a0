"""A read-only table over immutable records (services' dataclasses), one record a row.

The dialogs' tables (archive, signatures, identities) differ only in their headers and in what a
cell shows for a role; the row bookkeeping, sizes and header lookup live here once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

if TYPE_CHECKING:
    from collections.abc import Sequence

Index = QModelIndex | QPersistentModelIndex
Record = TypeVar("Record")


class RecordsModel(QAbstractTableModel, Generic[Record]):
    """Subclasses give ``headers()`` and ``cell(record, column, role)``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Record] = []

    def headers(self) -> Sequence[str]:
        raise NotImplementedError

    def cell(self, record: Record, column: int, role: int) -> Any:
        raise NotImplementedError

    def set_rows(self, rows: Sequence[Record]) -> None:
        """Show ``rows`` (a reset: the records are replaced, not edited)."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        return self.cell(self.rows[index.row()], index.column(), role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None
