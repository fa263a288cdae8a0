"""Engines and units of work: ``make_engine(url)`` and ``make_sessions(engine)``.

SQLite (the single-user default): foreign keys on, WAL journal with ``synchronous=FULL`` (a commit
survives a power cut, and a crash mid-save leaves the old or the new case, never a mix), a busy
timeout, and every unit of work that may write opened with ``BEGIN IMMEDIATE`` so two writers queue
instead of one failing half-way with "database is locked" when it upgrades its read lock. Reads
(``Sessions.read``) open with a deferred ``BEGIN``: in WAL mode they run beside a writer instead of
queueing behind it. Migrations open with ``BEGIN EXCLUSIVE`` (``SQLITE_BEGIN``).

PostgreSQL (a team's server): ``pool_pre_ping``, a connect timeout, and a pool that gives its
connections back to the server after a few quiet seconds (``idle_pool``), so an idle app does not
hold one of the server's ``max_connections``.

Failures of the database itself surface as domain errors, the URL shown without its password:

* ``StoreBusyError``: reachable but busy — a lock wait timed out (SQLite "database is locked" after
  the busy timeout; PostgreSQL ``lock_timeout``/``statement_timeout``), a deadlock or a serialization
  failure. Nothing was written; the call may be retried as is.
* ``StoreConnectionLostError`` (a ``StoreUnavailableError``): an open connection broke during a unit of
  work; the server rolls the transaction back.
* ``StoreUnavailableError``: the database cannot be reached or opened at all.
"""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from workbench.domain.records import (
    StoreBusyError,
    StoreConnectionLostError,
    StoreSignInError,
    StoreUnavailableError,
)
from workbench.store.idle_pool import IDLE_RELEASE_S, IdleReleasingPool

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from workbench.domain.records import User

BUSY_TIMEOUT_MS = 10_000
CONNECT_TIMEOUT_S = 10
SQLITE_PRAGMAS = (
    "PRAGMA foreign_keys=ON",
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
)
BUSY_SQLSTATES = frozenset(
    {
        "40001",  # serialization_failure
        "40P01",  # deadlock_detected
        "55P03",  # lock_not_available (lock_timeout, NOWAIT)
        "57014",  # query_canceled (statement_timeout)
    }
)
"""PostgreSQL error codes that mean "busy, try again" rather than "cannot connect"."""
SQLITE_BUSY_NAMES = ("SQLITE_BUSY", "SQLITE_LOCKED")
SQLITE_BEGIN = "workbench_sqlite_begin"
"""Execution option: how a SQLite transaction begins (``IMMEDIATE``, the default; ``DEFERRED`` for a
read; ``EXCLUSIVE`` for a migration)."""
_SQLITE_BEGIN_MODES = frozenset({"DEFERRED", "IMMEDIATE", "EXCLUSIVE"})


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


def _sqlite_engine(parsed: URL, busy_timeout_ms: int) -> Engine:
    database = parsed.database or ""
    if database not in ("", ":memory:") and not database.startswith("file:"):
        try:
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreUnavailableError(url=shown_url(parsed), detail=error.strerror or str(error)) from None
    engine = create_engine(parsed, connect_args={"timeout": busy_timeout_ms / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (see _on_begin)
        cursor = dbapi_connection.cursor()
        for pragma in (*SQLITE_PRAGMAS, f"PRAGMA busy_timeout={int(busy_timeout_ms)}"):
            cursor.execute(pragma)
        cursor.close()
        _register_sqlite_functions(dbapi_connection)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get(SQLITE_BEGIN, "IMMEDIATE")
        if mode not in _SQLITE_BEGIN_MODES:  # pragma: no cover - a typo in our own code
            raise ValueError(f"unknown SQLite BEGIN mode: {mode!r}")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


_SQLITE_ACTOR: ContextVar[str | None] = ContextVar("workbench_sqlite_actor", default=None)
"""The actor claimed by the unit of work running in this thread (SQLite has no logins to ask)."""


def _sha256_hex(value: str | bytes | None) -> str | None:
    if value is None:
        return None
    data = value.encode("utf-8") if isinstance(value, str) else bytes(value)
    return hashlib.sha256(data).hexdigest()


def _register_sqlite_functions(dbapi_connection: Any) -> None:
    """The SQLite side of the actor contract (docs/security.md): what PostgreSQL answers from its
    logins, a file can only take from the claim of the unit of work."""
    dbapi_connection.create_function("workbench_actor", 0, _SQLITE_ACTOR.get, deterministic=False)
    dbapi_connection.create_function("workbench_sha256", 1, _sha256_hex, deterministic=True)


def make_engine(
    url: str, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS, idle_release_s: float = IDLE_RELEASE_S
) -> Engine:
    """An engine for a ``sqlite:///FILE`` or ``postgresql+psycopg://…`` URL (see the module doc).

    Nothing is connected yet; the SQLite file's directory is created if missing. ``busy_timeout_ms``
    is how long a SQLite writer waits for another one before ``StoreBusyError``; a PostgreSQL
    engine closes its pooled connections after ``idle_release_s`` seconds of quiet (``idle_pool``).

    Raises:
        StoreUnavailableError: the URL is malformed, names an unknown driver, or the directory fails.
    """
    parsed = _parse(url)
    backend = parsed.get_backend_name()
    try:
        if backend == "sqlite":
            return _sqlite_engine(parsed, busy_timeout_ms)
        if backend == "postgresql":
            return create_engine(
                parsed,
                poolclass=IdleReleasingPool,
                idle_s=idle_release_s,
                pool_pre_ping=True,
                connect_args={"connect_timeout": CONNECT_TIMEOUT_S},
            )
    except (NoSuchModuleError, ImportError, ArgumentError) as error:
        raise StoreUnavailableError(url=shown_url(parsed), detail=str(error).splitlines()[0]) from None
    raise StoreUnavailableError(url=shown_url(parsed), detail=f"unsupported database: {backend}")


def with_login(url: str, login: str | None, password: str | None = None) -> str:
    """``url`` signing in as ``login`` (PostgreSQL). Without a password libpq finds one the usual
    way (``PGPASSWORD``, ``~/.pgpass``) or the server asks for none (peer, certificate)."""
    parsed = _parse(url)
    if parsed.get_backend_name() != "postgresql" or not login:
        return url
    return parsed.set(username=login, password=password).render_as_string(hide_password=False)


def is_busy_error(error: BaseException) -> bool:
    """Whether ``error`` means "reachable but busy, try again": a lock wait that timed out, a
    deadlock or a serialization failure (the driver raises these as ``OperationalError`` too)."""
    if not isinstance(error, DBAPIError) or error.connection_invalidated:
        return False
    orig = error.orig
    if getattr(orig, "sqlstate", None) in BUSY_SQLSTATES:
        return True
    if isinstance(orig, sqlite3.OperationalError):
        name = str(getattr(orig, "sqlite_errorname", ""))
        text = str(orig)
        return name.startswith(SQLITE_BUSY_NAMES) or text in (
            "database is locked",
            "database table is locked",
        )
    return False


def is_connection_lost(error: BaseException, connected: bool = False) -> bool:
    """Whether an open connection broke (not a failure to connect): it was invalidated while running
    a statement, or — ``connected`` — during the ``COMMIT`` of a unit of work that had begun."""
    if not isinstance(error, DBAPIError) or not error.connection_invalidated:
        return False
    return error.statement is not None or connected


def is_connection_error(error: BaseException) -> bool:
    """Whether ``error`` means the database could not be reached or opened (not a bad statement).

    For SQLite that includes a file that is not a database or is damaged (a bare
    ``sqlite3.DatabaseError``: "file is not a database", "database disk image is malformed").
    Busy errors (``is_busy_error``) are not connection errors.
    """
    if not isinstance(error, DBAPIError) or is_busy_error(error):
        return False
    if error.connection_invalidated or isinstance(error, OperationalError):
        return True
    return type(error.orig) is sqlite3.DatabaseError


SIGN_IN_SQLSTATES = {
    "28P01": "signin_refused",  # invalid_password (also an unknown login: the server hides which)
    "28000": "signin_not_permitted",  # invalid_authorization_specification: NOLOGIN, no pg_hba entry
}


def sign_in_refusal(error: BaseException) -> str | None:
    """The ``StoreSignInError`` reason when the server refused to let the person in, else ``None``."""
    if not isinstance(error, DBAPIError):
        return None
    reason = SIGN_IN_SQLSTATES.get(str(getattr(error.orig, "sqlstate", None) or ""))
    if reason is not None:
        return reason
    text = str(error.orig)
    if "no password supplied" in text:  # libpq's own refusal, before the server's (no SQLSTATE)
        return "signin_password_needed"
    if "password authentication failed" in text:
        return "signin_refused"
    if "is not permitted to log in" in text:
        return "signin_not_permitted"
    return None


def _detail(error: DBAPIError, password: str | None) -> str:
    text = str(error.orig).strip().splitlines()[0] if error.orig is not None else str(error)
    if password:
        text = text.replace(password, "***")
    return text[:200]


@contextmanager
def store_errors(engine: Engine, connected: Callable[[], bool] = lambda: False) -> Iterator[None]:
    """Turn database failures inside the block into ``StoreBusyError``, ``StoreConnectionLostError``
    or ``StoreUnavailableError`` (see the module doc); anything else (a bug) passes unchanged.

    ``connected`` says whether the block had got its connection (then a broken one was lost, not
    unreachable)."""
    try:
        yield
    except DBAPIError as error:
        url, detail = shown_url(engine.url), _detail(error, engine.url.password)
        refusal = sign_in_refusal(error)
        if refusal is not None:
            raise StoreSignInError(refusal, url=url, login=engine.url.username or "") from error
        if is_busy_error(error):
            raise StoreBusyError(url=url, detail=detail) from error
        if is_connection_lost(error, connected()):
            raise StoreConnectionLostError(url=url, detail=detail) from error
        if is_connection_error(error):
            raise StoreUnavailableError(url=url, detail=detail) from error
        raise


class Sessions:
    """The session factory the services use: ``with sessions.begin() as session:`` is one unit of work.

    Like ``sessionmaker.begin()`` (commit on success, rollback on error), plus database failures
    turned into domain errors (``store_errors``). Sessions never outlive the block, so ORM rows never reach
    the callers (``expire_on_commit=False`` anyway).
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.factory = sessionmaker(engine, expire_on_commit=False)
        event.listen(self.factory, "after_begin", _mark_connected)
        # Reads share the engine's pool; their connections carry the read-only options from the start.
        self.reader = sessionmaker(
            engine.execution_options(**_read_only_options(engine)), expire_on_commit=False
        )
        event.listen(self.reader, "after_begin", _mark_connected)

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return str(self.engine.dialect.name)

    @property
    def shown_url(self) -> str:
        return shown_url(self.engine.url)

    @contextmanager
    def begin(self, actor: User | None = None) -> Iterator[Session]:
        """One unit of work, acting as ``actor`` (see ``_claim_actor``): the services pass the user
        of every unit of work that writes."""
        with self.factory() as session:
            info = session.info
            info[_ACTOR] = actor.id if actor is not None else None
            token = _SQLITE_ACTOR.set(_sqlite_uuid(actor.id) if actor is not None else None)
            try:
                with store_errors(self.engine, lambda: bool(info.get(_CONNECTED))), session.begin():
                    yield session
            finally:
                _SQLITE_ACTOR.reset(token)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A unit of work that only reads: on SQLite a deferred ``BEGIN`` (it takes no write lock, so a
        list refresh runs beside an autosave instead of queueing behind it), on PostgreSQL a
        ``READ ONLY`` transaction (a write in it is refused by the server). Otherwise as ``begin()``.
        """
        with self.reader() as session:
            info = session.info
            with store_errors(self.engine, lambda: bool(info.get(_CONNECTED))), session.begin():
                yield session


def _read_only_options(engine: Engine) -> dict[str, object]:
    if engine.dialect.name == "sqlite":
        return {SQLITE_BEGIN: "DEFERRED"}
    if engine.dialect.name == "postgresql":
        return {"postgresql_readonly": True}
    return {}  # pragma: no cover - make_engine makes only these two


_CONNECTED = "workbench_connected"
_ACTOR = "workbench_actor"


def _sqlite_uuid(user_id: str) -> str:
    """A UUID as SQLAlchemy's ``Uuid`` type stores it in SQLite: 32 lowercase hex digits."""
    return user_id.replace("-", "").lower()


def _mark_connected(session: Session, _transaction: Any, connection: Any) -> None:
    """The unit of work has its connection: a failure from now on is a lost connection. On
    PostgreSQL the transaction claims its actor now (``_claim_actor``)."""
    session.info[_CONNECTED] = True
    actor = session.info.get(_ACTOR)
    if actor is not None and connection.dialect.name == "postgresql":
        _claim_actor(connection, actor)


def _claim_actor(connection: Any, actor: str) -> None:
    """Tell the database who this transaction acts for (``workbench_actor()``, migration 0007).

    Transaction-local, so a pooled connection never carries it into the next unit of work. It is a
    claim, not a proof: a person's own login acts as herself whatever is claimed (the database
    refuses a claim of anyone else); only the schema owner's connection acts as the claimed user.
    """
    connection.exec_driver_sql("SELECT set_config('workbench.actor', %(actor)s, true)", {"actor": actor})


def make_sessions(engine: Engine) -> Sessions:
    """The unit-of-work factory for ``engine``."""
    return Sessions(engine)
