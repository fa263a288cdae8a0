"""The minutes: a form before the session, the rule beside each outcome, each case's own fingerprint."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from tests.reports import pdf_tools
from tests.reports.conftest import meta_for
from workbench.domain.committee import Outcome, Vote
from workbench.reports.content import build_minutes, draft_decision
from workbench.reports.inputs import VoteData
from workbench.reports.render import render_pdf

if TYPE_CHECKING:
    from workbench.domain.calc import CaseResults
    from workbench.domain.case_file import CaseFile
    from workbench.reports.inputs import MinutesData

Case = tuple["CaseFile", "CaseResults"]


def test_minutes_before_the_session_are_a_form(case_a: Case, minutes: MinutesData) -> None:
    undecided = draft_decision(*case_a)  # on the agenda, no decision yet
    form = dataclasses.replace(minutes, held_on=None, place="", decisions=(undecided,))
    for lang in ("zh", "en"):
        pdf = render_pdf(build_minutes(form, lang), meta=meta_for(case_a[0]), invariant=True)
        printed = pdf_tools.squeeze(pdf_tools.text(pdf))
        assert "________" in printed  # date and place left to write in
        if lang == "zh":
            assert "决议结论（勾选一项）：□按原方案批准" in printed and "□拒绝贷款申请" in printed
            assert "表决（勾选一项）" in printed and "□反对" in printed and "签字" in printed
        else:
            assert "□Approvedasproposed" in printed and "□Against" in printed
        for member in ("陈主任", "张伟", "王芳"):  # a vote line for each voting member
            assert member in printed
        assert "待审议" not in printed and "Pending" not in printed


def test_the_outcome_is_printed_beside_the_rule_that_gave_it(minutes: MinutesData) -> None:
    first = minutes.decisions[0]
    rejected = dataclasses.replace(
        first,
        decision=Outcome.REJECTED,
        votes=(
            VoteData("张伟", Vote.APPROVE_AS_PROPOSED),
            VoteData("王芳", Vote.APPROVE_AS_PROPOSED),
            VoteData("陈主任", Vote.REJECT, "现金流不足"),
        ),
    )
    session = dataclasses.replace(minutes, decisions=(rejected,))
    zh = build_minutes(session, "zh").text()
    assert "决议结论：拒绝贷款申请（表决规则：全体一致；批准 2 票，共 3 票）" in zh
    assert "反对" in zh and "否决权" in zh  # a reject vote is 反对; 否决权 is only the veto column
    en = build_minutes(session, "en").text()
    assert "Decision: Rejected (rule: Unanimous; 2 of 3 votes approve)" in en, en


def test_each_page_of_a_two_case_minutes_shows_its_own_cases_fingerprint(
    case_a: Case, minutes: MinutesData
) -> None:
    pdf = render_pdf(build_minutes(minutes, "zh"), meta=meta_for(case_a[0]), invariant=True)
    pages = [pdf_tools.text(pdf, n, n) for n in range(1, pdf_tools.page_count(pdf) + 1)]
    a, b = minutes.decisions
    on = {d.case_number: next(i for i, p in enumerate(pages) if f"案件 {d.case_number}" in p) for d in (a, b)}
    assert on[a.case_number] != on[b.case_number]  # each case on a page of its own (see test_pagination)
    for mine, other in ((a, b), (b, a)):
        page = pages[on[mine.case_number]]
        assert f"案卷指纹 {mine.case_sha256[:12]}" in page
        assert other.case_sha256[:12] not in page
    assert "案卷指纹" not in pages[0] or on[a.case_number] == 0  # the session page is about no one case
