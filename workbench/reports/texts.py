"""Words of the printed reports: labels by key, Chinese source texts with English from the catalogue.

Labels of the report inputs' choice values (committee decisions, votes, roles) and of the ratios,
limits, soft factors and check inputs several builders share are here, as ``N_("中文")`` msgids
translated through ``workbench.texts`` (gettext). The domain's choice values take their words from
``workbench.texts.labels`` (the same the window shows). Sentences specific to one place still sit
next to their use, marked the same way and said with ``tr(N_("中文"))`` (``Tr``) in the report's
language, whatever the window's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.reports.inputs import DecisionKind, MemberRole, VoteKind
from workbench.texts import N_, NC_, Msg, gettext, text
from workbench.texts import pick_language as _pick_language
from workbench.texts.labels import LIMIT_LABELS as _LIMIT_LABELS
from workbench.texts.labels import enum_label

if TYPE_CHECKING:
    from collections.abc import Mapping
    from enum import Enum

LANGUAGES = ("zh", "en")


@dataclass(frozen=True, slots=True)
class Tr:
    """Says a marked text in the report's language: ``tr(N_("申请金额"))``, ``tr(N_("第 {n} 轮"), n=2)``."""

    lang: str

    def __call__(self, msg: Msg, **params: object) -> str:
        return text(msg, self.lang, **params)

    @property
    def colon(self) -> str:
        return ": " if self.lang == "en" else "："

    @property
    def sep(self) -> str:
        """List separator."""
        return ", " if self.lang == "en" else "、"


def pick_lang(lang: str) -> str:
    """``en`` for English, anything else Chinese."""
    return _pick_language(lang)


# Choice values of the report inputs (committee decisions, votes, roles); the domain's own enums
# take their words from workbench.texts.labels, the same the window shows.
ENUM_LABELS: dict[Enum, Msg] = {
    DecisionKind.APPROVED_AS_PROPOSED: N_("批准贷款申请无改动"),
    DecisionKind.APPROVED_WITH_CHANGES: N_("批准贷款申请有变更"),
    DecisionKind.APPROVED_WITH_CONDITIONS: N_("有条件批准"),
    DecisionKind.RETURNED_FOR_RESURVEY: NC_("decision", "退回补充调查"),
    DecisionKind.DEFERRED: NC_("decision", "缓议"),
    DecisionKind.REJECTED: N_("拒绝贷款申请"),
    VoteKind.APPROVE: N_("同意"),
    VoteKind.APPROVE_WITH_CONDITIONS: N_("有条件同意"),
    VoteKind.REDUCE_AMOUNT: N_("同意（调减金额）"),
    VoteKind.REJECT: N_("否决"),
    VoteKind.RETURN: NC_("vote", "退回补充调查"),
    VoteKind.DEFER: NC_("vote", "缓议"),
    MemberRole.CHAIR: N_("主席"),
    MemberRole.MEMBER: N_("委员"),
    MemberRole.SECRETARY: N_("记录人"),
    MemberRole.PRESENTER: N_("主办客户经理（陈述，不投票）"),
}

SOFT_FACTORS: dict[str, Msg] = {
    "marriage": N_("婚姻"),
    "age": N_("年龄"),
    "business_years": N_("经营年限"),
    "residence_years": N_("居住年限"),
    "property": N_("财产状况"),
    "credit_record": N_("信用记录"),
    "children": NC_("soft factor", "子女"),
    "spouse": N_("配偶"),
}

# The loan-size limits, shared with the command line.
LIMIT_LABELS: dict[str, str] = _LIMIT_LABELS

RATIO_LABELS: dict[str, str] = {
    "debt_ratio": N_("资产负债率"),
    "current_ratio": N_("流动比率"),
    "quick_ratio": N_("速动比率"),
    "cash_ratio": N_("现金比率"),
    "liquidity_to_liabilities": N_("（现金+存款+应收）/总负债"),
    "inventory_days": N_("存货周转天数"),
    "raw_material_days": N_("原材料周转天数"),
    "receivable_days": N_("应收账款天数"),
    "ar_to_sales": N_("应收款与月平均营业额对比"),
    "stock_at_price_to_sales": N_("存货可销售与月平均营业额对比"),
    "equity_to_household": N_("权益与月家庭开支对比（月）"),
    "debt_to_sales": N_("销货比（借款/年营业额）"),
}

# Inputs of the cross-check methods, by field name.
INPUT_LABELS: dict[str, str] = {
    "documented": N_("记录销售额"),
    "coverage": N_("覆盖比例"),
    "months": N_("月数"),
    "tax_rate": N_("税率"),
    "receipts": N_("收款"),
    "channel_share": N_("渠道占比"),
    "delta_receivables": N_("应收变动"),
    "daily": N_("日均销售"),
    "days": N_("天数"),
    "customers": N_("客流"),
    "average_ticket": N_("客单价"),
    "low": N_("下限"),
    "high": N_("上限"),
    "value": N_("数值"),
    "scale": N_("倍数"),
    "stated": N_("客户陈述"),
    "growth": N_("增长率"),
    "wages_paid": N_("已付工资"),
    "wage_share": N_("工资占比"),
    "purchases": N_("进货额"),
    "cost_share": N_("成本占比"),
    "weeks": N_("周数"),
    "delta_inventory": N_("存货变动"),
    "line_share": N_("品类占比"),
    "stated_annual": N_("客户陈述年销售额"),
    "kwh": N_("用电量 kWh"),
    "base_kwh": N_("基础用电 kWh"),
    "kwh_per_1000": N_("每千元耗电 kWh"),
    "kwh_a": N_("月份 a 用电 kWh"),
    "kwh_b": N_("月份 b 用电 kWh"),
    "month_a": N_("月份 a"),
    "month_b": N_("月份 b"),
    "material_share": N_("材料占比"),
    "energy_share": N_("电费占比"),
    "purchase_share": N_("进货成本占比"),
    "other_share": N_("其他成本占比"),
    "sales": N_("销售额"),
    "costs": N_("成本合计"),
    "previous": N_("上次盘点存货"),
    "cost_of_sales": N_("销售成本"),
    "workers": N_("工人数"),
    "hours_per_day": N_("每日工时"),
    "required_hours": N_("所需工时"),
    "max_utilisation": N_("最高利用率"),
}

SHARE_INPUTS = frozenset(
    {
        "coverage",
        "tax_rate",
        "channel_share",
        "growth",
        "wage_share",
        "cost_share",
        "line_share",
        "material_share",
        "energy_share",
        "purchase_share",
        "other_share",
        "max_utilisation",
    }
)
COUNT_INPUTS = frozenset(
    {
        "months",
        "days",
        "weeks",
        "customers",
        "scale",
        "kwh",
        "base_kwh",
        "kwh_per_1000",
        "kwh_a",
        "kwh_b",
        "month_a",
        "month_b",
        "workers",
        "hours_per_day",
        "required_hours",
    }
)


def label(value: Enum | None, lang: str) -> str:
    """The printed word for a choice value; ``—`` for none."""
    if value is None:
        return "—"
    if isinstance(value, (DecisionKind, VoteKind, MemberRole)):
        msg = ENUM_LABELS.get(value)
        if msg is not None:
            return gettext(msg, lang)
    return enum_label(value, lang)


def capital(text: str, lang: str) -> str:
    """A label that starts a table row or names a box: ``debt ratio`` → ``Debt ratio`` in English."""
    return text[:1].upper() + text[1:] if lang == "en" else text


def pair_label(table: Mapping[str, Msg], key: str, lang: str) -> str:
    """A label from one of the tables above (translated through the catalogue), or the key itself."""
    msg = table.get(key)
    return key if msg is None else gettext(msg, lang)
