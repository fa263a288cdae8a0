"""Short Undo / Redo buttons for the toolbar.

``QUndoGroup``'s actions carry the command's text ("撤销 添加附件 门头.jpg"), which belongs in the
Edit menu but makes a toolbar button change width on every edit. The toolbar gets a twin that
always says just 撤销 / 重做, follows the menu action's enabled state and shows its full text as
the tooltip, and triggers it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtGui import QAction

from workbench.ui.i18n import tr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def short_twin(full: QAction, redo: bool, parent: QWidget) -> QAction:
    """A toolbar action for ``full`` (the group's undo or redo action) with a fixed short text."""
    twin = QAction(tr("重做") if redo else tr("撤销"), parent)
    twin.setObjectName("action:toolbar_redo" if redo else "action:toolbar_undo")

    name = full.objectName()

    def current() -> QAction:
        # PySide can drop its wrapper of the group's action while the action lives on (seen after
        # many cell editors came and went); the window still has it by name.
        if shiboken6.isValid(full):
            return full
        found = parent.findChild(QAction, name)
        assert found is not None, name
        return found

    def follow() -> None:
        action = current()
        twin.setEnabled(action.isEnabled())
        shortcut = action.shortcut().toString()
        twin.setToolTip(f"{action.text()} ({shortcut})" if shortcut else action.text())

    full.changed.connect(follow)
    twin.triggered.connect(lambda _checked=False: current().trigger())
    follow()
    return twin
