"""Loans without a business (consumer, salaried) have their own readiness rules (issue #13): the income,
checked with M15 (documented income) and a second method, and the household's spending statement."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from tests.domain.builders import demo_case
from workbench.domain.balance_sheet import BalanceSheet
from workbench.domain.calc import CaseResults, compute_case
from workbench.domain.case_file import LoanClass
from workbench.domain.cross_checks import (
    BankFlowInputs,
    CheckMethod,
    CrossCheck,
    IncomeInputs,
    IncomeSource,
    RangeInputs,
    Target,
    TrendInputs,
    VerificationInputs,
)
from workbench.domain.evidence import Evidence, EvidenceKind
from workbench.domain.policy import DEFAULT_POLICY
from workbench.domain.profit_loss import ExpenseItem, ProfitLoss
from workbench.domain.readiness import Issue, Severity

D = Decimal
BLOCKING = Severity.BLOCKING
EVIDENCE = (
    Evidence(id="pay", kind=EvidenceKind.DOCUMENT, title="payslips Jan–Jun"),
    Evidence(id="bank", kind=EvidenceKind.STATEMENT, title="salary account, 6 months"),
    Evidence(id="bills", kind=EvidenceKind.DOCUMENT, title="rent, utilities and school fees"),
)
PAYSLIP = CrossCheck(
    id="I1",
    target=Target.INCOME,
    method=CheckMethod.M15,
    inputs=IncomeInputs(sources=(IncomeSource(source="单位工资", monthly=D(12000)),)),
    evidence=("pay",),
)
SALARY_CREDITS = CrossCheck(
    id="I2",
    target=Target.INCOME,
    method=CheckMethod.M1B,
    inputs=BankFlowInputs(receipts=D(71400), channel_share=D(1), months=D(6)),
    evidence=("bank",),
)
LAST_YEAR = CrossCheck(
    id="I3",
    target=Target.INCOME,
    method=CheckMethod.M4,
    inputs=TrendInputs(stated=D(11500), growth=D("0.04")),
    evidence=("bank",),
)
BILLS = CrossCheck(
    id="H1",
    target=Target.HOUSEHOLD,
    method=CheckMethod.M1,
    inputs=VerificationInputs(documented=D(5100)),
    evidence=("bills",),
)
PEERS = CrossCheck(
    id="H2",
    target=Target.HOUSEHOLD,
    method=CheckMethod.M5,
    inputs=RangeInputs(low=D(4000), high=D(6500)),
    evidence=("bills",),
)


def salaried(*checks: CrossCheck) -> CaseResults:
    """A teacher's household: salary 12 000 a month, household spending 5 200, no business."""
    base = demo_case("a")
    pl = ProfitLoss(
        household_expenses=(ExpenseItem(label="家庭开支", amount=D(5200)),),
        other_income=(ExpenseItem(label="工资", amount=D(12000)),),
    )
    sheet = BalanceSheet(assets=base.balance_sheet.assets[:2])
    case = dataclasses.replace(
        base,
        loan_class=LoanClass.CONSUMER,
        business=None,
        profit_loss=pl,
        balance_sheet=sheet,
        prior_balance_sheet=None,
        equity_check=None,
        cross_checks=checks,
        evidence=EVIDENCE,
    )
    return compute_case(case, DEFAULT_POLICY)


def blocking(results: CaseResults) -> list[Issue]:
    return [i for i in results.issues if i.severity is BLOCKING]


def test_a_salaried_loan_with_its_income_and_household_checked_is_ready() -> None:
    results = salaried(PAYSLIP, SALARY_CREDITS, BILLS, PEERS)
    assert blocking(results) == []
    assert results.ready
    assert results.sizing.proposal > 0


def test_it_is_never_asked_for_sales_or_margin_checks() -> None:
    results = salaried()
    subjects = {i.subject for i in blocking(results) if i.code == "too_few_checks"}
    assert subjects == {"income", "household"}


def test_income_must_include_documented_income_m15() -> None:
    results = salaried(SALARY_CREDITS, LAST_YEAR, BILLS, PEERS)
    assert Issue(BLOCKING, "method_required", "income", {"method": "M15"}) in results.issues
    assert not results.ready


def test_the_household_statement_needs_two_methods() -> None:
    results = salaried(PAYSLIP, SALARY_CREDITS, BILLS)
    assert blocking(results) == [
        Issue(BLOCKING, "too_few_checks", "household", {"count": "1", "minimum": "2"})
    ]


def test_a_business_loan_keeps_its_own_rules() -> None:
    results = compute_case(demo_case("a"), DEFAULT_POLICY)
    assert results.ready
    assert not any(i.subject in ("income", "household") for i in results.issues)
