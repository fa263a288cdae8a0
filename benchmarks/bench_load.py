"""A team store under load: many officers, each with her own PostgreSQL login, saving at once.

    .venv/bin/python benchmarks/bench_load.py [--officers 200] [--seconds 60] [--processes 8]
                                             [--think 2,8] [--pg-url URL] [--keep]

Set-up (as the server's superuser, the schema owner): a throw-away database at the newest schema,
``--officers`` people each with a LOGIN role (SCRAM password, member of the store's officer group,
``workbench.store.pg_roles``) and one case of her own (a copy of demo case A).

Run: ``--processes`` worker processes share the officers; every officer is a thread with its own
engine signed in as her login (row security, the rules' triggers and the audit chain all apply).
Each signs in at a random moment of the first ``--think`` maximum (not all in the same instant),
opens her case, then until the time is up: thinks (uniform in ``--think`` seconds: an officer
typing between autosaves), edits the conclusion and one amount, and saves over the version she holds.

Prints: sign-in to the first page of cases (median of 20, goal ≤ 300 ms), a save of case A as an
officer beside the same save as the owner (row security off for it; goal ≤ 1.5×), and for the load
run: saves done, p50/p95/p99/max save latency (goal p95 ≤ 50 ms), errors by kind (goal 0) and lost
updates (goal 0: each case's stored version and content are those of its officer's last save).
Asserts nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import multiprocessing
import os
import random
import statistics
import sys
import threading
import time
import uuid
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from workbench.domain.records import Role
from workbench.paths import resource_path
from workbench.services.case_files import read_case_file
from workbench.services.store import StoreServices
from workbench.store import idle_pool, migrate, pg_roles
from workbench.store.changes import content_sha256
from workbench.store.db import make_engine, make_sessions, with_login
from workbench.store.repository import SqlCaseRepository
from workbench.store.user_repository import SqlUserRepository

if TYPE_CHECKING:
    from workbench.domain.case_file import CaseFile

DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
PASSWORD = "bench-load-password"
SIGN_IN_RUNS = 20
SAVE_RUNS = 30
CPU_KEY = "__cpu_s__"


def demo_case() -> CaseFile:
    return read_case_file(Path(resource_path("demo", "case-a.json")))


def edited(case: CaseFile, i: int) -> CaseFile:
    """The conclusion and the first asset's amount changed: a save with a figure in its audit."""
    sheet = case.balance_sheet
    assets = sheet.assets
    if assets:
        first = dataclasses.replace(assets[0], amount=Decimal(1000 + i % 997))
        sheet = dataclasses.replace(sheet, assets=(first, *assets[1:]))
    notes = dataclasses.replace(case.notes, conclusion=f"load {i}")
    return dataclasses.replace(case, balance_sheet=sheet, notes=notes)


@dataclasses.dataclass(frozen=True)
class Officer:
    login: str
    case_id: str


def set_up(url: str, officers: int, prefix: str) -> list[Officer]:
    migrate.init(url)
    sessions = make_sessions(make_engine(url))
    people: list[Officer] = []
    template = demo_case()
    try:
        for i in range(officers):
            login = f"{prefix}_{i:03d}"
            with sessions.begin() as session:
                user = SqlUserRepository(session).add_user(login, f"Officer {i}", Role.OFFICER)
                pg_roles.create_login(session.connection(), login, PASSWORD, Role.OFFICER)
            case = dataclasses.replace(template, id=str(uuid.uuid4()))
            with sessions.begin(actor=user) as session:
                SqlCaseRepository(session).add(case, user.id)
            people.append(Officer(login, case.id))
    finally:
        sessions.engine.dispose()
    return people


def signed_in(url: str, login: str, idle_release_s: float = idle_pool.IDLE_RELEASE_S) -> StoreServices:
    """``login``'s store, whose app keeps a quiet connection ``idle_release_s`` seconds."""
    own = with_login(url, login, PASSWORD)
    return StoreServices.over(own, make_sessions(make_engine(own, idle_release_s=idle_release_s)))


def sign_in_to_first_page(url: str, login: str) -> float:
    t0 = time.perf_counter()
    store = signed_in(url, login)
    try:
        user = store.users.server_user()
        store.cases.list_cases(user)
        return (time.perf_counter() - t0) * 1000
    finally:
        store.close()


def save_times(store: StoreServices, case_id: str, runs: int) -> list[float]:
    user = store.users.server_user()
    record = store.cases.open_case(case_id, user)
    version, case, times = record.version, record.case, []
    for i in range(runs):
        t0 = time.perf_counter()
        version = store.cases.save_case(edited(case, i), version, user)
        times.append((time.perf_counter() - t0) * 1000)
    return times


def _officer_loop(
    url: str,
    officer: Officer,
    until: float,
    think: tuple[float, float],
    idle_release_s: float,
    out: dict[str, Any],
) -> None:
    latencies: list[float] = []
    errors: Counter[str] = Counter()
    last: tuple[int, str] | None = None
    rng = random.Random(officer.login)
    time.sleep(rng.uniform(0, think[1]))  # officers start their evenings at different moments
    try:
        store = signed_in(url, officer.login, idle_release_s)
    except Exception as error:
        out[officer.login] = ([], Counter({_kind(error): 1}), None)
        return
    try:
        user = store.users.server_user()
        record = store.cases.open_case(officer.case_id, user)
        version, case, i = record.version, record.case, 0
        while True:
            pause = rng.uniform(*think)
            if time.monotonic() + pause >= until:
                break
            time.sleep(pause)
            i += 1
            candidate = edited(case, i)
            t0 = time.perf_counter()
            try:
                version = store.cases.save_case(candidate, version, user)
            except Exception as error:
                errors[_kind(error)] += 1
                continue
            latencies.append((time.perf_counter() - t0) * 1000)
            last = (version, content_sha256(candidate))
    except Exception as error:
        errors[_kind(error)] += 1
    finally:
        store.close()
    out[officer.login] = (latencies, errors, last)


def _ready(_: int) -> int:
    time.sleep(0.5)  # long enough that each process takes one
    return os.getpid()


def _kind(error: Exception) -> str:
    """The error's type, with its reason or the server's first words when it has them."""
    detail = getattr(error, "reason", None) or getattr(error, "detail", None)
    return f"{type(error).__name__}: {str(detail)[:60]}" if detail else type(error).__name__


def worker(
    url: str, officers: list[Officer], until: float, think: tuple[float, float], idle_release_s: float
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    cpu_start = time.process_time()  # the spawned process has imported the workbench by now
    threads = [
        threading.Thread(target=_officer_loop, args=(url, officer, until, think, idle_release_s, out))
        for officer in officers
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    out[CPU_KEY] = time.process_time() - cpu_start  # its officers' Python and the driver
    return out


def lost_updates(url: str, results: dict[str, Any], officers: list[Officer]) -> int:
    """Cases whose stored version or content is not what their officer saved last."""
    sessions = make_sessions(make_engine(url))
    lost = 0
    try:
        with sessions.begin() as session:
            repo = SqlCaseRepository(session)
            for officer in officers:
                last = results.get(officer.login, (None, None, None))[2]
                if last is None:
                    continue
                record = repo.get(officer.case_id)
                if (record.version, content_sha256(record.case)) != last:
                    lost += 1
    finally:
        sessions.engine.dispose()
    return lost


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def run(url: str, args: argparse.Namespace) -> None:
    prefix = f"wb_load_{uuid.uuid4().hex[:6]}"
    print(f"setting up {args.officers} officers …", flush=True)
    t0 = time.perf_counter()
    officers = set_up(url, args.officers, prefix)
    print(f"  set up in {time.perf_counter() - t0:.1f} s")
    try:
        report(url, args, officers)
    finally:
        drop_logins(url, prefix)


def report(url: str, args: argparse.Namespace, officers: list[Officer]) -> None:
    first = officers[0]
    sign_ins = [sign_in_to_first_page(url, first.login) for _ in range(SIGN_IN_RUNS)]
    print(f"sign-in to the first page of cases: median {statistics.median(sign_ins):.1f} ms (goal ≤ 300 ms)")

    as_officer = signed_in(url, first.login)
    owner = StoreServices.over(url, make_sessions(make_engine(url)))
    try:
        mine = statistics.median(save_times(as_officer, first.case_id, SAVE_RUNS))
        other = officers[1] if len(officers) > 1 else first
        owner_user = owner.users.find_user(other.login)
        # The owner acts as the officer by claim: no row security for it, the same triggers.
        theirs = statistics.median(_owner_saves(owner, other.case_id, owner_user))
    finally:
        as_officer.close()
        owner.close()
    ratio = mine / theirs
    print(
        f"save of case A as the officer: median {mine:.1f} ms; as the owner: {theirs:.1f} ms ({ratio:.2f}×)"
    )

    think = tuple(float(x) for x in args.think.split(","))
    shares = [officers[i :: args.processes] for i in range(args.processes)]
    print(f"load: {len(officers)} officers in {args.processes} processes for {args.seconds} s …", flush=True)
    context = multiprocessing.get_context("spawn")
    login_prefix = officers[0].login.rsplit("_", 1)[0]
    with context.Pool(args.processes) as pool:
        # The 60 s start once every process has imported the workbench (seconds on a loaded machine).
        pool.map(_ready, range(args.processes), chunksize=1)
        statements = StatementTimes(url, login_prefix)
        until = time.monotonic() + args.seconds
        with ConnectionSampler(url, login_prefix) as sampler:
            jobs = [(url, share, until, think, args.idle_release) for share in shares if share]
            parts = pool.starmap(worker, jobs)
    results: dict[str, Any] = {}
    client_cpu = 0.0
    for part in parts:
        client_cpu += part.pop(CPU_KEY, 0.0)
        results.update(part)
    latencies = [ms for lat, _e, _l in results.values() for ms in lat]
    errors: Counter[str] = Counter()
    for _lat, errs, _last in results.values():
        errors.update(errs)
    if latencies:
        print(
            f"  saves {len(latencies)}  p50 {pct(latencies, 50):.1f} ms  p95 {pct(latencies, 95):.1f} ms"
            f"  p99 {pct(latencies, 99):.1f} ms  max {max(latencies):.1f} ms  (goal p95 ≤ 50 ms)"
        )
    print(f"  errors {sum(errors.values())} {dict(errors) if errors else ''} (goal 0)")
    print(
        f"  officers' server connections: peak {sampler.peak}, mean {sampler.mean:.0f}"
        f" (the server allows {sampler.max_connections})"
    )
    print(
        f"  officers waiting for a lock: mean {sampler.waiting_mean:.1f}, peak {sampler.waiting_peak};"
        f" on {dict(sampler.waits_on.most_common(4))}"
    )
    print(
        f"  CPU: the machine {sampler.cpu_busy:.0%} busy ({os.cpu_count()} CPUs);"
        f" the load generator's processes {client_cpu:.1f} s"
        f" ({client_cpu / max(args.seconds, 1e-9):.2f} CPUs)"
        + (f", {client_cpu / len(latencies) * 1000:.1f} ms per save" if latencies else "")
    )
    print(
        f"  the officers' server processes: {sampler.backend_cpu_s:.1f} s CPU"
        + (f", {sampler.backend_cpu_s / len(latencies) * 1000:.1f} ms per save" if latencies else "")
    )
    total, top = statements.read()
    if top:
        # pg_stat_statements drops entries when full (5 000 by default, one per statement and login,
        # shared with the server's other work): per save is counted by the saves it kept, the
        # case_file UPDATE each save runs once.
        kept = next((calls for _t, calls, _m, q in top if q.startswith("UPDATE case_file")), 0)
        per_save = f", {total / kept:.1f} ms per save (over the {kept} saves it kept)" if kept else ""
        print(f"  the server's time in the officers' statements: {total / 1000:.1f} s{per_save}")
        for ms, count, mean, query in top:
            print(f"    {ms / 1000:6.1f} s  {count:6d} × {mean:6.2f} ms  {query[:90]}")
    print(f"  lost updates {lost_updates(url, results, officers)} (goal 0)")


class ConnectionSampler:
    """Samples every 100 ms the server connections held by the officers' logins (idle or not), how
    many of them wait for a lock and on what (``pg_locks``), and the machine's CPU (``/proc/stat``)."""

    def __init__(self, url: str, login_prefix: str) -> None:
        self._engine = create_engine(url)
        self._prefix = login_prefix
        self._stop = threading.Event()
        self._counts: list[int] = []
        self._waiting: list[int] = []
        self.waits_on: Counter[str] = Counter()
        self._cpu_start = _machine_cpu()
        self.cpu_busy = 0.0
        self._backend_cpu: dict[int, int] = {}
        self._thread = threading.Thread(target=self._sample, daemon=True)
        with self._engine.connect() as connection:
            self.max_connections = int(connection.execute(text("SHOW max_connections")).scalar_one())

    @property
    def backend_cpu_s(self) -> float:
        """CPU seconds of the officers' server processes (sampled once a second: a lower bound)."""
        return sum(self._backend_cpu.values()) / os.sysconf("SC_CLK_TCK")

    def _sample(self) -> None:
        query = text(
            "SELECT count(*), count(*) FILTER (WHERE wait_event_type = 'Lock') "
            "FROM pg_stat_activity WHERE starts_with(usename, :p)"
        )
        # What each waiting officer waits for: the lock's kind and, for a row or relation, its table.
        waits = text(
            "SELECT l.locktype || coalesce(' ' || c.relname, '') FROM pg_locks l "
            "JOIN pg_stat_activity a ON a.pid = l.pid LEFT JOIN pg_class c ON c.oid = l.relation "
            "WHERE NOT l.granted AND starts_with(a.usename, :p)"
        )
        pids = text("SELECT pid FROM pg_stat_activity WHERE starts_with(usename, :p)")
        with self._engine.connect() as connection:
            while not self._stop.wait(0.1):
                if len(self._counts) % 10 == 0:  # once a second: the officers' server processes' CPU
                    for pid in connection.execute(pids, {"p": self._prefix}).scalars():
                        self._backend_cpu[pid] = max(self._backend_cpu.get(pid, 0), _process_cpu(pid))
                held, waiting = connection.execute(query, {"p": self._prefix}).one()
                self._counts.append(int(held))
                self._waiting.append(int(waiting))
                if waiting:
                    self.waits_on.update(connection.execute(waits, {"p": self._prefix}).scalars())
                connection.commit()

    def __enter__(self) -> ConnectionSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._engine.dispose()
        busy, total = (b - a for a, b in zip(self._cpu_start, _machine_cpu(), strict=True))
        self.cpu_busy = busy / total if total else 0.0

    @property
    def waiting_mean(self) -> float:
        return statistics.fmean(self._waiting) if self._waiting else 0.0

    @property
    def waiting_peak(self) -> int:
        return max(self._waiting, default=0)

    @property
    def peak(self) -> int:
        return max(self._counts, default=0)

    @property
    def mean(self) -> float:
        return statistics.fmean(self._counts) if self._counts else 0.0


def _machine_cpu() -> tuple[int, int]:
    """Busy and total jiffies of all CPUs since boot (Linux ``/proc/stat``; zeros elsewhere)."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return 0, 0
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return sum(fields[:8]) - idle, sum(fields[:8])


def _process_cpu(pid: int) -> int:
    """User + system jiffies of a process on this machine (0 if gone or not Linux)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0
    return int(fields[11]) + int(fields[12])


class StatementTimes:
    """The server's own time per statement of the officers (``pg_stat_statements``, if the server
    loads it: ``scripts/ensure-postgres.sh`` does), over the load run only."""

    def __init__(self, url: str, login_prefix: str) -> None:
        self._engine = create_engine(url, isolation_level="AUTOCOMMIT")
        self._prefix = login_prefix
        with self._engine.connect() as connection:
            preload = str(connection.execute(text("SHOW shared_preload_libraries")).scalar_one())
            self.available = "pg_stat_statements" in preload
            if self.available:
                connection.execute(text("CREATE EXTENSION IF NOT EXISTS pg_stat_statements"))
                connection.execute(
                    text(
                        "SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database "
                        "WHERE datname = current_database()), 0)"
                    )
                )

    def read(self, n: int = 8) -> tuple[float, list[tuple[float, int, float, str]]]:
        """The officers' total statement time (ms) and their ``n`` costliest statements: (total ms,
        calls, mean ms, text), most first."""
        if not self.available:
            return 0.0, []
        query = text(  # one line per statement, over all the officers
            "SELECT sum(s.total_exec_time) AS total, sum(s.calls), sum(s.total_exec_time) / sum(s.calls), "
            "min(s.query) FROM pg_stat_statements s "
            "JOIN pg_roles r ON r.oid = s.userid JOIN pg_database d ON d.oid = s.dbid "
            "WHERE d.datname = current_database() AND starts_with(r.rolname, :p) "
            "GROUP BY s.queryid ORDER BY total DESC"
        )
        with self._engine.connect() as connection:
            rows = connection.execute(query, {"p": self._prefix}).all()
        self._engine.dispose()
        top = [(float(t), int(c), float(m), " ".join(str(q).split())) for t, c, m, q in rows[:n]]
        return sum(float(r[0]) for r in rows), top


def _owner_saves(owner: StoreServices, case_id: str, user: Any) -> list[float]:
    record = owner.cases.open_case(case_id, user)
    version, times = record.version, []
    for i in range(SAVE_RUNS):
        t0 = time.perf_counter()
        version = owner.cases.save_case(edited(record.case, i), version, user)
        times.append((time.perf_counter() - t0) * 1000)
    return times


def drop_logins(url: str, prefix: str) -> None:
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            names = connection.execute(
                text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p"), {"p": f"{prefix}%"}
            ).scalars()
            for name in list(names):
                connection.execute(text(f'DROP OWNED BY "{name}"'))
                connection.execute(text(f'DROP ROLE "{name}"'))
    finally:
        admin.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--officers", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--think", default="2,8", help="seconds between saves: MIN,MAX")
    parser.add_argument(
        "--idle-release",
        type=float,
        default=idle_pool.IDLE_RELEASE_S,
        help="seconds a quiet app keeps a connection",
    )
    parser.add_argument("--pg-url", default=DEFAULT_PG_URL)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)
    server = make_url(args.pg_url)
    name = f"wb_bench_load_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    url = server.set(database=name).render_as_string(hide_password=False)
    try:
        run(url, args)
    finally:
        if not args.keep:
            with admin.connect() as connection:
                connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            drop_logins(args.pg_url, name)  # the store's group roles (named after the database)
        admin.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
