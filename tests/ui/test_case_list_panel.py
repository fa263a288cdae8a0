"""The case list dock over a real store: header clicks sort in the store, officer and date filters."""

from __future__ import annotations

import dataclasses
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtTest import QTest

from tests.store.helpers import add_user, demo, new_id
from workbench.domain.case_list import SortKey

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from workbench.ui.main_window import MainWindow

NAMES = ("周敏", "王丽华", "李强", "陈芳")


def _column(window: MainWindow, column: int) -> list[str]:
    model = window.case_list.table.model()
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def _click_header(window: MainWindow, column: int) -> None:
    header = window.case_list.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_header_clicks_sort_in_the_store_and_filters_narrow_the_list(
    qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    from tests.ui.accounts import signed_link

    url = f"sqlite:///{tmp_path / 'cases.sqlite3'}"
    seed = signed_link(url)
    other = add_user(seed.services.sessions, "zhaoqiang")
    for i, name in enumerate(NAMES):
        case = dataclasses.replace(
            demo("a"),
            id=new_id(),
            case_number=f"N-{i}",
            borrower=dataclasses.replace(demo("a").borrower, name=name),
        )
        record = seed.create(case)
        if i == 3:  # one case belongs to the other officer
            from workbench.store.case_rows import CaseFileRow

            with seed.services.sessions.begin() as session:
                row = session.get(CaseFileRow, uuid.UUID(record.case.id))
                assert row is not None
                row.officer_id = uuid.UUID(other.id)
    seed.close()

    window = make_window(store_opener=lambda: signed_link(url))
    window.resize(1400, 800)
    window.resizeDocks([window.dock], [700], Qt.Orientation.Horizontal)
    panel = window.case_list
    qtbot.waitUntil(
        lambda: panel.table.model() is not None and panel.table.model().rowCount() == 4, timeout=15000
    )
    assert _column(window, 0) == list(reversed(NAMES))  # newest change first
    header = panel.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (6, Qt.SortOrder.DescendingOrder)

    _click_header(window, 4)  # case number
    qtbot.waitUntil(
        lambda: _column(window, 4) in (["N-0", "N-1", "N-2", "N-3"], ["N-3", "N-2", "N-1", "N-0"])
    )
    assert panel._model is not None and panel._model.query.sort is SortKey.CASE_NUMBER
    first = _column(window, 4)
    _click_header(window, 4)  # the other way
    qtbot.waitUntil(lambda: _column(window, 4) == list(reversed(first)))
    _click_header(window, 2)  # the amount has no order: the indicator stays on the case number
    assert header.sortIndicatorSection() == 4

    qtbot.waitUntil(lambda: panel.officer.count() == 3, timeout=5000)  # all, liumin-or-login, zhaoqiang
    panel.officer.setCurrentIndex(panel.officer.findData("zhaoqiang"))
    qtbot.waitUntil(lambda: _column(window, 0) == ["陈芳"])
    panel.officer.setCurrentIndex(0)
    qtbot.waitUntil(lambda: len(_column(window, 0)) == 4)

    panel.date_on.setChecked(True)  # last month up to today: all of them
    qtbot.waitUntil(lambda: len(_column(window, 0)) == 4)
    panel.date_to.setDate(QDate.currentDate().addDays(-3))
    qtbot.waitUntil(lambda: _column(window, 0) == [])
    panel.date_field.setCurrentIndex(panel.date_field.findData("created"))
    assert panel.query().created_to is not None and panel.query().updated_to is None
    panel.date_on.setChecked(False)
    qtbot.waitUntil(lambda: len(_column(window, 0)) == 4)
