"""A busy database is not an unreachable one: lock timeouts, deadlocks and serialization failures are
``StoreBusyError`` ("数据库繁忙，请稍后重试"), a broken connection ``StoreConnectionLostError``, and only
a database that cannot be reached or opened ``StoreUnavailableError`` ("无法连接数据库")."""

from __future__ import annotations

import sqlite3
import threading
import uuid
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.engine import make_url

from tests.store.helpers import demo
from workbench.domain.records import (
    StoreBusyError,
    StoreConnectionLostError,
    StoreUnavailableError,
)
from workbench.services.cases import CaseService
from workbench.services.messages import describe_error
from workbench.store.db import make_engine, make_sessions, shown_url
from workbench.store.people_rows import AppUserRow

if TYPE_CHECKING:
    from sqlalchemy import Update

    from workbench.domain.records import User
    from workbench.store.db import Sessions

POSTGRES_ONLY = pytest.mark.parametrize(
    "engine_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)


def assert_busy(error: StoreBusyError, url: str, detail: str) -> None:
    assert not isinstance(error, StoreUnavailableError)
    assert error.params["url"] == shown_url(url)
    assert detail in str(error.params["detail"])
    zh, en = describe_error(error, "zh"), describe_error(error, "en")
    assert zh.startswith("数据库繁忙，请稍后重试（") and "无法连接" not in zh
    assert en.startswith("the database is busy, try again (") and "cannot open" not in en
    assert "\n" not in zh + en


@pytest.mark.parametrize("engine_url", ["sqlite"], indirect=True)
def test_sqlite_lock_timeout_is_busy_and_the_retry_works(engine_url: str, officer: User) -> None:
    busy = make_sessions(make_engine(engine_url, busy_timeout_ms=50))
    holder = sqlite3.connect(str(make_url(engine_url).database), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    try:
        with pytest.raises(StoreBusyError) as caught:
            CaseService(busy).create_case(demo("a"), officer)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert_busy(caught.value, engine_url, "database is locked")
    assert (
        describe_error(caught.value, "zh")
        == f"数据库繁忙，请稍后重试（{shown_url(engine_url)}：database is locked）"
    )
    assert CaseService(busy).create_case(demo("a"), officer).version == 1  # nothing was half-written
    busy.engine.dispose()


def _user_key(user: User) -> uuid.UUID:
    return uuid.UUID(user.id)


def _rename(user: User, name: str) -> Update:
    return update(AppUserRow).where(AppUserRow.id == _user_key(user)).values(display_name=name)


@POSTGRES_ONLY
def test_postgresql_serialization_failure_is_busy(engine_url: str, sessions: Sessions, officer: User) -> None:
    with pytest.raises(StoreBusyError) as caught, sessions.begin() as first:
        first.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))
        first.execute(select(AppUserRow.display_name).where(AppUserRow.id == _user_key(officer)))
        with sessions.begin() as second:
            second.execute(_rename(officer, "second"))
        first.execute(_rename(officer, "first"))
    assert_busy(caught.value, engine_url, "could not serialize access")


@POSTGRES_ONLY
def test_postgresql_lock_timeout_is_busy(engine_url: str, sessions: Sessions, officer: User) -> None:
    locked = select(AppUserRow.id).where(AppUserRow.id == _user_key(officer)).with_for_update()
    with sessions.begin() as holder:
        holder.execute(locked)
        with pytest.raises(StoreBusyError) as caught, sessions.begin() as waiter:
            waiter.execute(text("SET LOCAL lock_timeout = '100ms'"))
            waiter.execute(locked)
    assert_busy(caught.value, engine_url, "lock timeout")


@POSTGRES_ONLY
def test_postgresql_deadlock_is_busy(
    engine_url: str, sessions: Sessions, officer: User, other_officer: User
) -> None:
    barrier = threading.Barrier(2)
    outcomes: dict[str, object] = {}

    def writer(name: str, first: User, second: User) -> None:
        try:
            with sessions.begin() as session:
                session.execute(_rename(first, name))
                barrier.wait(timeout=10)
                session.execute(_rename(second, name))
            outcomes[name] = "committed"
        except StoreBusyError as error:
            outcomes[name] = error

    threads = [
        threading.Thread(target=writer, args=("a", officer, other_officer)),
        threading.Thread(target=writer, args=("b", other_officer, officer)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    busy = [o for o in outcomes.values() if isinstance(o, StoreBusyError)]
    assert sorted(map(str, outcomes)) == ["a", "b"] and len(busy) == 1 and "committed" in outcomes.values()
    assert_busy(busy[0], engine_url, "deadlock detected")


@pytest.mark.parametrize(
    "url",
    ["postgresql+psycopg://someone:s3cret@127.0.0.1:1/nothing", "sqlite:////proc/no/such/dir/store.sqlite3"],
)
def test_an_unreachable_database_still_says_it_cannot_connect(url: str) -> None:
    with pytest.raises(StoreUnavailableError) as caught:
        sessions = make_sessions(make_engine(url))
        with sessions.begin() as session:
            session.execute(text("SELECT 1"))
    error = caught.value
    assert not isinstance(error, StoreConnectionLostError | StoreBusyError)
    assert describe_error(error, "zh").startswith("无法连接数据库 ")
    assert "s3cret" not in describe_error(error, "en")
