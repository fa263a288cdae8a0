"""Section "income statement": products and margin, the seasonal calendar, expenses, the 12 months."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFormLayout, QGridLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from workbench.domain.formatting import percent
from workbench.domain.markup import markup_of_margin
from workbench.ui.i18n import tr
from workbench.ui.models.result_tables import month_label, monthly_statement
from workbench.ui.sections.base import FigureGrid, group, result_view, scroll_page, table
from workbench.ui.values import money_text
from workbench.ui.widgets.markup_field import MarkupEdit

if TYPE_CHECKING:
    from workbench.domain.calc import CaseResults
    from workbench.ui.sections.base import SectionContext


def _products(ctx: SectionContext) -> QWidget:
    margin = FigureGrid(
        [
            ("gross_margin", tr("加权毛利率")),
            ("gross_markup", tr("加权加价率")),
            ("shares_total", tr("销售占比合计")),
            ("purchase_ratio", tr("进货成本占比")),
            ("material_ratio", tr("材料占比")),
        ],
        columns=2,
    )
    form = ctx.binder.form(
        ("profit_loss",),
        [("energy_tariff", tr("电价（元/kWh）")), ("gross_margin_override", tr("毛利率（手工认定）"))],
    )
    override = ("profit_loss", "gross_margin_override")
    markup_label = tr("加价率（手工认定）")
    markup = MarkupEdit(ctx.document, override, markup_label, ctx.refuse or ctx.report)
    markup.setPlaceholderText(tr("或按加价率填写，如 15%"))
    form_layout = form.layout()
    assert isinstance(form_layout, QFormLayout)
    form_layout.addRow(markup_label, markup)
    page = scroll_page(
        table(ctx, ("profit_loss", "products"), tr("产品毛利表"), min_rows=5),
        form,
        group(tr("成本结构"), margin),
    )

    def show(results: CaseResults) -> None:
        s = results.statement.structure
        margin.set("gross_margin", percent(s.gross_margin))
        margin.set("gross_markup", percent(markup_of_margin(s.gross_margin)))
        margin.set("shares_total", percent(s.shares_total))
        margin.set("purchase_ratio", percent(s.purchase_ratio))
        margin.set("material_ratio", percent(s.material_ratio))

    ctx.on_results(show, page)
    return page


def _calendar(ctx: SectionContext) -> QWidget:
    b = ctx.binder
    grid_box = QWidget()
    grid = QGridLayout(grid_box)
    for month in range(1, 13):
        row, col = divmod(month - 1, 6)
        label = month_label(month)
        grid.addWidget(QLabel(label), row * 2, col)
        grid.addWidget(b.widget(("profit_loss", "calendar", month - 1), label), row * 2 + 1, col)
    sales = b.form(
        ("profit_loss",),
        [
            ("peak_sales", tr("旺季月销售额")),
            ("normal_sales", tr("平季月销售额")),
            ("slack_sales", tr("淡季月销售额")),
            ("sales_narrative", tr("销售额说明")),
        ],
    )
    return scroll_page(group(tr("季节日历"), grid_box), group(tr("各季月销售额"), sales))


def _expenses(ctx: SectionContext) -> QWidget:
    tabs = QTabWidget()
    tabs.setDocumentMode(True)
    for title, name in (
        (tr("固定营业费用"), "fixed_costs"),
        (tr("变动费用"), "variable_expenses"),
        (tr("家庭开支"), "household_expenses"),
        (tr("其他支出"), "other_expenses"),
        (tr("其他收入"), "other_income"),
    ):
        tabs.addTab(table(ctx, ("profit_loss", name), min_rows=5), title)
    return tabs


def _statement(ctx: SectionContext) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    figures = FigureGrid(
        [
            ("sales", tr("月均销售额")),
            ("net_profit_cash", tr("月均净利润")),
            ("disposable", tr("月均可支配资金")),
            ("annual_sales", tr("年销售额")),
        ],
        columns=2,
    )
    layout.addWidget(figures)
    view = result_view(ctx, monthly_statement, min_rows=8)
    view.setObjectName("monthlyStatement")
    layout.addWidget(view, 1)

    def show(results: CaseResults) -> None:
        avg = results.statement.average
        for key in ("sales", "net_profit_cash", "disposable"):
            figures.set(key, money_text(avg[key]))
        figures.set("annual_sales", money_text(results.statement.annual_sales))

    ctx.on_results(show, page)
    return page


def build(ctx: SectionContext) -> QWidget:
    """The page: one tab per part of the statement."""
    tabs = QTabWidget()
    tabs.setObjectName("incomeTabs")
    tabs.addTab(_products(ctx), tr("产品与毛利"))
    tabs.addTab(_calendar(ctx), tr("季节与销售额"))
    tabs.addTab(_expenses(ctx), tr("费用与家庭开支"))
    tabs.addTab(_statement(ctx), tr("12 个月损益表"))
    return tabs
