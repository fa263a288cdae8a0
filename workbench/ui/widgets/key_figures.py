"""The key-figure strip above every section: disposable cash, the α ceiling, the proposed instalment and
its share, the equity deviation and readiness, in bold, as the slides show them.

It follows the recalculator's ``results_ready`` (the one recompute per edit burst that the charts use
too): each result only sets label texts, and only those that changed, so typing stays fast. Clicking
a figure shows the section it comes from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from workbench.domain.formatting import deviation, percent
from workbench.domain.readiness import Severity
from workbench.domain.status import Status
from workbench.ui.i18n import tr
from workbench.ui.values import money_text

if TYPE_CHECKING:
    from PySide6.QtGui import QMouseEvent, QResizeEvent

    from workbench.domain.calc import CaseResults
    from workbench.ui.recalc import Recalculator

COLOURS = {Status.OK: "#007A5A", Status.EXPLAIN: "#B26B00", Status.FAIL: "#C04000", None: "#1A1A1A"}
WRAPPED_COLUMNS = 3  # a narrow pane: three figures, then two
KEYS = ("md_avg", "ceiling", "instalment", "equity", "readiness")
SECTION_OF = {
    "md_avg": "capacity",
    "ceiling": "capacity",
    "instalment": "capacity",
    "equity": "equity",
    "readiness": "readiness",
}


def captions() -> dict[str, str]:
    """What each figure is called in the strip."""
    return {
        "md_avg": tr("月均可支配资金 MD"),
        "ceiling": tr("α 上限"),
        "instalment": tr("建议月还款（占比）"),
        "equity": tr("权益偏差 δ"),
        "readiness": tr("上会准备"),
    }


def figure_texts(results: CaseResults) -> dict[str, tuple[str, Status | None]]:
    """The strip's texts and colours for ``results``."""
    z = results.sizing
    over = z.instalment is not None and z.instalment > z.a_max
    instalment = "—" if z.instalment is None else f"{money_text(z.instalment)} ({percent(z.ratio, 0)})"
    ceiling = f"{money_text(z.a_max) or '—'} (α {percent(z.alpha, 0)})"  # figures: no full-width marks
    texts: dict[str, tuple[str, Status | None]] = {
        "md_avg": (money_text(z.md_avg) or "—", Status.FAIL if z.md_avg <= 0 else None),
        "ceiling": (ceiling, None),
        "instalment": (instalment, Status.FAIL if over else None),
    }
    if results.equity is None:
        texts["equity"] = ("—", None)
    else:
        current = results.equity.current
        texts["equity"] = (deviation(current.deviation), current.status)
    blocking = sum(1 for i in results.issues if i.severity is Severity.BLOCKING)
    if blocking:
        texts["readiness"] = (tr("%1 项阻碍").replace("%1", str(blocking)), Status.FAIL)
    else:
        texts["readiness"] = (tr("可提交"), Status.OK)
    return texts


class _Figure(QWidget):
    clicked = Signal()

    def __init__(self, key: str, caption: str) -> None:
        super().__init__()
        self.setObjectName(f"keyFigure:{key}")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.caption = QLabel(caption)
        self.caption.setStyleSheet("color: #555555;")
        small = self.caption.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.caption.setFont(small)
        self.value = QLabel("—")
        self.value.setObjectName(f"keyValue:{key}")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        font = self.value.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.value.setFont(font)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 2, 8, 2)
        box.setSpacing(0)
        box.addWidget(self.caption)
        box.addWidget(self.value)
        self._shown: tuple[str, Status | None] = ("—", None)

    def show_text(self, text: str, status: Status | None) -> bool:
        """Show ``text``; whether anything changed."""
        if (text, status) == self._shown:
            return False  # most edits leave most figures as they were: no relayout for them
        if status != self._shown[1]:
            self.value.setStyleSheet(f"color: {COLOURS[status]};")
        self.value.setText(text)
        self._shown = (text, status)
        return True

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


class KeyFigureStrip(QFrame):
    """``section_requested(key)``: the officer clicked a figure; show the section it comes from."""

    section_requested = Signal(str)

    def __init__(self, recalc: Recalculator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyFigureStrip")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#keyFigureStrip { background: #F3F7FA; border: 1px solid #D5DEE6; }")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(4, 2, 4, 2)
        self.grid.setHorizontalSpacing(4)
        self.grid.setVerticalSpacing(0)
        self.columns = 0
        self.figures: dict[str, _Figure] = {}
        names = captions()
        for key in KEYS:
            figure = _Figure(key, names[key])
            figure.setToolTip(tr("点击查看所在部分"))
            figure.clicked.connect(lambda key=key: self.section_requested.emit(SECTION_OF[key]))
            self.figures[key] = figure
        # one row where the pane is wide enough, else two: never wider than the pane, never cut
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Maximum)
        self._arrange(len(KEYS))
        recalc.results_ready.connect(self.show_results)
        if recalc.results is not None:
            self.show_results(recalc.results)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit(event.size().width())

    def _fit(self, width: int) -> None:
        margins = self.grid.contentsMargins()
        needed = sum(f.sizeHint().width() for f in self.figures.values())
        needed += self.grid.horizontalSpacing() * (len(KEYS) - 1) + margins.left() + margins.right()
        self._arrange(len(KEYS) if needed <= width else WRAPPED_COLUMNS)

    def _arrange(self, columns: int) -> None:
        if columns == self.columns:
            return
        for figure in self.figures.values():
            self.grid.removeWidget(figure)
        for column in range(len(KEYS) + 1):
            self.grid.setColumnStretch(column, 0)
        for i, key in enumerate(KEYS):
            self.grid.addWidget(self.figures[key], i // columns, i % columns)
        self.grid.setColumnStretch(columns, 1)
        self.columns = columns

    def text(self, key: str) -> str:
        """The figure shown for ``key``."""
        return self.figures[key].value.text()

    def show_results(self, results: CaseResults) -> None:
        """Show the figures of ``results`` (the last good ones stay while a recompute fails)."""
        changed = False
        for key, (text, status) in figure_texts(results).items():
            changed = self.figures[key].show_text(text, status) or changed
        if changed and self.isVisible():
            self._fit(self.width())  # a longer figure may need the second row
