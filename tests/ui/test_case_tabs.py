"""An edit repaints the labels it changed, not the whole case; the case tabs still lay out their bar and
page when what positions them changes (a new tab, a longer title, a new window size)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRect

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot

    from workbench.ui.main_window import MainWindow


class _Painted(QObject):
    """The regions a widget was asked to paint."""

    def __init__(self) -> None:
        super().__init__()
        self.rects: list[QRect] = []

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.rects.append(event.rect())  # type: ignore[attr-defined]
        return False


def _page_fills_the_tabs(window: MainWindow) -> bool:
    tabs, page = window.tabs, window.tabs.currentWidget()
    bar, stack = tabs.tabBar(), page.parentWidget()
    return (
        bar.isVisible()
        and page.size() == stack.size()
        and stack.width() == tabs.width()
        and stack.geometry().bottom() == tabs.rect().bottom()
        and stack.geometry().top() > bar.geometry().bottom()
    )


def test_an_edit_repaints_what_it_changed_not_the_whole_case(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window()
    editor = window.open_demo("A")
    editor.show_section("balance_sheet")
    cost = editor.document.state.balance_sheet.stock[0].unit_cost
    editor.document.set_field(("balance_sheet", "stock", 0, "unit_cost"), cost + 1)  # the tab gets its " *"
    painted = _Painted()
    window.tabs.installEventFilter(painted)
    for _ in range(50):  # until the case's first paints are done
        painted.rects.clear()
        qtbot.wait(100)
        if not painted.rects:
            break
    skipped = window.tabs.skipped_layouts  # type: ignore[attr-defined]
    editor.document.set_field(("balance_sheet", "stock", 0, "unit_cost"), cost + Decimal(1000))
    qtbot.waitUntil(lambda: window.tabs.skipped_layouts > skipped, timeout=2000)  # type: ignore[attr-defined]
    qtbot.wait(50)
    whole = window.tabs.rect()
    assert painted.rects  # the changed totals and key figures were repainted
    assert all(r.width() * r.height() < whole.width() * whole.height() / 4 for r in painted.rects)
    assert _page_fills_the_tabs(window)


def test_the_tabs_still_lay_out_for_a_new_tab_a_longer_title_and_a_new_size(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window()
    window.open_demo("A")
    qtbot.waitUntil(lambda: _page_fills_the_tabs(window), timeout=2000)
    window.open_demo("B")
    qtbot.waitUntil(lambda: window.tabs.count() == 2 and _page_fills_the_tabs(window), timeout=2000)
    bar = window.tabs.tabBar()
    width = bar.tabRect(1).width()
    document = window.cases[1].document
    document.set_field(("borrower", "name"), "一个很长很长的借款人名字用来把标签撑宽")
    qtbot.waitUntil(lambda: bar.tabRect(1).width() > width, timeout=2000)
    assert "一个很长很长" in window.tabs.tabText(1)
    window.resize(window.width() - 120, window.height() - 80)
    qtbot.waitUntil(lambda: _page_fills_the_tabs(window), timeout=2000)
