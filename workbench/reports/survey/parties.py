"""Survey sections 1–4 and 12: the survey itself, the application, the applicant and household,
the credit history, and the guarantees (who stands behind the loan)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.domain.errors import DomainError
from workbench.domain.schedules import Method, build_schedule
from workbench.domain.settings import DEFAULT_SETTINGS
from workbench.domain.sizing import regular_instalment
from workbench.reports.content_common import method_name, rate_text, total, yes_no
from workbench.reports.document import Align, Block, Para
from workbench.reports.formatting import DASH, count, day, money, text
from workbench.reports.survey.context import SurveyContext, kv, para_if, paras_if, sub
from workbench.reports.tables import COUNT, LABEL, MONEY, PCT, TEXT, YES_NO, Col, detail_table
from workbench.reports.texts import label

if TYPE_CHECKING:
    from workbench.domain.balance_sheet import Debt, GuaranteeGiven
    from workbench.domain.parties import Collateral, CreditRecord, HouseholdMember

C = Align.CENTER

MEMBERS: tuple[Col[HouseholdMember], ...] = (
    Col("姓名", "Name", lambda m: m.name),
    Col("关系", "Relation", lambda m: m.relationship, LABEL, width=0.8),
    Col("年龄", "Age", lambda m: m.age, COUNT, width=0.5),
    Col("职业", "Occupation", lambda m: m.occupation, TEXT, width=1.4),
    Col("子女状况", "Child status", lambda m: m.child_status, LABEL, width=0.8),
    Col("参与经营", "In business", lambda m: m.works_in_business, YES_NO, C, 0.7),
    Col("月收入", "Monthly income", lambda m: m.monthly_income, MONEY),
    Col("被供养", "Dependant", lambda m: m.dependent, YES_NO, C, 0.6),
)

CREDIT_RECORDS: tuple[Col[CreditRecord], ...] = (
    Col("机构/卡主", "Lender / card", lambda r: r.lender, width=1.4),
    Col("类别", "Kind", lambda r: r.kind, TEXT, width=0.8),
    Col("金额/额度", "Amount / limit", lambda r: r.amount, MONEY),
    Col("余额", "Balance", lambda r: r.balance, MONEY),
    Col("担保形式", "Guarantee", lambda r: r.guarantee, TEXT, width=0.9),
    Col("逾期信息", "Overdue", lambda r: r.overdue, TEXT, width=1.1),
)

BORROWINGS: tuple[Col[Debt], ...] = (
    Col("债权人", "Lender", lambda d: d.lender, width=1.6),
    Col("类别", "Kind", lambda d: d.kind, LABEL, width=0.8),
    Col("归属", "Scope", lambda d: d.scope, LABEL, C, 0.6),
    Col("余额", "Balance", lambda d: d.balance, MONEY),
    Col("月供", "Instalment", lambda d: d.monthly_instalment, MONEY, width=0.9),
    Col("剩余期数", "Months left", lambda d: d.remaining_months, COUNT, width=0.6),
    Col("用途", "Purpose", lambda d: d.purpose, TEXT),
)

GUARANTEES_GIVEN: tuple[Col[GuaranteeGiven], ...] = (
    Col("被担保人", "Beneficiary", lambda g: g.beneficiary, width=1.2),
    Col("贷款机构", "Lender", lambda g: g.lender, TEXT),
    Col("担保金额", "Amount", lambda g: g.amount, MONEY),
    Col("说明", "Note", lambda g: g.note, TEXT, width=1.6),
)

COLLATERAL: tuple[Col[Collateral], ...] = (
    Col("类型", "Kind", lambda c: c.kind, LABEL, width=0.6),
    Col("描述", "Description", lambda c: c.description, width=2),
    Col("所有权人", "Owner", lambda c: c.owner, TEXT, width=0.8),
    Col("评估机构", "Appraiser", lambda c: c.appraiser, TEXT, width=0.8),
    Col("权证号", "Certificate", lambda c: c.certificate_number, TEXT, width=0.9),
    Col("评估价值", "Value", lambda c: c.value, MONEY, width=0.9),
    Col("抵押率", "LTV", lambda c: c.loan_to_value, PCT, width=0.6),
)


# ---- 1 调查信息 ------------------------------------------------------------------------------


def survey_info(ctx: SurveyContext) -> list[Block]:
    tr, case = ctx.tr, ctx.case
    d = case.dates
    return [
        kv(
            (tr("案件编号", "Case number"), text(case.case_number)),
            (tr("案卷 ID", "Case id"), case.id),
            (tr("贷款产品", "Product"), text(case.product)),
            (tr("贷款类别", "Loan class"), label(case.loan_class, ctx.lang)),
            (tr("案件阶段", "Stage"), label(case.stage, ctx.lang)),
            (tr("受理团队", "Team"), text(case.officers.team)),
            (tr("主办客户经理", "Lead loan officer"), text(case.officers.lead)),
            (tr("协办客户经理", "Assisting loan officer"), text(case.officers.assistant)),
            (tr("申请日期", "Applied on"), day(d.applied_on)),
            (tr("分配日期", "Assigned on"), day(d.assigned_on)),
            (tr("调查开始", "Survey started"), day(d.survey_started_on)),
            (tr("调查日期", "Survey date"), day(d.survey_date)),
            (tr("上会日期", "Committee date"), day(d.committee_on)),
            (tr("答复日期", "Answered on"), day(d.answered_on)),
        )
    ]


# ---- 2 贷款申请信息 --------------------------------------------------------------------------


def application(ctx: SurveyContext) -> list[Block]:
    tr, req, z = ctx.tr, ctx.case.request, ctx.results.sizing
    blocks: list[Block] = [
        kv(
            (tr("申请金额", "Requested amount"), money(req.amount)),
            (tr("期限（月）", "Term (months)"), str(req.term_months)),
            (tr("利率", "Interest rate"), rate_text(req.rate, z.rate, tr)),
            (tr("还款方式", "Repayment method"), method_name(req.method, ctx.lang)),
            (
                tr("按申请金额测算的月还款额", "Instalment at the requested amount"),
                _requested_instalment(ctx),
            ),
            (tr("本金宽限期（月）", "Grace months"), str(req.grace_months)),
            (tr("担保方式", "Guarantee"), text(req.guarantee_mode)),
            (tr("首次贷款", "First loan"), yes_no(req.first_loan, tr)),
            (tr("拟放款日期", "Planned disbursement"), day(req.disbursement_date)),
            (tr("自有资金", "Own contribution"), money(req.own_contribution)),
        )
    ]
    blocks += para_if(tr("贷款用途", "Purpose"), req.purpose, tr)
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
            rounding=DEFAULT_SETTINGS.rounding,
        )
    except DomainError:
        return DASH
    return money(regular_instalment(schedule, req.grace_months))


# ---- 3 申请人及其家庭信息 ----------------------------------------------------------------------


def applicant(ctx: SurveyContext) -> list[Block]:
    tr, b, h, lang = ctx.tr, ctx.case.borrower, ctx.case.household, ctx.lang
    blocks: list[Block] = [
        kv(
            (tr("姓名", "Name"), b.name),
            (tr("性别", "Sex"), label(b.sex, lang)),
            (tr("年龄", "Age"), count(b.age)),
            (tr("出生日期", "Born"), day(b.birth_date)),
            (tr("身份证号", "ID number"), text(b.id_number)),
            (tr("学历", "Education"), label(b.education, lang)),
            (tr("户籍", "Hukou"), label(b.hukou, lang)),
            (tr("婚姻状况", "Marital status"), label(b.marital_status, lang)),
            (tr("居住地址", "Address"), text(b.address)),
            (tr("居住年限", "Years at address"), count(b.years_at_address)),
            (tr("住房状况", "Housing"), label(b.housing, lang)),
            (tr("联系电话", "Phone"), text(b.phone)),
            (tr("职业", "Occupation"), text(b.occupation)),
            (tr("从业年限", "Years in industry"), count(b.years_in_industry)),
            (tr("家庭人口数", "Household size"), count(h.size)),
            (tr("经济上依赖的人数", "Dependants"), count(h.dependents)),
        )
    ]
    blocks += para_if(tr("家庭结构", "Household structure"), h.structure, tr)
    if h.members:
        blocks.append(detail_table(MEMBERS, h.members, tr, caption=tr("家庭成员", "Household members")))
    blocks += paras_if(
        tr,
        (tr("家庭其他收入来源", "Other household income"), h.other_income_sources),
        (tr("家庭情况分析", "Family situation"), ctx.case.soft_info.family),
        (tr("家庭备注", "Household note"), h.note),
        (tr("借款人备注", "Note on the applicant"), b.note),
    )
    return blocks


# ---- 4 信贷历史 --------------------------------------------------------------------------------


def credit_history(ctx: SurveyContext) -> list[Block]:
    tr, b = ctx.tr, ctx.case.borrower
    sheet, totals = ctx.case.balance_sheet, ctx.results.totals
    blocks: list[Block] = [
        kv(
            (tr("信用卡逾期次数", "Credit-card overdues"), str(b.card_overdue_count)),
            (tr("贷款逾期次数", "Loan overdues"), str(b.loan_overdue_count)),
            (tr("现有负债余额", "Debts outstanding"), money(total([d.balance for d in sheet.debts]))),
            (tr("对外担保余额", "Guarantees given"), money(totals.guarantees_given)),
        )
    ]
    if b.credit_history:
        blocks.append(
            detail_table(CREDIT_RECORDS, b.credit_history, tr, caption=tr("征信记录", "Credit report"))
        )
    else:
        blocks.append(
            Para(tr("征信报告未列明贷款或信用卡记录。", "The credit report lists no loans or cards."))
        )
    if sheet.debts:
        blocks.append(detail_table(BORROWINGS, sheet.debts, tr, caption=tr("融资及负债信息", "Borrowings")))
    if sheet.guarantees_given:
        caption = tr("对外担保（或有负债，不计入负债总计）", "Guarantees given (contingent, not in TL)")
        blocks.append(detail_table(GUARANTEES_GIVEN, sheet.guarantees_given, tr, caption=caption))
    return blocks


# ---- 12 担保措施 -------------------------------------------------------------------------------


def guarantees(ctx: SurveyContext) -> list[Block]:
    tr, case, lang = ctx.tr, ctx.case, ctx.lang
    blocks: list[Block] = [kv((tr("担保方式", "Guarantee"), text(case.request.guarantee_mode)), columns=1)]
    for g in case.guarantors:
        blocks.append(
            sub(
                f"{label(g.role, lang)}{tr.colon}{g.name}",
                [
                    kv(
                        (tr("与借款人关系", "Relationship"), label(g.relationship, lang)),
                        (tr("身份证号", "ID number"), text(g.id_number)),
                        (tr("职业", "Occupation"), text(g.occupation)),
                        (tr("月收入", "Monthly income"), money(g.monthly_income)),
                        (tr("资产", "Assets"), money(g.assets)),
                        (tr("负债", "Liabilities"), money(g.liabilities)),
                        (tr("信用记录", "Credit record"), text(g.credit_record)),
                        (tr("担保意愿", "Willingness"), text(g.willingness)),
                    ),
                    *para_if(tr("制约能力", "Leverage over the borrower"), g.leverage, tr),
                ],
            )
        )
    if case.collateral:
        blocks.append(detail_table(COLLATERAL, case.collateral, tr, caption=tr("抵质押物", "Collateral")))
    if not case.guarantors and not case.collateral:
        blocks.append(
            Para(
                tr("无共同借款人、保证人或抵质押物（信用方式）。", "No co-borrower, guarantor or collateral.")
            )
        )
    return blocks
