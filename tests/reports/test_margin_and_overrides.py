"""The survey report prints margins with their mark-up, and a reviewer's override on the check."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest

from workbench.domain.calc import compute_case
from workbench.domain.case_file import CheckOverride
from workbench.domain.policy import DEFAULT_POLICY
from workbench.reports.content import build_survey_report
from workbench.reports.document import DataTable

if TYPE_CHECKING:
    from workbench.domain.calc import CaseResults
    from workbench.domain.case_file import CaseFile

Case = tuple["CaseFile", "CaseResults"]


@pytest.mark.parametrize(
    ("lang", "shown"), [("zh", "15.60%（加价率 18.48%）"), ("en", "15.60% (mark-up 18.48%)")]
)
def test_the_weighted_margin_is_printed_with_its_mark_up(case_a: Case, lang: str, shown: str) -> None:
    doc = build_survey_report(*case_a, lang)
    assert shown in doc.text()
    tables = [b for _, b in doc.walk() if isinstance(b, DataTable) and b.rows]
    assert any(t.rows[-1][-1] == shown for t in tables)  # the product table's weighted total


@pytest.mark.parametrize(
    ("lang", "status", "listed"),
    [
        ("zh", "不通过（经 赵强 复核认可）", "经 赵强 复核认可：复核进货单据后认可该差异"),
        ("en", "accepted on review by 赵强", "accepted on review by 赵强: 复核进货单据后认可该差异"),
    ],
)
def test_an_override_shows_on_the_check_and_in_the_readiness_list(
    case_a: Case, lang: str, status: str, listed: str
) -> None:
    case = case_a[0]
    checks = (dataclasses.replace(case.cross_checks[0], adopted=Decimal(200000)), *case.cross_checks[1:])
    override = CheckOverride(check="C1", reviewer="赵强", reason="复核进货单据后认可该差异")
    notes = dataclasses.replace(case.notes, check_overrides=(override,))
    case = dataclasses.replace(case, cross_checks=checks, notes=notes)
    text = build_survey_report(case, compute_case(case, DEFAULT_POLICY), lang).text()
    assert status in text and listed in text
