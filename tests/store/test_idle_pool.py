"""An idle app gives its team-store connections back to the server (``store/idle_pool.py``)."""

from __future__ import annotations

import threading
import time
import uuid
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import Engine, create_engine, text

from workbench.store.db import make_engine

if TYPE_CHECKING:
    from collections.abc import Callable

pytestmark = pytest.mark.postgres


def _connections_named(pg_url: str, name: str) -> int:
    admin = create_engine(pg_url)
    try:
        with admin.connect() as conn:
            return int(
                conn.execute(
                    text("SELECT count(*) FROM pg_stat_activity WHERE application_name = :n"), {"n": name}
                ).scalar_one()
            )
    finally:
        admin.dispose()


def _engine(pg_url: str, idle_s: float) -> tuple[str, Engine]:
    name = f"wb_idle_{uuid.uuid4().hex[:8]}"
    sep = "&" if "?" in pg_url else "?"
    return name, make_engine(f"{pg_url}{sep}application_name={name}", idle_release_s=idle_s)


def _wait_for(predicate: Callable[[], bool], timeout_s: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def test_the_server_sees_no_connection_once_the_app_is_quiet(pg_url: str) -> None:
    name, engine = _engine(pg_url, idle_s=0.3)
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    assert _connections_named(pg_url, name) == 1
    assert _wait_for(lambda: _connections_named(pg_url, name) == 0)
    # the next unit of work simply connects again
    with engine.connect() as conn:
        assert conn.execute(text("SELECT 2")).scalar_one() == 2
    engine.dispose()


def test_a_connection_in_use_is_never_taken_away(pg_url: str) -> None:
    _name, engine = _engine(pg_url, idle_s=0.05)
    with engine.connect() as conn:
        pid = conn.execute(text("SELECT pg_backend_pid()")).scalar_one()
        time.sleep(0.4)  # several reaper rounds while checked out
        assert conn.execute(text("SELECT pg_backend_pid()")).scalar_one() == pid
    engine.dispose()


def test_many_threads_and_an_eager_reaper_keep_the_count_right(pg_url: str) -> None:
    name, engine = _engine(pg_url, idle_s=0.01)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(15):
                with engine.connect() as conn:
                    conn.execute(text("SELECT 1"))
                time.sleep(0.005)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    pool = engine.pool
    assert pool.checkedout() == 0
    assert _wait_for(lambda: _connections_named(pg_url, name) == 0)
    assert pool.checkedout() == 0 and pool.overflow() == -pool.size()
    engine.dispose()
