"""How the pages read: line breaks, column widths, headings kept with their text, long user texts."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest
from reportlab.pdfbase import pdfmetrics

from tests.reports import pdf_tools
from tests.reports.conftest import decision_a, decision_b, meta_for, with_borrower_name
from workbench.domain.parties import CreditRecord
from workbench.reports.content import build_dossier, build_minutes, build_survey_report
from workbench.reports.pdf_layout import fit_widths
from workbench.reports.pdf_text import split_lines, units
from workbench.reports.render import FONT_NAME, register_fonts, render_pdf

if TYPE_CHECKING:
    from workbench.domain.calc import CaseResults
    from workbench.domain.case_file import CaseFile
    from workbench.reports.document import ReportDoc
    from workbench.reports.inputs import MinutesData

Case = tuple["CaseFile", "CaseResults"]

# A printed figure: money, a percentage or a deviation, with a hyphen or a real minus.
FIGURE = re.compile(r"[−+-]?\d{1,3}(?:,\d{3})*\.\d{2}%?")


def lines(text: str, width: float, size: float = 8.5) -> list[str]:
    register_fonts()
    return [line for _, line in split_lines(text, [width], FONT_NAME, size)]


@pytest.mark.parametrize("width", [float(w) for w in range(62, 160, 3)])  # wider than "1,440,000.00；"
def test_a_line_breaks_between_chinese_characters_or_at_spaces_never_inside_a_figure(width: float) -> None:
    text = "收款金额合计为 86,400.00；渠道占比 70.00%，偏差 −3.11%，另有 1,440,000.00 元 Planned disbursement"
    broken = lines(text, width)
    assert "".join(broken).replace(" ", "") == text.replace(" ", "")  # nothing lost
    for figure in ("86,400.00", "70.00%", "−3.11%", "1,440,000.00", "Planned", "disbursement"):
        assert any(figure in line for line in broken), (figure, broken)
    assert not any(line[:1] in "，；。%" for line in broken)  # closing punctuation never starts a line


def test_a_piece_wider_than_the_line_is_cut_and_a_hyphenated_word_is_one_piece() -> None:
    pieces = units("back-calculation 2024-06-28 −7.00%")
    assert pieces == ["back-calculation", " ", "2024-06-28", " ", "−7.00%"]
    cut = lines("1234567890123456789012345678901234567890", 60)
    assert len(cut) > 1 and "".join(cut) == "1234567890123456789012345678901234567890"


def test_a_column_is_widened_to_its_widest_figure_and_the_others_give_way() -> None:
    register_fonts()
    need = pdfmetrics.stringWidth("1,234,567.89", FONT_NAME, 8.5) + 6
    widths = fit_widths(
        [3, 0.2, 1], ["名称", "金额", "说明"], [["甲"], ["1,234,567.89"], ["—"]], 400, FONT_NAME, 8.5, 6
    )
    assert widths[1] >= need and sum(widths) == pytest.approx(400)
    assert widths[0] > widths[2]  # the rest keep their proportions


def demo_docs(case_a: Case, case_b: Case, minutes: MinutesData) -> dict[str, tuple[ReportDoc, CaseFile]]:
    docs = {}
    for lang in ("zh", "en"):
        for name, (case, results), decide in (("a", case_a, decision_a), ("b", case_b, decision_b)):
            docs[f"survey-{name}-{lang}"] = (build_survey_report(case, results, lang), case)
            dossier = build_dossier(case, results, (), decide(case, results), lang, minutes=minutes)
            docs[f"dossier-{name}-{lang}"] = (dossier, case)
        docs[f"minutes-{lang}"] = (build_minutes(minutes, lang), case_a[0])
    return docs


@pytest.fixture(scope="module")
def rendered(case_a: Case, case_b: Case, minutes: MinutesData) -> dict[str, tuple[ReportDoc, bytes]]:
    return {
        key: (doc, render_pdf(doc, meta=meta_for(case), invariant=True))
        for key, (doc, case) in demo_docs(case_a, case_b, minutes).items()
    }


def test_every_figure_prints_whole_on_one_line(rendered: dict[str, tuple[ReportDoc, bytes]]) -> None:
    for key, (doc, pdf) in rendered.items():
        printed = pdf_tools.text(pdf)
        figures = set(FIGURE.findall(doc.text()))
        assert figures, key
        broken = sorted(f for f in figures if f not in printed)
        assert not broken, (key, broken)


def test_no_page_ends_with_a_heading(rendered: dict[str, tuple[ReportDoc, bytes]]) -> None:
    for key, (doc, pdf) in rendered.items():
        headings = {pdf_tools.squeeze(h) for h in doc.headings()}
        for page in range(1, pdf_tools.page_count(pdf) + 1):
            # Layout order: reading order may list a table's cells before the heading above them.
            printed = pdf_tools.text(pdf, page, page, layout=True)
            body = [line.strip() for line in printed.splitlines() if line.strip()]
            body = [line for line in body if not re.search(r"第 \d+ 页|Page \d+ of|案卷指纹|^case ", line)]
            assert body, (key, page, "an empty page")
            assert pdf_tools.squeeze(body[-1]) not in headings, (key, page, body[-1])


def test_every_character_printed_is_in_the_shipped_font(rendered: dict[str, tuple[ReportDoc, bytes]]) -> None:
    register_fonts()
    glyphs = pdfmetrics.getFont(FONT_NAME).face.charToGlyph
    lowered = set("₀₁₂₃₄₅₆₇₈₉")  # set as <sub> digits by the renderer
    for key, (doc, _) in rendered.items():
        missing = {
            ch for ch in doc.text() if ord(ch) not in glyphs and ch not in lowered and not ch.isspace()
        }
        assert not missing, (key, missing)


def in_order(needle: str, haystack: str) -> bool:
    """Every character of ``needle`` appears in ``haystack`` in the same order."""
    rest = iter(haystack)
    return all(ch in rest for ch in needle)


def without_page_furniture(flat: str, doc: ReportDoc) -> str:
    """Squeezed text without the header and footer lines a page break puts between the words."""
    for words in ("某某农商银行小微信贷中心", pdf_tools.squeeze(f"{doc.title}　{doc.reference}")):
        flat = flat.replace(words, "")
    return re.sub(r"案卷指纹\w+…(·版本\d+)?|第\d+页/共\d+页|case\w+…(·version\d+)?|Page\d+of\d+", "", flat)


NARRATIVE_ZH = "".join(
    f"第{n}段：客户自述开店经过，2019 年以 35,000.00 元起步，进货渠道与资金积累情况，邻居与供应商均予以证实。"
    for n in range(1, 61)
)
NARRATIVE_EN = " ".join(
    f"Part {n}: the owner opened the shop in 2019 with 35,000.00 of savings; suppliers and neighbours "
    "confirmed the turnover, the stock and the payment habits of the household."
    for n in range(1, 21)
)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_long_narrative_and_an_odd_name_wrap_and_split_across_pages_with_nothing_lost(
    case_a: Case, lang: str
) -> None:
    case, results = case_a
    odd = with_borrower_name(case, "A & B <Ltd>")
    assert odd.business is not None
    story = NARRATIVE_ZH if lang == "zh" else NARRATIVE_EN
    assert len(story) >= 3000
    odd = dataclasses.replace(odd, business=dataclasses.replace(odd.business, history=story))
    # a long remark inside a table cell, so a table row has to split across pages too
    remark = story[:1500] + " END-OF-REMARK"
    record = CreditRecord("县农商行", "经营贷", Decimal(50000), Decimal(0), overdue=remark)
    odd = dataclasses.replace(odd, borrower=dataclasses.replace(odd.borrower, credit_history=(record,)))
    for doc in (build_survey_report(odd, results, lang), build_dossier(odd, results, (), lang=lang)):
        pdf = render_pdf(doc, meta=meta_for(odd), invariant=True)
        text = pdf_tools.text(pdf)
        assert "A & B <Ltd>" in text
        flat = without_page_furniture(pdf_tools.squeeze(text), doc)
        assert pdf_tools.squeeze(story) in flat  # the whole narrative, in order
        # the whole cell, in order, across the page break (the repeated header row reads in between)
        assert in_order(pdf_tools.squeeze(remark), flat)
        if lang == "en":
            words = set(text.split())
            assert all(word in words for word in story.split()), "an English word was broken"


def test_a_dossier_with_contents_and_kept_starts_is_byte_identical_in_invariant_mode(
    rendered: dict[str, tuple[ReportDoc, bytes]], case_b: Case
) -> None:
    doc, pdf = rendered["dossier-b-zh"]
    assert render_pdf(doc, meta=meta_for(case_b[0]), invariant=True) == pdf
