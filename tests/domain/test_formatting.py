"""domain/formatting.py: half-up rounding, no negative zero, the minus sign, separators, kinds."""

from __future__ import annotations

from decimal import Decimal

import pytest

from workbench.domain.cross_checks import CheckMethod, Target
from workbench.domain.formatting import (
    DASH,
    HYPHEN,
    FigureKind,
    check_figure_kind,
    count,
    deviation,
    figure,
    fixed,
    money,
    number,
    per_mille,
    percent,
    plain,
    rounded,
    share,
)

D = Decimal


# ---- money ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("0.125", "0.13"),  # half-up; format() alone would give 0.12 (half-even)
        ("0.135", "0.14"),
        ("0.005", "0.01"),
        ("0.0049", "0.00"),
        ("-0.004", "0.00"),  # rounds to zero: no minus
        ("-0.005", "−0.01"),
        ("-0", "0.00"),
        ("4500.125", "4,500.13"),
        ("-4500.125", "−4,500.13"),
        ("722780", "722,780.00"),
        ("1234567.5", "1,234,567.50"),
        ("999999999999.995", "1,000,000,000,000.00"),
        ("123456789012345678901234567890.125", "123,456,789,012,345,678,901,234,567,890.13"),
        ("1E+3", "1,000.00"),
    ],
)
def test_money(value: str, text: str) -> None:
    assert money(D(value)) == text
    assert money(D(value), minus=HYPHEN) == text.replace("−", "-")


def test_money_of_an_int_and_of_none() -> None:
    assert money(45000) == "45,000.00"
    assert money(None) == DASH
    assert money(None, empty="") == ""


# ---- percentages and deviations -------------------------------------------------------------


@pytest.mark.parametrize(
    ("ratio", "places", "text"),
    [
        ("0.0311", 2, "3.11%"),
        ("-0.0311", 2, "−3.11%"),
        ("0.156", 2, "15.60%"),
        ("1.036729857819905", 2, "103.67%"),
        ("0.00125", 2, "0.13%"),  # half-up
        ("0.00005", 2, "0.01%"),
        ("0.000049", 2, "0.00%"),
        ("0", 2, "0.00%"),
        ("0.15555", 1, "15.6%"),
        ("0.125", 0, "13%"),
        ("0.006", 3, "0.600%"),
        ("123.456", 2, "12345.60%"),  # no thousands separators in a percentage
    ],
)
def test_percent(ratio: str, places: int, text: str) -> None:
    assert percent(D(ratio), places) == text


@pytest.mark.parametrize(
    ("ratio", "text"),
    [
        ("0.0125", "+1.25%"),
        ("-0.0798", "−7.98%"),
        ("0.06947890818858560794", "+6.95%"),
        ("-0.0700", "−7.00%"),
        ("-0.031070", "−3.11%"),
        ("0.00125", "+0.13%"),
        ("-0.00125", "−0.13%"),
        ("0", "0.00%"),
        ("0.00004", "0.00%"),  # rounds to zero: no sign
        ("-0.00004", "0.00%"),
        ("1E+40", "+" + "1" + "0" * 42 + ".00%"),  # astronomically large still prints, exactly
    ],
)
def test_deviation(ratio: str, text: str) -> None:
    assert deviation(D(ratio)) == text
    assert percent(D(ratio), signed=True) == text
    assert deviation(D(ratio), minus=HYPHEN) == text.replace("−", "-")


@pytest.mark.parametrize("ratio", ["-0.00001", "-0.000049", "-0", "0.00004"])
def test_a_ratio_rounding_to_zero_shows_no_sign(ratio: str) -> None:
    assert percent(D(ratio)) == "0.00%"
    assert deviation(D(ratio)) == "0.00%"


def test_percent_of_none() -> None:
    assert percent(None) == DASH
    assert deviation(None) == DASH
    assert deviation(None, empty="") == ""


# ---- numbers, counts, rates, plain decimals ----------------------------------------------------


@pytest.mark.parametrize(
    ("value", "places", "text"),
    [
        ("31.095", 2, "31.10"),
        ("31.0949", 2, "31.09"),
        ("0.70455", 4, "0.7046"),
        ("1234.5", 1, "1,234.5"),
        ("2.5", 0, "3"),  # half-up, not truncated
        ("-0.004", 2, "0.00"),
        ("-12.345", 2, "−12.35"),
    ],
)
def test_number(value: str, places: int, text: str) -> None:
    assert number(D(value), places) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (30, "30"),
        ("2.5", "2.5"),
        ("1248", "1,248"),
        ("2.50", "2.5"),
        ("30.0", "30"),
        ("-3", "−3"),
        (None, DASH),
    ],
)
def test_count(value: int | str | None, text: str) -> None:
    assert count(D(value) if isinstance(value, str) else value) == text


def test_per_mille() -> None:
    assert per_mille(D(6)) == "6‰"
    assert per_mille(D("5.50")) == "5.5‰"
    assert per_mille(None) == DASH


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("12500.50", "12500.5"),
        ("12500", "12500"),
        ("1.000", "1"),
        ("0.00", "0"),
        ("-0", "0"),
        ("-2.5", "-2.5"),
    ],
)
def test_plain_is_exact_without_separators(value: str, text: str) -> None:
    assert plain(D(value)) == text


def test_plain_and_share_with_a_real_minus() -> None:
    assert plain(D("-2.5"), minus="−") == "−2.5"
    assert share(D("0.005")) == "0.5%"
    assert share(D("0.3")) == "30%"
    assert share(D("-0.1"), minus="−") == "−10%"


@pytest.mark.parametrize(
    ("value", "places", "text"),
    [("0.125", 2, "0.13"), ("-0.004", 2, "0.00"), ("4500.125", 2, "4500.13"), ("-0.0310705", 6, "-0.031071")],
)
def test_fixed_is_machine_readable(value: str, places: int, text: str) -> None:
    assert fixed(D(value), places) == text


def test_rounded_never_gives_negative_zero() -> None:
    assert str(rounded(D("-0.004"))) == "0.00"
    assert rounded(D("0.125")) == D("0.13")


# ---- kinds --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        (FigureKind.MONEY, "4,500.13"),
        (FigureKind.RATIO, "450012.50%"),
        (FigureKind.NUMBER, "4,500.13"),
        (FigureKind.FACTOR, "4,500.1250"),
        ("money", "4,500.13"),
    ],
)
def test_figure_by_kind(kind: FigureKind | str, text: str) -> None:
    assert figure(D("4500.125"), kind) == text
    assert figure(None, kind) == DASH


@pytest.mark.parametrize(
    ("target", "method", "kind"),
    [
        (Target.GROSS_MARGIN, CheckMethod.M1, FigureKind.RATIO),
        (Target.LABOUR_CAPACITY, CheckMethod.M3, FigureKind.RATIO),
        (Target.SEASONAL_FACTOR, CheckMethod.M1, FigureKind.FACTOR),
        (Target.SALES_MONTH, CheckMethod.M3, FigureKind.NUMBER),
        (Target.SALES_MONTH, CheckMethod.M1, FigureKind.MONEY),
        (Target.INVENTORY, CheckMethod.M5, FigureKind.MONEY),
    ],
)
def test_check_figure_kind(target: Target, method: CheckMethod, kind: FigureKind) -> None:
    assert check_figure_kind(target, method) is kind
