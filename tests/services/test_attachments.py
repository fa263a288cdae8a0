"""``AttachmentService`` on SQLite and PostgreSQL: files checked by content, tied to evidence, owned."""

from __future__ import annotations

import dataclasses
import hashlib
from typing import TYPE_CHECKING

import pytest

from tests.attachment_files import HOSTILE, jpeg, pdf, png, png_claiming
from tests.store.helpers import demo
from workbench.domain.evidence import Evidence, EvidenceKind
from workbench.services.attachments import (
    MAX_BYTES,
    AttachmentError,
    AttachmentService,
    PendingFile,
    sniff,
)
from workbench.services.cases import CaseService
from workbench.services.permissions import PermissionDenied

if TYPE_CHECKING:
    from workbench.domain.case_file import CaseFile
    from workbench.domain.records import User
    from workbench.store.db import Sessions

PHOTO, SCAN = png(), pdf()


def _with_evidence(case: CaseFile, *items: Evidence) -> CaseFile:
    return dataclasses.replace(case, evidence=(*case.evidence, *items))


def _evidence(eid: str, data: bytes, title: str = "", name: str = "") -> Evidence:
    return Evidence(
        eid,
        EvidenceKind.PHOTO,
        title or eid,
        file_name=name or f"{eid}.png",
        sha256=hashlib.sha256(data).hexdigest(),
    )


@pytest.fixture
def stored(sessions: Sessions, officer: User) -> CaseFile:
    case = _with_evidence(
        demo("a"), _evidence("P1", PHOTO, "店面照片"), _evidence("S1", SCAN, "营业执照", "S1.pdf")
    )
    CaseService(sessions).create_case(case, officer)
    return case


def test_files_go_in_and_come_back_byte_for_byte(sessions: Sessions, officer: User, stored: CaseFile) -> None:
    service = AttachmentService(sessions)
    info = service.add(stored.id, "P1", "店面.png", PHOTO, officer)
    assert (info.media_type, info.size, info.sha256) == (
        "image/png",
        len(PHOTO),
        hashlib.sha256(PHOTO).hexdigest(),
    )
    service.add(stored.id, "S1", "执照.jpg", SCAN, officer)  # the name says JPEG, the bytes say PDF
    listed = service.list_files(stored.id, officer)
    assert [(a.evidence_id, a.media_type) for a in listed] == [("P1", "image/png"), ("S1", "application/pdf")]
    assert service.content(stored.id, "P1", officer) == PHOTO
    assert service.content(stored.id, "S1", officer) == SCAN
    assert service.remove(stored.id, "S1", officer) is True
    assert service.remove(stored.id, "S1", officer) is False
    with pytest.raises(AttachmentError) as missing:
        service.content(stored.id, "S1", officer)
    assert "S1" in missing.value.describe("en")


def test_a_file_that_is_not_the_evidence_it_claims_is_refused(
    sessions: Sessions, officer: User, stored: CaseFile
) -> None:
    service = AttachmentService(sessions)
    with pytest.raises(AttachmentError) as wrong:
        service.add(stored.id, "P1", "other.png", png(10, 10, (1, 2, 3)), officer)
    assert wrong.value.reason == "hash_mismatch"
    assert "SHA-256" in wrong.value.describe("zh")
    with pytest.raises(AttachmentError) as unknown:
        service.add(stored.id, "NOPE", "x.png", PHOTO, officer)
    assert unknown.value.reason == "unknown_evidence"
    assert service.list_files(stored.id, officer) == []


def test_only_the_owner_changes_files_and_everyone_reads_them(
    sessions: Sessions, officer: User, other_officer: User, reviewer: User, stored: CaseFile
) -> None:
    service = AttachmentService(sessions)
    service.add(stored.id, "P1", "p.png", PHOTO, officer)
    for user in (other_officer, reviewer):
        with pytest.raises(PermissionDenied):
            service.add(stored.id, "P1", "p.png", PHOTO, user)
        with pytest.raises(PermissionDenied):
            service.remove(stored.id, "P1", user)
        assert service.content(stored.id, "P1", user) == PHOTO


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_files_are_refused_with_a_reason(
    sessions: Sessions, officer: User, stored: CaseFile, name: str
) -> None:
    data = HOSTILE[name]
    case = _with_evidence(stored, Evidence("H", EvidenceKind.PHOTO, "h", file_name="h.jpg"))
    CaseService(sessions).save_case(case, 1, officer)
    with pytest.raises(AttachmentError) as refused:
        AttachmentService(sessions).add(stored.id, "H", "h.jpg", data, officer)
    assert refused.value.reason == ("empty" if not data else "unknown_type")
    assert "h.jpg" in refused.value.describe("en")
    assert AttachmentService(sessions).list_files(stored.id, officer) == []


def test_sync_stores_the_pending_files_and_drops_the_orphans_in_one_go(
    sessions: Sessions, officer: User, stored: CaseFile
) -> None:
    service = AttachmentService(sessions)
    result = service.sync(
        stored.id, [PendingFile("P1", "p.png", PHOTO), PendingFile("S1", "s.pdf", SCAN)], officer
    )
    assert [a.evidence_id for a in result.stored] == ["P1", "S1"] and result.removed == 0
    without_scan = dataclasses.replace(stored, evidence=tuple(e for e in stored.evidence if e.id != "S1"))
    CaseService(sessions).save_case(without_scan, 1, officer)
    assert service.sync(stored.id, [], officer).removed == 1
    assert [a.evidence_id for a in service.list_files(stored.id, officer)] == ["P1"]
    later = service.sync(
        stored.id, [PendingFile("S1", "s.pdf", SCAN), PendingFile("NEW", "n.png", PHOTO)], officer
    )
    assert later.stored == () and later.skipped == ("S1", "NEW")  # kept by the window for the next save
    with_bad = _with_evidence(without_scan, Evidence("J", EvidenceKind.PHOTO, "j", file_name="j.png"))
    CaseService(sessions).save_case(with_bad, 2, officer)
    with pytest.raises(AttachmentError):
        service.sync(
            stored.id, [PendingFile("P1", "p.png", PHOTO), PendingFile("J", "j.png", b"junk")], officer
        )
    assert [a.evidence_id for a in service.list_files(stored.id, officer)] == ["P1"]  # nothing written


def test_the_photo_appendix_takes_the_images_in_evidence_order_with_their_titles(
    sessions: Sessions, officer: User
) -> None:
    photo_b = jpeg()
    case = _with_evidence(
        demo("b"),
        _evidence("Z", photo_b, "库存", "z.jpg"),
        _evidence("S", SCAN, "执照", "s.pdf"),
        _evidence("A", PHOTO, "门头", "a.png"),
    )
    CaseService(sessions).create_case(case, officer)
    service = AttachmentService(sessions)
    service.sync(case.id, [PendingFile("A", "a.png", PHOTO), PendingFile("S", "s.pdf", SCAN)], officer)
    service.add(case.id, "Z", "z.jpg", photo_b, officer)
    images = service.report_images(case.id, officer)
    assert [(i.name, i.media_type, i.caption) for i in images] == [
        ("z.jpg", "image/jpeg", "库存"),
        ("a.png", "image/png", "门头"),
    ]
    assert images[0].data == photo_b


def test_a_stored_file_the_evidence_no_longer_names_stops_the_appendix(
    sessions: Sessions, officer: User, stored: CaseFile
) -> None:
    service = AttachmentService(sessions)
    service.add(stored.id, "P1", "p.png", PHOTO, officer)
    other = png(5, 5)
    changed = dataclasses.replace(
        stored,
        evidence=tuple(
            dataclasses.replace(e, sha256=hashlib.sha256(other).hexdigest()) if e.id == "P1" else e
            for e in stored.evidence
        ),
    )
    CaseService(sessions).save_case(changed, 1, officer)
    with pytest.raises(AttachmentError) as stale:
        service.report_images(stored.id, officer)
    assert stale.value.reason == "hash_mismatch"


# ---- sniffing (no database) ---------------------------------------------------------------------


def test_sniffing_goes_by_content() -> None:
    assert sniff(png(30, 20)).media_type == "image/png"
    assert (sniff(png(30, 20)).width, sniff(png(30, 20)).height) == (30, 20)
    assert (sniff(jpeg(40, 10)).width, sniff(jpeg(40, 10)).height) == (40, 10)
    assert sniff(pdf()).media_type == "application/pdf"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (png()[:-20], "malformed"),  # truncated
        (png()[:30] + b"X" + png()[31:], "malformed"),  # a flipped byte breaks a CRC
        (jpeg()[:-50], "malformed"),  # no end marker
        (b"\xff\xd8\xff\xd9", "malformed"),  # markers only, no frame
        (pdf()[:-8], "malformed"),  # no %%EOF
        (png_claiming(40_000, 40_000), "too_many_pixels"),
        (png_claiming(0, 10), "malformed"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * (MAX_BYTES - 7), "too_large"),
    ],
)
def test_damaged_huge_and_bomb_files_are_refused(data: bytes, reason: str) -> None:
    with pytest.raises(AttachmentError) as refused:
        sniff(data, "f")
    assert refused.value.reason == reason
    assert refused.value.describe("zh") and refused.value.describe("en")
