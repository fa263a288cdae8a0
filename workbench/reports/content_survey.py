"""The survey report (调查报告), IPC-METHOD §8.1: fourteen sections from the case and its results.

``survey_sections`` is shared by the standalone report and the dossier; with ``details=False`` the
detail lists, the monthly table, the schedule and the projection move to the dossier's appendices
and the sections say where to find them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal

from workbench.domain.balance_sheet import BalanceSheet, compute_totals
from workbench.domain.calc import CaseResults
from workbench.domain.case_file import CaseFile
from workbench.domain.cross_checks import (
    METHOD_LABELS,
    CheckKind,
    CheckMethod,
    CrossCheck,
    CrossCheckResult,
    EquityInputs,
    IncomeInputs,
    LogicInputs,
    MarginSampleInputs,
    Target,
)
from workbench.domain.errors import DomainError
from workbench.domain.figures import REFERABLE_FIGURES, FigureRef
from workbench.domain.money import ONE, ZERO
from workbench.domain.profit_loss import Season
from workbench.domain.readiness import ISSUE_TEXTS, ITEM_NAMES, Severity, counted
from workbench.domain.schedules import Method, build_schedule
from workbench.domain.settings import DEFAULT_SETTINGS
from workbench.domain.sizing import regular_instalment
from workbench.domain.status import STATUS_LABELS, Status
from workbench.reports.charts import (
    deviation_bars,
    draw_deviation_chart,
    draw_monthly_chart,
    draw_projection_chart,
)
from workbench.reports.content_common import (
    C,
    L,
    R,
    method_name,
    months_label,
    rate_text,
    schedule_table,
    section_number,
    table,
    total,
    yes_no,
)
from workbench.reports.document import (
    Block,
    Bullets,
    ChartRef,
    DataTable,
    KeyValues,
    Para,
    Section,
    SignatureBlock,
    SignatureSlot,
    TextStyle,
)
from workbench.reports.formatting import DASH, count, day, deviation, money, number, pct, text
from workbench.reports.texts import (
    COUNT_INPUTS,
    INPUT_LABELS,
    LIMIT_LABELS,
    RATIO_LABELS,
    SHARE_INPUTS,
    SOFT_FACTORS,
    Tr,
    label,
    pair_label,
)


@dataclass(frozen=True, slots=True)
class SurveyContext:
    """What every section builder reads."""

    case: CaseFile
    results: CaseResults
    lang: str
    details: bool = True

    @property
    def tr(self) -> Tr:
        return Tr(self.lang)


SECTION_TITLES: tuple[tuple[str, str, str], ...] = (
    ("survey", "调查信息", "Survey information"),
    ("application", "贷款申请信息", "Loan application"),
    ("applicant", "申请人及其家庭信息", "Applicant and household"),
    ("credit", "信贷历史", "Credit history"),
    ("business", "业务信息", "Business"),
    ("soft", "软信息", "Soft information"),
    ("purpose", "贷款原因分析", "Loan purpose analysis"),
    ("balance", "资产负债表", "Balance sheet"),
    ("income", "损益表", "Income statement"),
    ("checks", "交叉检验", "Cross-checks"),
    ("equity", "权益检验", "Equity reconciliation"),
    ("guarantees", "担保措施", "Guarantees and collateral"),
    ("evaluation", "综合评价", "Overall evaluation"),
    ("conclusion", "结论及建议", "Conclusion and proposal"),
)


def survey_sections(ctx: SurveyContext) -> tuple[Section, ...]:
    """The fourteen numbered sections of §8.1, in order."""
    builders = {
        "survey": _survey_info,
        "application": _application,
        "applicant": _applicant,
        "credit": _credit_history,
        "business": _business,
        "soft": _soft_info,
        "purpose": _purpose,
        "balance": _balance_sheet,
        "income": _income_statement,
        "checks": _cross_checks,
        "equity": _equity,
        "guarantees": _guarantees,
        "evaluation": _evaluation,
        "conclusion": _conclusion,
    }
    sections = []
    for index, (key, zh, en) in enumerate(SECTION_TITLES, start=1):
        title = en if ctx.lang == "en" else zh
        sections.append(Section(title, tuple(builders[key](ctx)), number=section_number(index, ctx.lang)))
    return tuple(sections)


def survey_signature_block(ctx: SurveyContext) -> SignatureBlock:
    """主办 / 协办客户经理 and the reviewer sign the report."""
    tr, officers = ctx.tr, ctx.case.officers
    return SignatureBlock(
        title=tr("签字", "Signatures"),
        slots=(
            SignatureSlot(tr("主办客户经理", "Lead loan officer"), officers.lead),
            SignatureSlot(tr("协办客户经理", "Assisting loan officer"), officers.assistant),
            SignatureSlot(tr("审查人", "Reviewer")),
        ),
        note=tr(
            "本报告以数字签名签署；签名框内显示签署人、角色与签署时间。",
            "Signed digitally; each box shows the signer, the role and the time of signing.",
        ),
    )


def _kv(*pairs: tuple[str, str], columns: int = 2) -> KeyValues:
    return KeyValues(tuple(pairs), columns)


def _para_if(title: str, value: str, tr: Tr) -> list[Block]:
    """A labelled paragraph, or nothing when the officer wrote nothing."""
    if not value.strip():
        return []
    return [Para(f"{title}{tr.colon}{value.strip()}")]


def _sub(title: str, blocks: list[Block]) -> Section:
    return Section(title, tuple(blocks), in_contents=False)


# ---- 1 调查信息 ------------------------------------------------------------------------------


def _survey_info(ctx: SurveyContext) -> list[Block]:
    tr, case = ctx.tr, ctx.case
    d = case.dates
    return [
        _kv(
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


def _application(ctx: SurveyContext) -> list[Block]:
    tr, req, z = ctx.tr, ctx.case.request, ctx.results.sizing
    blocks: list[Block] = [
        _kv(
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
    blocks += _para_if(tr("贷款用途", "Purpose"), req.purpose, tr)
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


def _applicant(ctx: SurveyContext) -> list[Block]:
    tr, b, h, lang = ctx.tr, ctx.case.borrower, ctx.case.household, ctx.lang
    blocks: list[Block] = [
        _kv(
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
    blocks += _para_if(tr("家庭结构", "Household structure"), h.structure, tr)
    if h.members:
        rows = [
            (
                m.name,
                label(m.relationship, lang),
                count(m.age),
                text(m.occupation),
                label(m.child_status, lang) if m.child_status else DASH,
                yes_no(m.works_in_business, tr),
                money(m.monthly_income),
                yes_no(m.dependent, tr),
            )
            for m in h.members
        ]
        blocks.append(
            table(
                [
                    (tr("姓名", "Name"), L, 1),
                    (tr("关系", "Relation"), L, 0.8),
                    (tr("年龄", "Age"), R, 0.5),
                    (tr("职业", "Occupation"), L, 1.4),
                    (tr("子女状况", "Child status"), L, 0.8),
                    (tr("参与经营", "In business"), C, 0.7),
                    (tr("月收入", "Monthly income"), R, 1),
                    (tr("被供养", "Dependant"), C, 0.6),
                ],
                rows,
                caption=tr("家庭成员", "Household members"),
            )
        )
    blocks += _para_if(tr("家庭其他收入来源", "Other household income"), h.other_income_sources, tr)
    blocks += _para_if(tr("家庭情况分析", "Family situation"), ctx.case.soft_info.family, tr)
    blocks += _para_if(tr("家庭备注", "Household note"), h.note, tr)
    blocks += _para_if(tr("借款人备注", "Note on the applicant"), b.note, tr)
    return blocks


# ---- 4 信贷历史 --------------------------------------------------------------------------------


def _credit_history(ctx: SurveyContext) -> list[Block]:
    tr, b, lang = ctx.tr, ctx.case.borrower, ctx.lang
    sheet, totals = ctx.case.balance_sheet, ctx.results.totals
    blocks: list[Block] = [
        _kv(
            (tr("信用卡逾期次数", "Credit-card overdues"), str(b.card_overdue_count)),
            (tr("贷款逾期次数", "Loan overdues"), str(b.loan_overdue_count)),
            (tr("现有负债余额", "Debts outstanding"), money(total([d.balance for d in sheet.debts]))),
            (tr("对外担保余额", "Guarantees given"), money(totals.guarantees_given)),
        )
    ]
    if b.credit_history:
        rows = [
            (r.lender, text(r.kind), money(r.amount), money(r.balance), text(r.guarantee), text(r.overdue))
            for r in b.credit_history
        ]
        blocks.append(
            table(
                [
                    (tr("机构/卡主", "Lender / card"), L, 1.4),
                    (tr("类别", "Kind"), L, 0.8),
                    (tr("金额/额度", "Amount / limit"), R, 1),
                    (tr("余额", "Balance"), R, 1),
                    (tr("担保形式", "Guarantee"), L, 0.9),
                    (tr("逾期信息", "Overdue"), L, 1.1),
                ],
                rows,
                caption=tr("征信记录", "Credit report"),
            )
        )
    else:
        blocks.append(
            Para(tr("征信报告未列明贷款或信用卡记录。", "The credit report lists no loans or cards."))
        )
    if sheet.debts:
        rows = [
            (
                d.lender,
                label(d.kind, lang),
                label(d.scope, lang),
                money(d.balance),
                money(d.monthly_instalment),
                count(d.remaining_months),
                text(d.purpose),
            )
            for d in sheet.debts
        ]
        blocks.append(
            table(
                [
                    (tr("债权人", "Lender"), L, 1.6),
                    (tr("类别", "Kind"), L, 0.8),
                    (tr("归属", "Scope"), C, 0.6),
                    (tr("余额", "Balance"), R, 1),
                    (tr("月供", "Instalment"), R, 0.9),
                    (tr("剩余期数", "Months left"), R, 0.6),
                    (tr("用途", "Purpose"), L, 1),
                ],
                rows,
                caption=tr("融资及负债信息", "Borrowings"),
            )
        )
    if sheet.guarantees_given:
        rows = [
            (g.beneficiary, text(g.lender), money(g.amount), text(g.note)) for g in sheet.guarantees_given
        ]
        blocks.append(
            table(
                [
                    (tr("被担保人", "Beneficiary"), L, 1.2),
                    (tr("贷款机构", "Lender"), L, 1),
                    (tr("担保金额", "Amount"), R, 1),
                    (tr("说明", "Note"), L, 1.6),
                ],
                rows,
                caption=tr(
                    "对外担保（或有负债，不计入负债总计）", "Guarantees given (contingent, not in TL)"
                ),
            )
        )
    return blocks


# ---- 5 业务信息 --------------------------------------------------------------------------------


def _business(ctx: SurveyContext) -> list[Block]:
    tr, biz, lang, soft = ctx.tr, ctx.case.business, ctx.lang, ctx.case.soft_info
    if biz is None:
        return [Para(tr("无经营主体（消费类贷款）。", "No business (consumer loan)."))]
    years = DASH
    survey = ctx.case.dates.survey_date
    if biz.started_on and survey and survey >= biz.started_on:
        years = number(Decimal((survey - biz.started_on).days) / Decimal("365.25"), 1)
    blocks: list[Block] = [
        _kv(
            (tr("企业名称", "Business"), biz.name),
            (tr("行业", "Industry"), text(biz.industry)),
            (tr("营业执照号", "Licence number"), text(biz.licence_number)),
            (tr("法律形式", "Legal form"), label(biz.legal_form, lang)),
            (tr("注册经营人", "Registered owner"), text(biz.registered_owner)),
            (tr("实际经营人", "Actual operator"), text(biz.actual_operator)),
            (tr("经营地址", "Address"), text(biz.address)),
            (tr("场地所有权", "Premises"), label(biz.premises_tenure, lang)),
            (tr("经营面积（m²）", "Area (m²)"), count(biz.premises_area_m2)),
            (tr("月租金", "Monthly rent"), money(biz.monthly_rent)),
            (tr("租期至", "Lease until"), day(biz.lease_until)),
            (tr("开业日期", "Started on"), day(biz.started_on)),
            (tr("现址经营起始", "At this site since"), day(biz.at_site_since)),
            (tr("经营年限（年）", "Years in business"), years),
            (tr("雇员人数", "Employees"), str(biz.employees)),
            (tr("每月营业天数", "Operating days a month"), count(biz.operating_days_per_month)),
        )
    ]
    blocks += _para_if(tr("主营业务", "Main activity"), biz.main_activity, tr)
    for caption, parties in (
        (tr("主要供应商", "Main suppliers"), biz.suppliers),
        (tr("主要客户", "Main customers"), biz.customers),
    ):
        if parties:
            rows = [(p.name, pct(p.share), text(p.payment_terms), count(p.years)) for p in parties]
            blocks.append(
                table(
                    [
                        (tr("名称", "Name"), L, 2),
                        (tr("占比", "Share"), R, 0.7),
                        (tr("付款条件", "Payment terms"), L, 1.4),
                        (tr("往来年限", "Years"), R, 0.6),
                    ],
                    rows,
                    caption=caption,
                )
            )
    blocks += _para_if(tr("经营历史及资本积累", "History and capital accumulation"), biz.history, tr)
    blocks += _para_if(tr("资本积累", "Capital accumulation"), soft.capital_accumulation, tr)
    blocks += _para_if(tr("企业管理及所有权", "Management and ownership"), biz.management, tr)
    blocks += _para_if(
        tr("较上次申请的变化", "Changes since the last application"), biz.changes_since_last, tr
    )
    blocks += _para_if(tr("过去/未来 12 个月开支及投资", "Spending and investment plans"), biz.plans, tr)
    blocks += _para_if(
        tr("信息收集与核实", "Information sources and verification"), soft.information_sources, tr
    )
    blocks += _para_if(
        tr("对现状的评价（非财务信息）", "Assessment of the present situation"), soft.assessment, tr
    )
    return blocks


# ---- 6 软信息 ----------------------------------------------------------------------------------


def _soft_info(ctx: SurveyContext) -> list[Block]:
    tr, soft, lang = ctx.tr, ctx.case.soft_info, ctx.lang
    blocks: list[Block] = []
    if soft.matrix:
        rows = [(pair_label(SOFT_FACTORS, f.factor, lang), f.option, text(f.note)) for f in soft.matrix]
        blocks.append(
            table(
                [(tr("因素", "Factor"), L, 1), (tr("情况", "Finding"), L, 1.3), (tr("说明", "Note"), L, 2.2)],
                rows,
                caption=tr("软件信息不对称偏差分析", "Soft-information matrix"),
            )
        )
    blocks.append(_kv((tr("软信息总体评价", "Overall soft-information rating"), label(soft.overall, lang))))
    blocks += _para_if(tr("性格与品行", "Character"), soft.character, tr)
    blocks += _para_if(tr("他人评价", "Reputation"), soft.reputation, tr)
    blocks += _para_if(tr("不良嗜好/不良记录", "Bad habits / records"), soft.bad_habits, tr)
    blocks += _para_if(tr("事业情况", "Career"), soft.business_history, tr)
    if soft.checks:
        rows = [
            (
                c.topic,
                f"{c.source_a}{tr.colon}{c.statement_a}",
                f"{c.source_b}{tr.colon}{c.statement_b}",
                tr("一致", "consistent") if c.consistent else tr("不一致", "inconsistent"),
                text(c.note),
            )
            for c in soft.checks
        ]
        blocks.append(
            table(
                [
                    (tr("事项", "Topic"), L, 0.9),
                    (tr("来源 A", "Source A"), L, 1.6),
                    (tr("来源 B", "Source B"), L, 1.6),
                    (tr("结论", "Result"), C, 0.6),
                    (tr("说明", "Note"), L, 1.2),
                ],
                rows,
                caption=tr("软信息交叉检验", "Soft-information cross-checks"),
            )
        )
    if len(blocks) == 1:
        blocks.append(Para(tr("未录入其他软信息。", "No further soft information recorded.")))
    return blocks


# ---- 7 贷款原因分析 ----------------------------------------------------------------------------


def _purpose(ctx: SurveyContext) -> list[Block]:
    tr, req, lang = ctx.tr, ctx.case.request, ctx.lang
    families = []
    for line in req.uses:
        if line.family is not None and label(line.family, lang) not in families:
            families.append(label(line.family, lang))
    other = total([s.amount for s in req.other_sources])
    blocks: list[Block] = [
        _kv(
            (tr("资金需求合计", "Total need"), money(req.need)),
            (tr("自有资金", "Own contribution"), money(req.own_contribution)),
            (tr("其他资金来源", "Other sources"), money(other)),
            (tr("融资缺口", "Financing gap"), money(req.financing_gap)),
            (tr("申请金额", "Requested amount"), money(req.amount)),
            (tr("需求类别", "Kind of need"), tr.sep.join(families) if families else DASH),
        )
    ]
    blocks += _para_if(tr("申请贷款的原因", "Reason for the loan"), ctx.case.soft_info.reason_for_loan, tr)
    if req.uses:
        rows = [(u.label, money(u.amount), label(u.family, lang), text(u.note)) for u in req.uses]
        rows.append((tr("合计", "Total"), money(req.need), "", ""))
        blocks.append(
            table(
                [
                    (tr("用途", "Use"), L, 1.6),
                    (tr("金额", "Amount"), R, 1),
                    (tr("需求类别", "Kind"), L, 1.4),
                    (tr("说明", "Note"), L, 1.4),
                ],
                rows,
                emphasis={len(rows) - 1},
                caption=tr("资金使用计划", "Uses of funds"),
            )
        )
    sources = [(tr("自有资金", "Own funds"), money(req.own_contribution), "")]
    sources += [(s.label, money(s.amount), text(s.note)) for s in req.other_sources]
    sources.append((tr("申请贷款", "Loan requested"), money(req.amount), ""))
    sources.append(
        (tr("合计", "Total"), money(req.own_contribution + other + req.amount), ""),
    )
    blocks.append(
        table(
            [(tr("来源", "Source"), L, 1.6), (tr("金额", "Amount"), R, 1), (tr("说明", "Note"), L, 2.8)],
            sources,
            emphasis={len(sources) - 1},
            caption=tr("资金来源计划", "Sources of funds"),
        )
    )
    return blocks


# ---- 8 资产负债表 ------------------------------------------------------------------------------


def _balance_sheet(ctx: SurveyContext) -> list[Block]:
    tr, sheet, t = ctx.tr, ctx.case.balance_sheet, ctx.results.totals
    prior = ctx.case.prior_balance_sheet
    p = compute_totals(prior) if prior is not None else None
    blocks: list[Block] = [
        Para(
            tr(
                f"报表日期：{day(sheet.date)}。资产按现值、存货按成本计；家庭资产与负债并入同一张表，"
                "表外项目与对外担保单列，不计入总计。",
                f"Date: {day(sheet.date)}. Assets at present value, stock at cost; household assets and "
                "debts are on the same sheet; off-balance items and guarantees are listed, not added.",
            ),
            TextStyle.NOTE,
        )
    ]
    assets = [
        (tr("现金", "Cash"), t.cash, p.cash if p else None),
        (tr("银行存款", "Bank & e-wallet"), t.bank, p.bank if p else None),
        (tr("应收账款", "Receivables"), t.receivables, p.receivables if p else None),
        (tr("预付账款", "Prepayments"), t.prepayments, p.prepayments if p else None),
        (tr("存货", "Inventory"), t.inventory, p.inventory if p else None),
        (tr("流动资产合计", "Current assets"), t.current_assets, p.current_assets if p else None),
        (tr("固定资产（经营）", "Fixed assets (business)"), t.fixed_assets, p.fixed_assets if p else None),
        (tr("其他经营资产", "Other business assets"), t.other_assets, p.other_assets if p else None),
        (tr("经营资产合计", "Business assets"), t.business_assets, p.business_assets if p else None),
        (tr("家庭资产", "Household assets"), t.household_assets, p.household_assets if p else None),
        (tr("资产总计", "Total assets"), t.total_assets, p.total_assets if p else None),
    ]
    liabilities = [
        (tr("应付账款", "Payables"), t.payables, p.payables if p else None),
        (tr("预收账款", "Advances received"), t.advances_received, p.advances_received if p else None),
        (tr("短期借款", "Short-term debts"), t.short_debts, p.short_debts if p else None),
        (
            tr("流动负债合计", "Current liabilities"),
            t.current_liabilities,
            p.current_liabilities if p else None,
        ),
        (tr("长期负债", "Long-term debts"), t.long_term_liabilities, p.long_term_liabilities if p else None),
        (tr("负债总计", "Total liabilities"), t.total_liabilities, p.total_liabilities if p else None),
        (
            tr("其中：经营负债", "of which business"),
            t.business_liabilities,
            p.business_liabilities if p else None,
        ),
        (
            tr("其中：家庭负债", "of which household"),
            t.household_liabilities,
            p.household_liabilities if p else None,
        ),
        (tr("所有者权益", "Equity"), t.equity, p.equity if p else None),
        (tr("其中：经营权益", "of which business"), t.business_equity, p.business_equity if p else None),
        (tr("其中：家庭权益", "of which household"), t.household_equity, p.household_equity if p else None),
    ]
    rows: list[tuple[str, ...]] = []
    for (a_label, a_now, a_prior), (l_label, l_now, l_prior) in zip(assets, liabilities, strict=True):
        if p is not None:
            rows.append((a_label, money(a_now), money(a_prior), l_label, money(l_now), money(l_prior)))
        else:
            rows.append((a_label, money(a_now), l_label, money(l_now)))
    if p is not None:
        columns = [
            (tr("资产", "Assets"), L, 1.5),
            (tr("本期", "Current"), R, 1),
            (tr("上期", "Prior"), R, 1),
            (tr("负债及权益", "Liabilities and equity"), L, 1.5),
            (tr("本期", "Current"), R, 1),
            (tr("上期", "Prior"), R, 1),
        ]
    else:
        columns = [
            (tr("资产", "Assets"), L, 1.5),
            (tr("金额", "Amount"), R, 1),
            (tr("负债及权益", "Liabilities and equity"), L, 1.5),
            (tr("金额", "Amount"), R, 1),
        ]
    blocks.append(table(columns, rows, emphasis={5, 10}, caption=tr("资产负债简表", "Balance sheet summary")))
    blocks.append(
        _kv(
            (tr("表外资产", "Off-balance assets"), money(t.off_balance_assets)),
            (tr("表外负债", "Off-balance liabilities"), money(t.off_balance_liabilities)),
            (tr("对外担保（或有负债）", "Guarantees given"), money(t.guarantees_given)),
            (tr("流动资金（现金+存款+家庭存款）", "Liquid funds"), money(t.liquid)),
        )
    )
    blocks.append(ratios_table(ctx))
    if ctx.details:
        blocks += balance_details(ctx)
    else:
        blocks.append(
            Para(tr("各项明细见附录 A。", "The detail lists are in appendix A."), TextStyle.NOTE),
        )
    return blocks


def ratios_table(ctx: SurveyContext) -> DataTable:
    """资产负债评价: ratios as % or as plain numbers (days, months, times)."""
    tr = ctx.tr
    percent_ratios = {"debt_ratio", "ar_to_sales", "stock_at_price_to_sales", "debt_to_sales"}
    rows = []
    for key, value in ctx.results.ratios.items():
        shown = pct(value) if key in percent_ratios else number(value, 2)
        rows.append((pair_label(RATIO_LABELS, key, ctx.lang), shown))
    half = (len(rows) + 1) // 2
    left, right = rows[:half], rows[half:]
    right += [("", "")] * (len(left) - len(right))
    merged = [(a[0], a[1], b[0], b[1]) for a, b in zip(left, right, strict=True)]
    return table(
        [
            (tr("指标", "Ratio"), L, 2),
            (tr("数值", "Value"), R, 1),
            (tr("指标", "Ratio"), L, 2),
            (tr("数值", "Value"), R, 1),
        ],
        merged,
        caption=tr("资产负债评价", "Balance-sheet ratios"),
    )


def balance_details(ctx: SurveyContext, sheet: BalanceSheet | None = None) -> list[Block]:
    """Every detail list of the balance sheet, each with a total row."""
    tr, lang = ctx.tr, ctx.lang
    sheet = sheet or ctx.case.balance_sheet
    blocks: list[Block] = []
    if sheet.assets:
        rows = [
            (label(a.category, lang), a.label, label(a.scope, lang), money(a.amount), text(a.note))
            for a in sheet.assets
        ]
        rows.append((tr("合计", "Total"), "", "", money(total([a.amount for a in sheet.assets])), ""))
        blocks.append(
            table(
                [
                    (tr("类别", "Category"), L, 1),
                    (tr("项目", "Item"), L, 2),
                    (tr("归属", "Scope"), C, 0.6),
                    (tr("金额", "Amount"), R, 1),
                    (tr("说明", "Note"), L, 1.4),
                ],
                rows,
                emphasis={len(rows) - 1},
                caption=tr("现金、存款及其他资产", "Cash, deposits and other assets"),
            )
        )
    if sheet.stock:
        rows = [
            (label(s.category, lang), s.label, count(s.quantity), money(s.unit_cost), money(s.amount))
            for s in sheet.stock
        ]
        rows.append((tr("合计", "Total"), "", "", "", money(total([s.amount for s in sheet.stock]))))
        blocks.append(
            table(
                [
                    (tr("类别", "Category"), L, 0.9),
                    (tr("名称", "Item"), L, 2.2),
                    (tr("数量", "Quantity"), R, 0.7),
                    (tr("单位成本", "Unit cost"), R, 1),
                    (tr("金额", "Amount"), R, 1),
                ],
                rows,
                emphasis={len(rows) - 1},
                caption=tr("存货明细", "Inventory"),
            )
        )
    if sheet.fixed_assets:
        rows = [
            (
                label(f.category, lang),
                f.label,
                label(f.scope, lang),
                str(f.quantity),
                money(f.original_value),
                money(f.present_value),
                money(f.depreciation),
                pct(f.depreciation_rate),
            )
            for f in sheet.fixed_assets
        ]
        rows.append(
            (
                tr("合计", "Total"),
                "",
                "",
                "",
                "",
                money(total([f.present_value for f in sheet.fixed_assets])),
                money(total([f.depreciation for f in sheet.fixed_assets])),
                "",
            )
        )
        blocks.append(
            table(
                [
                    (tr("类别", "Category"), L, 0.8),
                    (tr("名称", "Item"), L, 2),
                    (tr("归属", "Scope"), C, 0.5),
                    (tr("数量", "Qty"), R, 0.4),
                    (tr("原值", "Original"), R, 1),
                    (tr("现值", "Present value"), R, 1),
                    (tr("折旧", "Depreciation"), R, 0.9),
                    (tr("折旧率", "Rate"), R, 0.7),
                ],
                rows,
                emphasis={len(rows) - 1},
                caption=tr("固定资产明细", "Fixed assets"),
            )
        )
    if sheet.receivables:
        rows = [
            (r.counterparty, money(r.amount), count(r.age_days), text(r.terms)) for r in sheet.receivables
        ]
        rows.append((tr("合计", "Total"), money(total([r.amount for r in sheet.receivables])), "", ""))
        blocks.append(
            table(
                [
                    (tr("客户", "Customer"), L, 2),
                    (tr("金额", "Amount"), R, 1),
                    (tr("账龄（天）", "Age (days)"), R, 0.7),
                    (tr("结算方式", "Terms"), L, 1.5),
                ],
                rows,
                emphasis={len(rows) - 1},
                caption=tr("应收账款明细", "Receivables"),
            )
        )
    if sheet.payables:
        rows = [
            (label(p.kind, lang), p.counterparty, money(p.amount), count(p.age_days), text(p.terms))
            for p in sheet.payables
        ]
        rows.append((tr("合计", "Total"), "", money(total([p.amount for p in sheet.payables])), "", ""))
        blocks.append(
            table(
                [
                    (tr("类别", "Kind"), L, 0.9),
                    (tr("对方", "Counterparty"), L, 2),
                    (tr("金额", "Amount"), R, 1),
                    (tr("账龄（天）", "Age (days)"), R, 0.7),
                    (tr("结算方式", "Terms"), L, 1.2),
                ],
                rows,
                emphasis={len(rows) - 1},
                caption=tr("应付及预收明细", "Payables and advances"),
            )
        )
    if sheet.debts:
        rows = [
            (
                d.lender,
                label(d.kind, lang),
                label(d.scope, lang),
                money(d.original_amount),
                money(d.balance),
                money(d.monthly_instalment),
                money(d.monthly_interest),
                count(d.remaining_months),
                tr("长期", "long") if d.long_term else tr("短期", "short"),
            )
            for d in sheet.debts
        ]
        rows.append(
            (
                tr("合计", "Total"),
                "",
                "",
                "",
                money(total([d.balance for d in sheet.debts])),
                money(total([d.monthly_instalment for d in sheet.debts])),
                money(total([d.monthly_interest for d in sheet.debts])),
                "",
                "",
            )
        )
        blocks.append(
            table(
                [
                    (tr("债权人", "Lender"), L, 1.8),
                    (tr("类别", "Kind"), L, 0.8),
                    (tr("归属", "Scope"), C, 0.5),
                    (tr("原始金额", "Original"), R, 0.9),
                    (tr("余额", "Balance"), R, 0.9),
                    (tr("月供", "Instalment"), R, 0.8),
                    (tr("月利息", "Interest"), R, 0.7),
                    (tr("剩余期数", "Left"), R, 0.5),
                    (tr("期限", "Term"), C, 0.5),
                ],
                rows,
                emphasis={len(rows) - 1},
                caption=tr("负债明细", "Debts"),
                small=True,
            )
        )
    if sheet.off_balance:
        rows = [
            (
                o.label,
                tr("负债", "liability") if o.is_liability else tr("资产", "asset"),
                money(o.value),
                text(o.note),
            )
            for o in sheet.off_balance
        ]
        blocks.append(
            table(
                [
                    (tr("项目", "Item"), L, 2),
                    (tr("性质", "Kind"), C, 0.7),
                    (tr("价值", "Value"), R, 1),
                    (tr("说明", "Note"), L, 1.6),
                ],
                rows,
                caption=tr("表外资产/负债", "Off-balance items"),
            )
        )
    if not blocks:
        blocks.append(Para(tr("资产负债表无明细。", "The balance sheet has no detail lines.")))
    return blocks


# ---- 9 损益表 ----------------------------------------------------------------------------------

_LINES: tuple[tuple[str, str, str], ...] = (
    ("sales", "主营业务收入", "Sales"),
    ("variable_costs", "可变成本", "Variable costs"),
    ("gross_profit", "毛利", "Gross profit"),
    ("operating_expenses", "营业费用", "Operating expenses"),
    ("operating_profit", "经营利润", "Operating profit"),
    ("business_interest", "经营贷款利息", "Business interest"),
    ("net_profit_accounting", "净利润（会计口径）", "Net profit (accounting)"),
    ("business_instalments", "分期还款（经营）", "Business instalments"),
    ("net_profit_cash", "净利润", "Net profit (cash)"),
    ("household", "家庭开支", "Household expenses"),
    ("private_instalments", "分期付款（私人用途）", "Private instalments"),
    ("other_expenses", "其他开支", "Other expenses"),
    ("other_income", "其他收入", "Other income"),
    ("disposable", "每月可支配资金", "Monthly disposable cash"),
)
_EMPHASIS_LINES = {"gross_profit", "net_profit_cash", "disposable"}


def _income_statement(ctx: SurveyContext) -> list[Block]:
    tr, st, pl, lang = ctx.tr, ctx.results.statement, ctx.case.profit_loss, ctx.lang
    s = st.structure
    blocks: list[Block] = []
    if pl.products:
        blocks.append(product_table(ctx))
    blocks.append(
        _kv(
            (tr("加权毛利率", "Weighted gross margin"), pct(s.gross_margin)),
            (tr("净利率（月均）", "Net margin (average)"), pct(st.net_margin)),
            (tr("进货成本占比", "Purchase share"), pct(s.purchase_ratio)),
            (tr("材料成本占比", "Material share"), pct(s.material_ratio)),
            (tr("计件工资占比", "Piece-wage share"), pct(s.wage_ratio)),
            (tr("生产电费占比", "Energy share"), pct(s.energy_ratio)),
            (tr("每千元产值耗电 kWh", "kWh per 1,000 CNY"), number(s.kwh_per_1000, 2)),
            (tr("平季月所需工时", "Labour hours (normal month)"), number(s.labour_hours_normal, 1)),
            (tr("年销售额", "Annual sales"), money(st.annual_sales)),
            (tr("固定费用合计（月）", "Fixed costs a month"), money(st.fixed_costs)),
        )
    )
    seasons_present = [season for season in Season if season in pl.calendar]
    calendar = []
    for season in seasons_present:
        months = tr.sep.join(
            months_label(m, lang) for m, s_ in enumerate(pl.calendar, start=1) if s_ is season
        )
        calendar.append(f"{label(season, lang)}{tr.colon}{months}")
    blocks.append(Para(("；" if lang == "zh" else "; ").join(calendar), TextStyle.NOTE))
    rows = []
    emphasis = set()
    for index, (key, zh, en) in enumerate(_LINES):
        row = [en if lang == "en" else zh, money(st.average[key])]
        row += [money(getattr(st.by_season[season], key)) for season in seasons_present]
        rows.append(tuple(row))
        if key in _EMPHASIS_LINES:
            emphasis.add(index)
    blocks.append(
        table(
            [(tr("项目", "Line"), L, 1.8), (tr("月均", "Average"), R, 1)]
            + [
                (tr(f"{label(season, 'zh')}月", f"{label(season, 'en')} month"), R, 1)
                for season in seasons_present
            ],
            rows,
            emphasis=emphasis,
            caption=tr("损益表（月均及各季节月份）", "Income statement (average and seasonal months)"),
        )
    )
    blocks += _para_if(tr("主营业务收入详述", "Sales narrative"), pl.sales_narrative, tr)
    blocks += expense_tables(ctx)
    if ctx.details:
        blocks += monthly_tables(ctx)
    else:
        blocks.append(
            Para(tr("12 个月损益表见附录 B。", "The 12-month statement is in appendix B."), TextStyle.NOTE)
        )
    blocks.append(
        ChartRef(
            draw_monthly_chart,
            (ctx.results, lang),
            height_mm=78,
            caption=tr(
                "图：月度销售、净利润与可支配资金", "Chart: monthly sales, net profit and disposable cash"
            ),
        )
    )
    return blocks


def product_table(ctx: SurveyContext) -> DataTable:
    """加权毛利率 (trade) or the unit cost structure (workshops)."""
    tr, pl = ctx.tr, ctx.case.profit_loss
    by_quantity = all(p.quantity is not None for p in pl.products)
    if by_quantity:
        rows = []
        for p in pl.products:
            qty = p.quantity or ZERO
            rows.append(
                (
                    p.name,
                    count(qty),
                    money(p.unit_price),
                    money(p.material + p.unit_cost),
                    money(p.piece_wage),
                    count(p.kwh),
                    count(p.labour_hours),
                    money(qty * p.unit_price),
                )
            )
        rows.append(
            (
                tr("合计", "Total"),
                "",
                "",
                "",
                "",
                "",
                "",
                money(total([(p.quantity or ZERO) * p.unit_price for p in pl.products])),
            )
        )
        return table(
            [
                (tr("产品", "Product"), L, 1.5),
                (tr("平季月产量", "Qty / month"), R, 0.8),
                (tr("单价", "Price"), R, 0.9),
                (tr("材料/单位", "Material"), R, 0.9),
                (tr("计件工资/单位", "Piece wage"), R, 0.9),
                (tr("耗电 kWh", "kWh"), R, 0.6),
                (tr("工时", "Hours"), R, 0.5),
                (tr("月销售额", "Sales"), R, 1),
            ],
            rows,
            emphasis={len(rows) - 1},
            caption=tr("单位成本结构", "Unit cost structure"),
        )
    weight_total = total([p.share or ZERO for p in pl.products])
    rows = []
    for p in pl.products:
        margin = (ONE - p.unit_cost / p.unit_price) if p.unit_price else None
        weighted = margin * (p.share or ZERO) / weight_total if margin is not None and weight_total else None
        rows.append(
            (p.name, pct(p.share), money(p.unit_cost), money(p.unit_price), pct(margin), pct(weighted))
        )
    rows.append(
        (
            tr("加权毛利率", "Weighted margin"),
            pct(weight_total),
            "",
            "",
            "",
            pct(ctx.results.statement.structure.gross_margin),
        )
    )
    return table(
        [
            (tr("产品", "Product"), L, 1.6),
            (tr("销售占比", "Sales share"), R, 0.8),
            (tr("进价", "Unit cost"), R, 0.8),
            (tr("售价", "Unit price"), R, 0.8),
            (tr("毛利率", "Margin"), R, 0.8),
            (tr("加权", "Weighted"), R, 0.8),
        ],
        rows,
        emphasis={len(rows) - 1},
        caption=tr("加权毛利率", "Weighted gross margin"),
    )


def expense_tables(ctx: SurveyContext) -> list[Block]:
    """Fixed costs, variable expense rates, household, other expenses and other income."""
    tr, pl = ctx.tr, ctx.case.profit_loss
    blocks: list[Block] = []
    groups = (
        (tr("固定费用明细（月）", "Fixed costs (monthly)"), pl.fixed_costs),
        (tr("家庭开支明细（月）", "Household expenses (monthly)"), pl.household_expenses),
        (tr("其他开支（月）", "Other expenses (monthly)"), pl.other_expenses),
        (tr("其他收入（月）", "Other income (monthly)"), pl.other_income),
    )
    for caption, items in groups:
        if not items:
            continue
        rows = [(e.label, money(e.amount), text(e.note)) for e in items]
        rows.append((tr("合计", "Total"), money(total([e.amount for e in items])), ""))
        blocks.append(
            table(
                [(tr("项目", "Item"), L, 2), (tr("金额", "Amount"), R, 1), (tr("说明", "Note"), L, 2.4)],
                rows,
                emphasis={len(rows) - 1},
                caption=caption,
            )
        )
    if pl.variable_expenses:
        rows = [(v.label, pct(v.rate)) for v in pl.variable_expenses]
        blocks.append(
            table(
                [(tr("项目", "Item"), L, 2), (tr("占销售额比例", "Share of sales"), R, 1)],
                rows,
                caption=tr("随销售额变动的费用", "Expenses proportional to sales"),
            )
        )
    return blocks


def monthly_tables(ctx: SurveyContext) -> list[Block]:
    """The 12-month statement in two halves (A4 portrait), the average beside the second."""
    tr, st, lang = ctx.tr, ctx.results.statement, ctx.lang
    blocks: list[Block] = []
    for half, months in ((1, st.months[:6]), (2, st.months[6:])):
        header = [(tr("项目", "Line"), L, 1.7)]
        header += [
            (
                f"{months_label(m.month, lang)}（{label(m.season, lang)}）"
                if lang == "zh"
                else f"{months_label(m.month, lang)} ({label(m.season, lang)})",
                R,
                1,
            )
            for m in months
        ]
        if half == 2:
            header.append((tr("月均", "Average"), R, 1))
        rows = []
        emphasis = set()
        for index, (key, zh, en) in enumerate(_LINES):
            row = [en if lang == "en" else zh] + [money(getattr(m, key)) for m in months]
            if half == 2:
                row.append(money(st.average[key]))
            rows.append(tuple(row))
            if key in _EMPHASIS_LINES:
                emphasis.add(index)
        blocks.append(
            table(
                header,
                rows,
                emphasis=emphasis,
                caption=tr(
                    f"月份损益表（{'1–6' if half == 1 else '7–12'} 月）",
                    f"Monthly statement ({'Jan–Jun' if half == 1 else 'Jul–Dec'})",
                ),
                small=True,
            )
        )
    return blocks


# ---- 10 交叉检验 -------------------------------------------------------------------------------


def _value_kind(check: CrossCheckResult) -> str:
    """How a check's figures read: margins and utilisation as %, factors and M3 ratios as numbers."""
    if check.target in (Target.GROSS_MARGIN, Target.LABOUR_CAPACITY):
        return "ratio"
    if check.target is Target.SEASONAL_FACTOR:
        return "factor"
    if check.method is CheckMethod.M3:
        return "number"
    return "money"


def _fmt(value: Decimal | None, kind: str) -> str:
    if kind == "ratio":
        return pct(value)
    if kind == "factor":
        return number(value, 4)
    if kind == "number":
        return number(value, 2)
    return money(value)


def inputs_summary(check: CrossCheck, figures: dict[str, Decimal | None], lang: str) -> str:
    """The inputs of a check in one line: ``日均销售 3,950.00；天数 30``."""
    tr = Tr(lang)
    inp = check.inputs
    sep = "；" if lang == "zh" else "; "
    if isinstance(inp, EquityInputs):
        return tr("见权益检验", "see the equity reconciliation")
    if isinstance(inp, LogicInputs):
        return sep.join(
            (f"{inp.source_a}{tr.colon}{inp.statement_a}", f"{inp.source_b}{tr.colon}{inp.statement_b}")
        )
    if isinstance(inp, MarginSampleInputs):
        return sep.join(
            f"{i.name} {money(i.cost)}→{money(i.price)}" + (f" ×{count(i.weight)}" if i.weight != ONE else "")
            for i in inp.items
        )
    if isinstance(inp, IncomeInputs):
        return sep.join(f"{s.source} {money(s.monthly)}" for s in inp.sources)
    parts = []
    for f in dataclasses.fields(inp):
        value = getattr(inp, f.name)
        if value is None:
            continue
        name = pair_label(INPUT_LABELS, f.name, lang)
        if isinstance(value, FigureRef):
            figure = REFERABLE_FIGURES[value.name]["en" if lang == "en" else "zh"]
            resolved = figures.get(value.name)
            shown = _input_value(f.name, resolved) if resolved is not None else DASH
            parts.append(f"{name} = {figure} {shown}")
        elif isinstance(value, Decimal | int):
            parts.append(f"{name} {_input_value(f.name, Decimal(value))}")
    if check.evidence:
        parts.append(tr("证据 ", "evidence ") + ", ".join(check.evidence))
    return sep.join(parts)


def _input_value(name: str, value: Decimal) -> str:
    if name in SHARE_INPUTS:
        return pct(value)
    if name in COUNT_INPUTS:
        return count(value) if value == value.to_integral_value() else number(value, 2)
    return money(value)


def _cross_checks(ctx: SurveyContext) -> list[Block]:
    tr, lang, results = ctx.tr, ctx.lang, ctx.results
    blocks: list[Block] = [
        Para(
            tr(
                "偏差 = （认定值 − 检验值）/ 认定值；偏差为正表示检验值低于认定值。"
                "|偏差| ≤ 5% 通过，≤ 10% 需书面说明，> 10% 不通过；区间检验在区间内即为通过。",
                "Deviation = (adopted − check) / adopted; positive means the check is lower than the "
                "adopted figure. |δ| ≤ 5 % OK, ≤ 10 % needs a written explanation, above that it fails; "
                "a range check passes inside its range.",
            ),
            TextStyle.NOTE,
        )
    ]
    by_id = {c.id: c for c in ctx.case.cross_checks}
    rows = []
    for result in results.checks:
        kind = _value_kind(result)
        check = by_id[result.id]
        title = f"{result.title}{tr.colon}" if result.title else ""
        summary = title + inputs_summary(check, results.figures, lang)
        if result.kind is CheckKind.RANGE:
            value = f"{_fmt(result.low, kind)} –\n{_fmt(result.high, kind)}"  # one bound per line
            adopted = _fmt(result.adopted, kind)
            dev = tr("在区间内", "inside range") if result.inside else deviation(result.deviation)
        elif result.kind is CheckKind.LOGIC:
            value = tr("一致", "consistent") if result.status is Status.OK else tr("不一致", "inconsistent")
            adopted, dev = DASH, DASH
        else:
            value, adopted, dev = (
                _fmt(result.check_value, kind),
                _fmt(result.adopted, kind),
                deviation(result.deviation),
            )
        status = STATUS_LABELS[result.status][lang]
        if result.superseded_by:
            status += tr(f"（已由 {result.superseded_by} 取代）", f" (superseded by {result.superseded_by})")
        rows.append(
            (
                result.id,
                f"{result.method.value} {METHOD_LABELS[result.method][lang]}",
                summary,
                value,
                adopted,
                dev,
                status,
                text(result.explanation),
            )
        )
    if rows:
        blocks.append(
            table(
                [
                    (tr("编号", "No."), L, 0.45),
                    (tr("检验方法", "Method"), L, 1.0),
                    (tr("检验内容及输入", "Inputs"), L, 2.0),
                    (tr("检验值", "Check value"), R, 1.0),
                    (tr("认定值", "Adopted"), R, 0.95),
                    (tr("偏差", "δ"), R, 0.65),
                    (tr("结论", "Status"), C, 0.7),
                    (tr("说明", "Explanation"), L, 1.6),
                ],
                rows,
                caption=tr("交叉检验矩阵", "Cross-check matrix"),
                small=True,
            )
        )
        counts = []
        for item in sorted({r.item for r in results.checks}, key=list(ITEM_NAMES).index):
            n = sum(1 for r in results.checks if r.item == item and counted(r))
            counts.append(tr(f"{ITEM_NAMES[item]['zh']} {n} 项", f"{ITEM_NAMES[item]['en']}: {n}"))
        blocks.append(
            Para(
                tr("有效检验（未被取代，通过或已说明）：", "Counted checks (standing, OK or explained): ")
                + tr.sep.join(counts),
                TextStyle.NOTE,
            )
        )
    else:
        blocks.append(Para(tr("未录入交叉检验。", "No cross-checks recorded.")))
    bars = deviation_bars(results, lang)
    if bars:
        blocks.append(
            ChartRef(
                draw_deviation_chart,
                (bars, DEFAULT_SETTINGS.flow_tolerance, lang),
                height_mm=max(55.0, 18.0 + 8.0 * len(bars)),
                caption=tr(
                    "图：交叉检验与权益检验偏差（阴影为通过/需说明/不通过区间）",
                    "Chart: deviations with the OK / explain / fail bands",
                ),
            )
        )
    return blocks


# ---- 11 权益检验 -------------------------------------------------------------------------------


def _equity(ctx: SurveyContext) -> list[Block]:
    tr, eq_in, eq = ctx.tr, ctx.case.equity_check, ctx.results.equity
    if eq_in is None or eq is None:
        return [Para(tr("本案未做权益检验。", "No equity reconciliation in this case."))]
    blocks: list[Block] = [
        _kv(
            (tr("初始权益日", "Initial-equity date"), day(eq_in.initial_date)),
            (tr("依据", "Basis"), text(eq_in.initial_basis)),
            (tr("实际权益含表外项目", "Off-balance items included"), yes_no(eq_in.include_off_balance, tr)),
            (tr("应有权益", "Expected equity"), money(eq.expected)),
        ),
        Para(
            tr(
                "应有权益 = 初始权益 + 期间利润 + 期间注资 + 升值 − 期间提取 − 折旧/贬值；"
                "偏差 = （实际权益 − 应有权益）/ 实际权益。",
                "Expected equity = initial equity + period profit + injections + appreciation − withdrawals "
                "− depreciation; deviation = (actual − expected) / actual.",
            ),
            TextStyle.NOTE,
        ),
    ]
    rows: list[tuple[str, ...]] = []
    emphasis: set[int] = set()
    groups = (
        (tr("初始资产", "Initial assets"), eq_in.initial_assets, eq.initial_assets, "+"),
        (tr("初始负债", "Initial liabilities"), eq_in.initial_liabilities, eq.initial_liabilities, "−"),
        (tr("初始权益 E₀", "Initial equity E₀"), (), eq.initial_equity, "="),
        (tr("期间利润 Π", "Period profit Π"), eq_in.period_profit, eq.period_profit, "+"),
        (tr("期间注资 I", "Injections I"), eq_in.injections, eq.injections, "+"),
        (tr("升值 A", "Appreciation A"), eq_in.appreciation, eq.appreciation, "+"),
        (tr("期间提取 W", "Withdrawals W"), eq_in.withdrawals, eq.withdrawals, "−"),
        (tr("折旧/贬值 D", "Depreciation D"), eq_in.depreciation, eq.depreciation, "−"),
    )
    for title, items, subtotal, sign in groups:
        emphasis.add(len(rows))
        rows.append((f"{sign} {title}", "", money(subtotal), ""))
        for item in items:
            calc = f"{money(item.amount)} × {count(item.times)}" if item.times != ONE else money(item.amount)
            rows.append((f"　{item.label}", calc, money(item.value), text(item.note)))
    emphasis.add(len(rows))
    rows.append((tr("= 应有权益", "= Expected equity"), "", money(eq.expected), ""))
    blocks.append(
        table(
            [
                (tr("项目", "Item"), L, 2.4),
                (tr("计算", "Calculation"), R, 1.1),
                (tr("金额", "Amount"), R, 1),
                (tr("说明", "Note"), L, 1.4),
            ],
            rows,
            emphasis=emphasis,
            caption=tr("权益检验计算", "Reconciliation"),
        )
    )
    pass_rows = []
    for number_, p in enumerate(eq.passes, start=1):
        name = tr(f"第 {number_} 轮", f"Pass {number_}")
        if number_ == len(eq.passes):
            name += tr("（当前）", " (current)")
        elif p.label:
            name += f"{tr.colon}{p.label}"
        pass_rows.append(
            (
                name,
                money(p.total_assets),
                money(p.total_liabilities),
                money(p.actual),
                money(p.expected),
                money(p.difference),
                deviation(p.deviation),
                deviation(p.s3_ratio),
                STATUS_LABELS[p.status][ctx.lang],
            )
        )
    blocks.append(
        table(
            [
                (tr("轮次", "Pass"), L, 1.3),
                (tr("总资产", "TA"), R, 1),
                (tr("总负债", "TL"), R, 0.9),
                (tr("实际权益", "Actual"), R, 1),
                (tr("应有权益", "Expected"), R, 1),
                (tr("差额", "Difference"), R, 0.95),
                (tr("偏差", "δ"), R, 0.65),
                (tr("S3 比率", "S3 ratio"), R, 0.65),
                (tr("结论", "Status"), C, 0.6),
            ],
            pass_rows,
            caption=tr("各轮权益检验（保留全部轮次）", "Every pass of the reconciliation"),
            small=True,
        )
    )
    for number_, p in enumerate(eq.passes, start=1):
        if p.finding.strip():
            title = tr(f"第 {number_} 轮发现与说明", f"Pass {number_}: finding")
            blocks.append(Para(f"{title}{tr.colon}{p.finding.strip()}"))
    return blocks


# ---- 12 担保措施 -------------------------------------------------------------------------------


def _guarantees(ctx: SurveyContext) -> list[Block]:
    tr, case, lang = ctx.tr, ctx.case, ctx.lang
    blocks: list[Block] = [_kv((tr("担保方式", "Guarantee"), text(case.request.guarantee_mode)), columns=1)]
    for g in case.guarantors:
        blocks.append(
            _sub(
                f"{label(g.role, lang)}{tr.colon}{g.name}",
                [
                    _kv(
                        (tr("与借款人关系", "Relationship"), label(g.relationship, lang)),
                        (tr("身份证号", "ID number"), text(g.id_number)),
                        (tr("职业", "Occupation"), text(g.occupation)),
                        (tr("月收入", "Monthly income"), money(g.monthly_income)),
                        (tr("资产", "Assets"), money(g.assets)),
                        (tr("负债", "Liabilities"), money(g.liabilities)),
                        (tr("信用记录", "Credit record"), text(g.credit_record)),
                        (tr("担保意愿", "Willingness"), text(g.willingness)),
                    ),
                    *_para_if(tr("制约能力", "Leverage over the borrower"), g.leverage, tr),
                ],
            )
        )
    if case.collateral:
        rows = [
            (
                label(c.kind, lang),
                c.description,
                text(c.owner),
                text(c.appraiser),
                text(c.certificate_number),
                money(c.value),
                pct(c.loan_to_value),
            )
            for c in case.collateral
        ]
        blocks.append(
            table(
                [
                    (tr("类型", "Kind"), L, 0.6),
                    (tr("描述", "Description"), L, 2),
                    (tr("所有权人", "Owner"), L, 0.8),
                    (tr("评估机构", "Appraiser"), L, 0.8),
                    (tr("权证号", "Certificate"), L, 0.9),
                    (tr("评估价值", "Value"), R, 0.9),
                    (tr("抵押率", "LTV"), R, 0.6),
                ],
                rows,
                caption=tr("抵质押物", "Collateral"),
            )
        )
    if not case.guarantors and not case.collateral:
        blocks.append(
            Para(
                tr("无共同借款人、保证人或抵质押物（信用方式）。", "No co-borrower, guarantor or collateral.")
            )
        )
    return blocks


# ---- 13 综合评价 -------------------------------------------------------------------------------


def _evaluation(ctx: SurveyContext) -> list[Block]:
    tr, notes, results, lang = ctx.tr, ctx.case.notes, ctx.results, ctx.lang
    statuses = [r.status for r in results.checks if not r.superseded_by]
    eq = results.equity
    blocks: list[Block] = [
        _kv(
            (tr("资产负债率", "Debt ratio"), pct(results.ratios.get("debt_ratio"))),
            (tr("月均可支配资金", "Average disposable cash"), money(results.statement.average["disposable"])),
            (
                tr("权益检验偏差", "Equity deviation"),
                DASH
                if eq is None
                else f"{deviation(eq.current.deviation)}（{STATUS_LABELS[eq.current.status][lang]}）"
                if lang == "zh"
                else f"{deviation(eq.current.deviation)} ({STATUS_LABELS[eq.current.status][lang]})",
            ),
            (
                tr("交叉检验", "Cross-checks"),
                tr(
                    f"通过 {statuses.count(Status.OK)} 项，需说明 {statuses.count(Status.EXPLAIN)} 项，"
                    f"不通过 {statuses.count(Status.FAIL)} 项",
                    f"{statuses.count(Status.OK)} OK, {statuses.count(Status.EXPLAIN)} to explain, "
                    f"{statuses.count(Status.FAIL)} failed",
                ),
            ),
        )
    ]
    for title, value in (
        (
            tr("对资产、负债、收入、支出等财务信息的评价", "Assessment of the financial information"),
            notes.financial_assessment,
        ),
        (tr("客户优势", "Strengths"), notes.strengths),
        (tr("对还款能力有威胁的潜在因素", "Threats to repayment"), notes.threats),
        (tr("风险分析", "Risks"), notes.risks),
        (tr("风险缓释措施", "Mitigations"), notes.mitigations),
    ):
        blocks += _para_if(title, value, tr)
    verdict = (
        tr("可以上会", "ready for committee")
        if results.ready
        else tr("尚不能上会", "not ready for committee")
    )
    items = []
    for issue in results.issues:
        params = {**issue.params, "subject": ITEM_NAMES.get(issue.subject, {}).get(lang, issue.subject)}
        # Advice texts already start with 建议： / advice:, so only blocking issues get a mark.
        mark = tr("【阻断】", "[blocking] ") if issue.severity is Severity.BLOCKING else ""
        items.append(mark + ISSUE_TEXTS[issue.code][lang].format(**params))
    blocks.append(Para(f"{tr('上会准备', 'Readiness')}{tr.colon}{verdict}", TextStyle.LEAD))
    if items:
        blocks.append(Bullets(tuple(items)))
    return blocks


# ---- 14 结论及建议 -----------------------------------------------------------------------------


def _conclusion(ctx: SurveyContext) -> list[Block]:
    tr, req, z, lang, notes = ctx.tr, ctx.case.request, ctx.results.sizing, ctx.lang, ctx.case.notes
    schedule = z.schedule
    reduced = (
        tr(f"（由申请的 {money(req.amount)} 调减）", f" (reduced from {money(req.amount)})")
        if z.reduced
        else ""
    )
    binding = pair_label(LIMIT_LABELS, z.binding_limit, lang)
    blocks: list[Block] = [
        _kv(
            (tr("建议金额", "Proposed amount"), money(z.proposal) + reduced),
            (tr("期限（月）", "Term (months)"), str(z.months)),
            (tr("利率", "Interest rate"), rate_text(req.rate, z.rate, tr)),
            (tr("还款方式", "Repayment method"), method_name(z.method, lang)),
            (tr("月分期还款额", "Monthly instalment"), money(z.instalment)),
            (tr("末期还款额", "Last instalment"), money(schedule.last_payment) if schedule else DASH),
            (tr("利息合计", "Total interest"), money(schedule.total_interest) if schedule else DASH),
            (tr("还款总额", "Total repayment"), money(schedule.total_payment) if schedule else DASH),
            (tr("月均可支配资金", "Average disposable cash"), money(z.md_avg)),
            (tr("可用比例 α", "Usable share α"), pct(z.alpha)),
            (tr("最高月还款额", "Maximum instalment"), money(z.a_max)),
            (tr("还款能力可贷额度", "Capacity principal"), money(z.p_cap)),
            (tr("月还款额占月可支比例", "Instalment / disposable cash"), pct(z.ratio)),
            (tr("决定建议金额的约束", "Binding limit"), binding),
        )
    ]
    limit_rows = []
    for name, value in z.limits:
        mark = tr("◀ 决定建议金额", "◀ binding") if name == z.binding_limit else ""
        limit_rows.append((pair_label(LIMIT_LABELS, name, lang), money(value), mark))
    limit_rows.append((tr("建议金额（向下取整）", "Proposal (rounded down)"), money(z.proposal), ""))
    blocks.append(
        table(
            [(tr("约束", "Limit"), L, 2), (tr("金额", "Amount"), R, 1), ("", L, 1.2)],
            limit_rows,
            emphasis={len(limit_rows) - 1},
            caption=tr("建议金额 = min(各项约束)", "Proposal = min(limits)"),
        )
    )
    sens_rows = [(pct(s.alpha), money(s.max_instalment), money(s.max_principal)) for s in z.sensitivities]
    blocks.append(
        table(
            [
                (tr("可用比例 α", "Usable share α"), R, 1),
                (tr("最高月还款额", "Maximum instalment"), R, 1),
                (tr("可贷额度", "Capacity principal"), R, 1),
            ],
            sens_rows,
            caption=tr("还款能力敏感性", "Capacity sensitivities"),
        )
    )
    alternatives = []
    if z.equal_principal is not None:
        ep = z.equal_principal
        alternatives.append(
            tr(
                f"等额本金：首期 {money(ep.first_payment)}，末期 {money(ep.last_payment)}，"
                f"利息合计 {money(ep.total_interest)}",
                f"Equal principal: first {money(ep.first_payment)}, last {money(ep.last_payment)}, "
                f"total interest {money(ep.total_interest)}",
            )
        )
    if z.seasonal is not None and z.seasonal_factor is not None:
        alternatives.append(
            tr(
                f"灵活还款（按季节现金流）：系数 x = {number(z.seasonal_factor, 4)}，"
                f"最高一期 {money(z.seasonal.max_payment)}，"
                f"利息合计 {money(z.seasonal.total_interest)}",
                f"Seasonal: factor x = {number(z.seasonal_factor, 4)}, "
                f"largest payment {money(z.seasonal.max_payment)}, "
                f"total interest {money(z.seasonal.total_interest)}",
            )
        )
    low = z.projection_minimum
    if low is not None:
        alternatives.append(
            tr(
                f"现金流预测：期初流动资金 {money(z.opening_liquidity)}，"
                f"最低余额 {money(low.balance)}（{months_label(low.month, lang)}）",
                f"Cash projection: opening liquidity {money(z.opening_liquidity)}, lowest balance "
                f"{money(low.balance)} ({months_label(low.month, lang)})",
            )
        )
    if alternatives:
        blocks.append(Bullets(tuple(alternatives)))
    if ctx.details:
        if schedule is not None:
            blocks.append(schedule_table(schedule, tr, tr("还款计划表", "Repayment schedule")))
        blocks += projection_blocks(ctx)
    else:
        blocks.append(
            Para(
                tr(
                    "还款计划表见附录 D，现金流预测见附录 C。",
                    "Schedules: appendix D; cash projection: appendix C.",
                ),
                TextStyle.NOTE,
            )
        )
    blocks += _para_if(tr("特殊情况/附加条件", "Special conditions"), notes.conditions, tr)
    blocks += _para_if(tr("贷后监控安排", "Monitoring"), notes.monitoring, tr)
    blocks += _para_if(tr("结论", "Conclusion"), notes.conclusion, tr)
    return blocks


def projection_blocks(ctx: SurveyContext) -> list[Block]:
    """The 12-month cash projection after disbursement, as a table and a chart."""
    tr, z, lang = ctx.tr, ctx.results.sizing, ctx.lang
    if not z.projection:
        return []
    rows = [
        (
            str(m.index),
            months_label(m.month, lang),
            money(m.disposable),
            money(m.instalment),
            money(m.balance),
        )
        for m in z.projection
    ]
    return [
        table(
            [
                (tr("序号", "No."), C, 0.5),
                (tr("月份", "Month"), C, 0.7),
                (tr("可支配资金", "Disposable cash"), R, 1),
                (tr("月还款额", "Instalment"), R, 1),
                (tr("累计现金", "Cumulative cash"), R, 1),
            ],
            rows,
            caption=tr(
                f"放款后 12 个月现金流预测（期初 {money(z.opening_liquidity)}）",
                f"Cash projection over 12 months (opening {money(z.opening_liquidity)})",
            ),
        ),
        ChartRef(
            draw_projection_chart,
            (ctx.results, lang),
            height_mm=70,
            caption=tr("图：放款后 12 个月现金流预测", "Chart: cash projection after disbursement"),
        ),
    ]
