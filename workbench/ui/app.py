"""The GUI entry: QApplication set-up (font, language, style) and the main window.

``run_gui`` is what ``workbench`` with no subcommand calls. The shipped CJK font is registered with
Qt first, so Chinese renders on machines without any CJK system font. The language comes from
``--lang``, ``WORKBENCH_LANG`` or the last choice (QSettings), Chinese by default; it can be switched
in the View menu without a restart. Once the window shows, the sign-in dialog opens the case store
(``--db URL`` / ``WORKBENCH_DB_URL`` / the default SQLite file) in the background and asks who is working;
cancelled or unreachable, cases live in files.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

from workbench import __version__
from workbench.paths import database_url, resource_path, user_data_dir
from workbench.ui import i18n

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from workbench.ui.main_window import MainWindow, StoreOpener

WINDOW_TITLE = "小微信贷案件工作台"
ORGANIZATION = "Workbench"
UI_FONT_FILE = ("fonts", "wqy-microhei.ttc")
UI_FONT_POINT_SIZE = 10
RECOVERY_DIRNAME = "recovery"

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


def prepare_application(app: QApplication, argv: Sequence[str] = ()) -> str:
    """Names, font, style and language of the application; returns the language in use."""
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName("Workbench")
    app.setApplicationVersion(__version__)
    app.setFont(ui_font())
    app.setStyle("Fusion")
    app.setStyleSheet(resource_path("styles", "app.qss").read_text(encoding="utf-8"))
    return i18n.set_language(i18n.pick_language(argv, QSettings()))


def build_main_window(
    store_opener: StoreOpener | None = None,
    settings: QSettings | None = None,
    charts: bool = True,
    recovery_dir: Path | None = None,
    sign_in_url: str | None = None,
) -> MainWindow:
    """The main window (needs a QApplication). Without ``store_opener`` cases live in files only.

    With ``recovery_dir`` (``run_gui``: ``<user data>/recovery``) unsaved edits are journalled
    there and offered back after a crash. With ``sign_in_url`` the sign-in dialog opens that store
    once the window shows (``store_opener`` connects without asking: a caller that signed in).
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("build_main_window() needs a QApplication")
    app.setFont(ui_font())
    from workbench.ui.main_window import MainWindow

    return MainWindow(
        settings=settings,
        store_opener=store_opener,
        charts=charts,
        recovery_dir=recovery_dir,
        sign_in_url=sign_in_url,
    )


def _db_url(argv: Sequence[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--db" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--db="):
            return arg.split("=", 1)[1]
    return None


def run_gui(argv: list[str] | None = None) -> int:
    """Open the main window and run the Qt event loop; returns its exit code.

    ``argv`` is the command line after the program name (``--lang en``, ``--db URL``); defaults to
    ``sys.argv[1:]``.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "workbench", *args])
    assert isinstance(app, QApplication)
    prepare_application(app, args)
    window = build_main_window(
        sign_in_url=database_url(_db_url(args)),  # the sign-in dialog opens it once the window shows
        recovery_dir=user_data_dir() / RECOVERY_DIRNAME,
    )
    window.show()
    return app.exec()
