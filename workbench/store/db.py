"""Engines and units of work: ``make_engine(url)`` and ``make_sessions(engine)``.

SQLite (the single-user default): foreign keys on, WAL journal with ``synchronous=FULL`` (a commit
survives a power cut, and a crash mid-save leaves the old or the new case, never a mix), a busy
timeout, and every transaction opened with ``BEGIN IMMEDIATE`` so two writers queue instead of one
failing half-way with "database is locked" when it upgrades its read lock.

PostgreSQL (a team's server): ``pool_pre_ping`` and a connect timeout.

Connection problems surface as ``StoreUnavailableError`` with the URL shown without its password.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from workbench.domain.records import StoreUnavailableError

if TYPE_CHECKING:
    from collections.abc import Iterator

BUSY_TIMEOUT_MS = 10_000
CONNECT_TIMEOUT_S = 10
SQLITE_PRAGMAS = (
    "PRAGMA foreign_keys=ON",
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)


def shown_url(url: str | URL) -> str:
    """The URL for messages and logs: the password is never shown."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<invalid URL>"


def _parse(url: str) -> URL:
    try:
        return make_url(url)
    except ArgumentError:
        raise StoreUnavailableError(url="<invalid URL>", detail="not a database URL") from None


def _sqlite_engine(parsed: URL) -> Engine:
    database = parsed.database or ""
    if database not in ("", ":memory:") and not database.startswith("file:"):
        try:
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreUnavailableError(url=shown_url(parsed), detail=error.strerror or str(error)) from None
    engine = create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (see _on_begin)
        cursor = dbapi_connection.cursor()
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def make_engine(url: str) -> Engine:
    """An engine for a ``sqlite:///FILE`` or ``postgresql+psycopg://…`` URL (see the module doc).

    Nothing is connected yet; the SQLite file's directory is created if missing.

    Raises:
        StoreUnavailableError: the URL is malformed, names an unknown driver, or the directory fails.
    """
    parsed = _parse(url)
    backend = parsed.get_backend_name()
    try:
        if backend == "sqlite":
            return _sqlite_engine(parsed)
        if backend == "postgresql":
            return create_engine(
                parsed, pool_pre_ping=True, connect_args={"connect_timeout": CONNECT_TIMEOUT_S}
            )
    except (NoSuchModuleError, ImportError, ArgumentError) as error:
        raise StoreUnavailableError(url=shown_url(parsed), detail=str(error).splitlines()[0]) from None
    raise StoreUnavailableError(url=shown_url(parsed), detail=f"unsupported database: {backend}")


def is_connection_error(error: BaseException) -> bool:
    """Whether ``error`` means the database could not be reached or opened (not a bad statement).

    For SQLite that includes a file that is not a database or is damaged (a bare
    ``sqlite3.DatabaseError``: "file is not a database", "database disk image is malformed").
    """
    if not isinstance(error, DBAPIError):
        return False
    if error.connection_invalidated or isinstance(error, OperationalError):
        return True
    return type(error.orig) is sqlite3.DatabaseError


def _detail(error: DBAPIError, password: str | None) -> str:
    text = str(error.orig).strip().splitlines()[0] if error.orig is not None else str(error)
    if password:
        text = text.replace(password, "***")
    return text[:200]


@contextmanager
def store_errors(engine: Engine) -> Iterator[None]:
    """Turn connection failures inside the block into ``StoreUnavailableError``."""
    try:
        yield
    except DBAPIError as error:
        if not is_connection_error(error):
            raise
        raise StoreUnavailableError(
            url=shown_url(engine.url), detail=_detail(error, engine.url.password)
        ) from error


class Sessions:
    """The session factory the services use: ``with sessions.begin() as session:`` is one unit of work.

    Like ``sessionmaker.begin()`` (commit on success, rollback on error), plus connection failures
    turned into ``StoreUnavailableError``. Sessions never outlive the block, so ORM rows never reach
    the callers (``expire_on_commit=False`` anyway).
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.factory = sessionmaker(engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return str(self.engine.dialect.name)

    @property
    def shown_url(self) -> str:
        return shown_url(self.engine.url)

    @contextmanager
    def begin(self) -> Iterator[Session]:
        with store_errors(self.engine), self.factory.begin() as session:
            yield session


def make_sessions(engine: Engine) -> Sessions:
    """The unit-of-work factory for ``engine``."""
    return Sessions(engine)
