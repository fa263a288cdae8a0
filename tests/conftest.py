"""Shared test set-up. Kept light: no Qt, database or report imports at module level."""

from __future__ import annotations

import os
import socket

import pytest

# Before any Qt import: tests never need a screen (scripts/run-tests.sh sets this too).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")

# Fixtures of fresh SQLite and PostgreSQL stores: engine_url, blank_url (tests/databases.py).
pytest_plugins = ["tests.databases"]

DEFAULT_TEST_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def _port_answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.3):
            return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def pg_url() -> str:
    """SQLAlchemy URL of a PostgreSQL server for tests marked ``postgres``.

    scripts/run-tests.sh exports WORKBENCH_TEST_PG_URL (scripts/ensure-postgres.sh finds or starts a
    server; with CI=true it fails when it can't). Run bare, pytest falls back to the default server
    on 127.0.0.1:5432 if something listens there, else the test is skipped.
    """
    url = os.environ.get("WORKBENCH_TEST_PG_URL")
    if url:
        return url
    if _port_answers("127.0.0.1", 5432):
        return DEFAULT_TEST_PG_URL
    pytest.skip("no PostgreSQL: set WORKBENCH_TEST_PG_URL or run scripts/run-tests.sh")
