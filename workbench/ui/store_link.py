"""The window's link to the case store: the services over one database and the signed-in user.

Every method is a plain blocking services call; the window runs them through ``ops.run_in_background``
with immutable inputs, so SQLAlchemy never runs on the GUI thread and the UI never sees a session.

Nobody is taken on trust: a SQLite store signs its people in with the local accounts' passwords
(``services.accounts``; a new file first makes its owner), a PostgreSQL store with the server's own
authentication (the URL carries the login and password; the person is the server's ``session_user``).
``LocalDoor`` is a SQLite store opened before anyone signs in, so that the sign-in dialog can tell a
new file from one with accounts and try passwords without reopening (and re-checking) the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote, urlsplit

if TYPE_CHECKING:
    from workbench.domain.accounts import Account
    from workbench.domain.case_file import CaseFile, Stage
    from workbench.domain.case_list import CaseListQuery
    from workbench.domain.certificates import RegisteredCertificate
    from workbench.domain.readiness import Issue
    from workbench.domain.records import CaseRecord, CaseSummary, Role, User
    from workbench.services.permissions import Action
    from workbench.services.store import StoreServices


@dataclass(frozen=True, slots=True)
class _Owned:
    """A case as the permission rules see it: whose it is."""

    officer_id: str


class StoreLink:
    """Services and user; ``connect_store`` makes one (off the GUI thread).

    A plain class, not a dataclass: importing this module must not import SQLAlchemy (the window
    paints first and opens the store afterwards).
    """

    __slots__ = ("services", "user")

    def __init__(self, services: StoreServices, user: User) -> None:
        self.services = services
        self.user = user

    @property
    def location(self) -> str:
        """The database, password hidden."""
        return self.services.shown_url

    def open(self, case_id: str) -> CaseRecord:
        """The stored case with its version."""
        return self.services.cases.open_case(case_id, self.user)

    def save(self, case: CaseFile, version: int) -> int:
        """Save over ``version``; the new version. Raises ``ConcurrentEditError`` on a conflict."""
        return self.services.cases.save_case(case, version, self.user)

    def create(self, case: CaseFile) -> CaseRecord:
        """Store a new case (version 1)."""
        return self.services.cases.create_case(case, self.user)

    def record_override(self, case_id: str, check_id: str, reason: str, version: int) -> CaseRecord:
        """A reviewer's override of one check, under her name; the case at its new version."""
        return self.services.cases.record_override(case_id, check_id, reason, version, self.user)

    def remove_override(self, case_id: str, check_id: str, version: int) -> CaseRecord:
        """Take back the override of one check; the case at its new version."""
        return self.services.cases.remove_override(case_id, check_id, version, self.user)

    def store_issues(self, case: CaseFile) -> list[Issue]:
        return self.services.cases.store_issues(case, self.user)

    def list_page(self, name_like: str, stage: Stage | None, limit: int, offset: int) -> list[CaseSummary]:
        """One page of the case list, newest change first."""
        return self.services.cases.list_cases(
            self.user, stage=stage, name_like=name_like or None, limit=limit, offset=offset
        )

    def find_cases(self, query: CaseListQuery, limit: int, after: CaseSummary | None) -> list[CaseSummary]:
        """One page of the case list: filters and order of ``query``, starting after ``after``."""
        return self.services.cases.list_cases(self.user, query=query, limit=limit, after=after)

    def officer_names(self) -> list[str]:
        """The officers' user names, for the list's officer filter."""
        return self.services.cases.officer_names(self.user)

    def close(self) -> None:
        """Release the database connections (signing out)."""
        self.services.close()

    def change_password(self, old: str, new: str) -> None:
        """The signed-in person's own password (SQLite); ``old`` is checked as a sign-in is."""
        self.services.accounts.change_password(self.user, old, new)

    # ---- the administrator's work (``services.accounts``; each refuses a non-administrator) --------

    @property
    def local_accounts(self) -> bool:
        """Whether the store keeps its people's passwords (SQLite) rather than the server (PostgreSQL)."""
        return self.services.accounts.local

    @property
    def manages_users(self) -> bool:
        """Whether the signed-in person administers the users (the menu shows the users window)."""
        from workbench.services.permissions import Action, allowed

        return allowed(self.user, Action.MANAGE_USERS)

    @property
    def manages_policy(self) -> bool:
        """Whether the signed-in person may save a new version of the credit policy (an administrator)."""
        from workbench.services.permissions import Action, allowed

        return allowed(self.user, Action.EDIT_POLICY)

    def may(self, action: Action, officer_id: str | None = None) -> bool:
        """Whether the signed-in person may take ``action`` (on a case of ``officer_id``): the rule the
        services apply (``services.permissions.allowed``), asked before she tries."""
        from workbench.services.permissions import allowed

        return allowed(self.user, action, _Owned(officer_id) if officer_id is not None else None)

    def accounts(self) -> list[Account]:
        return self.services.accounts.list_accounts(self.user)

    def add_user(self, login: str, name: str, role: Role, admin: bool, password: str) -> User:
        return self.services.accounts.add_user(self.user, login, name, role, password, admin=admin)

    def set_active(self, login: str, active: bool) -> User:
        if active:
            return self.services.accounts.enable(self.user, login)
        return self.services.accounts.disable(self.user, login)

    def reset_password(self, login: str, password: str) -> None:
        self.services.accounts.reset_password(self.user, login, password)

    def set_role(self, login: str, role: Role) -> User:
        return self.services.accounts.set_role(self.user, login, role)

    def set_admin(self, login: str, admin: bool) -> User:
        return self.services.accounts.set_admin(self.user, login, admin)

    def certificates(self, login: str) -> list[RegisteredCertificate]:
        return self.services.archive.certificates(self.user, login)

    def register_certificate(self, login: str, data: bytes) -> RegisteredCertificate:
        return self.services.archive.register_certificate(self.user, login, data)

    def revoke_certificate(self, fingerprint: str) -> RegisteredCertificate:
        return self.services.archive.revoke_certificate(self.user, fingerprint)


class LocalDoor:
    """A SQLite store opened, nobody signed in yet: the sign-in dialog's way in (blocking calls).

    Each way in hands the opened services to the ``StoreLink`` it returns; on a refusal the door stays
    open for the next try. ``close()`` when nobody got in.
    """

    __slots__ = ("has_accounts", "services")

    def __init__(self, services: StoreServices, has_accounts: bool) -> None:
        self.services = services
        self.has_accounts = has_accounts

    @property
    def location(self) -> str:
        return self.services.shown_url

    def sign_in(self, login: str, password: str) -> StoreLink:
        """Raises the refusals of ``AccountService.sign_in`` (wrong password, locked, disabled, not set)."""
        return StoreLink(self.services, self.services.accounts.sign_in(login, password))

    def create_owner(self, login: str, name: str, password: str) -> StoreLink:
        """The first account of a new file: an officer who administers the store.

        Raises ``AccountError``: ``store_has_users`` (someone made one meanwhile), a bad login or password.
        """
        user = self.services.accounts.create_first_admin(login, name, password)
        self.has_accounts = True
        return StoreLink(self.services, user)

    def set_first_password(self, login: str, password: str) -> StoreLink:
        """The first password of an account made before local accounts, then signed in with it."""
        self.services.accounts.set_first_password(login, password)
        return self.sign_in(login, password)

    def close(self) -> None:
        self.services.close()


def is_server_url(url: str) -> bool:
    """Whether ``url`` names a PostgreSQL store (whose server signs people in)."""
    return url.split(":", 1)[0].split("+", 1)[0] == "postgresql"


@dataclass(frozen=True, slots=True)
class ServerAddress:
    """Where a PostgreSQL store is, as the sign-in dialog shows it: ``server`` is ``host[:port]``.

    ``login`` and ``password`` are what the URL carried, if anything (``--db`` may hold both).
    """

    scheme: str
    server: str
    database: str
    login: str = ""
    password: str = ""
    query: str = ""


def server_address(url: str) -> ServerAddress:
    """Split a ``postgresql+psycopg://login:password@host:port/database?…`` URL for the dialog."""
    parts = urlsplit(url)
    netloc = parts.netloc
    credentials, _, host = netloc.rpartition("@")
    login, _, password = credentials.partition(":")
    return ServerAddress(
        parts.scheme, host, unquote(parts.path.lstrip("/")), unquote(login), unquote(password), parts.query
    )


def server_url(address: ServerAddress, login: str, password: str) -> str:
    """The URL that signs ``login`` in to ``address`` (``password`` may be empty: libpq then looks in
    ``PGPASSWORD`` and ``~/.pgpass``, or the server asks for none). Quoted as SQLAlchemy unquotes."""
    who = quote(login, safe="")
    if password:
        who += ":" + quote(password, safe="")
    query = f"?{address.query}" if address.query else ""
    return f"{address.scheme}://{who}@{address.server}/{quote(address.database, safe='')}{query}"


def open_door(url: str | None = None) -> LocalDoor:
    """Open the SQLite store at ``url`` (or the configured default), upgrading its schema; nobody signs in.

    Blocking: call it through ``ops.run_in_background``.

    Raises:
        StoreUnavailableError: the file cannot be opened.
    """
    from workbench.services.store import open_store

    services = open_store(url)
    try:
        return LocalDoor(services, services.accounts.has_accounts())
    except Exception:
        services.close()
        raise


def connect_server(url: str, login: str, password: str) -> StoreLink:
    """Sign ``login`` in to the PostgreSQL store at ``url`` with the server's own authentication.

    Raises:
        StoreSignInError: the server refused (wrong password, login not permitted, password needed),
            or the login it let in is no active user of this store.
        StoreUnavailableError: the server cannot be reached.
    """
    from workbench.services.store import open_store

    services = open_store(server_url(server_address(url), login, password) if login else url)
    try:
        return StoreLink(services, services.users.server_user())
    except Exception:
        services.close()
        raise


def connect_store(url: str | None, login: str, password: str) -> StoreLink:
    """Open the store at ``url`` (or the configured default), upgrading its schema, and sign ``login`` in.

    Blocking (imports SQLAlchemy, may migrate): call it through ``ops.run_in_background``. The dialog
    (``dialogs.signin_dialog``) goes through ``open_door`` / ``connect_server`` itself; this is the
    one-call way for a caller that already has the password.

    Raises:
        StoreUnavailableError: the database cannot be reached.
        StoreSignInError: the server refused the login (PostgreSQL).
        AccountError: the refusals of a local sign-in (SQLite): wrong password, locked, disabled, not set.
    """
    from workbench.paths import database_url

    resolved = database_url(url)
    if is_server_url(resolved):
        return connect_server(resolved, login, password)
    door = open_door(resolved)
    try:
        return door.sign_in(login, password)
    except Exception:
        door.close()
        raise
