"""Mark-up ↔ margin: 15 % mark-up is a 13.04 % margin, and a typed mark-up comes back as typed."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.domain.errors import ValidationError
from workbench.domain.markup import MARGIN_PLACES, margin_of_markup, markup_of_margin


def test_the_worked_figures() -> None:
    assert margin_of_markup(Decimal("0.15")) == Decimal("0.130434782609")
    assert markup_of_margin(Decimal("0.156")) == Decimal("0.18483412")
    assert margin_of_markup(Decimal(1)) == Decimal("0.5") and markup_of_margin(Decimal("0.5")) == 1
    assert margin_of_markup(Decimal(0)) == 0 and markup_of_margin(Decimal(0)) == 0


def test_no_mark_up_without_a_cost_and_none_below_zero() -> None:
    assert markup_of_margin(None) is None and markup_of_margin(Decimal(1)) is None
    with pytest.raises(ValidationError) as error:
        margin_of_markup(Decimal("-0.05"))
    assert error.value.reason == "out_of_range"


@given(st.decimals(min_value=0, max_value=99, places=8, allow_nan=False, allow_infinity=False))
def test_a_mark_up_typed_to_six_decimals_of_a_percent_comes_back_exactly(markup: Decimal) -> None:
    margin = margin_of_markup(markup)
    assert -margin.as_tuple().exponent <= MARGIN_PLACES  # type: ignore[operator]
    assert markup_of_margin(margin) == markup
