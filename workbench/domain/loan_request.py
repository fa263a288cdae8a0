"""Loan request, purpose analysis and rate quotes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from workbench.domain.fields import Amount, LongText, Months, Percent, Text
from workbench.domain.money import ZERO
from workbench.domain.row_ids import Row, check_unique_row_ids
from workbench.domain.schedules import Method, Rate


class RateKind(StrEnum):
    ANNUAL_PERCENT = "annual_percent"  # 年利率 %
    MONTHLY_PERMILLE = "monthly_permille"  # 月息 ‰


@dataclass(frozen=True, slots=True)
class RateQuote:
    """A rate as the officer quoted it; ``rate()`` gives the monthly rate r."""

    kind: RateKind
    value: Percent

    def rate(self, max_annual: Decimal = Decimal("0.36")) -> Rate:
        """The monthly rate; raises ``ValidationError`` beyond ``max_annual``."""
        if self.kind is RateKind.ANNUAL_PERCENT:
            return Rate.from_annual_percent(self.value, max_annual=max_annual, field="request.rate.value")
        return Rate.from_monthly_permille(self.value, max_annual=max_annual, field="request.rate.value")


class PurposeFamily(StrEnum):
    """Why the need arises, by A = L + E: driven by assets, liabilities or equity."""

    ASSET_WORKING_CAPITAL = "asset_working_capital"  # 营运投入变动
    ASSET_INVESTMENT = "asset_investment"  # 投资性支出变动
    LIABILITY_DECREASE = "liability_decrease"  # 负债变动：偿还他人借款、供应商信用减少
    EQUITY_DECREASE = "equity_decrease"  # 权益变动：亏损、大额家庭开支、拆伙
    CONSUMPTION = "consumption"


@dataclass(frozen=True, slots=True)
class FundsLine(Row):
    """One line of the uses-of-funds or sources-of-funds plan (资金使用/来源计划)."""

    label: Text
    amount: Amount
    family: PurposeFamily | None = None
    note: Text = ""


@dataclass(frozen=True, slots=True)
class LoanRequest:
    """What the client asks for and why."""

    amount: Amount
    term_months: Months
    rate: RateQuote
    method: Method = Method.ANNUITY
    grace_months: Months = 0
    purpose: LongText = ""
    uses: tuple[FundsLine, ...] = ()
    own_contribution: Amount = ZERO
    other_sources: tuple[FundsLine, ...] = ()
    disbursement_date: date | None = None
    first_loan: bool = True
    guarantee_mode: Text = ""

    def __post_init__(self) -> None:
        check_unique_row_ids(self, "uses", "other_sources")

    @property
    def need(self) -> Decimal:
        """Total purpose need: the sum of the uses of funds (or the requested amount if none listed)."""
        return sum((line.amount for line in self.uses), ZERO) if self.uses else self.amount

    @property
    def financing_gap(self) -> Decimal:
        """Need less own contribution and other sources: what a loan may cover (never below zero)."""
        gap = self.need - self.own_contribution - sum((s.amount for s in self.other_sources), ZERO)
        return max(gap, ZERO)
