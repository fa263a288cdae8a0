"""The store's case list, paged: rows arrive a page at a time as the view scrolls (canFetchMore).

Pages are fetched off the GUI thread; a filter or sort change bumps a generation counter so a page
that arrives for an old query is dropped. 100 000 cases cost one page of rows until the officer
scrolls. Sorting (``sort``, from a header click) and filtering happen in the store's query; the next
page starts after the last row shown (keyset paging), so a page deep in the list is as fast as the
first.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from shiboken6 import isValid

from workbench.domain.case_list import CaseListQuery, SortKey
from workbench.ui.i18n import tr
from workbench.ui.labels import enum_label
from workbench.ui.ops import run_in_background
from workbench.ui.values import money_text

if TYPE_CHECKING:
    from workbench.domain.case_file import Stage
    from workbench.domain.records import CaseSummary

ModelIndex = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 100
FetchPage = Callable[[CaseListQuery, int, "CaseSummary | None"], list["CaseSummary"]]
SORT_KEYS: dict[int, SortKey] = {
    0: SortKey.APPLICANT,
    3: SortKey.STAGE,
    4: SortKey.CASE_NUMBER,
    5: SortKey.OFFICER,
    6: SortKey.UPDATED,
}
"""The columns a header click sorts by (business and amount have no index to sort on)."""
Runner = Callable[[Callable[[], Any], Callable[[Any], None], Callable[[BaseException], None]], None]


class CaseListModel(QAbstractTableModel):
    """Borrower, business, amount requested, stage, case number, officer, last change."""

    def __init__(
        self,
        fetch_page: FetchPage,
        parent: Any = None,
        runner: Runner = run_in_background,
        on_error: Callable[[BaseException], None] | None = None,
        officer_names: Callable[[], list[str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self._fetch = fetch_page
        self._officer_names = officer_names
        self._run = runner
        self._on_error = on_error or (lambda _e: None)
        self._rows: list[CaseSummary] = []
        self.query = CaseListQuery()
        self._generation = 0
        self._loading = False
        self._exhausted = False
        self._headers = [  # what tells cases apart first: the dock is narrow
            tr("借款人"),
            tr("经营主体"),
            tr("申请金额"),
            tr("阶段"),
            tr("案件编号"),
            tr("客户经理"),
            tr("更新时间"),
        ]

    def set_filter(self, name_like: str = "", stage: Stage | None = None) -> None:
        """Show only cases matching ``name_like`` (borrower, business or case number) and ``stage``."""
        self.set_query(dataclasses.replace(self.query, name_like=name_like.strip(), stage=stage))

    def set_query(self, query: CaseListQuery) -> None:
        """Show the cases ``query`` finds, in its order (from the first page)."""
        self.beginResetModel()
        self._rows = []
        self.query = query
        self._generation += 1
        self._loading = False
        self._exhausted = False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def load_officers(self, on_done: Callable[[list[str]], None]) -> None:
        """The officers' names for the filter (off the GUI thread); nothing without a source."""
        source = self._officer_names
        if source is not None:
            self._run(source, on_done, self._on_error)

    def summary(self, row: int) -> CaseSummary:
        """The case summary shown in ``row``."""
        return self._rows[row]

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._loading and not self._exhausted

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._loading = True
        generation, query = self._generation, self.query
        after = self._rows[-1] if self._rows else None
        self._run(
            lambda: self._fetch(query, PAGE_SIZE, after),
            lambda page: self._append(generation, page),
            lambda error: self._failed(generation, error),
        )

    def _append(self, generation: int, page: list[CaseSummary]) -> None:
        # A page can arrive after the panel (and this model) closed: its C++ side is gone then.
        if not isValid(self) or generation != self._generation:
            return
        self._loading = False
        self._exhausted = len(page) < PAGE_SIZE
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def _failed(self, generation: int, error: BaseException) -> None:
        if isValid(self) and generation == self._generation:
            self._loading = False
            self._exhausted = True
            self._on_error(error)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` in the store (a column without an order is ignored)."""
        key = SORT_KEYS.get(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self.query.sort, self.query.descending):
            self.set_query(dataclasses.replace(self.query, sort=key, descending=descending))

    def sort_column(self) -> int:
        """The column of the current order."""
        return next(c for c, k in SORT_KEYS.items() if k is self.query.sort)

    def sort_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self.query.descending else Qt.SortOrder.AscendingOrder

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        s = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                s.borrower_name,
                s.business_name,
                money_text(s.requested),
                enum_label(s.stage),
                s.case_number,
                s.officer_username,
                s.updated_at.strftime("%Y-%m-%d %H:%M"),
            )[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return s.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self._headers[section] if 0 <= section < len(self._headers) else None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
