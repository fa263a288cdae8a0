"""A product line without its sales share is refused, never silently left out of the weighted margin
(issue #13: 50 % instead of 70 %, cost of sales off by 20 000)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from tests.domain.builders import demo_case
from workbench.domain.calc import compute_case
from workbench.domain.errors import ValidationError
from workbench.domain.policy import DEFAULT_POLICY
from workbench.domain.profit_loss import ProductLine, ProfitLoss, cost_structure

D = Decimal


def two_lines(second_share: Decimal | None) -> ProfitLoss:
    return ProfitLoss(
        products=(
            ProductLine(name="饲料", unit_price=D(100), unit_cost=D(50), share=D("0.5")),
            ProductLine(name="化肥", unit_price=D(100), unit_cost=D(10), share=second_share),
        ),
        normal_sales=D(100000),
    )


def test_a_line_without_a_share_is_refused_with_its_path() -> None:
    with pytest.raises(ValidationError) as error:
        cost_structure(two_lines(None))
    assert (error.value.field, error.value.reason) == ("products[1].share", "required")


def test_compute_case_names_the_field_in_the_case() -> None:
    case = demo_case("a")
    products = (
        *case.profit_loss.products[:-1],
        dataclasses.replace(case.profit_loss.products[-1], share=None),
    )
    with pytest.raises(ValidationError) as error:
        compute_case(
            dataclasses.replace(case, profit_loss=dataclasses.replace(case.profit_loss, products=products)),
            DEFAULT_POLICY,
        )
    assert error.value.field == "profit_loss.products[4].share"


def test_with_its_share_the_line_is_weighted() -> None:
    assert cost_structure(two_lines(D("0.5"))).gross_margin == D("0.70")


def test_a_blank_row_without_a_price_is_still_left_out() -> None:
    pl = dataclasses.replace(
        two_lines(D("0.5")), products=(*two_lines(D("0.5")).products, ProductLine(name="", unit_price=D(0)))
    )
    assert cost_structure(pl).gross_margin == D("0.70")


def test_workshops_weigh_by_quantity_and_need_it_on_every_line() -> None:
    pl = ProfitLoss(
        products=(
            ProductLine(name="柜", unit_price=D(1000), material=D(500), quantity=D(10)),
            ProductLine(name="桌", unit_price=D(1000), material=D(300), quantity=None),
        )
    )
    with pytest.raises(ValidationError) as error:
        cost_structure(pl)
    assert error.value.field == "products[1].quantity"
