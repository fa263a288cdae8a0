"""Users: who is working (``current_user``), the first administrator, and user management.

Passwords, signing in and the administrator's account work are ``services.accounts``.
"""

from __future__ import annotations

import getpass
import os
from typing import TYPE_CHECKING

from sqlalchemy import text

from workbench.domain.records import Role, StoreSignInError, User, UserNotFoundError
from workbench.services.permissions import Action, require
from workbench.store.user_repository import SqlUserRepository

if TYPE_CHECKING:
    from workbench.store.db import Sessions

DEFAULT_LOGIN = "officer"


def os_login() -> str:
    """The login name of whoever runs the app: ``WORKBENCH_USER`` if set, else the OS user."""
    name = os.environ.get("WORKBENCH_USER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser() or DEFAULT_LOGIN
    except (OSError, KeyError):  # no passwd entry, no LOGNAME/USER (containers)
        return DEFAULT_LOGIN


class UserService:
    """Each public method is one unit of work."""

    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    def current_user(self, login: str | None = None) -> User:
        """The user named ``login`` (default: ``os_login()``), taken on trust: the window's way until
        its sign-in dialog (the command line signs in with a password, ``services.accounts``).

        On a SQLite store without any user yet (a new laptop file) that login becomes its owner, an
        officer who administers the store, without a password: she sets it at her first sign-in. A
        store that has a user already (and so any store with passwords) never makes one here; a
        shared store refuses an unknown login.

        Raises:
            UserNotFoundError: no such user (and the store is not a new single-user file).
        """
        name = login or os_login()
        with self._sessions.begin() as session:
            users = SqlUserRepository(session)
            try:
                return users.get_user_by_username(name)
            except UserNotFoundError:
                if self._sessions.dialect != "sqlite" or users.count_users() > 0:
                    raise
                return users.add_user(name, name, Role.OFFICER, admin=True)

    def ensure_first_admin(self, login: str | None = None) -> User:
        """The first administrator of a new store (``workbench db init``); an existing user is kept."""
        name = login or os_login()
        with self._sessions.begin() as session:
            users = SqlUserRepository(session)
            try:
                return users.get_user_by_username(name)
            except UserNotFoundError:
                if users.count_users() > 0:
                    raise
                return users.add_user(name, name, Role.ADMIN, admin=True)

    def create_user(self, acting: User, username: str, display_name: str, role: Role) -> User:
        require(acting, Action.MANAGE_USERS)
        with self._sessions.begin(actor=acting) as session:
            return SqlUserRepository(session).add_user(username, display_name, role)

    def list_users(self, acting: User) -> list[User]:
        require(acting, Action.MANAGE_USERS)
        with self._sessions.begin() as session:
            return SqlUserRepository(session).list_users()

    def find_user(self, username: str) -> User:
        with self._sessions.begin() as session:
            return SqlUserRepository(session).get_user_by_username(username)

    def server_user(self) -> User:
        """Who the PostgreSQL server authenticated this connection as (``session_user``): the person
        working on a team store. Never a variable's say: the login is whatever the server let in.

        Raises:
            StoreSignInError: ``signin_not_a_user`` — the login is no active user of this store.
        """
        with self._sessions.begin() as session:
            login = str(session.execute(text("SELECT session_user")).scalar_one())
            try:
                user = SqlUserRepository(session).get_user_by_username(login)
            except UserNotFoundError:
                user = None
        if user is None or not user.active:
            raise StoreSignInError("signin_not_a_user", url=self._sessions.shown_url, login=login)
        return user
