"""``SqlArchiveRepository``: signed reports, added and read, never changed (the database refuses)."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select

from workbench.domain.records import ArchivedReport, CaseNotFoundError, ChangeAction, ReportKind
from workbench.store.archive_rows import SignedReportRow
from workbench.store.audit_chain import AuditLine, append_audit
from workbench.store.case_rows import CaseFileRow
from workbench.store.history_rows import CaseVersionRow
from workbench.store.mappers import case_uuid

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True, slots=True)
class SignedBy:
    """What a verified PDF says: its signers, the last signature's time, the case version it shows."""

    signer: str
    signed_at: datetime
    case_version: int
    case_sha256: str


def _report(row: SignedReportRow) -> ArchivedReport:
    return ArchivedReport(
        id=str(row.id),
        case_id=str(row.case_id),
        kind=ReportKind(row.kind),
        sha256=row.sha256,
        size=row.size,
        signer=row.signer,
        signed_at=row.signed_at,
        case_version=row.case_version,
        case_sha256=row.case_sha256,
        created_by=str(row.created_by),
    )


class SqlArchiveRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def version_sha256(self, case_id: str, version: int) -> str | None:
        """The content hash of the stored version ``version`` of the case (``None``: no such version)."""
        return self._session.scalar(
            select(CaseVersionRow.content_sha256).where(
                CaseVersionRow.case_id == case_uuid(case_id), CaseVersionRow.version == version
            )
        )

    def archive_report(
        self, case_id: str, kind: ReportKind, pdf: bytes, signed: SignedBy, user_id: str
    ) -> ArchivedReport:
        """Add a signed PDF, pinned to the case version it was made from (the services verified it).

        Raises:
            CaseNotFoundError: no such case.
        """
        key = case_uuid(case_id)
        if self._session.scalar(select(CaseFileRow.id).where(CaseFileRow.id == key)) is None:
            raise CaseNotFoundError(case_id=case_id)
        now = datetime.now(UTC)
        user = uuid.UUID(user_id)
        row = SignedReportRow(
            id=uuid.uuid4(),
            case_id=key,
            kind=kind.value,
            pdf=pdf,
            sha256=hashlib.sha256(pdf).hexdigest(),
            size=len(pdf),
            signer=signed.signer,
            signed_at=signed.signed_at,
            case_version=signed.case_version,
            case_sha256=signed.case_sha256,
            created_at=now,
            created_by=user,
        )
        self._session.add(row)
        self._session.flush()
        append_audit(
            self._session,
            [AuditLine(key, ChangeAction.ARCHIVE.value, f"signed_report.{kind.value}", None, row.sha256)],
            user,
        )
        return _report(row)

    def list_reports(self, case_id: str) -> list[ArchivedReport]:
        query = (
            select(SignedReportRow)
            .where(SignedReportRow.case_id == case_uuid(case_id))
            .order_by(SignedReportRow.signed_at, SignedReportRow.created_at)
        )
        return [_report(r) for r in self._session.scalars(query)]

    def report_pdf(self, report_id: str) -> bytes:
        pdf = self._session.scalar(
            select(SignedReportRow.pdf).where(SignedReportRow.id == uuid.UUID(report_id))
        )
        if pdf is None:
            raise CaseNotFoundError(report_id=report_id)
        return pdf

    def copies_of(self, case_sha256: str, kind: ReportKind) -> list[bytes]:
        """Every archived PDF of ``kind`` made from the case content ``case_sha256``."""
        query = select(SignedReportRow.pdf).where(
            SignedReportRow.case_sha256 == case_sha256, SignedReportRow.kind == kind.value
        )
        return list(self._session.scalars(query))
