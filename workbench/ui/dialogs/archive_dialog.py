"""The report archive of a stored case: every signed PDF, newest last, never changed.

Open, re-verify, save a copy, print preview and print work on the archived bytes (fetched in the
background). A counter-signature (reviewer, committee chair) signs a copy of an archived report
and archives the result as a new row; the row it started from stays as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.records import ArchivedReport
from workbench.domain.records import ReportKind as ArchiveKind
from workbench.services import signatures
from workbench.services.reporting import counter_sign_report
from workbench.ui.dialogs.signing_form import (
    SigningForm,
    error_label,
    open_pdf_externally,
    preview_pdf,
    print_pdf_asking,
    report_error_text,
    show_error,
)
from workbench.ui.i18n import tr
from workbench.ui.models.records_model import RecordsModel
from workbench.ui.ops import run_in_background

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.services.reporting import SignedReport
    from workbench.ui.store_link import StoreLink

Index = QModelIndex | QPersistentModelIndex


def archive_kind_labels() -> dict[ArchiveKind, str]:
    return {
        ArchiveKind.SURVEY_REPORT: tr("调查报告"),
        ArchiveKind.DOSSIER: tr("贷款档案"),
        ArchiveKind.MINUTES: tr("审贷会纪要"),
    }


def pdf_name(report: ArchivedReport) -> str:
    """A file name that says what the report is: ``survey_report-v3-1a2b3c4d.pdf``."""
    return f"{report.kind.value}-v{report.case_version}-{report.sha256[:8]}.pdf"


class ArchiveModel(RecordsModel[ArchivedReport]):
    """Archived reports of one case, read-only: kind, case version, signers, time, SHA-256."""

    def headers(self) -> tuple[str, ...]:
        return (tr("报告"), tr("案件版本"), tr("签署人"), tr("签署时间"), tr("SHA-256"))

    def cell(self, report: ArchivedReport, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                archive_kind_labels().get(report.kind, report.kind.value),
                str(report.case_version),
                report.signer,
                report.signed_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                report.sha256[:12],
            )
            return values[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            return report.sha256
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (1, 4):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class ArchiveDialog(QDialog):
    """The archived reports of ``case_id`` and what can be done with one."""

    loaded = Signal()
    pdf_ready = Signal(object)  # bytes, after an action fetched them
    failed = Signal(str)

    def __init__(
        self,
        store: StoreLink,
        case_id: str,
        title: str,
        folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("archiveDialog")
        self.setWindowTitle(tr("报告归档 — %1").replace("%1", title))
        self.store, self.case_id, self.folder = store, case_id, folder
        self.model = ArchiveModel(self)
        self.table = QTableView()
        self.table.setObjectName("archiveTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.open_report())
        note = QLabel(tr("归档中的报告不可修改；会签会生成一份新的归档报告，原报告保持不变。"))
        note.setWordWrap(True)
        self.state = QLabel(tr("正在读取报告归档…"))
        self.state.setObjectName("archiveState")
        self.error = error_label("archiveError")
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        actions: tuple[tuple[str, str, Callable[[], object]], ...] = (
            ("open", tr("打开"), self.open_report),
            ("verify", tr("重新验证…"), self.verify),
            ("save", tr("另存副本…"), self.save_copy),
            ("preview", tr("打印预览…"), self.preview),
            ("print", tr("打印…"), self.print_it),
            ("countersign", tr("会签…"), self.ask_counter_sign),
        )
        for key, text, slot in actions:
            button = QPushButton(text)
            button.setObjectName(f"archive:{key}")
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(tr("关闭"))
        close.rejected.connect(self.reject)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.state)
        layout.addWidget(self.error)
        layout.addLayout(row)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._enable())
        self.model.modelReset.connect(self._enable)
        self.resize(900, 420)
        self._enable()
        self.reload()

    # ---- the list ------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the archive again (in the background)."""
        store, case_id = self.store, self.case_id
        run_in_background(
            lambda: store.services.archive.list_reports(case_id, store.user), self._loaded, self._failed
        )

    def _loaded(self, rows: list[ArchivedReport]) -> None:
        self.model.set_rows(rows)
        count = tr("共 %1 份签署的报告。").replace("%1", str(len(rows)))
        self.state.setText(count if rows else tr("此案件还没有签署的报告。"))
        if rows:
            self.table.selectRow(len(rows) - 1)
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        text = report_error_text(error)
        show_error(self.error, text)
        self.failed.emit(text)

    def _enable(self) -> None:
        chosen = self.selected() is not None
        for button in self.buttons.values():
            button.setEnabled(chosen)

    def selected(self) -> ArchivedReport | None:
        row = self.table.currentIndex().row()
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    # ---- actions on the selected report ---------------------------------------------------------------

    def _with_pdf(self, action: Callable[[ArchivedReport, bytes], object]) -> None:
        report = self.selected()
        if report is None:
            return
        store = self.store
        show_error(self.error, "")

        def done(pdf: bytes) -> None:
            self.pdf_ready.emit(pdf)
            action(report, pdf)

        def fetch() -> bytes:
            return store.services.archive.report_pdf(report.id, store.user)

        run_in_background(fetch, done, self._failed)

    def open_report(self) -> None:
        """Write the PDF to a temporary file and open it in the system's viewer."""
        self._with_pdf(lambda report, pdf: open_pdf_externally(pdf, pdf_name(report)))

    def verify(self) -> None:
        """The verification dialog for this report, compared with the case as stored now."""
        from workbench.ui.dialogs.verify_dialog import VerifyDialog

        def show(report: ArchivedReport, pdf: bytes) -> None:
            dialog = VerifyDialog(self.store, self.case_id, folder=self.folder, parent=self)
            dialog.check_bytes(pdf, pdf_name(report))
            dialog.open()
            self.verify_dialog = dialog

        self._with_pdf(show)

    def save_copy(self, path: Path | None = None) -> None:
        """Write the archived bytes to a file of the officer's choice."""

        def save(report: ArchivedReport, pdf: bytes) -> None:
            target = path
            if target is None:
                name, _filter = QFileDialog.getSaveFileName(
                    self, tr("另存报告副本"), str(Path.home() / pdf_name(report)), tr("PDF 文件 (*.pdf)")
                )
                if not name:
                    return
                target = Path(name)
            try:
                target.write_bytes(pdf)
            except OSError as error:
                text = tr("无法写入 %1：%2").replace("%1", str(target))
                show_error(self.error, text.replace("%2", error.strerror or str(error)))
                return
            self.state.setText(tr("已另存为 %1").replace("%1", str(target)))

        self._with_pdf(save)

    def preview(self) -> None:
        self._with_pdf(lambda _report, pdf: preview_pdf(pdf, self, self.error))

    def print_it(self) -> None:
        self._with_pdf(lambda _report, pdf: print_pdf_asking(pdf, self, self.error, self.state))

    def ask_counter_sign(self) -> CounterSignDialog | None:
        report = self.selected()
        if report is None:
            return None
        dialog = CounterSignDialog(self.store, report, self.folder, self)
        dialog.signed.connect(lambda _result: self.reload())
        dialog.open()
        self.counter_sign_dialog = dialog
        return dialog


class CounterSignDialog(QDialog):
    """A reviewer or the committee chair adds a signature to an archived report."""

    signed = Signal(object)  # SignedReport
    failed = Signal(str)

    def __init__(
        self,
        store: StoreLink,
        report: ArchivedReport,
        folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("counterSignDialog")
        self.setWindowTitle(tr("会签报告"))
        self.store, self.report = store, report
        what = QLabel(
            tr("%1（案件第 %2 版），已签署：%3")
            .replace("%1", archive_kind_labels().get(report.kind, report.kind.value))
            .replace("%2", str(report.case_version))
            .replace("%3", report.signer)
        )
        what.setWordWrap(True)
        self.form = SigningForm(tr("会签人"), reason=tr("审查会签"), folder=folder)
        self.error = error_label("counterSignError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("会签"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        self.buttons.accepted.connect(self.sign)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def sign(self) -> None:
        """Sign in the background; the archive gets a new row."""
        problem = self.form.problem()
        show_error(self.error, problem)
        if problem:
            return
        info = self.form.chosen()
        assert info is not None
        store, report, passphrase = self.store, self.report, self.form.passphrase.text()
        reason, location = self.form.reason.text().strip(), self.form.location.text().strip()

        def job() -> SignedReport:
            identity = signatures.load_identity(info.path, passphrase)
            return counter_sign_report(
                store.services, report, identity, store.user, reason=reason, location=location
            )

        self.ok_button.setEnabled(False)
        self.ok_button.setText(tr("正在签署…"))
        run_in_background(job, self._done, self._failed)

    def _done(self, result: SignedReport) -> None:
        self.form.passphrase.clear()
        self.signed.emit(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.ok_button.setText(tr("会签"))
        text = tr("未会签：%1").replace("%1", report_error_text(error))
        show_error(self.error, text)
        self.failed.emit(text)
