"""Autosave of stored cases: a few seconds after typing stops, the case goes to the store.

Only a case whose source is the store is saved by itself, in the background, through the same
``CasePersistence.save`` as Ctrl+S (one save per case at a time, the same conflict check). Case
files and new or demo cases are never written behind the officer's back: the recovery journal
protects them. While the store is unreachable or busy the edits stay in the window and in the
journal; a status message says so and the save is tried again later, waiting longer each time.
A conflict (someone else saved meanwhile) stops the autosave of that case and asks the officer
once; it starts again when the case is reloaded or saved as a copy (its source changes).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

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
        document.state_changed.connect(lambda _changed, d=document: self._edited(d))
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

    def _edited(self, document: CaseDocument) -> None:
        watched = self._watched.get(document)
        if watched is None or watched.stopped_at is not None or document.source.kind != "store":
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
        if watched is None or watched.stopped_at is not None or document.source.kind != "store":
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
        watched.failures = 0
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
        self._retry(document, watched, describe(error))

    def _retry(self, document: CaseDocument, watched: _Watched, reason: str) -> None:
        watched.failures += 1
        delay = self._delay(watched)
        watched.timer.start(delay)
        self.message.emit(
            tr("自动保存失败，%1 秒后重试；修改仍在窗口中并已存入本机恢复文件：%2")
            .replace("%1", str(delay // 1000))
            .replace("%2", reason)
        )
