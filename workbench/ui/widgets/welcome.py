"""The page the window shows while no case is open: start a case, open one, see the store.

Every choice is a button or a list entry reachable with Tab and Enter (the first button has the
focus); the page only asks, the window opens.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workbench.ui.i18n import tr

ACCENT = "#0072B2"


class WelcomePage(QScrollArea):
    """Buttons for a new case, the demo cases and a case file; the recent files; the store's state."""

    new_requested = Signal()
    demo_requested = Signal(str)
    open_requested = Signal()
    file_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        inner.setObjectName("welcomeInner")
        column = QVBoxLayout()
        column.setSpacing(12)

        title = QLabel(tr("小微信贷案件工作台"))
        title.setObjectName("welcomeTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            tr("一户一案：现场调查的报表、交叉检验、还款能力测算和上会材料都在案件里。打开一个案件开始工作。")
        )
        intro.setWordWrap(True)
        column.addWidget(title)
        column.addWidget(intro)

        self.buttons: dict[str, QPushButton] = {}
        actions = (
            ("new", tr("新建案件"), tr("空白案件，从申请人开始填写（Ctrl+N）"), self.new_requested.emit),
            (
                "demo_a",
                tr("打开示例案件 A"),
                tr("便利店（王丽华）：完整的调查数据"),
                lambda: self.demo_requested.emit("A"),
            ),
            (
                "demo_b",
                tr("打开示例案件 B"),
                tr("加工作坊：季节性经营"),
                lambda: self.demo_requested.emit("B"),
            ),
            (
                "open",
                tr("打开案件文件…"),
                tr("交换格式的 .json 案件文件（Ctrl+O）"),
                self.open_requested.emit,
            ),
        )
        for key, text, note, slot in actions:
            button = QPushButton(text)
            button.setObjectName(f"welcome:{key}")
            button.setMinimumHeight(button.sizeHint().height() + 10)
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            button.setStyleSheet("text-align: left; padding: 4px 14px; font-weight: bold;")
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            button.setAutoDefault(True)
            caption = QLabel(note)
            caption.setWordWrap(True)
            caption.setStyleSheet("color: #555555;")
            caption.setBuddy(button)
            row = QHBoxLayout()
            row.addWidget(button, 2)
            row.addWidget(caption, 3)
            column.addLayout(row)
            self.buttons[key] = button

        recent_title = QLabel(tr("最近打开的文件"))
        recent_title.setObjectName("welcomeRecentTitle")
        recent_title.setStyleSheet(f"color: {ACCENT}; font-weight: bold; margin-top: 8px;")
        self.recent = QListWidget()
        self.recent.setObjectName("welcomeRecent")
        self.recent.itemActivated.connect(self._open_recent)  # double-click and Enter, once each
        recent_title.setBuddy(self.recent)
        self.no_recent = QLabel(tr("还没有最近打开的文件。"))
        self.no_recent.setStyleSheet("color: #777777;")
        column.addWidget(recent_title)
        column.addWidget(self.recent)
        column.addWidget(self.no_recent)

        store_title = QLabel(tr("案件库"))
        store_title.setStyleSheet(f"color: {ACCENT}; font-weight: bold; margin-top: 8px;")
        self.store_state = QLabel()
        self.store_state.setObjectName("welcomeStoreState")
        self.store_state.setWordWrap(True)
        self.store_state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        hint = QLabel(tr("案件库中的案件在左侧“案件”列表里：可搜索、筛选，点列标题排序，双击打开。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555555;")
        column.addWidget(store_title)
        column.addWidget(self.store_state)
        column.addWidget(hint)
        column.addStretch(1)

        centred = QHBoxLayout(inner)
        centred.setContentsMargins(24, 32, 24, 24)
        centred.addStretch(1)
        box = QWidget()
        box.setLayout(column)
        box.setMaximumWidth(760)
        box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        centred.addWidget(box, 6)
        centred.addStretch(1)
        self.setWidget(inner)
        self.setFocusProxy(self.buttons["new"])
        self.set_recent([])

    def set_recent(self, paths: list[str]) -> None:
        """The recently opened case files, newest first."""
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{Path(path).name}    {Path(path).parent}")
            item.setToolTip(path)
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.recent.addItem(item)
        rows = max(min(len(paths), 8), 1)
        self.recent.setFixedHeight(
            rows * (self.recent.sizeHintForRow(0) if paths else 20) + 2 * self.recent.frameWidth() + 4
        )
        self.recent.setVisible(bool(paths))
        self.no_recent.setVisible(not paths)

    def set_store_state(self, text: str) -> None:
        self.store_state.setText(text)

    def _open_recent(self, item: QListWidgetItem) -> None:
        self.file_requested.emit(str(item.data(Qt.ItemDataRole.UserRole)))
