"""A reviewer's override of a cross-check (复核认可): recorded under her name, refused to officers."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import pytest

from tests.store.helpers import demo, with_failing_check
from workbench.domain.case_file import CheckOverride
from workbench.domain.errors import ValidationError
from workbench.services.messages import describe_error
from workbench.services.permissions import PermissionDenied

if TYPE_CHECKING:
    from workbench.domain.records import User
    from workbench.services.cases import CaseService

REASON = "复核原始发票后认可该差异"


def test_a_reviewer_records_an_override_under_her_own_name_and_takes_it_back(
    cases: CaseService, officer: User, reviewer: User
) -> None:
    case_id = cases.create_case(with_failing_check(demo("a")), officer).case.id
    record = cases.record_override(case_id, "C2", REASON, 1, reviewer)
    assert record.version == 2
    assert record.case.notes.check_overrides == (
        CheckOverride(check="C2", reviewer=reviewer.display_name, reason=REASON),
    )
    again = cases.record_override(case_id, "C2", "再次复核后认可差异原因", 2, reviewer)
    assert [o.reason for o in again.case.notes.check_overrides] == ["再次复核后认可差异原因"]  # one per check
    removed = cases.remove_override(case_id, "C2", 3, reviewer)
    assert removed.version == 4 and removed.case.notes.check_overrides == ()
    assert cases.open_case(case_id, officer).case.notes.check_overrides == ()


def test_an_officer_may_not_record_an_override_nor_slip_one_into_a_save(
    cases: CaseService, officer: User
) -> None:
    record = cases.create_case(with_failing_check(demo("a")), officer)
    with pytest.raises(PermissionDenied) as refused:
        cases.record_override(record.case.id, "C2", REASON, 1, officer)
    assert describe_error(refused.value, "zh") == "用户 liumin（客户经理）无权复核认可未通过的交叉检验"
    assert describe_error(refused.value, "en").startswith("user liumin (loan officer) may not")
    forged = CheckOverride(check="C2", reviewer="赵强", reason=REASON)
    notes = dataclasses.replace(record.case.notes, check_overrides=(forged,))
    with pytest.raises(PermissionDenied):
        cases.save_case(dataclasses.replace(record.case, notes=notes), 1, officer)
    assert cases.save_case(dataclasses.replace(record.case, product="x"), 1, officer) == 2  # her own edits


def test_an_override_needs_a_real_reason_and_a_check_of_the_case(
    cases: CaseService, officer: User, reviewer: User
) -> None:
    case_id = cases.create_case(with_failing_check(demo("a")), officer).case.id
    with pytest.raises(ValidationError) as error:
        cases.record_override(case_id, "C2", "。", 1, reviewer)
    assert (error.value.field, error.value.reason) == ("reason", "not_explained")
    with pytest.raises(ValidationError) as error:
        cases.record_override(case_id, "C99", REASON, 1, reviewer)
    assert (error.value.field, error.value.reason) == ("check", "unknown_reference")
    assert cases.open_case(case_id, reviewer).version == 1  # nothing was written


def test_a_check_that_passes_or_is_explained_needs_no_override(
    cases: CaseService, officer: User, reviewer: User
) -> None:
    case_id = cases.create_case(with_failing_check(demo("a")), officer).case.id
    for check in ("C1", "C4a"):  # passes; explained and superseded by C4b
        with pytest.raises(ValidationError) as error:
            cases.record_override(case_id, check, REASON, 1, reviewer)
        assert (error.value.field, error.value.reason) == ("check", "override_not_needed")
    assert describe_error(error.value, "zh").endswith("检验 C4a 已通过或已说明，无需复核认可")
    assert cases.open_case(case_id, reviewer).version == 1  # nothing was written
