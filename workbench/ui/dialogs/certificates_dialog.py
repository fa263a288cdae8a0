"""The identity registry of one person, for the administrator: which signing certificates are hers.

The archive takes a signed report only when its last signer's certificate is registered to the
person filing it (``docs/security.md``, "The archive"). Here the administrator sees a person's
certificates (fingerprint, subject, validity, revoked), registers one from a certificate file (PEM or
DER: the public part only, never a key) and revokes one. Everything goes through ``StoreLink`` (the
services check again that she administers the store) off the GUI thread (``admin_list``); a refusal
(not a certificate, expired, already registered to someone) is one line here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.ui.dialogs.admin_list import AdminListDialog
from workbench.ui.i18n import tr

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.domain.certificates import RegisteredCertificate
    from workbench.ui.store_link import StoreLink

CERT_FILES_MAX = 64 * 1024  # a certificate is a few kB; anything larger is not one


def fingerprint_text(fingerprint: str) -> str:
    """The SHA-256 in groups of four, as people compare them aloud."""
    return " ".join(fingerprint[i : i + 4] for i in range(0, len(fingerprint), 4))


class CertificatesDialog(AdminListDialog):
    """``login``'s registered certificates. ``ask_file`` picks the file to register (tests answer it)."""

    def __init__(self, link: StoreLink, login: str, parent: QWidget | None = None) -> None:
        super().__init__(link, parent)
        self.setObjectName("certificatesDialog")
        self.setWindowTitle(tr("%1 的签名证书").replace("%1", login))
        self.login = login
        self.certificates: list[RegisteredCertificate] = []
        self.ask_file: Callable[[], str | None] = self._ask_file

        note = QLabel(
            tr(
                "报告归档时，最后一位签署人的证书须登记在本人名下。"
                "请登记证书文件（.pem、.crt 或 .der，只含公钥）；吊销后，该证书签署的报告不再归档。"
            )
        )
        note.setWordWrap(True)
        headers = [tr("指纹（SHA-256）"), tr("主体"), tr("有效期"), tr("状态")]
        self.table = self._make_table("certificatesTable", headers, stretch=0)
        self.table.setWordWrap(True)
        self._make_message("certificatesMessage")

        self.register_button = self._button("certificatesRegister", tr("登记证书…"), self.register)
        self.revoke_button = self._button("certificatesRevoke", tr("吊销"), self.revoke)
        close = self._button("certificatesClose", tr("关闭"), self.reject)
        row = QHBoxLayout()
        row.addWidget(self.register_button)
        row.addWidget(self.revoke_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)
        self.resize(760, 360)
        self._sync_buttons()
        self.refresh()

    def _read(self, link: StoreLink) -> list[RegisteredCertificate]:
        return link.certificates(self.login)

    def _show(self, certificates: list[RegisteredCertificate]) -> None:
        self.certificates = list(certificates)
        self.table.setRowCount(len(self.certificates))
        for row, cert in enumerate(self.certificates):
            validity = f"{cert.not_before.astimezone():%Y-%m-%d} – {cert.not_after.astimezone():%Y-%m-%d}"
            state = tr("已吊销") if cert.revoked else tr("有效")
            cells = (fingerprint_text(cert.fingerprint), cert.subject, validity, state)
            for column, value in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeRowsToContents()
        self._sync_buttons()

    def selected(self) -> RegisteredCertificate | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self.certificates[min(rows)] if rows and min(rows) < len(self.certificates) else None

    def _sync_buttons(self) -> None:
        chosen = self.selected()
        self.register_button.setEnabled(not self.busy)
        self.revoke_button.setEnabled(not self.busy and chosen is not None and not chosen.revoked)

    def _ask_file(self) -> str | None:
        path, _filter = QFileDialog.getOpenFileName(
            self, tr("选择证书文件"), "", tr("证书文件 (*.pem *.crt *.cer *.der);;所有文件 (*)")
        )
        return path or None

    def register(self) -> None:
        path = self.ask_file()
        if path is None:
            return
        try:
            with open(path, "rb") as f:
                data = f.read(CERT_FILES_MAX + 1)
        except OSError as error:
            self._refuse(tr("无法读取 %1：%2").replace("%1", path).replace("%2", error.strerror or ""))
            return
        if len(data) > CERT_FILES_MAX:
            self._refuse(tr("%1 不是证书文件").replace("%1", path))
            return
        login = self.login
        self._run(lambda link: link.register_certificate(login, data), tr("已登记证书"))

    def revoke(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        fingerprint = chosen.fingerprint
        self._run(lambda link: link.revoke_certificate(fingerprint), tr("已吊销证书"))
