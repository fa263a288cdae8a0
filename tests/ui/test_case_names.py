"""No store URL and no case UUID in the window: the store by its file or server, a case by its
applicant and number (store state, tab tip, title, status bar, the conflict dialog's reason)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pytest

from tests.store.helpers import add_user, demo
from workbench.domain.records import Role
from workbench.services.store import open_store
from workbench.ui.case_names import UUID_TEXT, case_label, store_name, without_ids
from workbench.ui.dialogs.conflict_dialog import ConflictChoice
from workbench.ui.store_link import StoreLink

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from pytestqt.qtbot import QtBot


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("sqlite:////home/liumin/.local/share/workbench/workbench.sqlite3", "workbench.sqlite3"),
        ("sqlite:///cases.db", "cases.db"),
        ("postgresql+psycopg://postgres:***@127.0.0.1:5432/workbench", "127.0.0.1/workbench"),
        ("postgresql+psycopg://bank@db.branch.local:6543/cases", "db.branch.local:6543/cases"),
    ],
)
def test_a_store_is_named_by_its_file_or_server_and_database(ui: Any, url: str, name: str) -> None:
    assert store_name(url) == name


def test_a_case_is_named_by_its_applicant_and_number(ui: Any) -> None:
    case = dataclasses.replace(demo("a"), case_number="XD-2026-031")
    assert case_label(case) == "王丽华（XD-2026-031）"
    labels = {case.id: case_label(case)}
    assert without_ids(f"案卷 {case.id} 已被他人修改", labels) == "案卷 王丽华（XD-2026-031） 已被他人修改"
    assert without_ids("找不到案卷 0b7c1a4e-9d2f-4c61-8e0a-3f5b2d1c9e77", labels) == "找不到案卷 该案卷"


def test_the_window_names_the_store_and_the_case_never_their_ids(
    qtbot: QtBot, make_window: Callable[..., Any], tmp_path: Path
) -> None:
    services = open_store(f"sqlite:///{tmp_path / 'branch.sqlite3'}")
    try:
        officer = add_user(services.sessions, "liumin", Role.OFFICER)
        window = make_window(store_opener=lambda: StoreLink(services, officer))
        qtbot.waitUntil(lambda: window.persistence.store is not None, timeout=15000)
        assert window.case_list.store_state.text() == "案件库：branch.sqlite3（Liumin）"
        document = window.open_demo("A").document
        with qtbot.waitSignal(window.persistence.saved, timeout=5000):
            window.save()  # into the store
        case_id = document.state.id
        shown = [window.windowTitle(), window.tabs.tabText(0), window.tabs.tabToolTip(0)]
        shown.append(window.statusBar().currentMessage())
        assert window.tabs.tabToolTip(0) == "branch.sqlite3 · 王丽华（DEMO-A-2024-0628）"
        assert not any(UUID_TEXT.search(text) or "sqlite:" in text for text in shown), shown

        # A colleague saves the same case meanwhile: the conflict names the case, not its id.
        other = StoreLink(services, officer)
        record = other.open(case_id)
        other.save(dataclasses.replace(record.case, product="他人修改"), record.version)
        details: list[str] = []

        def cancel(_title: str, detail: str) -> ConflictChoice:
            details.append(detail)
            return ConflictChoice.CANCEL

        window.persistence.ask_conflict = cancel
        document.set_field(("balance_sheet", "stock", 0, "unit_cost"), Decimal(32000))
        window.save()
        qtbot.waitUntil(lambda: bool(details), timeout=5000)
        assert "王丽华" in details[0] and case_id not in details[0]

        window.show_error(f"找不到案卷 {case_id}")  # any message naming an open case by its id
        assert window.statusBar().currentMessage() == "找不到案卷 王丽华（DEMO-A-2024-0628）"
        window.ask_unsaved = lambda _title: "discard"
        window.close()
    finally:
        services.close()
