"""Which screen shows the slides: the projector, chosen once and remembered.

The choice is kept in QSettings by the screen's name (``presentation/screen``). Without one, the
first screen that is not the primary (the laptop) is the projector. ``ScreenDialog`` lists the
screens with their size for the officer to pick; the main window asks through it when more than
one screen is connected and none has been chosen yet, and from the View menu at any time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

from workbench.ui.i18n import tr

if TYPE_CHECKING:
    from PySide6.QtGui import QScreen
    from PySide6.QtWidgets import QWidget

SETTINGS_KEY = "presentation/screen"


def _settings(settings: QSettings | None) -> QSettings:
    return settings if settings is not None else QSettings()


def remembered_screen(settings: QSettings | None = None) -> QScreen | None:
    """The projector chosen before, if it is connected now."""
    name = str(_settings(settings).value(SETTINGS_KEY, "") or "")
    return next((s for s in QGuiApplication.screens() if name and s.name() == name), None)


def default_projector() -> QScreen | None:
    """The first screen that is not the primary one; the primary when there is only one."""
    primary = QGuiApplication.primaryScreen()
    return next((s for s in QGuiApplication.screens() if s is not primary), primary)


def projector_screen(settings: QSettings | None = None) -> QScreen | None:
    """The remembered projector, else the default one."""
    return remembered_screen(settings) or default_projector()


def presenter_screen(projector: QScreen | None) -> QScreen | None:
    """Where the presenter view goes: the primary screen, or another one if the slides are there."""
    primary = QGuiApplication.primaryScreen()
    if projector is not primary:
        return primary
    return next((s for s in QGuiApplication.screens() if s is not projector), None)


def remember_screen(screen: QScreen, settings: QSettings | None = None) -> None:
    """Keep ``screen`` as the projector for next time."""
    _settings(settings).setValue(SETTINGS_KEY, screen.name())


def needs_choice(settings: QSettings | None = None) -> bool:
    """Several screens are connected and none of them has been chosen as the projector."""
    return len(QGuiApplication.screens()) > 1 and remembered_screen(settings) is None


def screen_text(screen: QScreen) -> str:
    """``projector — 1920 × 1080`` (``(主屏幕)`` for the primary)."""
    size = screen.geometry().size()
    text = f"{screen.name() or tr('屏幕')} — {size.width()} × {size.height()}"
    if screen is QGuiApplication.primaryScreen():
        text += " " + tr("（主屏幕）")
    return text


class ScreenDialog(QDialog):
    """Pick the screen the slides are projected on; the presenter view takes another one."""

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("演示屏幕"))
        self._settings = settings
        box = QVBoxLayout(self)
        hint = QLabel(tr("幻灯片全屏显示在所选屏幕（投影仪）上，演讲者视图显示在另一块屏幕上。"))
        hint.setWordWrap(True)
        box.addWidget(hint)
        self.list = QListWidget()
        self.list.setObjectName("screenList")
        chosen = projector_screen(settings)
        for screen in QGuiApplication.screens():
            item = QListWidgetItem(screen_text(screen))
            item.setData(Qt.ItemDataRole.UserRole, screen.name())
            self.list.addItem(item)
            if screen is chosen:
                self.list.setCurrentItem(item)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        box.addWidget(self.list)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)

    def selected(self) -> QScreen | None:
        """The screen picked in the list."""
        item = self.list.currentItem()
        name = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return next((s for s in QGuiApplication.screens() if s.name() == name), None)

    def accept(self) -> None:
        screen = self.selected()
        if screen is not None:
            remember_screen(screen, self._settings)
        super().accept()
