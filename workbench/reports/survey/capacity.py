"""Survey sections 13–14: the overall evaluation, the conclusion with the proposal and its limits,
the repayment schedule and the 12-month cash projection (appendices C and D in the dossier)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.domain.readiness import Severity
from workbench.domain.status import Status
from workbench.reports.charts import draw_projection_chart
from workbench.reports.content_common import method_name, months_label, rate_text
from workbench.reports.document import Align, Block, Bullets, ChartRef, DataTable, Para, TextStyle
from workbench.reports.formatting import DASH, deviation, money, number, pct
from workbench.reports.survey.context import SurveyContext, kv, paras_if
from workbench.reports.tables import MONEY, PCT, Col, Head, detail_table, grid_table
from workbench.reports.texts import LIMIT_LABELS, Tr, capital, pair_label
from workbench.texts.labels import ISSUE_TEXTS, ITEM_NAMES, STATUS_LABELS

if TYPE_CHECKING:
    from workbench.domain.schedules import Schedule, ScheduleRow
    from workbench.domain.sizing import ProjectionMonth, Sensitivity

L, R, C = Align.LEFT, Align.RIGHT, Align.CENTER

INSTALMENTS: tuple[Col[ScheduleRow], ...] = (
    Col("期数", "Period", lambda r: r.period, align=C, width=0.6),
    Col("还款额", "Payment", lambda r: r.payment, MONEY, total=True),
    Col("利息", "Interest", lambda r: r.interest, MONEY, total=True),
    Col("本金", "Principal", lambda r: r.principal, MONEY, total=True),
    Col("剩余本金", "Balance", lambda r: r.balance, MONEY),
)

SENSITIVITIES: tuple[Col[Sensitivity], ...] = (
    Col("可用比例 α", "Usable share α", lambda s: s.alpha, PCT),
    Col("最高月还款额", "Maximum instalment", lambda s: s.max_instalment, MONEY),
    Col("可贷额度", "Capacity principal", lambda s: s.max_principal, MONEY),
)

PROJECTION: tuple[Col[ProjectionMonth], ...] = (
    Col("序号", "No.", lambda m: m.index, align=C, width=0.5),
    Col("月份", "Month", lambda m: m.month, lambda v, tr: months_label(v, tr.lang), C, 0.7),
    Col("可支配资金", "Disposable cash", lambda m: m.disposable, MONEY),
    Col("月还款额", "Instalment", lambda m: m.instalment, MONEY),
    Col("累计现金", "Cumulative cash", lambda m: m.balance, MONEY),
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
            f"{deviation(eq.current.deviation)}（{verdict}）",
            f"{deviation(eq.current.deviation)} ({verdict})",
        )
    blocks: list[Block] = [
        kv(
            (tr("资产负债率", "Debt ratio"), pct(results.ratios.get("debt_ratio"))),
            (tr("月均可支配资金", "Average disposable cash"), money(results.statement.average["disposable"])),
            (tr("权益检验偏差", "Equity deviation"), equity_shown),
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
    blocks += paras_if(
        tr,
        (
            tr("对资产、负债、收入、支出等财务信息的评价", "Assessment of the financial information"),
            notes.financial_assessment,
        ),
        (tr("客户优势", "Strengths"), notes.strengths),
        (tr("对还款能力有威胁的潜在因素", "Threats to repayment"), notes.threats),
        (tr("风险分析", "Risks"), notes.risks),
        (tr("风险缓释措施", "Mitigations"), notes.mitigations),
    )
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


def conclusion(ctx: SurveyContext) -> list[Block]:
    tr, req, z, lang, notes = ctx.tr, ctx.case.request, ctx.results.sizing, ctx.lang, ctx.case.notes
    schedule = z.schedule
    reduced = (
        tr(f"（由申请的 {money(req.amount)} 调减）", f" (reduced from {money(req.amount)})")
        if z.reduced
        else ""
    )
    blocks: list[Block] = [
        kv(
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
            (tr("决定建议金额的约束", "Binding limit"), pair_label(LIMIT_LABELS, z.binding_limit, lang)),
        ),
        _limits_table(ctx),
        detail_table(
            SENSITIVITIES, z.sensitivities, tr, caption=tr("还款能力敏感性", "Capacity sensitivities")
        ),
    ]
    alternatives = _alternatives(ctx)
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
    blocks += paras_if(
        tr,
        (tr("特殊情况/附加条件", "Special conditions"), notes.conditions),
        (tr("贷后监控安排", "Monitoring"), notes.monitoring),
        (tr("结论", "Conclusion"), notes.conclusion),
    )
    return blocks


def _limits_table(ctx: SurveyContext) -> DataTable:
    """Each limit on the amount, the binding one marked; the proposal is their minimum."""
    tr, z, lang = ctx.tr, ctx.results.sizing, ctx.lang
    rows = [
        (
            capital(pair_label(LIMIT_LABELS, name, lang), lang),
            money(value),
            tr("◀ 决定建议金额", "◀ binding") if name == z.binding_limit else "",
        )
        for name, value in z.limits
    ]
    rows.append((tr("建议金额（向下取整）", "Proposal (rounded down)"), money(z.proposal), ""))
    heads = (Head("约束", "Limit", L, 2), Head("金额", "Amount", R), Head("", "", L, 1.2))
    caption = tr("建议金额 = min(各项约束)", "Proposal = min(limits)")
    return grid_table(heads, rows, tr, emphasis={len(rows) - 1}, caption=caption)


def _alternatives(ctx: SurveyContext) -> list[str]:
    """The comparison schedules and the projection's lowest point, one line each."""
    tr, z, lang = ctx.tr, ctx.results.sizing, ctx.lang
    out = []
    if z.equal_principal is not None:
        ep = z.equal_principal
        out.append(
            tr(
                f"等额本金：首期 {money(ep.first_payment)}，末期 {money(ep.last_payment)}，"
                f"利息合计 {money(ep.total_interest)}",
                f"Equal principal: first {money(ep.first_payment)}, last {money(ep.last_payment)}, "
                f"total interest {money(ep.total_interest)}",
            )
        )
    if z.seasonal is not None and z.seasonal_factor is not None:
        out.append(
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
        out.append(
            tr(
                f"现金流预测：期初流动资金 {money(z.opening_liquidity)}，"
                f"最低余额 {money(low.balance)}（{months_label(low.month, lang)}）",
                f"Cash projection: opening liquidity {money(z.opening_liquidity)}, lowest balance "
                f"{money(low.balance)} ({months_label(low.month, lang)})",
            )
        )
    return out


def projection_blocks(ctx: SurveyContext) -> list[Block]:
    """The 12-month cash projection after disbursement, as a table and a chart."""
    tr, z, lang = ctx.tr, ctx.results.sizing, ctx.lang
    if not z.projection:
        return []
    caption = tr(
        f"放款后 12 个月现金流预测（期初 {money(z.opening_liquidity)}）",
        f"Cash projection over 12 months (opening {money(z.opening_liquidity)})",
    )
    return [
        detail_table(PROJECTION, z.projection, tr, caption=caption),
        ChartRef(
            draw_projection_chart,
            (ctx.results, lang),
            height_mm=70,
            caption=tr("图：放款后 12 个月现金流预测", "Chart: cash projection after disbursement"),
        ),
    ]
