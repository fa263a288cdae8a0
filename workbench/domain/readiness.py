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
    """One finding; ``code`` keys a sentence in ``ISSUE_TEXTS``."""

    severity: Severity
    code: str
    subject: str = ""
    params: dict[str, str] = field(default_factory=dict)


BLOCKING_ITEMS = ("sales",)
ADVISED_ITEMS = ("gross_margin", "inventory", "receivables")

ISSUE_TEXTS: dict[str, dict[str, str]] = {
    "equity_missing": {
        "zh": "经营类贷款缺少权益检验",
        "en": "business loan without an equity reconciliation",
    },
    "equity_unexplained": {
        "zh": "权益检验偏差 {deviation}（{status}）缺少书面说明",
        "en": "equity deviation {deviation} ({status}) has no written explanation",
    },
    "check_unexplained": {
        "zh": "交叉检验 {subject} 偏差 {deviation}（{status}）缺少书面说明",
        "en": "cross-check {subject}: deviation {deviation} ({status}) has no written explanation",
    },
    "too_few_checks": {
        "zh": "{subject} 只有 {count} 项有效交叉检验，至少需要 {minimum} 项",
        "en": "{subject} has {count} counted cross-checks; at least {minimum} are needed",
    },
    "few_checks_advice": {
        "zh": "建议：{subject} 有 {count} 项交叉检验（建议至少 {minimum} 项）",
        "en": "advice: {subject} has {count} cross-checks (at least {minimum} advised)",
    },
    "no_capacity": {
        "zh": "月可支配资金不足，无法支持任何贷款金额",
        "en": "disposable cash supports no loan amount",
    },
    "shares_not_full": {
        "zh": "产品销售占比合计为 {total}，应为 100%",
        "en": "product sales shares add up to {total}, expected 100%",
    },
    "unknown_evidence": {
        "zh": "{subject} 引用了不存在的证据 {value}",
        "en": "{subject} refers to missing evidence {value}",
    },
    "cash_shortfall": {
        "zh": "现金流预测在 {month} 月降至 {balance}，低于最低余额 {minimum}",
        "en": "projected cash falls to {balance} in month {month}, below the minimum {minimum}",
    },
}

ITEM_NAMES: dict[str, dict[str, str]] = {
    "sales": {"zh": "销售额", "en": "sales"},
    "gross_margin": {"zh": "毛利率", "en": "gross margin"},
    "inventory": {"zh": "存货", "en": "inventory"},
    "receivables": {"zh": "应收账款", "en": "receivables"},
    "net_profit": {"zh": "净利润", "en": "net profit"},
    "expenses": {"zh": "营业费用", "en": "operating expenses"},
    "household": {"zh": "家庭开支", "en": "household expenses"},
    "income": {"zh": "收入", "en": "income"},
    "equity": {"zh": "权益", "en": "equity"},
    "soft": {"zh": "软信息", "en": "soft information"},
}


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
