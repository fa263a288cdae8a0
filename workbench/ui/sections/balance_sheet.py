"""Section "balance sheet": the date, the totals, and one tab per detail list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from workbench.domain.balance_sheet import SHEET_LISTS
from workbench.ui.i18n import tr
from workbench.ui.sections.base import FigureGrid, group, table_tabs
from workbench.ui.values import money_text

if TYPE_CHECKING:
    from workbench.domain.calc import CaseResults
    from workbench.ui.sections.base import SectionContext


def _titles() -> list[str]:
    return [
        tr("现金及其他资产"),
        tr("存货"),
        tr("固定资产"),
        tr("应收账款"),
        tr("应付及预收"),
        tr("负债"),
        tr("表外项目"),
        tr("对外担保"),
    ]


def _totals() -> list[tuple[str, str]]:
    return [
        ("total_assets", tr("总资产")),
        ("total_liabilities", tr("总负债")),
        ("equity", tr("权益")),
        ("current_assets", tr("流动资产")),
        ("inventory", tr("存货")),
        ("fixed_assets", tr("经营性固定资产")),
        ("business_equity", tr("经营权益")),
        ("household_equity", tr("家庭权益")),
        ("liquid", tr("可动用现金")),
        ("current_liabilities", tr("流动负债")),
    ]


def build(ctx: SectionContext) -> QWidget:
    """The page."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(8, 8, 8, 8)
    layout.addWidget(ctx.binder.form(("balance_sheet",), [("date", tr("报表日期"))]))
    totals = FigureGrid(_totals(), columns=2)
    layout.addWidget(group(tr("合计"), totals))
    lists = [(title, ("balance_sheet", name)) for title, name in zip(_titles(), SHEET_LISTS, strict=True)]
    tabs = table_tabs(ctx, lists)
    tabs.setObjectName("balanceSheetTabs")
    layout.addWidget(tabs, 1)

    def show(results: CaseResults) -> None:
        t = results.totals
        for key in totals.values:
            totals.set(key, money_text(getattr(t, key)))

    ctx.on_results(show, page)
    return page
