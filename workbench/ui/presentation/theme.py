"""The projector theme: type sized for the back of a room, high contrast, colour-blind-safe status.

Sizes are pixels computed from the slide: body text is 1/27 of the height (28 px at 768 px high,
40 px at 1080), never more than 1/36 of the width, so a 4:3 projector gets the same type as a wide
one of the same height. Key figures are drawn up to twice that (at most 62 px: Qt loses the
synthetic bold of the shipped font from 64 px up). Near-black text on white; the title
bar is white on navy. A status is never told by colour alone: each has its own mark (✓ ▲ ✗ ○) and
word, and the colours are Okabe–Ito hues darkened for text on white.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.domain.status import Status
from workbench.reports.charts import STATUS_COLOURS

NAVY = "#0B2545"
INK = "#111111"
PAPER = "#FFFFFF"
MUTED = "#333333"
SUPERSEDED = "#6B6B6B"
RULE = "#9AA5B5"
TILE = "#EEF2F7"
BLANK = "#000000"
WHITE_OUT = "#FFFFFF"
BODY_PER_HEIGHT = 27  # body text = height / 27 (the back row needs ≥ 1/30)
BODY_PER_WIDTH = 36
MIN_BASE_PX = 18
MAX_BOLD_PX = 62  # Qt draws glyphs of 64 px and up as paths and then drops the synthetic bold

STATUS_TEXT = {
    # text on a white page: the Okabe–Ito hues, darkened to ≥ 4.5:1 contrast
    Status.OK: "#00704F",
    Status.EXPLAIN: "#8A5A00",
    Status.FAIL: "#B34700",
}
STATUS_MARK = {Status.OK: "✓", Status.EXPLAIN: "▲", Status.FAIL: "✗"}
SUPERSEDED_MARK = "○"


@dataclass(frozen=True, slots=True)
class Theme:
    """Pixel sizes for one slide size."""

    width: int
    height: int
    base_px: int
    title_px: int
    small_px: int
    key_px: int
    margin: int
    spacing: int

    @property
    def chart_pt(self) -> float:
        """Chart text size in points for matplotlib (drawn at 100 dpi): a little under body text,
        still at least 1/30 of the height."""
        return max(self.base_px * 0.92, self.height / 30) * 72 / 100


def theme_for(width: int, height: int) -> Theme:
    """The theme for a slide of ``width`` × ``height`` pixels."""
    base = max(MIN_BASE_PX, round(min(height / BODY_PER_HEIGHT, width / BODY_PER_WIDTH)))
    return Theme(
        width=width,
        height=height,
        base_px=base,
        title_px=round(base * 1.25),
        small_px=max(MIN_BASE_PX - 2, round(base * 0.8)),
        key_px=min(MAX_BOLD_PX, round(base * 2)),
        margin=round(base * 0.9),
        spacing=round(base * 0.4),
    )


def status_colour(status: Status) -> str:
    """The Okabe–Ito colour of a status (fills, chart bars)."""
    return STATUS_COLOURS[status]


def style_sheet(theme: Theme) -> str:
    """The slide style sheet for ``theme`` (object names set by ``slide_widgets``)."""
    pad = max(3, round(theme.spacing * 0.8))
    gap = max(4, theme.margin // 2)
    edge = max(4, theme.spacing // 2)
    return f"""
QWidget#slide, QWidget#slideBody {{ background: {PAPER}; color: {INK}; }}
QWidget#slide QLabel {{ color: {INK}; font-size: {theme.base_px}px; background: transparent; }}
QWidget#slide QWidget#titleBar {{ background: {NAVY}; }}
QWidget#slide QLabel#slideTitle {{
    color: {PAPER}; font-size: {theme.title_px}px; font-weight: bold;
}}
QWidget#slide QLabel#pageNumber {{ color: #C8D3E6; font-size: {theme.small_px}px; }}
QWidget#slide QLabel#factLabel, QWidget#slide QLabel#tableHeader,
QWidget#slide QLabel#blockHeading {{ color: {MUTED}; font-weight: bold; }}
QWidget#slide QLabel#factValue {{ font-weight: bold; }}
QWidget#slide QLabel#tableHeader {{ border-bottom: 3px solid {NAVY}; padding: {pad}px {gap}px; }}
QWidget#slide QLabel#tableCell {{ border-bottom: 1px solid {RULE}; padding: {pad}px {gap}px; }}
QWidget#slide QLabel#tableTotal {{
    border-bottom: 2px solid {NAVY}; padding: {pad}px {gap}px; font-weight: bold;
}}
QWidget#slide QLabel#tableSuperseded {{
    border-bottom: 1px solid {RULE}; padding: {pad}px {gap}px; color: {SUPERSEDED};
}}
QWidget#slide QLabel#legend {{ color: {MUTED}; }}
QWidget#slide QFrame#keyFigure {{ background: {TILE}; border-left: {edge}px solid {NAVY}; }}
QWidget#slide QLabel#keyLabel {{ color: {MUTED}; font-weight: bold; }}
QWidget#slide QLabel#keyValue {{ color: {NAVY}; font-weight: bold; }}
QWidget#slide QLabel#flagBlocking {{ color: {STATUS_TEXT[Status.FAIL]}; font-weight: bold; }}
QWidget#slide QLabel#flagAdvice {{ color: {MUTED}; }}
QWidget#slide QLabel#flagReady {{ color: {STATUS_TEXT[Status.OK]}; font-weight: bold; }}
QWidget#slide QLabel#flagNotReady {{ color: {STATUS_TEXT[Status.FAIL]}; font-weight: bold; }}
QWidget#slide QLabel#whatIfWithin {{ color: {STATUS_TEXT[Status.OK]}; font-weight: bold; }}
QWidget#slide QLabel#whatIfBeyond {{ color: {STATUS_TEXT[Status.FAIL]}; font-weight: bold; }}
QWidget#slide QDoubleSpinBox, QWidget#slide QSpinBox, QWidget#slide QComboBox {{
    font-size: {theme.base_px}px; color: {INK}; background: {PAPER};
    min-height: {round(theme.base_px * 1.35)}px;
}}
QWidget#slide QComboBox QAbstractItemView {{ font-size: {theme.base_px}px; }}
QFrame#whatIf, QFrame#decision {{ border: 3px solid {NAVY}; border-radius: 6px; }}
"""
