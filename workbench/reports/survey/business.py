"""Survey sections 5–7: the business, the soft information and the analysis of the loan purpose."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from workbench.reports.content_common import total
from workbench.reports.document import Align, Block, Para
from workbench.reports.formatting import DASH, count, day, money, number, text
from workbench.reports.survey.context import SurveyContext, kv, para_if, paras_if
from workbench.reports.tables import COUNT, LABEL, MONEY, PCT, TEXT, Col, Head, detail_table, grid_table
from workbench.reports.texts import SOFT_FACTORS, Tr, capital, label, pair_label

if TYPE_CHECKING:
    from workbench.domain.loan_request import FundsLine
    from workbench.domain.parties import Counterparty
    from workbench.domain.soft_info import SoftCheck, SoftFactor

L, R, C = Align.LEFT, Align.RIGHT, Align.CENTER


def _statement(said: tuple[str, str], tr: Tr) -> str:
    """``source：statement``."""
    return f"{said[0]}{tr.colon}{said[1]}"


COUNTERPARTIES: tuple[Col[Counterparty], ...] = (
    Col("名称", "Name", lambda p: p.name, width=2),
    Col("占比", "Share", lambda p: p.share, PCT, width=0.7),
    Col("付款条件", "Payment terms", lambda p: p.payment_terms, TEXT, width=1.4),
    Col("往来年限", "Years", lambda p: p.years, COUNT, width=0.6),
)

SOFT_MATRIX: tuple[Col[SoftFactor], ...] = (
    Col(
        "因素",
        "Factor",
        lambda f: f.factor,
        lambda v, tr: capital(pair_label(SOFT_FACTORS, v, tr.lang), tr.lang),
    ),
    Col("情况", "Finding", lambda f: f.option, width=1.3),
    Col("说明", "Note", lambda f: f.note, TEXT, width=2.2),
)

SOFT_CHECKS: tuple[Col[SoftCheck], ...] = (
    Col("事项", "Topic", lambda c: c.topic, width=0.9),
    Col("来源 A", "Source A", lambda c: (c.source_a, c.statement_a), _statement, width=1.6),
    Col("来源 B", "Source B", lambda c: (c.source_b, c.statement_b), _statement, width=1.6),
    Col(
        "结论",
        "Result",
        lambda c: c.consistent,
        lambda v, tr: tr("一致", "consistent") if v else tr("不一致", "inconsistent"),
        C,
        0.6,
    ),
    Col("说明", "Note", lambda c: c.note, TEXT, width=1.2),
)

USES: tuple[Col[FundsLine], ...] = (
    Col("用途", "Use", lambda u: u.label, width=1.6),
    Col("金额", "Amount", lambda u: u.amount, MONEY, total=True),
    Col("需求类别", "Kind", lambda u: u.family, LABEL, width=1.4),
    Col("说明", "Note", lambda u: u.note, TEXT, width=1.4),
)


# ---- 5 业务信息 --------------------------------------------------------------------------------


def business(ctx: SurveyContext) -> list[Block]:
    tr, biz, lang, soft = ctx.tr, ctx.case.business, ctx.lang, ctx.case.soft_info
    if biz is None:
        return [Para(tr("无经营主体（消费类贷款）。", "No business (consumer loan)."))]
    years = DASH
    survey = ctx.case.dates.survey_date
    if biz.started_on and survey and survey >= biz.started_on:
        years = number(Decimal((survey - biz.started_on).days) / Decimal("365.25"), 1)
    blocks: list[Block] = [
        kv(
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
    blocks += para_if(tr("主营业务", "Main activity"), biz.main_activity, tr)
    for caption, parties in (
        (tr("主要供应商", "Main suppliers"), biz.suppliers),
        (tr("主要客户", "Main customers"), biz.customers),
    ):
        if parties:
            blocks.append(detail_table(COUNTERPARTIES, parties, tr, caption=caption))
    blocks += paras_if(
        tr,
        (tr("经营历史及资本积累", "History and capital accumulation"), biz.history),
        (tr("资本积累", "Capital accumulation"), soft.capital_accumulation),
        (tr("企业管理及所有权", "Management and ownership"), biz.management),
        (tr("较上次申请的变化", "Changes since the last application"), biz.changes_since_last),
        (tr("过去/未来 12 个月开支及投资", "Spending and investment plans"), biz.plans),
        (tr("信息收集与核实", "Information sources and verification"), soft.information_sources),
        (tr("对现状的评价（非财务信息）", "Assessment of the present situation"), soft.assessment),
    )
    return blocks


# ---- 6 软信息 ----------------------------------------------------------------------------------


def soft_info(ctx: SurveyContext) -> list[Block]:
    tr, soft, lang = ctx.tr, ctx.case.soft_info, ctx.lang
    blocks: list[Block] = []
    if soft.matrix:
        caption = tr("软件信息不对称偏差分析", "Soft-information matrix")
        blocks.append(detail_table(SOFT_MATRIX, soft.matrix, tr, caption=caption))
    blocks.append(kv((tr("软信息总体评价", "Overall soft-information rating"), label(soft.overall, lang))))
    blocks += paras_if(
        tr,
        (tr("性格与品行", "Character"), soft.character),
        (tr("他人评价", "Reputation"), soft.reputation),
        (tr("不良嗜好/不良记录", "Bad habits / records"), soft.bad_habits),
        (tr("事业情况", "Career"), soft.business_history),
    )
    if soft.checks:
        caption = tr("软信息交叉检验", "Soft-information cross-checks")
        blocks.append(detail_table(SOFT_CHECKS, soft.checks, tr, caption=caption))
    if len(blocks) == 1:
        blocks.append(Para(tr("未录入其他软信息。", "No further soft information recorded.")))
    return blocks


# ---- 7 贷款原因分析 ----------------------------------------------------------------------------


def purpose(ctx: SurveyContext) -> list[Block]:
    tr, req, lang = ctx.tr, ctx.case.request, ctx.lang
    families = []
    for line in req.uses:
        if line.family is not None and label(line.family, lang) not in families:
            families.append(label(line.family, lang))
    other = total([s.amount for s in req.other_sources])
    blocks: list[Block] = [
        kv(
            (tr("资金需求合计", "Total need"), money(req.need)),
            (tr("自有资金", "Own contribution"), money(req.own_contribution)),
            (tr("其他资金来源", "Other sources"), money(other)),
            (tr("融资缺口", "Financing gap"), money(req.financing_gap)),
            (tr("申请金额", "Requested amount"), money(req.amount)),
            (tr("需求类别", "Kind of need"), tr.sep.join(families) if families else DASH),
        )
    ]
    blocks += para_if(tr("申请贷款的原因", "Reason for the loan"), ctx.case.soft_info.reason_for_loan, tr)
    if req.uses:
        blocks.append(detail_table(USES, req.uses, tr, caption=tr("资金使用计划", "Uses of funds")))
    sources = [(tr("自有资金", "Own funds"), money(req.own_contribution), "")]
    sources += [(s.label, money(s.amount), text(s.note)) for s in req.other_sources]
    sources.append((tr("申请贷款", "Loan requested"), money(req.amount), ""))
    sources.append((tr("合计", "Total"), money(req.own_contribution + other + req.amount), ""))
    blocks.append(
        grid_table(
            (Head("来源", "Source", L, 1.6), Head("金额", "Amount", R), Head("说明", "Note", L, 2.8)),
            sources,
            tr,
            emphasis={len(sources) - 1},
            caption=tr("资金来源计划", "Sources of funds"),
        )
    )
    return blocks
