"""The case file (进件 / 贷款案件): the aggregate an officer builds and the committee decides on."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from workbench.domain.balance_sheet import BalanceSheet
from workbench.domain.cross_checks import CrossCheck
from workbench.domain.equity import EquityCheck
from workbench.domain.errors import ValidationError
from workbench.domain.evidence import Evidence
from workbench.domain.fields import LongText, Text
from workbench.domain.loan_request import LoanRequest
from workbench.domain.parties import Borrower, Business, Collateral, Guarantor, Household
from workbench.domain.profit_loss import ProfitLoss
from workbench.domain.row_ids import Row, check_unique_row_ids
from workbench.domain.soft_info import SoftInformation


class LoanClass(StrEnum):
    BUSINESS = "business"  # 经营类
    CONSUMER = "consumer"  # 消费类


class Stage(StrEnum):
    """Case stages (the process stages of the reference micro-credit system) with the side exits."""

    APPLY = "apply"
    ALLOT = "allot"
    INVESTIGATE = "investigate"
    APPROVAL = "approval"
    CONTRACT = "contract"
    SIGN = "sign"
    LOAN = "loan"
    AFTER_LOAN = "after_loan"
    CLEARANCE = "clearance"
    REFUSED = "refused"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class CaseDates:
    """Dates of the process; the answer is due ≤ 3 days after the survey (bank practice)."""

    applied_on: date | None = None
    assigned_on: date | None = None
    survey_started_on: date | None = None
    survey_date: date | None = None
    committee_on: date | None = None
    answered_on: date | None = None
    disbursed_on: date | None = None
    first_monitoring_on: date | None = None


@dataclass(frozen=True, slots=True)
class Officers:
    """主办/协办客户经理 and the team."""

    lead: Text = ""
    assistant: Text = ""
    team: Text = ""


@dataclass(frozen=True, slots=True)
class CheckOverride(Row):
    """A reviewer accepts a failing (or unexplained) cross-check as it stands (复核认可).

    The check then counts toward its item's methods; the readiness list shows the reviewer and the reason
    to the committee. A reason that is no real explanation (``explanations``) is no override.
    """

    check: Text
    reviewer: Text
    reason: LongText


@dataclass(frozen=True, slots=True)
class ReportNotes:
    """The officer's written judgement for the survey report (sections 12 and 13)."""

    financial_assessment: LongText = ""
    strengths: LongText = ""
    threats: LongText = ""
    risks: LongText = ""
    mitigations: LongText = ""
    conclusion: LongText = ""
    conditions: LongText = ""
    monitoring: LongText = ""
    check_overrides: tuple[CheckOverride, ...] = ()

    def __post_init__(self) -> None:
        check_unique_row_ids(self, "check_overrides")


@dataclass(frozen=True, slots=True)
class CaseFile:
    """Everything about one loan application."""

    id: Text
    borrower: Borrower
    request: LoanRequest
    case_number: Text = ""
    product: Text = ""
    loan_class: LoanClass = LoanClass.BUSINESS
    stage: Stage = Stage.INVESTIGATE
    dates: CaseDates = field(default_factory=CaseDates)
    officers: Officers = field(default_factory=Officers)
    household: Household = field(default_factory=Household)
    business: Business | None = None
    soft_info: SoftInformation = field(default_factory=SoftInformation)
    guarantors: tuple[Guarantor, ...] = ()
    collateral: tuple[Collateral, ...] = ()
    balance_sheet: BalanceSheet = field(default_factory=BalanceSheet)
    prior_balance_sheet: BalanceSheet | None = None
    profit_loss: ProfitLoss = field(default_factory=ProfitLoss)
    equity_check: EquityCheck | None = None
    cross_checks: tuple[CrossCheck, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    notes: ReportNotes = field(default_factory=ReportNotes)

    def __post_init__(self) -> None:
        check_unique_row_ids(self, "guarantors", "collateral")
        seen: set[str] = set()
        for index, check in enumerate(self.cross_checks):
            if check.id in seen:
                raise ValidationError(f"cross_checks[{index}].id", "duplicate_id", value=check.id)
            seen.add(check.id)
        for index, check in enumerate(self.cross_checks):
            if check.supersedes and check.supersedes not in seen:
                raise ValidationError(
                    f"cross_checks[{index}].supersedes", "unknown_reference", value=check.supersedes
                )
        for index, override in enumerate(self.notes.check_overrides):
            if override.check not in seen:
                raise ValidationError(
                    f"notes.check_overrides[{index}].check", "unknown_reference", value=override.check
                )
        evidence_ids = {e.id for e in self.evidence}
        if len(evidence_ids) != len(self.evidence):
            raise ValidationError("evidence", "duplicate_id", value="evidence.id")
