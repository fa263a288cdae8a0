"""Building blocks shared by the section pages of the case editor."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.case_file import CaseFile
from workbench.domain.readiness import Issue
from workbench.domain.status import Status
from workbench.ui.check_overrides import OverrideDesk
from workbench.ui.document import CaseDocument
from workbench.ui.models.factory import list_model
from workbench.ui.models.result_tables import ResultTableModel, Table
from workbench.ui.paths import get_in, path_text, touches
from workbench.ui.recalc import Recalculator
from workbench.ui.table_export import add_export_action
from workbench.ui.widgets.fields import FieldBinder
from workbench.ui.widgets.table_editor import TableEditor

if TYPE_CHECKING:
    from workbench.domain.calc import CaseResults
    from workbench.ui.models.list_model import Column, DataclassListModel
    from workbench.ui.paths import Path

STATUS_STYLE = {
    Status.OK: "color: #007A5A; font-weight: bold;",
    Status.EXPLAIN: "color: #B26B00; font-weight: bold;",
    Status.FAIL: "color: #C04000; font-weight: bold;",
}


@dataclass(slots=True)
class SectionContext:
    """What a section page needs: the document, its recalculator, the field binder, a message sink.

    ``refuse`` shows a refused entry's message and ``cleared`` takes it back once the entry is fixed
    (without them a refusal is an ordinary message that stays until the next one).
    """

    document: CaseDocument
    recalc: Recalculator
    binder: FieldBinder
    report: Callable[[str], None]
    # What the other cases of the store say about this one (run off the GUI thread); None off a store.
    store_issues: Callable[[CaseFile], list[Issue]] | None = None
    refuse: Callable[[str], None] | None = None
    cleared: Callable[[str], None] | None = None
    # A reviewer's overrides of the checks, through the store (``check_overrides``); None: none here.
    overrides: OverrideDesk | None = None

    def watch_refusals(self, model: DataclassListModel) -> None:
        """Show the table's refused entries, and take each back when its cell is fixed."""
        model.edit_refused.connect(self.refuse or self.report)
        if self.cleared is not None:
            model.refusal_cleared.connect(self.cleared)

    def on_results(self, slot: Callable[[CaseResults], None], owner: QObject | None = None) -> None:
        """Call ``slot`` with every new result, and now with the current one if there is one.

        With ``owner``, the connection ends when that widget is deleted (a page that was swapped).
        """
        signal = self.recalc.results_ready
        if owner is None:
            signal.connect(slot)
        else:

            def relay(results: CaseResults) -> None:
                if not shiboken6.isValid(owner):
                    signal.disconnect(relay)
                    return
                slot(results)

            signal.connect(relay)
        if self.recalc.results is not None:
            slot(self.recalc.results)


def scroll_page(*parts: QWidget, stretch_last: bool = False) -> QScrollArea:
    """A vertically scrolling page holding ``parts`` top to bottom."""
    inner = QWidget()
    layout = QVBoxLayout(inner)
    layout.setContentsMargins(8, 8, 8, 8)
    layout.setSpacing(10)
    for i, part in enumerate(parts):
        layout.addWidget(part, 1 if stretch_last and i == len(parts) - 1 else 0)
    if not stretch_last:
        layout.addStretch(1)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a Tab stop: Tab goes from field to field
    area.setWidget(inner)
    return area


def group(title: str, *parts: QWidget) -> QGroupBox:
    """A titled box around ``parts``."""
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(8, 6, 8, 8)
    for part in parts:
        layout.addWidget(part)
    return box


def table(
    ctx: SectionContext,
    path: Path,
    title: str = "",
    extra: tuple[Column, ...] = (),
    min_rows: int = 4,
    add_text: str = "",
) -> TableEditor:
    """The editable table of the list at ``path``; refusals go to the editor's status area."""
    model = list_model(ctx.document, path, extra)
    ctx.watch_refusals(model)
    return TableEditor(model, title, min_rows=min_rows, add_text=add_text)


def table_tabs(ctx: SectionContext, lists: Sequence[tuple[str, Path]]) -> QTabWidget:
    """One tab per list."""
    tabs = QTabWidget()
    tabs.setDocumentMode(True)
    for title, path in lists:
        tabs.addTab(table(ctx, path, min_rows=5), title)
    return tabs


def result_view(
    ctx: SectionContext, builder: Callable[[CaseResults], Table], min_rows: int = 6, max_rows: int = 0
) -> QTableView:
    """A read-only table of computed figures that follows the results (at most ``max_rows`` high)."""
    model = ResultTableModel(builder)
    view = QTableView()
    model.setParent(view)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # nothing to type here: Tab goes on to the next field
    view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # no Tab stop in the entry chain; a click selects to copy
    view.setAlternatingRowColors(True)
    add_export_action(view)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(False)  # amounts stay beside their headers
    row = view.verticalHeader().defaultSectionSize()
    view.setMinimumHeight(row * (min_rows + 1) + 8)
    if max_rows:
        view.setMaximumHeight(row * (max_rows + 1) + 8)

    ctx.on_results(model.update)
    return view


class FigureGrid(QWidget):
    """Label–value pairs in columns; values are set by key (object name ``figure:<key>``)."""

    def __init__(self, items: list[tuple[str, str]], columns: int = 2, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setHorizontalSpacing(14)
        self.values: dict[str, QLabel] = {}
        for i, (key, label) in enumerate(items):
            row, col = divmod(i, columns)
            caption = QLabel(label)
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            caption.setWordWrap(True)  # long English captions wrap instead of widening the page
            value = QLabel("—")
            value.setObjectName(f"figure:{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)  # "Annuity (equal instalments)"; amounts have no spaces and stay whole
            layout.addWidget(caption, row, col * 2)
            layout.addWidget(value, row, col * 2 + 1)
            self.values[key] = value
        for col in range(columns):
            layout.setColumnStretch(col * 2 + 1, 1)

    def set(self, key: str, text: str, status: Status | None = None) -> None:
        """Show ``text`` for ``key``, coloured by ``status`` if given."""
        label = self.values[key]
        label.setText(text or "—")
        label.setStyleSheet(STATUS_STYLE.get(status, "") if status is not None else "")


class OptionalPart(QWidget):
    """A page for an optional part of the case (the business, the equity check).

    While the part is absent it shows a note and an "add" button; when it appears or disappears
    (also by undo) the page swaps its content.
    """

    def __init__(
        self,
        ctx: SectionContext,
        path: Path,
        build_present: Callable[[], QWidget],
        absent_note: str,
        add_text: str,
        make: Callable[[], object],
    ) -> None:
        super().__init__()
        self._ctx, self._path, self._build = ctx, path, build_present
        self._note, self._add_text, self._make = absent_note, add_text, make
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._content: QWidget | None = None
        self._present: bool | None = None
        self._refresh()
        ctx.document.state_changed.connect(self._on_changed)

    def _is_present(self) -> bool:
        return get_in(self._ctx.document.state, self._path) is not None

    def _on_changed(self, changed: frozenset[str]) -> None:
        if touches(changed, path_text(self._path)):
            self._refresh()

    def _refresh(self) -> None:
        present = self._is_present()
        if present == self._present:
            return
        self._present = present
        if self._content is not None:
            self._content.deleteLater()
        self._content = self._build() if present else self._absent()
        self._layout.addWidget(self._content)

    def _absent(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.addWidget(QLabel(self._note))
        button = QPushButton(self._add_text)
        button.setObjectName("addPart")
        button.clicked.connect(lambda: self._ctx.document.set_field(self._path, self._make()))
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return box
