"""The words of the domain's refusals: a ``ValidationError``'s reason key and parameters as a sentence.

The domain raises ``ValidationError(field, reason, **params)`` and never formats a sentence; the
command line, the window and the reports render it here, in the catalogue's language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.texts import N_, colon, fill, gettext, pick_language

if TYPE_CHECKING:
    from workbench.domain.errors import ValidationError

DEFAULT_LANGUAGE = "zh"
LANGUAGES = ("zh", "en")

REASONS: dict[str, str] = {
    "not_a_number": N_("不是有效的数字：{value}"),
    "negative": N_("不能为负数：{value}"),
    "too_large": N_("数值过大：{value}（上限 {limit}）"),
    "must_be_positive": N_("必须大于零：{value}"),
    "out_of_range": N_("超出允许范围 {min} – {max}：{value}"),
    "too_long": N_("文本过长（{length} 字符，上限 {limit}）"),
    "too_many": N_("条目过多（{count} 条，上限 {limit}）"),
    "required": N_("缺少必填字段"),
    "wrong_type": N_("类型错误：应为{expected}"),
    "unknown_field": N_("未知字段"),
    "invalid_choice": N_("无效取值 {value}，可选：{choices}"),
    "invalid_date": N_("日期格式错误（应为 YYYY-MM-DD）：{value}"),
    "invalid_text": N_("文本含有无效字符"),
    "duplicate_key": N_("JSON 对象中键重复：{value}"),
    "too_deep": N_("嵌套层级过深"),
    "wrong_length": N_("应有 {expected} 项，实际 {count} 项"),
    "unknown_reference": N_("引用了不存在的条目：{value}"),
    "duplicate_id": N_("编号重复：{value}"),
    "not_explained": N_("请写明理由（标点或单个字不算说明）"),
    "override_not_needed": N_("检验 {value} 已通过或已说明，无需复核认可"),
    "grace_too_long": N_("宽限期 {grace} 个月必须短于期限 {months} 个月"),
    "weights_all_zero": N_("各期权重之和必须大于零"),
    "unsupported_version": N_("不支持的案卷格式版本 {value}（支持 {supported}）"),
    "not_json": N_("不是有效的 JSON：{detail}"),
    "unreadable_file": N_("无法读取文件：{detail}"),
    "file_too_large": N_("文件过大（{size} 字节，上限 {limit}）"),
    "inputs_missing": N_("该检验方法缺少输入：{value}"),
    # Refused on the way into the store (exact minor units, UUID keys); shown by every layer alike.
    # The command line adds how to get past it (``--as-copy``, workbench.cli.texts.HINTS).
    "sub_cent": N_("金额不能小于一分：{value}"),
    "not_a_uuid": N_("案卷编号须为 UUID：{value}"),
    # Dates typed in the window (``domain.dates``): what is wrong, and the forms that are understood.
    "unreadable_date": N_(
        "不是日期：{value}（可写 2026-12-07、2026/12/7、20261207、2026年12月7日，或 12-7 表示今年）"
    ),
    "no_such_month": N_("没有 {month} 月：{value}"),
    "no_such_day": N_("{year} 年 {month} 月没有 {day} 日：{value}"),
    "period_reversed": N_("起始日期 {start} 晚于截止日期 {end}"),
    # The credit policy (``domain.policy.validate_policy``).
    "share_range": N_("必须大于 0 且不超过 1：{value}"),
    "band_order": N_("容差带“可接受”{ok} 不能大于“需说明”{explain}"),
    "min_above_max": N_("下限 {min} 大于上限 {max}"),
}

TYPE_NAMES: dict[str, str] = {
    "object": N_("对象"),
    "array": N_("数组"),
    "string": N_("文本"),
    "decimal": N_('数字（文本形式，如 "120000.00"）'),
    "integer": N_("整数"),
    "boolean": N_("true 或 false"),
    "date": N_("日期 YYYY-MM-DD"),
}

FIELD_WORD = N_("字段")


def reason_text(reason: str, params: dict[str, object], lang: str = DEFAULT_LANGUAGE) -> str:
    """Render one reason key with its parameters in ``lang`` (falls back to the key itself)."""
    template = REASONS.get(reason)
    if template is None:
        return reason
    shown = dict(params)
    if reason == "wrong_type" and isinstance(shown.get("expected"), str):
        name = TYPE_NAMES.get(str(shown["expected"]))
        if name is not None:
            shown["expected"] = gettext(name, lang)
    for key, value in shown.items():
        if isinstance(value, str) and len(value) > 60:
            shown[key] = value[:57] + "…"
    return fill(gettext(template, lang), **shown)


def error_text(error: ValidationError, lang: str = DEFAULT_LANGUAGE) -> str:
    """One line naming the field and the reason, e.g. ``字段 request.amount：不能为负数：-5``."""
    body = reason_text(error.reason, error.params, lang)
    if not error.field:
        return body
    return f"{gettext(FIELD_WORD, pick_language(lang))} {error.field}{colon(lang)}{body}"
