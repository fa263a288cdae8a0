"""The case as an Excel workbook: files in and out (``workbench.workbook`` does the sheets).

The window and ``workbench export --xlsx`` / ``template`` / ``import`` use these; the store side
(who may export or import, what is recorded) is ``CaseService.export_case_workbook`` and
``CaseService.import_case_workbook``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.domain.calc import compute_case
from workbench.workbook.errors import Problem, WorkbookError
from workbench.workbook.reader import MAX_FILE_BYTES, read_workbook
from workbench.workbook.tables import table_csv, table_xlsx
from workbench.workbook.writer import build_workbook, workbook_bytes

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from workbench.domain.case_file import CaseFile
    from workbench.domain.policy import CreditPolicy

__all__ = ["WorkbookError", "case_workbook", "read_case_workbook", "table_file", "template_workbook"]


def case_workbook(case: CaseFile, policy: CreditPolicy, lang: str) -> bytes:
    """The .xlsx bytes of ``case`` with its figures, computed under ``policy``, as live formulas."""
    return workbook_bytes(build_workbook(case, compute_case(case, policy), lang))


def template_workbook(lang: str) -> bytes:
    """The same workbook without a case, to be filled by hand and imported."""
    return workbook_bytes(build_workbook(None, None, lang))


def read_case_workbook(path: Path) -> CaseFile:
    """The case of a workbook file (size checked before it is read).

    Raises:
        WorkbookError: unreadable, too large, not ours, or any bad cell (all of them listed).
    """
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise WorkbookError(
                source,
                [Problem("", "", "too_large", {"size": size // 2**20, "limit": MAX_FILE_BYTES // 2**20})],
            )
        data = path.read_bytes()
    except OSError:
        raise WorkbookError(source, [Problem("", "", "not_a_workbook")]) from None
    return read_workbook(data, source)


def table_file(title: str, headers: Sequence[str], rows: Sequence[Sequence[str]], suffix: str) -> bytes:
    """A list as shown in the window: CSV for ``.csv``, else a one-sheet .xlsx."""
    if suffix.lower() == ".csv":
        return table_csv(headers, rows)
    return table_xlsx(title, headers, rows)
