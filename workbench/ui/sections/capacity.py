"""Section "capacity & proposal": the key figures, the binding limit, the schedule and cash projection."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTabWidget

from workbench.domain.formatting import percent
from workbench.texts import capital
from workbench.texts.labels import LIMIT_LABELS, limit_label
from workbench.ui.i18n import lang, tr
from workbench.ui.labels import enum_label
from workbench.ui.models.result_tables import Table, projection_table, schedule_table
from workbench.ui.sections.base import FigureGrid, group, result_view, scroll_page
from workbench.ui.values import money_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from workbench.domain.calc import CaseResults
    from workbench.ui.sections.base import SectionContext


def limit_labels() -> dict[str, str]:
    """Names of the limits a proposal can be bound by: the catalogue's, as the report and the command line."""
    language = lang()
    return {key: capital(limit_label(key, language), language) for key in LIMIT_LABELS}


def _figures() -> list[tuple[str, str]]:
    return [
        ("md_avg", tr("月均可支配资金 MD")),
        ("alpha", tr("可用比例 α")),
        ("a_max", tr("最高月还款额 A_max")),
        ("p_cap", tr("还款能力本金 P_cap")),
        ("request", tr("申请金额")),
        ("proposal", tr("建议金额 P_prop")),
        ("binding", tr("约束条件")),
        ("instalment", tr("月还款额")),
        ("ratio", tr("月还款额占月可支比例")),
        ("method", tr("还款方式")),
        ("monthly_rate", tr("月利率")),
        ("projection_min", tr("现金流预测最低点")),
    ]


def sensitivity_table(results: CaseResults) -> Table:
    """Capacity at each usable share α."""
    columns = [tr("最高月还款额"), tr("还款能力本金")]
    rows = [percent(s.alpha, 0) for s in results.sizing.sensitivities]
    cells = [
        [money_text(s.max_instalment), money_text(s.max_principal)] for s in results.sizing.sensitivities
    ]
    return columns, rows, cells


def build(ctx: SectionContext) -> QWidget:
    """The page."""
    figures = FigureGrid(_figures(), columns=2)
    tables = QTabWidget()
    tables.setDocumentMode(True)
    schedule = result_view(ctx, schedule_table, min_rows=8)
    schedule.setObjectName("scheduleTable")
    projection = result_view(ctx, projection_table, min_rows=8)
    projection.setObjectName("projectionTable")
    tables.addTab(schedule, tr("还款计划"))
    tables.addTab(projection, tr("现金流预测"))
    tables.addTab(result_view(ctx, sensitivity_table, min_rows=3), tr("敏感性"))
    tables.setMinimumHeight(300)
    page = scroll_page(group(tr("还款能力与贷款建议"), figures), tables, stretch_last=True)

    def show(results: CaseResults) -> None:
        z = results.sizing
        figures.set("md_avg", money_text(z.md_avg))
        figures.set("alpha", percent(z.alpha, 0))
        figures.set("a_max", money_text(z.a_max))
        figures.set("p_cap", money_text(z.p_cap))
        figures.set("request", money_text(dict(z.limits).get("request")))
        figures.set("proposal", money_text(z.proposal))
        figures.set("binding", limit_labels().get(z.binding_limit, z.binding_limit))
        figures.set("instalment", money_text(z.instalment))
        figures.set("ratio", percent(z.ratio))
        figures.set("method", enum_label(z.method))
        figures.set("monthly_rate", percent(z.rate.monthly, 3))
        low = z.projection_minimum
        figures.set("projection_min", money_text(low.balance) if low is not None else "")

    ctx.on_results(show, page)
    return page
