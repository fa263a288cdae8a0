"""The checks of a case against the others in the store (``workbench.domain.store_links``).

Run before a case goes to the committee (``CommitteeService.submit_case`` refuses on a blocking
one) and for the readiness section, which shows them beside the case's own reasons. One read of
the store; the rules themselves are the domain's.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from workbench.domain.readiness import Severity
from workbench.domain.store_links import guarantee_ring, linked_case, ring_issue, same_household_issues
from workbench.store.link_queries import LinkQueries

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from workbench.domain.case_file import CaseFile
    from workbench.domain.policy import CreditPolicy
    from workbench.domain.readiness import Issue


def store_issues(session: Session, case: CaseFile, policy: CreditPolicy) -> list[Issue]:
    """What the other cases of the store say about ``case``: blocking issues first; advice only
    where ``policy`` says these checks do not block (``store_checks_block``)."""
    queries = LinkQueries(session)
    this = linked_case(case)
    issues = same_household_issues(this, queries.households(this.household_ids))
    ring = guarantee_ring(this, queries.guaranteed_by)
    if ring is not None:
        issues.insert(0, ring_issue(ring))
    if not policy.store_checks_block:
        issues = [dataclasses.replace(i, severity=Severity.ADVICE) for i in issues]
    return issues
