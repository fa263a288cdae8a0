"""The case lifecycle as a state machine: stages, the steps between them and who may take each.

A case moves through the stages of ``Stage`` (the process stages apply … clearance
of the reference loan system, plus the side exits refused and cancelled; see docs/sources.md) by *steps*.
Every allowed move is one ``Transition`` in ``TRANSITIONS`` — data, not code — saying from which
stage to which, by which step, which roles may take it, whether only on the officer's own case,
and whether it needs the committee's decision on the case's submitted version:

* ``save`` — an ordinary save that changes the stage: freely among the stages before the committee
  (申请, 分配, 调查, 撤销), and onwards after an approval (合同 → 签约 → 放款 → 贷后 → 结清, or 撤销);
  never into or out of the committee's hands.
* ``submit`` — the officer hands her ready case to the committee (→ 审批). The version she submits
  is the case's *submitted version*; while the case is in 审批 at that version it is frozen.
  A case returned for re-survey is submitted again the same way, as a new version; so is an approved
  case whose decided figures (the requested amount and term) the officer changes before the loan is
  paid out (合同, 签约 → 审批): after an approval those figures are frozen (``DECIDED_FIGURES``), and
  a save that changes them is refused (``decided_terms_changed``).
* ``add_to_agenda`` — the chair puts a submitted case on a session's agenda (stays in 审批).
* ``decide_approve`` / ``decide_reject`` / ``return`` / ``defer`` — the committee's decision on the
  submitted version moves the case to 合同, 拒绝, back to 调查 (editable again), or leaves it in 审批.

The services ask this module before every step (``check``), the permission table takes the
committee's roles from it (``roles_for``), the window asks ``is_frozen`` to lock a submitted case,
and the store keeps the submitted version and the decisions as rows, so what this machine needs
(``CaseStatus``) is read as data, never reconstructed from the audit trail. A database that enforces
the same rules (triggers, row security) can be generated from ``TRANSITIONS``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from itertools import product
from typing import TYPE_CHECKING

from workbench.domain.case_file import Stage
from workbench.domain.committee import Outcome
from workbench.domain.records import CommitteeError, Role

if TYPE_CHECKING:
    from decimal import Decimal

    from workbench.domain.case_file import CaseFile


class Step(StrEnum):
    """What someone does to move a case (the name of a transition)."""

    SAVE = "save"  # 保存（改变阶段）
    SUBMIT = "submit"  # 提交贷审会
    ADD_TO_AGENDA = "add_to_agenda"  # 列入议程
    DECIDE_APPROVE = "decide_approve"  # 决议：批准
    DECIDE_REJECT = "decide_reject"  # 决议：拒绝
    RETURN = "return"  # 决议：退回重新调查
    DEFER = "defer"  # 决议：缓议


BEFORE_COMMITTEE = frozenset({Stage.APPLY, Stage.ALLOT, Stage.INVESTIGATE, Stage.CANCELLED})
"""Stages an ordinary save moves freely among, before the committee has the case."""
SUBMITTABLE = (Stage.APPLY, Stage.ALLOT, Stage.INVESTIGATE)
"""Stages a case can be submitted to the committee from."""
RESUBMITTABLE = (Stage.CONTRACT, Stage.SIGN)
"""Approved stages from which a case with changed terms goes back to the committee (before the payout)."""
AFTER_APPROVAL_FROM = frozenset({Stage.CONTRACT, Stage.SIGN, Stage.LOAN, Stage.AFTER_LOAN, Stage.CLEARANCE})
AFTER_APPROVAL_TO = frozenset({Stage.SIGN, Stage.LOAN, Stage.AFTER_LOAN, Stage.CLEARANCE, Stage.CANCELLED})
"""After an approval a save moves a case from any of ``AFTER_APPROVAL_FROM`` to any of these."""
FROZEN_STAGES = frozenset({Stage.APPROVAL})
"""Stages in which a case at its submitted version cannot be edited (the committee has it)."""
DECIDED_STAGES = frozenset({Stage.CONTRACT, Stage.REFUSED})
"""Stages a case reaches only with a committee decision on its submitted version."""
APPROVED_STAGES = AFTER_APPROVAL_FROM
"""Stages of an approved case: its decided figures (``DECIDED_FIGURES``) are frozen there."""
DECIDED_FIGURES = ("request.amount", "request.term_months")
"""The figures the committee decided on, as the case keeps them (``case_file.requested_minor`` and
``term_months`` in the store): changing them after an approval takes the case back to the committee."""

EDITORS = frozenset({Role.OFFICER, Role.ADMIN})
"""Who edits a case (an officer: her own) and so moves its stage by saving or submits it."""
COMMITTEE = frozenset({Role.COMMITTEE_CHAIR, Role.ADMIN})
"""Who runs the committee's steps: the agenda and the decision (the session's chair)."""


@dataclass(frozen=True, slots=True)
class Transition:
    """One allowed move of the machine.

    Attributes:
        step: what is done.
        source: the stage the case is in.
        target: the stage it is in afterwards (the same for ``add_to_agenda`` and ``defer``).
        roles: who may take the step.
        own_case: an officer may take it on her own cases only.
        needs_decision: only with the committee's decision on the case's submitted version.
    """

    step: Step
    source: Stage
    target: Stage
    roles: frozenset[Role]
    own_case: bool = False
    needs_decision: bool = False

    def allows(self, role: Role) -> bool:
        """Whether ``role`` may take this step (ownership aside)."""
        return role in self.roles


def _transitions() -> tuple[Transition, ...]:
    saves = [
        Transition(Step.SAVE, a, b, EDITORS, own_case=True)
        for a, b in product(Stage, Stage)
        if a is not b
        and (
            (a in BEFORE_COMMITTEE and b in BEFORE_COMMITTEE)
            or (a in AFTER_APPROVAL_FROM and b in AFTER_APPROVAL_TO)
        )
    ]
    submits = [
        Transition(Step.SUBMIT, a, Stage.APPROVAL, EDITORS, own_case=True)
        for a in (*SUBMITTABLE, *RESUBMITTABLE)
    ]
    committee = [
        Transition(Step.ADD_TO_AGENDA, Stage.APPROVAL, Stage.APPROVAL, COMMITTEE),
        Transition(Step.DECIDE_APPROVE, Stage.APPROVAL, Stage.CONTRACT, COMMITTEE, needs_decision=True),
        Transition(Step.DECIDE_REJECT, Stage.APPROVAL, Stage.REFUSED, COMMITTEE, needs_decision=True),
        Transition(Step.RETURN, Stage.APPROVAL, Stage.INVESTIGATE, COMMITTEE, needs_decision=True),
        Transition(Step.DEFER, Stage.APPROVAL, Stage.APPROVAL, COMMITTEE, needs_decision=True),
    ]
    return (*saves, *submits, *committee)


TRANSITIONS: tuple[Transition, ...] = _transitions()
"""Every allowed move; anything not listed is refused."""

STEP_OF_OUTCOME: dict[Outcome, Step] = {
    Outcome.APPROVED_AS_PROPOSED: Step.DECIDE_APPROVE,
    Outcome.APPROVED_WITH_CHANGES: Step.DECIDE_APPROVE,
    Outcome.APPROVED_WITH_CONDITIONS: Step.DECIDE_APPROVE,
    Outcome.REJECTED: Step.DECIDE_REJECT,
    Outcome.RETURNED_FOR_RESURVEY: Step.RETURN,
    Outcome.DEFERRED: Step.DEFER,
}
"""The step a recorded decision takes (``NO_QUORUM`` decides nothing and takes none)."""

DECISION_STEPS = frozenset(STEP_OF_OUTCOME.values())


@dataclass(frozen=True, slots=True)
class CaseStatus:
    """Where a stored case stands, as the store keeps it (not derived from the audit trail).

    Attributes:
        case_id: the case.
        stage: the stage of the case's newest version.
        version: its newest version.
        submitted_version: the version last submitted to the committee, ``None`` if never.
        decision: the committee's decision on the submitted version, ``None`` while undecided.
    """

    case_id: str
    stage: Stage
    version: int
    submitted_version: int | None = None
    decision: Outcome | None = None

    @property
    def frozen(self) -> bool:
        """Submitted and unchanged since, while the committee has the case (waiting or deferred)."""
        return is_frozen(self.stage, self.version, self.submitted_version)


def is_frozen(stage: Stage, version: int | None = None, submitted_version: int | None = None) -> bool:
    """Whether a case cannot be edited: in a frozen stage at its submitted version.

    Without a version (a window that shows a stored case in ``APPROVAL``) the stage alone decides:
    the newest version of a case that reached a frozen stage by submission is its submitted one.
    A case in a frozen stage that was never submitted (imported so) is not frozen.
    """
    if stage not in FROZEN_STAGES:
        return False
    return version is None or version == submitted_version


def transitions_from(stage: Stage, step: Step | None = None) -> tuple[Transition, ...]:
    """The moves out of ``stage`` (by ``step`` only, when given)."""
    return tuple(t for t in TRANSITIONS if t.source is stage and (step is None or t.step is step))


def find(source: Stage, step: Step, target: Stage | None = None) -> Transition | None:
    """The transition by ``step`` out of ``source`` (to ``target``, when given), if the machine has it."""
    return next(
        (t for t in transitions_from(source, step) if target is None or t.target is target),
        None,
    )


def roles_for(*steps: Step) -> frozenset[Role]:
    """Every role that may take one of ``steps`` from some stage."""
    return frozenset(role for t in TRANSITIONS if t.step in steps for role in t.roles)


def stage_change_allowed(stored: Stage, new: Stage) -> bool:
    """Whether an ordinary save may move a case from ``stored`` to ``new`` (staying is always allowed)."""
    return new is stored or find(stored, Step.SAVE, new) is not None


def check(status: CaseStatus, step: Step, target: Stage | None = None) -> Transition:
    """The transition ``step`` takes from where the case stands, or why the machine refuses it.

    Roles are not checked here (the services refuse with ``PermissionDenied`` by ``roles_for`` and
    ``Transition.allows``); everything about the case's stage, freeze and decision is.

    Args:
        status: where the case stands.
        step: the step asked for.
        target: the stage a save would leave the case in (other steps have one target).

    Returns:
        The transition (for a save that keeps the stage: a synthetic one from the stage to itself).

    Raises:
        CommitteeError: ``case_frozen`` (a save or a submission of a submitted case),
            ``stage_committee_owned`` (a save across the committee), ``case_not_submittable``
            (a submission from a stage that cannot submit), ``case_not_submitted`` (a committee
            step on a case not in 审批), ``decision_missing`` (a decision step without a decision on
            the submitted version).
    """
    if step is Step.SAVE:
        if status.frozen:
            raise CommitteeError("case_frozen", case_id=status.case_id)
        new = status.stage if target is None else target
        if new is status.stage:
            return Transition(Step.SAVE, new, new, EDITORS, own_case=True)
        found = find(status.stage, Step.SAVE, new)
        if found is None:
            raise CommitteeError("stage_committee_owned", case_id=status.case_id, stage=new.value)
        return found
    found = find(status.stage, step, target)
    if found is None:
        if step is Step.SUBMIT:
            raise CommitteeError("case_not_submittable", case_id=status.case_id, stage=status.stage.value)
        raise CommitteeError("case_not_submitted", case_id=status.case_id, stage=status.stage.value)
    if found.needs_decision and (status.decision is None or STEP_OF_OUTCOME.get(status.decision) is not step):
        raise CommitteeError("decision_missing", case_id=status.case_id, step=step.value)
    return found


def check_new(case: CaseFile) -> None:
    """Refuse a new case (created or imported) in a stage only the committee's path reaches: a case
    starts in one of ``BEFORE_COMMITTEE``.

    Raises:
        CommitteeError: ``stage_committee_owned``.
    """
    if case.stage not in BEFORE_COMMITTEE:
        raise CommitteeError("stage_committee_owned", case_id=case.id, stage=case.stage.value)


def check_decided_figures(
    status: CaseStatus, before: tuple[Decimal, int], after: tuple[Decimal, int]
) -> None:
    """Refuse a save that changes the decided figures (``DECIDED_FIGURES``: amount, term) of an approved
    case (``APPROVED_STAGES``): such a change goes back to the committee as a new version (a
    ``submit`` from 合同 or 签约).

    Raises:
        CommitteeError: ``decided_terms_changed``.
    """
    if status.stage in APPROVED_STAGES and before != after:
        raise CommitteeError("decided_terms_changed", case_id=status.case_id)


def after_decision(outcome: Outcome) -> Stage:
    """The stage a decision leaves the case in (``APPROVAL`` for a deferral)."""
    step = STEP_OF_OUTCOME[outcome]
    found = find(Stage.APPROVAL, step)
    assert found is not None  # every decision step leaves 审批
    return found.target
