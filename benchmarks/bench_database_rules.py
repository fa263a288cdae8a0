"""Save of case A before and after the rules the database holds (migration 0010): prints figures.

    .venv/bin/python benchmarks/bench_database_rules.py [--pg-url URL] [--rounds 150]

Two throw-away PostgreSQL databases on the server of ``--pg-url`` (default ``WORKBENCH_TEST_PG_URL``,
else postgres@127.0.0.1:5432, which must trust local logins): one at revision 0007 (today's store,
saved through the owner's connection as the app does now), one at the newest revision, saved through
the owner and through the officer's own login role (row security and the triggers apply). Each round
saves case A once in each, interleaved, so a busy machine slows all three alike; median and p95 of
``CaseService.save_case`` in ms. The goal of issue #12 is the officer's median ≤ 1.5× today's.
Asserts nothing; the databases and the login are dropped afterwards.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import time
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from workbench.domain.records import Role
from workbench.paths import resource_path
from workbench.services.case_files import read_case_file
from workbench.services.cases import CaseService
from workbench.store import migrate, pg_roles
from workbench.store.db import make_engine, make_sessions
from workbench.store.user_repository import SqlUserRepository

if TYPE_CHECKING:
    from workbench.domain.records import User
    from workbench.store.db import Sessions

DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


class Saver:
    """Saves one copy of case A again and again (each save changes the product line)."""

    def __init__(self, sessions: Sessions, user: User) -> None:
        self.cases, self.user = CaseService(sessions), user
        case = dataclasses.replace(
            read_case_file(Path(resource_path("demo", "case-a.json"))), id=str(uuid.uuid4())
        )
        self.record = self.cases.create_case(case, user)
        self.version, self.count = self.record.version, 0
        self.times: list[float] = []

    def once(self) -> None:
        self.count += 1
        case = dataclasses.replace(self.record.case, product=f"经营贷 {self.count}")
        start = time.perf_counter()
        self.version = self.cases.save_case(case, self.version, self.user)
        self.times.append((time.perf_counter() - start) * 1000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg-url", default=os.environ.get("WORKBENCH_TEST_PG_URL", DEFAULT_PG_URL))
    parser.add_argument("--rounds", type=int, default=150)
    args = parser.parse_args()
    server = make_url(args.pg_url)
    admin = create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
    tag = uuid.uuid4().hex[:8]
    before, after, login = f"wb_bench_{tag}_before", f"wb_bench_{tag}_after", f"wb_bench_{tag}_officer"

    def url(database: str, user: str | None = None) -> str:
        found = server.set(database=database)
        return (found.set(username=user, password=None) if user else found).render_as_string(
            hide_password=False
        )

    engines: list[Sessions] = []
    try:
        for name, revision in ((before, "0007"), (after, "head")):
            with admin.connect() as connection:
                connection.execute(text(f"CREATE DATABASE {name}"))
            migrate.upgrade(url(name), revision)
            engines.append(make_sessions(make_engine(url(name))))
        with engines[0].begin() as session:
            today = SqlUserRepository(session).add_user("liumin", "刘敏", Role.OFFICER)
        with engines[1].begin() as session:
            officer = SqlUserRepository(session).add_user(login, "刘敏", Role.OFFICER)
            pg_roles.create_login(session.connection(), login, None, Role.OFFICER)
        engines.append(make_sessions(make_engine(url(after, login))))
        savers = {
            "today (0007), the app's owner connection": Saver(engines[0], today),
            "0010, the owner's connection": Saver(engines[1], officer),
            "0010, the officer's own login": Saver(engines[2], officer),
        }
        for saver in savers.values():  # warm-up
            for _ in range(3):
                saver.once()
            saver.times.clear()
        for _ in range(args.rounds):
            for saver in savers.values():
                saver.once()
        base = statistics.median(next(iter(savers.values())).times)
        print(f"save of case A, {args.rounds} rounds, interleaved (ms)")
        for label, saver in savers.items():
            median, p95 = statistics.median(saver.times), statistics.quantiles(saver.times, n=20)[-1]
            print(f"  {label:44s} median {median:6.1f}  p95 {p95:6.1f}  ×{median / base:4.2f}")
    finally:
        for sessions in engines:
            sessions.engine.dispose()
        with admin.connect() as connection:
            for name in (before, after):
                connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            connection.execute(text(f'DROP ROLE IF EXISTS "{login}"'))
            for (role,) in connection.execute(
                text("SELECT rolname FROM pg_roles WHERE starts_with(rolname, :p)"), {"p": f"wb_bench_{tag}"}
            ).all():
                connection.execute(text(f'DROP ROLE "{role}"'))
        admin.dispose()


if __name__ == "__main__":
    main()
