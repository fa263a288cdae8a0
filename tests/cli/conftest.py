"""The command line signs people in on a SQLite store: every test here has a password to give.

``WORKBENCH_PASSWORD`` is set for each test (a script's way, as ``PGPASSWORD`` for ``psql``): the first
command on a new SQLite file makes its owner with it, and later commands sign in with it. An account
a test makes through the services (no password) gets it with ``with_password``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from workbench.services.accounts import AccountService

if TYPE_CHECKING:
    from workbench.domain.records import User
    from workbench.store.db import Sessions

PASSWORD = "cli-tester-secret"


@pytest.fixture(autouse=True)
def _password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_PASSWORD", PASSWORD)


def with_password(sessions: Sessions, user: User, password: str = PASSWORD) -> User:
    """``user`` (made by a fixture, without a password) as the command line signs her in on SQLite;
    a PostgreSQL store keeps no passwords."""
    accounts = AccountService(sessions)
    if accounts.local:
        accounts.set_first_password(user.username, password)
    return user
