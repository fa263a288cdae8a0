"""What checking a signed PDF found: each signature's verdict and the file's (``reports.verify``
checks; the window and the command line read these without loading pyHanko until they check).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from workbench.domain.errors import DomainError

ACCEPTABLE_LEVELS = frozenset({"NONE", "LTA_UPDATES", "FORM_FILLING"})
"""pyHanko's ``ModificationLevel`` names allowed after a signature: nothing, or signatures and forms."""


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
    timestamp: datetime | None = None
    """The RFC 3161 timestamp's time (PAdES B-T), when the signature carries an intact one."""
    timestamp_authority: str = ""
    timestamp_trusted: bool = False
    revoked_at: datetime | None = None
    """When the store's identity registry revoked the certificate (set by ``services.archive``)."""
    signed_length: int = 0
    """Where the bytes this signature covers end: the file as it was signed is ``pdf[:signed_length]``."""

    @property
    def acceptable(self) -> bool:
        """Intact, valid, and nothing beyond form filling happened after it."""
        level_ok = self.modification_level is None or self.modification_level in ACCEPTABLE_LEVELS
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
