"""The toolbar's Undo and Redo stay short (撤销 / 重做) whatever the command, so the toolbar keeps its
width; the full command text is the tooltip and stays in the Edit menu; the buttons undo and redo."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar, QToolButton

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot

    from workbench.ui.main_window import MainWindow

LONG = "一个很长的文件名" * 4


def test_toolbar_undo_is_short_with_the_full_text_as_tooltip(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window()
    toolbar = window.findChild(QToolBar, "mainToolbar")
    assert isinstance(toolbar, QToolBar)
    a = window.actions_by_key
    undo, redo = a["toolbar_undo"], a["toolbar_redo"]
    button = toolbar.widgetForAction(undo)
    assert isinstance(button, QToolButton)
    editor = window.new_case()
    width = toolbar.sizeHint().width()
    assert not undo.isEnabled() and not redo.isEnabled()

    editor.document.set_field(("borrower", "name"), LONG, label=LONG)
    assert undo.isEnabled() and button.text() == "撤销"
    assert LONG in a["undo"].text()  # the Edit menu says which edit
    assert LONG in undo.toolTip() and "Ctrl+Z" in undo.toolTip()
    assert toolbar.sizeHint().width() == width  # the toolbar does not jump

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert editor.document.state.borrower.name == ""
    assert redo.isEnabled() and toolbar.widgetForAction(redo).text() == "重做"
    assert LONG in redo.toolTip()
    redo.trigger()
    assert editor.document.state.borrower.name == LONG

    window.set_language("en")  # rebuilt chrome: the twins again, in English
    assert window.actions_by_key["toolbar_undo"].text() == "Undo"
    assert window.actions_by_key["toolbar_redo"].text() == "Redo"
    assert window.actions_by_key["toolbar_undo"].isEnabled()
