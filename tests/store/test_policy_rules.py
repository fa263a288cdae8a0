"""The credit policy's rules PostgreSQL holds itself (migration 0017), tried with raw SQL as the people
of the store: only an administrator adds a version, nobody changes or removes one, every new version is
audited by the database."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from tests.store.test_database_rules import Store, refused
from tests.store.test_database_rules import store as store  # the fixture, shared
from workbench.domain.policy import CreditPolicy
from workbench.domain.records import Role
from workbench.services.policy import PolicyService
from workbench.store.policy_repository import policy_document

pytestmark = pytest.mark.postgres

INSERT = (
    "INSERT INTO credit_policy (version, name, document, created_at, created_by) "
    "VALUES (%s, 'mine', %s, now(), %s)"
)


def test_an_officer_neither_adds_nor_changes_a_policy_version(store: Store) -> None:
    officer = store.person("liumin", Role.OFFICER)
    document = policy_document(CreditPolicy(name="mine", version=2, alpha=Decimal(1)))
    with store.raw("liumin") as liumin:
        refused(liumin, INSERT, (2, document, officer.id))
        refused(liumin, "UPDATE credit_policy SET document = %s WHERE version = 1", (document,))
        refused(liumin, "DELETE FROM credit_policy")
        refused(liumin, "TRUNCATE credit_policy")
    assert store.owner_sql("SELECT count(*) FROM credit_policy") == [(1,)]


def test_an_administrator_adds_versions_but_changes_none(store: Store) -> None:
    admin = store.person("admin", Role.ADMIN)
    saved = PolicyService(store.sessions("admin")).save(
        CreditPolicy(name="城商行", alpha=Decimal("0.7")), admin
    )
    assert saved.version == 2
    with store.raw("admin") as raw:
        for statement in (
            "UPDATE credit_policy SET name = 'x'",
            "DELETE FROM credit_policy WHERE version = 2",
        ):
            refused(raw, statement)  # no grant; the owner meets the trigger (test_credit_policy_store)
        refused(raw, "TRUNCATE credit_policy")
    entries = store.owner_sql(
        "SELECT user_id, action, after FROM audit_entry WHERE field = 'row.credit_policy' ORDER BY seq"
    )
    assert [(str(e[0]), e[1]) for e in entries] == [(admin.id, "create")]
    assert json.loads(entries[0][2])["version"] == 2


def test_the_officer_may_read_the_policy(store: Store) -> None:
    store.person("liumin", Role.OFFICER)
    assert PolicyService(store.sessions("liumin")).current().version == 1
    with store.raw("liumin") as liumin:
        assert liumin.execute("SELECT name FROM credit_policy").fetchall() == [("default",)]
