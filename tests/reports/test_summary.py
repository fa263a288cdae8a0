"""The decision summary right after the dossier's cover, and the currency unit on every money table."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from tests.reports import pdf_tools
from tests.reports.conftest import decision_a, decision_b, meta_for
from workbench.reports.content import build_dossier, build_minutes, build_survey_report
from workbench.reports.decision_summary import decision_summary
from workbench.reports.document import DataTable, KeyValues
from workbench.reports.render import render_pdf

if TYPE_CHECKING:
    from workbench.domain.calc import CaseResults
    from workbench.domain.case_file import CaseFile
    from workbench.reports.inputs import MinutesData

Case = tuple["CaseFile", "CaseResults"]

AMOUNT = re.compile(r"−?\d{1,3}(?:,\d{3})+\.\d{2}")  # an amount of a thousand or more, as printed


def test_case_b_summary_names_its_four_slack_months_and_the_alpha_verdict(case_b: Case) -> None:
    summary = decision_summary(*case_b, "zh")
    assert summary.shortfall_months == ("1月", "2月", "7月", "8月")
    assert "2,349.80" in summary.shortfall and "8,717.35" in summary.shortfall
    assert summary.alpha_passed
    assert summary.verdicts[0].label == "α 规则：通过"
    english = decision_summary(*case_b, "en")
    assert english.verdicts[0].label == "α rule: passed"
    assert english.shortfall_months == ("Jan", "Feb", "Jul", "Aug")


def test_soft_information_risks_are_the_factors_below_their_best_answer(case_a: Case) -> None:
    risks = decision_summary(*case_a, "zh").risks
    assert any("子女" in r and "年幼或上学" in r for r in risks)
    assert any("配偶" in r and "参与生意" in r for r in risks)
    assert not any("婚姻" in r for r in risks)  # 已婚 is the best answer
    english = decision_summary(*case_a, "en").risks
    assert not any(re.search(r"[\u4e00-\u9fff]", r) for r in english), english


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_summary_is_the_page_after_the_cover(case_b: Case, minutes: MinutesData, lang: str) -> None:
    case, results = case_b
    pdf = render_pdf(
        build_dossier(case, results, (), decision_b(case, results), lang, minutes=minutes),
        meta=meta_for(case),
        invariant=True,
    )
    page = pdf_tools.squeeze(pdf_tools.text(pdf, 2, 2))
    words = {
        "zh": (
            "决策摘要",
            "金额单位：元",
            "α规则：通过",
            "8,717.35",
            "15,374.00",
            "12",
            "年利率8.40%",
            "等额本息",
            "交叉检验",
            "1月、2月、7月、8月",
            "主要风险",
            "建议按申请批准100,000元",
        ),
        "en": (
            "Decisionsummary",
            "Amountsin",
            "αrule:passed",
            "8,717.35",
            "15,374.00",
            "8.40%",
            "Equityreconciliation",
            "Jan,Feb,Jul,Aug",
            "Recommendation",
        ),
    }[lang]
    for word in words:
        assert word in page, (word, page)
    cover = pdf_tools.squeeze(pdf_tools.text(pdf, 1, 1))
    assert ("期限" if lang == "zh" else "Term") in cover and "8,717.35" in cover


def test_every_table_with_amounts_says_its_unit(case_a: Case, case_b: Case, minutes: MinutesData) -> None:
    for case, results, decide in ((*case_a, decision_a), (*case_b, decision_b)):
        for lang in ("zh", "en"):
            docs = (
                build_survey_report(case, results, lang),
                build_dossier(case, results, (), decide(case, results), lang, minutes=minutes),
                build_minutes(minutes, lang),
            )
            for doc in docs:
                for _, block in doc.walk():
                    if isinstance(block, DataTable):
                        cells = [c for row in block.rows for c in row]
                    elif isinstance(block, KeyValues):
                        cells = [v for _, v in block.pairs]
                    else:
                        continue
                    if any(AMOUNT.fullmatch(c) for c in cells):
                        assert block.unit == ("金额单位：元" if lang == "zh" else "Amounts in CNY (yuan)"), (
                            cells
                        )


def test_an_instalment_above_the_alpha_ceiling_fails_the_alpha_rule(case_b: Case) -> None:
    import dataclasses
    from decimal import Decimal

    case, results = case_b
    tight = dataclasses.replace(results, sizing=dataclasses.replace(results.sizing, a_max=Decimal("8000.00")))
    summary = decision_summary(case, tight, "zh")
    assert not summary.alpha_passed
    assert summary.verdicts[0].label == "α 规则：不通过"
    assert "8,717.35 > α × 月均可支配资金 = 8,000.00" in summary.verdicts[0].value
