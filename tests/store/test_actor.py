"""The actor contract: who the database says acts in a unit of work (migration 0007, docs/security.md).

A person's own PostgreSQL login acts as herself whatever the transaction claims; the schema owner
acts as the claimed user; any other login is refused. SQLite takes the claim.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from tests.store.helpers import add_user
from workbench.store.actor import current_actor
from workbench.store.db import make_engine, make_sessions

if TYPE_CHECKING:
    from collections.abc import Iterator

    from tests.databases import PgDatabases
    from workbench.domain.records import User
    from workbench.store.db import Sessions


def test_the_claim_of_a_unit_of_work_is_its_actor_for_the_owner(sessions: Sessions, officer: User) -> None:
    with sessions.begin(actor=officer) as session:
        assert current_actor(session) == uuid.UUID(officer.id)
    with sessions.begin() as session:
        assert current_actor(session) is None


def test_the_claim_ends_with_its_unit_of_work(sessions: Sessions, officer: User, other_officer: User) -> None:
    with sessions.begin(actor=officer) as session:
        assert current_actor(session) == uuid.UUID(officer.id)
    with sessions.begin(actor=other_officer) as session:
        assert current_actor(session) == uuid.UUID(other_officer.id)
    with sessions.begin() as session:  # a pooled connection carries nothing over
        assert current_actor(session) is None


@pytest.fixture
def pg_store(pg_databases: PgDatabases) -> Iterator[str]:
    """A fresh PostgreSQL store (logins are PostgreSQL's: no SQLite twin)."""
    name = pg_databases.create(template=pg_databases.template)
    yield pg_databases.url(name)
    pg_databases.drop(name)


@pytest.fixture
def pg_sessions(pg_store: str) -> Iterator[Sessions]:
    factory = make_sessions(make_engine(pg_store))
    yield factory
    factory.engine.dispose()


@pytest.fixture
def login(pg_store: str) -> Iterator[str]:
    """A PostgreSQL login role (no rights beyond connecting), dropped afterwards."""
    name = f"wb_actor_{uuid.uuid4().hex[:12]}"
    admin = create_engine(pg_store, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE ROLE {name} LOGIN PASSWORD 'login-secret-1'"))
    try:
        yield name
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP OWNED BY {name}"))
            connection.execute(text(f"DROP ROLE {name}"))
        admin.dispose()


def _as(engine_url: str, login: str) -> Sessions:
    url = make_url(engine_url).set(username=login, password="login-secret-1")
    return make_sessions(make_engine(url.render_as_string(False)))


@pytest.mark.postgres
def test_a_person_acts_as_herself_and_cannot_claim_another(
    pg_store: str, pg_sessions: Sessions, login: str
) -> None:
    me, officer = add_user(pg_sessions, login), add_user(pg_sessions, "liumin")
    own = _as(pg_store, login)
    try:
        with own.begin() as session:
            assert current_actor(session) == uuid.UUID(me.id)
        with own.begin(actor=me) as session:
            assert current_actor(session) == uuid.UUID(me.id)
        claim = own.begin(actor=officer)
        with pytest.raises(DBAPIError, match="may not act as another user"), claim as session:
            current_actor(session)
        with own.begin() as session:  # a variable set by hand is no better than the claim
            session.execute(text(f"SET LOCAL workbench.actor = '{officer.id}'"))
            with pytest.raises(DBAPIError, match="may not act as another user"):
                current_actor(session)
    finally:
        own.engine.dispose()


@pytest.mark.postgres
def test_a_login_that_is_no_active_user_of_the_store_is_refused(
    pg_store: str, pg_sessions: Sessions, login: str
) -> None:
    officer = add_user(pg_sessions, "liumin")
    stranger = _as(pg_store, login)
    try:
        claim = stranger.begin(actor=officer)
        with pytest.raises(DBAPIError, match="is not an active user"), claim as session:
            current_actor(session)
        me = add_user(pg_sessions, login)
        with pg_sessions.begin() as session:
            session.execute(
                text("UPDATE app_user SET active = false WHERE id = :id").bindparams(id=uuid.UUID(me.id))
            )
        with pytest.raises(DBAPIError, match="is not an active user"), stranger.begin() as session:
            current_actor(session)
    finally:
        stranger.engine.dispose()
