"""Offer back the cases a crashed or killed window left unsaved: restore or discard, each or all.

Shown at start (non-blocking, window-modal) when ``RecoveryJournal.find_orphans`` finds journals no
running window owns. Each row is one case: its title, where it came from (a file, the store at a
version, a new case), when it was last edited, and a tick for "restore". "Later" keeps every
journal for the next start; journals that could not be read are listed with their reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.ui.i18n import tr
from workbench.ui.recovery import source_text

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from workbench.ui.recovery import JournalEntry, Orphans, RecoveryJournal, RefusedJournal

ModelIndex = QModelIndex | QPersistentModelIndex


class RecoveryModel(QAbstractTableModel):
    """One row per recovered case; the first column's check box says "restore"."""

    CASE, SOURCE, EDITED = range(3)

    def __init__(self, entries: Sequence[JournalEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries = list(entries)
        self.restore = [True] * len(self.entries)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry, column = self.entries[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == self.CASE:
            return Qt.CheckState.Checked if self.restore[index.row()] else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.CASE:
                return entry.title or tr("新案件")
            if column == self.SOURCE:
                return source_text(entry.source)
            if column == self.EDITED:
                return entry.edited_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.CASE or role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
        if self.restore[index.row()] == checked:
            return False
        self.restore[index.row()] = checked
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsUserCheckable if index.column() == self.CASE else flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (tr("案件（勾选 = 恢复）"), tr("来源"), tr("最后编辑"))[section] if 0 <= section < 3 else None


class RecoveryDialog(QDialog):
    """Restore or discard each recovered case; ``decided(restore, discard)`` when she chooses."""

    decided = Signal(list, list)  # JournalEntry lists: to restore, to discard ("later" sends neither)

    def __init__(
        self,
        entries: Sequence[JournalEntry],
        refused: Sequence[RefusedJournal] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setWindowTitle(tr("恢复未保存的修改"))
        self.model = RecoveryModel(entries, self)
        intro = QLabel(
            tr("上次工作台没有正常关闭，以下案件的修改尚未保存。恢复后案件显示为“未保存”，请检查后再保存。")
        )
        intro.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("recoveryTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        self.refused_label = QLabel(_refused_text(refused))
        self.refused_label.setObjectName("refusedJournals")
        self.refused_label.setWordWrap(True)
        self.refused_label.setVisible(bool(refused))
        layout.addWidget(self.refused_label)

        buttons = QDialogButtonBox()
        self.restore_selected_button = self._button(buttons, tr("按勾选处理"), self._apply_ticks)
        self.restore_all_button = self._button(buttons, tr("全部恢复"), lambda: self._decide(True))
        self.discard_all_button = self._button(buttons, tr("全部放弃"), lambda: self._decide(False))
        self.later_button = self._button(buttons, tr("稍后决定"), self.reject)
        self.restore_all_button.setDefault(True)
        if not entries:
            for button in (self.restore_selected_button, self.restore_all_button, self.discard_all_button):
                button.setEnabled(False)
        layout.addWidget(buttons)
        self.resize(820, 380)
        self.table.setColumnWidth(RecoveryModel.CASE, 260)
        self.table.setColumnWidth(RecoveryModel.SOURCE, 330)

    def _button(self, box: QDialogButtonBox, text: str, slot: Callable[[], object]) -> QPushButton:
        button = box.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        assert button is not None
        button.clicked.connect(lambda: slot())
        return button

    def _decide(self, restore: bool) -> None:
        self.model.restore = [restore] * len(self.model.entries)
        self._apply_ticks()

    def _apply_ticks(self) -> None:
        pairs = list(zip(self.model.entries, self.model.restore, strict=True))
        self.decided.emit([e for e, r in pairs if r], [e for e, r in pairs if not r])
        self.accept()


def _refused_text(refused: Sequence[RefusedJournal]) -> str:
    lines = [tr("以下恢复文件无法读取，已移到一旁保留：")]
    lines += [f"• {item.path}：{item.reason}" for item in refused]
    return "\n".join(lines)


def offer_recovery(
    parent: QWidget, journal: RecoveryJournal, restore: Callable[[JournalEntry], object]
) -> RecoveryDialog | None:
    """Look for orphaned journals and, if any, open the dialog; its choice is carried out here.

    Returns the dialog (already open), or ``None`` when there is nothing to offer.
    """
    orphans: Orphans = journal.find_orphans()
    if not orphans.entries and not orphans.refused:
        journal.release_orphans()
        return None
    dialog = RecoveryDialog(orphans.entries, orphans.refused, parent)

    def carry_out(to_restore: list[JournalEntry], to_discard: list[JournalEntry]) -> None:
        for entry in to_restore:
            restore(entry)
        for entry in to_discard:
            journal.discard(entry)

    dialog.decided.connect(carry_out)
    dialog.finished.connect(lambda _result: journal.release_orphans())
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    return dialog
