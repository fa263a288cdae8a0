"""Schema migrations in code: ``upgrade(url)``, ``init(url)``, ``current(url)``, ``downgrade``, ``check``.

The Alembic ``Config`` is built here, with the script location taken from this package, so the
migrations run the same from the source tree and from an installed wheel (no ``alembic.ini``).

Migrations serialize, so that several ``workbench db init``/``upgrade`` (or laptop starts) at once
take turns instead of racing to create the same tables:

* PostgreSQL: a session-level advisory lock (``pg_advisory_lock(LOCK_KEY)``) on the migrating
  connection, held from before Alembic reads the revision until after the last migration; each
  migration still commits on its own.
* SQLite: the whole upgrade in one ``BEGIN EXCLUSIVE`` transaction (SQLite's DDL is transactional,
  batch-mode table rebuilds included), foreign keys off around it and ``PRAGMA foreign_key_check``
  before the commit: a migration that breaks a reference rolls back whole.

A waiter re-reads the revision once it holds the lock: whoever went first may have done the work.
Waiting longer than ``wait_s`` gives ``StoreBusyError`` (with ``waited``), never a traceback.
"""

from __future__ import annotations

import hashlib
from contextlib import contextmanager, suppress
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from workbench.domain.records import StoreBusyError, StoreTooNewError
from workbench.store.db import SQLITE_BEGIN, is_busy_error, make_engine, shown_url, store_errors

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sqlalchemy import Connection

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

LOCK_NAME = "workbench.migrate"
LOCK_KEY = int.from_bytes(hashlib.sha256(LOCK_NAME.encode()).digest()[:8], "big", signed=True)
"""The advisory lock's key on PostgreSQL: fixed, derived from ``LOCK_NAME`` (a bigint)."""
LOCK_WAIT_S = 300
"""How long a migration waits for another one before ``StoreBusyError``: a long upgrade of a big
store takes minutes, and the one waiting has nothing better to do."""


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config for this package's migrations, bound to ``connection`` if given."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head() -> str:
    """The newest revision of the migration chain."""
    revision = _script().get_current_head()
    if revision is None:  # pragma: no cover - the package ships at least one migration
        raise RuntimeError("no migrations found")
    return revision


def known(revision: str) -> bool:
    """Whether ``revision`` is one of this program's migrations (else a newer program wrote it)."""
    return any(script.revision == revision for script in _script().walk_revisions())


def _revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def _busy(url: str, wait_s: float, error: DBAPIError) -> StoreBusyError:
    detail = str(error.orig).strip().splitlines()[0] if error.orig is not None else str(error)
    return StoreBusyError(url=shown_url(url), detail=detail[:200], waited=round(wait_s))


@contextmanager
def _pg_lock(connection: Connection, url: str, wait_s: float) -> Iterator[None]:
    """Hold the migration advisory lock on ``connection`` (waiting at most ``wait_s``)."""
    try:
        # lock_timeout bounds the wait for the advisory lock; SET LOCAL ends with this transaction,
        # the session-level lock does not.
        connection.execute(
            text("SELECT set_config('lock_timeout', :timeout, true)"), {"timeout": f"{int(wait_s * 1000)}ms"}
        )
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": LOCK_KEY})
        connection.commit()
    except DBAPIError as error:
        connection.rollback()
        if is_busy_error(error):
            raise _busy(url, wait_s, error) from None
        raise
    try:
        yield
    finally:
        if connection.in_transaction():
            connection.rollback()
        with suppress(DBAPIError):  # a broken connection has lost the lock with its session anyway
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": LOCK_KEY})
            connection.commit()


@contextmanager
def _sqlite_exclusive(connection: Connection, url: str, wait_s: float) -> Iterator[None]:
    """Run the block in one ``BEGIN EXCLUSIVE`` transaction with foreign keys off.

    Batch mode rebuilds a SQLite table by copy, drop and rename: with foreign keys on, dropping
    ``case_file`` would cascade into every detail table. The pragma is a no-op inside a transaction,
    so it is switched before ``BEGIN`` and back after the end; ``PRAGMA foreign_key_check`` must come
    back empty before the commit.
    """
    raw = connection.connection.driver_connection
    assert raw is not None
    if connection.in_transaction():  # pragma: no cover - nothing ran on the fresh connection yet
        connection.commit()
    raw.execute("PRAGMA foreign_keys=OFF")
    try:
        connection.execution_options(**{SQLITE_BEGIN: "EXCLUSIVE"})
        try:
            connection.begin()
        except DBAPIError as error:
            if is_busy_error(error):
                raise _busy(url, wait_s, error) from None
            raise
        yield
        problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise RuntimeError(f"foreign keys broken by a migration: {problems[:5]}")
        connection.commit()
    finally:
        if connection.in_transaction():
            connection.rollback()
        raw.execute("PRAGMA foreign_keys=ON")


@contextmanager
def _migrating(url: str, wait_s: float) -> Iterator[Connection]:
    """A connection holding the store's migration lock (see the module doc)."""
    engine = make_engine(url, busy_timeout_ms=int(wait_s * 1000))
    try:
        with store_errors(engine), engine.connect() as connection:
            if connection.dialect.name == "sqlite":
                with _sqlite_exclusive(connection, url, wait_s):
                    yield connection
            else:
                with _pg_lock(connection, url, wait_s):
                    yield connection
    finally:
        engine.dispose()


def _locked_revision(connection: Connection, url: str) -> str | None:
    """The revision under the lock; ``StoreTooNewError`` if a newer program wrote it."""
    revision = _revision(connection)
    if connection.dialect.name != "sqlite" and connection.in_transaction():
        connection.commit()  # Alembic runs each migration in its own transaction on PostgreSQL
    if revision is not None and not known(revision):
        raise StoreTooNewError(url=shown_url(url), current=revision, head=head())
    return revision


def upgrade(url: str, revision: str = "head", *, wait_s: float = LOCK_WAIT_S) -> str | None:
    """Bring the schema of ``url`` up to ``revision``; returns the revision now current.

    Raises:
        StoreBusyError: another migration held the lock for longer than ``wait_s`` seconds.
        StoreTooNewError: the store is at a revision of a newer program.
    """
    target = head() if revision == "head" else revision
    with _migrating(url, wait_s) as connection:
        # Re-read under the lock: a process that went first may have done the work already.
        if _locked_revision(connection, url) != target:
            command.upgrade(alembic_config(connection), revision)
    return current(url)


def init(url: str, *, wait_s: float = LOCK_WAIT_S) -> str | None:
    """Create the schema of a new store (or finish an old one) at the newest revision."""
    return upgrade(url, "head", wait_s=wait_s)


def downgrade(url: str, revision: str = "base", *, wait_s: float = LOCK_WAIT_S) -> str | None:
    """Take the schema back to ``revision`` (``base`` drops every table)."""
    with _migrating(url, wait_s) as connection:
        _locked_revision(connection, url)
        command.downgrade(alembic_config(connection), revision)
    return current(url)


@contextmanager
def serialized(url: str, *, wait_s: float = LOCK_WAIT_S) -> Iterator[None]:
    """Hold the migration lock of a PostgreSQL store while the block runs (on another connection).

    For a step of ``db init`` that must not race another ``db init`` (the first administrator: on
    PostgreSQL both would see no user yet). On SQLite it holds nothing: its writers already queue
    (``BEGIN IMMEDIATE``), and an exclusive transaction here would lock the block itself out.
    """
    engine = make_engine(url)
    try:
        if engine.dialect.name == "sqlite":
            yield
            return
        with store_errors(engine), engine.connect() as connection, _pg_lock(connection, url, wait_s):
            yield
    finally:
        engine.dispose()


def current(url: str) -> str | None:
    """The revision the database is at, ``None`` for an empty database (reads only: no lock taken)."""
    engine = make_engine(url)
    try:
        with store_errors(engine), engine.connect() as connection:
            connection.execution_options(**{SQLITE_BEGIN: "DEFERRED"})
            return _revision(connection)
    finally:
        engine.dispose()


def check(url: str, *, wait_s: float = LOCK_WAIT_S) -> None:
    """Raise ``alembic.util.exc.AutogenerateDiffsDetected`` if the models and the schema differ."""
    with _migrating(url, wait_s) as connection:
        command.check(alembic_config(connection))
