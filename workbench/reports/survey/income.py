"""Survey section 9: the income statement, products, expenses and the 12-month table (appendix B)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.domain.money import ONE, ZERO
from workbench.domain.profit_loss import Season
from workbench.reports.content_common import months_label, total
from workbench.reports.document import Align, Block, ChartRef, DataTable, Para, TextStyle
from workbench.reports.formatting import money, number, pct
from workbench.reports.pdf_case_charts import draw_monthly
from workbench.reports.survey.context import SurveyContext, kv, para_if
from workbench.reports.tables import COUNT, MONEY, PCT, TEXT, Col, Head, Said, detail_table, grid_table
from workbench.reports.texts import MONEY_UNIT, label
from workbench.texts import N_, NC_, Msg

if TYPE_CHECKING:
    from collections.abc import Sequence
    from decimal import Decimal

    from workbench.domain.profit_loss import ExpenseItem, MonthLine, ProductLine, VariableExpense

L, R = Align.LEFT, Align.RIGHT

LINES: tuple[tuple[str, Msg], ...] = (
    ("sales", N_("主营业务收入")),
    ("variable_costs", N_("可变成本")),
    ("gross_profit", N_("毛利")),
    ("operating_expenses", N_("营业费用")),
    ("operating_profit", N_("经营利润")),
    ("business_interest", N_("经营贷款利息")),
    ("net_profit_accounting", N_("净利润（会计口径）")),
    ("business_instalments", N_("分期还款（经营）")),
    ("net_profit_cash", NC_("report", "净利润")),
    ("household", N_("家庭开支")),
    ("private_instalments", N_("分期付款（私人用途）")),
    ("other_expenses", N_("其他开支")),
    ("other_income", N_("其他收入")),
    ("disposable", N_("每月可支配资金")),
)
_EMPHASIS_LINES = frozenset({"gross_profit", "net_profit_cash", "disposable"})
_EMPHASIS_ROWS = {index for index, (key, _) in enumerate(LINES) if key in _EMPHASIS_LINES}


def _sales(p: ProductLine) -> Decimal:
    return (p.quantity or ZERO) * p.unit_price


UNIT_COSTS: tuple[Col[ProductLine], ...] = (
    Col(N_("产品"), lambda p: p.name, width=1.5),
    Col(N_("平季月产量"), lambda p: p.quantity or ZERO, COUNT, width=0.8),
    Col(N_("单价"), lambda p: p.unit_price, MONEY, width=0.9),
    Col(N_("材料/单位"), lambda p: p.material + p.unit_cost, MONEY, width=0.9),
    Col(N_("计件工资/单位"), lambda p: p.piece_wage, MONEY, width=0.9),
    Col(N_("耗电 kWh"), lambda p: p.kwh, COUNT, width=0.6),
    Col(N_("工时"), lambda p: p.labour_hours, COUNT, width=0.5),
    Col(NC_("column", "月销售额"), _sales, MONEY, total=True),
)

EXPENSES: tuple[Col[ExpenseItem], ...] = (
    Col(N_("项目"), lambda e: e.label, width=2),
    Col(N_("金额"), lambda e: e.amount, MONEY, total=True),
    Col(N_("说明"), lambda e: e.note, TEXT, width=2.4),
)

VARIABLE_EXPENSES: tuple[Col[VariableExpense], ...] = (
    Col(N_("项目"), lambda v: v.label, width=2),
    Col(N_("占销售额比例"), lambda v: v.rate, PCT),
)


def income_statement(ctx: SurveyContext) -> list[Block]:
    tr, st, pl, lang = ctx.tr, ctx.results.statement, ctx.case.profit_loss, ctx.lang
    s = st.structure
    blocks: list[Block] = []
    if pl.products:
        blocks.append(product_table(ctx))
    blocks.append(
        kv(
            (tr(N_("加权毛利率")), tr.margin(s.gross_margin)),
            (tr(N_("净利率（月均）")), pct(st.net_margin)),
            (tr(NC_("report", "进货成本占比")), pct(s.purchase_ratio)),
            (tr(N_("材料成本占比")), pct(s.material_ratio)),
            (tr(N_("计件工资占比")), pct(s.wage_ratio)),
            (tr(N_("生产电费占比")), pct(s.energy_ratio)),
            (tr(N_("每千元产值耗电 kWh")), number(s.kwh_per_1000, 2)),
            (tr(N_("平季月所需工时")), number(s.labour_hours_normal, 1)),
            (tr(N_("年销售额")), money(st.annual_sales)),
            (tr(N_("固定费用合计（月）")), money(st.fixed_costs)),
            unit=tr(MONEY_UNIT),
        )
    )
    seasons = [season for season in Season if season in pl.calendar]
    calendar = []
    for season in seasons:
        months = tr.sep.join(
            months_label(m, lang) for m, s_ in enumerate(pl.calendar, start=1) if s_ is season
        )
        calendar.append(f"{label(season, lang)}{tr.colon}{months}")
    blocks.append(Para(("；" if lang == "zh" else "; ").join(calendar), TextStyle.NOTE))
    rows = [
        (
            tr(name),
            money(st.average[key]),
            *(money(getattr(st.by_season[season], key)) for season in seasons),
        )
        for key, name in LINES
    ]
    heads = [Head(NC_("column", "项目"), L, 1.8), Head(N_("月均"), R)]
    heads += [Head(Said(tr(N_("{season}月"), season=label(season, lang))), R) for season in seasons]
    caption = tr(N_("损益表（月均及各季节月份）"))
    blocks.append(grid_table(heads, rows, tr, emphasis=_EMPHASIS_ROWS, caption=caption))
    blocks += para_if(tr(N_("主营业务收入详述")), pl.sales_narrative, tr)
    blocks += expense_tables(ctx)
    if ctx.details:
        blocks += monthly_tables(ctx)
    else:
        blocks.append(Para(tr(N_("12 个月损益表见附录 B。")), TextStyle.NOTE))
    blocks.append(
        ChartRef(
            draw_monthly,
            (ctx.results, lang),
            height_mm=78,
            caption=tr(N_("图：月度销售、净利润与可支配资金")),
            on_canvas=True,
        )
    )
    return blocks


def product_table(ctx: SurveyContext) -> DataTable:
    """加权毛利率 (trade) or the unit cost structure (workshops, every product with a quantity)."""
    tr, pl = ctx.tr, ctx.case.profit_loss
    if all(p.quantity is not None for p in pl.products):
        return detail_table(UNIT_COSTS, pl.products, tr, caption=tr(N_("单位成本结构")))
    weight_total = total([p.share or ZERO for p in pl.products])
    rows = []
    for p in pl.products:
        margin = (ONE - p.unit_cost / p.unit_price) if p.unit_price else None
        weighted = margin * (p.share or ZERO) / weight_total if margin is not None and weight_total else None
        rows.append(
            (p.name, pct(p.share), money(p.unit_cost), money(p.unit_price), tr.margin(margin), pct(weighted))
        )
    rows.append(
        (
            tr(NC_("report", "加权毛利率")),
            pct(weight_total),
            "",
            "",
            "",
            tr.margin(ctx.results.statement.structure.gross_margin),
        )
    )
    heads = (
        Head(N_("产品"), L, 1.6),
        Head(N_("销售占比"), R, 0.8),
        Head(N_("进价"), R, 0.8),
        Head(N_("售价"), R, 0.8),
        Head(N_("毛利率（加价率）"), R, 1.3),
        Head(N_("加权"), R, 1.3),
    )
    caption = tr(N_("加权毛利率"))
    return grid_table(heads, rows, tr, emphasis={len(rows) - 1}, caption=caption)


def expense_tables(ctx: SurveyContext) -> list[Block]:
    """Fixed costs, household, other expenses and other income; then the variable expense rates."""
    tr, pl = ctx.tr, ctx.case.profit_loss
    groups = (
        (tr(N_("固定费用明细（月）")), pl.fixed_costs),
        (tr(N_("家庭开支明细（月）")), pl.household_expenses),
        (tr(N_("其他开支（月）")), pl.other_expenses),
        (tr(N_("其他收入（月）")), pl.other_income),
    )
    blocks: list[Block] = [
        detail_table(EXPENSES, items, tr, caption=caption) for caption, items in groups if items
    ]
    if pl.variable_expenses:
        caption = tr(N_("随销售额变动的费用"))
        blocks.append(detail_table(VARIABLE_EXPENSES, pl.variable_expenses, tr, caption=caption))
    return blocks


def monthly_tables(ctx: SurveyContext) -> list[Block]:
    """The 12-month statement in two halves (A4 portrait), the average beside the second."""
    tr, st = ctx.tr, ctx.results.statement
    return [
        _half_year(
            ctx,
            st.months[:6],
            average=False,
            caption=tr(N_("月份损益表（1–6 月）")),
        ),
        _half_year(
            ctx,
            st.months[6:],
            average=True,
            caption=tr(N_("月份损益表（7–12 月）")),
        ),
    ]


def _half_year(ctx: SurveyContext, months: Sequence[MonthLine], *, average: bool, caption: str) -> DataTable:
    tr, st, lang = ctx.tr, ctx.results.statement, ctx.lang
    heads = [Head(NC_("column", "项目"), L, 1.7)]
    for m in months:
        month, season = months_label(m.month, lang), label(m.season, lang)
        heads.append(Head(Said(tr(N_("{month}（{season}）"), month=month, season=season)), R))
    if average:
        heads.append(Head(N_("月均"), R))
    rows = []
    for key, name in LINES:
        row = [tr(name), *(money(getattr(m, key)) for m in months)]
        if average:
            row.append(money(st.average[key]))
        rows.append(row)
    return grid_table(heads, rows, tr, emphasis=_EMPHASIS_ROWS, caption=caption, small=True)
