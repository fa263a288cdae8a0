"""方案修改记录 / Proposal history: how the figures that drive the amount moved before the committee.

Printed when the report is made from the store (``ReportRequest.history``): a table per driving
figure (first and last value, changes, who, the largest swings), the computed limit against the
requested amount by version, and the fitting flag's reasons when it is raised.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.domain.proposal_history import RAISING_STEPS, RUSHED_SAVES, RUSHED_WINDOW
from workbench.reports.document import Align, Block, Bullets, ChartRef, Column, DataTable, Para, TextStyle
from workbench.reports.history import (
    FLAG_ADVICE,
    FLAG_TITLE,
    NO_FLAG,
    draw_history_chart,
    flag_sentences,
    history_chart_data,
    history_table,
    scope_sentence,
)
from workbench.texts import N_

if TYPE_CHECKING:
    from workbench.reports.survey.context import SurveyContext

# name, first, last, changes, who, largest relative swing, largest absolute swing
ALIGNS = (Align.LEFT, Align.RIGHT, Align.RIGHT, Align.CENTER, Align.LEFT, Align.RIGHT, Align.RIGHT)
WIDTHS = (1.45, 1.0, 1.0, 0.7, 1.45, 1.55, 1.75)


def proposal_history(ctx: SurveyContext) -> list[Block]:
    """The section's blocks (none without a history)."""
    history, tr, lang = ctx.history, ctx.tr, ctx.lang
    if history is None:
        return []
    columns, rows = history_table(history, lang, wide=True)
    blocks: list[Block] = [
        Para(scope_sentence(history, lang)),
        DataTable(
            tuple(Column(t, a, w) for t, a, w in zip(columns, ALIGNS, WIDTHS, strict=True)),
            rows,
            small=True,
        ),
    ]
    if len(history.versions) > 1:
        blocks.append(
            ChartRef(
                draw_history_chart,
                (history_chart_data(history), lang),
                height_mm=60,
                caption=tr(N_("图：测算额度与申请金额（按保存版本）")),
            )
        )
    if history.flagged:
        blocks += [
            Para(tr(FLAG_TITLE), TextStyle.LEAD),
            Bullets(flag_sentences(history, lang)),
            Para(tr(FLAG_ADVICE)),
        ]
    else:
        blocks.append(Para(tr(NO_FLAG)))
    blocks.append(
        Para(
            tr(
                N_(
                    "判定规则：提交前 {hours} 小时内修改驱动额度数据"
                    "（销售额、毛利率、可支配资金、资产、权益）的保存达到 {saves} 次；"
                    "或申请金额不变时，逐次提高仍低于申请金额的测算额度的修改达到 {steps} 次。"
                    "变动为相邻两个保存版本之间的变动。"
                ),
                hours=int(RUSHED_WINDOW.total_seconds() // 3600),
                saves=RUSHED_SAVES,
                steps=RAISING_STEPS,
            ),
            TextStyle.NOTE,
        )
    )
    return blocks
