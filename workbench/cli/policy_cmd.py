"""``workbench policy show|list|set``: the bank's credit policy in the store.

``show`` prints a version (default: the one in force) as JSON, the form ``set`` reads back (``.json``
or ``.toml``); ``set`` is an administrator's and writes the next version (the store never changes a
written one); ``list`` shows every version, newest first.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.cli.signin import open_signed_in_store, signed_in_user, store_actions
from workbench.cli.table import render
from workbench.cli.texts import t
from workbench.domain.policy import policy_to_plain
from workbench.services.policy import read_policy_file

if TYPE_CHECKING:
    import argparse


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: str) -> None:
    action = store_actions(sub, "policy", lang)
    show = action("show", run_show)
    show.add_argument(
        "--version", type=int, dest="policy_version", metavar="N", help=t("policy_version_help", lang)
    )
    listing = action("list", run_list)
    listing.add_argument("--json", action="store_true", help=t("cases_json_help", lang))
    change = action("set", run_set)
    change.add_argument("file", metavar="FILE", help=t("policy_file_help", lang))


def run_show(args: argparse.Namespace, lang: str) -> int:
    with open_signed_in_store(args, lang) as store:
        signed_in_user(store, args, lang)
        policy = (
            store.policy.current()
            if args.policy_version is None
            else store.policy.version(args.policy_version)
        )
    print(json.dumps(policy_to_plain(policy), ensure_ascii=False, indent=2))
    return 0


def run_list(args: argparse.Namespace, lang: str) -> int:
    with open_signed_in_store(args, lang) as store:
        signed_in_user(store, args, lang)
        versions = store.policy.versions()
    if args.json:
        listed = [
            {
                "version": v.version,
                "name": v.name,
                "created_at": v.created_at.isoformat(),
                "by": v.created_by_name,
            }
            for v in versions
        ]
        print(json.dumps(listed, ensure_ascii=False, indent=2))
        return 0
    head = [t(k, lang) for k in ("col_policy_version", "col_policy_name", "col_policy_at", "col_policy_by")]
    seeded = t("policy_seeded", lang)
    rows = [
        [
            str(v.version),
            v.name,
            f"{v.created_at:%Y-%m-%d %H:%M}",
            v.created_by_name or seeded,
        ]
        for v in versions
    ]
    print(render(head, rows, left_columns=len(head)))
    return 0


def run_set(args: argparse.Namespace, lang: str) -> int:
    policy = read_policy_file(Path(args.file))
    with open_signed_in_store(args, lang) as store:
        stored = store.policy.save(policy, signed_in_user(store, args, lang))
    print(t("policy_saved", lang, version=stored.version, name=stored.name))
    return 0
