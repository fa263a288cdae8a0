"""``CaseService``: one unit of work per call, permissions first, exchange files in and out."""

from __future__ import annotations

import dataclasses
import json
import uuid
from typing import TYPE_CHECKING

import pytest

from tests.store.helpers import DEMOS, demo, demo_path
from workbench.domain.errors import ConcurrentEditError
from workbench.domain.policy import DEFAULT_POLICY
from workbench.domain.records import CaseExistsError, ChangeAction
from workbench.services.case_files import CaseFileError, dumps_case
from workbench.services.cases import CaseService
from workbench.services.messages import describe_error
from workbench.services.permissions import PermissionDenied

if TYPE_CHECKING:
    from pathlib import Path

    from workbench.domain.records import User
    from workbench.store.db import Sessions


def test_two_editors_second_save_is_a_conflict_and_the_first_save_stays(
    sessions: Sessions, officer: User
) -> None:
    first_app, second_app = CaseService(sessions), CaseService(sessions)
    first_app.create_case(demo("a"), officer)
    mine, theirs = first_app.open_case(demo("a").id, officer), second_app.open_case(demo("a").id, officer)
    assert mine.version == theirs.version == 1
    edited = dataclasses.replace(mine.case, product="first")
    assert first_app.save_case(dataclasses.replace(mine, case=edited), None, officer) == 2
    with pytest.raises(ConcurrentEditError) as caught:
        second_app.save_case(dataclasses.replace(theirs.case, product="second"), theirs.version, officer)
    assert (caught.value.expected_version, caught.value.actual_version) == (1, 2)
    assert second_app.open_case(demo("a").id, officer).case == edited


def test_officers_edit_only_their_own_cases(
    cases: CaseService, officer: User, other_officer: User, reviewer: User, admin: User
) -> None:
    record = cases.create_case(demo("b"), officer)
    changed = dataclasses.replace(record.case, product="x")
    # An administrator is no editor of another officer's case either (a team store's row security
    # refuses it too: tests/store/test_database_rules.py).
    for stranger in (other_officer, reviewer, admin):
        with pytest.raises(PermissionDenied):
            cases.save_case(changed, 1, stranger)
        with pytest.raises(PermissionDenied):
            cases.restore_version(demo("b").id, 1, 1, stranger)
    assert cases.open_case(demo("b").id, reviewer).version == 1  # reading is fine
    assert cases.save_case(changed, 1, officer) == 2
    assert cases.restore_version(demo("b").id, 1, 2, officer) == 3
    assert [h.action for h in cases.history(demo("b").id, reviewer)] == [
        ChangeAction.CREATE,
        ChangeAction.UPDATE,
        ChangeAction.RESTORE,
    ]
    with pytest.raises(PermissionDenied):
        cases.create_case(dataclasses.replace(demo("a")), reviewer)


@pytest.mark.parametrize("name", DEMOS)
def test_import_then_export_gives_identical_bytes(cases: CaseService, officer: User, name: str) -> None:
    record = cases.import_case_file(demo_path(name), officer)
    assert record.case == demo(name)
    exported = cases.export_case(record.case.id, officer)
    # the export carries the policy the store computed it under (the seeded default)
    assert exported.encode("utf-8") == dumps_case(demo(name), DEFAULT_POLICY).encode("utf-8")
    actions = [a.action for a in cases.audit_trail(record.case.id, officer)]
    assert actions == [ChangeAction.IMPORT, ChangeAction.EXPORT]


def test_importing_a_stored_case_again_needs_as_copy(cases: CaseService, officer: User) -> None:
    cases.import_case_file(demo_path("a"), officer)
    with pytest.raises(CaseExistsError):
        cases.import_case_file(demo_path("a"), officer)
    copy = cases.import_case_file(demo_path("a"), officer, as_copy=True)
    assert copy.case.id != demo("a").id
    assert dataclasses.replace(copy.case, id=demo("a").id) == demo("a")
    assert len(cases.list_cases(officer)) == 2


def test_a_file_whose_id_is_not_a_uuid_imports_only_as_a_copy(
    cases: CaseService, officer: User, tmp_path: Path
) -> None:
    document = json.loads(demo_path("b").read_text(encoding="utf-8"))
    document["case"]["id"] = "B-2024-0630"
    path = tmp_path / "case.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CaseFileError) as caught:
        cases.import_case_file(path, officer)
    assert (caught.value.source, caught.value.error.field) == (str(path), "case.id")
    assert caught.value.error.reason == "not_a_uuid"
    # The window shows this line too, so it names no flag; `workbench import` adds "--as-copy".
    refused = describe_error(caught.value, "en")
    assert refused == f"{path}: field case.id: the case id must be a UUID: B-2024-0630"
    stored = cases.import_case_file(path, officer, as_copy=True)
    assert str(uuid.UUID(stored.case.id)) == stored.case.id


def test_list_filters_by_officer_name(cases: CaseService, officer: User, other_officer: User) -> None:
    cases.create_case(demo("a"), officer)
    cases.create_case(demo("b"), other_officer)
    assert [c.id for c in cases.list_cases(officer, officer="zhaoqiang")] == [demo("b").id]
    assert cases.list_cases(officer, officer="nobody") == []
    assert cases.open_version(demo("a").id, 1, other_officer) == demo("a")
