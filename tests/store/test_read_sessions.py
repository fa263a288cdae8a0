"""``Sessions.read()``: reads take no write lock on SQLite and cannot write on PostgreSQL."""

from __future__ import annotations

import dataclasses
import shutil
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from tests.store.helpers import add_user, demo
from workbench.domain.records import StoreBusyError
from workbench.services.cases import CaseService
from workbench.store.db import make_engine, make_sessions
from workbench.store.repository import SqlCaseRepository

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from tests.databases import PgDatabases
    from workbench.store.db import Sessions


@pytest.fixture
def laptop(sqlite_template: Path, tmp_path: Path) -> Iterator[str]:
    path = tmp_path / "laptop.sqlite3"
    shutil.copyfile(sqlite_template, path)
    yield f"sqlite:///{path}"


@pytest.fixture
def team(pg_databases: PgDatabases) -> Iterator[str]:
    name = pg_databases.create(template=pg_databases.template)
    yield pg_databases.url(name)
    pg_databases.drop(name)


def _sessions(url: str, busy_timeout_ms: int = 10_000) -> Sessions:
    return make_sessions(make_engine(url, busy_timeout_ms=busy_timeout_ms))


def test_a_sqlite_list_refresh_runs_while_an_autosave_holds_the_write_lock(laptop: str) -> None:
    saver, lister = _sessions(laptop), _sessions(laptop, busy_timeout_ms=200)
    try:
        officer = add_user(saver, "liumin")
        with saver.begin() as session:
            SqlCaseRepository(session).add(demo("a"), officer.id)
        cases = CaseService(lister)
        with saver.begin() as session:  # an autosave under way: BEGIN IMMEDIATE holds the write lock
            repo = SqlCaseRepository(session)
            repo.save(dataclasses.replace(demo("a"), product="经营贷（改）"), 1, officer.id)
            session.flush()
            with pytest.raises(StoreBusyError), lister.begin() as other:  # a writer queues behind it …
                other.execute(text("SELECT 1"))
            listed = cases.list_cases(officer)  # … a reader does not, and sees the last commit
            assert [(c.id, c.version) for c in listed] == [(demo("a").id, 1)]
            assert cases.open_case(demo("a").id, officer).case.product == demo("a").product
        assert cases.open_case(demo("a").id, officer).version == 2
    finally:
        saver.engine.dispose()
        lister.engine.dispose()


@pytest.mark.postgres
def test_a_postgresql_read_is_read_only_and_leaves_its_connection_writable(team: str) -> None:
    sessions = _sessions(team)
    try:
        officer = add_user(sessions, "liumin")
        with pytest.raises(DBAPIError, match="read-only transaction"), sessions.read() as session:
            SqlCaseRepository(session).add(demo("a"), officer.id)
            session.flush()
        with sessions.read() as session:
            assert session.execute(text("SHOW transaction_read_only")).scalar() == "on"
        with sessions.begin() as session:  # the pooled connection is writable again
            assert session.execute(text("SHOW transaction_read_only")).scalar() == "off"
            SqlCaseRepository(session).add(demo("a"), officer.id)
        assert [c.id for c in CaseService(sessions).list_cases(officer)] == [demo("a").id]
    finally:
        sessions.engine.dispose()
