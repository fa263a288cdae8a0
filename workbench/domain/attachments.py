"""What the store knows about a file behind an evidence item (photo, scan), without its bytes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class AttachmentInfo:
    """One stored file; ``evidence_id`` is the ``Evidence.id`` of the case it belongs to."""

    case_id: str
    evidence_id: str
    file_name: str
    media_type: str
    sha256: str
    size: int
    created_at: datetime
    created_by: str
