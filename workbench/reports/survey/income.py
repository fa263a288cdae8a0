"""Survey section 9: the income statement, products, expenses and the 12-month table (appendix B)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.domain.money import ONE, ZERO
from workbench.domain.profit_loss import Season
from workbench.reports.charts import draw_monthly_chart
from workbench.reports.content_common import months_label, total
from workbench.reports.document import Align, Block, ChartRef, DataTable, Para, TextStyle
from workbench.reports.formatting import money, number, pct
from workbench.reports.survey.context import SurveyContext, kv, para_if
from workbench.reports.tables import COUNT, MONEY, PCT, TEXT, Col, Head, detail_table, grid_table
from workbench.reports.texts import label

if TYPE_CHECKING:
    from collections.abc import Sequence
    from decimal import Decimal

    from workbench.domain.profit_loss import ExpenseItem, MonthLine, ProductLine, VariableExpense

L, R = Align.LEFT, Align.RIGHT

LINES: tuple[tuple[str, str, str], ...] = (
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
_EMPHASIS_LINES = frozenset({"gross_profit", "net_profit_cash", "disposable"})
_EMPHASIS_ROWS = {index for index, (key, _, _) in enumerate(LINES) if key in _EMPHASIS_LINES}


def _sales(p: ProductLine) -> Decimal:
    return (p.quantity or ZERO) * p.unit_price


UNIT_COSTS: tuple[Col[ProductLine], ...] = (
    Col("产品", "Product", lambda p: p.name, width=1.5),
    Col("平季月产量", "Qty / month", lambda p: p.quantity or ZERO, COUNT, width=0.8),
    Col("单价", "Price", lambda p: p.unit_price, MONEY, width=0.9),
    Col("材料/单位", "Material", lambda p: p.material + p.unit_cost, MONEY, width=0.9),
    Col("计件工资/单位", "Piece wage", lambda p: p.piece_wage, MONEY, width=0.9),
    Col("耗电 kWh", "kWh", lambda p: p.kwh, COUNT, width=0.6),
    Col("工时", "Hours", lambda p: p.labour_hours, COUNT, width=0.5),
    Col("月销售额", "Sales", _sales, MONEY, total=True),
)

EXPENSES: tuple[Col[ExpenseItem], ...] = (
    Col("项目", "Item", lambda e: e.label, width=2),
    Col("金额", "Amount", lambda e: e.amount, MONEY, total=True),
    Col("说明", "Note", lambda e: e.note, TEXT, width=2.4),
)

VARIABLE_EXPENSES: tuple[Col[VariableExpense], ...] = (
    Col("项目", "Item", lambda v: v.label, width=2),
    Col("占销售额比例", "Share of sales", lambda v: v.rate, PCT),
)


def income_statement(ctx: SurveyContext) -> list[Block]:
    tr, st, pl, lang = ctx.tr, ctx.results.statement, ctx.case.profit_loss, ctx.lang
    s = st.structure
    blocks: list[Block] = []
    if pl.products:
        blocks.append(product_table(ctx))
    blocks.append(
        kv(
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
            tr(zh, en),
            money(st.average[key]),
            *(money(getattr(st.by_season[season], key)) for season in seasons),
        )
        for key, zh, en in LINES
    ]
    heads = [Head("项目", "Line", L, 1.8), Head("月均", "Average", R)]
    heads += [Head(f"{label(season, 'zh')}月", f"{label(season, 'en')} month", R) for season in seasons]
    caption = tr("损益表（月均及各季节月份）", "Income statement (average and seasonal months)")
    blocks.append(grid_table(heads, rows, tr, emphasis=_EMPHASIS_ROWS, caption=caption))
    blocks += para_if(tr("主营业务收入详述", "Sales narrative"), pl.sales_narrative, tr)
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
    """加权毛利率 (trade) or the unit cost structure (workshops, every product with a quantity)."""
    tr, pl = ctx.tr, ctx.case.profit_loss
    if all(p.quantity is not None for p in pl.products):
        return detail_table(UNIT_COSTS, pl.products, tr, caption=tr("单位成本结构", "Unit cost structure"))
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
    heads = (
        Head("产品", "Product", L, 1.6),
        Head("销售占比", "Sales share", R, 0.8),
        Head("进价", "Unit cost", R, 0.8),
        Head("售价", "Unit price", R, 0.8),
        Head("毛利率", "Margin", R, 0.8),
        Head("加权", "Weighted", R, 0.8),
    )
    caption = tr("加权毛利率", "Weighted gross margin")
    return grid_table(heads, rows, tr, emphasis={len(rows) - 1}, caption=caption)


def expense_tables(ctx: SurveyContext) -> list[Block]:
    """Fixed costs, household, other expenses and other income; then the variable expense rates."""
    tr, pl = ctx.tr, ctx.case.profit_loss
    groups = (
        (tr("固定费用明细（月）", "Fixed costs (monthly)"), pl.fixed_costs),
        (tr("家庭开支明细（月）", "Household expenses (monthly)"), pl.household_expenses),
        (tr("其他开支（月）", "Other expenses (monthly)"), pl.other_expenses),
        (tr("其他收入（月）", "Other income (monthly)"), pl.other_income),
    )
    blocks: list[Block] = [
        detail_table(EXPENSES, items, tr, caption=caption) for caption, items in groups if items
    ]
    if pl.variable_expenses:
        caption = tr("随销售额变动的费用", "Expenses proportional to sales")
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
            caption=tr("月份损益表（1–6 月）", "Monthly statement (Jan–Jun)"),
        ),
        _half_year(
            ctx,
            st.months[6:],
            average=True,
            caption=tr("月份损益表（7–12 月）", "Monthly statement (Jul–Dec)"),
        ),
    ]


def _half_year(ctx: SurveyContext, months: Sequence[MonthLine], *, average: bool, caption: str) -> DataTable:
    tr, st, lang = ctx.tr, ctx.results.statement, ctx.lang
    heads = [Head("项目", "Line", L, 1.7)]
    for m in months:
        name, season = months_label(m.month, lang), label(m.season, lang)
        heads.append(Head(f"{name}（{season}）", f"{name} ({season})", R))
    if average:
        heads.append(Head("月均", "Average", R))
    rows = []
    for key, zh, en in LINES:
        row = [tr(zh, en), *(money(getattr(m, key)) for m in months)]
        if average:
            row.append(money(st.average[key]))
        rows.append(row)
    return grid_table(heads, rows, tr, emphasis=_EMPHASIS_ROWS, caption=caption, small=True)
