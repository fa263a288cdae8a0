"""``workbench report CASE --kind {survey,dossier,minutes} -o OUT.pdf [--sign ID.p12]``.

CASE is a case file, or the id of a case in the store (``--db URL``, else ``WORKBENCH_DB_URL``,
else the default SQLite file). A stored case's report is made as the window makes it
(``services.reporting.stored_report``): a signed one also goes into the store's report archive;
the dossier of a decided case includes the committee's latest decision and the minutes of that
session; ``--kind minutes`` takes a session id or a case id. The dossier's photo appendix comes
from ``--attachments DIR`` (the evidence files by name, hashes checked), else, for a stored case,
from the store's attachments of the case.
Passphrases: ``--passphrase-file`` or ``WORKBENCH_PASSPHRASE`` (see identity_cmd).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.cli.db_cmd import add_db_option
from workbench.cli.identity_cmd import (
    EXIT_BAD_INPUT,
    PassphraseError,
    add_passphrase_option,
    read_passphrase,
    signing_error_text,
)
from workbench.cli.signin import add_login_option, open_signed_in_store, signed_in_user
from workbench.cli.texts import t

if TYPE_CHECKING:
    import argparse

    from workbench.domain.case_file import CaseFile

KINDS = ("survey", "dossier", "minutes")
TSA_ENV = "WORKBENCH_TSA_URL"
"""Where a bank's timestamp server is configured once for every signed report."""


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: str) -> None:
    import argparse as _argparse

    p = sub.add_parser("report", help=t("report_help", lang), description=t("report_help", lang))
    p.add_argument("case", metavar="CASE", help=t("report_case_help", lang))
    p.add_argument("--kind", choices=KINDS, default="survey", help=t("report_kind_help", lang))
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help=t("report_output_help", lang))
    # Same destination as the global option, so `workbench report … --lang en` works too.
    p.add_argument(
        "--lang", choices=["zh", "en"], default=_argparse.SUPPRESS, help=t("report_lang_help", lang)
    )
    p.add_argument("--unit", default="", help=t("report_unit_help", lang))
    p.add_argument("--sign", metavar="IDENTITY.p12", help=t("report_sign_help", lang))
    add_passphrase_option(p, lang)
    p.add_argument("--reason", default="", help=t("report_reason_help", lang))
    p.add_argument("--location", default="", help=t("report_location_help", lang))
    p.add_argument("--attachments", metavar="DIR", help=t("report_attachments_help", lang))
    p.add_argument("--invariant", action="store_true", help=t("report_invariant_help", lang))
    p.add_argument(
        "--tsa",
        metavar="URL",
        default=os.environ.get(TSA_ENV, ""),
        help=t("report_tsa_help", lang),
    )
    add_db_option(p, lang)
    add_login_option(p, lang)
    p.set_defaults(run=run)


def is_case_file(argument: str) -> bool:
    """A path that exists, or one that looks like a file (then a missing file is an error)."""
    path = Path(argument)
    return path.is_file() or path.suffix.lower() == ".json" or "/" in argument or "\\" in argument


def run(args: argparse.Namespace, lang: str) -> int:
    from workbench.services.attachment_files import AttachmentError
    from workbench.services.reporting import (
        ReportKind,
        ReportRequest,
        file_report,
        page_count,
        signing_reason,
        stored_report,
    )
    from workbench.services.signatures import SigningError, load_identity

    def fail(text: str) -> int:
        print(f"workbench: {t('error_prefix', lang)}: {text}", file=sys.stderr)
        return EXIT_BAD_INPUT

    report_lang = getattr(args, "lang", None) or lang
    identity = None
    try:
        if args.sign:
            identity = load_identity(Path(args.sign), read_passphrase(args.passphrase_file, lang))
    except PassphraseError as error:
        return fail(str(error))
    except SigningError as error:
        return fail(signing_error_text(error, lang))

    request = ReportRequest(
        ReportKind(args.kind), report_lang, args.unit, invariant=args.invariant, timestamp_url=args.tsa
    )
    reason = args.reason or signing_reason(request.kind, report_lang)
    photos = Path(args.attachments) if args.attachments else None
    try:
        if is_case_file(args.case):
            case = _read_case(args.case, lang)
            if case is None:
                return fail(t("case_not_found_file", lang, path=args.case))
            report = file_report(
                case, request, identity, photos_folder=photos, reason=reason, location=args.location
            )
        else:
            # A case id (or, for the minutes, a session id): the store, as the window does it.
            with open_signed_in_store(args, lang) as store:
                report = stored_report(
                    store,
                    args.case,
                    request,
                    signed_in_user(store, args, lang),
                    identity,
                    photos_folder=photos,
                    reason=reason,
                    location=args.location,
                )
    except AttachmentError as error:
        return fail(error.describe(lang))
    except SigningError as error:
        return fail(signing_error_text(error, lang))
    target = Path(args.output)
    try:
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_bytes(report.pdf)
        tmp.replace(target)
    except OSError as error:
        return fail(t("cannot_write_pdf", lang, path=target, detail=error.strerror or error))
    print(t("report_written", lang, path=target, pages=page_count(report.pdf)))
    version = "—" if report.case_version is None else report.case_version
    print(t("report_case_hash", lang, sha=report.case_sha256, version=version))
    if identity is not None:
        print(t("report_signed", lang, name=identity.name, role=identity.role or "—"))
    if report.archived is not None:
        print(t("report_archived", lang, id=report.archived.id))
    return 0


def _read_case(argument: str, lang: str) -> CaseFile | None:
    from workbench.services.case_files import read_case_file

    path = Path(argument)
    if not path.exists():
        return None
    return read_case_file(path)
