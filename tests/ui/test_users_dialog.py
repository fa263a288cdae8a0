"""The administrator's users window on a real SQLite file (and the test PostgreSQL): add, disable and
enable, reset a password, change the role, the administrator flag; the refusals as one line."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt

from tests.ui.accounts import PASSWORD, signed_link
from workbench.domain.records import Role
from workbench.services.account_errors import AccountDisabled, SignInRefused
from workbench.ui.dialogs.users_dialog import AddUserDialog, NewUser, UsersDialog, columns

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from workbench.ui.store_link import StoreLink

WAIT_MS = 15_000


@pytest.fixture
def make_users(qtbot: QtBot, ui: Any) -> Callable[[StoreLink], UsersDialog]:
    def make(link: StoreLink) -> UsersDialog:
        dialog = UsersDialog(link)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(lambda: bool(dialog.accounts), timeout=WAIT_MS)
        return dialog

    return make


def _rows(dialog: UsersDialog) -> list[list[str]]:
    table = dialog.table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def _row(dialog: UsersDialog, login: str) -> list[str]:
    return next(row for row in _rows(dialog) if row[0] == login)


def _settle(qtbot: QtBot, dialog: UsersDialog, line: str) -> None:
    qtbot.waitUntil(lambda: dialog.message.text() == line and not dialog.busy, timeout=WAIT_MS)


def test_the_table_shows_the_accounts_and_a_lock(
    make_users: Callable[[StoreLink], UsersDialog], owner: StoreLink, store_url: str
) -> None:
    owner.add_user("li", "李明", Role.COMMITTEE_MEMBER, False, PASSWORD)
    for _try in range(3):  # the third wrong password locks her account for a while
        with pytest.raises(SignInRefused):
            signed_link(store_url, "li", "wrong password")
    dialog = make_users(owner)
    assert [dialog.table.horizontalHeaderItem(c).text() for c in range(6)] == columns()
    assert _rows(dialog)[1] == ["owner", "owner", "客户经理", "是", "是", ""]
    li = _rows(dialog)[0]
    assert li[:5] == ["li", "李明", "贷审会委员", "", "是"]
    assert re.fullmatch(r"\d\d:\d\d:\d\d", li[5])  # locked until then (local time)
    assert dialog.add_button.isVisible() and "密码只保存其哈希值" in dialog.note.text()
    assert store_url.removeprefix("sqlite:///") in dialog.note.text()  # the file, not a URL
    assert not dialog.active_button.isEnabled()  # nothing selected yet


def test_add_disable_enable_and_reset(
    qtbot: QtBot, make_users: Callable[[StoreLink], UsersDialog], owner: StoreLink, store_url: str
) -> None:
    dialog = make_users(owner)
    dialog.ask_new_user = lambda: NewUser("li", "李明", Role.COMMITTEE_CHAIR, False, "short")
    dialog.add_user()
    _settle(qtbot, dialog, "密码至少需要 8 个字符")
    assert len(_rows(dialog)) == 1

    dialog.ask_new_user = lambda: NewUser("li", "李明", Role.COMMITTEE_CHAIR, False, PASSWORD)
    dialog.add_user()
    _settle(qtbot, dialog, "已添加用户 li")
    qtbot.waitUntil(lambda: len(_rows(dialog)) == 2, timeout=WAIT_MS)
    assert _row(dialog, "li") == ["li", "李明", "贷审会主席", "", "是", ""]
    assert dialog.selected_login() == "li"
    signed_link(store_url, "li").close()  # her initial password works

    dialog.add_user()  # the same login again
    _settle(qtbot, dialog, "用户名 li 已被使用")

    assert dialog.active_button.text() == "停用"
    qtbot.mouseClick(dialog.active_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, dialog, "已停用 li")
    qtbot.waitUntil(lambda: _row(dialog, "li")[4] == "已停用", timeout=WAIT_MS)
    with pytest.raises(AccountDisabled):
        signed_link(store_url, "li")
    assert dialog.active_button.text() == "启用"
    qtbot.mouseClick(dialog.active_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, dialog, "已启用 li")
    qtbot.waitUntil(lambda: _row(dialog, "li")[4] == "是", timeout=WAIT_MS)

    dialog.ask_password = lambda login: "a new password for " + login
    qtbot.mouseClick(dialog.password_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, dialog, "已重置 li 的密码（也解除了锁定）")
    signed_link(store_url, "li", "a new password for li").close()

    dialog.ask_role = lambda _login, _role: Role.COMMITTEE_MEMBER
    qtbot.mouseClick(dialog.role_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, dialog, "li 的角色已改为 贷审会委员")
    qtbot.waitUntil(lambda: _row(dialog, "li")[2] == "贷审会委员", timeout=WAIT_MS)

    qtbot.mouseClick(dialog.admin_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, dialog, "li 现在是管理员")
    qtbot.waitUntil(lambda: _row(dialog, "li")[3] == "是", timeout=WAIT_MS)
    assert dialog.admin_button.text() == "取消管理员"


def test_the_refusals_are_one_line(
    qtbot: QtBot, make_users: Callable[[StoreLink], UsersDialog], owner: StoreLink
) -> None:
    dialog = make_users(owner)
    dialog.select("owner")
    qtbot.mouseClick(dialog.active_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, dialog, "不能停用自己的账户")
    qtbot.mouseClick(dialog.admin_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, dialog, "owner 是最后一位在用的管理员，不能停用或取消其管理权限")
    assert _rows(dialog) == [["owner", "owner", "客户经理", "是", "是", ""]]  # nothing changed

    owner.add_user("li", "李明", Role.OFFICER, True, PASSWORD)  # another administrator …
    li = signed_link(owner.services.url, "li")
    try:
        owner.set_admin("li", False)  # … who is no longer one while her window is open
        other = UsersDialog(li)
        qtbot.addWidget(other)
        qtbot.waitUntil(lambda: bool(other.message.text()), timeout=WAIT_MS)
        assert other.message.text() == "用户 li（客户经理）无权管理用户"
    finally:
        li.close()


def test_the_add_form_keeps_the_person_on_a_mismatch(qtbot: QtBot, ui: Any) -> None:
    form = AddUserDialog()
    qtbot.addWidget(form)
    form.show()
    form.login_edit.setText("zhao")
    form.name_edit.setText("赵")
    form.role_combo.setCurrentIndex(list(Role).index(Role.BACK_OFFICE))
    form.admin_box.setChecked(True)
    form.password_edit.setText(PASSWORD)
    form.repeat_edit.setText(PASSWORD + "!")
    form.accept()
    assert form.isVisible() and form.error_label.text() == "两次输入的密码不一致"
    assert form.password_edit.text() == "" and form.login_edit.text() == "zhao"
    form.password_edit.setText(PASSWORD)
    form.repeat_edit.setText(PASSWORD)
    form.accept()
    assert not form.isVisible()
    assert form.new_user() == NewUser("zhao", "赵", Role.BACK_OFFICE, True, PASSWORD)


@pytest.mark.postgres
def test_a_postgresql_store_lists_and_says_who_makes_logins(
    qtbot: QtBot, make_users: Callable[[StoreLink], UsersDialog], pg_databases: Any
) -> None:
    from workbench.services.store import open_store
    from workbench.ui.store_link import server_address

    url = pg_databases.url(pg_databases.create(template=pg_databases.template))
    with open_store(url) as services:
        services.users.ensure_first_admin(server_address(url).login)
    link = signed_link(url)
    try:
        dialog = make_users(link)
        assert [row[0] for row in _rows(dialog)] == [server_address(url).login]
        assert "workbench users" in dialog.note.text()
        assert not dialog.add_button.isVisible() and not dialog.password_button.isVisible()
    finally:
        link.close()


def test_a_person_changes_her_own_password(
    qtbot: QtBot, make_window: Callable[..., Any], owner: StoreLink, store_url: str
) -> None:
    owner.add_user("li", "李明", Role.OFFICER, False, PASSWORD)
    window = make_window(store_opener=lambda: signed_link(store_url, "li"))
    qtbot.waitUntil(lambda: window.persistence.store is not None, timeout=WAIT_MS)
    assert window.actions_by_key["change_password"].isVisible()
    dialog = window.change_password()
    assert dialog is not None

    dialog.current_edit.setText("not her password")
    dialog.password_edit.setText("a brand new password")
    dialog.repeat_edit.setText("a brand new password")
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.busy and bool(dialog.error_label.text()), timeout=WAIT_MS)
    assert dialog.error_label.text() == "用户名或密码错误"
    assert dialog.current_edit.text() == dialog.password_edit.text() == "" and dialog.isVisible()

    dialog.current_edit.setText(PASSWORD)
    dialog.password_edit.setText("a brand new password")
    dialog.repeat_edit.setText("a brand new password")
    with qtbot.waitSignal(dialog.changed, timeout=WAIT_MS):
        dialog.accept()
    assert window.statusBar().currentMessage() == "密码已修改"
    signed_link(store_url, "li", "a brand new password").close()
    with pytest.raises(SignInRefused):
        signed_link(store_url, "li", PASSWORD)


def test_the_administrator_registers_and_revokes_a_certificate(
    qtbot: QtBot, make_users: Callable[[StoreLink], UsersDialog], owner: StoreLink, tmp_path: Path
) -> None:
    from cryptography.hazmat.primitives.serialization import Encoding

    from workbench.reports.signing import create_identity, load_identity
    from workbench.ui.dialogs.certificates_dialog import CertificatesDialog, fingerprint_text

    owner.add_user("zhou", "周主席", Role.COMMITTEE_CHAIR, False, PASSWORD)
    dialog = make_users(owner)
    qtbot.waitUntil(lambda: any(row[0] == "zhou" for row in _rows(dialog)), timeout=WAIT_MS)
    dialog.select("zhou")
    assert dialog.certificates_button.isVisible() and dialog.certificates_button.isEnabled()
    dialog.show_certificates()
    certs: CertificatesDialog = dialog.certificates_dialog
    qtbot.addWidget(certs)
    assert certs.windowTitle() == "zhou 的签名证书" and certs.table.rowCount() == 0

    identity = create_identity("Zhou", "贷审会主席", "pass-phrase", tmp_path / "zhou.p12")
    certificate = load_identity(identity, "pass-phrase").certificate
    pem = tmp_path / "zhou.pem"
    pem.write_bytes(certificate.public_bytes(Encoding.PEM))
    certs.ask_file = lambda: str(pem)
    qtbot.mouseClick(certs.register_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: certs.table.rowCount() == 1 and not certs.busy, timeout=WAIT_MS)
    (registered,) = owner.certificates("zhou")
    assert certs.message.text() == "已登记证书"
    assert certs.table.item(0, 0).text() == fingerprint_text(registered.fingerprint)
    assert certs.table.item(0, 3).text() == "有效"

    qtbot.mouseClick(certs.register_button, Qt.MouseButton.LeftButton)  # the same one again
    qtbot.waitUntil(lambda: not certs.busy and certs.message.text() != "已登记证书", timeout=WAIT_MS)
    assert "\n" not in certs.message.text() and "zhou" in certs.message.text()

    not_a_cert = tmp_path / "notes.txt"
    not_a_cert.write_text("这不是证书")
    certs.ask_file = lambda: str(not_a_cert)
    qtbot.mouseClick(certs.register_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not certs.busy and "不是" in certs.message.text(), timeout=WAIT_MS)
    assert len(owner.certificates("zhou")) == 1

    certs.table.selectRow(0)
    qtbot.mouseClick(certs.revoke_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: certs.message.text() == "已吊销证书" and not certs.busy, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: certs.table.item(0, 3).text() == "已吊销", timeout=WAIT_MS)
    assert owner.certificates("zhou")[0].revoked
