"""User-facing texts of domain errors and statuses, Simplified Chinese first, English second.

The domain raises ``ValidationError(field, reason, **params)``; whoever shows it (command line,
window, report) renders it here, so the domain itself never formats a sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.domain.errors import ValidationError

DEFAULT_LANGUAGE = "zh"
LANGUAGES = ("zh", "en")

REASONS: dict[str, dict[str, str]] = {
    "not_a_number": {"zh": "不是有效的数字：{value}", "en": "not a valid number: {value}"},
    "negative": {"zh": "不能为负数：{value}", "en": "must not be negative: {value}"},
    "too_large": {"zh": "数值过大：{value}（上限 {limit}）", "en": "too large: {value} (limit {limit})"},
    "must_be_positive": {"zh": "必须大于零：{value}", "en": "must be greater than zero: {value}"},
    "out_of_range": {
        "zh": "超出允许范围 {min} – {max}：{value}",
        "en": "out of the allowed range {min} – {max}: {value}",
    },
    "too_long": {
        "zh": "文本过长（{length} 字符，上限 {limit}）",
        "en": "text too long ({length} characters, limit {limit})",
    },
    "too_many": {
        "zh": "条目过多（{count} 条，上限 {limit}）",
        "en": "too many entries ({count}, limit {limit})",
    },
    "required": {"zh": "缺少必填字段", "en": "required field is missing"},
    "wrong_type": {"zh": "类型错误：应为{expected}", "en": "wrong type: expected {expected}"},
    "unknown_field": {"zh": "未知字段", "en": "unknown field"},
    "invalid_choice": {
        "zh": "无效取值 {value}，可选：{choices}",
        "en": "invalid value {value}; allowed: {choices}",
    },
    "invalid_date": {
        "zh": "日期格式错误（应为 YYYY-MM-DD）：{value}",
        "en": "invalid date (expected YYYY-MM-DD): {value}",
    },
    "invalid_text": {"zh": "文本含有无效字符", "en": "text contains invalid characters"},
    "duplicate_key": {"zh": "JSON 对象中键重复：{value}", "en": "duplicate key in a JSON object: {value}"},
    "too_deep": {"zh": "嵌套层级过深", "en": "nesting too deep"},
    "wrong_length": {
        "zh": "应有 {expected} 项，实际 {count} 项",
        "en": "expected {expected} entries, got {count}",
    },
    "unknown_reference": {"zh": "引用了不存在的条目：{value}", "en": "refers to a missing entry: {value}"},
    "duplicate_id": {"zh": "编号重复：{value}", "en": "duplicate id: {value}"},
    "grace_too_long": {
        "zh": "宽限期 {grace} 个月必须短于期限 {months} 个月",
        "en": "grace period of {grace} months must be shorter than the term of {months} months",
    },
    "weights_all_zero": {"zh": "各期权重之和必须大于零", "en": "the instalment weights must not all be zero"},
    "unsupported_version": {
        "zh": "不支持的案卷格式版本 {value}（支持 {supported}）",
        "en": "unsupported case-file format version {value} (supported: {supported})",
    },
    "not_json": {"zh": "不是有效的 JSON：{detail}", "en": "not valid JSON: {detail}"},
    "unreadable_file": {"zh": "无法读取文件：{detail}", "en": "cannot read the file: {detail}"},
    "file_too_large": {
        "zh": "文件过大（{size} 字节，上限 {limit}）",
        "en": "file too large ({size} bytes, limit {limit})",
    },
    "inputs_missing": {"zh": "该检验方法缺少输入：{value}", "en": "inputs missing for this method: {value}"},
    # Refused on the way into the store (exact minor units, UUID keys); shown by every layer alike.
    "sub_cent": {"zh": "金额不能小于一分：{value}", "en": "amount has fractions of a cent: {value}"},
    "not_a_uuid": {
        "zh": "案卷编号须为 UUID：{value}（导入时可加 --as-copy 分配新编号）",
        "en": "the case id must be a UUID: {value} (import with --as-copy to assign a new one)",
    },
}

TYPE_NAMES: dict[str, dict[str, str]] = {
    "object": {"zh": "对象", "en": "an object"},
    "array": {"zh": "数组", "en": "an array"},
    "string": {"zh": "文本", "en": "a string"},
    "decimal": {
        "zh": '数字（文本形式，如 "120000.00"）',
        "en": 'a decimal number (as text, e.g. "120000.00")',
    },
    "integer": {"zh": "整数", "en": "an integer"},
    "boolean": {"zh": "true 或 false", "en": "true or false"},
    "date": {"zh": "日期 YYYY-MM-DD", "en": "a date YYYY-MM-DD"},
}

FIELD_WORD = {"zh": "字段", "en": "field"}


def reason_text(reason: str, params: dict[str, object], lang: str = DEFAULT_LANGUAGE) -> str:
    """Render one reason key with its parameters in ``lang`` (falls back to the key itself)."""
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    template = REASONS.get(reason, {}).get(lang, reason)
    shown = dict(params)
    if reason == "wrong_type" and isinstance(shown.get("expected"), str):
        shown["expected"] = TYPE_NAMES.get(str(shown["expected"]), {}).get(lang, shown["expected"])
    for key, value in shown.items():
        if isinstance(value, str) and len(value) > 60:
            shown[key] = value[:57] + "…"
    try:
        return template.format(**shown)
    except (KeyError, IndexError):
        return template


def error_text(error: ValidationError, lang: str = DEFAULT_LANGUAGE) -> str:
    """One line naming the field and the reason, e.g. ``字段 request.amount：不能为负数：-5``."""
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    body = reason_text(error.reason, error.params, lang)
    if not error.field:
        return body
    sep = "：" if lang == "zh" else ": "
    return f"{FIELD_WORD[lang]} {error.field}{sep}{body}"
