"""The credit policy in the store (issue #13): versions written once, by administrators, audited; each
case records the version its figures were computed under. On both engines."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from tests.store.helpers import add_user, demo
from workbench.domain.errors import ValidationError
from workbench.domain.policy import DEFAULT_POLICY, CreditPolicy, Product, policy_to_plain
from workbench.domain.records import PolicyNotFoundError, Role
from workbench.services.cases import CaseService
from workbench.services.messages import describe_error
from workbench.services.permissions import PermissionDenied
from workbench.services.policy import PolicyService

if TYPE_CHECKING:
    from workbench.domain.records import User
    from workbench.store.db import Sessions

D = Decimal
BANK = CreditPolicy(name="城商行经营贷", alpha=D("0.70"), products=(Product(first_loan_cap=D(50000)),))


@pytest.fixture
def admin(sessions: Sessions) -> User:
    return add_user(sessions, "admin", Role.ADMIN)


def policy_entries(sessions: Sessions) -> list[tuple[str, str | None, str]]:
    with sessions.begin() as session:
        rows = session.execute(
            text(
                "SELECT action, field, after FROM audit_entry WHERE field = 'row.credit_policy' ORDER BY seq"
            )
        )
        return [(r.action, r.field, r.after) for r in rows]


def test_a_new_store_holds_the_default_policy_as_version_1(sessions: Sessions) -> None:
    service = PolicyService(sessions)
    assert service.current() == DEFAULT_POLICY
    (only,) = service.versions()
    assert (only.version, only.name, only.created_by) == (1, "default", None)


def test_the_seed_is_todays_default_policy() -> None:
    from importlib import import_module

    seed = import_module("workbench.store.migrations.versions.0017_credit_policy").SEED
    assert seed == json.loads(json.dumps(policy_to_plain(DEFAULT_POLICY)))


def test_an_administrator_saves_a_new_version_and_it_is_audited(sessions: Sessions, admin: User) -> None:
    service = PolicyService(sessions)
    stored = service.save(BANK, admin)
    assert stored.version == 2 and stored == dataclasses.replace(BANK, version=2)
    assert service.current() == stored and service.version(1) == DEFAULT_POLICY
    assert [(v.version, v.created_by) for v in service.versions()] == [(2, admin.id), (1, None)]
    (entry,) = policy_entries(sessions)
    assert entry[0] == "create" and json.loads(entry[2] or "{}")["version"] == 2
    assert service.save(dataclasses.replace(BANK, alpha=D("0.60")), admin).version == 3
    assert len(policy_entries(sessions)) == 2


def test_an_officer_may_not_change_the_policy(sessions: Sessions, officer: User) -> None:
    with pytest.raises(PermissionDenied) as caught:
        PolicyService(sessions).save(BANK, officer)
    assert describe_error(caught.value, "en") == "user liumin (loan officer) may not change the credit policy"
    assert describe_error(caught.value, "zh") == "用户 liumin（客户经理）无权修改授信政策"
    assert PolicyService(sessions).current() == DEFAULT_POLICY and not policy_entries(sessions)


def test_an_unusable_policy_is_refused_and_nothing_written(sessions: Sessions, admin: User) -> None:
    with pytest.raises(ValidationError) as caught:
        PolicyService(sessions).save(dataclasses.replace(BANK, alpha=D(0)), admin)
    assert caught.value.field == "policy.alpha"
    assert [v.version for v in PolicyService(sessions).versions()] == [1]


def test_an_unknown_version_is_named(sessions: Sessions) -> None:
    with pytest.raises(PolicyNotFoundError) as caught:
        PolicyService(sessions).version(9)
    assert describe_error(caught.value, "en") == "the credit policy has no version 9"


def test_a_written_version_cannot_be_changed_or_removed(sessions: Sessions, admin: User) -> None:
    PolicyService(sessions).save(BANK, admin)
    for statement in (
        "UPDATE credit_policy SET document = '{}' WHERE version = 2",
        "UPDATE credit_policy SET name = 'x'",
        "DELETE FROM credit_policy WHERE version = 1",
    ):
        with (
            pytest.raises(DBAPIError, match="never changed or removed"),
            sessions.engine.begin() as connection,
        ):
            connection.execute(text(statement))
    assert PolicyService(sessions).current().name == BANK.name


def test_each_case_records_the_policy_it_was_computed_under(
    sessions: Sessions, officer: User, admin: User
) -> None:
    cases = CaseService(sessions)
    record = cases.create_case(demo("a"), officer)
    assert cases.policy_of(record.case.id, officer) == DEFAULT_POLICY
    PolicyService(sessions).save(BANK, admin)
    assert cases.policy_of(record.case.id, officer).version == 1  # not recomputed until saved again
    edited = dataclasses.replace(record.case, case_number="A-2")
    version = cases.save_case(edited, record.version, officer)
    assert cases.policy_of(record.case.id, officer).version == 2
    assert cases.policy_of(record.case.id, officer, record.version).version == 1
    assert cases.policy_of(record.case.id, officer, version).name == BANK.name
    with sessions.begin() as session:
        stored = session.execute(text("SELECT policy_version FROM case_file")).scalar_one()
    assert stored == 2
