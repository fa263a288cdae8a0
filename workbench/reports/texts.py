"""Words of the printed reports: labels by key, Chinese source texts with English from the catalogue.

Labels of the report inputs' own choice values (the session's roles) and of the ratios, limits, soft
factors and check inputs several builders share are here, as ``N_("中文")`` msgids translated through
``workbench.texts`` (gettext). The domain's choice values (the committee's votes and decisions too)
take their words from ``workbench.texts.labels`` (the same the window shows). Sentences specific to
one place still sit next to their use, marked the same way and said with ``tr(N_("中文"))`` (``Tr``)
in the report's language, whatever the window's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.domain.formatting import percent
from workbench.domain.markup import markup_of_margin
from workbench.reports.inputs import MemberRole
from workbench.texts import N_, NC_, Msg, gettext, text
from workbench.texts import capital as _capital
from workbench.texts import pick_language as _pick_language
from workbench.texts.labels import CHECK_INPUT_LABELS, enum_label
from workbench.texts.labels import LIMIT_LABELS as _LIMIT_LABELS

if TYPE_CHECKING:
    from collections.abc import Mapping
    from decimal import Decimal
    from enum import Enum

LANGUAGES = ("zh", "en")

MONEY_UNIT = N_("金额单位：元")


@dataclass(frozen=True, slots=True)
class Tr:
    """Says a marked text in the report's language: ``tr(N_("申请金额"))``, ``tr(N_("第 {n} 轮"), n=2)``."""

    lang: str

    def __call__(self, msg: Msg, **params: object) -> str:
        return text(msg, self.lang, **params)

    def margin(self, ratio: Decimal | None) -> str:
        """A gross margin with its mark-up in brackets: ``13.04%（加价率 15.00%）``."""
        markup = markup_of_margin(ratio)
        if ratio is None or markup is None:
            return percent(ratio)
        return self(N_("{margin}（加价率 {markup}）"), margin=percent(ratio), markup=percent(markup))

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

# The options of the soft-information matrix (``domain.soft_info.SOFT_MATRIX_OPTIONS``), as stored.
SOFT_OPTIONS: dict[str, Msg] = {
    "未婚": N_("未婚"),
    "离婚": N_("离婚"),
    "再婚": N_("再婚"),
    "已婚": N_("已婚"),
    "30以下": N_("30以下"),
    "55以上": N_("55以上"),
    "45-55": N_("45-55"),
    "30-45": N_("30-45"),
    "1年以下": N_("1年以下"),
    "1-3年": N_("1-3年"),
    "3-5年": N_("3-5年"),
    "5年以上": N_("5年以上"),
    "3年以下": N_("3年以下"),
    "3-10年": N_("3-10年"),
    "本地人或10年以上": N_("本地人或10年以上"),
    "没有": N_("没有"),
    "少量": N_("少量"),
    "部分": N_("部分"),
    "良好私人财产": N_("良好私人财产"),
    "不良": N_("不良"),
    "非主观不良": N_("非主观不良"),
    "良好或无记录": N_("良好或无记录"),
    "无事": N_("无事"),
    "无子女": N_("无子女"),
    "年幼或上学": N_("年幼或上学"),
    "工作": NC_("soft option", "工作"),
    "无单位": N_("无单位"),
    "其他工作或生意": N_("其他工作或生意"),
    "参与生意": N_("参与生意"),
    "当地单位稳定": N_("当地单位稳定"),
}


# Words of the bank's products and guarantee modes, typed as text but from a short list: said in the
# report's language where every piece of the text is one of them (``信用 + 配偶共同借款``).
VOCABULARY: dict[str, Msg] = {
    "微贷·经营类": N_("微贷·经营类"),
    "微贷·消费类": N_("微贷·消费类"),
    "小额信用贷款": N_("小额信用贷款"),
    "信用": NC_("guarantee", "信用"),
    "保证": NC_("guarantee", "保证"),
    "抵押": NC_("guarantee", "抵押"),
    "质押": NC_("guarantee", "质押"),
    "联保": NC_("guarantee", "联保"),
    "配偶共同借款": N_("配偶共同借款"),
    "可选设备抵押": N_("可选设备抵押"),
    "设备抵押": N_("设备抵押"),
    "房产抵押": N_("房产抵押"),
}
_PIECES = re.compile(r"(\s*[+＋；;、，,]\s*)")
_SEPARATORS = {"+": " + ", "＋": " + ", "；": "; ", ";": "; ", "、": ", ", "，": ", ", ",": ", "}


def vocabulary(typed: str, lang: str) -> str:
    """A product or guarantee mode in ``lang`` when made only of the known words, else as typed."""
    if lang == "zh" or not typed.strip():
        return typed
    pieces = _PIECES.split(typed.strip())
    words, separators = pieces[::2], pieces[1::2]
    if not all(word in VOCABULARY for word in words):
        return typed
    out = gettext(VOCABULARY[words[0]], lang)
    for separator, word in zip(separators, words[1:], strict=True):
        out += _SEPARATORS[separator.strip()] + gettext(VOCABULARY[word], lang)
    return out


def soft_option(option: str, lang: str) -> str:
    """A soft-matrix answer in ``lang``; typed text other than the fixed options stays as typed."""
    msg = SOFT_OPTIONS.get(option)
    return option if msg is None else gettext(msg, lang)


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
