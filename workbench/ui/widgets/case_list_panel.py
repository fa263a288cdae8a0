"""The case list dock: the store's cases (search, filters, sortable columns, paged), demo cases and
recent files.

Filters: name or case number, stage, officer, and a date range on the last change or the creation
(inclusive days). A header click sorts by applicant, stage, case number, officer or last change, in
the store; the other columns keep the current order.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.case_file import Stage
from workbench.domain.case_list import CaseListQuery
from workbench.ui.i18n import tr
from workbench.ui.labels import enum_label
from workbench.ui.table_export import add_export_action

if TYPE_CHECKING:
    from workbench.ui.models.case_list_model import CaseListModel

SEARCH_DELAY_MS = 250


def _date_edit(name: str, day: QDate) -> QDateEdit:
    edit = QDateEdit(day)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setEnabled(False)
    return edit


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class CaseListPanel(QWidget):
    """Asks the window to open a stored case, a demo case or a file; it opens nothing itself."""

    store_case_requested = Signal(str)
    demo_requested = Signal(str)
    file_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseListPanel")
        self.search = QLineEdit()
        self.search.setObjectName("caseSearch")
        self.search.setPlaceholderText(tr("搜索借款人、经营主体或案件编号"))
        self.search.setClearButtonEnabled(True)
        self.stage = QComboBox()
        self.stage.setObjectName("stageFilter")
        self.stage.addItem(tr("全部阶段"), "")
        for stage in Stage:
            self.stage.addItem(enum_label(stage), stage.value)
        self.officer = QComboBox()
        self.officer.setObjectName("officerFilter")
        self.officer.addItem(tr("全部客户经理"), "")
        self.date_on = QCheckBox(tr("日期"))
        self.date_on.setObjectName("dateFilterOn")
        self.date_field = QComboBox()
        self.date_field.setObjectName("dateField")
        self.date_field.addItem(tr("更新于"), "updated")
        self.date_field.addItem(tr("创建于"), "created")
        self.date_field.setEnabled(False)
        today = QDate.currentDate()
        self.date_from = _date_edit("dateFrom", today.addMonths(-1))
        self.date_to = _date_edit("dateTo", today)
        self.store_state = QLabel(tr("案件库：未连接"))
        self.store_state.setObjectName("storeState")
        self.store_state.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("storeCases")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.horizontalHeader().setSectionsClickable(True)
        self.table.setAlternatingRowColors(True)
        add_export_action(self.table, tr("案件列表"))
        # activated is a double-click (or a click, as the platform has it) and Enter: one open each
        self.table.activated.connect(self._open_store_row)
        self.local = QListWidget()
        self.local.setObjectName("localCases")
        self.local.itemActivated.connect(self._open_local)

        store_box = QWidget()
        store_layout = QVBoxLayout(store_box)
        store_layout.setContentsMargins(0, 0, 0, 0)
        filters = QGridLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.setHorizontalSpacing(4)
        filters.setVerticalSpacing(3)
        filters.addWidget(self.search, 0, 0, 1, 2)
        filters.addWidget(self.stage, 1, 0)
        filters.addWidget(self.officer, 1, 1)
        filters.addWidget(self.date_on, 2, 0)
        filters.addWidget(self.date_field, 2, 1)
        filters.addWidget(self.date_from, 3, 0)
        filters.addWidget(self.date_to, 3, 1)
        filters.setColumnStretch(0, 1)
        filters.setColumnStretch(1, 1)
        store_layout.addWidget(self.store_state)
        store_layout.addLayout(filters)
        store_layout.addWidget(self.table, 1)
        local_box = QWidget()
        local_layout = QVBoxLayout(local_box)
        local_layout.setContentsMargins(0, 0, 0, 0)
        local_layout.addWidget(QLabel(tr("示例案件与最近的文件")))
        local_layout.addWidget(self.local, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("caseListSplitter")  # the window remembers its split
        splitter.addWidget(store_box)
        splitter.addWidget(local_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

        self._model: CaseListModel | None = None
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        for combo in (self.stage, self.officer, self.date_field):
            combo.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.date_on.toggled.connect(self._on_date_toggled)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self._apply_filter())
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._on_sort_clicked)
        self.set_local([])
        self._set_store_enabled(False)

    def _filter_widgets(self) -> tuple[QWidget, ...]:
        return (self.search, self.stage, self.officer, self.date_on, self.table)

    def _set_store_enabled(self, on: bool) -> None:
        for widget in self._filter_widgets():
            widget.setEnabled(on)
        dates = on and self.date_on.isChecked()
        for widget in (self.date_field, self.date_from, self.date_to):
            widget.setEnabled(dates)

    def set_store_model(self, model: CaseListModel | None, state: str) -> None:
        """Show the store's cases (``None``: no store) and a line saying where they come from."""
        self._model = model
        self.store_state.setText(state)
        self.table.setModel(model)
        self._set_store_enabled(model is not None)
        if model is not None:
            model.setParent(self)
            self.table.horizontalHeader().setSortIndicator(model.sort_column(), model.sort_order())
            model.load_officers(self.set_officers)
            self._apply_filter()

    def set_officers(self, names: list[str]) -> None:
        """Fill the officer filter (keeps the choice if that officer is still there).

        The names come from a background call: the panel may be gone by then (signed out, closed).
        """
        if not shiboken6.isValid(self) or not shiboken6.isValid(self.officer):
            return
        chosen = self.officer.currentData()
        self.officer.blockSignals(True)
        self.officer.clear()
        self.officer.addItem(tr("全部客户经理"), "")
        for name in names:
            self.officer.addItem(name, name)
        index = self.officer.findData(chosen)
        self.officer.setCurrentIndex(max(index, 0))
        self.officer.blockSignals(False)

    def _on_date_toggled(self, on: bool) -> None:
        for widget in (self.date_field, self.date_from, self.date_to):
            widget.setEnabled(on)
        self._apply_filter()

    def _on_sort_clicked(self, column: int, order: Qt.SortOrder) -> None:
        model = self._model
        if model is None:
            return
        model.sort(column, order)
        header = self.table.horizontalHeader()
        if (header.sortIndicatorSection(), header.sortIndicatorOrder()) != (
            model.sort_column(),
            model.sort_order(),
        ):
            header.blockSignals(True)  # a column without an order: the indicator stays where the order is
            header.setSortIndicator(model.sort_column(), model.sort_order())
            header.blockSignals(False)

    def query(self) -> CaseListQuery:
        """The filters as set now (the sort order stays the model's)."""
        base = self._model.query if self._model is not None else CaseListQuery()
        stage = self.stage.currentData()
        officer = self.officer.currentData()
        low: date | None = None
        high: date | None = None
        if self.date_on.isChecked():
            first, last = _day(self.date_from), _day(self.date_to)
            low, high = min(first, last), max(first, last)
        updated = self.date_field.currentData() == "updated"
        return dataclasses.replace(
            base,
            name_like=self.search.text().strip(),
            stage=Stage(stage) if stage else None,
            officer=officer or None,
            updated_from=low if updated else None,
            updated_to=high if updated else None,
            created_from=None if updated else low,
            created_to=None if updated else high,
        )

    def _apply_filter(self) -> None:
        if self._model is None:
            return
        self._model.set_query(self.query())

    def set_local(self, recent: list[str]) -> None:
        """Demo cases A and B, then the recently opened files."""
        self.local.clear()
        for name, text in (("A", tr("示例案件 A：便利店（王丽华）")), ("B", tr("示例案件 B：加工作坊"))):
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, f"demo:{name}")
            self.local.addItem(item)
        for path in recent:
            item = QListWidgetItem(Path(path).name)
            item.setToolTip(path)
            item.setData(Qt.ItemDataRole.UserRole, f"file:{path}")
            self.local.addItem(item)

    def _open_local(self, item: QListWidgetItem) -> None:
        kind, _sep, value = str(item.data(Qt.ItemDataRole.UserRole)).partition(":")
        if kind == "demo":
            self.demo_requested.emit(value)
        else:
            self.file_requested.emit(value)

    def _open_store_row(self, index: object) -> None:
        if self._model is None:
            return
        row = index.row()  # type: ignore[attr-defined]
        if 0 <= row < self._model.rowCount():
            self.store_case_requested.emit(self._model.summary(row).id)
