"""One pure entry point: compute every derived figure of a case.

    case ──> balance totals ──> income statement ──> figures ──> equity ──> cross-checks
                                                   └──────────────────────> sizing ──> readiness

``compute_case`` is what the screens call on every edit (it must stay well under a millisecond
or two) and what ``workbench calc`` prints.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from workbench.domain.balance_sheet import BalanceTotals, compute_totals
from workbench.domain.case_file import CaseFile, LoanClass
from workbench.domain.cross_checks import CheckContext, CrossCheckResult, run_cross_checks
from workbench.domain.equity import EquityResult, reconcile_equity
from workbench.domain.errors import ValidationError
from workbench.domain.money import ONE, ZERO
from workbench.domain.policy import CreditPolicy, Product
from workbench.domain.profit_loss import IncomeStatement, Season, compute_income_statement
from workbench.domain.ratios import evaluation_ratios
from workbench.domain.readiness import Issue, Severity, check_issues, equity_issues, material_items
from workbench.domain.sizing import SizingResult, size_loan

if TYPE_CHECKING:
    from datetime import date


@dataclass(frozen=True, slots=True)
class CaseResults:
    """Everything derived from one case file."""

    totals: BalanceTotals
    statement: IncomeStatement
    ratios: dict[str, Decimal | None]
    figures: dict[str, Decimal | None]
    equity: EquityResult | None
    checks: tuple[CrossCheckResult, ...]
    sizing: SizingResult
    issues: tuple[Issue, ...]
    policy: CreditPolicy
    """The policy the figures were computed under (``policy.label`` names it)."""
    product: Product

    @property
    def ready(self) -> bool:
        """No blocking issue: the case may go to the committee."""
        return not any(i.severity is Severity.BLOCKING for i in self.issues)


def base_figures(totals: BalanceTotals, statement: IncomeStatement) -> dict[str, Decimal | None]:
    """The figures a cross-check input may refer to (``REFERABLE_FIGURES``)."""
    avg = statement.average
    s = statement.structure
    figures: dict[str, Decimal | None] = {
        "sales_avg": avg["sales"],
        **{
            f"sales_{season.value}": statement.by_season[season].sales
            if season in statement.seasons
            else None
            for season in Season
        },
        "sales_annual": statement.annual_sales,
        "gm_weighted": s.gross_margin,
        "cost_ratio": ONE - s.gross_margin,
        "purchase_ratio": s.purchase_ratio,
        "material_ratio": s.material_ratio,
        "wage_ratio": s.wage_ratio,
        "energy_ratio": s.energy_ratio,
        "kwh_per_1000": s.kwh_per_1000,
        "labour_hours_normal": s.labour_hours_normal,
        "variable_costs_avg": avg["variable_costs"],
        "opex_avg": avg["operating_expenses"],
        "op_profit_avg": avg["operating_profit"],
        "net_profit_avg": avg["net_profit_cash"],
        "household_avg": avg["household"],
        "other_income_avg": avg["other_income"],
        "disposable_avg": avg["disposable"],
        "inventory": totals.inventory,
        "raw_materials": totals.raw_materials,
        "receivables": totals.receivables,
        "TA": totals.total_assets,
        "TL": totals.total_liabilities,
        "E_act": totals.equity,
    }
    return figures


def compute_case(case: CaseFile, policy: CreditPolicy) -> CaseResults:
    """Compute statements, reconciliation, cross-checks, sizing and readiness of ``case`` under ``policy``.

    The policy is always given (the store's current one, the case file's own, or ``DEFAULT_POLICY``
    said as such): no figure is computed under numbers nobody named.

    Raises:
        ValidationError: an input the file format cannot rule out (a reference to an unknown
            figure, a rate above the product maximum …), with its field path.
    """
    totals = compute_totals(case.balance_sheet)
    try:
        statement = compute_income_statement(case.profit_loss, case.balance_sheet)
    except ValidationError as error:
        raise error.at("profit_loss") from None
    ratios = evaluation_ratios(totals, statement)
    figures = base_figures(totals, statement)
    figures.update(
        {
            k: v
            for k, v in ratios.items()
            if k in ("inventory_days", "raw_material_days", "ar_to_sales", "stock_at_price_to_sales")
        }
    )
    figures["operating_days"] = (
        case.business.operating_days_per_month if case.business is not None else policy.days_per_month
    )
    equity = None
    if case.equity_check is not None:
        equity = reconcile_equity(case.equity_check, totals, policy.equity_tolerance)
        figures["E_exp"] = equity.expected
    season_sales = {m.month: m.sales for m in statement.months}
    ctx = CheckContext(
        figures=figures,
        season_sales=season_sales,
        equity_expected=equity.expected if equity else None,
        equity_actual=equity.current.actual if equity else None,
    )
    checks = run_cross_checks(case.cross_checks, ctx, policy.band)
    if case.notes.check_overrides:
        checks = _with_overrides(checks, case)
    product = policy.product(case.product)
    sizing = size_loan(
        statement,
        case.request,
        totals.liquid,
        policy,
        _first_month(case.request.disbursement_date, case.dates.survey_date),
        product,
    )
    issues = _issues(case, figures, equity, checks, sizing, policy)
    issues += product_issues(case, policy, product, sizing.rate.annual_percent)
    return CaseResults(
        totals=totals,
        statement=statement,
        ratios=ratios,
        figures=figures,
        equity=equity,
        checks=checks,
        sizing=sizing,
        issues=tuple(issues),
        policy=policy,
        product=product,
    )


def _with_overrides(checks: tuple[CrossCheckResult, ...], case: CaseFile) -> tuple[CrossCheckResult, ...]:
    """Each check with the reviewer's override recorded for it (the last one, if several)."""
    by_check = {o.check: o for o in case.notes.check_overrides}
    return tuple(
        dataclasses.replace(r, override_by=by_check[r.id].reviewer, override_reason=by_check[r.id].reason)
        if r.id in by_check
        else r
        for r in checks
    )


def _first_month(disbursement: date | None, survey: date | None) -> int:
    """Disbursement month; without one, the month after the survey (or January)."""
    if disbursement is not None:
        return disbursement.month
    if survey is not None:
        return survey.month % 12 + 1
    return 1


def _issues(
    case: CaseFile,
    figures: dict[str, Decimal | None],
    equity: EquityResult | None,
    checks: tuple[CrossCheckResult, ...],
    sizing: SizingResult,
    policy: CreditPolicy,
) -> list[Issue]:
    issues = equity_issues(equity, case.loan_class is LoanClass.BUSINESS)
    known = {e.id for e in case.evidence}
    # The repayment source decides the rules: a family with a business is judged on it, whatever the class.
    items = material_items(case.business is not None, figures, policy)
    issues += check_issues(checks, policy.min_checks_per_item, items, known)
    if sizing.proposal <= 0:
        # Say which limit left nothing: an amount of 0 asked for is not a lack of capacity.
        code = ZERO_PROPOSAL.get(sizing.binding_limit, "no_capacity")
        if code:
            issues.append(Issue(Severity.BLOCKING, code))
    shares = [p.share for p in case.profit_loss.products if p.share is not None and p.quantity is None]
    if shares and sum(shares, ZERO) != ONE:
        issues.append(
            Issue(Severity.ADVICE, "shares_not_full", params={"total": f"{sum(shares, ZERO) * 100}%"})
        )
    for check in case.cross_checks:
        for ref in check.evidence:
            if ref not in known:
                issues.append(Issue(Severity.BLOCKING, "unknown_evidence", check.id, {"value": ref}))
    issues += cash_issues(sizing)
    return issues


ZERO_PROPOSAL = {"request": "request_zero", "purpose": "no_financing_gap", "cash_projection": ""}
"""The issue naming the limit that brought the proposal to 0 (the projection's own issue says it there)."""


def cash_issues(sizing: SizingResult) -> list[Issue]:
    """The 12-month projection against the minimum balance: a cut proposal is advised, naming the month
    that failed; a projection still below the minimum (even without a loan) blocks."""
    minimum = str(sizing.minimum_balance)
    issues = []
    cut = sizing.shortfall
    if cut is not None and sizing.proposal > 0:
        params = {
            "month": str(cut.month),
            "balance": str(cut.balance),
            "minimum": minimum,
            "amount": str(sizing.proposal),
        }
        issues.append(Issue(Severity.ADVICE, "sized_to_cash", params=params))
    low = sizing.projection_minimum
    if low is not None and low.balance < sizing.minimum_balance:
        params = {"month": str(low.month), "balance": str(low.balance), "minimum": minimum}
        issues.append(Issue(Severity.BLOCKING, "cash_shortfall", params=params))
    return issues


def product_issues(
    case: CaseFile, policy: CreditPolicy, product: Product, annual_percent: Decimal
) -> list[Issue]:
    """The request against the product it is sized under: what the product does not offer blocks
    (a term or rate above its maximum is refused earlier, as a faulty field)."""
    request = case.request
    issues = []
    # One product: every case is sized under it, whatever its product text says.
    if len(policy.products) > 1 and case.product != product.name:
        issues.append(
            Issue(Severity.ADVICE, "unknown_product", params={"value": case.product, "product": product.name})
        )
    if request.method not in product.methods:
        issues.append(
            Issue(
                Severity.BLOCKING,
                "method_not_offered",
                params={"value": request.method.value, "product": product.name},
            )
        )
    if 0 < request.amount < product.min_amount:
        issues.append(
            Issue(
                Severity.BLOCKING,
                "below_product_min",
                params={
                    "value": str(request.amount),
                    "minimum": str(product.min_amount),
                    "product": product.name,
                },
            )
        )
    if request.term_months < product.min_months:
        issues.append(
            Issue(
                Severity.BLOCKING,
                "term_below_product",
                params={
                    "value": str(request.term_months),
                    "minimum": str(product.min_months),
                    "product": product.name,
                },
            )
        )
    if annual_percent < product.min_annual_rate * 100:
        issues.append(
            Issue(
                Severity.BLOCKING,
                "rate_below_product",
                params={
                    "value": f"{annual_percent}%",
                    "minimum": f"{product.min_annual_rate * 100}%",
                    "product": product.name,
                },
            )
        )
    return issues
