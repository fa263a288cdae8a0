"""Survey sections 1–4 and 12: the survey itself, the application, the applicant and household,
the credit history, and the guarantees (who stands behind the loan)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.domain.errors import DomainError
from workbench.domain.schedules import Method, build_schedule
from workbench.domain.sizing import regular_instalment
from workbench.reports.content_common import method_name, rate_text, total, yes_no
from workbench.reports.document import Align, Block, Para
from workbench.reports.formatting import DASH, count, day, money, text
from workbench.reports.survey.context import SurveyContext, kv, para_if, paras_if, sub
from workbench.reports.tables import COUNT, LABEL, MONEY, PCT, TEXT, YES_NO, Col, detail_table
from workbench.reports.texts import MONEY_UNIT, label, vocabulary
from workbench.texts import N_, NC_
from workbench.texts.labels import POLICY_WORD, policy_named

if TYPE_CHECKING:
    from workbench.domain.balance_sheet import Debt, GuaranteeGiven
    from workbench.domain.parties import Collateral, CreditRecord, HouseholdMember

C = Align.CENTER

MEMBERS: tuple[Col[HouseholdMember], ...] = (
    Col(N_("姓名"), lambda m: m.name),
    Col(N_("关系"), lambda m: m.relationship, LABEL, width=0.8),
    Col(NC_("column", "年龄"), lambda m: m.age, COUNT, width=0.5),
    Col(N_("职业"), lambda m: m.occupation, TEXT, width=1.4),
    Col(N_("子女状况"), lambda m: m.child_status, LABEL, width=0.8),
    Col(N_("参与经营"), lambda m: m.works_in_business, YES_NO, C, 0.7),
    Col(N_("月收入"), lambda m: m.monthly_income, MONEY),
    Col(N_("被供养"), lambda m: m.dependent, YES_NO, C, 0.6),
)

CREDIT_RECORDS: tuple[Col[CreditRecord], ...] = (
    Col(N_("机构/卡主"), lambda r: r.lender, width=1.4),
    Col(N_("类别"), lambda r: r.kind, TEXT, width=0.8),
    Col(N_("金额/额度"), lambda r: r.amount, MONEY),
    Col(N_("余额"), lambda r: r.balance, MONEY),
    Col(N_("担保形式"), lambda r: r.guarantee, TEXT, width=0.9),
    Col(N_("逾期信息"), lambda r: r.overdue, TEXT, width=1.1),
)

BORROWINGS: tuple[Col[Debt], ...] = (
    Col(N_("债权人"), lambda d: d.lender, width=1.6),
    Col(N_("类别"), lambda d: d.kind, LABEL, width=0.8),
    Col(N_("归属"), lambda d: d.scope, LABEL, C, 0.6),
    Col(N_("余额"), lambda d: d.balance, MONEY),
    Col(N_("月供"), lambda d: d.monthly_instalment, MONEY, width=0.9),
    Col(NC_("column", "剩余期数"), lambda d: d.remaining_months, COUNT, width=0.6),
    Col(NC_("column", "用途"), lambda d: d.purpose, TEXT),
)

GUARANTEES_GIVEN: tuple[Col[GuaranteeGiven], ...] = (
    Col(N_("被担保人"), lambda g: g.beneficiary, width=1.2),
    Col(N_("贷款机构"), lambda g: g.lender, TEXT),
    Col(N_("担保金额"), lambda g: g.amount, MONEY),
    Col(N_("说明"), lambda g: g.note, TEXT, width=1.6),
)

COLLATERAL: tuple[Col[Collateral], ...] = (
    Col(N_("类型"), lambda c: c.kind, LABEL, width=0.6),
    Col(N_("描述"), lambda c: c.description, width=2),
    Col(N_("所有权人"), lambda c: c.owner, TEXT, width=0.8),
    Col(N_("评估机构"), lambda c: c.appraiser, TEXT, width=0.8),
    Col(N_("权证号"), lambda c: c.certificate_number, TEXT, width=0.9),
    Col(N_("评估价值"), lambda c: c.value, MONEY, width=0.9),
    Col(N_("抵押率"), lambda c: c.loan_to_value, PCT, width=0.6),
)


# ---- 1 调查信息 ------------------------------------------------------------------------------


def survey_info(ctx: SurveyContext) -> list[Block]:
    tr, case = ctx.tr, ctx.case
    d = case.dates
    return [
        kv(
            (tr(N_("案件编号")), text(case.case_number)),
            (tr(N_("案卷 ID")), case.id),
            (tr(N_("贷款产品")), text(vocabulary(case.product, ctx.lang))),
            (tr(POLICY_WORD), policy_named(ctx.results.policy.name, ctx.results.policy.version, ctx.lang)),
            (tr(N_("贷款类别")), label(case.loan_class, ctx.lang)),
            (tr(N_("案件阶段")), label(case.stage, ctx.lang)),
            (tr(N_("受理团队")), text(case.officers.team)),
            (tr(N_("主办客户经理")), text(case.officers.lead)),
            (tr(N_("协办客户经理")), text(case.officers.assistant)),
            (tr(N_("申请日期")), day(d.applied_on)),
            (tr(N_("分配日期")), day(d.assigned_on)),
            (tr(N_("调查开始")), day(d.survey_started_on)),
            (tr(N_("调查日期")), day(d.survey_date)),
            (tr(N_("上会日期")), day(d.committee_on)),
            (tr(N_("答复日期")), day(d.answered_on)),
        )
    ]


# ---- 2 贷款申请信息 --------------------------------------------------------------------------


def application(ctx: SurveyContext) -> list[Block]:
    tr, req, z = ctx.tr, ctx.case.request, ctx.results.sizing
    blocks: list[Block] = [
        kv(
            (tr(NC_("report", "申请金额")), money(req.amount)),
            (tr(NC_("report", "期限（月）")), str(req.term_months)),
            (tr(N_("利率")), rate_text(req.rate, z.rate, tr)),
            (tr(NC_("report", "还款方式")), method_name(req.method, ctx.lang)),
            (
                tr(N_("按申请金额测算的月还款额")),
                _requested_instalment(ctx),
            ),
            (tr(NC_("report", "本金宽限期（月）")), str(req.grace_months)),
            (tr(N_("担保方式")), text(vocabulary(req.guarantee_mode, tr.lang))),
            (tr(N_("首次贷款")), yes_no(req.first_loan, tr)),
            (tr(N_("拟放款日期")), day(req.disbursement_date)),
            (tr(N_("自有资金")), money(req.own_contribution)),
            unit=tr(MONEY_UNIT),
        )
    ]
    blocks += para_if(tr(N_("贷款用途")), req.purpose, tr)
    return blocks


def _requested_instalment(ctx: SurveyContext) -> str:
    """The instalment the requested amount would cost (level methods only)."""
    req, z = ctx.case.request, ctx.results.sizing
    if req.method is Method.SEASONAL or req.amount <= 0:
        return DASH
    try:
        schedule = build_schedule(
            req.amount,
            z.rate,
            req.term_months,
            req.method,
            grace_months=req.grace_months,
            rounding=ctx.results.policy.rounding,
        )
    except DomainError:
        return DASH
    return money(regular_instalment(schedule, req.grace_months))


# ---- 3 申请人及其家庭信息 ----------------------------------------------------------------------


def applicant(ctx: SurveyContext) -> list[Block]:
    tr, b, h, lang = ctx.tr, ctx.case.borrower, ctx.case.household, ctx.lang
    blocks: list[Block] = [
        kv(
            (tr(N_("姓名")), b.name),
            (tr(N_("性别")), label(b.sex, lang)),
            (tr(NC_("report", "年龄")), count(b.age)),
            (tr(N_("出生日期")), day(b.birth_date)),
            (tr(N_("身份证号")), text(b.id_number)),
            (tr(N_("学历")), label(b.education, lang)),
            (tr(N_("户籍")), label(b.hukou, lang)),
            (tr(N_("婚姻状况")), label(b.marital_status, lang)),
            (tr(N_("居住地址")), text(b.address)),
            (tr(NC_("report", "居住年限")), count(b.years_at_address)),
            (tr(N_("住房状况")), label(b.housing, lang)),
            (tr(N_("联系电话")), text(b.phone)),
            (tr(N_("职业")), text(b.occupation)),
            (tr(N_("从业年限")), count(b.years_in_industry)),
            (tr(N_("家庭人口数")), count(h.size)),
            (tr(N_("经济上依赖的人数")), count(h.dependents)),
        )
    ]
    blocks += para_if(tr(N_("家庭结构")), h.structure, tr)
    if h.members:
        blocks.append(detail_table(MEMBERS, h.members, tr, caption=tr(N_("家庭成员"))))
    blocks += paras_if(
        tr,
        (tr(N_("家庭其他收入来源")), h.other_income_sources),
        (tr(N_("家庭情况分析")), ctx.case.soft_info.family),
        (tr(N_("家庭备注")), h.note),
        (tr(N_("借款人备注")), b.note),
    )
    return blocks


# ---- 4 信贷历史 --------------------------------------------------------------------------------


def credit_history(ctx: SurveyContext) -> list[Block]:
    tr, b = ctx.tr, ctx.case.borrower
    sheet, totals = ctx.case.balance_sheet, ctx.results.totals
    blocks: list[Block] = [
        kv(
            (tr(N_("信用卡逾期次数")), str(b.card_overdue_count)),
            (tr(N_("贷款逾期次数")), str(b.loan_overdue_count)),
            (tr(N_("现有负债余额")), money(total([d.balance for d in sheet.debts]))),
            (tr(N_("对外担保余额")), money(totals.guarantees_given)),
            unit=tr(MONEY_UNIT),
        )
    ]
    if b.credit_history:
        blocks.append(detail_table(CREDIT_RECORDS, b.credit_history, tr, caption=tr(N_("征信记录"))))
    else:
        blocks.append(Para(tr(N_("征信报告未列明贷款或信用卡记录。"))))
    if sheet.debts:
        blocks.append(detail_table(BORROWINGS, sheet.debts, tr, caption=tr(N_("融资及负债信息"))))
    if sheet.guarantees_given:
        caption = tr(N_("对外担保（或有负债，不计入负债总计）"))
        blocks.append(detail_table(GUARANTEES_GIVEN, sheet.guarantees_given, tr, caption=caption))
    return blocks


# ---- 12 担保措施 -------------------------------------------------------------------------------


def guarantees(ctx: SurveyContext) -> list[Block]:
    tr, case, lang = ctx.tr, ctx.case, ctx.lang
    mode = vocabulary(case.request.guarantee_mode, lang)
    blocks: list[Block] = [kv((tr(N_("担保方式")), text(mode)), columns=1)]
    for g in case.guarantors:
        blocks.append(
            sub(
                f"{label(g.role, lang)}{tr.colon}{g.name}",
                [
                    kv(
                        (tr(N_("与借款人关系")), label(g.relationship, lang)),
                        (tr(N_("身份证号")), text(g.id_number)),
                        (tr(N_("职业")), text(g.occupation)),
                        (tr(N_("月收入")), money(g.monthly_income)),
                        (tr(N_("资产")), money(g.assets)),
                        (tr(NC_("report", "负债")), money(g.liabilities)),
                        (tr(NC_("report", "信用记录")), text(g.credit_record)),
                        (tr(N_("担保意愿")), text(g.willingness)),
                        unit=tr(MONEY_UNIT),
                    ),
                    *para_if(tr(N_("制约能力")), g.leverage, tr),
                ],
            )
        )
    if case.collateral:
        blocks.append(detail_table(COLLATERAL, case.collateral, tr, caption=tr(N_("抵质押物"))))
    if not case.guarantors and not case.collateral:
        blocks.append(Para(tr(N_("无共同借款人、保证人或抵质押物（信用方式）。"))))
    return blocks
