"""Survey section 11: the equity reconciliation (权益检验), every pass kept."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.domain.money import ONE
from workbench.reports.content_common import yes_no
from workbench.reports.document import Align, Block, DataTable, Para, TextStyle
from workbench.reports.formatting import count, day, money, text
from workbench.reports.survey.context import SurveyContext, kv
from workbench.reports.tables import DEVIATION, MONEY, Col, Head, detail_table, grid_table
from workbench.reports.texts import MONEY_UNIT
from workbench.texts import N_, NC_
from workbench.texts.labels import STATUS_LABELS

if TYPE_CHECKING:
    from workbench.domain.equity import EquityCheck, EquityPassResult, EquityResult

L, R, C = Align.LEFT, Align.RIGHT, Align.CENTER

PASSES: tuple[Col[tuple[str, EquityPassResult]], ...] = (
    Col(N_("轮次"), lambda np: np[0], width=1.3),
    Col(N_("总资产"), lambda np: np[1].total_assets, MONEY),
    Col(N_("总负债"), lambda np: np[1].total_liabilities, MONEY, width=0.9),
    Col(N_("实际权益"), lambda np: np[1].actual, MONEY),
    Col(NC_("column", "应有权益"), lambda np: np[1].expected, MONEY),
    Col(N_("差额"), lambda np: np[1].difference, MONEY, width=0.95),
    Col(NC_("column", "偏差"), lambda np: np[1].deviation, DEVIATION, width=0.65),
    Col(N_("S3 比率"), lambda np: np[1].s3_ratio, DEVIATION, width=0.65),
    Col(N_("结论"), lambda np: np[1].status, lambda v, tr: STATUS_LABELS[v][tr.lang], C, 0.6),
)


def equity(ctx: SurveyContext) -> list[Block]:
    tr, eq_in, eq = ctx.tr, ctx.case.equity_check, ctx.results.equity
    if eq_in is None or eq is None:
        return [Para(tr(N_("本案未做权益检验。")))]
    blocks: list[Block] = [
        kv(
            (tr(N_("初始权益日")), day(eq_in.initial_date)),
            (tr(N_("依据")), text(eq_in.initial_basis)),
            (tr(N_("实际权益含表外项目")), yes_no(eq_in.include_off_balance, tr)),
            (tr(N_("应有权益")), money(eq.expected)),
            unit=tr(MONEY_UNIT),
        ),
        Para(
            tr(
                N_(
                    "应有权益 = 初始权益 + 期间利润 + 期间注资 + 升值 − 期间提取 − 折旧/贬值；"
                    "偏差 = （实际权益 − 应有权益）/ 实际权益。"
                ),
            ),
            TextStyle.NOTE,
        ),
        _reconciliation(ctx, eq_in, eq),
    ]
    named = []
    for number_, p in enumerate(eq.passes, start=1):
        name = tr(N_("第 {n} 轮"), n=number_)
        if number_ == len(eq.passes):
            name += tr(N_("（当前）"))
        elif p.label:
            name += f"{tr.colon}{p.label}"
        named.append((name, p))
    caption = tr(N_("各轮权益检验（保留全部轮次）"))
    blocks.append(detail_table(PASSES, named, tr, caption=caption, small=True))
    for number_, p in enumerate(eq.passes, start=1):
        if p.finding.strip():
            title = tr(N_("第 {n} 轮发现与说明"), n=number_)
            blocks.append(Para(f"{title}{tr.colon}{p.finding.strip()}"))
    return blocks


def _reconciliation(ctx: SurveyContext, eq_in: EquityCheck, eq: EquityResult) -> DataTable:
    """Each component with its items, down to the expected equity."""
    tr = ctx.tr
    rows: list[tuple[str, ...]] = []
    emphasis: set[int] = set()
    groups = (
        (tr(N_("初始资产")), eq_in.initial_assets, eq.initial_assets, "+"),
        (tr(N_("初始负债")), eq_in.initial_liabilities, eq.initial_liabilities, "−"),
        (tr(N_("初始权益 E₀")), (), eq.initial_equity, "="),
        (tr(N_("期间利润 Π")), eq_in.period_profit, eq.period_profit, "+"),
        (tr(N_("期间注资 I")), eq_in.injections, eq.injections, "+"),
        (tr(N_("升值 A")), eq_in.appreciation, eq.appreciation, "+"),
        (tr(N_("期间提取 W")), eq_in.withdrawals, eq.withdrawals, "−"),
        (tr(N_("折旧/贬值 D")), eq_in.depreciation, eq.depreciation, "−"),
    )
    for title, items, subtotal, sign in groups:
        emphasis.add(len(rows))
        rows.append((f"{sign} {title}", "", money(subtotal), ""))
        for item in items:
            calc = f"{money(item.amount)} × {count(item.times)}" if item.times != ONE else money(item.amount)
            rows.append((f"　{item.label}", calc, money(item.value), text(item.note)))
    emphasis.add(len(rows))
    rows.append((tr(N_("= 应有权益")), "", money(eq.expected), ""))
    heads = (
        Head(N_("项目"), L, 2.4),
        Head(N_("计算"), R, 1.1),
        Head(N_("金额"), R),
        Head(N_("说明"), L, 1.4),
    )
    return grid_table(heads, rows, tr, emphasis=emphasis, caption=tr(N_("权益检验计算")))
