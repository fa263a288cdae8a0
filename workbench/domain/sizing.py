"""Repayment capacity and loan sizing (还款能力 / 贷款建议).

    MD_avg = average monthly disposable cash            A_max = α × MD_avg   (α = 80 %, bank practice)
    P_cap  = the largest principal whose instalment ≤ A_max for the requested repayment method
    P_prop = floor_unit(min(request, P_cap, purpose need − own funds, product max, first-loan cap,
                            the largest amount whose 12-month cash projection stays ≥ the minimum))
    ratio  = regular instalment / MD_avg                (月还款额占月可支比例, ≤ α)

Capacity rests on *current* cash flow, not on the income the loan is meant to create.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from typing import TYPE_CHECKING

from workbench.domain.errors import ValidationError
from workbench.domain.money import CENT, ZERO, floor_to, quantize, safe_div
from workbench.domain.schedules import (
    Method,
    Rate,
    Schedule,
    build_schedule,
    max_principal_annuity,
    max_principal_equal_principal,
    max_principal_seasonal,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.domain.loan_request import LoanRequest
    from workbench.domain.policy import CreditPolicy, Product
    from workbench.domain.profit_loss import IncomeStatement
    from workbench.domain.settings import RoundingSettings


@dataclass(frozen=True, slots=True)
class Sensitivity:
    """Capacity at one usable share α."""

    alpha: Decimal
    max_instalment: Decimal
    max_principal: Decimal


@dataclass(frozen=True, slots=True)
class ProjectionMonth:
    """One month of the 12-month cash projection after disbursement."""

    index: int
    month: int
    disposable: Decimal
    instalment: Decimal
    balance: Decimal


@dataclass(frozen=True, slots=True)
class SizingResult:
    """Capacity, the proposal and its schedules."""

    md_avg: Decimal
    alpha: Decimal
    a_max: Decimal
    rate: Rate
    months: int
    method: Method
    p_cap: Decimal
    p_cap_annuity: Decimal
    p_cap_equal_principal: Decimal
    sensitivities: tuple[Sensitivity, ...]
    limits: tuple[tuple[str, Decimal], ...]
    binding_limit: str
    proposal: Decimal
    reduced: bool
    schedule: Schedule | None
    equal_principal: Schedule | None
    seasonal: Schedule | None
    seasonal_factor: Decimal | None
    instalment: Decimal | None
    ratio: Decimal | None
    projection: tuple[ProjectionMonth, ...]
    opening_liquidity: Decimal
    first_month: int
    shortfall: ProjectionMonth | None = None
    """The lowest month of the projection at the amount the other limits allowed, when it fell below the
    minimum balance and the proposal was cut to keep it above (``binding_limit`` ``cash_projection``)."""
    minimum_balance: Decimal = ZERO

    @property
    def projection_minimum(self) -> ProjectionMonth | None:
        """The month the cumulative cash is lowest."""
        return min(self.projection, key=lambda m: m.balance) if self.projection else None


def check_term(months: int, grace: int, max_months: int, prefix: str = "") -> None:
    """Term and grace in range, each reported against its own field (``request.term_months`` …).

    Raises:
        ValidationError: ``out_of_range`` (term), ``negative`` or ``grace_too_long`` (grace).
    """
    if not 1 <= months <= max_months:
        raise ValidationError(f"{prefix}term_months", "out_of_range", min=1, max=max_months, value=months)
    if grace < 0:
        raise ValidationError(f"{prefix}grace_months", "negative", value=grace)
    if grace >= months:
        raise ValidationError(f"{prefix}grace_months", "grace_too_long", grace=grace, months=months)


def regular_instalment(schedule: Schedule, grace_months: int = 0) -> Decimal:
    """The instalment the client pays each month: the first one after any grace period.

    Seasonal schedules have no single instalment: their largest payment is used.
    """
    if schedule.method is Method.SEASONAL:
        return schedule.max_payment
    if schedule.method is Method.BULLET:
        return schedule.rows[-1].payment
    return schedule.rows[min(grace_months, len(schedule.rows) - 1)].payment


def burden_ratio(
    schedule: Schedule,
    instalment: Decimal,
    md_avg: Decimal,
    disposable: tuple[Decimal, ...] = (),
) -> Decimal | None:
    """月还款额占月可支比例: the share of disposable cash the loan takes, comparable with α.

    Level schedules: instalment / MD_avg. Seasonal: the largest share of a month's disposable cash any
    month pays (payment_k / MD_k; ``disposable`` gives MD_k of each month of the term), grace months
    included. Interest-only and bullet: the monthly equivalent of all payments (Σ payments / n) / MD_avg.
    """
    if schedule.method is Method.SEASONAL and disposable:
        paid = list(zip(schedule.rows, disposable, strict=False))
        shares = [row.payment / md for row, md in paid if row.payment and md > 0]
        if any(row.payment and md <= 0 for row, md in paid):
            return None  # a month without disposable cash pays: no share describes it
        return max(shares, default=ZERO)
    if schedule.method in (Method.BULLET, Method.INTEREST_ONLY):
        return safe_div(schedule.total_payment / len(schedule.rows), md_avg)
    return safe_div(instalment, md_avg)


def capacity_for(
    method: Method,
    a_max: Decimal,
    rate: Rate,
    months: int,
    weights: tuple[Decimal, ...],
    grace: int = 0,
) -> Decimal:
    """The largest principal ``a_max`` (or, seasonal, the months' ``weights``) carries over ``months``
    repayment months (the term less grace; seasonal weights cover the whole term, grace included)."""
    r = rate.monthly
    if method in (Method.EQUAL_PRINCIPAL, Method.FLAT):
        return max_principal_equal_principal(a_max, r, months)
    if method is Method.SEASONAL and weights:
        if not any(weights[grace:]):
            return ZERO
        # Floored to the cent, so a loan at capacity has x ≤ 1 and no month pays above its share.
        return floor_to(max_principal_seasonal(weights, r, grace), CENT)
    if method in (Method.BULLET, Method.INTEREST_ONLY):
        # The balloon must be saved up: P·(1 + r·n) ≤ A_max·n over the term.
        return a_max * months / (1 + r * months)
    return max_principal_annuity(a_max, r, months)


def size_loan(
    statement: IncomeStatement,
    request: LoanRequest,
    liquid_funds: Decimal,
    policy: CreditPolicy,
    first_month: int,
    product: Product,
) -> SizingResult:
    """Compute capacity, the proposed principal, its schedules and the 12-month cash projection.

    Args:
        statement: the reconstructed income statement.
        request: amount, term, rate, method and purpose of the request.
        liquid_funds: cash + bank + household deposits on the current balance sheet.
        policy: α, sensitivities, rounding and the minimum cash balance.
        first_month: calendar month of disbursement (1–12); instalments start the month after.
        product: the policy's product the case asks for: its limits of amount, term and rate.

    Returns:
        Amounts rounded half-up to the cent; the proposal rounded down to ``policy.rounding.loan_unit``.
    """
    rate = request.rate.rate(product.max_annual_rate)
    check_term(request.term_months, request.grace_months, product.max_months, "request.")
    months = request.term_months
    md_avg = statement.average["disposable"]
    alpha = policy.alpha
    a_max = quantize(alpha * md_avg)
    grace = request.grace_months
    active = months - grace
    weights = seasonal_weights(statement, alpha, first_month, months)

    def cap(a: Decimal, method: Method, w: tuple[Decimal, ...]) -> Decimal:
        if a <= 0:
            return ZERO
        return quantize(capacity_for(method, a, rate, active, w, grace))

    p_cap = cap(a_max, request.method, weights)
    sensitivities = tuple(
        Sensitivity(
            alpha=s,
            max_instalment=quantize(s * md_avg),
            max_principal=cap(
                quantize(s * md_avg), request.method, tuple(quantize(w * s / alpha) for w in weights)
            ),
        )
        for s in policy.sensitivities
    )
    limits: list[tuple[str, Decimal]] = [
        ("request", request.amount),
        ("capacity", p_cap),
        ("purpose", request.financing_gap),
        ("product_max", product.max_amount),
    ]
    if request.first_loan and product.first_loan_cap is not None:
        limits.append(("first_loan_cap", product.first_loan_cap))
    binding, smallest = min(limits, key=lambda item: item[1])
    unit = policy.rounding.loan_unit
    proposal = max(floor_to(smallest, unit), ZERO)
    opening = liquid_funds - request.own_contribution
    minimum = policy.minimum_cash_buffer

    def plan(amount: Decimal) -> Schedule:
        return plan_schedule(
            amount,
            rate,
            months,
            request.method,
            request.grace_months,
            policy.rounding,
            weights,
            product.max_months,
        )

    def lowest(amount: Decimal) -> ProjectionMonth:
        return min(project_cash(statement, plan(amount), opening, first_month), key=lambda m: m.balance)

    shortfall = None
    schedule = ep = seasonal = None
    projection: tuple[ProjectionMonth, ...] = ()
    if proposal > 0:
        schedule = plan(proposal)
        projection = project_cash(statement, schedule, opening, first_month)
        low = min(projection, key=lambda m: m.balance)
        if low.balance < minimum:
            shortfall = low
            proposal = _largest_fitting(proposal, unit, lambda amount: lowest(amount).balance >= minimum)
            limits.append(("cash_projection", proposal))
            binding = "cash_projection"
            schedule = plan(proposal) if proposal > 0 else None
            projection = ()

    factor = None
    instalment = ratio = None
    if schedule is not None:
        ep = plan_schedule(
            proposal,
            rate,
            months,
            Method.EQUAL_PRINCIPAL,
            request.grace_months,
            policy.rounding,
            weights,
            product.max_months,
        )
        if sum(weights[grace:], ZERO) > 0:
            seasonal = plan_schedule(
                proposal,
                rate,
                months,
                Method.SEASONAL,
                request.grace_months,
                policy.rounding,
                weights,
                product.max_months,
            )
            factor = seasonal.factor
        instalment = regular_instalment(schedule, request.grace_months)
        disposable = term_disposable(statement, first_month, months)
        ratio = burden_ratio(schedule, instalment, md_avg, disposable) if md_avg > 0 else None

    projection = projection or project_cash(statement, schedule, opening, first_month)
    return SizingResult(
        md_avg=md_avg,
        alpha=alpha,
        a_max=a_max,
        rate=rate,
        months=months,
        method=request.method,
        p_cap=p_cap,
        p_cap_annuity=cap(a_max, Method.ANNUITY, weights),
        p_cap_equal_principal=cap(a_max, Method.EQUAL_PRINCIPAL, weights),
        sensitivities=sensitivities,
        limits=tuple(limits),
        binding_limit=binding,
        proposal=proposal,
        reduced=proposal < request.amount,
        schedule=schedule,
        equal_principal=ep,
        seasonal=seasonal,
        seasonal_factor=factor,
        instalment=instalment,
        ratio=ratio,
        projection=projection,
        opening_liquidity=opening,
        first_month=first_month,
        shortfall=shortfall,
        minimum_balance=minimum,
    )


def _largest_fitting(top: Decimal, unit: Decimal, fits: Callable[[Decimal], bool]) -> Decimal:
    """The largest multiple of ``unit`` in [0, ``top``] that ``fits`` (bisection: the projection only
    falls as the principal grows); 0 when none does."""
    low, high = 0, int(top / unit)  # fits(low · unit) holds for low = 0 (no loan is never the cause)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(middle * unit):
            low = middle
        else:
            high = middle - 1
    return floor_to(low * unit, unit)


def term_disposable(statement: IncomeStatement, first_month: int, count: int) -> tuple[Decimal, ...]:
    """The disposable cash of the calendar month of each instalment 1 … ``count`` (the month after
    disbursement first), so a plan's k-th row meets the k-th month whatever the grace."""
    return tuple(statement.month((first_month + k) % 12 + 1).disposable for k in range(max(count, 0)))


def seasonal_weights(
    statement: IncomeStatement, alpha: Decimal, first_month: int, count: int
) -> tuple[Decimal, ...]:
    """α × the disposable cash of instalment months 1 … ``count`` (a loss month weighs 0), rounded
    down to the cent so a payment at its weight never exceeds α × the month's cash."""
    return tuple(
        (alpha * max(md, ZERO)).quantize(CENT, ROUND_FLOOR)
        for md in term_disposable(statement, first_month, count)
    )


def plan_schedule(
    principal: Decimal,
    rate: Rate,
    months: int,
    method: Method,
    grace: int,
    rounding: RoundingSettings,
    weights: tuple[Decimal, ...],
    max_months: int,
) -> Schedule:
    return build_schedule(
        principal,
        rate,
        months,
        method,
        grace_months=grace,
        rounding=rounding,
        weights=weights if method is Method.SEASONAL else None,
        max_months=max_months,
    )


def project_cash(
    statement: IncomeStatement, schedule: Schedule | None, opening: Decimal, first_month: int
) -> tuple[ProjectionMonth, ...]:
    """Cumulative cash over the 12 months from disbursement; instalment k falls in month k after it."""
    balance = opening
    rows: list[ProjectionMonth] = []
    for index in range(12):
        month = (first_month - 1 + index) % 12 + 1
        disposable = statement.month(month).disposable
        instalment = ZERO
        if schedule is not None and 1 <= index <= len(schedule.rows):
            instalment = schedule.rows[index - 1].payment
        balance = balance + disposable - instalment
        rows.append(
            ProjectionMonth(
                index=index, month=month, disposable=disposable, instalment=instalment, balance=balance
            )
        )
    return tuple(rows)
