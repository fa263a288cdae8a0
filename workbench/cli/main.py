"""Argument parsing and error reporting of the ``workbench`` command.

Bad input never shows a traceback: a ``DomainError`` becomes one line on stderr naming the file,
the field and the reason, in Chinese (or English with ``--lang en`` / ``WORKBENCH_LANG=en``),
and the exit status is 2.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from workbench import __version__
from workbench.cli import (
    audit_cmd,
    calc_cmd,
    db_cmd,
    identity_cmd,
    policy_cmd,
    portfolio_cmd,
    report_cmd,
    schedule_cmd,
    store_cmds,
    users_cmd,
    verify_cmd,
)
from workbench.cli.signin import PasswordInputError
from workbench.cli.texts import pick_language, t, with_hint
from workbench.domain.errors import DomainError
from workbench.services.account_errors import AccountError
from workbench.services.case_files import CaseFileError
from workbench.services.messages import describe_error
from workbench.texts.reasons import error_text

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

EXIT_BAD_INPUT = 2


def _language_from(argv: Sequence[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def build_parser(lang: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="workbench", description=t("prog_description", lang))
    parser.add_argument("--lang", choices=["zh", "en"], help=t("lang_help", lang))
    parser.add_argument("--version", action="version", version=f"workbench {__version__}")
    # The window's store; subcommands take their own --db after the command name.
    parser.add_argument("--db", dest="window_db", metavar="URL", help=t("window_db_help", lang))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    calc_cmd.add_parser(sub, lang)
    schedule_cmd.add_parser(sub, lang)
    db_cmd.add_parser(sub, lang)
    store_cmds.add_parsers(sub, lang)
    report_cmd.add_parser(sub, lang)
    verify_cmd.add_parser(sub, lang)
    identity_cmd.add_parser(sub, lang)
    users_cmd.add_parser(sub, lang)
    audit_cmd.add_parser(sub, lang)
    policy_cmd.add_parser(sub, lang)
    portfolio_cmd.add_parser(sub, lang)
    return parser


def describe(error: DomainError, lang: str) -> str:
    """One line for the user: ``FILE: 字段 PATH：REASON``, with the flag that helps, if one does.

    The services' texts are the window's too, so they name no flag; ``--as-copy`` and the like are
    added here (``workbench.cli.texts.HINTS``).
    """
    if isinstance(error, CaseFileError):
        return with_hint(_hint_reason(error.error), f"{error.source}: {error_text(error.error, lang)}", lang)
    if isinstance(error, (AccountError, PasswordInputError)):  # signing in and the users' accounts
        return with_hint(error.reason, error.describe(lang), lang)
    return with_hint(_hint_reason(error), describe_error(error, lang), lang)


def _hint_reason(error: DomainError) -> str | None:
    reason = getattr(error, "reason", None)
    params = getattr(error, "params", None) or {}
    if reason == "user_not_found" and "username" not in params:
        return None  # a user looked up by id: nothing to create from here
    if reason == "store_outdated" and params.get("current") is None:
        return "store_empty"  # an empty database is made by `db init`, not `db upgrade`
    return reason if isinstance(reason, str) else None


def main(argv: Sequence[str] | None = None, gui: Callable[[list[str]], int] | None = None) -> int:
    """Run the command line; with no subcommand hand over to ``gui`` (the window)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    lang = pick_language(_language_from(args_list))
    parser = build_parser(lang)
    args = parser.parse_args(args_list)
    lang = pick_language(args.lang)
    if args.command is None:
        if gui is None:
            parser.print_help()
            return 0
        return gui(args_list)
    try:
        code: int = args.run(args, lang)
        return code
    except DomainError as error:
        print(f"workbench: {t('error_prefix', lang)}: {describe(error, lang)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # `workbench calc … | head` is fine
        return 0
