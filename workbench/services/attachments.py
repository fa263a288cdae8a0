"""``AttachmentService``: photos and scans behind a case's evidence items, kept in the store.

A file is accepted only for what its bytes are, whatever its name says: JPEG, PNG or PDF, found by
sniffing the content (``sniff``), at most ``MAX_BYTES`` and, for images, ``MAX_PIXELS``. Its
SHA-256 must match the evidence item it stands for when that item names one. Officers add and
remove files of their own cases (like editing the case); everyone who may read a case reads them.

``sync`` is what the window calls after a save: the files added since (held with the open case)
go in, the files whose evidence item the saved case no longer has go out, in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.domain.attachments import AttachmentInfo
from workbench.reports.inputs import IMAGE_TYPES, AttachmentImage
from workbench.services.attachment_files import (
    MAX_BYTES,
    MAX_PIXELS,
    MEDIA_TYPES,
    PDF,
    AttachmentError,
    PendingFile,
    check_file,
    sha256_of,
    sniff,
)
from workbench.services.cases import frozen_stage
from workbench.services.permissions import Action, require
from workbench.store.attachment_repository import SqlAttachmentRepository
from workbench.store.repository import SqlCaseRepository

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.orm import Session

    from workbench.domain.case_file import CaseFile
    from workbench.domain.records import User
    from workbench.store.db import Sessions

__all__ = [
    "MAX_BYTES",
    "MAX_PIXELS",
    "MEDIA_TYPES",
    "PDF",
    "AttachmentError",
    "AttachmentService",
    "PendingFile",
    "SyncResult",
    "check_file",
    "sniff",
]


@dataclass(frozen=True, slots=True)
class SyncResult:
    stored: tuple[AttachmentInfo, ...]
    skipped: tuple[str, ...]  # evidence ids
    removed: int


# ---- the service -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Owned:
    officer_id: str


class AttachmentService:
    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    def add(self, case_id: str, evidence_id: str, file_name: str, data: bytes, user: User) -> AttachmentInfo:
        """Store the file of an evidence item of a stored case (replacing the one it had).

        Raises:
            AttachmentError: the file is refused, the case has no such evidence item, or is frozen.
            PermissionDenied: the user may not edit this case.
            CaseNotFoundError: no such case.
        """
        with self._sessions.begin(actor=user) as session:
            case = self._editable(session, case_id, user)
            return self._put(session, case, PendingFile(evidence_id, file_name, data), user)

    def sync(self, case_id: str, files: Sequence[PendingFile], user: User) -> SyncResult:
        """After a save: store ``files`` and drop the files of evidence items the case no longer has.

        A file whose evidence item the stored case does not have (yet), or names with another
        SHA-256, is skipped and listed in ``skipped``: it was added or replaced after the save began,
        or its removal is still one undo away; the window keeps it for the next save.

        Raises:
            AttachmentError: a file is refused (nothing is written).
        """
        with self._sessions.begin(actor=user) as session:
            case = self._editable(session, case_id, user)
            evidence = {e.id: e for e in case.evidence}
            stored, skipped = [], []
            for file in files:
                item = evidence.get(file.evidence_id)
                if item is None or (item.sha256 and item.sha256.lower() != sha256_of(file.data)):
                    skipped.append(file.evidence_id)
                else:
                    stored.append(self._put(session, case, file, user))
            known = {e.id for e in case.evidence if e.file_name}
            repo = SqlAttachmentRepository(session)
            orphans = [a.evidence_id for a in repo.list_files(case_id) if a.evidence_id not in known]
            removed = repo.remove(case_id, orphans, user.id) if orphans else 0
            return SyncResult(tuple(stored), tuple(skipped), removed)

    def remove(self, case_id: str, evidence_id: str, user: User) -> bool:
        """Drop the file of an evidence item; whether there was one."""
        with self._sessions.begin(actor=user) as session:
            self._editable(session, case_id, user)
            return SqlAttachmentRepository(session).remove(case_id, [evidence_id], user.id) > 0

    def list_files(self, case_id: str, user: User) -> list[AttachmentInfo]:
        """The stored files of a case (no bytes)."""
        require(user, Action.READ_CASE)
        with self._sessions.begin() as session:
            return SqlAttachmentRepository(session).list_files(case_id)

    def content(self, case_id: str, evidence_id: str, user: User) -> bytes:
        """The bytes of one evidence item's file.

        Raises:
            AttachmentError: ``no_file``.
        """
        require(user, Action.READ_CASE)
        from workbench.domain.records import CaseNotFoundError

        with self._sessions.begin() as session:
            try:
                return SqlAttachmentRepository(session).content(case_id, evidence_id)
            except CaseNotFoundError:
                raise AttachmentError("no_file", evidence_id=evidence_id) from None

    def report_images(self, case_id: str, user: User) -> tuple[AttachmentImage, ...]:
        """The dossier's photo appendix: the case's JPEG and PNG files, in the order of its evidence
        list, captioned with the evidence title (PDF scans are not photos and stay out).

        Raises:
            AttachmentError: ``hash_mismatch``, a stored file is not the one the evidence item names.
        """
        require(user, Action.READ_CASE)
        with self._sessions.begin() as session:
            case = SqlCaseRepository(session).get(case_id).case
            files = {
                info.evidence_id: (info, data)
                for info, data in SqlAttachmentRepository(session).contents(case_id, IMAGE_TYPES)
            }
        out = []
        for evidence in case.evidence:
            found = files.get(evidence.id)
            if found is None:
                continue
            info, data = found
            if evidence.sha256 and evidence.sha256.lower() != info.sha256:
                raise AttachmentError("hash_mismatch", name=info.file_name, evidence_id=evidence.id)
            out.append(
                AttachmentImage(evidence.file_name or info.file_name, info.media_type, data, evidence.title)
            )
        return tuple(out)

    # ---- helpers -------------------------------------------------------------------------------

    @staticmethod
    def _editable(session: Session, case_id: str, user: User) -> CaseFile:
        repo = SqlCaseRepository(session)
        require(user, Action.EDIT_CASE, _Owned(repo.owner_of(case_id)))
        if frozen_stage(session, repo, case_id)[1]:
            raise AttachmentError("case_frozen")
        return repo.get(case_id).case

    @staticmethod
    def _put(session: Session, case: CaseFile, file: PendingFile, user: User) -> AttachmentInfo:
        evidence = next((e for e in case.evidence if e.id == file.evidence_id), None)
        if evidence is None:
            raise AttachmentError("unknown_evidence", evidence_id=file.evidence_id)
        sniffed = check_file(file.data, file.file_name, evidence)
        return SqlAttachmentRepository(session).put(
            case.id, file.evidence_id, file.file_name, sniffed.media_type, file.data, user.id
        )
