"""The chair's identity for signing the minutes: a PKCS#12 file and its passphrase, asked in turn.

Kept small on purpose (the full identity dialogs are elsewhere); a signing error reads as the report
dialogs word it (``dialogs.signing_form.signing_error_text``).
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
