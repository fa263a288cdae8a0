"""Identities, PAdES signatures and their verification by pyHanko and by poppler's pdfsig."""

from __future__ import annotations

import io
import stat
from typing import TYPE_CHECKING

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from tests.reports import pdf_tools
from workbench.domain.records import SignatureRole
from workbench.reports.canonical import canonical_case_sha256
from workbench.reports.signing import (
    SignatureBox,
    SigningError,
    SigningIdentity,
    create_identity,
    load_identity,
    role_family,
    sign_pdf,
)
from workbench.reports.verify import VerificationError, verify_pdf

if TYPE_CHECKING:
    from pathlib import Path

    from workbench.domain.calc import CaseResults
    from workbench.domain.case_file import CaseFile
    from workbench.reports.inputs import MinutesData

PASS_1 = "officer-passphrase"
PASS_2 = "reviewer-passphrase"


@pytest.fixture(scope="module")
def identities(tmp_path_factory: pytest.TempPathFactory) -> tuple[SigningIdentity, SigningIdentity, Path]:
    folder = tmp_path_factory.mktemp("ids")
    create_identity("刘敏", "客户经理", PASS_1, folder / "liu.p12", unit="某某农商银行 小微信贷中心")
    create_identity("张伟", "审查人", PASS_2, folder / "zhang.p12", valid_days=30)
    return load_identity(folder / "liu.p12", PASS_1), load_identity(folder / "zhang.p12", PASS_2), folder


@pytest.fixture(scope="module")
def signed(
    survey_pdfs: dict[str, bytes], identities: tuple[SigningIdentity, SigningIdentity, Path]
) -> tuple[bytes, bytes]:
    officer, reviewer, _ = identities
    once = sign_pdf(survey_pdfs["a"], officer, reason="调查报告签署", location="县支行")
    twice = sign_pdf(once, reviewer, reason="审查通过")
    return once, twice


def test_an_identity_is_a_passphrase_protected_pkcs12(
    identities: tuple[SigningIdentity, SigningIdentity, Path],
) -> None:
    officer, reviewer, folder = identities
    assert (officer.name, officer.role, officer.unit) == ("刘敏", "客户经理", "某某农商银行 小微信贷中心")
    assert (reviewer.name, reviewer.role, reviewer.unit) == ("张伟", "审查人", "")
    assert stat.S_IMODE((folder / "liu.p12").stat().st_mode) == 0o600
    data = (folder / "liu.p12").read_bytes()
    assert b"PRIVATE KEY" not in data and b"BEGIN" not in data
    with pytest.raises(SigningError) as wrong:
        load_identity(folder / "liu.p12", "not-the-passphrase")
    assert wrong.value.reason == "identity_locked"
    with pytest.raises(SigningError) as exists:
        create_identity("刘敏", "客户经理", PASS_1, folder / "liu.p12")
    assert exists.value.reason == "identity_exists"
    with pytest.raises(SigningError) as short:
        create_identity("某人", "", "short", folder / "x.p12")
    assert short.value.reason == "passphrase_too_short"
    with pytest.raises(SigningError) as missing:
        load_identity(folder / "none.p12", PASS_1)
    assert missing.value.reason == "identity_unreadable"


def test_one_signature_is_intact_valid_and_covers_the_file(
    signed: tuple[bytes, bytes],
    identities: tuple[SigningIdentity, SigningIdentity, Path],
    case_a: tuple[CaseFile, CaseResults],
) -> None:
    officer, _, _ = identities
    report = verify_pdf(signed[0], [officer.certificate], canonical_case_sha256(case_a[0]))
    assert report.ok and report.case_matches and report.case_version == 3 and report.report_kind == "survey"
    (sig,) = report.signatures
    assert (sig.field, sig.signer, sig.role) == ("Signature1", "刘敏", "客户经理")
    assert sig.intact and sig.valid and sig.trusted and sig.covers_entire_file
    assert verify_pdf(signed[0]).signatures[0].trusted is False  # self-signed: not trusted unless told


def test_a_second_signer_adds_a_counter_signature_without_breaking_the_first(
    signed: tuple[bytes, bytes], survey_pdfs: dict[str, bytes]
) -> None:
    _, twice = signed
    assert twice.startswith(signed[0])  # an incremental update: the first revision is untouched
    report = verify_pdf(twice)
    assert report.signatures_ok
    first, second = report.signatures
    assert first.intact and first.valid and not first.covers_entire_file
    assert first.modification_level == "FORM_FILLING" and first.docmdp_ok
    assert (second.field, second.signer) == ("Signature3", "张伟")  # the reviewer's box, found by role
    assert second.covers_entire_file


def test_pdfsig_validates_both_signatures(signed: tuple[bytes, bytes]) -> None:
    out = pdf_tools.pdfsig(signed[1])
    assert out.count("Signature Validation: Signature is Valid.") == 2
    assert "Signer Certificate Common Name: 刘敏" in out and "Signer Certificate Common Name: 张伟" in out
    assert "ETSI.CAdES.detached" in out and "Total document signed" in out


def _flip_a_byte_in_page_content(pdf: bytes) -> bytes:
    """Change one byte inside the compressed content stream of page 1 (still a parseable PDF)."""
    start = pdf.index(b"stream\n", pdf.index(b"/Filter"))
    data = bytearray(pdf)
    position = start + len(b"stream\n") + 40
    data[position] ^= 0x01
    return bytes(data)


def test_one_changed_byte_fails_both_validators(signed: tuple[bytes, bytes]) -> None:
    tampered = _flip_a_byte_in_page_content(signed[1])
    report = verify_pdf(tampered)
    assert not report.ok
    assert not any(s.intact for s in report.signatures)
    out = pdf_tools.pdfsig(tampered)
    assert "Signature is Valid." not in out and "Digest Mismatch" in out


def test_an_update_after_the_last_signature_that_changes_a_page_fails(signed: tuple[bytes, bytes]) -> None:
    writer = IncrementalPdfFileWriter(io.BytesIO(signed[1]))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    forged = writer.add_object(generic.StreamObject(stream_data=b"BT /F1 30 Tf 100 500 Td (FORGED) Tj ET"))
    page["/Contents"] = generic.ArrayObject([page.raw_get("/Contents"), forged])
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    report = verify_pdf(out.getvalue())
    assert not report.ok
    last = report.signatures[-1]
    assert last.intact and last.valid  # the signed bytes are still as signed …
    assert not last.covers_entire_file and last.modification_level == "OTHER"  # … but the file is not
    assert "Not total document signed" in pdf_tools.pdfsig(out.getvalue())


def test_embedded_fingerprint_differs_from_an_edited_case(
    signed: tuple[bytes, bytes], case_a: tuple[CaseFile, CaseResults]
) -> None:
    import dataclasses
    from decimal import Decimal

    case = case_a[0]
    edited = dataclasses.replace(case, request=dataclasses.replace(case.request, amount=Decimal(50000)))
    report = verify_pdf(signed[1], current_case_hash=canonical_case_sha256(edited))
    assert report.signatures_ok and report.case_matches is False and not report.ok


def test_slots_are_chosen_refused_or_given(
    survey_pdfs: dict[str, bytes], identities: tuple[SigningIdentity, SigningIdentity, Path]
) -> None:
    officer, reviewer, _ = identities
    once = sign_pdf(survey_pdfs["b"], officer, box_position=1)
    with pytest.raises(SigningError) as taken:
        sign_pdf(once, reviewer, box_position=1)
    assert taken.value.reason == "slot_taken"
    with pytest.raises(SigningError) as nowhere:
        sign_pdf(once, reviewer, box_position=7)
    assert nowhere.value.reason == "no_such_slot"
    with pytest.raises(SigningError) as field:
        sign_pdf(once, reviewer, field_name="Signature2")
    assert field.value.reason == "field_exists"
    free_box = sign_pdf(once, reviewer, box_position=SignatureBox(0, (400, 40, 550, 100)), field_name="Extra")
    assert verify_pdf(free_box).signatures_ok


def test_unsigned_and_broken_inputs() -> None:
    with pytest.raises(VerificationError) as not_pdf:
        verify_pdf(b"hello")
    assert not_pdf.value.reason == "not_a_pdf"
    with pytest.raises(VerificationError) as bad_cert:
        verify_pdf(b"%PDF-1.4\n", [b"not a certificate"])
    assert bad_cert.value.reason == "bad_certificate"


def test_an_unsigned_report_is_not_ok(survey_pdfs: dict[str, bytes]) -> None:
    report = verify_pdf(survey_pdfs["a"])
    assert report.signatures == () and not report.ok


def test_the_stamp_is_drawn_with_the_embedded_font(signed: tuple[bytes, bytes]) -> None:
    rows = pdf_tools.fonts(signed[1])
    assert rows and all(row[-5] == "yes" for row in rows)


def _field_names(pdf: bytes) -> list[str]:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import fields

    return [name for name, _value, _ref in fields.enumerate_sig_fields(PdfFileReader(io.BytesIO(pdf)))]


def test_a_signer_takes_the_box_of_their_kind_of_role_and_never_anothers(
    survey_pdfs: dict[str, bytes],
    dossier_pdfs: dict[str, bytes],
    identities: tuple[SigningIdentity, SigningIdentity, Path],
) -> None:
    officer, _reviewer, folder = identities
    create_identity("王审", "风险审查员", PASS_2, folder / "wang.p12")
    create_identity("陈主任", "审贷会主席", PASS_2, folder / "chen.p12")
    checker, chair = load_identity(folder / "wang.p12", PASS_2), load_identity(folder / "chen.p12", PASS_2)
    roles = ("审查人", "风险审查员", "协办客户经理", "主办客户经理", "Committee chair")
    assert [role_family(r) for r in roles] == ["reviewer", "reviewer", "assistant", "officer", "chair"]
    # Survey boxes: 主办客户经理, 协办客户经理, 审查人. The 审查员 goes to 审查人 (the third), not 协办.
    once = sign_pdf(survey_pdfs["a"], officer)
    twice = sign_pdf(once, checker)
    assert _field_names(twice) == ["Signature1", "Signature3"]
    # The survey has no chair's box: refused, rather than stamped under 协办客户经理.
    with pytest.raises(SigningError) as refused:
        sign_pdf(twice, chair)
    assert refused.value.reason == "no_slot_for_role"
    # The dossier's boxes are 主办客户经理, 审查人, 审贷会主席: the chair takes the last.
    assert _field_names(sign_pdf(dossier_pdfs["a"], chair)) == ["Signature3"]


def test_boxes_carry_their_kind_as_data_from_the_content_that_placed_them(
    survey_pdfs: dict[str, bytes], dossier_pdfs: dict[str, bytes], minutes: MinutesData
) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader

    from workbench.reports.content import build_minutes
    from workbench.reports.content_minutes import minutes_signature_block
    from workbench.reports.metadata import read_report_info
    from workbench.reports.render import PdfMeta, render_pdf
    from workbench.services.committee import chair_box

    def kinds(pdf: bytes) -> list[str]:
        return [s.kind for s in read_report_info(PdfFileReader(io.BytesIO(pdf))).slots]

    minutes_pdf = render_pdf(build_minutes(minutes), meta=PdfMeta(), invariant=True)
    assert kinds(survey_pdfs["a"]) == ["officer", "assistant", "reviewer"]
    assert kinds(dossier_pdfs["a"]) == ["officer", "reviewer", "chair"]
    assert kinds(minutes_pdf) == ["member", "member", "chair", "secretary"]  # presenters do not sign
    block = minutes_signature_block(minutes, "en")
    assert [s.kind for s in block.slots] == [
        SignatureRole.MEMBER,
        SignatureRole.MEMBER,
        SignatureRole.CHAIR,
        SignatureRole.SECRETARY,
    ]
    assert chair_box(minutes, "zh") == chair_box(minutes, "en") == 2  # from the content, not the PDF


def test_a_signer_is_matched_to_a_box_by_kind_not_by_the_words_of_a_title(
    survey_pdfs: dict[str, bytes],
    dossier_pdfs: dict[str, bytes],
    minutes: MinutesData,
    identities: tuple[SigningIdentity, SigningIdentity, Path],
) -> None:
    from workbench.reports.content import build_minutes
    from workbench.reports.render import PdfMeta, render_pdf

    officer, reviewer, folder = identities
    # certificates without a kind (a bank CA's, or older files) get one from their title, once
    assert (officer.kind, reviewer.kind) == (SignatureRole.OFFICER, SignatureRole.REVIEWER)
    # a certificate that carries its kind: the title says nothing a word list would know
    create_identity("赵行", "分管行长", PASS_2, folder / "zhao.p12", kind=SignatureRole.CHAIR)
    chair = load_identity(folder / "zhao.p12", PASS_2)
    assert (chair.role, chair.kind) == ("分管行长", SignatureRole.CHAIR)
    assert _field_names(sign_pdf(dossier_pdfs["b"], chair)) == ["Signature3"]  # 审贷会主席's box
    with pytest.raises(SigningError) as refused:
        sign_pdf(survey_pdfs["b"], chair)  # the survey has no chair's box
    assert refused.value.reason == "no_slot_for_role"
    # the caller may say as whom one signs (a service knows the user's role)
    assert _field_names(sign_pdf(survey_pdfs["b"], chair, signs_as=SignatureRole.REVIEWER)) == ["Signature3"]
    # the committee's minutes have no officer's box: an officer cannot sign them; the chair can
    minutes_pdf = render_pdf(build_minutes(minutes), meta=PdfMeta(), invariant=True)
    with pytest.raises(SigningError) as refused:
        sign_pdf(minutes_pdf, officer)
    assert refused.value.reason == "no_slot_for_role"
    assert _field_names(sign_pdf(minutes_pdf, chair)) == ["Signature3"]
