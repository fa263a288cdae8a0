"""Portfolio benchmark: the portfolio (组合) over a generated store, on SQLite and PostgreSQL.

    .venv/bin/python benchmarks/bench_portfolio.py [--cases 100000] [--engines sqlite,postgresql]
                                                   [--pg-url URL] [--keep] [--existing URL ...]

For each engine a store is generated with ``benchmarks/generate_store.py`` (every case's figures
included, as a save writes them), then the committee's part is added in bulk: every case past the
committee (contract … clearance) gets a submission and an approval, every refused case a rejection,
one case in eight still in 调查 a return for re-survey, one decision session a month, decided 1–20
days after the survey. Then ``PortfolioService.portfolio`` (what the window and ``workbench portfolio``
call: permission check and the read-only unit of work included) is measured in a fresh child process
each time, so its peak RSS is the portfolio's own (the goal: ≤ 3 s, ≤ 500 MB):

* the whole branch, no filter (first run and median of 3);
* one officer; one month; and the PDF and workbook export of the whole branch.

Prints figures, asserts nothing. PostgreSQL: a throw-away database on ``--pg-url``'s server
(dropped unless ``--keep``), ``VACUUM ANALYZE`` after the bulk load. ``--existing URL`` measures a
store generated before (``--committee``: add the committee's part to it first).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, select
from sqlalchemy.engine import make_url

from benchmarks.bench_store import analyze, on_each_engine
from benchmarks.generate_store import generate
from workbench.domain.case_file import Stage
from workbench.domain.committee import Outcome
from workbench.domain.records import Role, User
from workbench.store.case_rows import CaseFileRow
from workbench.store.committee_rows import (
    CaseSubmissionRow,
    CommitteeAgendaItemRow,
    CommitteeDecisionRow,
    CommitteeSessionRow,
)
from workbench.store.db import make_engine, make_sessions, shown_url
from workbench.store.orm_base import table_of
from workbench.store.people_rows import AppUserRow

APPROVED_STAGES = {
    s.value for s in (Stage.CONTRACT, Stage.SIGN, Stage.LOAN, Stage.AFTER_LOAN, Stage.CLEARANCE)
}
BATCH = 5_000


def add_committee(url: str, seed: int = 1) -> int:
    """Submissions, monthly sessions, agenda items and decisions for the generated cases; returns
    how many decisions were added."""
    rng = random.Random(seed)
    sessions = make_sessions(make_engine(url))
    try:
        with sessions.begin() as session:
            chair = session.scalar(select(AppUserRow.id).where(AppUserRow.username == "bench_chair"))
            if chair is None:
                chair = uuid.uuid4()
                session.add(
                    AppUserRow(
                        id=chair, username="bench_chair", display_name="主席",
                        role=Role.COMMITTEE_CHAIR.value, active=True, created_at=datetime.now(UTC),
                    )
                )  # fmt: skip
            done = {r for r in session.scalars(select(CommitteeAgendaItemRow.case_id))}
            cases = [
                r
                for r in session.execute(
                    select(
                        CaseFileRow.id, CaseFileRow.stage, CaseFileRow.survey_date, CaseFileRow.officer_id,
                        CaseFileRow.requested_minor,
                    )
                )
                if r.id not in done
            ]  # fmt: skip
        meetings: dict[str, uuid.UUID] = {}
        positions: dict[uuid.UUID, int] = {}
        rows: dict[str, list[dict[str, Any]]] = {"session": [], "item": [], "decision": [], "submission": []}
        added = 0
        for case in cases:
            if case.stage in APPROVED_STAGES:
                outcome = rng.choice(
                    [Outcome.APPROVED_AS_PROPOSED] * 6
                    + [Outcome.APPROVED_WITH_CHANGES, Outcome.APPROVED_WITH_CONDITIONS]
                )
            elif case.stage == Stage.REFUSED.value:
                outcome = Outcome.REJECTED
            elif case.stage == Stage.INVESTIGATE.value and rng.random() < 0.125:
                outcome = Outcome.RETURNED_FOR_RESURVEY
            else:
                continue
            survey = case.survey_date or date(2024, 1, 1)
            decided = datetime(survey.year, survey.month, survey.day, 10, tzinfo=UTC) + timedelta(
                days=rng.randint(1, 20), minutes=rng.randrange(480)
            )
            month = decided.strftime("%Y-%m")
            if month not in meetings:
                meetings[month] = uuid.uuid4()
                rows["session"].append(
                    {
                        "id": meetings[month], "held_on": decided.date(), "place": "三楼会议室",
                        "chair_id": chair, "secretary": "", "secretary_id": None, "rule": "majority",
                        "status": "minutes_signed", "quorum": 1,
                    }
                )  # fmt: skip
            meeting = meetings[month]
            positions[meeting] = positions.get(meeting, 0) + 1
            item = uuid.uuid4()
            rows["submission"].append(
                {"case_id": case.id, "case_version": 1, "submitted_at": decided - timedelta(days=1),
                 "submitted_by": case.officer_id}
            )  # fmt: skip
            rows["item"].append(
                {"id": item, "session_id": meeting, "case_id": case.id, "position": positions[meeting],
                 "case_version": 1}
            )  # fmt: skip
            amount = None
            if outcome is Outcome.APPROVED_WITH_CHANGES:
                amount = case.requested_minor * 8 // 10 // 100_000 * 100_000
            rows["decision"].append(
                {
                    "id": uuid.uuid4(), "agenda_item_id": item, "outcome": outcome.value,
                    "amount_minor": amount,
                    "term_months": None, "annual_rate": None, "method": None, "conditions": "[]",
                    "monitoring": "", "reasons": "", "decided_at": decided, "minutes_signed": True,
                }
            )  # fmt: skip
            added += 1
        tables = {
            "session": table_of(CommitteeSessionRow),
            "submission": table_of(CaseSubmissionRow),
            "item": table_of(CommitteeAgendaItemRow),
            "decision": table_of(CommitteeDecisionRow),
        }
        with sessions.begin() as session:
            connection = session.connection()
            for key in ("session", "submission", "item", "decision"):
                for first in range(0, len(rows[key]), BATCH):
                    connection.execute(insert(tables[key]), rows[key][first : first + BATCH])
        return added
    finally:
        sessions.engine.dispose()


def measure(url: str, officer: str | None, month: str | None, export: str | None) -> dict[str, float]:
    """One portfolio in this process (the child's job): seconds and peak RSS in MB."""
    from workbench.domain.portfolio import PortfolioQuery
    from workbench.services.portfolio import PortfolioService, write_portfolio

    sessions = make_sessions(make_engine(url))
    user = User(str(uuid.uuid4()), "bench", "bench", Role.ADMIN)
    query = PortfolioQuery(officers=(officer,) if officer else ())
    if month:
        first = date.fromisoformat(month + "-01")
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        query = PortfolioQuery(first, last, query.officers)
    t0 = time.perf_counter()
    portfolio = PortfolioService(sessions).portfolio(query, user)
    seconds = time.perf_counter() - t0
    out: dict[str, float] = {"seconds": seconds, "officers": len(portfolio.officers)}
    if export:
        t1 = time.perf_counter()
        target = Path(tempfile.mkdtemp()) / f"portfolio{export}"
        write_portfolio(portfolio, target, "zh")
        out["export_seconds"] = time.perf_counter() - t1
        out["export_kib"] = target.stat().st_size / 1024
    out["cases"] = int(portfolio.pipeline["cases"].sum())
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sessions.engine.dispose()
    return out


def child(url: str, *extra: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--measure", url, *extra], check=True, capture_output=True, text=True
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def some_officer(url: str) -> str:
    sessions = make_sessions(make_engine(url))
    try:
        with sessions.read() as session:
            return str(
                session.scalar(select(AppUserRow.username).where(AppUserRow.username.like("gen_officer_%")))
            )
    finally:
        sessions.engine.dispose()


def run(url: str, cases: int, generated: bool, committee: bool = False) -> None:
    dialect = make_url(url).get_backend_name()
    print(f"\n{dialect}: {shown_url(url)}")
    if committee and not generated:  # a store generated elsewhere (or cut short): its committee part
        print(f"  committee: {add_committee(url)} decisions added")
        if dialect == "postgresql":
            analyze(url)
    if generated:
        figures = generate(url, cases, quiet=True)
        print(
            f"  generated {figures['cases']:.0f} cases in {figures['seconds']:.1f} s "
            f"({figures['cases_per_s']:.0f} cases/s)"
        )
        t0 = time.perf_counter()
        print(f"  committee: {add_committee(url)} decisions in {time.perf_counter() - t0:.1f} s")
        if dialect == "postgresql":
            analyze(url)
    first = child(url)
    print(f"  whole branch, first run: {first['seconds'] * 1000:.0f} ms, "
          f"peak RSS {first['peak_rss_mb']:.0f} MB "
          f"({first['cases']:.0f} cases, {first['officers']:.0f} officers)")  # fmt: skip
    runs = [child(url) for _ in range(3)]
    print(f"  whole branch, median of 3: {statistics.median(r['seconds'] for r in runs) * 1000:.0f} ms, "
          f"peak RSS {max(r['peak_rss_mb'] for r in runs):.0f} MB")  # fmt: skip
    officer = child(url, "--officer", some_officer(url))
    print(f"  one officer: {officer['seconds'] * 1000:.0f} ms ({officer['cases']:.0f} cases)")
    month = child(url, "--month", "2025-06")
    print(f"  one month (2025-06): {month['seconds'] * 1000:.0f} ms ({month['cases']:.0f} cases created)")
    for suffix in (".pdf", ".xlsx"):
        made = child(url, "--export", suffix)
        print(f"  whole branch + {suffix}: portfolio {made['seconds'] * 1000:.0f} ms, export "
              f"{made['export_seconds'] * 1000:.0f} ms ({made['export_kib']:.0f} KiB), "
              f"peak RSS {made['peak_rss_mb']:.0f} MB")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Portfolio benchmark (see the module doc).")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument("--pg-url", default=None)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--existing", action="append", default=[], metavar="URL")
    parser.add_argument(
        "--committee", action="store_true", help="with --existing: add the committee's part first"
    )
    parser.add_argument("--measure", metavar="URL", help=argparse.SUPPRESS)
    parser.add_argument("--officer", help=argparse.SUPPRESS)
    parser.add_argument("--month", help=argparse.SUPPRESS)
    parser.add_argument("--export", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure, args.officer, args.month, args.export)))
        return 0
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    for url in args.existing:
        run(url, 0, generated=False, committee=args.committee)
    if args.existing:
        return 0
    unknown = on_each_engine(args, lambda url: run(url, args.cases, generated=True))
    if unknown:
        parser.error(f"unknown engine {unknown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
