"""Read-only tables of computed figures: the 12-month statement, the schedule, the cash projection.

One small model class holds rows of already formatted strings; a builder function per table turns
``CaseResults`` into them. The model resets only when the table's shape changes, otherwise it
announces one ``dataChanged``, so a view keeps its scroll position while the officer types.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from workbench.domain.profit_loss import LINE_FIELDS
from workbench.ui.i18n import lang, tr
from workbench.ui.labels import enum_label
from workbench.ui.values import money_text

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.domain.calc import CaseResults

ModelIndex = QModelIndex | QPersistentModelIndex
Table = tuple[list[str], list[str], list[list[str]]]  # column headers, row headers, cells


class ResultTableModel(QAbstractTableModel):
    """A read-only table rebuilt from each new ``CaseResults`` by ``builder``."""

    def __init__(self, builder: Callable[[CaseResults], Table], parent: Any = None) -> None:
        super().__init__(parent)
        self._builder = builder
        self._columns: list[str] = []
        self._row_headers: list[str] = []
        self._cells: list[list[str]] = []

    def update(self, results: CaseResults) -> None:
        """Show ``results``."""
        columns, row_headers, cells = self._builder(results)
        same_shape = columns == self._columns and len(cells) == len(self._cells)
        if not same_shape:
            self.beginResetModel()
        self._columns, self._row_headers, self._cells = columns, row_headers, cells
        if not same_shape:
            self.endResetModel()
        elif cells:
            self.dataChanged.emit(self.index(0, 0), self.index(len(cells) - 1, len(columns) - 1))
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(cells) - 1)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._cells):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = self._columns if orientation == Qt.Orientation.Horizontal else self._row_headers
        return headers[section] if 0 <= section < len(headers) else None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _line_labels() -> dict[str, str]:
    return {
        "sales": tr("销售额"),
        "variable_costs": tr("可变成本"),
        "gross_profit": tr("毛利润"),
        "operating_expenses": tr("营业费用"),
        "operating_profit": tr("经营利润"),
        "business_interest": tr("经营负债利息"),
        "net_profit_accounting": tr("会计净利润"),
        "business_instalments": tr("经营性分期还款"),
        "net_profit_cash": tr("净利润"),
        "household": tr("家庭开支"),
        "private_instalments": tr("私人分期还款"),
        "other_expenses": tr("其他支出"),
        "other_income": tr("其他收入"),
        "disposable": tr("月可支配资金"),
    }


def month_label(month: int) -> str:
    """``3`` → ``3月`` (or ``Mar``)."""
    if lang() == "en":
        return ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")[month - 1]
    return f"{month}月"


def monthly_statement(results: CaseResults) -> Table:
    """Rows: the statement's lines (and the season); columns: 12 months and the average month."""
    statement = results.statement
    labels = _line_labels()
    columns = [month_label(m.month) for m in statement.months] + [tr("月均")]
    rows = [tr("季节")] + [labels[name] for name in LINE_FIELDS]
    cells = [[enum_label(m.season) for m in statement.months] + [""]]
    for name in LINE_FIELDS:
        cells.append(
            [money_text(getattr(m, name)) for m in statement.months] + [money_text(statement.average[name])]
        )
    return columns, rows, cells


def schedule_table(results: CaseResults) -> Table:
    """The proposal's instalment schedule, one row per month."""
    columns = [tr("还款额"), tr("利息"), tr("本金"), tr("剩余本金")]
    schedule = results.sizing.schedule
    if schedule is None:
        return columns, [], []
    rows = [str(r.period) for r in schedule.rows]
    cells = [
        [money_text(r.payment), money_text(r.interest), money_text(r.principal), money_text(r.balance)]
        for r in schedule.rows
    ]
    return columns, rows, cells


def projection_table(results: CaseResults) -> Table:
    """The 12-month cash projection after disbursement."""
    columns = [tr("月份"), tr("月可支配资金"), tr("还款额"), tr("累计现金")]
    rows = [str(m.index) for m in results.sizing.projection]
    cells = [
        [month_label(m.month), money_text(m.disposable), money_text(m.instalment), money_text(m.balance)]
        for m in results.sizing.projection
    ]
    return columns, rows, cells
