"""The administrator's users window: who may sign in to this store, and as what.

A table of the accounts (login, name, role, administrator, active, locked until) and the administrator's
work on a SQLite store: add a user with her initial password, disable or enable, reset a password,
change the role, set or clear the administrator flag; on both engines, the person's signing
certificates (``certificates_dialog``). Everything goes through ``StoreLink`` (the
services check again that the person administers the store) and runs off the GUI thread; a refusal
(the last administrator, one's own account, a login taken, a short password) is one line here.

On a PostgreSQL store people sign in with the server's own logins, which the server's administrator
creates with ``workbench users``: the window lists the users and says so, and changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.records import Role
from workbench.services.permissions import ROLE_NAMES
from workbench.ui.dialogs.admin_list import AdminListDialog
from workbench.ui.dialogs.signin_dialog import refusal_line, store_place
from workbench.ui.i18n import lang, tr
from workbench.ui.ops import run_in_background

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.domain.accounts import Account
    from workbench.ui.store_link import StoreLink


def columns() -> list[str]:
    return [tr("登录名"), tr("姓名"), tr("角色"), tr("管理员"), tr("在用"), tr("锁定至")]


def role_name(role: Role) -> str:
    return ROLE_NAMES.text(role, lang())


@dataclass(frozen=True, slots=True)
class NewUser:
    login: str
    name: str
    role: Role
    admin: bool
    password: str


def _ok_cancel() -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("确定"))
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
    return buttons


def _password_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _role_combo(current: Role = Role.OFFICER) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName("userRole")
    for role in Role:
        combo.addItem(role_name(role), role)
    combo.setCurrentIndex(list(Role).index(current))
    return combo


class _TwiceDialog(QDialog):
    """A small form with a password typed twice; stays open with one line while the two differ."""

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.password_edit = _password_edit("userPassword")
        self.repeat_edit = _password_edit("userRepeat")
        self.error_label = QLabel()
        self.error_label.setObjectName("userFormError")
        self.error_label.setStyleSheet("color: #b3261e;")
        self.error_label.setWordWrap(True)
        buttons = _ok_cancel()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(400)

    def _add_password_rows(self, label: str) -> None:
        self.form.addRow(label, self.password_edit)
        self.form.addRow(tr("再次输入"), self.repeat_edit)

    def problem(self) -> str | None:
        if self.password_edit.text() != self.repeat_edit.text():
            return tr("两次输入的密码不一致")
        return None

    def accept(self) -> None:
        line = self.problem()
        if line is not None:
            self.error_label.setText(line)
            self.password_edit.clear()
            self.repeat_edit.clear()
            self.password_edit.setFocus()
            return
        super().accept()


class AddUserDialog(_TwiceDialog):
    """Login, name, role, administrator, initial password twice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, tr("添加用户"))
        self.setObjectName("addUserDialog")
        self.login_edit = QLineEdit()
        self.login_edit.setObjectName("userLogin")
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("userName")
        self.role_combo = _role_combo()
        self.admin_box = QCheckBox(tr("管理本案件库的用户"))
        self.admin_box.setObjectName("userAdmin")
        self.form.addRow(tr("登录名"), self.login_edit)
        self.form.addRow(tr("姓名"), self.name_edit)
        self.form.addRow(tr("角色"), self.role_combo)
        self.form.addRow(tr("管理员"), self.admin_box)
        self._add_password_rows(tr("初始密码"))

    def problem(self) -> str | None:
        if not self.login_edit.text().strip():
            return tr("请输入登录名")
        return super().problem()

    def new_user(self) -> NewUser:
        login = self.login_edit.text().strip()
        return NewUser(
            login,
            self.name_edit.text().strip() or login,
            self.role_combo.currentData(),
            self.admin_box.isChecked(),
            self.password_edit.text(),
        )


class PasswordDialog(_TwiceDialog):
    """A new password for ``login``, twice."""

    def __init__(self, login: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, tr("重置密码"))
        self.setObjectName("resetPasswordDialog")
        self.form.addRow(tr("用户"), QLabel(login))
        self._add_password_rows(tr("新密码"))


class ChangePasswordDialog(_TwiceDialog):
    """The signed-in person changes her own password (SQLite): the current one, then the new one twice.

    The current password is checked as a sign-in is, with the same back-off; the work runs off the GUI
    thread and a refusal is one line here, the fields cleared. ``changed`` when done.
    """

    changed = Signal()

    def __init__(self, link: StoreLink, parent: QWidget | None = None) -> None:
        super().__init__(parent, tr("修改我的密码"))
        self.setObjectName("changePasswordDialog")
        self.link = link
        self.busy = False
        self.current_edit = _password_edit("currentPassword")
        self.form.addRow(tr("用户"), QLabel(link.user.username))
        self.form.addRow(tr("当前密码"), self.current_edit)
        self._add_password_rows(tr("新密码"))

    def accept(self) -> None:
        if self.busy:
            return
        line = self.problem()
        if line is not None:
            self._refuse(line)
            return
        link, old, new = self.link, self.current_edit.text(), self.password_edit.text()
        self.busy = True
        self.setEnabled(False)
        run_in_background(lambda: link.change_password(old, new), self._done, self._refused)

    def _done(self, _result: object) -> None:
        self.busy = False
        self.setEnabled(True)
        self.changed.emit()
        QDialog.accept(self)

    def _refused(self, error: BaseException) -> None:
        self.busy = False
        self.setEnabled(True)
        self._refuse(refusal_line(error))

    def _refuse(self, line: str) -> None:
        self.error_label.setText(line)
        for edit in (self.current_edit, self.password_edit, self.repeat_edit):
            edit.clear()
        self.current_edit.setFocus()


class RoleDialog(QDialog):
    """The role ``login`` works in."""

    def __init__(self, login: str, current: Role, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roleDialog")
        self.setWindowTitle(tr("更改角色"))
        self.role_combo = _role_combo(current)
        form = QFormLayout()
        form.addRow(tr("用户"), QLabel(login))
        form.addRow(tr("角色"), self.role_combo)
        buttons = _ok_cancel()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)


def _ask_new_user(parent: QWidget) -> NewUser | None:
    dialog = AddUserDialog(parent)
    return dialog.new_user() if dialog.exec() else None


def _ask_password(parent: QWidget, login: str) -> str | None:
    dialog = PasswordDialog(login, parent)
    return dialog.password_edit.text() if dialog.exec() else None


def _ask_role(parent: QWidget, login: str, current: Role) -> Role | None:
    dialog = RoleDialog(login, current, parent)
    return dialog.role_combo.currentData() if dialog.exec() else None


class UsersDialog(AdminListDialog):
    """The accounts of the store ``link`` is signed in to, for its administrator.

    ``ask_new_user`` / ``ask_password`` / ``ask_role`` show the small forms (tests answer them).
    """

    def __init__(self, link: StoreLink, parent: QWidget | None = None) -> None:
        super().__init__(link, parent)
        self.setObjectName("usersDialog")
        self.setWindowTitle(tr("用户管理"))
        self.local = link.local_accounts
        self.accounts: list[Account] = []
        self.ask_new_user: Callable[[], NewUser | None] = lambda: _ask_new_user(self)
        self.ask_password: Callable[[str], str | None] = lambda login: _ask_password(self, login)
        self.ask_role: Callable[[str, Role], Role | None] = lambda login, role: _ask_role(self, login, role)
        self._wanted: str | None = None  # the login to select once the list is read again

        self.note = QLabel()
        self.note.setObjectName("usersNote")
        self.note.setWordWrap(True)
        if self.local:
            self.note.setText(
                tr("本机案件库（%1）的账户：密码只保存其哈希值。").replace("%1", store_place(link.location))
            )
        else:
            self.note.setText(
                tr(
                    "团队案件库的登录账户由数据库服务器的管理员用 workbench users 命令创建和管理；"
                    "此处仅列出用户。"
                )
            )
        self.table = self._make_table("usersTable", columns(), stretch=1)
        self._make_message("usersMessage")

        self.add_button = self._button("usersAdd", tr("添加用户…"), self.add_user)
        self.active_button = self._button("usersActive", tr("停用"), self.toggle_active)
        self.password_button = self._button("usersPassword", tr("重置密码…"), self.reset_password)
        self.role_button = self._button("usersRole", tr("更改角色…"), self.change_role)
        self.admin_button = self._button("usersAdmin", tr("设为管理员"), self.toggle_admin)
        # the identity registry lives in the store on both engines: kept here for team stores too
        self.certificates_button = self._button("usersCertificates", tr("签名证书…"), self.show_certificates)
        row = QHBoxLayout()
        self.work_buttons = (self.active_button, self.password_button, self.role_button, self.admin_button)
        for button in (self.add_button, *self.work_buttons):
            button.setVisible(self.local)
            row.addWidget(button)
        row.addWidget(self.certificates_button)
        row.addStretch(1)
        close = QPushButton(tr("关闭"))
        close.setObjectName("usersClose")
        close.clicked.connect(self.reject)
        close.setAutoDefault(False)
        row.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)
        self.resize(820, 460)
        self._sync_buttons()
        self.refresh()

    # ---- the list ------------------------------------------------------------------------------------

    def _read(self, link: StoreLink) -> list[Account]:
        return link.accounts()

    def _show(self, accounts: list[Account]) -> None:
        selected = self._wanted or self.selected_login()
        self._wanted = None
        self.accounts = list(accounts)
        now = datetime.now(UTC)
        self.table.setRowCount(len(self.accounts))
        for row, account in enumerate(self.accounts):
            user = account.user
            until = account.locked_until
            locked = until.astimezone().strftime("%H:%M:%S") if until is not None and until > now else ""
            cells = (
                user.username,
                user.display_name,
                role_name(user.role),
                tr("是") if user.admin else "",
                tr("是") if user.active else tr("已停用"),
                locked,
            )
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column >= 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
            if user.username == selected:
                self.table.selectRow(row)
        self._sync_buttons()

    def selected(self) -> Account | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self.accounts[min(rows)] if rows and min(rows) < len(self.accounts) else None

    def selected_login(self) -> str | None:
        account = self.selected()
        return account.user.username if account is not None else None

    def select(self, login: str) -> None:
        for row, account in enumerate(self.accounts):
            if account.user.username == login:
                self.table.selectRow(row)

    def _sync_buttons(self) -> None:
        account = self.selected()
        some = account is not None and not self.busy
        for button in self.work_buttons:
            button.setEnabled(some)
        self.add_button.setEnabled(not self.busy)
        self.certificates_button.setEnabled(some)
        if account is not None:
            self.active_button.setText(tr("停用") if account.user.active else tr("启用"))
            self.admin_button.setText(tr("取消管理员") if account.user.admin else tr("设为管理员"))

    # ---- the administrator's work --------------------------------------------------------------------

    def add_user(self) -> None:
        new = self.ask_new_user()
        if new is None:
            return
        self._select_after(
            lambda link: link.add_user(new.login, new.name, new.role, new.admin, new.password),
            tr("已添加用户 %1").replace("%1", new.login),
            new.login,
        )

    def toggle_active(self) -> None:
        account = self.selected()
        if account is None:
            return
        login, active = account.user.username, not account.user.active
        done = tr("已启用 %1") if active else tr("已停用 %1")
        self._select_after(lambda link: link.set_active(login, active), done.replace("%1", login), login)

    def reset_password(self) -> None:
        login = self.selected_login()
        if login is None:
            return
        password = self.ask_password(login)
        if password is None:
            return
        done = tr("已重置 %1 的密码（也解除了锁定）").replace("%1", login)
        self._select_after(lambda link: link.reset_password(login, password), done, login)

    def change_role(self) -> None:
        account = self.selected()
        if account is None:
            return
        login = account.user.username
        role = self.ask_role(login, account.user.role)
        if role is None or role is account.user.role:
            return
        done = tr("%1 的角色已改为 %2").replace("%1", login).replace("%2", role_name(role))
        self._select_after(lambda link: link.set_role(login, role), done, login)

    def toggle_admin(self) -> None:
        account = self.selected()
        if account is None:
            return
        login, admin = account.user.username, not account.user.admin
        done = tr("%1 现在是管理员") if admin else tr("%1 不再是管理员")
        self._select_after(lambda link: link.set_admin(login, admin), done.replace("%1", login), login)

    def show_certificates(self) -> None:
        from workbench.ui.dialogs.certificates_dialog import CertificatesDialog

        login = self.selected_login()
        if login is None:
            return
        self.certificates_dialog = CertificatesDialog(self.link, login, self)
        self.certificates_dialog.open()

    def _select_after(self, job: Callable[[StoreLink], Any], done_line: str, login: str) -> None:
        """``job``, then the list read again with ``login`` selected."""

        def select() -> None:
            self._wanted = login

        self._run(job, done_line, then=select)
