"""English reports: fixed vocabularies translated, words whole, no broken plurals, one term per concept."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from tests.reports import page_layout, pdf_tools
from tests.reports.conftest import decision_a, decision_b, meta_for
from workbench.reports.content import build_dossier
from workbench.reports.document import DataTable
from workbench.reports.render import render_pdf
from workbench.reports.texts import vocabulary

if TYPE_CHECKING:
    from workbench.domain.calc import CaseResults
    from workbench.domain.case_file import CaseFile
    from workbench.reports.document import ReportDoc
    from workbench.reports.inputs import MinutesData

Case = tuple["CaseFile", "CaseResults"]


@pytest.fixture(scope="module")
def english(case_a: Case, case_b: Case, minutes: MinutesData) -> dict[str, tuple[ReportDoc, bytes]]:
    out = {}
    for name, (case, results), decide in (("a", case_a, decision_a), ("b", case_b, decision_b)):
        doc = build_dossier(case, results, (), decide(case, results), "en", minutes=minutes)
        out[name] = (doc, render_pdf(doc, meta=meta_for(case), invariant=True))
    return out


def test_products_guarantees_and_soft_answers_are_in_english(
    english: dict[str, tuple[ReportDoc, bytes]],
) -> None:
    a = pdf_tools.squeeze(pdf_tools.text(english["a"][1]))
    b = pdf_tools.squeeze(pdf_tools.text(english["b"][1]))
    for words in (
        "Microloan·business",
        "unsecured+spouseasco-borrower",
        "youngoratschool",
        "worksinthebusiness",
    ):
        assert words in a, words
    assert "spouseasco-borrower;optionalequipmentmortgage" in b
    for chinese in ("微贷·经营类", "年幼或上学", "良好或无记录", "5年以上"):  # (the notes are typed text)
        assert chinese not in a + b, chinese


def test_typed_text_that_is_not_the_vocabulary_stays_as_typed() -> None:
    assert vocabulary("信用 + 配偶共同借款", "en") == "unsecured + spouse as co-borrower"
    assert vocabulary("信用 + 朋友担保", "en") == "信用 + 朋友担保"  # one piece unknown: as typed
    assert vocabulary("信用 + 配偶共同借款", "zh") == "信用 + 配偶共同借款"


def test_no_heading_or_label_is_broken_inside_a_word(english: dict[str, tuple[ReportDoc, bytes]]) -> None:
    for name, (doc, pdf) in english.items():
        printed = {w.text for page in page_layout.pages(pdf) for w in page.words}
        for _, block in doc.walk():
            if isinstance(block, DataTable):
                for column in block.columns:
                    for word in column.title.split():
                        assert word in printed, (name, column.title, word)


def test_counts_read_without_a_broken_plural_and_one_term_names_the_equity_reconciliation(
    english: dict[str, tuple[ReportDoc, bytes]],
) -> None:
    for name, (_doc, pdf) in english.items():
        text = pdf_tools.text(pdf)
        assert not re.search(r"\b1 (cross-checks|months|votes|cases|saves|changes)\b", text), name
        assert "Equity check" not in text and "equity check" not in text, name
        assert "Equity deviation" not in text, name
        assert "Equity reconciliation" in text, name
