"""The main window's case tabs: a ``QTabWidget`` that does not repaint itself whole on every keystroke.

Each edit changes a few labels in the open case (key figures, totals). A label whose text changes asks
its layout to be redone, and the request climbs to the tab widget, which answers any such request by
laying out its bar and page and repainting the whole case (~8–10 ms, most of an edit's latency). The
bar and the page keep their places unless what positions them changed, so only then is Qt's answer
run; otherwise the request is passed on upwards (the window may still need a new size) and the labels
repaint just themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QTabWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent, QShowEvent


class CaseTabs(QTabWidget):
    """Tabs of the open cases; a layout request from inside a page repaints only what changed."""

    def __init__(self) -> None:
        super().__init__()
        self._placed: tuple[Any, ...] | None = None  # what Qt last positioned the bar and the page from
        self.skipped_layouts = 0

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            placed = self._placement()
            if placed == self._placed:
                self.skipped_layouts += 1
                self.updateGeometry()  # the case's minimum size may have changed: tell the window
                return True
            self._placed = placed
        return super().event(event)

    # Qt lays the tabs out itself on these, without a layout request: the next request runs in full,
    # so a change back to the last remembered placement is never mistaken for no change.
    def resizeEvent(self, event: QResizeEvent) -> None:
        self._placed = None
        super().resizeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        self._placed = None
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        self._placed = None
        super().changeEvent(event)

    def tabInserted(self, index: int) -> None:
        self._placed = None
        super().tabInserted(index)

    def tabRemoved(self, index: int) -> None:
        self._placed = None
        super().tabRemoved(index)

    def _placement(self) -> tuple[Any, ...]:
        """What ``QTabWidget`` positions its bar, the page and the corners from (its style option)."""
        bar = self.tabBar()
        corners = [self.cornerWidget(c) for c in (Qt.Corner.TopLeftCorner, Qt.Corner.TopRightCorner)]
        return (
            self.size(),
            self.count(),
            self.currentIndex(),
            self.tabPosition(),
            self.tabShape(),
            self.documentMode(),
            bar.isVisibleTo(self),
            bar.sizeHint(),
            bar.tabRect(self.currentIndex()),
            *((c.isVisibleTo(self), c.sizeHint()) if c is not None else None for c in corners),
        )
