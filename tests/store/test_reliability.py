"""Reliability of the store under concurrency, crashes, dropped connections and hostile files.

Part of the normal run (marked ``slow`` for selection only; CI must not deselect it). The drivers live in
``tests/store/reliability.py``; ``benchmarks/reliability_store.py`` prints the same figures.

* Two writers on one case: 1 000 randomized interleavings and 200 threaded races per engine; every
  save lands or raises ``ConcurrentEditError``, the stored case is always the last successful save.
* A writer process killed with SIGKILL mid-save, 15 times per engine: the store opens, passes its
  integrity checks, and holds the old or the new version, never a mix.
* PostgreSQL: the saving connection is terminated at a fixed point of the save; the caller gets
  ``StoreConnectionLostError`` (a ``StoreUnavailableError``), nothing is committed, the retry lands.
* Malformed or hostile import files: refused with file + field + reason and no table touched, or
  stored verbatim.

Random choices are seeded: the seed is printed and named in every failure; replay a failure with
``WORKBENCH_RELIABILITY_SEED=<seed>``. The SQLite files of the concurrency and kill tests live on
tmpfs (``/dev/shm``) when there is one, so ``fsync`` latency of a busy disk does not set the run
time (locking, WAL and crash recovery are the same; ``WORKBENCH_RELIABILITY_DIR`` overrides).
"""

from __future__ import annotations

import dataclasses
import json
import os
import random
import shutil
import sqlite3
import tempfile
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import create_engine, event, func, inspect, select, text

from tests.databases import ENGINES
from tests.store.helpers import add_user, demo, demo_path
from tests.store.reliability import (
    ORDERS,
    child_row_counts,
    expected_row_counts,
    interleavings,
    sigkill_writer,
    threaded_races,
    variant,
)
from workbench.cli.main import main as cli_main
from workbench.domain.policy import DEFAULT_POLICY
from workbench.domain.records import StoreConnectionLostError, StoreUnavailableError
from workbench.services.case_files import CaseFileError, dumps_case, loads_case
from workbench.services.cases import CaseService
from workbench.services.messages import describe_error
from workbench.store.db import make_engine, make_sessions
from workbench.store.mappers import CHILD_TABLES, case_to_rows
from workbench.store.orm import Base

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from tests.databases import PgDatabases
    from workbench.domain.case_file import CaseFile
    from workbench.domain.records import User

pytestmark = pytest.mark.slow

INTERLEAVINGS = 1000
RACES = 200
KILLS = 15


@pytest.fixture
def seed() -> int:
    chosen = int(os.environ.get("WORKBENCH_RELIABILITY_SEED") or random.SystemRandom().randrange(2**32))
    print(f"[reliability] seed {chosen} (replay: WORKBENCH_RELIABILITY_SEED={chosen})")
    return chosen


def _scratch_dir(tmp_path: Path) -> tuple[Path, bool]:
    """Where the SQLite files go: ``WORKBENCH_RELIABILITY_DIR``, tmpfs, or pytest's tmp_path."""
    chosen = os.environ.get("WORKBENCH_RELIABILITY_DIR")
    if chosen:
        return Path(tempfile.mkdtemp(prefix="wb-reliability-", dir=chosen)), True
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        return Path(tempfile.mkdtemp(prefix="wb-reliability-", dir=shm)), True
    return tmp_path, False


@pytest.fixture(params=ENGINES)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh store at the newest schema (the SQLite file on tmpfs when possible)."""
    if request.param == "sqlite":
        directory, own = _scratch_dir(tmp_path)
        path = directory / "store.sqlite3"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        try:
            yield f"sqlite:///{path}"
        finally:
            if own:
                shutil.rmtree(directory, ignore_errors=True)
        return
    databases: PgDatabases = request.getfixturevalue("pg_databases")
    name = databases.create(template=databases.template)
    yield databases.url(name)
    databases.drop(name)


@pytest.fixture
def writer(store_url: str) -> User:
    sessions = make_sessions(make_engine(store_url))
    try:
        return add_user(sessions, "liumin")
    finally:
        sessions.engine.dispose()


def case_a() -> CaseFile:
    return dataclasses.replace(demo("a"), id=str(uuid.uuid4()))


# ---- a: two writers ------------------------------------------------------------------------------


def test_two_writers_random_interleavings_lose_nothing(store_url: str, writer: User, seed: int) -> None:
    figures = interleavings(store_url, writer, case_a(), INTERLEAVINGS, seed)
    print(f"[reliability] {figures.line()}")
    assert figures.violations == [], f"seed {seed}: {figures.violations[:5]}"
    assert figures.lost_updates == 0
    assert figures.saves == 2 * INTERLEAVINGS == figures.landed + figures.conflicts
    assert set(figures.orders) == {" ".join(o) for o in ORDERS}  # every kind of interleaving ran
    assert figures.conflicts > INTERLEAVINGS // 4


def test_two_writers_saving_at_the_same_instant(store_url: str, writer: User, seed: int) -> None:
    """Threads: PostgreSQL alternates rounds with and without the row lock (then the mapper's
    ``version_id`` UPDATE, ``StaleDataError``, is the only guard); SQLite queues the second writer in
    ``BEGIN IMMEDIATE`` behind the busy timeout."""
    postgres = store_url.startswith("postgresql")
    figures = threaded_races(store_url, writer, case_a(), RACES, seed, unlocked_every=2 if postgres else 0)
    print(f"[reliability] {figures.line()}")
    assert figures.violations == [], f"seed {seed}: {figures.violations[:5]}"
    assert (figures.landed, figures.conflicts, figures.lost_updates) == (RACES, RACES, 0)
    assert figures.overlapping > 0  # the second save really ran while the first held the lock
    if postgres:
        assert figures.unlocked_rounds == RACES // 2
        assert figures.stale_data_path > 0


# ---- b: SIGKILL mid-save -------------------------------------------------------------------------


def test_a_writer_killed_mid_save_leaves_the_old_or_the_new_version(
    store_url: str, writer: User, seed: int
) -> None:
    figures = sigkill_writer(store_url, writer, case_a(), KILLS, seed)
    print(f"[reliability] {figures.line()}")
    assert figures.violations == [], f"seed {seed}: {figures.violations[:5]}"
    assert figures.kept_old + figures.got_new == KILLS
    assert figures.mid_save > 0
    assert figures.saves_committed >= KILLS


def test_the_kill_writer_versions_differ_in_every_detail_table() -> None:
    """So a mix of two versions could not pass for either of them."""
    base = case_a()
    even, odd = case_to_rows(variant(base, 2), DEFAULT_POLICY), case_to_rows(variant(base, 3), DEFAULT_POLICY)
    assert even.root["notes_json"] != odd.root["notes_json"]
    filled = [t for t in CHILD_TABLES if even.children[t]]
    assert len(filled) >= 12
    for table in filled:
        assert all(a != b for a, b in zip(even.children[table], odd.children[table], strict=False)), (
            table.name
        )
    assert expected_row_counts(variant(base, 2)) != expected_row_counts(variant(base, 3))


# ---- c: PostgreSQL connection dropped mid-save ---------------------------------------------------


def _table_counts(sessions: Any) -> dict[str, int]:
    with sessions.begin() as session:
        return {
            name: int(session.scalar(select(func.count()).select_from(table)) or 0)
            for name, table in Base.metadata.tables.items()
        }


@pytest.mark.postgres
@pytest.mark.parametrize("engine_url", ["postgresql"], indirect=True)
@pytest.mark.parametrize("point", ["WITH i0 AS (INSERT INTO", "COMMIT"])  # the detail rows' one INSERT
def test_a_connection_dropped_mid_save_is_a_clear_error_and_the_retry_lands(
    engine_url: str, officer: User, point: str
) -> None:
    """From another connection, ``pg_terminate_backend`` the saving session when it is about to
    write the detail rows (or to commit); the caller keeps its edited case and simply saves again."""
    app_sessions = make_sessions(make_engine(engine_url))
    app = CaseService(app_sessions)
    original = app.create_case(case_a(), officer)
    edited = variant(original.case, 7)
    before = _table_counts(app_sessions)
    admin = create_engine(engine_url, isolation_level="AUTOCOMMIT")
    terminated: list[int] = []

    def terminate(pid: int) -> None:
        with admin.connect() as connection:
            assert connection.scalar(text("SELECT pg_terminate_backend(:pid, 5000)"), {"pid": pid})
        terminated.append(pid)

    def on_statement(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        if not terminated and statement.startswith(point):
            terminate(cursor.connection.info.backend_pid)

    def on_commit(conn: Any) -> None:
        if not terminated:
            terminate(conn.connection.dbapi_connection.info.backend_pid)

    hook: tuple[str, Callable[..., None]] = (
        ("commit", on_commit) if point == "COMMIT" else ("before_cursor_execute", on_statement)
    )
    event.listen(app_sessions.engine, *hook)
    try:
        with pytest.raises(StoreUnavailableError) as caught:
            app.save_case(edited, original.version, officer)
    finally:
        event.remove(app_sessions.engine, *hook)
    assert terminated, "the hook never fired"
    assert isinstance(caught.value, StoreConnectionLostError)
    for lang, words in (("zh", "连接中断"), ("en", "lost the connection")):
        message = describe_error(caught.value, lang)
        assert words in message and "\n" not in message
        assert "无法连接" not in message
    # Nothing partial was committed; the caller still holds ``edited`` (an immutable value).
    assert _table_counts(app_sessions) == before
    stored = app.open_case(original.case.id, officer)
    assert (stored.version, stored.case) == (original.version, original.case)
    assert child_row_counts(app_sessions, original.case.id) == expected_row_counts(original.case)
    # The retry: same case, same expected version, on a fresh connection from the pool.
    assert app.save_case(edited, original.version, officer) == original.version + 1
    assert app.open_case(original.case.id, officer).case == edited
    admin.dispose()
    app_sessions.engine.dispose()


# ---- d: malformed or hostile import files --------------------------------------------------------

HOSTILE_TEXTS = {
    "borrower_name": "'); DROP TABLE case_file; --",
    "business_name": "Robert'); DELETE FROM app_user WHERE ('1'='1",
    "conclusion": "1' OR '1'='1'; --\n%_\\ \" ; SELECT pg_sleep(10); -- 中文 ' \t end",
    "stock_label": "'; DROP TABLE bs_stock_item; --",
    "guarantor": '" OR ""="',
    "evidence": "<script>alert(1)</script> ${jndi:ldap://x}",
}


def _document() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(demo_path("a").read_text(encoding="utf-8"))
    data["case"]["id"] = str(uuid.uuid4())
    return data


def _write(tmp_path: Path, name: str, data: Any = None, raw: bytes | None = None) -> Path:
    path = tmp_path / f"{name}.json"
    path.write_bytes(raw if raw is not None else json.dumps(data, ensure_ascii=False).encode("utf-8"))
    return path


def _set(data: dict[str, Any], dotted: str, value: Any) -> dict[str, Any]:
    node: Any = data
    *parents, last = dotted.split(".")
    for part in parents:
        node = node[int(part)] if part.isdigit() else node[part]
    node[int(last) if last.isdigit() else last] = value
    return data


def _refusals(tmp_path: Path) -> list[tuple[str, Path, str, str]]:
    """``(what, file, field, reason)`` of each file that must be refused."""
    demo_text = demo_path("a").read_text(encoding="utf-8")
    out: list[tuple[str, Path, str, str]] = []

    def add(what: str, field: str, reason: str, data: Any = None, raw: bytes | None = None) -> None:
        out.append((what, _write(tmp_path, what.replace(" ", "_"), data, raw), field, reason))

    add(
        "term as text",
        "case.request.term_months",
        "wrong_type",
        _set(_document(), "case.request.term_months", "12"),
    )
    add("name as number", "case.borrower.name", "wrong_type", _set(_document(), "case.borrower.name", 12345))
    add(
        "list as object",
        "case.balance_sheet.assets",
        "wrong_type",
        _set(_document(), "case.balance_sheet.assets", {}),
    )
    add("case as array", "case", "wrong_type", _set(_document(), "case", []))
    add("amount 1e400", "case.request.amount", "too_large", _set(_document(), "case.request.amount", "1e400"))
    add(
        "amount 20 digits",
        "case.request.amount",
        "too_large",
        _set(_document(), "case.request.amount", "9" * 20),
    )
    add(
        "term 1e30",
        "case.request.term_months",
        "out_of_range",
        _set(_document(), "case.request.term_months", 10**30),
    )
    add(
        "JSON number 1e400",
        "case.request.amount",
        "too_large",
        raw=demo_text.replace('"60000"', "1e400", 1).encode(),
    )
    add(
        "10000-digit integer",
        "",
        "not_json",
        raw=demo_text.replace('"term_months": 12', '"term_months": 1' + "0" * 9999, 1).encode(),
    )
    add("NaN amount", "", "not_json", raw=demo_text.replace('"60000"', "NaN", 1).encode())
    add(
        "long narrative",
        "case.notes.conclusion",
        "too_long",
        _set(_document(), "case.notes.conclusion", "长" * 1_000_000),
    )
    deep: Any = []
    for _ in range(40):
        deep = [deep]
    add("nesting 40 deep", "", "too_deep", _set(_document(), "case.business.suppliers", deep))
    add(
        "nesting 100000 deep",
        "",
        "not_json",
        raw=demo_text.replace('"suppliers": [', '"suppliers": [' + "[" * 100_000, 1).encode(),
    )
    add("raw NUL byte", "", "not_json", raw=demo_text.replace("王丽华", "王\x00丽华", 1).encode())
    add(
        "escaped NUL",
        "case.borrower.name",
        "invalid_text",
        _set(_document(), "case.borrower.name", "王\x00丽华"),
    )
    add(
        "lone surrogate",
        "case.borrower.name",
        "invalid_text",
        raw=demo_text.replace("王丽华", "王\\ud800丽华", 1).encode(),
    )
    add(
        "invalid UTF-8",
        "",
        "not_json",
        raw=demo_text.replace("王丽华", "王丽华", 1).encode().replace("丽".encode(), b"\xff\xfe", 1),
    )
    add(
        "duplicate key",
        "",
        "duplicate_key",
        raw=demo_text.replace('"case_number":', '"id": "x", "case_number":', 1).encode(),
    )
    add(
        "unknown field with newline",
        "case.evil\\nfield",
        "unknown_field",
        _set(_document(), "case.evil\nfield", 1),
    )
    add(
        "id not a UUID", "case.id", "not_a_uuid", _set(_document(), "case.id", HOSTILE_TEXTS["borrower_name"])
    )
    add(
        "sub-cent amount",
        "case.balance_sheet.assets[0].amount",
        "sub_cent",
        _set(_document(), "case.balance_sheet.assets.0.amount", "0.001"),
    )
    big = tmp_path / "fifty_megabytes.json"
    with big.open("w", encoding="utf-8") as f:  # a 50 MB narrative, written in chunks
        head, tail = demo_text.split('"monitoring": "', 1)
        f.write(head + '"monitoring": "')
        chunk = "风" * (1 << 20)
        for _ in range(17):  # 17 × 3 MB of UTF-8
            f.write(chunk)
        f.write(tail)
    assert big.stat().st_size > 50_000_000
    out.append(("50 MB narrative", big, "", "file_too_large"))
    return out


def _stored(tmp_path: Path) -> list[tuple[str, Path, list[str]]]:
    """``(what, file, texts that must come back verbatim)`` of each file that must be stored."""
    h = HOSTILE_TEXTS
    data = _document()
    case = data["case"]
    case["borrower"]["name"] = h["borrower_name"]
    case["business"]["name"] = h["business_name"]
    case["notes"]["conclusion"] = h["conclusion"]
    case["balance_sheet"]["stock"][0]["label"] = h["stock_label"]
    case["guarantors"][0]["name"] = h["guarantor"]
    case["cross_checks"][0]["title"] = h["evidence"]
    out = [("SQL-looking text", _write(tmp_path, "sql_text", data), list(h.values()))]
    odd = [
        "𠀀" * 200,
        "👩‍👩‍👧‍👦 e\u0301 \u202eRTL\u202c \u200b",
        "ﾃｽﾄ\u3000全角　",
        "\\x00 \\u0000 %s {0} {name}",
    ]
    data = _document()
    data["case"]["borrower"]["name"] = odd[0]  # 200 characters of 4 bytes: the column limit exactly
    data["case"]["business"]["name"] = odd[1]
    data["case"]["product"] = odd[2]
    data["case"]["notes"]["risks"] = odd[3]
    out.append(("unicode edges", _write(tmp_path, "unicode", data), odd))
    data = _document()
    data["case"]["balance_sheet"]["assets"][0]["amount"] = "999999999999.99"
    data["case"]["request"]["term_months"] = 1200
    out.append(("largest values", _write(tmp_path, "largest", data), ["999999999999.99"]))
    raw = demo_path("a").read_text(encoding="utf-8").replace('"60000"', "60000.50", 1)
    raw = raw.replace(json.loads(raw)["case"]["id"], str(uuid.uuid4()))
    out.append(("amount as a JSON number", _write(tmp_path, "json_number", raw=raw.encode()), ["60000.50"]))
    return out


def _integrity(url: str) -> None:
    engine = make_engine(url)
    try:
        assert set(inspect(engine).get_table_names()) >= set(Base.metadata.tables)
        if engine.dialect.name == "sqlite":
            with sqlite3.connect(str(engine.url.database)) as raw:
                assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
                assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        engine.dispose()


def test_hostile_import_files_are_refused_with_a_reason_or_stored_verbatim(
    engine_url: str,
    sessions: Any,
    officer: User,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: Any,
) -> None:
    from tests.cli.conftest import with_password
    from tests.databases import PERSON_PASSWORD as PASSWORD

    monkeypatch.setenv("WORKBENCH_USER", with_password(sessions, officer).username)
    monkeypatch.setenv("WORKBENCH_PASSWORD", PASSWORD)  # the command line signs her in
    cases = CaseService(sessions)
    problems: list[str] = []
    for what, path, field, reason in _refusals(tmp_path):
        before = _table_counts(sessions)
        try:
            cases.import_case_file(path, officer)
        except CaseFileError as error:
            got = (error.source, error.error.field, error.error.reason)
            if got != (str(path), field, reason):
                problems.append(f"{what}: refused as {got[1:]}, expected {(field, reason)}")
            for lang in ("zh", "en"):
                message = describe_error(error, lang)
                if "\n" in message or not message.startswith(f"{path}: ") or (field and field not in message):
                    problems.append(f"{what}: message {message[:200]!r}")
        else:
            problems.append(f"{what}: stored, expected refusal {reason}")
        code = cli_main(["--lang", "en", "import", str(path), "--db", engine_url])
        err = capsys.readouterr().err
        if code != 2 or err.count("\n") != 1 or not err.startswith(f"workbench: error: {path}: "):
            problems.append(f"{what}: workbench import said {code} {err[:200]!r}")
        if _table_counts(sessions) != before:
            problems.append(f"{what}: tables changed by a refused import")
    for what, path, verbatim in _stored(tmp_path):
        expected = loads_case(path.read_text(encoding="utf-8"), str(path))
        record = cases.import_case_file(path, officer)
        exported = cases.export_case(record.case.id, officer)
        if record.case != expected or cases.open_case(record.case.id, officer).case != expected:
            problems.append(f"{what}: stored case differs from the file")
        if exported != dumps_case(expected, DEFAULT_POLICY):
            problems.append(f"{what}: export differs")
        problems += [
            f"{what}: {t!r} not verbatim"
            for t in verbatim
            if json.dumps(t, ensure_ascii=False)[1:-1] not in exported
        ]
    found = cases.list_cases(officer, name_like=HOSTILE_TEXTS["borrower_name"][:8])
    if [c.borrower_name for c in found] != [HOSTILE_TEXTS["borrower_name"]]:
        problems.append(f"searching for SQL-looking text found {found}")
    assert problems == []
    _integrity(engine_url)
    counts = _table_counts(sessions)
    assert counts["case_file"] == 4 and counts["app_user"] == 1
