"""The window's charts set the shipped font on their own figures (no matplotlib-wide setting, which a
report rendering on a worker thread would share): every text, rebuilt legends and tick labels too."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib
from matplotlib.text import Text

from workbench.domain.calc import compute_case
from workbench.domain.policy import DEFAULT_POLICY
from workbench.paths import resource_path
from workbench.reports.charts import FONT_FAMILY
from workbench.services.case_files import read_case_file
from workbench.ui.widgets.deviation_chart import DeviationChart
from workbench.ui.widgets.result_charts import MonthlyCharts

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from pytestqt.qtbot import QtBot


def _fonts(figure: Figure) -> set[str]:
    figure.canvas.draw()
    return {
        family
        for text in figure.findobj(Text)
        if text.get_text().strip() and text.get_visible()
        for family in text.get_fontfamily()
    }


def test_the_live_charts_print_every_text_in_the_shipped_font(qtbot: QtBot) -> None:
    before = dict(matplotlib.rcParams)
    results = compute_case(read_case_file(Path(resource_path("demo", "case-a.json"))), DEFAULT_POLICY)
    deviation = DeviationChart()
    qtbot.addWidget(deviation)
    deviation.show_results(results)
    monthly = MonthlyCharts()
    qtbot.addWidget(monthly)
    monthly.show_results(results)
    monthly.redraw_now()
    assert _fonts(deviation.figure) == {FONT_FAMILY}
    assert _fonts(monthly.figure) == {FONT_FAMILY}
    assert dict(matplotlib.rcParams) == before
