"""Saving and loading open cases: to the store through ``CaseService``, or to case files.

Every save runs in the background on an immutable snapshot, never on the GUI thread. On success the undo
stack is marked clean, but only if the case still holds exactly what was sent: the undo stack's position
alone cannot tell (an undo and a new edit while the save runs land at the same position). A conflict
(someone saved the stored case, or the file changed on disk) asks the officer: reload (her edits stay
one undo step away), save as a copy, cancel, or first compare hers with theirs field by field. Nothing
here decides *where* a new case goes: the window asks ``target_for``. One save per case runs at a time:
a save asked for while one is under way (Ctrl+S during an autosave) runs after it, so the two never
conflict with each other.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Signal

from workbench.domain.errors import ConcurrentEditError, DomainError, ValidationError
from workbench.domain.policy import DEFAULT_POLICY
from workbench.services.messages import describe_error
from workbench.texts.reasons import error_text
from workbench.ui.case_io import FileChangedError, open_case_file, save_case_file
from workbench.ui.case_names import case_label, without_ids
from workbench.ui.dialogs.conflict_dialog import ConflictChoice, ask_compare, ask_conflict
from workbench.ui.document import CaseSource
from workbench.ui.i18n import lang, tr
from workbench.ui.ops import run_in_background

if TYPE_CHECKING:
    from pathlib import Path

    from workbench.domain.case_file import CaseFile
    from workbench.domain.policy import CreditPolicy
    from workbench.domain.records import CaseRecord
    from workbench.ui.document import CaseDocument
    from workbench.ui.store_link import StoreLink

AskPath = Callable[[str], "Path | None"]
AskConflict = Callable[[str, str], ConflictChoice]
AskCompare = Callable[[str, "CaseFile", "CaseFile", str], ConflictChoice]  # title, mine, theirs, their source
OnSaved = Callable[[], None]
OnError = Callable[[BaseException], None]


def is_conflict(error: BaseException) -> bool:
    """Whether a save failed because someone else saved the case (or its file) first."""
    return isinstance(error, ConcurrentEditError | FileChangedError)


def describe(error: BaseException) -> str:
    """A one-line message for a failed open or save."""
    inner = getattr(error, "error", None)
    if isinstance(inner, ValidationError):
        return f"{getattr(error, 'source', '')}: {error_text(inner, lang())}"
    if isinstance(error, ValidationError):
        return error_text(error, lang())
    if isinstance(error, FileChangedError):
        return tr("%1 在打开后已被他人修改").replace("%1", error.path)
    if isinstance(error, DomainError):
        return describe_error(error, lang())  # store errors: busy, unreachable, conflict … in words
    describe_fn = getattr(error, "describe", None)
    if callable(describe_fn):
        try:
            return str(describe_fn(lang()))
        except TypeError:
            pass
    if isinstance(error, OSError):
        return f"{error.filename or ''} {error.strerror or error}".strip()
    return str(error)


class CasePersistence(QObject):
    """Opens and saves cases for the window; reports what happened by signal."""

    case_loaded = Signal(object, object)  # CaseFile, CaseSource
    saved = Signal(object)  # CaseDocument
    failed = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        ask_path: AskPath | None = None,
        ask_conflict_fn: AskConflict | None = None,
    ) -> None:
        super().__init__(parent)
        self.policy: CreditPolicy = DEFAULT_POLICY
        """The store's policy in force (the built-in one while signed in to none): ``policy_for``."""
        self.store: StoreLink | None = None
        self.ask_path: AskPath = ask_path or (lambda _title: None)
        self.ask_conflict: AskConflict = ask_conflict_fn or ask_conflict
        self.ask_compare: AskCompare = ask_compare
        self.saving: set[CaseDocument] = set()
        self._queued: dict[CaseDocument, tuple[OnSaved | None, OnError | None]] = {}
        self.loading: set[str] = set()  # stored cases on their way: asked twice, loaded once
        self.owners: dict[str, str] = {}  # case id → its officer, as last read from the store

    # ---- opening -------------------------------------------------------------------------------------

    def policy_for(self, source: CaseSource) -> CreditPolicy:
        """The policy a case is computed and written under: the store's once signed in (``policy``),
        else the one its file carries, else the built-in one."""
        if self.store is None and source.policy is not None:
            return source.policy
        return self.policy

    def open_file(self, path: Path) -> tuple[CaseFile, CaseSource] | None:
        """Read a case file now (small, local); ``None`` and ``failed`` if it cannot be used."""
        try:
            return open_case_file(path)
        except (DomainError, OSError) as error:
            self.failed.emit(tr("无法打开案件文件：%1").replace("%1", describe(error)))
            return None

    def open_stored(self, case_id: str) -> None:
        """Load a stored case in the background; ``case_loaded`` when it arrives."""
        store = self.store
        if store is None or case_id in self.loading:
            return
        self.loading.add(case_id)

        def loaded(record: CaseRecord) -> None:
            self.loading.discard(case_id)
            self.owners[record.case.id] = record.officer_id
            self.case_loaded.emit(record.case, _store_source(record))

        def failed(error: BaseException) -> None:
            self.loading.discard(case_id)
            self.failed.emit(tr("无法打开案件：%1").replace("%1", describe(error)))

        run_in_background(lambda: store.open(case_id), loaded, failed)

    # ---- saving --------------------------------------------------------------------------------------

    def save(
        self, document: CaseDocument, on_saved: OnSaved | None = None, on_error: OnError | None = None
    ) -> None:
        """Save where the case came from: its file, its stored version, else a new stored case / a file.

        ``on_error`` (the autosave's) takes over every failure, conflicts included; without it a
        conflict asks the officer and anything else is reported by ``failed``.
        """
        if document in self.saving:
            self._queued[document] = (on_saved, on_error)
            return
        source = document.source
        if source.kind == "file" and source.path is not None:
            path = source.path
            self._run(
                document,
                lambda case: save_case_file(case, path, source.version, self.policy_for(source)),
                on_saved,
                on_error,
            )
        elif source.kind == "store" and self.store is not None:
            store, version = self.store, int(source.version)

            def job(case: CaseFile) -> CaseSource:
                return CaseSource("store", case.id, str(store.save(case, version)))

            self._run(document, job, on_saved, on_error)
        elif self.store is not None:
            self.save_new_to_store(document, on_saved)
        else:
            self.save_as_file(document, on_saved=on_saved)

    def save_new_to_store(self, document: CaseDocument, on_saved: Callable[[], None] | None = None) -> None:
        """Store the case as a new case (version 1)."""
        store = self.store
        assert store is not None
        self.owners[document.state.id] = store.user.id  # a new case is hers
        self._run(document, lambda case: _store_source(store.create(case)), on_saved)

    def save_as_file(
        self, document: CaseDocument, path: Path | None = None, on_saved: Callable[[], None] | None = None
    ) -> None:
        """Write the case to a file chosen by the officer (or ``path``); the tab then follows that file."""
        target = path or self.ask_path(document.title())
        if target is None:
            return
        policy = self.policy_for(document.source)
        self._run(document, lambda case: save_case_file(case, target, policy=policy), on_saved)

    def save_copy(self, document: CaseDocument, on_saved: Callable[[], None] | None = None) -> None:
        """Keep the officer's version as a new case (new id): in the store, else in a file."""
        copy = dataclasses.replace(document.state, id=str(uuid.uuid4()))
        document.replace(copy, frozenset({"id"}), "copy")
        document.source = CaseSource("new")
        if self.store is not None:
            self.save_new_to_store(document, on_saved)
        else:
            self.save_as_file(document, on_saved=on_saved)

    def _run(
        self,
        document: CaseDocument,
        job: Callable[[CaseFile], CaseSource],
        on_saved: OnSaved | None,
        on_error: OnError | None = None,
    ) -> None:
        snapshot = document.state
        self.saving.add(document)

        def done(source: CaseSource) -> None:
            self.saving.discard(document)
            if not shiboken6.isValid(document):
                return  # its tab was closed while the save ran
            document.source = source
            if _holds(document, snapshot):
                document.undo_stack.setClean()
            self.saved.emit(document)
            if on_saved is not None:
                on_saved()
            self._next(document, after_conflict=False)

        def failed(error: BaseException) -> None:
            self.saving.discard(document)
            if not shiboken6.isValid(document):
                return
            self._next(document, after_conflict=is_conflict(error))
            if on_error is not None:
                on_error(error)
            elif is_conflict(error):
                self.resolve_conflict(document, describe(error), on_saved)
            else:
                self.failed.emit(tr("保存失败：%1").replace("%1", describe(error)))

        run_in_background(lambda: job(snapshot), done, failed)

    def _next(self, document: CaseDocument, after_conflict: bool) -> None:
        """Run the save that waited for this one; after a conflict it would only meet it again."""
        queued = self._queued.pop(document, None)
        if queued is None or after_conflict:
            return
        on_saved, on_error = queued
        if document.undo_stack.isClean():
            if on_saved is not None:
                on_saved()  # the first save already wrote what this one would
            return
        self.save(document, on_saved, on_error)

    def conflict_title(self, document: CaseDocument) -> str:
        """How the conflict dialog names the case: its file's name, else its title."""
        path = document.source.path
        return path.name if path is not None else document.title()

    def resolve_conflict(self, document: CaseDocument, detail: str, on_saved: OnSaved | None = None) -> None:
        """Ask the officer what to do about a conflict: reload, save as copy, compare first, or cancel."""
        title = self.conflict_title(document)
        detail = without_ids(detail, {document.state.id.lower(): case_label(document.state)})
        choice = self.ask_conflict(title, detail)
        if choice is ConflictChoice.COMPARE:
            self._compare(document, title, on_saved)
        else:
            self._resolve(document, choice, on_saved)

    def _resolve(
        self,
        document: CaseDocument,
        choice: ConflictChoice,
        on_saved: OnSaved | None,
        theirs: tuple[CaseFile, CaseSource] | None = None,
    ) -> None:
        if choice is ConflictChoice.RELOAD:
            if theirs is not None:
                self._install(document, theirs)
            else:
                self.reload(document)
        elif choice is ConflictChoice.SAVE_AS_COPY:
            self.save_copy(document, on_saved)

    def _compare(self, document: CaseDocument, title: str, on_saved: OnSaved | None) -> None:
        """Load what the other person saved, then show it next to the officer's version."""

        def show(theirs: tuple[CaseFile, CaseSource]) -> None:
            choice = self.ask_compare(title, document.state, theirs[0], theirs[1].version)
            self._resolve(document, choice, on_saved, theirs)

        run_in_background(
            self._loader(document.source),
            show,
            lambda error: self.failed.emit(tr("无法载入他人保存的版本：%1").replace("%1", describe(error))),
        )

    def reload(self, document: CaseDocument) -> None:
        """Replace the case with what is saved now, as one undoable step, and mark it clean."""
        run_in_background(
            self._loader(document.source),
            lambda result: self._install(document, result),
            lambda error: self.failed.emit(tr("无法重新载入：%1").replace("%1", describe(error))),
        )

    def _loader(self, source: CaseSource) -> Callable[[], tuple[CaseFile, CaseSource]]:
        store = self.store

        def load() -> tuple[CaseFile, CaseSource]:
            if source.kind == "file" and source.path is not None:
                return open_case_file(source.path)
            assert store is not None
            record = store.open(source.location)
            self.owners[record.case.id] = record.officer_id  # a dict item: safe from the worker
            return record.case, _store_source(record)

        return load

    @staticmethod
    def _install(document: CaseDocument, result: tuple[CaseFile, CaseSource]) -> None:
        case, new_source = result
        document.replace(case, frozenset({""}), "reload")
        document.source = new_source
        document.undo_stack.setClean()


def _holds(document: CaseDocument, snapshot: CaseFile) -> bool:
    """Whether ``document`` holds what was saved: the same state object (undo/redo reinstall the very
    objects), else an equal one (edited and undone back by hand)."""
    return document.state is snapshot or document.state == snapshot


def _store_source(record: CaseRecord | Any) -> CaseSource:
    return CaseSource("store", record.case.id, str(record.version))
