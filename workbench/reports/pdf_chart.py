"""A ``ChartRef`` as a platypus flowable: drawn with reportlab itself (``on_canvas``, the case charts
of ``pdf_case_charts``) or, for the charts still drawn on a matplotlib ``Axes``, through
``pdf_matplotlib`` (matplotlib is imported only then)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.platypus import Flowable

if TYPE_CHECKING:
    from workbench.reports.document import ChartRef


class ChartFlowable(Flowable):  # type: ignore[misc]
    """A chart of a fixed size.

    A matplotlib figure is laid out once (constrained layout) and kept, so later layout passes of a
    multi-pass build only repeat the drawing; a pass whose output is discarded draws no chart.
    """

    def __init__(self, ref: ChartRef, width: float, height: float, font_name: str) -> None:
        super().__init__()
        self.ref = ref
        self.width = width
        self.height = height
        self.font_name = font_name
        self._figure: Any = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        # A first pass of a multi-pass build is thrown away (``render._Template.draft_pass``): the
        # chart keeps its place but is drawn only where it stays, as photos are.
        template = getattr(self.canv, "_doctemplate", None)
        if getattr(template, "draft_pass", False):
            template.skipped_images = True  # type: ignore[union-attr]
            return
        ref = self.ref
        if ref.on_canvas:
            self.canv.saveState()
            ref.draw(self.canv, self.width, self.height, self.font_name, *ref.args)
            self.canv.restoreState()
            return
        from workbench.reports.pdf_matplotlib import draw_axes_chart, draw_figure

        if self._figure is None:
            self._figure = draw_axes_chart(
                ref.draw, ref.args, self.canv, self.width, self.height, self.font_name
            )
        else:
            draw_figure(self._figure, self.canv, self.font_name)
