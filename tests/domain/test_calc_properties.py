"""Property tests: the domain never produces NaN or raises on in-range input; deviation conventions."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.domain.calc import compute_case
from workbench.domain.cross_checks import deviation_rate
from workbench.domain.loan_request import RateKind, RateQuote
from workbench.domain.policy import DEFAULT_POLICY
from workbench.domain.profit_loss import Season
from workbench.domain.schedules import Method
from workbench.domain.summary import key_figures
from workbench.paths import resource_path
from workbench.services.case_files import read_case_file

if TYPE_CHECKING:
    from workbench.domain.case_file import CaseFile

CASE_A = read_case_file(Path(resource_path("demo", "case-a.json")))
CASE_B = read_case_file(Path(resource_path("demo", "case-b.json")))

amounts = st.decimals(min_value=Decimal(0), max_value=Decimal(10_000_000), places=2, allow_nan=False)
nonzero = st.decimals(min_value=Decimal("0.01"), max_value=Decimal(10_000_000), places=2, allow_nan=False)
signed = st.decimals(min_value=Decimal(-10_000_000), max_value=Decimal(10_000_000), places=2, allow_nan=False)


@given(adopted=nonzero, check=signed)
def test_deviation_conventions_have_equal_size_and_opposite_sign(adopted: Decimal, check: Decimal) -> None:
    """(adopted − check)/adopted, the one kept, against the other common form (check − adopted)/adopted."""
    s1 = deviation_rate(adopted, check)
    other = (check - adopted) / adopted
    assert s1 is not None
    assert s1 == -other
    assert (s1 > 0) == (check < adopted)


@given(value=signed)
def test_deviation_is_undefined_without_an_adopted_base(value: Decimal) -> None:
    assert deviation_rate(Decimal(0), value) is None
    assert deviation_rate(None, value) is None


def _no_nan(value: object) -> None:
    if isinstance(value, Decimal):
        assert value.is_finite(), value


@settings(max_examples=150, deadline=None)
@given(
    base=st.sampled_from([CASE_A, CASE_B]),
    peak=amounts,
    normal=amounts,
    slack=amounts,
    household=amounts,
    cash=amounts,
    request=nonzero,
    months=st.integers(min_value=1, max_value=360),
    rate=st.decimals(min_value=Decimal(0), max_value=Decimal(36), places=2),
    method=st.sampled_from(list(Method)),
    calendar=st.lists(st.sampled_from(list(Season)), min_size=12, max_size=12),
)
def test_compute_case_never_raises_or_gives_nan_on_in_range_input(
    base: CaseFile,
    peak: Decimal,
    normal: Decimal,
    slack: Decimal,
    household: Decimal,
    cash: Decimal,
    request: Decimal,
    months: int,
    rate: Decimal,
    method: Method,
    calendar: list[Season],
) -> None:
    pl = dataclasses.replace(
        base.profit_loss,
        peak_sales=peak,
        normal_sales=normal,
        slack_sales=slack,
        calendar=tuple(calendar),
        household_expenses=(dataclasses.replace(base.profit_loss.household_expenses[0], amount=household),),
    )
    sheet = dataclasses.replace(
        base.balance_sheet,
        assets=(
            dataclasses.replace(base.balance_sheet.assets[0], amount=cash),
            *base.balance_sheet.assets[1:],
        ),
    )
    req = dataclasses.replace(
        base.request,
        amount=request,
        term_months=months,
        rate=RateQuote(RateKind.ANNUAL_PERCENT, rate),
        method=method,
    )
    case = dataclasses.replace(base, profit_loss=pl, balance_sheet=sheet, request=req)
    results = compute_case(case, DEFAULT_POLICY)
    for value in key_figures(results).values():
        _no_nan(value)
    for check in results.checks:
        _no_nan(check.check_value)
        _no_nan(check.deviation)
    z = results.sizing
    assert z.proposal >= 0
    assert z.proposal <= request
    if z.schedule is not None:
        assert z.schedule.rows[-1].balance == 0
        assert sum(r.principal for r in z.schedule.rows) == z.proposal
        assert z.ratio is None or z.ratio <= z.alpha + Decimal("0.01")
