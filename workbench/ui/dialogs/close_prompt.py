"""The question before a case closes with photos and scans that exist only in the window."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from workbench.ui.i18n import tr


def waiting_text(title: str, count: int, modified: bool, can_store: bool) -> str:
    """What the prompt says: how many files are lost unless the case goes to the store."""
    head = (
        tr("“%1”有未保存的修改，另有 %2 个照片/扫描件尚未存入案件库。")
        if modified
        else tr("“%1”有 %2 个照片/扫描件尚未存入案件库。")
    )
    head = head.replace("%1", title).replace("%2", str(count))
    if can_store:
        return head + "\n" + tr("案件文件不含这些文件：除非把案件保存到案件库，关闭后它们将丢失。")
    return head + "\n" + tr("案件库未连接，案件文件不含这些文件：关闭后它们将丢失。")


def ask_close_with_files(parent: QWidget, title: str, count: int, modified: bool, can_store: bool) -> str:
    """``"store"`` (save the case to the store, then close), ``"discard"`` or ``"cancel"``."""
    box = QMessageBox(parent)
    box.setObjectName("closeWithFilesPrompt")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("关闭案件"))
    box.setText(waiting_text(title, count, modified, can_store))
    store = box.addButton(tr("保存到案件库"), QMessageBox.ButtonRole.AcceptRole) if can_store else None
    discard = box.addButton(tr("不保存，关闭"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(tr("取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(store or cancel)
    box.exec()
    clicked = box.clickedButton()
    return (
        "store" if store is not None and clicked is store else "discard" if clicked is discard else "cancel"
    )
