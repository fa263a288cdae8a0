"""The hash chain of the audit trail: its canonical text, appending on SQLite, walking it to verify.

Every ``audit_entry`` carries its place in the chain (``seq``, 1, 2, 3 …), the hash of the entry
before it (``prev_hash``; the first entry has 64 zeros) and its own hash (``entry_hash``): the
SHA-256, in lowercase hex, of the UTF-8 bytes of ``canonical_text``. Changing, removing, moving or
inserting an entry breaks the chain at that place, whoever does it; ``audit_chain_head`` (one row)
holds the last seq and hash, so removing the newest entries shows too.

Who writes the chain:

* PostgreSQL: the database itself, in a ``BEFORE INSERT`` trigger (migration 0012) that sets the
  time (the server's clock), the user (``workbench_actor()``), the login (``session_user``) and the
  chain columns, whatever the client sent. Its SQL builds the same text as ``canonical_text``
  (``tests/store/test_audit_chain.py`` compares the bytes).
* SQLite: ``append_audit`` here, the one place the store adds audit entries: the time from the
  machine, the user from the claim (``workbench_actor()``, bound by ``Sessions.begin(actor=…)``).

The canonical text is version 1 and frozen: changing it would break every stored chain. A value is
written ``-`` when NULL and ``<n>:<text>`` otherwise (``n`` = its number of characters), so NULL and
``''`` differ and no character inside a value (newline, U+001F …) can shift one field into the next.
"""

from __future__ import annotations

import dataclasses
import hashlib
import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select, text, update

from workbench.store.changes import sha256_text
from workbench.store.db import store_errors
from workbench.store.history_rows import AuditChainHeadRow, AuditEntryRow, AuditPendingRow
from workbench.store.orm_base import table_of

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from sqlalchemy import Connection, Engine
    from sqlalchemy.orm import Session

GENESIS = "0" * 64
"""The ``prev_hash`` of the first entry."""
CANONICAL_VERSION = "workbench-audit-1"
HEAD_ID = 1


def canonical_of_texts(parts: Sequence[str | None]) -> str:
    """The canonical text of an entry whose ten values are already texts (the one encoding)."""
    return CANONICAL_VERSION + "".join(["\n-" if p is None else f"\n{len(p)}:{p}" for p in parts])


def utc_text(at: datetime) -> str:
    """A moment as the chain writes it: UTC, microseconds, ``2026-12-07T15:01:09.000123Z``."""
    return at.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def canonical_text(
    seq: int,
    prev_hash: str,
    at: datetime,
    user_id: uuid.UUID | None,
    case_id: uuid.UUID | None,
    action: str,
    field: str | None,
    before: str | None,
    after: str | None,
    db_login: str | None,
) -> str:
    """The text an entry's hash is taken of (version 1, frozen; see the module doc)."""
    return canonical_of_texts(
        (
            str(seq),
            prev_hash,
            utc_text(at),
            None if user_id is None else str(user_id),
            None if case_id is None else str(case_id),
            action,
            field,
            before,
            after,
            db_login,
        )
    )


def entry_hash(
    seq: int,
    prev_hash: str,
    at: datetime,
    user_id: uuid.UUID | None,
    case_id: uuid.UUID | None,
    action: str,
    field: str | None,
    before: str | None,
    after: str | None,
    db_login: str | None,
) -> str:
    """SHA-256 (lowercase hex) of ``canonical_text`` in UTF-8."""
    return sha256_text(
        canonical_text(seq, prev_hash, at, user_id, case_id, action, field, before, after, db_login)
    )


# ---- appending -------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class AuditLine:
    """What a repository has to say in one audit entry; who wrote it and when, the store decides."""

    case_id: uuid.UUID | None
    action: str
    field: str | None
    before: str | None
    after: str | None


class NoActorError(RuntimeError):
    """An audit entry without an acting user: the unit of work was not begun with ``actor=``."""


def append_audit(
    session: Session,
    lines: Sequence[AuditLine],
    named_user: uuid.UUID | None = None,
    *,
    at_commit: bool = False,
) -> None:
    """Add ``lines`` to the audit trail, in order, inside the caller's unit of work.

    ``at_commit`` (PostgreSQL): the lines join the chain when the unit of work commits (migration
    0016: they wait in ``audit_pending``), so the chain head is locked only while committing; a read
    of ``audit_entry`` in the same unit of work does not see them yet. A save uses it: its lines are
    the last thing it writes and nothing reads them before the commit.

    The entries' user is the unit of work's actor (``workbench_actor()``). ``named_user`` (the user
    the repository was told) counts only where nothing is claimed and the writer may name one: on
    PostgreSQL the schema owner (set-up, ``db init``; its login is recorded beside it), on SQLite
    whoever holds the file (who could write anything anyway). A person's own login always writes
    as herself.

    PostgreSQL: only the content (and ``named_user``) is sent; the database's trigger sets the rest.
    SQLite: the time, the user and the chain are set here, under the write lock every SQLite unit
    of work holds (``BEGIN IMMEDIATE``), so two writers cannot take the same place in the chain.

    Raises:
        NoActorError: SQLite, and the unit of work neither claims an actor nor names a user.
    """
    if not lines:
        return
    connection = session.connection()
    table = table_of(AuditEntryRow)
    if connection.dialect.name == "postgresql":
        # ``inline``: no RETURNING of the new ids, which would need the right to read the pending rows
        statement = insert(table_of(AuditPendingRow)).inline() if at_commit else insert(table)
        connection.execute(statement, [{**_content(e), "user_id": named_user} for e in lines])
        return
    claimed = connection.execute(text("SELECT workbench_actor()")).scalar()
    actor = named_user if claimed is None else uuid.UUID(str(claimed))
    if actor is None:
        raise NoActorError("an audit entry needs the acting user: begin the unit of work with actor=")
    now = datetime.now(UTC)
    head = table_of(AuditChainHeadRow)
    seq, last = connection.execute(select(head.c.seq, head.c.hash).where(head.c.id == HEAD_ID)).one()
    rows = []
    for e in lines:
        seq, prev = seq + 1, last
        last = entry_hash(seq, prev, now, actor, e.case_id, e.action, e.field, e.before, e.after, None)
        chained = {"seq": seq, "prev_hash": prev, "entry_hash": last, "db_login": None}
        rows.append({**_content(e), "at": now, "user_id": actor, **chained})
    connection.execute(insert(table), rows)
    connection.execute(update(head).where(head.c.id == HEAD_ID).values(seq=seq, hash=last))


def _content(line: AuditLine) -> dict[str, Any]:
    return {
        "case_id": line.case_id,
        "action": line.action,
        "field": line.field,
        "before": line.before,
        "after": line.after,
    }


# ---- verifying -------------------------------------------------------------------------------------

CONTENT_CHANGED = "content_changed"
"""The entry's content no longer gives its hash (changed after it was written)."""
LINK_BROKEN = "link_broken"
"""The entry's ``prev_hash`` is not the hash of the entry before it (moved, inserted, forged)."""
ENTRY_MISSING = "entry_missing"
"""A place in the chain has no entry (removed)."""
OUTSIDE_CHAIN = "outside_chain"
"""An entry without a place in the chain (written around the chain)."""
AFTER_HEAD = "after_head"
"""An entry after the recorded head (appended around the chain)."""
HEAD_MISMATCH = "head_mismatch"
"""The recorded head is not the last entry (newest entries removed, or the head rewritten)."""
KNOWN_HEAD_CHANGED = "known_head_changed"
"""The entry at a head printed earlier (in signed minutes) now has another hash: the chain was rewritten."""
KNOWN_HEAD_MISSING = "known_head_missing"
"""The chain is shorter than a head printed earlier: entries up to it were removed."""


@dataclasses.dataclass(frozen=True, slots=True)
class ChainBreak:
    """The first place the chain does not hold: ``problem`` is one of the constants above."""

    seq: int | None
    entry_id: int | None
    problem: str


@dataclasses.dataclass(frozen=True, slots=True)
class ChainCheck:
    """What a walk of the chain found: how many entries, the head, the first break (None: intact)."""

    entries: int
    head_seq: int
    head_hash: str
    broken: ChainBreak | None


STREAM_BATCH = 20_000

# The walk reads every value as the text the canonical form wants, so that a million rows need no
# datetime or UUID objects: PostgreSQL renders them itself (the trigger's own formatting); SQLite
# keeps the time as ``YYYY-MM-DD HH:MM:SS.ffffff`` (UTC) and a UUID as 32 hex digits (SQLAlchemy's
# storage forms), turned into the canonical ones in ``_sqlite_texts``.
_PG_WALK = (
    "SELECT id, seq, entry_hash, prev_hash, "
    "to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), user_id::text, case_id::text, "
    "action, field, before, after, db_login FROM audit_entry WHERE seq IS NOT NULL ORDER BY seq"
)
_SQLITE_WALK = (
    "SELECT id, seq, entry_hash, prev_hash, at, user_id, case_id, action, field, before, after, db_login "
    "FROM audit_entry WHERE seq IS NOT NULL ORDER BY seq"
)


def _hyphenated(hex32: str | None) -> str | None:
    if hex32 is None or len(hex32) != 32:
        return hex32
    return f"{hex32[:8]}-{hex32[8:12]}-{hex32[12:16]}-{hex32[16:20]}-{hex32[20:]}"


def _sqlite_texts(rows: Iterable[Any]) -> Iterator[tuple[Any, ...]]:
    for entry_id, seq, stored, prev, at, user, case, *rest in rows:
        at_text = f"{at[:10]}T{at[11:]}Z" if isinstance(at, str) else at
        yield (entry_id, seq, stored, prev, at_text, _hyphenated(user), _hyphenated(case), *rest)


def chain_head(connection: Connection) -> tuple[int, str] | None:
    """The recorded head (seq, hash); None if the head row is gone."""
    head = table_of(AuditChainHeadRow)
    row = connection.execute(select(head.c.seq, head.c.hash).where(head.c.id == HEAD_ID)).first()
    return None if row is None else (int(row[0]), str(row[1]))


def chain_texts(connection: Connection) -> Iterator[Any]:
    """Every chained entry in seq order, streamed (a server-side cursor on PostgreSQL): its id, seq
    and ``entry_hash``, then the ten values of ``canonical_of_texts`` as texts."""
    if connection.dialect.name == "postgresql":
        return _pg_rows(connection)
    streamed = connection.execution_options(yield_per=STREAM_BATCH)
    return _sqlite_texts(streamed.exec_driver_sql(_SQLITE_WALK))


def _pg_rows(connection: Connection) -> Iterator[Any]:
    """The driver's own named (server-side) cursor: plain tuples, a third faster than result rows
    over a million entries. It lives in the caller's transaction."""
    driver = connection.connection.driver_connection
    if driver is None:  # pragma: no cover - an open connection always has one
        raise RuntimeError("no database connection")
    with driver.cursor(name="workbench_audit_walk") as cursor:
        cursor.itersize = STREAM_BATCH
        cursor.execute(_PG_WALK)
        yield from cursor


def check_chain(connection: Connection, known: tuple[int, str] | None = None) -> ChainCheck:
    """Walk the whole chain and recompute every hash; stop at the first break.

    ``known`` is a head read earlier (seq, hash), e.g. from signed minutes: the entry at that seq must
    still carry that hash. Only this catches a chain rewritten from its start with fresh hashes (which
    the schema owner could do) since every later link would hold.

    Run it inside one snapshot (a REPEATABLE READ transaction on PostgreSQL; SQLite's units of work
    already are one), so entries appended meanwhile do not look like a break.
    """
    table = table_of(AuditEntryRow)
    head = chain_head(connection)
    outside = connection.execute(
        select(table.c.id).where(table.c.seq.is_(None)).order_by(table.c.id).limit(1)
    ).scalar()
    found = walk(chain_texts(connection), head, known)
    if found.broken is None and outside is not None:
        return ChainCheck(
            found.entries, found.head_seq, found.head_hash, ChainBreak(None, outside, OUTSIDE_CHAIN)
        )
    return found


def walk(
    rows: Iterable[Any], head: tuple[int, str] | None, known: tuple[int, str] | None = None
) -> ChainCheck:
    """Check ``rows`` (id, seq, entry_hash, then the ten values as texts, by seq) against ``head``
    and, if given, against a ``known`` earlier head (see ``check_chain``)."""
    seq, last, count = 0, GENESIS, 0
    known_seq, known_hash = known if known is not None else (0, GENESIS)
    head_seq, head_hash = head if head is not None else (0, GENESIS)
    sha256 = hashlib.sha256

    def broken(at_seq: int | None, entry_id: int | None, problem: str) -> ChainCheck:
        return ChainCheck(count, head_seq, head_hash, ChainBreak(at_seq, entry_id, problem))

    for entry_id, row_seq, stored, prev, *values in rows:
        if head is not None and row_seq > head_seq:
            return broken(row_seq, entry_id, AFTER_HEAD)
        if row_seq != seq + 1:
            return broken(seq + 1, entry_id, ENTRY_MISSING)
        if prev != last:
            return broken(row_seq, entry_id, LINK_BROKEN)
        body = canonical_of_texts((str(row_seq), prev, *values))
        if sha256(body.encode("utf-8")).hexdigest() != stored:
            return broken(row_seq, entry_id, CONTENT_CHANGED)
        if row_seq == known_seq and stored != known_hash.lower():
            return broken(row_seq, entry_id, KNOWN_HEAD_CHANGED)
        seq, last, count = row_seq, stored, count + 1
    if seq < known_seq:
        return broken(known_seq, None, KNOWN_HEAD_MISSING)
    if head is None or (seq, last) != (head_seq, head_hash):
        return broken(seq + 1 if head is not None and head_seq > seq else seq, None, HEAD_MISMATCH)
    return ChainCheck(count, head_seq, head_hash, None)


def _snapshot_options(engine: Engine) -> dict[str, Any]:
    """One snapshot for the whole walk, read-only (PostgreSQL); SQLite's transaction already is one."""
    if engine.dialect.name == "postgresql":
        return {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}
    return {}


def verify_store(engine: Engine, known: tuple[int, str] | None = None) -> ChainCheck:
    """``check_chain`` over the store of ``engine``, in one read-only snapshot.

    Raises:
        StoreUnavailableError, StoreBusyError: the database failed (``db.store_errors``).
    """
    with store_errors(engine), engine.connect() as connection:
        snapshot = connection.execution_options(**_snapshot_options(engine))
        with snapshot.begin():
            return check_chain(snapshot, known)


def read_head(engine: Engine) -> tuple[int, str] | None:
    """The recorded head of the chain (seq, hash); None if it is gone."""
    with store_errors(engine), engine.connect() as connection, connection.begin():
        return chain_head(connection)
