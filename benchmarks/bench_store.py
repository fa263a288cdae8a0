"""Store benchmarks on SQLite (a file) and PostgreSQL (a throw-away database): prints figures.

    .venv/bin/python benchmarks/bench_store.py [--cases 100000] [--engines sqlite,postgresql]
                                              [--pg-url URL] [--keep] [--existing URL ...]

For each engine: a new store is generated with ``benchmarks/generate_store.py`` (100 000 cases by
default; a few minutes per engine), then measured through ``CaseService`` (what the window and the
command line call; the unit of work, permission checks and user look-ups included):

* save and load of case A (``resources/demo/case-a.json``), median of 50 (goal ≤ 20 ms on SQLite);
* the first page of the case list, newest change first (goal ≤ 100 ms);
* filtered pages: by officer, by stage, both, by name or case number (goal ≤ 200 ms).

Queries: one warm-up, then the median (and the worst) of 20. PostgreSQL gets ``VACUUM ANALYZE`` after
the bulk load (what autovacuum does on its own soon after). PostgreSQL: the database is created on
the server of ``--pg-url`` (default ``WORKBENCH_TEST_PG_URL``, else postgres@127.0.0.1:5432) and
dropped afterwards unless ``--keep``; the SQLite file goes to a temporary directory
(``WORKBENCH_BENCH_DIR`` or the system's; on disk, so a save pays its ``fsync``; about 1.2 GB for
100 000 cases). ``--existing URL`` measures a store generated before (nothing generated or
dropped). Asserts nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import statistics
import sys
import tempfile
import time
import unicodedata
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from benchmarks.generate_store import generate
from workbench.domain.case_file import Stage
from workbench.domain.case_list import CaseListQuery, SortKey
from workbench.domain.records import Role, UserNotFoundError
from workbench.paths import resource_path
from workbench.services.case_files import read_case_file
from workbench.services.store import open_store
from workbench.store.db import shown_url

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.domain.records import User
    from workbench.services.store import StoreServices

DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
SAVE_LOAD_RUNS = 50
QUERY_RUNS = 20


def timed(fn: Callable[[], Any], runs: int, warmup: int = 1) -> tuple[float, float, Any]:
    """Median and worst time in ms, and the last result."""
    result = None
    for _ in range(warmup):
        result = fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), max(times), result


def _pad(text: str, width: int) -> str:
    """``text`` padded to ``width`` terminal columns (CJK characters take two)."""
    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(width - used, 0)


def line(label: str, median: float, worst: float, goal: float | None, note: str = "") -> None:
    verdict = "" if goal is None else ("ok" if median <= goal else "MISSED")
    shown_goal = f"goal ≤ {goal:g} ms" if goal is not None else ""
    figures = f"median {median:8.2f} ms  max {worst:8.2f} ms"
    print(f"  {_pad(label, 44)} {figures}  {shown_goal:<15} {verdict:<6} {note}")


def bench_user(store: StoreServices) -> User:
    try:
        return store.users.find_user("bench_admin")
    except UserNotFoundError:
        from workbench.store.user_repository import SqlUserRepository

        with store.sessions.begin() as session:
            return SqlUserRepository(session).add_user("bench_admin", "Bench", Role.ADMIN)


def save_and_load(store: StoreServices, user: User) -> None:
    case = dataclasses.replace(
        read_case_file(Path(resource_path("demo", "case-a.json"))), id=str(uuid.uuid4())
    )
    record = store.cases.create_case(case, user)
    version = record.version
    saves = []
    for i in range(SAVE_LOAD_RUNS):
        edited = dataclasses.replace(
            record.case, notes=dataclasses.replace(record.case.notes, conclusion=f"bench {i}")
        )
        t0 = time.perf_counter()
        version = store.cases.save_case(edited, version, user)
        saves.append((time.perf_counter() - t0) * 1000)
    line("save case A (a changed conclusion)", statistics.median(saves), max(saves), 20)
    median, worst, _ = timed(lambda: store.cases.open_case(case.id, user), SAVE_LOAD_RUNS)
    line("load case A", median, worst, 20)


def queries(store: StoreServices, user: User) -> None:
    cases = store.cases
    first_median, first_worst, page = timed(lambda: cases.list_cases(user), QUERY_RUNS)
    line("case list, first page (50)", first_median, first_worst, 100, f"{len(page)} rows")
    oldest = cases.list_cases(user, offset=5000, limit=1) or page[-1:]
    rare_name = oldest[0].borrower_name if oldest else "王"
    probes: list[tuple[str, Callable[[], Any]]] = [
        ("page 101 (offset 5000)", lambda: cases.list_cases(user, offset=5000)),
        ("officer gen_officer_07", lambda: cases.list_cases(user, officer="gen_officer_07")),
        ("stage approval", lambda: cases.list_cases(user, stage=Stage.APPROVAL)),
        ("stage refused", lambda: cases.list_cases(user, stage=Stage.REFUSED)),
        (
            "officer gen_officer_07 + stage loan",
            lambda: cases.list_cases(user, officer="gen_officer_07", stage=Stage.LOAN),
        ),
        ("name contains 王 (common)", lambda: cases.list_cases(user, name_like="王")),
        (f"name contains {rare_name} (rare)", lambda: cases.list_cases(user, name_like=rare_name)),
        ("name contains 不存在的名字 (no match)", lambda: cases.list_cases(user, name_like="不存在的名字")),
        ("name contains 木业 (business)", lambda: cases.list_cases(user, name_like="木业")),
        ("name contains 便利店 (common, 3 characters)", lambda: cases.list_cases(user, name_like="便利店")),
        ("case number WB-2024-0012", lambda: cases.list_cases(user, name_like="WB-2024-0012")),
        ("case number contains wb-2024 (a quarter)", lambda: cases.list_cases(user, name_like="wb-2024")),
    ]
    for label, probe in probes:
        median, worst, rows = timed(probe, QUERY_RUNS)
        line(label, median, worst, 100 if label.startswith("page") else 200, f"{len(rows)} rows")
    sorted_pages(store, user)


def sorted_pages(store: StoreServices, user: User) -> None:
    """The window's list (pages of 100) sorted by each column both ways: the first page, a page
    deep in the list by keyset (``after`` = the last row of the page before) and by offset."""
    cases = store.cases
    today = date.today()
    month_ago, year_ago = today - timedelta(days=30), today - timedelta(days=365)
    for sort in SortKey:
        for descending in (False, True):
            query = CaseListQuery(sort=sort, descending=descending)
            arrow = "↓" if descending else "↑"
            median, worst, page = timed(
                lambda q=query: cases.list_cases(user, query=q, limit=100), QUERY_RUNS
            )
            line(f"sorted {sort.value} {arrow}, first page", median, worst, 100, f"{len(page)} rows")
            deep = cases.list_cases(user, query=query, limit=1, offset=50_000)
            if deep:
                median, worst, page = timed(
                    lambda q=query, d=deep[0]: cases.list_cases(user, query=q, limit=100, after=d), QUERY_RUNS
                )
                line(
                    f"sorted {sort.value} {arrow}, after row 50 000", median, worst, 100, f"{len(page)} rows"
                )
    median, worst, _ = timed(
        lambda: cases.list_cases(user, query=CaseListQuery(sort=SortKey.APPLICANT), limit=100, offset=50_000),
        QUERY_RUNS,
    )
    line("sorted applicant ↑, offset 50 000", median, worst, 200)
    filtered: list[tuple[str, CaseListQuery]] = [
        ("updated in the last 30 days", CaseListQuery(updated_from=month_ago)),
        (
            "created in the last year, by applicant",
            CaseListQuery(created_from=year_ago, sort=SortKey.APPLICANT),
        ),
        (
            "officer 07 + updated last year, by stage",
            CaseListQuery(officer="gen_officer_07", updated_from=year_ago, sort=SortKey.STAGE),
        ),
        ("stage loan, by officer", CaseListQuery(stage=Stage.LOAN, sort=SortKey.OFFICER)),
        (
            "name 王 + created last year, by case number",
            CaseListQuery(name_like="王", created_from=year_ago, sort=SortKey.CASE_NUMBER),
        ),
    ]
    for label, query in filtered:
        median, worst, rows = timed(lambda q=query: cases.list_cases(user, query=q, limit=100), QUERY_RUNS)
        line(label, median, worst, 200, f"{len(rows)} rows")


def pg_server_url(explicit: str | None) -> str:
    return explicit or os.environ.get("WORKBENCH_TEST_PG_URL") or DEFAULT_PG_URL


class ThrowAwayPg:
    """A database on the server of ``server_url``, dropped on ``close`` (unless kept)."""

    def __init__(self, server_url: str) -> None:
        self.admin = create_engine(
            make_url(server_url).set(database="postgres"), isolation_level="AUTOCOMMIT"
        )
        self.name = f"wb_bench_{uuid.uuid4().hex[:10]}"
        with self.admin.connect() as connection:
            connection.execute(text(f"CREATE DATABASE {self.name}"))
        self.url = make_url(server_url).set(database=self.name).render_as_string(hide_password=False)

    def close(self, keep: bool) -> None:
        if not keep:
            with self.admin.connect() as connection:
                connection.execute(text(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)"))
        self.admin.dispose()


def analyze(url: str) -> None:
    """``VACUUM ANALYZE`` after the bulk load: statistics and the visibility map that index-only scans
    need, as autovacuum would leave them a little later on its own."""
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text("VACUUM ANALYZE"))
    finally:
        engine.dispose()


def run(url: str, cases: int, generated: bool) -> None:
    dialect = make_url(url).get_backend_name()
    print(f"\n{dialect}: {shown_url(url)}")
    if generated:
        figures = generate(url, cases, quiet=True)
        print(
            f"  generated {figures['cases']:.0f} cases ({figures['rows']:.0f} rows) "
            f"in {figures['seconds']:.1f} s: {figures['cases_per_s']:.0f} cases/s, "
            f"{figures['rows_per_s']:.0f} rows/s"
        )
        if dialect == "postgresql":
            t0 = time.perf_counter()
            analyze(url)
            print(f"  VACUUM ANALYZE {time.perf_counter() - t0:.1f} s")
    store = open_store(url)
    try:
        user = bench_user(store)
        save_and_load(store, user)
        queries(store, user)
    finally:
        store.close()


def on_each_engine(args: argparse.Namespace, measure: Callable[[str], None]) -> str | None:
    """``measure(url)`` on a throw-away store of each of ``args.engines`` (kept with ``args.keep``);
    returns the first engine name it does not know, else None."""
    for engine in args.engines.split(","):
        if engine == "sqlite":
            directory = Path(
                tempfile.mkdtemp(prefix="wb-bench-", dir=os.environ.get("WORKBENCH_BENCH_DIR") or None)
            )
            try:
                measure(f"sqlite:///{directory / 'bench.sqlite3'}")
            finally:
                if args.keep:
                    print(f"  kept {directory / 'bench.sqlite3'}")
                else:
                    shutil.rmtree(directory, ignore_errors=True)
        elif engine == "postgresql":
            database = ThrowAwayPg(pg_server_url(args.pg_url))
            try:
                measure(database.url)
            finally:
                database.close(args.keep)
                if args.keep:
                    print(f"  kept {shown_url(database.url)}")
        else:
            return engine
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Store benchmarks (see the module doc).")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument("--pg-url", default=None, help="a PostgreSQL server (any database on it)")
    parser.add_argument("--keep", action="store_true", help="keep the generated stores")
    parser.add_argument("--existing", action="append", default=[], metavar="URL", help="measure this store")
    args = parser.parse_args(argv)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    for url in args.existing:
        run(url, 0, generated=False)
    if args.existing:
        return 0
    unknown = on_each_engine(args, lambda url: run(url, args.cases, generated=True))
    if unknown:
        parser.error(f"unknown engine {unknown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
