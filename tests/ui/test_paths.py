"""Immutable updates along paths: untouched parts are shared, so models can diff by identity."""

from __future__ import annotations

from decimal import Decimal

import pytest

from workbench.domain.balance_sheet import StockItem
from workbench.domain.cross_checks import EnergyRatioInputs
from workbench.domain.parties import Business
from workbench.paths import resource_path
from workbench.services.case_files import read_case_file
from workbench.ui.paths import (
    blank,
    get_in,
    hint_at,
    insert_in,
    path_text,
    remove_in,
    set_in,
    touches,
    unwrap,
)

CASE_A = read_case_file(resource_path("demo", "case-a.json"))
STOCK = ("balance_sheet", "stock")


def test_path_text_is_the_domain_error_field_form() -> None:
    assert path_text(("balance_sheet", "stock", 2, "unit_cost")) == "balance_sheet.stock[2].unit_cost"
    assert path_text(()) == ""


def test_set_in_replaces_one_leaf_and_shares_the_rest() -> None:
    after = set_in(CASE_A, (*STOCK, 2, "unit_cost"), Decimal(1))
    assert get_in(after, (*STOCK, 2, "unit_cost")) == Decimal(1)
    assert get_in(CASE_A, (*STOCK, 2, "unit_cost")) == Decimal(17000)  # the old state is untouched
    old, new = CASE_A.balance_sheet.stock, after.balance_sheet.stock
    assert [a is b for a, b in zip(old, new, strict=True)] == [True, True, False, True, True]
    assert after.profit_loss is CASE_A.profit_loss


def test_insert_and_remove_rows() -> None:
    item = StockItem(label="x", quantity=Decimal(2), unit_cost=Decimal(3))
    inserted = insert_in(CASE_A, STOCK, 1, item)
    assert get_in(inserted, STOCK)[1] is item
    assert len(get_in(inserted, STOCK)) == 6
    removed = remove_in(inserted, STOCK, 1)
    assert get_in(removed, STOCK) == CASE_A.balance_sheet.stock
    with pytest.raises(KeyError):
        remove_in(CASE_A, STOCK, 99)


def test_set_in_creates_an_absent_optional_part() -> None:
    from dataclasses import replace

    consumer = replace(CASE_A, business=None)
    after = set_in(consumer, ("business", "name"), "小店")
    assert isinstance(after.business, Business)
    assert after.business.name == "小店"


@pytest.mark.parametrize(
    ("changed", "path", "expected"),
    [
        ({"balance_sheet.stock[2].unit_cost"}, "balance_sheet.stock", True),
        ({"balance_sheet.stock"}, "balance_sheet.stock[2].unit_cost", True),
        ({"balance_sheet.stocks"}, "balance_sheet.stock", False),
        ({"profit_loss.products[0].name"}, "balance_sheet.stock", False),
        ({""}, "anything", True),
    ],
)
def test_touches(changed: set[str], path: str, expected: bool) -> None:
    assert touches(frozenset(changed), path) is expected


def test_blank_rows_fill_required_fields_with_empty_values() -> None:
    assert blank(StockItem) == StockItem(label="", quantity=Decimal(0), unit_cost=Decimal(0))
    ratio = blank(EnergyRatioInputs)
    assert (ratio.month_a, ratio.month_b) == (1, 1)  # a calendar month's lowest bound, not 0


def test_hint_at_follows_the_live_value_of_a_union() -> None:
    base, _meta, optional = unwrap(hint_at(CASE_A, ("cross_checks", 0, "inputs", "daily")))
    assert optional
    assert "FigureRef" in str(base)
