"""The layout rules of the renderer, in one place.

* Columns at least as wide as their widest figure or word (``fit_widths``).
* Pagination, checked on every page of the demo cases by ``tests/reports/test_pagination.py``:
  - a table row never splits across pages (``RowTable``), unless it alone is taller than two thirds
    of a page; a table continues only at a page break, with its header row repeated there;
  - a heading or caption keeps with the start of what follows it (``KeepStart``);
  - a block that belongs together (a case of the minutes with its heading) starts on a new page when
    it does not fit, unless that would leave the page under a third full (``KeepBlock``);
  - the last paragraphs of a part go to a new page together (``render._part_tails``), never one line;
  - so no page is under a third full unless it ends a part (the next starts a new page by design).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table

from workbench.reports.pdf_text import widest_unit

if TYPE_CHECKING:
    from collections.abc import Sequence

    from reportlab.pdfgen.canvas import Canvas

# A table keeps its header and this many rows (each counted up to ROW_CAP high, since a tall row
# splits) with the caption or heading above it; a paragraph this many lines.
START_ROWS = 3
ROW_CAP = 40.0
START_LINES = 3
# With this much room below it a lead is never a widow: the body starts here whatever it is.
ENOUGH_ROOM = 200.0
# A page is at least this full before something moves on to the next page (the rest of a part aside).
MIN_FILL = 1 / 3


def fit_widths(
    weights: Sequence[float],
    heads: Sequence[str],
    columns: Sequence[Sequence[str]],
    total: float,
    font: str,
    size: float,
    padding: float,
) -> list[float]:
    """Column widths in proportion to ``weights``, each widened to fit its widest unbreakable piece.

    Args:
        weights: relative widths from the report model.
        heads: the column headings; a heading breaks only at its spaces (``剩余期数`` stays whole).
        columns: the cells of each column.
        total: the width to fill.
        font, size: how the cells are set.
        padding: left + right cell padding.
    """
    weight = sum(weights) or 1.0
    widths = [total * w / weight for w in weights]
    need = [
        min(total, max(_widest(texts, font, size), _widest_word(head, font, size)) + padding + 0.5)
        for texts, head in zip(columns, heads, strict=False)
    ]
    for _ in range(len(widths)):
        short = [i for i, w in enumerate(widths) if w < need[i] - 1e-6]
        if not short:
            break
        deficit = sum(need[i] - widths[i] for i in short)
        for i in short:
            widths[i] = need[i]
        slack = {i: w - need[i] for i, w in enumerate(widths) if w > need[i] + 1e-6}
        room = sum(slack.values())
        if room <= 0:
            break
        take = min(deficit, room)
        for i, spare in slack.items():
            widths[i] -= take * spare / room
    over = sum(widths)
    if over > total + 1e-6:  # cannot fit every piece: shrink evenly, the widest pieces will wrap
        widths = [w * total / over for w in widths]
    return widths


class RowTable(Table):  # type: ignore[misc]
    """A table that splits only between rows (its header repeated on the next page).

    A row taller than the room left on a page at least two thirds empty cannot move anywhere better:
    only such a row splits inside itself.
    """

    def __init__(self, *args: Any, frame_height: float = 0.0, **kwargs: Any) -> None:
        kwargs["splitInRow"] = 0  # reportlab makes the parts of a split with the parent's value
        super().__init__(*args, **kwargs)
        self.frame_height = frame_height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.splitInRow = 0
        parts: list[Flowable] = super().split(availWidth, availHeight)
        if not parts and availHeight > self.frame_height * (1 - MIN_FILL):
            self.splitInRow = 1
            parts = super().split(availWidth, availHeight)
            self.splitInRow = 0
        for part in parts:
            if isinstance(part, RowTable):
                part.frame_height, part.splitInRow = self.frame_height, 0
        return parts


class KeepBlock(Flowable):  # type: ignore[misc]
    """Flowables kept on one page when they fit on one: moved whole to the next page when they do
    not fit here and this page is already a third full; otherwise they flow on from here."""

    def __init__(self, content: Sequence[Flowable], frame_height: float) -> None:
        super().__init__()
        self.content = [item for item in content if not isinstance(item, CondPageBreak)]
        self.frame_height = frame_height
        self._height = 0.0
        self._sizes: list[float] = []

    def headings(self) -> list[Any]:
        """The contents entries of the headings inside, as ``KeepStart.headings``."""
        found: list[Any] = []
        for item in self.content:
            if isinstance(item, KeepStart):
                found += item.headings()
            elif getattr(item, "_wb_heading", None):
                found.append(item._wb_heading)
        return found

    def getSpaceBefore(self) -> float:
        return float(self.content[0].getSpaceBefore()) if self.content else 0.0

    def getSpaceAfter(self) -> float:
        return float(self.content[-1].getSpaceAfter()) if self.content else 0.0

    def _total(self, width: float, height: float) -> float:
        total, self._sizes = 0.0, []
        for index, item in enumerate(self.content):
            _, h = item.wrapOn(self.canv, width, max(height, self.frame_height))
            self._sizes.append(float(h))
            total += h + item.getSpaceAfter() + (item.getSpaceBefore() if index else 0.0)
        return total

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._height = self._total(availWidth, availHeight)
        self.width, self.height = availWidth, self._height
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if self._height <= availHeight:
            return [self]
        if availHeight <= self.frame_height * (1 - MIN_FILL) and self._height <= self.frame_height:
            return []  # the page is a third full already, and the block fits on the next one
        return list(self.content)

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        top = y + self.height
        for index, (item, h) in enumerate(zip(self.content, self._sizes, strict=True)):
            if index:
                top -= item.getSpaceBefore()
            item.drawOn(canvas, x, top - h)
            top -= h + item.getSpaceAfter()


def _widest(texts: Sequence[str], font: str, size: float) -> float:
    return max((widest_unit(t, font, size) for t in texts), default=0.0)


def _widest_word(text: str, font: str, size: float) -> float:
    return max((float(stringWidth(word, font, size)) for word in text.split()), default=0.0)


def start_height(
    flowable: Flowable, canv: Canvas, width: float, height: float, full: float | None = None
) -> float:
    """How much of ``flowable`` must stand on the page where it starts (the rest may follow).

    ``full`` is its height when the caller has just wrapped it at ``width`` (saves a wrap).
    """
    if isinstance(flowable, KeepStart):
        lead = flowable.lead_height(canv, width, height)
        return lead + start_height(flowable.body, canv, width, height - lead)
    if full is None:
        _, full = flowable.wrapOn(canv, width, height)
    if isinstance(flowable, Table) and getattr(flowable, "_rowHeights", None):
        rows = flowable._rowHeights
        keep = max(int(getattr(flowable, "repeatRows", 0) or 0), 0) + START_ROWS
        return min(float(full), float(sum(min(float(h), ROW_CAP) for h in rows[:keep])))
    if isinstance(flowable, Paragraph):
        return min(float(full), START_LINES * float(flowable.style.leading))
    return float(full)


class KeepStart(Flowable):  # type: ignore[misc]
    """``lead`` (a heading, a caption) followed by ``body``: they start on the same page, and the body
    may go on to the next one (unlike ``KeepTogether``, which moves a whole table and leaves a gap)."""

    def __init__(self, lead: Sequence[Flowable], body: Flowable) -> None:
        super().__init__()
        self.lead = list(lead)
        self.body = body
        self._sizes: list[float] = []  # the lead's heights and the body's, from the last wrap

    def headings(self) -> list[Any]:
        """The contents entries of the headings in the lead, nested leads included."""
        found = [item._wb_heading for item in self.lead if getattr(item, "_wb_heading", None)]
        return found + (self.body.headings() if isinstance(self.body, KeepStart) else [])

    def lead_height(self, canv: Canvas, width: float, height: float) -> float:
        return self._lead(canv, width, height)[0]

    def _lead(self, canv: Canvas, width: float, height: float) -> tuple[float, list[float]]:
        total, sizes = 0.0, []
        for index, item in enumerate(self.lead):
            _, h = item.wrapOn(canv, width, height)
            sizes.append(float(h))
            total += h + (item.getSpaceBefore() if index else 0.0) + item.getSpaceAfter()
        return float(total + self.body.getSpaceBefore()), sizes

    def getSpaceBefore(self) -> float:
        return float(self.lead[0].getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.body.getSpaceAfter())

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        lead, sizes = self._lead(self.canv, availWidth, availHeight)
        _, body = self.body.wrapOn(self.canv, availWidth, availHeight - lead)
        self._sizes = [*sizes, float(body)]
        self.width, self.height = availWidth, lead + body
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        lead = self.height - self._sizes[-1]  # the frame wrapped us at this size just before
        room = availHeight - lead
        start = start_height(self.body, self.canv, availWidth, room, self._sizes[-1])
        if room < ENOUGH_ROOM and room < start - 1e-6:
            return []  # not enough room to start the body here: all of it goes to the next page
        parts = self.body.splitOn(self.canv, availWidth, room)
        if not parts:
            return []
        return [*self.lead, *parts]

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        top = y + self.height  # every part was wrapped at this width by our last wrap
        for index, (item, h) in enumerate(zip(self.lead, self._sizes, strict=False)):
            if index:
                top -= item.getSpaceBefore()
            item.drawOn(canvas, x, top - h)
            top -= h + item.getSpaceAfter()
        top -= self.body.getSpaceBefore()
        self.body.drawOn(canvas, x, top - self._sizes[-1])
