"""Is the case ready for the committee? The validation rules of docs/domain-decisions.md.

Decided here (the method leaves it open): sales must carry ≥ ``min_checks_per_item`` counted
checks (not superseded; OK, or explained) and blocks readiness; other items (margin, inventory,
receivables, …) with fewer checks get advice, because the worked cases themselves check them once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from workbench.domain.cross_checks import CheckKind
from workbench.domain.formatting import HYPHEN
from workbench.domain.formatting import deviation as deviation_text
from workbench.domain.status import Status

if TYPE_CHECKING:
    from workbench.domain.cross_checks import CrossCheckResult
    from workbench.domain.equity import EquityResult


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


BLOCKING_ITEMS = ("sales",)
ADVISED_ITEMS = ("gross_margin", "inventory", "receivables")


def counted(result: CrossCheckResult) -> bool:
    """A check counts toward the minimum when it stands (not superseded), derives a figure (not a
    yes/no logic check) and is OK or explained."""
    if result.superseded_by or result.kind is CheckKind.LOGIC:
        return False  # a yes/no consistency check supports an item but does not size it
    return result.status is Status.OK or result.explained


def check_issues(checks: tuple[CrossCheckResult, ...], min_checks: int) -> list[Issue]:
    """Unexplained deviations and items with too few checks."""
    issues: list[Issue] = []
    for result in checks:
        if result.status is not Status.OK and not result.explained:
            issues.append(
                Issue(
                    Severity.BLOCKING,
                    "check_unexplained",
                    result.id,
                    {
                        "deviation": deviation_text(result.deviation, minus=HYPHEN),
                        "status": result.status.value,
                    },
                )
            )
    for item in BLOCKING_ITEMS + ADVISED_ITEMS:
        count = sum(1 for r in checks if r.item == item and counted(r))
        if count >= min_checks:
            continue
        severity = Severity.BLOCKING if item in BLOCKING_ITEMS else Severity.ADVICE
        code = "too_few_checks" if severity is Severity.BLOCKING else "few_checks_advice"
        issues.append(Issue(severity, code, item, {"count": str(count), "minimum": str(min_checks)}))
    return issues


def equity_issues(equity: EquityResult | None, business_loan: bool) -> list[Issue]:
    """A business loan needs a reconciliation, and a non-OK current pass needs its explanation."""
    if equity is None:
        return [Issue(Severity.BLOCKING, "equity_missing")] if business_loan else []
    current = equity.current
    if current.status is not Status.OK and not current.finding.strip():
        deviation = deviation_text(current.deviation, minus=HYPHEN)
        return [
            Issue(
                Severity.BLOCKING,
                "equity_unexplained",
                params={"deviation": deviation, "status": current.status.value},
            )
        ]
    return []
