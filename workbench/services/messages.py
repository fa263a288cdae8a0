"""User-facing texts of the errors the store and the services raise, Chinese first, English second.

``describe_error`` renders any ``DomainError`` as one line; validation errors go through the
domain's own table (``workbench.domain.messages``), with the few reasons the store adds here.
"""

from __future__ import annotations

from workbench.domain.errors import ConcurrentEditError, DomainError, ValidationError
from workbench.domain.messages import REASONS, error_text
from workbench.domain.records import RecordError
from workbench.services.permissions import PermissionDenied

TEXTS: dict[str, dict[str, str]] = {
    "case_not_found": {"zh": "找不到案卷 {case_id}", "en": "no case {case_id}"},
    "version_not_found": {
        "zh": "案卷 {case_id} 没有第 {version} 版",
        "en": "case {case_id} has no version {version}",
    },
    "report_not_found": {"zh": "找不到归档报告 {report_id}", "en": "no archived report {report_id}"},
    "case_exists": {
        "zh": "案卷 {case_id} 已在数据库中；如需另存一份，请加 --as-copy",
        "en": "case {case_id} is already stored; add --as-copy to store a copy under a new id",
    },
    "user_not_found": {
        "zh": "用户 {username} 不存在：请管理员添加（第一个管理员由 workbench db init 创建）",
        "en": "no user {username}: ask an administrator to add you (workbench db init creates the first one)",
    },
    "user_id_not_found": {"zh": "用户 {user_id} 不存在", "en": "no user {user_id}"},
    "user_exists": {"zh": "用户名 {username} 已被使用", "en": "the user name {username} is taken"},
    "store_unavailable": {
        "zh": "无法连接数据库 {url}：{detail}",
        "en": "cannot open the database {url}: {detail}",
    },
    "concurrent_edit": {
        "zh": "案卷 {case_id} 已被他人修改（您编辑的是第 {expected} 版，数据库中已是第 {actual} 版）；"
        "请重新载入、比较或另存为副本",
        "en": "case {case_id} was changed meanwhile (you edited version {expected}, the store has "
        "version {actual}); reload, compare or save as a copy",
    },
}

EXTRA_REASONS: dict[str, dict[str, str]] = {
    "sub_cent": {
        "zh": "金额不能小于一分：{value}",
        "en": "amount has fractions of a cent: {value}",
    },
    "not_a_uuid": {
        "zh": "案卷编号须为 UUID：{value}（导入时可加 --as-copy 分配新编号）",
        "en": "the case id must be a UUID: {value} (import with --as-copy to assign a new one)",
    },
}


def _text(key: str, lang: str, **params: object) -> str:
    template = TEXTS[key].get(lang) or TEXTS[key]["zh"]
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


def validation_text(error: ValidationError, lang: str) -> str:
    """The domain's one-line text, with the store's extra reasons filled in."""
    if error.reason in REASONS or error.reason not in EXTRA_REASONS:
        return error_text(error, lang)
    body = EXTRA_REASONS[error.reason].get(lang, EXTRA_REASONS[error.reason]["zh"]).format(**error.params)
    if not error.field:
        return body
    return f"字段 {error.field}：{body}" if lang == "zh" else f"field {error.field}: {body}"


def _record_key(error: RecordError) -> str:
    if error.reason == "case_not_found" and "version" in error.params:
        return "version_not_found"
    if error.reason == "case_not_found" and "report_id" in error.params:
        return "report_not_found"
    if error.reason == "user_not_found" and "username" not in error.params:
        return "user_id_not_found"
    return error.reason


def describe_error(error: DomainError, lang: str = "zh") -> str:
    """One line for the user, in ``lang`` (``zh`` or ``en``)."""
    if isinstance(error, ValidationError):
        return validation_text(error, lang)
    if isinstance(error, ConcurrentEditError):
        return _text(
            "concurrent_edit",
            lang,
            case_id=error.case_id,
            expected=error.expected_version,
            actual=error.actual_version,
        )
    if isinstance(error, RecordError) and _record_key(error) in TEXTS:
        return _text(_record_key(error), lang, **error.params)
    if isinstance(error, PermissionDenied):
        return error.describe(lang)
    return str(error)
