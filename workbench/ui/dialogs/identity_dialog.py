"""Signing identities in the window: the user's list, a new self-signed one, or one from the bank's CA.

Identities are files in the user data directory (``services.signatures``); the key never goes into
the store. Making a key (RSA-2048, a slow PKCS#12 key derivation) and opening a PKCS#12 file run
in the background; a refusal (short or mismatched passphrase, wrong passphrase, not a PKCS#12
file) stays in the dialog with its reason.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.records import SignatureRole
from workbench.services import signatures
from workbench.services.signatures import IdentityInfo
from workbench.texts.labels import SIGNATURE_ROLE_LABELS
from workbench.ui.dialogs.signing_form import error_label, report_error_text, show_error
from workbench.ui.i18n import lang, tr
from workbench.ui.models.records_model import RecordsModel
from workbench.ui.ops import run_in_background

Index = QModelIndex | QPersistentModelIndex
MIN_PASSPHRASE = 8


def _date(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d")


def issuer_text(info: IdentityInfo) -> str:
    """``自签名`` or the issuer's distinguished name."""
    return tr("自签名") if info.self_signed else info.issuer


class IdentityModel(RecordsModel[IdentityInfo]):
    """The identities of one folder, read-only."""

    def __init__(self, folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.reload()

    def reload(self) -> None:
        self.set_rows(signatures.list_identities(self.folder))

    def headers(self) -> list[str]:
        return [tr("姓名"), tr("角色"), tr("单位"), tr("颁发者"), tr("有效期至"), tr("证书指纹")]

    def cell(self, info: IdentityInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                info.name,
                info.role,
                info.unit,
                issuer_text(info),
                _date(info.not_after),
                info.fingerprint[:16] + "…",
            )
            return values[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return describe_identity(info)
        return None


def describe_identity(info: IdentityInfo) -> str:
    """The certificate's subject, issuer, validity and fingerprint, one per line."""
    now = datetime.now(UTC)
    state = tr("当前有效") if info.valid_at(now) else tr("当前无效（已过期或尚未生效）")
    return "\n".join(
        (
            tr("持有人：%1").replace("%1", info.subject),
            tr("颁发者：%1").replace("%1", issuer_text(info)),
            tr("有效期：%1 至 %2（%3）")
            .replace("%1", _date(info.not_before))
            .replace("%2", _date(info.not_after))
            .replace("%3", state),
            tr("SHA-256 指纹：%1").replace("%1", info.fingerprint),
        )
    )


class IdentityDialog(QDialog):
    """The user's identities, with buttons to make a new one or import one."""

    identities_changed = Signal()

    def __init__(self, folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("identityDialog")
        self.setWindowTitle(tr("我的签名身份"))
        self.folder = folder
        self.model = IdentityModel(folder, self)
        self.table = QTableView()
        self.table.setObjectName("identityTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.detail = QLabel()
        self.detail.setObjectName("identityDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_detail())
        self.model.modelReset.connect(self._show_detail)
        where_text = tr(
            "签名身份保存在本机 %1（私钥文件仅本人可读），不进入案件库；签署时输入口令，口令不保存。"
        )
        where = QLabel(where_text.replace("%1", str(folder or signatures.identities_dir())))
        where.setWordWrap(True)
        self.create_button = QPushButton(tr("新建身份…"))
        self.create_button.setObjectName("createIdentity")
        self.create_button.clicked.connect(self.ask_create)
        self.import_button = QPushButton(tr("导入 PKCS#12…"))
        self.import_button.setObjectName("importIdentity")
        self.import_button.clicked.connect(self.ask_import)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("关闭"))
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.create_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(row)
        self.resize(860, 440)
        self._show_detail()

    def _show_detail(self) -> None:
        row = self.table.currentIndex().row()
        if 0 <= row < len(self.model.rows):
            self.detail.setText(describe_identity(self.model.rows[row]))
        elif self.model.rows:
            self.detail.setText(tr("选择一个签名身份查看证书。"))
        else:
            none = tr("还没有签名身份。新建一个（自签名证书），或导入银行 CA 颁发的 PKCS#12 文件。")
            self.detail.setText(none)

    def ask_create(self) -> CreateIdentityDialog:
        dialog = CreateIdentityDialog(self.folder, self)
        dialog.created.connect(self._added)
        dialog.open()
        return dialog

    def ask_import(self) -> ImportIdentityDialog:
        dialog = ImportIdentityDialog(self.folder, self)
        dialog.imported.connect(self._added)
        dialog.open()
        return dialog

    def _added(self, info: IdentityInfo) -> None:
        self.model.reload()
        for row, known in enumerate(self.model.rows):
            if known.path == info.path:
                self.table.selectRow(row)
        self.identities_changed.emit()


class CreateIdentityDialog(QDialog):
    """Name, role, unit and the passphrase twice; makes a key and a self-signed certificate."""

    created = Signal(object)  # IdentityInfo
    failed = Signal(str)

    def __init__(self, folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("createIdentityDialog")
        self.setWindowTitle(tr("新建签名身份"))
        self.folder = folder
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.role = QLineEdit()
        self.role.setObjectName("role")
        self.role.setPlaceholderText(tr("如：客户经理、审查员、审贷会主任"))
        # The box the identity signs in, kept in the certificate as data (its title is only words).
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for kind in SignatureRole:
            self.kind.addItem(SIGNATURE_ROLE_LABELS[kind][lang()], kind)
        self.unit = QLineEdit()
        self.unit.setObjectName("unit")
        self.unit.setPlaceholderText(tr("如：某某农商银行 小微信贷中心"))
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(tr("至少 8 个字符"))
        self.again = QLineEdit()
        self.again.setObjectName("passphraseAgain")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = error_label("identityError")
        note = QLabel(
            tr("将生成 RSA-2048 密钥和自签名证书，以口令加密保存为 PKCS#12 文件；忘记口令无法找回。")
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("姓名"), self.name)
        form.addRow(tr("签署栏"), self.kind)
        form.addRow(tr("角色"), self.role)
        form.addRow(tr("单位"), self.unit)
        form.addRow(tr("口令"), self.passphrase)
        form.addRow(tr("再次输入口令"), self.again)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("新建"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        self.buttons.accepted.connect(self.make_identity)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def problem(self) -> str:
        if not self.name.text().strip():
            return tr("请填写签署人姓名")
        if len(self.passphrase.text()) < MIN_PASSPHRASE:
            return tr("口令至少需要 %1 个字符").replace("%1", str(MIN_PASSPHRASE))
        if self.passphrase.text() != self.again.text():
            return tr("两次输入的口令不一致")
        return ""

    def make_identity(self) -> None:
        """Check the fields, then make the identity in the background."""
        problem = self.problem()
        show_error(self.error, problem)
        if problem:
            return
        name, role, unit = self.name.text().strip(), self.role.text().strip(), self.unit.text().strip()
        passphrase, folder = self.passphrase.text(), self.folder
        kind = SignatureRole(self.kind.currentData())
        role = role or self.kind.currentText()
        self.ok_button.setEnabled(False)
        self.ok_button.setText(tr("正在生成…"))
        run_in_background(
            lambda: signatures.create_identity(name, role, unit, passphrase, folder, kind=kind),
            self._done,
            self._failed,
        )

    def _done(self, info: IdentityInfo) -> None:
        self.passphrase.clear()
        self.again.clear()
        self.created.emit(info)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.ok_button.setText(tr("新建"))
        text = report_error_text(error)
        show_error(self.error, text)
        self.failed.emit(text)


class ImportIdentityDialog(QDialog):
    """A PKCS#12 file and its passphrase: shows the certificate, then copies it into the identities."""

    imported = Signal(object)  # IdentityInfo
    read_done = Signal(object)  # IdentityInfo
    failed = Signal(str)

    def __init__(self, folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importIdentityDialog")
        self.setWindowTitle(tr("导入签名身份"))
        self.folder = folder
        self.shown: IdentityInfo | None = None
        self.path = QLineEdit()
        self.path.setObjectName("path")
        self.path.setPlaceholderText(tr("银行 CA 颁发的 .p12 / .pfx 文件"))
        browse = QPushButton(tr("浏览…"))
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.read_button = QPushButton(tr("读取证书"))
        self.read_button.setObjectName("readCertificate")
        self.read_button.clicked.connect(self.read)
        pass_row = QHBoxLayout()
        pass_row.addWidget(self.passphrase, 1)
        pass_row.addWidget(self.read_button)
        form = QFormLayout()
        form.addRow(tr("文件"), file_row)
        form.addRow(tr("口令"), pass_row)
        self.certificate = QLabel(tr("输入口令并读取证书，核对无误后导入。"))
        self.certificate.setObjectName("certificateDetail")
        self.certificate.setWordWrap(True)
        self.certificate.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.certificate.setMinimumHeight(90)
        self.error = error_label("importError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("导入"))
        self.ok_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        self.buttons.accepted.connect(self.import_it)
        self.buttons.rejected.connect(self.reject)
        self.path.textChanged.connect(self._forget)
        self.passphrase.textChanged.connect(self._forget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.certificate)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(640, self.sizeHint().height())

    def _browse(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, tr("选择 PKCS#12 文件"), str(Path.home()), tr("PKCS#12 文件 (*.p12 *.pfx);;所有文件 (*)")
        )
        if name:
            self.path.setText(name)

    def _forget(self) -> None:
        self.shown = None
        self.ok_button.setEnabled(False)

    def read(self) -> None:
        """Open the file with the passphrase (in the background) and show its certificate."""
        text = self.path.text().strip()
        if not text:
            show_error(self.error, tr("请选择要导入的文件"))
            return
        if not self.passphrase.text():
            show_error(self.error, tr("请输入该文件的口令"))
            return
        path, passphrase = Path(text), self.passphrase.text()
        show_error(self.error, "")
        self.read_button.setEnabled(False)
        run_in_background(lambda: signatures.read_identity_file(path, passphrase), self._read, self._failed)

    def _read(self, info: IdentityInfo) -> None:
        self.read_button.setEnabled(True)
        self.shown = info
        self.certificate.setText(describe_identity(info))
        valid = info.valid_at(datetime.now(UTC))
        self.ok_button.setEnabled(valid)
        if not valid:
            show_error(self.error, tr("证书当前无效（已过期或尚未生效），不能导入"))
        self.read_done.emit(info)

    def import_it(self) -> None:
        """Copy the file (key stays encrypted) and its certificate into the identities."""
        if self.shown is None:
            self.read()
            return
        path, passphrase, folder = Path(self.path.text().strip()), self.passphrase.text(), self.folder
        self.ok_button.setEnabled(False)
        run_in_background(
            lambda: signatures.import_identity(path, passphrase, folder), self._imported, self._failed
        )

    def _imported(self, info: IdentityInfo) -> None:
        self.passphrase.clear()
        self.imported.emit(info)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.read_button.setEnabled(True)
        self.certificate.setText(tr("输入口令并读取证书，核对无误后导入。"))
        self.shown = None
        self.ok_button.setEnabled(False)
        text = report_error_text(error)
        show_error(self.error, text)
        self.failed.emit(text)
