"""Row ids in the store: kept through a save and a load, lined up by the audit (a reordering is a
move, an edit that row's change), and given to the rows of a store from before migration 0005."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import inspect, text

from tests.domain.test_row_ids import row_lists
from tests.store.helpers import add_user, demo, new_id, with_sheet
from workbench.domain.cross_checks import CheckMethod, CrossCheck, MarginItem, MarginSampleInputs, Target
from workbench.domain.records import ChangeAction
from workbench.domain.row_ids import derived_row_id
from workbench.services.case_files import dumps_case, read_case_file
from workbench.store import migrate
from workbench.store.changes import content_sha256
from workbench.store.db import make_engine, make_sessions
from workbench.store.repository import SqlCaseRepository

if TYPE_CHECKING:
    from workbench.domain.records import User
    from workbench.store.db import Sessions

V1_FILES = Path(__file__).parents[1] / "domain" / "data"


def all_ids(value: Any) -> dict[str, list[str]]:
    """The ids of every list of rows in ``value``, by the list's path."""
    return {path: [row.id for row in rows] for path, rows in row_lists(value)}


def _updates(sessions: Sessions, case_id: str) -> list[tuple[str | None, str | None, str | None]]:
    with sessions.begin() as session:
        trail = SqlCaseRepository(session).audit_trail(case_id)
    return [(a.field, a.before, a.after) for a in trail if a.action is ChangeAction.UPDATE]


def test_rows_keep_their_ids_through_save_and_load(sessions: Sessions, officer: User) -> None:
    case = demo("b")
    with sessions.begin() as session:
        SqlCaseRepository(session).add(case, officer.id)
    with sessions.begin() as session:
        loaded = SqlCaseRepository(session).get(case.id)
    ids = all_ids(case)
    assert len(ids) >= 10
    assert all_ids(loaded.case) == ids
    assert loaded.content_sha256 == content_sha256(case)
    assert dumps_case(loaded.case) == dumps_case(case)


def test_reordering_two_stock_rows_is_one_move_in_the_audit(sessions: Sessions, officer: User) -> None:
    case = demo("a")
    first, second, *rest = case.balance_sheet.stock
    with sessions.begin() as session:
        repo = SqlCaseRepository(session)
        repo.add(case, officer.id)
        repo.save(with_sheet(case, stock=(second, first, *rest)), 1, officer.id)
    with sessions.begin() as session:
        repo = SqlCaseRepository(session)
        stored = repo.get(case.id).case
        history = repo.history(case.id)
    assert [r.id for r in stored.balance_sheet.stock[:2]] == [second.id, first.id]
    assert _updates(sessions, case.id) == [(f"balance_sheet.stock[id={first.id}]", "0", "1")]
    assert history[1].changed_fields == (f"balance_sheet.stock[id={first.id}]",)


def test_editing_one_row_is_that_rows_change(sessions: Sessions, officer: User) -> None:
    case = demo("a")
    stock = case.balance_sheet.stock
    removed, *kept = stock  # the first row goes, the third is edited: no cascade over the others
    edited = dataclasses.replace(kept[1], quantity=Decimal(3))
    after = with_sheet(case, stock=(kept[0], edited, *kept[2:]))
    with sessions.begin() as session:
        repo = SqlCaseRepository(session)
        repo.add(case, officer.id)
        repo.save(after, 1, officer.id)
    changes = _updates(sessions, case.id)
    removed_row = f"balance_sheet.stock[id={removed.id}]"
    assert [c for c in changes if not c[0] or not c[0].startswith(removed_row)] == [
        (f"balance_sheet.stock[id={edited.id}].quantity", format(kept[1].quantity, "f"), "3"),
    ]
    assert {c[2] for c in changes if c[0] and c[0].startswith(removed_row)} == {None}  # gone, not moved


def test_0005_gives_rows_of_an_older_store_the_ids_a_version_1_import_gives(blank_url: str) -> None:
    """Cases stored before 0005 (here: stored at head, the schema taken back to 0004, which takes the
    ids out of rows, JSON and snapshots) load after the upgrade with the ids of their version-1 file;
    old snapshots load with the same ids, so history, restore and the audit line rows up."""
    migrate.init(blank_url)
    sessions = make_sessions(make_engine(blank_url))
    try:
        officer = add_user(sessions, "liumin")
        sample = MarginSampleInputs(
            (MarginItem("烟", Decimal(18), Decimal(20)), MarginItem("酒", Decimal(40), Decimal(52)))
        )
        m14 = CrossCheck("M14a", Target.GROSS_MARGIN, CheckMethod.M14, sample)  # rows inside a check's inputs
        b = dataclasses.replace(demo("b"), id=new_id(), cross_checks=(*demo("b").cross_checks, m14))
        a = demo("a")
        stock = a.balance_sheet.stock
        a2 = with_sheet(a, stock=(dataclasses.replace(stock[0], quantity=Decimal(2)), *stock[1:]))
        with sessions.begin() as session:
            repo = SqlCaseRepository(session)
            repo.add(a, officer.id)
            repo.save(a2, 1, officer.id)
            repo.add(b, officer.id)
        sessions.engine.dispose()

        assert migrate.downgrade(blank_url, "0004") == "0004"
        engine = make_engine(blank_url)
        assert "row_id" not in {c["name"] for c in inspect(engine).get_columns("bs_stock_item")}
        with engine.connect() as connection:
            number = {"n": a.case_number}
            household = connection.scalar(
                text("SELECT household_json FROM case_file WHERE case_number = :n"), number
            )
            snapshot = connection.scalar(
                text(
                    "SELECT document FROM case_version WHERE version = 1"
                    " AND case_id IN (SELECT id FROM case_file WHERE case_number = :n)"
                ),
                number,
            )
        engine.dispose()
        assert '"id"' not in household and all("id" not in m for m in json.loads(household)["members"])
        assert all("id" not in s for s in json.loads(snapshot)["balance_sheet"]["stock"])

        assert migrate.upgrade(blank_url) == migrate.head()
        migrate.check(blank_url)
        v1_a = read_case_file(V1_FILES / "case-a-v1.json")
        with sessions.begin() as session:
            repo = SqlCaseRepository(session)
            loaded_a, loaded_b = repo.get(a.id).case, repo.get(b.id).case
            first = repo.version_document(a.id, 1)
        assert all_ids(loaded_a) == all_ids(a) == all_ids(v1_a)  # case A's file ids are the derived ones
        assert all_ids(loaded_b) == {
            path: [derived_row_id(b.id, path, i) for i in range(len(ids))] for path, ids in all_ids(b).items()
        }
        assert loaded_a == a2 and loaded_b == b
        assert f"cross_checks[{len(b.cross_checks) - 1}].inputs.items" in all_ids(loaded_b)
        assert all_ids(first) == all_ids(a)  # an old snapshot gets the same ids

        with sessions.begin() as session:  # saving unchanged content lists no field
            repo = SqlCaseRepository(session)
            version = repo.save(loaded_a, 2, officer.id)
            assert all(h.changed_count == 0 for h in repo.history(a.id)[2:])
            repo.restore(a.id, 1, version, officer.id)
        with sessions.begin() as session:
            repo = SqlCaseRepository(session)
            restored = repo.get(a.id).case
            last = repo.history(a.id)[-1]
        assert restored == a and all_ids(restored) == all_ids(a)
        assert last.changed_fields == (f"balance_sheet.stock[id={a.balance_sheet.stock[0].id}].quantity",)
    finally:
        sessions.engine.dispose()


def test_every_row_table_has_a_row_id_and_checks_keep_their_own(engine_url: str) -> None:
    engine = make_engine(engine_url)
    try:
        inspector = inspect(engine)
        tables = inspector.get_table_names()
        with_row_id = {t for t in tables if "row_id" in {c["name"] for c in inspector.get_columns(t)}}
    finally:
        engine.dispose()
    assert with_row_id == {
        "bs_asset_item", "bs_stock_item", "bs_fixed_asset", "bs_receivable", "bs_payable", "bs_debt",
        "bs_off_balance_item", "bs_guarantee_given", "pl_product", "pl_expense", "pl_variable_expense",
        "equity_item", "equity_pass", "guarantor", "collateral",
    }  # fmt: skip
