"""``CaseService.proposal_history`` over real stores: versions saved through ``save_case``, read back
as the figures' history up to the submitted version."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest

from tests.reports import pdf_tools
from tests.store.helpers import add_user, demo
from workbench.domain.errors import DomainError
from workbench.domain.policy import DEFAULT_POLICY
from workbench.domain.proposal_history import FlagRule, version_figures
from workbench.domain.records import Role
from workbench.services.cases import CaseService
from workbench.services.committee import CommitteeService
from workbench.services.permissions import PermissionDenied
from workbench.services.reporting import ReportKind, ReportRequest, stored_report
from workbench.services.store import StoreServices

if TYPE_CHECKING:
    from workbench.domain.case_file import CaseFile
    from workbench.domain.records import User
    from workbench.store.db import Sessions

D = Decimal


def with_sales(case: CaseFile, normal: Decimal) -> CaseFile:
    return dataclasses.replace(case, profit_loss=dataclasses.replace(case.profit_loss, normal_sales=normal))


def test_history_of_saved_versions_up_to_the_submitted_one(sessions: Sessions) -> None:
    cases, committee = CaseService(sessions), CommitteeService(sessions)
    liu = add_user(sessions, "liumin", Role.OFFICER)
    zhao = add_user(sessions, "zhaoqiang", Role.ADMIN)
    case = demo("a")  # ready for the committee at its own sales: the nudges end there
    sales = case.profit_loss.normal_sales - 8 * D(1500)
    cases.create_case(with_sales(case, sales), liu)
    version = 1
    for n in range(8):  # eight nudges by the officer (only she writes her case); one stranger refused
        sales += D(1500)
        if n == 3:
            with pytest.raises(PermissionDenied):
                cases.save_case(with_sales(case, sales), version, zhao)
        version = cases.save_case(with_sales(case, sales), version, liu)
    version = cases.save_case(dataclasses.replace(with_sales(case, sales), product="备注"), version, liu)
    submitted = committee.submit_case(case.id, liu)
    history = cases.proposal_history(case.id, liu)
    assert history.submitted
    assert history.last_version == submitted == 11
    assert [v.version for v in history.versions] == list(range(1, 12))
    figure = history.figure("sales_avg")
    assert figure.changes == 8
    assert figure.editors == (("Liumin", 8),)
    # the figures are those of each stored version, computed whole
    assert history.versions[4].values == version_figures(cases.open_version(case.id, 5, liu), DEFAULT_POLICY)
    assert history.versions[-1].values == version_figures(
        cases.open_version(case.id, 11, liu), DEFAULT_POLICY
    )
    assert FlagRule.WALKED_UP in {r.rule for r in history.reasons}


def test_history_stops_at_the_newest_before_submission(sessions: Sessions, officer: User) -> None:
    cases = CaseService(sessions)
    case = demo("a")
    cases.create_case(case, officer)
    cases.save_case(with_sales(case, D(121000)), 1, officer)
    history = cases.proposal_history(case.id, officer)
    assert not history.submitted
    assert history.last_version == 2
    assert history.figure("sales_avg").changes == 1
    assert not history.flagged


def test_reading_the_history_needs_read_rights_and_a_case(sessions: Sessions, officer: User) -> None:
    cases = CaseService(sessions)
    nobody = dataclasses.replace(officer, role=Role.OFFICER, active=False)
    cases.create_case(demo("a"), officer)
    with pytest.raises(PermissionDenied):
        cases.proposal_history(demo("a").id, nobody)
    with pytest.raises(DomainError):
        cases.proposal_history("7d5a8f0e-0000-4000-8000-000000000000", officer)


def test_a_stored_cases_report_prints_its_history(sessions: Sessions, engine_url: str, officer: User) -> None:
    store = StoreServices.over(engine_url, sessions)
    case = demo("a")
    store.cases.create_case(case, officer)
    store.cases.save_case(with_sales(case, D(121000)), 1, officer)
    survey = stored_report(store, case.id, ReportRequest(ReportKind.SURVEY), officer)
    text = pdf_tools.text(survey.pdf)
    assert "十五、方案修改记录" in text
    assert "未发现反复录入数据测算额度的迹象。" in " ".join(text.split()).replace(" ", "")
    minutes = stored_report(store, case.id, ReportRequest(ReportKind.MINUTES), officer)
    assert "方案修改记录" not in pdf_tools.text(minutes.pdf)
