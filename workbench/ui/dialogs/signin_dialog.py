"""The sign-in dialog: who is working, proved by a password, before the window reaches the store.

A SQLite store (one laptop) is opened first, in the background, to learn whether it has accounts:

* a new file shows the *first account* form (login, name, password twice): its owner becomes an officer
  who administers the store;
* otherwise login (the last one used, from QSettings) and password; an account made before local
  accounts existed is asked for its new password twice.

A PostgreSQL store signs in with the server's own authentication: server (``host:port``), database,
login, password. "Remember password" keeps it in the system keyring (``keyring``) and nowhere else; with
no keyring backend the box is disabled and says why.

Every try runs off the GUI thread. A refusal (wrong password, locked with the seconds left, disabled,
the server's refusal) is one line in the dialog, the password cleared and focused, the other fields kept;
the back-off is the service's. Enter signs in, Esc cancels: the window then works without the store, as
it does when the store is unreachable. Nothing here touches the open cases (their unsaved edits stay in
the window and its recovery journal whatever happens).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from workbench.services.account_errors import AccountError, PasswordNotSet
from workbench.texts import capital
from workbench.ui.i18n import lang, tr
from workbench.ui.ops import run_in_background
from workbench.ui.persistence import describe
from workbench.ui.store_link import (
    ServerAddress,
    connect_server,
    is_server_url,
    open_door,
    server_address,
    server_url,
)

if TYPE_CHECKING:
    from workbench.ui.store_link import LocalDoor, StoreLink

LAST_LOGIN_KEY = "signin/last_login"
KEYRING_SERVICE = "workbench"

OK, CANCEL = QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel

OPENING = "opening"  # a SQLite store being opened
SIGN_IN = "sign_in"  # login and password
OWNER = "owner"  # a new SQLite file: the first account
FIRST_PASSWORD = "first_password"  # an account without a password yet: the new one twice
SERVER = "server"  # PostgreSQL: server, database, login, password


def store_place(url: str) -> str:
    """Where a store is, as a person reads it: a SQLite store's file path, else the URL (no password)."""
    return url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else url


def refusal_line(error: BaseException) -> str:
    """One translated line for a refused sign-in or account change."""
    if isinstance(error, AccountError):
        return error.describe(lang())
    return describe(error)


class Keychain:
    """The system keyring for remembered server passwords (``keyring``); never a file, never QSettings.

    ``problem`` says why none can be used (no backend, as on a headless machine), else ``None``.
    Reading and writing may wait on the keyring's daemon: they are called off the GUI thread.
    """

    def __init__(self) -> None:
        self.problem = _keyring_problem()

    @property
    def available(self) -> bool:
        return self.problem is None

    def get(self, account: str) -> str | None:
        if not self.available:
            return None
        import keyring
        from keyring.errors import KeyringError

        try:
            return keyring.get_password(KEYRING_SERVICE, account)
        except KeyringError:  # locked or gone meanwhile: the person types it
            return None

    def keep(self, account: str, password: str | None) -> str | None:
        """Remember ``password`` for ``account`` (``None``: forget it); a line if the keyring refused."""
        if not self.available:
            return None
        import keyring
        from keyring.errors import KeyringError, PasswordDeleteError

        try:
            if password:
                keyring.set_password(KEYRING_SERVICE, account, password)
            else:
                keyring.delete_password(KEYRING_SERVICE, account)
        except PasswordDeleteError:
            return None  # nothing was remembered
        except KeyringError as error:
            return tr("系统密钥环未能保存密码：%1").replace("%1", str(error))
        return None


def _keyring_problem() -> str | None:
    import keyring
    from keyring.backends import fail, null

    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring | null.Keyring) or backend.priority <= 0:
        return tr(
            "此电脑没有可用的系统密钥环（如 GNOME 密钥环、KWallet、macOS 钥匙串、Windows 凭据管理器），"
            "无法记住密码"
        )
    return None


def keyring_account(address: ServerAddress, login: str) -> str:
    """The keyring's name for a password: whose, on which server and database."""
    return f"{login}@{address.server}/{address.database}"


class SignInDialog(QDialog):
    """Signs a person in to the store at ``url``; ``signed_in(StoreLink)`` when in.

    ``gave_up(error)`` when the dialog closes without a store: ``None`` if the person cancelled, the
    exception if the store could not be opened at all.
    """

    signed_in = Signal(object)
    gave_up = Signal(object)

    def __init__(
        self,
        url: str,
        settings: QSettings,
        parent: QWidget | None = None,
        keychain: Keychain | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setWindowTitle(tr("登录"))
        self.setModal(True)
        self.url = url
        self.settings = settings
        self.keychain = keychain or Keychain()
        self.door: LocalDoor | None = None
        self.mode = OPENING
        self.busy = False
        self.closed = False  # cancelled: whatever a running try brings back is closed
        self.keyring_note: str | None = None
        self.address: ServerAddress | None = None  # a PostgreSQL store's, as the URL gave it

        self.intro = QLabel()
        self.intro.setObjectName("signInIntro")
        self.intro.setWordWrap(True)
        self.server_edit = QLineEdit()
        self.server_edit.setObjectName("signInServer")
        self.server_edit.setPlaceholderText("127.0.0.1:5432")
        self.database_edit = QLineEdit()
        self.database_edit.setObjectName("signInDatabase")
        self.login_edit = QLineEdit()
        self.login_edit.setObjectName("signInLogin")
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("signInName")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("signInPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setObjectName("signInRepeat")
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_box = QCheckBox(tr("在系统密钥环中记住密码"))
        self.remember_box.setObjectName("signInRemember")
        if not self.keychain.available:
            self.remember_box.setEnabled(False)
            self.remember_box.setToolTip(self.keychain.problem or "")
        self.error_label = QLabel()
        self.error_label.setObjectName("signInError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b3261e;")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(tr("服务器"), self.server_edit)
        self.form.addRow(tr("数据库"), self.database_edit)
        self.form.addRow(tr("登录名"), self.login_edit)
        self.form.addRow(tr("姓名"), self.name_edit)
        self.form.addRow(tr("密码"), self.password_edit)
        self.form.addRow(tr("再次输入"), self.repeat_edit)
        self.form.addRow("", self.remember_box)

        self.buttons = QDialogButtonBox(OK | CANCEL)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("signInButton")
        self.ok_button.setDefault(True)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

        last_login = str(settings.value(LAST_LOGIN_KEY, "") or "")
        if is_server_url(url):
            address = server_address(url)
            self.address = address
            self.server_edit.setText(address.server)
            self.database_edit.setText(address.database)
            self.login_edit.setText(address.login or last_login)
            self.password_edit.setText(address.password)
            self._set_mode(SERVER)
            if self.keychain.available and self.login_edit.text() and not address.password:
                self._fetch_remembered()
        else:
            self.login_edit.setText(last_login)
            self._set_mode(OPENING)
            run_in_background(lambda: open_door(url), self._door_opened, self._door_failed)

    # ---- modes ---------------------------------------------------------------------------------------

    def _set_mode(self, mode: str) -> None:
        self.mode = mode
        server = mode == SERVER
        twice = mode in (OWNER, FIRST_PASSWORD)
        rows: dict[QWidget, bool] = {
            self.server_edit: server,
            self.database_edit: server,
            self.login_edit: mode != OPENING,
            self.name_edit: mode == OWNER,
            self.password_edit: mode != OPENING,
            self.repeat_edit: twice,
            self.remember_box: server,
        }
        for widget, shown in rows.items():
            self.form.setRowVisible(widget, shown)
        self.login_edit.setReadOnly(mode == FIRST_PASSWORD)
        password_label = self.form.labelForField(self.password_edit)
        if isinstance(password_label, QLabel):
            password_label.setText(tr("新密码") if mode == FIRST_PASSWORD else tr("密码"))
        location = self.door.location if self.door is not None else self.url
        intros = {
            OPENING: tr("正在打开案件库 %1 …"),
            SIGN_IN: tr("登录案件库 %1"),
            OWNER: tr(
                "这是一个新的案件库（%1）。请创建第一个账户：您将是本机的客户经理，并管理本案件库的用户。"
            ),
            FIRST_PASSWORD: tr("账户尚未设置密码：请设置新密码并输入两次（%1）。"),
            SERVER: tr("使用 PostgreSQL 服务器的账户登录团队案件库。"),
        }
        self.intro.setText(intros[mode].replace("%1", store_place(location)))
        buttons = {OWNER: tr("创建账户并登录"), FIRST_PASSWORD: tr("设置密码并登录")}
        self.ok_button.setText(buttons.get(mode, tr("登录")))
        self._enable_ok()
        self._focus_first_empty()

    def _focus_first_empty(self) -> None:
        order = (self.server_edit, self.database_edit, self.login_edit, self.name_edit, self.password_edit)
        for edit in order:
            if self.form.isRowVisible(edit) and not edit.isReadOnly() and not edit.text():
                edit.setFocus()
                return
        if self.form.isRowVisible(self.password_edit):
            self.password_edit.setFocus()

    # ---- opening the SQLite store --------------------------------------------------------------------

    def _door_opened(self, door: LocalDoor) -> None:
        if self.closed:
            door.close()
            return
        self.door = door
        self._set_mode(SIGN_IN if door.has_accounts else OWNER)
        if self.mode == OWNER and not self.login_edit.text():
            from workbench.services.users import os_login

            self.login_edit.setText(os_login())
            self._focus_first_empty()

    def _door_failed(self, error: BaseException) -> None:
        if self.closed:
            return
        self.closed = True
        self.gave_up.emit(error)
        super().reject()

    # ---- the remembered server password --------------------------------------------------------------

    def _fetch_remembered(self) -> None:
        assert self.address is not None
        account = keyring_account(self._typed_address(), self.login_edit.text().strip())
        keychain = self.keychain

        def fill(password: str | None) -> None:
            if password and not self.closed and not self.password_edit.text():
                self.password_edit.setText(password)
                self.remember_box.setChecked(True)

        run_in_background(lambda: keychain.get(account), fill, lambda _error: None)

    def _typed_address(self) -> ServerAddress:
        assert self.address is not None
        return ServerAddress(
            self.address.scheme,
            self.server_edit.text().strip(),
            self.database_edit.text().strip(),
            query=self.address.query,
        )

    # ---- signing in ----------------------------------------------------------------------------------

    def accept(self) -> None:
        """Enter or the button: try to sign in; the dialog closes only once the person is in."""
        if self.busy or self.mode == OPENING:
            return
        login = self.login_edit.text().strip()
        password = self.password_edit.text()
        if not login:
            self._refuse(tr("请输入登录名"), self.login_edit)
            return
        if self.mode in (OWNER, FIRST_PASSWORD) and password != self.repeat_edit.text():
            self._refuse(tr("两次输入的密码不一致"))
            return
        job = self._job(login, password)
        self._set_busy(True)
        self.error_label.setText(tr("正在登录…"))
        run_in_background(job, self._signed_in, self._refused)

    def _job(self, login: str, password: str) -> Any:
        if self.mode == SERVER:
            address = self._typed_address()
            url = server_url(address, login, password)
            remember = self.remember_box.isChecked() and self.keychain.available
            keychain, account = self.keychain, keyring_account(address, login)

            def server_job() -> tuple[StoreLink, str | None]:
                link = connect_server(url, login, password)
                note = keychain.keep(account, password if remember else None)
                return link, note

            return server_job
        door = self.door
        assert door is not None
        if self.mode == OWNER:
            name = self.name_edit.text().strip() or login
            return lambda: (door.create_owner(login, name, password), None)
        if self.mode == FIRST_PASSWORD:
            return lambda: (door.set_first_password(login, password), None)
        return lambda: (door.sign_in(login, password), None)

    def _signed_in(self, result: tuple[StoreLink, str | None]) -> None:
        link, note = result
        self.busy = False
        if self.closed:  # cancelled while the try ran
            link.close()
            return
        self.door = None  # its services are the link's now
        self.keyring_note = note
        self.settings.setValue(LAST_LOGIN_KEY, link.user.username)
        self.closed = True
        self.signed_in.emit(link)
        super().accept()

    def _refused(self, error: BaseException) -> None:
        if self.closed:  # cancelled (or its window closed) while the try ran: no widget is touched
            self.busy = False
            if self.door is not None:
                self.door.close()
                self.door = None
            return
        self._set_busy(False)
        if isinstance(error, PasswordNotSet):  # not a refusal: the intro says what to do
            self._set_mode(FIRST_PASSWORD)
            self.intro.setText(capital(refusal_line(error), lang()))
            self._refuse("")
            return
        if isinstance(error, AccountError) and error.reason in ("store_has_users", "password_already_set"):
            self._set_mode(SIGN_IN)  # someone else made the owner, or set the password, meanwhile
        self._refuse(refusal_line(error))

    def _refuse(self, line: str, focus: QLineEdit | None = None) -> None:
        """One line; the password (and its repetition) cleared and focused, the rest kept."""
        self.error_label.setText(line)
        if focus is None:
            self.password_edit.clear()
            self.repeat_edit.clear()
            focus = self.password_edit
        focus.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for edit in (self.server_edit, self.database_edit, self.login_edit, self.name_edit):
            edit.setEnabled(not busy)
        self.password_edit.setEnabled(not busy)
        self.repeat_edit.setEnabled(not busy)
        self.remember_box.setEnabled(not busy and self.keychain.available)
        self._enable_ok()

    def _enable_ok(self) -> None:
        self.ok_button.setEnabled(not self.busy and self.mode != OPENING)
        self.ok_button.setDefault(True)  # a disabled button loses it: Enter signs in

    def reject(self) -> None:
        """Esc or Cancel: no store (a try under way is closed when it comes back)."""
        if self.closed:
            return
        self.closed = True
        if not self.busy and self.door is not None:
            self.door.close()
            self.door = None
        self.gave_up.emit(None)
        super().reject()
