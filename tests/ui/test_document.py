"""CaseDocument and its commands: one signal per change, no-op edits push nothing, one undo step per
committed entry (typing runs merge)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pytest

from workbench.domain.errors import ValidationError

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.ui.document import CaseDocument

STOCK = ("balance_sheet", "stock")
COST = (*STOCK, 0, "unit_cost")


@pytest.fixture
def doc_a(make_document: Callable[..., Any]) -> CaseDocument:
    document, _recalc = make_document("A")
    return document


def _record(document: CaseDocument) -> list[frozenset[str]]:
    seen: list[frozenset[str]] = []
    document.state_changed.connect(seen.append)
    return seen


def test_one_emission_per_change_and_none_for_a_no_op(doc_a: CaseDocument) -> None:
    seen = _record(doc_a)
    assert doc_a.set_field(COST, Decimal(30000)) is True
    assert seen == [frozenset({"balance_sheet.stock[0].unit_cost"})]
    assert doc_a.set_field(COST, Decimal(30000)) is False  # no-op: nothing pushed, nothing emitted
    assert doc_a.undo_stack.count() == 1
    assert len(seen) == 1


def test_each_committed_entry_of_one_cell_is_its_own_undo_step(doc_a: CaseDocument) -> None:
    before = doc_a.state
    for value in ("29000", "29500", "30000"):
        doc_a.set_field(COST, Decimal(value))
    assert doc_a.undo_stack.count() == 3
    doc_a.undo_stack.undo()
    assert doc_a.state.balance_sheet.stock[0].unit_cost == Decimal(29500)
    doc_a.undo_stack.undo()
    doc_a.undo_stack.undo()
    assert doc_a.state is before  # the very same immutable state comes back


def test_the_edits_of_one_typing_run_merge_into_one_undo_step(doc_a: CaseDocument) -> None:
    before, run = doc_a.state, object()
    for value in ("29000", "29500", "30000"):
        doc_a.set_field(COST, Decimal(value), run=run)
    assert doc_a.undo_stack.count() == 1
    doc_a.set_field(COST, Decimal(1), run=object())  # another run: a new step
    doc_a.set_field((*STOCK, 1, "unit_cost"), Decimal(1), run=run)  # another cell: a new step
    assert doc_a.undo_stack.count() == 3
    for _ in range(3):
        doc_a.undo_stack.undo()
    assert doc_a.state is before


def test_typing_back_the_old_value_in_one_run_leaves_nothing_to_undo(doc_a: CaseDocument) -> None:
    run = object()
    doc_a.set_field(COST, Decimal(1), run=run)
    doc_a.set_field(COST, Decimal(28000), run=run)
    assert doc_a.undo_stack.count() == 0
    assert doc_a.undo_stack.isClean()


def test_insert_and_remove_rows_undo(doc_a: CaseDocument) -> None:
    rows = len(doc_a.state.balance_sheet.stock)
    doc_a.insert_row(STOCK, 1)
    assert len(doc_a.state.balance_sheet.stock) == rows + 1
    assert doc_a.state.balance_sheet.stock[1].label == ""
    doc_a.remove_row(STOCK, 0)
    doc_a.undo_stack.undo()
    doc_a.undo_stack.undo()
    assert len(doc_a.state.balance_sheet.stock) == rows
    doc_a.undo_stack.redo()
    assert len(doc_a.state.balance_sheet.stock) == rows + 1


def test_an_edit_the_aggregate_refuses_pushes_nothing(doc_a: CaseDocument) -> None:
    with pytest.raises(ValidationError) as caught:
        doc_a.set_field(("cross_checks", 1, "id"), "C1")  # duplicate check id
    assert caught.value.reason == "duplicate_id"
    assert doc_a.undo_stack.count() == 0


def test_clean_state_follows_the_stack(doc_a: CaseDocument) -> None:
    flags: list[bool] = []
    doc_a.undo_stack.cleanChanged.connect(flags.append)
    doc_a.set_field(COST, Decimal(1))
    doc_a.undo_stack.undo()
    assert flags == [False, True]


def test_many_emits_do_not_leak(doc_a: CaseDocument) -> None:
    # The 6.12.0 signal bug (SETUP-NOTES): a few thousand real document changes.
    for i in range(2000):
        doc_a.set_field((*STOCK, i % 5, "quantity"), Decimal(i % 7 + 2))
    assert doc_a.undo_stack.count() >= 1


def _stock_ids(document: CaseDocument) -> list[str]:
    return [row.id for row in document.state.balance_sheet.stock]


def test_rows_keep_their_ids_through_edits_undo_and_redo(doc_a: CaseDocument) -> None:
    ids = _stock_ids(doc_a)
    doc_a.set_field(COST, Decimal(30000))
    assert _stock_ids(doc_a) == ids  # an edited row is the same row
    doc_a.insert_row(STOCK, 1)
    added = _stock_ids(doc_a)[1]
    assert added not in ids and _stock_ids(doc_a) == [ids[0], added, *ids[1:]]
    doc_a.undo_stack.undo()
    assert _stock_ids(doc_a) == ids
    doc_a.undo_stack.redo()
    assert _stock_ids(doc_a)[1] == added  # redo brings back the same row, not a new one
    doc_a.remove_row(STOCK, 0)
    doc_a.undo_stack.undo()
    assert _stock_ids(doc_a)[0] == ids[0]


def test_a_duplicated_row_is_a_new_row_with_a_new_id(doc_a: CaseDocument) -> None:
    first = doc_a.state.balance_sheet.stock[0]
    doc_a.insert_row(STOCK, 1, first)
    copy = doc_a.state.balance_sheet.stock[1]
    assert copy == first and copy.id != first.id  # same values, its own id
    with pytest.raises(ValidationError) as caught:  # two rows with one id are refused
        doc_a.set_list_item(STOCK, 1, dataclasses.replace(first, label="另一行"))
    assert caught.value.reason == "duplicate_id"
