"""The live deviation chart paints again only the rows an edit changed, and the picture is the same
as a full redraw of the new values (pixel for pixel)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from workbench.domain.calc import compute_case
from workbench.domain.policy import DEFAULT_POLICY
from workbench.paths import resource_path
from workbench.reports.charts import deviation_bars, percent_text
from workbench.services.case_files import read_case_file
from workbench.ui.widgets.deviation_chart import DeviationChart

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from workbench.domain.calc import CaseResults
    from workbench.domain.case_file import CaseFile


def _case() -> CaseFile:
    return read_case_file(Path(resource_path("demo", "case-a.json")))


def _with_stock_cost(case: CaseFile, cost: Decimal) -> CaseResults:
    sheet = case.balance_sheet
    first = dataclasses.replace(sheet.stock[0], unit_cost=cost)
    stock = type(sheet.stock)([first, *sheet.stock[1:]])
    return compute_case(
        dataclasses.replace(case, balance_sheet=dataclasses.replace(sheet, stock=stock)), DEFAULT_POLICY
    )


def _shown(qtbot: QtBot) -> DeviationChart:
    chart = DeviationChart()
    qtbot.addWidget(chart)
    chart.resize(420, 520)
    chart.show()
    chart.show_results(compute_case(_case(), DEFAULT_POLICY))
    qtbot.waitUntil(lambda: chart.full_draws >= 1, timeout=5000)
    return chart


def _pixels(chart: DeviationChart) -> np.ndarray:
    return np.asarray(chart.buffer_rgba()).copy()


def test_an_edit_paints_again_only_the_rows_it_changed(qtbot: QtBot) -> None:
    chart = _shown(qtbot)
    before = deviation_bars(compute_case(_case(), DEFAULT_POLICY), "zh")
    results = _with_stock_cost(_case(), Decimal(90000))
    after = deviation_bars(results, "zh")
    changed = tuple(i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b)
    assert 0 < len(changed) < len(after)
    full_draws, blits = chart.full_draws, chart.blits
    chart.show_results(results)
    assert chart.blits == blits + 1 and chart.full_draws == full_draws
    assert chart.last_blit_rows == changed
    chart.show_results(results)  # the same values again: nothing to paint
    assert chart.last_blit_rows == ()


def test_the_blitted_picture_is_the_full_redraw_of_the_new_values(qtbot: QtBot) -> None:
    chart = _shown(qtbot)
    case = _case()
    for cost in (Decimal(29000), Decimal(90000), Decimal(1), Decimal(500000)):  # in range, off scale, back
        results = _with_stock_cost(case, cost)
        chart.show_results(results)
    assert chart.full_draws == 1 and chart.blits == 4
    blitted = _pixels(chart)
    for label, bar in zip(chart._artists.labels, deviation_bars(results, "zh"), strict=True):  # type: ignore[union-attr]
        if bar.percent is not None and not bar.in_range:
            assert label.get_text() == percent_text(bar.percent)  # off-scale values still say their value
    chart.draw()
    assert chart.full_draws == 2
    assert np.array_equal(blitted, _pixels(chart))
