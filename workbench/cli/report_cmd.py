"""``workbench report CASE --kind {survey,dossier,minutes} -o OUT.pdf [--sign ID.p12]``.

CASE is a case file, or the id of a case in the store (``--db URL``, else ``WORKBENCH_DB_URL``,
else the default SQLite file). A signed report of a stored case also goes into the store's
report archive. The dossier of a decided stored case includes the committee's latest decision and
the minutes of that session; ``--kind minutes`` takes a session id or a case id. The dossier's photo
appendix comes from ``--attachments DIR`` (the evidence files by name, hashes checked), else, for a
stored case, from the store's attachments of the case.
Passphrases: ``--passphrase-file`` or ``WORKBENCH_PASSPHRASE`` (see identity_cmd).
"""

from __future__ import annotations

import hashlib
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
from workbench.cli.texts import t

if TYPE_CHECKING:
    import argparse

    from workbench.domain.case_file import CaseFile
    from workbench.reports.inputs import AttachmentImage

KINDS = ("survey", "dossier", "minutes")
IMAGE_SUFFIXES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png"}


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
    add_db_option(p, lang)
    p.set_defaults(run=run)


def is_case_file(argument: str) -> bool:
    """A path that exists, or one that looks like a file (then a missing file is an error)."""
    path = Path(argument)
    return path.is_file() or path.suffix.lower() == ".json" or "/" in argument or "\\" in argument


def run(args: argparse.Namespace, lang: str) -> int:
    from workbench.reports.document import ReportKind
    from workbench.reports.signing import SigningError, load_identity
    from workbench.services.attachment_files import AttachmentError
    from workbench.services.reporting import (
        ReportRequest,
        export_signed_report,
        make_report,
        with_stored_committee,
    )

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

    request_kind = ReportKind(args.kind)
    reason = args.reason or _default_reason(request_kind, report_lang)
    try:
        if is_case_file(args.case):
            case = _read_case(args.case, lang)
            if case is None:
                return fail(t("case_not_found_file", lang, path=args.case))
            attachments = _attachments(case, args.attachments, lang)
            request = ReportRequest(
                request_kind, report_lang, args.unit, attachments, invariant=args.invariant
            )
            report = make_report(case, request, identity, reason=reason, location=args.location)
            archived = None
        else:
            # A case id: the store (issue 3) through the service layer.
            from workbench.services.store import open_store

            store = open_store(args.db)
            try:
                user = store.users.current_user()
                case_id, minutes = args.case, None
                if request_kind is ReportKind.MINUTES:  # SESSION_OR_CASE: the stored session's minutes
                    found = store.committee.stored_minutes(args.case, user)
                    if found is not None:
                        minutes, case_id = found
                case = store.cases.open_case(case_id, user).case
                if args.attachments or request_kind is not ReportKind.DOSSIER:
                    attachments = _attachments(case, args.attachments, lang)
                else:  # the photo appendix from the store's attachments of the case
                    attachments = store.attachments.report_images(case_id, user)
                request = ReportRequest(
                    request_kind,
                    report_lang,
                    args.unit,
                    attachments,
                    minutes=minutes,
                    invariant=args.invariant,
                )
                # a decided case's dossier carries the decision and the minutes of its session
                request = with_stored_committee(store, case_id, request, user)
                if identity is not None:
                    report = export_signed_report(
                        store, case_id, request, identity, user, reason=reason, location=args.location
                    )
                else:
                    record = store.cases.open_case(case_id, user)
                    report = make_report(record.case, request, None, case_version=record.version)
                archived = report.archived
            finally:
                store.close()
    except _AttachmentError as error:
        return fail(str(error))
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
    print(t("report_written", lang, path=target, pages=_pages(report.pdf)))
    version = "—" if report.case_version is None else report.case_version
    print(t("report_case_hash", lang, sha=report.case_sha256, version=version))
    if identity is not None:
        print(t("report_signed", lang, name=identity.name, role=identity.role or "—"))
    if archived is not None:
        print(t("report_archived", lang, id=archived.id))
    return 0


def _default_reason(kind: object, lang: str) -> str:
    from workbench.reports.document import ReportKind

    zh = {
        ReportKind.SURVEY: "调查报告签署",
        ReportKind.DOSSIER: "贷款档案签署",
        ReportKind.MINUTES: "审贷会纪要签署",
    }
    en = {
        ReportKind.SURVEY: "survey report",
        ReportKind.DOSSIER: "loan dossier",
        ReportKind.MINUTES: "committee minutes",
    }
    return (en if lang == "en" else zh)[kind]  # type: ignore[index]


def _pages(pdf: bytes) -> int:
    from io import BytesIO

    from pyhanko.pdf_utils.reader import PdfFileReader

    return int(PdfFileReader(BytesIO(pdf)).root["/Pages"]["/Count"])


def _read_case(argument: str, lang: str) -> CaseFile | None:
    from workbench.services.case_files import read_case_file

    path = Path(argument)
    if not path.exists():
        return None
    return read_case_file(path)


class _AttachmentError(Exception):
    """An attachment that does not match the evidence it claims to be (message translated)."""


def _attachments(case: CaseFile, folder: str | None, lang: str) -> tuple[AttachmentImage, ...]:
    """The case's evidence files found in ``folder`` that are JPEG or PNG, hashes checked."""
    from workbench.reports.inputs import AttachmentImage

    if not folder:
        return ()
    out = []
    for evidence in case.evidence:
        if not evidence.file_name:
            continue
        path = Path(folder) / evidence.file_name
        media = IMAGE_SUFFIXES.get(path.suffix.lower())
        if media is None or not path.is_file():
            continue
        data = path.read_bytes()
        if evidence.sha256 and hashlib.sha256(data).hexdigest() != evidence.sha256.lower():
            raise _AttachmentError(t("attachment_mismatch", lang, name=evidence.file_name, id=evidence.id))
        out.append(AttachmentImage(evidence.file_name, media, data, evidence.title))
    return tuple(out)
