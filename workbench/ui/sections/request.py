"""Section "loan request & purpose": what is asked for, why, and who stands behind it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.ui.i18n import tr
from workbench.ui.sections.base import group, scroll_page, table

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from workbench.ui.sections.base import SectionContext


def build(ctx: SectionContext) -> QWidget:
    """The page."""
    b = ctx.binder
    request = b.form(
        ("request",),
        [
            ("amount", tr("申请金额")),
            ("term_months", tr("期限（月）")),
            (("request", "rate", "kind"), tr("利率类型")),
            (("request", "rate", "value"), tr("利率")),
            ("method", tr("还款方式")),
            ("grace_months", tr("宽限期（月）")),
            ("disbursement_date", tr("预计放款日")),
            ("own_contribution", tr("自有资金投入")),
            ("first_loan", tr("首次贷款")),
            ("guarantee_mode", tr("担保方式")),
            ("purpose", tr("贷款用途")),
        ],
    )
    return scroll_page(
        group(tr("贷款申请"), request),
        group(tr("资金使用计划"), table(ctx, ("request", "uses"), min_rows=2)),
        group(tr("其他资金来源"), table(ctx, ("request", "other_sources"), min_rows=2)),
        group(tr("共同借款人与保证人"), table(ctx, ("guarantors",), min_rows=2)),
        group(tr("抵质押物"), table(ctx, ("collateral",), min_rows=2)),
    )
