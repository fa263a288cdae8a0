"""Words of the printed reports: labels by key, Chinese source texts with English from the catalogue.

Labels of the report inputs' own choice values (the session's roles) and of the ratios, limits, soft
factors and check inputs several builders share are here, as ``N_("中文")`` msgids translated through
``workbench.texts`` (gettext). The domain's choice values (the committee's votes and decisions too)
take their words from ``workbench.texts.labels`` (the same the window shows). Sentences specific to
one place still sit next to their use, marked the same way and said with ``tr(N_("中文"))`` (``Tr``)
in the report's language, whatever the window's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.reports.inputs import MemberRole
from workbench.texts import N_, NC_, Msg, gettext, text
from workbench.texts import capital as _capital
from workbench.texts import pick_language as _pick_language
from workbench.texts.labels import CHECK_INPUT_LABELS, enum_label
from workbench.texts.labels import LIMIT_LABELS as _LIMIT_LABELS

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


# Choice values of the report inputs (the session's roles); the domain's own enums, the committee's
# votes and decisions among them, take their words from workbench.texts.labels, as the window does.
ENUM_LABELS: dict[Enum, Msg] = {
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

# Inputs of the cross-check methods, by field name: the same words as the window's check form.
INPUT_LABELS: dict[str, Msg] = CHECK_INPUT_LABELS.msgids

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
    if isinstance(value, MemberRole):
        msg = ENUM_LABELS.get(value)
        if msg is not None:
            return gettext(msg, lang)
    return enum_label(value, lang)


def capital(text: str, lang: str) -> str:
    """A label that starts a table row or names a box: ``debt ratio`` → ``Debt ratio`` in English."""
    return _capital(text, lang)


def pair_label(table: Mapping[str, Msg], key: str, lang: str) -> str:
    """A label from one of the tables above (translated through the catalogue), or the key itself."""
    msg = table.get(key)
    return key if msg is None else gettext(msg, lang)
