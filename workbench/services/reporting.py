"""Reports as use cases: load → results → content → render → sign → archive.

The window (``ui/dialogs``) and the command line (``workbench report``) both make reports here, so
one set of rules decides what a report shows, whose photos and committee pages it carries, and what
is archived. ``workbench.reports`` draws and signs; this module strings the pure steps together and,
for a case kept in the store (``stored_report``), completes the request from the store and puts the
signed PDF into the report archive.

The store's services come in as an argument (``ReportStore``: ``services.store.StoreServices`` is
one); this module imports none of them at run time, so the service that builds them all
(``services/store.py``) stays the only place that knows them all.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from typing import TYPE_CHECKING, Protocol

from workbench.domain.calc import compute_case
from workbench.domain.errors import ConcurrentEditError, DomainError
from workbench.domain.policy import DEFAULT_POLICY, CreditPolicy
from workbench.domain.proposal_history import ProposalHistory
from workbench.domain.records import SIGNS_AS, ArchivedReport, CommitteeError, SignatureRole
from workbench.domain.records import ReportKind as ArchiveKind
from workbench.reports.canonical import canonical_case_sha256
from workbench.reports.content import build_dossier, build_minutes, build_survey_report, draft_decision
from workbench.reports.document import ReportKind as ReportKind
from workbench.reports.inputs import (
    IMAGE_TYPES,
    CommitteeDecisionData,
    CommitteeMember,
    MemberRole,
    MinutesData,
)
from workbench.reports.inputs import AttachmentImage as AttachmentImage
from workbench.reports.render import PdfMeta, render_pdf
from workbench.services.attachment_files import AttachmentError, sha256_of, sniff
from workbench.texts import NC_, Words, pick_language

if TYPE_CHECKING:
    from pathlib import Path

    from workbench.domain.case_file import CaseFile
    from workbench.domain.records import CaseRecord, User
    from workbench.reports.signing import SigningIdentity
    from workbench.services.archive import ArchiveService
    from workbench.services.attachments import AttachmentService
    from workbench.services.cases import CaseService


class CaseCommitteeData(Protocol):
    """A stored case's latest committee decision and the minutes of that session."""

    @property
    def decision(self) -> CommitteeDecisionData: ...

    @property
    def minutes(self) -> MinutesData: ...


class CommitteeReader(Protocol):
    """What a report reads of the committee (``services.committee.CommitteeService`` is one)."""

    def case_committee(self, case_id: str, user: User) -> CaseCommitteeData | None: ...

    def stored_minutes(self, key: str, user: User) -> tuple[MinutesData, str] | None: ...


class ReportStore(Protocol):
    """The services a stored case's report needs (``services.store.StoreServices`` is one)."""

    @property
    def cases(self) -> CaseService: ...

    @property
    def archive(self) -> ArchiveService: ...

    @property
    def attachments(self) -> AttachmentService: ...

    @property
    def committee(self) -> CommitteeReader: ...


ARCHIVE_KINDS = {
    ReportKind.SURVEY: ArchiveKind.SURVEY_REPORT,
    ReportKind.DOSSIER: ArchiveKind.DOSSIER,
    ReportKind.MINUTES: ArchiveKind.MINUTES,
}


SIGNING_REASONS: Words[ReportKind] = Words(
    {
        ReportKind.SURVEY: NC_("signature reason", "调查报告签署"),
        ReportKind.DOSSIER: NC_("signature reason", "贷款档案签署"),
        ReportKind.MINUTES: NC_("signature reason", "审贷会纪要签署"),
    }
)


def signing_reason(kind: ReportKind, lang: str) -> str:
    """The signature's reason when the signer gives none, in the report's language."""
    return SIGNING_REASONS[kind][pick_language(lang)]


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
    history: ProposalHistory | None = None  # a stored case's (``CaseService.proposal_history``)
    policy: CreditPolicy = DEFAULT_POLICY
    """The credit policy the case is computed under: a stored case's recorded version
    (``CaseService.policy_of``), a case file's own, else today's defaults (the report says which)."""
    timestamp_url: str = ""
    """An RFC 3161 timestamp server: signatures then carry its time (PAdES B-T)."""


@dataclass(frozen=True, slots=True)
class SignedReport:
    """A rendered (and maybe signed) report, and its archive row when it was archived."""

    pdf: bytes
    case_sha256: str
    case_version: int | None
    archived: ArchivedReport | None = None


def render_report(case: CaseFile, request: ReportRequest, case_version: int | None = None) -> bytes:
    """The PDF of ``case``; the minutes of a case without a session are a draft agenda entry."""
    results = compute_case(case, request.policy)
    if request.kind is ReportKind.SURVEY:
        doc = build_survey_report(case, results, request.lang, history=request.history)
    elif request.kind is ReportKind.DOSSIER:
        doc = build_dossier(
            case,
            results,
            request.attachments,
            request.decision,
            request.lang,
            minutes=request.minutes,
            history=request.history,
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


def require_decided_minutes(case: CaseFile, request: ReportRequest) -> None:
    """Minutes are signed only once every case on them is decided: a draft form is not a record.

    Raises:
        CommitteeError: ``minutes_undecided`` with how many cases are still 待审议.
    """
    if request.kind is not ReportKind.MINUTES:
        return
    decisions = request.minutes.decisions if request.minutes is not None else ()
    waiting = sum(1 for d in decisions if d.decision is None) if decisions else 1
    if waiting:
        raise CommitteeError("minutes_undecided", case_id=case.id, count=waiting)


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
    store: ReportStore, case_id: str, request: ReportRequest, user: User
) -> ReportRequest:
    """``request`` completed from the store's committee for the stored case ``case_id``.

    A dossier gets the committee's latest decision on the case and the minutes of that session; the
    minutes are that session's (else those of the session the case waits in). What the request
    already carries is kept; a case never decided gets neither (a dossier without decision pages,
    the minutes as a draft agenda entry).
    """
    if request.kind is ReportKind.SURVEY or (
        request.kind is ReportKind.MINUTES and request.minutes is not None
    ):
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
    if decided is not None:
        return dataclasses.replace(request, minutes=decided.minutes)
    found = store.committee.stored_minutes(case_id, user)
    return request if found is None else dataclasses.replace(request, minutes=found[0])


def signs_as_user(user: User) -> SignatureRole | None:
    """The box kind a signed-in user signs in: their role's (``SIGNS_AS``), whatever the
    certificate's title says; ``None`` (the identity's own kind) for a role that signs no box."""
    return SIGNS_AS.get(user.role)


def make_report(
    case: CaseFile,
    request: ReportRequest,
    identity: SigningIdentity | None = None,
    *,
    case_version: int | None = None,
    reason: str = "",
    location: str = "",
    signs_as: SignatureRole | None = None,
) -> SignedReport:
    """Render ``case`` and sign it when an identity is given (no store involved).

    ``signs_as``: the box kind to sign in (a signed-in user's, ``signs_as_user``); default the
    identity's kind.
    """
    if identity is not None:
        require_decided_minutes(case, request)
    pdf = render_report(case, request, case_version)
    if identity is not None:
        from workbench.reports.signing import sign_pdf  # pyHanko: only when signing

        pdf = sign_pdf(
            pdf,
            identity,
            reason=reason,
            location=location,
            signs_as=signs_as,
            timestamp_url=request.timestamp_url or None,
        )
    return SignedReport(pdf, canonical_case_sha256(case), case_version)


def stored_report(
    store: ReportStore,
    key: str,
    request: ReportRequest,
    user: User,
    identity: SigningIdentity | None = None,
    *,
    photos_folder: Path | None = None,
    shown: CaseFile | None = None,
    expected_version: int | None = None,
    reason: str = "",
    location: str = "",
) -> SignedReport:
    """The report of a stored case: the one way the window and ``workbench report`` make it.

    ``key`` is the case's id; for minutes it may also be a session's id (the report is then filed
    under the session's first agenda case). The request is completed from the store:

    - the minutes are the stored session's (else the draft agenda entry); a decided case's dossier
      carries the latest decision and the minutes of that session (``with_stored_committee``);
    - the dossier's photo appendix is the request's own photos if it has any, else the case's
      photos in ``photos_folder`` (``dossier_photos``; ``workbench report --attachments DIR``),
      else the store's JPEG and PNG attachments of the case. Other kinds have no photo appendix.

    Signed (``identity``), the stored version is rendered, signed and put into the archive. Unsigned,
    nothing is archived; the report shows ``shown`` (the case as the window shows it, pinned to
    ``expected_version``, ``None`` for unsaved edits) if given, else the stored case.

    Raises:
        ConcurrentEditError: signed, ``expected_version`` is given and the stored case is at
            another version.
        AttachmentError: ``hash_mismatch``, a photo is not the file its evidence item names.
        SigningError: the identity cannot sign this report.
    """
    case_id = key
    if request.kind is ReportKind.MINUTES and request.minutes is None:
        found = store.committee.stored_minutes(key, user)
        if found is not None:
            minutes, case_id = found
            request = dataclasses.replace(request, minutes=minutes)
    if identity is not None:
        record = _open_stored(store, case_id, user, expected_version)
        request = _completed(store, case_id, record.case, request, photos_folder, user)
        return _sign_and_archive(store, record, request, identity, user, reason, location)
    if shown is not None:
        case, version = shown, expected_version
    else:
        record = store.cases.open_case(case_id, user)
        case, version = record.case, record.version
    request = _completed(store, case_id, case, request, photos_folder, user)
    return make_report(case, request, None, case_version=version)


def file_report(
    case: CaseFile,
    request: ReportRequest,
    identity: SigningIdentity | None = None,
    *,
    photos_folder: Path | None = None,
    reason: str = "",
    location: str = "",
) -> SignedReport:
    """The report of a case that is not in the store (a case file): made, maybe signed, never
    archived. The dossier's photos are the request's, else the case's photos in ``photos_folder``.

    Raises:
        AttachmentError: ``hash_mismatch``, a photo is not the file its evidence item names.
    """
    if request.kind is ReportKind.DOSSIER and not request.attachments and photos_folder is not None:
        request = dataclasses.replace(request, attachments=dossier_photos(case, photos_folder))
    return make_report(case, request, identity, reason=reason, location=location)


def dossier_photos(case: CaseFile, folder: Path) -> tuple[AttachmentImage, ...]:
    """The photos of ``case`` found in ``folder``, by the file names of its evidence items.

    The store's rule for its own attachments (``AttachmentService.report_images``): a file is a
    photo when its bytes are a JPEG or PNG the store would keep (a PDF scan, or a file the store
    would refuse, stays out), captioned with its evidence item's title, in the order of the
    evidence list; and it must be the file the item's SHA-256 names.

    Raises:
        AttachmentError: ``hash_mismatch``.
    """
    out = []
    for evidence in case.evidence:
        if not evidence.file_name:
            continue
        path = folder / evidence.file_name
        if not path.is_file():
            continue
        data = path.read_bytes()
        try:
            media_type = sniff(data, evidence.file_name).media_type
        except AttachmentError:
            continue  # not a file the store would keep
        if media_type not in IMAGE_TYPES:
            continue
        if evidence.sha256 and sha256_of(data) != evidence.sha256.lower():
            raise AttachmentError("hash_mismatch", name=evidence.file_name, evidence_id=evidence.id)
        out.append(AttachmentImage(evidence.file_name, media_type, data, evidence.title))
    return tuple(out)


def case_fingerprint(case: CaseFile) -> str:
    """SHA-256 of the case's canonical JSON: what a report embeds, the store's ``content_sha256``."""
    return canonical_case_sha256(case)


_PAGES = re.compile(rb"/Count (\d+) /Kids \[[^\]]*\] /Type /Pages")


def page_count(pdf: bytes) -> int:
    """The number of pages of a PDF made here.

    Read from reportlab's page tree (signing never changes it), so an unsigned report is written
    without loading pyHanko (~0.3 s); pyHanko reads any other PDF.
    """
    found = _PAGES.findall(pdf)
    if found:
        return int(found[-1])
    from pyhanko.pdf_utils.reader import PdfFileReader

    return int(PdfFileReader(BytesIO(pdf)).root["/Pages"]["/Count"])


def _open_stored(store: ReportStore, case_id: str, user: User, expected_version: int | None) -> CaseRecord:
    record = store.cases.open_case(case_id, user)
    if expected_version is not None and record.version != expected_version:
        raise ConcurrentEditError(case_id, expected_version, record.version)
    return record


def _completed(
    store: ReportStore, case_id: str, case: CaseFile, request: ReportRequest, folder: Path | None, user: User
) -> ReportRequest:
    """``request`` with the committee's pages, the proposal's history (survey report and dossier) and
    the dossier's photo appendix (the request's, else the folder's, else the store's)."""
    request = with_stored_committee(store, case_id, request, user)
    if request.kind is not ReportKind.MINUTES and request.history is None:
        request = dataclasses.replace(request, history=store.cases.proposal_history(case_id, user))
    request = dataclasses.replace(request, policy=store.cases.policy_of(case_id, user))
    if request.kind is not ReportKind.DOSSIER or request.attachments:
        return request
    photos = (
        dossier_photos(case, folder) if folder is not None else store.attachments.report_images(case_id, user)
    )
    return dataclasses.replace(request, attachments=photos)


def _sign_and_archive(
    store: ReportStore,
    record: CaseRecord,
    request: ReportRequest,
    identity: SigningIdentity,
    user: User,
    reason: str,
    location: str,
) -> SignedReport:
    report = make_report(
        record.case,
        request,
        identity,
        case_version=record.version,
        reason=reason,
        location=location,
        signs_as=signs_as_user(user),
    )
    archived = store.archive.archive_report(record.case.id, ARCHIVE_KINDS[request.kind], report.pdf, user)
    return SignedReport(report.pdf, report.case_sha256, record.version, archived)


class ArchiveChangedError(DomainError):
    """A counter-signature over a report whose case was saved again since it was archived."""

    def __init__(self, report_version: int, case_version: int) -> None:
        self.report_version = report_version
        self.case_version = case_version
        super().__init__(f"report of version {report_version}, case now at version {case_version}")


def counter_sign_report(
    store: ReportStore,
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
    from workbench.reports.signing import sign_pdf  # pyHanko: only when signing

    pdf = sign_pdf(
        store.archive.report_pdf(original.id, user),
        identity,
        reason=reason,
        location=location,
        signs_as=signs_as_user(user),
    )
    archived = store.archive.archive_report(original.case_id, original.kind, pdf, user)
    return SignedReport(pdf, original.case_sha256, original.case_version, archived)
