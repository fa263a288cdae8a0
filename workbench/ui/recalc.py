"""Live recomputation: every change of a document, coalesced, gives one ``compute_case``.

A burst of edits in one event-loop turn (a paste, a merged undo step, two setData calls) restarts a
single-shot 0-ms timer, so the domain runs once, after the burst. ``compute_case`` takes about 0.35 ms
for the worked cases, so it runs on the GUI thread (work moves to a worker thread only when it takes
more than about 50 ms). A ``DomainError`` (a rate above the legal maximum, a reference to an unknown
figure) is reported through ``recalc_failed`` and never raised into Qt; the last good results stay
shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from workbench.domain.calc import compute_case
from workbench.domain.errors import DomainError, ValidationError
from workbench.domain.policy import DEFAULT_POLICY, CreditPolicy
from workbench.texts.reasons import error_text
from workbench.ui.i18n import lang

if TYPE_CHECKING:
    from workbench.domain.calc import CaseResults
    from workbench.ui.document import CaseDocument

COALESCE_MS = 0


class Recalculator(QObject):
    """Recomputes a document's results after its changes settle; the view side only listens."""

    results_ready = Signal(object)  # CaseResults
    recalc_failed = Signal(str)  # the translated reason; "" when a later run succeeded again

    def __init__(self, document: CaseDocument, parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else document)
        self._document = document
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COALESCE_MS)
        self._timer.timeout.connect(self.run)
        document.state_changed.connect(self._schedule)
        self.results: CaseResults | None = None
        self.policy: CreditPolicy = DEFAULT_POLICY
        """What the figures are computed under: the store's current policy once signed in (``set_policy``)."""
        self.error = ""
        self.runs = 0

    def _schedule(self, _changed: object = None) -> None:
        self._timer.start()

    def set_policy(self, policy: CreditPolicy) -> None:
        """Compute under ``policy`` from now on (a new version saved, another store signed in to)."""
        if policy != self.policy:
            self.policy = policy
            self._schedule()

    def pending(self) -> bool:
        """Whether a recompute is scheduled and has not run yet."""
        return self._timer.isActive()

    def run(self) -> CaseResults | None:
        """Compute now (the timer calls this); returns the results or ``None`` on a domain error."""
        self._timer.stop()
        self.runs += 1
        try:
            results = compute_case(self._document.state, self.policy)
        except DomainError as error:
            had_error = self.error
            self.error = error_text(error, lang()) if isinstance(error, ValidationError) else str(error)
            if self.error != had_error:
                self.recalc_failed.emit(self.error)
            return None
        if self.error:
            self.error = ""
            self.recalc_failed.emit("")
        self.results = results
        self.results_ready.emit(results)
        return results
