"""The save-conflict comparison: every differing field of two versions of a case, by its audit path."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest

from workbench.domain.balance_sheet import StockItem
from workbench.paths import resource_path
from workbench.services.case_files import read_case_file
from workbench.services.compare import compare_cases, path_parts

if TYPE_CHECKING:
    from workbench.domain.case_file import CaseFile


@pytest.fixture
def case_a() -> CaseFile:
    return read_case_file(resource_path("demo", "case-a.json"))


def test_equal_versions_have_no_differences(case_a: CaseFile) -> None:
    assert compare_cases(case_a, case_a) == ()


def test_each_changed_field_once_with_both_values(case_a: CaseFile) -> None:
    case = case_a
    sheet = case.balance_sheet
    stock = list(sheet.stock)
    stock[0] = dataclasses.replace(stock[0], unit_cost=Decimal("30000"))
    stock += [StockItem(label=f"新增{i}", quantity=Decimal(1), unit_cost=Decimal(i)) for i in range(7)]
    theirs = dataclasses.replace(
        case,
        product="他人修改",
        borrower=dataclasses.replace(case.borrower, name="王丽华（他人）"),
        balance_sheet=dataclasses.replace(sheet, stock=tuple(stock)),
    )
    differences = compare_cases(case, theirs)
    by_path = {d.path: (d.mine, d.theirs) for d in differences}
    assert by_path["product"] == (case.product, "他人修改")
    assert by_path["borrower.name"] == ("王丽华", "王丽华（他人）")
    assert by_path[f"balance_sheet.stock[id={stock[0].id}].unit_cost"] == ("28000", "30000")
    assert by_path[f"balance_sheet.stock[id={stock[11].id}].label"] == (None, "新增6")  # only in theirs
    assert len(by_path) == len(differences)
    rows = [d.parts[2] for d in differences if d.path.startswith("balance_sheet.stock[")]
    assert rows == sorted(rows)  # [2] before [10]: rows in number order
    assert compare_cases(theirs, case)[0].mine == differences[0].theirs


def test_path_parts() -> None:
    assert path_parts("balance_sheet.stock[12].unit_cost") == ("balance_sheet", "stock", 12, "unit_cost")
    assert path_parts("product") == ("product",)
    mine = {"stock": [{"id": "a1"}, {"id": "b2"}]}
    theirs = {"stock": [{"id": "b2"}, {"id": "c3"}]}
    assert path_parts("stock[id=b2].label", mine, theirs) == ("stock", 1, "label")  # my row number
    assert path_parts("stock[id=c3].label", mine, theirs) == ("stock", 1, "label")  # only theirs has it
    assert path_parts("stock[id=zz].label", mine) == ("stock", "id=zz", "label")


def test_reordered_rows_are_one_move_and_an_edited_row_its_own_change(case_a: CaseFile) -> None:
    sheet = case_a.balance_sheet
    first, second, *rest = sheet.stock
    edited = dataclasses.replace(second, quantity=Decimal(7))
    theirs = dataclasses.replace(
        case_a, balance_sheet=dataclasses.replace(sheet, stock=(edited, first, *rest))
    )
    differences = compare_cases(case_a, theirs)
    assert [(d.path, d.mine, d.theirs, d.moved) for d in differences] == [
        (f"balance_sheet.stock[id={first.id}]", "0", "1", True),  # one of the two moved
        (f"balance_sheet.stock[id={second.id}].quantity", format(second.quantity, "f"), "7", False),
    ]
    assert differences[0].parts == ("balance_sheet", "stock", 0)
