"""文件 → 导出 Excel… and 导入 Excel…: the active case as the IPC workbook, and a filled one back.

The work is the services' (``workbench.services.workbooks``); a refused workbook lists every bad cell
by sheet and cell, and opens nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from workbench.domain.errors import DomainError
from workbench.services.workbooks import WorkbookError, case_workbook, read_case_workbook
from workbench.ui.document import CaseSource
from workbench.ui.i18n import lang, tr
from workbench.ui.persistence import describe

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow
    from workbench.ui.widgets.case_editor import CaseEditor

FILTER = "Excel (*.xlsx)"


class WorkbookActions:
    """Builds the two menu entries; ``export_to`` and ``import_from`` do the work (tests call them)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def actions(self) -> dict[str, QAction]:
        window = self.window
        export = QAction(tr("导出 Excel…"), window)
        export.setObjectName("action:export_xlsx")
        export.triggered.connect(lambda _checked=False: self.ask_export())
        load = QAction(tr("导入 Excel…"), window)
        load.setObjectName("action:import_xlsx")
        load.triggered.connect(lambda _checked=False: self.ask_import())
        return {"export_xlsx": export, "import_xlsx": load}

    def ask_export(self) -> None:
        current = self.window.current()
        if current is None:
            return
        title = current.document.title() or "case"
        name, _filter = QFileDialog.getSaveFileName(
            self.window, tr("导出 Excel"), str(Path.home() / f"{title}.xlsx"), FILTER
        )
        if name:
            self.export_to(Path(name) if name.lower().endswith(".xlsx") else Path(name + ".xlsx"))

    def export_to(self, path: Path) -> bool:
        """Write the active case's workbook to ``path``."""
        current = self.window.current()
        if current is None:
            return False
        try:
            path.write_bytes(case_workbook(current.document.state, current.recalc.policy, lang()))
        except (DomainError, OSError) as error:
            self.window.show_error(tr("无法导出 Excel：%1").replace("%1", describe(error)))
            return False
        self.window.statusBar().showMessage(tr("已导出：%1").replace("%1", str(path)), 5000)
        return True

    def ask_import(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self.window, tr("导入 Excel"), str(Path.home()), FILTER)
        if name:
            self.import_from(Path(name), ask=True)

    def import_from(self, path: Path, ask: bool = False) -> CaseEditor | None:
        """Open the case of a workbook in a new tab (not yet saved); ``None`` if it is refused."""
        try:
            case = read_case_workbook(path)
        except WorkbookError as error:
            self.window.show_error(tr("无法导入 Excel：%1").replace("%1", error.describe(lang())))
            if ask:
                QMessageBox.warning(self.window, tr("无法导入 Excel"), "\n".join(error.lines(lang())))
            return None
        return self.window.add_case(case, CaseSource("new"))
