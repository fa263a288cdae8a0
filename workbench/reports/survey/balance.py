"""Survey section 8: the balance sheet, its ratios and every detail list (appendix A in the dossier)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.domain.balance_sheet import compute_totals
from workbench.reports.document import Align, Block, DataTable, Para, TextStyle
from workbench.reports.formatting import day, money, number, pct
from workbench.reports.survey.context import SurveyContext, kv
from workbench.reports.tables import COUNT, LABEL, MONEY, PCT, TEXT, Col, Head, detail_table, grid_table
from workbench.reports.texts import MONEY_UNIT, RATIO_LABELS, capital, pair_label
from workbench.texts import N_, NC_, Msg

if TYPE_CHECKING:
    from decimal import Decimal

    from workbench.domain.balance_sheet import (
        AssetItem,
        BalanceSheet,
        BalanceTotals,
        Debt,
        FixedAsset,
        OffBalanceItem,
        Payable,
        Receivable,
        StockItem,
    )

L, R, C = Align.LEFT, Align.RIGHT, Align.CENTER

ASSETS: tuple[Col[AssetItem], ...] = (
    Col(NC_("column", "类别"), lambda a: a.category, LABEL),
    Col(N_("项目"), lambda a: a.label, width=2),
    Col(N_("归属"), lambda a: a.scope, LABEL, C, 0.6),
    Col(N_("金额"), lambda a: a.amount, MONEY, total=True),
    Col(N_("说明"), lambda a: a.note, TEXT, width=1.4),
)

STOCK: tuple[Col[StockItem], ...] = (
    Col(NC_("column", "类别"), lambda s: s.category, LABEL, width=0.9),
    Col(N_("名称"), lambda s: s.label, width=2.2),
    Col(N_("数量"), lambda s: s.quantity, COUNT, width=0.7),
    Col(N_("单位成本"), lambda s: s.unit_cost, MONEY),
    Col(N_("金额"), lambda s: s.amount, MONEY, total=True),
)

FIXED_ASSETS: tuple[Col[FixedAsset], ...] = (
    Col(NC_("column", "类别"), lambda f: f.category, LABEL, width=0.8),
    Col(N_("名称"), lambda f: f.label, width=2),
    Col(N_("归属"), lambda f: f.scope, LABEL, C, 0.5),
    Col(NC_("column", "数量"), lambda f: f.quantity, align=R, width=0.4),
    Col(N_("原值"), lambda f: f.original_value, MONEY),
    Col(N_("现值"), lambda f: f.present_value, MONEY, total=True),
    Col(N_("折旧"), lambda f: f.depreciation, MONEY, width=0.9, total=True),
    Col(N_("折旧率"), lambda f: f.depreciation_rate, PCT, width=0.7),
)

RECEIVABLES: tuple[Col[Receivable], ...] = (
    Col(N_("客户"), lambda r: r.counterparty, width=2),
    Col(N_("金额"), lambda r: r.amount, MONEY, total=True),
    Col(N_("账龄（天）"), lambda r: r.age_days, COUNT, width=0.7),
    Col(N_("结算方式"), lambda r: r.terms, TEXT, width=1.5),
)

PAYABLES: tuple[Col[Payable], ...] = (
    Col(N_("类别"), lambda p: p.kind, LABEL, width=0.9),
    Col(N_("对方"), lambda p: p.counterparty, width=2),
    Col(N_("金额"), lambda p: p.amount, MONEY, total=True),
    Col(N_("账龄（天）"), lambda p: p.age_days, COUNT, width=0.7),
    Col(N_("结算方式"), lambda p: p.terms, TEXT, width=1.2),
)

DEBTS: tuple[Col[Debt], ...] = (
    Col(N_("债权人"), lambda d: d.lender, width=1.8),
    Col(N_("类别"), lambda d: d.kind, LABEL, width=0.8),
    Col(N_("归属"), lambda d: d.scope, LABEL, C, 0.5),
    Col(N_("原始金额"), lambda d: d.original_amount, MONEY, width=0.9),
    Col(N_("余额"), lambda d: d.balance, MONEY, width=0.9, total=True),
    Col(N_("月供"), lambda d: d.monthly_instalment, MONEY, width=0.8, total=True),
    Col(N_("月利息"), lambda d: d.monthly_interest, MONEY, width=0.7, total=True),
    Col(N_("剩余期数"), lambda d: d.remaining_months, COUNT, width=0.5),
    Col(
        N_("期限"),
        lambda d: d.long_term,
        lambda v, tr: tr(N_("长期")) if v else tr(N_("短期")),
        C,
        0.5,
    ),
)

OFF_BALANCE: tuple[Col[OffBalanceItem], ...] = (
    Col(N_("项目"), lambda o: o.label, width=2),
    Col(
        N_("性质"),
        lambda o: o.is_liability,
        lambda v, tr: tr(N_("负债")) if v else tr(NC_("report", "资产")),
        C,
        0.7,
    ),
    Col(N_("价值"), lambda o: o.value, MONEY),
    Col(N_("说明"), lambda o: o.note, TEXT, width=1.6),
)

# (label, field of BalanceTotals): the two sides of the summary, row by row.
_ASSET_SIDE = (
    (N_("现金"), "cash"),
    (N_("银行存款"), "bank"),
    (N_("应收账款"), "receivables"),
    (N_("预付账款"), "prepayments"),
    (N_("存货"), "inventory"),
    (N_("流动资产合计"), "current_assets"),
    (N_("固定资产（经营）"), "fixed_assets"),
    (N_("其他经营资产"), "other_assets"),
    (N_("经营资产合计"), "business_assets"),
    (N_("家庭资产"), "household_assets"),
    (N_("资产总计"), "total_assets"),
)
_LIABILITY_SIDE = (
    (N_("应付账款"), "payables"),
    (N_("预收账款"), "advances_received"),
    (N_("短期借款"), "short_debts"),
    (N_("流动负债合计"), "current_liabilities"),
    (N_("长期负债"), "long_term_liabilities"),
    (N_("负债总计"), "total_liabilities"),
    (N_("其中：经营负债"), "business_liabilities"),
    (N_("其中：家庭负债"), "household_liabilities"),
    (N_("所有者权益"), "equity"),
    (N_("其中：经营权益"), "business_equity"),
    (N_("其中：家庭权益"), "household_equity"),
)
_PERCENT_RATIOS = frozenset({"debt_ratio", "ar_to_sales", "stock_at_price_to_sales", "debt_to_sales"})


def balance_sheet(ctx: SurveyContext) -> list[Block]:
    tr, sheet, t = ctx.tr, ctx.case.balance_sheet, ctx.results.totals
    blocks: list[Block] = [
        Para(
            tr(
                N_(
                    "报表日期：{date}。资产按现值、存货按成本计；家庭资产与负债并入同一张表，"
                    "表外项目与对外担保单列，不计入总计。"
                ),
                date=day(sheet.date),
            ),
            TextStyle.NOTE,
        ),
        _summary_table(ctx),
        kv(
            (tr(N_("表外资产")), money(t.off_balance_assets)),
            (tr(N_("表外负债")), money(t.off_balance_liabilities)),
            (tr(N_("对外担保（或有负债）")), money(t.guarantees_given)),
            (tr(N_("流动资金（现金+存款+家庭存款）")), money(t.liquid)),
            unit=tr(MONEY_UNIT),
        ),
        ratios_table(ctx),
    ]
    if ctx.details:
        blocks += balance_details(ctx)
    else:
        blocks.append(
            Para(tr(N_("各项明细见附录 A。")), TextStyle.NOTE),
        )
    return blocks


def _summary_table(ctx: SurveyContext) -> DataTable:
    """Assets beside liabilities and equity, with the prior sheet's figures when there is one."""
    tr, t = ctx.tr, ctx.results.totals
    prior = ctx.case.prior_balance_sheet
    p = compute_totals(prior) if prior is not None else None

    def cells(name: Msg, field: str) -> list[str]:
        out = [tr(name), money(_figure(t, field))]
        return [*out, money(_figure(p, field))] if p is not None else out

    rows = [(*cells(*a), *cells(*li)) for a, li in zip(_ASSET_SIDE, _LIABILITY_SIDE, strict=True)]
    side = [Head(N_("本期"), R), Head(N_("上期"), R)] if p else [Head(N_("金额"), R)]
    heads = [
        Head(N_("资产"), L, 1.5),
        *side,
        Head(N_("负债及权益"), L, 1.5),
        *side,
    ]
    return grid_table(heads, rows, tr, emphasis={5, 10}, caption=tr(N_("资产负债简表")))


def _figure(totals: BalanceTotals | None, field: str) -> Decimal | None:
    value: Decimal | None = getattr(totals, field) if totals is not None else None
    return value


def ratios_table(ctx: SurveyContext) -> DataTable:
    """资产负债评价: ratios as % or as plain numbers (days, months, times), two to a row."""
    rows = [
        (
            capital(pair_label(RATIO_LABELS, key, ctx.lang), ctx.lang),
            pct(value) if key in _PERCENT_RATIOS else number(value, 2),
        )
        for key, value in ctx.results.ratios.items()
    ]
    half = (len(rows) + 1) // 2
    left, right = rows[:half], rows[half:]
    right += [("", "")] * (len(left) - len(right))
    merged = [(a[0], a[1], b[0], b[1]) for a, b in zip(left, right, strict=True)]
    ratio, value = Head(N_("指标"), L, 2), Head(NC_("column", "数值"), R)
    caption = ctx.tr(N_("资产负债评价"))
    return grid_table((ratio, value, ratio, value), merged, ctx.tr, caption=caption, amounts=False)


def balance_details(ctx: SurveyContext, sheet: BalanceSheet | None = None) -> list[Block]:
    """Every detail list of the balance sheet, each with a total row where amounts add up."""
    tr = ctx.tr
    sheet = sheet or ctx.case.balance_sheet
    blocks: list[Block] = []
    if sheet.assets:
        caption = tr(N_("现金、存款及其他资产"))
        blocks.append(detail_table(ASSETS, sheet.assets, tr, caption=caption))
    if sheet.stock:
        blocks.append(detail_table(STOCK, sheet.stock, tr, caption=tr(N_("存货明细"))))
    if sheet.fixed_assets:
        caption = tr(N_("固定资产明细"))
        blocks.append(detail_table(FIXED_ASSETS, sheet.fixed_assets, tr, caption=caption))
    if sheet.receivables:
        caption = tr(N_("应收账款明细"))
        blocks.append(detail_table(RECEIVABLES, sheet.receivables, tr, caption=caption))
    if sheet.payables:
        caption = tr(N_("应付及预收明细"))
        blocks.append(detail_table(PAYABLES, sheet.payables, tr, caption=caption))
    if sheet.debts:
        blocks.append(detail_table(DEBTS, sheet.debts, tr, caption=tr(N_("负债明细")), small=True))
    if sheet.off_balance:
        caption = tr(N_("表外资产/负债"))
        blocks.append(detail_table(OFF_BALANCE, sheet.off_balance, tr, caption=caption))
    if not blocks:
        blocks.append(Para(tr(N_("资产负债表无明细。"))))
    return blocks
