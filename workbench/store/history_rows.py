"""Case history (one snapshot per save) and the append-only audit trail."""

from __future__ import annotations

import uuid

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Index, Integer, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.domain.records import ChangeAction
from workbench.store.orm_base import Base, Json, Moment, one_of

ACTIONS = [a.value for a in ChangeAction]
HASH = 64
"""Length of a SHA-256 in hex."""


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
    policy_version: Mapped[int] = mapped_column(Integer, server_default="1")
    """The credit policy version this version was computed under (migration 0017)."""

    __table_args__ = (one_of("action", ACTIONS),)


class AuditEntryRow(Base):
    """One change: the database refuses UPDATE and DELETE on this table (triggers, see append_only).

    ``case_id`` has no foreign key on purpose: the trail outlives a deleted case. ``seq``,
    ``prev_hash`` and ``entry_hash`` chain the entries (``workbench.store.audit_chain``); ``db_login``
    is the database login that wrote the entry (PostgreSQL's ``session_user``; NULL on SQLite).
    Entries are added through ``audit_chain.append_audit`` only.
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
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))
    prev_hash: Mapped[str] = mapped_column(String(HASH))
    entry_hash: Mapped[str] = mapped_column(String(HASH))
    db_login: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index(None, "case_id", "id"),
        Index(None, "seq", unique=True),
        one_of("action", ACTIONS),
    )


class AuditChainHeadRow(Base):
    """The end of the audit chain (one row, ``id`` 1): the last entry's ``seq`` and ``entry_hash``.

    Removing the newest entries leaves the head pointing past them, so that shows too.
    """

    __tablename__ = "audit_chain_head"

    id: Mapped[int] = mapped_column(SmallInteger, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))
    hash: Mapped[str] = mapped_column(String(HASH))

    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)


class AuditPendingRow(Base):
    """PostgreSQL: a unit of work's audit lines until it commits; a deferred trigger then moves them
    into ``audit_entry``, so the chain's head is locked during the commit only (migration 0016).
    Never read by the app (people may only insert); always empty on SQLite."""

    __tablename__ = "audit_pending"

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    user_id: Mapped[uuid.UUID | None]
    case_id: Mapped[uuid.UUID | None]
    action: Mapped[str] = mapped_column(String(16))
    field: Mapped[str | None] = mapped_column(Text)
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
