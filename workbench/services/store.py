"""Opening a store: the composition root that turns a database URL into ready services.

``StoreServices.over`` builds every service over one database and hands each what it needs (the
sessions; the reports take the services themselves, see ``services.reporting.ReportStore``). No
module of ``workbench.services`` imports this one (``tests/test_architecture.py``): the window
(``ui/store_link.py``) and the command line (``cli/``) do, and pass the services on.

``open_store`` brings the schema up to date first (the app upgrades on start), so a fresh SQLite
file or an empty PostgreSQL database is usable at once. The URL comes from ``--db``, else
``WORKBENCH_DB_URL``, else the default SQLite file (``workbench.paths.database_url``); it is never
written anywhere, so a password in it stays where the user put it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.paths import database_url
from workbench.services.accounts import AccountService
from workbench.services.archive import ArchiveService
from workbench.services.attachments import AttachmentService
from workbench.services.audit import AuditService
from workbench.services.cases import CaseService
from workbench.services.committee import CommitteeService
from workbench.services.users import UserService
from workbench.store import migrate
from workbench.store.db import Sessions, make_engine, make_sessions, shown_url

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


def open_store(url: str | None = None, *, upgrade: bool = True) -> StoreServices:
    """Services over ``url`` (or the configured default), with the schema upgraded if needed.

    Raises:
        StoreUnavailableError: the database cannot be reached or opened.
    """
    resolved = database_url(url)
    if upgrade and migrate.current(resolved) != migrate.head():
        migrate.upgrade(resolved)
    return StoreServices.over(resolved, make_sessions(make_engine(resolved)))


def upgrade_store(url: str | None = None) -> SchemaState:
    """``workbench db upgrade``: bring the schema to the newest revision."""
    resolved = database_url(url)
    return SchemaState(shown_url(resolved), migrate.upgrade(resolved), migrate.head())


def schema_state(url: str | None = None) -> SchemaState:
    """``workbench db current``: the revision the database is at and the newest one."""
    resolved = database_url(url)
    return SchemaState(shown_url(resolved), migrate.current(resolved), migrate.head())


def init_store(url: str | None = None, login: str | None = None) -> tuple[SchemaState, User]:
    """``workbench db init``: the schema at the newest revision and the first administrator."""
    resolved = database_url(url)
    migrate.init(resolved)
    with open_store(resolved, upgrade=False) as store:
        admin = store.users.ensure_first_admin(login)
    return SchemaState(shown_url(resolved), migrate.current(resolved), migrate.head()), admin
