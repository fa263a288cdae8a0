"""The command line signs people in on a SQLite store: every test here has a password to give.

``WORKBENCH_PASSWORD`` is set for each test (a script's way, as ``PGPASSWORD`` for ``psql``): the first
command on a new SQLite file makes its owner with it, and later commands sign in with it. An account
a test makes through the services (no password) gets it with ``with_password``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from sqlalchemy import create_engine, text

from tests.databases import PERSON_LOGINS, PERSON_PASSWORD, person_login
from workbench.services.accounts import AccountService

if TYPE_CHECKING:
    from collections.abc import Iterator

    from workbench.domain.records import User
    from workbench.store.db import Sessions

PASSWORD = PERSON_PASSWORD


@pytest.fixture(autouse=True)
def _password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_PASSWORD", PASSWORD)


def with_password(sessions: Sessions, user: User, password: str = PASSWORD) -> User:
    """``user`` (made by a fixture, without a password) as the command line signs her in: on SQLite
    her account's first password, on PostgreSQL her own login role with that password (the server
    keeps it; ``tests.databases.person_login``)."""
    accounts = AccountService(sessions)
    if accounts.local:
        accounts.set_first_password(user.username, password)
    else:
        person_login(sessions, user, password)
    return user


@pytest.fixture(autouse=True)
def _drop_new_logins(request: pytest.FixtureRequest) -> Iterator[None]:
    """Logins a command made on the test server (``db init``, ``users add``) are the server's, not a
    database's: dropped after the test, so that the next run's stores start without them. Only the
    logins of this run's stores (members of their group roles): the server is shared, and another
    run's or a benchmark's logins made meanwhile are theirs."""
    if "postgresql" not in request.node.name:
        yield
        return
    server = request.getfixturevalue("pg_url")
    prefix = request.getfixturevalue("pg_databases").prefix
    before = set(_login_names(server, prefix))
    yield
    leftover = [
        name for name in _login_names(server, prefix) if name not in before and name not in PERSON_LOGINS
    ]
    if leftover:
        engine = create_engine(server, isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            for name in leftover:
                connection.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
        engine.dispose()


def _login_names(server: str, prefix: str) -> list[str]:
    """The logins that belong to a group role of a store named ``prefix…`` (migration 0010's roles)."""
    query = text(
        "SELECT r.rolname FROM pg_roles r WHERE r.rolcanlogin AND EXISTS (SELECT 1 FROM pg_auth_members m "
        "JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid AND starts_with(g.rolname, :prefix))"
    )
    engine = create_engine(server)
    try:
        with engine.connect() as connection:
            return list(connection.execute(query, {"prefix": prefix}).scalars())
    finally:
        engine.dispose()
