"""Check the signatures of any PDF: each signer, time, verdict, certificate, what it covers, the case.

The checking and its sentences are ``workbench verify``'s (``services.signatures.verify_report``,
``services.verification_words``), so the window says what the command line says. Trusted are the
certificates of the user's own identities, any PEM files chosen here and, with a store, the
identity registry's (and certificates a registered CA issued). When the dialog knows a stored case
(opened from a case's tab or its archive), the fingerprint embedded in the PDF is compared with that
case as it is stored now, and the file with the report archive (a removed counter-signature shows).
The verdict is a sentence in large type with a shape (tick or cross) as well as a colour from a
palette that colour-blind readers tell apart; only a fully valid, trusted file gets the tick.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.services import signatures, verification_words
from workbench.services.signatures import SignatureReport, SignatureVerdict
from workbench.texts import capital
from workbench.ui.dialogs.signing_form import error_label, report_error_text, show_error
from workbench.ui.i18n import lang, tr
from workbench.ui.models.records_model import RecordsModel
from workbench.ui.ops import run_in_background

if TYPE_CHECKING:
    from workbench.services.signatures import VerificationReport
    from workbench.ui.store_link import StoreLink

Index = QModelIndex | QPersistentModelIndex
# Okabe-Ito blue and vermillion: apart for every common kind of colour blindness.
GOOD = "#0072B2"
BAD = "#D55E00"


def verdict_icon(ok: bool, size: int = 48) -> QPixmap:
    """A filled disc with a tick (ok) or a cross: the shape says it without the colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(GOOD if ok else BAD))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    pen = QPen(
        QColor("white"), size / 9, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
    )
    painter.setPen(pen)
    s = size / 48
    if ok:
        painter.drawPolyline([QPointF(13 * s, 25 * s), QPointF(21 * s, 33 * s), QPointF(35 * s, 16 * s)])
    else:
        painter.drawLine(QPointF(16 * s, 16 * s), QPointF(32 * s, 32 * s))
        painter.drawLine(QPointF(32 * s, 16 * s), QPointF(16 * s, 32 * s))
    painter.end()
    return pixmap


class SignatureModel(RecordsModel[SignatureReport]):
    """One row per signature: signer, role, local time, verdict, ETSI indication, certificate, coverage."""

    def headers(self) -> tuple[str, ...]:
        return (
            tr("签署人"),
            tr("角色"),
            tr("签署时间"),
            tr("结论"),
            "ETSI EN 319 102-1",
            tr("证书指纹 SHA-256"),
            tr("覆盖范围"),
        )

    def cell(self, sig: SignatureReport, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(sig, column)
        if role == Qt.ItemDataRole.ForegroundRole and column in (3, 4):
            return QColor(GOOD if sig.verdict is SignatureVerdict.OK else BAD)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 4:
                return verification_words.ades_text(sig, lang())
            if column == 5:
                return verification_words.certificate_text(sig, lang())
            return sig.error or verification_words.verdict_text(sig, lang())
        return None

    @staticmethod
    def _text(sig: SignatureReport, column: int) -> str:
        if column == 0:
            return sig.signer or "—"
        if column == 1:
            return sig.role or "—"
        if column == 2:
            return verification_words.local_time(sig.signed_at) if sig.signed_at else "—"
        if column == 3:
            mark = {SignatureVerdict.OK: "✓ ", SignatureVerdict.UNTRUSTED: "⚠ "}.get(sig.verdict, "✗ ")
            return mark + verification_words.verdict_text(sig, lang())
        if column == 4:
            sub = f" / {sig.ades_subindication}" if sig.ades_subindication else ""
            return sig.ades_status + sub
        if column == 5:
            return sig.certificate_sha256[:16] + "…" if sig.certificate_sha256 else "—"
        return verification_words.coverage_text(sig, lang()) or "—"


class VerifyDialog(QDialog):
    """Pick a PDF (or be given its bytes), check it, show each signature and the verdict."""

    verified = Signal(object)  # VerificationReport
    failed = Signal(str)

    def __init__(
        self,
        store: StoreLink | None = None,
        case_id: str | None = None,
        case_title: str = "",
        folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("verifyDialog")
        self.setWindowTitle(tr("验证 PDF 签名"))
        self.store, self.case_id, self.folder = store, case_id, folder
        self.extra_trust: list[Path] = []
        self.pdf: bytes | None = None
        self.report: VerificationReport | None = None
        self.file_label = QLabel(tr("尚未选择文件"))
        self.file_label.setObjectName("verifyFile")
        self.file_label.setWordWrap(True)
        choose = QPushButton(tr("选择 PDF…"))
        choose.setObjectName("choosePdf")
        choose.clicked.connect(self._choose)
        trust = QPushButton(tr("另信任证书…"))
        trust.setObjectName("addTrust")
        trust.clicked.connect(self._choose_trust)
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(choose)
        top.addWidget(trust)
        self.trust_label = QLabel()
        self.trust_label.setObjectName("trustNote")
        self.trust_label.setWordWrap(True)
        self.icon = QLabel()
        self.icon.setObjectName("verdictIcon")
        self.icon.setFixedSize(52, 52)
        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        self.verdict.setFont(font)
        self.verdict.setWordWrap(True)
        self.verdict_detail = QLabel()
        self.verdict_detail.setObjectName("verdictDetail")
        self.verdict_detail.setWordWrap(True)
        words = QVBoxLayout()
        words.addWidget(self.verdict)
        words.addWidget(self.verdict_detail)
        banner = QFrame()
        banner.setObjectName("verdictBanner")
        banner_layout = QHBoxLayout(banner)
        banner_layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        banner_layout.addLayout(words, 1)
        self.banner = banner
        banner.hide()
        self.model = SignatureModel(self)
        self.table = QTableView()
        self.table.setObjectName("signatureTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.case_label = QLabel()
        self.case_label.setObjectName("caseMatch")
        self.case_label.setWordWrap(True)
        self.compare_note = QLabel(
            tr("与案件库中的案件“%1”对比案件指纹。").replace("%1", case_title or (case_id or ""))
            if case_id and store is not None
            else tr("未指定案件：不对比案件指纹（从案件标签页或报告归档验证时对比）。")
        )
        self.compare_note.setWordWrap(True)
        self.error = error_label("verifyError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.trust_label)
        layout.addWidget(self.compare_note)
        layout.addWidget(banner)
        layout.addWidget(self.case_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._show_trust()
        self.resize(900, 520)

    # ---- input ---------------------------------------------------------------------------------------

    def _choose(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, tr("选择要验证的 PDF"), str(Path.home()), tr("PDF 文件 (*.pdf);;所有文件 (*)")
        )
        if name:
            self.check_file(Path(name))

    def _choose_trust(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self, tr("选择要信任的证书"), str(Path.home()), tr("证书 (*.pem *.crt *.cer);;所有文件 (*)")
        )
        if names:
            self.add_trust([Path(n) for n in names])

    def add_trust(self, paths: list[Path]) -> None:
        """Trust these certificate files as well; checks the PDF again."""
        self.extra_trust.extend(p for p in paths if p not in self.extra_trust)
        self._show_trust()
        if self.pdf is not None:
            self._run()

    def _show_trust(self) -> None:
        own = len(signatures.list_identities(self.folder))
        text = tr("受信任的证书：本人的 %1 个签名身份").replace("%1", str(own))
        if self.extra_trust:
            text += tr("，另加：%1").replace("%1", "、".join(p.name for p in self.extra_trust))
        self.trust_label.setText(text)

    def check_file(self, path: Path) -> None:
        """Read ``path`` and check it; an unreadable file is refused in place."""
        try:
            data = path.read_bytes()
        except OSError as error:
            text = tr("无法读取文件 %1：%2").replace("%1", str(path)).replace("%2", error.strerror or "")
            show_error(self.error, text)
            return
        self.check_bytes(data, path.name)

    def check_bytes(self, pdf: bytes, name: str) -> None:
        """Check ``pdf`` (shown as ``name``) in the background."""
        self.pdf = pdf
        self.file_label.setText(name)
        self._run()

    def _run(self) -> None:
        pdf, store, case_id = self.pdf, self.store, self.case_id
        folder, extra = self.folder, list(self.extra_trust)
        assert pdf is not None
        show_error(self.error, "")
        self.verdict.setText(tr("正在验证…"))

        def job() -> VerificationReport:
            trusted = signatures.trusted_certificates(folder, extra)
            if store is None:
                return signatures.verify_report(pdf, trusted)
            current = None
            if case_id:
                current = store.services.cases.open_case(case_id, store.user).content_sha256
            archive = store.services.archive
            report = signatures.verify_report(pdf, [*trusted, *archive.trust_roots(store.user)], current)
            report = archive.mark_revoked(report, store.user)
            return archive.compare_with_archive(report, pdf, store.user)

        run_in_background(job, self._show, self._failed)

    # ---- output --------------------------------------------------------------------------------------

    def _show(self, report: VerificationReport) -> None:
        self.report = report
        self.model.set_rows(list(report.signatures))
        ok = report.ok
        self.banner.show()
        self.icon.setPixmap(verdict_icon(ok))
        colour = GOOD if ok else BAD
        self.verdict.setStyleSheet(f"color: {colour};")
        self.banner.setStyleSheet(
            f"#verdictBanner {{ border: 2px solid {colour}; border-radius: 6px; background: "
            f"{'#E8F1F8' if ok else '#FBEDE4'}; }}"
        )
        self.verdict.setText(self._headline(report))
        self.verdict_detail.setText(self._detail(report))
        self.case_label.setText(self._case_text(report))
        self.verified.emit(report)

    @staticmethod
    def _headline(report: VerificationReport) -> str:
        outcome = report.outcome.value
        if outcome == "ok":
            return tr("签名有效，证书受信任")
        if outcome == "untrusted":
            return tr("签名完整，但证书未受信任")
        if outcome == "expired":
            return tr("签名完整，但证书已过期或尚未生效")
        return tr("验证未通过")

    @staticmethod
    def _detail(report: VerificationReport) -> str:
        """The command line's closing lines: the file's notes and the verdict."""
        lines = [*verification_words.notes(report, lang()), verification_words.outcome_text(report, lang())]
        return "\n".join(capital(line, lang()) for line in lines)

    @staticmethod
    def _case_text(report: VerificationReport) -> str:
        if not report.case_sha256:
            return tr("PDF 中没有案件指纹。")
        version = "—" if report.case_version is None else str(report.case_version)
        state = {
            None: tr("未与案件库对比"),
            True: "✓ " + tr("与案件库中的当前案件一致"),
            False: "✗ " + tr("与案件库中的当前案件不一致"),
        }[report.case_matches]
        return (
            tr("案件指纹 %1（第 %2 版）：%3")
            .replace("%1", report.case_sha256[:16] + "…")
            .replace("%2", version)
            .replace("%3", state)
        )

    def _failed(self, error: BaseException) -> None:
        self.report = None
        self.model.set_rows([])
        self.banner.show()
        self.icon.setPixmap(verdict_icon(False))
        self.verdict.setStyleSheet(f"color: {BAD};")
        self.verdict.setText(tr("无法验证"))
        text = report_error_text(error)
        self.verdict_detail.setText(text)
        self.case_label.setText("")
        show_error(self.error, text)
        self.failed.emit(text)
