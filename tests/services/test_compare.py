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
    assert by_path["balance_sheet.stock[0].unit_cost"] == ("28000", "30000")
    assert by_path["balance_sheet.stock[11].label"] == (None, "新增6")  # only in theirs
    assert len(by_path) == len(differences)
    rows = [d.parts[2] for d in differences if d.path.startswith("balance_sheet.stock[")]
    assert rows == sorted(rows)  # [2] before [10]: rows in number order
    assert compare_cases(theirs, case)[0].mine == differences[0].theirs


def test_path_parts() -> None:
    assert path_parts("balance_sheet.stock[12].unit_cost") == ("balance_sheet", "stock", 12, "unit_cost")
    assert path_parts("product") == ("product",)
