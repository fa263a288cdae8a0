"""Labels of the domain's enums and of the check-input fields, in the window's language.

Enum labels come from the catalogue's table (``workbench.texts.labels``), so the window, the
command line and the PDF say the same words, and so do the check-input field names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.domain.cross_checks import CheckMethod
from workbench.domain.soft_info import SOFT_MATRIX_OPTIONS
from workbench.texts import capital
from workbench.texts.labels import CHECK_INPUT_LABELS
from workbench.texts.labels import CHECK_METHOD_LABELS as METHOD_LABELS
from workbench.texts.labels import enum_label as domain_label
from workbench.ui.i18n import lang, tr

if TYPE_CHECKING:
    from enum import Enum


def enum_label(member: Enum) -> str:
    """The label of an enum member in the current language (its value if none is known).

    The words come from the catalogue's table (``workbench.texts.labels``), the same the printed
    reports use; check methods are shown with their code (``M2 推估法``).
    """
    if isinstance(member, CheckMethod):
        return f"{member.value} {METHOD_LABELS[member][lang()]}"
    return domain_label(member, lang())


def field_label(name: str) -> str:
    """The label of a check-input field (``documented`` → 凭证记录销售额); the name itself if unknown.

    The words come from the catalogue's table (``workbench.texts.labels.CHECK_INPUT_LABELS``), the
    same the printed check matrix uses.
    """
    language = lang()
    return capital(CHECK_INPUT_LABELS.text(name, language), language)


def soft_factor_names() -> dict[str, str]:
    """Names of the soft-information matrix factors (the keys of ``SOFT_MATRIX_OPTIONS``)."""
    return {
        "marriage": tr("婚姻状况"),
        "age": tr("年龄"),
        "business_years": tr("经营年限"),
        "residence_years": tr("居住年限"),
        "property": tr("私人财产"),
        "credit_record": tr("信用记录"),
        "children": tr("子女情况"),
        "spouse": tr("配偶工作"),
    }


def soft_option_names() -> dict[str, str]:
    """The matrix's options (stored as the form's Chinese words) in the window's language."""
    return {
        "未婚": tr("未婚"),
        "离婚": tr("离婚"),
        "再婚": tr("再婚"),
        "已婚": tr("已婚"),
        "30以下": tr("30以下"),
        "55以上": tr("55以上"),
        "45-55": tr("45-55"),
        "30-45": tr("30-45"),
        "1年以下": tr("1年以下"),
        "1-3年": tr("1-3年"),
        "3-5年": tr("3-5年"),
        "5年以上": tr("5年以上"),
        "3年以下": tr("3年以下"),
        "3-10年": tr("3-10年"),
        "本地人或10年以上": tr("本地人或10年以上"),
        "没有": tr("没有"),
        "少量": tr("少量"),
        "部分": tr("部分"),
        "良好私人财产": tr("良好私人财产"),
        "不良": tr("不良"),
        "非主观不良": tr("非主观不良"),
        "良好或无记录": tr("良好或无记录"),
        "无事": tr("无事"),
        "无子女": tr("无子女"),
        "年幼或上学": tr("年幼或上学"),
        "工作": tr("工作"),
        "无单位": tr("无单位"),
        "其他工作或生意": tr("其他工作或生意"),
        "参与生意": tr("参与生意"),
        "当地单位稳定": tr("当地单位稳定"),
    }


def soft_factor_choices(_item: object = None) -> list[tuple[str, str]]:
    """(label, key) of every matrix factor, for the factor column's editor."""
    return [(label, key) for key, label in soft_factor_names().items()]


def soft_option_choices(item: object) -> list[tuple[str, str]]:
    """(label, option) of the options of the row's factor (none for a factor of the officer's own)."""
    names = soft_option_names()
    options = SOFT_MATRIX_OPTIONS.get(str(getattr(item, "factor", "")), ())
    return [(names.get(option, option), option) for option in options]
