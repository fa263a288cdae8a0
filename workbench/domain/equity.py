"""Equity reconciliation (权益检验).

    E_exp = E_0 + Π + I + A − W − D          (应有权益)
    E_act = TA − TL of the current sheet     (实际权益)
    Δ     = E_act − E_exp;  δ = Δ / E_act    (sign and base of the reference system's equity check)
    S3 ratio = (E_exp − E_act) / Π           (another system's form, on the period profit; shown beside δ)

Δ > 0: more net worth than profits explain (hidden debts, understated profit, overstated assets,
unrecorded injections). Δ < 0: profit overstated, unrecorded withdrawals, omitted assets.
Every pass the officer ran is kept, so the committee sees the loop (case B).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from workbench.domain.fields import Amount, Factor, LongText, SignedAmount, Text
from workbench.domain.money import ONE, ZERO, safe_div
from workbench.domain.row_ids import Row, check_unique_row_ids
from workbench.domain.status import Status, status_for

if TYPE_CHECKING:
    from workbench.domain.balance_sheet import BalanceTotals
    from workbench.domain.settings import ToleranceBand


@dataclass(frozen=True, slots=True)
class EquityItem(Row):
    """One line of the reconciliation; its value is ``amount × times`` (e.g. 6 months × 6,000)."""

    label: Text
    amount: SignedAmount
    times: Factor = ONE
    note: Text = ""
    evidence: tuple[Text, ...] = ()

    @property
    def value(self) -> Decimal:
        return self.amount * self.times


@dataclass(frozen=True, slots=True)
class EquityPass(Row):
    """An earlier pass, frozen as it was computed, with what the officer found afterwards."""

    label: Text
    total_assets: Amount
    total_liabilities: Amount
    expected_equity: SignedAmount
    period_profit: SignedAmount | None = None
    recorded_on: date | None = None
    finding: LongText = ""


@dataclass(frozen=True, slots=True)
class EquityCheck:
    """The officer's inputs: the initial point, the period flows and earlier passes."""

    initial_date: date | None = None
    initial_basis: Text = ""
    initial_assets: tuple[EquityItem, ...] = ()
    initial_liabilities: tuple[EquityItem, ...] = ()
    period_profit: tuple[EquityItem, ...] = ()
    injections: tuple[EquityItem, ...] = ()
    appreciation: tuple[EquityItem, ...] = ()
    withdrawals: tuple[EquityItem, ...] = ()
    depreciation: tuple[EquityItem, ...] = ()
    include_off_balance: bool = False
    explanation: LongText = ""
    earlier_passes: tuple[EquityPass, ...] = ()

    def __post_init__(self) -> None:
        check_unique_row_ids(self, *EQUITY_ITEM_LISTS, "earlier_passes")


EQUITY_ITEM_LISTS = (
    "initial_assets",
    "initial_liabilities",
    "period_profit",
    "injections",
    "appreciation",
    "withdrawals",
    "depreciation",
)
"""The lists of ``EquityItem`` rows of an ``EquityCheck``, in the order the window shows them."""


@dataclass(frozen=True, slots=True)
class EquityPassResult:
    """One pass: its figures, deviation and status."""

    label: Text
    total_assets: Decimal
    total_liabilities: Decimal
    actual: Decimal
    expected: Decimal
    difference: Decimal
    deviation: Decimal | None
    s3_ratio: Decimal | None
    status: Status
    finding: str = ""


@dataclass(frozen=True, slots=True)
class EquityResult:
    """The reconciliation with its component totals; ``passes[-1]`` is the current pass."""

    initial_assets: Decimal
    initial_liabilities: Decimal
    initial_equity: Decimal
    period_profit: Decimal
    injections: Decimal
    appreciation: Decimal
    withdrawals: Decimal
    depreciation: Decimal
    expected: Decimal
    passes: tuple[EquityPassResult, ...]

    @property
    def current(self) -> EquityPassResult:
        return self.passes[-1]


def _total(items: tuple[EquityItem, ...]) -> Decimal:
    return sum((i.value for i in items), ZERO)


def equity_pass(
    label: str,
    total_assets: Decimal,
    total_liabilities: Decimal,
    expected: Decimal,
    period_profit: Decimal,
    band: ToleranceBand,
    finding: str = "",
) -> EquityPassResult:
    """Deviation and status of one pass; δ is undefined (``None``, status FAIL) when E_act is 0."""
    actual = total_assets - total_liabilities
    difference = actual - expected
    deviation = safe_div(difference, abs(actual))
    s3 = safe_div(expected - actual, period_profit)
    return EquityPassResult(
        label=label,
        total_assets=total_assets,
        total_liabilities=total_liabilities,
        actual=actual,
        expected=expected,
        difference=difference,
        deviation=deviation,
        s3_ratio=s3,
        status=status_for(deviation, band),
        finding=finding,
    )


def reconcile_equity(check: EquityCheck, totals: BalanceTotals, band: ToleranceBand) -> EquityResult:
    """Run the reconciliation against the current sheet's totals, keeping the earlier passes.

    Amounts stay exact; deviations are unrounded ratios (round only for display).
    """
    initial_assets = _total(check.initial_assets)
    initial_liabilities = _total(check.initial_liabilities)
    e0 = initial_assets - initial_liabilities
    profit = _total(check.period_profit)
    injections = _total(check.injections)
    appreciation = _total(check.appreciation)
    withdrawals = _total(check.withdrawals)
    depreciation = _total(check.depreciation)
    expected = e0 + profit + injections + appreciation - withdrawals - depreciation
    ta, tl = totals.total_assets, totals.total_liabilities
    if check.include_off_balance:
        ta += totals.off_balance_assets
        tl += totals.off_balance_liabilities
    passes = tuple(
        equity_pass(
            p.label,
            p.total_assets,
            p.total_liabilities,
            p.expected_equity,
            profit if p.period_profit is None else p.period_profit,
            band,
            p.finding,
        )
        for p in check.earlier_passes
    )
    # The current pass has no label of its own: it is whatever the sheet says now.
    passes += (equity_pass("", ta, tl, expected, profit, band, check.explanation),)
    return EquityResult(
        initial_assets=initial_assets,
        initial_liabilities=initial_liabilities,
        initial_equity=e0,
        period_profit=profit,
        injections=injections,
        appreciation=appreciation,
        withdrawals=withdrawals,
        depreciation=depreciation,
        expected=expected,
        passes=passes,
    )
