"""Who is working: the OS login, the first administrator, and shared stores refusing strangers."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from workbench.domain.records import Role, UserExistsError, UserNotFoundError
from workbench.services.permissions import PermissionDenied
from workbench.services.users import UserService, os_login

if TYPE_CHECKING:
    from workbench.store.db import Sessions


def test_os_login_can_be_overridden(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_USER", "chenmei")
    assert os_login() == "chenmei"
    monkeypatch.delenv("WORKBENCH_USER")
    assert os_login()


def test_a_fresh_laptop_store_makes_the_os_user_an_officer(sessions: Sessions) -> None:
    users = UserService(sessions)
    if sessions.dialect == "sqlite":
        me = users.current_user("chenmei")
        assert (me.username, me.role) == ("chenmei", Role.OFFICER)
        assert users.current_user("chenmei") == me
        with pytest.raises(UserNotFoundError):
            users.current_user("stranger")  # only the first login is taken on trust
    else:
        with pytest.raises(UserNotFoundError):
            users.current_user("chenmei")  # a shared server knows its users


def test_first_admin_then_user_management(sessions: Sessions) -> None:
    users = UserService(sessions)
    admin = users.ensure_first_admin("root")
    assert admin.role is Role.ADMIN
    assert users.ensure_first_admin("root") == admin
    with pytest.raises(UserNotFoundError):
        users.ensure_first_admin("someone-else")
    officer = users.create_user(admin, "liumin", "刘敏", Role.OFFICER)
    assert users.current_user("liumin") == officer
    with pytest.raises(UserExistsError):
        users.create_user(admin, "liumin", "刘敏", Role.OFFICER)
    with pytest.raises(PermissionDenied):
        users.create_user(officer, "x", "x", Role.ADMIN)
    assert [u.username for u in users.list_users(admin)] == ["liumin", "root"]
