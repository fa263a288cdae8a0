"""The chair's identity for signing the minutes: a PKCS#12 file and its passphrase, asked in turn.

Kept small on purpose (the full identity dialogs are elsewhere); the texts of the signing errors
are here so a wrong passphrase reads as one, not as a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit

from workbench.ui.i18n import tr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def ask_identity(parent: QWidget) -> tuple[Path, str] | None:
    """Ask for the identity file, then its passphrase; ``None`` if the chair cancels either."""
    name, _filter = QFileDialog.getOpenFileName(
        parent, tr("选择主席的签名身份文件"), str(Path.home()), tr("签名身份 (*.p12 *.pfx)")
    )
    if not name:
        return None
    passphrase, ok = QInputDialog.getText(
        parent, tr("签署纪要"), tr("身份文件口令："), QLineEdit.EchoMode.Password
    )
    if not ok:
        return None
    return Path(name), passphrase


def signing_error_text(reason: str, params: dict[str, object]) -> str:
    """One line for a ``SigningError``."""
    texts = {
        "identity_unreadable": tr("无法读取身份文件 %1"),
        "identity_locked": tr("身份文件 %1 无法打开：口令错误，或不是 PKCS#12 文件"),
        "identity_expired": tr("签名证书已过期（有效期至 %1）"),
        "no_free_slot": tr("纪要上没有空的签名位置"),
        "no_slot_for_role": tr("纪要上没有“%1”的签名框"),
    }
    template = texts.get(reason, tr("无法签署纪要：%1"))
    value = params.get("path") or params.get("until") or params.get("role") or reason
    return template.replace("%1", str(value))
