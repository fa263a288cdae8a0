"""Section "soft information": the matrix, the narratives and the soft cross-checks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.ui.i18n import tr
from workbench.ui.sections.base import group, scroll_page, table

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from workbench.ui.sections.base import SectionContext


def build(ctx: SectionContext) -> QWidget:
    """The page."""
    narratives = ctx.binder.form(
        ("soft_info",),
        [
            ("overall", tr("总体评价")),
            ("character", tr("性格与品行")),
            ("reputation", tr("社会评价")),
            ("family", tr("家庭情况")),
            ("business_history", tr("经营历程")),
            ("capital_accumulation", tr("资本积累")),
            ("reason_for_loan", tr("贷款原因")),
            ("information_sources", tr("信息来源")),
            ("bad_habits", tr("不良嗜好")),
            ("assessment", tr("软信息评估")),
        ],
    )
    return scroll_page(
        group(tr("软信息矩阵"), table(ctx, ("soft_info", "matrix"), min_rows=4)),
        group(tr("描述与评价"), narratives),
        group(tr("软信息交叉检验"), table(ctx, ("soft_info", "checks"), min_rows=2)),
    )
