"""Reports as use cases (STYLE §2.9 step 5): load → results → content → render → sign → archive.

The command line calls these today; the window will call them through ``ui/ops.py``. Nothing here
draws or signs by itself: ``workbench.reports`` does, this module only strings the pure steps
together and, for a case kept in the store, puts the signed PDF into the report archive.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from workbench.domain.calc import compute_case
from workbench.domain.errors import ConcurrentEditError, DomainError
from workbench.domain.records import ArchivedReport
from workbench.domain.records import ReportKind as ArchiveKind
from workbench.reports.canonical import canonical_case_sha256
from workbench.reports.content import build_dossier, build_minutes, build_survey_report, draft_decision
from workbench.reports.document import ReportKind as ReportKind
from workbench.reports.inputs import (
    AttachmentImage as AttachmentImage,
)
from workbench.reports.inputs import (
    CommitteeDecisionData,
    CommitteeMember,
    MemberRole,
    MinutesData,
)
from workbench.reports.render import PdfMeta, render_pdf
from workbench.reports.signing import sign_pdf
from workbench.reports.verify import verify_pdf

if TYPE_CHECKING:
    from workbench.domain.case_file import CaseFile
    from workbench.domain.records import User
    from workbench.reports.signing import SigningIdentity
    from workbench.services.store import StoreServices

ARCHIVE_KINDS = {
    ReportKind.SURVEY: ArchiveKind.SURVEY_REPORT,
    ReportKind.DOSSIER: ArchiveKind.DOSSIER,
    ReportKind.MINUTES: ArchiveKind.MINUTES,
}


@dataclass(frozen=True, slots=True)
class ReportRequest:
    """What to print: the kind, the language, the unit in the header, photos and the decision."""

    kind: ReportKind
    lang: str = "zh"
    unit: str = ""
    attachments: Sequence[AttachmentImage] = ()
    decision: CommitteeDecisionData | None = None
    minutes: MinutesData | None = None
    invariant: bool = False


@dataclass(frozen=True, slots=True)
class SignedReport:
    """A rendered (and maybe signed) report, and its archive row when it was archived."""

    pdf: bytes
    case_sha256: str
    case_version: int | None
    archived: ArchivedReport | None = None


def render_report(case: CaseFile, request: ReportRequest, case_version: int | None = None) -> bytes:
    """The PDF of ``case``; the minutes of a case without a session are a draft agenda entry."""
    results = compute_case(case)
    if request.kind is ReportKind.SURVEY:
        doc = build_survey_report(case, results, request.lang)
    elif request.kind is ReportKind.DOSSIER:
        doc = build_dossier(
            case, results, request.attachments, request.decision, request.lang, minutes=request.minutes
        )
    else:
        minutes = request.minutes or draft_minutes(case, request.decision or draft_decision(case, results))
        doc = build_minutes(minutes, request.lang)
    meta = PdfMeta(
        unit=request.unit,
        author=case.officers.lead,
        case_sha256=canonical_case_sha256(case),
        case_version=case_version,
    )
    return render_pdf(doc, meta=meta, invariant=request.invariant)


def draft_minutes(case: CaseFile, decision: CommitteeDecisionData) -> MinutesData:
    """A one-case session to be filled in by hand: the agenda entry, the presenter, empty votes."""
    members: tuple[CommitteeMember, ...] = (
        CommitteeMember("", MemberRole.MEMBER),
        CommitteeMember("", MemberRole.MEMBER),
        CommitteeMember("", MemberRole.CHAIR),
        CommitteeMember("", MemberRole.SECRETARY),
    )
    if case.officers.lead:
        members = (CommitteeMember(case.officers.lead, MemberRole.PRESENTER), *members)
    return MinutesData(
        session_number=f"{case.case_number or case.id}-draft",
        held_on=case.dates.committee_on,
        place="",
        members=members,
        decisions=(decision,),
    )


def with_stored_committee(
    store: StoreServices, case_id: str, request: ReportRequest, user: User
) -> ReportRequest:
    """``request`` completed from the store's committee for the stored case ``case_id``.

    A dossier gets the committee's latest decision on the case and the minutes of that session; the
    minutes are that session's (else those of the session the case waits in). What the request
    already carries is kept; a case never decided gets neither (a dossier without decision pages,
    the minutes as a draft agenda entry).
    """
    if request.kind is ReportKind.SURVEY:
        return request
    decided = store.committee.case_committee(case_id, user)
    if request.kind is ReportKind.DOSSIER:
        if decided is None:
            return request
        return dataclasses.replace(
            request,
            decision=request.decision or decided.decision,
            minutes=request.minutes or decided.minutes,
        )
    if request.minutes is not None:
        return request
    if decided is not None:
        return dataclasses.replace(request, minutes=decided.minutes)
    found = store.committee.stored_minutes(case_id, user)
    return request if found is None else dataclasses.replace(request, minutes=found[0])


def make_report(
    case: CaseFile,
    request: ReportRequest,
    identity: SigningIdentity | None = None,
    *,
    case_version: int | None = None,
    reason: str = "",
    location: str = "",
) -> SignedReport:
    """Render ``case`` and sign it when an identity is given (no store involved)."""
    pdf = render_report(case, request, case_version)
    if identity is not None:
        pdf = sign_pdf(pdf, identity, reason=reason, location=location)
    return SignedReport(pdf, canonical_case_sha256(case), case_version)


def export_signed_report(
    store: StoreServices,
    case_id: str,
    request: ReportRequest,
    identity: SigningIdentity,
    user: User,
    *,
    reason: str = "",
    location: str = "",
    expected_version: int | None = None,
) -> SignedReport:
    """Render and sign a stored case's report and put it into the archive (immutable row).

    The PDF embeds the version and hash of the case as loaded; the archive row pins the same.

    Raises:
        ConcurrentEditError: ``expected_version`` is given and the stored case is at another
            version (someone saved meanwhile: the report would not show what the signer saw).
    """
    record = store.cases.open_case(case_id, user)
    if expected_version is not None and record.version != expected_version:
        raise ConcurrentEditError(case_id, expected_version, record.version)
    report = make_report(
        record.case, request, identity, case_version=record.version, reason=reason, location=location
    )
    archived = store.archive.archive_report(
        record.case.id, ARCHIVE_KINDS[request.kind], report.pdf, identity.name, datetime.now(UTC), user
    )
    return SignedReport(report.pdf, report.case_sha256, record.version, archived)


class ArchiveChangedError(DomainError):
    """A counter-signature over a report whose case was saved again since it was archived."""

    def __init__(self, report_version: int, case_version: int) -> None:
        self.report_version = report_version
        self.case_version = case_version
        super().__init__(f"report of version {report_version}, case now at version {case_version}")


def counter_sign_report(
    store: StoreServices,
    original: ArchivedReport,
    identity: SigningIdentity,
    user: User,
    *,
    reason: str = "",
    location: str = "",
) -> SignedReport:
    """Add ``identity``'s signature to an archived report; the result is a new archive row.

    The earlier signatures stay intact (an incremental update that only fills a signature field).
    The new row names every signer, in order.

    Raises:
        ArchiveChangedError: the case was saved since ``original``; the archive pins a row to the
            case version current when it is added, so signing now would pin the wrong version.
        SigningError: the identity cannot sign, or every signature box is taken.
    """
    record = store.cases.open_case(original.case_id, user)
    if record.version != original.case_version:
        raise ArchiveChangedError(original.case_version, record.version)
    pdf = sign_pdf(store.archive.report_pdf(original.id, user), identity, reason=reason, location=location)
    signers = [s.signer for s in verify_pdf(pdf).signatures if s.signer]
    archived = store.archive.archive_report(
        original.case_id, original.kind, pdf, " · ".join(signers) or identity.name, datetime.now(UTC), user
    )
    return SignedReport(pdf, original.case_sha256, original.case_version, archived)
