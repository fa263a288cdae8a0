"""Where the words landed on each page, from poppler's ``pdftotext -bbox-layout`` (pagination tests)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from tests.reports import pdf_tools

PAGE_HEIGHT = A4[1]
FRAME_TOP = 22 * mm  # render.MARGIN_TOP, from the top of the page
FRAME_BOTTOM = PAGE_HEIGHT - 18 * mm  # render.MARGIN_BOTTOM
_SUBSCRIPTS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True, slots=True)
class Page:
    number: int  # 1-based
    words: tuple[Word, ...]  # inside the body frame (no header, no footer), top to bottom, left to right

    @property
    def fill(self) -> float:
        """How much of the body frame is used, 0–1 (the lowest word's bottom)."""
        if not self.words:
            return 0.0
        return (max(w.y1 for w in self.words) - FRAME_TOP) / (FRAME_BOTTOM - FRAME_TOP)

    def lines(self) -> list[str]:
        """The words grouped into lines (same baseline), each line's words joined without spaces."""
        out: list[tuple[float, list[Word]]] = []
        for word in self.words:
            if out and abs(out[-1][0] - word.y1) < 1.0:
                out[-1][1].append(word)
            else:
                out.append((word.y1, [word]))
        return ["".join(w.text for w in sorted(ws, key=lambda w: w.x0)) for _, ws in out]


def pages(pdf: bytes) -> list[Page]:
    """Every page's words in the body frame."""
    raw = pdf_tools._run("pdftotext", pdf, "-bbox-layout", "-enc", "UTF-8")
    raw = raw[raw.index("<html") :]
    raw = re.sub(r"<!DOCTYPE[^>]*>", "", raw)
    root = ET.fromstring(raw)
    out = []
    for number, page in enumerate(root.iter("{http://www.w3.org/1999/xhtml}page"), start=1):
        words = []
        for w in page.iter("{http://www.w3.org/1999/xhtml}word"):
            word = Word(
                w.text or "",
                float(w.get("xMin", 0)),
                float(w.get("yMin", 0)),
                float(w.get("xMax", 0)),
                float(w.get("yMax", 0)),
            )
            if word.y0 > FRAME_TOP - 2 and word.y1 < FRAME_BOTTOM + 2:
                words.append(word)
        words.sort(key=lambda w: (round(w.y1), w.x0))
        out.append(Page(number, tuple(words)))
    return out


def squeeze(text: str) -> str:
    return pdf_tools.squeeze(text).translate(_SUBSCRIPTS)


def cell_pages(text: str, layout: list[Page]) -> list[int]:
    """The pages on which ``text`` (a table cell) stands whole: read from its first word on, along its
    line and then down its column (each next line under the last, overlapping it sideways)."""
    want = squeeze(text)
    found = []
    for page in layout:
        if any(_reads_from(start, want, page.words) for start in page.words if want.startswith(start.text)):
            found.append(page.number)
    return found


def _reads_from(start: Word, want: str, words: tuple[Word, ...]) -> bool:
    rest = want[len(start.text) :]
    left, right = start.x0, start.x1
    last = start
    while rest:
        same_line = [
            w
            for w in words
            if abs(w.y1 - last.y1) < 1.0 and 0 <= w.x0 - last.x1 < 12 and rest.startswith(w.text) and w.text
        ]
        if same_line:
            last = min(same_line, key=lambda w: w.x0)
            right = max(right, last.x1)
        else:
            below = [
                w
                for w in words
                if 2 < w.y1 - last.y1 < 22
                and w.text
                and rest.startswith(w.text)
                and w.x0 < right + 2
                and w.x1 > left - 2
            ]
            if not below:
                return False
            last = min(below, key=lambda w: (w.y1, abs(w.x0 - left)))
            left, right = min(left, last.x0), max(right, last.x1)
        rest = rest[len(last.text) :]
    return True
