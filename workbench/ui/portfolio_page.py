"""The 组合 (portfolio) page: filters, the charts and the tables, and export to Excel or PDF.

The figures come from ``services.portfolio`` off the GUI thread (``ops.run_in_background``); the
charts are drawn by ``reports.portfolio_charts`` on the canvases' own ``Figure`` (the PDF's code),
the tables are ``reports.portfolio_tables`` in read-only Qt models. An officer's page shows her own
cases only (the officer filter is hers and fixed); everyone else chooses all officers or one.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.errors import DomainError
from workbench.domain.portfolio import PortfolioQuery
from workbench.domain.records import Role
from workbench.reports.document import Align
from workbench.reports.portfolio_charts import CHARTS
from workbench.reports.portfolio_tables import portfolio_tables
from workbench.reports.portfolio_tables import title as table_title
from workbench.services.messages import describe_error
from workbench.services.portfolio import PortfolioService, write_portfolio
from workbench.ui.i18n import lang, tr
from workbench.ui.ops import run_in_background

if TYPE_CHECKING:
    from workbench.reports.document import DataTable
    from workbench.reports.portfolio_data import Portfolio
    from workbench.ui.store_link import StoreLink

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
ALIGN = {
    Align.LEFT: Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
    Align.RIGHT: Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
    Align.CENTER: Qt.AlignmentFlag.AlignCenter,
}


class DataTableModel(QAbstractTableModel):
    """A report's ``DataTable`` (headings and cells already in words), read-only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table: DataTable | None = None

    def set_table(self, table: DataTable) -> None:
        if table == self.table:
            return
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.table is None else len(self.table.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.table is None else len(self.table.columns)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if self.table is None or not index.isValid():
            return None
        if role in (DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return self.table.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN[self.table.columns[index.column()].align]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if self.table is None or role != DISPLAY or orientation != Qt.Orientation.Horizontal:
            return None
        return self.table.columns[section].title


class PortfolioChart(FigureCanvasQTAgg):
    """One chart of ``reports.portfolio_charts`` on a canvas of its own."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(Figure(figsize=(5.0, 3.0), layout="constrained"))
        self.setParent(parent)
        self.key = key
        self.setObjectName(f"portfolioChart:{key}")
        self.setMinimumHeight(220)

    def show_portfolio(self, portfolio: Portfolio) -> None:
        self.figure.clear()
        CHARTS[self.key](self.figure.add_subplot(), portfolio, lang())
        self.draw_idle()


def _day(edit: QDateEdit, on: QCheckBox) -> date | None:
    if not on.isChecked():
        return None
    picked = edit.date()
    return date(picked.year(), picked.month(), picked.day())


class PortfolioPage(QWidget):
    """The portfolio of the signed-in person's store, as a window of its own."""

    shown = Signal(object)
    """A ``Portfolio`` is on the page (tests wait for it)."""
    failed = Signal(str)

    def __init__(self, store: StoreLink, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("portfolioPage")
        self.setWindowTitle(tr("组合"))
        self.store = store
        self.portfolio: Portfolio | None = None
        self._own_only = store.user.role is Role.OFFICER and not store.user.admin

        self.from_on, self.to_on = QCheckBox(tr("起始日期")), QCheckBox(tr("截止日期"))
        today = QDate.currentDate()
        self.date_from = QDateEdit(QDate(today.year(), 1, 1))
        self.date_to = QDateEdit(today)
        for on, edit in ((self.from_on, self.date_from), (self.to_on, self.date_to)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            on.toggled.connect(edit.setEnabled)
        self.officer = QComboBox()
        self.officer.setMinimumWidth(160)
        self.officer.addItem(tr("全部客户经理"), "")
        if self._own_only:
            self.officer.clear()
            self.officer.addItem(store.user.username, store.user.username)
            self.officer.setEnabled(False)
        self.refresh_button = QPushButton(tr("统计"))
        self.refresh_button.clicked.connect(self.refresh)
        self.xlsx_button = QPushButton(tr("导出 Excel…"))
        self.xlsx_button.clicked.connect(lambda: self.export_dialog(".xlsx"))
        self.pdf_button = QPushButton(tr("导出 PDF…"))
        self.pdf_button.clicked.connect(lambda: self.export_dialog(".pdf"))
        filters = QHBoxLayout()
        for widget in (
            self.from_on,
            self.date_from,
            self.to_on,
            self.date_to,
            QLabel(tr("客户经理")),
            self.officer,
        ):
            filters.addWidget(widget)
        filters.addWidget(self.refresh_button)
        filters.addStretch(1)
        filters.addWidget(self.xlsx_button)
        filters.addWidget(self.pdf_button)

        self.status = QLabel()
        self.status.setObjectName("portfolioStatus")
        self.status.setWordWrap(True)

        self.charts = {key: PortfolioChart(key) for key in CHARTS}
        chart_page = QWidget()
        grid = QGridLayout(chart_page)
        for i, key in enumerate(("pipeline", "months", "equity", "checks")):
            grid.addWidget(self.charts[key], i // 2, i % 2)
        self.models: dict[str, DataTableModel] = {}
        self.tabs = QTabWidget()
        self.tabs.addTab(chart_page, tr("图表"))
        for title, keys in (
            (tr("客户经理"), ("activity", "quality")),
            (tr("各阶段与按月"), ("pipeline", "months")),
            (tr("偏差分布"), ("equity", "checks")),
        ):
            page = QWidget()
            row = QHBoxLayout(page) if keys[0] in ("pipeline", "equity") else QVBoxLayout(page)
            for key in keys:
                model = self.models[key] = DataTableModel(self)
                view = QTableView()
                view.setObjectName(f"portfolioTable:{key}")
                view.setModel(model)
                view.setAlternatingRowColors(True)
                view.verticalHeader().setVisible(False)
                # every column shares the width: a stretched last column pushed the figures far right
                view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
                box = QVBoxLayout()
                caption = QLabel(table_title(key, lang()))
                caption.setObjectName(f"portfolioCaption:{key}")
                box.addWidget(caption)
                box.addWidget(view)
                row.addLayout(box)
            self.tabs.addTab(page, title)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        self.resize(1180, 720)
        if not self._own_only:
            run_in_background(lambda: self.store.officer_names(), self._add_officers, lambda _error: None)

    # ---- the question and its figures ------------------------------------------------------------

    def _add_officers(self, names: list[str]) -> None:
        for name in names:
            self.officer.addItem(name, name)

    def query(self) -> PortfolioQuery:
        """The question the filters ask (``ValidationError`` for a reversed period)."""
        officer = str(self.officer.currentData() or "")
        return PortfolioQuery(
            _day(self.date_from, self.from_on), _day(self.date_to, self.to_on), (officer,) if officer else ()
        )

    def refresh(self) -> None:
        """Count the portfolio again with the filters as they are (in the background)."""
        try:
            query = self.query()
        except DomainError as error:
            self._refuse(error)
            return
        self.refresh_button.setEnabled(False)
        self.status.setText(tr("正在统计…"))
        services, user = self.store.services, self.store.user
        run_in_background(
            lambda: PortfolioService(services.sessions).portfolio(query, user),
            self.show_portfolio,
            self._refuse,
        )

    def show_portfolio(self, portfolio: Portfolio) -> None:
        self.portfolio = portfolio
        self.refresh_button.setEnabled(True)
        for key, table in portfolio_tables(portfolio, lang()).items():
            self.models[key].set_table(table)
        for chart in self.charts.values():
            chart.show_portfolio(portfolio)
        cases = int(portfolio.pipeline["cases"].sum())
        note = (
            tr("{n} 件案卷，{m} 位客户经理")
            .replace("{n}", f"{cases:,}")
            .replace("{m}", str(len(portfolio.officers)))
        )
        if portfolio.own_only:
            note += tr("；客户经理只看自己的组合")
        self.status.setText(note)
        self.shown.emit(portfolio)

    def _refuse(self, error: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        message = describe_error(error, lang()) if isinstance(error, DomainError) else str(error)
        self.status.setText(message)
        self.failed.emit(message)

    # ---- export ----------------------------------------------------------------------------------

    def export_dialog(self, suffix: str) -> None:
        if self.portfolio is None:
            self.status.setText(tr("请先统计"))
            return
        kind = tr("Excel 工作簿 (*.xlsx)") if suffix == ".xlsx" else tr("PDF 文件 (*.pdf)")
        name, _filter = QFileDialog.getSaveFileName(self, tr("导出组合"), tr("组合") + suffix, kind)
        if name:
            self.export(Path(name if name.lower().endswith(suffix) else name + suffix))

    def export(self, path: Path) -> None:
        """Write the figures on the page to ``path`` (``.xlsx`` or ``.pdf``) in the background."""
        portfolio = self.portfolio
        if portfolio is None:
            return
        language = lang()
        self.status.setText(tr("正在导出…"))
        run_in_background(
            lambda: write_portfolio(portfolio, path, language),
            lambda written: self.status.setText(tr("已导出到 {path}").replace("{path}", str(written))),
            self._refuse,
        )
