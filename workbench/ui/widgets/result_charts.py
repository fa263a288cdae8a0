"""Monthly figures and the cash projection, drawn by ``reports.charts`` on one canvas.

Both charts change shape with every edit, so they are redrawn in full, but only while visible and at
most once per ``REDRAW_DELAY_MS`` after the last results: typing never waits for them.
"""

from __future__ import annotations

import calendar
from typing import TYPE_CHECKING

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QTimer

from workbench.reports.charts import draw_monthly_chart, draw_projection_chart, use_font
from workbench.ui.i18n import lang

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from PySide6.QtGui import QShowEvent
    from PySide6.QtWidgets import QWidget

    from workbench.domain.calc import CaseResults

REDRAW_DELAY_MS = 150


class MonthlyCharts(FigureCanvasQTAgg):
    """The monthly chart above the projection chart."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Figure(figsize=(4.2, 6.0), layout="constrained"))
        self.setParent(parent)
        self.setObjectName("monthlyCharts")
        self._results: CaseResults | None = None
        self._stale = False
        self.draws = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REDRAW_DELAY_MS)
        self._timer.timeout.connect(self._redraw)

    def show_results(self, results: CaseResults) -> None:
        """Take new results; they are drawn shortly, or when the chart is next shown."""
        self._results = results
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._timer.start(0)

    def _redraw(self) -> None:
        if self._results is None or not self._stale:
            return
        self.figure.clear()
        monthly, projection = self.figure.subplots(2, 1)
        draw_monthly_chart(monthly, self._results, lang())
        draw_projection_chart(projection, self._results, lang())
        for axes in (monthly, projection):
            _compact_months(axes)
        use_font(self.figure)  # the rebuilt legends and labels, in this figure's own font
        self._stale = False
        self.draws += 1
        self.draw_idle()

    def redraw_now(self) -> None:
        """Draw pending results at once (tests, screenshots)."""
        self._stale = self._results is not None
        self._redraw()
        self.draw()


_MONTH_NUMBERS = {name: str(i) for i, name in enumerate(calendar.month_abbr) if name}


def _compact_months(axes: Axes) -> None:
    """Fit a ~350 px panel: months as numbers ("10月" and "Oct" both overlap), legend on two rows."""
    axes.set_title(axes.get_title(loc="left"), loc="left", fontsize=10)
    labels = [t.get_text().replace("月", "") for t in axes.get_xticklabels()]
    labels = [_MONTH_NUMBERS.get(label, label) for label in labels]
    if any(label.isdigit() for label in labels):
        axes.set_xticks(axes.get_xticks(), labels, fontsize=7)
    legend = axes.get_legend()
    if legend is not None:  # rebuilt: a legend packs its columns when it is made
        handles = [h for h in legend.legend_handles if h is not None]
        texts = [t.get_text() for t in legend.get_texts()]
        legend.remove()
        axes.legend(
            handles, texts, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2, fontsize=8, frameon=False
        )
