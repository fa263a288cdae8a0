"""``workbench verify FILE.pdf [--trust CERT.pem] [--case CASE] [--db URL]``: each signature in plain
sentences (its ETSI EN 319 102-1 verdict, its certificate's SHA-256 fingerprint), then one verdict.

Trusted are the ``--trust`` files and, with ``--db``, the store's identity registry (a registered
certificate, or one a registered CA issued). With ``--db`` the file is also compared with the report
archive, which tells a removed counter-signature. The checking is
``workbench.services.signatures.verify_report``, the window's; the sentences are
``workbench.services.verification_words``, the window's too.

Exit status (docs/security.md, "Checking a signed report"):

* 0: every signature intact, by a trusted certificate valid now and when it signed; nothing changed
  after the last one; the case (``--case``) and the archive (``--db``) agree;
* 1: verification failed: a changed byte, a change after signing, no signature, another case, or the
  archive holds more signatures than the file;
* 2: input that cannot be read (missing file, not a PDF, an encrypted PDF, not a certificate);
* 3: the signatures are intact but a certificate is not trusted;
* 4: the signatures are intact but a certificate has expired or is not yet valid.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.cli.db_cmd import add_db_option
from workbench.cli.signin import add_login_option, open_signed_in_store, signed_in_user
from workbench.cli.texts import t

if TYPE_CHECKING:
    from workbench.services.signatures import VerificationReport
    from workbench.services.store import StoreServices

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_UNTRUSTED = 3
EXIT_EXPIRED = 4
EXIT_CODES = {"ok": EXIT_OK, "failed": EXIT_FAILED, "untrusted": EXIT_UNTRUSTED, "expired": EXIT_EXPIRED}
"""``Outcome`` value → exit status."""


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: str) -> None:
    p = sub.add_parser(
        "verify",
        help=t("verify_help", lang),
        description=t("verify_help", lang),
        epilog=t("verify_exit_codes", lang),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("pdf", metavar="FILE.pdf", help=t("verify_file_help", lang))
    p.add_argument(
        "--trust", action="append", default=[], metavar="CERT.pem", help=t("verify_trust_help", lang)
    )
    p.add_argument("--case", metavar="CASE", help=t("verify_case_help", lang))
    add_db_option(p, lang)
    add_login_option(p, lang)
    p.set_defaults(run=run)


def run(args: argparse.Namespace, lang: str) -> int:
    from workbench.cli.report_cmd import is_case_file
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
    expected: str | None = None
    if args.case and is_case_file(args.case):
        found = _file_hash(Path(args.case), lang)
        if isinstance(found, int):
            return found
        expected = found
    uses_store = args.db is not None or (args.case and not is_case_file(args.case))
    try:
        if not uses_store:
            report = verify_report(data, certificates, expected)
        else:
            with open_signed_in_store(args, lang) as store:
                report = _checked_with_store(store, args, lang, data, certificates, expected)
    except VerificationError as error:
        if error.reason == "bad_certificate":
            return fail(t("bad_certificate", lang, path=", ".join(args.trust)))
        if error.reason == "encrypted":
            return fail(t("pdf_encrypted", lang, path=path))
        return fail(t("not_a_pdf", lang, path=path))
    print(describe(report, lang))
    return EXIT_CODES[report.outcome.value]


def _checked_with_store(
    store: StoreServices,
    args: argparse.Namespace,
    lang: str,
    data: bytes,
    certificates: list[bytes],
    expected: str | None,
) -> VerificationReport:
    """The file checked with the registry's certificates trusted too, compared with the archive
    (and with the stored case ``--case``)."""
    from workbench.services.signatures import verify_report

    user = signed_in_user(store, args, lang)
    if expected is None and args.case:
        expected = store.cases.open_case(args.case, user).content_sha256
    report = verify_report(data, [*certificates, *store.archive.trust_roots(user)], expected)
    report = store.archive.mark_revoked(report, user)
    return store.archive.compare_with_archive(report, data, user)


def _file_hash(path: Path, lang: str) -> str | int:
    """The canonical hash of the case file ``--case``; an exit code when there is none."""
    from workbench.services.case_files import read_case_file
    from workbench.services.reporting import case_fingerprint

    if not path.exists():
        print(
            f"workbench: {t('error_prefix', lang)}: {t('case_not_found_file', lang, path=path)}",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    return case_fingerprint(read_case_file(path))


def describe(report: VerificationReport, lang: str) -> str:
    """The lines ``workbench verify`` prints (the window's sentences)."""
    from workbench.services.verification_words import describe as lines

    return "\n".join(lines(report, lang))
