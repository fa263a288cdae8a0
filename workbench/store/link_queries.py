"""Reads for the checks across the store (``workbench.domain.store_links``): cases by their people.

Each read is one indexed query (``case_file.borrower_id_key``, ``ix_guarantor_id_key``, migration
0013) over the open cases only; the people of the cases found come back with them, so the domain
can follow a guarantee ring without reading whole cases.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, func, or_, select

from workbench.domain.case_file import Stage
from workbench.domain.parties import Relationship
from workbench.domain.store_links import OPEN_STAGES, LinkedCase
from workbench.store.case_rows import CaseFileRow
from workbench.store.detail_rows import GuarantorRow

if TYPE_CHECKING:
    import uuid

    from sqlalchemy.orm import Session

_OPEN = tuple(stage.value for stage in OPEN_STAGES)


class LinkQueries:
    """Cases found by the ID numbers of their people (open cases only)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def _cases(self, case_ids: set[uuid.UUID]) -> list[LinkedCase]:
        if not case_ids:
            return []
        c = CaseFileRow
        rows = self._session.execute(
            select(c.id, c.case_number, c.borrower_name, c.stage, c.borrower_id_key).where(
                c.id.in_(case_ids), c.stage.in_(_OPEN)
            )
        ).all()
        people: dict[uuid.UUID, tuple[set[str], set[str]]] = {r.id: (set(), set()) for r in rows}
        g = GuarantorRow
        key = _guarantor_key()
        for case_id, relationship, id_key in self._session.execute(
            select(g.case_id, g.relationship, key).where(g.case_id.in_(people), key != "")
        ):
            spouses, guarantors = people[case_id]
            (spouses if relationship == Relationship.SPOUSE.value else guarantors).add(id_key)
        return [
            LinkedCase(
                str(r.id),
                r.case_number,
                r.borrower_name,
                Stage(r.stage),
                r.borrower_id_key,
                frozenset(people[r.id][0]),
                frozenset(people[r.id][1]),
            )
            for r in rows
        ]

    def households(self, ids: frozenset[str]) -> list[LinkedCase]:
        """Open cases whose applicant or spouse has one of ``ids``."""
        if not ids:
            return []
        c, g = CaseFileRow, GuarantorRow
        key = _guarantor_key()
        spouse_of = select(g.case_id).where(key.in_(ids), g.relationship == Relationship.SPOUSE.value)
        found = self._session.scalars(
            select(c.id).where(c.stage.in_(_OPEN), or_(c.borrower_id_key.in_(ids), c.id.in_(spouse_of)))
        )
        return self._cases(set(found))

    def guaranteed_by(self, ids: frozenset[str]) -> list[LinkedCase]:
        """Open cases in which one of ``ids`` stands as guarantor or co-borrower (not as spouse)."""
        if not ids:
            return []
        g = GuarantorRow
        key = _guarantor_key()
        found = self._session.scalars(
            select(g.case_id).where(key.in_(ids), g.relationship != Relationship.SPOUSE.value).distinct()
        )
        return self._cases(set(found))


def _guarantor_key() -> ColumnElement[str]:
    """``detail_rows.GUARANTOR_ID_KEY`` as a column expression (the expression index answers it)."""
    return func.upper(func.replace(GuarantorRow.id_number, " ", ""))
