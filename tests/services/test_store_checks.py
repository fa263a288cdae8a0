"""Checks across the store on each engine: the same applicant on two open cases, guarantee rings
(互保), a running loan at this bank; the submit refuses the blocking ones; the migration fills the
applicants' ID keys of stored cases."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import text

from tests.store.helpers import demo, new_id
from workbench.domain.case_file import Stage
from workbench.domain.parties import Guarantor, GuarantorRole, Relationship
from workbench.domain.records import CommitteeError
from workbench.store import migrate
from workbench.store.db import make_engine, make_sessions
from workbench.store.repository import SqlCaseRepository

if TYPE_CHECKING:
    from workbench.domain.case_file import CaseFile
    from workbench.domain.records import User
    from workbench.services.cases import CaseService
    from workbench.services.committee import CommitteeService
    from workbench.store.db import Sessions


def person(name: str, id_number: str, relationship: Relationship = Relationship.FRIEND) -> Guarantor:
    role = GuarantorRole.CO_BORROWER if relationship is Relationship.SPOUSE else GuarantorRole.GUARANTOR
    return Guarantor(name, role, relationship, id_number=id_number)


def applicant(name: str, id_number: str, *guarantors: Guarantor, base: str = "a") -> CaseFile:
    case = demo(base)
    borrower = dataclasses.replace(case.borrower, name=name, id_number=id_number)
    return dataclasses.replace(case, id=new_id(), borrower=borrower, guarantors=guarantors)


def force_stage(sessions: Sessions, case_id: str, stage: Stage) -> None:
    """As the data's owner, past the committee's path: a loan paid out long ago, for the test."""
    with sessions.engine.begin() as connection:
        postgres = connection.dialect.name == "postgresql"
        if postgres:
            connection.execute(text("ALTER TABLE case_file DISABLE TRIGGER USER"))
        connection.execute(
            text("UPDATE case_file SET stage = :s WHERE id = :i"),
            {"s": stage.value, "i": case_id if postgres else case_id.replace("-", "")},
        )
        if postgres:
            connection.execute(text("ALTER TABLE case_file ENABLE TRIGGER USER"))


def codes(issues: list) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(i.code, i.subject) for i in issues]


def test_two_applicants_guaranteeing_each_other_cannot_go_to_the_committee(
    cases: CaseService, committee: CommitteeService, officer: User, other_officer: User
) -> None:
    zhang = applicant("张明", "110105198001010011", person("李华", "11010519820202002x"))
    li = applicant("李华", "110105198202020 02X", person("张明", "110105198001010011"), base="b")
    cases.create_case(zhang, officer)
    cases.create_case(li, other_officer)
    (ring,) = [i for i in cases.store_issues(zhang, officer) if i.code == "guarantee_ring"]
    assert (
        ring.params["ring"] == f"{zhang.case_number} 张明 → {li.case_number} 李华 → {zhang.case_number} 张明"
    )
    with pytest.raises(CommitteeError) as refused:
        committee.submit_case(zhang.id, officer)
    assert refused.value.reason == "case_not_ready" and "guarantee_ring" in refused.value.params["issues"]


def test_a_ring_of_three_through_a_spouse(cases: CaseService, officer: User, other_officer: User) -> None:
    a = applicant("甲", "A1", person("甲妻", "A2", Relationship.SPOUSE), person("丙", "C1"))
    b = applicant("乙", "B1", person("甲妻", "A2"))  # A's wife guarantees B
    c = applicant("丙", "C1", person("乙", "B1"))  # B guarantees C, and C guarantees A
    cases.create_case(a, officer)
    cases.create_case(b, other_officer)
    cases.create_case(c, other_officer)
    assert ("guarantee_ring", c.id) in codes(cases.store_issues(a, officer))
    unrelated = applicant("丁", "D1", person("乙", "B1"))
    assert codes(cases.store_issues(unrelated, officer)) == []  # B guarantees D, nobody guarantees back


def test_the_same_applicant_on_another_open_case_blocks_the_submit(
    cases: CaseService, committee: CommitteeService, officer: User, other_officer: User
) -> None:
    first = applicant("王芳", "320102199001011234")
    second = applicant("王芳", "320102 199001011234", base="b")  # typed with a space
    cases.create_case(first, other_officer)
    cases.create_case(second, officer)
    assert codes(cases.store_issues(second, officer)) == [("same_applicant_open", first.id)]
    with pytest.raises(CommitteeError) as refused:
        committee.submit_case(second.id, officer)
    assert "same_applicant_open" in refused.value.params["issues"]


def test_a_running_loan_is_advice_and_a_paid_off_one_is_nothing(
    sessions: Sessions, cases: CaseService, committee: CommitteeService, officer: User, other_officer: User
) -> None:
    running = applicant("赵刚", "ZG-1")
    cases.create_case(running, other_officer)
    force_stage(sessions, running.id, Stage.LOAN)
    wife = applicant("孙丽", "SL-2", person("赵刚", "ZG-1", Relationship.SPOUSE), base="b")
    cases.create_case(wife, officer)
    (advice,) = cases.store_issues(wife, officer)
    assert (advice.code, advice.severity.value, advice.params["stage"]) == (
        "loan_at_this_bank",
        "advice",
        "loan",
    )
    committee.submit_case(wife.id, officer)  # advice does not block
    force_stage(sessions, running.id, Stage.CLEARANCE)
    assert cases.store_issues(wife, officer) == []


def test_the_upgrade_fills_the_id_keys_of_stored_cases(blank_url: str) -> None:
    from tests.store.helpers import add_user

    migrate.init(blank_url)
    sessions = make_sessions(make_engine(blank_url))
    try:
        officer = add_user(sessions, "liumin")
        stored = applicant("钱进", "44030 5x")
        with sessions.begin() as session:
            SqlCaseRepository(session).add(stored, officer.id)
        sessions.engine.dispose()
        assert migrate.downgrade(blank_url, "0012") == "0012"
        assert migrate.upgrade(blank_url) == migrate.head()
        with sessions.engine.connect() as connection:
            keys = connection.execute(text("SELECT borrower_id_key FROM case_file")).scalars().all()
        assert keys == ["440305X"]
    finally:
        sessions.engine.dispose()


def test_a_policy_that_only_advises_lets_the_same_applicant_through(
    sessions: Sessions, cases: CaseService, committee: CommitteeService, officer: User, other_officer: User
) -> None:
    from tests.store.helpers import add_user
    from workbench.domain.policy import DEFAULT_POLICY
    from workbench.domain.readiness import Severity
    from workbench.domain.records import Role
    from workbench.services.policy import PolicyService

    admin = add_user(sessions, "admin", Role.ADMIN)
    PolicyService(sessions).save(dataclasses.replace(DEFAULT_POLICY, store_checks_block=False), admin)
    first = applicant("王芳", "320102199001011234")
    second = applicant("王芳", "320102199001011234", base="b")
    cases.create_case(first, other_officer)
    cases.create_case(second, officer)
    (found,) = cases.store_issues(second, officer)
    assert (found.code, found.severity) == ("same_applicant_open", Severity.ADVICE)
    committee.submit_case(second.id, officer)  # advice only: the committee sees it, nothing blocks
