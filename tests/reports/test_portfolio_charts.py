"""The portfolio's charts: one drawing code for screen and paper, nothing global touched."""

from __future__ import annotations

import copy
from datetime import datetime

import matplotlib
import pandas as pd
import pytest
from matplotlib.figure import Figure

from workbench.domain.case_file import Stage
from workbench.domain.portfolio import PortfolioQuery
from workbench.reports.portfolio_charts import CHARTS, chart_png
from workbench.reports.portfolio_data import OFFICER_COLUMNS, Portfolio
from workbench.reports.portfolio_tables import bin_label, portfolio_tables
from workbench.services.portfolio import bins_frame, histogram


def _portfolio(empty: bool = False) -> Portfolio:
    deviations = pd.Series([] if empty else [-0.5, -0.031, 0.0, 0.024, 0.025, 0.2999, 0.3, 1.2])
    return Portfolio(
        query=PortfolioQuery(),
        made_at=datetime(2026, 12, 7, 9, 30).astimezone(),
        made_for="guanli",
        own_only=False,
        pipeline=pd.DataFrame(
            {
                "stage": [s.value for s in Stage],
                "cases": [0 if empty else i for i in range(len(Stage))],
                "requested_minor": [0] * len(Stage),
            }
        ),
        officers=pd.DataFrame(columns=list(OFFICER_COLUMNS)),
        months=pd.DataFrame(
            {
                "month": [] if empty else ["2026-10", "2026-11"],
                "approved": [] if empty else [3, 4],
                "approved_minor": [] if empty else [10_000_000, 25_000_050],
            }
        ),
        equity_bins=bins_frame(histogram(deviations)),
        check_bins=bins_frame(histogram(deviations)),
    )


def test_the_bins_take_each_value_once_and_the_open_ends_the_rest() -> None:
    bins = _portfolio().equity_bins
    assert int(bins["count"].sum()) == 8
    counted = {
        bin_label(lo, hi): int(n)
        for lo, hi, n in zip(bins["low"], bins["high"], bins["count"], strict=True)
        if n
    }
    assert counted == {
        "< −30.0%": 1,
        "[−5.0%, −2.5%)": 1,
        "[0.0%, +2.5%)": 2,
        "[+2.5%, +5.0%)": 1,
        "[+27.5%, +30.0%)": 1,
        "≥ +30.0%": 2,
    }


@pytest.mark.parametrize("empty", [False, True])
def test_every_chart_draws_on_a_figure_it_is_given_and_leaves_matplotlib_as_it_was(empty: bool) -> None:
    before = copy.deepcopy(dict(matplotlib.rcParams))
    portfolio = _portfolio(empty)
    for key, draw in CHARTS.items():
        figure = Figure()
        draw(figure.add_subplot(), portfolio, "en")
        figure.canvas.draw()
        assert figure.axes[0].get_title(loc="left"), key
        assert chart_png(key, portfolio, "zh").startswith(b"\x89PNG")
    assert dict(matplotlib.rcParams) == before


def test_the_tables_say_money_and_shares_as_the_reports_do() -> None:
    tables = portfolio_tables(_portfolio(), "zh")
    assert tables["months"].rows == (("2026-10", "3", "100,000.00"), ("2026-11", "4", "250,000.50"))
    assert tables["equity"].rows[0] == ("< −30.0%", "1", "12.50%")
    assert [c.title for c in tables["pipeline"].columns] == ["阶段", "案卷数", "申请金额（元）"]
