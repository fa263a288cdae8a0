"""money.py: parsing user text, half-up rounding, rounding to a unit, minor units."""

from __future__ import annotations

from decimal import Decimal

import pytest

from workbench.domain.errors import ValidationError
from workbench.domain.money import (
    MAX_AMOUNT,
    Rounding,
    floor_to,
    from_minor_units,
    parse_amount,
    quantize,
    round_to_unit,
    safe_div,
    to_minor_units,
)

D = Decimal


# ---- parse_amount ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,250.00", "1250.00"),
        ("1,234,567.89", "1234567.89"),
        ("１２５０", "1250"),  # full-width digits
        ("１，２５０．５０", "1250.50"),  # full-width separator and point
        ("  12 345 ", "12345"),
        ("1.25万", "12500"),
        ("12,500元", "12500"),
        ("￥3,000.50", "3000.50"),
        ("0.3亿", "30000000"),
        ("１２，５００　元", "12500"),
        ("5.", "5"),
        ("+42", "42"),
        ("0.1", "0.1"),
        ("1000000000000", "1000000000000"),  # exactly MAX_AMOUNT is allowed
        (D("3.5"), "3.5"),
        (7, "7"),
    ],
)
def test_parse_amount_accepts(text: str | int | Decimal, expected: str) -> None:
    value = parse_amount(text, "f")
    assert value == D(expected)
    assert isinstance(value, Decimal)


def test_parse_amount_is_exact_not_rounded() -> None:
    assert parse_amount("0.1") + parse_amount("0.2") == D("0.3")
    assert parse_amount("2.345") == D("2.345")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("-5", "negative"),
        ("－５", "negative"),  # full-width minus
        ("-0.01", "negative"),
        ("NaN", "not_a_number"),
        ("nan", "not_a_number"),
        ("inf", "not_a_number"),
        ("Infinity", "not_a_number"),
        ("sNaN", "not_a_number"),
        (D("NaN"), "not_a_number"),
        (D("Infinity"), "not_a_number"),
        ("abc", "not_a_number"),
        ("", "not_a_number"),
        ("1.2.3", "not_a_number"),
        (True, "not_a_number"),  # bool is an int, but not an amount
        (False, "not_a_number"),
        (1.5, "not_a_number"),  # floats are never money
        (None, "not_a_number"),
        ("1000000000000.01", "too_large"),
        ("2e12", "not_a_number"),
        ("1_000", "not_a_number"),
        ("1,2,3", "not_a_number"),
        ("万", "not_a_number"),
        ("١٢", "not_a_number"),
        ("200000000万", "too_large"),
    ],
)
def test_parse_amount_refuses(text: object, reason: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_amount(text, "balance_sheet.assets[0].amount")  # type: ignore[arg-type]
    assert caught.value.reason == reason
    assert caught.value.field == "balance_sheet.assets[0].amount"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("-5", "-5"), ("－１，０００", "-1000"), ("-0.5", "-0.5"), ("−70,995.60", "-70995.60")],  # − as printed
)
def test_parse_amount_allows_negative_when_asked(text: str, expected: str) -> None:
    assert parse_amount(text, allow_negative=True) == D(expected)


@pytest.mark.parametrize(
    ("text", "reason"),
    [("-inf", "not_a_number"), ("-NaN", "not_a_number"), ("-1000000000000.01", "too_large")],
)
def test_allow_negative_still_refuses_non_finite_and_too_large(text: str, reason: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_amount(text, allow_negative=True)
    assert caught.value.reason == reason


def test_too_large_names_the_limit() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_amount(MAX_AMOUNT + D("0.01"))
    assert caught.value.params["limit"] == str(MAX_AMOUNT)


# ---- quantize -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        ("2.345", "0.01", "2.35"),
        ("-2.345", "0.01", "-2.35"),
        ("2.344", "0.01", "2.34"),
        ("2.355", "0.01", "2.36"),
        ("2.365", "0.01", "2.37"),  # half-even would give 2.36
        ("0.125", "0.01", "0.13"),  # half-even would give 0.12
        ("-0.125", "0.01", "-0.13"),
        ("0.03106990", "0.0001", "0.0311"),
        ("2.5", "1", "3"),
    ],
)
def test_quantize_rounds_half_up_away_from_zero(value: str, places: str, expected: str) -> None:
    result = quantize(D(value), D(places))
    assert result == D(expected)
    assert str(result) == expected


def test_quantize_defaults_to_the_cent() -> None:
    assert str(quantize(D("10120"))) == "10120.00"


# ---- round_to_unit ------------------------------------------------------------------------------

HALF_UP, UP, DOWN = Rounding.HALF_UP, Rounding.UP, Rounding.DOWN


@pytest.mark.parametrize(
    ("value", "unit", "mode", "expected"),
    [
        ("1234.565", "0.01", HALF_UP, "1234.57"),
        ("1234.561", "0.01", UP, "1234.57"),
        ("1234.569", "0.01", DOWN, "1234.56"),
        ("1234.5", "1", HALF_UP, "1235.00"),
        ("1234.4", "1", HALF_UP, "1234.00"),
        ("1234.01", "1", UP, "1235.00"),
        ("1234.99", "1", DOWN, "1234.00"),
        ("1235", "10", HALF_UP, "1240.00"),
        ("1234.99", "10", HALF_UP, "1230.00"),
        ("1231", "10", UP, "1240.00"),
        ("1239", "10", DOWN, "1230.00"),
        ("1250", "100", HALF_UP, "1300.00"),
        ("1249.99", "100", HALF_UP, "1200.00"),
        ("1201", "100", UP, "1300.00"),
        ("1299", "100", DOWN, "1200.00"),
        ("45440.39", "1000", DOWN, "45000.00"),
        ("141088.77", "1000", DOWN, "141000.00"),
        ("45500", "1000", HALF_UP, "46000.00"),
        ("45001", "1000", UP, "46000.00"),
        ("1000", "1000", UP, "1000.00"),  # an exact multiple is left alone in every mode
        ("1000", "1000", DOWN, "1000.00"),
        ("0", "100", UP, "0.00"),
        # negatives: half-up rounds half away from zero; UP is toward +∞ (ceiling), DOWN toward −∞ (floor)
        ("-2.345", "0.01", HALF_UP, "-2.35"),
        ("-1234.5", "1", HALF_UP, "-1235.00"),
        ("-1500", "1000", HALF_UP, "-2000.00"),
        ("-1499", "1000", HALF_UP, "-1000.00"),
        ("-1234", "1000", UP, "-1000.00"),
        ("-1234", "1000", DOWN, "-2000.00"),
        ("-1234.01", "1", UP, "-1234.00"),
        ("-1234.01", "1", DOWN, "-1235.00"),
        ("-5", "10", DOWN, "-10.00"),
    ],
)
def test_round_to_unit(value: str, unit: str, mode: Rounding, expected: str) -> None:
    result = round_to_unit(D(value), D(unit), mode)
    assert result == D(expected)
    assert str(result) == expected  # always two places, whatever the unit


def test_round_to_unit_of_a_small_negative_up_is_zero() -> None:
    # Numerically zero; note it is Decimal("-0.00") and prints with a minus sign (see the report).
    assert round_to_unit(D("-5"), D(10), UP) == 0


def test_round_to_unit_defaults_to_half_up() -> None:
    assert round_to_unit(D("1250"), D(100)) == D("1300.00")


@pytest.mark.parametrize("unit", ["0", "-1", "-0.01"])
def test_round_to_unit_refuses_a_non_positive_unit(unit: str) -> None:
    with pytest.raises(ValueError, match="unit must be positive"):
        round_to_unit(D("10"), D(unit))


def test_floor_to_is_round_down() -> None:
    assert str(floor_to(D("45440.39"), D(1000))) == "45000.00"
    assert floor_to(D("999.99"), D(1000)) == D(0)
    assert floor_to(D("100000"), D(1000)) == D("100000.00")


# ---- minor units ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "cents"),
    [
        ("12.34", 1234),
        ("12.3", 1230),
        ("12", 1200),
        ("0", 0),
        ("0.01", 1),
        ("-0.01", -1),
        ("-3897.85", -389785),
        ("1000000000000.00", 100000000000000),
        ("1E+3", 100000),
    ],
)
def test_to_minor_units(amount: str, cents: int) -> None:
    result = to_minor_units(D(amount))
    assert result == cents
    assert type(result) is int


@pytest.mark.parametrize("amount", ["12.345", "0.001", "-0.005", "3897.851"])
def test_to_minor_units_refuses_fractions_of_a_cent(amount: str) -> None:
    with pytest.raises(ValueError, match="not a whole number of cents"):
        to_minor_units(D(amount))


def test_to_minor_units_refuses_a_fraction_hidden_beyond_the_context_precision() -> None:
    # 31 significant digits: multiplying by 100 in the 28-digit context would round the 1e-30 away
    amount = parse_amount("1.000000000000000000000000000001")
    with pytest.raises(ValueError, match="not a whole number of cents"):
        to_minor_units(amount)


def test_to_minor_units_is_exact_beyond_the_context_precision() -> None:
    assert to_minor_units(D("123456789012345678901234567890.12")) == 12345678901234567890123456789012


@pytest.mark.parametrize("amount", ["NaN", "Infinity", "-Infinity"])
def test_to_minor_units_refuses_non_finite_values(amount: str) -> None:
    with pytest.raises(ValueError):
        to_minor_units(D(amount))


@pytest.mark.parametrize(
    ("cents", "text"), [(1234, "12.34"), (5, "0.05"), (-1, "-0.01"), (0, "0.00"), (100, "1.00")]
)
def test_from_minor_units(cents: int, text: str) -> None:
    assert str(from_minor_units(cents)) == text


@pytest.mark.parametrize("amount", ["0.00", "3897.85", "-12.30", "45440.39"])
def test_minor_units_round_trip(amount: str) -> None:
    assert from_minor_units(to_minor_units(D(amount))) == D(amount)


# ---- safe_div -----------------------------------------------------------------------------------


def test_safe_div() -> None:
    assert safe_div(D(1), D(4)) == D("0.25")
    assert safe_div(D(1), D(0)) is None
    assert safe_div(D(0), D("0.00")) is None
