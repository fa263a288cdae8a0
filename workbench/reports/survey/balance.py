"""Survey section 8: the balance sheet, its ratios and every detail list (appendix A in the dossier)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.domain.balance_sheet import compute_totals
from workbench.reports.document import Align, Block, DataTable, Para, TextStyle
from workbench.reports.formatting import day, money, number, pct
from workbench.reports.survey.context import SurveyContext, kv
from workbench.reports.tables import COUNT, LABEL, MONEY, PCT, TEXT, Col, Head, detail_table, grid_table
from workbench.reports.texts import RATIO_LABELS, capital, pair_label

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
    Col("类别", "Category", lambda a: a.category, LABEL),
    Col("项目", "Item", lambda a: a.label, width=2),
    Col("归属", "Scope", lambda a: a.scope, LABEL, C, 0.6),
    Col("金额", "Amount", lambda a: a.amount, MONEY, total=True),
    Col("说明", "Note", lambda a: a.note, TEXT, width=1.4),
)

STOCK: tuple[Col[StockItem], ...] = (
    Col("类别", "Category", lambda s: s.category, LABEL, width=0.9),
    Col("名称", "Item", lambda s: s.label, width=2.2),
    Col("数量", "Quantity", lambda s: s.quantity, COUNT, width=0.7),
    Col("单位成本", "Unit cost", lambda s: s.unit_cost, MONEY),
    Col("金额", "Amount", lambda s: s.amount, MONEY, total=True),
)

FIXED_ASSETS: tuple[Col[FixedAsset], ...] = (
    Col("类别", "Category", lambda f: f.category, LABEL, width=0.8),
    Col("名称", "Item", lambda f: f.label, width=2),
    Col("归属", "Scope", lambda f: f.scope, LABEL, C, 0.5),
    Col("数量", "Qty", lambda f: f.quantity, align=R, width=0.4),
    Col("原值", "Original", lambda f: f.original_value, MONEY),
    Col("现值", "Present value", lambda f: f.present_value, MONEY, total=True),
    Col("折旧", "Depreciation", lambda f: f.depreciation, MONEY, width=0.9, total=True),
    Col("折旧率", "Rate", lambda f: f.depreciation_rate, PCT, width=0.7),
)

RECEIVABLES: tuple[Col[Receivable], ...] = (
    Col("客户", "Customer", lambda r: r.counterparty, width=2),
    Col("金额", "Amount", lambda r: r.amount, MONEY, total=True),
    Col("账龄（天）", "Age (days)", lambda r: r.age_days, COUNT, width=0.7),
    Col("结算方式", "Terms", lambda r: r.terms, TEXT, width=1.5),
)

PAYABLES: tuple[Col[Payable], ...] = (
    Col("类别", "Kind", lambda p: p.kind, LABEL, width=0.9),
    Col("对方", "Counterparty", lambda p: p.counterparty, width=2),
    Col("金额", "Amount", lambda p: p.amount, MONEY, total=True),
    Col("账龄（天）", "Age (days)", lambda p: p.age_days, COUNT, width=0.7),
    Col("结算方式", "Terms", lambda p: p.terms, TEXT, width=1.2),
)

DEBTS: tuple[Col[Debt], ...] = (
    Col("债权人", "Lender", lambda d: d.lender, width=1.8),
    Col("类别", "Kind", lambda d: d.kind, LABEL, width=0.8),
    Col("归属", "Scope", lambda d: d.scope, LABEL, C, 0.5),
    Col("原始金额", "Original", lambda d: d.original_amount, MONEY, width=0.9),
    Col("余额", "Balance", lambda d: d.balance, MONEY, width=0.9, total=True),
    Col("月供", "Instalment", lambda d: d.monthly_instalment, MONEY, width=0.8, total=True),
    Col("月利息", "Interest", lambda d: d.monthly_interest, MONEY, width=0.7, total=True),
    Col("剩余期数", "Left", lambda d: d.remaining_months, COUNT, width=0.5),
    Col(
        "期限",
        "Term",
        lambda d: d.long_term,
        lambda v, tr: tr("长期", "long") if v else tr("短期", "short"),
        C,
        0.5,
    ),
)

OFF_BALANCE: tuple[Col[OffBalanceItem], ...] = (
    Col("项目", "Item", lambda o: o.label, width=2),
    Col(
        "性质",
        "Kind",
        lambda o: o.is_liability,
        lambda v, tr: tr("负债", "liability") if v else tr("资产", "asset"),
        C,
        0.7,
    ),
    Col("价值", "Value", lambda o: o.value, MONEY),
    Col("说明", "Note", lambda o: o.note, TEXT, width=1.6),
)

# (zh, en, field of BalanceTotals): the two sides of the summary, row by row.
_ASSET_SIDE = (
    ("现金", "Cash", "cash"),
    ("银行存款", "Bank & e-wallet", "bank"),
    ("应收账款", "Receivables", "receivables"),
    ("预付账款", "Prepayments", "prepayments"),
    ("存货", "Inventory", "inventory"),
    ("流动资产合计", "Current assets", "current_assets"),
    ("固定资产（经营）", "Fixed assets (business)", "fixed_assets"),
    ("其他经营资产", "Other business assets", "other_assets"),
    ("经营资产合计", "Business assets", "business_assets"),
    ("家庭资产", "Household assets", "household_assets"),
    ("资产总计", "Total assets", "total_assets"),
)
_LIABILITY_SIDE = (
    ("应付账款", "Payables", "payables"),
    ("预收账款", "Advances received", "advances_received"),
    ("短期借款", "Short-term debts", "short_debts"),
    ("流动负债合计", "Current liabilities", "current_liabilities"),
    ("长期负债", "Long-term debts", "long_term_liabilities"),
    ("负债总计", "Total liabilities", "total_liabilities"),
    ("其中：经营负债", "of which business", "business_liabilities"),
    ("其中：家庭负债", "of which household", "household_liabilities"),
    ("所有者权益", "Equity", "equity"),
    ("其中：经营权益", "of which business", "business_equity"),
    ("其中：家庭权益", "of which household", "household_equity"),
)
_PERCENT_RATIOS = frozenset({"debt_ratio", "ar_to_sales", "stock_at_price_to_sales", "debt_to_sales"})


def balance_sheet(ctx: SurveyContext) -> list[Block]:
    tr, sheet, t = ctx.tr, ctx.case.balance_sheet, ctx.results.totals
    blocks: list[Block] = [
        Para(
            tr(
                f"报表日期：{day(sheet.date)}。资产按现值、存货按成本计；家庭资产与负债并入同一张表，"
                "表外项目与对外担保单列，不计入总计。",
                f"Date: {day(sheet.date)}. Assets at present value, stock at cost; household assets and "
                "debts are on the same sheet; off-balance items and guarantees are listed, not added.",
            ),
            TextStyle.NOTE,
        ),
        _summary_table(ctx),
        kv(
            (tr("表外资产", "Off-balance assets"), money(t.off_balance_assets)),
            (tr("表外负债", "Off-balance liabilities"), money(t.off_balance_liabilities)),
            (tr("对外担保（或有负债）", "Guarantees given"), money(t.guarantees_given)),
            (tr("流动资金（现金+存款+家庭存款）", "Liquid funds"), money(t.liquid)),
        ),
        ratios_table(ctx),
    ]
    if ctx.details:
        blocks += balance_details(ctx)
    else:
        blocks.append(
            Para(tr("各项明细见附录 A。", "The detail lists are in appendix A."), TextStyle.NOTE),
        )
    return blocks


def _summary_table(ctx: SurveyContext) -> DataTable:
    """Assets beside liabilities and equity, with the prior sheet's figures when there is one."""
    tr, t = ctx.tr, ctx.results.totals
    prior = ctx.case.prior_balance_sheet
    p = compute_totals(prior) if prior is not None else None

    def cells(zh: str, en: str, field: str) -> list[str]:
        out = [tr(zh, en), money(_figure(t, field))]
        return [*out, money(_figure(p, field))] if p is not None else out

    rows = [(*cells(*a), *cells(*li)) for a, li in zip(_ASSET_SIDE, _LIABILITY_SIDE, strict=True)]
    side = [Head("本期", "Current", R), Head("上期", "Prior", R)] if p else [Head("金额", "Amount", R)]
    heads = [
        Head("资产", "Assets", L, 1.5),
        *side,
        Head("负债及权益", "Liabilities and equity", L, 1.5),
        *side,
    ]
    return grid_table(heads, rows, tr, emphasis={5, 10}, caption=tr("资产负债简表", "Balance sheet summary"))


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
    ratio, value = Head("指标", "Ratio", L, 2), Head("数值", "Value", R)
    return grid_table(
        (ratio, value, ratio, value), merged, ctx.tr, caption=ctx.tr("资产负债评价", "Balance-sheet ratios")
    )


def balance_details(ctx: SurveyContext, sheet: BalanceSheet | None = None) -> list[Block]:
    """Every detail list of the balance sheet, each with a total row where amounts add up."""
    tr = ctx.tr
    sheet = sheet or ctx.case.balance_sheet
    blocks: list[Block] = []
    if sheet.assets:
        caption = tr("现金、存款及其他资产", "Cash, deposits and other assets")
        blocks.append(detail_table(ASSETS, sheet.assets, tr, caption=caption))
    if sheet.stock:
        blocks.append(detail_table(STOCK, sheet.stock, tr, caption=tr("存货明细", "Inventory")))
    if sheet.fixed_assets:
        caption = tr("固定资产明细", "Fixed assets")
        blocks.append(detail_table(FIXED_ASSETS, sheet.fixed_assets, tr, caption=caption))
    if sheet.receivables:
        caption = tr("应收账款明细", "Receivables")
        blocks.append(detail_table(RECEIVABLES, sheet.receivables, tr, caption=caption))
    if sheet.payables:
        caption = tr("应付及预收明细", "Payables and advances")
        blocks.append(detail_table(PAYABLES, sheet.payables, tr, caption=caption))
    if sheet.debts:
        blocks.append(detail_table(DEBTS, sheet.debts, tr, caption=tr("负债明细", "Debts"), small=True))
    if sheet.off_balance:
        caption = tr("表外资产/负债", "Off-balance items")
        blocks.append(detail_table(OFF_BALANCE, sheet.off_balance, tr, caption=caption))
    if not blocks:
        blocks.append(Para(tr("资产负债表无明细。", "The balance sheet has no detail lines.")))
    return blocks
