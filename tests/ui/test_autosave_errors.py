"""Autosave tells the errors it can outwait (a busy store) from those it cannot: a value the store
refuses waits for the officer's next edit, a refusal stops it; one line says so, nothing is retried
in vain, and the edits stay in the window and in the recovery journal."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pytest

from tests.ui.accounts import PASSWORD, signed_link
from workbench.domain.records import Role
from workbench.ui.case_io import open_demo
from workbench.ui.recovery import read_journal

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from workbench.ui.main_window import MainWindow
    from workbench.ui.store_link import StoreLink

AMOUNT = ("request", "amount")
SAVE_WAIT_MS = 15_000


@pytest.fixture
def owner(store_url: str) -> Any:
    link = signed_link(store_url, "owner")
    yield link
    link.close()


def _open(qtbot: QtBot, window: MainWindow, case_id: str) -> Any:
    window.open_stored(case_id)
    qtbot.waitUntil(lambda: bool(window.cases), timeout=5000)
    return window.cases[-1].document


def test_a_sub_cent_amount_is_not_retried_and_the_next_edit_saves(
    qtbot: QtBot, make_store_window: Callable[..., MainWindow], store_url: str, owner: StoreLink
) -> None:
    case = owner.create(open_demo("A")[0]).case
    window = make_store_window(lambda: signed_link(store_url, "owner"))
    document = _open(qtbot, window, case.id)
    document.set_field(AMOUNT, Decimal("50000.005"))
    qtbot.waitUntil(lambda: window.autosaver.refused(document), timeout=SAVE_WAIT_MS)
    message = window.statusBar().currentMessage()
    assert message.startswith("自动保存未完成：") and "改正后会再次自动保存" in message
    assert "\n" not in message and "Traceback" not in message
    assert not window.autosaver.pending(document)  # no retry in vain
    assert not document.undo_stack.isClean()
    journal = window.recovery.journal_path(document)
    qtbot.waitUntil(journal.exists, timeout=5000)
    assert "50000.005" in journal.read_text(encoding="utf-8")
    qtbot.wait(200)
    assert journal.exists()  # kept

    document.set_field(AMOUNT, Decimal("50000.01"))  # mended: autosave is back
    assert window.autosaver.pending(document)
    qtbot.waitUntil(lambda: document.undo_stack.isClean(), timeout=SAVE_WAIT_MS)
    assert owner.open(case.id).case.request.amount == Decimal("50000.01")


def test_a_refusal_stops_the_autosave_with_one_line(
    qtbot: QtBot, ui: Any, store_url: str, owner: StoreLink, tmp_path: Path
) -> None:
    """The window opens a colleague's case read-only (``test_access``); should a refusal come all the
    same (a rule the window could not foresee), the autosave stops at it instead of trying again."""
    from workbench.ui.autosave import Autosaver
    from workbench.ui.document import CaseDocument, CaseSource
    from workbench.ui.persistence import CasePersistence
    from workbench.ui.recovery import RecoveryJournal

    owner.add_user("li", "李明", Role.OFFICER, False, PASSWORD)
    li = signed_link(store_url, "li")
    record = li.create(open_demo("A")[0])
    li.close()
    persistence = CasePersistence()
    persistence.store = owner  # the administrator, not li: the services refuse her edits of li's case
    autosaver, journal_keeper = Autosaver(persistence), RecoveryJournal(tmp_path / "recovery")
    messages: list[str] = []
    autosaver.message.connect(messages.append)
    document = CaseDocument(record.case, CaseSource("store", record.case.id, str(record.version)))
    autosaver.watch(document)
    journal_keeper.watch(document)
    document.set_field(AMOUNT, Decimal(60500))
    qtbot.waitUntil(lambda: autosaver.stopped(document), timeout=SAVE_WAIT_MS)
    assert messages == [
        "自动保存已停止：用户 owner（客户经理）无权修改案卷。修改仍在窗口中并已存入本机恢复文件"
    ]
    assert not autosaver.pending(document)
    document.set_field(AMOUNT, Decimal(61500))
    assert not autosaver.pending(document)  # a further edit is not sent to be refused again
    journal = journal_keeper.journal_path(document)
    assert journal is not None
    qtbot.waitUntil(
        lambda: journal.exists() and read_journal(journal).case.request.amount == 61500, timeout=5000
    )
    assert owner.open(record.case.id).case.request.amount == record.case.request.amount
    journal_keeper.close()
