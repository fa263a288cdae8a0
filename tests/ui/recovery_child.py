"""The window process of the crash-recovery SIGKILL tests; the parent kills it with SIGKILL.

    python -m tests.ui.recovery_child window DATA_DIR STORE_URL CASE_FILE
    python -m tests.ui.recovery_child journal JOURNAL_FILE

``window``: opens the main window offscreen on ``DATA_DIR/recovery`` and the SQLite store, opens
``CASE_FILE`` and demo case A, edits both (the applicant's name entered in its field, a stock unit
cost and a new stock row through the document), waits until both journals are on disk and prints
``READY`` and the journal paths. Then it idles until it is killed.

``journal``: rewrites one journal as fast as it can, alternating two states of case A, printing
``READY`` after the first write, so a kill lands in the middle of some write.
"""

from __future__ import annotations

import dataclasses
import sys
import time
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.ui.accounts import signed_link
from workbench.ui import i18n
from workbench.ui.app import ui_font
from workbench.ui.case_io import open_demo
from workbench.ui.main_window import MainWindow
from workbench.ui.recovery import encode_journal, write_atomically

if TYPE_CHECKING:
    from workbench.ui.document import CaseDocument

NAME = ("borrower", "name")
COST = ("balance_sheet", "stock", 0, "unit_cost")
STOCK = ("balance_sheet", "stock")


def run_window(data_dir: Path, store_url: str, case_file: Path) -> None:
    app = QApplication([sys.argv[0]])
    app.setFont(ui_font())
    i18n.set_language("zh")
    settings = QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(
        settings=settings,
        store_opener=lambda: signed_link(store_url),
        charts=False,
        recovery_dir=data_dir / "recovery",
    )
    window.show()
    assert window.recovery is not None
    journal = window.recovery
    pending: set[CaseDocument] = set()

    def written(document: CaseDocument) -> None:
        pending.discard(document)
        if not pending:
            paths = [str(journal.journal_path(c.document)) for c in window.cases]
            print("READY", *paths, flush=True)

    def edit() -> None:
        file_editor = window.open_file(case_file)
        assert file_editor is not None
        name = file_editor.findChild(QLineEdit, "field:borrower.name")
        assert name is not None, "the applicant's name field"
        name.setText("王丽华（崩溃前）")  # what an input method commits (QTest types ASCII only)
        QTest.keyClick(name, Qt.Key.Key_Return)
        file_editor.document.set_field(COST, Decimal("31234.5"))
        demo = window.open_demo("A")
        demo.document.insert_row(STOCK, 0)
        demo.document.set_field((*STOCK, 0, "label"), "崩溃前新增的存货")
        pending.update({file_editor.document, demo.document})
        journal.written.connect(written)

    QTimer.singleShot(0, edit)
    app.exec()


def run_journal(path: Path) -> None:
    case, source = open_demo("A")
    other = dataclasses.replace(case, product="另一状态")
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    while True:
        state = case if n % 2 == 0 else other
        write_atomically(path, encode_journal(state, source, f"第 {n} 次", datetime.now(UTC)))
        if n == 0:
            print("READY", flush=True)
        n += 1
        if n % 50 == 0:
            time.sleep(0)


if __name__ == "__main__":
    mode, *args = sys.argv[1:]
    if mode == "window":
        run_window(Path(args[0]), args[1], Path(args[2]))
    else:
        run_journal(Path(args[0]))
