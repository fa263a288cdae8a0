"""Signing identities in the window: a new self-signed one, and importing one issued by a bank CA.

Real files in a temporary identities folder; the key derivation and RSA key are the real ones.
"""

from __future__ import annotations

import stat
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from workbench.domain.records import SignatureRole
from workbench.services import signatures
from workbench.ui.dialogs.identity_dialog import (
    CreateIdentityDialog,
    IdentityDialog,
    ImportIdentityDialog,
)

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

PASS = "correct horse 8"


def make_ca_identity(path: Path, passphrase: str, name: str = "张主任", role: str = "审贷会主任") -> Path:
    """A PKCS#12 whose certificate is issued by a separate CA (as the bank's would be)."""
    now = datetime.now(UTC)
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "某某农商银行 CA")])
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, name),
            x509.NameAttribute(NameOID.TITLE, role),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "某某农商银行"),
        ]
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(hours=1))
        .not_valid_after(now + timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    data = pkcs12.serialize_key_and_certificates(
        name.encode(), key, cert, [ca_cert], serialization.BestAvailableEncryption(passphrase.encode())
    )
    path.write_bytes(data)
    return path


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / "data"))  # never the user's own
    return tmp_path / "identities"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_create_an_identity_in_the_dialog(ui: Any, qtbot: QtBot, folder: Path) -> None:
    manager = IdentityDialog(folder)
    qtbot.addWidget(manager)
    assert manager.model.rowCount() == 0
    dialog = manager.ask_create()
    dialog.name.setText("刘敏")
    dialog.role.setText("客户经理")
    dialog.unit.setText("某某农商银行 小微信贷中心")
    dialog.passphrase.setText(PASS)
    dialog.again.setText(PASS + "x")
    dialog.ok_button.click()
    assert dialog.error.isVisibleTo(dialog) and "两次输入的口令不一致" in dialog.error.text()
    assert not folder.exists()  # nothing made
    dialog.again.setText(PASS)
    with qtbot.waitSignal(dialog.created, timeout=30000) as created:
        dialog.ok_button.click()
    info = created.args[0]
    assert info.name == "刘敏" and info.role == "客户经理" and info.self_signed
    assert _mode(info.path) == 0o600
    assert info.certificate_path.read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")
    assert b"PRIVATE" not in info.certificate_path.read_bytes()
    assert manager.model.rowCount() == 1
    assert manager.model.data(manager.model.index(0, 3)) == "自签名"
    assert "SHA-256" in manager.detail.text() and info.fingerprint in manager.detail.text()
    assert signatures.load_identity(info.path, PASS).name == "刘敏"
    assert info.kind is SignatureRole.OFFICER  # the box chosen (the first), kept in the certificate


def test_a_created_identity_signs_in_the_box_chosen(ui: Any, qtbot: QtBot, folder: Path) -> None:
    dialog = CreateIdentityDialog(folder)
    qtbot.addWidget(dialog)
    dialog.name.setText("张伟")
    dialog.kind.setCurrentIndex(dialog.kind.findData(SignatureRole.REVIEWER))
    dialog.passphrase.setText(PASS)
    dialog.again.setText(PASS)
    with qtbot.waitSignal(dialog.created, timeout=30000) as created:
        dialog.ok_button.click()
    info = created.args[0]
    assert (info.kind, info.role) == (SignatureRole.REVIEWER, "审查人")  # no title typed: the box's name


def test_a_short_passphrase_is_refused_in_place(ui: Any, qtbot: QtBot, folder: Path) -> None:
    dialog = CreateIdentityDialog(folder)
    qtbot.addWidget(dialog)
    dialog.name.setText("刘敏")
    dialog.passphrase.setText("short")
    dialog.again.setText("short")
    dialog.ok_button.click()
    assert "口令至少需要 8 个字符" in dialog.error.text()
    assert not folder.exists()


def test_import_a_ca_issued_identity_refusing_a_wrong_passphrase_and_a_broken_file(
    ui: Any, qtbot: QtBot, folder: Path, tmp_path: Path, qtmodeltester: Any
) -> None:
    issued = make_ca_identity(tmp_path / "chair.p12", "bank-issued-1")
    broken = tmp_path / "broken.p12"
    broken.write_bytes(b"\x30\x82not a pkcs12 file at all" * 10)
    manager = IdentityDialog(folder)
    qtbot.addWidget(manager)
    dialog = manager.ask_import()

    dialog.path.setText(str(issued))
    dialog.passphrase.setText("wrong passphrase")
    with qtbot.waitSignal(dialog.failed, timeout=30000) as failed:
        dialog.read_button.click()
    assert "口令不对" in failed.args[0] and "chair.p12" in failed.args[0]
    assert not dialog.ok_button.isEnabled()

    dialog.path.setText(str(broken))
    with qtbot.waitSignal(dialog.failed, timeout=30000) as failed:
        dialog.read_button.click()
    assert "不是 PKCS#12 签名身份文件" in failed.args[0]

    dialog.path.setText(str(issued))
    dialog.passphrase.setText("bank-issued-1")
    with qtbot.waitSignal(dialog.read_done, timeout=30000) as read:
        dialog.read_button.click()
    shown = dialog.certificate.text()
    assert "某某农商银行 CA" in shown and "张主任" in shown and read.args[0].fingerprint in shown
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=30000) as imported:
        dialog.ok_button.click()
    info = imported.args[0]
    assert info.path.parent == folder and _mode(info.path) == 0o600
    assert not info.self_signed and info.role == "审贷会主任"
    assert manager.model.rowCount() == 1
    qtmodeltester.check(manager.model)

    again = manager.ask_import()
    again.path.setText(str(issued))
    again.passphrase.setText("bank-issued-1")
    with qtbot.waitSignal(again.read_done, timeout=30000):
        again.read_button.click()
    with qtbot.waitSignal(again.failed, timeout=30000) as failed:
        again.ok_button.click()
    assert "此证书已导入" in failed.args[0]
    assert len(signatures.list_identities(folder)) == 1


def test_the_english_dialog_says_why(ui: Any, qtbot: QtBot, folder: Path) -> None:
    from workbench.ui import i18n

    i18n.set_language("en")
    dialog = ImportIdentityDialog(folder)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Import a signing identity"
    dialog.read_button.click()
    assert dialog.error.text() == "⚠ Choose the file to import"


def test_the_signing_form_offers_the_identities_made_from_it(ui: Any, qtbot: QtBot, folder: Path) -> None:
    from workbench.ui.dialogs.signing_form import SigningForm

    form = SigningForm("签署", folder=folder)
    qtbot.addWidget(form)
    assert form.identity.count() == 0 and form.empty_hint.isVisibleTo(form)
    assert form.problem() == "请选择签名身份"
    manager = form.manage()
    create = manager.ask_create()
    create.name.setText("王审查")
    create.role.setText("审查员")
    create.passphrase.setText(PASS)
    create.again.setText(PASS)
    with qtbot.waitSignal(create.created, timeout=30000):
        create.ok_button.click()
    assert form.identity.count() == 1 and form.identity.currentText() == "王审查 · 审查员"
    assert not form.empty_hint.isVisibleTo(form)
    assert form.problem() == "请输入签名身份的口令"
    form.passphrase.setText(PASS)
    assert form.problem() == ""
