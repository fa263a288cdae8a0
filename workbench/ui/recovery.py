"""The recovery journal: every open case with unsaved edits is also on disk, a second after typing stops.

A crash, a kill or a lost connection loses at most the last seconds of typing. Each running window
owns one session directory under ``<user data>/recovery/`` (``WORKBENCH_DATA_DIR`` moves it), held by
a ``QLockFile``; in it, one journal file per modified case: the case in the exchange format (the same
text as a case file, ``dumps_case``), where it came from, the version it is based on, its title and
when it was last edited. A journal is written atomically (temp file, fsync, rename), so a kill
mid-write leaves the previous journal, never half of one; it is deleted when the case is saved clean
or closed without saving, and the session directory goes when the window closes normally.

On the next start, session directories whose lock is stale (the owner's process is gone) hold
*orphans*: ``find_orphans`` reads them for the recovery dialog; a journal that cannot be read is
refused with its reason and moved to ``recovery/set-aside/`` rather than deleted. A second window
running at the same time never touches another live window's journals.

Writes run on a one-thread pool, so they land in the order they were asked for and the typing path
only starts a timer.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, QThreadPool, QTimer, Signal

from workbench.domain.case_file import CaseFile
from workbench.domain.errors import DomainError
from workbench.services.case_files import dumps_case, loads_case
from workbench.ui.document import CaseSource
from workbench.ui.i18n import tr
from workbench.ui.ops import run_in_background
from workbench.ui.persistence import describe

if TYPE_CHECKING:
    from workbench.ui.document import CaseDocument

JOURNAL_DELAY_MS = 1000  # after the last edit
JOURNAL_MAX_DELAY_MS = 5000  # at the latest, even while typing without a pause
FORMAT = "workbench-recovery"
FORMAT_VERSION = 1
SESSION_PREFIX = "session-"
LOCK_NAME = "owner.lock"
SET_ASIDE = "set-aside"
JOURNAL_SUFFIX = ".journal.json"
MAX_JOURNAL_BYTES = 25 * 1024 * 1024
SOURCE_KINDS = ("file", "demo", "new", "store")


class JournalError(DomainError):
    """A journal file that cannot be used; ``reason`` says why (shown to the officer)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """A case recovered from a journal: its unsaved state, source (and base version), title, time."""

    case: CaseFile
    source: CaseSource
    title: str
    edited_at: datetime
    path: Path


@dataclass(frozen=True, slots=True)
class RefusedJournal:
    """A journal that could not be read: where it was set aside, and why."""

    path: Path
    reason: str


@dataclass(slots=True)
class Orphans:
    """What crashed or killed windows left behind."""

    entries: list[JournalEntry] = field(default_factory=list)
    refused: list[RefusedJournal] = field(default_factory=list)


# ---- the file format: pure functions -----------------------------------------------------------------


def encode_journal(case: CaseFile, source: CaseSource, title: str, edited_at: datetime) -> str:
    """The journal text of one case."""
    return json.dumps(
        {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "title": title,
            "edited_at": edited_at.isoformat(),
            "source": {"kind": source.kind, "location": source.location, "version": source.version},
            "case": dumps_case(case),
        },
        ensure_ascii=False,
        indent=1,
    )


def decode_journal(text: str, path: Path) -> JournalEntry:
    """Read a journal's text.

    Raises:
        JournalError: not a journal, or its case is not a valid case (the reason names the field).
    """
    try:
        data = json.loads(text)
    except ValueError as error:
        raise JournalError(tr("不是有效的恢复文件（%1）").replace("%1", str(error)[:80])) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise JournalError(tr("不是恢复文件"))
    if data.get("version") != FORMAT_VERSION:
        raise JournalError(tr("恢复文件的格式版本不受支持：%1").replace("%1", str(data.get("version"))))
    source, case_text = data.get("source"), data.get("case")
    try:
        assert isinstance(source, dict) and isinstance(case_text, str)
        kind, location, version = (str(source[k]) for k in ("kind", "location", "version"))
        assert kind in SOURCE_KINDS
        edited_at = datetime.fromisoformat(str(data["edited_at"]))
        title = str(data.get("title", ""))
    except (AssertionError, KeyError, TypeError, ValueError):
        raise JournalError(tr("恢复文件不完整")) from None
    try:
        case = loads_case(case_text, path.name)
    except DomainError as error:
        raise JournalError(tr("恢复文件中的案件无效：%1").replace("%1", describe(error))) from None
    return JournalEntry(case, CaseSource(kind, location, version), title, edited_at, path)


def read_journal(path: Path) -> JournalEntry:
    """Read and check one journal file.

    Raises:
        JournalError: unreadable, too large, not UTF-8, or not a valid journal.
    """
    try:
        if path.stat().st_size > MAX_JOURNAL_BYTES:
            raise JournalError(tr("恢复文件过大"))
        raw = path.read_bytes()
    except OSError as error:
        raise JournalError(tr("无法读取恢复文件：%1").replace("%1", error.strerror or str(error))) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise JournalError(tr("不是有效的恢复文件（%1）").replace("%1", "not UTF-8")) from None
    return decode_journal(text, path)


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that a crash at any moment leaves the old file or the new one."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_directory(path.parent)


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles for this."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# ---- the journal of one window -----------------------------------------------------------------------


@dataclass(slots=True)
class _Tracked:
    path: Path
    timer: QTimer
    first_pending: float | None = None  # monotonic time of the oldest unwritten edit
    on_disk: bool = False


class RecoveryJournal(QObject):
    """Journals the open cases of one window in its own locked session directory."""

    written = Signal(object)  # CaseDocument: its journal is on disk as it is now
    failed = Signal(str)  # a translated message (disk full, no permission …)

    def __init__(self, root: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root = root
        self.session = root / f"{SESSION_PREFIX}{uuid.uuid4().hex}"
        self._lock: QLockFile | None = None
        self._orphan_locks: dict[Path, QLockFile] = {}
        self._tracked: dict[CaseDocument, _Tracked] = {}
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # writes and deletes land in the order asked
        self._failing = False
        self._closed = False

    def _ensure_session(self) -> bool:
        if self._lock is not None:
            return True
        if self._closed:
            return False
        try:
            self.session.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            self._fail(error)
            return False
        lock = QLockFile(str(self.session / LOCK_NAME))
        lock.setStaleLockTime(0)  # stale only when the owner's process is gone, never by age
        if not lock.tryLock(0):
            self.failed.emit(tr("无法锁定恢复目录：%1").replace("%1", str(self.session)))
            return False
        self._lock = lock
        return True

    # ---- following documents --------------------------------------------------------------------

    def watch(self, document: CaseDocument) -> None:
        """Journal ``document`` from now on (written about a second after each edit)."""
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda d=document: self.flush(d))
        tracked = _Tracked(self.session / f"{uuid.uuid4().hex}{JOURNAL_SUFFIX}", timer)
        self._tracked[document] = tracked
        document.state_changed.connect(lambda _changed, d=document: self._edited(d))
        document.source_changed.connect(lambda _source, d=document: self._edited(d))
        document.undo_stack.cleanChanged.connect(lambda clean, d=document: self._clean_changed(d, clean))
        if not document.undo_stack.isClean():
            self._edited(document)

    def forget(self, document: CaseDocument) -> None:
        """Stop following ``document`` and delete its journal (saved, or closed with "don't save")."""
        tracked = self._tracked.pop(document, None)
        if tracked is None:
            return
        tracked.timer.stop()
        tracked.timer.deleteLater()
        self._delete(tracked)

    def journal_path(self, document: CaseDocument) -> Path | None:
        """The file ``document`` is journalled in (it may not exist yet)."""
        tracked = self._tracked.get(document)
        return tracked.path if tracked is not None else None

    def _clean_changed(self, document: CaseDocument, clean: bool) -> None:
        if clean:
            self.flush(document)  # saved (or undone back to it): the journal goes at once
        else:
            self._edited(document)

    def _edited(self, document: CaseDocument) -> None:
        tracked = self._tracked.get(document)
        if tracked is None:
            return
        now = time.monotonic()
        if tracked.first_pending is None:
            tracked.first_pending = now
        waited_ms = (now - tracked.first_pending) * 1000
        tracked.timer.start(int(max(0, min(JOURNAL_DELAY_MS, JOURNAL_MAX_DELAY_MS - waited_ms))))

    def flush(self, document: CaseDocument, replacing: Path | None = None) -> None:
        """Write (or, if it is saved clean, delete) ``document``'s journal now, off the GUI thread.

        ``replacing``: a journal this one takes over, deleted once the new one is on disk.
        """
        tracked = self._tracked.get(document)
        if tracked is None:
            return
        tracked.timer.stop()
        tracked.first_pending = None
        if document.undo_stack.isClean():
            self._delete(tracked)
            return
        if not self._ensure_session():
            return
        case, source, title, path = document.state, document.source, document.title(), tracked.path
        tracked.on_disk = True

        def write() -> None:
            write_atomically(path, encode_journal(case, source, title, datetime.now(UTC)))
            if replacing is not None:
                replacing.unlink(missing_ok=True)

        def done(_result: object) -> None:
            self._failing = False
            if document in self._tracked:
                self.written.emit(document)

        run_in_background(write, done, self._fail, pool=self._pool)

    def _delete(self, tracked: _Tracked) -> None:
        if not tracked.on_disk:
            return
        tracked.on_disk = False
        path = tracked.path
        run_in_background(lambda: path.unlink(missing_ok=True), lambda _r: None, self._fail, pool=self._pool)

    def _fail(self, error: BaseException) -> None:
        if not self._failing:  # once per run of failures, not once per keystroke
            self._failing = True
            self.failed.emit(tr("无法写入恢复文件（修改仍在窗口中）：%1").replace("%1", describe(error)))

    def wait(self) -> None:
        """Block until every write and delete asked for so far is done (closing; tests)."""
        self._pool.waitForDone(-1)

    def close(self) -> None:
        """Orderly exit: every case was saved or discarded, so the session directory goes."""
        self._closed = True
        for document in list(self._tracked):
            self.forget(document)
        self.wait()
        self.release_orphans()
        if self._lock is not None:
            _remove_session(self.session, self._lock)
            self._lock = None

    # ---- what crashed windows left --------------------------------------------------------------

    def find_orphans(self) -> Orphans:
        """Read the journals of session directories no running window owns (their locks are stale).

        Their locks are taken, so another window starting now cannot offer them too; unreadable
        journals are moved to ``set-aside/`` and listed with the reason.
        """
        found = Orphans()
        if self._closed:
            return found
        try:
            sessions = sorted(p for p in self.root.iterdir() if p.name.startswith(SESSION_PREFIX))
        except OSError:
            return found  # no recovery directory yet: nothing was ever journalled
        for session in sessions:
            if session == self.session or session in self._orphan_locks or not session.is_dir():
                continue
            lock = QLockFile(str(session / LOCK_NAME))
            lock.setStaleLockTime(0)
            if not lock.tryLock(0):
                continue  # a running window owns it
            self._orphan_locks[session] = lock
            for path in sorted(session.glob(f"*{JOURNAL_SUFFIX}")):
                try:
                    found.entries.append(read_journal(path))
                except JournalError as error:
                    found.refused.append(RefusedJournal(self._set_aside(path), error.reason))
        found.entries.sort(key=lambda e: e.edited_at, reverse=True)
        return found

    def _set_aside(self, path: Path) -> Path:
        target = self.root / SET_ASIDE / f"{path.parent.name}-{path.name}"
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
        except OSError:
            return path  # could not move it: it stays where it is, and is refused again next time
        return target

    def adopt(self, entry: JournalEntry, document: CaseDocument) -> None:
        """``document`` was restored from ``entry``: journal it here, then drop the orphan file."""
        self.flush(document, replacing=entry.path)

    def discard(self, entry: JournalEntry) -> None:
        """The officer does not want these edits back."""
        entry.path.unlink(missing_ok=True)

    def release_orphans(self) -> None:
        """Let go of the orphaned sessions: empty ones are removed, the rest are offered next time."""
        self.wait()  # restored journals are copied here before their orphan goes
        for session, lock in self._orphan_locks.items():
            if any(session.glob(f"*{JOURNAL_SUFFIX}")):
                lock.unlock()
            else:
                _remove_session(session, lock)
        self._orphan_locks.clear()


def _remove_session(session: Path, lock: QLockFile) -> None:
    for leftover in session.glob(".*.tmp"):  # a write a kill interrupted: the journal itself is whole
        leftover.unlink(missing_ok=True)
    lock.unlock()
    with contextlib.suppress(OSError):  # something else is in it (a journal put back): keep it
        session.rmdir()


def source_text(source: CaseSource) -> str:
    """Where a recovered case came from, in words."""
    if source.kind == "store":
        return tr("案件库（版本 %1）").replace("%1", source.version or "?")
    if source.kind == "file":
        return tr("案件文件 %1").replace("%1", source.location)
    if source.kind == "demo":
        return tr("示例案件 %1").replace("%1", source.location)
    return tr("新案件（尚未保存）")
