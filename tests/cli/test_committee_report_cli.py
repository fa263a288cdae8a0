"""``workbench report SESSION_OR_CASE --kind minutes --db URL``: the minutes of a stored session."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from tests.cli.conftest import with_password
from tests.reports.pdf_tools import text
from tests.store.helpers import add_user
from workbench.cli.main import main
from workbench.domain.committee import CommitteeRules, DecisionRule, Member, Vote
from workbench.domain.records import Role
from workbench.paths import resource_path

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

    from workbench.domain.records import User
    from workbench.store.db import Sessions

CASE_B = str(resource_path("demo", "case-b.json"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_minutes_of_a_stored_session_by_session_or_case_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbench.services.store import open_store

    monkeypatch.setenv("WORKBENCH_USER", "tester")
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    assert run(capsys, "db", "init", "--db", url)[0] == 0  # tester: the administrator
    code, out, _ = run(capsys, "import", CASE_B, "--db", url)
    case_id = out.strip()
    assert code == 0
    store = open_store(url)
    try:
        admin = store.users.current_user()
        chair = add_user(store.sessions, "chenzhuxi", Role.COMMITTEE_CHAIR)
        members = [add_user(store.sessions, name, Role.COMMITTEE_MEMBER) for name in ("wangwei", "lina")]
        store.committee.submit_case(case_id, admin)
        session_id = store.committee.create_session(
            date(2024, 7, 2),
            "三楼会议室",
            chair.id,
            [Member(m.id, "") for m in members],
            "秘书小周",
            CommitteeRules(DecisionRule.UNANIMOUS, 3),
            chair,
        )
        store.committee.add_to_agenda(session_id, case_id, chair)
        for member in (chair, *members):
            store.committee.cast_vote(
                session_id, case_id, member.id, Vote.APPROVE_AS_PROPOSED, "", (), member
            )
        store.committee.record_decision(session_id, case_id, None, ("自有资金到位后受托支付",), "", chair)
    finally:
        store.close()
    for key in (session_id, case_id):
        target = tmp_path / f"{key}.pdf"
        code, out, err = run(capsys, "report", key, "--db", url, "--kind", "minutes", "-o", str(target))
        assert (code, err) == (0, ""), err
        printed = "".join(text(target.read_bytes()).split())
        assert "按原方案批准" in printed and "自有资金到位后受托支付" in printed
        assert "三楼会议室" in printed and "Chenzhuxi" in printed


def test_the_dossier_and_minutes_of_a_decided_stored_case_by_case_id(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    engine_url: str,
    sessions: Sessions,
    officer: User,
) -> None:
    from tests.services.test_report_committee import CONDITION, run_session
    from workbench.services.store import StoreServices

    decided = run_session(StoreServices.over(engine_url, sessions), officer)
    monkeypatch.setenv("WORKBENCH_USER", with_password(sessions, officer).username)
    pages = {}
    for key, kind in ((decided.case_a, "dossier"), (decided.case_b, "dossier"), (decided.case_a, "minutes")):
        target = tmp_path / f"{key}-{kind}.pdf"
        code, _out, err = run(capsys, "report", key, "--db", engine_url, "--kind", kind, "-o", str(target))
        assert (code, err) == (0, ""), err
        pages[key, kind] = "".join(text(target.read_bytes()).split())
    dossier = pages[decided.case_a, "dossier"]
    assert "第三部分审贷会决议" in dossier and "第四部分审贷会纪要" in dossier
    assert "45,000.00" in dossier and CONDITION in dossier and "批准（有变更）" in dossier
    assert "第三部分审贷会决议" not in pages[decided.case_b, "dossier"]  # never decided
    minutes = pages[decided.case_a, "minutes"]
    assert "审贷会纪要" in minutes and "三楼会议室" in minutes and "全体一致，法定人数3人" in minutes
