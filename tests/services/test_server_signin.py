"""Signing in to a team store: who is working is what PostgreSQL authenticated (``session_user``).

The refusals are the server's own: a wrong password or an unknown login (one message), a login that
may not log in, a password the server asks for and nobody gave, a login that is no user of the store.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import create_engine, text

from tests.store.helpers import add_user
from workbench.domain.records import StoreSignInError
from workbench.services.messages import describe_error
from workbench.services.store import StoreServices
from workbench.store.db import make_engine, make_sessions, with_login

if TYPE_CHECKING:
    from collections.abc import Iterator

    from tests.databases import PgDatabases

pytestmark = pytest.mark.postgres
PASSWORD = "correct horse 7"


@pytest.fixture
def pg_store(pg_databases: PgDatabases) -> Iterator[str]:
    name = pg_databases.create(template=pg_databases.template)
    yield pg_databases.url(name)
    pg_databases.drop(name)


@pytest.fixture
def person(pg_store: str) -> Iterator[str]:
    """A login role with a SCRAM password, dropped afterwards."""
    name = f"wb_signin_{uuid.uuid4().hex[:12]}"
    admin = create_engine(pg_store, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text("SET password_encryption = 'scram-sha-256'"))
        connection.execute(text(f"CREATE ROLE {name} LOGIN PASSWORD '{PASSWORD}'"))
        group = connection.execute(text("SELECT quote_ident(workbench_role('officer'))")).scalar_one()
        connection.execute(text(f"GRANT {group} TO {name}"))  # an officer's rights, as people have them
    try:
        yield name
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP OWNED BY {name}"))
            connection.execute(text(f"DROP ROLE {name}"))
        admin.dispose()


def _sign_in(url: str, login: str, password: str | None) -> StoreServices:
    signed = with_login(url, login, password)
    store = StoreServices.over(signed, make_sessions(make_engine(signed)))
    return store


def test_the_server_says_who_is_working(pg_store: str, person: str) -> None:
    owner = make_sessions(make_engine(pg_store))
    me = add_user(owner, person)
    owner.engine.dispose()
    with _sign_in(pg_store, person, PASSWORD) as store:
        assert store.users.server_user() == me


def test_an_authenticated_login_that_is_no_user_of_the_store_is_refused(pg_store: str, person: str) -> None:
    with _sign_in(pg_store, person, PASSWORD) as store, pytest.raises(StoreSignInError) as caught:
        store.users.server_user()
    assert caught.value.reason == "signin_not_a_user"
    assert person in describe_error(caught.value, "zh")
    assert "not an active user" in describe_error(caught.value, "en")


def test_a_disabled_login_is_refused_by_the_server(pg_store: str, person: str) -> None:
    owner = make_sessions(make_engine(pg_store))
    add_user(owner, person)
    with owner.begin() as session:
        session.execute(text(f"ALTER ROLE {person} NOLOGIN"))
    owner.engine.dispose()
    with _sign_in(pg_store, person, PASSWORD) as store, pytest.raises(StoreSignInError) as caught:
        store.users.server_user()
    assert caught.value.reason == "signin_not_permitted"
    assert PASSWORD not in describe_error(caught.value, "en")


def test_with_login_keeps_sqlite_urls_and_sets_the_login_of_server_urls(tmp_path: object) -> None:
    assert with_login("sqlite:///x.sqlite3", "liumin", "pw") == "sqlite:///x.sqlite3"
    url = with_login("postgresql+psycopg://postgres@127.0.0.1:5432/wb", "liumin", "p@ss word")
    assert url.startswith("postgresql+psycopg://liumin:p%40ss+word@127.0.0.1:5432/wb") or "liumin:" in url
    assert with_login("postgresql+psycopg://postgres@127.0.0.1/wb", "liumin").startswith(
        "postgresql+psycopg://liumin@127.0.0.1/wb"
    )


def test_a_wrong_password_and_a_missing_one_are_refused_by_the_server(pg_store: str, person: str) -> None:
    owner = make_sessions(make_engine(pg_store))
    add_user(owner, person)
    owner.engine.dispose()
    for password, reason in (("not-her-password", "signin_refused"), (None, "signin_password_needed")):
        with _sign_in(pg_store, person, password) as store, pytest.raises(StoreSignInError) as caught:
            store.users.server_user()
        assert caught.value.reason == reason
        assert "not-her-password" not in describe_error(caught.value, "en")


def test_naming_the_chair_in_a_variable_does_not_make_an_officer_the_chair(
    pg_store: str, person: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The colleague sets WORKBENCH_USER to the chair's login and gives her own password: the server
    refuses, and without the variable she is herself."""
    from workbench.cli.main import main

    owner = make_sessions(make_engine(pg_store))
    add_user(owner, person)
    chair = f"wb_chair_{uuid.uuid4().hex[:8]}"
    with owner.begin() as session:
        session.execute(text(f"CREATE ROLE {chair} LOGIN PASSWORD 'chairs-own-secret'"))
    owner.engine.dispose()
    try:
        monkeypatch.setenv("WORKBENCH_USER", chair)
        monkeypatch.setenv("WORKBENCH_PASSWORD", PASSWORD)
        assert main(["--lang", "en", "cases", "--db", pg_store]) == 2
        assert capsys.readouterr().err.startswith("workbench: error: Wrong login or password")
        monkeypatch.delenv("WORKBENCH_USER")
        assert main(["cases", "--db", pg_store, "--login", person]) == 0
    finally:
        admin = create_engine(pg_store, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f"DROP ROLE IF EXISTS {chair}"))
        admin.dispose()
