"""Attachments (photos, scans), the archive of signed reports and the registry of signing certificates."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.domain.records import ReportKind
from workbench.store.orm_base import Base, Moment, Short, one_of
from workbench.store.types import UtcDateTime


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


class RegisteredCertificateRow(Base):
    """A person's signing certificate, registered by an administrator (the archive's trust anchor).

    Never deleted and never changed except for its revocation, once (the database refuses anything
    else, migration 0011): a report archived under it keeps pointing at what was registered.
    """

    __tablename__ = "registered_certificate"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"))
    certificate: Mapped[bytes] = mapped_column(LargeBinary)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    subject: Mapped[str] = mapped_column(Text)
    serial: Mapped[str] = mapped_column(String(100))
    not_before: Mapped[Moment]
    not_after: Mapped[Moment]
    registered_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"))
    registered_at: Mapped[Moment]
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    revoked_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))

    __table_args__ = (Index(None, "user_id"),)
