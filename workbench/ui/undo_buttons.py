"""Short Undo / Redo buttons for the toolbar.

``QUndoGroup``'s actions carry the command's text ("撤销 添加附件 门头.jpg"), which belongs in the
Edit menu but makes a toolbar button change width on every edit. The toolbar gets a twin that
always says just 撤销 / 重做, follows the menu action's enabled state and shows its full text as
the tooltip, and triggers it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from workbench.ui.i18n import tr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def short_twin(full: QAction, redo: bool, parent: QWidget) -> QAction:
    """A toolbar action for ``full`` (the group's undo or redo action) with a fixed short text."""
    twin = QAction(tr("重做") if redo else tr("撤销"), parent)
    twin.setObjectName("action:toolbar_redo" if redo else "action:toolbar_undo")

    def follow() -> None:
        twin.setEnabled(full.isEnabled())
        shortcut = full.shortcut().toString()
        twin.setToolTip(f"{full.text()} ({shortcut})" if shortcut else full.text())

    full.changed.connect(follow)
    twin.triggered.connect(lambda _checked=False: full.trigger())
    follow()
    return twin
