"""User-facing texts of the errors the store and the services raise: Chinese source texts, English
from the catalogue (``workbench.texts``).

``describe_error`` renders any ``DomainError`` as one line; validation errors (including the store's
own reasons ``sub_cent`` and ``not_a_uuid``) go through ``workbench.texts.reasons``; the record,
store and committee errors have their texts here. They name no command-line flag: the command line
adds its own hint (``workbench.cli.texts.HINTS``).
"""

from __future__ import annotations

from workbench.domain.case_file import Stage
from workbench.domain.errors import ConcurrentEditError, DomainError, ValidationError
from workbench.domain.records import ArchiveRefusedError, CertificateError, CommitteeError, RecordError
from workbench.services.account_errors import AccountError
from workbench.services.case_files import CaseFileError
from workbench.services.permissions import PermissionDenied
from workbench.texts import N_, fill, gettext
from workbench.texts.labels import enum_label
from workbench.texts.reasons import error_text
from workbench.workbook.errors import WorkbookError

TEXTS: dict[str, str] = {
    "case_not_found": N_("找不到案卷 {case_id}"),
    "version_not_found": N_("案卷 {case_id} 没有第 {version} 版"),
    "report_not_found": N_("找不到归档报告 {report_id}"),
    "case_exists": N_("案卷 {case_id} 已在数据库中"),
    "policy_not_found": N_("授信政策没有第 {version} 版"),
    "user_not_found": N_("用户 {username} 不存在：请管理员添加"),
    "user_id_not_found": N_("用户 {user_id} 不存在"),
    "user_exists": N_("用户名 {username} 已被使用"),
    "store_unavailable": N_("无法连接数据库 {url}：{detail}"),
    "store_connection_lost": N_("与数据库 {url} 的连接中断，本次操作可能未完成，可直接重试：{detail}"),
    "signin_refused": N_("登录名或密码不正确（{url}）"),
    "signin_not_permitted": N_("登录名 {login} 不允许登录 {url}：账户可能已停用，请联系管理员"),
    "signin_password_needed": N_("数据库 {url} 要求输入 {login} 的密码"),
    "signin_not_a_user": N_("{login} 已通过数据库验证，但不是本工作台的在用用户：请管理员添加或启用"),
    "store_busy": N_("数据库繁忙，请稍后重试（{url}：{detail}）"),
    "store_migration_busy": N_(
        "数据库 {url} 正在由另一个程序升级结构，等待 {waited} 秒后仍未完成：请稍后重试"
    ),
    "store_outdated": N_("数据库 {url} 的结构版本为 {current}，本程序需要 {head}：请管理员升级数据库结构"),
    "store_empty": N_("数据库 {url} 尚未建立（本程序需要结构版本 {head}）：请管理员初始化数据库"),
    "store_too_new": N_("数据库 {url} 的结构版本 {current} 比本程序新（本程序最高为 {head}）：请更新本程序"),
    "case_not_ready": N_("案卷 {case_id} 尚未通过上会前检查，不能提交：{issues}"),
    "case_frozen": N_("案卷 {case_id} 已提交贷审会，不能修改；退回重新调查后可以修改并作为新版本再次提交"),
    "case_not_submittable": N_("案卷 {case_id} 处于 {stage} 阶段，不能提交上会"),
    "case_not_submitted": N_("案卷 {case_id} 尚未提交上会（阶段 {stage}）"),
    "session_not_found": N_("找不到贷审会 {session_id}"),
    "already_on_agenda": N_("案卷 {case_id} 已在贷审会议程上"),
    "not_on_agenda": N_("案卷 {case_id} 不在贷审会 {session_id} 的议程上"),
    "not_a_voting_member": N_("{member_id} 不是贷审会 {session_id} 的投票委员"),
    "vote_for_other": N_("只能本人投票，或由本次贷审会的秘书代为记录（{member_id}）"),
    "editor_cannot_vote": N_("{member} 是案卷 {case_id} 的客户经理或修改过该案卷，不能对其表决"),
    "secretary_cannot_vote": N_("贷审会秘书 {member} 只记录表决，不能作为投票委员"),
    "chair_only": N_("只有本次贷审会的主席本人可以召开会议、安排议程、记录决议"),
    "quorum_invalid": N_("法定人数至少为 1 人（输入的是 {quorum}）"),
    "quorum_above_members": N_("法定人数 {quorum} 人多于有表决权的委员 {voters} 人"),
    "decided_terms_changed": N_(
        "案卷 {case_id} 已获贷审会批准，批准的金额和期限不能直接修改；"
        "如需变更，请把改过的案卷作为新版本重新提交贷审会"
    ),
    "already_decided": N_("案卷 {case_id} 在本次贷审会已有决议，不能再投票或重新决议"),
    "no_quorum": N_("未达法定人数（已投 {votes} 票，至少需要 {quorum} 票），未作决议"),
    "session_closed": N_("贷审会 {session_id} 已闭会、纪要已签署，不能再修改"),
    "not_the_chair": N_("只有本次贷审会的主席可以闭会并签署纪要"),
    "session_empty": N_("贷审会议程为空，没有可签署的纪要"),
    "session_undecided": N_("还有 {count} 个议程案卷未作决议，不能闭会"),
    "minutes_undecided": N_("纪要中还有 {count} 个案卷未作决议（待审议），不能签署；请先在贷审会上表决"),
    "session_changed": N_("签署纪要期间案卷 {case_id} 已被修改，纪要未归档；请重新闭会"),
    "stage_committee_owned": N_(
        "案卷阶段不能由保存改为“{stage}”：提交上会请用“提交贷审会”，上会后的阶段由贷审会决议决定"
    ),
    "concurrent_edit": N_(
        "案卷 {case_id} 已被他人修改（您编辑的是第 {expected} 版，数据库中已是第 {actual} 版）；"
        "请重新载入、比较或另存为副本"
    ),
    "decision_missing": N_("案卷 {case_id} 的提交版本尚无相应的贷审会决议，不能执行此步骤"),
}


def _text(key: str, lang: str, **params: object) -> str:
    return fill(gettext(TEXTS[key], lang), **params)


def validation_text(error: ValidationError, lang: str) -> str:
    """The one-line text of a validation error (``workbench.texts.reasons.error_text``)."""
    return error_text(error, lang)


def _record_key(error: RecordError) -> str:
    if error.reason == "case_not_found" and "version" in error.params:
        return "version_not_found"
    if error.reason == "case_not_found" and "report_id" in error.params:
        return "report_not_found"
    if error.reason == "user_not_found" and "username" not in error.params:
        return "user_id_not_found"
    if error.reason == "store_busy" and "waited" in error.params:
        return "store_migration_busy"
    if error.reason == "store_outdated" and error.params.get("current") is None:
        return "store_empty"
    return error.reason


def _one_line(text: str) -> str:
    """Control characters (a hostile file name, a driver message) never break the line."""
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def _describe(error: DomainError, lang: str) -> str:
    if isinstance(error, ValidationError):
        return validation_text(error, lang)
    if isinstance(error, CaseFileError):
        return f"{error.source}: {validation_text(error.error, lang)}"
    if isinstance(error, WorkbookError):
        return error.describe(lang)
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
    if isinstance(error, PermissionDenied | AccountError):
        return error.describe(lang)
    if isinstance(error, ArchiveRefusedError | CertificateError):
        # Imported here: the archive's verification loads pyHanko, which every one-line error need not.
        from workbench.services.archive import archive_error_text

        return archive_error_text(error, lang)
    return str(error)


def describe_error(error: DomainError, lang: str = "zh") -> str:
    """One line for the user, in ``lang`` (``zh`` or ``en``)."""
    return _one_line(_describe(error, lang))
