"""``workbench identity create|show``: signing identities in passphrase-protected PKCS#12 files.

Both go through ``workbench.services.signatures``, as the window's identity dialog does. A created
identity carries the box it signs in (``--kind``, else read once from ``--role``'s words).
Passphrases never travel on the command line: ``--passphrase-file F`` (first line), the
``WORKBENCH_PASSPHRASE`` environment variable, or a prompt when a terminal is attached.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.cli.texts import t
from workbench.domain.records import SignatureRole

if TYPE_CHECKING:
    import argparse
    from datetime import datetime

    from workbench.services.signatures import SigningError

EXIT_BAD_INPUT = 2
PASSPHRASE_ENV = "WORKBENCH_PASSPHRASE"


class PassphraseError(Exception):
    """No passphrase could be had (the message is already translated)."""


def add_passphrase_option(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("--passphrase-file", metavar="F", help=t("passphrase_file_help", lang))


def read_passphrase(path: str | None, lang: str, *, confirm: bool = False) -> str:
    """From ``--passphrase-file``, else ``WORKBENCH_PASSPHRASE``, else a terminal prompt.

    Raises:
        PassphraseError: none of them gives one.
    """
    if path:
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except OSError as error:
            raise PassphraseError(
                t("passphrase_unreadable", lang, path=path, detail=error.strerror or error)
            ) from None
        lines = text.splitlines()
        return lines[0] if lines else ""
    env = os.environ.get(PASSPHRASE_ENV)
    if env:
        return env
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass(t("passphrase_prompt", lang))
        if confirm and getpass.getpass(t("passphrase_again", lang)) != first:
            raise PassphraseError(t("passphrase_mismatch", lang))
        return first
    raise PassphraseError(t("passphrase_missing", lang))


def signing_error_text(error: SigningError, lang: str) -> str:
    """One translated line for a ``SigningError``."""
    return t(f"signing_{error.reason}", lang, **error.params)


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: str) -> None:
    p = sub.add_parser("identity", help=t("identity_help", lang), description=t("identity_help", lang))
    actions = p.add_subparsers(dest="identity_command", metavar="ACTION", required=True)
    create = actions.add_parser(
        "create", help=t("identity_create_help", lang), description=t("identity_create_help", lang)
    )
    create.add_argument("--name", required=True, help=t("identity_name_help", lang))
    create.add_argument("--role", default="", help=t("identity_role_help", lang))
    create.add_argument(
        "--kind", choices=[k.value for k in SignatureRole], help=t("identity_kind_help", lang)
    )
    create.add_argument("--unit", default="", help=t("identity_unit_help", lang))
    create.add_argument("--valid-days", type=int, default=3650, help=t("identity_days_help", lang))
    create.add_argument(
        "-o", "--output", required=True, metavar="ID.p12", help=t("identity_output_help", lang)
    )
    create.add_argument("--cert-out", metavar="CERT.pem", help=t("identity_cert_help", lang))
    add_passphrase_option(create, lang)
    create.set_defaults(run=run_create)
    show = actions.add_parser(
        "show", help=t("identity_show_help", lang), description=t("identity_show_help", lang)
    )
    show.add_argument("identity", metavar="ID.p12")
    add_passphrase_option(show, lang)
    show.set_defaults(run=run_show)


def run_create(args: argparse.Namespace, lang: str) -> int:
    from workbench.services.signatures import SigningError, create_identity_file

    target = Path(args.output)
    cert_path = Path(args.cert_out) if args.cert_out else target.with_name(target.stem + ".cert.pem")
    try:
        passphrase = read_passphrase(args.passphrase_file, lang, confirm=True)
        info = create_identity_file(
            args.name,
            args.role,
            args.unit,
            passphrase,
            target,
            cert_path,
            valid_days=args.valid_days,
            kind=SignatureRole(args.kind) if args.kind else None,
        )
    except PassphraseError as error:
        print(f"workbench: {t('error_prefix', lang)}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except SigningError as error:
        print(f"workbench: {t('error_prefix', lang)}: {signing_error_text(error, lang)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as error:
        print(t("cannot_write_pdf", lang, path=cert_path, detail=error.strerror or error), file=sys.stderr)
        return EXIT_BAD_INPUT
    print(t("identity_created", lang, path=target))
    print(t("identity_cert_written", lang, path=cert_path))
    print(_describe(info.name, info.role, info.unit, info.not_after, info.fingerprint, lang))
    return 0


def run_show(args: argparse.Namespace, lang: str) -> int:
    from workbench.services.signatures import SigningError, load_identity

    try:
        identity = load_identity(Path(args.identity), read_passphrase(args.passphrase_file, lang))
    except PassphraseError as error:
        print(f"workbench: {t('error_prefix', lang)}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except SigningError as error:
        print(f"workbench: {t('error_prefix', lang)}: {signing_error_text(error, lang)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    until = identity.certificate.not_valid_after_utc
    print(_describe(identity.name, identity.role, identity.unit, until, identity.fingerprint, lang))
    return 0


def _describe(name: str, role: str, unit: str, until: datetime, fingerprint: str, lang: str) -> str:
    return t(
        "identity_line",
        lang,
        name=name,
        role=role or "—",
        unit=unit,
        until=until.date().isoformat(),
        fingerprint=fingerprint,
    )
