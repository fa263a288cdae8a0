"""Credit committee (贷审会): sessions, members, agenda, votes and decisions (``committee_repository``)."""

from __future__ import annotations

import uuid

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from workbench.store.orm_base import Base, Code, Day, Exact, Long, Moment, Short


class CommitteeSessionRow(Base):
    __tablename__ = "committee_session"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    held_on: Mapped[Day]
    place: Mapped[Short]
    chair_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"))
    secretary: Mapped[Short]  # the name the minutes print
    # The user who keeps the record and types votes on members' behalf (migration 0010; older rows: none).
    secretary_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))
    rule: Mapped[Code]
    status: Mapped[Code]
    quorum: Mapped[int] = mapped_column(Integer, server_default="3")

    __table_args__ = (CheckConstraint("quorum >= 1", name="quorum"),)


class CommitteeMemberRow(Base):
    """A person of a session: the chair, voting members, non-voting guests; ``veto`` holders."""

    __tablename__ = "committee_member"

    session_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("committee_session.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    chair: Mapped[bool]
    votes: Mapped[bool]
    veto: Mapped[bool]


class CommitteeAgendaItemRow(Base):
    """A case on a session's agenda, pinned to the version the committee sees."""

    __tablename__ = "committee_agenda_item"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    session_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("committee_session.id", ondelete="CASCADE"))
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"))
    position: Mapped[int] = mapped_column(Integer)
    case_version: Mapped[int] = mapped_column(Integer)

    __table_args__ = (UniqueConstraint("session_id", "position"), UniqueConstraint("session_id", "case_id"))


class CommitteeVoteRow(Base):
    """A vote as cast; append-only: a re-vote is the member's next ``revision`` (the newest counts).
    ``recorded_by`` is who typed it: the member herself or the session's secretary."""

    __tablename__ = "committee_vote"

    agenda_item_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("committee_agenda_item.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"), primary_key=True)
    revision: Mapped[int] = mapped_column(Integer, primary_key=True, server_default="1")
    vote: Mapped[Code]
    conditions: Mapped[Long]
    comment: Mapped[Long]
    cast_at: Mapped[Moment]
    recorded_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))


class CommitteeDecisionRow(Base):
    __tablename__ = "committee_decision"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("committee_agenda_item.id", ondelete="CASCADE"), unique=True
    )
    outcome: Mapped[Code]
    amount_minor: Mapped[int | None] = mapped_column(BigInteger)
    term_months: Mapped[int | None]
    annual_rate: Mapped[Exact | None]
    method: Mapped[Code | None]
    conditions: Mapped[Long]
    monitoring: Mapped[Long]
    reasons: Mapped[Long]
    decided_at: Mapped[Moment]
    minutes_signed: Mapped[bool]


class CaseSubmissionRow(Base):
    """A case version handed to the committee (``domain.lifecycle``: the submitted version).

    One row per submission, oldest first; the newest is the case's submitted version. A returned
    case that is submitted again adds a row for its new version.
    """

    __tablename__ = "case_submission"

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    case_version: Mapped[int] = mapped_column(Integer)
    submitted_at: Mapped[Moment]
    submitted_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"))

    __table_args__ = (UniqueConstraint("case_id", "case_version"),)


class StageMoveRow(Base):
    """Every stage change the lifecycle allows and by which step (``domain.lifecycle.TRANSITIONS``,
    written out by migration 0010); PostgreSQL's triggers read it, a test compares it with the machine."""

    __tablename__ = "stage_move"

    source: Mapped[str] = mapped_column(String(40), primary_key=True)
    target: Mapped[str] = mapped_column(String(40), primary_key=True)
    step: Mapped[str] = mapped_column(String(40))
