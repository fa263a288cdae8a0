"""The files of an open case's evidence items: pending (added in the window) and stored.

Adding a photo in the window edits the case (a new or linked evidence record, undoable) and puts
the bytes here, pending. They go to the store after the case itself is saved there (``flush``, on
``CasePersistence.saved``), in one transaction that also drops the stored files of evidence items
the saved case no longer has. Removing an attachment fetches its stored bytes back into pending, so
an undo after the next save can still put the file back.

A case that is not in the store (new, demo, opened from a case file) keeps its pending files with
the open case until it is saved to the store: a case file records each evidence item's name and
SHA-256, never the file (the page says so). Closing such a case without storing it drops them, so
the window asks first (``waiting_files``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Signal

from workbench.services.attachment_files import PendingFile, sha256_of
from workbench.ui.i18n import tr
from workbench.ui.ops import run_in_background

if TYPE_CHECKING:
    from workbench.domain.attachments import AttachmentInfo
    from workbench.domain.evidence import Evidence
    from workbench.services.attachments import SyncResult
    from workbench.ui.document import CaseDocument
    from workbench.ui.store_link import StoreLink

StoreGetter = Callable[[], "StoreLink | None"]

PENDING, STORED, MISSING = "pending", "stored", "missing"


class AttachmentStash(QObject):
    """Per open case; a child of its ``CaseDocument`` (``stash_for``)."""

    changed = Signal()
    failed = Signal(str)

    def __init__(self, document: CaseDocument, store: StoreGetter | None = None) -> None:
        super().__init__(document)
        self.setObjectName("attachmentStash")
        self.document = document
        self.store_getter: StoreGetter = store or (lambda: None)
        self.pending: dict[str, PendingFile] = {}
        self.stored: dict[str, AttachmentInfo] = {}
        self.loaded_for = ""  # case id whose stored list was asked for
        self.stored_for = ""  # case id whose stored list is in ``stored``
        self.syncing = False

    # ---- where the case is ---------------------------------------------------------------------

    def store(self) -> StoreLink | None:
        return self.store_getter()

    def stored_case_id(self) -> str | None:
        """The store's id of the case if it is a stored case and the store is connected."""
        source = self.document.source
        return source.location if source.kind == "store" and self.store() is not None else None

    def refresh(self) -> None:
        """Read the list of stored files (in the background)."""
        case_id, store = self.stored_case_id(), self.store()
        if case_id is None or store is None:
            return
        run_in_background(
            lambda: store.services.attachments.list_files(case_id, store.user),
            while_alive(self, lambda infos: self._listed(case_id, infos)),
            while_alive(self, lambda error: self.failed.emit(_describe(tr("无法读取附件：%1"), error))),
        )

    def ensure_loaded(self) -> None:
        case_id = self.stored_case_id()
        if case_id is not None and self.loaded_for != case_id:
            self.loaded_for = case_id
            self.refresh()

    def _listed(self, case_id: str, infos: list[AttachmentInfo]) -> None:
        if case_id != self.stored_case_id():
            return  # the case went on under another id meanwhile
        self.loaded_for = self.stored_for = case_id
        self.stored = {i.evidence_id: i for i in infos}
        self.changed.emit()

    # ---- files ---------------------------------------------------------------------------------

    def add(self, file: PendingFile) -> None:
        self.pending[file.evidence_id] = file
        self.changed.emit()

    def state(self, evidence: Evidence) -> str:
        """``pending`` (here, not stored yet), ``stored`` (the store has this very file) or ``missing``."""
        pending = self.pending.get(evidence.id)
        if pending is not None and (
            not evidence.sha256 or sha256_of(pending.data) == evidence.sha256.lower()
        ):
            return PENDING
        info = self.stored.get(evidence.id)
        if info is not None and (not evidence.sha256 or info.sha256 == evidence.sha256.lower()):
            return STORED
        return MISSING

    def loader(self, evidence: Evidence) -> Callable[[], bytes] | None:
        """A function (for a worker thread) that returns the file's bytes; ``None`` if there are none."""
        state = self.state(evidence)
        if state == PENDING:
            data = self.pending[evidence.id].data
            return lambda: data
        case_id, store = self.stored_case_id(), self.store()
        if state == STORED and case_id is not None and store is not None:
            evidence_id = evidence.id
            return lambda: store.services.attachments.content(case_id, evidence_id, store.user)
        return None

    def keep_for_undo(self, evidence: Evidence) -> None:
        """Before the evidence item goes: hold a stored file here, so undo can still bring it back."""
        if evidence.id in self.pending or self.state(evidence) != STORED:
            return
        load = self.loader(evidence)
        if load is None:
            return

        def keep(data: bytes) -> None:
            self.pending.setdefault(evidence.id, PendingFile(evidence.id, evidence.file_name, data))

        run_in_background(
            load, keep, lambda error: self.failed.emit(_describe(tr("无法读取附件：%1"), error))
        )

    # ---- after a save --------------------------------------------------------------------------

    def flush(self) -> None:
        """Store the pending files of a case just saved to the store, drop its orphaned files.

        A case saved under a new id (kept as a copy after a conflict) takes the files stored with
        the case it came from along.
        """
        case_id, store = self.stored_case_id(), self.store()
        if case_id is None or store is None:
            return
        files = list(self.pending.values())
        if not files and not self.stored:  # nothing added, nothing stored that could be orphaned
            return
        origin = self.stored_for if self.stored_for and self.stored_for != case_id else ""
        carried = [info for eid, info in self.stored.items() if eid not in self.pending] if origin else []
        service, user = store.services.attachments, store.user

        def job() -> SyncResult:
            extra = [
                PendingFile(i.evidence_id, i.file_name, service.content(origin, i.evidence_id, user))
                for i in carried
            ]
            return service.sync(case_id, files + extra, user)

        self.syncing = True
        self.changed.emit()
        run_in_background(
            job,
            while_alive(self, lambda result: self._synced(case_id, files, result)),
            while_alive(self, self._sync_failed),
        )

    def _synced(self, case_id: str, sent: list[PendingFile], result: SyncResult) -> None:
        self.syncing = False
        stored = {i.evidence_id: i for i in result.stored}
        for file in sent:
            info = stored.get(file.evidence_id)
            current = self.pending.get(file.evidence_id)
            if info is not None and current is file:
                del self.pending[file.evidence_id]
        if case_id == self.stored_case_id():  # else a later save (under the new id) syncs again
            self.loaded_for = ""
            self.ensure_loaded()
        self.changed.emit()

    def _sync_failed(self, error: BaseException) -> None:
        self.syncing = False
        self.changed.emit()
        self.failed.emit(_describe(tr("附件未能存入案件库（已保留，下次保存时重试）：%1"), error))


def while_alive(owner: QObject, fn: Callable[..., None]) -> Callable[..., None]:
    """``fn``, or nothing once ``owner`` is deleted (a background job outlives a closed case)."""

    def call(*args: object) -> None:
        if shiboken6.isValid(owner):
            fn(*args)

    return call


def _describe(template: str, error: BaseException) -> str:
    from workbench.ui.persistence import describe

    return template.replace("%1", describe(error))


def stash_for(document: CaseDocument) -> AttachmentStash:
    """The stash of ``document``, made on first use."""
    found = document.findChild(AttachmentStash, "attachmentStash")
    return found if isinstance(found, AttachmentStash) else AttachmentStash(document)


def attach_stash(
    document: CaseDocument, store: StoreGetter, on_error: Callable[[str], None] | None = None
) -> AttachmentStash:
    """The window's hook: give the case's stash the way to the store, and its errors a place to go."""
    stash = stash_for(document)
    stash.store_getter = store
    if on_error is not None:
        stash.failed.connect(on_error)
    return stash


def waiting_files(document: CaseDocument) -> int:
    """How many files of a case that is not in the store wait in the window (lost if it closes).

    Only the files of evidence items the case still has: a pending file of a removed item is
    kept for undo alone.
    """
    found = document.findChild(AttachmentStash, "attachmentStash")
    if not isinstance(found, AttachmentStash) or not found.pending or document.source.kind == "store":
        return 0
    return sum(1 for e in document.state.evidence if found.state(e) == PENDING)


def flush_after_save(document: CaseDocument) -> None:
    """``CasePersistence.saved`` → store the case's pending files (if it has a stash)."""
    found = document.findChild(AttachmentStash, "attachmentStash")
    if isinstance(found, AttachmentStash):
        found.flush()
