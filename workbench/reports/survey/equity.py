"""Survey section 11: the equity reconciliation (权益检验), every pass kept."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.domain.money import ONE
from workbench.reports.content_common import yes_no
from workbench.reports.document import Align, Block, DataTable, Para, TextStyle
from workbench.reports.formatting import count, day, money, text
from workbench.reports.survey.context import SurveyContext, kv
from workbench.reports.tables import DEVIATION, MONEY, Col, Head, detail_table, grid_table
from workbench.texts.labels import STATUS_LABELS

if TYPE_CHECKING:
    from workbench.domain.equity import EquityCheck, EquityPassResult, EquityResult

L, R, C = Align.LEFT, Align.RIGHT, Align.CENTER

PASSES: tuple[Col[tuple[str, EquityPassResult]], ...] = (
    Col("轮次", "Pass", lambda np: np[0], width=1.3),
    Col("总资产", "TA", lambda np: np[1].total_assets, MONEY),
    Col("总负债", "TL", lambda np: np[1].total_liabilities, MONEY, width=0.9),
    Col("实际权益", "Actual", lambda np: np[1].actual, MONEY),
    Col("应有权益", "Expected", lambda np: np[1].expected, MONEY),
    Col("差额", "Difference", lambda np: np[1].difference, MONEY, width=0.95),
    Col("偏差", "δ", lambda np: np[1].deviation, DEVIATION, width=0.65),
    Col("S3 比率", "S3 ratio", lambda np: np[1].s3_ratio, DEVIATION, width=0.65),
    Col("结论", "Status", lambda np: np[1].status, lambda v, tr: STATUS_LABELS[v][tr.lang], C, 0.6),
)


def equity(ctx: SurveyContext) -> list[Block]:
    tr, eq_in, eq = ctx.tr, ctx.case.equity_check, ctx.results.equity
    if eq_in is None or eq is None:
        return [Para(tr("本案未做权益检验。", "No equity reconciliation in this case."))]
    blocks: list[Block] = [
        kv(
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
        _reconciliation(ctx, eq_in, eq),
    ]
    named = []
    for number_, p in enumerate(eq.passes, start=1):
        name = tr(f"第 {number_} 轮", f"Pass {number_}")
        if number_ == len(eq.passes):
            name += tr("（当前）", " (current)")
        elif p.label:
            name += f"{tr.colon}{p.label}"
        named.append((name, p))
    caption = tr("各轮权益检验（保留全部轮次）", "Every pass of the reconciliation")
    blocks.append(detail_table(PASSES, named, tr, caption=caption, small=True))
    for number_, p in enumerate(eq.passes, start=1):
        if p.finding.strip():
            title = tr(f"第 {number_} 轮发现与说明", f"Pass {number_}: finding")
            blocks.append(Para(f"{title}{tr.colon}{p.finding.strip()}"))
    return blocks


def _reconciliation(ctx: SurveyContext, eq_in: EquityCheck, eq: EquityResult) -> DataTable:
    """Each component with its items, down to the expected equity."""
    tr = ctx.tr
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
    heads = (
        Head("项目", "Item", L, 2.4),
        Head("计算", "Calculation", R, 1.1),
        Head("金额", "Amount", R),
        Head("说明", "Note", L, 1.4),
    )
    return grid_table(heads, rows, tr, emphasis=emphasis, caption=tr("权益检验计算", "Reconciliation"))
