"""Charts drawn by one piece of code for the screen and for the PDF.

The functions draw on a matplotlib ``Axes`` they are given: the window passes the axes of its
``FigureCanvasQTAgg``, the reports a ``Figure`` of their own. No pyplot and no global settings: the
window draws its live chart on the GUI thread while a report renders on a worker thread, and
matplotlib's ``rcParams`` (``rc_context`` too) are shared by both; so every text of a figure gets the
shipped font by its own properties (``use_font``), and the font file is registered once, under a lock.
Colours are Okabe–Ito (colour-blind safe). Floats appear only here, at the pixel.

For live updates the deviation chart returns its artists: ``update_deviation_chart`` moves the bars
and labels of an unchanged set of checks (cheap, blit-friendly); when the set changes the caller
redraws with ``draw_deviation_chart``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from matplotlib import font_manager
from matplotlib.container import BarContainer
from matplotlib.patches import Patch
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter

from workbench.domain.cross_checks import CheckKind
from workbench.domain.status import Status
from workbench.paths import resource_path
from workbench.reports.formatting import deviation, minus, money
from workbench.texts import NC_, Words, gettext
from workbench.texts.labels import CHECK_METHOD_LABELS as METHOD_LABELS
from workbench.texts.labels import MONTH_NAMES, STATUS_LABELS

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure, SubFigure

    from workbench.domain.calc import CaseResults
    from workbench.domain.settings import ToleranceBand

FONT_FILE = ("fonts", "wqy-microhei.ttc")
FONT_FAMILY = "WenQuanYi Micro Hei"

# Okabe–Ito: distinguishable with every common colour-vision deficiency, and in grey print.
STATUS_COLOURS = {Status.OK: "#009E73", Status.EXPLAIN: "#E69F00", Status.FAIL: "#D55E00"}
BAND_COLOURS = {Status.OK: "#E5F5EF", Status.EXPLAIN: "#FDF1DC", Status.FAIL: "#FBE6DC"}
SERIES_COLOURS = {
    "sales": "#56B4E9",
    "net_profit": "#0072B2",
    "disposable": "#009E73",
    "instalment": "#D55E00",
}
NEUTRAL = "#555555"
THOUSANDS = FuncFormatter(lambda value, _pos: minus(f"{value:,.0f}"))

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


# ---- what the deviation chart shows ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DeviationBar:
    """One bar: a cross-check or the equity check, its signed deviation in percent and its status."""

    key: str
    label: str
    percent: float | None
    status: Status
    superseded: bool = False
    in_range: bool = False  # a range check inside its range: no deviation to speak of


EQUITY_KEY = "equity"
_EQUITY_LABEL = NC_("chart", "权益检验")


def deviation_bars(results: CaseResults, lang: str = "zh") -> tuple[DeviationBar, ...]:
    """The bars of a case, equity first, then the checks in file order (logic checks have no δ)."""
    bars: list[DeviationBar] = []
    if results.equity is not None:
        current = results.equity.current
        label = gettext(_EQUITY_LABEL, lang)
        bars.append(DeviationBar(EQUITY_KEY, label, _pct(current.deviation), current.status))
    for check in results.checks:
        if check.kind is CheckKind.LOGIC:
            continue
        label = f"{check.id} {METHOD_LABELS[check.method][lang]}"
        bars.append(
            DeviationBar(
                check.id,
                label,
                _pct(check.deviation),
                check.status,
                superseded=bool(check.superseded_by),
                in_range=check.inside is True,
            )
        )
    return tuple(bars)


def _pct(value: Decimal | None) -> float | None:
    return None if value is None else float(value * 100)


def percent_text(percent: float) -> str:
    """A bar's deviation as the tables print it: ``-3.107 → "−3.11%"``, half-up like the tables.

    The float's shortest decimal form goes through ``domain.formatting.deviation``; ``f"{x:+.2f}"``
    would round the binary float half-even (12.125 → ``+12.12%``) and print ``−0.00%``.
    """
    return deviation(Decimal(repr(percent)) / 100)


@dataclass(slots=True)
class DeviationArtists:
    """What ``draw_deviation_chart`` drew, kept for cheap updates."""

    keys: tuple[str, ...]
    bars: BarContainer
    labels: list[Text]
    limit: float


def scale_limit(band: ToleranceBand) -> float:
    """The chart's fixed half-width in percent: twice the explain limit, at least ±20 %, whatever the
    values (a single large deviation no longer shrinks the bands to slivers; it is drawn to the edge
    with its value)."""
    return max(20.0, float(band.explain * 100) * 2)


_SUPERSEDED_LABEL = NC_("chart", "已取代（不计入）")


def _whole(value: float) -> str:
    return f"{value:g}"


def draw_deviation_chart(
    ax: Axes, bars: tuple[DeviationBar, ...], band: ToleranceBand, lang: str = "zh"
) -> DeviationArtists:
    """Horizontal bars of δ % on a fixed scale with the OK / EXPLAIN / FAIL bands, labelled, behind them.

    Bars beyond the scale stop at its edge and their label says the true value; a superseded check's
    bar is hatched and the legend says so.
    """
    ax.clear()
    limit = scale_limit(band)
    ok, explain = float(band.ok * 100), float(band.explain * 100)
    ax.axvspan(-ok, ok, color=BAND_COLOURS[Status.OK], zorder=0, lw=0)
    for sign in (-1, 1):
        ax.axvspan(sign * ok, sign * explain, color=BAND_COLOURS[Status.EXPLAIN], zorder=0, lw=0)
        ax.axvspan(sign * explain, sign * limit * 1.2, color=BAND_COLOURS[Status.FAIL], zorder=0, lw=0)
    ax.axvline(0, color=NEUTRAL, lw=0.8, zorder=1)
    ys = list(range(len(bars)))
    widths = [_clip(b.percent, limit) for b in bars]
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
            patch.set_alpha(0.35)
            patch.set_hatch("//")
    labels = [ax.text(0, y, "", va="center", fontsize=8, zorder=3) for y in ys]
    _place_labels(labels, bars, widths, limit, lang)
    ax.set_yticks(ys, [b.label for b in bars], fontsize=9)
    # a row above the bars for the bands' words, at the top of each band on the right-hand side
    ax.set_ylim(len(bars) - 0.5, -1.6)
    centres = {Status.OK: 0.0, Status.EXPLAIN: (ok + explain) / 2, Status.FAIL: (explain + limit) / 2}
    limits = {
        Status.OK: f"≤{_whole(ok)}%",
        Status.EXPLAIN: f"≤{_whole(explain)}%",
        Status.FAIL: f">{_whole(explain)}%",
    }
    for status, x in centres.items():  # two short lines: they fit a narrow side panel too
        ax.text(
            x,
            -0.95,
            f"{limits[status]}\n{STATUS_LABELS[status][lang]}",
            ha="center",
            va="center",
            fontsize=7,
            linespacing=1.1,
            color=STATUS_COLOURS[status],
            zorder=3,
        )
    ax.set_xlim(-limit, limit)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _pos: minus(f"{value:g}%")))
    ax.set_xlabel(gettext(NC_("chart", "偏差 %（认定值 − 检验值）/ 认定值"), lang))
    ax.tick_params(axis="x", labelsize=8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    title = gettext(NC_("chart", "交叉检验与权益检验偏差"), lang)
    ax.set_title(title, fontsize=11, loc="left")
    handles = [Patch(color=STATUS_COLOURS[s], label=STATUS_LABELS[s][lang]) for s in Status]
    if any(b.superseded for b in bars):
        handles.append(
            Patch(facecolor="white", edgecolor=NEUTRAL, hatch="//", label=gettext(_SUPERSEDED_LABEL, lang))
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
    widths = [_clip(b.percent, artists.limit) for b in bars]
    for patch, bar, width in zip(artists.bars.patches, bars, widths, strict=True):
        patch.set_width(width)
        patch.set_facecolor(STATUS_COLOURS[bar.status])
    _place_labels(artists.labels, bars, widths, artists.limit, lang)
    return True


def _clip(percent: float | None, limit: float) -> float:
    if percent is None:
        return 0.0
    return max(-limit, min(limit, percent))


def _place_labels(
    labels: list[Text], bars: tuple[DeviationBar, ...], widths: list[float], limit: float, lang: str
) -> None:
    pad = limit * 0.02
    for text, bar, width in zip(labels, bars, widths, strict=True):
        if bar.in_range:
            text.set_text(gettext(NC_("chart", "在区间内"), lang))
            text.set_x(pad)
            text.set_horizontalalignment("left")
            text.set_color(NEUTRAL)
            continue
        if bar.percent is None:
            text.set_text(gettext(NC_("chart", "无法计算"), lang))
            text.set_x(pad)
            text.set_horizontalalignment("left")
            continue
        text.set_text(percent_text(bar.percent))
        inside = abs(width) > limit * 0.8  # near or at the edge: written inside the bar, in white
        sign = 1.0 if width >= 0 else -1.0
        text.set_x(width - sign * pad if inside else width + sign * pad)
        text.set_horizontalalignment(
            ("right" if sign > 0 else "left") if inside else ("left" if sign > 0 else "right")
        )
        text.set_color("white" if inside else NEUTRAL)


# ---- monthly figures and cash projection ---------------------------------------------------------

_SERIES_LABELS: Words[str] = Words(
    {
        "sales": NC_("chart", "销售额"),
        "net_profit": NC_("chart", "净利润"),
        "disposable": NC_("chart", "可支配资金"),
        "instalment": NC_("chart", "月还款额"),
        "balance": NC_("chart", "累计现金"),
    }
)


def _month_labels(lang: str) -> list[str]:
    return [gettext(month, lang) for month in MONTH_NAMES]


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
        alpha=0.35,
        width=0.7,
        label=_SERIES_LABELS["sales"][lang],
    )
    sales_ax.set_ylabel(_SERIES_LABELS["sales"][lang], fontsize=8)
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
            label=_SERIES_LABELS["instalment"][lang],
        )
    ax.axhline(0, color=NEUTRAL, lw=0.6)
    ax.set_xticks(xs, _month_labels(lang), fontsize=8)
    ax.tick_params(axis="y", labelsize=8)
    ax.set_title(
        gettext(NC_("chart", "月度销售、净利润与可支配资金"), lang),
        fontsize=11,
        loc="left",
    )
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
    ax.plot(xs, values, color=SERIES_COLOURS[colour], marker=marker, ms=3, label=_SERIES_LABELS[name][lang])


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
        alpha=0.5,
        width=0.6,
        label=_SERIES_LABELS["instalment"][lang],
    )
    low = results.sizing.projection_minimum
    if low is not None:
        # At either end of the year a centred label would hang over the axes' edge in a narrow panel.
        edge = "left" if low.index <= 1 else "right" if low.index >= len(projection) - 2 else "center"
        ax.annotate(
            f"{'最低' if lang == 'zh' else 'lowest'} {money(low.balance)}",
            (low.index, float(low.balance)),
            textcoords="offset points",
            xytext=({"left": -4, "right": 4, "center": 0}[edge], -14),
            ha=edge,
            fontsize=8,
            color=NEUTRAL,
        )
    ax.axhline(0, color=NEUTRAL, lw=0.6)
    ax.set_xticks(xs, [_month_labels(lang)[m.month - 1] for m in projection], fontsize=8)
    ax.tick_params(axis="y", labelsize=8)
    ax.set_title(
        gettext(NC_("chart", "放款后 12 个月现金流预测"), lang),
        fontsize=11,
        loc="left",
    )
    ax.yaxis.set_major_formatter(THOUSANDS)
    ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.12), frameon=False, ncol=2)
    use_font(ax.figure)
