"""The sign-in dialog on real SQLite files (and the test PostgreSQL): the first account of a new file,
a wrong password and the lock as one line with the password cleared, an account without a password,
Esc leaving the window usable with its unsaved edits journalled, and signing out to switch user."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.accounts import PASSWORD, signed_link
from workbench.domain.records import Role
from workbench.services.store import open_store
from workbench.ui.dialogs.signin_dialog import (
    FIRST_PASSWORD,
    LAST_LOGIN_KEY,
    OWNER,
    SERVER,
    SIGN_IN,
    Keychain,
    SignInDialog,
)
from workbench.ui.store_link import StoreLink, server_address

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from PySide6.QtCore import QSettings
    from pytestqt.qtbot import QtBot

    from workbench.ui.main_window import MainWindow

WAIT_MS = 15_000  # an argon2 hash and a migration on a loaded machine


@pytest.fixture
def make_dialog(qtbot: QtBot, ui: Any, settings: QSettings) -> Callable[..., SignInDialog]:
    def make(url: str, mode: str = SIGN_IN) -> SignInDialog:
        dialog = SignInDialog(url, settings)
        dialog.links: list[StoreLink] = []  # type: ignore[misc]
        dialog.signed_in.connect(dialog.links.append)  # type: ignore[attr-defined]
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(lambda: dialog.mode == mode, timeout=WAIT_MS)
        return dialog

    return make


def _type(qtbot: QtBot, edit: Any, value: str) -> None:
    edit.clear()
    if value.isascii():
        qtbot.keyClicks(edit, value)
    else:  # QTest types ASCII keys only
        edit.setText(value)


def _enter(qtbot: QtBot, dialog: SignInDialog) -> None:
    """Enter in the focused field signs in; then wait for the try to come back."""
    qtbot.keyClick(QApplication.focusWidget() or dialog.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)


def test_a_new_file_makes_its_owner_an_administrator(
    qtbot: QtBot, make_dialog: Callable[..., SignInDialog], store_url: str, settings: QSettings
) -> None:
    dialog = make_dialog(store_url, OWNER)
    assert dialog.form.isRowVisible(dialog.name_edit) and dialog.form.isRowVisible(dialog.repeat_edit)
    assert not dialog.form.isRowVisible(dialog.server_edit)
    assert "新的案件库" in dialog.intro.text()

    _type(qtbot, dialog.login_edit, "wang")
    _type(qtbot, dialog.name_edit, "王芳")
    _type(qtbot, dialog.password_edit, PASSWORD)
    _type(qtbot, dialog.repeat_edit, PASSWORD + "x")
    _enter(qtbot, dialog)
    assert dialog.error_label.text() == "两次输入的密码不一致"
    assert dialog.password_edit.text() == dialog.repeat_edit.text() == ""
    assert dialog.login_edit.text() == "wang" and dialog.name_edit.text() == "王芳"
    assert dialog.isVisible()

    _type(qtbot, dialog.password_edit, "short")
    _type(qtbot, dialog.repeat_edit, "short")
    _enter(qtbot, dialog)
    assert dialog.error_label.text() == "密码至少需要 8 个字符"

    _type(qtbot, dialog.password_edit, PASSWORD)
    _type(qtbot, dialog.repeat_edit, PASSWORD)
    _enter(qtbot, dialog)
    qtbot.waitUntil(lambda: bool(dialog.links), timeout=WAIT_MS)  # type: ignore[attr-defined]
    link = dialog.links[0]  # type: ignore[attr-defined]
    try:
        assert (link.user.username, link.user.display_name, link.user.role) == ("wang", "王芳", Role.OFFICER)
        assert link.user.admin and link.manages_users
        assert not dialog.isVisible()
        assert settings.value(LAST_LOGIN_KEY) == "wang"
        assert all(PASSWORD not in str(settings.value(key)) for key in settings.allKeys())
    finally:
        link.close()
    again = signed_link(store_url, "wang")  # the password holds for the next sign-in
    again.close()


def test_a_wrong_password_is_one_line_and_the_lock_says_how_long(
    qtbot: QtBot,
    make_dialog: Callable[..., SignInDialog],
    store_url: str,
    owner: StoreLink,
    settings: QSettings,
) -> None:
    settings.setValue(LAST_LOGIN_KEY, "owner")
    dialog = make_dialog(store_url)
    assert dialog.login_edit.text() == "owner"  # the last login, never the password
    assert dialog.focusWidget() is dialog.password_edit
    assert not dialog.form.isRowVisible(dialog.repeat_edit) and not dialog.form.isRowVisible(dialog.name_edit)

    for _try in range(3):
        _type(qtbot, dialog.password_edit, "wrong password")
        _enter(qtbot, dialog)
        assert dialog.error_label.text() == "用户名或密码错误"
        assert dialog.password_edit.text() == ""
        assert dialog.focusWidget() is dialog.password_edit
        assert dialog.login_edit.text() == "owner"
    _type(qtbot, dialog.password_edit, PASSWORD)  # even the right one waits out the lock
    _enter(qtbot, dialog)
    line = dialog.error_label.text()
    assert line.startswith("密码错误次数过多，账户 owner 已暂时锁定，请 ") and line.endswith(" 秒后再试")
    assert 1 <= int(line.split("请 ")[1].split(" 秒")[0]) <= 5
    assert dialog.password_edit.text() == "" and dialog.isVisible()
    assert not dialog.links  # type: ignore[attr-defined]

    from workbench.ui import i18n

    i18n.set_language("en")
    _type(qtbot, dialog.password_edit, "wrong password")
    _enter(qtbot, dialog)
    assert dialog.error_label.text().startswith("too many wrong passwords: account owner is locked")
    dialog.reject()


def test_a_disabled_account_is_refused_in_one_line(
    qtbot: QtBot, make_dialog: Callable[..., SignInDialog], store_url: str, owner: StoreLink
) -> None:
    owner.add_user("li", "李明", Role.OFFICER, False, PASSWORD)
    owner.set_active("li", False)
    dialog = make_dialog(store_url)
    _type(qtbot, dialog.login_edit, "li")
    _type(qtbot, dialog.password_edit, PASSWORD)
    _enter(qtbot, dialog)
    assert dialog.error_label.text() == "账户 li 已停用，请联系管理员"
    assert dialog.password_edit.text() == "" and dialog.login_edit.text() == "li"
    dialog.reject()


def test_an_account_from_before_passwords_sets_its_first_one(
    qtbot: QtBot, make_dialog: Callable[..., SignInDialog], store_url: str
) -> None:
    with open_store(store_url) as services:  # how the window took people before: no password
        services.users.current_user("zhao")
    dialog = make_dialog(store_url)
    _type(qtbot, dialog.login_edit, "zhao")
    _type(qtbot, dialog.password_edit, "anything")
    _enter(qtbot, dialog)
    assert dialog.mode == FIRST_PASSWORD
    assert dialog.intro.text() == "账户 zhao 尚未设置密码，请先设置新密码"
    assert dialog.error_label.text() == "" and dialog.password_edit.text() == ""
    assert dialog.form.isRowVisible(dialog.repeat_edit) and dialog.login_edit.isReadOnly()
    assert dialog.focusWidget() is dialog.password_edit

    _type(qtbot, dialog.password_edit, PASSWORD)
    _type(qtbot, dialog.repeat_edit, PASSWORD)
    _enter(qtbot, dialog)
    qtbot.waitUntil(lambda: bool(dialog.links), timeout=WAIT_MS)  # type: ignore[attr-defined]
    link = dialog.links[0]  # type: ignore[attr-defined]
    assert link.user.username == "zhao"
    link.close()
    signed_link(store_url, "zhao").close()


def test_the_keyring_box_says_why_it_cannot_remember(
    qtbot: QtBot, make_dialog: Callable[..., SignInDialog]
) -> None:
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # what a headless machine has: no backend at all
    try:
        assert not Keychain().available
        _no_keyring_dialog(qtbot, make_dialog)
    finally:
        keyring.set_keyring(previous)


def _no_keyring_dialog(qtbot: QtBot, make_dialog: Callable[..., SignInDialog]) -> None:
    url = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"  # nothing connects before Enter
    dialog = make_dialog(url, SERVER)
    assert not dialog.remember_box.isEnabled()
    assert "密钥环" in dialog.remember_box.toolTip()
    assert dialog.server_edit.text() == "127.0.0.1:5432" and dialog.database_edit.text() == "postgres"
    assert dialog.login_edit.text() == server_address(url).login
    dialog.reject()


@pytest.mark.postgres
def test_a_postgresql_store_signs_in_as_the_server_says_and_refuses_a_stranger(
    qtbot: QtBot, make_dialog: Callable[..., SignInDialog], pg_databases: Any
) -> None:
    name = pg_databases.create(template=pg_databases.template)
    url = pg_databases.url(name)
    with open_store(url) as services:
        services.users.ensure_first_admin("someone_else")
    dialog = make_dialog(url, SERVER)
    _type(qtbot, dialog.password_edit, "")
    _enter(qtbot, dialog)  # the server lets postgres in, but postgres is no user of this store
    assert "不是本工作台的在用用户" in dialog.error_label.text()
    assert dialog.login_edit.text() == server_address(url).login and dialog.isVisible()

    with open_store(url) as services:
        admin = services.users.find_user("someone_else")
        services.accounts.add_user(admin, server_address(url).login, "服务器管理员", Role.ADMIN, None)
    _enter(qtbot, dialog)
    qtbot.waitUntil(lambda: bool(dialog.links), timeout=WAIT_MS)  # type: ignore[attr-defined]
    link = dialog.links[0]  # type: ignore[attr-defined]
    assert link.user.username == server_address(url).login and not link.local_accounts
    link.close()


def test_esc_leaves_the_window_usable_and_the_edits_journalled(
    qtbot: QtBot, ui: Any, settings: QSettings, tmp_path: Path, store_url: str, owner: StoreLink
) -> None:
    from workbench.ui.main_window import MainWindow

    window = MainWindow(
        settings=settings, charts=False, recovery_dir=tmp_path / "recovery", sign_in_url=store_url
    )
    window.ask_unsaved = lambda _title: "discard"
    qtbot.addWidget(window)
    document = window.new_case().document
    document.set_field(("borrower", "name"), "未保存的借款人")
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(
        lambda: window.sign_in_dialog is not None and window.sign_in_dialog.mode == SIGN_IN, timeout=WAIT_MS
    )
    dialog = window.sign_in_dialog
    assert dialog is not None and dialog.isVisible()

    _type(qtbot, dialog.login_edit, "owner")
    _type(qtbot, dialog.password_edit, "wrong password")
    _enter(qtbot, dialog)  # a failed try touches nothing
    assert window.persistence.store is None
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.door is None  # the store it opened is closed again
    assert window.persistence.store is None
    assert "未登录" in window.case_list.store_state.text()
    assert document.state.borrower.name == "未保存的借款人" and not document.undo_stack.isClean()
    assert window.recovery is not None
    journal = window.recovery.journal_path(document)
    qtbot.waitUntil(journal.exists, timeout=5000)
    assert window.cases and window.new_case() is not None  # the window still works on files
    assert not window.actions_by_key["users"].isVisible()

    window.actions_by_key["switch_user"].trigger()  # the account menu brings the dialog back
    qtbot.waitUntil(lambda: window.sign_in_dialog is not dialog, timeout=5000)
    again = window.sign_in_dialog
    assert again is not None
    qtbot.waitUntil(lambda: again.mode == SIGN_IN, timeout=WAIT_MS)
    _type(qtbot, again.login_edit, "owner")
    _type(qtbot, again.password_edit, PASSWORD)
    _enter(qtbot, again)
    qtbot.waitUntil(lambda: window.persistence.store is not None, timeout=WAIT_MS)
    assert window.persistence.store.user.username == "owner"
    assert window.actions_by_key["users"].isVisible()  # she administers the store
    users = window.manage_users()
    assert users is not None and users.link is window.persistence.store
    qtbot.waitUntil(lambda: [a.user.username for a in users.accounts] == ["owner"], timeout=WAIT_MS)
    users.close()
    assert "owner" in window.case_list.store_state.text()
    assert not document.undo_stack.isClean()


def test_signing_out_closes_the_stored_tabs_and_the_link_and_asks_again(
    qtbot: QtBot, ui: Any, settings: QSettings, tmp_path: Path, store_url: str, owner: StoreLink
) -> None:
    from workbench.ui.case_io import open_demo
    from workbench.ui.main_window import MainWindow

    owner.add_user("li", "李明", Role.OFFICER, False, PASSWORD)
    case = owner.create(open_demo("A")[0]).case
    window = MainWindow(settings=settings, charts=False, sign_in_url=store_url)
    window.ask_unsaved = lambda _title: "discard"
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(
        lambda: window.sign_in_dialog is not None and window.sign_in_dialog.mode == SIGN_IN, timeout=WAIT_MS
    )
    dialog = window.sign_in_dialog
    assert dialog is not None
    _type(qtbot, dialog.login_edit, "owner")
    _type(qtbot, dialog.password_edit, PASSWORD)
    _enter(qtbot, dialog)
    qtbot.waitUntil(lambda: window.persistence.store is not None, timeout=WAIT_MS)
    window.open_stored(case.id)
    qtbot.waitUntil(lambda: bool(window.cases), timeout=WAIT_MS)
    from_file = window.new_case().document

    assert window.sign_out()
    assert window.persistence.store is None
    assert [c.document for c in window.cases] == [from_file]  # the stored case's tab went with the link
    second = window.sign_in_dialog
    assert second is not None and second is not dialog
    qtbot.waitUntil(lambda: second.mode == SIGN_IN, timeout=WAIT_MS)
    assert second.login_edit.text() == "owner"  # the last login
    _type(qtbot, second.login_edit, "li")
    _type(qtbot, second.password_edit, PASSWORD)
    _enter(qtbot, second)
    qtbot.waitUntil(lambda: window.persistence.store is not None, timeout=WAIT_MS)
    assert window.persistence.store.user.username == "li"
    assert not window.actions_by_key["users"].isVisible()  # an officer without the flag
    assert window.manage_users() is None


def test_the_users_menu_follows_the_signed_in_person(
    qtbot: QtBot, make_window: Callable[..., MainWindow], store_url: str, owner: StoreLink
) -> None:
    owner.add_user("li", "李明", Role.OFFICER, False, PASSWORD)
    window = make_window(store_opener=lambda: signed_link(store_url, "li"))
    qtbot.waitUntil(lambda: window.persistence.store is not None, timeout=WAIT_MS)
    assert not window.actions_by_key["users"].isVisible()
    window.set_language("en")  # the rebuilt menus keep it hidden
    assert not window.actions_by_key["users"].isVisible()
    window.set_language("zh")
    boss = make_window(store_opener=lambda: signed_link(store_url, "owner"))
    qtbot.waitUntil(lambda: boss.persistence.store is not None, timeout=WAIT_MS)
    assert boss.actions_by_key["users"].isVisible()


class MemoryKeyring(KeyringBackend):
    """A keyring backend in memory: the ``keyring`` API the dialog calls, without a desktop's daemon.

    ``keyring`` registers every backend class, so the tests here always say which keyring is in use.
    """

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.kept.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.mark.postgres
def test_remember_keeps_the_password_in_the_keyring_only(
    qtbot: QtBot,
    make_dialog: Callable[..., SignInDialog],
    pg_databases: Any,
    memory_keyring: MemoryKeyring,
    settings: QSettings,
) -> None:
    url = pg_databases.url(pg_databases.create(template=pg_databases.template))
    login = server_address(url).login
    with open_store(url) as services:
        services.users.ensure_first_admin(login)
    dialog = make_dialog(url, SERVER)
    assert dialog.remember_box.isEnabled() and not dialog.remember_box.toolTip()
    _type(qtbot, dialog.password_edit, "kept secret")  # the test server trusts 127.0.0.1: any password
    dialog.remember_box.setChecked(True)
    _enter(qtbot, dialog)
    qtbot.waitUntil(lambda: bool(dialog.links), timeout=WAIT_MS)  # type: ignore[attr-defined]
    dialog.links[0].close()  # type: ignore[attr-defined]
    account = f"{login}@127.0.0.1:5432/{server_address(url).database}"
    assert memory_keyring.kept == {("workbench", account): "kept secret"}
    settings.sync()
    assert all("kept secret" not in str(settings.value(key)) for key in settings.allKeys())

    again = make_dialog(url, SERVER)  # the next time it is filled in from the keyring
    qtbot.waitUntil(lambda: again.password_edit.text() == "kept secret", timeout=WAIT_MS)
    assert again.remember_box.isChecked()
    again.remember_box.setChecked(False)  # … and signing in without the box forgets it
    _enter(qtbot, again)
    qtbot.waitUntil(lambda: bool(again.links), timeout=WAIT_MS)  # type: ignore[attr-defined]
    again.links[0].close()  # type: ignore[attr-defined]
    assert memory_keyring.kept == {}


def test_a_store_that_cannot_be_opened_leaves_the_window_on_files(
    qtbot: QtBot, ui: Any, settings: QSettings, tmp_path: Path
) -> None:
    from workbench.ui.main_window import MainWindow

    blocker = tmp_path / "not a directory"
    blocker.write_text("a file where the store's directory should be", encoding="utf-8")
    window = MainWindow(settings=settings, charts=False, sign_in_url=f"sqlite:///{blocker / 'cases.sqlite3'}")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: "案件库不可用" in window.case_list.store_state.text(), timeout=WAIT_MS)
    assert window.sign_in_dialog is not None and not window.sign_in_dialog.isVisible()
    assert window.persistence.store is None and window.new_case() is not None


def test_esc_while_a_try_runs_lets_nobody_in(
    qtbot: QtBot, make_dialog: Callable[..., SignInDialog], store_url: str, owner: StoreLink
) -> None:
    dialog = make_dialog(store_url)
    gave_up: list[object] = []
    dialog.gave_up.connect(gave_up.append)
    _type(qtbot, dialog.login_edit, "owner")
    _type(qtbot, dialog.password_edit, PASSWORD)
    dialog.accept()
    assert dialog.busy and not dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and gave_up == [None]
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)  # the right password came back …
    assert not dialog.links  # type: ignore[attr-defined]  # … and its link was closed, not handed on
