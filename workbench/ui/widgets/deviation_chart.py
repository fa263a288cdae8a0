"""The live deviation chart beside the editor: a sink for results, redrawn with ``draw_idle``/blitting.

The first results are drawn with ``reports.charts.draw_deviation_chart`` (the same code the PDF
uses). Later results move the existing bars with ``update_deviation_chart`` and repaint by
blitting: the bars and their value labels are animated artists drawn over a saved background. Only
the rows whose bar or label changed are painted again (laying out and rendering the texts is most of
the cost, and an edit usually moves one or two checks), over the background restored in just their
region. The scale is fixed, so only when the set of checks changes does the chart draw everything again.

Nothing listens to the chart except one navigation request: clicking a bar (or its label) emits
``check_requested(key)`` with the check id, or ``"equity"`` for the equity check.
"""

from __future__ import annotations

import textwrap
import time
from typing import TYPE_CHECKING, Any

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import Signal

from workbench.domain.policy import DEFAULT_POLICY
from workbench.reports.charts import deviation_bars, draw_deviation_chart, update_deviation_chart, use_font
from workbench.ui.i18n import lang
from workbench.ui.widgets.blit_region import footprint, grow

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.backend_bases import DrawEvent, PickEvent
    from matplotlib.transforms import Bbox
    from PySide6.QtGui import QResizeEvent
    from PySide6.QtWidgets import QWidget

    from workbench.domain.calc import CaseResults
    from workbench.reports.charts import DeviationArtists


class DeviationChart(FigureCanvasQTAgg):
    """Bars of every check's deviation with the OK / EXPLAIN / FAIL bands."""

    check_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        figure = Figure(figsize=(4.2, 4.0), layout="constrained")
        super().__init__(figure)
        self._band = DEFAULT_POLICY.flow_tolerance  # the shown results' policy once there are results
        self.setParent(parent)
        self.setObjectName("deviationChart")
        self._axes = figure.add_subplot()
        self._artists: DeviationArtists | None = None
        self._keys: tuple[str, ...] = ()
        self._background: Any = None
        self._drawn: list[Bbox] = []  # where each animated artist was last drawn
        self._looks: list[tuple[Any, ...]] = []  # what each row looked like then
        self.full_draws = 0
        self.blits = 0
        self.last_blit_rows: tuple[int, ...] = ()  # the rows the last blit painted again
        self.last_render_ms = 0.0
        self.mpl_connect("draw_event", self._on_draw)
        self.mpl_connect("pick_event", self._on_pick)

    def show_results(self, results: CaseResults) -> None:
        """Show ``results``: move the bars and blit if possible, else redraw the chart."""
        start = time.perf_counter()
        self._band = results.policy.flow_tolerance
        bars = deviation_bars(results, lang())
        artists = self._artists
        if artists is not None and update_deviation_chart(artists, bars, lang()):
            if self._background is not None:
                self._blit()
            # else: a full draw is pending (first show, resize) and will paint the moved bars
        else:
            self._draw_all(bars)
        self.last_render_ms = (time.perf_counter() - start) * 1000

    def _draw_all(self, bars: Any) -> None:
        self._artists = draw_deviation_chart(self._axes, bars, self._band, lang())
        self._keys = self._artists.keys
        self._fit_to_panel()
        for artist in self._animated():
            artist.set_animated(True)
        for patch in self._artists.bars.patches:
            patch.set_picker(True)
        for label in self._axes.get_yticklabels():
            label.set_picker(True)
        self._background = None
        self.draw_idle()  # the layout engine runs at the next paint, once; later values are blitted

    def _fit_to_panel(self) -> None:
        """Re-arrange the shared drawing for a narrow side panel (about 330–450 px wide).

        The PDF layout puts the title and the legend side by side above the plot and writes each check
        on one line; here the title becomes the figure's title, the legend moves below the plot, long
        check names wrap and the axis label takes two lines, so nothing is cut off.
        """
        ax = self._axes
        title = ax.get_title(loc="left")
        ax.set_title("", loc="left")
        for old in list(self.figure.legends):
            old.remove()
        self.figure.suptitle(title, x=0.02, ha="left", fontsize=10)
        legend = ax.get_legend()
        if legend is not None:
            handles = list(legend.legend_handles)
            texts = [t.get_text() for t in legend.get_texts()]
            legend.remove()
            self.figure.legend(
                [h for h in handles if h is not None],
                texts,
                loc="outside lower center",
                ncol=3 if len(texts) <= 3 else 2,
                fontsize=8,
                frameon=False,
                handlelength=1.0,
            )
        label = ax.get_xlabel()
        for mark in ("（", " ("):
            if mark in label and "\n" not in label:
                ax.set_xlabel(label.replace(mark, "\n" + mark.strip(), 1), fontsize=8)
                break
        ticks = ax.get_yticks()
        ax.set_yticks(ticks, [_wrap(t.get_text()) for t in ax.get_yticklabels()], fontsize=8)
        use_font(self.figure)  # the texts made here, in this figure's own font

    def _animated(self) -> list[Artist]:
        if self._artists is None:
            return []
        return [*self._artists.bars.patches, *self._artists.labels]

    def _on_draw(self, event: DrawEvent | None) -> None:
        """After a full draw (animated artists left out): keep the background, draw the bars over it."""
        self._background = self.copy_from_bbox(self.figure.bbox)
        animated = self._animated()
        for artist in animated:
            self._axes.draw_artist(artist)
        renderer = event.renderer if event is not None else self.get_renderer()
        self._drawn = [footprint(artist, renderer, self.figure.bbox) for artist in animated]
        self._looks = self._row_looks()
        if self._artists is not None:
            self.full_draws += 1  # not the empty frame drawn before the first results

    def _row_looks(self) -> list[tuple[Any, ...]]:
        """Everything ``update_deviation_chart`` may change on a row, to tell which rows changed."""
        if self._artists is None:
            return []
        return [
            (
                patch.get_width(),
                tuple(patch.get_facecolor()),
                text.get_text(),
                text.get_position(),
                text.get_horizontalalignment(),
                str(text.get_color()),
            )
            for patch, text in zip(self._artists.bars.patches, self._artists.labels, strict=True)
        ]

    def _blit(self) -> None:
        """Paint again the rows that changed, over the background restored in their region only."""
        looks = self._row_looks()
        if len(looks) != len(self._looks) or len(self._drawn) != 2 * len(looks):
            self._background = None  # not what the last full draw drew: draw it all again
            self.draw_idle()
            return
        rows = tuple(i for i, (old, new) in enumerate(zip(self._looks, looks, strict=True)) if old != new)
        self._looks = looks
        self.last_blit_rows = rows
        self.blits += 1
        if not rows:
            return
        renderer = self.get_renderer()
        animated = self._animated()
        count = len(looks)  # the bars first, then their labels: _animated's order
        moved = [j for i in rows for j in (i, count + i)]
        before = [self._drawn[j] for j in moved]
        for j in moved:
            self._drawn[j] = footprint(animated[j], renderer, self.figure.bbox)
        region, members = grow([*before, *(self._drawn[j] for j in moved)], self._drawn)
        # Agg counts the restored rows from the top, and xy is where the saved copy's corner goes
        top = self.figure.bbox.height
        rows_down = (region.x0, top - region.y1, region.x1, top - region.y0)
        self.restore_region(self._background, bbox=rows_down, xy=(0, 0))
        for j in members:  # in _animated's order: labels over bars, as the full draw has them
            self._axes.draw_artist(animated[j])
        self.blit(region)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._background = None
        super().resizeEvent(event)

    # ---- navigation ----------------------------------------------------------------------------------

    def _on_pick(self, event: PickEvent) -> None:
        if self._artists is None:
            return
        artist = event.artist
        patches = list(self._artists.bars.patches)
        if artist in patches:
            self.request_check(self._keys[patches.index(artist)])
            return
        labels = list(self._axes.get_yticklabels())
        if artist in labels and labels.index(artist) < len(self._keys):
            self.request_check(self._keys[labels.index(artist)])

    def request_check(self, key: str) -> None:
        """Ask the editor to show the check ``key`` (what a click on its bar does)."""
        self.check_requested.emit(key)

    @property
    def keys(self) -> tuple[str, ...]:
        """The check keys of the bars, top to bottom."""
        return self._keys


def _wrap(label: str, width: int = 9) -> str:
    """Break a long check name over lines: by characters in Chinese, by words in English."""
    if len(label) <= width + 2:
        return label
    if label.isascii():
        return textwrap.fill(label, width * 2)
    return "\n".join(label[i : i + width] for i in range(0, len(label), width))
