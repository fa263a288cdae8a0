"""People on a team store: the administrator's work changes their PostgreSQL logins, and the server,
not a variable, then says who signs in.

The first administrator is made by ``db init`` (as the schema owner) with her own login; she adds an
officer, who signs in with her password; disabled, the officer's login is refused by the server; a
new password replaces the old; an officer cannot make logins, through the services or with raw SQL.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from workbench.domain.records import Role, StoreSignInError
from workbench.services.permissions import PermissionDenied
from workbench.services.store import init_store, open_store

if TYPE_CHECKING:
    from collections.abc import Iterator

    from tests.databases import PgDatabases

pytestmark = pytest.mark.postgres
ADMIN_PW, OFFICER_PW = "admin-secret-1", "officer-secret-1"


@pytest.fixture
def team_store(pg_databases: PgDatabases) -> Iterator[tuple[str, str]]:
    """A new team store (``db init`` as the owner) and its first administrator's login; every login
    made here is dropped afterwards."""
    name = pg_databases.create(template=None)
    url = pg_databases.url(name)
    admin = f"wb_adm_{uuid.uuid4().hex[:8]}"
    made: list[str] = [admin]
    try:
        init_store(url, admin, password=ADMIN_PW)
        yield url, admin
    finally:
        pg_databases.drop(name)
        engine = create_engine(pg_databases.url("postgres"), isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            names = connection.execute(
                text("SELECT rolname FROM pg_roles WHERE rolname LIKE 'wb_adm_%' OR rolname LIKE 'wb_off_%'")
            ).scalars()
            for role in {*made, *names}:
                connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        engine.dispose()


def test_the_administrator_adds_an_officer_who_then_signs_in_as_herself(team_store: tuple[str, str]) -> None:
    url, admin_login = team_store
    officer = f"wb_off_{uuid.uuid4().hex[:8]}"
    with open_store(url, login=admin_login, password=ADMIN_PW) as store:
        admin = store.users.server_user()
        assert admin.admin
        store.accounts.add_user(admin, officer, "刘敏", Role.OFFICER, OFFICER_PW)
    with open_store(url, login=officer, password=OFFICER_PW) as store:
        me = store.users.server_user()
        assert (me.username, me.role, me.admin) == (officer, Role.OFFICER, False)
        query = text(
            "SELECT array_agg(b.rolname ORDER BY b.rolname) FROM pg_auth_members m JOIN pg_roles b "
            "ON b.oid = m.roleid JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = :n"
        )
        with store.sessions.engine.connect() as connection:
            groups = connection.execute(query, {"n": officer}).scalar_one()
        assert [g.rsplit("_", 1)[-1] for g in groups] == ["officer"]
        with pytest.raises(PermissionDenied):  # the services refuse an officer's user management …
            store.accounts.add_user(me, f"wb_off_{uuid.uuid4().hex[:8]}", "x", Role.OFFICER, "password-9")
        with (
            store.sessions.engine.connect() as connection,
            pytest.raises(DBAPIError, match="permission denied"),
        ):
            connection.execute(text("CREATE ROLE wb_off_sneaky LOGIN"))  # … and so does the server


def test_a_disabled_person_is_refused_by_the_server_and_enabled_again(team_store: tuple[str, str]) -> None:
    url, admin_login = team_store
    officer = f"wb_off_{uuid.uuid4().hex[:8]}"
    with open_store(url, login=admin_login, password=ADMIN_PW) as store:
        admin = store.users.server_user()
        store.accounts.add_user(admin, officer, "刘敏", Role.OFFICER, OFFICER_PW)
        store.accounts.disable(admin, officer)
    with pytest.raises(StoreSignInError) as caught:
        open_store(url, login=officer, password=OFFICER_PW)
    assert caught.value.reason == "signin_not_permitted"
    with open_store(url, login=admin_login, password=ADMIN_PW) as store:
        store.accounts.enable(store.users.server_user(), officer)
    with open_store(url, login=officer, password=OFFICER_PW) as store:
        assert store.users.server_user().username == officer


def test_a_role_change_moves_the_login_to_the_other_group(team_store: tuple[str, str]) -> None:
    url, admin_login = team_store
    officer = f"wb_off_{uuid.uuid4().hex[:8]}"
    with open_store(url, login=admin_login, password=ADMIN_PW) as store:
        admin = store.users.server_user()
        store.accounts.add_user(admin, officer, "刘敏", Role.OFFICER, OFFICER_PW)
        store.accounts.set_role(admin, officer, Role.REVIEWER)
    with open_store(url, login=officer, password=OFFICER_PW) as store:
        assert store.users.server_user().role is Role.REVIEWER
        with store.sessions.engine.connect() as connection:
            member = connection.execute(
                text("SELECT pg_has_role(session_user, workbench_role('officer'), 'MEMBER')")
            ).scalar_one()
        assert member is False
