"""The survey report (调查报告): fourteen sections from the case and its results.

``survey_sections`` is shared by the standalone report and the dossier; with ``details=False`` the
detail lists, the monthly table, the schedule and the projection move to the dossier's appendices
and the sections say where to find them. The sections themselves live in ``reports.survey``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.domain.records import SignatureRole
from workbench.reports.content_common import section_number
from workbench.reports.document import Section, SignatureBlock, SignatureSlot
from workbench.reports.survey.balance import balance_details, balance_sheet, ratios_table
from workbench.reports.survey.business import business, purpose, soft_info
from workbench.reports.survey.capacity import conclusion, evaluation, projection_blocks, schedule_table
from workbench.reports.survey.checks import cross_checks, inputs_summary
from workbench.reports.survey.context import SurveyContext
from workbench.reports.survey.equity import equity
from workbench.reports.survey.history import proposal_history
from workbench.reports.survey.income import expense_tables, income_statement, monthly_tables, product_table
from workbench.reports.survey.parties import applicant, application, credit_history, guarantees, survey_info
from workbench.texts import N_, Msg

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.reports.document import Block

__all__ = [
    "SECTION_TITLES",
    "SurveyContext",
    "balance_details",
    "expense_tables",
    "inputs_summary",
    "monthly_tables",
    "product_table",
    "projection_blocks",
    "ratios_table",
    "schedule_table",
    "survey_sections",
    "survey_signature_block",
]

# (key, title) in the order of the survey templates (docs/sources.md, "fourteen sections").
SECTION_TITLES: tuple[tuple[str, Msg], ...] = (
    ("survey", N_("调查信息")),
    ("application", N_("贷款申请信息")),
    ("applicant", N_("申请人及其家庭信息")),
    ("credit", N_("信贷历史")),
    ("business", N_("业务信息")),
    ("soft", N_("软信息")),
    ("purpose", N_("贷款原因分析")),
    ("balance", N_("资产负债表")),
    ("income", N_("损益表")),
    ("checks", N_("交叉检验")),
    ("equity", N_("权益检验")),
    ("guarantees", N_("担保措施")),
    ("evaluation", N_("综合评价")),
    ("conclusion", N_("结论及建议")),
)

_BUILDERS: dict[str, Callable[[SurveyContext], list[Block]]] = {
    "survey": survey_info,
    "application": application,
    "applicant": applicant,
    "credit": credit_history,
    "business": business,
    "soft": soft_info,
    "purpose": purpose,
    "balance": balance_sheet,
    "income": income_statement,
    "checks": cross_checks,
    "equity": equity,
    "guarantees": guarantees,
    "evaluation": evaluation,
    "conclusion": conclusion,
}


HISTORY_TITLE = N_("方案修改记录")


def survey_sections(ctx: SurveyContext) -> tuple[Section, ...]:
    """The fourteen numbered sections, in the templates' order; with a proposal history (a stored
    case's), the fifteenth: how the figures that drive the amount moved before the committee."""
    sections = [
        Section(ctx.tr(title), tuple(_BUILDERS[key](ctx)), number=section_number(index, ctx.lang))
        for index, (key, title) in enumerate(SECTION_TITLES, start=1)
    ]
    if ctx.history is not None:
        number = section_number(len(sections) + 1, ctx.lang)
        sections.append(Section(ctx.tr(HISTORY_TITLE), tuple(proposal_history(ctx)), number=number))
    return tuple(sections)


def survey_signature_block(ctx: SurveyContext) -> SignatureBlock:
    """主办 / 协办客户经理 and the reviewer sign the report."""
    tr, officers = ctx.tr, ctx.case.officers
    return SignatureBlock(
        title=tr(N_("签字")),
        slots=(
            SignatureSlot(tr(N_("主办客户经理")), officers.lead, SignatureRole.OFFICER),
            SignatureSlot(tr(N_("协办客户经理")), officers.assistant, SignatureRole.ASSISTANT),
            SignatureSlot(tr(N_("审查人")), kind=SignatureRole.REVIEWER),
        ),
        note=tr(
            N_("本报告以数字签名签署；签名框内显示签署人、角色与签署时间。"),
        ),
    )
