"""The store's reliability figures as a printed report (the drivers of tests/store/test_reliability.py).

    .venv/bin/python benchmarks/reliability_store.py [--engines sqlite,postgresql] [--seed N]
        [--interleavings 1000] [--races 200] [--kills 15] [--pg-url URL] [--dir DIR]

Per engine, on a fresh store (a SQLite file in a temporary directory, on disk unless ``--dir``
says otherwise; a throw-away PostgreSQL database, dropped afterwards):

* two writers on the same case, randomized interleavings: saves landed, conflicts, lost updates;
* two writers saving at the same instant from two threads (PostgreSQL: every second round without
  the row lock, so the ``version_id`` guard alone must hold): landed, conflicts, ``StaleDataError``s;
* a writer process killed with SIGKILL mid-save: what the store held afterwards (old or new version).

Any violation is printed under its figure. The exit status is 1 if there was one.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import shutil
import sys
import tempfile
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_store import ThrowAwayPg, pg_server_url
from tests.store.helpers import add_user, demo
from tests.store.reliability import interleavings, sigkill_writer, threaded_races
from workbench.store import migrate
from workbench.store.db import make_engine, make_sessions, shown_url

if TYPE_CHECKING:
    from workbench.domain.case_file import CaseFile


def report(url: str, args: argparse.Namespace) -> int:
    migrate.upgrade(url)
    sessions = make_sessions(make_engine(url))
    try:
        user = add_user(sessions, "reliability")
    finally:
        sessions.engine.dispose()
    postgres = url.startswith("postgresql")
    print(f"\n{shown_url(url)}")
    violations = 0
    runs = (
        lambda: interleavings(url, user, _case(), args.interleavings, args.seed),
        lambda: threaded_races(
            url, user, _case(), args.races, args.seed, unlocked_every=2 if postgres else 0
        ),
        lambda: sigkill_writer(url, user, _case(), args.kills, args.seed),
    )
    for run in runs:
        figures = run()
        print(f"  {figures.line()}", flush=True)
        for violation in figures.violations[:20]:
            print(f"    ! {violation}")
        violations += len(figures.violations)
    return violations


def _case() -> CaseFile:
    return dataclasses.replace(demo("a"), id=str(uuid.uuid4()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Reliability figures of the store (see the module doc).")
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--interleavings", type=int, default=1000)
    parser.add_argument("--races", type=int, default=200)
    parser.add_argument("--kills", type=int, default=15)
    parser.add_argument("--pg-url", default=None)
    parser.add_argument("--dir", default=None, help="directory for the SQLite file (default: a temp dir)")
    args = parser.parse_args(argv)
    if args.seed is None:
        args.seed = random.SystemRandom().randrange(2**32)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, seed {args.seed}")
    violations = 0
    for engine in args.engines.split(","):
        if engine == "sqlite":
            directory = Path(tempfile.mkdtemp(prefix="wb-reliability-", dir=args.dir))
            try:
                violations += report(f"sqlite:///{directory / 'store.sqlite3'}", args)
            finally:
                shutil.rmtree(directory, ignore_errors=True)
        elif engine == "postgresql":
            database = ThrowAwayPg(pg_server_url(args.pg_url))
            try:
                violations += report(database.url, args)
            finally:
                database.close(keep=False)
        else:
            parser.error(f"unknown engine {engine}")
    print(f"\n{violations} violations")
    return 1 if violations else 0


if __name__ == "__main__":
    raise SystemExit(main())
