"""Migrations take turns; opening a team store checks its schema and never migrates it.

The races are real: three processes (``tests/store/migration_child.py``) start their step at the same
moment on one blank or older store, and every one must end well — exit 0, nothing on stderr, the
store at the newest revision exactly once.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from tests.databases import PERSON_LOGINS, PERSON_PASSWORD
from tests.store.helpers import add_user, demo
from workbench.domain.records import StoreBusyError, StoreOutdatedError, StoreTooNewError
from workbench.services.messages import describe_error
from workbench.services.store import init_store, open_store, upgrade_store
from workbench.store import migrate
from workbench.store.db import SQLITE_BEGIN, make_engine, make_sessions
from workbench.store.repository import SqlCaseRepository

if TYPE_CHECKING:
    from collections.abc import Iterator

    from tests.databases import PgDatabases

ROOT = Path(__file__).resolve().parents[2]
RACERS = 3
OLDER = "0005"  # a revision before the newest: a store the program has outgrown


def race(tmp_path: Path, *steps: list[str]) -> list[tuple[int, str, str]]:
    """Run each step in its own process, all released at once; their exit codes, stdout, stderr."""
    go = tmp_path / "go"
    env = {**os.environ, "WORKBENCH_USER": "tester", "WORKBENCH_PASSWORD": PERSON_PASSWORD}
    env.pop("WORKBENCH_DB_URL", None)
    children = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.store.migration_child", str(go), *step],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for step in steps
    ]
    for child in children:  # every racer has imported everything before any starts
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "READY"
    go.touch()
    results = []
    for child in children:
        out, err = child.communicate(timeout=600)
        results.append((child.returncode, out, err))
    return results


def version_rows(url: str) -> list[str]:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return list(connection.execute(text("SELECT version_num FROM alembic_version")).scalars())
    finally:
        engine.dispose()


def schema(url: str) -> dict[str, list[str]]:
    """Every table's columns: to see that a refused open changed nothing."""
    engine = make_engine(url)
    try:
        found = inspect(engine)
        return {name: sorted(c["name"] for c in found.get_columns(name)) for name in found.get_table_names()}
    finally:
        engine.dispose()


@pytest.fixture
def older_url(blank_url: str) -> Iterator[str]:
    """A store at ``OLDER`` holding one case (made at the newest schema, then taken back)."""
    migrate.init(blank_url)
    sessions = make_sessions(make_engine(blank_url))
    try:
        officer = add_user(sessions, "liumin")
        with sessions.begin() as session:
            SqlCaseRepository(session).add(demo("a"), officer.id)
    finally:
        sessions.engine.dispose()
    assert migrate.downgrade(blank_url, OLDER) == OLDER
    yield blank_url


def test_concurrent_db_inits_on_a_blank_store_take_turns(blank_url: str, tmp_path: Path) -> None:
    if blank_url.startswith("postgresql"):
        PERSON_LOGINS.add(
            "tester"
        )  # db init makes the administrator's login: the server's, dropped at the end
    results = race(tmp_path, *[["cli", "db", "init", "--db", blank_url]] * RACERS)
    for code, out, err in results:
        # Only the one that made the laptop's owner says so (one line on stderr).
        assert code == 0 and "Traceback" not in err and err.count("\n") <= 1, err
        assert f"（版本 {migrate.head()}）" in out and "tester" in out
    assert sum(bool(err) for _code, _out, err in results) == (blank_url.startswith("sqlite"))
    assert version_rows(blank_url) == [migrate.head()]
    migrate.check(blank_url)
    sessions = make_sessions(make_engine(blank_url))
    try:
        with sessions.read() as session:
            assert session.execute(text("SELECT username FROM app_user")).scalars().all() == ["tester"]
    finally:
        sessions.engine.dispose()


def test_concurrent_upgrades_of_an_older_store_take_turns(older_url: str, tmp_path: Path) -> None:
    """Three administrators' ``db upgrade`` at once (on SQLite: laptop starts, see below)."""
    results = race(tmp_path, *[["cli", "db", "upgrade", "--db", older_url]] * RACERS)
    for code, out, err in results:
        assert (code, err) == (0, ""), err
        assert migrate.head() in out
    assert version_rows(older_url) == [migrate.head()]
    migrate.check(older_url)


def test_concurrent_starts_on_an_older_sqlite_file_upgrade_it_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'laptop.sqlite3'}"
    migrate.init(url)
    sessions = make_sessions(make_engine(url))
    try:
        officer = add_user(sessions, "liumin")
        with sessions.begin() as session:
            SqlCaseRepository(session).add(demo("a"), officer.id)
    finally:
        sessions.engine.dispose()
    migrate.downgrade(url, OLDER)

    results = race(tmp_path, *[["open", url]] * RACERS)
    assert [(code, out.strip(), err) for code, out, err in results] == [(0, migrate.head(), "")] * RACERS
    assert version_rows(url) == [migrate.head()]
    migrate.check(url)
    with sqlite3.connect(tmp_path / "laptop.sqlite3") as raw:
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert raw.execute("SELECT id FROM case_file").fetchall() == [(uuid.UUID(demo("a").id).hex,)]


@pytest.fixture
def pg_blank(pg_databases: PgDatabases) -> Iterator[str]:
    """An empty PostgreSQL database (a team's server before the administrator's ``db init``)."""
    name = pg_databases.create(template=None)
    yield pg_databases.url(name)
    pg_databases.drop(name)


@pytest.mark.postgres
def test_opening_an_outdated_team_store_tells_the_administrator_and_changes_nothing(pg_blank: str) -> None:
    migrate.upgrade(pg_blank, OLDER)
    before = schema(pg_blank)
    with pytest.raises(StoreOutdatedError) as caught:
        open_store(pg_blank)
    assert (caught.value.params["current"], caught.value.params["head"]) == (OLDER, migrate.head())
    assert schema(pg_blank) == before and version_rows(pg_blank) == [OLDER]
    assert describe_error(caught.value, "zh").endswith(
        f"的结构版本为 {OLDER}，本程序需要 {migrate.head()}：请管理员升级数据库结构"
    )
    assert upgrade_store(pg_blank).current == migrate.head()  # the administrator's step
    open_store(pg_blank).close()


@pytest.mark.postgres
def test_opening_an_empty_team_store_asks_for_db_init(pg_blank: str) -> None:
    with pytest.raises(StoreOutdatedError) as caught:
        open_store(pg_blank)
    assert caught.value.params["current"] is None
    assert "请管理员初始化数据库" in describe_error(caught.value, "zh")
    assert schema(pg_blank) == {}
    init_store(pg_blank, "tester")  # what the administrator does once
    with open_store(pg_blank) as store:
        assert store.users.find_user("tester").username == "tester"


def test_opening_an_empty_sqlite_file_makes_it(tmp_path: Path) -> None:
    """A laptop's owner is its administrator: the file is created at the newest schema."""
    url = f"sqlite:///{tmp_path / 'new' / 'laptop.sqlite3'}"
    open_store(url).close()
    assert version_rows(url) == [migrate.head()]


def test_a_store_newer_than_the_program_is_refused_on_open_and_on_upgrade(engine_url: str) -> None:
    engine = make_engine(engine_url)
    try:
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    finally:
        engine.dispose()
    for step in (open_store, migrate.upgrade):
        with pytest.raises(StoreTooNewError) as caught:
            step(engine_url)
        assert caught.value.params["current"] == "9999_from_the_future"
        assert describe_error(caught.value, "en").endswith("update the program")
    assert version_rows(engine_url) == ["9999_from_the_future"]


def test_a_migration_waiting_too_long_for_another_is_store_busy(blank_url: str) -> None:
    """Someone else holds the migration lock: the waiter gives up after ``wait_s`` with one line."""
    migrate.init(blank_url)
    holder = make_engine(blank_url)
    try:
        with holder.connect() as connection:
            if connection.dialect.name == "sqlite":
                connection.execution_options(**{SQLITE_BEGIN: "EXCLUSIVE"})
                connection.begin()
            else:
                connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": migrate.LOCK_KEY})
            with pytest.raises(StoreBusyError) as caught:
                migrate.upgrade(blank_url, wait_s=1)
            assert caught.value.params["waited"] == 1
            password_free = describe_error(caught.value, "zh")
            assert "正在由另一个程序升级结构" in password_free and "\n" not in password_free
            connection.rollback()
    finally:
        holder.dispose()
    assert migrate.upgrade(blank_url) == migrate.head()  # the lock is free again


@pytest.mark.postgres
def test_a_failed_migration_leaves_the_old_revision_and_no_lock(pg_blank: str) -> None:
    """A migration that fails (here: a table of the next revision is in the way) changes nothing and
    lets the next one in: the lock went with the failure."""
    migrate.upgrade(pg_blank, OLDER)
    engine = make_engine(pg_blank)
    try:
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE case_submission (id integer)"))
        with pytest.raises(DBAPIError, match="case_submission"):
            migrate.upgrade(pg_blank)
        assert version_rows(pg_blank) == [OLDER]
        with engine.begin() as connection:
            connection.execute(text("DROP TABLE case_submission"))
    finally:
        engine.dispose()
    assert migrate.upgrade(pg_blank, wait_s=5) == migrate.head()
