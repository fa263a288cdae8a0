"""The presentation window: one slide at a time, full screen on the projector, keyboard driven.

Keys: ←/→ and Page Up/Down step, Home/End go to the first/last slide, digits then Enter jump to
that slide (1-based), B blanks the screen black and W white (again to show the slide), S swaps the
projector and presenter screens (``swap_requested``), Esc leaves (``closed``). In a what-if field,
Esc first hands the keys back to the slides.

All slides are built when the window opens (a few hundred ms, charts included), so switching is a
``QStackedWidget.setCurrentIndex`` and one repaint. While open, the window follows the case
(``follow``): each recomputed result rebuilds only the slides whose spec changed, in place, and
stays on the slide being shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QStackedWidget, QVBoxLayout, QWidget

from workbench.reports.charts import use_shipped_font
from workbench.ui.i18n import tr
from workbench.ui.presentation.slide_widgets import SlideWidget
from workbench.ui.presentation.slides import build_slides
from workbench.ui.presentation.theme import BLANK, WHITE_OUT, style_sheet, theme_for

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QScreen, QShowEvent

    from workbench.domain.calc import CaseResults
    from workbench.domain.case_file import CaseFile
    from workbench.domain.proposal_history import ProposalHistory
    from workbench.ui.document import CaseDocument
    from workbench.ui.presentation.slides import Slide
    from workbench.ui.presentation.what_if import WhatIfPanel
    from workbench.ui.recalc import Recalculator

WARM_AFTER_EDIT_MS = 400  # off-screen chart renders wait this long after a live update

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
    slides_updated = Signal()  # a live update changed the slides (titles, notes, count)
    swap_requested = Signal()

    def __init__(
        self,
        case: CaseFile,
        results: CaseResults,
        size: tuple[int, int] = (1920, 1080),
        parent: QWidget | None = None,
        history: ProposalHistory | None = None,
    ) -> None:
        super().__init__(parent)
        use_shipped_font()
        self.setObjectName("presentation")
        self.setWindowTitle(tr("演示") + " — " + (case.borrower.name or tr("新案件")))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.case = case
        self.results = results
        self.history = history
        self.slides: tuple[Slide, ...] = build_slides(case, results, history)
        self.theme = theme_for(*size)
        self.setStyleSheet(self._style())
        self._typed = ""
        self._closing = False
        self._document: CaseDocument | None = None
        self.updates = 0  # live updates taken (tests, benchmark)
        self.stack = QStackedWidget()
        self.pages: list[SlideWidget] = []
        for number, slide in enumerate(self.slides, start=1):
            page = SlideWidget(slide, number, len(self.slides), case, results, self.theme)
            self.pages.append(page)
            self.stack.addWidget(page)
            self._adopt(page)
        self.blank = QWidget()
        self.blank.setObjectName("blank")
        self.white = QWidget()
        self.white.setObjectName("whiteOut")
        for cover in (self.blank, self.white):
            cover.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
            self.stack.addWidget(cover)
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
            self._warm_timer.start(0)

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
            page.lay_out()  # a hidden page keeps its charts at their first size until laid out
            for chart in page.charts:
                chart.ensure_drawn()
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
        """The screen is blanked (black or white)."""
        return self.stack.currentWidget() in (self.blank, self.white)

    def current_page(self) -> SlideWidget:
        return self.pages[self._index]

    @property
    def what_if(self) -> WhatIfPanel | None:
        """The what-if panel (on the capacity slide)."""
        return next((p.what_if for p in self.pages if p.what_if is not None), None)

    def _style(self) -> str:
        covers = f"QWidget#blank {{ background: {BLANK}; }} QWidget#whiteOut {{ background: {WHITE_OUT}; }}"
        return style_sheet(self.theme) + covers

    def _adopt(self, page: SlideWidget) -> None:
        """Wire a page's what-if and decision panels to the window."""
        if page.what_if is not None:
            page.what_if.amendment_changed.connect(self.amendment_changed)
            for editor in page.what_if.findChildren(QWidget):
                editor.installEventFilter(self)
        if page.decision is not None:
            self.amendment_changed.connect(page.decision.show_amendment)
            panel = self.what_if
            if panel is not None and panel.amended and panel.terms is not None:
                page.decision.show_amendment(panel.terms)

    # ---- live update ---------------------------------------------------------------------------------

    def follow(self, document: CaseDocument, recalc: Recalculator) -> None:
        """Update the slides whenever ``recalc`` has new results for ``document`` (edits, a reload)."""
        self._document = document
        recalc.results_ready.connect(self._on_results)

    def _on_results(self, results: CaseResults) -> None:
        if self._closing or self._document is None:
            return
        self.update_case(self._document.state, results)

    def set_history(self, history: ProposalHistory | None) -> None:
        """Show the stored case's proposal history (loaded after the window opened)."""
        if history != self.history:
            self.history = history
            self.update_case(self.case, self.results)

    def update_case(self, case: CaseFile, results: CaseResults) -> None:
        """Show ``case`` as it is now, staying on the current slide (by key) without a flash.

        Unchanged slides are kept as they are; changed ones are rebuilt in place; the committee's
        what-if amendment and the decision panel keep their state.
        """
        slides = build_slides(case, results, self.history)
        current_key = self.slides[self._index].key
        old = {page.slide.key: page for page in self.pages}
        pages: list[SlideWidget] = []
        rebuilt: list[SlideWidget] = []
        self.setUpdatesEnabled(False)
        try:
            for number, slide in enumerate(slides, start=1):
                page = old.pop(slide.key, None)
                if page is None:
                    page = SlideWidget(slide, number, len(slides), case, results, self.theme)
                    self._adopt(page)
                    rebuilt.append(page)
                elif page.refresh(slide, number, len(slides), case, results):
                    rebuilt.append(page)
                pages.append(page)
            cover = self.stack.currentWidget() if self.is_blank else None
            for page in old.values():  # slides the case no longer has
                self.stack.removeWidget(page)
                page.deleteLater()
            for position, page in enumerate(pages):
                if self.stack.indexOf(page) != position:
                    self.stack.removeWidget(page)
                    self.stack.insertWidget(position, page)
            self.case, self.results, self.slides, self.pages = case, results, slides, pages
            keys = [s.key for s in slides]
            index = keys.index(current_key) if current_key in keys else min(self._index, len(slides) - 1)
            moved = index != self._index
            self._index = index
            self.stack.setCurrentWidget(cover if cover is not None else pages[index])
        finally:
            self.setUpdatesEnabled(True)
        self._to_warm = [p for p in rebuilt if p.charts and p is not pages[self._index]]
        if self._to_warm and self.isVisible():
            self._warm_timer.start(WARM_AFTER_EDIT_MS)  # once the officer's typing has paused
        self.updates += 1
        self.slides_updated.emit()
        if moved:
            self.slide_changed.emit(self._index)

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

    def toggle_blank(self, white: bool = False) -> None:
        """Blank the screen (black, or white), or show the slide again."""
        cover = self.white if white else self.blank
        if self.stack.currentWidget() is cover:
            self.stack.setCurrentIndex(self._index)
            self.blanked.emit(False)
        else:
            self.stack.setCurrentWidget(cover)
            self.blanked.emit(True)

    def show_on(self, screen: QScreen | None) -> None:
        """Full screen on ``screen`` (the projector); the primary screen when ``None``.

        A screen of another size gets slides laid out anew for it (``retheme``).
        """
        if screen is not None:
            size = screen.geometry().size()
            if (size.width(), size.height()) != (self.theme.width, self.theme.height):
                self.retheme(size.width(), size.height())
            self.setScreen(screen)
            self.move(screen.geometry().topLeft())
        self.showFullScreen()
        self.setFocus()

    def retheme(self, width: int, height: int) -> None:
        """Lay every slide out for a ``width`` × ``height`` screen, keeping the current slide and
        the committee's amendment; the decision slide (votes) is kept as it is."""
        panel = self.what_if
        terms = panel.current_terms() if panel is not None and panel.amended else None
        self.theme = theme_for(width, height)
        self.setStyleSheet(self._style())
        self.setUpdatesEnabled(False)
        try:
            for position, old in enumerate(self.pages):
                if old.decision is not None:
                    continue
                page = SlideWidget(old.slide, position + 1, self.count, self.case, self.results, self.theme)
                self._adopt(page)
                self.stack.removeWidget(old)
                old.deleteLater()
                self.stack.insertWidget(position, page)
                self.pages[position] = page
                if page.what_if is not None and terms is not None:
                    page.what_if.adopt_terms(terms)
            if not self.is_blank:
                self.stack.setCurrentIndex(self._index)
        finally:
            self.setUpdatesEnabled(True)
        self.resize(width, height)
        self._to_warm = [p for p in self.pages if p.charts and p is not self.current_page()]
        if self._to_warm and self.isVisible():
            self._warm_timer.start(0)

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
        if key in (Qt.Key.Key_W, Qt.Key.Key_Comma):
            self.toggle_blank(white=True)
            return True
        if key == Qt.Key.Key_S:
            self.swap_requested.emit()
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
        self._document = None  # a closed presentation follows no case
        self._warm_timer.stop()
        self._to_warm.clear()
        if not self._closing:
            self._closing = True
            self.closed.emit()
        super().closeEvent(event)
