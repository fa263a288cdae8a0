"""The pure builders: sections, formatted figures, languages, minutes from made-up sessions."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest

from tests.reports.conftest import decision_a, with_borrower_name
from workbench.domain.committee import Outcome, Vote
from workbench.reports.content import build_dossier, build_minutes, build_survey_report, draft_decision
from workbench.reports.content_common import section_number
from workbench.reports.document import (
    ChartRef,
    Contents,
    DataTable,
    ImageRef,
    ReportKind,
    Section,
    SignatureBlock,
)
from workbench.reports.formatting import deviation, money, number, pct
from workbench.reports.inputs import APPROVALS, AttachmentImage
from workbench.reports.texts import label
from workbench.texts import gettext
from workbench.texts.labels import OUTCOME_LABELS, VOTE_LABELS

if TYPE_CHECKING:
    from workbench.domain.calc import CaseResults
    from workbench.domain.case_file import CaseFile
    from workbench.reports.inputs import MinutesData

Case = tuple["CaseFile", "CaseResults"]

SURVEY_HEADINGS_ZH = (
    "调查信息",
    "贷款申请信息",
    "申请人及其家庭信息",
    "信贷历史",
    "业务信息",
    "软信息",
    "贷款原因分析",
    "资产负债表",
    "损益表",
    "交叉检验",
    "权益检验",
    "担保措施",
    "综合评价",
    "结论及建议",
)
SURVEY_HEADINGS_EN = (
    "Survey information",
    "Loan application",
    "Applicant and household",
    "Credit history",
    "Business",
    "Soft information",
    "Loan purpose analysis",
    "Balance sheet",
    "Income statement",
    "Cross-checks",
    "Equity reconciliation",
    "Guarantees and collateral",
    "Overall evaluation",
    "Conclusion and proposal",
)


def test_formatting_of_money_percentages_and_deviations() -> None:
    assert money(Decimal("722780")) == "722,780.00"
    assert money(Decimal("-0.001")) == "0.00"
    assert money(None) == "—"
    assert pct(Decimal("0.792246")) == "79.22%"
    assert deviation(Decimal("-0.031070")) == "−3.11%"  # a real minus sign
    assert money(Decimal("-21780")) == "−21,780.00"
    assert deviation(Decimal("0.0125")) == "+1.25%"
    assert number(Decimal("31.1034"), 2) == "31.10"
    assert [section_number(n, "zh") for n in (1, 10, 11, 14)] == ["一、", "十、", "十一、", "十四、"]
    assert section_number(3, "en") == "3. "


@pytest.mark.parametrize(("lang", "titles"), [("zh", SURVEY_HEADINGS_ZH), ("en", SURVEY_HEADINGS_EN)])
def test_the_survey_report_has_the_fourteen_sections_in_order(
    case_a: Case, lang: str, titles: tuple[str, ...]
) -> None:
    doc = build_survey_report(*case_a, lang)
    top = [b.title for b in doc.blocks if isinstance(b, Section)]
    assert top == list(titles)
    assert doc.kind is ReportKind.SURVEY and doc.reference == "DEMO-A-2024-0628"
    assert isinstance(doc.blocks[-1], SignatureBlock)
    assert [s.name for s in doc.blocks[-1].slots] == ["刘敏", "赵强", ""]


def test_case_a_figures_are_formatted(case_a: Case) -> None:
    text = build_survey_report(*case_a).text()
    for figure in (
        "722,780.00",
        "−3.11%",
        "45,000.00",
        "79.22%",
        "3,897.85",
        "1,774.25",
        "45,440.39",
        "4,920.00",
    ):
        assert figure in text, figure
    assert "+1.25%" in text and "−2.86%" in text and "在区间内" in text
    assert "需说明（已由 C4b 取代）" in text


def test_case_b_shows_both_equity_passes(case_b: Case) -> None:
    doc = build_survey_report(*case_b)
    equity = next(b for b in doc.blocks if isinstance(b, Section) and b.title == "权益检验")
    passes = next(b for b in equity.blocks if isinstance(b, DataTable) and b.caption.startswith("各轮"))
    assert [row[6] for row in passes.rows] == ["−7.98%", "−1.16%"]
    assert [row[8] for row in passes.rows] == ["需说明", "通过"]
    assert "100,000.00" in doc.text() and "56.70%" in doc.text()


def test_cross_check_matrix_has_a_row_per_check_with_inputs_and_explanations(case_a: Case) -> None:
    doc = build_survey_report(*case_a)
    matrix = next(b for _, b in doc.walk() if isinstance(b, DataTable) and b.caption == "交叉检验矩阵")
    assert [row[0] for row in matrix.rows] == [
        "C1",
        "C2",
        "C3",
        "C4a",
        "C4b",
        "C5",
        "C6",
        "C7",
        "C8",
        "C9",
        "C10",
    ]
    c1 = matrix.rows[0]
    assert c1[1] == "M2 推估法" and "日均销售额 3,950.00" in c1[2] and "月营业天数 30" in c1[2]
    assert c1[3:6] == ("118,500.00", "120,000.00", "+1.25%")
    c2 = matrix.rows[1]
    assert "该渠道收款占比 70.00%" in c2[2]
    c4a = matrix.rows[3]
    assert c4a[5] == "−7.00%" and "烟草占比" in c4a[7]
    c7 = matrix.rows[7]
    assert c7[3] == "25.00 –\n45.00" and c7[4] == "31.10" and c7[5] == "在区间内"
    charts = [b for _, b in doc.walk() if isinstance(b, ChartRef)]
    assert len(charts) == 3


def test_user_text_stays_as_typed_in_the_model(case_a: Case) -> None:
    case, results = case_a
    odd = with_borrower_name(case, "A & B <Ltd>")
    assert "A & B <Ltd>" in build_survey_report(odd, results).text()


def test_dossier_has_cover_contents_appendices_decision_and_minutes(
    case_a: Case, minutes: MinutesData
) -> None:
    case, results = case_a
    photo = AttachmentImage("shop.png", "image/png", b"\x89PNG fake", "店面")
    doc = build_dossier(case, results, [photo], decision_a(case, results), minutes=minutes)
    assert doc.kind is ReportKind.DOSSIER
    assert any(isinstance(b, Contents) for _, b in doc.walk())
    top = [b.heading for b in doc.blocks if isinstance(b, Section)]
    assert top == [
        "决策摘要",
        "第一部分　调查报告",
        "第二部分　附录",
        "第三部分　审贷会决议",
        "第四部分　审贷会纪要",
        "签字页",
    ]
    appendices = [b.heading for _, b in doc.walk() if isinstance(b, Section) and b.heading.startswith("附录")]
    assert appendices == [
        "附录 A　资产负债表明细",
        "附录 B　月份损益表",
        "附录 C　现金流预测",
        "附录 D　还款计划表",
        "附录 E　证据清单",  # the demo case lists its evidence (issue #13: checks count with evidence)
        "附录 F　照片附件",
    ]
    images = [b for _, b in doc.walk() if isinstance(b, ImageRef)]
    assert [i.caption for i in images] == ["图 1：店面"]
    assert "调整方案后批准" in doc.text() and "45,000.00" in doc.text()


def test_minutes_of_a_session_with_cases_a_and_b(minutes: MinutesData) -> None:
    doc = build_minutes(minutes)
    text = doc.text()
    assert doc.kind is ReportKind.MINUTES and doc.reference == "SDH-2024-027"
    assert "调整方案后批准" in text and "按原方案批准" in text
    assert "45,000.00" in text and "100,000.00" in text
    assert "受托支付" in text and "放款后 7 天内首次监控" in text
    assert "批准（有变更） 2 票" in text and "批准（无改动） 1 票" in text
    signatures = doc.blocks[-1]
    assert isinstance(signatures, SignatureBlock)
    assert [(s.role, s.name) for s in signatures.slots] == [
        ("委员", "张伟"),
        ("委员", "王芳"),
        ("主席", "陈主任"),
        ("记录人", "李娜"),
    ]
    english = build_minutes(minutes, "en").text()
    assert "Approved with changes" in english and "Approved as proposed" in english


def test_a_draft_decision_carries_the_proposal_and_the_case_fingerprint(case_b: Case) -> None:
    case, results = case_b
    draft = draft_decision(case, results)
    assert draft.decision is None and draft.amount is None
    assert draft.proposed == Decimal(100000) and draft.co_borrowers == ("张秀英",)
    assert len(draft.case_sha256) == 64
    decided = draft_decision(case, results, Outcome.APPROVED_AS_PROPOSED)
    assert decided.amount == Decimal(100000)
    form = build_minutes(dataclasses.replace(session(draft), decisions=(draft,))).text()
    assert "决议结论（勾选一项）" in form and "待审议" not in form  # a form to fill in at the session


def session(decision: object) -> MinutesData:
    from datetime import date

    from workbench.reports.inputs import MinutesData

    return MinutesData("X-1", date(2024, 7, 2), "", (), (decision,))  # type: ignore[arg-type]


def test_an_attachment_must_be_jpeg_or_png() -> None:
    with pytest.raises(ValueError, match="image/gif"):
        AttachmentImage("x.gif", "image/gif", b"GIF89a")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_votes_and_decisions_are_the_domains_worded_as_the_window_words_them(lang: str) -> None:
    """One set of vote and decision words: the reports print the catalogue's labels of the domain's
    ``Vote`` and ``Outcome`` (the committee window's), never a value or a word of their own."""
    for member, msgid in (*VOTE_LABELS.msgids.items(), *OUTCOME_LABELS.msgids.items()):
        assert label(member, lang) == gettext(msgid, lang) != member.value
    assert set(VOTE_LABELS.msgids) == set(Vote) and set(OUTCOME_LABELS.msgids) == set(Outcome)
    assert {
        Outcome.APPROVED_AS_PROPOSED,
        Outcome.APPROVED_WITH_CHANGES,
        Outcome.APPROVED_WITH_CONDITIONS,
    } == APPROVALS
