"""The main window opens with its title, and every text it shows is covered by the shipped font."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QFontDatabase, QFontInfo, QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QListWidget

from workbench.paths import resource_path
from workbench.ui.app import WINDOW_TITLE, build_main_window, register_fonts

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot


def test_main_window_shows_with_title(qtbot: QtBot, ui: Any) -> None:
    window = build_main_window(charts=False)
    window.ask_unsaved = lambda _title: "discard"
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    assert window.windowTitle() == WINDOW_TITLE == "小微信贷案件工作台"
    assert window.isVisible()
    assert [a.text() for a in window.menuBar().actions()] == [
        "文件(&F)",
        "编辑(&E)",
        "视图(&V)",
        "账户(&A)",
        "审贷会(&C)",
        "帮助(&H)",
    ]
    assert window.case_list.local.count() == 2  # the two demo cases


def test_shipped_font_is_registered_and_covers_the_text(qtbot: QtBot, ui: Any) -> None:
    assert resource_path("fonts", "wqy-microhei.ttc").is_file()
    families = register_fonts()
    assert "WenQuanYi Micro Hei" in families
    assert "WenQuanYi Micro Hei" in QFontDatabase.families()

    window = build_main_window(charts=False)
    window.ask_unsaved = lambda _title: "discard"
    qtbot.addWidget(window)
    editor = window.open_demo("A")
    for key in ("applicant", "balance_sheet", "equity", "cross_checks", "capacity", "readiness"):
        editor.show_section(key)
    assert QFontInfo(QApplication.font()).family() == "WenQuanYi Micro Hei"
    texts = [w.text() for w in window.findChildren(QLabel)]
    texts += [w.text() for w in window.findChildren(QAbstractButton)]
    texts += [w.title() for w in window.findChildren(QGroupBox)]
    sections = editor.findChild(QListWidget, "sectionList")
    texts += [sections.item(i).text() for i in range(sections.count())]
    metrics = QFontMetrics(QApplication.font())
    missing = {ch for text in texts for ch in text if not ch.isspace() and not metrics.inFontUcs4(ord(ch))}
    assert not missing, f"glyphs missing from the UI font (would render as boxes): {sorted(missing)}"
