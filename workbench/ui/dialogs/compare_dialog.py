"""Compare the officer's version with the one someone else saved, field by field, then choose.

The differences come from ``services.compare.compare_cases`` (the audit's field paths); the table
names each field in words (``field_names``) with the raw path as its tooltip, and each value as the
window shows it (``compare_values``), the stored text as its tooltip; a row that only changed place
shows its row number in each version. From here the officer
can still reload theirs, save hers as a copy, or cancel and keep editing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
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

from workbench.services.compare import FieldDifference, compare_cases
from workbench.ui.compare_values import ABSENT, version_value_text
from workbench.ui.dialogs.conflict_dialog import ConflictChoice
from workbench.ui.field_names import field_path_text
from workbench.ui.i18n import tr
from workbench.ui.labels import field_label

if TYPE_CHECKING:
    from collections.abc import Sequence

    from workbench.domain.case_file import CaseFile

ModelIndex = QModelIndex | QPersistentModelIndex


class CompareModel(QAbstractTableModel):
    """Read-only: one row per differing field; columns field, mine, theirs."""

    FIELD, MINE, THEIRS = range(3)

    def __init__(
        self,
        differences: Sequence[FieldDifference],
        parent: QWidget | None = None,
        mine: CaseFile | None = None,
        theirs: CaseFile | None = None,
    ) -> None:
        super().__init__(parent)
        self.differences = tuple(differences)
        self._names = [field_path_text(d.parts, field_label) for d in self.differences]
        self._shown = [
            (_row_number(d.mine), _row_number(d.theirs))
            if d.moved
            else (version_value_text(mine, d.parts, d.mine), version_value_text(theirs, d.parts, d.theirs))
            for d in self.differences
        ]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.differences)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.differences):
            return None
        difference = self.differences[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.FIELD:
                return self._names[index.row()] if role == Qt.ItemDataRole.DisplayRole else difference.path
            if role == Qt.ItemDataRole.ToolTipRole:
                value = difference.mine if column == self.MINE else difference.theirs
                return ABSENT if value is None else value
            return self._shown[index.row()][0 if column == self.MINE else 1]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return (tr("字段"), tr("我的版本"), tr("他人保存的版本"))[section] if 0 <= section < 3 else None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _row_number(position: str | None) -> str:
    """Where a moved row stands in a version: "第 3 行" for position 2."""
    return ABSENT if position is None else tr("第 %1 行").replace("%1", str(int(position) + 1))


class CompareDialog(QDialog):
    """Both versions side by side; ``choice`` is what the officer decided."""

    def __init__(
        self,
        title: str,
        mine: CaseFile,
        theirs: CaseFile,
        their_version: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle(tr("比较差异"))
        self.choice = ConflictChoice.CANCEL
        self.model = CompareModel(compare_cases(mine, theirs), self, mine, theirs)
        count = self.model.rowCount()
        if count:
            heading = tr("“%1”：您的版本与他人保存的版本有 %2 处不同。").replace("%2", str(count))
        else:
            heading = tr("“%1”：您的版本与他人保存的版本内容相同。")
        if their_version:
            heading += " " + tr("（他人保存的是版本 %1）").replace("%1", their_version)
        self.heading = QLabel(heading.replace("%1", title))
        self.heading.setWordWrap(True)

        self.table = QTableView()
        self.table.setObjectName("compareTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)

        buttons = QDialogButtonBox()
        self.reload_button = self._button(buttons, tr("重新载入"), ConflictChoice.RELOAD)
        self.copy_button = self._button(buttons, tr("另存为副本"), ConflictChoice.SAVE_AS_COPY)
        self.cancel_button = self._button(buttons, tr("取消"), ConflictChoice.CANCEL)
        self.copy_button.setDefault(True)
        hint = QLabel(
            tr(
                "重新载入：显示他人保存的版本（您的修改仍可通过“撤销”找回）。另存为副本：把您的版本另存为新案件。"
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("compareHint")

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(860, 520)
        self.table.setColumnWidth(CompareModel.FIELD, 340)
        self.table.setColumnWidth(CompareModel.MINE, 230)

    def _button(self, box: QDialogButtonBox, text: str, choice: ConflictChoice) -> QPushButton:
        button = box.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        assert button is not None
        button.clicked.connect(lambda: self._choose(choice))
        return button

    def _choose(self, choice: ConflictChoice) -> None:
        self.choice = choice
        self.accept() if choice is not ConflictChoice.CANCEL else self.reject()
