"""Open and save case files (the JSON exchange format) for the window, through ``services``.

A file remembers the SHA-256 it had when it was read (``CaseSource.version``); saving over a file
that changed on disk since then raises ``FileChangedError`` instead of overwriting someone's work,
the same optimistic check the store makes with its version column.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from workbench.domain.errors import DomainError
from workbench.paths import resource_path
from workbench.services.case_files import loads_case, read_case_file_and_policy, write_case_file
from workbench.ui.document import CaseSource

if TYPE_CHECKING:
    from pathlib import Path

    from workbench.domain.case_file import CaseFile
    from workbench.domain.policy import CreditPolicy

DEMO_FILES = {"A": "case-a.json", "B": "case-b.json"}


class FileChangedError(DomainError):
    """The file on disk is not the one this case was read from."""

    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(f"{path} changed on disk since it was opened")


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def open_case_file(path: Path) -> tuple[CaseFile, CaseSource]:
    """Read and validate a case file; the source remembers its hash.

    Raises:
        CaseFileError: unreadable, not JSON, or invalid (with the field and the reason).
    """
    case, policy = read_case_file_and_policy(path)
    return case, CaseSource("file", str(path), _digest(path.read_bytes()), policy)


def open_demo(name: str) -> tuple[CaseFile, CaseSource]:
    """Demo case ``"A"`` or ``"B"`` (saving it asks for a file name)."""
    path = resource_path("demo", DEMO_FILES[name])
    case = loads_case(path.read_text(encoding="utf-8"), str(path))
    return case, CaseSource("demo", name)


def save_case_file(
    case: CaseFile, path: Path, expected_version: str = "", policy: CreditPolicy | None = None
) -> CaseSource:
    """Write ``case`` to ``path`` atomically; refuse if the file changed since ``expected_version``.

    Args:
        case: the case to write.
        path: the target file.
        expected_version: the SHA-256 the file had when read ("" = do not check, e.g. "save as").

    Returns:
        The new source (path and the hash of what was written).

    Raises:
        FileChangedError: the file exists and its content is not ``expected_version``.
        OSError: the file cannot be written.
    """
    if expected_version and path.exists() and _digest(path.read_bytes()) != expected_version:
        raise FileChangedError(str(path))
    write_case_file(case, path, policy)  # the file carries the policy its figures were computed under
    return CaseSource("file", str(path), _digest(path.read_bytes()), policy)
