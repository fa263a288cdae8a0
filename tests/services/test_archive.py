"""``ArchiveService``: the archive takes only what verifies, and who may archive.

Real signed PDFs, made with the workbench's own rendering and signing and throwaway identities, on
SQLite and PostgreSQL. Each refusal is one translated line and stores nothing; the honest path
stores the report with the signer and signing time read from its signature.
"""

from __future__ import annotations

import dataclasses
import io
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import NoEncryption, pkcs12
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from sqlalchemy import text

from tests.store.helpers import demo
from workbench.domain.records import ArchiveRefusedError, ReportKind, SignatureRole
from workbench.reports.signing import create_identity, load_identity, sign_pdf
from workbench.reports.verify import verify_pdf
from workbench.services.archive import ArchiveService
from workbench.services.cases import CaseService
from workbench.services.messages import describe_error
from workbench.services.permissions import PermissionDenied
from workbench.services.reporting import ReportKind as DocumentKind
from workbench.services.reporting import ReportRequest, make_report

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.domain.case_file import CaseFile
    from workbench.domain.records import User
    from workbench.reports.signing import SigningIdentity
    from workbench.store.db import Sessions

    Register = Callable[..., object]

PASSPHRASE = "archive-test-1"
SURVEY = ReportRequest(DocumentKind.SURVEY)


@pytest.fixture(scope="module")
def officer_identity(tmp_path_factory: pytest.TempPathFactory) -> SigningIdentity:
    path = tmp_path_factory.mktemp("officer") / "liu.p12"
    create_identity("刘敏", "客户经理", PASSPHRASE, path, kind=SignatureRole.OFFICER)
    return load_identity(path, PASSPHRASE)


@pytest.fixture(scope="module")
def reviewer_identity(tmp_path_factory: pytest.TempPathFactory) -> SigningIdentity:
    path = tmp_path_factory.mktemp("reviewer") / "zhang.p12"
    create_identity("张伟", "审查员", PASSPHRASE, path, kind=SignatureRole.REVIEWER)
    return load_identity(path, PASSPHRASE)


def _survey(case: CaseFile, version: int, identity: SigningIdentity | None) -> bytes:
    return make_report(case, SURVEY, identity, case_version=version, signs_as=SignatureRole.OFFICER).pdf


@pytest.fixture(scope="module")
def unsigned_a() -> bytes:
    return _survey(demo("a"), 1, None)


@pytest.fixture(scope="module")
def signed_a(officer_identity: SigningIdentity) -> bytes:
    """Case A's survey report at version 1, signed by the officer."""
    return _survey(demo("a"), 1, officer_identity)


def _archived_count(sessions: Sessions) -> int:
    with sessions.begin() as session:
        return int(session.execute(text("SELECT COUNT(*) FROM signed_report")).scalar_one())


def _refused(
    sessions: Sessions, pdf: bytes, user: User, zh: str, kind: ReportKind = ReportKind.SURVEY_REPORT
) -> str:
    """Archiving ``pdf`` as ``user`` is refused with the line ``zh``; nothing is stored."""
    with pytest.raises(ArchiveRefusedError) as refused:
        ArchiveService(sessions).archive_report(demo("a").id, kind, pdf, user)
    assert describe_error(refused.value, "zh") == zh
    english = describe_error(refused.value, "en")
    assert english and english != zh and "\n" not in english
    assert _archived_count(sessions) == 0
    return english


@pytest.fixture
def stored_a(sessions: Sessions, officer: User) -> str:
    return CaseService(sessions).create_case(demo("a"), officer).case.id


def test_the_honest_path_stores_the_signer_and_time_of_the_signature(
    sessions: Sessions,
    officer: User,
    reviewer: User,
    other_officer: User,
    stored_a: str,
    signed_a: bytes,
    officer_identity: SigningIdentity,
    reviewer_identity: SigningIdentity,
    register: Register,
) -> None:
    register(officer, officer_identity.certificate)
    archive = ArchiveService(sessions)
    row = archive.archive_report(stored_a, ReportKind.SURVEY_REPORT, signed_a, officer)
    (signature,) = verify_pdf(signed_a).signatures
    assert (row.signer, row.signed_at) == ("刘敏", signature.signed_at)
    stored = CaseService(sessions).open_case(stored_a, officer)
    assert (row.case_version, row.case_sha256) == (1, stored.content_sha256)
    assert archive.report_pdf(row.id, reviewer) == signed_a
    # another officer may not archive a report of a case not hers
    with pytest.raises(PermissionDenied):
        archive.archive_report(stored_a, ReportKind.SURVEY_REPORT, signed_a, other_officer)
    # the reviewer counter-signs with her own registered certificate: the row names both signers,
    # its time is the last signature's
    register(reviewer, reviewer_identity.certificate)
    countersigned = sign_pdf(signed_a, reviewer_identity, signs_as=SignatureRole.REVIEWER)
    again = archive.archive_report(stored_a, ReportKind.SURVEY_REPORT, countersigned, reviewer)
    last = verify_pdf(countersigned).signatures[-1]
    assert (again.signer, again.signed_at, again.case_version) == ("刘敏 · 张伟", last.signed_at, 1)
    assert [r.id for r in archive.list_reports(stored_a, officer)] == [row.id, again.id]


def test_a_report_of_an_older_stored_version_is_pinned_to_that_version(
    sessions: Sessions,
    officer: User,
    stored_a: str,
    signed_a: bytes,
    officer_identity: SigningIdentity,
    register: Register,
) -> None:
    cases = CaseService(sessions)
    first = cases.open_case(stored_a, officer).content_sha256
    assert cases.save_case(dataclasses.replace(demo("a"), product="改过的产品"), 1, officer) == 2
    register(officer, officer_identity.certificate)
    row = ArchiveService(sessions).archive_report(stored_a, ReportKind.SURVEY_REPORT, signed_a, officer)
    assert (row.case_version, row.case_sha256) == (1, first)


def test_bytes_that_are_no_pdf_and_an_unsigned_pdf_are_refused(
    sessions: Sessions, officer: User, stored_a: str, unsigned_a: bytes
) -> None:
    english = _refused(
        sessions, b"GIF89a not a report", officer, "不予归档：文件不是可读的 PDF（no %PDF- header）"
    )
    assert english.startswith("Not archived")
    _refused(sessions, unsigned_a, officer, "不予归档：此 PDF 没有签名")


def test_a_byte_flipped_in_the_signed_range_is_refused(
    sessions: Sessions,
    officer: User,
    stored_a: str,
    signed_a: bytes,
    officer_identity: SigningIdentity,
    register: Register,
) -> None:
    register(officer, officer_identity.certificate)
    start = signed_a.index(b"stream\n") + 40  # inside the first page's content, well within the signed range
    flipped = signed_a[:start] + bytes([signed_a[start] ^ 0x01]) + signed_a[start + 1 :]
    _refused(
        sessions, flipped, officer, "不予归档：刘敏 的签名（Signature1）与所签内容不符，文件在签名后被改动过"
    )


def test_an_update_appended_after_signing_that_changes_content_is_refused(
    sessions: Sessions,
    officer: User,
    stored_a: str,
    signed_a: bytes,
    officer_identity: SigningIdentity,
    register: Register,
) -> None:
    register(officer, officer_identity.certificate)
    writer = IncrementalPdfFileWriter(io.BytesIO(signed_a), strict=False)
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    extra = generic.StreamObject(stream_data=b"BT /F1 24 Tf 72 72 Td (APPROVED 600000) Tj ET")
    page["/Contents"] = generic.ArrayObject([page.raw_get("/Contents"), writer.add_object(extra)])
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    _refused(
        sessions, out.getvalue(), officer, "不予归档：刘敏 签名之后文件又被改动过，改动超出签名允许的范围"
    )


def test_the_last_signer_must_be_registered_not_revoked_to_the_person_archiving(
    sessions: Sessions,
    officer: User,
    other_officer: User,
    admin: User,
    stored_a: str,
    signed_a: bytes,
    officer_identity: SigningIdentity,
    register: Register,
) -> None:
    fingerprint = officer_identity.fingerprint
    _refused(
        sessions,
        signed_a,
        officer,
        f"不予归档：签名人 刘敏 的证书（指纹 {fingerprint[:16]}…）未在身份登记册中登记，请管理员登记",
    )
    register(other_officer, officer_identity.certificate)
    _refused(
        sessions, signed_a, officer, "不予归档：最后签名的证书登记给 zhaoqiang，不是归档人 liumin 本人的"
    )
    archive = ArchiveService(sessions)
    revoked = archive.revoke_certificate(admin, fingerprint[:12].upper())
    assert revoked.revoked and revoked.revoked_by == admin.id
    today = datetime.now(UTC).date().isoformat()
    _refused(
        sessions,
        signed_a,
        officer,
        f"不予归档：签名人 刘敏 的证书（指纹 {fingerprint[:16]}…）已于 {today} 吊销",
    )


def test_a_report_of_another_case_or_of_content_never_stored_is_refused(
    sessions: Sessions,
    officer: User,
    stored_a: str,
    officer_identity: SigningIdentity,
    register: Register,
) -> None:
    register(officer, officer_identity.certificate)
    CaseService(sessions).create_case(demo("b"), officer)
    case_id = demo("a").id
    mismatch = (
        f"不予归档：报告的案卷指纹与案卷 {case_id} 第 1 版的内容不符（另一案卷的报告，或从未保存过的内容）"
    )
    _refused(sessions, _survey(demo("b"), 1, officer_identity), officer, mismatch)
    edited = dataclasses.replace(demo("a"), product="从未保存的改动")
    _refused(sessions, _survey(edited, 1, officer_identity), officer, mismatch)
    _refused(
        sessions,
        _survey(edited, 2, officer_identity),
        officer,
        f"不予归档：案卷 {case_id} 没有已保存的第 2 版，报告不是由此案卷生成的",
    )
    no_version = make_report(demo("a"), SURVEY, officer_identity, signs_as=SignatureRole.OFFICER).pdf
    _refused(sessions, no_version, officer, "不予归档：此 PDF 不带案卷指纹，不是从已保存的案卷生成的报告")


def test_a_survey_report_is_not_archived_as_minutes(
    sessions: Sessions, officer: User, stored_a: str, signed_a: bytes
) -> None:
    english = _refused(
        sessions,
        signed_a,
        officer,
        "不予归档：这份 PDF 是调查报告，不能作为贷审会纪要归档",
        ReportKind.MINUTES,
    )
    assert "survey report" in english and "minutes" in english


def test_a_signature_made_outside_the_registered_certificates_validity_is_refused(
    sessions: Sessions, officer: User, stored_a: str, unsigned_a: bytes, register: Register
) -> None:
    """A certificate valid only from tomorrow (registrable: not expired) signing today."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "刘敏")])
    start = datetime.now(UTC) + timedelta(days=1)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    register(officer, certificate)
    bundle = pkcs12.serialize_key_and_certificates(b"liu", key, certificate, None, NoEncryption())
    signer = signers.SimpleSigner.load_pkcs12_data(bundle, (), None)
    meta = signers.PdfSignatureMetadata(field_name="Early", md_algorithm="sha256")
    signed = (
        signers.PdfSigner(meta, signer).sign_pdf(IncrementalPdfFileWriter(io.BytesIO(unsigned_a))).getvalue()
    )
    signed_at = verify_pdf(signed).signatures[-1].signed_at
    assert signed_at is not None
    until = start + timedelta(days=30)
    _refused(
        sessions,
        signed,
        officer,
        f"不予归档：签署时间 {signed_at.astimezone(UTC).isoformat(timespec='seconds')} 不在签名证书的有效期内"
        f"（{start.date().isoformat()} 至 {until.date().isoformat()}）",
    )
