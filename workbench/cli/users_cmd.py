"""``workbench users list|add|disable|enable|set-role|set-admin|passwd``: the store's users, by hand.

Every action but ``passwd`` for oneself is an administrator's: the person signs in first
(``cli.signin``) and the services check that she manages users. A new user's password is read from
one line of stdin (``--password-stdin``) or typed twice on a terminal; it never travels on the
command line. On a PostgreSQL store passwords are the server's: ``add`` takes none there, ``passwd``
refuses.
"""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from workbench.cli.signin import (
    login_name,
    open_signed_in_store,
    read_new_password,
    signed_in_user,
    signing_in_password,
    store_actions,
)
from workbench.cli.table import render
from workbench.cli.texts import t
from workbench.domain.records import Role, UserNotFoundError
from workbench.services.account_errors import PasswordNotSet, SignInRefused
from workbench.services.permissions import ROLE_NAMES

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

    from workbench.domain.accounts import Account
    from workbench.services.store import StoreServices

ROLES = [r.value for r in Role]


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: str) -> None:
    action = store_actions(sub, "users", lang)
    listing = action("list", run_list)
    listing.add_argument("--json", action="store_true", help=t("cases_json_help", lang))

    add = action("add", run_add)
    add.add_argument("user", metavar="LOGIN", help=t("users_login_arg_help", lang))
    add.add_argument("--name", default="", help=t("users_name_help", lang))
    add.add_argument("--role", required=True, metavar="ROLE", choices=ROLES, help=_roles_help(lang))
    add.add_argument("--admin", action="store_true", help=t("users_admin_help", lang))
    add.add_argument("--password-stdin", action="store_true", help=t("password_stdin_help", lang))

    for name, run in (("disable", run_disable), ("enable", run_enable)):
        action(name, run).add_argument("user", metavar="LOGIN", help=t("users_login_arg_help", lang))

    role = action("set-role", run_set_role)
    role.add_argument("user", metavar="LOGIN", help=t("users_login_arg_help", lang))
    role.add_argument("role", metavar="ROLE", choices=ROLES, help=_roles_help(lang))

    admin = action("set-admin", run_set_admin)
    admin.add_argument("user", metavar="LOGIN", help=t("users_login_arg_help", lang))
    admin.add_argument("flag", metavar="on|off", choices=["on", "off"], help=t("users_flag_help", lang))

    passwd = action("passwd", run_passwd)
    passwd.add_argument("user", metavar="LOGIN", nargs="?", help=t("users_passwd_user_help", lang))
    passwd.add_argument("--password-stdin", action="store_true", help=t("password_stdin_help", lang))


def _roles_help(lang: str) -> str:
    listed = ", ".join(f"{r.value} {ROLE_NAMES.text(r, lang)}" for r in Role)
    return t("users_role_help", lang, roles=listed)


def _with_store(args: argparse.Namespace, lang: str, work: Callable[[StoreServices], int]) -> int:
    with open_signed_in_store(args, lang) as store:
        return work(store)


def _yes(flag: bool, lang: str) -> str:
    return t("yes" if flag else "no", lang)


def _table(accounts: list[Account], lang: str) -> str:
    now = datetime.now(UTC)
    head = [
        t(k, lang) for k in ("col_login", "col_name", "col_role", "col_admin", "col_active", "col_locked")
    ]
    rows = []
    for account in accounts:
        user = account.user
        locked = (
            t("locked_for", lang, seconds=math.ceil((account.locked_until - now).total_seconds()))
            if account.locked_until is not None and account.locked_at(now)
            else t("no", lang)
        )
        role = ROLE_NAMES.text(user.role, lang)
        rows.append(
            [user.username, user.display_name, role, _yes(user.admin, lang), _yes(user.active, lang), locked]
        )
    return render(head, rows, left_columns=len(head))


def _json(account: Account) -> dict[str, object]:
    user = account.user
    locked = account.locked_until if account.locked_at(datetime.now(UTC)) else None
    return {
        "login": user.username,
        "name": user.display_name,
        "role": user.role.value,
        "admin": user.admin,
        "active": user.active,
        "password_set": account.has_password,
        "locked_until": locked.isoformat() if locked is not None else None,
    }


def run_list(args: argparse.Namespace, lang: str) -> int:
    def work(store: StoreServices) -> int:
        accounts = store.accounts.list_accounts(signed_in_user(store, args, lang))
        if args.json:
            print(json.dumps([_json(a) for a in accounts], ensure_ascii=False, indent=2))
        else:
            print(_table(accounts, lang))
        return 0

    return _with_store(args, lang, work)


def run_add(args: argparse.Namespace, lang: str) -> int:
    def work(store: StoreServices) -> int:
        acting = signed_in_user(store, args, lang)
        # On a team store the password goes to the new person's login role (the server keeps it).
        password = read_new_password(args.user, args.password_stdin, lang)
        user = store.accounts.add_user(acting, args.user, args.name, Role(args.role), password, args.admin)
        print(t("user_added", lang, login=user.username, role=ROLE_NAMES.text(user.role, lang)))
        return 0

    return _with_store(args, lang, work)


def run_disable(args: argparse.Namespace, lang: str) -> int:
    def work(store: StoreServices) -> int:
        user = store.accounts.disable(signed_in_user(store, args, lang), args.user)
        print(t("user_disabled", lang, login=user.username))
        return 0

    return _with_store(args, lang, work)


def run_enable(args: argparse.Namespace, lang: str) -> int:
    def work(store: StoreServices) -> int:
        user = store.accounts.enable(signed_in_user(store, args, lang), args.user)
        print(t("user_enabled", lang, login=user.username))
        return 0

    return _with_store(args, lang, work)


def run_set_role(args: argparse.Namespace, lang: str) -> int:
    def work(store: StoreServices) -> int:
        user = store.accounts.set_role(signed_in_user(store, args, lang), args.user, Role(args.role))
        print(t("user_role_set", lang, login=user.username, role=ROLE_NAMES.text(user.role, lang)))
        return 0

    return _with_store(args, lang, work)


def run_set_admin(args: argparse.Namespace, lang: str) -> int:
    def work(store: StoreServices) -> int:
        user = store.accounts.set_admin(signed_in_user(store, args, lang), args.user, args.flag == "on")
        print(t("user_admin_on" if user.admin else "user_admin_off", lang, login=user.username))
        return 0

    return _with_store(args, lang, work)


def run_passwd(args: argparse.Namespace, lang: str) -> int:
    """Her own password (the old one proves it: ``WORKBENCH_PASSWORD`` or a prompt), or, as an
    administrator, another's."""

    def work(store: StoreServices) -> int:
        if not store.accounts.local:
            return _server_passwd(store, args, lang)
        me = login_name(args)
        if args.user and args.user != me:
            acting = signed_in_user(store, args, lang)
            new = read_new_password(args.user, args.password_stdin, lang)
            store.accounts.reset_password(acting, args.user, new)
            print(t("password_reset", lang, login=args.user))
            return 0
        old = signing_in_password(me, lang)
        new = read_new_password(me, args.password_stdin, lang)
        try:
            user = store.users.find_user(me)
        except UserNotFoundError:
            raise SignInRefused() from None  # an unknown login is answered as a wrong password
        try:
            store.accounts.change_password(user, old, new)
        except PasswordNotSet:
            store.accounts.set_first_password(me, new)  # an account from before: its first password
        print(t("password_changed", lang, login=me))
        return 0

    return _with_store(args, lang, work)


def _server_passwd(store: StoreServices, args: argparse.Namespace, lang: str) -> int:
    """On a team store: the server signed her in already (that proves her), so her own password is
    set as the server's; another's (an administrator's work) creates that person's login when the
    server has none yet, the once-only step of an upgraded store (README)."""
    acting = signed_in_user(store, args, lang)
    target = args.user or acting.username
    new = read_new_password(target, args.password_stdin, lang)
    if target == acting.username:
        store.accounts.change_password(acting, "", new)
        print(t("password_changed", lang, login=target))
    else:
        store.accounts.reset_password(acting, target, new)
        print(t("password_reset", lang, login=target))
    return 0
