"""The audit trail's hash chain on both engines: who and when is the store's to say, tampering shows.

PostgreSQL writes the chain in a trigger (migration 0012), SQLite in ``audit_chain.append_audit``;
``check_chain`` walks it. The tampering is done as whoever owns the data: the schema owner (the
tests' superuser) with the triggers disabled on PostgreSQL, the file's holder on SQLite.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import threading
import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from tests.store.helpers import add_user, demo
from workbench.store import migrate
from workbench.store.audit_chain import (
    AFTER_HEAD,
    CONTENT_CHANGED,
    ENTRY_MISSING,
    GENESIS,
    HEAD_MISMATCH,
    LINK_BROKEN,
    AuditLine,
    NoActorError,
    append_audit,
    canonical_of_texts,
    canonical_text,
    chain_texts,
    entry_hash,
    verify_store,
)
from workbench.store.db import make_engine, make_sessions
from workbench.store.repository import SqlCaseRepository
from workbench.store.user_repository import SqlUserRepository

if TYPE_CHECKING:
    from collections.abc import Iterator

    from workbench.domain.records import User
    from workbench.store.db import Sessions

AWKWARD: list[tuple[str | None, str | None, str | None]] = [
    (None, None, None),
    ("", "", ""),
    ("field", None, ""),
    ("多行\n文字", "单元\x1f分隔", "中文：六万元"),
    ("a\n1:b", "-", "\n"),
    ("1:x", None, "-"),
]


def _lines(count: int) -> list[AuditLine]:
    case = uuid.uuid4()
    return [AuditLine(case if i % 2 else None, "update", *AWKWARD[i % len(AWKWARD)]) for i in range(count)]


def write(sessions: Sessions, user: User, count: int = 6) -> None:
    with sessions.begin(actor=user) as session:
        append_audit(session, _lines(count))


def check(sessions: Sessions) -> Any:
    return verify_store(sessions.engine)


def entries(sessions: Sessions) -> list[Any]:
    """Every entry, in chain order (on PostgreSQL also the database's own ``row.app_user`` entries
    of the fixtures' users)."""
    with sessions.engine.connect() as connection:
        return list(connection.execute(text("SELECT * FROM audit_entry ORDER BY seq")).mappings())


def written(sessions: Sessions) -> list[Any]:
    """The entries the test wrote itself (not the database's ``row.*`` entries)."""
    return [e for e in entries(sessions) if not (e["field"] or "").startswith("row.")]


def tamper(sessions: Sessions, *statements: str, **params: object) -> None:
    """Run ``statements`` as the data's owner with the append-only guards out of the way."""
    with sessions.engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("ALTER TABLE audit_entry DISABLE TRIGGER USER"))
        else:
            for verb in ("update", "delete"):
                connection.execute(text(f"DROP TRIGGER IF EXISTS audit_entry_no_{verb}"))
        for statement in statements:
            connection.execute(text(statement), params)
        if connection.dialect.name == "postgresql":
            connection.execute(text("ALTER TABLE audit_entry ENABLE TRIGGER USER"))


# ---- the canonical text --------------------------------------------------------------------------


def test_null_and_empty_and_separators_give_different_texts() -> None:
    at = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)
    user = uuid.uuid4()
    texts = {canonical_text(1, GENESIS, at, user, None, "update", *values, None) for values in AWKWARD}
    assert len(texts) == len(AWKWARD)
    # a value that looks like the next field's encoding cannot stand in for it
    shifted = canonical_text(1, GENESIS, at, user, None, "update", "a\n1:b", None, None, None)
    split = canonical_text(1, GENESIS, at, user, None, "update", "a", "b", None, None)
    assert shifted != split
    assert canonical_text(1, GENESIS, at, user, None, "update", None, None, None, None).endswith(
        "\n-\n-\n-\n-"
    )


def test_the_time_is_hashed_in_utc_with_microseconds() -> None:
    user = uuid.uuid4()
    utc = datetime(2026, 12, 7, 8, 0, 0, 5, tzinfo=UTC)
    beijing = utc.astimezone(ZoneInfo("Asia/Shanghai"))
    assert "2026-12-07T08:00:00.000005Z" in canonical_text(
        1, GENESIS, utc, user, None, "create", None, None, None, None
    )
    assert entry_hash(1, GENESIS, utc, user, None, "create", None, None, None, None) == entry_hash(
        1, GENESIS, beijing, user, None, "create", None, None, None, None
    )


@pytest.mark.postgres
@pytest.mark.parametrize("engine_url", ["postgresql"], indirect=True)
def test_postgresql_builds_the_same_bytes_as_python(sessions: Sessions) -> None:
    at = datetime(2026, 12, 7, 8, 0, 0, 123456, tzinfo=UTC)
    user, case = uuid.uuid4(), uuid.uuid4()
    with sessions.engine.connect() as connection:
        for field, before, after in AWKWARD:
            for case_id, login in ((None, None), (case, "刘敏")):
                args = (7, "ab" * 32, at, user, case_id, "update", field, before, after, login)
                row = connection.execute(
                    text(
                        "SELECT workbench_audit_text(:s, :p, :at, :u, :c, :a, :f, :b, :af, :l), "
                        "workbench_audit_hash(:s, :p, :at, :u, :c, :a, :f, :b, :af, :l)"
                    ),
                    dict(zip(("s", "p", "at", "u", "c", "a", "f", "b", "af", "l"), args, strict=True)),
                ).one()
                assert row[0].encode("utf-8") == canonical_text(*args).encode("utf-8")
                assert row[1] == entry_hash(*args)


# ---- writing -------------------------------------------------------------------------------------


def test_saves_chain_their_entries_and_the_chain_verifies(sessions: Sessions, officer: User) -> None:
    case = demo("a")
    with sessions.begin(actor=officer) as session:
        SqlCaseRepository(session).add(case, officer.id)
    with sessions.begin(actor=officer) as session:
        changed = dataclasses.replace(
            case, request=dataclasses.replace(case.request, amount=Decimal("50000"))
        )
        SqlCaseRepository(session).save(changed, 1, officer.id)
    write(sessions, officer)
    rows = entries(sessions)
    assert [r["seq"] for r in rows] == list(range(1, len(rows) + 1))
    assert rows[0]["prev_hash"] == GENESIS
    assert all(r["prev_hash"] == p["entry_hash"] for p, r in itertools.pairwise(rows))
    assert len(written(sessions)) == 2 + 6
    assert {uuid.UUID(str(r["user_id"]).replace("-", "")) for r in written(sessions)} == {
        uuid.UUID(officer.id)
    }
    found = check(sessions)
    assert found.broken is None
    assert (found.entries, found.head_seq, found.head_hash) == (len(rows), len(rows), rows[-1]["entry_hash"])


def test_an_entry_without_an_actor_is_refused(sessions: Sessions, officer: User) -> None:
    before = entries(sessions)
    error = NoActorError if sessions.dialect == "sqlite" else DBAPIError
    with pytest.raises(error), sessions.begin() as session:
        append_audit(session, _lines(1))
    assert entries(sessions) == before


def test_the_claim_wins_and_only_without_one_the_named_user_writes(
    sessions: Sessions, officer: User, other_officer: User
) -> None:
    with sessions.begin() as session:  # the schema owner setting up / the file's holder
        append_audit(session, _lines(1), uuid.UUID(officer.id))
    with sessions.begin(actor=other_officer) as session:
        append_audit(session, _lines(1), uuid.UUID(officer.id))
    assert [str(uuid.UUID(str(e["user_id"]))) for e in written(sessions)] == [officer.id, other_officer.id]
    assert check(sessions).broken is None


@pytest.mark.postgres
@pytest.mark.parametrize("engine_url", ["postgresql"], indirect=True)
def test_postgresql_sets_time_user_and_login_whatever_the_client_sends(
    sessions: Sessions, officer: User, other_officer: User
) -> None:
    before = datetime.now(UTC)
    with sessions.begin(actor=officer) as session:
        session.execute(
            text(
                "INSERT INTO audit_entry (at, user_id, action, field, seq, prev_hash, entry_hash, db_login) "
                "VALUES ('2001-01-01T00:00:00Z', :other, 'update', 'back-dated', 99, :fake, :fake, 'nobody')"
            ),
            {"other": other_officer.id, "fake": "f" * 64},
        )
    *earlier, row = entries(sessions)
    assert before - timedelta(seconds=5) <= row["at"] <= datetime.now(UTC)
    assert str(row["user_id"]) == officer.id
    assert row["db_login"] == make_url(sessions.engine.url).username
    assert (row["seq"], row["prev_hash"]) == (len(earlier) + 1, earlier[-1]["entry_hash"])
    assert check(sessions).broken is None


@pytest.mark.postgres
@pytest.mark.parametrize("engine_url", ["postgresql"], indirect=True)
def test_the_database_audits_users_and_committee_rows_itself(sessions: Sessions, officer: User) -> None:
    (created,) = entries(sessions)  # the fixture's officer, added by the schema owner without a claim
    assert (created["field"], created["action"], str(created["user_id"])) == (
        "row.app_user",
        "create",
        officer.id,
    )
    with sessions.begin(actor=officer) as session:  # as psql would: no app code involved
        session.execute(text("UPDATE app_user SET role = 'admin' WHERE id = :id"), {"id": officer.id})
    changed = entries(sessions)[-1]
    assert (changed["field"], changed["action"]) == ("row.app_user", "update")
    assert '"role": "officer"' in changed["before"] and '"role": "admin"' in changed["after"]
    assert changed["db_login"] == make_url(sessions.engine.url).username
    assert check(sessions).broken is None


@pytest.fixture
def login_role(sessions: Sessions) -> Iterator[tuple[str, User]]:
    """A PostgreSQL login role that is also a user of the store, allowed to write audit entries."""
    name = f"wb_audit_{uuid.uuid4().hex[:10]}"
    user = add_user(sessions, name)
    with sessions.engine.begin() as connection:
        connection.execute(text(f"CREATE ROLE {name} LOGIN PASSWORD 'login-secret-1'"))
        connection.execute(text(f"GRANT USAGE ON SCHEMA public TO {name}"))
        connection.execute(text(f"GRANT SELECT, INSERT ON audit_entry TO {name}"))
        connection.execute(text(f"GRANT USAGE ON SEQUENCE audit_entry_id_seq TO {name}"))
    try:
        yield name, user
    finally:
        with sessions.engine.begin() as connection:
            connection.execute(text(f"DROP OWNED BY {name}"))
            connection.execute(text(f"DROP ROLE {name}"))


@pytest.mark.postgres
@pytest.mark.parametrize("engine_url", ["postgresql"], indirect=True)
def test_a_person_cannot_write_the_trail_as_someone_else(
    sessions: Sessions, officer: User, login_role: tuple[str, User]
) -> None:
    name, person = login_role
    count = len(entries(sessions))
    url = make_url(sessions.engine.url).set(username=name, password="login-secret-1")
    engine = create_engine(url)
    insert = "INSERT INTO audit_entry (at, user_id, action, field) VALUES (now(), :u, 'update', 'x')"
    try:
        with pytest.raises(DBAPIError) as refused, engine.begin() as connection:
            connection.execute(text("SELECT set_config('workbench.actor', :u, true)"), {"u": officer.id})
            connection.execute(text(insert), {"u": officer.id})
        assert getattr(refused.value.orig, "sqlstate", None) == "42501"
        with engine.begin() as connection:  # her own entry, under her own name, whatever she sends
            connection.execute(text(insert), {"u": officer.id})
    finally:
        engine.dispose()
    rows = entries(sessions)
    assert len(rows) == count + 1
    assert (str(rows[-1]["user_id"]), rows[-1]["db_login"]) == (person.id, name)
    assert check(sessions).broken is None


# ---- tampering -----------------------------------------------------------------------------------


def test_a_changed_entry_is_named(sessions: Sessions, officer: User) -> None:
    write(sessions, officer)
    target = written(sessions)[2]
    tamper(sessions, "UPDATE audit_entry SET after = '改过' WHERE id = :id", id=target["id"])
    broken = check(sessions).broken
    assert (broken.seq, broken.entry_id, broken.problem) == (target["seq"], target["id"], CONTENT_CHANGED)


def test_a_changed_and_rehashed_entry_breaks_the_next_link(sessions: Sessions, officer: User) -> None:
    write(sessions, officer)
    third, fourth = written(sessions)[2:4]
    with sessions.engine.connect() as connection:
        texts = next(r for r in chain_texts(connection) if r[0] == third["id"])
    _id, seq, _stored, *values = texts
    values[7] = "改过"  # after (values: prev_hash, at, user_id, case_id, action, field, before, after, login)
    rehashed = hashlib.sha256(canonical_of_texts((str(seq), *values)).encode()).hexdigest()
    tamper(
        sessions,
        "UPDATE audit_entry SET after = '改过', entry_hash = :h WHERE id = :id",
        h=rehashed,
        id=third["id"],
    )
    broken = check(sessions).broken
    assert (broken.seq, broken.entry_id, broken.problem) == (fourth["seq"], fourth["id"], LINK_BROKEN)


def test_a_removed_entry_is_named(sessions: Sessions, officer: User) -> None:
    write(sessions, officer)
    gone, after_gap = written(sessions)[2:4]
    tamper(sessions, "DELETE FROM audit_entry WHERE id = :id", id=gone["id"])
    broken = check(sessions).broken
    assert (broken.seq, broken.entry_id, broken.problem) == (gone["seq"], after_gap["id"], ENTRY_MISSING)


def test_swapped_entries_are_found(sessions: Sessions, officer: User) -> None:
    write(sessions, officer)
    rows = written(sessions)
    first, second = rows[1], rows[3]
    tamper(
        sessions,
        "UPDATE audit_entry SET seq = -1 WHERE id = :a",
        "UPDATE audit_entry SET seq = :sa WHERE id = :b",
        "UPDATE audit_entry SET seq = :sb WHERE id = :a",
        a=first["id"],
        b=second["id"],
        sa=first["seq"],
        sb=second["seq"],
    )
    broken = check(sessions).broken
    assert (broken.seq, broken.entry_id, broken.problem) == (first["seq"], second["id"], LINK_BROKEN)


def test_a_forged_entry_is_found_with_or_without_the_head_moved(sessions: Sessions, officer: User) -> None:
    write(sessions, officer)
    last = entries(sessions)[-1]
    forged_seq = last["seq"] + 1
    tamper(
        sessions,
        "INSERT INTO audit_entry (at, user_id, action, field, seq, prev_hash, entry_hash) "
        "SELECT at, user_id, 'update', 'x', seq + 1, :prev, :h FROM audit_entry WHERE seq = :last",
        last=last["seq"],
        prev="e" * 64,
        h="f" * 64,
    )
    broken = check(sessions).broken
    assert (broken.seq, broken.problem) == (forged_seq, AFTER_HEAD)
    with sessions.engine.begin() as connection:
        connection.execute(
            text("UPDATE audit_chain_head SET seq = :s, hash = :h"), {"s": forged_seq, "h": "f" * 64}
        )
    broken = check(sessions).broken
    assert (broken.seq, broken.problem) == (forged_seq, LINK_BROKEN)


def test_removing_the_newest_entries_shows_at_the_head(sessions: Sessions, officer: User) -> None:
    write(sessions, officer)
    rows = entries(sessions)
    tamper(sessions, "DELETE FROM audit_entry WHERE seq > :keep", keep=rows[-3]["seq"])
    found = check(sessions)
    assert (found.entries, found.broken.seq, found.broken.problem) == (
        len(rows) - 2,
        len(rows) - 1,
        HEAD_MISMATCH,
    )


# ---- upgrades and concurrency --------------------------------------------------------------------


def test_an_upgraded_store_verifies_and_new_entries_follow(blank_url: str) -> None:
    migrate.upgrade(blank_url, "0007")
    user_id = uuid.uuid4()
    engine = make_engine(blank_url)
    sqlite = engine.dialect.name == "sqlite"
    key = user_id.hex if sqlite else str(user_id)
    at = datetime(2025, 1, 2, 3, 4, 5, 678901, tzinfo=UTC)
    stamp = at.replace(tzinfo=None) if sqlite else at
    try:
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO app_user (id, username, display_name, role, active, created_at) "
                    "VALUES (:id, 'liumin', '刘敏', 'officer', true, :at)"
                ),
                {"id": key, "at": stamp},
            )
            for field, before, after in AWKWARD:
                connection.execute(
                    text(
                        "INSERT INTO audit_entry (at, user_id, case_id, action, field, before, after) "
                        "VALUES (:at, :u, NULL, 'update', :f, :b, :a)"
                    ),
                    {"at": stamp, "u": key, "f": field, "b": before, "a": after},
                )
        migrate.upgrade(blank_url)
        sessions = make_sessions(engine)
        found = check(sessions)
        assert (found.entries, found.broken) == (len(AWKWARD), None)
        with sessions.begin() as session:
            user = SqlUserRepository(session).get_user(str(user_id))
        write(sessions, user, 2)
        found = check(sessions)
        assert (found.entries, found.broken) == (len(AWKWARD) + 2, None)
    finally:
        engine.dispose()


def test_concurrent_writers_keep_one_unbroken_chain(
    sessions: Sessions, officer: User, other_officer: User
) -> None:
    rounds = 15
    errors: list[BaseException] = []
    url = sessions.engine.url.render_as_string(hide_password=False)
    start = len(entries(sessions))

    def writer(user: User) -> None:
        own = make_sessions(make_engine(url))
        try:
            for _ in range(rounds):
                write(own, user, 3)
        except BaseException as error:
            errors.append(error)
        finally:
            own.engine.dispose()

    threads = [threading.Thread(target=writer, args=(u,)) for u in (officer, other_officer)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    found = check(sessions)
    assert (found.entries, found.broken) == (start + 2 * rounds * 3, None)


@pytest.mark.postgres
@pytest.mark.parametrize("engine_url", ["postgresql"], indirect=True)
def test_a_saves_lines_join_the_chain_at_its_commit_and_the_head_is_free_until_then(
    sessions: Sessions, officer: User
) -> None:
    """Migration 0016: the lines wait in ``audit_pending``; no other save queues behind this one's
    work, and at the commit they are chained in the order written, after anything chained meanwhile."""
    case = demo("a")
    with sessions.begin(actor=officer) as session:
        SqlCaseRepository(session).add(case, officer.id)
    start = len(entries(sessions))
    changed = dataclasses.replace(case, request=dataclasses.replace(case.request, amount=Decimal("50000")))
    changed = dataclasses.replace(changed, notes=dataclasses.replace(changed.notes, conclusion="改了"))
    with sessions.begin(actor=officer) as session:
        SqlCaseRepository(session).save(changed, 1, officer.id)
        with sessions.engine.connect() as other:  # another session, before this one commits
            locked = other.execute(text("SELECT seq FROM audit_chain_head FOR UPDATE NOWAIT")).scalar()
            assert locked == start
            assert other.execute(text("SELECT count(*) FROM audit_pending")).scalar() == 0
            other.rollback()
        write(sessions, officer, 2)  # committed while the save is still open: chained first
        session.execute(text("SET CONSTRAINTS ALL IMMEDIATE"))  # chains what is pending now …
        append_audit(session, [AuditLine(None, "update", "late", None, "1")], at_commit=True)  # … and later
    rows = entries(sessions)[start:]
    saved = [r for r in rows if r["case_id"] is not None and str(r["case_id"]) == case.id]
    assert [r["field"] for r in rows[:2]] == [AWKWARD[0][0], AWKWARD[1][0]]
    assert rows[2 : 2 + len(saved)] == saved
    assert {"notes.conclusion", "request.amount"} <= {r["field"] for r in saved}
    assert [r["field"] for r in rows[2 + len(saved) :]] == ["late"]
    with sessions.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM audit_pending")).scalar() == 0
    found = check(sessions)
    assert (found.broken, found.entries) == (None, len(entries(sessions)))
