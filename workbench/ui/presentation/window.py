"""The presentation window: one slide at a time, full screen on the projector, keyboard driven.

Keys: ←/→ and Page Up/Down step, Home/End go to the first/last slide, digits then Enter jump to
that slide (1-based), B blanks and unblanks the screen, Esc leaves (``closed``). In a what-if field,
Esc first hands the keys back to the slides.

All slides are built when the window opens (a few hundred ms, charts included), so switching is a
``QStackedWidget.setCurrentIndex`` and one repaint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QStackedWidget, QVBoxLayout, QWidget

from workbench.reports.charts import use_shipped_font
from workbench.ui.i18n import tr
from workbench.ui.presentation.slide_widgets import SlideWidget, WhatIfPanel
from workbench.ui.presentation.slides import build_slides
from workbench.ui.presentation.theme import BLANK, style_sheet, theme_for

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QScreen, QShowEvent

    from workbench.domain.calc import CaseResults
    from workbench.domain.case_file import CaseFile
    from workbench.ui.presentation.slides import Slide

NAVIGATION = {
    Qt.Key.Key_Right: 1,
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_PageDown: 1,
    Qt.Key.Key_Space: 1,
    Qt.Key.Key_Left: -1,
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_PageUp: -1,
    Qt.Key.Key_Backspace: -1,
}


class PresentationWindow(QWidget):
    """The slides of one case; ``slide_changed(index)``, ``blanked(bool)``, ``closed()``."""

    slide_changed = Signal(int)
    blanked = Signal(bool)
    closed = Signal()
    amendment_changed = Signal(object)  # Terms, from the what-if panel

    def __init__(
        self,
        case: CaseFile,
        results: CaseResults,
        size: tuple[int, int] = (1920, 1080),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        use_shipped_font()
        self.setObjectName("presentation")
        self.setWindowTitle(tr("演示") + " — " + (case.borrower.name or tr("新案件")))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.case = case
        self.results = results
        self.slides: tuple[Slide, ...] = build_slides(case, results)
        self.theme = theme_for(*size)
        self.setStyleSheet(style_sheet(self.theme) + f"QWidget#blank {{ background: {BLANK}; }}")
        self._typed = ""
        self._closing = False
        self.stack = QStackedWidget()
        self.pages: list[SlideWidget] = []
        for number, slide in enumerate(self.slides, start=1):
            page = SlideWidget(slide, number, len(self.slides), case, results, self.theme)
            self.pages.append(page)
            self.stack.addWidget(page)
            if page.what_if is not None:
                page.what_if.amendment_changed.connect(self.amendment_changed)
                for editor in page.what_if.findChildren(QWidget):
                    editor.installEventFilter(self)
        for page in self.pages:
            if page.decision is not None:
                self.amendment_changed.connect(page.decision.show_amendment)
        self.blank = QWidget()
        self.blank.setObjectName("blank")
        self.blank.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.stack.addWidget(self.blank)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.stack)
        self.resize(*size)
        self._index = 0
        self.stack.setCurrentIndex(0)
        self._to_warm = [p for p in self.pages if p.charts]
        self._warm_timer = QTimer(self)  # dies with the window: no warm-up after a close
        self._warm_timer.setSingleShot(True)
        self._warm_timer.setInterval(0)
        self._warm_timer.timeout.connect(self._warm_next)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._to_warm:
            self._warm_timer.start()

    def _warm_next(self) -> None:
        """Render one chart slide off screen (matplotlib's first layout takes ~80 ms), then the next.

        Done one per event-loop turn after the window shows, so the first visit to a chart slide
        paints from a ready buffer and keys are never kept waiting for more than one chart.
        """
        if not self._to_warm:
            return
        page = self._to_warm.pop(0)
        if page is not self.stack.currentWidget():
            page.resize(self.stack.size())
            page.grab()
        if self._to_warm:
            self._warm_timer.start()

    # ---- state ---------------------------------------------------------------------------------------

    @property
    def index(self) -> int:
        """The current slide (0-based)."""
        return self._index

    @property
    def count(self) -> int:
        return len(self.slides)

    @property
    def is_blank(self) -> bool:
        return self.stack.currentWidget() is self.blank

    def current_page(self) -> SlideWidget:
        return self.pages[self._index]

    @property
    def what_if(self) -> WhatIfPanel | None:
        """The what-if panel (on the capacity slide)."""
        return next((p.what_if for p in self.pages if p.what_if is not None), None)

    # ---- navigation ----------------------------------------------------------------------------------

    def go_to(self, index: int) -> None:
        """Show slide ``index`` (clamped); unblanks."""
        index = max(0, min(self.count - 1, index))
        changed = index != self._index
        self._index = index
        if self.is_blank:
            self.blanked.emit(False)
        self.stack.setCurrentIndex(index)
        if self.focusWidget() is not None and self.focusWidget() is not self:
            self.setFocus()
        if changed:
            self.slide_changed.emit(index)

    def step(self, delta: int) -> None:
        self.go_to(self._index + delta)

    def toggle_blank(self) -> None:
        """Blank the screen (black), or show the slide again."""
        if self.is_blank:
            self.stack.setCurrentIndex(self._index)
            self.blanked.emit(False)
        else:
            self.stack.setCurrentWidget(self.blank)
            self.blanked.emit(True)

    def show_on(self, screen: QScreen | None) -> None:
        """Full screen on ``screen`` (the projector); the primary screen when ``None``."""
        if screen is not None:
            self.setScreen(screen)
            self.move(screen.geometry().topLeft())
        self.showFullScreen()
        self.setFocus()

    # ---- keys ----------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.handle_key(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def handle_key(self, event: QKeyEvent) -> bool:
        """Act on a navigation key; ``False`` if the key means nothing here."""
        key = Qt.Key(event.key())
        text = event.text()
        if text.isdigit() and len(text) == 1:
            self._typed = (self._typed + text)[-3:]
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._typed:
                self.go_to(int(self._typed) - 1)
                self._typed = ""
            return True
        self._typed = ""
        if key in NAVIGATION:
            self.step(NAVIGATION[key])
            return True
        if key == Qt.Key.Key_Home:
            self.go_to(0)
            return True
        if key == Qt.Key.Key_End:
            self.go_to(self.count - 1)
            return True
        if key in (Qt.Key.Key_B, Qt.Key.Key_Period):
            self.toggle_blank()
            return True
        if key == Qt.Key.Key_Escape:
            self.close()
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Esc in a what-if field gives the keys back to the slides; PageUp/Down still turn pages."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self.setFocus()
                return True
            if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown) and isinstance(
                watched, (QAbstractSpinBox, QComboBox)
            ):
                self.setFocus()
                self.step(NAVIGATION[Qt.Key(key)])
                return True
        return super().eventFilter(watched, event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._warm_timer.stop()
        self._to_warm.clear()
        if not self._closing:
            self._closing = True
            self.closed.emit()
        super().closeEvent(event)
