"""Local accounts of a SQLite store (one laptop): signing in with a password, and managing the users.

Passwords are hashed with argon2 (``argon2-cffi``'s ``PasswordHasher``: a salted argon2id hash, checked
in constant time); neither a password nor its hash is ever logged or shown. After
``domain.accounts.FREE_FAILURES`` wrong passwords in a row an account is locked for a while
(``domain.accounts.lock_after``); the count and the lock live in the account's row, so restarting the
app does not reset them. The lock is checked before the hash, and an unknown login costs one hash
like a known one and gets the same answer as a wrong password.

A PostgreSQL store signs its people in through the server's own login roles: there signing in and
the first passwords refuse (``server_sign_in``), and the administrator's work changes both the
``app_user`` row and the person's login role (``store.pg_roles``: created with its SCRAM password,
``NOLOGIN`` when disabled, the group of her role) in one transaction; a password change is the
server's ``ALTER ROLE``. The administrator's own login needs CREATEROLE for that (docs/security.md).

Administration is the ``admin`` flag beside the lending role (``services.permissions``): the laptop's
owner is an officer who administers her store. An administrator cannot disable herself, and the last
active administrator cannot be disabled or demoted. Each public method is one unit of work.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from workbench.domain.accounts import MIN_PASSWORD_LENGTH, Account, is_administrator, lock_after
from workbench.domain.records import Role, User
from workbench.services.account_errors import (
    AccountDisabled,
    AccountError,
    AccountLocked,
    PasswordNotSet,
    SignInRefused,
)
from workbench.services.permissions import Action, require
from workbench.store import pg_roles
from workbench.store.user_repository import SqlUserRepository

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

    from workbench.store.db import Sessions

MAX_LOGIN_LENGTH = 100  # app_user.username

__all__ = [
    "AccountDisabled",
    "AccountError",
    "AccountLocked",
    "AccountService",
    "PasswordNotSet",
    "SignInRefused",
]


@functools.cache
def _hasher() -> PasswordHasher:
    return PasswordHasher()  # argon2id with the library's RFC 9106 parameters


@functools.cache
def _unknown_login_hash() -> str:
    """A hash to check an unknown login's password against: it costs the same time as a known one."""
    return _hasher().hash("no such account")


def _now() -> datetime:
    return datetime.now(UTC)


def check_password(password: str) -> None:
    """Raise ``AccountError(password_too_short)`` unless ``password`` is long enough."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError("password_too_short", minimum=MIN_PASSWORD_LENGTH)


def check_login(login: str) -> None:
    odd = any(ch.isspace() or not ch.isprintable() for ch in login)
    if not login or len(login) > MAX_LOGIN_LENGTH or odd:
        raise AccountError("bad_login", login=login, maximum=MAX_LOGIN_LENGTH)


class AccountService:
    """Each public method is one unit of work; ``clock`` is the time the back-off counts by."""

    def __init__(self, sessions: Sessions, clock: Callable[[], datetime] = _now) -> None:
        self._sessions = sessions
        self._clock = clock

    @property
    def local(self) -> bool:
        """Whether the accounts' passwords are kept here (SQLite), not by the database server."""
        return self._sessions.dialect == "sqlite"

    # ---- signing in ----------------------------------------------------------------------------

    def sign_in(self, login: str, password: str) -> User:
        """The user ``login`` if ``password`` is hers.

        Raises:
            SignInRefused: a wrong password or an unknown login.
            AccountLocked: too many wrong passwords in a row; try again after its ``seconds``.
            AccountDisabled: the right password of a disabled account.
            PasswordNotSet: an account without a password yet (``set_first_password``).
            AccountError: ``server_sign_in`` on a PostgreSQL store.
        """
        self._require_local()
        with self._sessions.begin() as session:
            # A refusal is returned, not raised, so that the failure count it wrote is committed.
            outcome = self._verify(SqlUserRepository(session), login, password)
        if isinstance(outcome, AccountError):
            raise outcome
        return outcome

    def has_accounts(self) -> bool:
        """Whether the store has any user yet (a new SQLite file has none)."""
        with self._sessions.begin() as session:
            return SqlUserRepository(session).count_users() > 0

    def create_first_admin(self, login: str, display_name: str, password: str) -> User:
        """The laptop's owner: the first account of a new SQLite store, an officer who administers it.

        Raises:
            AccountError: ``store_has_users`` (the store has a user already), a bad login or password,
                ``server_sign_in`` on PostgreSQL.
        """
        self._require_local()
        check_login(login)
        check_password(password)
        digest = _hasher().hash(password)
        with self._sessions.begin() as session:
            users = SqlUserRepository(session)
            if users.count_users() > 0:
                raise AccountError("store_has_users")
            return users.add_user(
                login, display_name or login, Role.OFFICER, admin=True, password_hash=digest
            )

    def set_first_password(self, login: str, new: str) -> User:
        """The first password of an account made before local accounts existed (its hash is empty).

        Raises:
            SignInRefused: no such login.
            AccountDisabled: the account is disabled.
            AccountError: ``password_already_set``, ``password_too_short``, ``server_sign_in``.
        """
        self._require_local()
        check_password(new)
        digest = _hasher().hash(new)
        with self._sessions.begin() as session:
            users = SqlUserRepository(session)
            found = users.credentials(login)
            if found is None:
                raise SignInRefused()
            if found.password_hash is not None:
                raise AccountError("password_already_set", login=login)
            if not found.user.active:
                raise AccountDisabled(login)
            users.set_password(found.user.id, digest, self._clock())
            return found.user

    def change_password(self, user: User, old: str, new: str) -> None:
        """``user`` changes her own password; the old one is checked as a sign-in is (with the back-off).

        Raises:
            the errors of ``sign_in`` for ``old``; AccountError ``password_too_short``.
        """
        check_password(new)
        if not self.local:  # she is signed in as herself: the server changes its own login's password
            with self._sessions.begin(actor=user) as session, _server(session) as connection:
                pg_roles.set_password(connection, user.username, new)
            return
        digest = _hasher().hash(new)
        with self._sessions.begin() as session:
            users = SqlUserRepository(session)
            outcome = self._verify(users, user.username, old)
            if isinstance(outcome, User):
                users.set_password(outcome.id, digest, self._clock())
        if isinstance(outcome, AccountError):
            raise outcome

    # ---- the administrator's work --------------------------------------------------------------

    def list_accounts(self, acting: User) -> list[Account]:
        with self._sessions.begin() as session:
            users = SqlUserRepository(session)
            self._require_admin(users, acting)
            return users.list_accounts()

    def add_user(
        self,
        acting: User,
        login: str,
        display_name: str,
        role: Role,
        password: str | None,
        admin: bool = False,
    ) -> User:
        """A new user, with her initial ``password`` on a SQLite store (``None`` on PostgreSQL,
        whose server keeps the passwords).

        Raises:
            PermissionDenied: ``acting`` does not manage users.
            UserExistsError: the login is taken.
            AccountError: a bad login or password; a password given to a PostgreSQL store.
        """
        check_login(login)
        digest = None
        if password is not None or self.local:
            check_password(password or "")
            digest = _hasher().hash(password or "") if self.local else None
        with self._sessions.begin(actor=acting) as session:
            users = SqlUserRepository(session)
            self._require_admin(users, acting)
            user = users.add_user(login, display_name or login, role, admin=admin, password_hash=digest)
            if not self.local:
                with _server(session) as connection:
                    if pg_roles.login_exists(connection, login):
                        pg_roles.set_role(connection, login, role, admin=admin)
                        if password is not None:
                            pg_roles.set_password(connection, login, password)
                    else:
                        pg_roles.create_login(connection, login, password, role, admin=admin)
            return user

    def ensure_server_login(self, user: User, password: str | None) -> bool:
        """(PostgreSQL, ``workbench db init`` as the schema owner) the first administrator's login
        role with ``password``, or, if the server has one by her name, that login made a member of
        this store's groups (its password unchanged); whether one was made.

        Raises:
            AccountError: ``server_refused`` (the owner lacks CREATEROLE), a short password.
        """
        if self.local:
            return False
        if password is not None:
            check_password(password)
        with self._sessions.begin(actor=user) as session, _server(session) as connection:
            if pg_roles.login_exists(connection, user.username):
                # Her login from another store on this server: this store's groups, her own password.
                pg_roles.set_role(connection, user.username, user.role, admin=user.admin)
                return False
            pg_roles.create_login(connection, user.username, password, user.role, admin=user.admin)
            return True

    def disable(self, acting: User, login: str) -> User:
        """Raises ``AccountError``: ``cannot_disable_self``, ``last_administrator``."""
        with self._sessions.begin() as session:
            users = SqlUserRepository(session)
            me = self._require_admin(users, acting)
            target = users.get_user_by_username(login)
            if target.id == me.id:
                raise AccountError("cannot_disable_self")
            self._keep_an_administrator(users, target, dataclasses.replace(target, active=False))
            self._on_server(session, login, pg_roles.disable)
            return users.update_user(login, active=False)

    def enable(self, acting: User, login: str) -> User:
        with self._sessions.begin() as session:
            users = SqlUserRepository(session)
            self._require_admin(users, acting)
            self._on_server(session, login, pg_roles.enable)
            return users.update_user(login, active=True)

    def set_role(self, acting: User, login: str, role: Role) -> User:
        """Raises ``AccountError(last_administrator)`` when that would leave no active administrator."""
        with self._sessions.begin() as session:
            users = SqlUserRepository(session)
            self._require_admin(users, acting)
            target = users.get_user_by_username(login)
            self._keep_an_administrator(users, target, dataclasses.replace(target, role=role))
            self._on_server(session, login, lambda c, n: pg_roles.set_role(c, n, role, admin=target.admin))
            return users.update_user(login, role=role)

    def set_admin(self, acting: User, login: str, flag: bool) -> User:
        """Raises ``AccountError(last_administrator)`` when that would leave no active administrator."""
        with self._sessions.begin() as session:
            users = SqlUserRepository(session)
            self._require_admin(users, acting)
            target = users.get_user_by_username(login)
            self._keep_an_administrator(users, target, dataclasses.replace(target, admin=flag))
            self._on_server(session, login, lambda c, n: pg_roles.set_role(c, n, target.role, admin=flag))
            return users.update_user(login, admin=flag)

    def reset_password(self, acting: User, login: str, new: str) -> None:
        """An administrator sets another's password (it also lifts a lock)."""
        check_password(new)
        if not self.local:
            with self._sessions.begin(actor=acting) as session, _server(session) as connection:
                users = SqlUserRepository(session)
                self._require_admin(users, acting)
                target = users.get_user_by_username(login)
                if pg_roles.login_exists(connection, login):
                    pg_roles.set_password(connection, login, new)
                else:  # a user of the store from before the server's logins: her login, made now
                    pg_roles.create_login(connection, login, new, target.role, admin=target.admin)
            return
        digest = _hasher().hash(new)
        with self._sessions.begin() as session:
            users = SqlUserRepository(session)
            self._require_admin(users, acting)
            target = users.get_user_by_username(login)
            users.set_password(target.id, digest, self._clock())

    # ---- helpers -------------------------------------------------------------------------------

    def _on_server(self, session: Session, login: str, change: Callable[[Connection, str], None]) -> None:
        """(PostgreSQL) apply ``change`` to ``login``'s role, in the unit of work's transaction; a
        user row without a login of her own (made before the server's logins) is left alone."""
        if self.local:
            return
        with _server(session) as connection:
            if pg_roles.login_exists(connection, login):
                change(connection, login)

    def _require_local(self) -> None:
        if not self.local:
            raise AccountError("server_sign_in")

    @staticmethod
    def _require_admin(users: SqlUserRepository, acting: User) -> User:
        """``acting`` as stored now (a user disabled meanwhile is refused), allowed to manage users."""
        me = users.get_user(acting.id)
        require(me, Action.MANAGE_USERS)
        return me

    @staticmethod
    def _keep_an_administrator(users: SqlUserRepository, before: User, after: User) -> None:
        losing = before.active and is_administrator(before) and not (after.active and is_administrator(after))
        if losing and users.count_active_administrators() <= 1:
            raise AccountError("last_administrator", login=before.username)

    def _verify(self, users: SqlUserRepository, login: str, password: str) -> User | AccountError:
        """Check ``password`` for ``login``, counting a wrong one; the refusal is returned."""
        now = self._clock()
        found = users.credentials(login)
        if found is None:
            _matches(_unknown_login_hash(), password)
            return SignInRefused()
        if found.locked_until is not None and found.locked_until > now:
            return AccountLocked(login, math.ceil((found.locked_until - now).total_seconds()))
        if found.password_hash is None:
            _matches(_unknown_login_hash(), password)
            return PasswordNotSet(login) if found.user.active else AccountDisabled(login)
        if not _matches(found.password_hash, password):
            failures = found.failed_signins + 1
            lock = lock_after(failures)
            users.record_failure(found.user.id, failures, now + lock if lock is not None else None)
            return SignInRefused()
        if not found.user.active:
            return AccountDisabled(login)
        if found.failed_signins or found.locked_until is not None:
            users.clear_failures(found.user.id)
        if _hasher().check_needs_rehash(found.password_hash):  # the library's parameters grew
            users.set_password(found.user.id, _hasher().hash(password), None)
        return found.user


def _matches(digest: str, password: str) -> bool:
    try:
        return _hasher().verify(digest, password)
    except (VerificationError, InvalidHashError):  # a mismatch, or a hash this library cannot read
        return False


@contextmanager
def _server(session: Session) -> Iterator[Connection]:
    """The unit of work's connection for ``pg_roles``; the server's refusal becomes one line."""
    try:
        yield session.connection()
    except pg_roles.LoginRoleError as error:
        raise AccountError("server_refused", detail=error.detail) from None
