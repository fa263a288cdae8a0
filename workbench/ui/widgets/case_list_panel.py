"""The case list dock: the store's cases (search, stage filter, paged), demo cases and recent files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
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
from workbench.ui.i18n import tr
from workbench.ui.labels import enum_label

if TYPE_CHECKING:
    from workbench.ui.models.case_list_model import CaseListModel

SEARCH_DELAY_MS = 250


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
        self.stage.addItem(tr("全部阶段"), "")
        for stage in Stage:
            self.stage.addItem(enum_label(stage), stage.value)
        self.store_state = QLabel(tr("案件库：未连接"))
        self.store_state.setObjectName("storeState")
        self.store_state.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("storeCases")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAlternatingRowColors(True)
        self.table.doubleClicked.connect(self._open_store_row)
        self.table.activated.connect(self._open_store_row)
        self.local = QListWidget()
        self.local.setObjectName("localCases")
        self.local.itemActivated.connect(self._open_local)
        self.local.itemDoubleClicked.connect(self._open_local)

        store_box = QWidget()
        store_layout = QVBoxLayout(store_box)
        store_layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.stage)
        store_layout.addWidget(self.store_state)
        store_layout.addLayout(filters)
        store_layout.addWidget(self.table, 1)
        local_box = QWidget()
        local_layout = QVBoxLayout(local_box)
        local_layout.setContentsMargins(0, 0, 0, 0)
        local_layout.addWidget(QLabel(tr("示例案件与最近的文件")))
        local_layout.addWidget(self.local, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(store_box)
        splitter.addWidget(local_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

        self._model: CaseListModel | None = None
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.stage.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.set_local([])

    def set_store_model(self, model: CaseListModel | None, state: str) -> None:
        """Show the store's cases (``None``: no store) and a line saying where they come from."""
        self._model = model
        self.store_state.setText(state)
        self.table.setModel(model)
        for widget in (self.search, self.stage, self.table):
            widget.setEnabled(model is not None)
        if model is not None:
            model.setParent(self)
            self._apply_filter()

    def _apply_filter(self) -> None:
        if self._model is None:
            return
        value = self.stage.currentData()
        self._model.set_filter(self.search.text(), Stage(value) if value else None)

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
