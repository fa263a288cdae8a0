"""The presenter view on the laptop: current and next slide, notes, a timer, the readiness flags.

It follows a ``PresentationWindow`` (``slide_changed``, ``blanked``, ``slides_updated``) and can
drive it: its own keys are passed on, so the officer can turn pages from either screen, and the
overview lists every slide to jump to with a click. S (or the button) swaps the two screens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import QGridLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from workbench.ui.i18n import tr
from workbench.ui.presentation.screens import presenter_screen, projector_screen, remember_screen
from workbench.ui.presentation.slides import readiness_flags

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QKeyEvent, QScreen

    from workbench.domain.calc import CaseResults
    from workbench.domain.case_file import CaseFile
    from workbench.ui.presentation.window import PresentationWindow


PREVIEW_WIDTH = 384


def clock_text(ms: int) -> str:
    """``mm:ss`` of ``ms`` milliseconds (minutes go past 59: ``75:02``)."""
    seconds = max(ms, 0) // 1000
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def _label(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class PresenterView(QWidget):
    """What the presenter sees while the projector shows the slide."""

    def __init__(
        self, window: PresentationWindow, settings: QSettings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("presenterView")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle(tr("演讲者视图"))
        self._window = window
        self._settings = settings
        self.setStyleSheet(
            "QWidget#presenterView { background: #0B2545; }"
            " QWidget#presenterView QLabel { color: #FFFFFF; font-size: 20px; }"
            " QWidget#presenterView QLabel#presenterCurrent { font-size: 30px; font-weight: bold; }"
            " QWidget#presenterView QLabel#presenterNext { font-size: 24px; }"
            " QWidget#presenterView QLabel#presenterTimer { font-size: 48px; font-weight: bold; }"
            " QWidget#presenterView QLabel#presenterHeading { color: #C8D3E6; font-size: 16px;"
            " font-weight: bold; margin-top: 12px; }"
            " QWidget#presenterView QListWidget { background: #13335E; color: #FFFFFF; font-size: 18px;"
            " border: none; }"
            " QWidget#presenterView QListWidget::item:selected { background: #FFFFFF; color: #0B2545; }"
            " QWidget#presenterView QPushButton { font-size: 16px; padding: 6px 12px; }"
        )
        grid = QGridLayout(self)
        grid.setContentsMargins(24, 16, 24, 16)
        grid.setHorizontalSpacing(32)
        self.current = _label("", "presenterCurrent")
        self.next = _label("", "presenterNext")
        self.next_preview = QLabel()
        self.next_preview.setObjectName("presenterNextPreview")
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(0)  # after the projector has painted the new slide
        self._preview_timer.timeout.connect(self._render_preview)
        self.position = _label("", "presenterPosition")
        self.timer_label = _label("00:00", "presenterTimer")
        self.notes = _label("", "presenterNotes")
        self.notes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.amendment = _label(tr("审贷会调整：无"), "presenterAmendment")
        self.flags = _label("", "presenterFlags")
        self.flags.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.overview = QListWidget()
        self.overview.setObjectName("presenterOverview")
        self.overview.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the presenter view
        self.overview.setWordWrap(True)  # a long title wraps rather than scrolls out of sight
        self.overview.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.overview.currentRowChanged.connect(self._jump)
        self.swap_button = QPushButton(tr("交换屏幕 (S)"))
        self.swap_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.swap_button.clicked.connect(self.swap_screens)
        left = QVBoxLayout()
        left.addWidget(_label(tr("当前"), "presenterHeading"))
        left.addWidget(self.current)
        left.addWidget(self.position)
        left.addWidget(_label(tr("下一张"), "presenterHeading"))
        left.addWidget(self.next)
        left.addWidget(self.next_preview)
        left.addWidget(_label(tr("备注"), "presenterHeading"))
        left.addWidget(self.notes, 1)
        middle = QVBoxLayout()
        middle.addWidget(_label(tr("全部幻灯片（点击跳转）"), "presenterHeading"))
        middle.addWidget(self.overview, 1)
        middle.addWidget(self.swap_button)
        right = QVBoxLayout()
        right.addWidget(self.timer_label)
        right.addWidget(self.amendment)
        right.addWidget(_label(tr("上会条件"), "presenterHeading"))
        right.addWidget(self.flags)
        right.addStretch(1)
        grid.addLayout(left, 0, 0)
        grid.addLayout(middle, 0, 1)
        grid.addLayout(right, 0, 2)
        grid.setColumnStretch(0, 4)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 3)
        self.elapsed = QElapsedTimer()
        self.elapsed.start()
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.update_clock)
        self._tick.start()
        window.slide_changed.connect(self.show_slide)
        window.blanked.connect(self._on_blanked)
        window.closed.connect(self.close)
        window.amendment_changed.connect(self._on_amendment)
        window.slides_updated.connect(self._on_slides_updated)
        window.swap_requested.connect(self.swap_screens)
        self._on_slides_updated()

    def _on_slides_updated(self) -> None:
        """The case changed under the slides: titles, notes, flags and the overview follow."""
        flags = readiness_flags(self._window.results)
        lines = [("✓ " + tr("可提交审贷会")) if flags.ready else ("✗ " + tr("尚未满足上会条件"))]
        lines += [("■ " if blocking else "· ") + text for blocking, text in flags.lines]
        self.flags.setText("\n".join(lines))
        titles = [f"{n}. {s.title}" for n, s in enumerate(self._window.slides, start=1)]
        if [self.overview.item(i).text() for i in range(self.overview.count())] != titles:
            with QSignalBlocker(self.overview):
                self.overview.clear()
                self.overview.addItems(titles)
        self.show_slide(self._window.index)

    def show_slide(self, index: int) -> None:
        """Follow the presentation to slide ``index``."""
        slides = self._window.slides
        slide = slides[index]
        self.current.setText(slide.title)
        self.position.setText(f"{index + 1} / {len(slides)}")
        self.next.setText(slides[index + 1].title if index + 1 < len(slides) else tr("（最后一张）"))
        self.notes.setText(slide.notes or tr("（无备注）"))
        with QSignalBlocker(self.overview):
            self.overview.setCurrentRow(index)
        self._preview_timer.start()

    def _jump(self, row: int) -> None:
        if row >= 0:
            self._window.go_to(row)

    def _render_preview(self) -> None:
        """A small picture of the next slide (rendered off screen, one event-loop turn later)."""
        index = self._window.index + 1
        if index >= len(self._window.pages):
            self.next_preview.clear()
            return
        page = self._window.pages[index]
        page.resize(self._window.stack.size())
        page.lay_out()
        picture = page.grab().scaledToWidth(PREVIEW_WIDTH, Qt.TransformationMode.SmoothTransformation)
        self.next_preview.setPixmap(picture)

    def _on_blanked(self, blank: bool) -> None:
        index = self._window.index
        state = tr("已白屏") if self._window.stack.currentWidget() is self._window.white else tr("已黑屏")
        self.position.setText(f"{index + 1} / {len(self._window.slides)}" + ("  · " + state if blank else ""))

    def _on_amendment(self, _terms: object) -> None:
        decision = next((p.decision for p in reversed(self._window.pages) if p.decision is not None), None)
        if decision is not None:
            self.amendment.setText(decision.amendment.text())

    def update_clock(self) -> None:
        """Show the time since the presentation began."""
        self.timer_label.setText(clock_text(self.elapsed.elapsed()))

    def place_on(self, screen: QScreen | None) -> None:
        """Maximised on ``screen`` (the laptop)."""
        if screen is None:
            return
        self.setScreen(screen)
        self.setGeometry(screen.availableGeometry())
        self.showMaximized()

    def swap_screens(self) -> None:
        """Slides to the presenter's screen and back; the new projector is remembered."""
        projector, laptop = self._window.screen(), self.screen()
        if projector is laptop or not self.isVisible():
            return
        self._window.show_on(laptop)
        self.place_on(projector)
        remember_screen(laptop, self._settings)
        self._window.activateWindow()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._window.handle_key(event):
            event.accept()
            return
        super().keyPressEvent(event)


def start_presentation(
    case: CaseFile,
    results: CaseResults,
    projector: QScreen | None = None,
    settings: QSettings | None = None,
) -> tuple[PresentationWindow, PresenterView]:
    """Open the slides full screen on the projector and the presenter view on the laptop.

    Without ``projector``, the remembered one, else the first screen that is not the primary; with
    a single screen the slides take it and the presenter view stays hidden (it can still be shown).
    """
    from workbench.ui.presentation.window import PresentationWindow

    if projector is None:
        projector = projector_screen(settings)
    size = projector.geometry().size() if projector is not None else None
    window = PresentationWindow(case, results, (size.width(), size.height()) if size else (1920, 1080))
    presenter = PresenterView(window, settings)
    window.show_on(projector)
    laptop = presenter_screen(projector)
    if laptop is not None:
        presenter.place_on(laptop)
        window.activateWindow()
    return window, presenter
