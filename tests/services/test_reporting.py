"""The one stored-report flow (``stored_report``) and its photo rule, with the store's services faked.

The window's report dialog and ``workbench report`` both call ``stored_report``; these tests pin what
it takes from the store (photos, committee pages, the stored version) and what it archives, without
a database or a renderer (``make_report`` is replaced by a recorder).
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import pytest

from tests.attachment_files import jpeg, pdf, png
from tests.store.helpers import demo
from workbench.domain.calc import compute_case
from workbench.domain.case_file import CaseFile
from workbench.domain.committee import Outcome
from workbench.domain.errors import ConcurrentEditError
from workbench.domain.evidence import Evidence, EvidenceKind
from workbench.domain.policy import DEFAULT_POLICY, CreditPolicy
from workbench.domain.records import ArchivedReport, CaseRecord, CommitteeError, Role, SignatureRole, User
from workbench.domain.records import ReportKind as ArchiveKind
from workbench.reports.content import draft_decision
from workbench.services import reporting
from workbench.services.attachment_files import AttachmentError
from workbench.services.messages import describe_error
from workbench.services.reporting import (
    AttachmentImage,
    ReportKind,
    ReportRequest,
    SignedReport,
    dossier_photos,
    file_report,
    signing_reason,
    stored_report,
)

if TYPE_CHECKING:
    from pathlib import Path

DOOR, SHELF, SCAN = jpeg(64, 48), png(48, 64), pdf()
STORED_PHOTO = AttachmentImage("stored.jpg", "image/jpeg", DOOR, "库里的照片")
USER = User("u1", "liu", "刘敏", Role.OFFICER)
CHAIR = User("u2", "chen", "陈主任", Role.COMMITTEE_CHAIR)
IDENTITY: Any = dataclasses.make_dataclass("Identity", ["name"])("刘敏")
MINUTES: Any = object()


def _evidence(eid: str, title: str, name: str, data: bytes) -> Evidence:
    return Evidence(eid, EvidenceKind.PHOTO, title, file_name=name, sha256=hashlib.sha256(data).hexdigest())


def _case() -> CaseFile:
    evidence = (
        _evidence("E1", "店面门头照片", "door.jpg", DOOR),
        _evidence("E2", "营业执照扫描件", "licence.pdf", SCAN),
        _evidence("E3", "货架库存照片", "shelf.png", SHELF),
        _evidence("E4", "不是图片", "notes.jpg", b"just text"),
        _evidence("E5", "没带来的照片", "missing.jpg", DOOR),
    )
    return dataclasses.replace(demo("a"), evidence=evidence)


def _folder(tmp_path: Path, **files: bytes) -> Path:
    for name, data in files.items():
        (tmp_path / name.replace("_", ".")).write_bytes(data)
    return tmp_path


@dataclass
class FakeStore:
    """The four services ``stored_report`` reads, recording what was asked of them."""

    case: CaseFile
    version: int = 3
    calls: list[str] = field(default_factory=list)
    archived: list[tuple[str, ArchiveKind, str]] = field(default_factory=list)
    session_minutes: tuple[Any, str] | None = None

    @property
    def cases(self) -> Any:
        return self

    @property
    def archive(self) -> Any:
        return self

    @property
    def attachments(self) -> Any:
        return self

    @property
    def committee(self) -> Any:
        return self

    def open_case(self, case_id: str, user: object) -> CaseRecord:
        self.calls.append(f"open_case {case_id}")
        moment = datetime(2024, 7, 1, tzinfo=UTC)
        return CaseRecord(self.case, self.version, "sha", "officer", moment, "u", moment, "u")

    def proposal_history(self, case_id: str, user: object) -> None:
        self.calls.append(f"proposal_history {case_id}")
        return None

    def policy_of(self, case_id: str, user: object) -> CreditPolicy:
        return DEFAULT_POLICY

    def report_images(self, case_id: str, user: object) -> tuple[AttachmentImage, ...]:
        self.calls.append(f"report_images {case_id}")
        return (STORED_PHOTO,)

    def case_committee(self, case_id: str, user: object) -> None:
        self.calls.append(f"case_committee {case_id}")
        return None

    def stored_minutes(self, key: str, user: object) -> tuple[Any, str] | None:
        self.calls.append(f"stored_minutes {key}")
        return self.session_minutes

    def archive_report(self, case_id: str, kind: ArchiveKind, pdf: bytes, user: User) -> ArchivedReport:
        self.archived.append((case_id, kind, user.username))
        moment = datetime(2024, 7, 1, tzinfo=UTC)
        return ArchivedReport("r1", case_id, kind, "", len(pdf), "刘敏", moment, self.version, "", user.id)


@dataclass
class Made:
    """What ``make_report`` was asked to render."""

    case: CaseFile
    request: ReportRequest
    identity: object
    case_version: int | None


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[Made]:
    out: list[Made] = []

    def fake_make_report(
        case: CaseFile,
        request: ReportRequest,
        identity: object = None,
        *,
        case_version: int | None = None,
        reason: str = "",
        location: str = "",
        signs_as: SignatureRole | None = None,
    ) -> SignedReport:
        out.append(Made(case, request, identity, case_version))
        return SignedReport(b"%PDF", "sha", case_version)

    monkeypatch.setattr(reporting, "make_report", fake_make_report)
    return out


# ---- the photo rule --------------------------------------------------------------------------------


def test_a_folder_gives_the_photos_of_its_evidence_judged_by_content(tmp_path: Path) -> None:
    folder = _folder(tmp_path, door_jpg=DOOR, licence_pdf=SCAN, shelf_png=SHELF, notes_jpg=b"just text")
    photos = dossier_photos(_case(), folder)
    assert [(p.name, p.media_type, p.caption) for p in photos] == [
        ("door.jpg", "image/jpeg", "店面门头照片"),
        ("shelf.png", "image/png", "货架库存照片"),
    ]  # the scan, a file that is no image and a file not in the folder stay out


def test_a_folder_photo_that_is_not_its_evidence_is_refused_as_the_store_refuses_it(tmp_path: Path) -> None:
    folder = _folder(tmp_path, door_jpg=DOOR, shelf_png=png(10, 10))
    with pytest.raises(AttachmentError) as raised:
        dossier_photos(_case(), folder)
    assert raised.value.reason == "hash_mismatch"
    assert (
        raised.value.describe("en")
        == "the file shelf.png does not match the SHA-256 recorded for evidence E3"
    )


def test_the_dossier_of_a_stored_case_has_the_stores_photos(made: list[Made]) -> None:
    store = FakeStore(_case())
    report = stored_report(store, "c1", ReportRequest(ReportKind.DOSSIER), USER)
    assert made[0].request.attachments == (STORED_PHOTO,)
    assert (made[0].case_version, report.archived) == (3, None)
    assert "report_images c1" in store.calls and "case_committee c1" in store.calls


def test_a_folder_wins_over_the_stores_photos(made: list[Made], tmp_path: Path) -> None:
    store = FakeStore(_case())
    folder = _folder(tmp_path, door_jpg=DOOR)
    stored_report(store, "c1", ReportRequest(ReportKind.DOSSIER), USER, photos_folder=folder)
    assert [p.name for p in made[0].request.attachments] == ["door.jpg"]
    assert not any(call.startswith("report_images") for call in store.calls)
    empty = tmp_path / "empty"
    empty.mkdir()
    stored_report(store, "c1", ReportRequest(ReportKind.DOSSIER), USER, photos_folder=empty)
    assert made[1].request.attachments == ()  # a folder without the photos still wins


@pytest.mark.parametrize("kind", [ReportKind.SURVEY, ReportKind.MINUTES])
def test_only_the_dossier_has_a_photo_appendix(made: list[Made], tmp_path: Path, kind: ReportKind) -> None:
    store = FakeStore(_case())
    stored_report(store, "c1", ReportRequest(kind), USER, photos_folder=_folder(tmp_path, door_jpg=DOOR))
    stored_report(store, "c1", ReportRequest(kind), USER)
    assert [m.request.attachments for m in made] == [(), ()]
    assert not any(call.startswith("report_images") for call in store.calls)


def test_a_case_file_dossier_takes_its_photos_from_the_folder(made: list[Made], tmp_path: Path) -> None:
    file_report(_case(), ReportRequest(ReportKind.DOSSIER), photos_folder=_folder(tmp_path, shelf_png=SHELF))
    file_report(_case(), ReportRequest(ReportKind.SURVEY), photos_folder=_folder(tmp_path, shelf_png=SHELF))
    assert [[p.name for p in m.request.attachments] for m in made] == [["shelf.png"], []]


# ---- signing, archiving, what is shown ---------------------------------------------------------------


def test_a_signed_report_is_the_stored_version_and_goes_into_the_archive(made: list[Made]) -> None:
    store = FakeStore(_case())
    report = stored_report(
        store, "c1", ReportRequest(ReportKind.SURVEY), USER, IDENTITY, shown=demo("b"), expected_version=3
    )
    assert made[0].case is store.case and made[0].identity is IDENTITY and made[0].case_version == 3
    assert store.archived == [(store.case.id, ArchiveKind.SURVEY_REPORT, "liu")]
    assert report.archived is not None and report.case_version == 3


def test_a_signed_report_of_a_version_saved_meanwhile_is_refused(made: list[Made]) -> None:
    store = FakeStore(_case(), version=4)
    with pytest.raises(ConcurrentEditError):
        stored_report(store, "c1", ReportRequest(ReportKind.SURVEY), USER, IDENTITY, expected_version=3)
    assert (made, store.archived) == ([], [])


def test_an_unsigned_report_shows_the_case_on_screen_and_archives_nothing(made: list[Made]) -> None:
    store = FakeStore(_case())
    on_screen = demo("b")
    stored_report(
        store, "c1", ReportRequest(ReportKind.DOSSIER), USER, shown=on_screen, expected_version=None
    )
    assert made[0].case is on_screen and made[0].case_version is None
    assert not any(call.startswith("open_case") for call in store.calls) and store.archived == []


def test_the_minutes_of_a_session_id_are_filed_under_its_first_case(made: list[Made]) -> None:
    store = FakeStore(_case(), session_minutes=(MINUTES, "first-case"))
    stored_report(store, "session-1", ReportRequest(ReportKind.MINUTES), USER)
    assert made[0].request.minutes is MINUTES
    assert store.calls == ["stored_minutes session-1", "open_case first-case"]  # no second lookup


def test_the_signing_reason_is_in_the_reports_language() -> None:
    assert signing_reason(ReportKind.DOSSIER, "zh") == "贷款档案签署"
    assert signing_reason(ReportKind.MINUTES, "en") == "committee minutes"


# ---- signing by the signed-in user's role ---------------------------------------------------------


def _field_names(pdf_bytes: bytes) -> list[str]:
    import io

    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import fields

    reader = PdfFileReader(io.BytesIO(pdf_bytes))
    return [name for name, _value, _ref in fields.enumerate_sig_fields(reader)]


def test_a_reviewer_signs_in_the_reviewers_box_whatever_the_title_says(tmp_path: Path) -> None:
    from workbench.reports.signing import create_identity, load_identity
    from workbench.services import signatures

    reviewer = User("u2", "zhang", "张伟", Role.REVIEWER)
    made = signatures.create_identity(
        "张伟", "岗位甲", "", "reviewer-pass", tmp_path, kind=SignatureRole.REVIEWER
    )
    carried = signatures.load_identity(made.path, "reviewer-pass")
    # a foreign certificate (no kind, a title no word list knows) signed by the same user
    create_identity("张伟", "岗位甲", "foreign-pass", tmp_path / "foreign.p12")
    foreign = load_identity(tmp_path / "foreign.p12", "foreign-pass")
    assert (carried.kind, foreign.kind) == (SignatureRole.REVIEWER, None)
    for identity in (carried, foreign):
        store = FakeStore(_case())
        report = stored_report(store, "c1", ReportRequest(ReportKind.SURVEY), reviewer, identity)
        # survey boxes: 主办客户经理, 协办客户经理, 审查人
        assert _field_names(report.pdf) == ["Signature3"]


def test_an_officer_cannot_sign_the_minutes_even_with_a_chairs_certificate(tmp_path: Path) -> None:
    from workbench.services import signatures
    from workbench.services.signatures import SigningError

    made = signatures.create_identity(
        "刘敏", "审贷会主席", "officer-pass", "officer-pass", tmp_path, kind=SignatureRole.CHAIR
    )
    identity = signatures.load_identity(made.path, "officer-pass")
    case = _case()
    store = FakeStore(case)  # the agenda entry's minutes: boxes of members, chair, secretary
    decided = reporting.draft_minutes(
        case, draft_decision(case, compute_case(case, DEFAULT_POLICY), Outcome.APPROVED_AS_PROPOSED)
    )
    with pytest.raises(SigningError) as refused:
        stored_report(store, "c1", ReportRequest(ReportKind.MINUTES, minutes=decided), USER, identity)
    assert refused.value.reason == "no_slot_for_role" and store.archived == []


def test_minutes_with_a_case_still_undecided_are_a_form_and_cannot_be_signed(tmp_path: Path) -> None:
    from workbench.services import signatures

    made = signatures.create_identity("陈主任", "审贷会主席", "chair-pass", "chair-pass", tmp_path)
    identity = signatures.load_identity(made.path, "chair-pass")
    case = _case()
    store = FakeStore(case)
    with pytest.raises(CommitteeError) as refused:  # the draft agenda entry: 待审议
        stored_report(store, "c1", ReportRequest(ReportKind.MINUTES), CHAIR, identity)
    assert refused.value.reason == "minutes_undecided" and refused.value.params["count"] == 1
    assert store.archived == []
    assert "1 个案卷未作决议" in describe_error(refused.value, "zh")
