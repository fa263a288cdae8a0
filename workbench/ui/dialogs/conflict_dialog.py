"""A save refused because someone else saved first: reload theirs, keep mine as a copy, or compare.

Never lose an edit. "Compare" shows both versions field by field (``compare_dialog``), where the
same three choices are offered again.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from workbench.ui.i18n import tr

if TYPE_CHECKING:
    from workbench.domain.case_file import CaseFile


class ConflictChoice(StrEnum):
    RELOAD = "reload"  # take the stored version (my edits stay one undo step away)
    SAVE_AS_COPY = "save_as_copy"  # keep mine as a new case / file
    CANCEL = "cancel"  # keep editing, save later
    COMPARE = "compare"  # see what differs first, then choose


class ConflictDialog(QMessageBox):
    """Explains the conflict and offers reload / save as copy / cancel."""

    def __init__(self, title: str, detail: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(tr("保存冲突"))
        self.setText(tr("“%1”已被他人修改并保存，您的修改尚未保存。").replace("%1", title))
        explanation = tr(
            "重新载入：显示已保存的版本（您的修改仍可通过“撤销”找回）。另存为副本：把您的版本另存为新案件。"
        )
        # The detail is one line (which versions): shown as is, not behind Qt's "Show Details…".
        self.setInformativeText(f"{explanation}\n\n{detail}" if detail else explanation)
        self.reload_button = self.addButton(tr("重新载入"), QMessageBox.ButtonRole.DestructiveRole)
        self.copy_button = self.addButton(tr("另存为副本"), QMessageBox.ButtonRole.AcceptRole)
        self.compare_button = self.addButton(tr("比较差异…"), QMessageBox.ButtonRole.ActionRole)
        self.cancel_button = self.addButton(tr("取消"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.copy_button)

    def choice(self) -> ConflictChoice:
        """What was clicked."""
        clicked = self.clickedButton()
        if clicked is self.reload_button:
            return ConflictChoice.RELOAD
        if clicked is self.copy_button:
            return ConflictChoice.SAVE_AS_COPY
        if clicked is self.compare_button:
            return ConflictChoice.COMPARE
        return ConflictChoice.CANCEL


def ask_conflict(title: str, detail: str, parent: QWidget | None = None) -> ConflictChoice:
    """Show the dialog modally and return the choice."""
    dialog = ConflictDialog(title, detail, parent)
    dialog.exec()
    return dialog.choice()


def ask_compare(
    title: str, mine: CaseFile, theirs: CaseFile, their_version: str, parent: QWidget | None = None
) -> ConflictChoice:
    """Show both versions side by side, modally; reload / save as copy / cancel from there."""
    from workbench.ui.dialogs.compare_dialog import CompareDialog

    dialog = CompareDialog(title, mine, theirs, their_version, parent)
    dialog.exec()
    return dialog.choice
