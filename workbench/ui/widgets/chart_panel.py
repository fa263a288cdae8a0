"""The charts beside a case editor: deviations, and monthly figures with the cash projection.

This module imports matplotlib; the editor imports it only when its first chart panel is built,
so the window paints before matplotlib loads (SETUP-NOTES: ~0.26 s instead of ~1.5 s).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from workbench.reports.charts import use_shipped_font
from workbench.ui.i18n import tr
from workbench.ui.widgets.deviation_chart import DeviationChart
from workbench.ui.widgets.result_charts import MonthlyCharts

if TYPE_CHECKING:
    from workbench.domain.calc import CaseResults
    from workbench.ui.recalc import Recalculator


class ChartPanel(QTabWidget):
    """Tabs: the deviation chart (first) and the monthly/projection charts."""

    def __init__(self, recalc: Recalculator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        use_shipped_font()
        self.setObjectName("chartPanel")
        self.deviation = DeviationChart()
        self.monthly = MonthlyCharts()
        deviation_page = QWidget()
        layout = QVBoxLayout(deviation_page)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.deviation, 1)
        hint = QLabel(tr("点击柱条可跳转到该项检验"))
        hint.setObjectName("chartHint")
        layout.addWidget(hint)
        self.addTab(deviation_page, tr("偏差"))
        self.addTab(self.monthly, tr("月度与现金流"))
        recalc.results_ready.connect(self.show_results)
        self._recalc = recalc
        if recalc.results is not None:
            # The first drawing (~100 ms with the layout engine) waits one event-loop turn, so the
            # new tab paints and takes typing first; the chart fills in right after.
            QTimer.singleShot(0, self._first_results)

    def _first_results(self) -> None:
        if self._recalc.results is not None and not self.deviation.keys:
            self.show_results(self._recalc.results)

    def show_results(self, results: CaseResults) -> None:
        """Pass new results to both charts."""
        self.deviation.show_results(results)
        self.monthly.show_results(results)
