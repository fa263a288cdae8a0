"""Local accounts on a SQLite file (one laptop), and what the account service does on PostgreSQL."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import text

from tests.store.helpers import add_user
from workbench.domain.accounts import lock_after
from workbench.domain.records import Role, UserExistsError, UserNotFoundError
from workbench.services.accounts import (
    AccountDisabled,
    AccountError,
    AccountLocked,
    AccountService,
    PasswordNotSet,
    SignInRefused,
)
from workbench.services.permissions import PermissionDenied
from workbench.services.users import UserService
from workbench.store.db import Sessions, make_engine, make_sessions

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from workbench.domain.records import User

OWNER_PW = "owner-secret-1"


class Clock:
    """The time the back-off counts by, moved by the test (no waiting)."""

    def __init__(self) -> None:
        self.now = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def laptop_url(tmp_path: Path, sqlite_template: Path) -> str:
    path = tmp_path / "laptop.sqlite3"
    shutil.copyfile(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def laptop(laptop_url: str) -> Iterator[Sessions]:
    factory = make_sessions(make_engine(laptop_url))
    yield factory
    factory.engine.dispose()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def accounts(laptop: Sessions, clock: Clock) -> AccountService:
    return AccountService(laptop, clock)


@pytest.fixture
def owner(accounts: AccountService) -> User:
    return accounts.create_first_admin("chenmei", "陈美", OWNER_PW)


def refusal(call: object, *args: object) -> AccountError:
    with pytest.raises(AccountError) as refused:
        call(*args)  # type: ignore[operator]
    return refused.value


def test_the_owner_is_an_administering_officer_and_the_stored_hash_is_argon2(
    accounts: AccountService, owner: User, laptop: Sessions
) -> None:
    assert (owner.role, owner.admin, owner.active) == (Role.OFFICER, True, True)
    assert accounts.has_accounts()
    with laptop.begin() as session:
        stored = session.execute(text("SELECT password_hash, password_changed_at FROM app_user")).one()
    assert stored.password_hash.startswith("$argon2id$")
    assert OWNER_PW not in stored.password_hash
    assert stored.password_changed_at is not None
    assert accounts.sign_in("chenmei", OWNER_PW) == owner
    error = refusal(accounts.create_first_admin, "someone", "", "another-secret")
    assert error.describe("en") == (
        "the store has users already: the first administrator is made only in a new store"
    )


def test_a_new_store_has_no_accounts_and_a_short_password_is_one_clear_line(
    accounts: AccountService,
) -> None:
    assert not accounts.has_accounts()
    error = refusal(accounts.create_first_admin, "chenmei", "", "short")
    assert (error.describe(), error.describe("en")) == (
        "密码至少需要 8 个字符",
        "a password needs at least 8 characters",
    )
    assert not accounts.has_accounts()  # nothing half stored
    error = refusal(accounts.create_first_admin, "chen mei", "", OWNER_PW)
    assert error.reason == "bad_login"


def test_a_wrong_password_and_an_unknown_login_get_the_same_answer(
    accounts: AccountService, owner: User
) -> None:
    wrong = refusal(accounts.sign_in, owner.username, "not-her-password")
    unknown = refusal(accounts.sign_in, "nobody", OWNER_PW)
    assert type(wrong) is type(unknown) is SignInRefused
    for lang in ("zh", "en"):
        assert wrong.describe(lang) == unknown.describe(lang)
    assert unknown.describe("en") == "wrong login name or password"
    assert unknown.describe() == "用户名或密码错误"


def test_the_back_off_grows_with_each_wrong_password_and_survives_reopening_the_store(
    accounts: AccountService, owner: User, clock: Clock, laptop_url: str
) -> None:
    for _ in range(3):
        assert isinstance(refusal(accounts.sign_in, owner.username, "guess"), SignInRefused)
    locked = refusal(accounts.sign_in, owner.username, OWNER_PW)  # even the right password waits
    assert isinstance(locked, AccountLocked) and locked.params["seconds"] == 5
    assert locked.describe("en") == "too many wrong passwords: account chenmei is locked; try again in 5 s"
    clock.advance(2)
    assert refusal(accounts.sign_in, owner.username, "guess").params["seconds"] == 3  # not counted
    clock.advance(3)
    assert isinstance(refusal(accounts.sign_in, owner.username, "guess"), SignInRefused)  # the 4th

    reopened = make_sessions(make_engine(laptop_url))  # the app restarted
    try:
        again = AccountService(reopened, clock)
        assert refusal(again.sign_in, owner.username, OWNER_PW).params["seconds"] == 10
        waits = []
        for _ in range(8):
            clock.advance(15 * 60)
            assert isinstance(refusal(again.sign_in, owner.username, "guess"), SignInRefused)
            waits.append(refusal(again.sign_in, owner.username, "guess").params["seconds"])
        assert waits == [20, 40, 80, 160, 320, 640, 900, 900]  # doubling, at most 15 minutes
        clock.advance(15 * 60)
        assert again.sign_in(owner.username, OWNER_PW) == owner  # the count starts again
        assert isinstance(refusal(again.sign_in, owner.username, "guess"), SignInRefused)
        assert again.sign_in(owner.username, OWNER_PW) == owner
    finally:
        reopened.engine.dispose()


def test_lock_after_counts_from_the_third_failure() -> None:
    assert [lock_after(n) for n in range(3)] == [None, None, None]
    assert lock_after(3) == timedelta(seconds=5) and lock_after(4) == timedelta(seconds=10)
    assert lock_after(10_000) == timedelta(minutes=15)


def test_a_disabled_account_is_refused_with_its_own_line(accounts: AccountService, owner: User) -> None:
    clerk = accounts.add_user(owner, "zhou", "周秘书", Role.BACK_OFFICE, "zhou-secret-1")
    assert accounts.sign_in("zhou", "zhou-secret-1") == clerk
    accounts.disable(owner, "zhou")
    disabled = refusal(accounts.sign_in, "zhou", "zhou-secret-1")
    assert isinstance(disabled, AccountDisabled)
    assert disabled.describe("en") == "account zhou is disabled; ask an administrator"
    assert isinstance(refusal(accounts.sign_in, "zhou", "wrong-pw"), SignInRefused)  # no hint without it
    accounts.enable(owner, "zhou")
    assert accounts.sign_in("zhou", "zhou-secret-1").active


def test_the_last_active_administrator_stays(accounts: AccountService, owner: User) -> None:
    assert refusal(accounts.disable, owner, owner.username).reason == "cannot_disable_self"
    last = refusal(accounts.set_admin, owner, owner.username, False)
    assert last.describe("en") == (
        "chenmei is the last active administrator: the account cannot be disabled or lose the right "
        "to manage users"
    )
    chair = accounts.add_user(owner, "chen", "陈主席", Role.COMMITTEE_CHAIR, "chair-secret", admin=True)
    assert chair.admin
    assert not accounts.set_admin(owner, owner.username, False).admin  # another administrator is left
    assert refusal(accounts.set_admin, chair, chair.username, False).reason == "last_administrator"
    # An administrator by role: demoting the last one is refused too.
    accounts.set_role(chair, chair.username, Role.ADMIN)
    accounts.set_admin(chair, chair.username, False)
    assert refusal(accounts.set_role, chair, chair.username, Role.OFFICER).reason == "last_administrator"
    assert [a.user.username for a in accounts.list_accounts(chair) if a.user.admin] == []


def test_only_an_administrator_manages_users(accounts: AccountService, owner: User) -> None:
    clerk = accounts.add_user(owner, "zhou", "周秘书", Role.BACK_OFFICE, "zhou-secret-1")
    with pytest.raises(PermissionDenied):
        accounts.add_user(clerk, "mallory", "", Role.ADMIN, "mallory-secret", admin=True)
    with pytest.raises(PermissionDenied):
        accounts.set_admin(clerk, "zhou", True)
    with pytest.raises(PermissionDenied):
        accounts.reset_password(clerk, owner.username, "taken-over!")
    with pytest.raises(UserExistsError):
        accounts.add_user(owner, "zhou", "", Role.OFFICER, "zhou-secret-2")
    helper = accounts.add_user(owner, "wang", "王", Role.OFFICER, "wang-secret-1", admin=True)
    accounts.disable(owner, "wang")
    with pytest.raises(PermissionDenied):  # the object she holds is stale: the store says disabled
        accounts.add_user(helper, "mallory", "", Role.OFFICER, "mallory-secret")
    assert [a.user.username for a in accounts.list_accounts(owner)] == ["chenmei", "wang", "zhou"]


def test_an_account_from_before_sets_its_first_password(accounts: AccountService, laptop: Sessions) -> None:
    old = add_user(laptop, "liumin")  # as a store of before local accounts has it: no hash
    first = refusal(accounts.sign_in, "liumin", "whatever-it-is")
    assert isinstance(first, PasswordNotSet)
    assert first.describe("en") == "account liumin has no password yet: set a new one first"
    assert refusal(accounts.set_first_password, "liumin", "short").reason == "password_too_short"
    assert accounts.set_first_password("liumin", "liumin-first") == old
    assert refusal(accounts.set_first_password, "liumin", "hijacked-pw").reason == "password_already_set"
    assert accounts.sign_in("liumin", "liumin-first") == old
    assert isinstance(refusal(accounts.set_first_password, "nobody", "whatever-1"), SignInRefused)


def test_change_and_reset_a_password(accounts: AccountService, owner: User, clock: Clock) -> None:
    clerk = accounts.add_user(owner, "zhou", "周秘书", Role.BACK_OFFICE, "zhou-secret-1")
    assert isinstance(refusal(accounts.change_password, clerk, "wrong-old", "zhou-secret-2"), SignInRefused)
    accounts.change_password(clerk, "zhou-secret-1", "zhou-secret-2")
    assert isinstance(refusal(accounts.sign_in, "zhou", "zhou-secret-1"), SignInRefused)
    for _ in range(3):
        refusal(accounts.sign_in, "zhou", "forgotten")
    assert isinstance(refusal(accounts.sign_in, "zhou", "zhou-secret-2"), AccountLocked)
    assert [a.locked_at(clock()) for a in accounts.list_accounts(owner)] == [False, True]
    accounts.reset_password(owner, "zhou", "zhou-secret-3")  # lifts the lock too
    assert accounts.sign_in("zhou", "zhou-secret-3") == clerk


def test_the_window_login_makes_no_user_on_a_store_with_accounts(
    accounts: AccountService, laptop: Sessions
) -> None:
    users = UserService(laptop)
    owner = users.current_user("chenmei")  # a new file: the first login is its owner, no password yet
    assert (owner.role, owner.admin) == (Role.OFFICER, True)
    with pytest.raises(PasswordNotSet):
        accounts.sign_in("chenmei", OWNER_PW)
    accounts.set_first_password("chenmei", OWNER_PW)
    with pytest.raises(UserNotFoundError):
        users.current_user("stranger")


def test_a_postgresql_store_leaves_passwords_to_the_server(sessions: Sessions) -> None:
    accounts = AccountService(sessions)
    if sessions.dialect == "sqlite":
        assert accounts.local
        return
    admin = add_user(sessions, "root", Role.ADMIN)
    for call, args in (
        (accounts.sign_in, ("root", "whatever-1")),
        (accounts.create_first_admin, ("chenmei", "", OWNER_PW)),
        (accounts.set_first_password, ("root", "whatever-1")),
        (accounts.change_password, (admin, "whatever-1", "whatever-2")),
        (accounts.reset_password, (admin, "root", "whatever-2")),
        (accounts.add_user, (admin, "zhou", "", Role.OFFICER, "zhou-secret-1")),
    ):
        error = refusal(call, *args)
        assert error.describe("en") == (
            "this store signs in through the PostgreSQL server, which keeps the passwords"
        )
    officer = accounts.add_user(admin, "zhou", "周", Role.OFFICER, None)
    assert accounts.set_role(admin, "zhou", Role.REVIEWER).role == Role.REVIEWER
    assert not accounts.disable(admin, "zhou").active
    assert [(a.user.username, a.has_password) for a in accounts.list_accounts(admin)] == [
        ("root", False),
        ("zhou", False),
    ]
    assert refusal(accounts.set_role, admin, "root", Role.OFFICER).reason == "last_administrator"
    assert officer.admin is False
