"""The window's report commands: File → 报告 (export, archive, identities) and File → 验证 PDF 签名….

Each command opens its dialog non-modally for the case in the active tab; the dialogs do the work
through services in the background.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu

from workbench.ui.i18n import tr

if TYPE_CHECKING:
    from workbench.ui.document import CaseDocument
    from workbench.ui.main_window import MainWindow


class ReportActions:
    """Builds the menu entries and opens the dialogs; keeps the open dialogs alive."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.dialog: QDialog | None = None  # the last dialog opened (tests look at it)
        self._menu: QMenu | None = None

    def actions(self) -> dict[str, QAction]:
        """``report``: the 报告 submenu; ``verify``: check any PDF."""
        window = self.window
        if self._menu is not None:  # the chrome is rebuilt on a language switch
            self._menu.deleteLater()
        menu = self._menu = QMenu(tr("报告"), window)
        menu.setObjectName("reportMenu")
        entries = (
            ("export_report", tr("导出报告…"), self.export_report, "Ctrl+E"),
            ("report_archive", tr("报告归档…"), self.show_archive, ""),
            ("identities", tr("签名身份…"), self.manage_identities, ""),
        )
        for key, text, slot, keys in entries:
            action = menu.addAction(text)
            action.setObjectName(f"action:{key}")
            if keys:
                action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
        verify = QAction(tr("验证 PDF 签名…"), window)
        verify.setObjectName("action:verify_pdf")
        verify.triggered.connect(lambda _checked=False: self.verify_pdf())
        report = menu.menuAction()
        report.setObjectName("action:report")
        return {"report": report, "verify": verify}

    def _document(self) -> CaseDocument | None:
        current = self.window.current()
        return current.document if current is not None else None

    def export_report(self, document: CaseDocument | None = None) -> QDialog | None:
        """The export dialog for ``document`` (default: the active tab's case)."""
        document = document or self._document()
        if document is None:
            self.window.show_error(tr("请先打开一个案件"))
            return None
        from workbench.ui.dialogs.report_dialog import ReportDialog

        return self._open(ReportDialog(document, self.window.persistence.store, parent=self.window))

    def show_archive(self) -> QDialog | None:
        """The report archive of the active tab's stored case."""
        document = self._document()
        store = self.window.persistence.store
        if document is None or document.source.kind != "store" or store is None:
            self.window.show_error(tr("报告归档属于案件库中的案件：请先打开或保存到案件库"))
            return None
        from workbench.ui.dialogs.archive_dialog import ArchiveDialog

        dialog = ArchiveDialog(store, document.source.location, document.title(), parent=self.window)
        return self._open(dialog)

    def verify_pdf(self) -> QDialog:
        """Check any PDF; compared with the active tab's case when it is a stored one."""
        from workbench.ui.dialogs.verify_dialog import VerifyDialog

        document = self._document()
        store = self.window.persistence.store
        stored = document is not None and document.source.kind == "store" and store is not None
        case_id = document.source.location if stored and document is not None else None
        title = document.title() if stored and document is not None else ""
        return self._open(VerifyDialog(store, case_id, title, parent=self.window))

    def manage_identities(self) -> QDialog:
        from workbench.ui.dialogs.identity_dialog import IdentityDialog

        return self._open(IdentityDialog(parent=self.window))

    def _open(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog
