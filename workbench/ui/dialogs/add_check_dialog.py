"""Choose a cross-check method from the catalogue (and what it tests) before its form opens.

Made for the keyboard: it opens with the cursor in the method list (typing "M7" picks M7), Tab goes
on to the evidence it cites (which the readiness gate asks of every check), the title (optional: the
check is named by its method without one) and the target (last, as the method's usual one is chosen
already), and Enter anywhere adds the check.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.cross_checks import TARGETS_OF_METHOD, CheckMethod, Target
from workbench.ui.i18n import tr
from workbench.ui.labels import enum_label


def targets_for(method: CheckMethod) -> tuple[Target, ...]:
    """The targets a method may test (all of them unless the catalogue restricts it)."""
    return TARGETS_OF_METHOD.get(method, tuple(t for t in Target if t is not Target.EQUITY))


class AddCheckDialog(QDialog):
    """A list of the methods M1–M17, the target, a title and the evidence cited."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("添加交叉检验"))
        self.methods = QListWidget()
        for method in CheckMethod:
            item = QListWidgetItem(enum_label(method))
            item.setData(Qt.ItemDataRole.UserRole, method.value)
            self.methods.addItem(item)
        self.target = QComboBox()
        self.title = QLineEdit()
        self.title.setPlaceholderText(tr("如：5 月微信+支付宝收款"))
        self.evidence = QLineEdit()
        self.evidence.setPlaceholderText(tr("证据编号，以逗号分隔，如 E1, E2"))
        form = QFormLayout()
        form.addRow(tr("证据"), self.evidence)
        form.addRow(tr("说明"), self.title)
        form.addRow(tr("检验对象"), self.target)  # last: the method's usual target is chosen already
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        add = buttons.button(QDialogButtonBox.StandardButton.Ok)
        add.setText(tr("添加"))
        add.setDefault(True)  # Enter in the evidence, the title or the target adds the check
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.methods, 1)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.methods.currentRowChanged.connect(self._fill_targets)
        self.methods.itemDoubleClicked.connect(lambda _item: self.accept())  # Enter: the default button
        self.methods.setCurrentRow(0)
        self.methods.setFocus()  # type the method's number right away
        self.resize(420, 520)

    def _fill_targets(self, row: int) -> None:
        self.target.clear()
        for target in targets_for(list(CheckMethod)[max(row, 0)]):
            self.target.addItem(enum_label(target), target.value)

    def choice(self) -> tuple[CheckMethod, Target, str]:
        """The chosen method, target and title."""
        method = CheckMethod(self.methods.currentItem().data(Qt.ItemDataRole.UserRole))
        return method, Target(self.target.currentData()), self.title.text().strip()

    def evidence_ids(self) -> tuple[str, ...]:
        """The evidence ids typed (comma-separated, Chinese comma too)."""
        return evidence_ids(self.evidence.text())


def evidence_ids(text: str) -> tuple[str, ...]:
    """The ids of a comma-separated list as officers type it (``E1, E2`` or ``E1，E2``)."""
    return tuple(part.strip() for part in text.replace("，", ",").split(",") if part.strip())
