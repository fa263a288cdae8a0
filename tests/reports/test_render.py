"""The rendered PDFs, read back with poppler: text, page numbers, fonts, metadata, determinism."""

from __future__ import annotations

import dataclasses
import io
import re
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest

from tests.reports import pdf_tools
from tests.reports.conftest import meta_for, with_borrower_name
from tests.reports.test_content import SURVEY_HEADINGS_EN, SURVEY_HEADINGS_ZH
from workbench.domain.balance_sheet import StockItem
from workbench.reports.canonical import canonical_case_sha256
from workbench.reports.content import build_dossier, build_minutes, build_survey_report
from workbench.reports.inputs import AttachmentImage
from workbench.reports.render import render_pdf

if TYPE_CHECKING:
    from workbench.domain.calc import CaseResults
    from workbench.domain.case_file import CaseFile
    from workbench.reports.inputs import MinutesData

Case = tuple["CaseFile", "CaseResults"]


@pytest.mark.parametrize(
    ("name", "figures"),
    [
        ("a", ("722,780.00", "−3.11%", "45,000.00", "79.22%", "3,897.85", "+1.25%")),
        ("b", ("−7.98%", "−1.16%", "100,000.00", "56.70%", "960,995.60", "8,717.35")),
    ],
)
def test_survey_pdf_has_every_heading_and_the_key_figures(
    survey_pdfs: dict[str, bytes], name: str, figures: tuple[str, ...]
) -> None:
    text = pdf_tools.text(survey_pdfs[name])
    for heading in SURVEY_HEADINGS_ZH:
        assert heading in text, heading
    for figure in figures:
        assert figure in text, figure
    assert "交叉检验与权益检验偏差" in text  # chart titles are real text (vector charts)
    assert "某某农商银行 小微信贷中心" in text  # the page header


@pytest.mark.parametrize("name", ["a", "b"])
def test_dossier_pdf_has_the_survey_the_appendices_and_the_decision(
    dossier_pdfs: dict[str, bytes], name: str
) -> None:
    text = pdf_tools.text(dossier_pdfs[name])
    for heading in (*SURVEY_HEADINGS_ZH, "目录", "附录 A", "审贷会决议", "审贷会纪要", "签字页", "贷款档案"):
        assert heading in text, heading
    key = {"a": ("45,000.00", "调整方案后批准", "−3.11%"), "b": ("100,000.00", "受托支付", "−7.98%")}[name]
    for figure in key:
        assert figure in text, figure


def test_the_contents_give_the_pages_the_headings_are_on(dossier_pdfs: dict[str, bytes]) -> None:
    pdf = dossier_pdfs["b"]
    contents = pdf_tools.text(pdf, 3, 3)  # after the cover and the decision summary
    for heading in ("十、交叉检验", "附录D还款计划表", "签字页"):
        line = next(line for line in contents.splitlines() if heading in pdf_tools.squeeze(line))
        page = int(re.findall(r"(\d+)\s*$", line)[0])
        assert heading in pdf_tools.squeeze(pdf_tools.text(pdf, page, page)), heading
        if page > 4:
            assert heading not in pdf_tools.squeeze(pdf_tools.text(pdf, page - 1, page - 1)), heading


@pytest.mark.parametrize("which", ["survey-a", "dossier-b"])
def test_footer_counts_the_real_pages(
    survey_pdfs: dict[str, bytes], dossier_pdfs: dict[str, bytes], which: str
) -> None:
    pdf = survey_pdfs["a"] if which == "survey-a" else dossier_pdfs["b"]
    pages = pdf_tools.page_count(pdf)
    assert pages > 5
    assert f"第 1 页 / 共 {pages} 页" in pdf_tools.text(pdf, 1, 1)
    assert f"第 {pages} 页 / 共 {pages} 页" in pdf_tools.text(pdf, pages, pages)


def test_every_font_is_embedded(survey_pdfs: dict[str, bytes], dossier_pdfs: dict[str, bytes]) -> None:
    for pdf in (survey_pdfs["a"], dossier_pdfs["b"]):
        rows = pdf_tools.fonts(pdf)
        assert rows
        for row in rows:
            assert "WenQuanYiMicroHei" in row[0] and row[-5] == "yes", row  # emb column


def test_metadata_carries_the_case_fingerprint_and_version(
    case_a: Case, survey_pdfs: dict[str, bytes]
) -> None:
    case, _ = case_a
    info = pdf_tools.info(survey_pdfs["a"])
    sha = canonical_case_sha256(case)
    assert f"WorkbenchCaseSHA256:{sha}" in info.replace(" ", "")
    assert re.search(r"WorkbenchCaseVersion:\s*3", info)
    assert "Title:           贷款调查报告" in info and "Author:          刘敏" in info
    assert f"sha256:{sha}" in info  # also in the keywords, where every viewer shows it
    edited = dataclasses.replace(case, request=dataclasses.replace(case.request, amount=Decimal(59000)))
    assert canonical_case_sha256(edited) != sha


def test_the_fingerprint_is_the_stores_content_hash(case_b: Case) -> None:
    from workbench.store.changes import content_sha256

    assert canonical_case_sha256(case_b[0]) == content_sha256(case_b[0])


def test_the_fingerprint_kept_for_the_last_case_is_that_cases(case_a: Case, case_b: Case) -> None:
    first = canonical_case_sha256(case_a[0])
    other = canonical_case_sha256(case_b[0])
    assert other != first
    assert canonical_case_sha256(case_a[0]) == first
    assert canonical_case_sha256(dataclasses.replace(case_a[0])) == first  # an equal copy
    assert canonical_case_sha256(case_b[0]) == other


def test_invariant_mode_is_byte_identical(case_b: Case, survey_pdfs: dict[str, bytes]) -> None:
    case, results = case_b
    again = render_pdf(build_survey_report(case, results), meta=meta_for(case, 3), invariant=True)
    assert again == survey_pdfs["b"]


def test_user_text_prints_as_typed_and_long_text_wraps_across_pages(case_a: Case) -> None:
    case, results = case_a
    odd = with_borrower_name(case, "A & B <Ltd>")
    story = "".join(
        f"第{n}段：客户自述开店经过，进货渠道与资金积累情况，邻居与供应商均予以证实。" for n in range(1, 260)
    )
    story += "叙述到此结束 END-OF-NARRATIVE"
    assert odd.business is not None
    odd = dataclasses.replace(odd, business=dataclasses.replace(odd.business, history=story))
    pdf = render_pdf(build_survey_report(odd, results), meta=meta_for(odd), invariant=True)
    text = pdf_tools.text(pdf)
    assert "A & B <Ltd>" in text
    flat = pdf_tools.squeeze(text)
    assert "叙述到此结束END-OF-NARRATIVE" in flat
    assert all(f"第{n}段：" in flat for n in (1, 130, 259))
    assert pdf_tools.page_count(pdf) > 12  # the story took more than a page


def test_long_tables_split_with_the_header_repeated(case_a: Case) -> None:
    case, results = case_a
    stock = tuple(StockItem(f"商品{n:03d}", Decimal(1), Decimal(100)) for n in range(1, 121))
    big = dataclasses.replace(case, balance_sheet=dataclasses.replace(case.balance_sheet, stock=stock))
    pdf = render_pdf(build_survey_report(big, results), meta=meta_for(big), invariant=True)
    pages = [pdf_tools.text(pdf, n, n) for n in range(1, pdf_tools.page_count(pdf) + 1)]
    holding = [p for p in pages if "商品" in p and "单位成本" in p]
    assert len(holding) >= 2  # the table spans pages, each with its header
    flat = pdf_tools.squeeze("".join(pages))
    assert "商品001" in flat and "商品120" in flat


def test_english_report_and_photo_appendix(case_b: Case) -> None:
    from matplotlib.figure import Figure

    case, results = case_b
    photos = []
    for n, colour in enumerate(("#56B4E9", "#E69F00"), start=1):
        fig = Figure(figsize=(4, 3), dpi=50)
        fig.patch.set_facecolor(colour)
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
        photos.append(AttachmentImage(f"p{n}.png", "image/png", buf.getvalue(), f"Workshop {n}"))
    pdf = render_pdf(build_dossier(case, results, photos, lang="en"), meta=meta_for(case))
    text = pdf_tools.text(pdf)
    for heading in SURVEY_HEADINGS_EN:
        assert heading in text, heading
    assert "Photo 1: Workshop 1" in text and "Photo 2: Workshop 2" in text
    pages = pdf_tools.page_count(pdf)
    assert f"Page {pages} of {pages}" in pdf_tools.text(pdf, pages, pages)


def test_minutes_pdf(minutes: MinutesData) -> None:
    pdf = render_pdf(build_minutes(minutes), meta=meta_for_minutes(), invariant=True)
    text = pdf_tools.text(pdf)
    for words in (
        "审贷会纪要",
        "SDH-2024-027",
        "调整方案后批准",
        "按原方案批准",
        "审贷会成员签名",
        "受托支付",
    ):
        assert words in text, words


def meta_for_minutes() -> object:
    from workbench.reports.render import PdfMeta

    return PdfMeta(unit="某某农商银行 小微信贷中心", author="李娜")


@pytest.mark.parametrize("parts", [3, 70])
def test_contents_of_one_page_or_of_several_give_the_pages_the_headings_are_on(parts: int) -> None:
    """Contents that fit a page are laid out in one pass and drawn when the file is saved; longer
    ones take reportlab's passes: both number every part right."""
    from workbench.reports.document import Contents, Para, ReportDoc, ReportKind, Section
    from workbench.reports.render import PdfMeta

    words = (Para("Words of this part. " * 40),)
    sections = tuple(Section(f"Part {n}", words, new_page=n % 2 == 0) for n in range(1, parts + 1))
    doc = ReportDoc(ReportKind.DOSSIER, "Dossier", "en", "REF-1", (Contents("Contents"), *sections))
    pdf = render_pdf(doc, meta=PdfMeta())
    leaders = r"^(Part \d+) \.[ .]*?(\d+)$"  # "Part 7 . . . . 5"
    listed = dict(re.findall(leaders, pdf_tools.text(pdf, layout=True), flags=re.MULTILINE))
    assert len(listed) == parts
    for part in ("Part 1", f"Part {parts // 2 + 1}", f"Part {parts}"):
        page = int(listed[part])
        assert re.search(rf"^{part}$", pdf_tools.text(pdf, page, page), flags=re.MULTILINE), part


def test_reportlabs_url_pattern_left_for_later_still_matches() -> None:
    """``workbench.reports`` imports reportlab's paragraph module with its costly URL pattern
    compiled on first use; the pattern works as compiled, and ``re.compile`` is itself again."""
    import re as regex

    from reportlab.platypus import paragraph

    assert paragraph.uri_pat.match("https://bank.example.com/loans?id=7")
    assert paragraph.uri_pat.match("not a url") is None
    assert regex.compile("a").match("a")
    assert regex.compile.__module__ == "re"
