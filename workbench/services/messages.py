"""User-facing texts of the errors the store and the services raise, Chinese first, English second.

``describe_error`` renders any ``DomainError`` as one line; validation errors (including the store's
own reasons ``sub_cent`` and ``not_a_uuid``) go through the domain's table
(``workbench.domain.messages``); the record, store and permission errors have their texts here.
"""

from __future__ import annotations

from workbench.domain.case_file import Stage
from workbench.domain.errors import ConcurrentEditError, DomainError, ValidationError
from workbench.domain.labels import enum_label
from workbench.domain.messages import error_text
from workbench.domain.records import CommitteeError, RecordError
from workbench.services.case_files import CaseFileError
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
    "store_connection_lost": {
        "zh": "与数据库 {url} 的连接中断，本次操作可能未完成，可直接重试：{detail}",
        "en": "lost the connection to the database {url}; the work may not be done, it is safe to "
        "try again: {detail}",
    },
    "store_busy": {
        "zh": "数据库繁忙，请稍后重试（{url}：{detail}）",
        "en": "the database is busy, try again ({url}: {detail})",
    },
    "case_not_ready": {
        "zh": "案卷 {case_id} 尚未通过上会前检查，不能提交：{issues}",
        "en": "case {case_id} has not passed the readiness checklist and cannot be submitted: {issues}",
    },
    "case_frozen": {
        "zh": "案卷 {case_id} 已提交贷审会，不能修改；退回重新调查后可以修改并作为新版本再次提交",
        "en": "case {case_id} is submitted to the committee and frozen; it can be edited again once "
        "returned for re-survey, and resubmitted as a new version",
    },
    "case_not_submittable": {
        "zh": "案卷 {case_id} 处于 {stage} 阶段，不能提交上会",
        "en": "case {case_id} is at stage {stage} and cannot be submitted",
    },
    "case_not_submitted": {
        "zh": "案卷 {case_id} 尚未提交上会（阶段 {stage}）",
        "en": "case {case_id} is not submitted to the committee (stage {stage})",
    },
    "session_not_found": {"zh": "找不到贷审会 {session_id}", "en": "no committee session {session_id}"},
    "already_on_agenda": {
        "zh": "案卷 {case_id} 已在贷审会议程上",
        "en": "case {case_id} is already on a committee agenda",
    },
    "not_on_agenda": {
        "zh": "案卷 {case_id} 不在贷审会 {session_id} 的议程上",
        "en": "case {case_id} is not on the agenda of session {session_id}",
    },
    "not_a_voting_member": {
        "zh": "{member_id} 不是贷审会 {session_id} 的投票委员",
        "en": "{member_id} is not a voting member of session {session_id}",
    },
    "vote_for_other": {
        "zh": "只能以本人身份投票（{member_id}）",
        "en": "you can only cast your own vote ({member_id})",
    },
    "already_decided": {
        "zh": "案卷 {case_id} 在本次贷审会已有决议，不能再投票或重新决议",
        "en": "case {case_id} is already decided in this session; votes and decision are closed",
    },
    "no_quorum": {
        "zh": "未达法定人数（已投 {votes} 票，至少需要 {quorum} 票），未作决议",
        "en": "no quorum ({votes} votes cast, at least {quorum} needed): nothing was decided",
    },
    "session_closed": {
        "zh": "贷审会 {session_id} 已闭会、纪要已签署，不能再修改",
        "en": "committee session {session_id} is closed and its minutes are signed; it cannot change",
    },
    "not_the_chair": {
        "zh": "只有本次贷审会的主席可以闭会并签署纪要",
        "en": "only the chair of this session can close it and sign the minutes",
    },
    "session_empty": {
        "zh": "贷审会议程为空，没有可签署的纪要",
        "en": "the session's agenda is empty: there are no minutes to sign",
    },
    "session_undecided": {
        "zh": "还有 {count} 个议程案卷未作决议，不能闭会",
        "en": "{count} agenda case(s) are not decided yet: the session cannot be closed",
    },
    "session_changed": {
        "zh": "签署纪要期间案卷 {case_id} 已被修改，纪要未归档；请重新闭会",
        "en": "case {case_id} changed while the minutes were being signed; nothing was archived, "
        "close the session again",
    },
    "stage_committee_owned": {
        "zh": "案卷阶段不能由保存改为“{stage}”：提交上会请用“提交贷审会”，上会后的阶段由贷审会决议决定",
        "en": "a save cannot move the case to stage “{stage}”: submit it to the committee instead; "
        "the stages after that follow the committee's decision",
    },
    "concurrent_edit": {
        "zh": "案卷 {case_id} 已被他人修改（您编辑的是第 {expected} 版，数据库中已是第 {actual} 版）；"
        "请重新载入、比较或另存为副本",
        "en": "case {case_id} was changed meanwhile (you edited version {expected}, the store has "
        "version {actual}); reload, compare or save as a copy",
    },
    "decision_missing": {
        "zh": "案卷 {case_id} 的提交版本尚无相应的贷审会决议，不能执行此步骤",
        "en": "case {case_id} has no committee decision on its submitted version for this step",
    },
}


def _text(key: str, lang: str, **params: object) -> str:
    template = TEXTS[key].get(lang) or TEXTS[key]["zh"]
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


def validation_text(error: ValidationError, lang: str) -> str:
    """The domain's one-line text of a validation error (``workbench.domain.messages.error_text``)."""
    return error_text(error, lang)


def _record_key(error: RecordError) -> str:
    if error.reason == "case_not_found" and "version" in error.params:
        return "version_not_found"
    if error.reason == "case_not_found" and "report_id" in error.params:
        return "report_not_found"
    if error.reason == "user_not_found" and "username" not in error.params:
        return "user_id_not_found"
    return error.reason


def _one_line(text: str) -> str:
    """Control characters (a hostile file name, a driver message) never break the line."""
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def _describe(error: DomainError, lang: str) -> str:
    if isinstance(error, ValidationError):
        return validation_text(error, lang)
    if isinstance(error, CaseFileError):
        return f"{error.source}: {validation_text(error.error, lang)}"
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
    if isinstance(error, CommitteeError) and error.reason in TEXTS:
        params = dict(error.params)
        if error.reason == "stage_committee_owned":
            params["stage"] = enum_label(Stage(str(params["stage"])), lang)
        return _text(error.reason, lang, **params)
    if isinstance(error, PermissionDenied):
        return error.describe(lang)
    return str(error)


def describe_error(error: DomainError, lang: str = "zh") -> str:
    """One line for the user, in ``lang`` (``zh`` or ``en``)."""
    return _one_line(_describe(error, lang))
