"""The proposal history of a case with 200 saved versions, on SQLite and PostgreSQL: prints figures.

    .venv/bin/python benchmarks/bench_proposal_history.py [--versions 200] [--engines sqlite,postgresql]
                                                         [--pg-url URL]

A new store per engine (a SQLite file in a temporary directory; a throw-away PostgreSQL database on
the server of ``--pg-url``, default ``WORKBENCH_TEST_PG_URL``, else postgres@127.0.0.1:5432) gets case A
saved ``--versions`` times through ``CaseService.save_case``, in two kinds of history:

* *every save moves a figure*: the normal-season sales change on each save (the worst case: every
  version must be read and its figures computed);
* *half the saves are notes*: every other save changes only the conclusion (those versions are not
  read: their recorded changes touch no part the figures come from).

Measured: ``CaseService.proposal_history`` (one warm-up, median and worst of 5), beside the plain way
(every version decoded whole by ``open_version`` and given to ``domain.proposal_history``) for
comparison. Goal: ≤ 1 s for 200 versions. Asserts nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_store import ThrowAwayPg, bench_user, line, pg_server_url, timed
from workbench.domain.policy import DEFAULT_POLICY
from workbench.domain.proposal_history import SavedVersion, proposal_history
from workbench.paths import resource_path
from workbench.services.case_files import read_case_file
from workbench.services.store import open_store

if TYPE_CHECKING:
    from workbench.domain.case_file import CaseFile
    from workbench.domain.records import User
    from workbench.services.store import StoreServices

RUNS = 5
GOAL_MS = 1000.0


def saved_case(store: StoreServices, user: User, versions: int, notes_every: int | None) -> str:
    """Case A (under a new id) saved ``versions`` times; every ``notes_every``-th save changes only notes."""
    import uuid

    base: CaseFile = read_case_file(Path(resource_path("demo", "case-a.json")))
    case = dataclasses.replace(base, id=str(uuid.uuid4()))
    store.cases.create_case(case, user)
    version = 1
    sales = case.profit_loss.normal_sales
    for n in range(2, versions + 1):
        if notes_every and n % notes_every == 0:
            case = dataclasses.replace(case, notes=dataclasses.replace(case.notes, conclusion=f"第 {n} 稿"))
        else:
            sales += Decimal(100)
            case = dataclasses.replace(
                case, profit_loss=dataclasses.replace(case.profit_loss, normal_sales=sales)
            )
        version = store.cases.save_case(case, version, user)
    return case.id


def plain_way(store: StoreServices, user: User, case_id: str) -> object:
    """Every version decoded whole, then the domain's history (what the service avoids)."""
    infos = store.cases.history(case_id, user)
    return proposal_history(
        [
            SavedVersion(
                i.version, i.saved_by, i.saved_at, store.cases.open_version(case_id, i.version, user)
            )
            for i in infos
        ],
        DEFAULT_POLICY,
    )


def run(url: str, versions: int) -> None:
    print(f"\n{url.split(':', 1)[0]}")
    store = open_store(url)
    try:
        user = bench_user(store)
        for label, every in (("every save moves a figure", None), ("half the saves are notes", 2)):
            t0 = time.perf_counter()
            case_id = saved_case(store, user, versions, every)
            print(f"  {label}: {versions} versions saved in {time.perf_counter() - t0:.1f} s")
            median, worst, history = timed(lambda c=case_id: store.cases.proposal_history(c, user), RUNS)
            line(
                f"proposal_history ({versions} versions)",
                median,
                worst,
                GOAL_MS,
                f"flagged={history.flagged}",
            )
            median, worst, _ = timed(lambda c=case_id: plain_way(store, user, c), 2)
            line("  for comparison: every version decoded whole", median, worst, None)
    finally:
        store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Proposal history benchmark (see the module doc).")
    parser.add_argument("--versions", type=int, default=200)
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument("--pg-url", default=None)
    args = parser.parse_args(argv)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    for engine in args.engines.split(","):
        if engine == "sqlite":
            directory = Path(tempfile.mkdtemp(prefix="wb-bench-"))
            try:
                run(f"sqlite:///{directory / 'bench.sqlite3'}", args.versions)
            finally:
                shutil.rmtree(directory, ignore_errors=True)
        elif engine == "postgresql":
            database = ThrowAwayPg(pg_server_url(args.pg_url))
            try:
                run(database.url, args.versions)
            finally:
                database.close(keep=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
