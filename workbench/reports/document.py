"""The report model: a frozen tree of already-formatted blocks, built by ``content`` and drawn by ``render``.

A builder decides *what* a document says (every figure already a string: money with thousands
separators and two places, percentages with two places, deviations signed); the renderer decides
only how it looks on A4. Nothing here knows reportlab, so a builder is tested without a PDF.

User text stays plain text in these blocks; the renderer escapes it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from workbench.domain.records import SignatureRole


class ReportKind(StrEnum):
    """The documents of issue 5 (the archive's ``ReportKind`` uses the same words)."""

    SURVEY = "survey"  # 调查报告
    DOSSIER = "dossier"  # 贷款档案
    MINUTES = "minutes"  # 审贷会纪要
    PORTFOLIO = "portfolio"  # 组合报告 (issue 16): not about one case, never signed or archived


class TextStyle(StrEnum):
    BODY = "body"
    NOTE = "note"  # small grey print: sources, formulas, hints
    LEAD = "lead"  # a verdict or key sentence, set apart


class Align(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    CENTER = "center"


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph of plain text; line breaks in ``text`` are kept."""

    text: str
    style: TextStyle = TextStyle.BODY


@dataclass(frozen=True, slots=True)
class Bullets:
    """A bulleted list."""

    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class KeyValues:
    """Label/value pairs laid out ``columns`` pairs to a row."""

    pairs: tuple[tuple[str, str], ...]
    columns: int = 2
    unit: str = ""  # ``金额单位：元`` above a table that holds amounts


@dataclass(frozen=True, slots=True)
class Column:
    """A data-table column: heading, alignment and relative width."""

    title: str
    align: Align = Align.LEFT
    width: float = 1.0


@dataclass(frozen=True, slots=True)
class DataTable:
    """A table with one header row; ``emphasis`` marks total rows (row indexes into ``rows``)."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    emphasis: frozenset[int] = frozenset()
    caption: str = ""
    small: bool = False
    unit: str = ""  # ``金额单位：元`` above a table that holds amounts

    def __post_init__(self) -> None:
        for row in self.rows:
            if len(row) != len(self.columns):
                raise ValueError(f"row has {len(row)} cells, table has {len(self.columns)} columns")


@dataclass(frozen=True, slots=True)
class ChartRef:
    """A chart: its drawing function and the data it draws, on the frame's width and ``height_mm``.

    With ``on_canvas`` the renderer calls ``draw(canvas, width, height, font_name, *args)`` to draw
    on the reportlab canvas itself (the case charts, ``reports.pdf_case_charts``); otherwise
    ``draw(axes, *args)`` on a matplotlib figure of that size (the portfolio's and the history's).
    """

    draw: Callable[..., object]
    args: tuple[object, ...]
    height_mm: float = 80.0
    caption: str = ""
    on_canvas: bool = False


@dataclass(frozen=True, slots=True)
class ImageRef:
    """A photo or scan (JPEG or PNG bytes) with its caption."""

    name: str
    media_type: str
    data: bytes
    caption: str = ""
    max_height_mm: float = 105.0


@dataclass(frozen=True, slots=True)
class PageBreak:
    """Start a new page."""


@dataclass(frozen=True, slots=True)
class SignatureSlot:
    """One box of a signature block: who signs here (``role`` as printed, ``kind`` as data for the
    signing step) and, if known, the name."""

    role: str
    name: str = ""
    kind: SignatureRole | None = None


@dataclass(frozen=True, slots=True)
class SignatureBlock:
    """Boxes side by side where visible digital signatures go (and hand signatures on paper)."""

    title: str
    slots: tuple[SignatureSlot, ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class Contents:
    """The table of contents (with page numbers) at this point."""

    title: str


@dataclass(frozen=True, slots=True)
class CoverSheet:
    """A cover page: title, subtitle and the identifying facts of the case."""

    title: str
    subtitle: str
    facts: tuple[tuple[str, str], ...]
    note: str = ""
    unit: str = ""


@dataclass(frozen=True, slots=True)
class Section:
    """A titled section; nesting depth gives the heading level (0 = top)."""

    title: str
    blocks: tuple[Block, ...]
    number: str = ""
    in_contents: bool = True
    new_page: bool = False
    keep_together: bool = False  # on one page when it fits on one (a case of the minutes)
    fingerprint: str = ""  # the case this part is about, for the footer of its pages (the minutes)

    @property
    def heading(self) -> str:
        return f"{self.number}{self.title}" if self.number else self.title


Block = (
    Para
    | Bullets
    | KeyValues
    | DataTable
    | ChartRef
    | ImageRef
    | PageBreak
    | SignatureBlock
    | Contents
    | CoverSheet
    | Section
)


@dataclass(frozen=True, slots=True)
class ReportDoc:
    """One document: its kind, title, language, the case (or session) number and its blocks."""

    kind: ReportKind
    title: str
    lang: str
    reference: str
    blocks: tuple[Block, ...]
    subject: str = ""
    keywords: tuple[str, ...] = ()

    def walk(self) -> Iterator[tuple[int, Block]]:
        """Every block with its section depth, depth-first in reading order."""
        yield from _walk(self.blocks, 0)

    def headings(self) -> list[str]:
        """Section headings in reading order (for tests and outlines)."""
        return [block.heading for _, block in self.walk() if isinstance(block, Section)]

    def text(self) -> str:
        """All the words of the document, one block per line (for tests and search)."""
        return "\n".join(_block_text(block) for _, block in self.walk())


def _walk(blocks: tuple[Block, ...], depth: int) -> Iterator[tuple[int, Block]]:
    for block in blocks:
        yield depth, block
        if isinstance(block, Section):
            yield from _walk(block.blocks, depth + 1)


def _block_text(block: Block) -> str:
    if isinstance(block, Section):
        return block.heading
    if isinstance(block, Para):
        return block.text
    if isinstance(block, Bullets):
        return "\n".join(block.items)
    if isinstance(block, KeyValues):
        return "\n".join(f"{k} {v}" for k, v in block.pairs)
    if isinstance(block, DataTable):
        lines = [" | ".join(c.title for c in block.columns)]
        lines += [" | ".join(row) for row in block.rows]
        return "\n".join([block.caption, *lines] if block.caption else lines)
    if isinstance(block, CoverSheet):
        return "\n".join([block.title, block.subtitle, *(f"{k} {v}" for k, v in block.facts), block.note])
    if isinstance(block, SignatureBlock):
        return "\n".join([block.title, *(f"{s.role} {s.name}" for s in block.slots)])
    if isinstance(block, ChartRef | ImageRef):
        return block.caption
    if isinstance(block, Contents):
        return block.title
    return ""
