"""``workbench users …`` and signing in on the command line, end to end on real stores."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import pytest

from tests.cli.conftest import PASSWORD
from tests.databases import PERSON_LOGINS
from tests.store.helpers import add_user, demo_path
from workbench.cli.main import main

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path


def run(capsys: pytest.CaptureFixture[str], *argv: str, stdin: str | None = None) -> tuple[int, str, str]:
    saved = sys.stdin
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        code = main(list(argv))
    finally:
        sys.stdin = saved
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A new laptop file; chenmei is who runs the commands."""
    monkeypatch.setenv("WORKBENCH_USER", "chenmei")
    monkeypatch.delenv("WORKBENCH_DB_URL", raising=False)
    return f"sqlite:///{tmp_path / 'laptop.sqlite3'}"


@pytest.fixture
def as_user(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """``as_user(login, password)``: the next commands run as that person."""

    def switch(login: str, password: str) -> None:
        monkeypatch.setenv("WORKBENCH_USER", login)
        monkeypatch.setenv("WORKBENCH_PASSWORD", password)

    yield switch


class Terminal:
    """A person at a terminal: ``getpass`` answers from ``answers``, and the prompts are kept."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *answers: str) -> None:
        self.answers = list(answers)
        self.prompts: list[str] = []
        monkeypatch.setattr("workbench.cli.signin.interactive", lambda: True)
        monkeypatch.setattr("workbench.cli.signin.getpass.getpass", self.getpass)

    def getpass(self, prompt: str = "") -> str:
        self.prompts.append(prompt)
        return self.answers.pop(0)


def test_the_first_command_makes_the_owner_and_an_administrator_adds_the_committee(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "users", "list", "--db", url)
    assert code == 0
    assert err == f"新数据库 {url}：已建立账户 chenmei（客户经理，管理员）\n"
    assert out.splitlines()[2].split() == ["chenmei", "chenmei", "客户经理", "是", "是", "否"]
    add = ["users", "add", "--password-stdin", "--db", url]
    code, out, err = run(
        capsys, *add, "zhou", "--name", "周秘书", "--role", "back_office", stdin="zhou-secret-1\n"
    )
    assert (code, out, err) == (0, "已添加用户 zhou（后台）\n", "")
    code, _, err = run(
        capsys, *add, "chen", "--name", "陈主席", "--role", "committee_chair", "--admin", stdin="chairs-pw\n"
    )
    assert (code, err) == (0, "")
    code, out, _ = run(capsys, "users", "list", "--db", url)
    assert [line.split() for line in out.splitlines()] == [
        ["用户名", "姓名", "角色", "管理员", "启用", "锁定"],
        ["-------", "-------", "----------", "------", "----", "----"],
        ["chen", "陈主席", "贷审会主席", "是", "是", "否"],
        ["chenmei", "chenmei", "客户经理", "是", "是", "否"],
        ["zhou", "周秘书", "后台", "否", "是", "否"],
    ]
    code, out, _ = run(capsys, "--lang", "en", "users", "list", "--db", url)
    assert [line.split() for line in out.splitlines()[:1] + out.splitlines()[2:]] == [
        ["Login", "Name", "Role", "Admin", "Active", "Locked"],
        ["chen", "陈主席", "committee", "chair", "yes", "yes", "no"],
        ["chenmei", "chenmei", "loan", "officer", "yes", "yes", "no"],
        ["zhou", "周秘书", "back", "office", "no", "yes", "no"],
    ]
    code, out, _ = run(capsys, "users", "list", "--json", "--db", url)
    assert '"password_set": true' in out and PASSWORD not in out and "argon2" not in out


def test_signing_in_refuses_a_wrong_password_an_unknown_login_and_a_disabled_account(
    url: str, capsys: pytest.CaptureFixture[str], as_user: Callable[[str, str], None]
) -> None:
    assert (
        run(
            capsys,
            "users",
            "add",
            "zhou",
            "--role",
            "officer",
            "--password-stdin",
            "--db",
            url,
            stdin="zhou-pw-1\n",
        )[0]
        == 0
    )
    for login, password in (("chenmei", "not-hers"), ("nobody", PASSWORD)):
        as_user(login, password)
        code, out, err = run(capsys, "cases", "--db", url)
        assert (code, out, err) == (2, "", "workbench: 错误: 用户名或密码错误\n")
    as_user("zhou", "zhou-pw-1")
    assert run(capsys, "cases", "--db", url)[:2] == (0, "没有案卷\n")
    code, _, err = run(
        capsys,
        "--lang",
        "en",
        "users",
        "add",
        "x",
        "--role",
        "admin",
        "--password-stdin",
        "--db",
        url,
        stdin="x-secret-1\n",
    )
    assert (code, err) == (2, "workbench: error: user zhou (loan officer) may not manage users\n")
    as_user("chenmei", PASSWORD)
    assert run(capsys, "users", "disable", "zhou", "--db", url)[1] == "已停用用户 zhou\n"
    as_user("zhou", "zhou-pw-1")
    code, _, err = run(capsys, "--lang", "en", "import", str(demo_path("a")), "--db", url)
    assert (code, err) == (2, "workbench: error: account zhou is disabled; ask an administrator\n")
    as_user("chenmei", PASSWORD)
    assert run(capsys, "users", "enable", "zhou", "--db", url)[1] == "已启用用户 zhou\n"
    code, _, err = run(capsys, "users", "disable", "chenmei", "--db", url)
    assert (code, err) == (2, "workbench: 错误: 不能停用自己的账户\n")
    code, _, err = run(capsys, "--lang", "en", "users", "set-admin", "chenmei", "off", "--db", url)
    assert err == (
        "workbench: error: chenmei is the last active administrator: the account cannot be disabled "
        "or lose the right to manage users\n"
    )
    assert (
        run(capsys, "users", "set-role", "zhou", "reviewer", "--db", url)[1]
        == "用户 zhou 的角色改为 审查员\n"
    )
    assert run(capsys, "users", "set-admin", "zhou", "on", "--db", url)[1] == "用户 zhou 已是管理员\n"
    assert (
        run(capsys, "users", "set-admin", "chenmei", "off", "--db", url)[1] == "用户 chenmei 不再是管理员\n"
    )


def test_the_lock_shows_in_the_list_and_a_locked_account_is_told_how_long(
    url: str, capsys: pytest.CaptureFixture[str], as_user: Callable[[str, str], None]
) -> None:
    from workbench.services.accounts import AccountError, AccountService
    from workbench.store.db import make_engine, make_sessions

    assert (
        run(
            capsys,
            "users",
            "add",
            "zhou",
            "--role",
            "officer",
            "--password-stdin",
            "--db",
            url,
            stdin="zhou-pw-1\n",
        )[0]
        == 0
    )
    # Guesses spread over hours (each after the last lock ran out): the lock is now 15 minutes.
    moments = iter(datetime.now(UTC) + timedelta(minutes=16 * n) for n in range(12))
    sessions = make_sessions(make_engine(url))
    try:
        accounts = AccountService(sessions, lambda: next(moments))
        for _ in range(12):
            with pytest.raises(AccountError):
                accounts.sign_in("zhou", "a-guess")
    finally:
        sessions.engine.dispose()
    code, out, _ = run(capsys, "users", "list", "--db", url)
    zhou = out.splitlines()[-1].split()
    assert (
        zhou[:5] == ["zhou", "zhou", "客户经理", "否", "是"]
        and re.fullmatch(r"\d+", zhou[5])
        and zhou[6] == "秒"
    )
    as_user("zhou", "zhou-pw-1")
    code, _, err = run(capsys, "cases", "--db", url)
    assert code == 2 and re.fullmatch(
        r"workbench: 错误: 密码错误次数过多，账户 zhou 已暂时锁定，请 \d+ 秒后再试\n", err
    )
    as_user("chenmei", PASSWORD)
    assert (
        run(capsys, "users", "passwd", "zhou", "--password-stdin", "--db", url, stdin="zhou-pw-2\n")[1]
        == "已重置 zhou 的密码\n"
    )
    as_user("zhou", "zhou-pw-2")
    assert run(capsys, "cases", "--db", url)[0] == 0


def test_passwd_changes_ones_own_password_after_the_old_one(
    url: str, capsys: pytest.CaptureFixture[str], as_user: Callable[[str, str], None]
) -> None:
    assert run(capsys, "cases", "--db", url)[0] == 0  # the owner, with PASSWORD
    code, out, err = run(capsys, "users", "passwd", "--password-stdin", "--db", url, stdin="short\n")
    assert (code, err) == (2, "workbench: 错误: 密码至少需要 8 个字符\n")
    as_user("chenmei", "not-the-old-one")
    code, _, err = run(capsys, "users", "passwd", "--password-stdin", "--db", url, stdin="new-password-1\n")
    assert (code, err) == (2, "workbench: 错误: 用户名或密码错误\n")
    as_user("chenmei", PASSWORD)
    code, out, _ = run(capsys, "users", "passwd", "--password-stdin", "--db", url, stdin="new-password-1\n")
    assert (code, out) == (0, "chenmei 的密码已修改\n")
    assert run(capsys, "cases", "--db", url)[0] == 2
    as_user("chenmei", "new-password-1")
    assert run(capsys, "cases", "--db", url)[0] == 0


def test_without_a_password_or_a_terminal_one_line_says_how(
    url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WORKBENCH_PASSWORD")
    monkeypatch.setattr("workbench.cli.signin.interactive", lambda: False)
    code, out, err = run(capsys, "--lang", "en", "cases", "--db", url)
    assert (code, out) == (2, "")
    assert err == (
        "workbench: error: the password of chenmei is needed: "
        "set WORKBENCH_PASSWORD, or run this in a terminal\n"
    )
    code, _, err = run(capsys, "cases", "--db", url, "--login", "zhou")
    assert err == "workbench: 错误: 需要 zhou 的密码：请设置环境变量 WORKBENCH_PASSWORD，或在终端上运行\n"


def test_on_a_terminal_the_owner_types_her_new_password_twice(
    url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WORKBENCH_PASSWORD")
    typed = Terminal(monkeypatch, "typed-pw-1", "typed-pw-2")
    code, _, err = run(capsys, "cases", "--db", url)
    assert (code, err) == (2, "workbench: 错误: 两次输入的密码不一致\n")
    typed = Terminal(monkeypatch, "typed-pw-1", "typed-pw-1", "typed-pw-1")
    assert run(capsys, "cases", "--db", url)[:2] == (0, "没有案卷\n")  # made, then …
    assert run(capsys, "cases", "--db", url)[0] == 0  # … signed in with it
    assert typed.prompts == ["chenmei 的新密码：", "再次输入新密码：", "chenmei 的密码："]


def test_an_account_from_before_sets_its_first_password_on_a_terminal(
    url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbench.services.store import open_store

    with open_store(url) as store:
        add_user(store.sessions, "chenmei")  # as an older store has it: no password
    code, _, err = run(capsys, "cases", "--db", url)  # a script: it cannot be asked
    assert code == 2
    assert err == (
        "workbench: 错误: 账户 chenmei 尚未设置密码，请先设置新密码"
        "（在终端上运行任一 workbench 命令即可设置，或用 workbench users passwd）\n"
    )
    monkeypatch.delenv("WORKBENCH_PASSWORD")
    typed = Terminal(monkeypatch, "", "first-pw-1", "first-pw-1")
    code, out, err = run(capsys, "cases", "--db", url)
    assert (code, out, err) == (0, "没有案卷\n", "账户 chenmei 尚未设置密码，请先设置新密码\n")
    assert typed.prompts == ["chenmei 的密码：", "chenmei 的新密码：", "再次输入新密码："]
    Terminal(monkeypatch, "first-pw-1")
    assert run(capsys, "cases", "--db", url)[0] == 0


def test_a_script_adds_a_user_through_stdin_in_a_real_process(url: str, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "WORKBENCH_USER": "chenmei",
        "WORKBENCH_PASSWORD": "owner-secret",
        "WORKBENCH_LANG": "en",
    }
    env.pop("WORKBENCH_DB_URL", None)

    def workbench(*argv: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "workbench", *argv, "--db", url]
        return subprocess.run(
            command, input=stdin, capture_output=True, text=True, env=env, cwd=tmp_path, check=False
        )

    made = workbench(
        "users", "add", "zhou", "--role", "committee_member", "--password-stdin", stdin="zhou-secret\n"
    )
    assert (made.returncode, made.stdout) == (0, "user zhou added (committee member)\n"), made.stderr
    assert made.stderr == f"new store {url}: account chenmei created (officer, administrator)\n"
    listed = workbench("users", "list")
    assert [line.split()[0] for line in listed.stdout.splitlines()[2:]] == ["chenmei", "zhou"]
    env.update(WORKBENCH_USER="zhou", WORKBENCH_PASSWORD="zhou-secret")
    assert workbench("cases").stdout == "no cases\n"


def test_on_postgresql_the_rows_are_managed_and_passwords_are_the_servers(
    blank_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a team store the first administrator is made by db init with her own login; the people she
    adds get theirs, with the password typed for them, and sign in as the server says."""
    admin = f"wb_root_{uuid.uuid4().hex[:8]}"
    person = f"wb_zhou_{uuid.uuid4().hex[:8]}"
    monkeypatch.setenv("WORKBENCH_USER", admin)
    assert run(capsys, "db", "init", "--db", blank_url)[0] == 0  # the first administrator
    if blank_url.startswith("sqlite"):
        code, out, _ = run(capsys, "users", "list", "--db", blank_url)
        assert out.splitlines()[2].split() == [admin, admin, "客户经理", "是", "是", "否"]
        return
    PERSON_LOGINS.update({admin, person})  # the server's logins: dropped at the run's end
    code, out, err = run(
        capsys,
        "users",
        "add",
        person,
        "--role",
        "officer",
        "--password-stdin",
        "--db",
        blank_url,
        stdin="zhou-secret-1",
    )
    assert (code, out, err) == (0, f"已添加用户 {person}（客户经理）\n", "")
    monkeypatch.setenv("WORKBENCH_USER", person)
    monkeypatch.setenv("WORKBENCH_PASSWORD", "zhou-secret-1")
    code, out, err = run(capsys, "cases", "--db", blank_url)  # she signs in with the password typed for her
    assert (code, out.strip(), err) == (0, "没有案卷", "")
    monkeypatch.setenv("WORKBENCH_PASSWORD", "a-wrong-one")
    code, _out, err = run(capsys, "--lang", "en", "cases", "--db", blank_url)
    assert (code, err.startswith("workbench: error: Wrong login or password")) == (2, True), err
    monkeypatch.setenv("WORKBENCH_USER", admin)
    monkeypatch.setenv("WORKBENCH_PASSWORD", PASSWORD)
    assert run(capsys, "users", "disable", person, "--db", blank_url)[0] == 0
    code, out, _ = run(capsys, "users", "list", "--db", blank_url)
    assert [line.split() for line in out.splitlines()[2:]] == [
        [admin, admin, "管理员", "是", "是", "否"],
        [person, person, "客户经理", "否", "否", "否"],
    ]
    monkeypatch.setenv("WORKBENCH_USER", person)
    monkeypatch.setenv("WORKBENCH_PASSWORD", "zhou-secret-1")
    code, _out, err = run(capsys, "--lang", "en", "cases", "--db", blank_url)
    assert (code, "may not sign in" in err) == (2, True), err  # disabled: the server refuses her login


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("action", ["list", "add", "disable", "enable", "set-role", "set-admin", "passwd"])
def test_every_users_action_has_help(capsys: pytest.CaptureFixture[str], lang: str, action: str) -> None:
    with pytest.raises(SystemExit) as leaving:
        main(["--lang", lang, "users", action, "--help"])
    assert leaving.value.code == 0
    shown = capsys.readouterr().out
    assert "--db" in shown and "--login" in shown
    if lang == "en":
        assert not re.search(r"[\u4e00-\u9fff]", shown.split("options:")[0].split("\n", 1)[1])
