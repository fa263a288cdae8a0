"""Drivers of the store's reliability figures, shared by tests/store/test_reliability.py and
benchmarks/reliability_store.py (imported as ``tests.store.reliability``).

Each driver runs against a real database URL (a SQLite file or a PostgreSQL database with the schema
and one officer), does not assert, and returns its figures with a list of ``violations`` (each one
names the seed and the round, so a failure can be replayed with ``WORKBENCH_RELIABILITY_SEED``):

* ``interleavings``: two writers (two ``CaseService`` over two engines, as two officers' apps) on the
  same case, one randomly ordered load/edit/save sequence per round;
* ``threaded_races``: both writers load the same version, then save at the same instant from two
  threads (PostgreSQL: alternately with and without the row lock, so the ``version_id_col`` guard —
  ``StaleDataError`` — must hold on its own; SQLite: ``BEGIN IMMEDIATE`` plus the busy timeout);
* ``sigkill_writer``: a writer process (``tests/store/kill_writer.py``) saving alternating versions is
  killed with SIGKILL at a random moment, again and again; after each kill the store must open,
  pass its integrity checks and hold exactly the old or the new version, never a mix.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from workbench.domain.errors import ConcurrentEditError
from workbench.domain.policy import DEFAULT_POLICY
from workbench.domain.profit_loss import ExpenseItem
from workbench.services.cases import BEFORE_COMMITTEE, CaseService
from workbench.store import repository as repository_module
from workbench.store.case_rows import CaseFileRow
from workbench.store.changes import content_sha256
from workbench.store.db import make_engine, make_sessions
from workbench.store.mappers import CASE_SECTION, CHILD_TABLES, SPLIT_SECTIONS, case_to_rows
from workbench.store.repository import SqlCaseRepository

if TYPE_CHECKING:
    from collections.abc import Iterator

    from workbench.domain.case_file import CaseFile
    from workbench.domain.records import CaseRecord, User
    from workbench.store.db import Sessions

REPO = Path(__file__).resolve().parents[2]

# Load L and save S of writers A and B: a writer loads before it saves (its edit is in between).
ORDERS: tuple[tuple[str, ...], ...] = tuple(
    order
    for order in (
        ("LA", "LB", "SA", "SB"),
        ("LA", "LB", "SB", "SA"),
        ("LB", "LA", "SA", "SB"),
        ("LB", "LA", "SB", "SA"),
        ("LA", "SA", "LB", "SB"),
        ("LB", "SB", "LA", "SA"),
    )
)

STAMPED_FIELDS = ("label", "name", "counterparty", "lender", "beneficiary", "title", "description")
"""The free-text field of each detail-list item that ``variant`` marks with the version counter."""


# ---- edits -----------------------------------------------------------------------------------


def _with_items(case: CaseFile, section: str, list_field: str, items: list[Any]) -> CaseFile:
    if not section:
        return dataclasses.replace(case, **{list_field: tuple(items)})
    owner = getattr(case, section)
    return dataclasses.replace(case, **{section: dataclasses.replace(owner, **{list_field: tuple(items)})})


def edit(case: CaseFile, rng: random.Random, tag: str) -> CaseFile:
    """A random officer's edit: always the conclusion (root JSON), often a detail list or the stage."""
    out = dataclasses.replace(case, notes=dataclasses.replace(case.notes, conclusion=f"{tag} {rng.random()}"))
    kind = rng.randrange(5)
    if kind == 1:  # a quantity in a balance-sheet detail table
        stock = list(out.balance_sheet.stock)
        i = rng.randrange(len(stock))
        stock[i] = dataclasses.replace(stock[i], quantity=Decimal(rng.randint(1, 500)))
        out = _with_items(out, "balance_sheet", "stock", stock)
    elif kind == 2:  # a row more or less in a profit-and-loss table
        items = list(out.profit_loss.household_expenses)
        if len(items) >= 12 or (len(items) > 3 and rng.random() < 0.5):
            items.pop(rng.randrange(len(items)))
        else:
            items.append(ExpenseItem(label=f"{tag} 杂费", amount=Decimal(rng.randint(1, 99999)) / 100))
        out = _with_items(out, "profit_loss", "household_expenses", items)
    elif kind == 3 and out.guarantors:  # a case-level detail table
        guarantors = list(out.guarantors)
        guarantors[0] = dataclasses.replace(guarantors[0], occupation=f"{tag} 职业")
        out = _with_items(out, "", "guarantors", guarantors)
    elif kind == 4:  # a list column of the root row (a stage a save may set: the committee owns the rest)
        out = dataclasses.replace(out, stage=rng.choice(sorted(BEFORE_COMMITTEE)))
    return out


def _stamp(item: Any, n: int) -> Any:
    for name in STAMPED_FIELDS:
        value = getattr(item, name, None)
        if isinstance(value, str):
            return dataclasses.replace(item, **{name: f"{value[:180]} #{n}"})
    raise AssertionError(f"no free-text field to stamp on {type(item).__name__}")


def variant(base: CaseFile, n: int) -> CaseFile:
    """Version ``n`` of the kill writer's case: every detail row and the conclusion carry ``#n``, and
    odd versions have one stock item and one household expense fewer (row counts differ too)."""
    out = dataclasses.replace(base, notes=dataclasses.replace(base.notes, conclusion=f"counter {n}"))
    for section in (*SPLIT_SECTIONS, CASE_SECTION):
        owner = getattr(out, section.field) if section.field else out
        if owner is None:
            continue
        for slot in section.lists:
            items = [_stamp(item, n) for item in getattr(owner, slot.field)]
            if n % 2 and slot.field in ("stock", "household_expenses") and len(items) > 1:
                items.pop()
            out = _with_items(out, section.field, slot.field, items)
            owner = getattr(out, section.field) if section.field else out
    return out


# ---- figures ---------------------------------------------------------------------------------


@dataclass
class InterleavingFigures:
    engine: str
    rounds: int
    seed: int
    saves: int = 0
    landed: int = 0
    conflicts: int = 0
    lost_updates: int = 0
    orders: Counter[str] = field(default_factory=Counter)
    violations: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def line(self) -> str:
        return (
            f"{self.engine}: {self.rounds} interleavings, {self.saves} saves: {self.landed} landed, "
            f"{self.conflicts} conflicts, {self.lost_updates} lost updates, "
            f"{len(self.violations)} violations ({self.seconds:.1f} s, seed {self.seed})"
        )


@dataclass
class RaceFigures:
    engine: str
    rounds: int
    seed: int
    landed: int = 0
    conflicts: int = 0
    lost_updates: int = 0
    overlapping: int = 0
    stale_data_path: int = 0
    unlocked_rounds: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    violations: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def line(self) -> str:
        return (
            f"{self.engine}: {self.rounds} threaded races ({self.unlocked_rounds} without the row lock): "
            f"{self.landed} landed, {self.conflicts} conflicts ({self.stale_data_path} via StaleDataError), "
            f"{self.overlapping} with overlapping saves, {self.lost_updates} lost updates, "
            f"{len(self.violations)} violations ({self.seconds:.1f} s, seed {self.seed})"
        )


@dataclass
class KillFigures:
    engine: str
    kills: int
    seed: int
    mid_save: int = 0
    between_saves: int = 0
    kept_old: int = 0
    got_new: int = 0
    saves_committed: int = 0
    violations: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def line(self) -> str:
        return (
            f"{self.engine}: {self.kills} SIGKILLs ({self.mid_save} mid-save, {self.between_saves} between "
            f"saves) after {self.saves_committed} committed saves: store opened and checked each time, "
            f"case = old version {self.kept_old}×, new version {self.got_new}×, mixed 0×; "
            f"{len(self.violations)} violations ({self.seconds:.1f} s, seed {self.seed})"
        )


# ---- helpers ---------------------------------------------------------------------------------


def two_apps(url: str, **engine_options: Any) -> list[CaseService]:
    """Two officers' apps: a ``CaseService`` each, each over its own engine (own connections)."""
    return [CaseService(make_sessions(make_engine(url, **engine_options))) for _ in range(2)]


def close_apps(apps: list[CaseService]) -> None:
    for app in apps:
        app._sessions.engine.dispose()


def child_row_counts(sessions: Sessions, case_id: str) -> dict[str, int]:
    """Rows of each detail table that belong to the case."""
    import uuid

    key = uuid.UUID(case_id)
    with sessions.begin() as session:
        return {
            t.name: int(session.scalar(select(func.count()).select_from(t).where(t.c.case_id == key)) or 0)
            for t in CHILD_TABLES
        }


def expected_row_counts(case: CaseFile) -> dict[str, int]:
    rows = case_to_rows(case, DEFAULT_POLICY)
    return {t.name: len(rows.children[t]) for t in CHILD_TABLES}


def consistency_problems(sessions: Sessions, record: CaseRecord) -> list[str]:
    """Whatever makes a loaded case differ from its own bookkeeping: hash, snapshot, history, rows."""
    problems: list[str] = []
    if content_sha256(record.case) != record.content_sha256:
        problems.append("content_sha256 is not the hash of the stored content")
    with sessions.begin() as session:
        repo = SqlCaseRepository(session)
        snapshot = repo.version_document(record.case.id, record.version)
        versions = [v.version for v in repo.history(record.case.id)]
    if snapshot != record.case:
        problems.append(f"detail rows and snapshot of version {record.version} differ (a mix)")
    if versions != list(range(1, record.version + 1)):
        problems.append(f"history is {versions[:3]}…{versions[-3:]}, not 1…{record.version}")
    if child_row_counts(sessions, record.case.id) != expected_row_counts(record.case):
        problems.append("detail-table row counts differ from the content")
    return problems


def _final_check(
    violations: list[str],
    app: CaseService,
    user: User,
    case_id: str,
    version: int,
    content: CaseFile,
    seed: int,
) -> int:
    """After the last round: the stored case is the last successful save; 1 if an update was lost."""
    final = app.open_case(case_id, user)
    violations += [f"seed {seed} end: {p}" for p in consistency_problems(app._sessions, final)]
    if (final.version, final.case) == (version, content):
        return 0
    violations.append(f"seed {seed} end: stored v{final.version} is not the last save v{version}")
    return 1


# ---- a: two writers, randomized interleavings --------------------------------------------------


def interleavings(url: str, user: User, case: CaseFile, rounds: int, seed: int) -> InterleavingFigures:
    """Two writers on ``case`` (stored here first), ``rounds`` random interleavings, one thread."""
    rng = random.Random(seed)
    apps = two_apps(url)
    figures = InterleavingFigures(make_url(url).get_backend_name(), rounds, seed)
    started = time.perf_counter()
    try:
        stored = apps[0].create_case(case, user)
        version, content = stored.version, stored.case
        for r in range(rounds):
            order = rng.choice(ORDERS)
            figures.orders[" ".join(order)] += 1
            loaded: dict[str, tuple[int, CaseFile]] = {}
            for step in order:
                kind, writer = step[0], step[1]
                app = apps[0 if writer == "A" else 1]
                where = f"seed {seed} round {r} {' '.join(order)} at {step}"
                if kind == "L":
                    record = app.open_case(case.id, user)
                    if (record.version, record.case) != (version, content):
                        figures.lost_updates += 1
                        figures.violations.append(f"{where}: loaded v{record.version}, last saved v{version}")
                        version, content = record.version, record.case
                    loaded[writer] = (record.version, edit(record.case, rng, f"r{r}{writer}"))
                    continue
                base, mine = loaded[writer]
                figures.saves += 1
                try:
                    new = app.save_case(mine, base, user)
                except ConcurrentEditError as error:
                    figures.conflicts += 1
                    if base == version:
                        figures.violations.append(f"{where}: conflict although v{base} was current")
                    if (error.expected_version, error.actual_version) != (base, version):
                        figures.violations.append(
                            f"{where}: conflict says {error.expected_version}/{error.actual_version}, "
                            f"expected {base}/{version}"
                        )
                    continue
                figures.landed += 1
                if base != version:
                    figures.lost_updates += 1
                    figures.violations.append(f"{where}: a save over stale v{base} landed (v{version} lost)")
                if new != version + 1:
                    figures.violations.append(f"{where}: new version {new}, expected {version + 1}")
                version, content = new, mine
        figures.lost_updates += _final_check(
            figures.violations, apps[1], user, case.id, version, content, seed
        )
    finally:
        close_apps(apps)
    figures.seconds = time.perf_counter() - started
    return figures


# ---- a': threaded races -----------------------------------------------------------------------


@contextlib.contextmanager
def _counting_stale_data_path(figures: RaceFigures) -> Iterator[None]:
    """Count the conflicts found by the ``version_id_col`` UPDATE (``StaleDataError``): only that
    path asks ``_committed_version``."""
    original = SqlCaseRepository._committed_version
    lock = threading.Lock()

    def counted(self: SqlCaseRepository, case_id: Any) -> int:
        with lock:
            figures.stale_data_path += 1
        return original(self, case_id)

    SqlCaseRepository._committed_version = counted  # type: ignore[method-assign]
    try:
        yield
    finally:
        SqlCaseRepository._committed_version = original  # type: ignore[method-assign]


def _unlocked_root(self: SqlCaseRepository, case_id: Any) -> CaseFileRow:
    """``_locked_root`` without ``FOR UPDATE``: two writers both get past the version check."""
    query = select(CaseFileRow).where(CaseFileRow.id == case_id).execution_options(populate_existing=True)
    return self._session.scalars(query).one()


@contextlib.contextmanager
def _row_lock(enabled: bool) -> Iterator[None]:
    if enabled:
        yield
        return
    repo = repository_module.SqlCaseRepository
    original, original_lock = repo._locked_root, repo.lock_for_save
    repo._locked_root = _unlocked_root  # type: ignore[method-assign]
    # the service then reads owner and stage without a lock, and the save its row without one too
    repo.lock_for_save = lambda self, case_id: None  # type: ignore[method-assign]
    try:
        yield
    finally:
        repo._locked_root, repo.lock_for_save = original, original_lock  # type: ignore[method-assign]


def threaded_races(
    url: str, user: User, case: CaseFile, rounds: int, seed: int, *, unlocked_every: int = 0
) -> RaceFigures:
    """Both writers load the same version, then save at once from two threads: exactly one lands.

    ``unlocked_every=2`` runs every second round without the row lock (PostgreSQL): then the
    ``UPDATE … WHERE version_id = :loaded`` of the mapper is the only guard.
    """
    rng = random.Random(seed)
    apps = two_apps(url)
    figures = RaceFigures(make_url(url).get_backend_name(), rounds, seed)
    barrier = threading.Barrier(2)
    started = time.perf_counter()

    def save(app: CaseService, mine: CaseFile, base: int) -> tuple[str, Any, float, float]:
        barrier.wait(timeout=30)
        t0 = time.perf_counter()
        try:
            result: tuple[str, Any] = ("landed", app.save_case(mine, base, user))
        except ConcurrentEditError as error:
            result = ("conflict", error)
        except Exception as error:  # reported as a violation, with its type
            result = ("error", error)
        return (*result, t0, time.perf_counter())

    try:
        stored = apps[0].create_case(case, user)
        version, content = stored.version, stored.case
        with _counting_stale_data_path(figures):
            for r in range(rounds):
                where = f"seed {seed} round {r}"
                records = [app.open_case(case.id, user) for app in apps]
                for record in records:
                    if (record.version, record.case) != (version, content):
                        figures.lost_updates += 1
                        figures.violations.append(f"{where}: loaded v{record.version}, last saved v{version}")
                        version, content = record.version, record.case
                edits = [edit(records[w].case, rng, f"r{r}{'AB'[w]}") for w in (0, 1)]
                locked = not unlocked_every or r % unlocked_every
                figures.unlocked_rounds += 0 if locked else 1
                results: list[tuple[str, Any, float, float]] = [("", None, 0.0, 0.0)] * 2

                def run(w: int, mine: list[CaseFile], base: int, out: list[Any]) -> None:
                    out[w] = save(apps[w], mine[w], base)

                with _row_lock(bool(locked)):
                    threads = [
                        threading.Thread(target=run, args=(w, edits, version, results)) for w in (0, 1)
                    ]
                    for t in threads:
                        t.start()
                    for t in threads:
                        t.join(timeout=60)
                outcomes = [res[0] for res in results]
                if max(results[0][2], results[1][2]) < min(results[0][3], results[1][3]):
                    figures.overlapping += 1
                for w, (outcome, value, _t0, _t1) in enumerate(results):
                    if outcome == "landed":
                        figures.landed += 1
                    elif outcome == "conflict":
                        figures.conflicts += 1
                    else:
                        figures.errors[type(value).__name__] += 1
                        figures.violations.append(f"{where}: writer {'AB'[w]} failed: {value!r}")
                if sorted(outcomes) != ["conflict", "landed"]:
                    if outcomes.count("landed") == 2:
                        figures.lost_updates += 1
                    figures.violations.append(
                        f"{where}: outcomes {outcomes}, not one landed and one conflict"
                    )
                    continue
                winner = outcomes.index("landed")
                loser_error = results[1 - winner][1]
                if results[winner][1] != version + 1:
                    figures.violations.append(f"{where}: new version {results[winner][1]}, not {version + 1}")
                if (loser_error.expected_version, loser_error.actual_version) != (version, version + 1):
                    figures.violations.append(f"{where}: conflict {loser_error}, not {version}→{version + 1}")
                version, content = version + 1, edits[winner]
        figures.lost_updates += _final_check(
            figures.violations, apps[0], user, case.id, version, content, seed
        )
    finally:
        close_apps(apps)
    figures.seconds = time.perf_counter() - started
    return figures


# ---- b: SIGKILL in the middle of a save ---------------------------------------------------------


class _Child:
    """A kill_writer process, started ahead of its turn: its imports overlap the previous run."""

    def __init__(self, url: str, case_id: str, user: User, start: int, slow_ms: float) -> None:
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        self.start_n = start
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.store.kill_writer",
                url,
                case_id,
                user.id,
                user.username,
                user.role.value,
                str(start),
                str(slow_ms),
            ],
            cwd=REPO,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.strip())
        self.lines.put(None)

    def expect(self, prefix: str, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while True:
            line = self.lines.get(timeout=max(deadline - time.monotonic(), 0.01))
            if line is None:
                assert self.proc.stderr is not None
                raise RuntimeError(f"kill_writer ended early: {self.proc.stderr.read()[-2000:]}")
            self.seen.append(line)
            if line.startswith(prefix):
                return line

    def go(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("go\n")
        self.proc.stdin.flush()

    def kill(self) -> list[str]:
        """SIGKILL, then every line the process wrote."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)
        self.reader.join(timeout=30)
        out = self.seen
        while True:
            line = self.lines.get_nowait() if not self.lines.empty() else None
            if line is None:
                break
            out.append(line)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        return out

    def discard(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.proc.kill()
        self.kill()


def _sqlite_integrity(url: str) -> list[str]:
    path = make_url(url).database or ""
    raw = sqlite3.connect(path)
    try:
        problems = []
        integrity = raw.execute("PRAGMA integrity_check").fetchall()
        if integrity != [("ok",)]:
            problems.append(f"integrity_check: {integrity[:3]}")
        broken = raw.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            problems.append(f"foreign_key_check: {broken[:3]}")
        return problems
    finally:
        raw.close()


def _postgres_integrity(sessions: Sessions, application_name: str) -> list[str]:
    """The killed client's backend is gone (its transaction rolled back) and no detail row is orphaned."""
    problems: list[str] = []
    deadline = time.monotonic() + 15
    with sessions.engine.connect() as connection:
        while True:
            left = connection.execute(
                text("SELECT state FROM pg_stat_activity WHERE application_name = :name"),
                {"name": application_name},
            ).all()
            connection.rollback()
            if not left:
                break
            if time.monotonic() > deadline:
                problems.append(f"backend of the killed writer still there: {left}")
                break
            time.sleep(0.02)
        for table in CHILD_TABLES:
            orphans = connection.scalar(
                text(
                    f"SELECT count(*) FROM {table.name} t "
                    "WHERE NOT EXISTS (SELECT 1 FROM case_file c WHERE c.id = t.case_id)"
                )
            )
            if orphans:
                problems.append(f"{orphans} orphaned rows in {table.name}")
    return problems


def _parse(lines: list[str]) -> tuple[dict[int, int], tuple[int, int] | None]:
    """Committed saves ``{n: version}`` and the save under way ``(n, version it started from)``."""
    saved: dict[int, int] = {}
    saving: tuple[int, int] | None = None
    for line in lines:
        word, *numbers = line.split()
        if word == "saving":
            saving = (int(numbers[0]), int(numbers[1]))
        elif word == "saved":
            saved[int(numbers[0])] = int(numbers[1])
            saving = None
    return saved, saving


def sigkill_writer(
    url: str,
    user: User,
    case: CaseFile,
    kills: int,
    seed: int,
    *,
    slow_ms: float = 1.0,
    max_delay: float = 0.08,
) -> KillFigures:
    """Kill a saving writer ``kills`` times; after each kill open the store and check it.

    ``slow_ms`` makes the writer sleep after each INSERT/DELETE, so its transactions are long enough
    for most kills to land inside one (the figures say how many did).
    """
    rng = random.Random(seed)
    engine = make_url(url).get_backend_name()
    figures = KillFigures(engine, kills, seed)
    started = time.perf_counter()
    setup = make_sessions(make_engine(url))
    try:
        CaseService(setup).create_case(case, user)
        previous: tuple[int, CaseFile] = (1, case)
    finally:
        setup.engine.dispose()

    def child_url(k: int) -> str:
        if engine != "postgresql":
            return url
        return (
            make_url(url)
            .update_query_dict({"application_name": f"wb_kill_{seed}_{k}"})
            .render_as_string(hide_password=False)
        )

    step = 10_000  # counters of different runs never meet
    upcoming = _Child(child_url(0), case.id, user, 1, slow_ms)
    try:
        for k in range(kills):
            child, upcoming = upcoming, None  # type: ignore[assignment]
            where = f"seed {seed} kill {k}"
            child.go()
            child.expect("saved ")
            if k + 1 < kills:
                upcoming = _Child(child_url(k + 1), case.id, user, 1 + (k + 1) * step, slow_ms)
            time.sleep(rng.uniform(0, max_delay))
            lines = child.kill()
            if child.proc.returncode != -signal.SIGKILL:
                figures.violations.append(f"{where}: writer exited with {child.proc.returncode}")
            saved, saving = _parse(lines)
            figures.saves_committed += len(saved)
            if saving is not None:
                figures.mid_save += 1
            else:
                figures.between_saves += 1
            if saved:
                last_n = max(saved)
                old = (saved[last_n], variant(case, last_n))
            else:
                old = previous
            new = (old[0] + 1, variant(case, saving[0])) if saving is not None else None
            # The store opens after the crash: a fresh engine, as a restarted app would have.
            problems = _sqlite_integrity(url) if engine == "sqlite" else []
            sessions = make_sessions(make_engine(url))
            try:
                if engine == "postgresql":
                    problems += _postgres_integrity(sessions, f"wb_kill_{seed}_{k}")
                record = CaseService(sessions).open_case(case.id, user)
                if (record.version, record.case) == old:
                    figures.kept_old += 1
                elif new is not None and (record.version, record.case) == new:
                    figures.got_new += 1
                else:
                    problems.append(
                        f"stored v{record.version} is neither the old v{old[0]} nor the save under way"
                    )
                problems += consistency_problems(sessions, record)
                previous = (record.version, record.case)
            finally:
                sessions.engine.dispose()
            figures.violations += [f"{where}: {p}" for p in problems]
    finally:
        if upcoming is not None:
            upcoming.discard()
    figures.seconds = time.perf_counter() - started
    return figures


__all__ = [
    "ORDERS",
    "InterleavingFigures",
    "KillFigures",
    "RaceFigures",
    "child_row_counts",
    "consistency_problems",
    "edit",
    "interleavings",
    "sigkill_writer",
    "threaded_races",
    "variant",
]
