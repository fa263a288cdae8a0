"""``workbench import``, ``workbench export`` and ``workbench cases``: cases in the store."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.cli.db_cmd import add_db_option
from workbench.cli.output import money
from workbench.cli.signin import add_login_option, open_signed_in_store, signed_in_user
from workbench.cli.table import render
from workbench.cli.texts import t
from workbench.domain.case_file import Stage
from workbench.domain.case_list import CaseListQuery, SortKey
from workbench.domain.errors import ValidationError

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

    from workbench.domain.records import CaseSummary
    from workbench.services.store import StoreServices


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: str) -> None:
    p = sub.add_parser("import", help=t("import_help", lang), description=t("import_help", lang))
    p.add_argument("case_file", metavar="CASE.json|CASE.xlsx", help=t("import_file_help", lang))
    add_db_option(p, lang)
    add_login_option(p, lang)
    p.add_argument("--as-copy", action="store_true", help=t("as_copy_help", lang))
    p.set_defaults(run=run_import)

    p = sub.add_parser("export", help=t("export_help", lang), description=t("export_help", lang))
    p.add_argument("case_id", metavar="CASE_ID", help=t("case_id_help", lang))
    add_db_option(p, lang)
    add_login_option(p, lang)
    p.add_argument("-o", "--output", metavar="FILE", help=t("output_help", lang))
    p.add_argument("--xlsx", action="store_true", help=t("xlsx_help", lang))
    p.set_defaults(run=run_export)

    p = sub.add_parser("template", help=t("template_help", lang), description=t("template_help", lang))
    p.add_argument("-o", "--output", metavar="FILE.xlsx", required=True, help=t("template_output_help", lang))
    p.set_defaults(run=run_template)

    p = sub.add_parser("cases", help=t("cases_help", lang), description=t("cases_help", lang))
    add_db_option(p, lang)
    add_login_option(p, lang)
    p.add_argument("--officer", metavar="NAME", help=t("officer_help", lang))
    p.add_argument("--stage", metavar="STAGE", help=t("stage_help", lang) + ": " + ", ".join(Stage))
    p.add_argument("--name", metavar="TEXT", help=t("name_help", lang))
    p.add_argument("--limit", type=int, default=50, help=t("limit_help", lang))
    p.add_argument("--sort", choices=tuple(SORT_KEYS), help=t("sort_help", lang))
    p.add_argument("--desc", action="store_true", help=t("desc_help", lang))
    p.add_argument("--updated-from", metavar="YYYY-MM-DD", help=t("updated_from_help", lang))
    p.add_argument("--updated-to", metavar="YYYY-MM-DD", help=t("updated_to_help", lang))
    p.add_argument("--json", action="store_true", help=t("cases_json_help", lang))
    p.set_defaults(run=run_cases)


def _with_store(args: argparse.Namespace, lang: str, work: Callable[[StoreServices], int]) -> int:
    with open_signed_in_store(args, lang) as store:
        return work(store)


def run_import(args: argparse.Namespace, lang: str) -> int:
    def work(store: StoreServices) -> int:
        user = signed_in_user(store, args, lang)
        path = Path(args.case_file)
        if path.suffix.lower() in WORKBOOK_SUFFIXES:
            record = store.cases.import_case_workbook(path, user, as_copy=args.as_copy)
        else:
            record = store.cases.import_case_file(path, user, as_copy=args.as_copy)
        print(record.case.id)
        return 0

    return _with_store(args, lang, work)


def run_export(args: argparse.Namespace, lang: str) -> int:
    if args.xlsx and args.output is None:
        print(t("xlsx_needs_output", lang), file=sys.stderr)
        return 2

    def work(store: StoreServices) -> int:
        user = signed_in_user(store, args, lang)
        if args.xlsx:
            return _write(Path(args.output), store.cases.export_case_workbook(args.case_id, user, lang), lang)
        text = store.cases.export_case(args.case_id, user)
        if args.output is None:
            sys.stdout.buffer.write(text.encode("utf-8"))
            sys.stdout.flush()
            return 0
        target = Path(args.output)
        try:
            target.write_bytes(text.encode("utf-8"))
        except OSError as error:
            print(t("cannot_write", lang, path=target, detail=error.strerror or error), file=sys.stderr)
            return 2
        return 0

    return _with_store(args, lang, work)


def run_template(args: argparse.Namespace, lang: str) -> int:
    # openpyxl (~0.2 s) only for the commands that read or write a workbook
    from workbench.services.workbooks import template_workbook

    return _write(Path(args.output), template_workbook(lang), lang)


def _write(target: Path, data: bytes, lang: str) -> int:
    try:
        target.write_bytes(data)
    except OSError as error:
        print(t("cannot_write", lang, path=target, detail=error.strerror or error), file=sys.stderr)
        return 2
    return 0


WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls")

SORT_KEYS = {
    "applicant": SortKey.APPLICANT,
    "case-number": SortKey.CASE_NUMBER,
    "stage": SortKey.STAGE,
    "officer": SortKey.OFFICER,
    "updated": SortKey.UPDATED,
}


def _day(option: str, text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(option, "invalid_date", value=text) from None


def _stage(text: str | None) -> Stage | None:
    if text is None:
        return None
    if text not in set(Stage):
        raise ValidationError("--stage", "invalid_choice", value=text, choices=", ".join(Stage))
    return Stage(text)


def _summary_json(case: CaseSummary) -> dict[str, object]:
    return {
        "id": case.id,
        "case_number": case.case_number,
        "borrower": case.borrower_name,
        "business": case.business_name,
        "stage": case.stage.value,
        "officer": case.officer_username,
        "requested": format(case.requested, "f"),
        "updated_at": case.updated_at.isoformat(),
        "version": case.version,
    }


def _table(cases: list[CaseSummary], lang: str) -> str:
    head = [
        t(k, lang)
        for k in (
            "col_case_number",
            "col_borrower",
            "col_business",
            "col_stage",
            "col_officer",
            "col_requested",
            "col_updated",
            "col_version",
            "col_id",
        )
    ]
    rows = [
        [
            c.case_number,
            c.borrower_name,
            c.business_name,
            c.stage.value,
            c.officer_username,
            money(c.requested),
            c.updated_at.strftime("%Y-%m-%d %H:%M"),
            str(c.version),
            c.id,
        ]
        for c in cases
    ]
    return render(head, rows, left_columns=5)


def run_cases(args: argparse.Namespace, lang: str) -> int:
    """List the stored cases: the filters, then the order.

    Without ``--sort`` the newest change comes first (as before); with a column the list runs
    ascending (stages in process order, the oldest change first) and ``--desc`` turns it round.
    """
    updated_from = _day("--updated-from", args.updated_from)
    updated_to = _day("--updated-to", args.updated_to)
    if updated_from is not None and updated_to is not None and updated_from > updated_to:
        print(t("updated_range", lang).format(start=updated_from, end=updated_to), file=sys.stderr)
        return 2
    key = SORT_KEYS[args.sort] if args.sort else SortKey.UPDATED
    query = CaseListQuery(
        name_like=args.name or "",
        stage=_stage(args.stage),
        officer=args.officer,
        updated_from=updated_from,
        updated_to=updated_to,
        sort=key,
        descending=bool(args.desc) or args.sort is None,
    )

    def work(store: StoreServices) -> int:
        user = signed_in_user(store, args, lang)
        cases = store.cases.list_cases(user, query=query, limit=max(args.limit, 1))
        if args.json:
            print(json.dumps([_summary_json(c) for c in cases], ensure_ascii=False, indent=2))
        elif cases:
            print(_table(cases, lang))
        else:
            print(t("no_cases", lang))
        return 0

    return _with_store(args, lang, work)
