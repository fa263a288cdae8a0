"""Checking a signed report: every signature, what it covers, and which case version it describes.

``verify_pdf`` validates each signature with pyHanko (integrity of the signed byte ranges, the
cryptographic signature, trust in the certificate against the given roots, and the difference
analysis of every later incremental update) and reads the case fingerprint the report embeds.

A report's signatures are sound (``signatures_ok``) only when it has at least one, every one is
intact and valid, no later update goes beyond filling in signature fields, and the last one covers
the whole file; so a single changed byte fails, and so does any update appended after the last
signature. The report is ``ok`` when, besides, every signer's certificate is trusted and valid.

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
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.ades.report import AdESFailure, AdESIndeterminate, AdESPassed, AdESSubIndic
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from workbench.reports.metadata import read_report_info
from workbench.reports.verdicts import (
    ACCEPTABLE_LEVELS,
    Outcome,
    SignatureReport,
    SignatureVerdict,
    VerificationError,
    VerificationReport,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

# pyHanko logs every untrusted self-signed certificate with a traceback at WARNING. Without any
# logging configured, Python would print those to stderr; a handler here keeps them out of the
# command line while an application that configures logging still receives them.
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

__all__ = [
    "Outcome",
    "SignatureReport",
    "SignatureVerdict",
    "VerificationError",
    "VerificationReport",
    "count_signatures",
    "open_pdf",
    "verify_pdf",
]


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
    changed_after = (level is not None and level.name not in ACCEPTABLE_LEVELS) or status.docmdp_ok is False
    stamp = status.timestamp_validity
    stamped = stamp is not None and stamp.intact and stamp.valid
    timestamp = stamp.timestamp if stamp is not None and stamped else None
    verdict, indication = _verdict(
        status.intact,
        status.valid,
        changed_after,
        (not_before, not_after),
        status.signer_reported_dt,
        timestamp if stamp is not None and stamp.trusted else None,
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
        timestamp=timestamp,
        timestamp_authority=str(stamp.signing_cert.subject.human_friendly) if stamp is not None else "",
        timestamp_trusted=bool(stamp is not None and stamp.trusted),
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
    proven_at: datetime | None,
    trust_problem: AdESSubIndic | None,
) -> tuple[SignatureVerdict, AdESSubIndic]:
    """The workbench's verdict and the EN 319 102-1 indication of one signature.

    A B-B signature carries no proof of when it existed, so a certificate that has expired since
    leaves it INDETERMINATE (OUT_OF_BOUNDS_NO_POE), and one whose claimed time lies outside the
    certificate's validity is EXPIRED / NOT_YET_VALID, as the standard's validation processes say.
    A trusted timestamp (``proven_at``, B-T) within the validity is that proof: the certificate's
    expiry since then does not undo the signature.
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
    elif now > not_after and (proven_at is None or proven_at > not_after):
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
