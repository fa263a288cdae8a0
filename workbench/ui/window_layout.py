"""Window size and layout: remembered between runs, and fitted to the screen the first time.

The main window keeps its geometry, its dock and toolbar state and the case editor's pane split in
``QSettings``. The first start (nothing remembered, or a remembered place on a screen that is gone)
fits the screen: maximised when the screen's usable height is below ``SMALL_SCREEN_HEIGHT`` (a 768-
pixel laptop), else the preferred size, never larger than the screen. Dialogs and the committee
window ask ``fit_to_screen`` for their preferred size, so none runs off a 1024×768 screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

SMALL_SCREEN_HEIGHT = 900  # below this usable height the main window starts maximised
PREFERRED_SIZE = QSize(1280, 800)
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
SPLITTER_KEY = "window/splitter/"  # + the splitter's object name
FRAME_ALLOWANCE = QSize(16, 40)  # the window manager's frame and title bar, outside the widget


def available_area(widget: QWidget | None = None) -> QRect:
    """The usable part (no task bar) of the screen ``widget`` is on, else of the primary screen."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 768)


def fitted(wanted: QSize, area: QRect) -> QSize:
    """``wanted``, shrunk to fit ``area`` with the window frame around it."""
    return QSize(
        min(wanted.width(), area.width() - FRAME_ALLOWANCE.width()),
        min(wanted.height(), area.height() - FRAME_ALLOWANCE.height()),
    )


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize ``widget`` to ``width``×``height``, or less where its screen is smaller."""
    area = available_area(widget.parentWidget() or widget)
    widget.resize(fitted(QSize(width, height), area))


def first_start(window: QMainWindow, area: QRect) -> None:
    """Size ``window`` for a first start on a screen whose usable part is ``area``."""
    size = fitted(PREFERRED_SIZE, area)
    window.resize(size)
    window.move(
        area.x() + max((area.width() - size.width()) // 2, 0),
        area.y() + max((area.height() - size.height() - FRAME_ALLOWANCE.height()) // 2, 0),
    )
    if area.height() < SMALL_SCREEN_HEIGHT:
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def restore_window(window: QMainWindow, settings: QSettings) -> bool:
    """The remembered geometry and dock state, if they are on a screen still there (``True``); else a
    first start."""
    geometry, state = settings.value(GEOMETRY_KEY), settings.value(STATE_KEY)
    remembered = isinstance(geometry, QByteArray | bytes) and window.restoreGeometry(QByteArray(geometry))
    if remembered and _on_some_screen(window.geometry()):
        if isinstance(state, QByteArray | bytes):
            window.restoreState(QByteArray(state))
        if not window.isMaximized():
            _keep_inside(window, available_area(window))
        return True
    window.setWindowState(Qt.WindowState.WindowNoState)
    first_start(window, available_area())
    return False


def remember_window(window: QMainWindow, settings: QSettings) -> None:
    """Keep ``window``'s geometry (maximised or not) and its docks' and toolbars' state."""
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    settings.setValue(STATE_KEY, window.saveState())


def remembered_splitter(settings: QSettings, splitter: QSplitter) -> QByteArray | None:
    """The kept sizes of ``splitter`` (by its object name and number of panes), if any."""
    state = settings.value(_splitter_key(splitter))
    return QByteArray(state) if isinstance(state, QByteArray | bytes) else None


def remember_splitter(settings: QSettings, splitter: QSplitter) -> None:
    """Keep ``splitter``'s sizes under its object name and number of panes."""
    settings.setValue(_splitter_key(splitter), splitter.saveState())


def _splitter_key(splitter: QSplitter) -> str:
    return f"{SPLITTER_KEY}{splitter.objectName()}/{splitter.count()}"


def _keep_inside(window: QWidget, area: QRect) -> None:
    """Move ``window`` so that its frame lies on ``area`` (Qt brings a lost window back, not always whole)."""
    frame = window.frameGeometry()  # before the first show: without the frame, so allow for it
    width = max(frame.width(), window.width() + FRAME_ALLOWANCE.width())
    height = max(frame.height(), window.height() + FRAME_ALLOWANCE.height())
    x = max(area.left(), min(frame.x(), area.right() + 1 - width))
    y = max(area.top(), min(frame.y(), area.bottom() + 1 - height))
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)


def _on_some_screen(rect: QRect) -> bool:
    """Whether a good part of ``rect`` is on a screen (a remembered place on an unplugged monitor is not)."""
    for screen in QGuiApplication.screens():
        overlap = screen.availableGeometry().intersected(rect)
        if overlap.width() >= 200 and overlap.height() >= 150:
            return True
    return False
