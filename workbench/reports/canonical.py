"""The canonical hash of a case: which version of the case a report describes.

``canonical_case_sha256`` is the SHA-256 of the case's plain data (``domain.codec.encode``, the
mapping of the case files) serialised as compact UTF-8 JSON with sorted keys. Field order,
indentation and a file's byte-order mark do not change it; any edited value does.

It is the same definition as the store's ``content_sha256`` (``store/changes.py``), so the hash in a
PDF's metadata, the archive row and the stored case's record agree; a test pins that.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING

from workbench.domain.codec import encode

if TYPE_CHECKING:
    from workbench.domain.case_file import CaseFile


def canonical_case_bytes(case: CaseFile) -> bytes:
    """The canonical serialisation: compact, key-sorted, UTF-8 JSON of the case's plain data."""
    return json.dumps(encode(case), ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


_last: tuple[CaseFile, str] | None = None


def canonical_case_sha256(case: CaseFile) -> str:
    """Lower-case hex SHA-256 of ``canonical_case_bytes(case)``."""
    global _last
    # A report asks for the hash of its case three times (header, contents, the result): a case
    # file is frozen all the way down, so the same object has the same hash.
    last = _last
    if last is not None and last[0] is case:
        return last[1]
    digest = hashlib.sha256(canonical_case_bytes(case)).hexdigest()
    _last = (case, digest)
    return digest
