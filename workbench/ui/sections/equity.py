"""Section "equity check": the initial point, the period flows, the passes and the deviation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from workbench.domain.equity import EQUITY_ITEM_LISTS, EquityCheck
from workbench.domain.formatting import deviation as deviation_text
from workbench.domain.status import Status
from workbench.ui.i18n import tr
from workbench.ui.labels import enum_label
from workbench.ui.sections.base import FigureGrid, OptionalPart, group, result_view, scroll_page, table_tabs
from workbench.ui.values import money_text
from workbench.ui.widgets.fields import REQUIRED_STYLE

if TYPE_CHECKING:
    from workbench.domain.calc import CaseResults
    from workbench.ui.models.result_tables import Table
    from workbench.ui.sections.base import SectionContext


def _list_titles() -> list[str]:
    return [
        tr("初始资产"),
        tr("初始负债"),
        tr("期间利润"),
        tr("资本注入"),
        tr("资产增值"),
        tr("提取与家庭开支"),
        tr("折旧"),
    ]


def _figures() -> list[tuple[str, str]]:
    return [
        ("initial_equity", tr("初始权益 E0")),
        ("period_profit", tr("期间利润")),
        ("injections", tr("资本注入")),
        ("appreciation", tr("资产增值")),
        ("withdrawals", tr("提取")),
        ("depreciation", tr("折旧")),
        ("expected", tr("应有权益")),
        ("actual", tr("实际权益")),
        ("difference", tr("差额")),
        ("deviation", tr("偏差")),
        ("s3_ratio", tr("差额/期间利润")),
        ("status", tr("结论")),
    ]


def passes_table(results: CaseResults) -> Table:
    """Every pass of the reconciliation, the current one last."""
    columns = [tr("总资产"), tr("总负债"), tr("实际权益"), tr("应有权益"), tr("偏差"), tr("结论")]
    equity = results.equity
    if equity is None:
        return columns, [], []
    rows = [p.label or tr("本轮") for p in equity.passes]
    cells = [
        [
            money_text(p.total_assets),
            money_text(p.total_liabilities),
            money_text(p.actual),
            money_text(p.expected),
            deviation_text(p.deviation),
            enum_label(p.status),
        ]
        for p in equity.passes
    ]
    return columns, rows, cells


def _present(ctx: SectionContext) -> QWidget:
    b = ctx.binder
    form = b.form(
        ("equity_check",),
        [
            ("initial_date", tr("初始权益日期")),
            ("initial_basis", tr("初始权益依据")),
            ("include_off_balance", tr("计入表外项目")),
        ],
    )
    b.applies_when(
        ("equity_check", "include_off_balance"),
        lambda state: bool(state.balance_sheet.off_balance),
        tr("资产负债表没有表外项目"),
    )
    figures = FigureGrid(_figures(), columns=2)
    explanation = b.widget(("equity_check", "explanation"), tr("偏差说明"))
    assert isinstance(explanation, QPlainTextEdit)
    explanation.setMaximumHeight(90)
    lists = [
        (title, ("equity_check", name)) for title, name in zip(_list_titles(), EQUITY_ITEM_LISTS, strict=True)
    ]
    lists.append((tr("以往轮次"), ("equity_check", "earlier_passes")))
    tabs = table_tabs(ctx, lists)
    tabs.setObjectName("equityTabs")
    tabs.setMinimumHeight(260)
    passes = result_view(ctx, passes_table, min_rows=2, max_rows=2)
    inner = QWidget()
    layout = QVBoxLayout(inner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(group(tr("偏差说明"), explanation))
    page = scroll_page(
        group(tr("权益检验"), form),
        group(tr("结果"), figures, passes),
        inner,
        tabs,
        stretch_last=True,
    )

    def show(results: CaseResults) -> None:
        equity = results.equity
        if equity is None:
            return
        current = equity.current
        for key in ("initial_equity", "period_profit", "injections", "appreciation"):
            figures.set(key, money_text(getattr(equity, key)))
        for key in ("withdrawals", "depreciation", "expected"):
            figures.set(key, money_text(getattr(equity, key)))
        figures.set("actual", money_text(current.actual))
        figures.set("difference", money_text(current.difference))
        figures.set("deviation", deviation_text(current.deviation), current.status)
        figures.set("s3_ratio", deviation_text(current.s3_ratio))
        figures.set("status", enum_label(current.status), current.status)
        needed = current.status is not Status.OK
        explanation.setStyleSheet(REQUIRED_STYLE if needed and not current.finding.strip() else "")
        explanation.setPlaceholderText(tr("偏差超出可接受范围：必须写明原因") if needed else "")

    ctx.on_results(show, page)
    return page


def build(ctx: SectionContext) -> QWidget:
    """The page; a case without an equity check offers to add one."""
    return OptionalPart(
        ctx,
        ("equity_check",),
        lambda: _present(ctx),
        tr("本案件还没有权益检验（经营类贷款必须做）。"),
        tr("添加权益检验"),
        EquityCheck,
    )
