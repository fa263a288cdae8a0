"""The words of a refused signature (``SigningError``), for the window's dialogs and the command line.

One table: the report dialogs, the committee window and ``workbench report/identity`` say the same
sentence for the same reason. The caller passes the error's reason key and parameters; the window
shortens a path to its file name first where the dialog already shows the folder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.texts import N_, text

if TYPE_CHECKING:
    from collections.abc import Mapping

SIGNING_ERRORS: dict[str, str] = {
    "identity_name_missing": N_("请填写签署人姓名"),
    "passphrase_too_short": N_("口令至少需要 {minimum} 个字符"),
    "identity_exists": N_("{path} 已存在，不会覆盖"),
    "identity_unreadable": N_("无法读取文件 {path}：{detail}"),
    "identity_locked": N_("口令不对：无法打开签名身份 {path}"),
    "identity_malformed": N_("{path} 不是 PKCS#12 签名身份文件（文件损坏或格式不对）"),
    "identity_imported": N_("此证书已导入（{name}）"),
    "identity_kind_missing": N_("请选择签署栏：从角色“{role}”看不出签在哪一栏"),
    "identity_expired": N_("证书已于 {until} 过期，不能用于签署"),
    "identity_not_yet_valid": N_("证书尚未生效（自 {since} 起生效），不能用于签署"),
    "no_free_slot": N_("报告的签名框已全部签满"),
    "no_such_slot": N_("报告没有这个签名框"),
    "no_slot_for_role": N_("报告上没有“{role}”的签名框"),
    "slot_taken": N_("这个签名框已被签署"),
    "field_exists": N_("签名域 {field} 已存在"),
    "not_a_pdf": N_("不是可签署的 PDF：{detail}"),
    "timestamp_failed": N_("时间戳服务器 {url} 没有给出时间戳，报告未签署：{detail}"),
}

# Parameters a reason's sentence names, with what to show when the error lacks one.
_DEFAULTS = {
    "minimum": "8",
    "path": "",
    "detail": "",
    "name": "",
    "until": "",
    "since": "",
    "role": "",
    "field": "",
    "url": "",
}


def signing_error_text(reason: str, params: Mapping[str, object], lang: str) -> str | None:
    """The sentence for a signing refusal, or ``None`` for a reason without one."""
    msgid = SIGNING_ERRORS.get(reason)
    if msgid is None:
        return None
    shown = {**_DEFAULTS, **{k: str(v) for k, v in params.items()}}
    return text(msgid, lang, **shown)
