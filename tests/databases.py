"""Real databases for the store, service and CLI tests (a pytest plugin, see tests/conftest.py).

* ``engine_url``: a fresh store at the newest schema, once per engine — a copy of a migrated
  SQLite file, and a PostgreSQL database cloned from a migrated template (``CREATE DATABASE … TEMPLATE``);
* ``blank_url``: an empty database of each engine (no schema), for migration and ``db init`` tests;
* ``sessions`` (the unit-of-work factory over ``engine_url``) and two officers, ``officer`` and
  ``other_officer``.

They live here rather than in tests/store/conftest.py so that tests/services and tests/cli share them.

Each test session makes its own PostgreSQL databases, named ``wb_test_<random>_…``, and drops them all
(``WITH (FORCE)``) at the end, then every role whose name starts so (the store's group roles,
the login roles of tests/store/test_database_rules.py). The PostgreSQL cases skip when no server can
be had, except with ``CI=true``, where that is an error.
"""

from __future__ import annotations

import os
import shutil
import uuid
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from workbench.domain.records import User
    from workbench.store.db import Sessions

# SQLAlchemy and the store are imported inside the fixtures: collecting the other tests stays light.

ENGINES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def pytest_configure(config: pytest.Config) -> None:
    """``slow`` (the store's reliability tests) only labels them: CI must not deselect them."""
    if os.environ.get("CI") == "true" and "slow" in (config.getoption("markexpr", "") or ""):
        raise pytest.UsageError("CI=true: the slow reliability tests must run; drop the 'slow' from -m")


class PgDatabases:
    """Creates and drops the session's databases through an AUTOCOMMIT connection to ``postgres``."""

    def __init__(self, server_url: str) -> None:
        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url

        from workbench.store import migrate

        self.base = make_url(server_url)
        self.admin = create_engine(self.base.set(database="postgres"), isolation_level="AUTOCOMMIT")
        self.prefix = f"wb_test_{uuid.uuid4().hex[:10]}"
        self.count = 0
        self.template = self.create(template=None)
        migrate.upgrade(self.url(self.template))

    def url(self, name: str) -> str:
        return self.base.set(database=name).render_as_string(hide_password=False)

    def create(self, template: str | None) -> str:
        from sqlalchemy import text

        self.count += 1
        name = f"{self.prefix}_{self.count}"
        clause = f" TEMPLATE {template}" if template else ""
        with self.admin.connect() as connection:
            connection.execute(text(f"CREATE DATABASE {name}{clause}"))
        return name

    def drop(self, name: str) -> None:
        from sqlalchemy import text

        with self.admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))

    def drop_all(self) -> None:
        from sqlalchemy import text

        with self.admin.connect() as connection:
            names = connection.execute(
                text("SELECT datname FROM pg_database WHERE datname LIKE :pattern"),
                {"pattern": f"{self.prefix}%"},
            ).scalars()
            for name in list(names):
                connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            # The group roles of migration 0010 are named after the template database, and the login
            # roles the tests create after the run: all start with the prefix (roles outlive databases).
            roles = connection.execute(
                text("SELECT rolname FROM pg_roles WHERE starts_with(rolname, :prefix)"),
                {"prefix": self.prefix},
            ).scalars()
            for role in [*roles, *sorted(PERSON_LOGINS)]:
                connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        PERSON_LOGINS.clear()
        self.admin.dispose()


PERSON_PASSWORD = "cli-tester-secret"
"""The password the command line's tests give (``WORKBENCH_PASSWORD``): a login made by a test that
outlives it (``tester`` of ``db init``) is signed in with this one by the next."""

PERSON_LOGINS: set[str] = set()
"""Login roles ``person_login`` made under the fixtures' user names (liumin …), dropped at the end."""


def person_login(sessions: Sessions, user: User, password: str) -> None:
    """(PostgreSQL) ``user``'s own login with ``password``, member of her role's group (and of the
    administrators' when she is one): the command line and the window then sign in as her, and the
    server's rules apply. Logins are the server's, not a database's: one is made once per name and
    given this store's groups and the password again when another test's store needs it."""
    from sqlalchemy import text

    from workbench.store import pg_roles

    with sessions.begin() as session:
        connection = session.connection()
        exists = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": user.username})
        if exists.first() is None:
            pg_roles.create_login(connection, user.username, password, user.role, admin=user.admin)
        else:
            pg_roles.set_password(connection, user.username, password)
            pg_roles.set_role(connection, user.username, user.role, admin=user.admin)
            pg_roles.enable(connection, user.username)
    PERSON_LOGINS.add(user.username)


@pytest.fixture(scope="session")
def pg_databases(request: pytest.FixtureRequest) -> Iterator[PgDatabases]:
    try:
        server_url: str = request.getfixturevalue("pg_url")
    except pytest.skip.Exception:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but no PostgreSQL server: the store tests must run on PostgreSQL")
        raise
    databases = PgDatabases(server_url)
    try:
        yield databases
    finally:
        databases.drop_all()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from workbench.store import migrate

    path = tmp_path_factory.mktemp("sqlite-template") / "template.sqlite3"
    migrate.upgrade(f"sqlite:///{path}")  # the engine is disposed: the WAL is checkpointed into the file
    return path


@pytest.fixture(params=ENGINES)
def engine_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh store at the newest schema: ``sqlite:///…`` or ``postgresql+psycopg://…``."""
    if request.param == "sqlite":
        path = tmp_path / "store.sqlite3"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    databases: PgDatabases = request.getfixturevalue("pg_databases")
    name = databases.create(template=databases.template)
    yield databases.url(name)
    databases.drop(name)


@pytest.fixture(params=ENGINES)
def blank_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database, no schema yet."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'blank' / 'store.sqlite3'}"
        return
    databases: PgDatabases = request.getfixturevalue("pg_databases")
    name = databases.create(template=None)
    yield databases.url(name)
    databases.drop(name)


@pytest.fixture
def outdated_team_store(pg_databases: PgDatabases) -> Iterator[str]:
    """A PostgreSQL store at an older revision (0005), its URL with a password (the superuser's: the
    test server trusts it), for the refusal an outdated team store gets on opening."""
    from sqlalchemy.engine import make_url

    from workbench.store import migrate

    name = pg_databases.create(template=None)
    url = make_url(pg_databases.url(name)).set(password="s3cret-pw").render_as_string(hide_password=False)
    migrate.upgrade(url, "0005")
    yield url
    pg_databases.drop(name)


@pytest.fixture
def sessions(engine_url: str) -> Iterator[Sessions]:
    """The unit-of-work factory over ``engine_url`` (disposed afterwards)."""
    from workbench.store.db import make_engine, make_sessions

    factory = make_sessions(make_engine(engine_url))
    yield factory
    factory.engine.dispose()


@pytest.fixture
def officer(sessions: Sessions) -> User:
    """An officer of the fresh store (``liumin``)."""
    from tests.store.helpers import add_user

    return add_user(sessions, "liumin")


@pytest.fixture
def other_officer(sessions: Sessions) -> User:
    """Another officer (``zhaoqiang``)."""
    from tests.store.helpers import add_user

    return add_user(sessions, "zhaoqiang")
