"""Checking a signed report: every signature, what it covers, and which case version it describes.

``verify_pdf`` validates each signature with pyHanko (integrity of the signed byte ranges, the
cryptographic signature, trust in the certificate against the given roots, and the difference
analysis of every later incremental update) and reads the case fingerprint the report embeds.

A report is ``ok`` only when it has at least one signature, every signature is intact and valid,
no later update goes beyond filling in signature fields, and the last signature covers the whole
file; so a single changed byte fails, and so does any update appended after the last signature.
Trust is reported, not required: self-signed identities are the normal case until the bank's CA
issues them.
"""

from __future__ import annotations

import hashlib
import io
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from workbench.domain.errors import DomainError
from workbench.reports.metadata import read_report_info

if TYPE_CHECKING:
    from collections.abc import Sequence

# pyHanko logs every untrusted self-signed certificate with a traceback at WARNING. Without any
# logging configured, Python would print those to stderr; a handler here keeps them out of the
# command line while an application that configures logging still receives them.
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

ACCEPTABLE_LEVELS = frozenset(
    {ModificationLevel.NONE, ModificationLevel.LTA_UPDATES, ModificationLevel.FORM_FILLING}
)


class VerificationError(DomainError):
    """The input is not a PDF that can be read at all (``reason``: ``not_a_pdf``, ``bad_certificate``)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        self.reason = reason
        self.detail = detail
        super().__init__(f"{reason}: {detail}" if detail else reason)


@dataclass(frozen=True, slots=True)
class SignatureReport:
    """One signature as validated."""

    field: str
    signer: str
    role: str
    signed_at: datetime | None
    intact: bool
    valid: bool
    trusted: bool
    coverage: str
    covers_entire_file: bool
    modification_level: str | None
    docmdp_ok: bool | None
    summary: str
    error: str = ""
    certificate_sha256: str = ""
    """SHA-256 of the signer's DER certificate (lower-case hex): what the archive's registry keys on."""

    @property
    def acceptable(self) -> bool:
        """Intact, valid, and nothing beyond form filling happened after it."""
        level_ok = self.modification_level is None or self.modification_level in {
            level.name for level in ACCEPTABLE_LEVELS
        }
        return self.intact and self.valid and self.docmdp_ok is not False and level_ok and not self.error


@dataclass(frozen=True, slots=True)
class VerificationReport:
    """Every signature of a PDF, the case fingerprint it embeds, and the verdict."""

    signatures: tuple[SignatureReport, ...]
    case_sha256: str | None
    case_version: int | None
    report_kind: str | None
    expected_case_sha256: str | None = None

    @property
    def case_matches(self) -> bool | None:
        """Whether the embedded fingerprint equals the current case's (``None`` when not asked)."""
        if self.expected_case_sha256 is None:
            return None
        return self.case_sha256 == self.expected_case_sha256

    @property
    def signatures_ok(self) -> bool:
        """At least one signature; all acceptable; the last one covers the whole file."""
        if not self.signatures:
            return False
        return all(s.acceptable for s in self.signatures) and self.signatures[-1].covers_entire_file

    @property
    def ok(self) -> bool:
        """Signatures ok, and the fingerprint matches when a current case was given."""
        return self.signatures_ok and self.case_matches is not False


def verify_pdf(
    pdf: bytes,
    trusted_certs: Sequence[x509.Certificate | bytes] = (),
    current_case_hash: str | None = None,
) -> VerificationReport:
    """Validate every signature of ``pdf``.

    Args:
        pdf: the file's bytes.
        trusted_certs: certificates to trust as roots (cryptography objects, or PEM/DER bytes).
        current_case_hash: ``canonical_case_sha256`` of the case as it is now, to compare.

    Raises:
        VerificationError: the bytes are not a readable PDF, or a trusted certificate is not one.
    """
    roots = [_asn1(cert) for cert in trusted_certs]
    if not pdf.startswith(b"%PDF-"):
        raise VerificationError("not_a_pdf", "no %PDF- header")
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        info = read_report_info(reader)
        embedded = list(reader.embedded_regular_signatures)
    except Exception as error:  # pyHanko raises several types for a broken file
        raise VerificationError("not_a_pdf", str(error)[:120]) from None
    context = ValidationContext(trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail")
    reports = tuple(_check(sig, context) for sig in embedded)
    return VerificationReport(
        signatures=reports,
        case_sha256=info.case_sha256,
        case_version=info.case_version,
        report_kind=info.kind,
        expected_case_sha256=current_case_hash,
    )


def _check(sig: object, context: ValidationContext) -> SignatureReport:
    field = str(getattr(sig, "field_name", ""))
    try:
        status = validate_pdf_signature(sig, signer_validation_context=context)  # type: ignore[arg-type]
    except Exception as error:  # a mangled signature container must read as a failed signature
        return SignatureReport(
            field=field,
            signer="",
            role="",
            signed_at=None,
            intact=False,
            valid=False,
            trusted=False,
            coverage="UNCLEAR",
            covers_entire_file=False,
            modification_level=None,
            docmdp_ok=None,
            summary="INVALID",
            error=str(error)[:200],
        )
    subject = status.signing_cert.subject.native
    coverage = status.coverage
    level = status.modification_level
    return SignatureReport(
        field=field,
        signer=str(subject.get("common_name", "")),
        role=str(subject.get("title", "")),
        signed_at=status.signer_reported_dt,
        intact=bool(status.intact),
        valid=bool(status.valid),
        trusted=bool(status.trusted),
        coverage=coverage.name if coverage is not None else "UNCLEAR",
        covers_entire_file=coverage is SignatureCoverageLevel.ENTIRE_FILE,
        modification_level=level.name if level is not None else None,
        docmdp_ok=status.docmdp_ok,
        summary=status.summary(),
        certificate_sha256=hashlib.sha256(status.signing_cert.dump()).hexdigest(),
    )


def _asn1(cert: x509.Certificate | bytes) -> asn1_x509.Certificate:
    try:
        if isinstance(cert, x509.Certificate):
            der = cert.public_bytes(serialization.Encoding.DER)
        elif cert.lstrip().startswith(b"-----BEGIN"):
            der = x509.load_pem_x509_certificate(cert).public_bytes(serialization.Encoding.DER)
        else:
            der = x509.load_der_x509_certificate(cert).public_bytes(serialization.Encoding.DER)
    except ValueError as error:
        raise VerificationError("bad_certificate", str(error)[:120]) from None
    return asn1_x509.Certificate.load(der)
