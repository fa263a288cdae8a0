"""The 组合 page on a real SQLite store: counted in the background, tables and charts, export, who
sees what; opened from the main window's 视图 menu; screenshots at 1366×768 in Chinese and English."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from tests.services.test_portfolio import _case, _decide
from tests.store.helpers import add_user
from workbench.domain.committee import Outcome
from workbench.domain.records import Role
from workbench.services.store import open_store
from workbench.ui import i18n, ops
from workbench.ui.portfolio_page import PortfolioPage
from workbench.ui.store_link import StoreLink

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from pytestqt.qtbot import QtBot

    from workbench.domain.records import User
    from workbench.services.store import StoreServices
    from workbench.ui.main_window import MainWindow

SHOTS = Path("/tmp/portfolio16-shots")


@pytest.fixture
def branch(tmp_path: Path) -> Iterator[tuple[StoreServices, dict[str, User]]]:
    services = open_store(f"sqlite:///{tmp_path / 'workbench.sqlite3'}")
    sessions = services.sessions
    people = {
        "liumin": add_user(sessions, "liumin"),
        "zhaoqiang": add_user(sessions, "zhaoqiang"),
        "chair": add_user(sessions, "chenzhuxi", Role.COMMITTEE_CHAIR),
        "reviewer": add_user(sessions, "shencha", Role.REVIEWER),
    }
    liumin, zhao, chair = people["liumin"], people["zhaoqiang"], people["chair"]
    _decide(
        sessions,
        _case("a", date(2026, 10, 5)),
        liumin,
        chair,
        Outcome.APPROVED_AS_PROPOSED,
        date(2026, 10, 8),
        None,
    )
    _decide(
        sessions, _case("b", date(2026, 10, 10)), liumin, chair, Outcome.REJECTED, date(2026, 11, 2), None
    )
    _decide(
        sessions,
        _case("a", date(2026, 11, 20)),
        zhao,
        chair,
        Outcome.APPROVED_WITH_CHANGES,
        date(2026, 11, 25),
        50_000,
    )
    yield services, people
    services.close()


def _page(qtbot: QtBot, services: StoreServices, user: User) -> PortfolioPage:
    page = PortfolioPage(StoreLink(services, user))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    with qtbot.waitSignal(page.shown, timeout=30_000):
        page.refresh()
    qtbot.waitUntil(lambda: not ops.busy(), timeout=30_000)
    return page


def _column(page: PortfolioPage, key: str, column: int) -> list[str]:
    model = page.models[key]
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_a_reviewer_sees_every_officer_and_exports_the_workbook(
    qtbot: QtBot, ui: Any, branch: tuple[StoreServices, dict[str, User]], tmp_path: Path
) -> None:
    services, people = branch
    page = _page(qtbot, services, people["reviewer"])
    assert page.officer.isEnabled()
    assert _column(page, "activity", 0) == ["liumin", "zhaoqiang"]
    assert _column(page, "activity", 5) == ["1", "1"]  # approved
    assert _column(page, "activity", 6) == ["60,000.00", "50,000.00"]
    assert _column(page, "months", 0) == ["2026-10", "2026-11"]
    assert page.models["activity"].headerData(2, Qt.Orientation.Horizontal) == "已调查"
    for chart in page.charts.values():
        assert chart.figure.axes and chart.figure.axes[0].get_title(loc="left")
    assert "3 件案卷，2 位客户经理" in page.status.text()

    page.officer.setCurrentIndex(page.officer.findData("zhaoqiang"))
    with qtbot.waitSignal(page.shown, timeout=30_000):
        page.refresh()
    assert _column(page, "activity", 0) == ["zhaoqiang"]

    target = tmp_path / "组合.xlsx"
    page.export(target)
    qtbot.waitUntil(lambda: target.exists() and "已导出" in page.status.text(), timeout=30_000)
    assert load_workbook(target).sheetnames[1] == "各阶段案卷"


def test_an_officer_sees_her_own_and_a_reversed_period_is_one_line(
    qtbot: QtBot, ui: Any, branch: tuple[StoreServices, dict[str, User]]
) -> None:
    services, people = branch
    page = _page(qtbot, services, people["liumin"])
    assert not page.officer.isEnabled() and page.officer.currentData() == "liumin"
    assert _column(page, "activity", 0) == ["liumin"]
    assert "客户经理只看自己的组合" in page.status.text()
    page.from_on.setChecked(True)
    page.to_on.setChecked(True)
    page.date_from.setDate(page.date_to.date().addDays(1))
    with qtbot.waitSignal(page.failed, timeout=5_000):
        page.refresh()
    assert page.status.text().startswith("起始日期")


def test_the_main_window_opens_the_page_from_its_view_menu(
    qtbot: QtBot, make_window: Callable[..., MainWindow], branch: tuple[StoreServices, dict[str, User]]
) -> None:
    services, people = branch
    window = make_window(store_opener=lambda: StoreLink(services, people["reviewer"]))
    qtbot.waitUntil(lambda: window.persistence.store is not None, timeout=15_000)
    action = window.actions_by_key["portfolio"]
    assert action.text() == "组合…"
    action.trigger()
    page = window.portfolio_page
    qtbot.waitUntil(lambda: page.portfolio is not None, timeout=30_000)
    qtbot.waitUntil(lambda: not ops.busy(), timeout=30_000)
    assert page.isVisible() and page.windowTitle() == "组合"


@pytest.mark.parametrize("language", ["zh", "en"])
def test_screenshots_at_1366x768(
    qtbot: QtBot, ui: Any, branch: tuple[StoreServices, dict[str, User]], language: str
) -> None:
    i18n.set_language(language)
    services, people = branch
    page = _page(qtbot, services, people["reviewer"])
    SHOTS.mkdir(exist_ok=True)
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        qtbot.wait(50)
        shot = page.grab()
        assert (shot.width(), shot.height()) == (1366, 768)
        assert shot.save(str(SHOTS / f"portfolio-{language}-{index}.png"))
    if language == "en":
        assert page.windowTitle() == "Portfolio"
        assert page.models["activity"].headerData(2, Qt.Orientation.Horizontal) == "Surveyed"
