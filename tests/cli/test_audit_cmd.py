"""``workbench audit verify|head``: the chain's count and head when it holds, the first break when not."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import text

from tests.store.test_audit_chain import entries, tamper, write
from workbench.cli.main import main
from workbench.store.audit_chain import GENESIS, canonical_of_texts, chain_texts

if TYPE_CHECKING:
    from workbench.domain.records import User
    from workbench.store.db import Sessions


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WORKBENCH_DB_URL", raising=False)
    monkeypatch.delenv("WORKBENCH_LANG", raising=False)


def test_an_intact_chain_gives_its_length_and_head(
    sessions: Sessions, officer: User, engine_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    write(sessions, officer, 5)
    *_, last = entries(sessions)  # on PostgreSQL also the database's entry of the new officer
    code, out, err = run(capsys, "audit", "verify", "--db", engine_url)
    assert (code, err) == (0, "")
    assert out.strip() == f"审计链完好：共 {last['seq']} 条，链头 {last['entry_hash']}"
    code, out, _ = run(capsys, "--lang", "en", "audit", "head", "--db", engine_url)
    assert (code, out.strip()) == (0, f"Audit chain head: entry {last['seq']}, {last['entry_hash']}")


def test_an_empty_chain_verifies(engine_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--lang", "en", "audit", "verify", "--db", engine_url)
    assert (code, out.strip()) == (0, f"The audit chain is intact: 0 entries, head {'0' * 64}")


def test_a_changed_entry_is_named_in_one_line(
    sessions: Sessions, officer: User, engine_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    write(sessions, officer, 5)
    changed = entries(sessions)[1]["id"]
    tamper(sessions, "UPDATE audit_entry SET after = 'forged' WHERE seq = 2")
    code, out, err = run(capsys, "audit", "verify", "--db", engine_url)
    assert (code, err) == (1, "")
    assert out == f"审计链在第 2 条断开（条目 {changed}）：内容在写入后被改动\n"
    code, out, _ = run(capsys, "--lang", "en", "audit", "verify", "--db", engine_url)
    assert (
        out
        == f"The audit chain breaks at entry 2 (id {changed}): its content was changed after it was written\n"
    )


def test_a_missing_head_is_one_line(
    sessions: Sessions, officer: User, engine_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    write(sessions, officer, 2)
    last = entries(sessions)[-1]["seq"]
    with sessions.engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_chain_head"))
    code, out, _ = run(capsys, "audit", "head", "--db", engine_url)
    assert (code, out.strip()) == (1, "审计链没有链头（链头记录被删除）")
    code, out, _ = run(capsys, "audit", "verify", "--db", engine_url)
    assert code == 1
    assert out == f"审计链在第 {last} 条断开：链头与最后一条不符（最新的条目被删除，或链头被改写）\n"


def test_the_minutes_print_the_head(
    sessions: Sessions, officer: User, engine_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from workbench.reports.content_minutes import build_minutes_doc
    from workbench.reports.inputs import MinutesData
    from workbench.services.store import open_store

    write(sessions, officer, 3)
    with open_store(engine_url) as store:
        head = store.audit.head()
    assert head is not None
    minutes = MinutesData("20261207-0001", None, "三楼会议室", (), (), audit_head=(head.seq, head.hash))
    shown = repr(build_minutes_doc(minutes, "en"))
    grouped = " ".join(head.hash[i : i + 16] for i in range(0, 64, 16))
    assert f"entry {head.seq} · SHA-256 {grouped}" in shown and "Audit chain head" in shown
    code, out, _ = run(capsys, "--lang", "en", "audit", "head", "--db", engine_url)
    assert (code, out.strip()) == (0, f"Audit chain head: entry {head.seq}, {head.hash}")


def _rewrite_whole_chain(sessions: Sessions) -> None:
    """What the schema owner could do: change an entry and rehash every link and the head after it."""
    with sessions.engine.connect() as connection:
        rows = [tuple(r) for r in chain_texts(connection)]
    statements, params = [], {}
    last = GENESIS
    for i, (entry_id, seq, _stored, _prev, *values) in enumerate(rows):
        if i == 1:
            values[6] = "改过"  # after (values: at, user_id, case_id, action, field, before, after, login)
        new = hashlib.sha256(canonical_of_texts((str(seq), last, *values)).encode()).hexdigest()
        statements.append(
            f"UPDATE audit_entry SET prev_hash = :p{i}, entry_hash = :h{i}"
            + (", after = '改过'" if i == 1 else "")
            + f" WHERE id = :i{i}"
        )
        params |= {f"p{i}": last, f"h{i}": new, f"i{i}": entry_id}
        last = new
    head = [f"UPDATE audit_chain_head SET hash = '{last}'"]
    if sessions.engine.dialect.name == "postgresql":
        head = ["ALTER TABLE audit_chain_head DISABLE TRIGGER USER", *head]
        head.append("ALTER TABLE audit_chain_head ENABLE TRIGGER USER")
    tamper(sessions, *statements, *head, **params)


def test_a_head_from_the_minutes_catches_a_chain_rewritten_from_its_start(
    sessions: Sessions, officer: User, engine_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    write(sessions, officer, 4)
    last = entries(sessions)[-1]
    printed = f"第 {last['seq']} 条 · SHA-256 " + " ".join(
        last["entry_hash"][i : i + 16] for i in range(0, 64, 16)
    )
    code, out, _ = run(capsys, "audit", "verify", "--db", engine_url, "--head", printed)
    assert (code, out.strip()) == (0, f"审计链完好：共 {last['seq']} 条，链头 {last['entry_hash']}")

    _rewrite_whole_chain(sessions)
    code, out, _ = run(capsys, "audit", "verify", "--db", engine_url)
    assert code == 0  # every link holds: only the signed head shows the rewrite
    code, out, _ = run(
        capsys, "audit", "verify", "--db", engine_url, "--head", f"{last['seq']}:{last['entry_hash']}"
    )
    assert code == 1
    where = f"审计链在第 {last['seq']} 条断开（条目 {last['id']}）"
    assert out == f"{where}：此条的哈希与先前记下的链头不同（审计链被整条重写）\n"


def test_a_known_head_beyond_the_chain_and_a_malformed_one(
    sessions: Sessions, officer: User, engine_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    write(sessions, officer, 2)
    last = entries(sessions)[-1]["seq"]
    code, out, _ = run(
        capsys, "--lang", "en", "audit", "verify", "--db", engine_url, "--head", f"{last + 5}:{'a' * 64}"
    )
    assert code == 1 and out.startswith(f"The audit chain breaks at entry {last + 5}: ")
    code, out, err = run(capsys, "audit", "verify", "--db", engine_url, "--head", "12:abc")
    assert (code, out) == (2, "")
    assert err == "workbench: “12:abc”不是链头：应写作 SEQ:HASH（条数、冒号、64 位十六进制哈希）\n"
