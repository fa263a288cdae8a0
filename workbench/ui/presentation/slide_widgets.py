"""Widgets that render slide specs in the projector theme.

Every text is a ``QLabel``: long Chinese text wraps (``wordWrap``), numbers never do and are
right-aligned, so a test can measure each label against its widget. Headline figures are drawn as
large as their tile allows (up to twice body text), so a long amount shrinks a little instead of
being cut. Charts are drawn by ``reports.charts`` on a canvas the slide owns, then their text is
enlarged for the projector.

``SlideWidget.refresh`` takes a new spec for the same slide (a live update): blocks whose spec is
unchanged keep their widgets, charts keep their canvas and redraw only when their data changed,
and the what-if and decision panels keep their state (the committee's amendment, the votes).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workbench.texts.labels import STATUS_LABELS
from workbench.ui.i18n import lang, tr
from workbench.ui.presentation.slides import (
    Block,
    Chart,
    DecisionArea,
    Facts,
    Flags,
    KeyFigures,
    Legend,
    Paragraph,
    Slide,
    Table,
    WhatIf,
)
from workbench.ui.presentation.theme import STATUS_MARK, STATUS_TEXT, Theme
from workbench.ui.presentation.what_if import WhatIfPanel

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from PySide6.QtGui import QResizeEvent, QShowEvent

    from workbench.domain.calc import CaseResults
    from workbench.domain.case_file import CaseFile
    from workbench.reports.charts import DeviationArtists
    from workbench.ui.presentation.decision_slide import DecisionSlidePanel

RIGHT = Qt.AlignmentFlag.AlignRight
BlockFactory = Callable[[Any, "CaseFile", "CaseResults", Theme], QWidget]
BLOCK_FACTORIES: dict[type, BlockFactory] = {}
COLUMN_WEIGHTS: dict[type, int] = {Table: 4, Flags: 2}  # side-by-side blocks share the width so


def register_block(kind: type, factory: BlockFactory) -> None:
    """Render blocks of ``kind`` with ``factory(block, case, results, theme)``.

    For slides whose blocks live in another module (the committee's decision slide): the slide
    is laid out, titled, numbered and live-updated like the others. A live update rebuilds such a
    block only when its spec changed.
    """
    BLOCK_FACTORIES[kind] = factory


def _label(text: str, name: str = "", wrap: bool = True, align: Qt.AlignmentFlag | None = None) -> QLabel:
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if align is not None:
        label.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
    if not wrap:
        label.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
    return label


class SlideWidget(QWidget):
    """One slide: a title bar with the page number, its headline figures, its blocks."""

    def __init__(
        self,
        slide: Slide,
        number: int,
        count: int,
        case: CaseFile,
        results: CaseResults,
        theme: Theme,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("slide")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.slide = slide
        self.theme = theme
        self.what_if: WhatIfPanel | None = None
        self.decision: DecisionSlidePanel | None = None
        self.charts: list[SlideChart] = []
        self.builds = 0  # how many times the body was built (a live update rebuilds only what changed)
        self._blocks: list[tuple[Block, QWidget]] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        bar = QWidget()
        bar.setObjectName("titleBar")
        bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        bar_box = QHBoxLayout(bar)
        bar_box.setContentsMargins(theme.margin, theme.spacing, theme.margin, theme.spacing)
        bar_box.setSpacing(theme.margin)
        self.title = _label(slide.title, "slideTitle")
        self.page_number = _label(f"{number} / {count}", "pageNumber", wrap=False, align=RIGHT)
        bar_box.addWidget(self.title, 1)
        bar_box.addWidget(self.page_number, 0)
        outer.addWidget(bar)
        self._outer = outer
        self.body = self._build(slide, case, results, {})
        outer.addWidget(self.body, 1)

    # ---- building ------------------------------------------------------------------------------------

    def _build(
        self, slide: Slide, case: CaseFile, results: CaseResults, reuse: dict[int, tuple[Block, QWidget]]
    ) -> QWidget:
        """The body for ``slide``; ``reuse`` holds the previous blocks by position."""
        theme = self.theme
        self.builds += 1
        body = QWidget()
        body.setObjectName("slideBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(theme.margin, theme.spacing * 2, theme.margin, theme.spacing * 2)
        column.setSpacing(theme.spacing * 2)
        if slide.lead is not None and slide.lead.items:
            column.addWidget(key_figures_widget(slide.lead, theme))
        row: QHBoxLayout | QVBoxLayout = QHBoxLayout() if slide.columns == 2 else QVBoxLayout()
        row.setSpacing(theme.margin * 2 if slide.columns == 2 else theme.spacing * 2)
        grows_all = any(isinstance(b, (Chart, DecisionArea)) for b in slide.blocks)
        column.addLayout(row, 1 if grows_all else 0)
        self.charts = []
        self._blocks = []
        fills = False
        for position, block in enumerate(slide.blocks):
            widget = self._block(block, case, results, reuse.pop(position, None))
            self._blocks.append((block, widget))
            narrow = isinstance(block, Facts) or (isinstance(block, Table) and len(block.columns) <= 2)
            if slide.columns != 2 and narrow:  # label and value stay within reach of each other
                widget.setMaximumWidth(round(theme.width * 0.72))
            grows = isinstance(block, (Chart, DecisionArea))
            fills = fills or grows
            if slide.columns == 2:  # a table's columns need the room most, the readiness flags least
                row.addWidget(widget, COLUMN_WEIGHTS.get(type(block), 3))
            else:
                row.addWidget(widget, 1 if grows else 0)
        for block in slide.footer:
            column.addWidget(self._block(block, case, results, None))
        if not fills:  # text slides keep their blocks together at the top
            column.addStretch(1)
        for _block, widget in reuse.values():  # blocks the new spec no longer has
            widget.setParent(None)
            widget.deleteLater()
        return body

    def _block(
        self, block: Block, case: CaseFile, results: CaseResults, old: tuple[Block, QWidget] | None
    ) -> QWidget:
        if old is not None:
            widget = self._reused(block, old, case, results)
            if widget is not None:
                return widget
            old[1].setParent(None)
            old[1].deleteLater()
        factory = BLOCK_FACTORIES.get(type(block))
        if factory is not None:
            return factory(block, case, results, self.theme)
        if isinstance(block, Facts):
            return facts_widget(block, self.theme)
        if isinstance(block, Table):
            return table_widget(block, self.theme)
        if isinstance(block, Paragraph):
            return paragraph_widget(block, self.theme)
        if isinstance(block, Legend):
            return _label(block.text, "legend")
        if isinstance(block, Flags):
            return flags_widget(block, self.theme)
        if isinstance(block, KeyFigures):
            return key_figures_widget(block, self.theme)
        if isinstance(block, Chart):
            chart = SlideChart(block, results, self.theme)
            self.charts.append(chart)
            return chart
        if isinstance(block, WhatIf):
            self.what_if = WhatIfPanel(case, results, self.theme)
            return self.what_if
        if isinstance(block, DecisionArea):
            from workbench.ui.presentation.decision_slide import DecisionSlidePanel

            self.decision = DecisionSlidePanel(block, self.theme)
            return self.decision
        raise TypeError(block)

    def _reused(
        self, block: Block, old: tuple[Block, QWidget], case: CaseFile, results: CaseResults
    ) -> QWidget | None:
        """The old widget brought up to ``block``, or ``None`` when a new one must be built."""
        from workbench.ui.presentation.decision_slide import DecisionSlidePanel

        old_block, widget = old
        if isinstance(widget, SlideChart) and isinstance(block, Chart) and block.kind == widget.kind:
            widget.update_chart(block, results)
            self.charts.append(widget)
            return widget
        if isinstance(widget, WhatIfPanel) and isinstance(block, WhatIf):
            widget.rebase(case, results)
            return widget
        if isinstance(widget, DecisionSlidePanel) and isinstance(block, DecisionArea):
            widget.refresh(block)
            return widget
        if old_block == block and not isinstance(widget, (WhatIfPanel, DecisionSlidePanel)):
            return widget
        return None

    def refresh(self, slide: Slide, number: int, count: int, case: CaseFile, results: CaseResults) -> bool:
        """Show ``slide`` (a new spec of this slide); ``True`` if the body was rebuilt.

        Kept: unchanged blocks, chart canvases, the what-if panel's amendment, the decision panel.
        """
        self.page_number.setText(f"{number} / {count}")
        self.title.setText(slide.title)
        if slide == self.slide:
            if self.what_if is not None:
                self.what_if.rebase(case, results)  # capacity inputs the spec does not show
            return False
        if _without_chart_data(slide) == _without_chart_data(self.slide):
            for (_old, widget), block in zip(self._blocks, slide.blocks, strict=True):
                if isinstance(widget, SlideChart) and isinstance(block, Chart):
                    widget.update_chart(block, results)  # in place: no new layout, no full render
            self._blocks = [
                (block, widget) for block, (_old, widget) in zip(slide.blocks, self._blocks, strict=True)
            ]
            self.slide = slide
            return False
        self.setUpdatesEnabled(False)  # one repaint for the whole swap: no flicker
        try:
            reuse = dict(enumerate(self._blocks))
            self.slide = slide
            body = self._build(slide, case, results, reuse)
            self._outer.replaceWidget(self.body, body)
            self.body.setParent(None)
            self.body.deleteLater()
            self.body = body
            body.show()
        finally:
            self.setUpdatesEnabled(True)
        return True

    def lay_out(self) -> None:
        """Lay the slide out at its size now, even while hidden (before an off-screen render)."""
        for layout in [self.layout(), *(w.layout() for w in self.findChildren(QWidget))]:
            if layout is not None:
                layout.activate()

    def block_widgets(self) -> list[QWidget]:
        """The widget of each block, in order (a live update keeps those whose spec is unchanged)."""
        return [widget for _block, widget in self._blocks]

    def labels(self) -> list[QLabel]:
        """Every label on the slide (for the fit tests)."""
        return self.findChildren(QLabel)


def _without_chart_data(slide: Slide) -> Slide:
    """``slide`` with its charts' data and its notes left out (what the layout depends on)."""
    blocks = tuple(Chart(b.kind) if isinstance(b, Chart) else b for b in slide.blocks)
    return replace(slide, blocks=blocks, notes="")


# ---- blocks -------------------------------------------------------------------------------------------


def key_figures_widget(block: KeyFigures, theme: Theme) -> QWidget:
    """Tiles side by side: a label over a value drawn as large as the tile's width allows."""
    widget = QWidget()
    box = QHBoxLayout(widget)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(theme.margin)
    count = max(1, len(block.items))
    pad = theme.spacing * 2
    tile_width = (theme.width - 2 * theme.margin - (count - 1) * theme.margin) // count
    value_px = min(
        fit_px(item.value, tile_width - 2 * pad - theme.spacing, theme.key_px) for item in block.items
    )
    for item in block.items:
        tile = QFrame()
        tile.setObjectName("keyFigure")
        tile.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        inner = QVBoxLayout(tile)
        inner.setContentsMargins(pad, theme.spacing, pad, theme.spacing)
        inner.setSpacing(0)
        label = item.label
        if item.status is not None:  # the status in words and a mark, not by colour alone
            label += f"  {STATUS_MARK[item.status]} {STATUS_LABELS[item.status][lang()]}"
        inner.addWidget(_label(label, "keyLabel"))
        value = _label(item.value, "keyValue", wrap=False)
        style = f"font-size: {value_px}px;"
        if item.status is not None:
            style += f"color: {STATUS_TEXT[item.status]};"
        value.setStyleSheet(style)
        inner.addWidget(value)
        box.addWidget(tile, 1)
    return widget


def fit_px(text: str, width: int, largest: int) -> int:
    """The largest bold pixel size ≤ ``largest`` at which ``text`` fits ``width`` on one line."""
    font = QFont()
    font.setBold(True)
    size = largest
    while size > 12:
        font.setPixelSize(size)
        if QFontMetrics(font).horizontalAdvance(text) <= width:
            return size
        size -= 2
    return size


def facts_widget(block: Facts, theme: Theme) -> QWidget:
    """Label/value pairs; the label column wraps, the values wrap only when they hold words."""
    widget = QWidget()
    grid = QGridLayout(widget)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(theme.margin)
    grid.setVerticalSpacing(theme.spacing * 2)
    figures = all(_numeric(value) for _name, value in block.rows)  # a column of figures: right-aligned
    for row, (name, value) in enumerate(block.rows):
        grid.addWidget(_label(name, "factLabel", wrap=len(name) > 10), row, 0, Qt.AlignmentFlag.AlignTop)
        numeric = _numeric(value)
        shown = _label(value, "factValue", wrap=not numeric, align=RIGHT if figures else None)
        grid.addWidget(shown, row, 1, Qt.AlignmentFlag.AlignTop)
    grid.setColumnStretch(0, 0)
    grid.setColumnStretch(1, 1)
    grid.setRowStretch(len(block.rows), 1)
    return widget


SHORT_CELL = 16  # digit widths: a column this narrow keeps each cell on one line
_NUMBER = re.compile(r"^(—|[+-]?[\d,]+(\.\d+)?%?)$")


def _numeric(text: str) -> bool:
    """A figure (``45,000.00``, ``-3.11%``, ``—``), right-aligned and never wrapped."""
    return bool(_NUMBER.match(text.strip()))


def table_widget(block: Table, theme: Theme) -> QWidget:
    """A short table; the first column wraps, figures are right-aligned and never wrap.

    Totals are bold over a heavier rule; a superseded row is grey, its status says by which check.
    """
    widget = QWidget()
    grid = QGridLayout(widget)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(0)  # cells pad themselves, so the row rules run unbroken
    grid.setVerticalSpacing(0)
    numeric = [
        all(_numeric(r[col]) for r in block.rows) and bool(block.rows) for col in range(len(block.columns))
    ]
    short = [  # ids and statuses: never broken over lines
        numeric[col] or (bool(block.rows) and max(_width(r[col]) for r in block.rows) <= SHORT_CELL)
        for col in range(len(block.columns))
    ]
    for col, heading in enumerate(block.columns):
        header = _label(heading, "tableHeader", wrap=not short[col], align=RIGHT if numeric[col] else None)
        grid.addWidget(header, 0, col)
    for row, cells in enumerate(block.rows, start=1):
        status = block.statuses[row - 1] if row - 1 < len(block.statuses) else None
        superseded = row - 1 in block.superseded
        name = "tableSuperseded" if superseded else "tableTotal" if row - 1 in block.totals else "tableCell"
        for col, text in enumerate(cells):
            cell = _label(text, name, wrap=not short[col], align=RIGHT if numeric[col] else None)
            if status is not None and not superseded and col == len(cells) - 1:
                cell.setStyleSheet(f"color: {STATUS_TEXT[status]}; font-weight: bold;")
            grid.addWidget(cell, row, col)
    for col, heading in enumerate(block.columns):
        widest = max((_width(r[col]) for r in block.rows), default=0)
        grid.setColumnStretch(col, max(2, min(widest, 24), _width(heading)))
    grid.setRowStretch(len(block.rows) + 1, 1)  # rows keep their height in a tall column
    return widget


def _width(text: str) -> int:
    """Rough width in digit widths: a CJK character counts two."""
    return sum(1 if ord(c) < 0x2E80 else 2 for c in text)


def paragraph_widget(block: Paragraph, theme: Theme) -> QWidget:
    """A heading and wrapped text."""
    widget = QWidget()
    box = QVBoxLayout(widget)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(theme.spacing)
    if block.heading:
        box.addWidget(_label(block.heading, "blockHeading"))
    box.addWidget(_label(block.text, "paragraph"))
    return widget


def flags_widget(block: Flags, theme: Theme) -> QWidget:
    """Ready or not, then each issue (blocking ones in the FAIL colour)."""
    widget = QWidget()
    box = QVBoxLayout(widget)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(theme.spacing)
    if block.ready:
        box.addWidget(_label("✓ " + tr("可提交审贷会"), "flagReady"))
    else:
        box.addWidget(_label("✗ " + tr("尚未满足上会条件"), "flagNotReady"))
    for blocking, line in block.lines[:3]:
        box.addWidget(
            _label(("■ " if blocking else "· ") + line, "flagBlocking" if blocking else "flagAdvice")
        )
    if len(block.lines) > 3:
        box.addWidget(_label(tr("另有 %1 项").replace("%1", str(len(block.lines) - 3)), "flagAdvice"))
    box.addStretch(1)
    return widget


class SlideChart(QWidget):
    """A chart from ``reports.charts`` on a canvas, text enlarged to the theme's size."""

    def __init__(
        self, block: Chart, results: CaseResults, theme: Theme, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.kind = block.kind
        self.data = block.data
        self.draws = 0
        self._pending: CaseResults | None = None  # results to draw when next shown
        self._render_pending = False  # moved in place while hidden: render when next shown
        self._artists: DeviationArtists | None = None
        self._superseded: tuple[bool, ...] = ()
        self._background: Any = None  # the deviation chart without its bars, for blitting
        self.blits = 0
        self._theme = theme
        self.setObjectName(f"chart:{block.kind}")
        self.figure = Figure(layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)  # type: ignore[no-untyped-call]
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.canvas)
        self.canvas.mpl_connect("draw_event", self._on_draw)
        self.draw(results, idle=False)  # the canvas renders once it is laid out at its size

    def update_chart(self, block: Chart, results: CaseResults) -> bool:
        """Follow new results; ``False`` when what the chart shows is the same.

        The deviation chart moves its bars in place when it can (a few ms, no new layout); a
        hidden chart redraws only when it is next shown or rendered off screen.
        """
        if block.data == self.data and block.data is not None:
            return False
        self.data = block.data
        if self._moved_in_place(results):
            if self.isVisible():
                self._repaint_bars()
            else:
                self._render_pending = True
        elif self.isVisible():
            self.draw(results)
        else:
            self._pending = results
        return True

    def _moved_in_place(self, results: CaseResults) -> bool:
        from workbench.reports.charts import deviation_bars, update_deviation_chart

        if self.kind != "deviation" or self._artists is None or self._pending is not None:
            return False
        bars = deviation_bars(results, lang())
        if tuple(b.superseded for b in bars) != self._superseded:
            return False
        if not update_deviation_chart(self._artists, bars, lang()):
            return False
        self.draws += 1
        return True

    def ensure_drawn(self) -> None:
        """Draw results that arrived while the chart was hidden."""
        if self._pending is not None:
            results, self._pending = self._pending, None
            self._render_pending = False
            self.draw(results)
        elif self._render_pending:
            self._render_pending = False
            self._repaint_bars()

    @property
    def blit_ready(self) -> bool:
        """The deviation chart has a saved background: moved bars repaint by blitting."""
        return self._background is not None

    def _animated(self) -> list[Any]:
        if self._artists is None:
            return []
        return [*self._artists.bars.patches, *self._artists.labels]

    def _on_draw(self, _event: object) -> None:
        """After a full draw (bars left out): keep the background, then draw the bars over it."""
        if self._artists is None:
            return
        self._background = self.canvas.copy_from_bbox(self.figure.bbox)  # type: ignore[no-untyped-call]
        for artist in self._animated():
            artist.axes.draw_artist(artist)

    def _repaint_bars(self) -> None:
        """Bars moved in place: blit them over the saved background (a full render without one)."""
        if self._background is None:
            self.canvas.draw_idle()  # type: ignore[no-untyped-call]
            return
        self.canvas.restore_region(self._background)  # type: ignore[no-untyped-call]
        for artist in self._animated():
            artist.axes.draw_artist(artist)
        self.canvas.blit(self.figure.bbox)  # type: ignore[no-untyped-call]
        self.blits += 1

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_drawn()
        super().showEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._background = None  # the canvas redraws at its new size and saves a new one
        super().resizeEvent(event)

    def draw(self, results: CaseResults, idle: bool = True) -> None:
        """Draw ``results``; with ``idle`` the canvas renders again at the next event-loop turn."""
        from matplotlib.lines import Line2D
        from matplotlib.text import Annotation, Text

        from workbench.reports.charts import (
            deviation_bars,
            draw_deviation_chart,
            draw_monthly_chart,
            draw_projection_chart,
            use_font,
        )

        self.draws += 1
        self._background = None
        self._artists = None
        self.figure.clear()
        ax = self.figure.add_subplot()
        if self.kind == "monthly":
            draw_monthly_chart(ax, results, lang())
        elif self.kind == "history":
            from workbench.reports.history import draw_history_chart

            language, series = cast("tuple[str, Any]", self.data)
            draw_history_chart(ax, series, language)
        elif self.kind == "projection":
            draw_projection_chart(ax, results, lang())
        else:
            bars = deviation_bars(results, lang())
            self._artists = draw_deviation_chart(ax, bars, results.policy.flow_tolerance, lang())
            self._superseded = tuple(b.superseded for b in bars)
            for artist in self._animated():  # drawn over a saved background: a live update blits
                artist.set_animated(True)
            legend = ax.get_legend()
            if legend is not None:  # one row above the plot (the shared legend keys superseded bars too)
                handles: list[Artist] = [h for h in legend.legend_handles if h is not None]
                labels = [t.get_text() for t in legend.get_texts()]
                ax.legend(
                    handles,
                    labels,
                    loc="lower right",
                    bbox_to_anchor=(1.0, 1.0),
                    ncol=len(labels),
                    frameon=False,
                    handlelength=1.0,
                    borderaxespad=0.2,
                )
        ax.set_title("", loc="left")  # the slide's title says it
        size = self._theme.chart_pt
        for text in self.figure.findobj(Text):
            text.set_fontsize(size)
        for note in self.figure.findobj(Annotation):  # a larger label hangs below its point, on white
            note.set_verticalalignment("top")
            note.xyann = (note.xyann[0], -size * 0.8)
            note.set_bbox({"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 1})
        for line in self.figure.findobj(Line2D):  # thicker lines read from the back of the room
            line.set_linewidth(max(float(line.get_linewidth()), 3.0))
            line.set_markersize(max(float(line.get_markersize()), 8.0))
        use_font(self.figure)
        if idle:
            self.canvas.draw_idle()  # type: ignore[no-untyped-call]
