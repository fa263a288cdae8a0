"""How long ``workbench audit verify`` takes over a long audit trail: prints figures, asserts nothing.

    .venv/bin/python benchmarks/bench_audit_verify.py [--entries 1000000] [--engines postgresql,sqlite]
                                                     [--pg-url URL] [--keep]

For each engine a new store is made and filled with ``--entries`` audit entries (default 1 000 000
on PostgreSQL, 200 000 on SQLite), then ``AuditService.verify`` (what the command runs: one
streamed walk of the chain in ``seq`` order, every hash recomputed in Python) is timed twice and the
faster run printed (goal ≤ 10 s for 1 000 000 entries).

How the entries are made: PostgreSQL — one ``INSERT … SELECT … FROM generate_series(1, N)`` with
the actor claimed, so every row passes the real ``audit_entry_chain`` trigger (server clock,
``workbench_actor()``, the head taken ``FOR UPDATE``, SHA-256 in SQL); no COPY, nothing bypassed.
SQLite — ``audit_chain.append_audit`` in batches of 10 000 (the store's own path). The PostgreSQL
database is created on the server of ``--pg-url`` (default ``WORKBENCH_TEST_PG_URL``, else
postgres@127.0.0.1:5432) and dropped afterwards unless ``--keep``; the SQLite file goes to a
temporary directory.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from workbench.domain.records import Role
from workbench.store import migrate
from workbench.store.audit_chain import AuditLine, append_audit, verify_store
from workbench.store.db import make_engine, make_sessions
from workbench.store.user_repository import SqlUserRepository

DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
SQLITE_BATCH = 10_000

PG_FILL = """
INSERT INTO audit_entry (case_id, action, field, before, after)
SELECT md5((i / 40)::text)::uuid, 'update',
       'balance_sheet.stock[id=' || substr(md5(i::text), 1, 12) || '].quantity',
       (i % 997)::text, ((i + 13) % 997)::text || '.50'
FROM generate_series(1, :n) AS i
"""


def _fill_postgresql(url: str, entries: int) -> None:
    sessions = make_sessions(make_engine(url))
    try:
        with sessions.begin() as session:
            user = SqlUserRepository(session).add_user("bench", "Bench", Role.OFFICER)
        with sessions.begin(actor=user) as session:
            session.execute(text(PG_FILL), {"n": entries})
        with sessions.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE audit_entry"))
    finally:
        sessions.engine.dispose()


def _fill_sqlite(url: str, entries: int) -> None:
    sessions = make_sessions(make_engine(url))
    try:
        with sessions.begin() as session:
            user = SqlUserRepository(session).add_user("bench", "Bench", Role.OFFICER)
        for first in range(0, entries, SQLITE_BATCH):
            lines = [
                AuditLine(
                    uuid.UUID(int=i // 40), "update", f"balance_sheet.cash#{i}", str(i), f"{i % 991}.50"
                )
                for i in range(first, min(first + SQLITE_BATCH, entries))
            ]
            with sessions.begin(actor=user) as session:
                append_audit(session, lines)
    finally:
        sessions.engine.dispose()


def _measure(name: str, url: str, entries: int) -> None:
    started = time.perf_counter()
    migrate.upgrade(url)
    (_fill_postgresql if name == "postgresql" else _fill_sqlite)(url, entries)
    print(f"{name}: {entries} entries written in {time.perf_counter() - started:.1f} s", flush=True)
    engine = make_engine(url)
    try:
        best = float("inf")
        for _run in range(2):
            t0 = time.perf_counter()
            found = verify_store(engine)
            best = min(best, time.perf_counter() - t0)
        state = "intact" if found.broken is None else f"BROKEN {found.broken}"
        print(
            f"{name}: audit verify over {found.entries} entries: {best:.2f} s ({state}; goal ≤ 10 s/million)"
        )
    finally:
        engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--entries", type=int, help="entries per engine (default 1 000 000 / 200 000)")
    parser.add_argument("--engines", default="postgresql,sqlite")
    parser.add_argument("--pg-url", default=os.environ.get("WORKBENCH_TEST_PG_URL", DEFAULT_PG_URL))
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL database")
    args = parser.parse_args(argv)
    for name in args.engines.split(","):
        if name == "postgresql":
            entries = args.entries or 1_000_000
            database = f"wb_bench_audit_{uuid.uuid4().hex[:8]}"
            server = make_url(args.pg_url)
            admin = create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
            with admin.connect() as connection:
                connection.execute(text(f"CREATE DATABASE {database}"))
            try:
                _measure(name, make_url(args.pg_url).set(database=database).render_as_string(False), entries)
            finally:
                if not args.keep:
                    with admin.connect() as connection:
                        connection.execute(text(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
                admin.dispose()
        elif name == "sqlite":
            with tempfile.TemporaryDirectory(dir=os.environ.get("WORKBENCH_BENCH_DIR")) as directory:
                _measure(name, f"sqlite:///{directory}/audit.sqlite3", args.entries or 200_000)
        else:
            parser.error(f"unknown engine {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
