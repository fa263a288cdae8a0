"""``workbench audit verify|head [--db URL]``: the audit trail's hash chain.

``verify`` walks the whole chain (``workbench.services.audit``): exit 0 and the number of entries
and the head when it holds, exit 1 and one line naming the first break (its place, the entry, what
does not match) when it does not. ``head`` prints the head only (the minutes print it too).
``verify --head SEQ:HASH`` also checks a head printed earlier (copied from signed minutes): a chain
rewritten from its start with fresh hashes holds link by link, but not against a head once signed.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from workbench.cli.db_cmd import add_db_option
from workbench.cli.texts import t

if TYPE_CHECKING:
    import argparse

    from workbench.services.audit import ChainCheck

EXIT_BROKEN = 1
EXIT_BAD_INPUT = 2


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: str) -> None:
    p = sub.add_parser("audit", help=t("audit_help", lang), description=t("audit_help", lang))
    actions = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    for name, run in (("verify", run_verify), ("head", run_head)):
        text = t(f"audit_{name}_help", lang)
        action = actions.add_parser(name, help=text, description=text)
        add_db_option(action, lang)
        if name == "verify":
            action.add_argument(
                "--head", dest="known_head", metavar="SEQ:HASH", help=t("audit_known_help", lang)
            )
        action.set_defaults(run=run)


def describe(check: ChainCheck, lang: str) -> str:
    """One line: the chain holds (entries, head), or where it first breaks and how."""
    broken = check.broken
    if broken is None:
        return t("audit_intact", lang, count=check.entries, hash=check.head_hash)
    problem = t(f"audit_{broken.problem}", lang)
    if broken.seq is None:
        return t("audit_broken_entry", lang, entry=broken.entry_id, problem=problem)
    if broken.entry_id is None:
        return t("audit_broken_at", lang, seq=broken.seq, problem=problem)
    return t("audit_broken", lang, seq=broken.seq, entry=broken.entry_id, problem=problem)


# SQLAlchemy and Alembic load only when a command needs the store (~0.5 s).


def run_verify(args: argparse.Namespace, lang: str) -> int:
    from workbench.services.audit import ChainHead
    from workbench.services.store import open_store

    known = None
    if args.known_head is not None:
        known = ChainHead.parse(args.known_head)
        if known is None:
            print(f"workbench: {t('audit_bad_known', lang, text=args.known_head)}", file=sys.stderr)
            return EXIT_BAD_INPUT
    with open_store(args.db) as store:
        check = store.audit.verify(known)
    print(describe(check, lang))
    return 0 if check.broken is None else EXIT_BROKEN


def run_head(args: argparse.Namespace, lang: str) -> int:
    from workbench.services.store import open_store

    with open_store(args.db) as store:
        head = store.audit.head()
    if head is None:
        print(t("audit_no_head", lang))
        return EXIT_BROKEN
    print(t("audit_head", lang, seq=head.seq, hash=head.hash))
    return 0
