"""The projector theme: large type scaled to the screen, high contrast, Okabe–Ito status colours.

Sizes are pixels, computed from the slide's height: the base font is 28 px at 1080 px high
(about 20 px at 768), headings larger. Dark navy text on white; the title bar is white on navy.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.domain.status import Status
from workbench.reports.charts import STATUS_COLOURS

NAVY = "#0B2545"
INK = "#111111"
PAPER = "#FFFFFF"
MUTED = "#3A3A3A"
RULE = "#C8CED8"
BLANK = "#000000"
BASE_PX_AT_1080 = 28
MIN_BASE_PX = 18

STATUS_TEXT = {
    # text on a white page: the Okabe–Ito hues, darkened where plain orange would be too faint
    Status.OK: "#00704F",
    Status.EXPLAIN: "#8A5A00",
    Status.FAIL: "#B34700",
}


@dataclass(frozen=True, slots=True)
class Theme:
    """Pixel sizes for one slide size."""

    width: int
    height: int
    base_px: int
    title_px: int
    small_px: int
    margin: int
    spacing: int

    @property
    def chart_pt(self) -> float:
        """Chart text size in points for matplotlib (drawn at 100 dpi)."""
        return self.small_px * 0.72


def theme_for(width: int, height: int) -> Theme:
    """The theme for a slide of ``width`` × ``height`` pixels."""
    scale = min(height / 1080, width / 1440)
    base = max(MIN_BASE_PX, round(BASE_PX_AT_1080 * scale))
    return Theme(
        width=width,
        height=height,
        base_px=base,
        title_px=round(base * 1.45),
        small_px=max(MIN_BASE_PX - 2, round(base * 0.85)),
        margin=round(base * 1.4),
        spacing=round(base * 0.6),
    )


def status_colour(status: Status) -> str:
    """The Okabe–Ito colour of a status (fills, chart bars)."""
    return STATUS_COLOURS[status]


def style_sheet(theme: Theme) -> str:
    """The slide style sheet for ``theme`` (object names set by ``slide_widgets``)."""
    return f"""
QWidget#slide, QWidget#slideBody {{ background: {PAPER}; color: {INK}; }}
QWidget#slide QLabel {{ color: {INK}; font-size: {theme.base_px}px; background: transparent; }}
QWidget#slide QLabel#slideTitle {{
    background: {NAVY}; color: {PAPER}; font-size: {theme.title_px}px; font-weight: bold;
    padding: {theme.spacing}px {theme.margin}px;
}}
QWidget#slide QLabel#factLabel, QWidget#slide QLabel#tableHeader,
QWidget#slide QLabel#blockHeading {{ color: {MUTED}; font-weight: bold; }}
QWidget#slide QLabel#tableHeader {{ border-bottom: 2px solid {NAVY}; }}
QWidget#slide QLabel#tableCell {{ border-bottom: 1px solid {RULE}; }}
QWidget#slide QLabel#pageNumber {{ color: {MUTED}; font-size: {theme.small_px}px; }}
QWidget#slide QLabel#flagBlocking {{ color: {STATUS_TEXT[Status.FAIL]}; font-weight: bold; }}
QWidget#slide QLabel#flagAdvice {{ color: {MUTED}; }}
QWidget#slide QLabel#flagReady {{ color: {STATUS_TEXT[Status.OK]}; font-weight: bold; }}
QWidget#slide QLabel#flagNotReady {{ color: {STATUS_TEXT[Status.FAIL]}; font-weight: bold; }}
QWidget#slide QLabel#whatIfWithin {{ color: {STATUS_TEXT[Status.OK]}; font-weight: bold; }}
QWidget#slide QLabel#whatIfBeyond {{ color: {STATUS_TEXT[Status.FAIL]}; font-weight: bold; }}
QWidget#slide QDoubleSpinBox, QWidget#slide QSpinBox, QWidget#slide QComboBox {{
    font-size: {theme.base_px}px; color: {INK}; background: {PAPER};
    min-height: {round(theme.base_px * 1.5)}px;
}}
QFrame#whatIf, QFrame#decision {{ border: 2px solid {NAVY}; border-radius: 6px; }}
"""
