"""Opening a store: the composition root that turns a database URL into ready services.

``StoreServices.over`` builds every service over one database and hands each what it needs (the
sessions; the reports take the services themselves, see ``services.reporting.ReportStore``). No
module of ``workbench.services`` imports this one (``tests/test_architecture.py``): the window
(``ui/store_link.py``) and the command line (``cli/``) do, and pass the services on.

``open_store`` checks the schema's revision against the program's before anything else:

* PostgreSQL (a team's server): opening never migrates — the people who open the store need no right
  to change tables. An empty or older schema gives ``StoreOutdatedError`` (the administrator runs
  ``workbench db init|upgrade``: ``init_store``/``upgrade_store``).
* SQLite (one laptop, whose owner is its administrator): a new file is created and an older one
  upgraded in place, under the migration lock (``workbench.store.migrate``), so several starts at
  once take turns.
* A schema newer than the program (on either engine) gives ``StoreTooNewError``: update the program.

The URL comes from ``--db``, else ``WORKBENCH_DB_URL``, else the default SQLite file
(``workbench.paths.database_url``); it is never written anywhere, so a password in it stays where the
user put it, and every message shows it without the password.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.domain.records import StoreOutdatedError, StoreTooNewError
from workbench.paths import database_url
from workbench.services.accounts import AccountService
from workbench.services.archive import ArchiveService
from workbench.services.attachments import AttachmentService
from workbench.services.audit import AuditService
from workbench.services.cases import CaseService
from workbench.services.committee import CommitteeService
from workbench.services.policy import PolicyService
from workbench.services.users import UserService
from workbench.store import migrate
from workbench.store.db import Sessions, make_engine, make_sessions, shown_url, with_login

if TYPE_CHECKING:
    from workbench.domain.records import User


@dataclass(frozen=True, slots=True)
class StoreServices:
    """The services over one database; ``close()`` releases its connections."""

    url: str
    sessions: Sessions
    cases: CaseService
    users: UserService
    archive: ArchiveService
    committee: CommitteeService
    attachments: AttachmentService
    accounts: AccountService
    audit: AuditService
    policy: PolicyService

    @classmethod
    def over(cls, url: str, sessions: Sessions) -> StoreServices:
        """Every service over ``sessions`` (already-made engine, e.g. with a test's lock timeout)."""
        return cls(
            url,
            sessions,
            CaseService(sessions),
            UserService(sessions),
            ArchiveService(sessions),
            CommitteeService(sessions),
            AttachmentService(sessions),
            AccountService(sessions),
            AuditService(sessions),
            PolicyService(sessions),
        )

    @property
    def shown_url(self) -> str:
        return shown_url(self.url)

    def close(self) -> None:
        self.sessions.engine.dispose()

    def __enter__(self) -> StoreServices:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass(frozen=True, slots=True)
class SchemaState:
    url: str
    current: str | None
    head: str


def open_store(
    url: str | None = None, *, login: str | None = None, password: str | None = None
) -> StoreServices:
    """Services over ``url`` (or the configured default), its schema checked (see the module doc).

    On a PostgreSQL store ``login`` and ``password``, if given, replace the URL's: the server then
    authenticates that person (``users.server_user()`` says who it let in). A SQLite URL is kept.

    Raises:
        StoreSignInError: the server refused the login (wrong password, disabled, password needed).
        StoreUnavailableError: the database cannot be reached or opened.
        StoreOutdatedError: a PostgreSQL store is empty or older than the program.
        StoreTooNewError: the store is newer than the program.
        StoreBusyError: a SQLite upgrade waited too long for another one.
    """
    resolved = with_login(database_url(url), login, password)
    engine = make_engine(resolved)
    try:
        _check_schema(resolved, engine.dialect.name)
    except BaseException:
        engine.dispose()
        raise
    return StoreServices.over(resolved, make_sessions(engine))


def _check_schema(url: str, dialect: str) -> None:
    current, newest = migrate.current(url), migrate.head()
    if current == newest:
        return
    if current is not None and not migrate.known(current):
        raise StoreTooNewError(url=shown_url(url), current=current, head=newest)
    if dialect != "sqlite":
        raise StoreOutdatedError(url=shown_url(url), current=current, head=newest)
    migrate.upgrade(url)  # takes the lock and re-reads: another start may have done it meanwhile


def upgrade_store(url: str | None = None) -> SchemaState:
    """``workbench db upgrade``: bring the schema to the newest revision (the administrator's step)."""
    resolved = database_url(url)
    return SchemaState(shown_url(resolved), migrate.upgrade(resolved), migrate.head())


def schema_state(url: str | None = None) -> SchemaState:
    """``workbench db current``: the revision the database is at and the newest one."""
    resolved = database_url(url)
    return SchemaState(shown_url(resolved), migrate.current(resolved), migrate.head())


def init_store(
    url: str | None = None, login: str | None = None, *, password: str | None = None
) -> tuple[SchemaState, User]:
    """``workbench db init``: the schema at the newest revision and the first administrator, on
    PostgreSQL with her own login role and ``password`` if the server has none by her name.

    Several at once take turns (``migrate``'s lock); the first administrator is made under the same
    lock on PostgreSQL, where two inits would each see no user yet and insert the same one.
    """
    resolved = database_url(url)
    migrate.init(resolved)
    with (
        StoreServices.over(resolved, make_sessions(make_engine(resolved))) as store,
        migrate.serialized(resolved),
    ):
        admin = store.users.ensure_first_admin(login)
        store.accounts.ensure_server_login(admin, password)
    return SchemaState(shown_url(resolved), migrate.current(resolved), migrate.head()), admin
