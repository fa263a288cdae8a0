"""Checking a signed report: every signature, what it covers, and which case version it describes.

``verify_pdf`` validates each signature with pyHanko (integrity of the signed byte ranges, the
cryptographic signature, trust in the certificate against the given roots, and the difference
analysis of every later incremental update) and reads the case fingerprint the report embeds.

A report is ``ok`` only when it has at least one signature, every signature is intact and valid,
no later update goes beyond filling in signature fields, and the last signature covers the whole
file; so a single changed byte fails, and so does any update appended after the last signature.

Each signature also gets its verdict in the words of ETSI EN 319 102-1 (PASSED, INDETERMINATE or
FAILED with a sub-indication, pyHanko's ``AdES*`` names) and the workbench's own reading of it
(``SignatureVerdict``): a signature is fully good only when its certificate is trusted (a root given
by the caller: the ``--trust`` files, the store's identity registry, a CA registered there) and valid
now and at the time the signature claims. pyHanko takes a trust root as valid whatever its dates, so
the certificate's validity is checked here. The report's ``outcome`` is the worst of its signatures'.
"""

from __future__ import annotations

import hashlib
import io
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.ades.report import AdESFailure, AdESIndeterminate, AdESPassed, AdESSubIndic
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


class SignatureVerdict(StrEnum):
    """What one signature means to its reader, worst last."""

    OK = "ok"
    """Intact, and by a trusted certificate valid now and when it signed."""
    UNTRUSTED = "untrusted"
    """Intact, but nobody vouches for the certificate: anyone can make one with any name."""
    EXPIRED = "expired"
    """Intact, but the certificate had expired (now or at the claimed signing time)."""
    NOT_YET_VALID = "not_yet_valid"
    """Intact, but the certificate was not yet valid (now or at the claimed signing time)."""
    CHANGED_AFTER = "changed_after"
    """Intact, but the file was changed after it beyond adding signatures."""
    MODIFIED = "modified"
    """The signed bytes changed, or the signature itself does not verify."""


class Outcome(StrEnum):
    """The verdict on the whole file (``workbench verify``'s exit status says which)."""

    OK = "ok"
    UNTRUSTED = "untrusted"
    EXPIRED = "expired"
    FAILED = "failed"


class VerificationError(DomainError):
    """The input is not a PDF that can be read at all (``reason``: ``not_a_pdf``, ``encrypted``,
    ``bad_certificate``)."""

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
    verdict: SignatureVerdict = SignatureVerdict.MODIFIED
    ades_status: str = "FAILED"
    """ETSI EN 319 102-1 main indication: ``PASSED``, ``INDETERMINATE`` or ``FAILED``."""
    ades_subindication: str = ""
    """Its sub-indication (pyHanko's ``AdESFailure`` / ``AdESIndeterminate`` name); ``OK`` when passed."""
    not_before: datetime | None = None
    not_after: datetime | None = None
    signed_length: int = 0
    """Where the bytes this signature covers end: the file as it was signed is ``pdf[:signed_length]``."""

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
    archived_signatures: int | None = None
    """The most signatures an archived copy of this report holds (``None``: not compared)."""

    @property
    def archive_has_more(self) -> bool:
        """The archive holds a copy with more signatures than this file: one was taken away."""
        return self.archived_signatures is not None and self.archived_signatures > len(self.signatures)

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
    def outcome(self) -> Outcome:
        """FAILED for any broken or changed signature, a differing case or a removed signature; else
        EXPIRED when a certificate is out of its validity, UNTRUSTED when one is not trusted, else OK."""
        if not self.signatures_ok or self.case_matches is False or self.archive_has_more:
            return Outcome.FAILED
        verdicts = {s.verdict for s in self.signatures}
        if verdicts & {SignatureVerdict.EXPIRED, SignatureVerdict.NOT_YET_VALID}:
            return Outcome.EXPIRED
        if SignatureVerdict.UNTRUSTED in verdicts:
            return Outcome.UNTRUSTED
        return Outcome.OK

    @property
    def ok(self) -> bool:
        """Every signature intact, by a trusted certificate valid when it signed and now; nothing
        changed after; the case (when given) and the archive (when compared) agree."""
        return self.outcome is Outcome.OK


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
    reader = open_pdf(pdf)
    try:
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


def open_pdf(pdf: bytes) -> PdfFileReader:
    """A reader of ``pdf``.

    Raises:
        VerificationError: ``not_a_pdf``, or ``encrypted`` (a password-protected PDF: no report of
            the workbench is one, and its signatures cannot be checked without the password).
    """
    if not pdf.startswith(b"%PDF-"):
        raise VerificationError("not_a_pdf", "no %PDF- header")
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    except Exception as error:  # pyHanko raises several types for a broken file
        raise VerificationError("not_a_pdf", str(error)[:120]) from None
    if reader.encrypted:
        raise VerificationError("encrypted")
    return reader


def count_signatures(pdf: bytes) -> int:
    """How many signatures ``pdf`` holds (an archived copy, to compare with a file).

    Raises:
        VerificationError: as ``open_pdf``.
    """
    try:
        return len(list(open_pdf(pdf).embedded_regular_signatures))
    except VerificationError:
        raise
    except Exception as error:  # pyHanko raises several types for a broken file
        raise VerificationError("not_a_pdf", str(error)[:120]) from None


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
            ades_subindication=AdESFailure.FORMAT_FAILURE.name,
        )
    subject = status.signing_cert.subject.native
    coverage = status.coverage
    level = status.modification_level
    validity = status.signing_cert["tbs_certificate"]["validity"]
    not_before, not_after = validity["not_before"].native, validity["not_after"].native
    changed_after = (level is not None and level not in ACCEPTABLE_LEVELS) or status.docmdp_ok is False
    verdict, indication = _verdict(
        status.intact,
        status.valid,
        changed_after,
        (not_before, not_after),
        status.signer_reported_dt,
        None
        if status.trusted
        else status.trust_problem_indic or AdESIndeterminate.NO_CERTIFICATE_CHAIN_FOUND,
    )
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
        verdict=verdict,
        ades_status=indication.status.name,
        ades_subindication=indication.standard_name,
        not_before=not_before,
        not_after=not_after,
        signed_length=_signed_length(sig),
    )


def _signed_length(sig: object) -> int:
    try:
        _start, _len1, start2, len2 = (int(v) for v in getattr(sig, "byte_range", ()))
    except (TypeError, ValueError):
        return 0
    return start2 + len2


def _verdict(
    intact: bool,
    valid: bool,
    changed_after: bool,
    validity: tuple[datetime, datetime],
    signed_at: datetime | None,
    trust_problem: AdESSubIndic | None,
) -> tuple[SignatureVerdict, AdESSubIndic]:
    """The workbench's verdict and the EN 319 102-1 indication of one signature.

    A B-B signature carries no proof of when it existed, so a certificate that has expired since
    leaves it INDETERMINATE (OUT_OF_BOUNDS_NO_POE), and one whose claimed time lies outside the
    certificate's validity is EXPIRED / NOT_YET_VALID, as the standard's validation processes say.
    """
    if not intact:
        return SignatureVerdict.MODIFIED, AdESFailure.HASH_FAILURE
    if not valid:
        return SignatureVerdict.MODIFIED, AdESFailure.SIG_CRYPTO_FAILURE
    now = datetime.now(UTC)
    not_before, not_after = validity
    indication: AdESSubIndic
    if now < not_before or (signed_at is not None and signed_at < not_before):
        verdict, indication = SignatureVerdict.NOT_YET_VALID, AdESIndeterminate.NOT_YET_VALID
    elif signed_at is not None and signed_at > not_after:
        verdict, indication = SignatureVerdict.EXPIRED, AdESIndeterminate.EXPIRED
    elif now > not_after:
        verdict, indication = SignatureVerdict.EXPIRED, AdESIndeterminate.OUT_OF_BOUNDS_NO_POE
    elif trust_problem is not None:
        verdict, indication = SignatureVerdict.UNTRUSTED, trust_problem
    else:
        verdict, indication = SignatureVerdict.OK, AdESPassed.OK
    if changed_after:
        return SignatureVerdict.CHANGED_AFTER, indication
    return verdict, indication


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
