"""What the dossier and the minutes need besides the case: photos, the committee's decision and session.

These small frozen values are what the reports draw from (the committee session and its decisions):
``CommitteeService.minutes_data`` fills them from the store, tests fill them by hand. Whatever the
store generated (the voting rule, the members' flags, the standard monitoring plan) is carried as
data, so the report words it in its own language; only what people typed stays text. Votes and
decisions are the domain's ``Vote`` and ``Outcome``, worded from the one catalogue
(``workbench.texts.labels``) like the window's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from workbench.domain.committee import APPROVALS as APPROVING_VOTES
from workbench.domain.committee import OUTCOME_OF_VOTE, DecisionRule, Outcome, Vote
from workbench.domain.committee import Monitoring as Monitoring  # the plan is domain data
from workbench.domain.committee import MonitoringKind as MonitoringKind
from workbench.domain.committee import MonitoringStep as MonitoringStep
from workbench.domain.schedules import Method

IMAGE_TYPES = ("image/jpeg", "image/png")


@dataclass(frozen=True, slots=True)
class AttachmentImage:
    """A photo or scan for the dossier's photo appendix (JPEG or PNG bytes)."""

    name: str
    media_type: str
    data: bytes
    caption: str = ""

    def __post_init__(self) -> None:
        if self.media_type not in IMAGE_TYPES:
            raise ValueError(f"{self.name}: {self.media_type} is not one of {', '.join(IMAGE_TYPES)}")


APPROVALS = frozenset(OUTCOME_OF_VOTE[vote] for vote in APPROVING_VOTES)
"""The committee's outcomes that approve the loan (the minutes then word a changed amount)."""


class MemberRole(StrEnum):
    CHAIR = "chair"  # 主席
    MEMBER = "member"  # 委员
    SECRETARY = "secretary"  # 记录人
    PRESENTER = "presenter"  # 上会陈述的客户经理（不投票）


@dataclass(frozen=True, slots=True)
class CommitteeMember:
    """A person at the session; ``title`` is the position as typed, the flags are worded by the report."""

    name: str
    role: MemberRole
    title: str = ""
    veto: bool = False  # holds a veto (as IPC experts did in Chinese partner banks' committees)
    votes: bool = True  # False: a member who attends without a vote


@dataclass(frozen=True, slots=True)
class VoteData:
    """A member's vote on one case, with the reason given."""

    member: str
    vote: Vote
    comment: str = ""
    veto: bool = False


@dataclass(frozen=True, slots=True)
class QuestionAnswer:
    """One question of the committee and the officer's answer."""

    question: str
    answer: str
    asked_by: str = ""


@dataclass(frozen=True, slots=True)
class CommitteeDecisionData:
    """The committee's decision on one case, with the final terms (``None`` where not approved)."""

    case_number: str
    borrower: str
    decision: Outcome | None
    business: str = ""
    presenter: str = ""
    requested: Decimal | None = None
    proposed: Decimal | None = None
    amount: Decimal | None = None
    term_months: int | None = None
    annual_rate_percent: Decimal | None = None
    method: Method | None = None
    purpose: str = ""
    co_borrowers: tuple[str, ...] = ()
    guarantors: tuple[str, ...] = ()
    collateral: tuple[str, ...] = ()
    changes: str = ""
    conditions_precedent: tuple[str, ...] = ()
    monitoring: tuple[Monitoring, ...] = ()
    reason: str = ""
    votes: tuple[VoteData, ...] = ()
    questions: tuple[QuestionAnswer, ...] = ()
    instalment: Decimal | None = None
    case_sha256: str = ""
    case_version: int | None = None


@dataclass(frozen=True, slots=True)
class MinutesData:
    """A committee session (审贷会) and its decisions."""

    session_number: str
    held_on: date | None
    place: str
    members: tuple[CommitteeMember, ...]
    decisions: tuple[CommitteeDecisionData, ...]
    rule: DecisionRule | None = None
    quorum: int | None = None
    notes: str = ""
    audit_head: tuple[int, str] | None = None
    """The audit chain's head (entries, last hash) when the minutes were made: printed, so the signed
    minutes fix the trail as it stood (``workbench audit verify``)."""

    @property
    def chair(self) -> str:
        return next((m.name for m in self.members if m.role is MemberRole.CHAIR), "")

    @property
    def voters(self) -> tuple[CommitteeMember, ...]:
        return tuple(m for m in self.members if m.role in (MemberRole.CHAIR, MemberRole.MEMBER))
