"""Instalment schedules and the capacity inverses used for loan sizing.

Money is ``Decimal`` throughout. Intermediate figures (annuity payment, seasonal factor, capacity
inverses) are computed in a local context of ``PRECISION`` significant digits and stay unrounded;
a schedule row is rounded at named points only:

* interest of a period is ``balance × r`` rounded half-up to the cent (flat: original principal × r);
* the constant part of a method (annuity payment, equal-principal principal part, flat payment,
  seasonal payment ``x·w_k``) is rounded to a multiple of ``RoundingSettings.instalment_unit`` with
  ``RoundingSettings.instalment_mode``;
* the last instalment absorbs the remainder, so the balance ends at exactly 0.00 and the principal
  column sums exactly to the principal.

A schedule always has exactly ``months`` rows. A row never pays more principal than the balance; if
rounding makes the loan paid off early, the remaining rows are all zero. Every method but the seasonal
one pays at least the interest of each row (no negative amortisation). A seasonal row pays the month's
share of its disposable cash and nothing more: interest a lean month cannot bear stays in the balance
and is paid, with interest on it at r, from the months that can (see ``build_schedule``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal, localcontext
from enum import StrEnum
from typing import TYPE_CHECKING

from workbench.domain.errors import ValidationError
from workbench.domain.money import CENT, MAX_AMOUNT, ZERO, Rounding, quantize, round_to_unit
from workbench.domain.settings import RoundingSettings

if TYPE_CHECKING:
    from collections.abc import Sequence

PRECISION = 34
"""Significant digits of the local decimal context used for every intermediate figure."""

DEFAULT_MAX_ANNUAL = Decimal("0.36")
"""Default legal cap on the annual rate, as a fraction (36 % p.a., a default product's maximum)."""

DEFAULT_MAX_MONTHS = 360

_ONE = Decimal(1)
_NIL = Decimal("0.00")
_TIDY_PLACES = Decimal("1e-12")
_MONTHS_PER_YEAR = 12


class Method(StrEnum):
    """Repayment method of a schedule."""

    ANNUITY = "annuity"
    EQUAL_PRINCIPAL = "equal-principal"
    FLAT = "flat"
    INTEREST_ONLY = "interest-only"
    BULLET = "bullet"
    SEASONAL = "seasonal"


def _tidy(value: Decimal) -> Decimal:
    """Round a derived rate figure to 12 places and drop trailing zeros, without exponent notation."""
    if value.adjusted() > PRECISION - 14:
        return value
    rounded = value.quantize(_TIDY_PLACES).normalize()
    return rounded.quantize(_ONE) if rounded == rounded.to_integral_value() else rounded


@dataclass(frozen=True, slots=True)
class Rate:
    """A monthly interest rate ``r`` as a fraction (0.006 = 0.6 % a month = 6 ‰ = 7.2 % p.a.).

    Build it with ``from_annual_percent`` or ``from_monthly_permille``, which apply the legal cap;
    direct construction only checks that ``r`` is a finite number ≥ 0.

    Attributes:
        monthly: the monthly rate r, unrounded (e.g. 7.2 / 100 / 12 = 0.006 exactly; 10 % p.a.
            gives 0.008333… to ``PRECISION`` digits).
    """

    monthly: Decimal

    def __post_init__(self) -> None:
        if not self.monthly.is_finite():
            raise ValidationError("monthly_rate", "not_a_number", value=str(self.monthly))
        if self.monthly < 0:
            raise ValidationError("monthly_rate", "negative", value=self.monthly)

    @classmethod
    def from_annual_percent(
        cls, percent: Decimal, *, max_annual: Decimal = DEFAULT_MAX_ANNUAL, field: str = "annual_rate"
    ) -> Rate:
        """Rate from a nominal annual percentage: r = percent / 100 / 12.

        Args:
            percent: annual rate in percent, e.g. ``Decimal("7.2")``.
            max_annual: highest allowed annual rate as a fraction (0.36 = 36 %).
            field: field path named in the error.

        Returns:
            The rate; ``monthly`` is exact where the division terminates, else ``PRECISION`` digits.

        Raises:
            ValidationError: ``out_of_range`` (min 0, max in percent, value) when the rate is
                negative, not finite, or above ``max_annual``.
        """
        top = _tidy(max_annual * 100)
        if not percent.is_finite() or percent < 0 or percent > max_annual * 100:
            raise ValidationError(field, "out_of_range", min=ZERO, max=top, value=percent)
        with localcontext() as ctx:
            ctx.prec = PRECISION
            return cls(percent / (100 * _MONTHS_PER_YEAR))

    @classmethod
    def from_monthly_permille(
        cls, permille: Decimal, *, max_annual: Decimal = DEFAULT_MAX_ANNUAL, field: str = "monthly_permille"
    ) -> Rate:
        """Rate from a monthly rate in per mille (月息 6 ‰): r = permille / 1000.

        Args:
            permille: monthly rate in ‰, e.g. ``Decimal("6")``.
            max_annual: highest allowed annual rate as a fraction (0.36 ↔ 30 ‰ a month).
            field: field path named in the error.

        Returns:
            The rate with ``monthly`` = permille / 1000 (exact).

        Raises:
            ValidationError: ``out_of_range`` (min 0, max in ‰ a month, value) when the rate is
                negative, not finite, or above ``max_annual``.
        """
        if not permille.is_finite() or permille < 0 or permille * _MONTHS_PER_YEAR > max_annual * 1000:
            with localcontext() as ctx:
                ctx.prec = PRECISION
                top = _tidy(max_annual * 1000 / _MONTHS_PER_YEAR)
            raise ValidationError(field, "out_of_range", min=ZERO, max=top, value=permille)
        with localcontext() as ctx:
            ctx.prec = PRECISION
            return cls(permille / 1000)

    @property
    def annual(self) -> Decimal:
        """Nominal annual rate as a fraction (12 r), tidied to 12 places; cf. ``Product.max_annual_rate``."""
        with localcontext() as ctx:
            ctx.prec = PRECISION
            return _tidy(self.monthly * _MONTHS_PER_YEAR)

    @property
    def annual_percent(self) -> Decimal:
        """Nominal annual rate in percent (1200 r), tidied to 12 places: 0.006 → 7.2."""
        with localcontext() as ctx:
            ctx.prec = PRECISION
            return _tidy(self.monthly * 100 * _MONTHS_PER_YEAR)

    @property
    def monthly_permille(self) -> Decimal:
        """Monthly rate in per mille (1000 r), tidied to 12 places: 0.006 → 6."""
        with localcontext() as ctx:
            ctx.prec = PRECISION
            return _tidy(self.monthly * 1000)


@dataclass(frozen=True, slots=True)
class ScheduleRow:
    """One instalment; all amounts in CNY with two places.

    Attributes:
        period: 1-based month number.
        payment: amount due this period (= interest + principal).
        interest: interest charged this period.
        principal: principal repaid this period.
        balance: principal outstanding after this period.
    """

    period: int
    payment: Decimal
    interest: Decimal
    principal: Decimal
    balance: Decimal


@dataclass(frozen=True, slots=True)
class Schedule:
    """A complete repayment schedule: exactly one row per month of the term.

    Attributes:
        rows: the instalments, period 1 first.
        principal: the amount lent (CNY, two places); the principal column sums to it exactly.
        method: the repayment method that built the rows.
    """

    rows: tuple[ScheduleRow, ...]
    principal: Decimal
    method: Method
    factor: Decimal | None = None
    """Seasonal only: the scale x of the payments x·w_k (unrounded); ``None`` for the other methods."""

    @property
    def months(self) -> int:
        """Term in months (number of rows)."""
        return len(self.rows)

    @property
    def total_interest(self) -> Decimal:
        """Sum of the interest column (CNY, two places)."""
        return sum((row.interest for row in self.rows), _NIL)

    @property
    def total_payment(self) -> Decimal:
        """Sum of all payments = principal + total interest (CNY, two places)."""
        return sum((row.payment for row in self.rows), _NIL)

    @property
    def first_payment(self) -> Decimal:
        """Payment of period 1 (0.00 for a bullet loan; the interest alone during grace)."""
        return self.rows[0].payment

    @property
    def last_payment(self) -> Decimal:
        """The final instalment: payment of the last row that pays anything.

        Equals the payment of period ``months`` unless rounding up paid the loan off early.
        """
        for row in reversed(self.rows):
            if row.payment:
                return row.payment
        return _NIL

    @property
    def max_payment(self) -> Decimal:
        """Largest single payment (CNY, two places)."""
        return max(row.payment for row in self.rows)


# ---------------------------------------------------------------------------------------------
# Unrounded formulas (capacity inverses and constants)
# ---------------------------------------------------------------------------------------------


def _monthly(r: Rate | Decimal) -> Decimal:
    monthly = r.monthly if isinstance(r, Rate) else r
    if not monthly.is_finite():
        raise ValidationError("monthly_rate", "not_a_number", value=str(monthly))
    if monthly < 0:
        raise ValidationError("monthly_rate", "negative", value=monthly)
    return monthly


def _check_term(n: int, field: str = "months", max_months: int | None = None) -> None:
    if n < 1 or (max_months is not None and n > max_months):
        raise ValidationError(
            field, "out_of_range", min=1, max="∞" if max_months is None else max_months, value=n
        )


def annuity_payment(principal: Decimal, r: Rate | Decimal, n: int) -> Decimal:
    """Level annuity payment A = P·r·(1+r)^n / ((1+r)^n − 1); P/n at r = 0.

    Computed as P·(1+r)^n / Σ_{j=0}^{n−1} (1+r)^j, which is the same quantity without the
    cancellation of ``(1+r)^n − 1`` for tiny rates.

    Args:
        principal: amount lent (CNY).
        r: monthly rate as a fraction (or a ``Rate``).
        n: number of payments, ≥ 1.

    Returns:
        A in CNY, unrounded (``PRECISION`` significant digits).

    Raises:
        ValidationError: ``n`` < 1 or ``r`` negative.
    """
    monthly = _monthly(r)
    _check_term(n)
    with localcontext() as ctx:
        ctx.prec = PRECISION
        growth = _ONE + monthly
        factor = _ONE
        total = ZERO
        for _ in range(n):
            total += factor
            factor *= growth
        return principal * factor / total


def max_principal_annuity(instalment: Decimal, r: Rate | Decimal, n: int) -> Decimal:
    """Largest principal an annuity instalment can carry: P = A·(1 − (1+r)^−n)/r; A·n at r = 0.

    Computed as A·Σ_{k=1}^{n} (1+r)^−k (``P_cap`` of loan sizing). Linear in ``instalment``.

    Args:
        instalment: affordable monthly instalment A (CNY), e.g. α × average monthly disposable.
        r: monthly rate as a fraction (or a ``Rate``).
        n: number of payments, ≥ 1.

    Returns:
        P_cap in CNY, unrounded; round it (e.g. half-up to the cent for display, down to the loan
        unit for a proposal) at the caller.

    Raises:
        ValidationError: ``n`` < 1 or ``r`` negative.
    """
    monthly = _monthly(r)
    _check_term(n)
    with localcontext() as ctx:
        ctx.prec = PRECISION
        discount = _ONE / (_ONE + monthly)
        factor = _ONE
        total = ZERO
        for _ in range(n):
            factor *= discount
            total += factor
        return instalment * total


def max_principal_equal_principal(instalment: Decimal, r: Rate | Decimal, n: int) -> Decimal:
    """Largest principal whose first (largest) equal-principal instalment is ``instalment``: A / (1/n + r).

    Args:
        instalment: affordable monthly instalment A (CNY).
        r: monthly rate as a fraction (or a ``Rate``).
        n: number of payments, ≥ 1.

    Returns:
        P_cap_EP in CNY, unrounded.

    Raises:
        ValidationError: ``n`` < 1 or ``r`` negative.
    """
    monthly = _monthly(r)
    _check_term(n)
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return instalment / (_ONE / n + monthly)


def _check_weights(weights: Sequence[Decimal], expected: int | None = None) -> None:
    if expected is not None and len(weights) != expected:
        raise ValidationError("weights", "wrong_length", expected=expected, count=len(weights))
    if not weights:
        raise ValidationError("weights", "wrong_length", expected=expected or 1, count=0)
    for index, weight in enumerate(weights):
        if not weight.is_finite():
            raise ValidationError(f"weights[{index}]", "not_a_number", value=str(weight))
        if weight < 0:
            raise ValidationError(f"weights[{index}]", "negative", value=weight)
    if not any(weights):
        raise ValidationError("weights", "weights_all_zero")


def seasonal_factor(principal: Decimal, rate: Rate | Decimal, weights: Sequence[Decimal]) -> Decimal:
    """Scale x of a seasonal schedule: x = P / Σ_k w_k (1+r)^−k, k = 1 … len(weights).

    Payments x·w_k then have a present value of exactly P at rate r.

    Args:
        principal: amount lent (CNY).
        rate: monthly rate (a ``Rate`` or the fraction r).
        weights: one non-negative weight per repayment month (e.g. 80 % of that month's
            disposable cash, CNY), not all zero.

    Returns:
        x, unrounded (``PRECISION`` significant digits); dimensionless if the weights are in CNY.

    Raises:
        ValidationError: empty, negative or all-zero weights; negative rate.
    """
    monthly = _monthly(rate)
    _check_weights(weights)
    with localcontext() as ctx:
        ctx.prec = PRECISION
        discount = _ONE / (_ONE + monthly)
        factor = _ONE
        present = ZERO
        for weight in weights:
            factor *= discount
            present += weight * factor
        return principal / present


def max_principal_seasonal(weights: Sequence[Decimal], r: Rate | Decimal, grace: int = 0) -> Decimal:
    """Largest principal a seasonal plan carries when no month pays more than its weight.

    ``weights`` has one entry per month of the term, the ``grace`` first months included. During grace a
    month pays its interest P·r, or its weight if that is less (the rest stays in the balance); after
    grace every month pays at most its weight. So P is the present value at r of min(P·r, w_k) over the
    grace months plus w_k over the rest, solved for P (piecewise linear: grace months whose weight is
    below P·r pay their weight, found by shrinking that set until it is stable).

    Returns:
        P, unrounded (``PRECISION`` digits); 0 when every weight is 0.
    """
    monthly = _monthly(r)
    if grace < 0 or grace >= max(len(weights), 1):
        raise ValidationError("grace_months", "grace_too_long", grace=grace, months=len(weights))
    with localcontext() as ctx:
        ctx.prec = PRECISION
        discount = _ONE / (_ONE + monthly)
        factors = []
        factor = _ONE
        for _ in weights:
            factor *= discount
            factors.append(factor)
        after = sum((w * f for w, f in zip(weights[grace:], factors[grace:], strict=True)), ZERO)
        paying = set(range(grace))  # grace months that pay their full interest
        while True:
            capped = sum((weights[k] * factors[k] for k in range(grace) if k not in paying), ZERO)
            share = monthly * sum((factors[k] for k in paying), ZERO)
            principal = (after + capped) / (_ONE - share)
            short = {k for k in paying if weights[k] < principal * monthly}
            if not short:
                return principal
            paying -= short


# ---------------------------------------------------------------------------------------------
# Schedules
# ---------------------------------------------------------------------------------------------


def _amortise(
    principal: Decimal,
    r: Decimal,
    months: int,
    grace: int,
    targets: Sequence[Decimal],
    *,
    targets_are_principal: bool = False,
    flat: bool = False,
) -> tuple[ScheduleRow, ...]:
    """Run the balance down; ``targets[i]`` is the rounded payment (or principal part) of period grace+1+i.

    Periods 1 … grace pay interest only; the last period repays the whole balance; in between the
    principal part is ``target − interest`` (or ``target``) kept within [0, balance]. Rows after the
    balance reaches zero are zero rows.
    """
    flat_interest = quantize(principal * r)
    balance = principal
    rows: list[ScheduleRow] = []
    for period in range(1, months + 1):
        if not balance:
            rows.append(ScheduleRow(period, _NIL, _NIL, _NIL, _NIL))
            continue
        interest = flat_interest if flat else quantize(balance * r)
        if period <= grace:
            part = _NIL
        elif period == months:
            part = balance
        else:
            target = targets[period - grace - 1]
            wanted = target if targets_are_principal else target - interest
            part = min(max(wanted, _NIL), balance)
        balance -= part
        rows.append(ScheduleRow(period, interest + part, interest, part, balance))
    return tuple(rows)


def _seasonal(
    principal: Decimal,
    r: Decimal,
    months: int,
    grace: int,
    weights: Sequence[Decimal],
    unit: Decimal,
    mode: Rounding,
) -> tuple[tuple[ScheduleRow, ...], Decimal]:
    """Rows of a seasonal plan and its factor x; ``weights`` has n − G entries, or n (grace months too).

    Given n entries, a grace month pays its interest but never more than its weight. After grace, month
    k pays x·w_k rounded with ``mode`` to ``unit``, and at least its interest. When x ≤ 1 (the loan fits
    the months' capacity) a payment never exceeds its weight (rounded down to the unit): a month whose
    weight is below its interest pays its weight and leaves the rest of the interest in the balance.
    The last month with a weight settles the balance. Should the
    roundings leave that month more than its weight, earlier months with room pay a little more.
    """
    caps: list[Decimal | None] = list(weights[:grace]) if len(weights) == months else [None] * grace
    after = list(weights[-(months - grace) :])
    balance = principal
    grace_rows: list[ScheduleRow] = []
    for period in range(1, grace + 1):
        interest = quantize(balance * r)
        cap = caps[period - 1]
        payment = interest if cap is None else min(interest, cap)
        balance += interest - payment
        grace_rows.append(ScheduleRow(period, payment, interest, payment - interest, balance))
    x = seasonal_factor(balance, r, after) if balance else ZERO
    fits = x <= _ONE
    limits = [
        w.quantize(CENT, rounding=ROUND_FLOOR) if unit == CENT else round_to_unit(w, unit, Rounding.DOWN)
        for w in after
    ]
    payments = [round_to_unit(x * w, unit, mode) for w in after]
    if fits:
        payments = [min(p, top) for p, top in zip(payments, limits, strict=True)]
    last = max(i for i, w in enumerate(after) if w > 0)

    def run(planned: list[Decimal]) -> list[ScheduleRow]:
        owed = balance
        rows: list[ScheduleRow] = []
        for i, target in enumerate(planned):
            period = grace + 1 + i
            if not owed:
                rows.append(ScheduleRow(period, _NIL, _NIL, _NIL, _NIL))
                continue
            interest = quantize(owed * r)
            # At least the interest, unless the month's share of cash is less (then that share).
            least = min(interest, limits[i]) if fits else interest
            payment = owed + interest if i >= last else min(max(target, least), owed + interest)
            owed += interest - payment
            rows.append(ScheduleRow(period, payment, interest, payment - interest, owed))
        return rows

    rows = run(payments)
    for _ in range(len(after)):
        excess = rows[last].payment - limits[last]
        if not fits or excess <= 0:
            break
        room = [i for i in range(last) if limits[i] > payments[i]]
        if not room:
            break
        i = room[-1]
        payments[i] = min(limits[i], payments[i] + round_to_unit(excess, unit, Rounding.UP))
        rows = run(payments)
    return (*grace_rows, *rows), x


def _bullet(principal: Decimal, r: Decimal, months: int) -> tuple[ScheduleRow, ...]:
    rows = [ScheduleRow(period, _NIL, _NIL, _NIL, principal) for period in range(1, months)]
    interest = quantize(principal * r * months)
    rows.append(ScheduleRow(months, principal + interest, interest, principal, _NIL))
    return tuple(rows)


def _validate(
    principal: Decimal, months: int, grace_months: int, rounding: RoundingSettings, max_months: int
) -> Decimal:
    if principal.is_infinite() and principal > 0:
        raise ValidationError("principal", "too_large", value=str(principal), limit=MAX_AMOUNT)
    if not principal.is_finite() or principal <= 0:
        raise ValidationError("principal", "must_be_positive", value=str(principal))
    if principal > MAX_AMOUNT:
        raise ValidationError("principal", "too_large", value=principal, limit=MAX_AMOUNT)
    amount = quantize(principal)
    if amount != principal:
        # Typed or imported amounts are whole cents everywhere (the codec's rule): refused, never rounded.
        raise ValidationError("principal", "sub_cent", value=format(principal, "f"))
    if amount <= 0:
        raise ValidationError("principal", "must_be_positive", value=principal)
    _check_term(months, "months", max_months)
    if grace_months < 0:
        raise ValidationError("grace_months", "negative", value=grace_months)
    if grace_months >= months:
        raise ValidationError("grace_months", "grace_too_long", grace=grace_months, months=months)
    unit = rounding.instalment_unit
    if not unit.is_finite() or unit <= 0:
        raise ValidationError("rounding.instalment_unit", "must_be_positive", value=str(unit))
    return amount


def build_schedule(
    principal: Decimal,
    rate: Rate,
    months: int,
    method: Method,
    *,
    grace_months: int = 0,
    rounding: RoundingSettings = RoundingSettings(),  # noqa: B008 - frozen, immutable default
    weights: Sequence[Decimal] | None = None,
    max_months: int = DEFAULT_MAX_MONTHS,
) -> Schedule:
    """Build the repayment schedule of a loan.

    Interest of a period is the opening balance × r, half-up to the cent (flat: principal × r).
    The constant part of the method is rounded to ``rounding.instalment_unit`` with
    ``rounding.instalment_mode``: the annuity payment A(P, r, n − G); the equal-principal principal
    part P / (n − G); the flat payment P / (n − G) + P·r; the seasonal payments x·w_k. Interest-only
    and bullet loans have no constant part to round. The last instalment absorbs every rounding
    difference, so the balance ends at 0.00 and the principal column sums exactly to ``principal``.

    The first ``grace_months`` periods pay interest only, and the method runs over the remaining
    n − G periods (interest-only and bullet: grace changes nothing). A row never pays less than its
    interest and never more principal than the balance; rows after an early payoff are zero.
    Bullet: periods 1 … n − 1 pay nothing; period n pays P + P·r·n (simple interest, half-up to the
    cent), and the interest column is zero until then.

    Args:
        principal: amount lent (CNY), in whole cents (a fraction of a cent is refused, ``sub_cent``).
        rate: monthly rate.
        months: term n in months, 1 … ``max_months``.
        method: repayment method.
        grace_months: interest-only months G at the start, 0 ≤ G < n.
        rounding: instalment unit and mode (interest is always to the cent, half-up).
        weights: ``SEASONAL`` only: one non-negative weight per month after grace (n − G of them),
            e.g. 80 % of each month's disposable cash, or one per month of the term (n of them), the
            grace months' too: a grace month then pays no more than its weight either. Ignored by the
            other methods. With x ≤ 1 no seasonal payment exceeds its weight (see ``_seasonal``).
        max_months: longest allowed term.

    Returns:
        A schedule of exactly ``months`` rows, all amounts in CNY with two places.

    Raises:
        ValidationError: ``principal`` not > 0 (``must_be_positive``) or above ``MAX_AMOUNT``
            (``too_large``); ``months`` out of range; ``grace_months`` negative or ≥ ``months``
            (``grace_too_long``); ``weights`` missing or of the wrong length (``wrong_length``),
            negative, or all zero (``weights_all_zero``).
    """
    amount = _validate(principal, months, grace_months, rounding, max_months)
    r = rate.monthly
    term = months - grace_months
    unit, mode = rounding.instalment_unit, rounding.instalment_mode
    with localcontext() as ctx:
        ctx.prec = PRECISION
        if method is Method.ANNUITY:
            payment = round_to_unit(annuity_payment(amount, r, term), unit, mode)
            rows = _amortise(amount, r, months, grace_months, (payment,) * term)
        elif method is Method.EQUAL_PRINCIPAL:
            part = round_to_unit(amount / term, unit, mode)
            rows = _amortise(amount, r, months, grace_months, (part,) * term, targets_are_principal=True)
        elif method is Method.FLAT:
            payment = round_to_unit(amount / term + amount * r, unit, mode)
            rows = _amortise(amount, r, months, grace_months, (payment,) * term, flat=True)
        elif method is Method.INTEREST_ONLY:
            rows = _amortise(amount, r, months, 0, (_NIL,) * months, targets_are_principal=True)
        elif method is Method.BULLET:
            rows = _bullet(amount, r, months)
        elif method is Method.SEASONAL:
            if weights is None:
                raise ValidationError("weights", "wrong_length", expected=term, count=0)
            if len(weights) == months and grace_months:
                _check_weights(weights, months)
                _check_weights(weights[grace_months:])
            else:
                _check_weights(weights, term)
            rows, x = _seasonal(amount, r, months, grace_months, weights, unit, mode)
            return Schedule(rows=rows, principal=amount, method=method, factor=x)
        else:  # pragma: no cover - exhaustive over Method
            raise ValidationError("method", "invalid_choice", value=method, choices=[m.value for m in Method])
    return Schedule(rows=rows, principal=amount, method=method)


__all__ = [
    "DEFAULT_MAX_ANNUAL",
    "DEFAULT_MAX_MONTHS",
    "PRECISION",
    "Method",
    "Rate",
    "Schedule",
    "ScheduleRow",
    "annuity_payment",
    "build_schedule",
    "max_principal_annuity",
    "max_principal_equal_principal",
    "max_principal_seasonal",
    "seasonal_factor",
]
