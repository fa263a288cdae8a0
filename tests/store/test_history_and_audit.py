"""One snapshot per save, restore as a new version, a field-level audit trail the database protects."""

from __future__ import annotations

import copy
import dataclasses
import json
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from tests.store.helpers import demo, with_sheet
from workbench.domain.balance_sheet import AssetCategory, AssetItem
from workbench.domain.case_file import CaseFile
from workbench.domain.codec import decode, encode
from workbench.domain.records import ChangeAction, ReportKind
from workbench.store.archive_repository import SignedBy, SqlArchiveRepository
from workbench.store.changes import content_sha256, diff
from workbench.store.repository import SqlCaseRepository

if TYPE_CHECKING:
    from workbench.domain.records import User
    from workbench.store.db import Sessions

DATA = Path(__file__).parent / "data"
PDF = b"%PDF-1.7\n% signed survey report\n%%EOF\n"


def three_versions(sessions: Sessions, user: User) -> list[CaseFile]:
    """Case A at v1, a new request amount at v2, an extra asset at v3."""
    v1 = demo("a")
    v2 = dataclasses.replace(v1, request=dataclasses.replace(v1.request, amount=Decimal("50000")))
    extra = AssetItem(AssetCategory.DEPOSIT, "定期存款", Decimal("12000.50"))
    v3 = with_sheet(v2, assets=(*v2.balance_sheet.assets, extra))
    with sessions.begin() as session:
        repo = SqlCaseRepository(session)
        repo.add(v1, user.id)
        assert repo.save(v2, 1, user.id) == 2
        assert repo.save(v3, 2, user.id) == 3
    return [v1, v2, v3]


def test_each_save_keeps_a_snapshot_and_restore_adds_a_version(sessions: Sessions, officer: User) -> None:
    v1, v2, v3 = three_versions(sessions, officer)
    case_id = demo("a").id
    with sessions.begin() as session:
        repo = SqlCaseRepository(session)
        assert [repo.version_document(case_id, n) for n in (1, 2, 3)] == [v1, v2, v3]
        assert repo.restore(case_id, 1, 3, officer.id) == 4
    with sessions.begin() as session:
        repo = SqlCaseRepository(session)
        history = repo.history(case_id)
        current = repo.get(case_id)
    assert [(h.version, h.action) for h in history] == [
        (1, ChangeAction.CREATE),
        (2, ChangeAction.UPDATE),
        (3, ChangeAction.UPDATE),
        (4, ChangeAction.RESTORE),
    ]
    assert history[1].changed_fields == ("request.amount",)
    extra = v3.balance_sheet.assets[3]
    assert history[2].changed_fields == (
        f"balance_sheet.assets[id={extra.id}].amount",
        f"balance_sheet.assets[id={extra.id}].category",
        f"balance_sheet.assets[id={extra.id}].label",
    )
    assert history[3].changed_count == 4
    assert all(h.saved_by == "liumin" for h in history)
    assert (current.version, current.case) == (4, v1)
    assert history[3].content_sha256 == history[0].content_sha256 == content_sha256(v1)


def test_audit_entries_record_each_field_before_and_after(sessions: Sessions, officer: User) -> None:
    _v1, _v2, v3 = three_versions(sessions, officer)
    row = f"balance_sheet.assets[id={v3.balance_sheet.assets[3].id}]"
    with sessions.begin() as session:
        trail = SqlCaseRepository(session).audit_trail(demo("a").id)
    created, *updates = trail
    assert (created.action, created.field, created.after) == (
        ChangeAction.CREATE,
        None,
        content_sha256(demo("a")),
    )
    assert [(a.action, a.field, a.before, a.after) for a in updates] == [
        (ChangeAction.UPDATE, "request.amount", "60000", "50000"),
        (ChangeAction.UPDATE, f"{row}.amount", None, "12000.50"),
        (ChangeAction.UPDATE, f"{row}.category", None, "deposit"),
        (ChangeAction.UPDATE, f"{row}.label", None, "定期存款"),
    ]
    assert {a.user_id for a in trail} == {officer.id}
    assert [a.id for a in trail] == sorted(a.id for a in trail)


def _archive(sessions: Sessions, user: User) -> None:
    with sessions.begin() as session:
        SqlCaseRepository(session).add(demo("b"), user.id)
        signed = SignedBy("刘敏", datetime(2024, 7, 1, tzinfo=UTC), 1, content_sha256(demo("b")))
        SqlArchiveRepository(session).archive_report(
            demo("b").id, ReportKind.SURVEY_REPORT, PDF, signed, user.id
        )


@pytest.mark.parametrize("table", ["audit_entry", "signed_report"])
@pytest.mark.parametrize("statement", ["UPDATE {t} SET case_id = NULL", "DELETE FROM {t}"])
def test_the_database_refuses_to_change_append_only_rows(
    sessions: Sessions, officer: User, table: str, statement: str
) -> None:
    _archive(sessions, officer)
    with sessions.begin() as session:
        before = session.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one()
    assert before >= 1
    with pytest.raises(DBAPIError, match="append-only"), sessions.engine.begin() as connection:
        connection.execute(text(statement.format(t=table)))
    with sessions.begin() as session:
        assert session.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one() == before


@pytest.mark.postgres
@pytest.mark.parametrize("engine_url", ["postgresql"], indirect=True)
@pytest.mark.parametrize("table", ["audit_entry", "signed_report"])
def test_postgresql_refuses_truncate_too(sessions: Sessions, officer: User, table: str) -> None:
    _archive(sessions, officer)
    with pytest.raises(DBAPIError, match="append-only"), sessions.engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {table} CASCADE"))


def test_a_new_archive_adds_a_row_and_pins_the_case_version(sessions: Sessions, officer: User) -> None:
    _archive(sessions, officer)
    changed = dataclasses.replace(demo("b"), product="微贷·经营类（续贷）")
    with sessions.begin() as session:
        SqlCaseRepository(session).save(changed, 1, officer.id)
        archive = SqlArchiveRepository(session)
        assert archive.version_sha256(demo("b").id, 2) == content_sha256(changed)  # what the services check
        signed = SignedBy("刘敏", datetime.now(UTC), 2, content_sha256(changed))
        again = archive.archive_report(
            demo("b").id, ReportKind.SURVEY_REPORT, PDF + b"v2", signed, officer.id
        )
    with sessions.begin() as session:
        archive = SqlArchiveRepository(session)
        reports = archive.list_reports(demo("b").id)
        first_pdf = archive.report_pdf(reports[0].id)
    assert [(r.case_version, r.case_sha256) for r in reports] == [
        (1, content_sha256(demo("b"))),
        (2, content_sha256(changed)),
    ]
    assert reports[1] == again
    assert first_pdf == PDF
    assert reports[0].signed_at == datetime(2024, 7, 1, tzinfo=UTC)


def _edited(name: str) -> tuple[Any, Any]:
    """The plain data of a demo case before and after edits in many lists: rows edited, moved, removed
    and added, checks reordered and their own rows edited, positional lists changed, a list cleared."""
    before = encode(demo(name))
    after = copy.deepcopy(before)
    sheet = after["balance_sheet"]
    stock = sheet["stock"]
    stock[1]["unit_cost"] = "31.5"
    stock.append(stock.pop(0))  # the first row moves to the end
    del stock[1]
    stock.insert(2, {"id": "added000001", "label": "新货", "quantity": "3", "unit_cost": "12"})
    sheet["fixed_assets"][0]["label"] += "（旧）"
    sheet["fixed_assets"][1], sheet["fixed_assets"][2] = sheet["fixed_assets"][2], sheet["fixed_assets"][1]
    sheet["debts"] = []
    sheet["assets"][0].setdefault("evidence", []).append("存折照片")
    after["profit_loss"]["products"][0]["unit_price"] = "99.50"
    after["profit_loss"]["fixed_costs"].reverse()
    after["household"]["members"][0]["name"] = "改名"
    del after["request"]["uses"][0]
    after["profit_loss"]["calendar"][0] = "slack"
    checks = after["cross_checks"]
    checks[0], checks[1] = checks[1], checks[0]
    checks[3]["inputs"]["purchases"] = "12345"
    checks.append(
        {
            "id": "M14x",
            "title": "毛利抽样",
            "target": "gross_margin",
            "method": "M14",
            "inputs": {
                "items": [
                    {"id": "item0000001", "name": "烟", "cost": "20", "price": "25"},
                    {"id": "item0000002", "name": "酒", "cost": "40", "price": "52"},
                ]
            },
        }
    )
    return before, encode(decode(CaseFile, after, "case"))


@pytest.mark.parametrize("name", ["a", "b"])
def test_the_audit_diff_of_many_edits_stays_as_recorded(name: str) -> None:
    """Pins the audit's paths, texts and moves (recorded before the walk over row lists moved to the
    field model); a change in naming rows or lists shows here first."""
    before, after = _edited(name)
    changes = [[c.path, c.before, c.after] for c in diff(before, after)]
    recorded = json.loads((DATA / f"audit-diff-{name}.json").read_text(encoding="utf-8"))
    assert changes == recorded
    assert any(c.is_move for c in diff(before, after))
