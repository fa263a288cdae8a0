"""A case against the others in the store: guarantee rings (互保), the same people on another open
case, and the household's other loans at this bank.

Decided here (docs/domain-decisions.md, "Across the store"):

* People are matched by ID number only (names repeat; an ID number does not), written without
  spaces and in capitals (the final ``x`` of a resident ID), the same in Python and in the store's
  SQL (``upper(replace(…, ' ', ''))``). A case with no ID number matches nothing.
* The applicant's side is the applicant and her spouse: a guarantor or co-borrower whose
  relationship is "spouse" (IPC treats the family as one unit, so the spouse signs as co-borrower).
* **Same applicant on another open case** (blocking): the applicant or spouse is the applicant or
  spouse of another case still open (not paid off, refused or cancelled). One household, one
  application: the second one is a duplicate or splits the amount to stay under a limit.
* **Guarantee ring** (blocking): following "X guarantees Y's loan" over open cases leads from this
  applicant back to one of this case's own guarantors, e.g. A guarantees B while B guarantees A
  (联保互保 hides the same risk twice). A spouse is family, not a guarantee, so no edge.
* **Loan at this bank** (advice): the household already has a running loan here (contract signed,
  paid out or in monitoring): its outstanding balance must stand once among this case's debts. The
  store cannot see which debt row is that loan, so it asks the officer to confirm.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.domain.case_file import Stage
from workbench.domain.parties import Relationship
from workbench.domain.readiness import Issue, Severity

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from workbench.domain.case_file import CaseFile

CLOSED_STAGES = frozenset({Stage.CLEARANCE, Stage.REFUSED, Stage.CANCELLED})
OPEN_STAGES = frozenset(Stage) - CLOSED_STAGES
RUNNING_STAGES = frozenset({Stage.SIGN, Stage.LOAN, Stage.AFTER_LOAN})
RING_DEPTH = 6
"""How many guarantees a ring may span before the search stops (rings longer than this are rare
and each step is a query of the store)."""

ID_KEY_LENGTH = 40


def id_key(text: str) -> str:
    """An ID number as the store compares it: no spaces, capital letters (at most 40 characters)."""
    return text.replace(" ", "").upper()[:ID_KEY_LENGTH]


@dataclass(frozen=True, slots=True)
class LinkedCase:
    """What the checks need of one case: its people by ID number."""

    case_id: str
    case_number: str
    borrower_name: str
    stage: Stage
    borrower_id: str
    spouse_ids: frozenset[str] = frozenset()
    guarantor_ids: frozenset[str] = frozenset()  # guarantors and co-borrowers other than the spouse

    @property
    def household_ids(self) -> frozenset[str]:
        return frozenset({self.borrower_id, *self.spouse_ids} - {""})

    @property
    def label(self) -> str:
        return f"{self.case_number or self.case_id[:8]} {self.borrower_name}".strip()


def linked_case(case: CaseFile) -> LinkedCase:
    """The people of ``case`` by ID number."""
    spouses: set[str] = set()
    guarantors: set[str] = set()
    for guarantor in case.guarantors:
        key = id_key(guarantor.id_number)
        if not key:
            continue
        (spouses if guarantor.relationship is Relationship.SPOUSE else guarantors).add(key)
    return LinkedCase(
        case.id,
        case.case_number,
        case.borrower.name,
        case.stage,
        id_key(case.borrower.id_number),
        frozenset(spouses),
        frozenset(guarantors),
    )


def same_household_issues(this: LinkedCase, others: Iterable[LinkedCase]) -> list[Issue]:
    """Another open case of the same applicant or spouse (blocking); a running loan of theirs at
    this bank (advice: count it once among the debts)."""
    issues: list[Issue] = []
    mine = this.household_ids
    for other in others:
        if other.case_id == this.case_id or other.stage not in OPEN_STAGES:
            continue
        if not mine & other.household_ids:
            continue
        params = {"case": other.label, "stage": other.stage.value}
        if other.stage in RUNNING_STAGES:
            issues.append(Issue(Severity.ADVICE, "loan_at_this_bank", other.case_id, params))
        else:
            issues.append(Issue(Severity.BLOCKING, "same_applicant_open", other.case_id, params))
    return issues


def guarantee_ring(
    this: LinkedCase, guaranteed_by: Callable[[frozenset[str]], Sequence[LinkedCase]]
) -> list[LinkedCase] | None:
    """The shortest ring of guarantees through ``this`` case, as the cases along it (``this`` first),
    or None.

    ``guaranteed_by(ids)`` gives the open cases in which one of ``ids`` stands as guarantor or
    co-borrower (not as spouse): the loans these people guarantee. The search starts from this
    applicant's household and ends when it reaches a household that guarantees this case.
    """
    start = this.household_ids
    if not start or not this.guarantor_ids:
        return None
    seen = {this.case_id}
    queue: deque[tuple[frozenset[str], list[LinkedCase]]] = deque([(start, [this])])
    while queue:
        people, path = queue.popleft()
        if len(path) > RING_DEPTH:
            break
        for other in guaranteed_by(people):
            if other.case_id in seen or other.stage not in OPEN_STAGES:
                continue
            seen.add(other.case_id)
            if other.household_ids & this.guarantor_ids:
                return [*path, other]
            queue.append((other.household_ids, [*path, other]))
    return None


def ring_issue(ring: Sequence[LinkedCase]) -> Issue:
    names = " → ".join(case.label for case in [*ring, ring[0]])
    return Issue(Severity.BLOCKING, "guarantee_ring", ring[-1].case_id, {"ring": names})
