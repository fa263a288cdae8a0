"""The GUI entry: a QApplication with the main window (a placeholder for now).

``run_gui`` is what ``workbench`` with no subcommand calls. The shipped CJK font is registered
with Qt first, so Chinese text renders even on machines without any CJK system font.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from workbench import __version__
from workbench.paths import resource_path

WINDOW_TITLE = "小微信贷案件工作台 Workbench"
PLACEHOLDER_TEXT = (
    "小微信贷案件工作台\n\n"
    "案件工作台将在后续版本中提供：借款人档案、资产负债表、损益表与信贷委员会报告。\n"
    f"The case workbench arrives in a later release. (v{__version__})"
)
UI_FONT_FILE = ("fonts", "wqy-microhei.ttc")
UI_FONT_POINT_SIZE = 11

_font_families: list[str] | None = None


def register_fonts() -> list[str]:
    """Register the shipped font with Qt (once per process) and return its family names.

    Needs a QGuiApplication. Raises FileNotFoundError / RuntimeError if the font is missing or
    Qt rejects it: without it Chinese would show as boxes, which must not pass silently.
    """
    global _font_families
    if _font_families is None:
        path = resource_path(*UI_FONT_FILE)
        if not path.is_file():
            raise FileNotFoundError(f"shipped font missing: {path}")
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            raise RuntimeError(f"Qt could not load the font {path}")
        _font_families = list(families)
    return _font_families


def ui_font() -> QFont:
    """The application font: the shipped WenQuanYi Micro Hei (CJK, Latin and digits)."""
    font = QFont()
    font.setFamilies(register_fonts()[:1])
    font.setPointSize(UI_FONT_POINT_SIZE)
    return font


def build_main_window() -> QMainWindow:
    """The main window (placeholder). Needs a QApplication; registers the shipped font."""
    app = QApplication.instance()
    if app is None:
        raise RuntimeError("build_main_window() needs a QApplication")
    font = ui_font()
    QApplication.setFont(font)

    window = QMainWindow()
    window.setObjectName("mainWindow")
    window.setWindowTitle(WINDOW_TITLE)
    label = QLabel(PLACEHOLDER_TEXT, window)
    label.setObjectName("placeholderLabel")
    label.setFont(font)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setMargin(24)
    window.setCentralWidget(label)
    window.resize(960, 600)
    return window


def run_gui(argv: list[str] | None = None) -> int:
    """Open the main window and run the Qt event loop; returns its exit code.

    ``argv`` is passed to QApplication as is (argv[0] is the program name); defaults to sys.argv.
    """
    args = list(argv) if argv else [sys.argv[0] if sys.argv else "workbench"]
    app = QApplication.instance() or QApplication(args)
    app.setApplicationName("Workbench")
    app.setApplicationVersion(__version__)
    window = build_main_window()
    window.show()
    return app.exec()
