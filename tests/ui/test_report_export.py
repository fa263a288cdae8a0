"""Reports from the window: export (signed, archived), the archive, counter-signing, verifying, printing.

A real SQLite store and real identities in temporary folders; the PDFs are rendered, signed and
checked by the same code as ``workbench report`` / ``workbench verify``; printing goes to a PDF file.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING, Any

import pypdfium2
import pytest
from PySide6.QtPrintSupport import QPrinter

from tests.registry import register
from workbench.services import signatures
from workbench.services.reporting import ReportKind
from workbench.ui.case_io import open_demo
from workbench.ui.dialogs.archive_dialog import ArchiveDialog
from workbench.ui.dialogs.report_dialog import ReportDialog
from workbench.ui.dialogs.verify_dialog import VerifyDialog
from workbench.ui.document import CaseDocument, CaseSource
from workbench.ui.printing import PdfPages, print_pdf, setup_printer

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from workbench.services.signatures import IdentityInfo
    from workbench.ui.store_link import StoreLink

SLOW = 60000  # ms to wait for a background job: generous, never asserted on


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "identities"


@pytest.fixture
def officer_id(folder: Path) -> IdentityInfo:
    return signatures.create_identity("刘敏", "客户经理", "某某农商银行", "officer-pass-1", folder)


@pytest.fixture
def chair_id(folder: Path) -> IdentityInfo:
    return signatures.create_identity("张主任", "审贷会主任", "某某农商银行", "chair-pass-11", folder)


@pytest.fixture
def reviewer_id(folder: Path) -> IdentityInfo:
    return signatures.create_identity("张伟", "审查员", "某某农商银行", "review-pass-11", folder)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[StoreLink]:
    from tests.ui.accounts import signed_link

    link = signed_link(f"sqlite:///{tmp_path / 'cases.sqlite3'}")
    yield link
    link.close()


@pytest.fixture
def stored(ui: Any, store: StoreLink) -> CaseDocument:
    case, _source = open_demo("A")
    record = store.create(case)
    return CaseDocument(record.case, CaseSource("store", record.case.id, str(record.version)))


def _choose(form: Any, info: IdentityInfo, passphrase: str) -> None:
    for i in range(form.identity.count()):
        if form.identity.itemData(i).path == info.path:
            form.identity.setCurrentIndex(i)
    form.passphrase.setText(passphrase)


def _export(qtbot: QtBot, dialog: ReportDialog) -> Any:
    with qtbot.waitSignal(dialog.exported, timeout=SLOW) as done:
        dialog.export_button.click()
    return done.args[0]


def _tampered(pdf: bytes) -> bytes:
    """One byte changed inside the first page's content stream (the file still parses)."""
    start = pdf.index(b"stream", pdf.index(b"/Length")) + 40
    data = bytearray(pdf)
    data[start] ^= 0x01
    return bytes(data)


def test_export_signed_survey_archive_counter_sign_and_verify(
    qtbot: QtBot,
    store: StoreLink,
    stored: CaseDocument,
    folder: Path,
    officer_id: IdentityInfo,
    reviewer_id: IdentityInfo,
    tmp_path: Path,
    qtmodeltester: Any,
) -> None:
    register(store.services.sessions, store.user, officer_id.certificate_path)
    dialog = ReportDialog(stored, store, folder)
    qtbot.addWidget(dialog)
    assert dialog.chosen_kind() is ReportKind.SURVEY
    dialog.unit.setText("某某农商银行 小微信贷中心")
    dialog.output.setText(str(tmp_path / "survey.pdf"))
    dialog.sign.setChecked(True)
    dialog.export_button.click()
    assert "请输入签名身份的口令" in dialog.error.text()  # refused in place
    _choose(dialog.signing, officer_id, "officer-pass-1")
    assert dialog.signing.reason.text() == "调查报告签署"
    result = _export(qtbot, dialog)
    assert result.signed and result.report.archived is not None
    assert result.report.archived.case_version == 1 and result.report.archived.signer == "刘敏"
    written = (tmp_path / "survey.pdf").read_bytes()
    assert written == result.report.pdf
    assert "已存入报告归档（案件第 1 版）" in dialog.state.text()
    assert dialog.open_button.isEnabled() and dialog.print_button.isEnabled()
    assert dialog.signing.passphrase.text() == ""  # not kept

    archive = ArchiveDialog(store, stored.state.id, stored.title(), folder)
    qtbot.addWidget(archive)
    qtbot.waitUntil(lambda: archive.model.rowCount() == 1, timeout=SLOW)
    qtmodeltester.check(archive.model)
    model = archive.model
    assert [model.data(model.index(0, c)) for c in range(3)] == ["调查报告", "1", "刘敏"]
    assert model.data(model.index(0, 4)) == result.report.archived.sha256[:12]

    # The officer signed in cannot counter-sign as the reviewer: she signs in her role's box (taken).
    refused_here = archive.ask_counter_sign()
    assert refused_here is not None
    _choose(refused_here.form, reviewer_id, "review-pass-11")
    with qtbot.waitSignal(refused_here.failed, timeout=SLOW) as refused:
        refused_here.ok_button.click()
    assert "签名框" in refused.args[0]
    refused_here.close()
    # The reviewer, signed in, counter-signs in 审查人's box.
    from tests.store.helpers import add_user
    from workbench.domain.records import Role
    from workbench.ui.store_link import StoreLink as Link

    reviewer = Link(store.services, add_user(store.services.sessions, "zhangwei", Role.REVIEWER))
    register(store.services.sessions, reviewer.user, reviewer_id.certificate_path)
    archive = ArchiveDialog(reviewer, stored.state.id, stored.title(), folder)
    qtbot.addWidget(archive)
    qtbot.waitUntil(lambda: archive.model.rowCount() == 1, timeout=SLOW)
    model = archive.model
    countersign = archive.ask_counter_sign()
    assert countersign is not None
    _choose(countersign.form, reviewer_id, "review-pass-11")
    with qtbot.waitSignal(countersign.signed, timeout=SLOW) as signed:
        countersign.ok_button.click()
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=SLOW)
    assert model.data(model.index(0, 2)) == "刘敏"  # the first row stays as it was
    assert model.data(model.index(1, 2)) == "刘敏 · 张伟"
    checked = signatures.verify_report(signed.args[0].pdf, signatures.trusted_certificates(folder))
    assert [s.signer for s in checked.signatures] == ["刘敏", "张伟"]
    assert all(s.intact and s.valid and s.trusted for s in checked.signatures) and checked.ok

    archive.table.selectRow(1)
    archive.verify()
    qtbot.waitUntil(lambda: getattr(archive, "verify_dialog", None) is not None, timeout=SLOW)
    verify = archive.verify_dialog
    qtbot.waitUntil(lambda: verify.report is not None, timeout=SLOW)
    assert verify.verdict.text() == "签名有效，证书受信任"  # both registered: the registry vouches
    assert verify.model.rowCount() == 2
    assert "与案件库中的当前案件一致" in verify.case_label.text()

    saved = tmp_path / "copy.pdf"
    archive.save_copy(saved)
    qtbot.waitUntil(saved.exists, timeout=SLOW)
    assert saved.read_bytes() == signed.args[0].pdf

    # The case is saved again: a counter-signature now would pin the report to the wrong version.
    record = store.open(stored.state.id)
    store.save(dataclasses.replace(record.case, product="改过的产品"), record.version)
    late = archive.ask_counter_sign()
    assert late is not None
    _choose(late.form, reviewer_id, "review-pass-11")
    with qtbot.waitSignal(late.failed, timeout=SLOW) as refused:
        late.ok_button.click()
    assert "此报告对应案件第 1 版，案件现已是第 2 版" in refused.args[0]
    assert len(store.services.archive.list_reports(stored.state.id, store.user)) == 2


def test_verify_dialog_intact_modified_and_a_changed_case(
    qtbot: QtBot,
    store: StoreLink,
    stored: CaseDocument,
    folder: Path,
    officer_id: IdentityInfo,
    tmp_path: Path,
    qtmodeltester: Any,
) -> None:
    register(store.services.sessions, store.user, officer_id.certificate_path)
    exporter = ReportDialog(stored, store, folder)
    qtbot.addWidget(exporter)
    exporter.output.setText(str(tmp_path / "survey.pdf"))
    exporter.sign.setChecked(True)
    _choose(exporter.signing, officer_id, "officer-pass-1")
    good = _export(qtbot, exporter).report.pdf
    bad = tmp_path / "tampered.pdf"
    bad.write_bytes(_tampered(good))

    dialog = VerifyDialog(store, stored.state.id, stored.title(), folder)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.verified, timeout=SLOW):
        dialog.check_file(tmp_path / "survey.pdf")
    qtmodeltester.check(dialog.model)
    assert dialog.verdict.text() == "签名有效，证书受信任"
    assert dialog.model.data(dialog.model.index(0, 0)) == "刘敏"
    assert dialog.model.data(dialog.model.index(0, 3)).startswith("✓ 签名有效：内容完整，证书受信任")
    assert dialog.model.data(dialog.model.index(0, 4)) == "PASSED / OK"
    assert dialog.model.data(dialog.model.index(0, 5)) == officer_id.fingerprint[:16] + "…"
    assert "与报告档案中的存档一致（1 个签名）" in dialog.verdict_detail.text()

    with qtbot.waitSignal(dialog.verified, timeout=SLOW):
        dialog.check_file(bad)
    assert dialog.verdict.text() == "验证未通过"
    assert dialog.model.data(dialog.model.index(0, 3)).startswith("✗ 文件在签名之后被修改过")
    assert dialog.model.data(dialog.model.index(0, 4)) == "FAILED / HASH_FAILURE"

    # Someone saves the case: the report no longer describes the case as stored.
    record = store.open(stored.state.id)
    store.save(dataclasses.replace(record.case, product="改过的产品"), record.version)
    with qtbot.waitSignal(dialog.verified, timeout=SLOW):
        dialog.check_file(tmp_path / "survey.pdf")
    assert dialog.verdict.text() == "验证未通过"
    assert "与案件库中的当前案件不一致" in dialog.case_label.text()

    # Without a case to compare with and without trusting the signer: intact, but untrusted.
    alone = VerifyDialog(folder=tmp_path / "nobody")
    qtbot.addWidget(alone)
    with qtbot.waitSignal(alone.verified, timeout=SLOW):
        alone.check_file(tmp_path / "survey.pdf")
    assert alone.verdict.text() == "签名完整，但证书未受信任"
    assert alone.model.data(alone.model.index(0, 3)).startswith("⚠ 内容完整，但证书未受信任")
    assert "不能确认是谁签的" in alone.verdict_detail.text()
    with qtbot.waitSignal(alone.verified, timeout=SLOW):
        alone.add_trust([officer_id.certificate_path])
    assert alone.model.data(alone.model.index(0, 3)).startswith("✓ 签名有效")

    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"not a pdf")
    with qtbot.waitSignal(alone.failed, timeout=SLOW) as failed:
        alone.check_file(junk)
    assert "不是可读取的 PDF 文件" in failed.args[0] and alone.verdict.text() == "无法验证"
    from reportlab.pdfgen.canvas import Canvas

    locked = tmp_path / "locked.pdf"
    canvas = Canvas(str(locked), encrypt="secret")
    canvas.save()
    with qtbot.waitSignal(alone.failed, timeout=SLOW) as failed:
        alone.check_file(locked)
    assert failed.args[0] == "这是加密的 PDF（需要密码才能打开），无法验证其中的签名"


def test_a_signed_report_needs_the_case_saved_and_a_changed_store_is_refused(
    qtbot: QtBot,
    store: StoreLink,
    stored: CaseDocument,
    folder: Path,
    officer_id: IdentityInfo,
    chair_id: IdentityInfo,
    tmp_path: Path,
) -> None:
    dialog = ReportDialog(stored, store, folder)
    qtbot.addWidget(dialog)
    dialog.output.setText(str(tmp_path / "survey.pdf"))
    dialog.sign.setChecked(True)
    _choose(dialog.signing, officer_id, "officer-pass-1")
    stored.set_field(("product",), "未保存的修改")
    dialog.export_button.click()
    assert "请先保存" in dialog.error.text()
    stored.undo_stack.undo()

    record = store.open(stored.state.id)  # a colleague saves meanwhile
    store.save(dataclasses.replace(record.case, product="他人修改"), record.version)
    with qtbot.waitSignal(dialog.failed, timeout=SLOW) as failed:
        dialog.export_button.click()
    assert failed.args[0].startswith("报告未导出")
    assert not (tmp_path / "survey.pdf").exists()
    assert store.services.archive.list_reports(stored.state.id, store.user) == []

    minutes = ReportDialog(stored, None, folder)  # a case file or demo: no store, no archive
    qtbot.addWidget(minutes)
    minutes.kind.setCurrentIndex(minutes.kind.findData(ReportKind.MINUTES.value))
    minutes.language.setCurrentIndex(minutes.language.findData("en"))
    minutes.output.setText(str(tmp_path / "minutes.pdf"))
    minutes.sign.setChecked(True)
    _choose(minutes.signing, officer_id, "wrong-passphrase")
    with qtbot.waitSignal(minutes.failed, timeout=SLOW) as failed:
        minutes.export_button.click()
    assert "口令不对" in failed.args[0]
    assert minutes.signing.reason.text() == "committee minutes"
    minutes.signing.passphrase.setText("officer-pass-1")
    with qtbot.waitSignal(minutes.failed, timeout=SLOW) as failed:
        minutes.export_button.click()  # the agenda entry is not decided: a form, not yet to be signed
    assert "1 个案卷未作决议" in failed.args[0]
    _choose(minutes.signing, chair_id, "chair-pass-11")  # the chair neither: decide first, then sign
    with qtbot.waitSignal(minutes.failed, timeout=SLOW) as failed:
        minutes.export_button.click()
    assert "1 个案卷未作决议" in failed.args[0] and not (tmp_path / "minutes.pdf").exists()


def test_print_to_pdf_gives_every_page_on_a4_and_honours_a_page_range(
    ui: Any, stored: CaseDocument, tmp_path: Path
) -> None:
    from workbench.services.reporting import ReportRequest, make_report

    pdf = make_report(stored.state, ReportRequest(ReportKind.SURVEY)).pdf
    with PdfPages(pdf) as pages:
        count = len(pages)
    assert count > 3

    def printer(name: str) -> QPrinter:
        target = QPrinter(QPrinter.PrinterMode.HighResolution)
        target.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        target.setOutputFileName(str(tmp_path / name))
        target.setResolution(150)
        setup_printer(target)
        return target

    assert print_pdf(pdf, printer("all.pdf")) == count
    printed = pypdfium2.PdfDocument(str(tmp_path / "all.pdf"))
    assert len(printed) == count
    width, height = printed.get_page_size(0)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    printed.close()

    ranged = printer("range.pdf")
    ranged.setFromTo(2, 3)
    assert print_pdf(pdf, ranged) == 2
    again = pypdfium2.PdfDocument(str(tmp_path / "range.pdf"))
    assert len(again) == 2
    text = again[0].get_textpage().get_text_range()
    again.close()
    assert text == ""  # the printout is page images, as a printer gets them
    assert re.match(r"^%PDF-", (tmp_path / "range.pdf").read_text("latin-1")[:5])


def test_the_window_has_the_report_commands(qtbot: QtBot, make_window: Any) -> None:
    window = make_window()
    a = window.actions_by_key
    assert a["report"].menu() is not None
    titles = [x.text() for x in a["report"].menu().actions()]
    assert titles == ["导出报告…", "报告归档…", "签名身份…"]
    a["verify"].trigger()
    assert isinstance(window.reports.dialog, VerifyDialog)
    window.reports.dialog.close()
    editor = window.open_demo("A")
    editor.report_button.click()
    assert isinstance(window.reports.dialog, ReportDialog)
    assert window.reports.dialog.document is editor.document
    window.reports.dialog.close()
    assert window.reports.show_archive() is None  # a demo case is not stored
    assert "报告归档" in window.statusBar().currentMessage()


def test_printing_draws_the_signature_stamps_and_the_preview_shows_every_page(
    qtbot: QtBot, stored: CaseDocument, officer_id: IdentityInfo
) -> None:
    import gc

    from PySide6.QtPrintSupport import QPrintPreviewWidget

    from workbench.services.reporting import ReportRequest, make_report
    from workbench.ui.printing import print_preview

    identity = signatures.load_identity(officer_id.path, "officer-pass-1")
    plain = make_report(stored.state, ReportRequest(ReportKind.SURVEY, invariant=True)).pdf
    signed = make_report(stored.state, ReportRequest(ReportKind.SURVEY, invariant=True), identity).pdf
    with PdfPages(plain) as a, PdfPages(signed) as b:
        last = len(a) - 1
        assert len(b) == len(a)
        assert a.image(0, 40) == b.image(0, 40)  # same pages …
        assert a.image(last, 40) != b.image(last, 40)  # … but the stamp is printed in its box

    dialog = print_preview(signed)
    qtbot.addWidget(dialog)
    gc.collect()  # the preview's printer must outlive this call (it crashed when it did not)
    dialog.show()
    qtbot.waitExposed(dialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() == last + 1, timeout=SLOW)
    dialog.close()
