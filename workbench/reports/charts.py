"""The case charts on screen, drawn with matplotlib from ``chart_spec`` (what they show: scale,
bands, colours, labels, legend), which the PDF's ``pdf_charts`` draws with reportlab too.

The functions draw on a matplotlib ``Axes`` they are given: the window passes the axes of its
``FigureCanvasQTAgg``, a slide or a picture a ``Figure`` of its own. No pyplot and no global settings: the
window draws its live chart on the GUI thread while a report renders on a worker thread, and
matplotlib's ``rcParams`` (``rc_context`` too) are shared by both; so every text of a figure gets the
shipped font by its own properties (``use_font``), and the font file is registered once, under a lock.

For live updates the deviation chart returns its artists: ``update_deviation_chart`` moves the bars
and labels of an unchanged set of checks (cheap, blit-friendly); when the set changes the caller
redraws with ``draw_deviation_chart``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from matplotlib import font_manager
from matplotlib.container import BarContainer
from matplotlib.patches import Patch
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter

from workbench.paths import resource_path
from workbench.reports.chart_spec import (
    BAND_COLOURS,
    DEVIATION_AXIS,
    DEVIATION_TITLE,
    EQUITY_KEY,
    FONT_FAMILY,
    FONT_FILE,
    INSTALMENT_ALPHA,
    MONTHLY_TITLE,
    NEUTRAL,
    PROJECTION_TITLE,
    SALES_ALPHA,
    SERIES_COLOURS,
    SERIES_LABELS,
    STATUS_COLOURS,
    SUPERSEDED_ALPHA,
    SUPERSEDED_LABEL,
    DeviationBar,
    bands,
    bar_label,
    clip,
    deviation_bars,
    lowest_label,
    month_labels,
    percent_text,
    percent_tick,
    scale_limit,
    status_legend,
    thousands,
)
from workbench.texts import gettext

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure, SubFigure

    from workbench.domain.calc import CaseResults
    from workbench.domain.settings import ToleranceBand

__all__ = [
    "BAND_COLOURS",
    "EQUITY_KEY",
    "FONT_FILE",
    "NEUTRAL",
    "SERIES_COLOURS",
    "STATUS_COLOURS",
    "DeviationArtists",
    "DeviationBar",
    "deviation_bars",
    "draw_deviation_chart",
    "draw_monthly_chart",
    "draw_projection_chart",
    "percent_text",
    "scale_limit",
    "update_deviation_chart",
    "use_font",
    "use_shipped_font",
]

THOUSANDS = FuncFormatter(lambda value, _pos: thousands(value))

_font_lock = threading.Lock()
_fonts_ready = False


def use_shipped_font() -> str:
    """Register the shipped CJK font file with matplotlib's font list (once) and return its family.

    Registering the file from ``resources/fonts`` means a machine without Chinese system fonts still
    draws Chinese labels, never boxes. Nothing else is changed globally: ``use_font`` puts the family
    on each figure's texts.
    """
    global _fonts_ready
    if not _fonts_ready:
        with _font_lock:
            if not _fonts_ready:
                font_manager.fontManager.addfont(str(resource_path(*FONT_FILE)))
                _fonts_ready = True
    return FONT_FAMILY


def use_font(figure: Figure | SubFigure) -> None:
    """Every text of ``figure`` in the shipped font, tick labels made later included (per figure)."""
    family = use_shipped_font()
    for ax in figure.axes:
        ax.tick_params(labelfontfamily=family)
    for text in figure.findobj(Text):
        text.set_fontfamily(family)


# ---- the deviation chart -----------------------------------------------------------------------


@dataclass(slots=True)
class DeviationArtists:
    """What ``draw_deviation_chart`` drew, kept for cheap updates."""

    keys: tuple[str, ...]
    bars: BarContainer
    labels: list[Text]
    limit: float


def draw_deviation_chart(
    ax: Axes, bars: tuple[DeviationBar, ...], band: ToleranceBand, lang: str = "zh"
) -> DeviationArtists:
    """Horizontal bars of δ % on a fixed scale with the OK / EXPLAIN / FAIL bands, labelled, behind them.

    Bars beyond the scale stop at its edge and their label says the true value; a superseded check's
    bar is hatched and the legend says so.
    """
    ax.clear()
    limit = scale_limit(band)
    shades = bands(band, lang)
    for shade in shades:
        for lo, hi in shade.spans:
            ax.axvspan(lo, hi, color=BAND_COLOURS[shade.status], zorder=0, lw=0)
    ax.axvline(0, color=NEUTRAL, lw=0.8, zorder=1)
    ys = list(range(len(bars)))
    widths = [clip(b.percent, limit) for b in bars]
    container = ax.barh(
        ys,
        widths,
        height=0.6,
        color=[STATUS_COLOURS[b.status] for b in bars],
        hatch=None,
        zorder=2,
    )
    for patch, bar in zip(container.patches, bars, strict=True):
        if bar.superseded:
            patch.set_alpha(SUPERSEDED_ALPHA)
            patch.set_hatch("//")
    labels = [ax.text(0, y, "", va="center", fontsize=8, zorder=3) for y in ys]
    _place_labels(labels, bars, widths, limit, lang)
    ax.set_yticks(ys, [b.label for b in bars], fontsize=9)
    # a row above the bars for the bands' words, at the top of each band on the right-hand side
    ax.set_ylim(len(bars) - 0.5, -1.6)
    for shade in shades:
        ax.text(
            shade.centre,
            -0.95,
            shade.label,
            ha="center",
            va="center",
            fontsize=7,
            linespacing=1.1,
            color=STATUS_COLOURS[shade.status],
            zorder=3,
        )
    ax.set_xlim(-limit, limit)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _pos: percent_tick(value)))
    ax.set_xlabel(gettext(DEVIATION_AXIS, lang))
    ax.tick_params(axis="x", labelsize=8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title(gettext(DEVIATION_TITLE, lang), fontsize=11, loc="left")
    handles = [Patch(color=colour, label=word) for colour, word in status_legend(lang)]
    if any(b.superseded for b in bars):
        handles.append(
            Patch(facecolor="white", edgecolor=NEUTRAL, hatch="//", label=gettext(SUPERSEDED_LABEL, lang))
        )
    ax.legend(  # below the axis label: the title has the line above the plot to itself
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.14),
        ncol=len(handles),
        fontsize=8,
        frameon=False,
        handlelength=1.0,
        borderaxespad=0.2,
    )
    use_font(ax.figure)
    return DeviationArtists(tuple(b.key for b in bars), container, labels, limit)


def update_deviation_chart(
    artists: DeviationArtists, bars: tuple[DeviationBar, ...], lang: str = "zh"
) -> bool:
    """Move the existing bars to new values; ``False`` when a full redraw is needed instead.

    A redraw is needed only when the set of checks changed: the scale is fixed, and a value beyond it
    stops at the edge with its label.
    """
    if tuple(b.key for b in bars) != artists.keys:
        return False
    widths = [clip(b.percent, artists.limit) for b in bars]
    for patch, bar, width in zip(artists.bars.patches, bars, widths, strict=True):
        patch.set_width(width)
        patch.set_facecolor(STATUS_COLOURS[bar.status])
    _place_labels(artists.labels, bars, widths, artists.limit, lang)
    return True


def _place_labels(
    labels: list[Text], bars: tuple[DeviationBar, ...], widths: list[float], limit: float, lang: str
) -> None:
    for text, bar, width in zip(labels, bars, widths, strict=True):
        label = bar_label(bar, width, limit, lang)
        text.set_text(label.text)
        text.set_x(label.x)
        text.set_horizontalalignment(label.align)
        text.set_color(label.colour)


# ---- monthly figures and cash projection ---------------------------------------------------------


def draw_monthly_chart(ax: Axes, results: CaseResults, lang: str = "zh") -> None:
    """Sales as bars (right axis), net profit, disposable cash and the instalment as lines (left axis)."""
    ax.clear()
    months = results.statement.months
    xs = list(range(12))
    sales_ax = ax.twinx()
    sales_ax.bar(
        xs,
        [float(m.sales) for m in months],
        color=SERIES_COLOURS["sales"],
        alpha=SALES_ALPHA,
        width=0.7,
        label=SERIES_LABELS["sales"][lang],
    )
    sales_ax.set_ylabel(SERIES_LABELS["sales"][lang], fontsize=8)
    sales_ax.tick_params(labelsize=8)
    ax.set_zorder(sales_ax.get_zorder() + 1)
    ax.patch.set_visible(False)
    _series(ax, xs, [float(m.net_profit_cash) for m in months], "net_profit", "net_profit", "o", lang)
    _series(ax, xs, [float(m.disposable) for m in months], "disposable", "disposable", "s", lang)
    instalment = results.sizing.instalment
    if instalment is not None:
        ax.axhline(
            float(instalment),
            color=SERIES_COLOURS["instalment"],
            ls="--",
            lw=1.2,
            label=SERIES_LABELS["instalment"][lang],
        )
    ax.axhline(0, color=NEUTRAL, lw=0.6)
    ax.set_xticks(xs, month_labels(lang), fontsize=8)
    ax.tick_params(axis="y", labelsize=8)
    ax.set_title(gettext(MONTHLY_TITLE, lang), fontsize=11, loc="left")
    handles = [*ax.get_legend_handles_labels()[0], *sales_ax.get_legend_handles_labels()[0]]
    ax.legend(
        handles=handles, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.12), frameon=False, ncol=4
    )
    for axis in (ax.yaxis, sales_ax.yaxis):
        axis.set_major_formatter(THOUSANDS)
    use_font(ax.figure)


def _series(
    ax: Axes, xs: list[int], values: list[float], colour: str, name: str, marker: str, lang: str
) -> None:
    """One line of a chart with its markers and legend label."""
    ax.plot(xs, values, color=SERIES_COLOURS[colour], marker=marker, ms=3, label=SERIES_LABELS[name][lang])


def draw_projection_chart(ax: Axes, results: CaseResults, lang: str = "zh") -> None:
    """The 12-month cumulative cash after disbursement, its lowest point marked."""
    ax.clear()
    projection = results.sizing.projection
    xs = list(range(len(projection)))
    values = [float(m.balance) for m in projection]
    _series(ax, xs, values, "net_profit", "balance", "o", lang)
    ax.bar(
        xs,
        [float(m.instalment) for m in projection],
        color=SERIES_COLOURS["instalment"],
        alpha=INSTALMENT_ALPHA,
        width=0.6,
        label=SERIES_LABELS["instalment"][lang],
    )
    low = lowest_label(results, lang)
    if low is not None:
        index, balance, words, edge = low
        ax.annotate(
            words,
            (index, balance),
            textcoords="offset points",
            xytext=({"left": -4, "right": 4, "center": 0}[edge], -14),
            ha=edge,
            fontsize=8,
            color=NEUTRAL,
        )
    ax.axhline(0, color=NEUTRAL, lw=0.6)
    ax.set_xticks(xs, [month_labels(lang)[m.month - 1] for m in projection], fontsize=8)
    ax.tick_params(axis="y", labelsize=8)
    ax.set_title(gettext(PROJECTION_TITLE, lang), fontsize=11, loc="left")
    ax.yaxis.set_major_formatter(THOUSANDS)
    ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.12), frameon=False, ncol=2)
    use_font(ax.figure)
