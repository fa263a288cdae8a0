"""The credit policy's versions in the store: the one in force, any by number, and a new one.

A version is written once (``CreditPolicyRow``): saving an edit writes the next number, and the
database refuses any change to a written one (migration 0017). The audit trail records each new
version: PostgreSQL's trigger writes the entry itself; on SQLite ``add`` appends it here.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from workbench.domain.policy import CreditPolicy, policy_from_plain, policy_to_plain
from workbench.domain.records import ChangeAction, PolicyNotFoundError
from workbench.store.audit_chain import AuditLine, append_audit
from workbench.store.people_rows import AppUserRow
from workbench.store.policy_rows import CreditPolicyRow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

AUDIT_FIELD = "row.credit_policy"
"""The audit entry's field, as PostgreSQL's row trigger names it (``row.<table>``)."""


@dataclass(frozen=True, slots=True)
class PolicyVersion:
    """One stored version: its number and name, who wrote it (None: seeded) and when."""

    version: int
    name: str
    created_at: datetime
    created_by: str | None
    created_by_name: str = ""


@functools.lru_cache(maxsize=64)
def _decoded(document: str) -> CreditPolicy:
    # A written version never changes: its text decodes to the same policy every time.
    return policy_from_plain(json.loads(document))


def policy_document(policy: CreditPolicy) -> str:
    """The stored text of ``policy``: its full plain data as canonical JSON."""
    return json.dumps(policy_to_plain(policy), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class SqlPolicyRepository:
    """Policy versions, in the caller's unit of work."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def current(self) -> CreditPolicy:
        """The version in force (the newest)."""
        row = self._session.scalars(
            select(CreditPolicyRow).order_by(CreditPolicyRow.version.desc()).limit(1)
        ).first()
        if row is None:
            raise PolicyNotFoundError(version=0)
        return _decoded(row.document)

    def get(self, version: int) -> CreditPolicy:
        row = self._session.get(CreditPolicyRow, version)
        if row is None:
            raise PolicyNotFoundError(version=version)
        return _decoded(row.document)

    def versions(self) -> list[PolicyVersion]:
        """Every version, newest first."""
        query = (
            select(CreditPolicyRow, AppUserRow.username)
            .outerjoin(AppUserRow, AppUserRow.id == CreditPolicyRow.created_by)
            .order_by(CreditPolicyRow.version.desc())
        )
        return [
            PolicyVersion(
                r.version, r.name, r.created_at, str(r.created_by) if r.created_by else None, name or ""
            )
            for r, name in self._session.execute(query).all()
        ]

    def add(self, policy: CreditPolicy, user_id: str) -> CreditPolicy:
        """Write ``policy`` as the next version (its own ``version`` is replaced) and audit it.

        Raises:
            ValidationError: the policy is not usable (``validate_policy``).
        """
        newest = self._session.scalar(select(func.max(CreditPolicyRow.version))) or 0
        stored = policy_from_plain(policy_to_plain(dataclasses.replace(policy, version=newest + 1)))
        document = policy_document(stored)
        user = uuid.UUID(user_id)
        row = CreditPolicyRow(
            version=stored.version,
            name=stored.name,
            document=document,
            created_at=datetime.now(UTC),
            created_by=user,
        )
        self._session.add(row)
        self._session.flush()
        if self._session.connection().dialect.name != "postgresql":  # PostgreSQL's trigger audits it
            append_audit(
                self._session,
                [AuditLine(None, ChangeAction.CREATE.value, AUDIT_FIELD, None, document)],
                named_user=user,
            )
        return stored
