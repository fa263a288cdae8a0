"""Autosave of stored cases: a few seconds after typing stops, the case goes to the store.

Only a case whose source is the store is saved by itself, in the background, through the same
``CasePersistence.save`` as Ctrl+S (one save per case at a time, the same conflict check). Case
files and new or demo cases are never written behind the officer's back: the recovery journal
protects them. While the store is unreachable or busy the edits stay in the window and in the
journal; a status message says so and the save is tried again later, waiting longer each time.
A conflict (someone else saved meanwhile) stops the autosave of that case and asks the officer
once; it starts again when the case is reloaded or saved as a copy (its source changes). An error
that no retry can mend is not retried: a value the store refuses (a fraction of a cent) waits for
the officer's next edit, a refusal (no permission, a frozen case) for a new source. One line says
so; the edits stay in the window and in the journal.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from workbench.domain.errors import ValidationError
from workbench.domain.records import StoreBusyError, StoreUnavailableError
from workbench.ui.document import CaseSource
from workbench.ui.i18n import tr
from workbench.ui.persistence import describe, is_conflict

if TYPE_CHECKING:
    from workbench.ui.document import CaseDocument
    from workbench.ui.persistence import CasePersistence

AUTOSAVE_DELAY_MS = 3000  # after the last edit
RETRY_DELAYS_MS = (5000, 10_000, 20_000, 40_000, 60_000)  # after the 1st, 2nd … failure


@dataclass(slots=True)
class _Watched:
    timer: QTimer
    failures: int = 0
    stopped_at: CaseSource | None = None  # the source a conflict was met at: no autosave until it changes
    refused: bool = False  # the store refused a value: no autosave until the next edit


def is_transient(error: BaseException) -> bool:
    """Whether trying the same save again later may succeed (the store busy, unreachable, cut off)."""
    return isinstance(error, StoreBusyError | StoreUnavailableError | ConnectionError | TimeoutError)


def is_refused_value(error: BaseException) -> bool:
    """Whether the store refused a value of the case, which the officer's next edit may mend."""
    return isinstance(error, ValidationError) or isinstance(getattr(error, "error", None), ValidationError)


class Autosaver(QObject):
    """Saves the stored cases of one window when the officer pauses."""

    message = Signal(str)  # for the status bar
    conflicted = Signal(object)  # CaseDocument: autosave met a conflict and stopped for it

    def __init__(self, persistence: CasePersistence, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.persistence = persistence
        self._watched: dict[CaseDocument, _Watched] = {}
        persistence.saved.connect(self._saved)

    def watch(self, document: CaseDocument) -> None:
        """Autosave ``document`` whenever it is a stored case with edits."""
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda d=document: self._fire(d))
        self._watched[document] = _Watched(timer)
        document.state_changed.connect(lambda _changed, d=document: self._typed(d))
        document.source_changed.connect(lambda source, d=document: self._source_changed(d, source))
        document.undo_stack.cleanChanged.connect(lambda clean, d=document: self._clean_changed(d, clean))
        if not document.undo_stack.isClean():
            self._edited(document)

    def forget(self, document: CaseDocument) -> None:
        """Stop autosaving ``document`` (its tab closes)."""
        watched = self._watched.pop(document, None)
        if watched is not None:
            watched.timer.stop()
            watched.timer.deleteLater()

    def hold(self, document: CaseDocument) -> None:
        """Stop autosaving ``document`` at its current source (a newer stored version waits, or it
        is frozen); it starts again when the source changes (reloaded or kept as a copy)."""
        watched = self._watched.get(document)
        if watched is not None:
            watched.stopped_at = document.source
            watched.timer.stop()

    def stopped(self, document: CaseDocument) -> bool:
        """Whether a conflict stopped the autosave of ``document``."""
        watched = self._watched.get(document)
        return watched is not None and watched.stopped_at is not None

    def pending(self, document: CaseDocument) -> bool:
        """Whether an autosave of ``document`` is scheduled."""
        watched = self._watched.get(document)
        return watched is not None and watched.timer.isActive()

    def _clean_changed(self, document: CaseDocument, clean: bool) -> None:
        if not clean:
            self._edited(document)  # e.g. a case restored from its journal, unsaved

    def refused(self, document: CaseDocument) -> bool:
        """Whether the store refused a value of ``document`` and autosave waits for an edit."""
        watched = self._watched.get(document)
        return watched is not None and watched.refused

    def _typed(self, document: CaseDocument) -> None:
        watched = self._watched.get(document)
        if watched is not None:
            watched.refused = False  # the edit may have mended the refused value
        self._edited(document)

    def _edited(self, document: CaseDocument) -> None:
        watched = self._watched.get(document)
        if watched is None or watched.stopped_at is not None or watched.refused:
            return
        if document.source.kind != "store":
            return
        if not watched.timer.isActive() or watched.failures == 0:
            watched.timer.start(self._delay(watched))

    def _delay(self, watched: _Watched) -> int:
        if watched.failures == 0:
            return AUTOSAVE_DELAY_MS
        return RETRY_DELAYS_MS[min(watched.failures, len(RETRY_DELAYS_MS)) - 1]

    def _source_changed(self, document: CaseDocument, source: CaseSource) -> None:
        watched = self._watched.get(document)
        if watched is not None and watched.stopped_at is not None and source != watched.stopped_at:
            watched.stopped_at = None  # reloaded or saved as a copy: the conflict is resolved
            self._edited(document)

    def _fire(self, document: CaseDocument) -> None:
        watched = self._watched.get(document)
        if watched is None or watched.stopped_at is not None or watched.refused:
            return
        if document.source.kind != "store":
            return
        if document.undo_stack.isClean():
            return
        if self.persistence.store is None:
            self._retry(document, watched, tr("案件库未连接"))
            return
        if document in self.persistence.saving:
            watched.timer.start(AUTOSAVE_DELAY_MS)  # a save is under way; look again afterwards
            return

        def failed(error: BaseException) -> None:
            self._failed(document, error)

        self.persistence.save(document, on_error=failed)

    def _saved(self, document: CaseDocument) -> None:
        watched = self._watched.get(document)
        if watched is None:
            return
        if watched.failures:
            self.message.emit(tr("已自动保存到案件库：%1").replace("%1", document.title()))
        watched.failures, watched.refused = 0, False
        if not document.undo_stack.isClean():
            self._edited(document)  # typed while it was saving

    def _failed(self, document: CaseDocument, error: BaseException) -> None:
        watched = self._watched.get(document)
        if watched is None:
            return
        if is_conflict(error):
            watched.stopped_at = document.source
            watched.timer.stop()
            self.message.emit(tr("“%1”已被他人修改，自动保存已停止").replace("%1", document.title()))
            self.conflicted.emit(document)
            self.persistence.resolve_conflict(document, describe(error))
            return
        if is_transient(error):
            self._retry(document, watched, describe(error))
            return
        watched.failures = 0
        watched.timer.stop()
        if is_refused_value(error):
            watched.refused = True
            text = tr("自动保存未完成：%1。改正后会再次自动保存；修改仍在窗口中并已存入本机恢复文件")
        else:
            watched.stopped_at = document.source
            text = tr("自动保存已停止：%1。修改仍在窗口中并已存入本机恢复文件")
        self.message.emit(text.replace("%1", describe(error)))

    def _retry(self, document: CaseDocument, watched: _Watched, reason: str) -> None:
        watched.failures += 1
        delay = self._delay(watched)
        watched.timer.start(delay)
        self.message.emit(
            tr("自动保存失败，%1 秒后重试；修改仍在窗口中并已存入本机恢复文件：%2")
            .replace("%1", str(delay // 1000))
            .replace("%2", reason)
        )
