"""The generic list model on every detail list, the result tables and the case list: Qt's model tester,
typed entries, refusals, and narrow change signals (also after undo)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt

from workbench.domain.case_file import Stage
from workbench.domain.case_list import CaseListQuery, SortKey
from workbench.domain.records import CaseSummary
from workbench.ui.models.case_list_model import PAGE_SIZE, CaseListModel
from workbench.ui.models.factory import list_model
from workbench.ui.models.list_model import KIND_ROLE, DataclassListModel
from workbench.ui.models.result_tables import (
    ResultTableModel,
    monthly_statement,
    projection_table,
    schedule_table,
)

if TYPE_CHECKING:
    from collections.abc import Callable

LIST_PATHS = [
    ("balance_sheet", "assets"),
    ("balance_sheet", "stock"),
    ("balance_sheet", "fixed_assets"),
    ("balance_sheet", "receivables"),
    ("balance_sheet", "payables"),
    ("balance_sheet", "debts"),
    ("balance_sheet", "off_balance"),
    ("balance_sheet", "guarantees_given"),
    ("profit_loss", "products"),
    ("profit_loss", "fixed_costs"),
    ("profit_loss", "variable_expenses"),
    ("profit_loss", "household_expenses"),
    ("profit_loss", "other_expenses"),
    ("profit_loss", "other_income"),
    ("equity_check", "initial_assets"),
    ("equity_check", "initial_liabilities"),
    ("equity_check", "period_profit"),
    ("equity_check", "injections"),
    ("equity_check", "appreciation"),
    ("equity_check", "withdrawals"),
    ("equity_check", "depreciation"),
    ("equity_check", "earlier_passes"),
    ("cross_checks",),
    ("guarantors",),
    ("collateral",),
    ("evidence",),
    ("household", "members"),
    ("business", "suppliers"),
    ("business", "customers"),
    ("borrower", "credit_history"),
    ("request", "uses"),
    ("request", "other_sources"),
    ("soft_info", "matrix"),
    ("soft_info", "checks"),
]


@pytest.mark.parametrize("path", LIST_PATHS, ids=".".join)
def test_every_list_model_passes_qt_model_tester(
    path: tuple[str, ...], make_document: Callable[..., Any], qtmodeltester: Any
) -> None:
    for case in ("A", "B"):
        document, _recalc = make_document(case)
        model = list_model(document, path)
        qtmodeltester.check(model)
        model.insertRows(0, 1)
        qtmodeltester.check(model)


def test_nested_lists_of_check_inputs(make_document: Callable[..., Any], qtmodeltester: Any) -> None:
    from workbench.domain.cross_checks import CheckMethod, CrossCheck, MarginSampleInputs, Target

    document, _recalc = make_document("A")
    check = CrossCheck("M", Target.GROSS_MARGIN, CheckMethod.M14, MarginSampleInputs(items=()))
    document.insert_row(("cross_checks",), 0, check)
    model = list_model(document, ("cross_checks", 0, "inputs", "items"))
    model.insertRows(0, 2)
    assert model.setData(model.index(0, 2), "10")
    qtmodeltester.check(model)


def test_result_tables_pass_qt_model_tester(make_document: Callable[..., Any], qtmodeltester: Any) -> None:
    _document, recalc = make_document("A")
    results = recalc.run()
    for builder in (monthly_statement, schedule_table, projection_table):
        model = ResultTableModel(builder)
        model.update(results)
        qtmodeltester.check(model)
    monthly = ResultTableModel(monthly_statement)
    monthly.update(results)
    assert monthly.rowCount() == 15 and monthly.columnCount() == 13
    assert monthly.headerData(14, Qt.Orientation.Vertical) == "月可支配资金"


def _stock_model(make_document: Callable[..., Any]) -> tuple[Any, DataclassListModel, list[str]]:
    document, _recalc = make_document("A")
    model = list_model(document, ("balance_sheet", "stock"))
    refusals: list[str] = []
    model.edit_refused.connect(refusals.append)
    return document, model, refusals


def test_set_data_parses_and_calls_the_document(make_document: Callable[..., Any]) -> None:
    document, model, refusals = _stock_model(make_document)
    assert model.setData(model.index(0, 2), "1.25万")
    assert document.state.balance_sheet.stock[0].unit_cost == Decimal(12500)
    assert model.data(model.index(0, 2)) == "12,500.00"
    assert model.data(model.index(0, 3)) == "12,500.00"  # the computed amount column follows
    assert model.data(model.index(0, 2), Qt.ItemDataRole.EditRole) == "12500"
    assert model.data(model.index(0, 2), KIND_ROLE) == "money"
    assert not refusals


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("12,5,00", "单位成本：不是有效的数字：12,5,00"),
        ("abc", "单位成本：不是有效的数字：abc"),
        ("-5", "单位成本：不能为负数：-5"),
    ],
)
def test_invalid_entries_are_refused_and_the_old_value_stays(
    make_document: Callable[..., Any], text: str, message: str
) -> None:
    document, model, refusals = _stock_model(make_document)
    before = document.state
    assert model.setData(model.index(0, 2), text) is False
    assert refusals == [message]
    assert document.state is before
    assert document.undo_stack.count() == 0
    assert model.data(model.index(0, 2)) == "28,000.00"


def test_read_only_and_enum_and_bool_cells(make_document: Callable[..., Any]) -> None:
    document, _recalc = make_document("A")
    stock = list_model(document, ("balance_sheet", "stock"))
    assert not stock.flags(stock.index(0, 3)) & Qt.ItemFlag.ItemIsEditable  # amount = qty × cost
    assert stock.setData(stock.index(0, 3), "1") is False
    assert stock.setData(stock.index(0, 4), "raw_material")
    assert stock.data(stock.index(0, 4)) == "原材料"
    debts = list_model(document, ("balance_sheet", "debts"))
    long_term = [c.field for c in debts.columns].index("long_term")
    assert debts.flags(debts.index(0, long_term)) & Qt.ItemFlag.ItemIsUserCheckable
    assert debts.setData(debts.index(0, long_term), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert document.state.balance_sheet.debts[0].long_term is True


def test_changes_are_announced_narrowly_also_after_undo(
    make_document: Callable[..., Any], qtbot: Any
) -> None:
    document, model, _refusals = _stock_model(make_document)
    events: list[tuple[str, int, int]] = []
    model.rowsInserted.connect(lambda _p, a, b: events.append(("insert", a, b)))
    model.rowsRemoved.connect(lambda _p, a, b: events.append(("remove", a, b)))
    model.dataChanged.connect(lambda tl, br, _r=(): events.append(("changed", tl.row(), br.row())))
    model.insertRows(2, 1)
    model.setData(model.index(3, 0), "新品")
    document.undo_stack.undo()
    document.undo_stack.undo()
    document.undo_stack.redo()
    assert events == [
        ("insert", 2, 2),
        ("changed", 3, 3),
        ("changed", 3, 3),
        ("remove", 2, 2),
        ("insert", 2, 2),
    ]
    # an edit elsewhere in the case does not touch this model
    events.clear()
    document.set_field(("profit_loss", "peak_sales"), Decimal(1))
    assert events == []


def _summary(i: int) -> CaseSummary:
    return CaseSummary(
        id=f"id-{i}",
        case_number=f"N{i:05d}",
        borrower_name=f"借款人{i}",
        business_name="店",
        stage=Stage.INVESTIGATE,
        officer_id="o",
        officer_username="officer",
        requested=Decimal(60000),
        updated_at=datetime(2024, 6, 28, tzinfo=UTC),
        version=1,
    )


def test_case_list_pages_on_demand(ui: Any, qtmodeltester: Any) -> None:
    total = 2 * PAGE_SIZE + 7
    calls: list[tuple[CaseListQuery, int, str | None]] = []

    def fetch(query: CaseListQuery, limit: int, after: CaseSummary | None) -> list[CaseSummary]:
        calls.append((query, limit, after.id if after else None))
        rows = [_summary(i) for i in range(total) if query.name_like in f"借款人{i}"]
        start = next(i + 1 for i, r in enumerate(rows) if r.id == after.id) if after else 0
        return rows[start : start + limit]

    pending: list[tuple[Any, Any]] = []

    def later(fn: Any, done: Any, _failed: Any) -> None:  # like the thread pool: results come later
        pending.append((fn, done))

    def flush() -> None:
        while pending:
            fn, done = pending.pop(0)
            done(fn())

    model = CaseListModel(fetch, runner=later)
    model.set_filter()
    flush()
    assert model.rowCount() == PAGE_SIZE
    while model.canFetchMore():
        model.fetchMore()
        flush()
    assert model.rowCount() == total
    # keyset paging: each page starts after the last row shown
    assert [c[2] for c in calls] == [
        None,
        model.summary(PAGE_SIZE - 1).id,
        model.summary(2 * PAGE_SIZE - 1).id,
    ]
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0)) == "借款人0"
    assert model.data(model.index(0, 2)) == "60,000.00"
    model.set_filter("借款人1")  # its page is still on the way when the filter changes again
    model.set_filter("借款人20", Stage.INVESTIGATE)
    flush()
    assert model.rowCount() == 8  # 20 and 200–206; the stale page was dropped
    assert (calls[-1][0].name_like, calls[-1][0].stage) == ("借款人20", Stage.INVESTIGATE)
    assert dataclasses.is_dataclass(model.summary(0))


def test_case_list_sorts_in_the_store_by_the_sortable_columns(ui: Any, qtmodeltester: Any) -> None:
    queries: list[CaseListQuery] = []

    def fetch(query: CaseListQuery, limit: int, after: CaseSummary | None) -> list[CaseSummary]:
        queries.append(query)
        rows = sorted(
            (_summary(i) for i in range(5)), key=lambda s: s.borrower_name, reverse=query.descending
        )
        return rows if after is None else []

    model = CaseListModel(fetch, runner=lambda fn, done, _failed: done(fn()))
    model.set_filter()
    assert (model.sort_column(), model.sort_order()) == (6, Qt.SortOrder.DescendingOrder)  # newest change
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert (queries[-1].sort, queries[-1].descending) == (SortKey.APPLICANT, False)
    assert model.data(model.index(0, 0)) == "借款人0"
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 0)) == "借款人4"
    count = len(queries)
    model.sort(2, Qt.SortOrder.AscendingOrder)  # the amount: no order in the store, nothing asked
    assert len(queries) == count and model.sort_column() == 0
    for column, key in (
        (3, SortKey.STAGE),
        (4, SortKey.CASE_NUMBER),
        (5, SortKey.OFFICER),
        (6, SortKey.UPDATED),
    ):
        model.sort(column, Qt.SortOrder.AscendingOrder)
        assert queries[-1].sort is key
    qtmodeltester.check(model)
