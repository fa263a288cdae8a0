"""Survey sections 13–14: the overall evaluation, the conclusion with the proposal and its limits,
the repayment schedule and the 12-month cash projection (appendices C and D in the dossier)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.domain.readiness import Severity
from workbench.domain.status import Status
from workbench.reports.content_common import method_name, months_label, rate_text
from workbench.reports.document import Align, Block, Bullets, ChartRef, DataTable, Para, TextStyle
from workbench.reports.formatting import DASH, deviation, money, number, pct
from workbench.reports.pdf_case_charts import draw_projection
from workbench.reports.survey.context import SurveyContext, kv, paras_if
from workbench.reports.tables import MONEY, PCT, Col, Head, Said, detail_table, grid_table
from workbench.reports.texts import LIMIT_LABELS, MONEY_UNIT, Tr, capital, pair_label
from workbench.texts import N_, NC_
from workbench.texts.labels import ISSUE_TEXTS, ITEM_NAMES, STATUS_LABELS

if TYPE_CHECKING:
    from workbench.domain.schedules import Schedule, ScheduleRow
    from workbench.domain.sizing import ProjectionMonth, Sensitivity

L, R, C = Align.LEFT, Align.RIGHT, Align.CENTER

INSTALMENTS: tuple[Col[ScheduleRow], ...] = (
    Col(N_("期数"), lambda r: r.period, align=C, width=0.6),
    Col(N_("还款额"), lambda r: r.payment, MONEY, total=True),
    Col(N_("利息"), lambda r: r.interest, MONEY, total=True),
    Col(N_("本金"), lambda r: r.principal, MONEY, total=True),
    Col(N_("剩余本金"), lambda r: r.balance, MONEY),
)

SENSITIVITIES: tuple[Col[Sensitivity], ...] = (
    Col(N_("可用比例 α"), lambda s: s.alpha, PCT),
    Col(N_("最高月还款额"), lambda s: s.max_instalment, MONEY),
    Col(N_("可贷额度"), lambda s: s.max_principal, MONEY),
)

PROJECTION: tuple[Col[ProjectionMonth], ...] = (
    Col(N_("序号"), lambda m: m.index, align=C, width=0.5),
    Col(N_("月份"), lambda m: m.month, lambda v, tr: months_label(v, tr.lang), C, 0.7),
    Col(N_("可支配资金"), lambda m: m.disposable, MONEY),
    Col(NC_("column", "月还款额"), lambda m: m.instalment, MONEY),
    Col(N_("累计现金"), lambda m: m.balance, MONEY),
)


def schedule_table(schedule: Schedule, tr: Tr, caption: str = "") -> DataTable:
    """Every instalment of a schedule with a total row."""
    return detail_table(INSTALMENTS, schedule.rows, tr, caption=caption)


# ---- 13 综合评价 -------------------------------------------------------------------------------


def evaluation(ctx: SurveyContext) -> list[Block]:
    tr, notes, results, lang = ctx.tr, ctx.case.notes, ctx.results, ctx.lang
    statuses = [r.status for r in results.checks if not r.superseded_by]
    eq = results.equity
    equity_shown = DASH
    if eq is not None:
        verdict = STATUS_LABELS[eq.current.status][lang]
        equity_shown = tr(
            N_("{deviation}（{verdict}）"), deviation=deviation(eq.current.deviation), verdict=verdict
        )
    blocks: list[Block] = [
        kv(
            (tr(NC_("report", "资产负债率")), pct(results.ratios.get("debt_ratio"))),
            (tr(N_("月均可支配资金")), money(results.statement.average["disposable"])),
            (tr(N_("权益检验偏差")), equity_shown),
            (
                tr(N_("交叉检验")),
                tr(
                    N_("通过 {ok} 项，需说明 {explain} 项，不通过 {failed} 项"),
                    ok=statuses.count(Status.OK),
                    explain=statuses.count(Status.EXPLAIN),
                    failed=statuses.count(Status.FAIL),
                ),
            ),
            unit=tr(MONEY_UNIT),
        )
    ]
    blocks += paras_if(
        tr,
        (
            tr(N_("对资产、负债、收入、支出等财务信息的评价")),
            notes.financial_assessment,
        ),
        (tr(N_("客户优势")), notes.strengths),
        (tr(N_("对还款能力有威胁的潜在因素")), notes.threats),
        (tr(N_("风险分析")), notes.risks),
        (tr(N_("风险缓释措施")), notes.mitigations),
    )
    verdict = tr(N_("可以上会")) if results.ready else tr(N_("尚不能上会"))
    items = []
    for issue in results.issues:
        params = {**issue.params, "subject": ITEM_NAMES.get(issue.subject, {}).get(lang, issue.subject)}
        # Advice texts already start with 建议： / advice:, so only blocking issues get a mark.
        mark = tr(N_("【阻断】")) if issue.severity is Severity.BLOCKING else ""
        items.append(mark + ISSUE_TEXTS[issue.code][lang].format(**params))
    blocks.append(Para(tr(NC_("report", "上会准备")) + tr.colon + verdict, TextStyle.LEAD))
    if items:
        blocks.append(Bullets(tuple(items)))
    return blocks


# ---- 14 结论及建议 -----------------------------------------------------------------------------


def conclusion(ctx: SurveyContext) -> list[Block]:
    tr, req, z, lang, notes = ctx.tr, ctx.case.request, ctx.results.sizing, ctx.lang, ctx.case.notes
    schedule = z.schedule
    reduced = tr(N_("（由申请的 {requested} 调减）"), requested=money(req.amount)) if z.reduced else ""
    blocks: list[Block] = [
        kv(
            (tr(N_("建议金额")), money(z.proposal) + reduced),
            (tr(NC_("report", "期限（月）")), str(z.months)),
            (tr(N_("利率")), rate_text(req.rate, z.rate, tr)),
            (tr(NC_("report", "还款方式")), method_name(z.method, lang)),
            (tr(N_("月分期还款额")), money(z.instalment)),
            (tr(N_("末期还款额")), money(schedule.last_payment) if schedule else DASH),
            (tr(N_("利息合计")), money(schedule.total_interest) if schedule else DASH),
            (tr(N_("还款总额")), money(schedule.total_payment) if schedule else DASH),
            (tr(N_("月均可支配资金")), money(z.md_avg)),
            (tr(N_("可用比例 α")), pct(z.alpha)),
            (tr(N_("最高月还款额")), money(z.a_max)),
            (tr(N_("还款能力可贷额度")), money(z.p_cap)),
            (tr(N_("月还款额占月可支比例")), pct(z.ratio)),
            (tr(N_("决定建议金额的约束")), pair_label(LIMIT_LABELS, z.binding_limit, lang)),
            unit=tr(MONEY_UNIT),
        ),
        _limits_table(ctx),
        detail_table(SENSITIVITIES, z.sensitivities, tr, caption=tr(N_("还款能力敏感性"))),
    ]
    alternatives = _alternatives(ctx)
    if alternatives:
        blocks.append(Bullets(tuple(alternatives)))
    if ctx.details:
        if schedule is not None:
            blocks.append(schedule_table(schedule, tr, tr(NC_("report", "还款计划表"))))
        blocks += projection_blocks(ctx)
    else:
        blocks.append(
            Para(
                tr(
                    N_("还款计划表见附录 D，现金流预测见附录 C。"),
                ),
                TextStyle.NOTE,
            )
        )
    blocks += paras_if(
        tr,
        (tr(N_("特殊情况/附加条件")), notes.conditions),
        (tr(N_("贷后监控安排")), notes.monitoring),
        (tr(NC_("report", "结论")), notes.conclusion),
    )
    return blocks


def _limits_table(ctx: SurveyContext) -> DataTable:
    """Each limit on the amount, the binding one marked; the proposal is their minimum."""
    tr, z, lang = ctx.tr, ctx.results.sizing, ctx.lang
    rows = [
        (
            capital(pair_label(LIMIT_LABELS, name, lang), lang),
            money(value),
            tr(N_("◀ 决定建议金额")) if name == z.binding_limit else "",
        )
        for name, value in z.limits
    ]
    rows.append((tr(N_("建议金额（向下取整）")), money(z.proposal), ""))
    heads = (Head(N_("约束"), L, 2), Head(N_("金额"), R), Head(Said(""), L, 1.2))
    caption = tr(N_("建议金额 = min(各项约束)"))
    return grid_table(heads, rows, tr, emphasis={len(rows) - 1}, caption=caption)


def _alternatives(ctx: SurveyContext) -> list[str]:
    """The comparison schedules and the projection's lowest point, one line each."""
    tr, z, lang = ctx.tr, ctx.results.sizing, ctx.lang
    out = []
    if z.equal_principal is not None:
        ep = z.equal_principal
        out.append(
            tr(
                N_("等额本金：首期 {first}，末期 {last}，利息合计 {interest}"),
                first=money(ep.first_payment),
                last=money(ep.last_payment),
                interest=money(ep.total_interest),
            )
        )
    if z.seasonal is not None and z.seasonal_factor is not None:
        out.append(
            tr(
                N_("灵活还款（按季节现金流）：系数 x = {factor}，最高一期 {largest}，利息合计 {interest}"),
                factor=number(z.seasonal_factor, 4),
                largest=money(z.seasonal.max_payment),
                interest=money(z.seasonal.total_interest),
            )
        )
    low = z.projection_minimum
    if low is not None:
        out.append(
            tr(
                N_("现金流预测：期初流动资金 {opening}，最低余额 {lowest}（{month}）"),
                opening=money(z.opening_liquidity),
                lowest=money(low.balance),
                month=months_label(low.month, lang),
            )
        )
    return out


def projection_blocks(ctx: SurveyContext) -> list[Block]:
    """The 12-month cash projection after disbursement, as a table and a chart."""
    tr, z, lang = ctx.tr, ctx.results.sizing, ctx.lang
    if not z.projection:
        return []
    caption = tr(N_("放款后 12 个月现金流预测（期初 {opening}）"), opening=money(z.opening_liquidity))
    return [
        detail_table(PROJECTION, z.projection, tr, caption=caption),
        ChartRef(
            draw_projection,
            (ctx.results, lang),
            height_mm=70,
            caption=tr(N_("图：放款后 12 个月现金流预测")),
            on_canvas=True,
        ),
    ]
