"""The field model: one reading of the case's type hints, and one money rule for every reader."""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Annotated, Any

import pytest

from workbench.domain.balance_sheet import AssetItem, BalanceSheet, StockCategory, StockItem, compute_totals
from workbench.domain.case_file import CaseFile
from workbench.domain.codec import case_from_document, case_to_document, decode, encode
from workbench.domain.cross_checks import CheckMethod, CrossCheck, Target, WageInputs
from workbench.domain.equity import EquityItem
from workbench.domain.errors import ValidationError
from workbench.domain.field_model import (
    FieldKind,
    blank,
    check_whole_cents,
    field_at,
    field_map,
    fields_of,
    spec_at,
    to_field_amount,
    type_spec,
)
from workbench.domain.fields import Amount, MaxLength, SignedAmount, Text, UnitPrice
from workbench.domain.figures import FigureRef, Operand
from workbench.domain.money import ZERO
from workbench.domain.parties import Collateral
from workbench.domain.profit_loss import ProductLine, ProfitLoss

D = Decimal


def test_each_field_says_what_it_holds() -> None:
    stock = field_map(StockItem)
    assert [f.name for f in fields_of(StockItem)] == [f.name for f in dataclasses.fields(StockItem)]
    assert stock["label"].kind is FieldKind.TEXT and stock["label"].spec.max_length == 200
    assert stock["quantity"].kind is FieldKind.DECIMAL
    assert stock["unit_cost"].kind is FieldKind.UNIT_PRICE and not stock["unit_cost"].spec.whole_cents
    assert stock["category"].kind is FieldKind.ENUM and stock["category"].spec.choices is StockCategory
    assert stock["category"].default is StockCategory.GOODS and stock["category"].has_default
    assert not stock["unit_cost"].has_default
    evidence = stock["evidence"].spec
    assert (
        evidence.kind is FieldKind.LIST and evidence.item is not None and evidence.item.kind is FieldKind.TEXT
    )


@pytest.mark.parametrize(
    ("hint", "kind", "whole_cents", "optional"),
    [
        (Amount, FieldKind.MONEY, True, False),
        (SignedAmount, FieldKind.SIGNED_MONEY, True, False),
        (UnitPrice, FieldKind.UNIT_PRICE, False, False),
        (Amount | None, FieldKind.MONEY, True, True),
        (Operand, FieldKind.OPERAND, False, False),
        (Operand | None, FieldKind.OPERAND, False, True),
        (tuple[StockItem, ...], FieldKind.LIST, False, False),
        (BalanceSheet, FieldKind.DATACLASS, False, False),
    ],
)
def test_kinds_of_hints(hint: Any, kind: FieldKind, whole_cents: bool, optional: bool) -> None:
    spec = type_spec(hint)
    assert (spec.kind, spec.whole_cents, spec.optional) == (kind, whole_cents, optional)


def test_models_are_built_once_per_class_and_hint() -> None:
    assert fields_of(StockItem) is fields_of(StockItem)
    assert type_spec(Amount) is type_spec(Amount)


def test_the_field_at_a_path() -> None:
    case = blank(CaseFile)
    sheet = BalanceSheet(stock=(StockItem("a", D(1), D(1)), StockItem("b", D(2), D("0.125"))))
    case = dataclasses.replace(case, balance_sheet=sheet)
    found = field_at(case, ("balance_sheet", "stock", 1, "unit_cost"))
    assert found is not None and found.name == "unit_cost" and found.kind is FieldKind.UNIT_PRICE
    assert spec_at(case, ("balance_sheet", "stock")).kind is FieldKind.LIST
    assert spec_at(case, ("balance_sheet", "stock", 1)).cls is StockItem
    with pytest.raises(KeyError):
        spec_at(case, ("balance_sheet", "nothing"))


def test_a_tagged_union_is_walked_through_the_live_value() -> None:
    inputs = field_map(CrossCheck)["inputs"]
    assert inputs.kind is FieldKind.UNION and inputs.tagged_by == "method"
    assert inputs.type_for(CheckMethod.M6) is WageInputs and inputs.type_for("nonsense") is None
    check = CrossCheck("B1", Target.SALES_MONTH, CheckMethod.M6, blank(WageInputs))
    case = dataclasses.replace(blank(CaseFile), cross_checks=(check,))
    assert spec_at(case, ("cross_checks", 0, "inputs")).cls is WageInputs
    assert spec_at(case, ("cross_checks", 0, "inputs", "wage_share")).kind is FieldKind.OPERAND


def test_an_annotated_id_with_a_default_factory_works_everywhere() -> None:
    """What stable row ids will add to detail rows: an annotated str made by a factory."""

    @dataclass(frozen=True, slots=True)
    class Row:
        label: Text
        amount: Amount = ZERO
        id: Annotated[str, MaxLength(36)] = field(default_factory=lambda: str(uuid.uuid4()))

    spec = field_map(Row)["id"]
    assert spec.kind is FieldKind.TEXT and spec.has_default and spec.default_factory is not None
    row = Row("x", D("12.50"))
    assert decode(Row, encode(row)) == row
    fresh = decode(Row, {"label": "y"})
    assert len(fresh.id) == 36 and fresh.id != row.id
    assert blank(Row).label == ""


# ---- one money rule --------------------------------------------------------------------------------


@pytest.mark.parametrize("hint", [Amount, SignedAmount, Amount | None])
@pytest.mark.parametrize("text", ["4500.125", "0.001", "0.0000000001"])
def test_cent_money_refuses_fractions_of_a_cent(hint: Any, text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        decode(hint, text, "x")
    assert (caught.value.field, caught.value.reason) == ("x", "sub_cent")
    assert caught.value.params["value"] == text


@pytest.mark.parametrize("text", ["4500.12", "4500.120000", "4500", "-0.00"])
def test_whole_cents_are_kept_as_written(text: str) -> None:
    assert str(decode(SignedAmount, text)) == text


def test_unit_prices_may_carry_fractions_of_a_cent() -> None:
    assert decode(UnitPrice, "0.125") == D("0.125")
    assert decode(ProductLine, {"name": "kWh", "unit_price": "0.653", "unit_cost": "0.0001"}).unit_price == D(
        "0.653"
    )
    assert decode(ProfitLoss, {"energy_tariff": "0.653"}).energy_tariff == D("0.653")


def _document(**case: Any) -> dict[str, Any]:
    document = case_to_document(blank(CaseFile))
    document["case"].update(case)
    return document


def test_a_case_file_with_a_sub_cent_amount_is_refused_with_its_path() -> None:
    """Import and calc read files through the codec: both refuse what the store could not keep."""
    sheet = {"assets": [{"category": "cash", "label": "现金", "amount": "4500.125"}]}
    with pytest.raises(ValidationError) as caught:
        case_from_document(_document(borrower={"name": "x"}, balance_sheet=sheet))
    assert (caught.value.field, caught.value.reason) == ("case.balance_sheet.assets[0].amount", "sub_cent")


def test_the_domain_computes_sub_cent_figures_from_unit_prices() -> None:
    """36 001 screws at 0.125 are 4 500.125 of stock: a figure, never written into a cent field as such."""
    sheet = BalanceSheet(stock=(StockItem("screws", D(36001), D("0.125")),))
    assert compute_totals(sheet).inventory == D("4500.125")
    amount = to_field_amount(field_map(AssetItem)["amount"].spec, compute_totals(sheet).inventory)
    assert amount == D("4500.13")  # half-up to the cent where it is written into a cent-money field
    assert decode(Amount, format(amount, "f")) == amount


@pytest.mark.parametrize(
    ("hint", "value", "expected"),
    [
        (Amount, "4500.125", "4500.13"),
        (SignedAmount, "-4500.125", "-4500.13"),
        (Amount, "4500.124999", "4500.12"),
        (Amount, "12.5", "12.5"),  # already whole cents: unchanged, places as they are
        (UnitPrice, "0.125", "0.125"),
    ],
)
def test_computed_amounts_are_rounded_half_up_for_cent_fields(hint: Any, value: str, expected: str) -> None:
    assert str(to_field_amount(type_spec(hint), D(value))) == expected


def test_check_whole_cents_names_the_field() -> None:
    check_whole_cents(type_spec(Amount), D("1.10"), "amount")
    check_whole_cents(type_spec(UnitPrice), D("1.105"), "amount")
    with pytest.raises(ValidationError) as caught:
        check_whole_cents(type_spec(Amount | None), D("1.105"), "amount")
    assert (caught.value.field, caught.value.reason) == ("amount", "sub_cent")


def test_optional_money_and_operands_keep_their_rules() -> None:
    assert decode(Collateral, {"kind": "vehicle", "description": "车"}).value is None
    assert decode(EquityItem, {"label": "x", "amount": "-5.50"}).amount == D("-5.50")
    assert decode(Operand, "=wage_ratio") == FigureRef("wage_ratio")
    assert decode(Operand, "0.1975681") == D("0.1975681")  # an operand is not money
