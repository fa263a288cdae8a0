"""Who is working, for the command line: on a SQLite store the person signs in with her password.

The login is ``--login NAME``, else ``WORKBENCH_USER``, else the OS login: it may come from a variable,
because the password proves it. The password comes from ``WORKBENCH_PASSWORD`` (for scripts, as
``PGPASSWORD`` does for ``psql``) or a prompt when a terminal is attached; never from the command line.

* A new SQLite file (no user yet): the first command that needs a user makes its owner, an officer who
  administers the store, with the password given (asked twice on a terminal), and says so on stderr.
* An account from before local accounts (no password yet): on a terminal, a new password is asked
  twice and set; otherwise one line says how.
* A PostgreSQL store: the server authenticates its own login roles. The login to try is ``--login``,
  else ``WORKBENCH_USER``, else the URL's, else libpq's default (``PGUSER``, the OS login); the
  password ``WORKBENCH_PASSWORD``, else libpq's usual (``PGPASSWORD``, ``~/.pgpass``), else asked on a
  terminal when the server wants one. Who is working is then what the server says (``session_user``):
  a variable only names whom the server is asked to authenticate.
"""

from __future__ import annotations

import getpass
import os
import sys
from typing import TYPE_CHECKING

from workbench.cli.texts import t
from workbench.domain.errors import DomainError
from workbench.services.account_errors import AccountError, PasswordNotSet

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

    from workbench.domain.records import User
    from workbench.services.store import StoreServices

PASSWORD_ENV = "WORKBENCH_PASSWORD"


class PasswordInputError(DomainError):
    """No password could be had, or the two typed differ: ``reason`` keys its text (``cli.texts``)."""

    def __init__(self, reason: str, **params: object) -> None:
        self.reason = reason
        self.params = params
        super().__init__(reason)

    def describe(self, lang: str = "zh") -> str:
        return t(self.reason, lang, **self.params)


def add_login_option(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("--login", metavar="NAME", help=t("login_help", lang))


def store_actions(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], command: str, lang: str
) -> Callable[[str, Callable[[argparse.Namespace, str], int]], argparse.ArgumentParser]:
    """The ``command`` with actions that each act on the store as the signed-in person (``users``,
    ``policy``): returns ``action(name, run)``, which adds one with its help ``<command>_<name>_help``
    and the ``--db`` and ``--login`` options."""
    from workbench.cli.db_cmd import add_db_option  # db_cmd imports this module

    words = t(f"{command}_help", lang)
    p = sub.add_parser(command, help=words, description=words)
    actions = p.add_subparsers(dest=f"{command}_command", metavar="ACTION", required=True)

    def action(name: str, run: Callable[[argparse.Namespace, str], int]) -> argparse.ArgumentParser:
        words = t(f"{command}_{name.replace('-', '_')}_help", lang)
        parser = actions.add_parser(name, help=words, description=words)
        add_db_option(parser, lang)
        add_login_option(parser, lang)
        parser.set_defaults(run=run)
        return parser

    return action


def login_name(args: argparse.Namespace) -> str:
    """``--login``, else ``WORKBENCH_USER``, else the OS login."""
    from workbench.services.users import os_login  # the store's modules: only when needed

    given = getattr(args, "login", None)
    return str(given).strip() if given and str(given).strip() else os_login()


def interactive() -> bool:
    """Whether a person can be asked: a terminal on stdin (``getpass`` then reads the terminal)."""
    return sys.stdin is not None and sys.stdin.isatty()


def signing_in_password(login: str, lang: str) -> str:
    """The password to sign ``login`` in with: ``WORKBENCH_PASSWORD``, else a terminal prompt.

    Raises:
        PasswordInputError: neither (``password_missing``).
    """
    given = os.environ.get(PASSWORD_ENV)
    if given:
        return given
    if interactive():
        return getpass.getpass(t("password_prompt", lang, login=login))
    raise PasswordInputError("password_missing", login=login)


def ask_new_password(login: str, lang: str) -> str:
    """A new password typed twice on the terminal.

    Raises:
        PasswordInputError: no terminal (``new_password_missing``), or the two differ.
    """
    if not interactive():
        raise PasswordInputError("new_password_missing", login=login)
    first = getpass.getpass(t("new_password_prompt", lang, login=login))
    if getpass.getpass(t("new_password_again", lang)) != first:
        raise PasswordInputError("password_mismatch")
    return first


def read_new_password(login: str, from_stdin: bool, lang: str) -> str:
    """A new password: one line of stdin (``--password-stdin``), else typed twice on the terminal."""
    if from_stdin:
        line = sys.stdin.readline()
        return line.removesuffix("\n").removesuffix("\r")
    return ask_new_password(login, lang)


def owner_password(login: str, lang: str) -> str:
    """The first administrator's new password: ``WORKBENCH_PASSWORD``, else typed twice on a terminal."""
    given = os.environ.get(PASSWORD_ENV)
    if given:
        return given
    if interactive():
        return ask_new_password(login, lang)
    raise PasswordInputError("password_missing", login=login)


def open_signed_in_store(args: argparse.Namespace, lang: str) -> StoreServices:
    """The store of ``--db`` opened for the person: on PostgreSQL signed in as ``--login`` (else the
    URL's login), asking for the password on a terminal when the server wants one and libpq has none.

    Raises:
        StoreSignInError: the server refused (one translated line).
    """
    from workbench.domain.records import StoreSignInError
    from workbench.services.store import open_store  # SQLAlchemy and Alembic: only when needed

    given = getattr(args, "login", None) or os.environ.get("WORKBENCH_USER", "")
    login = str(given).strip() or None
    try:
        return open_store(args.db, login=login, password=os.environ.get(PASSWORD_ENV) or None)
    except StoreSignInError as error:
        if error.reason != "signin_password_needed" or not interactive():
            raise
        who = str(error.params.get("login") or login or "")
        return open_store(
            args.db, login=login, password=getpass.getpass(t("password_prompt", lang, login=who))
        )


def signed_in_user(store: StoreServices, args: argparse.Namespace, lang: str) -> User:
    """The person working, signed in (SQLite: with her password; see the module's text).

    Raises:
        the errors of ``AccountService.sign_in`` (one translated line each), ``PasswordInputError``.
    """
    if not store.accounts.local:
        return store.users.server_user()
    login = login_name(args)
    if not store.accounts.has_accounts():
        try:
            user = store.accounts.create_first_admin(login, login, owner_password(login, lang))
        except AccountError as error:
            if error.reason != "store_has_users":
                raise
            # Another command made the owner meanwhile: sign in as everyone else does.
        else:
            print(t("owner_created", lang, login=login, url=store.shown_url), file=sys.stderr)
            return user
    password = signing_in_password(login, lang)
    try:
        return store.accounts.sign_in(login, password)
    except PasswordNotSet as error:
        if not interactive():
            raise
        print(error.describe(lang), file=sys.stderr)
        new = ask_new_password(login, lang)
        store.accounts.set_first_password(login, new)
        return store.accounts.sign_in(login, new)
