"""What the case list asks the store for: filters, the sort order, where the next page starts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from workbench.domain.case_file import Stage


class SortKey(StrEnum):
    """Columns the list sorts by; ``id`` breaks every tie, so the order is total and stable."""

    UPDATED = "updated"  # updated_at, id
    APPLICANT = "applicant"  # borrower_name, id
    CASE_NUMBER = "case_number"  # case_number, id
    STAGE = "stage"  # the stage in process order, then newest change first
    OFFICER = "officer"  # the officer's user name, then newest change first


STAGE_ORDER: tuple[Stage, ...] = tuple(Stage)
"""Process order of the stages (the enum's order: apply … clearance, then the side exits)."""


@dataclass(frozen=True, slots=True)
class CaseListQuery:
    """Filters (all optional, combined with AND) and the order of the case list.

    Date ranges are inclusive calendar days in the officer's local time; ``officer`` is a user name.
    """

    name_like: str = ""
    stage: Stage | None = None
    officer: str | None = None
    updated_from: date | None = None
    updated_to: date | None = None
    created_from: date | None = None
    created_to: date | None = None
    sort: SortKey = SortKey.UPDATED
    descending: bool = True
