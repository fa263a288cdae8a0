"""A save in flight is matched to the case by what it holds, not by its undo-stack position: an undo
followed by a new edit while the save runs leaves the new edit unsaved, in its journal and autosaved."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from tests.ui.accounts import signed_link
from workbench.services.store import StoreServices
from workbench.store.db import make_engine, make_sessions
from workbench.ui.case_io import open_demo
from workbench.ui.recovery import read_journal
from workbench.ui.store_link import StoreLink

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtCore import QSettings
    from pytestqt.qtbot import QtBot

COST = ("balance_sheet", "stock", 0, "unit_cost")


def test_undo_and_a_new_edit_during_a_save_stay_unsaved(
    qtbot: QtBot, ui: Any, settings: QSettings, tmp_path: Path
) -> None:
    from workbench.ui.main_window import MainWindow

    url = f"sqlite:///{tmp_path / 'cases.sqlite3'}"
    colleague = signed_link(url)
    case = colleague.create(open_demo("A")[0]).case

    def patient_store() -> StoreLink:  # waits for a held store instead of failing
        sessions = make_sessions(make_engine(url, busy_timeout_ms=20_000))
        services = StoreServices.over(url, sessions)
        return StoreLink(services, services.users.current_user())

    window = MainWindow(
        settings=settings, store_opener=patient_store, charts=False, recovery_dir=tmp_path / "rec"
    )
    window.ask_unsaved = lambda _title: "discard"
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.persistence.store is not None, timeout=15_000)
    window.open_stored(case.id)
    qtbot.waitUntil(lambda: bool(window.cases), timeout=5000)
    document = window.cases[-1].document

    holder = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # the save below waits for this writer: it is in flight
    try:
        document.set_field(COST, Decimal(31000))
        window.persistence.save(document)
        assert document in window.persistence.saving
        document.undo_stack.undo()
        document.set_field(COST, Decimal(32000))  # same undo-stack position as the save's snapshot
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    qtbot.waitUntil(lambda: document.source.version == "2", timeout=20_000)

    assert colleague.open(case.id).case.balance_sheet.stock[0].unit_cost == Decimal(31000)
    assert not document.undo_stack.isClean()  # 32000 was never sent
    journal = window.recovery.journal_path(document)
    qtbot.waitUntil(journal.exists, timeout=5000)
    assert read_journal(journal).case.balance_sheet.stock[0].unit_cost == Decimal(32000)
    assert window.autosaver.pending(document)
    qtbot.waitUntil(lambda: document.undo_stack.isClean(), timeout=20_000)  # the autosave sends it
    assert colleague.open(case.id).case.balance_sheet.stock[0].unit_cost == Decimal(32000)
    colleague.close()
