"""``workbench verify FILE.pdf [--trust CERT.pem] [--case CASE]``: one line per signature.

Exit status: 0 when every signature is intact and valid, nothing was changed after the last one
(and, with ``--case``, the embedded case fingerprint equals the current case's); 1 otherwise;
2 for input that cannot be read (missing file, not a PDF, not a certificate). The checking is
``workbench.services.signatures.verify_report``, the window's; only the ``--trust`` files are trusted.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.cli.db_cmd import add_db_option
from workbench.cli.signin import add_login_option, signed_in_user
from workbench.cli.texts import t

if TYPE_CHECKING:
    import argparse

    from workbench.services.signatures import SignatureReport, VerificationReport

EXIT_FAILED = 1
EXIT_BAD_INPUT = 2


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: str) -> None:
    p = sub.add_parser("verify", help=t("verify_help", lang), description=t("verify_help", lang))
    p.add_argument("pdf", metavar="FILE.pdf", help=t("verify_file_help", lang))
    p.add_argument(
        "--trust", action="append", default=[], metavar="CERT.pem", help=t("verify_trust_help", lang)
    )
    p.add_argument("--case", metavar="CASE", help=t("verify_case_help", lang))
    add_db_option(p, lang)
    add_login_option(p, lang)
    p.set_defaults(run=run)


def run(args: argparse.Namespace, lang: str) -> int:
    from workbench.services.signatures import VerificationError, verify_report

    def fail(text: str) -> int:
        print(f"workbench: {t('error_prefix', lang)}: {text}", file=sys.stderr)
        return EXIT_BAD_INPUT

    path = Path(args.pdf)
    try:
        data = path.read_bytes()
    except OSError:
        return fail(t("file_not_found", lang, path=path))
    certificates = []
    for name in args.trust:
        try:
            certificates.append(Path(name).read_bytes())
        except OSError:
            return fail(t("file_not_found", lang, path=name))
    expected = _current_hash(args, lang) if args.case else None
    if isinstance(expected, int):
        return expected
    try:
        report = verify_report(data, certificates, expected)
    except VerificationError as error:
        if error.reason == "bad_certificate":
            return fail(t("bad_certificate", lang, path=", ".join(args.trust)))
        return fail(t("not_a_pdf", lang, path=path))
    print(describe(report, lang))
    return 0 if report.ok else EXIT_FAILED


def _current_hash(args: argparse.Namespace, lang: str) -> str | int:
    """The canonical hash of ``--case`` (a file, or a stored case's content hash); an exit code on error."""
    from workbench.cli.report_cmd import is_case_file
    from workbench.services.case_files import read_case_file
    from workbench.services.reporting import case_fingerprint

    if is_case_file(args.case):
        path = Path(args.case)
        if not path.exists():
            print(
                f"workbench: {t('error_prefix', lang)}: {t('case_not_found_file', lang, path=path)}",
                file=sys.stderr,
            )
            return EXIT_BAD_INPUT
        return case_fingerprint(read_case_file(path))
    from workbench.services.store import open_store

    with open_store(args.db) as store:
        return store.cases.open_case(args.case, signed_in_user(store, args, lang)).content_sha256


def signature_line(number: int, sig: SignatureReport, lang: str) -> str:
    if sig.covers_entire_file:
        coverage = t("verify_cov_file", lang)
    elif sig.acceptable:
        coverage = t("verify_cov_forms", lang)
    else:
        coverage = t("verify_cov_other", lang, level=sig.modification_level or sig.coverage)
    when = sig.signed_at.strftime("%Y-%m-%d %H:%M:%S %Z").strip() if sig.signed_at else "—"
    return t(
        "verify_sig_line",
        lang,
        n=number,
        field=sig.field,
        signer=sig.signer or "—",
        role=sig.role or "—",
        time=when,
        intact=t("verify_intact" if sig.intact else "verify_modified", lang),
        valid=t("verify_valid" if sig.valid else "verify_invalid", lang),
        trusted=t("verify_trusted" if sig.trusted else "verify_untrusted", lang),
        coverage=coverage,
    )


def describe(report: VerificationReport, lang: str) -> str:
    """The lines ``workbench verify`` prints."""
    lines = [signature_line(n, sig, lang) for n, sig in enumerate(report.signatures, start=1)]
    if not report.signatures:
        lines.append(t("verify_no_signatures", lang))
    elif not report.signatures[-1].covers_entire_file:
        lines.append(t("verify_last_not_whole", lang))
    if report.case_sha256:
        match = report.case_matches
        state = t(
            "verify_case_unchecked"
            if match is None
            else "verify_case_match"
            if match
            else "verify_case_differs",
            lang,
        )
        version = "—" if report.case_version is None else report.case_version
        lines.append(t("verify_case", lang, sha=report.case_sha256, version=version, state=state))
    else:
        lines.append(t("verify_case_none", lang))
    lines.append(t("verify_ok" if report.ok else "verify_failed", lang))
    return "\n".join(lines)
