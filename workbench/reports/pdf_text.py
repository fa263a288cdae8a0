"""Line breaking for mixed Chinese and Latin text: between Chinese characters, at spaces, never inside a
number or a word unless it is wider than the whole line.

reportlab's CJK wrapping cuts "like a knife": it looks back for a space only half a line, so a cell
breaks ``86,40|0.00`` or ``disburseme|nt``. ``WrappingParagraph`` keeps reportlab's layout and
drawing and replaces only the choice of break points for plain text (one font, line breaks allowed);
anything with markup goes to reportlab's own splitter.

Break rules: a Chinese character is a unit; a run of other non-space characters is a unit (a number,
a word, ``3,950.00%``, ``back-calculation``: no break at a hyphen, which text extraction would take
for a soft hyphen and drop); closing punctuation (``，。）%``) sticks to what precedes it and opening
punctuation (``（“``) to what follows (the basic kinsoku rules).
"""

from __future__ import annotations

import functools
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import _handleBulletWidth, cleanBlockQuotedText, textTransformFrags

_FUZZ = 1e-6
CANNOT_START = frozenset("!),.:;?]}%‰、。，．：；？！）」』】〕〉》”’・…—–％")
CANNOT_END = frozenset("([{（「『【〔〈《“‘")


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (
        0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFE30 <= o <= 0xFE4F or 0xFF00 <= o <= 0xFFEF
    ) or o >= 0x20000


def units(text: str) -> list[str]:
    """The unbreakable pieces of ``text`` in order; a piece of spaces stands for a break opportunity."""
    return list(_units(text))


# A cell's text is cut into pieces once to size its column (``widest_unit``) and again to break it
# into lines at that width: the pieces are kept.
@functools.lru_cache(maxsize=16384)
def _units(text: str) -> tuple[str, ...]:
    out: list[str] = []
    glue_next = False
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace() and ch != "\u3000":
            j = i
            while j < n and text[j].isspace() and text[j] != "\u3000":
                j += 1
            out.append(text[i:j])
            glue_next = False
            i = j
            continue
        if _is_cjk(ch):
            piece, i = ch, i + 1
        else:
            j = i + 1
            while j < n and not (text[j].isspace() or _is_cjk(text[j])):
                j += 1
            piece, i = text[i:j], j
        if out and not out[-1].isspace() and (glue_next or piece[0] in CANNOT_START):
            out[-1] += piece
        else:
            out.append(piece)
        glue_next = piece[-1] in CANNOT_END
    return tuple(out)


@functools.lru_cache(maxsize=65536)
def _width(text: str, font: str, size: float) -> float:
    return float(stringWidth(text, font, size))


def widest_unit(text: str, font: str, size: float) -> float:
    """The width of the widest piece that must not be broken: the narrowest a column may be."""
    return max((_width(u, font, size) for u in _units(text) if not u.isspace()), default=0.0)


def split_lines(text: str, max_widths: list[float], font: str, size: float) -> list[tuple[float, str]]:
    """``(unused width, line text)`` for each line of ``text`` (no newlines) set in ``font`` at ``size``."""
    return list(_split_lines(text, tuple(max_widths), font, size))


# A table's cells are wrapped again and again at the same widths (each layout pass, each try at a
# page end, each repeat of the column measure): the answer is kept, not worked out anew.
@functools.lru_cache(maxsize=16384)
def _split_lines(
    text: str, max_widths: tuple[float, ...], font: str, size: float
) -> tuple[tuple[float, str], ...]:
    lines: list[tuple[float, str]] = []

    def limit() -> float:
        return max_widths[min(len(lines), len(max_widths) - 1)]

    line, used, space = "", 0.0, ""
    for unit in _units(text):
        if unit.isspace():
            space = " " if line else ""
            continue
        w = _width(unit, font, size)
        gap = _width(space, font, size) if space else 0.0
        if line and used + gap + w <= limit() + _FUZZ:
            line, used, space = line + space + unit, used + gap + w, ""
            continue
        if line:
            lines.append((limit() - used, line))
            line, used = "", 0.0
        space = ""
        while w > limit() + _FUZZ:  # wider than a whole line: cut it where it must be cut
            head = _longest_fit(unit, limit(), font, size)
            lines.append((limit() - _width(head, font, size), head))
            unit = unit[len(head) :]
            w = _width(unit, font, size)
        line, used = unit, w
    if line or not lines:
        lines.append((limit() - used, line))
    return tuple(lines)


def _longest_fit(unit: str, width: float, font: str, size: float) -> str:
    cut = 1
    while cut < len(unit) and _width(unit[: cut + 1], font, size) <= width + _FUZZ:
        cut += 1
    return unit[:cut]


def _rejoin(lines: list[str]) -> str:
    """Lines back into one text: a space between two Latin pieces, none between Chinese characters."""
    out = ""
    for line in lines:
        if out and line and not (_is_cjk(out[-1]) or _is_cjk(line[0])):
            out += " "
        out += line
    return out


def _look(frag: Any) -> tuple[Any, ...]:
    """What must be equal for fragments to be set as one run of text."""
    return (frag.fontName, frag.fontSize, frag.textColor, getattr(frag, "rise", 0))


# Table cells repeat their texts (``—``, ``0.00``, the same names row after row).
_clean = functools.lru_cache(maxsize=16384)(cleanBlockQuotedText)
_FIRST_FRAGS: dict[int, tuple[Any, Any]] = {}  # id(style) → (style, the fragment it starts with)


class WrappingParagraph(Paragraph):  # type: ignore[misc]
    """A ``Paragraph`` whose plain text breaks by ``split_lines`` (style ``wordWrap="CJK"``)."""

    @classmethod
    def plain(cls, text: str, markup: str, style: Any, **kwargs: Any) -> WrappingParagraph:
        """A paragraph of one run of plain ``text`` (``markup`` is the same text escaped): the one
        fragment reportlab's parser would make of it, without running the parser (a dossier has
        ~2 000 table cells, and parsing them is a sixth of its layout time)."""
        words = _clean(text)
        if not words or "\n" in text:
            return cls(markup, style, **kwargs)
        known = _FIRST_FRAGS.get(id(style))
        if known is None or known[0] is not style:
            known = _FIRST_FRAGS[id(style)] = (style, Paragraph("x", style).frags[0])
        frags = [known[1].clone(text=words)]
        textTransformFrags(frags, style)
        return cls(markup, style, frags=frags, **kwargs)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # A table cell is wrapped at its column's width when the table is measured, again at each
        # try at a page end and once more when it is drawn: asked again at the width of its last
        # plain wrap, with its lines still there (a split may drop them), the paragraph is as that
        # wrap left it (same lines, ``blPara``, widths).
        kept = self.__dict__.pop("_wb_wrapped", None)
        if kept is not None and kept[0] == availWidth and self.__dict__.get("blPara") is kept[2]:
            self._wb_wrapped = kept
            self.width, self.height = availWidth, kept[1]
            return availWidth, kept[1]
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        lines = self.__dict__.get("_wb_lines")
        if lines is not None and self.__dict__.get("blPara") is lines[1]:
            self._wb_wrapped = (availWidth, size[1], lines[1])
        return size

    def breakLinesCJK(self, maxWidths: Any) -> Any:
        # A table measures a cell several times at one width (each layout try at a page end): the
        # lines found for that width are kept (``frags`` never change after the paragraph is made).
        widths = list(maxWidths) if isinstance(maxWidths, list | tuple) else [maxWidths]
        key = tuple(widths)
        kept = getattr(self, "_wb_lines", None)
        if kept is not None and kept[0] == key:
            self.height = 0
            return kept[1]
        frags = self.frags
        if not frags or getattr(self, "_splitpara", False) or self.style.endDots:
            return super().breakLinesCJK(maxWidths)  # no text, a continued part, or dot leaders
        look = _look(frags[0])
        plain = all(not hasattr(f, "cbDefn") and _look(f) == look for f in frags)
        if not plain:
            return super().breakLinesCJK(maxWidths)
        self.height = 0
        self._wb_lines = (key, self._break_plain(frags, widths))
        return self._wb_lines[1]

    def _break_plain(self, frags: Any, widths: list[float]) -> Any:
        _handleBulletWidth(self.bulletText, self.style, widths)
        first = frags[0]
        segments: list[list[str]] = [[]]
        for f in frags:
            if hasattr(f, "lineBreak"):
                segments.append([])
            elif hasattr(f, "text"):
                segments[-1].append(f.text)
            else:  # the rest of a paragraph split across pages: its lines as words
                segments[-1].append(_rejoin(getattr(f, "words", [])))
        lines: list[tuple[float, list[str]]] = []
        for segment in segments:
            rest = widths[len(lines) :] or widths[-1:]
            lines += [
                (sp, [t]) for sp, t in split_lines("".join(segment), rest, first.fontName, first.fontSize)
            ]
        return first.clone(kind=0, lines=lines, ascent=first.fontSize, descent=-0.2 * first.fontSize)
