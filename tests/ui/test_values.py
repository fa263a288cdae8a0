"""Typed text → field values: the domain's parsing and bounds, translated refusals, never a silent 0."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from workbench.domain.balance_sheet import Debt, Scope, StockItem
from workbench.domain.cross_checks import WageInputs
from workbench.domain.equity import EquityItem
from workbench.domain.errors import ValidationError
from workbench.domain.figures import FigureRef
from workbench.domain.profit_loss import ProductLine, VariableExpense
from workbench.ui.paths import field_hints
from workbench.ui.values import Kind, display_text, kind_of, parse_value, refusal_text

UNIT_COST = field_hints(StockItem)["unit_cost"]
SHARE = field_hints(ProductLine)["share"]
RATE = field_hints(VariableExpense)["rate"]
SIGNED = field_hints(EquityItem)["amount"]
SCOPE = field_hints(Debt)["scope"]
START = field_hints(Debt)["start_date"]
MONTHS = field_hints(Debt)["remaining_months"]
OPERAND = field_hints(WageInputs)["wage_share"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12,500", Decimal(12500)),
        ("1.25万", Decimal(12500)),
        ("１２，５００", Decimal(12500)),
        ("12500元", Decimal(12500)),
        ("￥3,000", Decimal(3000)),
        (" 6000 ", Decimal(6000)),
    ],
)
def test_amounts_typed_the_chinese_way(text: str, expected: Decimal) -> None:
    assert parse_value(text, UNIT_COST, "f") == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [("12,5,00", "not_a_number"), ("abc", "not_a_number"), ("-5", "negative"), ("", "required")],
)
def test_bad_amounts_are_refused_with_a_reason(text: str, reason: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_value(text, UNIT_COST, "balance_sheet.stock[0].unit_cost")
    assert caught.value.reason == reason
    assert caught.value.field == "balance_sheet.stock[0].unit_cost"


def test_signed_amounts_may_be_negative() -> None:
    assert parse_value("-2,000", SIGNED, "f") == Decimal(-2000)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("30%", Decimal("0.3")), ("0.3", Decimal("0.3")), ("30", Decimal("0.3")), ("", None)],
)
def test_shares_accept_percent(text: str, expected: Decimal | None) -> None:
    assert parse_value(text, SHARE, "f") == expected


def test_a_share_above_one_hundred_percent_is_out_of_range() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_value("150%", RATE, "f")
    assert caught.value.reason == "out_of_range"


def test_enums_by_value_or_chinese_label(ui: Any) -> None:
    assert parse_value("household", SCOPE, "f") is Scope.HOUSEHOLD
    assert parse_value("家庭", SCOPE, "f") is Scope.HOUSEHOLD
    with pytest.raises(ValidationError):
        parse_value("公司", SCOPE, "f")


@pytest.mark.parametrize("text", ["2024-06-28", "2024/6/28", "2024年6月28日", "20240628"])
def test_dates(text: str) -> None:
    assert parse_value(text, START, "f") == date(2024, 6, 28)


def test_bad_date_and_non_integer_count() -> None:
    with pytest.raises(ValidationError):
        parse_value("2024-02-30", START, "f")
    with pytest.raises(ValidationError):
        parse_value("2.5", MONTHS, "f")


def test_operands_take_numbers_or_references() -> None:
    assert parse_value("=wage_ratio", OPERAND, "f") == FigureRef("wage_ratio")
    assert parse_value("0.2", OPERAND, "f") == Decimal("0.2")
    with pytest.raises(ValidationError) as caught:
        parse_value("=no_such_figure", OPERAND, "inputs.wage_share")
    assert caught.value.reason == "unknown_reference"


def test_kinds_and_display(ui: Any) -> None:
    assert kind_of(UNIT_COST) is Kind.MONEY
    assert kind_of(SHARE) is Kind.SHARE
    assert kind_of(OPERAND) is Kind.OPERAND
    assert display_text(Decimal("12500"), Kind.MONEY) == "12,500.00"
    assert display_text(Decimal("0.005"), Kind.SHARE) == "0.5%"
    assert display_text(Scope.HOUSEHOLD, Kind.ENUM) == "家庭"


def test_refusal_names_the_column_and_the_reason(ui: Any) -> None:
    error = ValidationError("x", "negative", value="-5")
    assert refusal_text(error, "单位成本") == "单位成本：不能为负数：-5"


AMOUNT = field_hints(Debt)["balance"]


@pytest.mark.parametrize("text", ["4,500.125", "0.45001250万", "4500.001元"])
def test_a_cent_amount_with_a_fraction_of_a_cent_is_refused_not_rounded(ui: Any, text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_value(text, AMOUNT, "balance_sheet.debts[0].balance")
    assert (caught.value.field, caught.value.reason) == ("balance_sheet.debts[0].balance", "sub_cent")
    assert refusal_text(caught.value, "余额").startswith("余额：金额不能小于一分：4500.")


def test_unit_prices_keep_fractions_of_a_cent() -> None:
    assert parse_value("0.125", UNIT_COST, "f") == Decimal("0.125")
    assert parse_value("0.653", field_hints(ProductLine)["unit_price"], "f") == Decimal("0.653")
    assert parse_value("4,500.10", AMOUNT, "f") == Decimal("4500.10")


def test_every_money_kind_reads_as_money() -> None:
    assert {kind_of(AMOUNT), kind_of(SIGNED), kind_of(UNIT_COST)} == {Kind.MONEY}
    assert kind_of(MONTHS) is Kind.INT and kind_of(START) is Kind.DATE and kind_of(SCOPE) is Kind.ENUM
