"""Stable row ids: every detail row has one, it survives edits and the exchange format, and a file of
format version 1 (no ids) reads with ids derived from the case id, the list and the index."""

from __future__ import annotations

import copy
import dataclasses
import json
import re
import typing
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from workbench.domain import field_model
from workbench.domain.balance_sheet import StockItem
from workbench.domain.case_file import CaseFile
from workbench.domain.codec import FORMAT_VERSION, SUPPORTED_VERSIONS, case_from_document, case_to_document
from workbench.domain.errors import ValidationError
from workbench.domain.row_ids import (
    OWN_ID_LISTS,
    Row,
    derived_row_id,
    fill_row_ids,
    new_row_id,
    rows_lack_ids,
    with_new_id,
)
from workbench.paths import resource_path
from workbench.services.case_files import dumps_case, loads_case, read_case_file

DATA = Path(__file__).parent / "data"
HEX_ID = re.compile(r"[0-9a-f]{12}")


def _demo(name: str) -> Path:
    return Path(resource_path("demo", f"case-{name}.json"))


def row_lists(value: Any) -> list[tuple[str, tuple[Row, ...]]]:
    """Every non-empty list of rows in ``value`` (a case or a part of it) with its exchange-format path."""
    return [
        (found.path, tuple(found.rows))
        for found in field_model.row_lists(value)
        if found.rows and issubclass(found.row_type, Row)
    ]


def _list_item_types(cls: type, seen: set[type]) -> set[tuple[type, str]]:
    """(item type, field) of every tuple-of-dataclass field reachable from ``cls``."""
    if cls in seen:
        return set()
    seen.add(cls)
    out: set[tuple[type, str]] = set()
    for name, hint in typing.get_type_hints(cls, include_extras=True).items():
        for inner in _types_in(hint):
            if typing.get_origin(inner) is tuple:
                item = typing.get_args(inner)[0]
                for found in _types_in(item):
                    if isinstance(found, type) and dataclasses.is_dataclass(found):
                        out.add((found, name))
                        out |= _list_item_types(found, seen)
            elif isinstance(inner, type) and dataclasses.is_dataclass(inner):
                out |= _list_item_types(inner, seen)
        f = next(f for f in dataclasses.fields(cls) if f.name == name)
        for tagged in f.metadata.get("types", {}).values():
            out |= _list_item_types(tagged, seen)
    return out


def _types_in(hint: Any) -> list[Any]:
    args = typing.get_args(hint)
    if typing.get_origin(hint) is typing.Annotated:
        return _types_in(args[0])
    if args and typing.get_origin(hint) is not tuple:
        return [t for arg in args for t in _types_in(arg)]
    return [hint]


def test_every_list_of_the_case_holds_rows_with_ids_except_checks_and_evidence() -> None:
    found = _list_item_types(CaseFile, set())
    not_rows = {(cls.__name__, name) for cls, name in found if not issubclass(cls, Row)}
    assert not_rows == {("CrossCheck", "cross_checks"), ("Evidence", "evidence")}
    assert {"cross_checks", "evidence"} == OWN_ID_LISTS
    assert len({cls for cls, _name in found if issubclass(cls, Row)}) == 24  # + CheckOverride (issue #13)


def test_the_field_models_row_lists_are_the_lists_the_type_hints_hold() -> None:
    """``field_model.row_list_types`` (what the audit keys by id and the row ids fill) against the hints
    read here on their own: the same lists of records, each under its field's name."""
    model = field_model.row_list_types(CaseFile)
    named = {(cls, path.rsplit(".", 1)[-1]) for path, cls in model.items()}
    assert named == _list_item_types(CaseFile, set())
    assert model["cross_checks.inputs.items"].__name__ == "MarginItem"
    walked = {
        re.sub(r"\[\d+\]", "", found.path) for found in field_model.row_lists(read_case_file(_demo("b")))
    }
    assert walked <= set(model) and len(walked) > 20


def test_a_new_row_gets_a_fresh_id_an_edit_keeps_it_and_ids_take_no_part_in_equality() -> None:
    a = StockItem("烟", Decimal(1), Decimal(28000))
    b = StockItem("烟", Decimal(1), Decimal(28000))
    assert HEX_ID.fullmatch(a.id) and HEX_ID.fullmatch(new_row_id())
    assert a.id != b.id and a == b and hash(a) == hash(b)
    assert dataclasses.replace(a, quantity=Decimal(2)).id == a.id
    assert with_new_id(a).id != a.id and with_new_id(a) == a
    assert StockItem("烟", Decimal(1), Decimal(1), id="mine-1").id == "mine-1"
    assert StockItem("烟", Decimal(1), Decimal(1), id="").id != ""  # "" means "give me one"
    assert dataclasses.fields(StockItem)[0].name == "id"  # written first


def test_a_version_1_file_imports_with_derived_ids_the_same_each_time() -> None:
    document = json.loads((DATA / "case-a-v1.json").read_text(encoding="utf-8"))
    assert document["version"] == 1
    first, second = case_from_document(copy.deepcopy(document)), case_from_document(document)
    lists = row_lists(first)
    assert len(lists) >= 15 and sum(len(rows) for _p, rows in lists) > 60
    for path, rows in lists:
        list_path = re.sub(r"^case\.", "", path)
        assert [r.id for r in rows] == [derived_row_id(first.id, list_path, i) for i in range(len(rows))]
    assert [[r.id for r in rows] for _p, rows in row_lists(second)] == [
        [r.id for r in rows] for _p, rows in lists
    ]


@pytest.mark.parametrize("name", ["a", "b"])
def test_the_shipped_demo_is_version_2_with_the_ids_its_version_1_file_gets(name: str) -> None:
    text = _demo(name).read_text(encoding="utf-8")
    assert json.loads(text)["version"] == FORMAT_VERSION == 2 and SUPPORTED_VERSIONS == (1, 2)
    v2 = read_case_file(_demo(name))
    v1 = read_case_file(DATA / f"case-{name}-v1.json")
    assert dumps_case(v1) == dumps_case(v2)  # same values and the same ids


@pytest.mark.parametrize("name", ["a", "b"])
def test_export_import_export_is_byte_identical_in_version_2(name: str) -> None:
    exported = dumps_case(read_case_file(DATA / f"case-{name}-v1.json"))
    assert json.loads(exported)["version"] == 2
    again = dumps_case(loads_case(exported))
    assert again == exported
    assert '"id": "' in exported
    case = loads_case(exported)
    assert [[r.id for r in rows] for _p, rows in row_lists(case)] == [
        [r.id for r in rows] for _p, rows in row_lists(loads_case(again))
    ]


def test_ids_survive_reordering_through_the_file() -> None:
    case = read_case_file(_demo("a"))
    first, second, *rest = case.balance_sheet.stock
    moved = dataclasses.replace(
        case, balance_sheet=dataclasses.replace(case.balance_sheet, stock=(second, first, *rest))
    )
    back = case_from_document(json.loads(json.dumps(case_to_document(moved))))
    assert [r.id for r in back.balance_sheet.stock[:2]] == [second.id, first.id]


def _document(name: str = "a") -> dict[str, Any]:
    return json.loads(_demo(name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("where", "path"),
    [
        (lambda c: c["balance_sheet"]["stock"], "case.balance_sheet.stock[1].id"),
        (lambda c: c["household"]["members"], "case.household.members[1].id"),
        (lambda c: c["request"]["uses"], "case.request.uses[1].id"),
        (lambda c: c["profit_loss"]["products"], "case.profit_loss.products[1].id"),
    ],
)
def test_two_rows_of_one_list_with_one_id_are_refused(where: Any, path: str) -> None:
    document = _document()
    rows = where(document["case"])
    rows[1]["id"] = rows[0]["id"]
    with pytest.raises(ValidationError) as caught:
        case_from_document(document)
    assert (caught.value.field, caught.value.reason) == (path, "duplicate_id")


def test_the_same_id_in_two_lists_is_fine_and_a_too_long_id_is_refused() -> None:
    document = _document()
    sheet = document["case"]["balance_sheet"]
    sheet["assets"][0]["id"] = sheet["stock"][0]["id"]
    case_from_document(document)
    sheet["stock"][0]["id"] = "x" * 41
    with pytest.raises(ValidationError) as caught:
        case_from_document(document)
    assert (caught.value.field, caught.value.reason) == ("case.balance_sheet.stock[0].id", "too_long")


def test_a_version_2_row_without_an_id_gets_the_derived_one() -> None:
    document = _document()
    del document["case"]["balance_sheet"]["stock"][2]["id"]
    case = case_from_document(document)
    assert case.balance_sheet.stock[2].id == derived_row_id(case.id, "balance_sheet.stock", 2)


def test_fill_row_ids_leaves_checks_evidence_and_rows_with_ids_alone() -> None:
    plain = {
        "cross_checks": [{"id": "C1", "inputs": {"items": [{"name": "烟"}]}}],
        "evidence": [{"id": "ev1"}],
        "request": {"uses": [{"label": "x"}, {"id": "keep", "label": "y"}, {"id": "", "label": "z"}]},
        "profit_loss": {"calendar": ["peak"]},
    }
    filled = fill_row_ids(plain, "case-1")
    assert filled["cross_checks"][0]["id"] == "C1" and filled["evidence"] == [{"id": "ev1"}]
    assert filled["cross_checks"][0]["inputs"]["items"][0] == {
        "id": derived_row_id("case-1", "cross_checks[0].inputs.items", 0),
        "name": "烟",
    }
    uses = filled["request"]["uses"]
    assert [u["id"] for u in uses] == [
        derived_row_id("case-1", "request.uses", 0),
        "keep",
        derived_row_id("case-1", "request.uses", 2),
    ]
    assert list(uses[0]) == ["id", "label"]  # the id first
    assert filled["profit_loss"] is plain["profit_loss"]  # untouched parts are shared
    assert "id" not in plain["request"]["uses"][0]  # the input is not changed
    assert fill_row_ids(filled, "case-1") == filled
    assert fill_row_ids({"members": [{"name": "x"}]}, "c", "household")["members"][0]["id"] == derived_row_id(
        "c", "household.members", 0
    )


def test_rows_lack_ids_tells_an_old_document_by_its_first_row() -> None:
    old = json.loads((DATA / "case-a-v1.json").read_text(encoding="utf-8"))["case"]
    assert rows_lack_ids(old) and not rows_lack_ids(_document()["case"])
    assert not rows_lack_ids({"id": "x", "cross_checks": [{"id": "C1"}], "evidence": [{"id": "e"}]})
    assert rows_lack_ids({"cross_checks": [{"id": "C1", "inputs": {"items": [{"name": "烟"}]}}]})
    assert not rows_lack_ids(fill_row_ids(old, "x"))
