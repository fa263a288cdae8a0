"""Words of the printed reports, Simplified Chinese first, English second.

Sentences specific to one place sit next to their use as ``tr("中文", "English")``; labels of the
report inputs' choice values (committee decisions, votes, roles), shared by several builders, are
here. The domain's choice values take their words from ``workbench.domain.labels`` (the same the
window shows); check methods, statuses, repayment methods, issues and figures are labelled by the
domain as well and used as is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.domain.labels import enum_label
from workbench.reports.inputs import DecisionKind, MemberRole, VoteKind

if TYPE_CHECKING:
    from enum import Enum

LANGUAGES = ("zh", "en")


@dataclass(frozen=True, slots=True)
class Tr:
    """Picks one of two wordings: ``tr("申请金额", "Requested amount")``."""

    lang: str

    def __call__(self, zh: str, en: str) -> str:
        return en if self.lang == "en" else zh

    @property
    def colon(self) -> str:
        return ": " if self.lang == "en" else "："

    @property
    def sep(self) -> str:
        """List separator."""
        return ", " if self.lang == "en" else "、"


def pick_lang(lang: str) -> str:
    """``en`` for English, anything else Chinese."""
    return "en" if lang.lower().startswith("en") else "zh"


# Choice values of the report inputs (committee decisions, votes, roles); the domain's own enums
# take their words from workbench.domain.labels, the same the window shows.
ENUM_LABELS: dict[Enum, tuple[str, str]] = {
    DecisionKind.APPROVED_AS_PROPOSED: ("批准贷款申请无改动", "approved as proposed"),
    DecisionKind.APPROVED_WITH_CHANGES: ("批准贷款申请有变更", "approved with changes"),
    DecisionKind.APPROVED_WITH_CONDITIONS: ("有条件批准", "approved with conditions"),
    DecisionKind.RETURNED_FOR_RESURVEY: ("退回补充调查", "returned for re-survey"),
    DecisionKind.DEFERRED: ("缓议", "deferred"),
    DecisionKind.REJECTED: ("拒绝贷款申请", "rejected"),
    VoteKind.APPROVE: ("同意", "approve"),
    VoteKind.APPROVE_WITH_CONDITIONS: ("有条件同意", "approve with conditions"),
    VoteKind.REDUCE_AMOUNT: ("同意（调减金额）", "approve a reduced amount"),
    VoteKind.REJECT: ("否决", "reject"),
    VoteKind.RETURN: ("退回补充调查", "return for re-survey"),
    VoteKind.DEFER: ("缓议", "defer"),
    MemberRole.CHAIR: ("主席", "chair"),
    MemberRole.MEMBER: ("委员", "member"),
    MemberRole.SECRETARY: ("记录人", "secretary"),
    MemberRole.PRESENTER: ("主办客户经理（陈述，不投票）", "presenting officer (no vote)"),
}

SOFT_FACTORS: dict[str, tuple[str, str]] = {
    "marriage": ("婚姻", "marriage"),
    "age": ("年龄", "age"),
    "business_years": ("经营年限", "years in business"),
    "residence_years": ("居住年限", "years at residence"),
    "property": ("财产状况", "property"),
    "credit_record": ("信用记录", "credit record"),
    "children": ("子女", "children"),
    "spouse": ("配偶", "spouse"),
}

LIMIT_LABELS: dict[str, tuple[str, str]] = {
    "request": ("申请金额", "requested amount"),
    "capacity": ("还款能力", "repayment capacity"),
    "purpose": ("资金需求 − 自有资金", "purpose need − own funds"),
    "product_max": ("产品上限", "product maximum"),
    "first_loan_cap": ("首贷上限", "first-loan cap"),
}

RATIO_LABELS: dict[str, tuple[str, str]] = {
    "debt_ratio": ("资产负债率", "debt ratio"),
    "current_ratio": ("流动比率", "current ratio"),
    "quick_ratio": ("速动比率", "quick ratio"),
    "cash_ratio": ("现金比率", "cash ratio"),
    "liquidity_to_liabilities": ("（现金+存款+应收）/总负债", "(cash + bank + receivables) / liabilities"),
    "inventory_days": ("存货周转天数", "inventory days"),
    "raw_material_days": ("原材料周转天数", "raw-material days"),
    "receivable_days": ("应收账款天数", "receivable days"),
    "ar_to_sales": ("应收款与月平均营业额对比", "receivables / monthly sales"),
    "stock_at_price_to_sales": ("存货可销售与月平均营业额对比", "stock at selling value / monthly sales"),
    "equity_to_household": ("权益与月家庭开支对比（月）", "equity / monthly household spending (months)"),
    "debt_to_sales": ("销货比（借款/年营业额）", "debts / annual sales"),
}

# Inputs of the cross-check methods, by field name.
INPUT_LABELS: dict[str, tuple[str, str]] = {
    "documented": ("记录销售额", "documented sales"),
    "coverage": ("覆盖比例", "coverage"),
    "months": ("月数", "months"),
    "tax_rate": ("税率", "tax rate"),
    "receipts": ("收款", "receipts"),
    "channel_share": ("渠道占比", "channel share"),
    "delta_receivables": ("应收变动", "Δ receivables"),
    "daily": ("日均销售", "daily sales"),
    "days": ("天数", "days"),
    "customers": ("客流", "customers"),
    "average_ticket": ("客单价", "average ticket"),
    "low": ("下限", "low"),
    "high": ("上限", "high"),
    "value": ("数值", "value"),
    "scale": ("倍数", "scale"),
    "stated": ("客户陈述", "stated"),
    "growth": ("增长率", "growth"),
    "wages_paid": ("已付工资", "wages paid"),
    "wage_share": ("工资占比", "wage share"),
    "purchases": ("进货额", "purchases"),
    "cost_share": ("成本占比", "cost share"),
    "weeks": ("周数", "weeks"),
    "delta_inventory": ("存货变动", "Δ inventory"),
    "line_share": ("品类占比", "line share"),
    "stated_annual": ("客户陈述年销售额", "stated annual sales"),
    "kwh": ("用电量 kWh", "kWh"),
    "base_kwh": ("基础用电 kWh", "base load kWh"),
    "kwh_per_1000": ("每千元耗电 kWh", "kWh per 1,000 CNY"),
    "kwh_a": ("月份 a 用电 kWh", "kWh month a"),
    "kwh_b": ("月份 b 用电 kWh", "kWh month b"),
    "month_a": ("月份 a", "month a"),
    "month_b": ("月份 b", "month b"),
    "material_share": ("材料占比", "material share"),
    "energy_share": ("电费占比", "energy share"),
    "purchase_share": ("进货成本占比", "purchase share"),
    "other_share": ("其他成本占比", "other cost share"),
    "sales": ("销售额", "sales"),
    "costs": ("成本合计", "costs"),
    "previous": ("上次盘点存货", "previous stock"),
    "cost_of_sales": ("销售成本", "cost of sales"),
    "workers": ("工人数", "workers"),
    "hours_per_day": ("每日工时", "hours per day"),
    "required_hours": ("所需工时", "hours needed"),
    "max_utilisation": ("最高利用率", "max utilisation"),
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
        pair = ENUM_LABELS.get(value)
        if pair is not None:
            return pair[1] if lang == "en" else pair[0]
    return enum_label(value, lang)


def capital(text: str, lang: str) -> str:
    """A label that starts a table row or names a box: ``debt ratio`` → ``Debt ratio`` in English."""
    return text[:1].upper() + text[1:] if lang == "en" else text


def pair_label(table: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    """A label from one of the (zh, en) tables, or the key itself."""
    pair = table.get(key)
    if pair is None:
        return key
    return pair[1] if lang == "en" else pair[0]
