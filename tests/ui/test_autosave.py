"""Autosave: a stored case lands in the store a few seconds after typing stops; case files are left
to the officer; a busy store keeps the edits (window and journal) and is tried again; a conflict
stops the autosave of that case and asks once; "compare" shows both versions field by field."""

from __future__ import annotations

import dataclasses
import sqlite3
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pytest

from tests.ui.accounts import signed_link
from workbench.services.case_files import read_case_file, write_case_file
from workbench.ui.case_io import open_demo
from workbench.ui.dialogs.conflict_dialog import ConflictChoice
from workbench.ui.recovery import read_journal
from workbench.ui.store_link import StoreLink, server_address

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from PySide6.QtCore import QSettings
    from pytestqt.qtbot import QtBot

    from workbench.domain.case_file import CaseFile
    from workbench.ui.document import CaseDocument
    from workbench.ui.main_window import MainWindow

COST = ("balance_sheet", "stock", 0, "unit_cost")
SAVE_WAIT_MS = 15_000  # the autosave delay plus a save on a loaded machine


@pytest.fixture
def colleague(store_url: str) -> Any:
    """Someone else on the same store (the first login of a fresh SQLite store is an officer)."""
    link = signed_link(store_url)
    yield link
    link.close()


def _open_stored(qtbot: QtBot, window: MainWindow, case_id: str) -> CaseDocument:
    window.open_stored(case_id)
    qtbot.waitUntil(lambda: bool(window.cases), timeout=5000)
    return window.cases[-1].document


def _stored_demo(colleague: StoreLink) -> CaseFile:
    return colleague.create(open_demo("A")[0]).case


def test_a_stored_case_saves_itself_and_a_case_file_does_not(
    qtbot: QtBot,
    make_store_window: Callable[..., MainWindow],
    store_url: str,
    colleague: StoreLink,
    tmp_path: Path,
) -> None:
    case = _stored_demo(colleague)
    window = make_store_window(lambda: signed_link(store_url))
    stored = _open_stored(qtbot, window, case.id)
    path = tmp_path / "wang.json"
    write_case_file(open_demo("B")[0], path)
    from_file = window.open_file(path).document
    before = path.read_bytes()

    stored.set_field(COST, Decimal(31000))
    from_file.set_field(("borrower", "name"), "文件里的改动")
    assert window.autosaver.pending(stored) and not window.autosaver.pending(from_file)
    qtbot.waitUntil(lambda: stored.undo_stack.isClean(), timeout=SAVE_WAIT_MS)
    assert stored.source.version == "2"
    assert colleague.open(case.id).case.balance_sheet.stock[0].unit_cost == Decimal(31000)
    assert "已保存" in window.statusBar().currentMessage()

    # The file case had the same pause: still unsaved, its file untouched, its edits in the journal.
    assert not from_file.undo_stack.isClean()
    assert path.read_bytes() == before
    journal = window.recovery.journal_path(from_file)
    qtbot.waitUntil(journal.exists, timeout=5000)
    assert read_journal(journal).case.borrower.name == "文件里的改动"
    qtbot.waitUntil(lambda: not window.recovery.journal_path(stored).exists(), timeout=5000)


def test_a_busy_store_keeps_the_edits_and_the_autosave_tries_again(
    qtbot: QtBot, make_store_window: Callable[..., MainWindow], store_url: str, colleague: StoreLink
) -> None:
    from workbench.services.store import StoreServices
    from workbench.store.db import make_engine, make_sessions

    def impatient_store() -> StoreLink:  # the real services, with a short lock wait
        sessions = make_sessions(make_engine(store_url, busy_timeout_ms=50))
        services = StoreServices.over(store_url, sessions)
        return StoreLink(services, services.users.current_user())

    case = _stored_demo(colleague)
    window = make_store_window(impatient_store)
    document = _open_stored(qtbot, window, case.id)
    holder = sqlite3.connect(store_url.removeprefix("sqlite:///"), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the store
    try:
        document.set_field(COST, Decimal(35000))
        qtbot.waitUntil(lambda: "自动保存失败" in window.statusBar().currentMessage(), timeout=SAVE_WAIT_MS)
        assert "数据库繁忙" in window.statusBar().currentMessage()
        assert not document.undo_stack.isClean()
        assert document.state.balance_sheet.stock[0].unit_cost == Decimal(35000)
        journal = window.recovery.journal_path(document)
        assert read_journal(journal).case.balance_sheet.stock[0].unit_cost == Decimal(35000)
        assert window.autosaver.pending(document)  # tried again later
        document.set_field(COST, Decimal(36000))  # typing goes on meanwhile
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    qtbot.waitUntil(lambda: document.undo_stack.isClean(), timeout=30_000)
    assert colleague.open(case.id).case.balance_sheet.stock[0].unit_cost == Decimal(36000)
    assert document.source.version == "2"


def test_an_autosave_conflict_asks_once_and_stops_until_resolved(
    qtbot: QtBot, make_store_window: Callable[..., MainWindow], store_url: str, colleague: StoreLink
) -> None:
    case = _stored_demo(colleague)
    window = make_store_window(lambda: signed_link(store_url))
    document = _open_stored(qtbot, window, case.id)
    record = colleague.open(case.id)
    colleague.save(dataclasses.replace(record.case, product="他人修改"), record.version)  # saved meanwhile

    asked: list[str] = []
    window.persistence.ask_conflict = lambda title, _detail: asked.append(title) or ConflictChoice.CANCEL
    with qtbot.waitSignal(window.autosaver.conflicted, timeout=SAVE_WAIT_MS):
        document.set_field(COST, Decimal(37000))
    assert asked == ["王丽华"]
    assert window.autosaver.stopped(document)
    assert "自动保存已停止" in window.statusBar().currentMessage()
    document.set_field(COST, Decimal(38000))
    assert not window.autosaver.pending(document)  # no second attempt, so no second dialog
    assert document.state.balance_sheet.stock[0].unit_cost == Decimal(38000)

    # Ctrl+S still asks; comparing first shows hers and theirs, then she keeps hers as a copy.
    compared: list[tuple[CaseFile, CaseFile, str]] = []

    def compare(_title: str, mine: CaseFile, theirs: CaseFile, version: str) -> ConflictChoice:
        compared.append((mine, theirs, version))
        return ConflictChoice.SAVE_AS_COPY

    window.persistence.ask_conflict = lambda title, _detail: asked.append(title) or ConflictChoice.COMPARE
    window.persistence.ask_compare = compare
    window.save()
    qtbot.waitUntil(lambda: document.state.id != case.id and document.undo_stack.isClean(), timeout=10_000)
    mine, theirs, version = compared[0]
    assert (mine.product, theirs.product, version) == (case.product, "他人修改", "2")
    assert mine.balance_sheet.stock[0].unit_cost == Decimal(38000)
    assert colleague.open(document.state.id).case.balance_sheet.stock[0].unit_cost == Decimal(38000)
    assert colleague.open(case.id).case.product == "他人修改"  # theirs untouched
    assert not window.autosaver.stopped(document)  # a new source: autosave is back on

    document.set_field(COST, Decimal(39000))
    qtbot.waitUntil(lambda: document.undo_stack.isClean(), timeout=SAVE_WAIT_MS)
    assert document.source.version == "2"
    assert asked == ["王丽华", "王丽华"]


def test_a_restored_stored_case_meets_the_save_made_meanwhile(
    qtbot: QtBot,
    make_store_window: Callable[..., MainWindow],
    store_url: str,
    colleague: StoreLink,
    tmp_path: Path,
) -> None:
    """The journal keeps the base version: restoring after someone saved still shows the conflict."""
    from datetime import UTC, datetime

    from workbench.ui.document import CaseSource
    from workbench.ui.recovery import JOURNAL_SUFFIX, encode_journal, write_atomically

    case = _stored_demo(colleague)
    mine = dataclasses.replace(case, product="我在崩溃前的修改")
    session = tmp_path / "recovery" / "session-crashed"
    session.mkdir(parents=True)
    write_atomically(
        session / f"x{JOURNAL_SUFFIX}",
        encode_journal(mine, CaseSource("store", case.id, "1"), "王丽华", datetime.now(UTC)),
    )
    colleague.save(dataclasses.replace(case, product="他人修改"), 1)

    asked: list[str] = []
    window = make_store_window(lambda: signed_link(store_url))
    window.persistence.ask_conflict = lambda title, _detail: asked.append(title) or ConflictChoice.RELOAD
    qtbot.waitUntil(lambda: window.recovery_dialog is not None, timeout=5000)
    window.recovery_dialog.restore_all_button.click()
    document = window.cases[0].document
    assert document.source == CaseSource("store", case.id, "1") and not document.undo_stack.isClean()
    qtbot.waitUntil(lambda: document.state.product == "他人修改", timeout=SAVE_WAIT_MS)  # reloaded
    assert asked == ["王丽华"]
    assert document.undo_stack.isClean() and document.source.version == "2"
    document.undo_stack.undo()  # hers is one undo step away
    assert document.state.product == "我在崩溃前的修改"


def test_file_conflict_compare_reads_the_file_on_disk(
    qtbot: QtBot, ui: Any, settings: QSettings, tmp_path: Path
) -> None:
    from workbench.ui.main_window import MainWindow

    window = MainWindow(settings=settings, charts=False)
    window.ask_unsaved = lambda _title: "discard"
    qtbot.addWidget(window)
    path = tmp_path / "wang.json"
    write_case_file(open_demo("A")[0], path)
    document = window.open_file(path).document
    theirs = dataclasses.replace(read_case_file(path), product="他人修改")
    write_case_file(theirs, path)
    document.set_field(COST, Decimal(30500))
    shown: list[CaseFile] = []
    window.persistence.ask_conflict = lambda _t, _d: ConflictChoice.COMPARE
    window.persistence.ask_compare = lambda _t, _m, t, _v: shown.append(t) or ConflictChoice.RELOAD
    window.save()
    qtbot.waitUntil(lambda: document.state.product == "他人修改", timeout=5000)
    assert shown == [theirs]
    assert document.undo_stack.isClean()


@pytest.mark.postgres
def test_a_lost_postgresql_connection_keeps_the_edits_until_it_is_back(
    qtbot: QtBot, make_store_window: Callable[..., MainWindow], pg_databases: Any
) -> None:
    from sqlalchemy import text

    from workbench.services.store import open_store

    name = pg_databases.create(template=pg_databases.template)
    url = pg_databases.url(name)
    setup = open_store(url)
    setup.users.ensure_first_admin(server_address(url).login)  # the server says who signs in
    setup.close()
    colleague = signed_link(url)
    case = _stored_demo(colleague)
    window = make_store_window(lambda: signed_link(url))
    try:
        document = _open_stored(qtbot, window, case.id)
        with pg_databases.admin.connect() as admin:
            admin.execute(text(f"ALTER DATABASE {name} ALLOW_CONNECTIONS false"))
            admin.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"),
                {"name": name},
            )
        try:
            document.set_field(COST, Decimal(41000))  # the server is gone for this database
            qtbot.waitUntil(
                lambda: "自动保存失败" in window.statusBar().currentMessage(), timeout=SAVE_WAIT_MS
            )
            assert "无法连接数据库" in window.statusBar().currentMessage()
            assert not document.undo_stack.isClean()
            journal = window.recovery.journal_path(document)
            qtbot.waitUntil(journal.exists, timeout=5000)
            assert read_journal(journal).case.balance_sheet.stock[0].unit_cost == Decimal(41000)
        finally:
            with pg_databases.admin.connect() as admin:
                admin.execute(text(f"ALTER DATABASE {name} ALLOW_CONNECTIONS true"))
        qtbot.waitUntil(lambda: document.undo_stack.isClean(), timeout=30_000)  # the retry got through
        assert colleague.open(case.id).case.balance_sheet.stock[0].unit_cost == Decimal(41000)
        qtbot.waitUntil(lambda: not journal.exists(), timeout=5000)
    finally:
        window.close()
        colleague.close()
        pg_databases.drop(name)
