"""``SqlAttachmentRepository``: the files behind a case's evidence items, one per evidence id.

The bytes are checked by the service (type, size, hash) before they get here; the repository keeps
them, lists them without reading the bytes, and gives them back as they were.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select

from workbench.domain.attachments import AttachmentInfo
from workbench.domain.records import CaseNotFoundError, ChangeAction
from workbench.store.archive_rows import AttachmentRow
from workbench.store.audit_chain import AuditLine, append_audit
from workbench.store.case_rows import CaseFileRow
from workbench.store.mappers import case_uuid

if TYPE_CHECKING:
    from collections.abc import Collection

    from sqlalchemy.orm import Session

_INFO_COLUMNS = (
    AttachmentRow.case_id,
    AttachmentRow.evidence_id,
    AttachmentRow.file_name,
    AttachmentRow.media_type,
    AttachmentRow.sha256,
    AttachmentRow.size,
    AttachmentRow.created_at,
    AttachmentRow.created_by,
)


def _info(r: Any) -> AttachmentInfo:
    """From a row of ``_INFO_COLUMNS``."""
    return AttachmentInfo(
        case_id=str(r.case_id),
        evidence_id=r.evidence_id,
        file_name=r.file_name,
        media_type=r.media_type,
        sha256=r.sha256,
        size=r.size,
        created_at=r.created_at,
        created_by=str(r.created_by),
    )


class SqlAttachmentRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def put(
        self, case_id: str, evidence_id: str, file_name: str, media_type: str, content: bytes, user_id: str
    ) -> AttachmentInfo:
        """Keep ``content`` as the file of ``evidence_id``, replacing the one it had.

        Raises:
            CaseNotFoundError: no such case.
        """
        key = case_uuid(case_id)
        if self._session.scalar(select(CaseFileRow.id).where(CaseFileRow.id == key)) is None:
            raise CaseNotFoundError(case_id=case_id)
        sha = hashlib.sha256(content).hexdigest()
        existing = self._session.scalar(
            select(AttachmentRow.sha256).where(
                AttachmentRow.case_id == key, AttachmentRow.evidence_id == evidence_id
            )
        )
        if existing == sha:  # the same bytes again (a retried save): nothing to write
            return self.info(case_id, evidence_id)
        self._delete(key, [evidence_id])
        now, user = datetime.now(UTC), uuid.UUID(user_id)
        self._session.add(
            AttachmentRow(
                id=uuid.uuid4(),
                case_id=key,
                evidence_id=evidence_id,
                file_name=file_name,
                media_type=media_type,
                content=content,
                sha256=sha,
                size=len(content),
                created_at=now,
                created_by=user,
            )
        )
        self._audit(user_id, key, f"attachment.{evidence_id}", existing, sha)
        self._session.flush()
        return self.info(case_id, evidence_id)

    def info(self, case_id: str, evidence_id: str) -> AttachmentInfo:
        """The stored file of one evidence item, without its bytes.

        Raises:
            CaseNotFoundError: no file for that evidence item.
        """
        row = self._session.execute(
            select(*_INFO_COLUMNS).where(
                AttachmentRow.case_id == case_uuid(case_id), AttachmentRow.evidence_id == evidence_id
            )
        ).one_or_none()
        if row is None:
            raise CaseNotFoundError(case_id=case_id, evidence_id=evidence_id)
        return _info(row)

    def list_files(self, case_id: str) -> list[AttachmentInfo]:
        """The files of a case, by evidence id; the bytes are not read."""
        query = (
            select(*_INFO_COLUMNS)
            .where(AttachmentRow.case_id == case_uuid(case_id))
            .order_by(AttachmentRow.evidence_id)
        )
        return [_info(r) for r in self._session.execute(query)]

    def content(self, case_id: str, evidence_id: str) -> bytes:
        """The bytes of one evidence item's file.

        Raises:
            CaseNotFoundError: no file for that evidence item.
        """
        data = self._session.scalar(
            select(AttachmentRow.content).where(
                AttachmentRow.case_id == case_uuid(case_id), AttachmentRow.evidence_id == evidence_id
            )
        )
        if data is None:
            raise CaseNotFoundError(case_id=case_id, evidence_id=evidence_id)
        return data

    def contents(self, case_id: str, media_types: Collection[str]) -> list[tuple[AttachmentInfo, bytes]]:
        """The files of a case of the given media types, with their bytes, by evidence id."""
        query = (
            select(*_INFO_COLUMNS, AttachmentRow.content)
            .where(AttachmentRow.case_id == case_uuid(case_id), AttachmentRow.media_type.in_(media_types))
            .order_by(AttachmentRow.evidence_id)
        )
        return [(_info(r), r.content) for r in self._session.execute(query)]

    def remove(self, case_id: str, evidence_ids: Collection[str], user_id: str) -> int:
        """Drop the files of ``evidence_ids``; how many there were."""
        key = case_uuid(case_id)
        gone = self._session.execute(
            select(AttachmentRow.evidence_id, AttachmentRow.sha256).where(
                AttachmentRow.case_id == key, AttachmentRow.evidence_id.in_(list(evidence_ids))
            )
        ).all()
        if not gone:
            return 0
        self._delete(key, [g.evidence_id for g in gone])
        for g in gone:
            self._audit(user_id, key, f"attachment.{g.evidence_id}", g.sha256, None)
        self._session.flush()
        return len(gone)

    def _delete(self, key: uuid.UUID, evidence_ids: list[str]) -> None:
        self._session.execute(
            delete(AttachmentRow).where(
                AttachmentRow.case_id == key, AttachmentRow.evidence_id.in_(evidence_ids)
            )
        )

    def _audit(self, user_id: str, key: uuid.UUID, field: str, before: str | None, after: str | None) -> None:
        line = AuditLine(key, ChangeAction.UPDATE.value, field, before, after)
        append_audit(self._session, [line], uuid.UUID(user_id))
