"""What the case charts show, in plain Python: the screen (matplotlib, ``charts``) and the PDF
(reportlab, ``pdf_charts``) both read it, so both draw the same bars, scale, bands, colours, labels
and legend. Nothing here imports a drawing library: a report that draws its charts with reportlab
never loads matplotlib.

Colours are Okabe–Ito (colour-blind safe). Floats appear only here and in the drawing code, at the
pixel: money stays ``Decimal`` everywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from workbench.domain.cross_checks import CheckKind
from workbench.domain.status import Status
from workbench.reports.formatting import deviation, minus, money
from workbench.texts import NC_, Words, gettext
from workbench.texts.labels import CHECK_METHOD_LABELS as METHOD_LABELS
from workbench.texts.labels import MONTH_NAMES, STATUS_LABELS

if TYPE_CHECKING:
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
SALES_ALPHA = 0.35  # the monthly chart's sales bars, behind the lines
INSTALMENT_ALPHA = 0.5  # the projection's instalment bars
SUPERSEDED_ALPHA = 0.35  # a superseded check's bar, hatched

DEVIATION_TITLE = NC_("chart", "交叉检验与权益检验偏差")
DEVIATION_AXIS = NC_("chart", "偏差 %（认定值 − 检验值）/ 认定值")
MONTHLY_TITLE = NC_("chart", "月度销售、净利润与可支配资金")
PROJECTION_TITLE = NC_("chart", "放款后 12 个月现金流预测")
SUPERSEDED_LABEL = NC_("chart", "已取代（不计入）")
IN_RANGE_LABEL = NC_("chart", "在区间内")
NO_VALUE_LABEL = NC_("chart", "无法计算")

SERIES_LABELS: Words[str] = Words(
    {
        "sales": NC_("chart", "销售额"),
        "net_profit": NC_("chart", "净利润"),
        "disposable": NC_("chart", "可支配资金"),
        "instalment": NC_("chart", "月还款额"),
        "balance": NC_("chart", "累计现金"),
    }
)


def thousands(value: float) -> str:
    """An axis figure: ``35,000``, ``−5,000``."""
    return minus(f"{value:,.0f}")


def percent_tick(value: float) -> str:
    """A deviation axis figure: ``−10%``."""
    return minus(f"{value:g}%")


def month_labels(lang: str) -> list[str]:
    return [gettext(month, lang) for month in MONTH_NAMES]


# ---- the deviation chart -----------------------------------------------------------------------


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


def scale_limit(band: ToleranceBand) -> float:
    """The chart's fixed half-width in percent: twice the explain limit, at least ±20 %, whatever the
    values (a single large deviation no longer shrinks the bands to slivers; it is drawn to the edge
    with its value)."""
    return max(20.0, float(band.explain * 100) * 2)


def clip(percent: float | None, limit: float) -> float:
    """A bar's drawn width: its value, stopped at the edge of the scale (0 for no value)."""
    if percent is None:
        return 0.0
    return max(-limit, min(limit, percent))


@dataclass(frozen=True, slots=True)
class BarLabel:
    """The words beside (or inside) a bar: text, x in percent, horizontal alignment, colour."""

    text: str
    x: float
    align: Literal["left", "right"]
    colour: str


def bar_label(bar: DeviationBar, width: float, limit: float, lang: str) -> BarLabel:
    """Where a bar's label goes: beside its end, or inside it in white near the edge of the scale."""
    pad = limit * 0.02
    if bar.in_range:
        return BarLabel(gettext(IN_RANGE_LABEL, lang), pad, "left", NEUTRAL)
    if bar.percent is None:
        return BarLabel(gettext(NO_VALUE_LABEL, lang), pad, "left", NEUTRAL)
    inside = abs(width) > limit * 0.8  # near or at the edge: written inside the bar, in white
    sign = 1.0 if width >= 0 else -1.0
    x = width - sign * pad if inside else width + sign * pad
    ends_right = inside == (sign > 0)  # inside a bar that goes right, or beside one that goes left
    return BarLabel(
        percent_text(bar.percent), x, "right" if ends_right else "left", "white" if inside else NEUTRAL
    )


@dataclass(frozen=True, slots=True)
class Band:
    """A shaded stretch of the scale and, for the words above the bars, its centre and label."""

    status: Status
    spans: tuple[tuple[float, float], ...]
    centre: float
    label: str  # two short lines: they fit a narrow side panel too


def bands(band: ToleranceBand, lang: str) -> tuple[Band, ...]:
    """The OK / EXPLAIN / FAIL bands of the scale (FAIL runs past the edge), each with its words."""
    limit = scale_limit(band)
    ok, explain = float(band.ok * 100), float(band.explain * 100)
    words = {
        Status.OK: f"≤{_whole(ok)}%",
        Status.EXPLAIN: f"≤{_whole(explain)}%",
        Status.FAIL: f">{_whole(explain)}%",
    }
    spans = {
        Status.OK: ((-ok, ok),),
        Status.EXPLAIN: ((-explain, -ok), (ok, explain)),
        Status.FAIL: ((-limit * 1.2, -explain), (explain, limit * 1.2)),
    }
    centres = {Status.OK: 0.0, Status.EXPLAIN: (ok + explain) / 2, Status.FAIL: (explain + limit) / 2}
    return tuple(
        Band(status, spans[status], centres[status], f"{words[status]}\n{STATUS_LABELS[status][lang]}")
        for status in (Status.OK, Status.EXPLAIN, Status.FAIL)
    )


def _whole(value: float) -> str:
    return f"{value:g}"


def status_legend(lang: str) -> list[tuple[str, str]]:
    """The legend's coloured entries: (colour, word) per status."""
    return [(STATUS_COLOURS[s], STATUS_LABELS[s][lang]) for s in Status]


# ---- monthly figures and cash projection -------------------------------------------------------


def lowest_label(results: CaseResults, lang: str) -> tuple[int, float, str, str] | None:
    """The projection's lowest point: (month index, balance, words, alignment), or ``None``.

    At either end of the year a centred label would hang over the axes' edge in a narrow panel.
    """
    low = results.sizing.projection_minimum
    if low is None:
        return None
    count = len(results.sizing.projection)
    edge = "left" if low.index <= 1 else "right" if low.index >= count - 2 else "center"
    words = f"{'最低' if lang == 'zh' else 'lowest'} {money(low.balance)}"
    return low.index, float(low.balance), words, edge
