"""The readiness section lists what the other cases of the store say (a duplicate application here),
asked of the store once the officer is on that page; a case file with no store behind shows its own."""

from __future__ import annotations

import dataclasses
import uuid
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QListWidget

from tests.ui.accounts import signed_link
from workbench.ui.case_io import open_demo

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from pytestqt.qtbot import QtBot

    from workbench.ui.main_window import MainWindow
    from workbench.ui.store_link import StoreLink

WAIT_MS = 15_000
DUPLICATE = "申请人或其配偶已有另一笔未结案的申请"


@pytest.fixture
def colleague(store_url: str) -> Iterator[StoreLink]:
    link = signed_link(store_url)
    yield link
    link.close()


def _readiness_lines(window: MainWindow) -> list[str]:
    from workbench.ui.widgets.case_editor import SECTION_KEYS

    editor = window.tabs.currentWidget()
    editor.sections.setCurrentRow(SECTION_KEYS.index("readiness"))
    issues = editor.findChild(QListWidget, "readinessIssues")
    return [issues.item(i).text() for i in range(issues.count())]


def test_a_duplicate_application_shows_in_the_readiness_list(
    qtbot: QtBot, make_store_window: Callable[..., MainWindow], store_url: str, colleague: StoreLink
) -> None:
    first = open_demo("A")[0]
    first = dataclasses.replace(
        first, borrower=dataclasses.replace(first.borrower, id_number="110101199001011234")
    )
    colleague.create(first)
    second = dataclasses.replace(first, id=str(uuid.uuid4()), case_number="DUP-2")
    stored = colleague.create(second).case

    window = make_store_window(lambda: signed_link(store_url))
    window.open_stored(stored.id)
    qtbot.waitUntil(lambda: bool(window.cases), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: any(DUPLICATE in line for line in _readiness_lines(window)), timeout=WAIT_MS)
    (line,) = [line for line in _readiness_lines(window) if DUPLICATE in line]
    assert line.startswith("阻碍") and first.case_number in line and "调查" in line
