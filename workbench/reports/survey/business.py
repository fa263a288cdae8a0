"""Survey sections 5–7: the business, the soft information and the analysis of the loan purpose."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from workbench.reports.content_common import total
from workbench.reports.document import Align, Block, Para
from workbench.reports.formatting import DASH, count, day, money, number, text
from workbench.reports.survey.context import SurveyContext, kv, para_if, paras_if
from workbench.reports.tables import COUNT, LABEL, MONEY, PCT, TEXT, Col, Head, detail_table, grid_table
from workbench.reports.texts import MONEY_UNIT, SOFT_FACTORS, Tr, capital, label, pair_label, soft_option
from workbench.texts import N_, NC_

if TYPE_CHECKING:
    from workbench.domain.loan_request import FundsLine
    from workbench.domain.parties import Counterparty
    from workbench.domain.soft_info import SoftCheck, SoftFactor

L, R, C = Align.LEFT, Align.RIGHT, Align.CENTER


def _statement(said: tuple[str, str], tr: Tr) -> str:
    """``source：statement``."""
    return f"{said[0]}{tr.colon}{said[1]}"


COUNTERPARTIES: tuple[Col[Counterparty], ...] = (
    Col(NC_("column", "名称"), lambda p: p.name, width=2),
    Col(N_("占比"), lambda p: p.share, PCT, width=0.7),
    Col(N_("付款条件"), lambda p: p.payment_terms, TEXT, width=1.4),
    Col(N_("往来年限"), lambda p: p.years, COUNT, width=0.6),
)

SOFT_MATRIX: tuple[Col[SoftFactor], ...] = (
    Col(
        N_("因素"),
        lambda f: f.factor,
        lambda v, tr: capital(pair_label(SOFT_FACTORS, v, tr.lang), tr.lang),
    ),
    Col(N_("情况"), lambda f: f.option, lambda v, tr: soft_option(v, tr.lang), width=1.3),
    Col(N_("说明"), lambda f: f.note, TEXT, width=2.2),
)

SOFT_CHECKS: tuple[Col[SoftCheck], ...] = (
    Col(N_("事项"), lambda c: c.topic, width=0.9),
    Col(N_("来源 A"), lambda c: (c.source_a, c.statement_a), _statement, width=1.6),
    Col(N_("来源 B"), lambda c: (c.source_b, c.statement_b), _statement, width=1.6),
    Col(
        NC_("column", "结论"),
        lambda c: c.consistent,
        lambda v, tr: tr(N_("一致")) if v else tr(N_("不一致")),
        C,
        0.6,
    ),
    Col(N_("说明"), lambda c: c.note, TEXT, width=1.2),
)

USES: tuple[Col[FundsLine], ...] = (
    Col(N_("用途"), lambda u: u.label, width=1.6),
    Col(N_("金额"), lambda u: u.amount, MONEY, total=True),
    Col(N_("需求类别"), lambda u: u.family, LABEL, width=1.4),
    Col(N_("说明"), lambda u: u.note, TEXT, width=1.4),
)


# ---- 5 业务信息 --------------------------------------------------------------------------------


def business(ctx: SurveyContext) -> list[Block]:
    tr, biz, lang, soft = ctx.tr, ctx.case.business, ctx.lang, ctx.case.soft_info
    if biz is None:
        return [Para(tr(N_("无经营主体（消费类贷款）。")))]
    years = DASH
    survey = ctx.case.dates.survey_date
    if biz.started_on and survey and survey >= biz.started_on:
        years = number(Decimal((survey - biz.started_on).days) / Decimal("365.25"), 1)
    blocks: list[Block] = [
        kv(
            (tr(N_("企业名称")), biz.name),
            (tr(N_("行业")), text(biz.industry)),
            (tr(N_("营业执照号")), text(biz.licence_number)),
            (tr(N_("法律形式")), label(biz.legal_form, lang)),
            (tr(N_("注册经营人")), text(biz.registered_owner)),
            (tr(N_("实际经营人")), text(biz.actual_operator)),
            (tr(N_("经营地址")), text(biz.address)),
            (tr(N_("场地所有权")), label(biz.premises_tenure, lang)),
            (tr(N_("经营面积（m²）")), count(biz.premises_area_m2)),
            (tr(N_("月租金")), money(biz.monthly_rent)),
            (tr(N_("租期至")), day(biz.lease_until)),
            (tr(N_("开业日期")), day(biz.started_on)),
            (tr(N_("现址经营起始")), day(biz.at_site_since)),
            (tr(N_("经营年限（年）")), years),
            (tr(N_("雇员人数")), str(biz.employees)),
            (tr(N_("每月营业天数")), count(biz.operating_days_per_month)),
            unit=tr(MONEY_UNIT),
        )
    ]
    blocks += para_if(tr(N_("主营业务")), biz.main_activity, tr)
    for caption, parties in (
        (tr(N_("主要供应商")), biz.suppliers),
        (tr(N_("主要客户")), biz.customers),
    ):
        if parties:
            blocks.append(detail_table(COUNTERPARTIES, parties, tr, caption=caption))
    blocks += paras_if(
        tr,
        (tr(N_("经营历史及资本积累")), biz.history),
        (tr(N_("资本积累")), soft.capital_accumulation),
        (tr(N_("企业管理及所有权")), biz.management),
        (tr(N_("较上次申请的变化")), biz.changes_since_last),
        (tr(N_("过去/未来 12 个月开支及投资")), biz.plans),
        (tr(N_("信息收集与核实")), soft.information_sources),
        (tr(N_("对现状的评价（非财务信息）")), soft.assessment),
    )
    return blocks


# ---- 6 软信息 ----------------------------------------------------------------------------------


def soft_info(ctx: SurveyContext) -> list[Block]:
    tr, soft, lang = ctx.tr, ctx.case.soft_info, ctx.lang
    blocks: list[Block] = []
    if soft.matrix:
        caption = tr(N_("软件信息不对称偏差分析"))
        blocks.append(detail_table(SOFT_MATRIX, soft.matrix, tr, caption=caption))
    blocks.append(kv((tr(N_("软信息总体评价")), label(soft.overall, lang))))
    blocks += paras_if(
        tr,
        (tr(N_("性格与品行")), soft.character),
        (tr(N_("他人评价")), soft.reputation),
        (tr(N_("不良嗜好/不良记录")), soft.bad_habits),
        (tr(N_("事业情况")), soft.business_history),
    )
    if soft.checks:
        caption = tr(N_("软信息交叉检验"))
        blocks.append(detail_table(SOFT_CHECKS, soft.checks, tr, caption=caption))
    if len(blocks) == 1:
        blocks.append(Para(tr(N_("未录入其他软信息。"))))
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
            (tr(N_("资金需求合计")), money(req.need)),
            (tr(N_("自有资金")), money(req.own_contribution)),
            (tr(N_("其他资金来源")), money(other)),
            (tr(N_("融资缺口")), money(req.financing_gap)),
            (tr(NC_("report", "申请金额")), money(req.amount)),
            (tr(NC_("report", "需求类别")), tr.sep.join(families) if families else DASH),
            unit=tr(MONEY_UNIT),
        )
    ]
    blocks += para_if(tr(N_("申请贷款的原因")), ctx.case.soft_info.reason_for_loan, tr)
    if req.uses:
        blocks.append(detail_table(USES, req.uses, tr, caption=tr(N_("资金使用计划"))))
    sources = [(tr(NC_("report", "自有资金")), money(req.own_contribution), "")]
    sources += [(s.label, money(s.amount), text(s.note)) for s in req.other_sources]
    sources.append((tr(N_("申请贷款")), money(req.amount), ""))
    sources.append((tr(N_("合计")), money(req.own_contribution + other + req.amount), ""))
    blocks.append(
        grid_table(
            (Head(N_("来源"), L, 1.6), Head(N_("金额"), R), Head(N_("说明"), L, 2.8)),
            sources,
            tr,
            emphasis={len(sources) - 1},
            caption=tr(N_("资金来源计划")),
        )
    )
    return blocks
