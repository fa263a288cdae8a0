"""What the administrator's list windows share (users, a person's certificates): a read-only table of
rows picked one at a time, a message line, buttons, and store work run off the GUI thread whose
refusal is one red line there.

A subclass reads its rows in ``_read`` (off the GUI thread), shows them in ``_show`` and enables its
buttons in ``_sync_buttons``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QAbstractItemView, QDialog, QHeaderView, QLabel, QPushButton, QTableWidget

from workbench.ui.dialogs.signin_dialog import refusal_line
from workbench.ui.ops import run_in_background

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from workbench.ui.store_link import StoreLink

REFUSED_STYLE = "color: #b3261e;"


class AdminListDialog(QDialog):
    def __init__(self, link: StoreLink, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.link = link
        self.busy = False

    def _read(self, link: StoreLink) -> Any:
        raise NotImplementedError

    def _show(self, rows: Any) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        """Read the rows again (in the background)."""
        link = self.link
        run_in_background(lambda: self._read(link), self._show, self._refused)

    def _sync_buttons(self) -> None:
        raise NotImplementedError

    def _make_table(self, name: str, headers: list[str], stretch: int) -> QTableWidget:
        """Rows picked whole, one at a time, never edited in place; column ``stretch`` takes the rest."""
        table = QTableWidget(0, len(headers))
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        table.itemSelectionChanged.connect(self._sync_buttons)
        return table

    def _make_message(self, name: str) -> QLabel:
        self.message = QLabel()
        self.message.setObjectName(name)
        self.message.setWordWrap(True)
        return self.message

    @staticmethod
    def _button(name: str, label: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(label)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _run(
        self, job: Callable[[StoreLink], Any], done_line: str, then: Callable[[], None] | None = None
    ) -> None:
        """``job(link)`` and the list read again, off the GUI thread as one step; then ``done_line``,
        ``then()`` and the fresh list. Busy until the list is fresh: a click on the stale list would act
        on rows that just changed (and the buttons stay off until then)."""
        link = self.link
        self.busy = True
        self._sync_buttons()

        def work() -> Any:
            job(link)
            return self._read(link)

        def done(rows: Any) -> None:
            self.busy = False
            self.message.setStyleSheet("")
            self.message.setText(done_line)
            if then is not None:
                then()
            self._show(rows)

        run_in_background(work, done, self._refused)

    def _refused(self, error: BaseException) -> None:
        self._refuse(refusal_line(error))

    def _refuse(self, line: str) -> None:
        self.busy = False
        self.message.setStyleSheet(REFUSED_STYLE)
        self.message.setText(line)
        self._sync_buttons()
