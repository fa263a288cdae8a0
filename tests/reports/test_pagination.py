"""The pagination rules (``reports.pdf_layout``) on every page of demo cases A and B, survey report,
dossier and minutes, Chinese and English, checked from where poppler finds the words on each page."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from tests.reports import page_layout
from tests.reports.conftest import decision_a, decision_b, meta_for
from workbench.reports.content import build_dossier, build_minutes, build_survey_report
from workbench.reports.document import Contents, DataTable, KeyValues, PageBreak, Para, Section
from workbench.reports.pdf_layout import MIN_FILL
from workbench.reports.render import render_pdf

if TYPE_CHECKING:
    from workbench.domain.calc import CaseResults
    from workbench.domain.case_file import CaseFile
    from workbench.reports.document import ReportDoc
    from workbench.reports.inputs import MinutesData

Case = tuple["CaseFile", "CaseResults"]
# The words end above the bottom of what the renderer placed: a table's last padding and rule, and
# the space after it, carry no words.
SLACK = 18 / (page_layout.FRAME_BOTTOM - page_layout.FRAME_TOP)
Rendered = dict[str, tuple["ReportDoc", list[page_layout.Page]]]


@pytest.fixture(scope="module")
def laid_out(case_a: Case, case_b: Case, minutes: MinutesData) -> Rendered:
    out: Rendered = {}
    for lang in ("zh", "en"):
        docs: dict[str, tuple[ReportDoc, CaseFile]] = {}
        for name, (case, results), decide in (("a", case_a, decision_a), ("b", case_b, decision_b)):
            docs[f"survey-{name}-{lang}"] = (build_survey_report(case, results, lang), case)
            dossier = build_dossier(case, results, (), decide(case, results), lang, minutes=minutes)
            docs[f"dossier-{name}-{lang}"] = (dossier, case)
        docs[f"minutes-{lang}"] = (build_minutes(minutes, lang), case_a[0])
        for key, (doc, case) in docs.items():
            pdf = render_pdf(doc, meta=meta_for(case), invariant=True)
            out[key] = (doc, page_layout.pages(pdf))
    return out


def _cells(doc: ReportDoc) -> list[tuple[str, tuple[str, ...]]]:
    """Every row of every table (header rows too), with a name for the failure message."""
    rows: list[tuple[str, tuple[str, ...]]] = []
    for _, block in doc.walk():
        if isinstance(block, DataTable):
            rows.append(("header", tuple(c.title for c in block.columns)))
            rows += [(block.caption or "table", row) for row in block.rows]
        elif isinstance(block, KeyValues):
            rows += [("key-values", pair) for pair in block.pairs]
    return rows


def test_a_table_row_never_splits_across_pages(laid_out: Rendered) -> None:
    for key, (doc, layout) in laid_out.items():
        for name, row in _cells(doc):
            for cell in row:
                if page_layout.squeeze(cell):
                    assert page_layout.cell_pages(cell, layout), (key, name, cell, "split or missing")


def _part_starts(doc: ReportDoc) -> set[str]:
    """Headings that open a new page by design (a part of the dossier, its summary, the contents)."""
    starts: set[str] = set()
    after_break = False
    for block in doc.blocks:
        if isinstance(block, Section) and (block.new_page or after_break):
            starts.add(page_layout.squeeze(block.heading))
        if isinstance(block, Contents) and after_break:
            starts.add(page_layout.squeeze(block.title))
        after_break = isinstance(block, PageBreak)
    return starts


def test_no_page_is_under_a_third_full_unless_it_ends_a_part(laid_out: Rendered) -> None:
    for key, (doc, layout) in laid_out.items():
        starts = _part_starts(doc)
        for page, following in itertools.pairwise(layout):
            first = following.lines()[0] if following.words else ""
            if any(first.startswith(start) for start in starts):
                continue  # the page ends a part (the cover, the summary, the contents, a part)
            assert page.fill + SLACK >= MIN_FILL, (key, page.number, round(page.fill, 2), first)


def test_a_heading_keeps_with_what_follows(laid_out: Rendered) -> None:
    for key, (doc, layout) in laid_out.items():
        headings = {page_layout.squeeze(h) for h in doc.headings()}
        for page in layout:
            lines = page.lines()
            assert lines, (key, page.number, "an empty page")
            assert lines[-1] not in headings, (key, page.number, lines[-1])


def test_a_case_of_the_minutes_stands_on_one_page_with_its_heading(laid_out: Rendered) -> None:
    for lang in ("zh", "en"):
        doc, layout = laid_out[f"minutes-{lang}"]
        minutes_section = doc.blocks[0]
        assert isinstance(minutes_section, Section)
        for case in minutes_section.blocks[1:]:
            assert isinstance(case, Section)
            heading = page_layout.squeeze(case.heading)
            pages = [p.number for p in layout if any(line.startswith(heading) for line in p.lines())]
            assert len(pages) == 1, (lang, case.heading, pages)
            # the last words of the case (its fingerprint note) are on the heading's page
            sha = next(b.text for b in case.blocks[::-1] if isinstance(b, Para) and "SHA-256" in b.text)
            assert sha[-16:] in "".join(layout[pages[0] - 1].lines()), (lang, case.heading)


def test_a_part_never_ends_with_a_lone_line_on_a_page_of_its_own(laid_out: Rendered) -> None:
    for key, (doc, layout) in laid_out.items():
        starts = _part_starts(doc)
        for page, following in itertools.pairwise(layout):
            first = following.lines()[0] if following.words else ""
            if any(first.startswith(start) for start in starts):
                assert len(page.lines()) > 1, (key, page.number, page.lines())


def test_a_table_continues_only_at_a_page_break_with_its_header_first_on_the_new_page(
    laid_out: Rendered,
) -> None:
    checked = 0
    for key, (doc, layout) in laid_out.items():
        for _, block in doc.walk():
            if not isinstance(block, DataTable) or len(block.rows) < 2:
                continue
            first = page_layout.cell_pages(" ".join(block.rows[0]), layout) or page_layout.cell_pages(
                block.rows[0][0], layout
            )
            last = page_layout.cell_pages(block.rows[-1][0], layout)
            if len(first) != 1 or len(last) != 1 or first == last:
                continue  # on one page, or rows not told apart by their first cell
            head = page_layout.squeeze(block.columns[0].title)
            for number in range(first[0] + 1, last[0] + 1):
                assert layout[number - 1].lines()[0].startswith(head), (key, block.caption, number)
                checked += 1
    assert checked  # the cross-check matrices and schedules of A and B do go on over pages
