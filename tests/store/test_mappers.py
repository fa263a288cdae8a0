"""The row mapping without a database: minor units and scales, the convention, both demo cases."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.store.helpers import DEMOS, demo
from workbench.domain.errors import ValidationError
from workbench.domain.policy import DEFAULT_POLICY
from workbench.services.case_files import dumps_case
from workbench.store.changes import diff, flatten
from workbench.store.mappers import CHILD_TABLES, case_from_rows, case_to_rows
from workbench.store.row_codec import amount_from, minor_and_scale

amounts = st.integers(min_value=0, max_value=4).flatmap(
    lambda places: st.decimals(
        min_value=Decimal("-1e12"),
        max_value=Decimal("1e12"),
        places=places,
        allow_nan=False,
        allow_infinity=False,
    )
)


@given(amounts)
def test_minor_units_and_scale_give_the_same_decimal_back(amount: Decimal) -> None:
    try:
        minor, scale = minor_and_scale(amount, "x")
    except ValidationError as error:
        assert error.reason == "sub_cent"
        assert amount * 100 != (amount * 100).to_integral_value()
        return
    back = amount_from(minor, scale)
    assert back == amount
    assert str(back) == str(amount) or amount.is_zero()  # -0 is stored as 0
    assert minor == int(amount * 100)


@pytest.mark.parametrize(
    ("text", "minor", "scale"),
    [("60000", 6000000, 0), ("18.00", 1800, 2), ("0.3", 30, 1), ("-1250.50", -125050, 2), ("1.000", 100, 3)],
)
def test_amounts_keep_the_places_they_were_written_with(text: str, minor: int, scale: int) -> None:
    assert minor_and_scale(Decimal(text), "x") == (minor, scale)
    assert str(amount_from(minor, scale)) == text


@pytest.mark.parametrize("name", DEMOS)
def test_demo_case_maps_to_rows_and_back(name: str) -> None:
    case = demo(name)
    rows = case_to_rows(case, DEFAULT_POLICY)
    assert set(rows.children) == set(CHILD_TABLES)
    back = case_from_rows(rows.root, rows.children)
    assert back == case
    assert dumps_case(back) == dumps_case(case)


def test_detail_rows_are_keyed_by_case_sheet_kind_and_position() -> None:
    rows = case_to_rows(demo("a"), DEFAULT_POLICY)
    by_name = {table.name: table_rows for table, table_rows in rows.children.items()}
    assert [(r["sheet"], r["position"]) for r in by_name["bs_asset_item"]] == [
        ("current", i) for i in range(3)
    ]
    assert {r["kind"] for r in by_name["pl_expense"]} == {"fixed", "household"}
    assert by_name["bs_asset_item"][0]["amount_minor"] == 600000
    assert by_name["bs_asset_item"][0]["amount_scale"] == 0
    assert {r["check_id"] for r in by_name["cross_check"]} >= {"C1", "C4a", "C4b"}


def test_diff_names_changed_leaves_by_exchange_format_path() -> None:
    before = {"request": {"amount": "60000", "uses": [{"amount": "1"}]}, "notes": {}}
    after = {"request": {"amount": "50000", "uses": []}, "notes": {"risks": "x"}}
    changes = {c.path: (c.before, c.after) for c in diff(before, after)}
    assert changes == {
        "request.amount": ("60000", "50000"),
        "request.uses[0].amount": ("1", None),
        "request.uses": (None, "[]"),
        "notes": ("{}", None),
        "notes.risks": (None, "x"),
    }
    assert flatten({"a": [True, 2, None]}) == {"a[0]": "true", "a[1]": "2", "a[2]": "null"}
