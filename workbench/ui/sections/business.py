"""Section "business": the business, its main suppliers and customers, and its history."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.domain.parties import Business
from workbench.ui.i18n import tr
from workbench.ui.sections.base import OptionalPart, group, scroll_page, table

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from workbench.ui.sections.base import SectionContext


def _fields() -> list[tuple[str | tuple[str, ...], str]]:
    return [
        ("name", tr("经营主体名称")),
        ("industry", tr("行业")),
        ("main_activity", tr("主营业务")),
        ("legal_form", tr("组织形式")),
        ("licence_number", tr("营业执照号")),
        ("registered_owner", tr("登记经营者")),
        ("actual_operator", tr("实际经营者")),
        ("address", tr("经营地址")),
        ("premises_tenure", tr("场所性质")),
        ("premises_area_m2", tr("面积 m²")),
        ("monthly_rent", tr("月租金")),
        ("lease_until", tr("租约到期")),
        ("started_on", tr("开业日期")),
        ("at_site_since", tr("现址经营起始")),
        ("employees", tr("雇员人数")),
        ("operating_days_per_month", tr("月营业天数")),
    ]


def _present(ctx: SectionContext) -> QWidget:
    b = ctx.binder
    narratives = b.form(
        ("business",),
        [
            ("history", tr("经营历史")),
            ("management", tr("经营管理")),
            ("changes_since_last", tr("上次以来的变化")),
            ("plans", tr("经营计划")),
        ],
    )
    return scroll_page(
        group(tr("经营主体"), b.form(("business",), _fields())),
        group(tr("主要供应商"), table(ctx, ("business", "suppliers"), min_rows=2)),
        group(tr("主要客户"), table(ctx, ("business", "customers"), min_rows=2)),
        group(tr("经营情况说明"), narratives),
    )


def build(ctx: SectionContext) -> QWidget:
    """The page; a consumer case without a business offers to add one."""
    return OptionalPart(
        ctx,
        ("business",),
        lambda: _present(ctx),
        tr("本案件没有经营主体（消费类贷款）。"),
        tr("添加经营主体"),
        lambda: Business(name=""),
    )
