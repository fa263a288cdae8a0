"""``ReportDoc`` → A4 PDF bytes with reportlab platypus (build → **render** → sign → archive).

* One embedded TrueType font for everything: the shipped WenQuanYi Micro Hei (subfont 0 of the
  ``.ttc``, CJK + Latin + digits), subset into each PDF, its parsed tables cached (``pdf_font``).
  It has no bold face: headings stand out by size and colour, and ``<b>`` maps to the same face
  instead of a smeared fake bold.
* Every user string is escaped (``escape``: ``&``, ``<``, ``>``) before it becomes a ``Paragraph``.
* Header: the bank/unit, the document title and the case number; footer: ``第 X 页 / 共 Y 页``
  (the total is filled in when the document is saved, so it is always the real page count) and
  the case fingerprint.
* Tables repeat their header row and split across pages (also inside a tall row); cells wrap.
* The dossier's table of contents gets page numbers from a second layout pass (``multiBuild``).
* Metadata: title, author, subject, keywords, and custom document-info keys
  ``/WorkbenchCaseSHA256``, ``/WorkbenchCaseVersion``, ``/WorkbenchReportKind`` and
  ``/WorkbenchSignatureSlots`` (where the signature boxes are, for ``signing.sign_pdf``).
* ``invariant=True``: byte-identical output for identical input (fixed dates and file id).
"""

from __future__ import annotations

import functools
import io
import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    TableStyle,
)
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Table as PlatypusTable
from reportlab.platypus.tableofcontents import TableOfContents

from workbench import __version__
from workbench.paths import resource_path
from workbench.reports.document import (
    Align,
    Block,
    Bullets,
    ChartRef,
    Contents,
    CoverSheet,
    DataTable,
    ImageRef,
    KeyValues,
    PageBreak,
    Para,
    ReportDoc,
    ReportKind,
    Section,
    SignatureBlock,
    TextStyle,
)
from workbench.reports.pdf_chart import ChartFlowable
from workbench.reports.pdf_font import load_font
from workbench.reports.pdf_layout import KeepBlock, KeepStart, RowTable, fit_widths
from workbench.reports.pdf_text import WrappingParagraph
from workbench.reports.photos import for_print
from workbench.texts import N_
from workbench.texts import text as say

if TYPE_CHECKING:
    from collections.abc import Callable

FONT_NAME = "WorkbenchCJK"
FONT_FILE = ("fonts", "wqy-microhei.ttc")

INFO_CASE_SHA256 = "WorkbenchCaseSHA256"
INFO_CASE_VERSION = "WorkbenchCaseVersion"
INFO_REPORT_KIND = "WorkbenchReportKind"
INFO_SIGNATURE_SLOTS = "WorkbenchSignatureSlots"

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 18 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

INK = colors.HexColor("#1A1A1A")
ACCENT = colors.HexColor("#1F4E79")
MUTED = colors.HexColor("#5A6570")
RULE = colors.HexColor("#B8C2CC")
HEAD_FILL = colors.HexColor("#E6EDF4")
TOTAL_FILL = colors.HexColor("#F2F5F8")
LABEL_FILL = colors.HexColor("#F4F6F8")

TAIL_PARAGRAPHS = 3  # the last paragraphs of a part that move to a new page together

SLOT_COLUMNS = 3
SLOT_GAP = 10.0
SLOT_LABEL = 14.0
SLOT_HEIGHT = 64.0


@dataclass(frozen=True, slots=True)
class PdfMeta:
    """What the PDF says about itself besides the document's content.

    Attributes:
        unit: the bank or unit in the page header, e.g. ``某某农商银行 小微信贷中心``.
        author: the document info author (usually the lead officer).
        case_sha256: ``canonical_case_sha256(case)`` of the case the report describes.
        case_version: the stored case's version, ``None`` for a case file outside the store.
    """

    unit: str = ""
    author: str = ""
    case_sha256: str = ""
    case_version: int | None = None
    creator: str = f"Workbench {__version__}"


@dataclass(frozen=True, slots=True)
class SlotPosition:
    """Where a signature box landed: page index (0-based) and rectangle in PDF points; ``kind`` is
    whose box it is as data (``SignatureRole`` value, ``""`` for a box of no kind)."""

    index: int
    role: str
    name: str
    page: int
    rect: tuple[float, float, float, float]
    kind: str = ""


# Binary (not ASCII85) streams: reportlab's pure-Python ASCII85 encoder takes ~0.4 s per camera
# photo, and the binary file is a fifth smaller. Every PDF reader handles binary streams.
rl_config.useA85 = 0

_font_ready = False


def register_fonts() -> str:
    """Register the shipped CJK font with reportlab once; returns its name."""
    global _font_ready
    if not _font_ready:
        pdfmetrics.registerFont(load_font(FONT_NAME, resource_path(*FONT_FILE), subfont=0))
        pdfmetrics.registerFontFamily(
            FONT_NAME, normal=FONT_NAME, bold=FONT_NAME, italic=FONT_NAME, boldItalic=FONT_NAME
        )
        _font_ready = True
    return FONT_NAME


def render_pdf(doc: ReportDoc, *, meta: PdfMeta, invariant: bool = False) -> bytes:
    """Lay ``doc`` out on A4 and return the PDF bytes.

    Args:
        doc: the built document.
        meta: unit name, author, case fingerprint and version for the header and the metadata.
        invariant: fixed creation date and file id, so equal input gives equal bytes.
    """
    register_fonts()
    styles = _Styles.make(doc.lang)
    buf = io.BytesIO()
    template = _Template(buf, doc, meta, styles, invariant)
    story = _Story(doc, styles, template).flowables()
    canvasmaker = functools.partial(_NumberedCanvas, footer=template.footer, info_extras=template.info_extras)
    contents = [f for f in story if isinstance(f, _Contents)]
    if all(c.fits_one_page() for c in contents):
        # One pass: the contents keep the room their entries take and are drawn when the document is
        # saved, with the page numbers the pass found (``_Contents``).
        template.build(story, canvasmaker=canvasmaker)
        return buf.getvalue()
    # Contents longer than a page: reportlab's two passes. The first only finds the page numbers and
    # is thrown away: tables, charts and photos keep their place but are not drawn in it. Should that
    # pass have been the last (nothing to number), the document is laid out again in full.
    template.setProgressCallBack(template.note_pass)
    if template.multiBuild(story, canvasmaker=canvasmaker) == 1 and template.skipped_images:
        buf.seek(0)
        buf.truncate()
        template = _Template(buf, doc, meta, styles, invariant)
        canvasmaker = functools.partial(
            _NumberedCanvas, footer=template.footer, info_extras=template.info_extras
        )
        template.build(_Story(doc, styles, template).flowables(), canvasmaker=canvasmaker)
    return buf.getvalue()


# ---- styles ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Styles:
    body: ParagraphStyle
    note: ParagraphStyle
    lead: ParagraphStyle
    bullet: ParagraphStyle
    caption: ParagraphStyle
    headings: tuple[ParagraphStyle, ...]
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    cell_center: ParagraphStyle
    cell_small: ParagraphStyle
    cell_small_right: ParagraphStyle
    cell_small_center: ParagraphStyle
    head: ParagraphStyle
    head_small: ParagraphStyle
    label: ParagraphStyle
    cover_title: ParagraphStyle
    cover_subtitle: ParagraphStyle
    toc_levels: tuple[ParagraphStyle, ...]
    lang: str = field(default="zh")

    @classmethod
    def make(cls, lang: str) -> _Styles:
        base = ParagraphStyle(
            "body",
            fontName=FONT_NAME,
            bulletFontName=FONT_NAME,
            fontSize=9.5,
            leading=14.5,
            textColor=INK,
            wordWrap="CJK",
        )

        def derive(name: str, **kw: Any) -> ParagraphStyle:
            return ParagraphStyle(name, parent=base, **kw)

        cell = derive("cell", fontSize=8.5, leading=11.5)
        small = derive("cell_small", fontSize=7.5, leading=10)
        sizes = (15.0, 12.5, 11.0, 10.0)
        headings = tuple(
            derive(
                f"h{depth}",
                fontSize=size,
                leading=size * 1.35,
                textColor=ACCENT,
                spaceBefore=10 if depth == 0 else 8,
                spaceAfter=5,
            )
            for depth, size in enumerate(sizes)
        )
        return cls(
            body=derive("body_", spaceAfter=4),
            note=derive("note", fontSize=8, leading=11.5, textColor=MUTED, spaceAfter=4),
            lead=derive("lead", fontSize=10, leading=15, textColor=ACCENT, spaceBefore=3, spaceAfter=3),
            bullet=derive("bullet", leftIndent=12, bulletIndent=2, spaceAfter=2),
            caption=derive(
                "caption",
                fontSize=9,
                leading=13,
                textColor=ACCENT,
                spaceBefore=6,
                spaceAfter=3,
            ),
            headings=headings,
            cell=cell,
            cell_right=ParagraphStyle("cell_r", parent=cell, alignment=TA_RIGHT),
            cell_center=ParagraphStyle("cell_c", parent=cell, alignment=TA_CENTER),
            cell_small=small,
            cell_small_right=ParagraphStyle("cell_sr", parent=small, alignment=TA_RIGHT),
            cell_small_center=ParagraphStyle("cell_sc", parent=small, alignment=TA_CENTER),
            head=ParagraphStyle("head", parent=cell, textColor=ACCENT),
            head_small=ParagraphStyle("head_s", parent=small, textColor=ACCENT),
            label=ParagraphStyle("label", parent=cell, textColor=MUTED),
            cover_title=derive("cover_title", fontSize=26, leading=34, alignment=TA_CENTER, textColor=ACCENT),
            cover_subtitle=derive("cover_sub", fontSize=14, leading=20, alignment=TA_CENTER, textColor=INK),
            toc_levels=(
                derive("toc0", fontSize=10.5, leading=17, leftIndent=0, firstLineIndent=0),
                derive("toc1", fontSize=9.5, leading=14, leftIndent=16, firstLineIndent=0),
                derive("toc2", fontSize=9, leading=13, leftIndent=32, firstLineIndent=0),
            ),
            lang=lang,
        )


def escape(text: str) -> str:
    """Plain text safe in paragraph markup (what ``xml.sax.saxutils.escape`` does, without its
    import of ``urllib.request``, ``http.client`` and ``ssl``)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_SUBSCRIPT = re.compile("[₀-₉]")  # the font has no subscript digits: set them as <sub>


def _markup(text: str) -> str:
    """Plain text as paragraph markup: escaped, line breaks kept, subscript digits lowered."""
    marked = escape(text).replace("\n", "<br/>")
    return _SUBSCRIPT.sub(lambda m: f"<sub>{ord(m.group()) - 0x2080}</sub>", marked)


def _p(text: str, style: ParagraphStyle, **kwargs: Any) -> Paragraph:
    """A paragraph of *plain* text (user text is never markup)."""
    if "\n" in text or _SUBSCRIPT.search(text):
        return WrappingParagraph(_markup(text), style, **kwargs)
    return WrappingParagraph.plain(text, escape(text), style, **kwargs)


def _lead_with(lead: list[Flowable], flowables: list[Flowable]) -> list[Flowable]:
    """``lead`` kept on the page where the first of ``flowables`` starts (see ``KeepStart``)."""
    rest = list(flowables)
    while rest and isinstance(rest[0], CondPageBreak):
        rest.pop(0)  # the lead's own page check covers it
    if not rest or isinstance(rest[0], RLPageBreak):
        return [*lead, *flowables]
    if isinstance(rest[0], KeepTogether):  # a chart or photo: cannot split, so the lead joins it
        return [KeepTogether([*lead, *rest[0]._content]), *rest[1:]]
    return [KeepStart(lead, rest[0]), *rest[1:]]


def _part_tails(story: list[Flowable]) -> list[Flowable]:
    """The last paragraphs of a part (before a page break) kept together (``KeepBlock``): a part
    never ends with a lone line on a page of its own."""
    out: list[Flowable] = []
    for index, item in enumerate(story):
        out.append(item)
        after = story[index + 1] if index + 1 < len(story) else None
        if not isinstance(after, RLPageBreak):
            continue
        tail: list[Flowable] = []
        while out and type(out[-1]) is WrappingParagraph and len(tail) < TAIL_PARAGRAPHS:
            tail.insert(0, out.pop())
        if len(tail) > 1:
            out.append(KeepBlock(tail, FRAME_HEIGHT))
        else:
            out += tail
    return out


# ---- the document template and its canvas -------------------------------------------------------


class _Template(BaseDocTemplate):  # type: ignore[misc]
    """Page layout, header, outline and contents entries, and the signature-slot record."""

    def note_pass(self, kind: str, value: int) -> None:
        if kind == "PASS":
            self.draft_pass = value == 1

    def __init__(
        self, buf: io.BytesIO, doc: ReportDoc, meta: PdfMeta, styles: _Styles, invariant: bool
    ) -> None:
        keywords = [*doc.keywords]
        if meta.case_sha256:
            keywords.append(f"sha256:{meta.case_sha256}")
        super().__init__(
            buf,
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=doc.title,
            author=meta.author or "Workbench",
            subject=doc.subject or doc.title,
            keywords=", ".join(keywords),
            creator=meta.creator,
            invariant=1 if invariant else 0,
            initialFontName=FONT_NAME,
            initialFontSize=9.5,
            lang="zh-CN" if doc.lang == "zh" else "en",
        )
        self.report = doc
        self.meta = meta
        self.styles = styles
        self.slots: list[SlotPosition] = []
        self.page_marks: dict[int, list[str]] = {}  # page → fingerprints of the cases starting there
        self._keys = 0
        self.draft_pass = False  # a first pass of a multi-pass build (its output is discarded)
        self.skipped_images = False
        self.contents_entries: list[tuple[int, str, int, str]] = []  # (level, text, page, key)
        self.late: dict[int, list[Callable[[Canvas], None]]] = {}  # page → drawn when saved
        frame = Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            FRAME_WIDTH,
            PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._header)])

    def handle_documentBegin(self) -> None:
        self.page_marks.clear()
        self.slots.clear()
        self.contents_entries.clear()
        self.late.clear()
        self._keys = 0
        super().handle_documentBegin()

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, KeepStart | KeepBlock):
            entries = flowable.headings()
        else:
            entry = getattr(flowable, "_wb_heading", None)
            entries = [] if entry is None else [entry]
        for level, text, listed in entries:
            self._keys += 1
            key = f"h{self._keys}"
            self.canv.bookmarkPage(key)
            if listed:
                self.canv.addOutlineEntry(text, key, level=level, closed=level > 0)
                entry = (level, escape(text), self.page, key)
                self.contents_entries.append(entry)
                self.notify("TOCEntry", entry)

    def _header(self, canv: Canvas, _doc: Any) -> None:
        tr_title = f"{self.report.title}　{self.report.reference}".strip()
        y = PAGE_HEIGHT - MARGIN_TOP + 8 * mm
        canv.saveState()
        canv.setFont(FONT_NAME, 8.5)
        canv.setFillColor(MUTED)
        if self.meta.unit:
            canv.drawString(MARGIN_X, y, self.meta.unit)
        canv.drawRightString(PAGE_WIDTH - MARGIN_X, y, tr_title)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        canv.line(MARGIN_X, y - 2.5 * mm, PAGE_WIDTH - MARGIN_X, y - 2.5 * mm)
        canv.restoreState()

    def footer(self, canv: Canvas, page: int, pages: int) -> None:
        """Drawn on every page once the page count is known (with what waited for the end)."""
        for draw in self.late.get(page, ()):
            draw(canv)
        text = say(N_("第 {page} 页 / 共 {pages} 页"), self.report.lang, page=page, pages=pages)
        y = MARGIN_BOTTOM - 9 * mm
        canv.saveState()
        canv.setFont(FONT_NAME, 8)
        canv.setFillColor(MUTED)
        canv.drawCentredString(PAGE_WIDTH / 2, y, text)
        prints = self.page_prints(page)
        if prints:
            lang = self.report.lang
            shown = " · ".join(say(N_("案卷指纹 {short}…"), lang, short=p[:12]) for p in prints)
            if prints == [self.meta.case_sha256] and self.meta.case_version is not None:
                shown += say(N_(" · 版本 {version}"), lang, version=self.meta.case_version)
            canv.setFont(FONT_NAME, 6.5)
            canv.drawString(MARGIN_X, y, shown)
        canv.restoreState()

    def page_prints(self, page: int) -> list[str]:
        """The fingerprints of the cases a page is about: those whose part starts on it, else the
        one whose part runs on from an earlier page, else the document's case (none on a session
        page of the minutes, which is about no one case)."""
        if not self.page_marks or page < min(self.page_marks):
            if self.report.kind is ReportKind.MINUTES and self.page_marks:
                return []
            return [self.meta.case_sha256] if self.meta.case_sha256 else []
        here = self.page_marks.get(page)
        if here:
            return list(dict.fromkeys(here))
        return self.page_marks[max(p for p in self.page_marks if p < page)][-1:]

    def info_extras(self) -> dict[str, str]:
        """The custom document-info entries (read back by ``reports.metadata``)."""
        slots = [
            {
                "index": s.index,
                "role": s.role,
                "name": s.name,
                "page": s.page,
                "rect": [round(v, 2) for v in s.rect],
                **({"kind": s.kind} if s.kind else {}),
            }
            for s in self.slots
        ]
        extras = {INFO_REPORT_KIND: self.report.kind.value}
        if self.meta.case_sha256:
            extras[INFO_CASE_SHA256] = self.meta.case_sha256
        if self.meta.case_version is not None:
            extras[INFO_CASE_VERSION] = str(self.meta.case_version)
        if slots:
            extras[INFO_SIGNATURE_SLOTS] = json.dumps(slots, ensure_ascii=True, separators=(",", ":"))
        return extras


class _Info(pdfdoc.PDFInfo):  # type: ignore[misc]
    """reportlab's document info plus our custom keys."""

    def __init__(self, base: Any, extras: dict[str, str]) -> None:
        super().__init__()
        self.__dict__.update(base.__dict__)
        self.extras = extras

    def format(self, document: Any) -> bytes:
        entries = {
            "Title": pdfdoc.PDFString(self.title),
            "Author": pdfdoc.PDFString(self.author),
            "Subject": pdfdoc.PDFString(self.subject),
            "Keywords": pdfdoc.PDFString(self.keywords),
            "Creator": pdfdoc.PDFString(self.creator),
            "Producer": pdfdoc.PDFString(self.producer),
            "Trapped": pdfdoc.PDFName(self.trapped),
        }
        entries["CreationDate"] = entries["ModDate"] = pdfdoc.PDFDate(
            ts=document._timeStamp, dateFormatter=self._dateFormatter
        )
        for key, value in self.extras.items():
            entries[key] = pdfdoc.PDFString(value)
        result: bytes = pdfdoc.PDFDictionary(entries).format(document)
        return result


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Keeps each page until ``save`` so the footer can say how many pages there are."""

    def __init__(
        self,
        *args: Any,
        footer: Callable[[Canvas, int, int], None],
        info_extras: Callable[[], dict[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._footer = footer
        self._info_extras = info_extras

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._footer(self, number, total)
            Canvas.showPage(self)
        self._doc.info = _Info(self._doc.info, self._info_extras())
        Canvas.save(self)


# ---- blocks → flowables ------------------------------------------------------------------------


class _Story:
    def __init__(self, doc: ReportDoc, styles: _Styles, template: _Template) -> None:
        self.doc = doc
        self.s = styles
        self.template = template
        self._derived: dict[tuple[Any, ...], ParagraphStyle] = {}

    def derived(self, name: str, parent: ParagraphStyle, **kw: Any) -> ParagraphStyle:
        """``ParagraphStyle(name, parent=parent, **kw)``, made once per document: a style made anew
        for each table's header cells misses the fragment ``WrappingParagraph.plain`` keeps per style
        and sends every such cell through reportlab's markup parser."""
        key = (name, id(parent), *sorted(kw.items()))
        style = self._derived.get(key)
        if style is None:
            style = self._derived[key] = ParagraphStyle(name, parent=parent, **kw)
        return style

    def flowables(self) -> list[Flowable]:
        out: list[Flowable] = []
        for block in self.doc.blocks:
            out += self.block(block, 0)
        return _part_tails(out)

    def block(self, block: Block, depth: int) -> list[Flowable]:
        if isinstance(block, Section):
            return self.section(block, depth)
        if isinstance(block, Para):
            style = {TextStyle.BODY: self.s.body, TextStyle.NOTE: self.s.note, TextStyle.LEAD: self.s.lead}[
                block.style
            ]
            return [_p(block.text, style)]
        if isinstance(block, Bullets):
            return [_p(item, self.s.bullet, bulletText="•") for item in block.items]
        if isinstance(block, KeyValues):
            table = self.key_values(block)
            return [KeepStart([self.unit_line(block.unit)], table)] if block.unit else [table]
        if isinstance(block, DataTable):
            return self.data_table(block)
        if isinstance(block, ChartRef):
            chart = ChartFlowable(block, FRAME_WIDTH, block.height_mm * mm, FONT_NAME)
            items: list[Flowable] = [Spacer(1, 4), chart]
            if block.caption:
                items.append(_p(block.caption, self.s.note))
            return [KeepTogether(items)]
        if isinstance(block, ImageRef):
            return [self.image(block)]
        if isinstance(block, PageBreak):
            return [RLPageBreak()]
        if isinstance(block, SignatureBlock):
            return [_SignatureFlowable(block, self.template)]
        if isinstance(block, Contents):
            toc = TableOfContents(
                levelStyles=list(self.s.toc_levels),
                dotsMinLevel=0,
                tableStyle=TableStyle(
                    [
                        ("FONT", (0, 0), (-1, -1), FONT_NAME, 9.5),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                    ]
                ),
            )
            title = _p(block.title, self.s.headings[0])
            return [title, _Contents(toc, self.contents_entries(), self.template, title)]
        if isinstance(block, CoverSheet):
            return self.cover(block)
        raise TypeError(f"no flowable for {type(block).__name__}")  # pragma: no cover

    def contents_entries(self) -> list[tuple[int, str, int, None]]:
        """The entries the contents will list (as ``section`` marks them), page numbers unknown."""
        return [
            (depth, escape(b.heading), 0, None)
            for depth, b in self.doc.walk()
            if isinstance(b, Section) and b.in_contents and depth <= 2
        ]

    def section(self, section: Section, depth: int) -> list[Flowable]:
        style = self.s.headings[min(depth, len(self.s.headings) - 1)]
        heading = _p(section.heading, style)
        heading._wb_heading = (depth, section.heading, section.in_contents and depth <= 2)
        out: list[Flowable] = []
        if section.new_page:
            out.append(RLPageBreak())
        else:
            out.append(CondPageBreak(40 * mm if depth == 0 else 25 * mm))
        body: list[Flowable] = []
        for block in section.blocks:
            body += self.block(block, depth + 1)
        lead: list[Flowable] = [heading]
        if section.fingerprint:
            lead.append(_PageMark(self.template, section.fingerprint))
        while len(body) > 1 and isinstance(body[0], Paragraph) and body[0].style is self.s.note:
            lead.append(body.pop(0))  # an explanatory note stays with what it explains
        if section.keep_together:
            return [*out, KeepBlock(_lead_with(lead, body), FRAME_HEIGHT)]
        return out + _lead_with(lead, body)

    def key_values(self, kv: KeyValues) -> Table:
        columns = max(1, kv.columns)
        rows: list[list[Any]] = []
        pairs = list(kv.pairs)
        spans: list[tuple[Any, ...]] = []
        while pairs:
            chunk, pairs = pairs[:columns], pairs[columns:]
            if len(chunk) < columns:  # the last value runs to the right edge: no empty boxes
                spans.append(("SPAN", (len(chunk) * 2 - 1, len(rows)), (-1, len(rows))))
            row: list[Any] = []
            for key, value in chunk:
                row += [_p(key, self.s.label), _p(value, self.s.cell)]
            rows.append(row + [""] * (columns * 2 - len(row)))
        unit = FRAME_WIDTH / (columns * 2.6)
        widths = [unit, unit * 1.6] * columns
        t = RowTable(rows, colWidths=widths, hAlign="LEFT", frame_height=FRAME_HEIGHT)
        commands: list[tuple[Any, ...]] = [
            ("GRID", (0, 0), (-1, -1), 0.4, RULE),
            ("FONT", (0, 0), (-1, -1), FONT_NAME, 8.5),
            # TOP, not MIDDLE: reportlab repeats the header without end when it splits a middle-aligned row
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ]
        for c in range(0, columns * 2, 2):
            commands.append(("BACKGROUND", (c, 0), (c, -1), LABEL_FILL))
        for command in spans:  # a spanned cell takes the value's white, not the next label's fill
            commands += [command, ("BACKGROUND", command[1], command[2], colors.white)]
        t.setStyle(TableStyle(commands))
        t.spaceBefore, t.spaceAfter = 3, 6
        return t

    def data_table(self, data: DataTable) -> list[Flowable]:
        s = self.s
        styles = {
            Align.LEFT: s.cell_small if data.small else s.cell,
            Align.RIGHT: s.cell_small_right if data.small else s.cell_right,
            Align.CENTER: s.cell_small_center if data.small else s.cell_center,
        }
        head_style = s.head_small if data.small else s.head
        header = [
            _p(
                c.title,
                self.derived(
                    "hc",
                    head_style,
                    alignment={Align.LEFT: TA_LEFT, Align.RIGHT: TA_RIGHT, Align.CENTER: TA_CENTER}[c.align],
                ),
            )
            for c in data.columns
        ]
        body = [
            [_p(cell, styles[c.align]) for cell, c in zip(row, data.columns, strict=True)]
            for row in data.rows
        ]
        widths = fit_widths(
            [c.width for c in data.columns],
            [c.title for c in data.columns],
            [[row[i] for row in data.rows] for i in range(len(data.columns))],
            FRAME_WIDTH,
            FONT_NAME,
            (s.cell_small if data.small else s.cell).fontSize,
            6,
        )
        rows = [header, *body]
        t = RowTable(rows, colWidths=widths, repeatRows=1, hAlign="LEFT", frame_height=FRAME_HEIGHT)
        commands: list[tuple[Any, ...]] = [
            ("GRID", (0, 0), (-1, -1), 0.4, RULE),
            ("FONT", (0, 0), (-1, -1), FONT_NAME, 8.5),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),  # see key_values: a middle-aligned row must not split
            ("TOPPADDING", (0, 0), (-1, -1), 2 if data.small else 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2 if data.small else 2.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        for index in data.emphasis:
            commands.append(("BACKGROUND", (0, index + 1), (-1, index + 1), TOTAL_FILL))
        t.setStyle(TableStyle(commands))
        t.spaceBefore, t.spaceAfter = 2, 6
        if data.caption and data.unit:
            return [KeepStart([self.unit_line(data.unit, data.caption)], t)]
        if data.caption:
            return [KeepStart([_p(data.caption, s.caption)], t)]
        if data.unit:
            return [KeepStart([self.unit_line(data.unit)], t)]
        return [t]

    def unit_line(self, unit: str, caption: str = "") -> Flowable:
        """``金额单位：元`` at the right edge above a table, on the caption's line when it has one."""
        right = self.derived("unit", self.s.note, alignment=TA_RIGHT, spaceAfter=0)
        if not caption:
            para = _p(unit, right)
            para.spaceAfter = 1
            return para
        line = Table(
            [[_p(caption, self.s.caption), _p(unit, right)]],
            colWidths=[FRAME_WIDTH * 0.7, FRAME_WIDTH * 0.3],
            hAlign="LEFT",
        )
        line.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), FONT_NAME, 8),
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        line.spaceBefore, line.spaceAfter = self.s.caption.spaceBefore, 0
        return line

    def image(self, ref: ImageRef) -> Flowable:
        reader = ImageReader(io.BytesIO(ref.data))
        width, height = reader.getSize()
        scale = min(FRAME_WIDTH / width, ref.max_height_mm * mm / height)
        printed = for_print(ref.data, ref.media_type, width * scale, height * scale)
        picture = _Picture(io.BytesIO(printed.data), width=width * scale, height=height * scale)
        picture.hAlign = "CENTER"
        return KeepTogether(
            [
                Spacer(1, 4),
                picture,
                _p(ref.caption, self.derived("ic", self.s.note, alignment=TA_CENTER)),
            ]
        )

    def cover(self, cover: CoverSheet) -> list[Flowable]:
        rows = [[_p(k, self.s.label), _p(v, self.s.cell)] for k, v in cover.facts]
        facts = Table(rows, colWidths=[FRAME_WIDTH * 0.3, FRAME_WIDTH * 0.55], hAlign="CENTER")
        facts.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                    ("FONT", (0, 0), (-1, -1), FONT_NAME, 8.5),
                    ("BACKGROUND", (0, 0), (0, -1), LABEL_FILL),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        out: list[Flowable] = [Spacer(1, 30 * mm), _p(cover.title, self.s.cover_title), Spacer(1, 4 * mm)]
        if self.template.meta.unit:
            out.append(_p(self.template.meta.unit, self.s.cover_subtitle))
        out += [_p(cover.subtitle, self.s.cover_subtitle), Spacer(1, 14 * mm)]
        if cover.unit:
            unit = self.derived("cover_unit", self.s.note, alignment=TA_RIGHT)
            line = Table([[_p(cover.unit, unit)]], colWidths=[FRAME_WIDTH * 0.85], hAlign="CENTER")
            pads = [
                ("FONT", (0, 0), (-1, -1), FONT_NAME, 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
            line.setStyle(TableStyle(pads))
            out.append(line)
        out += [facts, Spacer(1, 10 * mm)]
        if cover.note:
            out.append(_p(cover.note, self.s.note))
        return out


class _Contents(Flowable):  # type: ignore[misc]
    """The table of contents laid out in the one pass with the entries the document will have, and
    drawn when the document is saved, with the page numbers that pass found.

    The entries' words and levels are known from the document before the layout; only their page
    numbers are not, and those are drawn beside the words (dot leaders), so they change no line of
    the layout. Contents too long for one page take reportlab's two passes (``render_pdf``); in those
    this flowable stands aside for the ``TableOfContents`` it holds.
    """

    def __init__(
        self,
        toc: TableOfContents,
        expected: list[tuple[int, str, int, None]],
        template: _Template,
        title: Flowable,
    ) -> None:
        super().__init__()
        self.toc = toc
        self.expected = expected
        self.template = template
        self.title = title
        self.avail = (FRAME_WIDTH, FRAME_HEIGHT)
        self._measured: tuple[float, tuple[float, float]] | None = None  # width → size, expected entries

    def isIndexing(self) -> int:  # reportlab's: multiBuild finds the contents by it
        return 1

    def notify(self, kind: str, stuff: Any) -> None:
        self.toc.notify(kind, stuff)

    def beforeBuild(self) -> None:
        self.toc.beforeBuild()

    def afterBuild(self) -> None:
        self.toc.afterBuild()

    def isSatisfied(self) -> int:
        return int(self.toc.isSatisfied())

    def fits_one_page(self) -> bool:
        """Whether the title and every expected entry fit one empty page (then one pass will do)."""
        scratch = Canvas(io.BytesIO())
        self.toc._lastEntries = self.expected
        self.toc.canv = scratch
        title = self.title.wrapOn(scratch, FRAME_WIDTH, FRAME_HEIGHT)[1] + self.title.getSpaceBefore()
        size = self.toc.wrap(FRAME_WIDTH, FRAME_HEIGHT)
        height = size[1]
        if title + height + self.title.getSpaceAfter() <= FRAME_HEIGHT:
            self._measured = (FRAME_WIDTH, size)
            return True
        self.expected = []  # reportlab's passes fill in the entries
        self.toc._lastEntries = []
        return False

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.avail = (availWidth, availHeight)
        if self.expected and self._measured is not None and self._measured[0] == availWidth:
            # Measured with these entries at this width already (``fits_one_page``): the size is
            # the same (a table's height does not depend on the room below it), and the contents
            # are laid out again when drawn (``draw``).
            self.width, self.height = self._measured[1]
            return self.width, self.height
        if self.expected:
            self.toc._lastEntries = self.expected
        self.toc.canv = self.canv
        self.width, self.height = self.toc.wrap(availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if self.expected:
            return []  # whole, on the next page
        self.toc.canv = self.canv
        return list(self.toc.split(availWidth, availHeight))

    def draw(self) -> None:
        if not self.expected:
            self.toc.drawOn(self.canv, 0, 0)
            return
        x, y = self.canv.absolutePosition(0, 0)
        width, height = self.avail

        def late(canv: Canvas) -> None:
            self.toc._lastEntries = self.template.contents_entries
            self.toc.canv = canv
            self.toc.wrap(width, height)
            self.toc.drawOn(canv, x, y)

        self.template.late.setdefault(self.template.page, []).append(late)


class Table(PlatypusTable):  # type: ignore[misc]
    """A table that takes its place in every layout pass but is drawn only in one that is kept:
    drawing its cells is a third of a dossier's layout time, and the first pass is thrown away."""

    def draw(self) -> None:
        template = getattr(self.canv, "_doctemplate", None)
        if isinstance(template, _Template) and template.draft_pass:
            template.skipped_images = True
            return
        super().draw()


class _Picture(Image):  # type: ignore[misc]
    """A photo that takes its place in every layout pass but is drawn only in one that is kept."""

    def draw(self) -> None:
        template = getattr(self.canv, "_doctemplate", None)
        if isinstance(template, _Template) and template.draft_pass:
            template.skipped_images = True
            return
        super().draw()


class _PageMark(Flowable):  # type: ignore[misc]
    """Takes no room; notes on which page a case's part starts, for the footer's fingerprint."""

    def __init__(self, template: _Template, fingerprint: str) -> None:
        super().__init__()
        self.template = template
        self.fingerprint = fingerprint
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.template.page_marks.setdefault(self.template.page, []).append(self.fingerprint)


class _SignatureFlowable(Flowable):  # type: ignore[misc]
    """Labelled empty boxes side by side; records where each landed for the signing step."""

    def __init__(self, block: SignatureBlock, template: _Template) -> None:
        super().__init__()
        self.block = block
        self.template = template
        self.rows = max(1, -(-len(block.slots) // SLOT_COLUMNS))
        self.box_width = (FRAME_WIDTH - SLOT_GAP * (SLOT_COLUMNS - 1)) / SLOT_COLUMNS
        self.height = 22 + self.rows * (SLOT_LABEL + SLOT_HEIGHT + SLOT_GAP) + (14 if block.note else 0)
        self.width = FRAME_WIDTH

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        top = self.height
        c.saveState()
        c.setFont(FONT_NAME, 11)
        c.setFillColor(ACCENT)
        c.drawString(0, top - 14, self.block.title)
        page = self.template.page - 1
        for index, slot in enumerate(self.block.slots):
            row, col = divmod(index, SLOT_COLUMNS)
            x = col * (self.box_width + SLOT_GAP)
            label_y = top - 22 - row * (SLOT_LABEL + SLOT_HEIGHT + SLOT_GAP) - 10
            box_y = label_y - 4 - SLOT_HEIGHT
            c.setFont(FONT_NAME, 8.5)
            c.setFillColor(MUTED)
            caption = f"{slot.role}　{slot.name}".strip() if slot.name else slot.role
            c.drawString(x, label_y, caption)
            c.setStrokeColor(RULE)
            c.setLineWidth(0.6)
            c.setDash([2, 2], 0)
            c.rect(x, box_y, self.box_width, SLOT_HEIGHT, stroke=1, fill=0)
            c.setDash([], 0)
            x1, y1 = c.absolutePosition(x, box_y)
            x2, y2 = c.absolutePosition(x + self.box_width, box_y + SLOT_HEIGHT)
            kind = slot.kind.value if slot.kind is not None else ""
            self.template.slots.append(
                SlotPosition(index, slot.role, slot.name, page, (x1, y1, x2, y2), kind)
            )
        if self.block.note:
            c.setFont(FONT_NAME, 7.5)
            c.setFillColor(MUTED)
            c.drawString(0, 2, self.block.note)
        c.restoreState()
