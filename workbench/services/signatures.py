"""Signing identities and checking signed PDFs: the way in for the window and the command line.

The window keeps the user's identities as PKCS#12 files (mode 0600) in ``identities/`` of the user
data directory, each with its certificate as ``NAME.cert.pem`` beside it, so the list and the trust
roots can be shown without a passphrase; ``workbench identity create -o FILE`` writes the same pair
where it is told (``create_identity_file``). Private keys never go into the store; a passphrase is
asked each time a key is used and never kept. ``workbench.reports`` does the cryptography; this
module files the identities and hands verification its trust roots (the window: the user's own
certificates and any chosen file; ``workbench verify``: the ``--trust`` files).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.domain.records import SignatureRole
from workbench.paths import user_data_dir
from workbench.reports.signing_errors import SigningError as SigningError
from workbench.reports.verdicts import Outcome as Outcome
from workbench.reports.verdicts import SignatureReport as SignatureReport
from workbench.reports.verdicts import SignatureVerdict as SignatureVerdict
from workbench.reports.verdicts import VerificationError as VerificationError
from workbench.reports.verdicts import VerificationReport as VerificationReport

if TYPE_CHECKING:
    from collections.abc import Sequence

    from cryptography import x509

    from workbench.reports.signing import SigningIdentity

# pyHanko (~0.3 s to import) and cryptography's X.509 (~0.1 s) are loaded by the functions that
# make, open, use or check an identity or a signature, not by importing this module: writing an
# unsigned report never loads them.

IDENTITY_FOLDER = "identities"
CERT_SUFFIX = ".cert.pem"


@dataclass(frozen=True, slots=True)
class IdentityInfo:
    """What an identity's certificate says, and where its files are (no key material)."""

    path: Path
    certificate_path: Path
    name: str
    role: str
    unit: str
    subject: str
    issuer: str
    not_before: datetime
    not_after: datetime
    fingerprint: str
    kind: SignatureRole | None = None
    """The box kind the certificate carries as data (X.520 ``role``); ``None`` for a foreign one."""

    @property
    def self_signed(self) -> bool:
        return self.subject == self.issuer

    def valid_at(self, moment: datetime) -> bool:
        return self.not_before <= moment <= self.not_after


def identities_dir() -> Path:
    """Where the user's identities are kept (not created here)."""
    return user_data_dir() / IDENTITY_FOLDER


def list_identities(folder: Path | None = None) -> list[IdentityInfo]:
    """Every identity in ``folder`` (default: the user's) with a readable certificate beside it."""
    folder = folder or identities_dir()
    found = []
    from cryptography import x509

    for p12 in sorted(folder.glob("*.p12")) if folder.is_dir() else []:
        cert_path = _cert_path(p12)
        try:
            certificate = x509.load_pem_x509_certificate(cert_path.read_bytes())
        except (OSError, ValueError):
            continue  # an identity without its certificate is not listed; the file stays untouched
        found.append(_info(p12, cert_path, certificate))
    return found


def create_identity(
    name: str,
    role: str,
    unit: str,
    passphrase: str,
    folder: Path | None = None,
    valid_days: int = 3650,
    *,
    kind: SignatureRole | None = None,
) -> IdentityInfo:
    """A new key and self-signed certificate in ``folder`` (default: the user's identities).

    ``kind`` as in ``create_identity_file``.

    Raises:
        SigningError: empty name, short passphrase, no kind.
    """
    folder = folder or identities_dir()
    target = _free_path(folder, name)
    return create_identity_file(name, role, unit, passphrase, target, valid_days=valid_days, kind=kind)


def create_identity_file(
    name: str,
    role: str,
    unit: str,
    passphrase: str,
    target: Path,
    cert_path: Path | None = None,
    *,
    valid_days: int = 3650,
    kind: SignatureRole | None = None,
) -> IdentityInfo:
    """A new key and self-signed certificate in ``target`` (``workbench identity create -o``), the
    certificate also as PEM in ``cert_path`` (default: ``NAME.cert.pem`` beside it).

    Every identity made here carries its box kind as data: ``kind``, else the kind ``role``'s
    words name, read once here (``workbench identity create --role 审查员``).

    Raises:
        SigningError: empty name, short passphrase, ``target`` exists, ``identity_kind_missing``
            (no ``kind`` and a ``role`` that names none).
        OSError: the certificate cannot be written.
    """
    from workbench.reports import signing

    kind = kind if kind is not None else signing.role_family(role)
    if kind is None:
        raise SigningError("identity_kind_missing", role=role)
    signing.create_identity(name, role, passphrase, target, valid_days, unit=unit, kind=kind)
    identity = signing.load_identity(target, passphrase)
    cert_path = cert_path or _cert_path(target)
    cert_path.write_bytes(identity.certificate_pem)
    return _info(target, cert_path, identity.certificate)


def read_identity_file(path: Path, passphrase: str) -> IdentityInfo:
    """Open any PKCS#12 file and describe its certificate (nothing is copied).

    Raises:
        SigningError: ``identity_unreadable`` (cannot read), ``identity_malformed`` (not a PKCS#12
            file), ``identity_locked`` (wrong passphrase).
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SigningError(
            "identity_unreadable", path=str(path), detail=error.strerror or str(error)
        ) from None
    from asn1crypto import pkcs12 as asn1_pkcs12

    try:
        _ = asn1_pkcs12.Pfx.load(data, strict=True)["auth_safe"].native  # parses the whole structure
    except Exception:  # asn1crypto raises ValueError, TypeError … for bytes that are no PFX
        raise SigningError("identity_malformed", path=str(path)) from None
    from workbench.reports import signing

    identity = signing.load_identity(path, passphrase)
    return _info(path, _cert_path(path), identity.certificate)


def import_identity(source: Path, passphrase: str, folder: Path | None = None) -> IdentityInfo:
    """Copy a PKCS#12 identity (e.g. issued by the bank's CA) into ``folder`` with its certificate.

    Raises:
        SigningError: as ``read_identity_file``; ``identity_imported`` when the same certificate is
            there already.
    """
    shown = read_identity_file(source, passphrase)
    folder = folder or identities_dir()
    for known in list_identities(folder):
        if known.fingerprint == shown.fingerprint:
            raise SigningError("identity_imported", name=known.name, path=str(known.path))
    target = _free_path(folder, shown.name or source.stem)
    _write_private(target, source.read_bytes())
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    certificate = x509.load_pem_x509_certificate(_certificate_pem(target, passphrase))
    cert_path = _cert_path(target)
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return _info(target, cert_path, certificate)


def load_identity(path: Path, passphrase: str) -> SigningIdentity:
    """The identity with its key, for one signing (keep it no longer than that)."""
    from workbench.reports import signing

    return signing.load_identity(path, passphrase)


def trusted_certificates(folder: Path | None = None, extra: Sequence[Path] = ()) -> list[bytes]:
    """PEM of the user's own identities' certificates and of the files in ``extra``.

    Raises:
        VerificationError: ``bad_certificate`` for a file in ``extra`` that cannot be read.
    """
    pems = [info.certificate_path.read_bytes() for info in list_identities(folder)]
    for path in extra:
        try:
            pems.append(path.read_bytes())
        except OSError as error:
            raise VerificationError("bad_certificate", f"{path}: {error.strerror or error}") from None
    return pems


def verify_report(
    pdf: bytes, trusted: Sequence[bytes] = (), current_case_hash: str | None = None
) -> VerificationReport:
    """Every signature of ``pdf`` as ``workbench verify`` checks it.

    Raises:
        VerificationError: not a readable PDF, or a trusted certificate that is not one.
    """
    from workbench.reports.verify import verify_pdf

    return verify_pdf(pdf, trusted, current_case_hash)


# ---- helpers -----------------------------------------------------------------------------------


def _cert_path(p12: Path) -> Path:
    return p12.with_name(p12.stem + CERT_SUFFIX)


def _free_path(folder: Path, name: str) -> Path:
    stem = re.sub(r"[^\w\-]+", "_", name.strip(), flags=re.UNICODE).strip("_")[:40] or "identity"
    candidate, n = folder / f"{stem}.p12", 1
    while candidate.exists() or _cert_path(candidate).exists():
        n += 1
        candidate = folder / f"{stem}-{n}.p12"
    return candidate


def _write_private(path: Path, data: bytes) -> None:
    """Write the key file readable by the owner only, never over an existing file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.chmod(path, 0o600)  # the umask may have taken bits away, never added; be exact


def _certificate_pem(path: Path, passphrase: str) -> bytes:
    from workbench.reports import signing

    return signing.load_identity(path, passphrase).certificate_pem


def _attribute(name: x509.Name, oid: str) -> str:
    values = [a for a in name if a.oid.dotted_string == oid]
    return str(values[0].value) if values else ""


# By dotted OID (cryptography's ``NameOID`` values), so the table needs no import.
_COMMON_NAME, _TITLE, _ORGANIZATION = "2.5.4.3", "2.5.4.12", "2.5.4.10"
_SHORT_NAMES = {
    _COMMON_NAME: "CN",
    _TITLE: "T",
    "2.5.4.11": "OU",
    _ORGANIZATION: "O",
    "2.5.4.7": "L",
    "2.5.4.8": "ST",
    "2.5.4.6": "C",
    "1.2.840.113549.1.9.1": "E",
}


def _shown_name(name: x509.Name) -> str:
    """``CN=刘敏, T=客户经理, O=某某农商银行``: in the certificate's order, readable names unescaped."""
    return ", ".join(
        f"{_SHORT_NAMES.get(attribute.oid.dotted_string, attribute.oid.dotted_string)}={attribute.value!s}"
        for attribute in name
    )


def certificate_subject(certificate: x509.Certificate) -> str:
    """The certificate's subject as the identity list shows it (``CN=刘敏, T=客户经理, O=…``)."""
    return _shown_name(certificate.subject)


def _carried_kind(certificate: x509.Certificate) -> SignatureRole | None:
    from workbench.reports import signing

    return signing.carried_kind(certificate)


def _info(path: Path, cert_path: Path, certificate: x509.Certificate) -> IdentityInfo:
    from cryptography.hazmat.primitives import hashes

    subject = certificate.subject
    return IdentityInfo(
        path=path,
        certificate_path=cert_path,
        name=_attribute(subject, _COMMON_NAME),
        role=_attribute(subject, _TITLE),
        unit=_attribute(subject, _ORGANIZATION),
        subject=_shown_name(subject),
        issuer=_shown_name(certificate.issuer),
        not_before=certificate.not_valid_before_utc,
        not_after=certificate.not_valid_after_utc,
        fingerprint=certificate.fingerprint(hashes.SHA256()).hex(),
        kind=_carried_kind(certificate),
    )
