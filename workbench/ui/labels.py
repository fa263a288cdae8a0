"""Labels of the domain's enums and of the check-input fields, in the window's language.

Enum labels come from the catalogue's table (``workbench.texts.labels``), so the window, the
command line and the PDF say the same words; check-input field names are translated through Qt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.domain.cross_checks import CheckMethod
from workbench.texts.labels import CHECK_METHOD_LABELS as METHOD_LABELS
from workbench.texts.labels import enum_label as domain_label
from workbench.ui.i18n import lang, tr

if TYPE_CHECKING:
    from enum import Enum

_field_cache: dict[str, dict[str, str]] = {}


def clear_cache() -> None:
    """Forget translated labels (after a language switch)."""
    _field_cache.clear()


def enum_label(member: Enum) -> str:
    """The label of an enum member in the current language (its value if none is known).

    The words come from the catalogue's table (``workbench.texts.labels``), the same the printed
    reports use; check methods are shown with their code (``M2 推估法``).
    """
    if isinstance(member, CheckMethod):
        return f"{member.value} {METHOD_LABELS[member][lang()]}"
    return domain_label(member, lang())


def field_label(name: str) -> str:
    """The label of a check-input field (``documented`` → 凭证销售额); the name itself if unknown."""
    language = lang()
    table = _field_cache.get(language)
    if table is None:
        table = _input_labels()
        _field_cache[language] = table
    return table.get(name, name)


def _input_labels() -> dict[str, str]:
    return {
        "documented": tr("凭证记录销售额"),
        "coverage": tr("凭证覆盖销售比例"),
        "months": tr("月数"),
        "tax_rate": tr("税率"),
        "receipts": tr("渠道收款额"),
        "channel_share": tr("该渠道收款占比"),
        "delta_receivables": tr("应收账款变动"),
        "daily": tr("日均销售额"),
        "days": tr("月营业天数"),
        "customers": tr("日均客户数"),
        "average_ticket": tr("客单价"),
        "low": tr("区间下限"),
        "high": tr("区间上限"),
        "value": tr("检验值"),
        "scale": tr("换算倍数"),
        "stated": tr("以往期间数额"),
        "growth": tr("增长率"),
        "wages_paid": tr("已付工资或提成"),
        "wage_share": tr("工资占销售额比例"),
        "purchases": tr("进货额"),
        "cost_share": tr("成本占销售额比例"),
        "weeks": tr("周数"),
        "delta_inventory": tr("存货变动"),
        "line_share": tr("品类销售占比"),
        "stated_annual": tr("客户自述年销售额"),
        "kwh": tr("用电量 kWh"),
        "base_kwh": tr("基础用电量 kWh"),
        "kwh_per_1000": tr("每千元产值耗电 kWh"),
        "kwh_a": tr("月份甲用电量 kWh"),
        "kwh_b": tr("月份乙用电量 kWh"),
        "month_a": tr("月份甲"),
        "month_b": tr("月份乙"),
        "material_share": tr("材料占比"),
        "energy_share": tr("电费占比"),
        "purchase_share": tr("进货成本占比"),
        "other_share": tr("其他成本占比"),
        "sales": tr("销售额"),
        "costs": tr("成本费用合计"),
        "previous": tr("上次盘点存货"),
        "cost_of_sales": tr("销售成本"),
        "workers": tr("劳动力人数"),
        "hours_per_day": tr("每日工时"),
        "required_hours": tr("所需工时"),
        "max_utilisation": tr("最高利用率"),
        "items": tr("抽样商品"),
        "sources": tr("收入来源"),
        "source_a": tr("信息来源甲"),
        "statement_a": tr("说法甲"),
        "source_b": tr("信息来源乙"),
        "statement_b": tr("说法乙"),
        "consistent": tr("两种说法一致"),
    }
