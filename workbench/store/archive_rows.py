"""Attachments (photos, scans) and the archive of signed reports."""

from __future__ import annotations

import uuid

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from workbench.domain.records import ReportKind
from workbench.store.orm_base import Base, Moment, Short, one_of


class AttachmentRow(Base):
    """A file behind an evidence item; ``evidence_id`` matches ``evidence_item.evidence_id``."""

    __tablename__ = "attachment"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    evidence_id: Mapped[Short]
    file_name: Mapped[Short]
    media_type: Mapped[str] = mapped_column(String(100))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[Moment]
    created_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"))

    __table_args__ = (Index(None, "case_id", "evidence_id"),)


class SignedReportRow(Base):
    """A signed PDF, immutable: a new export adds a row; UPDATE and DELETE are refused by the database.

    ``case_version`` and ``case_sha256`` pin the state of the case the report was made from. The case
    cannot be deleted while it has archived reports (no cascade).
    """

    __tablename__ = "signed_report"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"))
    kind: Mapped[str] = mapped_column(String(16))
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    signer: Mapped[Short]
    signed_at: Mapped[Moment]
    case_version: Mapped[int] = mapped_column(Integer)
    case_sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[Moment]
    created_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"))

    __table_args__ = (Index(None, "case_id", "signed_at"), one_of("kind", [k.value for k in ReportKind]))
