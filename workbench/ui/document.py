"""The open case in memory: its current immutable state, its undo stack, one change signal.

Models and widgets read ``document.state`` and call the verbs below; the verbs build the new state
with the path helpers and push a command; the command calls ``_replace_state``, which emits
``state_changed`` exactly once. A verb that would not change anything pushes nothing.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from workbench.domain.case_file import CaseDates, CaseFile, Officers
from workbench.domain.equity import EquityCheck
from workbench.domain.loan_request import LoanRequest, RateKind, RateQuote
from workbench.domain.parties import Borrower, Business
from workbench.domain.policy import CreditPolicy
from workbench.domain.row_ids import Row, with_new_id
from workbench.ui.commands import InsertRow, RemoveRow, ReplaceCase, SetValue, StateCommand
from workbench.ui.i18n import tr
from workbench.ui.paths import Path, blank, get_in, insert_in, item_type_at, path_text, remove_in, set_in

if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path as FilePath


@dataclass(frozen=True, slots=True)
class CaseSource:
    """Where a case came from and goes back to: a file (with the hash it had), a demo, the store."""

    kind: str  # "file" | "demo" | "new" | "store"
    location: str = ""  # file path, demo name or case id
    version: str = ""  # sha256 of the file as read, or the store's version token
    policy: CreditPolicy | None = None
    """The credit policy a case file carries: its figures follow it while no store is signed in to
    (an officer's evening at home computes under her bank's policy, not the built-in one)."""

    @property
    def path(self) -> FilePath | None:
        from pathlib import Path as FilePath

        return FilePath(self.location) if self.kind == "file" else None


def new_case(officer: str = "", today: date | None = None) -> CaseFile:
    """An empty business case: a blank applicant, business and equity check, a 12-month request.

    ``officer`` (the signed-in person) is the lead officer; ``today`` the survey date: she types the
    case the evening of her visit. The application date is left for her to copy from the application
    form, which the borrower signed earlier (today would be a guess that is seldom right, and a wrong
    date that looks typed is worse than an empty one).
    """
    return CaseFile(
        id=str(uuid.uuid4()),
        dates=CaseDates(applied_on=None, survey_date=today),
        officers=Officers(lead=officer),
        borrower=Borrower(name=""),
        request=LoanRequest(
            amount=Decimal(0), term_months=12, rate=RateQuote(RateKind.MONTHLY_PERMILLE, Decimal(0))
        ),
        business=Business(name=""),
        equity_check=EquityCheck(),
    )


class CaseDocument(QObject):
    """One open case: ``state`` (a frozen ``CaseFile``), ``undo_stack`` and ``state_changed``."""

    state_changed = Signal(object)  # frozenset[str]: the changed paths ("" = everything)
    source_changed = Signal(object)  # CaseSource: saved elsewhere, or at a new version

    def __init__(self, case: CaseFile, source: CaseSource | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._state = case
        self._source = source or CaseSource("new")
        self.undo_stack = QUndoStack(self)

    @property
    def source(self) -> CaseSource:
        """Where the case is saved and the version it is based on."""
        return self._source

    @source.setter
    def source(self, source: CaseSource) -> None:
        if source != self._source:
            self._source = source
            self.source_changed.emit(source)

    @property
    def state(self) -> CaseFile:
        """The current case (immutable; replace it through the verbs)."""
        return self._state

    def title(self) -> str:
        """What the tab says: the applicant, else the business, else "new case"."""
        case = self._state
        name = case.borrower.name or (case.business.name if case.business else "")
        return name or tr("新案件")

    # ---- verbs ---------------------------------------------------------------------------------

    def set_field(self, path: Path, value: Any, label: str = "", run: object | None = None) -> bool:
        """Set the field at ``path``; ``False`` (nothing pushed) when it already holds ``value``.

        ``label`` names the field in the Edit menu ("Undo edit <label>"). Each call is its own undo
        step, except calls given the same ``run`` (the keystrokes of one typing run in a text box).

        Raises:
            ValidationError: the new case breaks a rule of the aggregate (e.g. a duplicate check id).
        """
        try:
            current = get_in(self._state, path)
        except KeyError:
            current = _MISSING
        if current is not _MISSING and _same(current, value):
            return False
        after = set_in(self._state, path, value)
        self.undo_stack.push(SetValue(self, path_text(path), self._state, after, label, run))
        return True

    def set_list_item(self, list_path: Path, row: int, item: Any) -> bool:
        """Replace row ``row`` of the list at ``list_path`` with ``item`` (one undo step)."""
        return self.set_field((*list_path, row), item)

    def insert_row(self, list_path: Path, row: int, item: Any = None) -> None:
        """Insert ``item`` (a blank row of the list's type if ``None``) at ``row``.

        An inserted row is a new row: a given detail row (a duplicate, a pasted row) gets a fresh id.
        """
        if item is None:
            item = self.blank_row(list_path)
        elif isinstance(item, Row):
            item = with_new_id(item)
        after = insert_in(self._state, list_path, row, item)
        self.undo_stack.push(InsertRow(self, self._state, after, frozenset({path_text(list_path)}), "insert"))

    def remove_row(self, list_path: Path, row: int) -> None:
        """Remove row ``row`` of the list at ``list_path``."""
        after = remove_in(self._state, list_path, row)
        self.undo_stack.push(RemoveRow(self, self._state, after, frozenset({path_text(list_path)}), "remove"))

    def replace(self, after: CaseFile, changed: frozenset[str], verb: str = "replace") -> bool:
        """Push a whole new state (several fields at once); ``False`` if it equals the current one.

        ``verb`` is a key of ``commands.verbs()`` ("reload", "copy" …).
        """
        if after == self._state:
            return False
        self.undo_stack.push(ReplaceCase(self, self._state, after, changed, verb))
        return True

    def retranslate(self) -> None:
        """Re-translate the undo texts after a language switch."""
        for i in range(self.undo_stack.count()):
            command = self.undo_stack.command(i)
            if isinstance(command, StateCommand):
                command.retranslate()

    def blank_row(self, list_path: Path) -> Any:
        """An empty item of the list at ``list_path``."""
        return blank(item_type_at(self._state, list_path))

    def _replace_state(self, state: CaseFile, changed: frozenset[str]) -> None:
        """Called by the undo commands only: install ``state`` and say so, once."""
        if state is self._state:
            return
        self._state = state
        self.state_changed.emit(changed)


_MISSING = object()


def _same(a: Any, b: Any) -> bool:
    """Equal and of the same type (``Decimal("0")`` and ``False`` are not the same value here)."""
    return type(a) is type(b) and a == b
