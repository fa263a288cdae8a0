"""Case history (one snapshot per save) and the append-only audit trail."""

from __future__ import annotations

import uuid

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.domain.records import ChangeAction
from workbench.store.orm_base import Base, Json, Moment, one_of

ACTIONS = [a.value for a in ChangeAction]


class CaseVersionRow(Base):
    """A case as it was saved: the full canonical codec JSON, who, when, and which fields changed."""

    __tablename__ = "case_version"

    case_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("case_file.id", ondelete="CASCADE"), primary_key=True
    )
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    action: Mapped[str] = mapped_column(String(16))
    saved_at: Mapped[Moment]
    saved_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"))
    content_sha256: Mapped[str] = mapped_column(String(64))
    document: Mapped[Json]
    changed_json: Mapped[Json]
    changed_count: Mapped[int]

    __table_args__ = (one_of("action", ACTIONS),)


class AuditEntryRow(Base):
    """One change: the database refuses UPDATE and DELETE on this table (triggers, see append_only).

    ``case_id`` has no foreign key on purpose: the trail outlives a deleted case.
    """

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    at: Mapped[Moment]
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"))
    case_id: Mapped[uuid.UUID | None]
    action: Mapped[str] = mapped_column(String(16))
    field: Mapped[str | None] = mapped_column(Text)
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index(None, "case_id", "id"), one_of("action", ACTIONS))
