"""The portfolio's charts, drawn by one piece of code for the window and for the PDF and workbook.

Each function draws on the ``Axes`` it is given (the window's ``FigureCanvasQTAgg``, the PDF's
vector figure, the workbook's PNG) and touches nothing global: no pyplot, no ``rcParams``; every
text takes the shipped CJK font through its own ``FontProperties``. Colours are Okabe–Ito.
"""

from __future__ import annotations

import functools
import io
import math
from typing import TYPE_CHECKING

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.ticker import FuncFormatter, MaxNLocator

from workbench.domain.case_file import Stage
from workbench.domain.cross_checks import Target
from workbench.domain.policy import DEFAULT_POLICY
from workbench.paths import resource_path
from workbench.reports.charts import BAND_COLOURS, FONT_FILE, NEUTRAL, SERIES_COLOURS
from workbench.reports.formatting import minus
from workbench.reports.portfolio_tables import heading, title
from workbench.reports.texts import label
from workbench.texts import N_, text

if TYPE_CHECKING:
    from collections.abc import Callable

    import pandas as pd
    from matplotlib.axes import Axes

    from workbench.reports.portfolio_data import Portfolio

BAR = SERIES_COLOURS["net_profit"]
LINE = SERIES_COLOURS["instalment"]
OPEN_END = SERIES_COLOURS["sales"]
EMPTY = N_("所选期间没有数据")
TEN_THOUSAND = N_("批准金额（万元）")


@functools.cache
def font(size: float = 8.0) -> FontProperties:
    """The shipped CJK font at ``size`` points, by file: no registration, no global default."""
    return FontProperties(fname=str(resource_path(*FONT_FILE)), size=size)


def _dress(ax: Axes, caption: str) -> None:
    ax.set_title(caption, fontproperties=font(9.5), loc="left")
    for tick in (*ax.get_xticklabels(), *ax.get_yticklabels()):
        tick.set_fontproperties(font(7.5))
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _empty(ax: Axes, caption: str, lang: str) -> None:
    ax.text(0.5, 0.5, text(EMPTY, lang), ha="center", va="center", transform=ax.transAxes,
            fontproperties=font(9), color=NEUTRAL)  # fmt: skip
    ax.set_xticks([])
    ax.set_yticks([])
    _dress(ax, caption)


def draw_pipeline(ax: Axes, portfolio: Portfolio, lang: str) -> None:
    """Cases per stage, in process order, as horizontal bars with their counts."""
    caption = title("pipeline", lang)
    table = portfolio.pipeline
    if int(table["cases"].sum()) == 0:
        _empty(ax, caption, lang)
        return
    names = [label(Stage(s), lang) for s in table["stage"]]
    counts = [int(n) for n in table["cases"]]
    positions = range(len(names))
    bars = ax.barh(positions, counts, color=BAR, height=0.65)
    ax.set_yticks(list(positions), names)
    ax.invert_yaxis()
    ax.bar_label(bars, labels=[f"{n:,}" for n in counts], padding=2, fontproperties=font(7))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{v:,.0f}"))
    ax.set_xlim(0, max(counts) * 1.15)
    _dress(ax, caption)


def draw_months(ax: Axes, portfolio: Portfolio, lang: str) -> None:
    """Approvals per month (bars, left axis) and the approved amount in 10 000 yuan (line, right)."""
    caption = title("months", lang)
    table = portfolio.months
    if table.empty:
        _empty(ax, caption, lang)
        return
    months = list(table["month"])
    positions = list(range(len(months)))
    ax.bar(
        positions, [int(n) for n in table["approved"]], color=BAR, width=0.7, label=heading("approved", lang)
    )
    ax.set_ylabel(heading("approved", lang), fontproperties=font(8))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    every = max(1, math.ceil(len(months) / 12))
    ax.set_xticks(positions[::every], months[::every], rotation=45, ha="right")
    right = ax.twinx()
    amounts = [int(m) / 1_000_000 for m in table["approved_minor"]]
    right.plot(positions, amounts, color=LINE, marker="o", markersize=2.5, linewidth=1.2)
    right.set_ylabel(text(TEN_THOUSAND, lang), fontproperties=font(8), color=LINE)
    right.set_ylim(bottom=0)
    right.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{v:,.0f}"))
    for tick in right.get_yticklabels():
        tick.set_fontproperties(font(7.5))
    right.spines["top"].set_visible(False)
    _dress(ax, caption)


def draw_deviations(ax: Axes, portfolio: Portfolio, lang: str, which: str = "equity") -> None:
    """A histogram of equity (``which="equity"``) or cross-check (``"checks"``) deviations; the band
    of the tolerance that passes as OK is shaded, the open end bins sit at the edges."""
    caption = title(which, lang)
    bins = portfolio.equity_bins if which == "equity" else portfolio.check_bins
    if int(bins["count"].sum()) == 0:
        _empty(ax, caption, lang)
        return
    band = DEFAULT_POLICY.band(Target.EQUITY if which == "equity" else Target.SALES_MONTH)
    ok = float(band.ok) * 100
    ax.axvspan(-ok, ok, color=BAND_COLOURS[next(iter(BAND_COLOURS))], zorder=0)
    lefts, widths = _bars(bins)
    counts = [int(n) for n in bins["count"]]
    bars = ax.bar(lefts, counts, width=widths, align="edge", color=BAR, edgecolor="white", linewidth=0.4)
    for end in (bars[0], bars[-1]):  # the open bins (beyond ±30 %): hatched, their count written on them
        end.set_hatch("////")
        end.set_facecolor(OPEN_END)
    ends = (0, len(counts) - 1)
    labels = [f"{n:,}" if i in ends and n else "" for i, n in enumerate(counts)]
    ax.bar_label(bars, labels=labels, padding=1, fontproperties=font(6.5))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: minus(f"{v:+.0f}%") if v else "0%"))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(heading("range", lang), fontproperties=font(8))
    ax.set_ylabel(heading("count", lang), fontproperties=font(8))
    _dress(ax, caption)


def _bars(bins: pd.DataFrame) -> tuple[list[float], list[float]]:
    """Left edges and widths in percent; an open bin is drawn one step wide beyond the last edge."""
    lows = [float(x) * 100 for x in bins["low"]]
    highs = [float(x) * 100 for x in bins["high"]]
    step = highs[1] - lows[1]
    lows[0] = highs[0] - step
    highs[-1] = lows[-1] + step
    return lows, [h - lo for lo, h in zip(lows, highs, strict=True)]


CHARTS: dict[str, Callable[[Axes, Portfolio, str], None]] = {
    "pipeline": draw_pipeline,
    "months": draw_months,
    "equity": functools.partial(draw_deviations, which="equity"),
    "checks": functools.partial(draw_deviations, which="checks"),
}
"""Every chart by key: ``CHARTS[key](axes, portfolio, lang)``."""


def chart_png(key: str, portfolio: Portfolio, lang: str, size: tuple[float, float] = (6.4, 3.4)) -> bytes:
    """One chart as a PNG (the workbook's pictures), on its own Agg figure."""
    figure = Figure(figsize=size, dpi=120, layout="constrained")
    CHARTS[key](figure.add_subplot(), portfolio, lang)
    out = io.BytesIO()
    FigureCanvasAgg(figure)
    figure.savefig(out, format="png")
    return out.getvalue()
