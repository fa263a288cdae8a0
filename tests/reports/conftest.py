"""Shared report fixtures: the worked cases, their results, and made-up committee sessions.

Rendering and signing are the slow parts, so the PDFs are made once per test session.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from workbench.domain.calc import CaseResults, compute_case
from workbench.domain.committee import DecisionRule, Outcome, Vote
from workbench.domain.policy import DEFAULT_POLICY
from workbench.paths import resource_path
from workbench.reports.canonical import canonical_case_sha256
from workbench.reports.content import build_dossier, build_survey_report, draft_decision
from workbench.reports.inputs import (
    CommitteeDecisionData,
    CommitteeMember,
    MemberRole,
    MinutesData,
    QuestionAnswer,
    VoteData,
)
from workbench.reports.render import PdfMeta, render_pdf
from workbench.services.case_files import read_case_file

if TYPE_CHECKING:
    from workbench.domain.case_file import CaseFile

UNIT = "某某农商银行 小微信贷中心"


def load(name: str) -> tuple[CaseFile, CaseResults]:
    case = read_case_file(Path(resource_path("demo", f"case-{name}.json")))
    return case, compute_case(case, DEFAULT_POLICY)


def meta_for(case: CaseFile, version: int | None = None) -> PdfMeta:
    return PdfMeta(
        unit=UNIT, author=case.officers.lead, case_sha256=canonical_case_sha256(case), case_version=version
    )


@pytest.fixture(scope="session")
def case_a() -> tuple[CaseFile, CaseResults]:
    return load("a")


@pytest.fixture(scope="session")
def case_b() -> tuple[CaseFile, CaseResults]:
    return load("b")


def decision_a(case: CaseFile, results: CaseResults) -> CommitteeDecisionData:
    """Case A: approve 45,000 instead of 60,000 (the worked case's expected outcome)."""
    return draft_decision(
        case,
        results,
        Outcome.APPROVED_WITH_CHANGES,
        amount=Decimal(45000),
        changes="金额由 60,000 元调减为 45,000 元（还款能力约束）",
        conditions_precedent=("配偶陈志强签署共同借款合同",),
        monitoring=("放款后 7 天内首次监控，核实备货及冷柜购置", "此后每月一次常规监控"),
        questions=(
            QuestionAnswer(
                "淡季月可支配资金不足月供，如何还款？",
                "现有流动资金 44,000 元可覆盖，预测最低 43,902.15 元。",
                "张伟",
            ),
        ),
        votes=(
            VoteData("张伟", Vote.APPROVE_WITH_CHANGES, "按还款能力调减"),
            VoteData("王芳", Vote.APPROVE_AS_PROPOSED, ""),
            VoteData("陈主任", Vote.APPROVE_WITH_CHANGES, "同意 45,000 元"),
        ),
        case_version=3,
    )


def decision_b(case: CaseFile, results: CaseResults) -> CommitteeDecisionData:
    """Case B: approve 100,000 as proposed with a condition precedent (the worked case's outcome)."""
    return draft_decision(
        case,
        results,
        Outcome.APPROVED_AS_PROPOSED,
        conditions_precedent=(
            "借款人自有资金 30,000 元到位后，130,000 元受托支付至设备供应商",
            "配偶张秀英作为共同借款人签字",
        ),
        monitoring=("放款后 7 天内首次监控，查看设备安装情况",),
        collateral=("数控开料锯动产抵押（可选）",),
        votes=(
            VoteData("张伟", Vote.APPROVE_AS_PROPOSED),
            VoteData("王芳", Vote.APPROVE_WITH_CONDITIONS, "须受托支付"),
            VoteData("陈主任", Vote.APPROVE_AS_PROPOSED),
        ),
        case_version=2,
    )


def session_minutes(a: tuple[CaseFile, CaseResults], b: tuple[CaseFile, CaseResults]) -> MinutesData:
    return MinutesData(
        session_number="SDH-2024-027",
        held_on=date(2024, 7, 2),
        place="县支行三楼会议室",
        members=(
            CommitteeMember("陈主任", MemberRole.CHAIR, "小微信贷中心主任", veto=True),
            CommitteeMember("张伟", MemberRole.MEMBER, "风险经理"),
            CommitteeMember("王芳", MemberRole.MEMBER, "客户经理"),
            CommitteeMember("李娜", MemberRole.SECRETARY, "综合岗"),
            CommitteeMember("刘敏", MemberRole.PRESENTER, "客户经理"),
        ),
        decisions=(decision_a(*a), decision_b(*b)),
        rule=DecisionRule.UNANIMOUS,
        quorum=3,
    )


@pytest.fixture(scope="session")
def minutes(case_a: tuple[CaseFile, CaseResults], case_b: tuple[CaseFile, CaseResults]) -> MinutesData:
    return session_minutes(case_a, case_b)


@pytest.fixture(scope="session")
def survey_pdfs(
    case_a: tuple[CaseFile, CaseResults], case_b: tuple[CaseFile, CaseResults]
) -> dict[str, bytes]:
    out = {}
    for name, (case, results) in (("a", case_a), ("b", case_b)):
        out[name] = render_pdf(build_survey_report(case, results), meta=meta_for(case, 3), invariant=True)
    return out


@pytest.fixture(scope="session")
def dossier_pdfs(
    case_a: tuple[CaseFile, CaseResults], case_b: tuple[CaseFile, CaseResults], minutes: MinutesData
) -> dict[str, bytes]:
    out = {}
    for name, (case, results), decide in (("a", case_a, decision_a), ("b", case_b, decision_b)):
        doc = build_dossier(case, results, (), decide(case, results), minutes=minutes)
        out[name] = render_pdf(doc, meta=meta_for(case), invariant=True)
    return out


def with_borrower_name(case: CaseFile, name: str) -> CaseFile:
    return dataclasses.replace(case, borrower=dataclasses.replace(case.borrower, name=name))
