"""Section "applicant & household": the case header, the applicant, credit history, the family."""

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
    case = b.form(
        (),
        [
            ("case_number", tr("案件编号")),
            ("product", tr("贷款产品")),
            ("loan_class", tr("贷款类别")),
            ("stage", tr("案件阶段")),
        ],
    )
    dates_and_officers = b.form(
        (),
        [
            (("dates", "survey_date"), tr("调查日期")),
            (("dates", "applied_on"), tr("申请日期")),
            (("officers", "lead"), tr("主办客户经理")),
            (("officers", "assistant"), tr("协办客户经理")),
        ],
    )
    borrower = b.form(
        ("borrower",),
        [
            ("name", tr("姓名")),
            ("sex", tr("性别")),
            ("id_number", tr("证件号码")),
            ("birth_date", tr("出生日期")),
            ("age", tr("年龄")),
            ("education", tr("学历")),
            ("marital_status", tr("婚姻状况")),
            ("hukou", tr("户籍")),
            ("address", tr("住址")),
            ("years_at_address", tr("现址居住年限")),
            ("housing", tr("住房情况")),
            ("phone", tr("电话")),
            ("occupation", tr("职业")),
            ("years_in_industry", tr("从业年限")),
            ("card_overdue_count", tr("信用卡逾期次数")),
            ("loan_overdue_count", tr("贷款逾期次数")),
            ("note", tr("备注")),
        ],
    )
    household = b.form(
        ("household",),
        [
            ("size", tr("家庭人口")),
            ("dependents", tr("被抚养人数")),
            ("structure", tr("家庭结构")),
            ("other_income_sources", tr("其他收入来源")),
            ("note", tr("备注")),
        ],
    )
    return scroll_page(
        group(tr("案件"), case, dates_and_officers),
        group(tr("借款人"), borrower),
        group(tr("信贷记录"), table(ctx, ("borrower", "credit_history"), min_rows=2)),
        group(tr("家庭"), household, table(ctx, ("household", "members"), tr("家庭成员"), min_rows=3)),
    )
