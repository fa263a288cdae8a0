"""Is the case ready for the committee? The rules of the write-up §5/§10 (docs/domain-decisions.md).

- Each *material* item (``material_items``) needs ``min_checks_per_item`` (2) distinct methods whose checks
  count: standing (not superseded), computed (a figure, not a yes/no logic check), backed by at least one
  evidence item of the case, and OK — or EXPLAIN with a real explanation, or overridden by a named reviewer
  with a real reason. A FAIL counts only when overridden; otherwise it blocks until a re-computation that
  supersedes it passes.
- A check that computed nothing (an input or its period missing) is refused: ``inputs_missing`` blocks.
- Overrides are listed for the committee (advice ``check_overridden``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from workbench.domain.cross_checks import CheckMethod
from workbench.domain.explanations import real_explanation
from workbench.domain.formatting import HYPHEN
from workbench.domain.formatting import deviation as deviation_text
from workbench.domain.status import Status

if TYPE_CHECKING:
    from collections.abc import Collection, Mapping

    from workbench.domain.cross_checks import CrossCheckResult
    from workbench.domain.equity import EquityResult
    from workbench.domain.policy import CreditPolicy

__all__ = [
    "Issue",
    "Severity",
    "check_issues",
    "counted",
    "equity_issues",
    "material_items",
    "real_explanation",
]


REQUIRED_METHODS = {"income": CheckMethod.M15}
"""A material item one of whose methods must be this one: income is verified from documents (M15)."""


class Severity(StrEnum):
    BLOCKING = "blocking"
    ADVICE = "advice"


@dataclass(frozen=True, slots=True)
class Issue:
    """One finding; ``code`` keys its sentence (``workbench.texts.labels.ISSUE_TEXTS``)."""

    severity: Severity
    code: str
    subject: str = ""
    params: dict[str, str] = field(default_factory=dict)


def counted(result: CrossCheckResult, evidence: Collection[str]) -> bool:
    """Whether a check counts toward its item's methods (module doc); ``evidence``: the case's ids."""
    if result.superseded_by or result.deviation is None or not result.computed:
        return False  # a logic check has no deviation: it supports an item but does not size it
    if not any(ref in evidence for ref in result.evidence):
        return False
    if result.status is Status.OK:
        return True
    if result.status is Status.EXPLAIN:
        return result.explained or result.overridden
    return result.overridden


def _deviation(result: CrossCheckResult) -> dict[str, str]:
    return {"deviation": deviation_text(result.deviation, minus=HYPHEN), "status": result.status.value}


def check_issues(
    checks: tuple[CrossCheckResult, ...],
    min_methods: int,
    items: Collection[str],
    evidence: Collection[str],
) -> list[Issue]:
    """Refused, failed, unexplained and overridden checks, then material items with too few methods."""
    issues: list[Issue] = []
    for result in checks:
        if result.superseded_by:
            continue  # the re-computation that replaces it is judged instead
        if not result.computed:
            missing = ", ".join(result.missing) or "—"
            issues.append(Issue(Severity.BLOCKING, "inputs_missing", result.id, {"value": missing}))
            continue
        if result.status is Status.OK or (result.status is Status.EXPLAIN and result.explained):
            continue
        if result.overridden:
            params = {
                "reviewer": result.override_by.strip(),
                "reason": result.override_reason.strip(),
                "deviation": deviation_text(result.deviation, minus=HYPHEN),
            }
            issues.append(Issue(Severity.ADVICE, "check_overridden", result.id, params))
        elif result.status is Status.FAIL:
            issues.append(Issue(Severity.BLOCKING, "check_failed", result.id, _deviation(result)))
        else:
            issues.append(Issue(Severity.BLOCKING, "check_unexplained", result.id, _deviation(result)))
    for item in items:
        methods = {r.method for r in checks if r.item == item and counted(r, evidence)}
        if len(methods) < min_methods:
            params = {"count": str(len(methods)), "minimum": str(min_methods)}
            issues.append(Issue(Severity.BLOCKING, "too_few_checks", item, params))
        required = REQUIRED_METHODS.get(item)
        if required is not None and required not in methods:
            issues.append(Issue(Severity.BLOCKING, "method_required", item, {"method": required.value}))
    return issues


def material_items(
    business: bool, figures: Mapping[str, Decimal | None], policy: CreditPolicy
) -> tuple[str, ...]:
    """The items the committee needs ≥ 2 methods for, in the order they are reported.

    A business loan: sales and gross margin always; operating expenses and household spending from
    ``materiality_share`` of the average month's sales and other income. A loan without a business
    (consumer, salaried): the income and the household's spending always. Both: inventory, receivables and
    debts from that share of total assets. Only items listed in ``policy.material_items`` are kept.
    """
    share = policy.materiality_share

    def amount(name: str) -> Decimal:
        return figures.get(name) or Decimal(0)

    inflow = amount("sales_avg") + amount("other_income_avg")
    assets = amount("TA")
    found: list[str] = []
    if not business:
        found += [
            "income",
            "household",
        ]  # a salary or pension repays: the income and the household's statement
    else:
        found += ["sales", "gross_margin"]
        found += [
            i
            for i, key in (("expenses", "opex_avg"), ("household", "household_avg"))
            if _large(amount(key), inflow, share)
        ]
    found += [
        item
        for item, key in (("inventory", "inventory"), ("receivables", "receivables"), ("debts", "TL"))
        if _large(amount(key), assets, share)
    ]
    return tuple(i for i in found if i in policy.material_items)


def _large(value: Decimal, base: Decimal, share: Decimal) -> bool:
    return value > 0 and value >= share * base


def equity_issues(equity: EquityResult | None, business_loan: bool) -> list[Issue]:
    """A business loan needs a reconciliation, and a non-OK current pass needs a real explanation."""
    if equity is None:
        return [Issue(Severity.BLOCKING, "equity_missing")] if business_loan else []
    current = equity.current
    if current.status is not Status.OK and not real_explanation(current.finding):
        deviation = deviation_text(current.deviation, minus=HYPHEN)
        return [
            Issue(
                Severity.BLOCKING,
                "equity_unexplained",
                params={"deviation": deviation, "status": current.status.value},
            )
        ]
    return []
