"""Crash recovery: the journal follows every unsaved edit, goes when the case is saved or discarded,
refuses (and keeps) a broken journal, is offered back by the next window and never stolen from a
running one; restored edits come back unsaved with their source and base version, and a real
SIGKILL of a window loses none of them."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QModelIndex, Qt

from workbench.services.case_files import write_case_file
from workbench.ui.case_io import open_demo
from workbench.ui.dialogs.conflict_dialog import ConflictChoice
from workbench.ui.dialogs.recovery_dialog import RecoveryDialog, RecoveryModel
from workbench.ui.document import CaseSource
from workbench.ui.recovery import (
    JOURNAL_SUFFIX,
    LOCK_NAME,
    SET_ASIDE,
    JournalError,
    RecoveryJournal,
    encode_journal,
    read_journal,
    write_atomically,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QSettings
    from pytestqt.qtbot import QtBot

    from workbench.ui.main_window import MainWindow

COST = ("balance_sheet", "stock", 0, "unit_cost")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def recovery_dir(tmp_path: Path) -> Path:
    return tmp_path / "data" / "recovery"


@pytest.fixture
def make_window(qtbot: QtBot, ui: Any, settings: QSettings, recovery_dir: Path) -> Callable[..., MainWindow]:
    """A shown window journalling into the test's recovery directory; it never asks."""
    from workbench.ui.main_window import MainWindow

    def make(store_opener: Any = None) -> MainWindow:
        window = MainWindow(
            settings=settings, store_opener=store_opener, charts=False, recovery_dir=recovery_dir
        )
        window.ask_unsaved = lambda _title: "discard"
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


def _journal_of(window: MainWindow, index: int = 0) -> Path:
    assert window.recovery is not None
    path = window.recovery.journal_path(window.cases[index].document)
    assert path is not None
    return path


def _orphan(recovery_dir: Path, name: str = "session-crashed") -> Path:
    """A session directory whose window is gone (what a crash leaves, less its stale lock)."""
    session = recovery_dir / name
    session.mkdir(parents=True, exist_ok=True)
    return session


def _write_journal(session: Path, case: Any, source: CaseSource, title: str, name: str = "a") -> Path:
    path = session / f"{name}{JOURNAL_SUFFIX}"
    write_atomically(path, encode_journal(case, source, title, datetime(2026, 12, 1, 9, 30, tzinfo=UTC)))
    return path


def test_the_journal_follows_the_edits_and_goes_when_saved(
    qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    window = make_window()
    editor = window.open_demo("A")
    document = editor.document
    path = _journal_of(window)
    assert not path.exists()  # nothing unsaved yet

    with qtbot.waitSignal(window.recovery.written, timeout=5000):
        document.set_field(COST, Decimal(31000))
    entry = read_journal(path)
    assert entry.case == document.state
    assert entry.source == CaseSource("demo", "A")
    assert entry.title == "王丽华"
    assert (datetime.now(UTC) - entry.edited_at).total_seconds() < 3600
    assert not any(path.parent.glob(".*.tmp"))

    target = tmp_path / "wang.json"
    with qtbot.waitSignal(window.persistence.saved, timeout=5000):
        window.persistence.save_as_file(document, target)
    assert document.undo_stack.isClean()
    qtbot.waitUntil(lambda: not path.exists(), timeout=5000)

    document.set_field(COST, Decimal(32000))  # edited again, then closed with "don't save"
    qtbot.waitUntil(path.exists, timeout=5000)
    assert read_journal(path).source.kind == "file"
    window.close_tab(0)
    window.recovery.wait()
    assert not path.exists()

    session = path.parent
    window.close()  # an orderly exit leaves nothing behind
    assert not session.exists()


def test_undo_back_to_the_saved_state_removes_the_journal(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window()
    document = window.open_demo("B").document
    path = _journal_of(window)
    with qtbot.waitSignal(window.recovery.written, timeout=5000):
        document.set_field(("borrower", "name"), "改过的名字")
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: not path.exists(), timeout=5000)


def test_a_corrupt_journal_is_refused_with_its_reason_and_set_aside(
    qtbot: QtBot, make_window: Callable[..., MainWindow], recovery_dir: Path
) -> None:
    session = _orphan(recovery_dir)
    case, source = open_demo("A")
    good = _write_journal(session, case, source, "王丽华", "good")
    (session / f"torn{JOURNAL_SUFFIX}").write_text('{"format": "workbench-recovery", "vers', encoding="utf-8")
    plain = json.loads(good.read_text(encoding="utf-8"))
    plain["case"] = plain["case"].replace('"王丽华"', "17")
    (session / f"invalid{JOURNAL_SUFFIX}").write_text(json.dumps(plain), encoding="utf-8")
    (session / f".x{JOURNAL_SUFFIX}.999.tmp").write_text("half a journal", encoding="utf-8")  # a killed write

    with pytest.raises(JournalError) as caught:
        read_journal(session / f"torn{JOURNAL_SUFFIX}")
    assert caught.value.reason.startswith("不是有效的恢复文件")

    window = make_window()
    qtbot.waitUntil(lambda: window.recovery_dialog is not None, timeout=5000)
    dialog = window.recovery_dialog
    assert [e.title for e in dialog.model.entries] == ["王丽华"]
    refused = dialog.refused_label.text()
    assert refused.count("•") == 2
    assert (
        "不是有效的恢复文件" in refused and "恢复文件中的案件无效" in refused and "borrower.name" in refused
    )
    aside = sorted(p.name for p in (recovery_dir / SET_ASIDE).iterdir())
    assert aside == [f"session-crashed-invalid{JOURNAL_SUFFIX}", f"session-crashed-torn{JOURNAL_SUFFIX}"]

    dialog.restore_all_button.click()
    assert len(window.cases) == 1
    qtbot.waitUntil(lambda: not session.exists(), timeout=5000)  # restored, moved, the orphan gone


def test_recovery_is_offered_and_restoring_brings_the_edits_back_unsaved(
    qtbot: QtBot, make_window: Callable[..., MainWindow], recovery_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "wang.json"
    case, _demo = open_demo("A")
    write_case_file(case, path)
    first = make_window()
    document = first.open_file(path).document
    with qtbot.waitSignal(first.recovery.written, timeout=5000):
        document.set_field(COST, Decimal(33333))
    base_version = document.source.version

    # A second window while the first runs: the first's journals are not its to offer.
    second = make_window()
    assert second.offer_recovery() is None
    second.close()

    # The first window's process is gone: its session directory has no live owner any more.
    crashed = _orphan(recovery_dir)
    journal = _journal_of(first)
    (crashed / journal.name).write_bytes(journal.read_bytes())
    other = make_window()
    qtbot.waitUntil(lambda: other.recovery_dialog is not None, timeout=5000)
    dialog = other.recovery_dialog
    model = dialog.model
    assert model.rowCount() == 1
    assert model.data(model.index(0, RecoveryModel.CASE)) == "王丽华"
    assert model.data(model.index(0, RecoveryModel.SOURCE)) == f"案件文件 {path}"
    assert model.data(model.index(0, RecoveryModel.EDITED))[:4] == str(datetime.now().year)

    dialog.restore_all_button.click()
    assert len(other.cases) == 1
    restored = other.cases[0].document
    assert restored.state.balance_sheet.stock[0].unit_cost == Decimal(33333)
    assert not restored.undo_stack.isClean()
    assert other.tabs.tabText(0) == "王丽华 *"
    assert restored.source == CaseSource("file", str(path), base_version)
    qtbot.waitUntil(lambda: not crashed.exists(), timeout=5000)
    assert read_journal(_journal_of(other)).case == restored.state  # journalled by its new window

    # Someone changed the file meanwhile: saving the restored edits must not overwrite them.
    changed = json.loads(path.read_text(encoding="utf-8"))
    changed["case"]["product"] = "他人修改"
    path.write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")
    asked: list[str] = []
    other.persistence.ask_conflict = lambda title, _detail: asked.append(title) or ConflictChoice.CANCEL
    other.save()
    qtbot.waitUntil(lambda: asked == ["wang.json"], timeout=5000)
    assert restored.state.balance_sheet.stock[0].unit_cost == Decimal(33333)


def test_per_case_choice_and_later(
    qtbot: QtBot, make_window: Callable[..., MainWindow], recovery_dir: Path
) -> None:
    session = _orphan(recovery_dir)
    a, source_a = open_demo("A")
    b, _source = open_demo("B")
    _write_journal(session, a, source_a, "王丽华", "a")
    kept = _write_journal(session, b, CaseSource("store", b.id, "4"), "李建国", "b")

    window = make_window()
    qtbot.waitUntil(lambda: window.recovery_dialog is not None, timeout=5000)
    window.recovery_dialog.later_button.click()  # decide later: nothing restored, nothing lost
    assert not window.cases
    assert kept.exists() and (session / f"a{JOURNAL_SUFFIX}").exists()
    assert not (session / LOCK_NAME).exists()  # let go: the next start offers them again

    dialog = window.offer_recovery()
    assert isinstance(dialog, RecoveryDialog)
    model = dialog.model
    rows = {model.data(model.index(r, 0)): r for r in range(model.rowCount())}
    assert model.data(model.index(rows["李建国"], RecoveryModel.SOURCE)) == "案件库（版本 4）"
    assert model.setData(
        model.index(rows["王丽华"], 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    dialog.restore_selected_button.click()
    assert [c.document.title() for c in window.cases] == ["李建国"]
    assert window.cases[0].document.source == CaseSource("store", b.id, "4")
    qtbot.waitUntil(lambda: not session.exists(), timeout=5000)  # one restored, one discarded


def test_recovery_model(qtmodeltester: Any, ui: Any, recovery_dir: Path) -> None:
    session = _orphan(recovery_dir)
    case, source = open_demo("A")
    _write_journal(session, case, source, "王丽华")
    journal = RecoveryJournal(recovery_dir)
    orphans = journal.find_orphans()
    model = RecoveryModel(orphans.entries)
    qtmodeltester.check(model)
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.setData(model.index(0, 1), "x")
    assert model.headerData(0, Qt.Orientation.Horizontal) == "案件（勾选 = 恢复）"
    assert model.rowCount(model.index(0, 0)) == 0 and model.index(5, 0) == QModelIndex()
    journal.close()


def test_a_kill_mid_write_leaves_the_old_or_the_new_journal(tmp_path: Path) -> None:
    path = tmp_path / "recovery" / f"case{JOURNAL_SUFFIX}"
    for _round in range(5):
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.ui.recovery_child", "journal", str(path)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "READY"
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        entry = read_journal(path)  # never half a journal
        assert entry.case.product in ("另一状态", open_demo("A")[0].product)


def test_a_killed_window_loses_none_of_its_edits(
    qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path, recovery_dir: Path
) -> None:
    case_file = tmp_path / "wang.json"
    write_case_file(open_demo("A")[0], case_file)
    data_dir = recovery_dir.parent
    store_url = f"sqlite:///{tmp_path / 'cases.sqlite3'}"
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.recovery_child", "window", str(data_dir), store_url, str(case_file)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "WORKBENCH_DATA_DIR": str(data_dir)},
    )
    assert child.stdout is not None
    line = child.stdout.readline().split()
    if not line:
        child.wait()
        pytest.fail(f"the window process ended: {child.stderr.read() if child.stderr else ''}")
    assert line[0] == "READY" and len(line) == 3
    os.kill(child.pid, signal.SIGKILL)  # no chance to clean up
    child.wait()
    assert child.returncode == -signal.SIGKILL
    assert all(Path(p).exists() for p in line[1:])

    window = make_window()
    qtbot.waitUntil(lambda: window.recovery_dialog is not None, timeout=5000)
    dialog = window.recovery_dialog
    titles = sorted(e.title for e in dialog.model.entries)
    assert titles == ["王丽华", "王丽华（崩溃前）"]
    dialog.restore_all_button.click()
    by_kind = {c.document.source.kind: c.document for c in window.cases}
    from_file, from_demo = by_kind["file"], by_kind["demo"]
    assert from_file.state.borrower.name == "王丽华（崩溃前）"  # typed into the field
    assert from_file.state.balance_sheet.stock[0].unit_cost == Decimal("31234.5")
    assert from_file.source.location == str(case_file)
    assert from_demo.state.balance_sheet.stock[0].label == "崩溃前新增的存货"
    assert len(from_demo.state.balance_sheet.stock) == len(open_demo("A")[0].balance_sheet.stock) + 1
    assert all(not c.document.undo_stack.isClean() for c in window.cases)
    qtbot.waitUntil(lambda: not any(Path(p).exists() for p in line[1:]), timeout=5000)  # adopted here

    with qtbot.waitSignal(window.persistence.saved, timeout=5000):
        window.persistence.save(from_file)  # the file is unchanged since the crash: saved over it
    assert json.loads(case_file.read_text(encoding="utf-8"))["case"]["borrower"]["name"] == "王丽华（崩溃前）"
