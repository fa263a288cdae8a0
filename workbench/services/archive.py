"""``ArchiveService``: signed reports go in, never change, and come back out byte for byte."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.services.permissions import Action, require
from workbench.store.archive_repository import SqlArchiveRepository
from workbench.store.repository import SqlCaseRepository

if TYPE_CHECKING:
    from datetime import datetime

    from workbench.domain.records import ArchivedReport, ReportKind, User
    from workbench.store.db import Sessions


@dataclass(frozen=True, slots=True)
class _Owned:
    officer_id: str


class ArchiveService:
    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    def archive_report(
        self, case_id: str, kind: ReportKind, pdf: bytes, signer: str, signed_at: datetime, user: User
    ) -> ArchivedReport:
        """Add a signed PDF, pinned to the case's current version and content hash."""
        with self._sessions.begin(actor=user) as session:
            owner = SqlCaseRepository(session).owner_of(case_id)
            require(user, Action.ARCHIVE_REPORT, _Owned(owner))
            return SqlArchiveRepository(session).archive_report(
                case_id, kind, pdf, signer, signed_at, user.id
            )

    def list_reports(self, case_id: str, user: User) -> list[ArchivedReport]:
        require(user, Action.READ_CASE)
        with self._sessions.begin() as session:
            return SqlArchiveRepository(session).list_reports(case_id)

    def report_pdf(self, report_id: str, user: User) -> bytes:
        require(user, Action.READ_CASE)
        with self._sessions.begin() as session:
            return SqlArchiveRepository(session).report_pdf(report_id)
