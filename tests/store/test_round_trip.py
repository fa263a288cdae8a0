"""A case comes back from the store exactly as it went in, on SQLite and on PostgreSQL."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import func, select

from tests.store.helpers import DEMOS, demo, new_id, with_sheet
from workbench.domain.balance_sheet import AssetCategory, AssetItem, BalanceSheet, SheetKind, StockItem
from workbench.domain.equity import EquityItem
from workbench.domain.errors import ValidationError
from workbench.domain.records import CaseNotFoundError
from workbench.services.case_files import dumps_case
from workbench.store.balance_rows import BsAssetItemRow, BsStockItemRow
from workbench.store.changes import content_sha256
from workbench.store.repository import SqlCaseRepository

if TYPE_CHECKING:
    from workbench.domain.case_file import CaseFile
    from workbench.domain.records import CaseRecord, User
    from workbench.store.db import Sessions

D = Decimal


def store_and_load(sessions: Sessions, case: CaseFile, user: User) -> CaseRecord:
    with sessions.begin() as session:
        SqlCaseRepository(session).add(case, user.id)
    with sessions.begin() as session:
        return SqlCaseRepository(session).get(case.id)


@pytest.mark.parametrize("name", DEMOS)
def test_demo_case_round_trips_exactly(sessions: Sessions, officer: User, name: str) -> None:
    case = demo(name)
    record = store_and_load(sessions, case, officer)
    assert record.case == case
    assert dumps_case(record.case) == dumps_case(case)  # same text: decimals keep their places
    assert record.version == 1
    assert record.content_sha256 == content_sha256(case)
    assert (record.officer_id, record.created_by, record.updated_by) == (officer.id,) * 3
    assert record.updated_at.tzinfo is not None


def test_amounts_are_exact_to_the_cent_and_sum_in_sql(sessions: Sessions, officer: User) -> None:
    amounts = [D("12345678901.23"), D("0.01"), D("0.10"), D("999999999999.99"), D("7")]
    assets = tuple(AssetItem(AssetCategory.BANK, f"account {i}", a) for i, a in enumerate(amounts))
    case = with_sheet(demo("a"), assets=assets)
    record = store_and_load(sessions, case, officer)
    assert [a.amount for a in record.case.balance_sheet.assets] == amounts
    assert [str(a.amount) for a in record.case.balance_sheet.assets] == [str(a) for a in amounts]
    with sessions.begin() as session:
        total = session.scalar(
            select(func.sum(BsAssetItemRow.amount_minor)).where(BsAssetItemRow.sheet == "current")
        )
    assert D(total) / 100 == sum(amounts)


def test_per_unit_costs_keep_fractions_of_a_cent(sessions: Sessions, officer: User) -> None:
    stock = (
        StockItem("screws", D("12000"), D("0.125")),
        StockItem("wire (m)", D("0.333333333333333333"), D("1.0000001")),
    )
    case = with_sheet(demo("b"), stock=stock)
    record = store_and_load(sessions, case, officer)
    assert record.case.balance_sheet.stock == stock
    with sessions.begin() as session:
        stored = session.scalars(select(BsStockItemRow.unit_cost).order_by(BsStockItemRow.position)).all()
    assert stored == [D("0.125"), D("1.0000001")]


def test_signed_amounts_and_optional_sections_round_trip(sessions: Sessions, officer: User) -> None:
    base = demo("b")
    assert base.equity_check is not None
    equity = dataclasses.replace(
        base.equity_check, withdrawals=(EquityItem("loss on stock", D("-1250.50"), D("1.5")),)
    )
    prior = BalanceSheet(
        kind=SheetKind.PRIOR,
        assets=(AssetItem(AssetCategory.CASH, "till", D("300.00")),),
        stock=(StockItem("boards", D("10"), D("58")),),
    )
    case = dataclasses.replace(base, equity_check=equity, prior_balance_sheet=prior, business=None)
    assert store_and_load(sessions, case, officer).case == case
    bare = dataclasses.replace(demo("a"), equity_check=None, prior_balance_sheet=None, cross_checks=())
    assert store_and_load(sessions, dataclasses.replace(bare, id=new_id()), officer).case.equity_check is None


def test_an_amount_with_fractions_of_a_cent_is_refused(sessions: Sessions, officer: User) -> None:
    assets = (AssetItem(AssetCategory.CASH, "till", D("100.005")),)
    case = with_sheet(demo("a"), assets=assets)
    with pytest.raises(ValidationError) as caught, sessions.begin() as session:
        SqlCaseRepository(session).add(case, officer.id)
    assert (caught.value.field, caught.value.reason) == ("balance_sheet.assets[0].amount", "sub_cent")
    with pytest.raises(CaseNotFoundError), sessions.begin() as session:
        SqlCaseRepository(session).get(case.id)


@pytest.mark.parametrize("bad_id", ["case-1", "0B6F2C1E-6A51-4C1E-9F0A-2024A0000001", ""])
def test_a_case_id_must_be_a_canonical_uuid(sessions: Sessions, officer: User, bad_id: str) -> None:
    with pytest.raises(ValidationError) as caught, sessions.begin() as session:
        SqlCaseRepository(session).add(dataclasses.replace(demo("a"), id=bad_id), officer.id)
    assert caught.value.reason == "not_a_uuid"
