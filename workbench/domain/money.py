"""Decimal helpers: parsing, rounding at named points, minor units.

Money is ``Decimal`` built from ``str`` or ``int``, never from ``float``. Amounts are
rounded half-up to the cent only where a figure is booked (here) or shown (``domain.formatting``);
ratios stay unrounded until display.
"""

from __future__ import annotations

import re
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from enum import StrEnum

from workbench.domain.errors import ValidationError

ZERO = Decimal(0)
ONE = Decimal(1)
CENT = Decimal("0.01")
HUNDRED = Decimal(100)
MAX_AMOUNT = Decimal("1000000000000")  # 1e12 CNY: above any micro-loan figure, far below float trouble


class Rounding(StrEnum):
    """How an amount is brought onto a multiple of a unit."""

    HALF_UP = "half-up"
    UP = "up"
    DOWN = "down"


_MODES = {Rounding.HALF_UP: ROUND_HALF_UP, Rounding.UP: ROUND_CEILING, Rounding.DOWN: ROUND_FLOOR}


def quantize(value: Decimal, places: Decimal = CENT) -> Decimal:
    """Round ``value`` half-up to ``places`` (default: the cent)."""
    return value.quantize(places, rounding=ROUND_HALF_UP)


def round_to_unit(value: Decimal, unit: Decimal, mode: Rounding = Rounding.HALF_UP) -> Decimal:
    """Round ``value`` to a multiple of ``unit`` (0.01, 1, 10, 100, 1000 …) with ``mode``.

    The result keeps two decimal places so amounts print alike whatever the unit.
    """
    if unit <= 0:
        raise ValueError("unit must be positive")
    steps = (value / unit).quantize(ONE, rounding=_MODES[mode])
    return _no_negative_zero(quantize(steps * unit))


def floor_to(value: Decimal, unit: Decimal) -> Decimal:
    """Round ``value`` down to a multiple of ``unit`` (loan amounts are rounded down to the loan unit)."""
    return round_to_unit(value, unit, Rounding.DOWN)


def parse_amount(text: str | int | Decimal, field: str = "", *, allow_negative: bool = False) -> Decimal:
    """Parse an amount the way Chinese officers type it into an exact Decimal.

    Accepted: ``"12,500"``, ``"12500.00"``, ``"1.25万"`` (× 10,000), ``"0.3亿"`` (× 100,000,000),
    full-width digits and punctuation (``"１２，５００"``), the minus sign ``−`` the window prints, a
    trailing ``元`` or ``¥``/``￥`` in front, blanks anywhere. Refused: anything else — never silently
    turned into 0.

    Args:
        text: the typed value.
        field: the field path named in the error.
        allow_negative: whether a value below zero is allowed.

    Returns:
        The exact Decimal, not rounded.

    Raises:
        ValidationError: not a number, not finite, negative where not allowed, or above ``MAX_AMOUNT``.
    """
    if isinstance(text, Decimal):
        value = text
    elif isinstance(text, int) and not isinstance(text, bool):
        value = Decimal(text)
    elif isinstance(text, str):
        value = _parse_text(text, field)
    else:
        raise ValidationError(field, "not_a_number", value=text)
    if not value.is_finite():
        raise ValidationError(field, "not_a_number", value=str(text))
    if value < 0 and not allow_negative:
        raise ValidationError(field, "negative", value=str(text))
    if abs(value) > MAX_AMOUNT:
        raise ValidationError(field, "too_large", value=str(text), limit=str(MAX_AMOUNT))
    return value + ZERO if value == 0 else value  # no "-0"


_AMOUNT_TEXT = re.compile(r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)?(?:\.[0-9]*)?")
_SCALES = {"万": Decimal(10000), "亿": Decimal(100000000)}


def _parse_text(text: str, field: str) -> Decimal:
    cleaned = "".join(text.translate(_FULL_WIDTH).split())
    cleaned = cleaned.removeprefix("¥").removeprefix("￥").removesuffix("元")
    scale = ONE
    if cleaned[-1:] in _SCALES:
        scale = _SCALES[cleaned[-1]]
        cleaned = cleaned[:-1]
    # ASCII digits only, thousands separators in groups of three: "1,2,3" is a typo, not 123.
    if not cleaned or not any(ch.isdigit() for ch in cleaned) or not _AMOUNT_TEXT.fullmatch(cleaned):
        raise ValidationError(field, "not_a_number", value=text)
    value = Decimal(cleaned.replace(",", ""))  # exact: the constructor does not round
    return value * scale if scale != ONE else value


# Full-width digits and signs, and the minus sign (U+2212) the window and the reports print with.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，－＋　\u2212", "0123456789.,-+ -")


def to_minor_units(amount: Decimal) -> int:
    """Exact cents as an integer; raises ``ValueError`` if ``amount`` has fractions of a cent."""
    if not amount.is_finite():
        raise ValueError(f"{amount} is not an amount")
    # Integer arithmetic on the digits: Decimal operations would round beyond 28 digits.
    sign, digits, exponent = amount.as_tuple()
    coefficient = int("".join(map(str, digits)) or "0")
    shift = int(exponent) + 2
    if shift >= 0:
        cents = coefficient * 10**shift
    else:
        cents, rest = divmod(coefficient, 10**-shift)
        if rest:
            raise ValueError(f"{amount} is not a whole number of cents")
    return int(-cents if sign else cents)


def from_minor_units(cents: int) -> Decimal:
    """Inverse of ``to_minor_units``: an exact Decimal with two places."""
    return (Decimal(cents) / 100).quantize(CENT)


def from_float(value: float, places: int = 2) -> Decimal:
    """A float from a widget (a spin box) as a Decimal, half-up to ``places`` like every printed figure.

    The float's shortest decimal text is rounded, not its binary value: 500.125 → 500.13 and 2.5 → 3, where
    Python's ``round`` gives 500.12 and 2.
    """
    return _no_negative_zero(
        Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    )


def safe_div(numerator: Decimal, denominator: Decimal) -> Decimal | None:
    """``numerator / denominator``, or ``None`` where the denominator is zero (ratio undefined)."""
    if denominator == 0:
        return None
    return numerator / denominator


def _no_negative_zero(value: Decimal) -> Decimal:
    """``-0.00`` reads as a deviation; a value that rounds to zero is shown as ``0.00``."""
    return value.copy_abs() if value == 0 else value
