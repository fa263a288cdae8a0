"""Matplotlib figures drawn straight onto a reportlab canvas, as vectors (the portfolio's charts and
the proposal history's; the case charts are drawn with reportlab itself, ``pdf_case_charts``).

The charts of ``reports.charts`` draw on a matplotlib ``Axes``; here a small matplotlib renderer
turns the figure's paths and texts into reportlab canvas operations. So the PDF gets the very
picture the screen shows, as vector paths (sharp at any zoom, small) and real text in the report's
embedded font (selectable, searchable by ``pdftotext``), without an intermediate PNG or SVG and
without another dependency. Layout metrics come from the same font file matplotlib uses on screen.

Floats appear here only, at the pixel: money stays ``Decimal`` everywhere else.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, cast

import numpy as np
from matplotlib import font_manager
from matplotlib.backend_bases import FigureCanvasBase, GraphicsContextBase, RendererBase
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.ft2font import LoadFlags
from matplotlib.path import Path
from matplotlib.transforms import Affine2D

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from matplotlib.font_manager import FontProperties
    from matplotlib.transforms import Transform
    from reportlab.pdfgen.canvas import Canvas


_CAPS = {"butt": 0, "round": 1, "projecting": 2}
_JOINS = {"miter": 0, "round": 1, "bevel": 2}
_HATCH_CELL = 72.0  # matplotlib's hatch unit: one inch


class ReportlabRenderer(RendererBase):
    """A matplotlib renderer whose output is reportlab canvas calls (1 figure pixel = 1 pt)."""

    def __init__(self, canv: Canvas, width: float, height: float, font_name: str) -> None:
        super().__init__()
        self.canv = canv
        self.width = width
        self.height = height
        self.font_name = font_name

    def flipy(self) -> bool:
        return False

    def get_canvas_width_height(self) -> tuple[float, float]:
        return self.width, self.height

    def points_to_pixels(self, points: Any) -> Any:
        return points

    def new_gc(self) -> GraphicsContextBase:
        return GraphicsContextBase()

    def get_text_width_height_descent(
        self, s: str, prop: FontProperties, ismath: Any
    ) -> tuple[float, float, float]:
        font = font_manager.get_font(font_manager.findfont(prop))
        font.clear()
        font.set_size(prop.get_size_in_points(), 72)
        font.set_text(s, 0.0, flags=LoadFlags.NO_HINTING)
        width, height = font.get_width_height()
        return width / 64, height / 64, font.get_descent() / 64

    # ---- paths ---------------------------------------------------------------------------------

    def _path(self, path: Path, transform: Transform) -> Any:
        out = self.canv.beginPath()
        last = (0.0, 0.0)
        for vertices, code in path.iter_segments(transform, simplify=False, curves=True):
            if code == Path.MOVETO:
                out.moveTo(*vertices)
            elif code == Path.LINETO:
                out.lineTo(*vertices)
            elif code == Path.CURVE3:  # quadratic → cubic with the same shape
                qx, qy, x, y = vertices
                out.curveTo(
                    last[0] + 2 / 3 * (qx - last[0]),
                    last[1] + 2 / 3 * (qy - last[1]),
                    x + 2 / 3 * (qx - x),
                    y + 2 / 3 * (qy - y),
                    x,
                    y,
                )
            elif code == Path.CURVE4:
                out.curveTo(*vertices)
            elif code == Path.CLOSEPOLY:
                out.close()
            if len(vertices) >= 2 and code != Path.CLOSEPOLY:
                last = (vertices[-2], vertices[-1])
        return out

    def _clip(self, gc: GraphicsContextBase) -> None:
        rect = gc.get_clip_rectangle()
        if rect is not None:
            x0, y0, w, h = rect.bounds
            clip = self.canv.beginPath()
            clip.rect(x0, y0, w, h)
            self.canv.clipPath(clip, stroke=0, fill=0)
        clip_path, clip_transform = gc.get_clip_path()
        if clip_path is not None and clip_transform is not None:
            # matplotlib's stubs say TransformedPath; it hands over the transformed Path and its affine.
            self.canv.clipPath(self._path(cast("Path", clip_path), clip_transform), stroke=0, fill=0)

    def draw_path(
        self, gc: GraphicsContextBase, path: Path, transform: Transform, rgbFace: Any = None
    ) -> None:
        c = self.canv
        c.saveState()
        self._clip(gc)
        r, g, b, a = gc.get_rgb()
        forced = gc.get_forced_alpha()
        stroke = gc.get_linewidth() > 0 and a > 0
        fill = rgbFace is not None and (len(rgbFace) < 4 or rgbFace[3] > 0)
        if fill:
            c.setFillColorRGB(*rgbFace[:3])
            c.setFillAlpha(gc.get_alpha() if forced else (rgbFace[3] if len(rgbFace) > 3 else 1.0))
        if stroke:
            c.setStrokeColorRGB(r, g, b)
            c.setStrokeAlpha(gc.get_alpha() if forced else a)
            c.setLineWidth(gc.get_linewidth())
            c.setLineCap(_CAPS.get(gc.get_capstyle(), 0))
            c.setLineJoin(_JOINS.get(gc.get_joinstyle(), 0))
            offset, dashes = gc.get_dashes()
            c.setDash([float(d) for d in cast("Sequence[float]", dashes)] if dashes else [], offset or 0)
        if fill or stroke:
            c.drawPath(self._path(path, transform), stroke=int(stroke), fill=int(fill), fillMode=0)
        if gc.get_hatch():
            self._hatch(gc, path, transform)
        c.restoreState()

    def _hatch(self, gc: GraphicsContextBase, path: Path, transform: Transform) -> None:
        """Hatch by clipping to the shape and stroking the hatch cell over its extent."""
        c = self.canv
        c.saveState()
        c.clipPath(self._path(path, transform), stroke=0, fill=0)
        extent = path.get_extents(transform)
        x0, y0, x1, y1 = extent.x0, extent.y0, extent.x1, extent.y1
        r, g, b, a = to_rgba(gc.get_hatch_color())  # an RGBA tuple already; to_rgba types it
        c.setStrokeColorRGB(r, g, b)
        c.setStrokeAlpha(a)
        c.setLineWidth(gc.get_hatch_linewidth())
        c.setDash([], 0)
        cell = Path.hatch(gc.get_hatch())
        for ix in range(math.floor(x0 / _HATCH_CELL), math.ceil(x1 / _HATCH_CELL)):
            for iy in range(math.floor(y0 / _HATCH_CELL), math.ceil(y1 / _HATCH_CELL)):
                place = Affine2D().scale(_HATCH_CELL).translate(ix * _HATCH_CELL, iy * _HATCH_CELL)
                if cell is not None:
                    c.drawPath(self._path(cell, place), stroke=1, fill=0)
        c.restoreState()

    def draw_image(self, gc: GraphicsContextBase, x: float, y: float, im: Any, transform: Any = None) -> None:
        from PIL import Image
        from reportlab.lib.utils import ImageReader

        height, width = im.shape[:2]
        picture = Image.fromarray(np.asarray(im[::-1]), "RGBA")
        self.canv.saveState()
        self._clip(gc)
        self.canv.drawImage(ImageReader(picture), x, y, width, height, mask="auto")
        self.canv.restoreState()

    def draw_text(
        self,
        gc: GraphicsContextBase,
        x: float,
        y: float,
        s: str,
        prop: FontProperties,
        angle: float,
        ismath: Any = False,
        mtext: Any = None,
    ) -> None:
        c = self.canv
        c.saveState()
        self._clip(gc)
        r, g, b, a = gc.get_rgb()
        c.setFillColorRGB(r, g, b)
        c.setFillAlpha(a)
        c.translate(x, y)
        if angle:
            c.rotate(angle)
        text = c.beginText(0, 0)
        text.setFont(self.font_name, prop.get_size_in_points())
        text.textOut(s)
        c.drawText(text)
        c.restoreState()


class _Canvas(FigureCanvasBase):
    """Gives the figure our renderer for layout (constrained layout asks the canvas for one)."""

    def __init__(self, figure: Figure, renderer: ReportlabRenderer) -> None:
        super().__init__(figure)
        self._renderer = renderer

    def get_renderer(self) -> ReportlabRenderer:
        return self._renderer


def draw_figure(fig: Figure, canv: Canvas, font_name: str) -> None:
    """Draw ``fig`` with its lower-left corner at the canvas origin, 1 inch = 72 pt."""
    width, height = fig.get_size_inches()
    fig.set_dpi(72)
    renderer = ReportlabRenderer(canv, width * 72, height * 72, font_name)
    _Canvas(fig, renderer)
    canv.saveState()
    fig.draw(renderer)
    canv.restoreState()


def draw_axes_chart(
    draw: Callable[..., object],
    args: tuple[object, ...],
    canv: Canvas,
    width: float,
    height: float,
    font: str,
) -> Figure:
    """Lay out a figure of ``width`` × ``height`` points, let ``draw(axes, *args)`` fill it, draw it on
    ``canv`` and return it with its layout fixed (a later pass only repeats the drawing)."""
    fig = Figure(figsize=(width / 72, height / 72), dpi=72, layout="constrained")
    draw(fig.add_subplot(), *args)
    draw_figure(fig, canv, font)
    fig.set_layout_engine("none")  # keep the positions found on the first pass
    return fig
