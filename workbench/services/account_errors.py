"""The refusals of signing in and of the users' accounts (``services.accounts``), with their texts.

Apart from the service so that the command line can word them without loading the store.
"""

from __future__ import annotations

from workbench.domain.errors import DomainError
from workbench.texts import N_, text

TEXTS: dict[str, str] = {
    "sign_in_refused": N_("用户名或密码错误"),
    "account_locked": N_("密码错误次数过多，账户 {login} 已暂时锁定，请 {seconds} 秒后再试"),
    "account_disabled": N_("账户 {login} 已停用，请联系管理员"),
    "password_not_set": N_("账户 {login} 尚未设置密码，请先设置新密码"),
    "password_too_short": N_("密码至少需要 {minimum} 个字符"),
    "password_already_set": N_("账户 {login} 已设置密码：请用原密码登录，或请管理员重置"),
    "store_has_users": N_("数据库中已有用户：第一个管理员只能在新数据库中创建"),
    "last_administrator": N_("{login} 是最后一位在用的管理员，不能停用或取消其管理权限"),
    "cannot_disable_self": N_("不能停用自己的账户"),
    "server_sign_in": N_("此数据库通过 PostgreSQL 服务器登录，密码由服务器管理"),
    "bad_login": N_("用户名“{login}”无效：不能为空或含空白字符，最多 {maximum} 个字符"),
}


class AccountError(DomainError):
    """An account refused: ``reason`` keys its text (``TEXTS``), ``params`` fill it."""

    def __init__(self, reason: str, **params: object) -> None:
        self.reason = reason
        self.params = params
        shown = ", ".join(f"{k}={v}" for k, v in params.items())
        super().__init__(f"{reason}: {shown}" if shown else reason)

    def describe(self, lang: str = "zh") -> str:
        return text(TEXTS[self.reason], lang, **self.params)


class SignInRefused(AccountError):
    """A wrong password or an unknown login (one answer for both)."""

    def __init__(self) -> None:
        super().__init__("sign_in_refused")


class AccountLocked(AccountError):
    """Too many wrong passwords in a row: ``seconds`` until the next try is heard."""

    def __init__(self, login: str, seconds: int) -> None:
        super().__init__("account_locked", login=login, seconds=seconds)


class AccountDisabled(AccountError):
    def __init__(self, login: str) -> None:
        super().__init__("account_disabled", login=login)


class PasswordNotSet(AccountError):
    """An account made before local accounts existed: it sets its first password
    (``AccountService.set_first_password``) before it can sign in."""

    def __init__(self, login: str) -> None:
        super().__init__("password_not_set", login=login)
