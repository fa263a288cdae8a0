"""Pieces the report dialogs share: who signs (identity, passphrase, reason, place), messages, files.

The passphrase lives in its field only while the dialog is open; it goes to the background job that
signs and is never written anywhere.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from workbench.services.reporting import ArchiveChangedError
from workbench.services.signatures import SigningError, VerificationError, list_identities
from workbench.texts.signing import signing_error_text as signing_refusal
from workbench.ui.i18n import lang, tr
from workbench.ui.persistence import describe

if TYPE_CHECKING:
    from workbench.services.signatures import IdentityInfo

ERROR_STYLE = "color: #B00020; padding: 2px 0;"


def signing_error_text(error: SigningError) -> str:
    """One translated sentence for a ``SigningError`` (the table the command line uses too)."""
    params = {k: str(v) for k, v in error.params.items()}
    if error.reason in ("identity_locked", "identity_malformed"):
        params["path"] = Path(params.get("path", "")).name  # the dialog shows the folder already
    return signing_refusal(error.reason, params, lang()) or str(error)


def report_error_text(error: BaseException) -> str:
    """A translated sentence for anything a report job can raise."""
    if isinstance(error, SigningError):
        return signing_error_text(error)
    if isinstance(error, VerificationError):
        if error.reason == "bad_certificate":
            return tr("不是可读取的证书文件：%1").replace("%1", error.detail)
        if error.reason == "encrypted":
            return tr("这是加密的 PDF（需要密码才能打开），无法验证其中的签名")
        return tr("不是可读取的 PDF 文件（%1）").replace("%1", error.detail)
    if isinstance(error, ArchiveChangedError):
        return (
            tr("此报告对应案件第 %1 版，案件现已是第 %2 版：请先导出新版本的报告再签署")
            .replace("%1", str(error.report_version))
            .replace("%2", str(error.case_version))
        )
    return describe(error)


def error_label(object_name: str) -> QLabel:
    """A hidden red line for a refusal shown in place; ``show_error`` fills it."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


def show_error(label: QLabel, text: str) -> None:
    label.setText(("⚠ " + text) if text else "")
    label.setVisible(bool(text))


def identity_title(info: IdentityInfo) -> str:
    """``刘敏 · 客户经理 · 某某农商银行`` for lists and combo boxes."""
    return " · ".join(v for v in (info.name, info.role, info.unit) if v)


class SigningForm(QGroupBox):
    """Identity, passphrase, reason and place of one signature."""

    def __init__(
        self, title: str, reason: str = "", folder: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(title, parent)
        self.setObjectName("signingForm")
        self.folder = folder
        self.identity = QComboBox()
        self.identity.setObjectName("identityChoice")
        manage = QPushButton(tr("签名身份…"))
        manage.setObjectName("manageIdentities")
        manage.clicked.connect(self.manage)
        choice = QHBoxLayout()
        choice.addWidget(self.identity, 1)
        choice.addWidget(manage)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(tr("签署时输入，不会保存"))
        self.reason = QLineEdit(reason)
        self.reason.setObjectName("reason")
        self.location = QLineEdit()
        self.location.setObjectName("location")
        self.empty_hint = QLabel(tr("还没有签名身份：请先点“签名身份…”新建或导入。"))
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setObjectName("noIdentityHint")
        form = QFormLayout(self)
        form.addRow(tr("签名身份"), choice)
        form.addRow("", self.empty_hint)
        form.addRow(tr("口令"), self.passphrase)
        form.addRow(tr("签署事由"), self.reason)
        form.addRow(tr("签署地点"), self.location)
        self.reload()

    def reload(self, select: Path | None = None) -> None:
        """Fill the identity list again (after one was created or imported)."""
        self.identity.clear()
        for info in list_identities(self.folder):
            self.identity.addItem(identity_title(info), info)
            if select is not None and info.path == select:
                self.identity.setCurrentIndex(self.identity.count() - 1)
        self.empty_hint.setVisible(self.identity.count() == 0)

    def manage(self) -> QWidget:
        """The identities dialog; the list here follows what is created or imported there."""
        from workbench.ui.dialogs.identity_dialog import IdentityDialog

        dialog = IdentityDialog(self.folder, self)
        dialog.identities_changed.connect(lambda: self.reload(self._current_path()))
        dialog.open()
        return dialog

    def _current_path(self) -> Path | None:
        info = self.chosen()
        return info.path if info is not None else None

    def chosen(self) -> IdentityInfo | None:
        data = self.identity.currentData()
        return data if data is not None and hasattr(data, "fingerprint") else None

    def problem(self) -> str:
        """Why these fields cannot sign yet ("" when they can)."""
        if self.chosen() is None:
            return tr("请选择签名身份")
        if not self.passphrase.text():
            return tr("请输入签名身份的口令")
        return ""


def open_file_externally(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def open_pdf_externally(pdf: bytes, name: str) -> Path:
    """Write ``pdf`` to a private temporary file and open it in the system's PDF viewer."""
    folder = Path(tempfile.mkdtemp(prefix="workbench-report-"))
    path = folder / name
    path.write_bytes(pdf)
    open_file_externally(path)
    return path


def preview_pdf(pdf: bytes, parent: QWidget, error: QLabel) -> None:
    """Print preview of ``pdf`` (modal); a failure shows in ``error``."""
    from workbench.ui.printing import PrintError, print_preview

    try:
        print_preview(pdf, parent).exec()
    except PrintError as failure:
        show_error(error, str(failure))


def print_pdf_asking(pdf: bytes, parent: QWidget, error: QLabel, state: QLabel) -> None:
    """The print dialog (printer, copies, page range), then print in the background.

    Progress and the result show in ``state``, a failure in ``error``.
    """
    from workbench.ui.printing import print_with_dialog

    def done(pages: int) -> None:
        state.setText(tr("已发送到打印机：%1 页。").replace("%1", str(pages)))

    def failed(failure: BaseException) -> None:
        state.setText("")
        show_error(error, str(failure))

    if print_with_dialog(pdf, parent, done, failed):
        state.setText(tr("正在打印…"))
