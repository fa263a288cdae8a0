"""``ArchiveService``: who may archive a signed report, and that it comes back byte for byte."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest

from tests.store.helpers import demo
from workbench.domain.records import ReportKind
from workbench.services.archive import ArchiveService
from workbench.services.cases import CaseService
from workbench.services.permissions import PermissionDenied

if TYPE_CHECKING:
    from workbench.domain.records import User
    from workbench.store.db import Sessions

PDF = b"%PDF-1.7\n% signed survey report\n%%EOF\n"


def test_an_officer_archives_the_signed_report_of_her_own_case_only(
    sessions: Sessions, officer: User, other_officer: User, reviewer: User
) -> None:
    CaseService(sessions).create_case(demo("a"), officer)
    archive = ArchiveService(sessions)
    stamp = datetime(2024, 6, 29, 9, 30, tzinfo=UTC)
    row = archive.archive_report(demo("a").id, ReportKind.SURVEY_REPORT, PDF, "刘敏", stamp, officer)
    assert archive.report_pdf(row.id, reviewer) == PDF
    with pytest.raises(PermissionDenied):
        archive.archive_report(demo("a").id, ReportKind.SURVEY_REPORT, PDF, "王", stamp, other_officer)
    countersigned = archive.archive_report(
        demo("a").id, ReportKind.SURVEY_REPORT, PDF + b" ", "审查员", stamp, reviewer
    )
    assert [r.id for r in archive.list_reports(demo("a").id, officer)] == [row.id, countersigned.id]
