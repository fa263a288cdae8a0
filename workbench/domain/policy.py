"""The bank's credit policy (授信政策): the numbers every computation of a case is made under.

Each bank sets its own usable share α, sensitivities, tolerance bands, products and limits; a policy
carries them with a name and a version number, so every result can say which numbers it used. The
defaults are those of the worked cases (docs/sources.md): ``DEFAULT_POLICY`` is what a store is seeded
with and what a case file without a policy is computed under.

``validate_policy`` refuses a policy the computations cannot use (α = 0 would divide by zero in
sizing), each refusal a ``ValidationError`` naming the field, worded by ``workbench.texts.reasons``.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from workbench.domain.codec import decode, encode
from workbench.domain.cross_checks import Target
from workbench.domain.errors import ValidationError
from workbench.domain.explanations import MIN_EXPLANATION_WEIGHT
from workbench.domain.schedules import Method
from workbench.domain.settings import (
    INSTALMENT_UNITS,
    LOAN_UNITS,
    MATERIAL_ITEMS,
    RoundingSettings,
    ToleranceBand,
)

DAYS_PER_MONTH_CHOICES = (Decimal(30), Decimal(28))
"""The conventions a bank may count a month's operating days with where a case names none."""

MAX_TERM_MONTHS = 360
DEFAULT_POLICY_NAME = "default"


@dataclass(frozen=True, slots=True)
class Product:
    """One loan product: what amounts, terms, rates and repayment methods it allows."""

    name: str = DEFAULT_POLICY_NAME
    min_amount: Decimal = Decimal(0)
    max_amount: Decimal = Decimal(300000)
    min_months: int = 1
    max_months: int = MAX_TERM_MONTHS
    min_annual_rate: Decimal = Decimal(0)
    max_annual_rate: Decimal = Decimal("0.36")
    methods: tuple[Method, ...] = tuple(Method)
    first_loan_cap: Decimal | None = None
    """The most a client's first loan at this bank may be (None: no cap beyond ``max_amount``)."""


@dataclass(frozen=True, slots=True)
class CheckBand:
    """The tolerance band of one kind of check (what it tests), in place of the flow or equity band."""

    target: Target
    band: ToleranceBand


@dataclass(frozen=True, slots=True)
class CreditPolicy:
    """Everything a bank tunes, under a name and a version (the store keeps every version)."""

    name: str = DEFAULT_POLICY_NAME
    version: int = 1
    products: tuple[Product, ...] = (Product(),)
    """The first product is the one a case naming no known product is sized under."""
    alpha: Decimal = Decimal("0.80")
    sensitivities: tuple[Decimal, ...] = (Decimal("0.50"), Decimal("0.70"), Decimal("0.80"))
    flow_tolerance: ToleranceBand = field(default_factory=ToleranceBand)
    equity_tolerance: ToleranceBand = field(default_factory=ToleranceBand)
    check_tolerances: tuple[CheckBand, ...] = ()
    days_per_month: Decimal = Decimal(30)
    """Operating days in a month where the case names none (no business); some banks count 28."""
    rounding: RoundingSettings = field(default_factory=RoundingSettings)
    minimum_cash_buffer: Decimal = Decimal(0)
    """The lowest the 12-month cash projection may fall to."""
    min_checks_per_item: int = 2
    """Distinct methods, computed and with evidence, each material item needs (write-up §5)."""
    material_items: tuple[str, ...] = MATERIAL_ITEMS
    """Items that need ``min_checks_per_item`` methods when material; drop one to waive it."""
    materiality_share: Decimal = Decimal("0.10")
    """A balance-sheet item (inventory, receivables, debts) is material from this share of total assets, an
    expense line (operating, household) from this share of the average month's sales and other income."""
    min_explanation_weight: int = MIN_EXPLANATION_WEIGHT
    store_checks_block: bool = True
    """Whether the checks across the store (same applicant, guarantee ring) block or only advise."""

    def product(self, name: str = "") -> Product:
        """The product called ``name``; the first one when no product has that name."""
        return next((p for p in self.products if p.name == name), self.products[0])

    def band(self, target: Target) -> ToleranceBand:
        """The tolerance band of a check of ``target``: its own if the policy names one."""
        for own in self.check_tolerances:
            if own.target is target:
                return own.band
        return self.equity_tolerance if target is Target.EQUITY else self.flow_tolerance

    @property
    def label(self) -> str:
        """``name v3``: how a result, a report or a slide names the policy it was computed under."""
        return f"{self.name} v{self.version}"

    @property
    def max_months(self) -> int:
        """The longest term of any product (a schedule outside a case)."""
        return max(p.max_months for p in self.products)

    @property
    def max_annual_rate(self) -> Decimal:
        """The highest rate of any product (a schedule outside a case)."""
        return max(p.max_annual_rate for p in self.products)


DEFAULT_POLICY = CreditPolicy()
"""Today's numbers: what a new store is seeded with and a case file without a policy is computed under."""


def validate_policy(policy: CreditPolicy) -> CreditPolicy:
    """Return ``policy`` if every computation can use it.

    Raises:
        ValidationError: the first faulty field, e.g. ``alpha`` (α must lie in (0, 1]).
    """
    if not policy.name.strip():
        raise ValidationError("name", "required")
    if policy.version < 1:
        raise ValidationError("version", "must_be_positive", value=policy.version)
    _share("alpha", policy.alpha)
    if not policy.sensitivities:
        raise ValidationError("sensitivities", "required")
    for index, share in enumerate(policy.sensitivities):
        _share(f"sensitivities[{index}]", share)
    _band("flow_tolerance", policy.flow_tolerance)
    _band("equity_tolerance", policy.equity_tolerance)
    for index, own in enumerate(policy.check_tolerances):
        _band(f"check_tolerances[{index}].band", own.band)
    if policy.days_per_month not in DAYS_PER_MONTH_CHOICES:
        _choice("days_per_month", policy.days_per_month, DAYS_PER_MONTH_CHOICES)
    if policy.rounding.loan_unit not in LOAN_UNITS:
        _choice("rounding.loan_unit", policy.rounding.loan_unit, LOAN_UNITS)
    if policy.rounding.instalment_unit not in INSTALMENT_UNITS:
        _choice("rounding.instalment_unit", policy.rounding.instalment_unit, INSTALMENT_UNITS)
    if policy.minimum_cash_buffer < 0:
        raise ValidationError("minimum_cash_buffer", "negative", value=policy.minimum_cash_buffer)
    if policy.min_checks_per_item < 1:
        raise ValidationError("min_checks_per_item", "must_be_positive", value=policy.min_checks_per_item)
    for index, item in enumerate(policy.material_items):
        if item not in MATERIAL_ITEMS:
            _choice(f"material_items[{index}]", item, MATERIAL_ITEMS)
    if not 0 < policy.materiality_share <= 1:
        _share("materiality_share", policy.materiality_share)
    if not policy.products:
        raise ValidationError("products", "required")
    names: set[str] = set()
    for index, product in enumerate(policy.products):
        if product.name in names:
            raise ValidationError(f"products[{index}].name", "duplicate_id", value=product.name)
        names.add(product.name)
        _product(f"products[{index}]", product)
    return policy


def _product(at: str, p: Product) -> None:
    if not p.name.strip():
        raise ValidationError(f"{at}.name", "required")
    if p.min_amount < 0:
        raise ValidationError(f"{at}.min_amount", "negative", value=p.min_amount)
    _ordered(f"{at}.max_amount", p.min_amount, p.max_amount)
    if not 1 <= p.min_months <= MAX_TERM_MONTHS:
        raise ValidationError(
            f"{at}.min_months", "out_of_range", min=1, max=MAX_TERM_MONTHS, value=p.min_months
        )
    if p.max_months > MAX_TERM_MONTHS:
        raise ValidationError(
            f"{at}.max_months", "out_of_range", min=1, max=MAX_TERM_MONTHS, value=p.max_months
        )
    _ordered(f"{at}.max_months", p.min_months, p.max_months)
    if p.min_annual_rate < 0:
        raise ValidationError(f"{at}.min_annual_rate", "negative", value=p.min_annual_rate)
    if not 0 < p.max_annual_rate <= 1:
        _share(f"{at}.max_annual_rate", p.max_annual_rate)
    _ordered(f"{at}.max_annual_rate", p.min_annual_rate, p.max_annual_rate)
    if not p.methods:
        raise ValidationError(f"{at}.methods", "required")
    if p.first_loan_cap is not None:
        if p.first_loan_cap <= 0:
            raise ValidationError(f"{at}.first_loan_cap", "must_be_positive", value=p.first_loan_cap)
        _ordered(f"{at}.first_loan_cap", p.min_amount, p.first_loan_cap)


def _share(at: str, value: Decimal) -> None:
    """A share of the month's cash (α, a sensitivity): above 0, at most 1."""
    if not 0 < value <= 1:
        raise ValidationError(at, "share_range", value=value)


def _band(at: str, band: ToleranceBand) -> None:
    if band.ok < 0:
        raise ValidationError(f"{at}.ok", "negative", value=band.ok)
    if band.ok > band.explain:
        raise ValidationError(f"{at}.explain", "band_order", ok=band.ok, explain=band.explain)


def _ordered(at: str, low: Decimal | int, high: Decimal | int) -> None:
    if low > high:
        raise ValidationError(at, "min_above_max", min=low, max=high)


def _choice(at: str, value: object, choices: tuple[object, ...]) -> None:
    raise ValidationError(at, "invalid_choice", value=value, choices=", ".join(str(c) for c in choices))


def policy_to_plain(policy: CreditPolicy) -> dict[str, Any]:
    """The policy as plain JSON data, every field written (the store's and the case file's form)."""
    return typing.cast("dict[str, Any]", encode(policy, full=True))


def policy_from_plain(data: Any, path: str = "policy") -> CreditPolicy:
    """A validated policy from plain data; a field left out takes today's default.

    Raises:
        ValidationError: a field of the wrong type, unknown, or refused by ``validate_policy``.
    """
    policy = decode(CreditPolicy, data, path)
    try:
        return validate_policy(policy)
    except ValidationError as error:
        raise error.at(path) from None


def document_policy(document: Any) -> CreditPolicy | None:
    """The policy a case-file document carries (its ``policy`` key), or None when it carries none.

    Raises:
        ValidationError: the policy is refused (paths start at ``policy``).
    """
    if not isinstance(document, dict) or document.get("policy") is None:
        return None
    return policy_from_plain(document["policy"], "policy")
