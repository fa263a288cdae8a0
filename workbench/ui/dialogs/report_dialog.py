"""Export a report of the open case: kind, language, unit, maybe a signature, the file to write.

The job (render, sign, archive, write) runs in the background on a snapshot of the case. A report
of a stored case is made as ``workbench report`` makes it (``services.reporting.stored_report``:
the store's photos and committee pages); signed, it reloads the stored version (refused when
someone saved since the tab loaded it) and archives the PDF pinned to that version, so a stored
case with unsaved edits must be saved first, or the PDF would show what the archive does not. Any
other report is made from the case as it is on screen.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.services import signatures
from workbench.services.reporting import (
    ReportKind,
    ReportRequest,
    SignedReport,
    make_report,
    signing_reason,
    signs_as_user,
    stored_report,
)
from workbench.ui.dialogs.signing_form import (
    SigningForm,
    error_label,
    open_file_externally,
    preview_pdf,
    print_pdf_asking,
    report_error_text,
    show_error,
)
from workbench.ui.i18n import lang, tr
from workbench.ui.ops import run_in_background

if TYPE_CHECKING:
    from workbench.ui.document import CaseDocument
    from workbench.ui.store_link import StoreLink


def kind_labels() -> dict[ReportKind, str]:
    return {
        ReportKind.SURVEY: tr("调查报告"),
        ReportKind.DOSSIER: tr("贷款档案"),
        ReportKind.MINUTES: tr("审贷会纪要（上会表格）"),
    }


@dataclasses.dataclass(frozen=True, slots=True)
class ExportResult:
    """What the background job did."""

    report: SignedReport
    path: Path
    signed: bool


class ReportDialog(QDialog):
    """The report's settings, the export in the background, then open / preview / print."""

    exported = Signal(object)  # ExportResult
    failed = Signal(str)

    def __init__(
        self,
        document: CaseDocument,
        store: StoreLink | None = None,
        folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.setWindowTitle(tr("导出报告 — %1").replace("%1", document.title()))
        self.document = document
        self.store = store
        self.outcome: ExportResult | None = None
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for kind, label in kind_labels().items():
            self.kind.addItem(label, kind.value)  # Qt keeps a StrEnum as a plain str
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(1 if lang() == "en" else 0)
        self.unit = QLineEdit()
        self.unit.setObjectName("unit")
        self.unit.setPlaceholderText(tr("页眉上的单位名称，如：某某农商银行 小微信贷中心"))
        self.output = QLineEdit()
        self.output.setObjectName("output")
        browse = QPushButton(tr("浏览…"))
        browse.clicked.connect(self._browse)
        out_row = QHBoxLayout()
        out_row.addWidget(self.output, 1)
        out_row.addWidget(browse)
        self.sign = QCheckBox(tr("签署报告（PAdES 数字签名）"))
        self.sign.setObjectName("sign")
        self.signing = SigningForm(tr("签署"), folder=folder)
        self.signing.setEnabled(False)
        self.sign.toggled.connect(self.signing.setEnabled)
        self.archive_note = QLabel(self._archive_note())
        self.archive_note.setObjectName("archiveNote")
        self.archive_note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("报告"), self.kind)
        form.addRow(tr("报告语言"), self.language)
        form.addRow(tr("单位"), self.unit)
        form.addRow(tr("输出文件"), out_row)
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.state = QLabel()
        self.state.setObjectName("exportState")
        self.state.setWordWrap(True)
        self.error = error_label("reportError")
        self.export_button = QPushButton(tr("导出"))
        self.export_button.setObjectName("export")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        self.open_button = QPushButton(tr("打开 PDF"))
        self.open_button.setObjectName("openPdf")
        self.open_button.clicked.connect(self.open_pdf)
        self.preview_button = QPushButton(tr("打印预览…"))
        self.preview_button.setObjectName("previewPdf")
        self.preview_button.clicked.connect(self.preview)
        self.print_button = QPushButton(tr("打印…"))
        self.print_button.setObjectName("printPdf")
        self.print_button.clicked.connect(self.print_it)
        for button in (self.open_button, self.preview_button, self.print_button):
            button.setEnabled(False)
        close = QPushButton(tr("关闭"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.sign)
        layout.addWidget(self.signing)
        layout.addWidget(self.archive_note)
        layout.addWidget(self.progress)
        layout.addWidget(self.state)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self._reason_shown = ""
        self.kind.currentIndexChanged.connect(self._defaults)
        self.language.currentIndexChanged.connect(self._defaults)
        self._defaults()
        self.resize(640, self.sizeHint().height())

    # ---- fields --------------------------------------------------------------------------------------

    def chosen_kind(self) -> ReportKind:
        return ReportKind(self.kind.currentData() or ReportKind.SURVEY.value)

    def _stored(self) -> bool:
        return self.document.source.kind == "store" and self.store is not None

    def _archive_note(self) -> str:
        if self._stored():
            return tr("签署的报告存入案件库的报告归档，对应案件当前保存的版本。")
        return tr("此案件不在案件库中：签署的报告只写入文件，不存档。")

    def _defaults(self) -> None:
        """Reason and file name follow kind and language until the officer types her own."""
        kind, report_lang = self.chosen_kind(), str(self.language.currentData())
        reason = signing_reason(kind, report_lang)  # printed in the report's language
        if self.signing.reason.text() in ("", self._reason_shown):
            self.signing.reason.setText(reason)
        self._reason_shown = reason
        case = self.document.state
        stem = re.sub(r"[^\w\-]+", "_", case.case_number or self.document.title()).strip("_") or "report"
        name = f"{stem}-{kind.value}.pdf"
        current = self.output.text()
        if not current or Path(current).name.startswith(f"{stem}-"):
            folder = Path(current).parent if current else Path.home()
            self.output.setText(str(folder / name))

    def _browse(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, tr("报告保存为"), self.output.text(), tr("PDF 文件 (*.pdf)")
        )
        if name:
            self.output.setText(name if name.lower().endswith(".pdf") else name + ".pdf")

    def problem(self) -> str:
        """Why the export cannot start ("" when it can)."""
        if not self.output.text().strip():
            return tr("请选择输出文件")
        target = Path(self.output.text().strip())
        if not target.parent.is_dir():
            return tr("文件夹不存在：%1").replace("%1", str(target.parent))
        if self.sign.isChecked():
            problem = self.signing.problem()
            if problem:
                return problem
            if self._stored() and not self.document.undo_stack.isClean():
                return tr("案件有未保存的修改：请先保存，再导出签署的报告（签署的报告按已保存的版本存档）。")
        return ""

    # ---- the job -------------------------------------------------------------------------------------

    def export(self) -> None:
        """Start the export in the background (refused in place when a field is missing)."""
        problem = self.problem()
        show_error(self.error, problem)
        if problem:
            return
        job = self._job()
        self.export_button.setEnabled(False)
        self.progress.show()
        self.state.setText(tr("正在生成并签署报告…") if self.sign.isChecked() else tr("正在生成报告…"))
        run_in_background(job, self._done, self._failed)

    def _job(self) -> Any:
        """A closure over immutable inputs only: it runs off the GUI thread."""
        case, source, store = self.document.state, self.document.source, self.store
        stored = self._stored()
        report_lang = str(self.language.currentData())
        request = ReportRequest(self.chosen_kind(), report_lang, self.unit.text().strip())
        target = Path(self.output.text().strip())
        sign = self.sign.isChecked()
        info = self.signing.chosen()
        passphrase = self.signing.passphrase.text()
        reason, location = self.signing.reason.text().strip(), self.signing.location.text().strip()
        clean = self.document.undo_stack.isClean()

        def job() -> ExportResult:
            identity = signatures.load_identity(info.path, passphrase) if sign and info else None
            if stored and store is not None:
                # signed: the stored version, which must be the one the tab loaded; unsigned: the
                # case on screen, pinned to its version only without unsaved edits
                report = stored_report(
                    store.services,
                    case.id,
                    request,
                    store.user,
                    identity,
                    shown=case,
                    expected_version=int(source.version) if identity is not None or clean else None,
                    reason=reason,
                    location=location,
                )
            else:
                report = make_report(
                    case,
                    request,
                    identity,
                    reason=reason,
                    location=location,
                    signs_as=signs_as_user(store.user) if store is not None else None,
                )
            tmp = target.with_name(target.name + ".tmp")
            tmp.write_bytes(report.pdf)
            tmp.replace(target)
            return ExportResult(report, target, identity is not None)

        return job

    def _done(self, result: ExportResult) -> None:
        self.outcome = result
        self.signing.passphrase.clear()
        self.progress.hide()
        self.export_button.setEnabled(True)
        for button in (self.open_button, self.preview_button, self.print_button):
            button.setEnabled(True)
        from workbench.ui.printing import PdfPages

        with PdfPages(result.report.pdf) as pages:
            count = len(pages)
        lines = [tr("已导出 %1（%2 页）。").replace("%1", str(result.path)).replace("%2", str(count))]
        if result.signed:
            lines.append(tr("已签署。"))
        if result.report.archived is not None:
            lines.append(
                tr("已存入报告归档（案件第 %1 版）。").replace("%1", str(result.report.archived.case_version))
            )
        self.state.setText("\n".join(lines))
        self.exported.emit(result)

    def _failed(self, error: BaseException) -> None:
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.state.setText("")
        text = tr("报告未导出：%1").replace("%1", report_error_text(error))
        show_error(self.error, text)
        self.failed.emit(text)

    # ---- after the export ----------------------------------------------------------------------------

    def open_pdf(self) -> None:
        """Show the written file in the system's PDF viewer."""
        if self.outcome is not None:
            open_file_externally(self.outcome.path)

    def preview(self) -> None:
        if self.outcome is not None:
            preview_pdf(self.outcome.report.pdf, self, self.error)

    def print_it(self) -> None:
        if self.outcome is not None:
            print_pdf_asking(self.outcome.report.pdf, self, self.error, self.state)
