"""The credit committee (审贷会): votes, decision rules, amended terms and the monitoring plan.

No source fixes the voting rule; the workbench offers unanimity (default for micro
loans), simple majority and "the chair decides", each with an optional quorum and veto holders
(IPC experts held a veto in Chinese partner banks' committees). Committee what-if changes are *amended
terms*, evaluated here against the officer's figures, never written into them.
"""

from __future__ import annotations

import calendar
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from workbench.domain.errors import ValidationError
from workbench.domain.fields import Amount, LongText, Months, Text
from workbench.domain.loan_request import RateQuote
from workbench.domain.money import ZERO, quantize
from workbench.domain.schedules import Method, Schedule
from workbench.domain.sizing import (
    ProjectionMonth,
    burden_ratio,
    capacity_for,
    check_term,
    plan_schedule,
    project_cash,
    regular_instalment,
    seasonal_weights,
    term_disposable,
)

if TYPE_CHECKING:
    from workbench.domain.policy import CreditPolicy, Product
    from workbench.domain.profit_loss import IncomeStatement


class Vote(StrEnum):
    """A member's vote (the vote words of several Chinese micro-loan systems, merged)."""

    APPROVE_AS_PROPOSED = "approve_as_proposed"  # 批准，无改动 / 同意
    APPROVE_WITH_CHANGES = "approve_with_changes"  # 批准，有变更
    APPROVE_WITH_CONDITIONS = "approve_with_conditions"  # 有条件通过
    RETURN_FOR_RESURVEY = "return_for_resurvey"  # 退回 / 补件 / 重新调查
    DEFER = "defer"  # 缓议
    REJECT = "reject"  # 拒绝 / 否决


APPROVALS = (Vote.APPROVE_AS_PROPOSED, Vote.APPROVE_WITH_CONDITIONS, Vote.APPROVE_WITH_CHANGES)
# Among refusals the more conservative wins a tie: reject before a re-survey before deferring.
REFUSALS = (Vote.REJECT, Vote.RETURN_FOR_RESURVEY, Vote.DEFER)


class DecisionRule(StrEnum):
    UNANIMOUS = "unanimous"  # 全体一致（小额贷款默认）
    MAJORITY = "majority"  # 多数通过
    CHAIR_DECIDES = "chair_decides"  # 主席决定


class Outcome(StrEnum):
    """The committee's decision on one case; ``NO_QUORUM`` means no decision could be taken."""

    APPROVED_AS_PROPOSED = "approved_as_proposed"
    APPROVED_WITH_CHANGES = "approved_with_changes"
    APPROVED_WITH_CONDITIONS = "approved_with_conditions"
    RETURNED_FOR_RESURVEY = "returned_for_resurvey"
    DEFERRED = "deferred"
    REJECTED = "rejected"
    NO_QUORUM = "no_quorum"


OUTCOME_OF_VOTE = {
    Vote.APPROVE_AS_PROPOSED: Outcome.APPROVED_AS_PROPOSED,
    Vote.APPROVE_WITH_CHANGES: Outcome.APPROVED_WITH_CHANGES,
    Vote.APPROVE_WITH_CONDITIONS: Outcome.APPROVED_WITH_CONDITIONS,
    Vote.RETURN_FOR_RESURVEY: Outcome.RETURNED_FOR_RESURVEY,
    Vote.DEFER: Outcome.DEFERRED,
    Vote.REJECT: Outcome.REJECTED,
}


@dataclass(frozen=True, slots=True)
class Member:
    """A person in the session; the presenting officer and the secretary do not vote."""

    id: Text
    name: Text
    chair: bool = False
    votes: bool = True
    veto: bool = False


@dataclass(frozen=True, slots=True)
class CommitteeRules:
    """A unit's decision rule: how votes combine, how many voters make a quorum."""

    rule: DecisionRule = DecisionRule.UNANIMOUS
    quorum: int = 3


@dataclass(frozen=True, slots=True)
class MemberVote:
    """One member's vote with its reason (mandatory unless approving as proposed) and conditions."""

    member_id: Text
    vote: Vote
    reason: LongText = ""
    conditions: tuple[Text, ...] = ()

    def __post_init__(self) -> None:
        if self.vote is not Vote.APPROVE_AS_PROPOSED and not self.reason.strip():
            raise ValidationError("reason", "required")


@dataclass(frozen=True, slots=True)
class Tally:
    """How the votes fell."""

    counts: dict[Vote, int]
    voters: int
    approvals: int


@dataclass(frozen=True, slots=True)
class Decision:
    """What the rule makes of the votes."""

    outcome: Outcome
    tally: Tally
    vetoed_by: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()

    @property
    def approved(self) -> bool:
        return self.outcome in (
            Outcome.APPROVED_AS_PROPOSED,
            Outcome.APPROVED_WITH_CHANGES,
            Outcome.APPROVED_WITH_CONDITIONS,
        )


def _approval_outcome(votes: list[MemberVote]) -> Outcome:
    """Approval carries the strongest qualifier any approving member attached."""
    kinds = {v.vote for v in votes}
    if Vote.APPROVE_WITH_CHANGES in kinds:
        return Outcome.APPROVED_WITH_CHANGES
    if Vote.APPROVE_WITH_CONDITIONS in kinds:
        return Outcome.APPROVED_WITH_CONDITIONS
    return Outcome.APPROVED_AS_PROPOSED


def _refusal_outcome(votes: list[MemberVote]) -> Outcome:
    """The refusal most members chose; a tie goes to the more conservative one."""
    counts = Counter(v.vote for v in votes if v.vote in REFUSALS)
    best = max(REFUSALS, key=lambda vote: (counts[vote], -REFUSALS.index(vote)))
    return OUTCOME_OF_VOTE[best]


def decide(members: tuple[Member, ...], votes: tuple[MemberVote, ...], rules: CommitteeRules) -> Decision:
    """Apply the session's rule to the votes cast on one case.

    Raises:
        ValidationError: a vote by someone who is not a voting member, two votes by one member, or the
            chair's vote missing under ``CHAIR_DECIDES``.
    """
    voting = {m.id: m for m in members if m.votes}
    seen: set[str] = set()
    for index, v in enumerate(votes):
        if v.member_id not in voting:
            raise ValidationError(f"votes[{index}].member_id", "unknown_reference", value=v.member_id)
        if v.member_id in seen:
            raise ValidationError(f"votes[{index}].member_id", "duplicate_id", value=v.member_id)
        seen.add(v.member_id)
    cast = list(votes)
    counts = Counter(v.vote for v in cast)
    approving = [v for v in cast if v.vote in APPROVALS]
    tally = Tally({vote: counts.get(vote, 0) for vote in Vote}, len(cast), len(approving))
    conditions = tuple(dict.fromkeys(c for v in approving for c in v.conditions))
    if len(cast) < rules.quorum:
        return Decision(Outcome.NO_QUORUM, tally)
    vetoes = [v for v in cast if voting[v.member_id].veto and v.vote not in APPROVALS]
    if vetoes:
        return Decision(_refusal_outcome(vetoes), tally, tuple(v.member_id for v in vetoes))
    if rules.rule is DecisionRule.CHAIR_DECIDES:
        chair = next((v for v in cast if voting[v.member_id].chair), None)
        if chair is None:
            raise ValidationError("votes", "required")
        outcome = OUTCOME_OF_VOTE[chair.vote]
        return Decision(outcome, tally, conditions=tuple(chair.conditions) if chair.vote in APPROVALS else ())
    if rules.rule is DecisionRule.UNANIMOUS:
        approved = len(approving) == len(cast)
    else:
        approved = len(approving) * 2 > len(cast)
    if approved:
        return Decision(_approval_outcome(approving), tally, conditions=conditions)
    return Decision(_refusal_outcome(cast), tally)


# ---- amended terms (what-if) -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Terms:
    """Loan terms as the committee sets them: an amendment, never an edit of the officer's figures."""

    amount: Amount
    term_months: Months
    rate: RateQuote
    method: Method = Method.ANNUITY
    grace_months: Months = 0


@dataclass(frozen=True, slots=True)
class TermsEvaluation:
    """Capacity, schedule and cash projection of one set of terms."""

    terms: Terms
    md_avg: Decimal
    a_max: Decimal
    p_cap: Decimal
    schedule: Schedule
    instalment: Decimal
    ratio: Decimal | None
    within_capacity: bool
    projection: tuple[ProjectionMonth, ...]

    @property
    def projection_minimum(self) -> Decimal | None:
        return min((m.balance for m in self.projection), default=None)


def evaluate_terms(
    statement: IncomeStatement,
    terms: Terms,
    liquid_funds: Decimal,
    own_contribution: Decimal,
    policy: CreditPolicy,
    first_month: int,
    product: Product,
) -> TermsEvaluation:
    """Recompute capacity, instalment, burden ratio and projection for amended terms.

    Raises:
        ValidationError: amount, term, rate or grace out of range (field names of ``Terms``).
    """
    rate = terms.rate.rate(product.max_annual_rate)
    check_term(terms.term_months, terms.grace_months, product.max_months)
    md_avg = statement.average["disposable"]
    alpha = policy.alpha
    a_max = quantize(alpha * md_avg)
    active = terms.term_months - terms.grace_months
    weights = seasonal_weights(statement, alpha, first_month, terms.term_months)
    schedule = plan_schedule(
        terms.amount,
        rate,
        terms.term_months,
        terms.method,
        terms.grace_months,
        policy.rounding,
        weights,
        product.max_months,
    )
    p_cap = (
        quantize(capacity_for(terms.method, a_max, rate, active, weights, terms.grace_months))
        if a_max > 0
        else ZERO
    )
    instalment = regular_instalment(schedule, terms.grace_months)
    disposable = term_disposable(statement, first_month, terms.term_months)
    ratio = burden_ratio(schedule, instalment, md_avg, disposable) if md_avg > 0 else None
    projection = project_cash(statement, schedule, liquid_funds - own_contribution, first_month)
    return TermsEvaluation(
        terms=terms,
        md_avg=md_avg,
        a_max=a_max,
        p_cap=p_cap,
        schedule=schedule,
        instalment=instalment,
        ratio=ratio,
        within_capacity=terms.amount <= p_cap,
        projection=projection,
    )


# ---- after approval ----------------------------------------------------------------------------


class VisitKind(StrEnum):
    FIRST = "first"  # 首次监控：放款后 7 天内核实用途
    REGULAR = "regular"  # 常规监控：每月
    REMINDER = "reminder"  # 还款提醒：到期前 3 天


@dataclass(frozen=True, slots=True)
class PlannedVisit:
    """One planned monitoring step."""

    kind: VisitKind
    due_on: date
    instalment: int | None = None


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's last day (31 Jan + 1 → 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def monitoring_plan(
    disbursed_on: date, term_months: int, *, first_visit_days: int = 7, reminder_days: int = 3
) -> tuple[PlannedVisit, ...]:
    """First visit within 7 days, a monthly visit until repaid, a reminder 3 days before each due date
    (bank practice). Instalment k falls due k months after disbursement."""
    plan = [PlannedVisit(VisitKind.FIRST, disbursed_on + timedelta(days=first_visit_days))]
    for k in range(1, term_months + 1):
        due = add_months(disbursed_on, k)
        plan.append(PlannedVisit(VisitKind.REMINDER, due - timedelta(days=reminder_days), k))
        plan.append(PlannedVisit(VisitKind.REGULAR, due, k))
    return tuple(sorted(plan, key=lambda v: (v.due_on, v.kind != VisitKind.FIRST)))


FIRST_VISIT_DAYS = 7
REMINDER_DAYS = 3

MonitoringKind = VisitKind
"""A step of the standard monitoring plan is one kind of planned visit."""


@dataclass(frozen=True, slots=True)
class MonitoringStep:
    """One step of the standard plan as data: ``due_on`` is the first visit's deadline or the first
    regular visit (``None`` while the disbursement date is unknown), ``count`` the regular visits.
    The reports and the window word it in their language; it is never read back from words."""

    kind: MonitoringKind
    days: int | None = None
    due_on: date | None = None
    count: int | None = None


Monitoring = str | MonitoringStep
"""A monitoring measure: typed by the committee (text, printed as is) or a step of the standard plan."""

DEFAULT_MONITORING: tuple[MonitoringStep, ...] = (
    MonitoringStep(MonitoringKind.FIRST, FIRST_VISIT_DAYS),
    MonitoringStep(MonitoringKind.REGULAR),
)
"""The monitoring plan of an approved loan whose disbursement date is not known yet."""


def standard_monitoring(disbursed_on: date | None, term_months: int | None) -> tuple[MonitoringStep, ...]:
    """The standard post-loan plan as steps: dated when the disbursement date and term are known.

    Args:
        disbursed_on: the (planned) disbursement date, ``None`` while unknown.
        term_months: the loan's term; ``None`` or 0 gives the undated plan.

    Returns:
        ``DEFAULT_MONITORING`` without a date or term; else the first visit with its deadline, the
        monthly visits from the first due date with their count, and the reminder before each due date.
    """
    if disbursed_on is None or not term_months:
        return DEFAULT_MONITORING
    plan = monitoring_plan(
        disbursed_on, term_months, first_visit_days=FIRST_VISIT_DAYS, reminder_days=REMINDER_DAYS
    )
    first = next(v for v in plan if v.kind is VisitKind.FIRST)
    regular = [v for v in plan if v.kind is VisitKind.REGULAR]
    return (
        MonitoringStep(MonitoringKind.FIRST, FIRST_VISIT_DAYS, first.due_on),
        MonitoringStep(MonitoringKind.REGULAR, None, regular[0].due_on, len(regular)),
        MonitoringStep(MonitoringKind.REMINDER, REMINDER_DAYS),
    )


# ---- what the store keeps of sessions and decisions ----------------------------------------------

OPEN = "open"
"""A session that takes agenda cases, votes and decisions."""
MINUTES_SIGNED = "minutes_signed"
"""A closed session: every agenda case decided, the chair's signed minutes archived for each case."""


@dataclass(frozen=True, slots=True)
class SessionInfo:
    """A stored session; ``members`` carry user ids and display names (the chair first)."""

    id: str
    held_on: date
    place: str
    chair_id: str
    secretary: str
    rules: CommitteeRules
    status: str
    members: tuple[Member, ...]
    usernames: dict[str, str]
    secretary_id: str | None = None  # the user who records votes on members' behalf (None: older sessions)


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """One line of the session list."""

    id: str
    held_on: date
    place: str
    chair: str
    status: str
    cases: int
    decided: int


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """A case on a session's agenda, pinned to the version the committee sees."""

    id: str
    session_id: str
    case_id: str
    position: int
    case_version: int


@dataclass(frozen=True, slots=True)
class StoredDecision:
    """A decision as recorded: outcome, final terms (``None`` unless approved), conditions, monitoring.

    ``monitoring`` is data: steps of the standard plan and the committee's typed measures.
    """

    outcome: Outcome
    amount: Decimal | None
    term_months: int | None
    annual_rate_percent: Decimal | None
    method: Method | None
    conditions: tuple[str, ...]
    monitoring: tuple[Monitoring, ...]
    reasons: str
    decided_at: datetime
    minutes_signed: bool
