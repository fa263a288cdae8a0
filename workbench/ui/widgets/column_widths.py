"""Column widths of a detail table: wide enough for what the column holds, and as the officer left them.

A column is as wide as the widest of its header, its cells and a typical entry of its kind (an amount
in the hundred thousands, a short name, the longest choice label), so an empty table already has room
for "收银台现金" and "480,000.00". A column grows when a longer entry arrives. A width the officer drags
is kept in the window's QSettings (``tables/<list path>/<field>``) and wins over the fitted one.

Edits are followed cheaply: the changes of one pass of the event loop are gathered and only their cells
are measured, once (measuring every column on each keystroke cost ~4 ms of the keystroke → chart path).
New rows and a new model fit every column again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSettings, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from workbench.ui.values import Kind

if TYPE_CHECKING:
    from workbench.ui.models.list_model import DataclassListModel

SETTINGS_GROUP = "tables"
MAX_WIDTH = 360
_TYPICAL = {
    Kind.MONEY: "8,888,888.00",
    Kind.COMPUTED: "8,888,888.00",
    Kind.DECIMAL: "88,888.8",
    Kind.OPERAND: "88,888.8",
    Kind.SHARE: "88.8%",
    Kind.INT: "8888",
    Kind.DATE: "2026-12-31",
    Kind.TEXT: "银行及微信/支付宝",
    Kind.LONG_TEXT: "银行及微信/支付宝",
    Kind.BOOL: "",
    Kind.ENUM: "",
}


def settings_of(widget: QWidget) -> QSettings | None:
    """The settings of the main window ``widget`` sits in (``None`` outside one: nothing is kept)."""
    settings = getattr(widget.window(), "settings", None)
    return settings if isinstance(settings, QSettings) else None


class ColumnWidths(QObject):
    """Fits and remembers the column widths of one table view of a ``DataclassListModel``."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        self._fitting = False
        self._dragging = False  # only a width the officer drags is hers; Qt's own resizes are not
        self._user: dict[int, int] = {}
        self._loaded = False
        self._changed: tuple[int, int, int, int] | None = None  # rows and columns edited since the last fit
        self._refit = False  # rows came or the model was reset: fit every column
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fit_pending)
        header = view.horizontalHeader()
        header.setStretchLastSection(False)  # a last "备注" column is not wider than what it holds
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self._on_resized)
        header.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress:
            self._dragging = True
        elif event.type() == QEvent.Type.MouseButtonRelease:
            self._dragging = False
        return super().eventFilter(watched, event)

    def _model(self) -> DataclassListModel | None:
        model: Any = self.view.model()
        return model if model is not None and hasattr(model, "path_key") else None

    def _key(self, column: int) -> str:
        model = self._model()
        assert model is not None
        return f"{SETTINGS_GROUP}/{model.path_key}/{model.columns[column].field}"

    def wanted(self, column: int) -> int:
        """The width column ``column`` needs for its header, its cells and a typical entry."""
        view, model = self.view, self._model()
        if model is None:
            return view.horizontalHeader().sectionSize(column)
        metrics = view.fontMetrics()
        pad = 2 * view.style().pixelMetric(view.style().PixelMetric.PM_FocusFrameHMargin) + 14
        typical = _TYPICAL.get(model.kind(column), "")
        choices = model.choices(column)
        if choices:
            typical = max((label for label, _ in choices), key=metrics.horizontalAdvance, default="")
            pad += 28  # the combo box's arrow while editing
        header = view.horizontalHeader().sectionSizeFromContents(column).width()
        cells = view.sizeHintForColumn(column) + 8 if model.rowCount() else 0  # a little air
        return min(max(header, cells, metrics.horizontalAdvance(typical) + pad), MAX_WIDTH)

    def fit(self, grow_only: bool = False) -> None:
        """Size every column the officer has not sized herself."""
        model = self._model()
        if model is None:
            return
        self._load()
        header = self.view.horizontalHeader()
        self._fitting = True
        try:
            for column in range(model.columnCount()):
                if column in self._user:
                    width = self._user[column]
                else:
                    width = self.wanted(column)
                    if grow_only:
                        width = max(width, header.sectionSize(column))
                if width != header.sectionSize(column):
                    header.resizeSection(column, width)
        finally:
            self._fitting = False

    def follow(self, model: Any) -> None:
        """Grow the columns as ``model``'s cells change, after the current pass of the event loop."""
        model.dataChanged.connect(self._on_data_changed)
        for signal in (model.rowsInserted, model.modelReset):
            signal.connect(self._on_rows)

    def _on_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, *_: Any) -> None:
        rows = (top_left.row(), bottom_right.row(), top_left.column(), bottom_right.column())
        if self._changed is not None:
            old = self._changed
            rows = (min(old[0], rows[0]), max(old[1], rows[1]), min(old[2], rows[2]), max(old[3], rows[3]))
        self._changed = rows
        self._timer.start(0)

    def _on_rows(self, *_: Any) -> None:
        self._refit = True
        self._timer.start(0)

    def _fit_pending(self) -> None:
        changed, refit = self._changed, self._refit
        self._changed, self._refit = None, False
        if refit:
            self.fit(grow_only=True)
        elif changed is not None:
            self.grow_for(*changed)

    def grow_for(self, top: int, bottom: int, left: int, right: int) -> None:
        """Widen the columns ``left``–``right`` where a cell of rows ``top``–``bottom`` no longer fits.

        The same measure as ``wanted``'s cells (the delegate's size, the grid line, a little air); the
        header and the typical entry were measured by the last ``fit`` and cannot have grown since.
        """
        view, model = self.view, self._model()
        if model is None or top < 0 or left < 0:
            return
        self._load()
        header = view.horizontalHeader()
        grid = 1 if view.showGrid() else 0
        bottom, right = min(bottom, model.rowCount() - 1), min(right, model.columnCount() - 1)
        self._fitting = True
        try:
            for column in range(left, right + 1):
                if column in self._user or top > bottom:
                    continue
                cells = max(
                    view.sizeHintForIndex(model.index(row, column)).width() for row in range(top, bottom + 1)
                )
                width = min(cells + grid + 8, MAX_WIDTH)
                if width > header.sectionSize(column):
                    header.resizeSection(column, width)
        finally:
            self._fitting = False

    def _load(self) -> None:
        if self._loaded:
            return
        settings, model = settings_of(self.view), self._model()
        if settings is None or model is None:
            return
        self._loaded = True
        for column in range(model.columnCount()):
            value = settings.value(self._key(column))
            try:
                width = int(value) if value is not None else 0
            except (TypeError, ValueError):
                width = 0
            if width > 0:
                self._user[column] = width

    def _on_resized(self, column: int, _old: int, new: int) -> None:
        if self._fitting or not self._dragging or self._model() is None:
            return
        self._user[column] = new
        settings = settings_of(self.view)
        if settings is not None:
            settings.setValue(self._key(column), new)
