"""``workbench identity create|show``: signing identities in passphrase-protected PKCS#12 files;
``workbench identity register|registered|revoke``: the store's identity registry (administrators).

``create`` and ``show`` go through ``workbench.services.signatures``, as the window's identity dialog
does. A created identity carries the box it signs in (``--kind``, else read once from ``--role``'s
words). Passphrases never travel on the command line: ``--passphrase-file F`` (first line), the
``WORKBENCH_PASSPHRASE`` environment variable, or a prompt when a terminal is attached.

The registry (``services.archive``) says whose certificate is whose: the report archive takes a
signed PDF only when its last signer's certificate is registered to the person archiving it.
``register`` reads a PEM or DER certificate (for an identity ``ID.p12``, the ``ID.cert.pem`` beside it).
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.cli.db_cmd import add_db_option
from workbench.cli.signin import add_login_option, open_signed_in_store, signed_in_user
from workbench.cli.table import render
from workbench.cli.texts import t
from workbench.domain.records import SignatureRole
from workbench.texts import N_, text

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable
    from datetime import datetime

    from workbench.domain.certificates import RegisteredCertificate
    from workbench.domain.records import User
    from workbench.services.signatures import SigningError
    from workbench.services.store import StoreServices

EXIT_BAD_INPUT = 2
PASSPHRASE_ENV = "WORKBENCH_PASSPHRASE"

REGISTRY_TEXTS: dict[str, str] = {
    "register_help": N_("把签名证书登记给用户（管理员）：归档时只认登记给归档人本人的证书"),
    "register_cert_help": N_("证书文件：PEM 或 DER；给出 ID.p12 时读取旁边的 ID.cert.pem"),
    "register_user_help": N_("证书持有人的用户名"),
    "registered_help": N_("列出身份登记册中的证书（管理员）"),
    "registered_user_help": N_("只列出此用户的证书"),
    "revoke_help": N_("吊销已登记的证书（管理员）：此后由它签名的报告不再归档，已归档的保留"),
    "revoke_fingerprint_help": N_("证书的 SHA-256 指纹，或其中唯一的前缀（至少 8 位十六进制）"),
    "cert_unreadable": N_("无法读取证书文件 {path}：{detail}"),
    "registered_line": N_("已登记：{fingerprint} → {login}（{subject}，有效期至 {until}）"),
    "revoked_line": N_("已吊销：{fingerprint}（{login}）"),
    "no_certificates": N_("身份登记册中没有证书"),
    "col_login": N_("用户名"),
    "col_fingerprint": N_("SHA-256 指纹"),
    "col_subject": N_("证书主体"),
    "col_valid_until": N_("有效期至"),
    "col_registered": N_("登记日期"),
    "col_status": N_("状态"),
    "status_valid": N_("有效"),
    "status_revoked": N_("已于 {since} 吊销"),
}


def _t(key: str, lang: str, **params: object) -> str:
    return text(REGISTRY_TEXTS[key], lang, **params)


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

    register = actions.add_parser(
        "register", help=_t("register_help", lang), description=_t("register_help", lang)
    )
    register.add_argument("certificate", metavar="CERT", help=_t("register_cert_help", lang))
    register.add_argument("--user", required=True, metavar="LOGIN", help=_t("register_user_help", lang))
    add_db_option(register, lang)
    add_login_option(register, lang)
    register.set_defaults(run=run_register)
    registered = actions.add_parser(
        "registered", help=_t("registered_help", lang), description=_t("registered_help", lang)
    )
    registered.add_argument("--user", metavar="LOGIN", help=_t("registered_user_help", lang))
    add_db_option(registered, lang)
    add_login_option(registered, lang)
    registered.set_defaults(run=run_registered)
    revoke = actions.add_parser("revoke", help=_t("revoke_help", lang), description=_t("revoke_help", lang))
    revoke.add_argument("fingerprint", metavar="FINGERPRINT", help=_t("revoke_fingerprint_help", lang))
    add_db_option(revoke, lang)
    add_login_option(revoke, lang)
    revoke.set_defaults(run=run_revoke)


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


# ---- the identity registry ---------------------------------------------------------------------
# The acting person signs in as for the other store commands (``cli.signin``).


def _with_store(args: argparse.Namespace, lang: str, work: Callable[[StoreServices, User], int]) -> int:
    with open_signed_in_store(args, lang) as store:
        return work(store, signed_in_user(store, args, lang))


def _certificate_file(given: str) -> Path:
    """The file to read: ``ID.cert.pem`` beside an identity ``ID.p12``, else the file given."""
    path = Path(given)
    beside = path.with_name(path.stem + ".cert.pem")
    return beside if path.suffix.lower() == ".p12" and beside.is_file() else path


def run_register(args: argparse.Namespace, lang: str) -> int:
    path = _certificate_file(args.certificate)
    try:
        data = path.read_bytes()
    except OSError as error:
        print(
            f"workbench: {t('error_prefix', lang)}: "
            + _t("cert_unreadable", lang, path=path, detail=error.strerror or error),
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT

    def work(store: StoreServices, me: User) -> int:
        entry = store.archive.register_certificate(me, args.user, data)
        print(
            _t(
                "registered_line",
                lang,
                fingerprint=entry.fingerprint,
                login=entry.username,
                subject=entry.subject,
                until=entry.not_after.date().isoformat(),
            )
        )
        return 0

    return _with_store(args, lang, work)


def run_registered(args: argparse.Namespace, lang: str) -> int:
    def work(store: StoreServices, me: User) -> int:
        entries = store.archive.certificates(me, args.user)
        if not entries:
            print(_t("no_certificates", lang))
            return 0
        print(render(_head(lang), [_row(entry, lang) for entry in entries], left_columns=6))
        return 0

    return _with_store(args, lang, work)


def run_revoke(args: argparse.Namespace, lang: str) -> int:
    def work(store: StoreServices, me: User) -> int:
        entry = store.archive.revoke_certificate(me, args.fingerprint)
        print(_t("revoked_line", lang, fingerprint=entry.fingerprint, login=entry.username))
        return 0

    return _with_store(args, lang, work)


def _head(lang: str) -> list[str]:
    keys = ("col_login", "col_fingerprint", "col_subject", "col_valid_until", "col_registered", "col_status")
    return [_t(key, lang) for key in keys]


def _row(entry: RegisteredCertificate, lang: str) -> list[str]:
    status = (
        _t("status_valid", lang)
        if entry.revoked_at is None
        else _t("status_revoked", lang, since=entry.revoked_at.date().isoformat())
    )
    return [
        entry.username,
        entry.fingerprint,
        entry.subject,
        entry.not_after.date().isoformat(),
        entry.registered_at.date().isoformat(),
        status,
    ]
