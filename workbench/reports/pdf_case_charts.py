"""The case charts of the reports drawn with reportlab's canvas, from ``chart_spec``.

The screen draws the same charts with matplotlib (``charts``) from the same ``chart_spec``: the same
data, fixed deviation scale, bands, colours, labels and legend. Drawn here directly, a report neither
imports matplotlib nor lays out its figures: vector paths, and real text in the report's embedded
font (selectable, found by ``pdftotext``). Axis ticks follow matplotlib's defaults (1-2-2.5-5 steps,
5 % margins, outward ticks), so the printed axes read like the screen's.

Each ``draw_*`` is called by ``pdf_chart.ChartFlowable`` as ``draw(canvas, width, height, font, *args)``
with the origin at the chart's lower-left corner, in points.
"""

from __future__ import annotations

import functools
import math
from typing import TYPE_CHECKING

from reportlab.lib.colors import Color, HexColor
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth

from workbench.reports.chart_spec import (
    BAND_COLOURS,
    DEVIATION_AXIS,
    DEVIATION_TITLE,
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
    bands,
    bar_label,
    clip,
    lowest_label,
    month_labels,
    percent_tick,
    scale_limit,
    status_legend,
    thousands,
)
from workbench.texts import gettext

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from reportlab.pdfgen.canvas import Canvas

    from workbench.domain.calc import CaseResults
    from workbench.domain.settings import ToleranceBand
    from workbench.reports.chart_spec import DeviationBar

# matplotlib's defaults, in points: the printed chart reads like the screen's
TICK = 3.5
TICK_PAD = 3.5
SPINE = 0.8
LINE = 1.5
MARKER = 3.0
TITLE_SIZE = 11.0
TICK_SIZE = 8.0
LABEL_SIZE = 10.0
LEGEND_SIZE = 8.0
HATCH_STEP = 12.0  # "//" as matplotlib draws it at 72 dpi: six lines to the inch


@functools.cache
def _colour(value: str) -> Color:
    return Color(1, 1, 1) if value == "white" else HexColor(value)


class _Pen:
    """Text and shapes on the canvas in the chart's font, with matplotlib's alignments."""

    def __init__(self, canv: Canvas, font: str) -> None:
        self.c = canv
        self.font = font
        face = getFont(font).face
        self.ascent = float(face.ascent) / 1000
        self.descent = float(face.descent) / 1000  # negative

    def width(self, text: str, size: float) -> float:
        return max((stringWidth(line, self.font, size) for line in text.split("\n")), default=0.0)

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        colour: str = "#000000",
        align: str = "left",
        valign: str = "baseline",
        angle: float = 0.0,
        spacing: float = 1.2,
    ) -> None:
        """``valign``: ``baseline``, ``center`` (of the block of lines), ``top`` or ``bottom``."""
        lines = text.split("\n")
        step = size * spacing
        block = (len(lines) - 1) * step + size * (self.ascent - self.descent)
        top = {
            "baseline": size * self.ascent,
            "center": block / 2,
            "top": 0.0,
            "bottom": block,
        }[valign]
        c = self.c
        c.saveState()
        c.translate(x, y)
        if angle:
            c.rotate(angle)
        c.setFillColor(_colour(colour))
        c.setFont(self.font, size)
        for index, line in enumerate(lines):
            base = top - size * self.ascent - index * step
            if align == "center":
                c.drawCentredString(0, base, line)
            elif align == "right":
                c.drawRightString(0, base, line)
            else:
                c.drawString(0, base, line)
        c.restoreState()

    def rect(
        self, x: float, y: float, w: float, h: float, colour: str, alpha: float = 1.0, hatch: bool = False
    ) -> None:
        c = self.c
        c.saveState()
        c.setFillColor(_colour(colour))
        c.setFillAlpha(alpha)
        c.rect(x, y, w, h, stroke=0, fill=1)
        if hatch:
            self._hatch(x, y, w, h)
        c.restoreState()

    def _hatch(self, x: float, y: float, w: float, h: float) -> None:
        """Lines at 45° clipped to the rectangle (matplotlib's ``//``)."""
        c = self.c
        x0, x1 = min(x, x + w), max(x, x + w)
        path = c.beginPath()
        path.rect(x0, y, x1 - x0, h)
        c.clipPath(path, stroke=0, fill=0)
        c.setStrokeColor(_colour("#000000"))  # the lines stay dark on the faded bar, as on screen
        c.setStrokeAlpha(1.0)
        c.setLineWidth(1.0)
        start = math.floor((x0 - h) / HATCH_STEP) * HATCH_STEP
        lines = c.beginPath()
        offset = start
        while offset <= x1:
            lines.moveTo(offset, y)
            lines.lineTo(offset + h, y + h)
            offset += HATCH_STEP
        c.drawPath(lines, stroke=1, fill=0)

    def line(
        self,
        points: Sequence[tuple[float, float]],
        colour: str,
        width: float = LINE,
        dash: Sequence[float] = (),
        alpha: float = 1.0,
    ) -> None:
        if len(points) < 2:
            return
        c = self.c
        c.saveState()
        c.setStrokeColor(_colour(colour))
        c.setStrokeAlpha(alpha)
        c.setLineWidth(width)
        c.setLineCap(0 if dash else 2)
        c.setLineJoin(1)
        c.setDash(list(dash), 0)
        path = c.beginPath()
        path.moveTo(*points[0])
        for point in points[1:]:
            path.lineTo(*point)
        c.drawPath(path, stroke=1, fill=0)
        c.restoreState()

    def markers(self, points: Sequence[tuple[float, float]], colour: str, shape: str) -> None:
        c = self.c
        c.saveState()
        c.setFillColor(_colour(colour))
        c.setStrokeColor(_colour(colour))
        c.setLineWidth(1.0)
        half = MARKER / 2
        for x, y in points:
            if shape == "s":
                c.rect(x - half, y - half, MARKER, MARKER, stroke=1, fill=1)
            else:
                c.circle(x, y, half, stroke=1, fill=1)
        c.restoreState()


class _Axis:
    """A linear scale from data values to page points."""

    def __init__(self, lo: float, hi: float, start: float, end: float) -> None:
        self.lo, self.hi, self.start, self.end = lo, hi, start, end

    def __call__(self, value: float) -> float:
        return self.start + (value - self.lo) / (self.hi - self.lo) * (self.end - self.start)


def nice_ticks(lo: float, hi: float, length: float, spacing: float) -> list[float]:
    """matplotlib's ``AutoLocator``: ``length / spacing`` intervals (at most 9) give the raw step, the
    step is the smallest of 1, 2, 2.5, 5 or 10 × 10ⁿ not below it, and the ticks are its multiples
    inside ``[lo, hi]``."""
    bins = max(1, min(9, int(length // spacing)))
    raw = (hi - lo) / bins
    if raw <= 0:
        return [lo]
    scale = 10 ** math.floor(math.log10(raw))
    step = next(f * scale for f in (1, 2, 2.5, 5, 10) if f * scale >= raw * (1 - 1e-9))
    first, last = math.ceil(lo / step - 1e-9), math.floor(hi / step + 1e-9)
    return [k * step for k in range(first, last + 1)]


def _limits(values: Sequence[float], sticky_zero: bool = False) -> tuple[float, float]:
    """Data limits with matplotlib's 5 % margins; a bar chart's zero stays on the edge (sticky)."""
    lo, hi = min(values), max(values)
    span = (hi - lo) or abs(hi) or 1.0
    low, high = lo - 0.05 * span, hi + 0.05 * span
    return (0.0 if sticky_zero and lo == 0 else low), high


def _legend(
    pen: _Pen,
    centre: float,
    top: float,
    items: Sequence[tuple[Callable[[float, float, float], None], str]],
    handle: float,
) -> None:
    """One row of legend entries centred at ``centre`` below ``top``: a handle drawn by its function
    (x, y centre, width) then its words."""
    size = LEGEND_SIZE
    pad, gap = 0.8 * size, 2.0 * size
    widths = [handle + pad + pen.width(words, size) for _, words in items]
    x = centre - (sum(widths) + gap * (len(items) - 1)) / 2
    y = top - size * 0.7
    for (draw, words), width in zip(items, widths, strict=True):
        draw(x, y, handle)
        pen.text(x + handle + pad, y, words, size, valign="center")
        x += width + gap


def _frame(pen: _Pen, left: float, bottom: float, right: float, top: float, sides: str = "lbrt") -> None:
    segments = {
        "l": ((left, bottom), (left, top)),
        "b": ((left, bottom), (right, bottom)),
        "r": ((right, bottom), (right, top)),
        "t": ((left, top), (right, top)),
    }
    for side in sides:
        pen.line(segments[side], "#000000", SPINE)


def _x_ticks(pen: _Pen, axis: _Axis, bottom: float, ticks: Sequence[tuple[float, str]]) -> None:
    for value, words in ticks:
        x = axis(value)
        pen.line(((x, bottom), (x, bottom - TICK)), "#000000", SPINE)
        pen.text(x, bottom - TICK - TICK_PAD, words, TICK_SIZE, align="center", valign="top")


def _y_ticks(
    pen: _Pen, axis: _Axis, x: float, ticks: Sequence[tuple[float, str]], side: str, size: float = TICK_SIZE
) -> None:
    out = -TICK if side == "left" else TICK
    for value, words in ticks:
        y = axis(value)
        pen.line(((x, y), (x + out, y)), "#000000", SPINE)
        label_x = x + out + (-TICK_PAD if side == "left" else TICK_PAD)
        pen.text(label_x, y, words, size, align="right" if side == "left" else "left", valign="center")


def _title(pen: _Pen, x: float, height: float, words: str) -> float:
    """The title at the top left; returns where the plot's top may be."""
    pen.text(x, height, words, TITLE_SIZE, colour="#000000", valign="top")
    return height - TITLE_SIZE * (pen.ascent - pen.descent) - 6


# ---- the deviation chart -----------------------------------------------------------------------


def draw_deviation(
    canv: Canvas,
    width: float,
    height: float,
    font: str,
    bars: tuple[DeviationBar, ...],
    band: ToleranceBand,
    lang: str = "zh",
) -> None:
    """Horizontal bars of δ % on the fixed scale over the OK / EXPLAIN / FAIL bands (``charts``)."""
    pen = _Pen(canv, font)
    limit = scale_limit(band)
    shades = bands(band, lang)
    labels_width = max((pen.width(b.label, 9) for b in bars), default=0.0)
    left = labels_width + TICK + TICK_PAD + 2
    right = width - pen.width(percent_tick(limit), TICK_SIZE) / 2 - 2
    legend_top = 2 + LEGEND_SIZE * 1.6
    axis_label_base = legend_top + 6
    bottom = axis_label_base + LABEL_SIZE * (pen.ascent - pen.descent) + 4 + TICK_SIZE + TICK + TICK_PAD + 2
    top = _title(pen, left, height, gettext(DEVIATION_TITLE, lang))
    x = _Axis(-limit, limit, left, right)
    y = _Axis(len(bars) - 0.5, -1.6, bottom, top)  # a row above the bars holds the bands' words

    c = canv
    c.saveState()
    clip_path = c.beginPath()
    clip_path.rect(left, bottom, right - left, top - bottom)
    c.clipPath(clip_path, stroke=0, fill=0)
    for shade in shades:
        for lo, hi in shade.spans:
            pen.rect(x(lo), bottom, x(hi) - x(lo), top - bottom, BAND_COLOURS[shade.status])
    pen.line(((x(0), bottom), (x(0), top)), NEUTRAL, 0.8)
    for row, bar in enumerate(bars):
        drawn = clip(bar.percent, limit)
        y0, y1 = y(row + 0.3), y(row - 0.3)
        pen.rect(
            x(0),
            y0,
            x(drawn) - x(0),
            y1 - y0,
            STATUS_COLOURS[bar.status],
            alpha=SUPERSEDED_ALPHA if bar.superseded else 1.0,
            hatch=bar.superseded,
        )
        label = bar_label(bar, drawn, limit, lang)
        pen.text(x(label.x), y(row), label.text, 8, label.colour, align=label.align, valign="center")
    for shade in shades:
        pen.text(
            x(shade.centre),
            y(-0.95),
            shade.label,
            7,
            STATUS_COLOURS[shade.status],
            align="center",
            valign="center",
            spacing=1.1 * 1.2,
        )
    c.restoreState()

    _frame(pen, left, bottom, right, top, "lb")
    _y_ticks(pen, y, left, [(row, bar.label) for row, bar in enumerate(bars)], "left", size=9)
    ticks = nice_ticks(-limit, limit, right - left, TICK_SIZE * 3)
    _x_ticks(pen, x, bottom, [(value, percent_tick(value)) for value in ticks])
    pen.text((left + right) / 2, axis_label_base, gettext(DEVIATION_AXIS, lang), LABEL_SIZE, align="center")

    def swatch(colour: str, alpha: float = 1.0, hatch: bool = False) -> Callable[[float, float, float], None]:
        def draw(hx: float, hy: float, length: float) -> None:
            box = LEGEND_SIZE * 0.7
            pen.rect(hx, hy - box / 2, length, box, colour, alpha, hatch)
            if hatch:
                c.saveState()
                c.setStrokeColor(_colour(NEUTRAL))
                c.setLineWidth(0.8)
                c.rect(hx, hy - box / 2, length, box, stroke=1, fill=0)
                c.restoreState()

        return draw

    items = [(swatch(colour), words) for colour, words in status_legend(lang)]
    if any(b.superseded for b in bars):
        items.append((swatch("white", hatch=True), gettext(SUPERSEDED_LABEL, lang)))
    _legend(pen, (left + right) / 2, legend_top, items, LEGEND_SIZE)


# ---- monthly figures and the cash projection ---------------------------------------------------


def _line_handle(pen: _Pen, colour: str, marker: str = "", dash: Sequence[float] = ()) -> Callable[..., None]:
    def draw(hx: float, hy: float, length: float) -> None:
        pen.line(((hx, hy), (hx + length, hy)), colour, 1.2 if dash else LINE, dash)
        if marker:
            pen.markers(((hx + length / 2, hy),), colour, marker)

    return draw


def _bar_handle(pen: _Pen, colour: str, alpha: float) -> Callable[..., None]:
    def draw(hx: float, hy: float, length: float) -> None:
        box = LEGEND_SIZE * 0.7
        pen.rect(hx, hy - box / 2, length, box, colour, alpha)

    return draw


def _bottom_for_legend(pen: _Pen) -> tuple[float, float]:
    """(top of the legend row, bottom of the plot) for a chart with month labels under its x axis."""
    legend_top = 2 + LEGEND_SIZE * 1.6
    return legend_top, legend_top + 8 + TICK_SIZE * (pen.ascent - pen.descent) + TICK + TICK_PAD


def draw_monthly(
    canv: Canvas, width: float, height: float, font: str, results: CaseResults, lang: str
) -> None:
    """Sales as bars (right axis), net profit, disposable cash and the instalment as lines (left axis)."""
    pen = _Pen(canv, font)
    months = results.statement.months
    sales = [float(m.sales) for m in months]
    profit = [float(m.net_profit_cash) for m in months]
    disposable = [float(m.disposable) for m in months]
    instalment = None if results.sizing.instalment is None else float(results.sizing.instalment)
    left_lo, left_hi = _limits([*profit, *disposable, 0.0, *([instalment] if instalment is not None else [])])
    right_lo, right_hi = _limits([0.0, *sales], sticky_zero=True)
    legend_top, bottom = _bottom_for_legend(pen)
    probe = 150.0  # the ticks' words decide the margins; the tick count hardly depends on them
    left_ticks = nice_ticks(left_lo, left_hi, probe, TICK_SIZE * 2)
    right_ticks = nice_ticks(right_lo, right_hi, probe, TICK_SIZE * 2)
    left = max(pen.width(thousands(v), TICK_SIZE) for v in left_ticks) + TICK + TICK_PAD + 2
    label = SERIES_LABELS["sales"][lang]
    right_words = max(pen.width(thousands(v), TICK_SIZE) for v in right_ticks)
    right = width - right_words - TICK - TICK_PAD - 4 - TICK_SIZE * (pen.ascent - pen.descent) - 2
    top = _title(pen, left, height, gettext(MONTHLY_TITLE, lang))
    left_ticks = nice_ticks(left_lo, left_hi, top - bottom, TICK_SIZE * 2)
    right_ticks = nice_ticks(right_lo, right_hi, top - bottom, TICK_SIZE * 2)
    x = _Axis(-0.35 - 0.585, 11.35 + 0.585, left, right)
    y = _Axis(left_lo, left_hi, bottom, top)
    ys = _Axis(right_lo, right_hi, bottom, top)

    c = canv
    c.saveState()
    clip_path = c.beginPath()
    clip_path.rect(left, bottom, right - left, top - bottom)
    c.clipPath(clip_path, stroke=0, fill=0)
    for index, value in enumerate(sales):
        pen.rect(
            x(index - 0.35),
            ys(0),
            x(index + 0.35) - x(index - 0.35),
            ys(value) - ys(0),
            SERIES_COLOURS["sales"],
            SALES_ALPHA,
        )
    if instalment is not None:
        pen.line(
            ((left, y(instalment)), (right, y(instalment))), SERIES_COLOURS["instalment"], 1.2, (4.4, 1.9)
        )
    pen.line(((left, y(0)), (right, y(0))), NEUTRAL, 0.6)
    for values, colour, marker in ((profit, "net_profit", "o"), (disposable, "disposable", "s")):
        points = [(x(i), y(v)) for i, v in enumerate(values)]
        pen.line(points, SERIES_COLOURS[colour])
        pen.markers(points, SERIES_COLOURS[colour], marker)
    c.restoreState()

    _frame(pen, left, bottom, right, top)
    _x_ticks(pen, x, bottom, list(enumerate(month_labels(lang))))
    _y_ticks(pen, y, left, [(v, thousands(v)) for v in left_ticks], "left")
    _y_ticks(pen, ys, right, [(v, thousands(v)) for v in right_ticks], "right")
    label_x = right + TICK + TICK_PAD + right_words + 4 + TICK_SIZE * -pen.descent
    pen.text(label_x, (bottom + top) / 2, label, TICK_SIZE, align="center", valign="top", angle=90)
    items = [
        (_line_handle(pen, SERIES_COLOURS["net_profit"], "o"), SERIES_LABELS["net_profit"][lang]),
        (_line_handle(pen, SERIES_COLOURS["disposable"], "s"), SERIES_LABELS["disposable"][lang]),
    ]
    if instalment is not None:
        items.append(
            (
                _line_handle(pen, SERIES_COLOURS["instalment"], dash=(4.4, 1.9)),
                SERIES_LABELS["instalment"][lang],
            )
        )
    items.append((_bar_handle(pen, SERIES_COLOURS["sales"], SALES_ALPHA), label))
    _legend(pen, (left + right) / 2, legend_top, items, 2 * LEGEND_SIZE)


def draw_projection(
    canv: Canvas, width: float, height: float, font: str, results: CaseResults, lang: str
) -> None:
    """The 12-month cumulative cash after disbursement with the instalments, its lowest point marked."""
    pen = _Pen(canv, font)
    projection = results.sizing.projection
    balances = [float(m.balance) for m in projection]
    instalments = [float(m.instalment) for m in projection]
    count = len(projection)
    lo, hi = _limits([*balances, *instalments, 0.0], sticky_zero=True)
    legend_top, bottom = _bottom_for_legend(pen)
    probe = nice_ticks(lo, hi, 150.0, TICK_SIZE * 2)
    left = max(pen.width(thousands(v), TICK_SIZE) for v in probe) + TICK + TICK_PAD + 2
    right = width - 8
    top = _title(pen, left, height, gettext(PROJECTION_TITLE, lang))
    margin = 0.05 * (count - 1 + 0.6)
    x = _Axis(-0.3 - margin, count - 1 + 0.3 + margin, left, right)
    y = _Axis(lo, hi, bottom, top)

    c = canv
    c.saveState()
    clip_path = c.beginPath()
    clip_path.rect(left, bottom, right - left, top - bottom)
    c.clipPath(clip_path, stroke=0, fill=0)
    colour = SERIES_COLOURS["instalment"]
    for index, value in enumerate(instalments):
        pen.rect(
            x(index - 0.3), y(0), x(index + 0.3) - x(index - 0.3), y(value) - y(0), colour, INSTALMENT_ALPHA
        )
    pen.line(((left, y(0)), (right, y(0))), NEUTRAL, 0.6)
    points = [(x(i), y(v)) for i, v in enumerate(balances)]
    pen.line(points, SERIES_COLOURS["net_profit"])
    pen.markers(points, SERIES_COLOURS["net_profit"], "o")
    c.restoreState()
    low = lowest_label(results, lang)
    if low is not None:
        index, balance, words, edge = low
        shift = {"left": -4.0, "right": 4.0, "center": 0.0}[edge]
        pen.text(x(index) + shift, y(balance) - 14, words, 8, NEUTRAL, align=edge)

    _frame(pen, left, bottom, right, top)
    labels = month_labels(lang)
    _x_ticks(pen, x, bottom, [(i, labels[m.month - 1]) for i, m in enumerate(projection)])
    ticks = nice_ticks(lo, hi, top - bottom, TICK_SIZE * 2)
    _y_ticks(pen, y, left, [(v, thousands(v)) for v in ticks], "left")
    items = [
        (_line_handle(pen, SERIES_COLOURS["net_profit"], "o"), SERIES_LABELS["balance"][lang]),
        (_bar_handle(pen, colour, INSTALMENT_ALPHA), SERIES_LABELS["instalment"][lang]),
    ]
    _legend(pen, (left + right) / 2, legend_top, items, 2 * LEGEND_SIZE)
