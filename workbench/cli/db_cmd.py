"""``workbench db upgrade|init|current [--db URL]``: the schema of the store, by hand."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.cli.signin import add_login_option
from workbench.cli.texts import t

if TYPE_CHECKING:
    import argparse


def add_db_option(parser: argparse.ArgumentParser, lang: str) -> None:
    """``--db URL``: falls back to ``WORKBENCH_DB_URL``, then the default SQLite file."""
    # `--url` is the spelling of the issue for `db init|upgrade`; both name the same option.
    parser.add_argument("--db", "--url", dest="db", metavar="URL", help=t("db_url_help", lang))


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: str) -> None:
    p = sub.add_parser("db", help=t("db_help", lang), description=t("db_help", lang))
    actions = p.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    for name, run in (("upgrade", run_upgrade), ("init", run_init), ("current", run_current)):
        text = t(f"db_{name}_help", lang)
        action = actions.add_parser(name, help=text, description=text)
        add_db_option(action, lang)
        if name == "init":
            add_login_option(action, lang)
        action.set_defaults(run=run)


# The store modules import SQLAlchemy and Alembic (~0.5 s): only the commands that need them pay.


def run_upgrade(args: argparse.Namespace, lang: str) -> int:
    from workbench.services.store import upgrade_store

    state = upgrade_store(args.db)
    print(t("db_upgraded", lang, url=state.url, revision=state.current))
    return 0


def run_init(args: argparse.Namespace, lang: str) -> int:
    """The schema, then the first administrator: on a SQLite file the owner's account with her
    password (``cli.signin``), on PostgreSQL the login named (``--login``, else the OS login)."""
    from workbench.cli.signin import signed_in_user
    from workbench.services.store import init_store, open_store, schema_state

    with open_store(args.db) as store:  # brings the schema to the newest revision
        admin = signed_in_user(store, args, lang) if store.accounts.local else None
    if admin is None:
        state, admin = init_store(args.db, args.login)
    else:
        state = schema_state(args.db)
    print(t("db_initialised", lang, url=state.url, revision=state.current, admin=admin.username))
    return 0


def run_current(args: argparse.Namespace, lang: str) -> int:
    from workbench.services.store import schema_state

    state = schema_state(args.db)
    current = state.current or t("db_empty", lang)
    print(t("db_current", lang, url=state.url, current=current, head=state.head))
    return 0
