"""The main window opens, with its title, and its Chinese text is covered by the shipped font."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QFontDatabase, QFontInfo, QFontMetrics
from PySide6.QtWidgets import QLabel

from workbench.paths import resource_path
from workbench.ui.app import WINDOW_TITLE, build_main_window, register_fonts

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot


def test_main_window_shows_with_title(qtbot: QtBot) -> None:
    window = build_main_window()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    assert window.windowTitle() == WINDOW_TITLE == "小微信贷案件工作台 Workbench"
    assert window.isVisible()
    label = window.findChild(QLabel, "placeholderLabel")
    assert label is not None
    assert "小微信贷" in label.text()


def test_shipped_font_is_registered_and_covers_the_text(qtbot: QtBot) -> None:
    assert resource_path("fonts", "wqy-microhei.ttc").is_file()
    families = register_fonts()
    assert "WenQuanYi Micro Hei" in families
    assert "WenQuanYi Micro Hei" in QFontDatabase.families()

    window = build_main_window()
    qtbot.addWidget(window)
    label = window.findChild(QLabel, "placeholderLabel")
    assert label is not None
    assert QFontInfo(label.font()).family() == "WenQuanYi Micro Hei"
    metrics = QFontMetrics(label.font())
    missing = {
        ch
        for ch in label.text() + window.windowTitle()
        if not ch.isspace() and not metrics.inFontUcs4(ord(ch))
    }
    assert not missing, f"glyphs missing from the UI font (would render as boxes): {sorted(missing)}"
