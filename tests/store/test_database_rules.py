"""The rules PostgreSQL holds itself (migration 0010), tried as a dishonest colleague would: connected
with her own login role and raw SQL, not through the services. Every bypass of issue #12 is refused by
the database; the honest paths work through the services when connected as the right person.

Each test gets its own store (a clone of the migrated template) and its own login roles, named after
the run's prefix (``tests/databases.py`` drops whatever is left at the end of the run).
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from datetime import date
from typing import TYPE_CHECKING, Any

import psycopg
import pytest
from psycopg import errors
from sqlalchemy import text

from tests.databases import PgDatabases
from tests.store.helpers import demo, with_failing_check
from workbench.domain.case_file import Stage
from workbench.domain.committee import CommitteeRules, DecisionRule, Member, Outcome, Vote
from workbench.domain.lifecycle import TRANSITIONS
from workbench.domain.records import CommitteeError, Role, User
from workbench.services.cases import CaseService
from workbench.services.committee import CommitteeService
from workbench.services.messages import describe_error
from workbench.store import pg_roles
from workbench.store.db import (
    Sessions,
    make_engine,
    make_sessions,
)
from workbench.store.user_repository import SqlUserRepository

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sqlalchemy.engine import URL

pytestmark = pytest.mark.postgres
LOGIN_PASSWORD = "login-secret-1"  # the server asks people for SCRAM passwords (ensure-postgres.sh)

DENIED = errors.InsufficientPrivilege  # SQLSTATE 42501: privileges, row security, the rules' triggers
APPEND_ONLY = ("audit_entry", "signed_report", "case_version", "committee_vote", "committee_decision")


@dataclasses.dataclass
class Store:
    """A store of its own, its owner's unit-of-work factory and the people of the test (login roles)."""

    databases: PgDatabases
    name: str
    owner: Sessions
    prefix: str
    people: dict[str, User] = dataclasses.field(default_factory=dict)
    factories: list[Sessions] = dataclasses.field(default_factory=list)

    def url(self, login: str) -> URL:
        from sqlalchemy.engine import make_url

        return make_url(self.databases.url(self.name)).set(username=login, password=LOGIN_PASSWORD)

    def person(self, tag: str, role: Role) -> User:
        """A user of the store whose login role is her user name, member of her role's group."""
        login = f"{self.prefix}_u{uuid.uuid4().hex[:6]}_{tag}"
        with self.owner.begin() as session:
            user = SqlUserRepository(session).add_user(login, tag.title(), role)
            pg_roles.create_login(session.connection(), login, LOGIN_PASSWORD, role)
        self.people[tag] = user
        return user

    def sessions(self, tag: str) -> Sessions:
        """The unit-of-work factory of ``tag`` connected as herself."""
        factory = make_sessions(
            make_engine(self.url(self.people[tag].username).render_as_string(hide_password=False))
        )
        self.factories.append(factory)
        return factory

    def raw(self, tag: str) -> psycopg.Connection[Any]:
        """A plain psycopg connection as ``tag`` (what she would get from ``psql``)."""
        return psycopg.connect(
            host="127.0.0.1",
            port=5432,
            dbname=self.name,
            user=self.people[tag].username,
            password=LOGIN_PASSWORD,
        )

    def owner_sql(self, statement: str, **params: object) -> Any:
        with self.owner.begin() as session:
            result = session.execute(text(statement), params)
            return result.all() if result.returns_rows else None


@pytest.fixture
def store(pg_databases: PgDatabases) -> Iterator[Store]:
    name = pg_databases.create(template=pg_databases.template)
    owner = make_sessions(make_engine(pg_databases.url(name)))
    with owner.begin() as session:
        people = session.execute(text("SELECT workbench_role('people')")).scalar_one()
    built = Store(pg_databases, name, owner, pg_databases.prefix)
    assert people.startswith(pg_databases.prefix)  # the group roles are named after the template
    try:
        yield built
    finally:
        for factory in built.factories:
            factory.engine.dispose()
        owner.engine.dispose()
        pg_databases.drop(name)
        with pg_databases.admin.connect() as connection:
            for user in built.people.values():
                connection.execute(text(f'DROP ROLE IF EXISTS "{user.username}"'))


def refused(
    connection: psycopg.Connection[Any],
    statement: str,
    params: tuple[Any, ...] = (),
    error: type[Exception] = DENIED,
) -> str:
    """Run ``statement`` in a transaction of its own (committed, so deferred rules run too): it must fail
    with ``error``; returns the server's message."""
    with pytest.raises(error) as caught, connection.transaction():
        connection.execute(statement, params)  # type: ignore[arg-type]
    return str(caught.value)


def one(connection: psycopg.Connection[Any], statement: str, params: tuple[Any, ...] = ()) -> Any:
    row = connection.execute(statement, params).fetchone()  # type: ignore[arg-type]
    assert row is not None
    return row[0]


@dataclasses.dataclass
class Scene:
    """Two officers with a case each (case A submitted), a board with a secretary, an open session
    with case A on its agenda."""

    case_a: str
    case_b: str
    session_id: str


BOARD = (
    ("liumin", Role.OFFICER),
    ("zhao", Role.OFFICER),
    ("chair", Role.COMMITTEE_CHAIR),
    ("chair2", Role.COMMITTEE_CHAIR),
    ("wang", Role.COMMITTEE_MEMBER),
    ("li", Role.COMMITTEE_MEMBER),
    ("zhou", Role.SECRETARY),
    ("admin", Role.ADMIN),
)


def set_scene(store: Store, *, quorum: int = 3) -> Scene:
    """Everything done the honest way, each person through the services connected as herself."""
    for tag, role in BOARD:
        store.person(tag, role)
    p = store.people
    case_a = CaseService(store.sessions("liumin")).create_case(demo("a"), p["liumin"]).case.id
    case_b = CaseService(store.sessions("zhao")).create_case(demo("b"), p["zhao"]).case.id
    CommitteeService(store.sessions("liumin")).submit_case(case_a, p["liumin"])
    committee = CommitteeService(store.sessions("chair"))
    session_id = committee.create_session(
        date(2026, 12, 7),
        "三楼会议室",
        p["chair"].id,
        [Member(p["wang"].id, ""), Member(p["li"].id, "")],
        "周秘书",
        CommitteeRules(DecisionRule.UNANIMOUS, quorum),
        p["chair"],
        secretary_id=p["zhou"].id,
    )
    committee.add_to_agenda(session_id, case_a, p["chair"])
    return Scene(case_a, case_b, session_id)


def item_of(store: Store, scene: Scene) -> str:
    ((item,),) = store.owner_sql(
        "SELECT id FROM committee_agenda_item WHERE session_id = :s", s=uuid.UUID(scene.session_id)
    )
    return str(item)


# ---- the honest path -----------------------------------------------------------------------------------


def test_the_honest_path_through_the_services_as_each_person(store: Store) -> None:
    scene = set_scene(store)
    p = store.people
    CommitteeService(store.sessions("wang")).cast_vote(
        scene.session_id, scene.case_a, p["wang"].id, Vote.APPROVE_AS_PROPOSED, "", (), p["wang"]
    )
    secretary = CommitteeService(store.sessions("zhou"))
    for member in ("li", "chair"):  # called out in the room, typed by the secretary
        secretary.cast_vote(
            scene.session_id, scene.case_a, p[member].id, Vote.APPROVE_AS_PROPOSED, "", (), p["zhou"]
        )
    recorded = store.owner_sql(
        "SELECT member_id, recorded_by FROM committee_vote WHERE agenda_item_id = :i",
        i=uuid.UUID(item_of(store, scene)),
    )
    assert {(str(m), str(r)) for m, r in recorded} == {
        (p["wang"].id, p["wang"].id),
        (p["li"].id, p["zhou"].id),
        (p["chair"].id, p["zhou"].id),
    }
    chair = CommitteeService(store.sessions("chair"))
    decided = chair.record_decision(scene.session_id, scene.case_a, None, (), "", p["chair"])
    assert decided.outcome is Outcome.APPROVED_AS_PROPOSED
    cases = CaseService(store.sessions("liumin"))
    approved = cases.open_case(scene.case_a, p["liumin"])
    assert approved.case.stage is Stage.CONTRACT
    # the officer goes on with her approved case, the decided figures as they are …
    signed = cases.save_case(
        dataclasses.replace(approved.case, stage=Stage.SIGN), approved.version, p["liumin"]
    )
    # … a save that changes them is refused with one clear line; resubmitting takes them to the committee
    request = approved.case.request
    bigger = dataclasses.replace(
        approved.case, stage=Stage.SIGN, request=dataclasses.replace(request, amount=request.amount * 10)
    )
    with pytest.raises(CommitteeError) as caught:
        cases.save_case(bigger, signed, p["liumin"])
    assert caught.value.reason == "decided_terms_changed"
    assert "重新提交贷审会" in describe_error(caught.value, "zh")
    assert "committee" in describe_error(caught.value, "en")
    again = CommitteeService(store.sessions("liumin")).submit_case(
        scene.case_a, p["liumin"], edited=bigger, expected_version=signed
    )
    stored = cases.open_case(scene.case_a, p["liumin"])
    assert (stored.version, stored.case.stage, stored.case.request.amount) == (
        again,
        Stage.APPROVAL,
        request.amount * 10,
    )


def test_the_services_refuse_what_the_database_refuses(store: Store) -> None:
    scene = set_scene(store)
    p = store.people
    chair = CommitteeService(store.sessions("chair"))
    for quorum, reason in ((0, "quorum_invalid"), (-5, "quorum_invalid"), (4, "quorum_above_members")):
        with pytest.raises(CommitteeError) as caught:
            chair.create_session(
                date(2026, 12, 8), "", p["chair"].id, [Member(p["wang"].id, ""), Member(p["li"].id, "")],
                "", CommitteeRules(DecisionRule.UNANIMOUS, quorum), p["chair"],
            )  # fmt: skip
        assert caught.value.reason == reason
        assert str(quorum) in describe_error(caught.value, "en")
    # the case's officer cannot sit as a voting member of a session that has her case
    other = chair.create_session(
        date(2026, 12, 8), "", p["chair"].id, [Member(p["zhao"].id, ""), Member(p["wang"].id, "")],
        "", CommitteeRules(DecisionRule.MAJORITY, 2), p["chair"],
    )  # fmt: skip
    CommitteeService(store.sessions("zhao")).submit_case(scene.case_b, p["zhao"])
    with pytest.raises(CommitteeError) as caught:
        chair.add_to_agenda(other, scene.case_b, p["chair"])
    assert caught.value.reason == "editor_cannot_vote"
    assert "Zhao" in describe_error(caught.value, "zh")
    # a member does not vote for another; only the session's chair records the decision
    with pytest.raises(CommitteeError, match="vote_for_other"):
        CommitteeService(store.sessions("wang")).cast_vote(
            scene.session_id, scene.case_a, p["li"].id, Vote.REJECT, "不同意", (), p["wang"]
        )
    with pytest.raises(CommitteeError, match="chair_only"):
        CommitteeService(store.sessions("chair2")).record_decision(
            scene.session_id, scene.case_a, None, (), "", p["chair2"]
        )


# ---- another officer's case ------------------------------------------------------------------------------


def test_another_officers_case_and_its_details_cannot_be_changed(store: Store) -> None:
    scene = set_scene(store)
    with store.raw("zhao") as zhao:
        zhao.autocommit = True
        assert one(zhao, "SELECT count(*) FROM case_file") == 2  # everyone reads
        changed = zhao.execute(
            "UPDATE case_file SET borrower_name = 'x' WHERE id = %s", (scene.case_a,)
        ).rowcount
        deleted = zhao.execute("DELETE FROM case_file WHERE id = %s", (scene.case_a,)).rowcount
        assert (changed, deleted) == (0, 0)  # row security: her colleague's case is not hers to change
        assert zhao.execute("DELETE FROM guarantor WHERE case_id = %s", (scene.case_a,)).rowcount == 0
        assert (
            zhao.execute(
                "UPDATE pl_expense SET amount_minor = 1 WHERE case_id = %s", (scene.case_a,)
            ).rowcount
            == 0
        )
        refused(
            zhao,
            "INSERT INTO collateral (case_id, position, kind, description, owner, appraiser, "
            "certificate_number) VALUES (%s, 99, 'other', 'x', 'x', 'x', 'x')",
            (scene.case_a,),
        )
        take = "UPDATE case_file SET officer_id = %s WHERE id = %s"
        assert zhao.execute(take, (store.people["zhao"].id, scene.case_a)).rowcount == 0  # not hers to take
        assert "officer" in refused(zhao, take, (store.people["liumin"].id, scene.case_b))  # nor to give away
    rows = store.owner_sql(
        "SELECT borrower_name, stage FROM case_file WHERE id = :c", c=uuid.UUID(scene.case_a)
    )
    assert rows[0][1] == "approval" and rows[0][0] != "x"
    assert store.owner_sql("SELECT count(*) FROM pl_expense WHERE amount_minor = 1")[0][0] == 0


# ---- the lifecycle ---------------------------------------------------------------------------------------


BUMP = "version_id = version_id + 1, updated_by = %s"


def test_a_stage_set_by_hand_is_refused(store: Store) -> None:
    scene = set_scene(store)
    me = store.people["zhao"].id
    with store.raw("zhao") as zhao:
        for stage in ("contract", "loan", "refused"):
            message = refused(
                zhao, f"UPDATE case_file SET stage = %s, {BUMP} WHERE id = %s", (stage, me, scene.case_b)
            )
            assert "no step leads" in message
        # 审批 only by submission: without its row the commit fails
        assert "without being submitted" in refused(
            zhao, f"UPDATE case_file SET stage = 'approval', {BUMP} WHERE id = %s", (me, scene.case_b)
        )
        # a new case does not start in the committee's stages (an import of a decided case)
        with pytest.raises(DENIED, match="cannot start in stage contract"), zhao.transaction():
            zhao.execute("CREATE TEMP TABLE copy AS SELECT * FROM case_file WHERE id = %s", (scene.case_b,))
            zhao.execute("UPDATE copy SET id = gen_random_uuid(), stage = 'contract'")
            zhao.execute("INSERT INTO case_file SELECT * FROM copy")
    with store.raw("liumin") as liumin:
        mine = store.people["liumin"].id
        # the submitted case is the committee's: no edit, no stage moved by its officer
        assert "with the committee" in refused(
            liumin, f"UPDATE case_file SET product = 'x', {BUMP} WHERE id = %s", (mine, scene.case_a)
        )
        refused(
            liumin, f"UPDATE case_file SET stage = 'contract', {BUMP} WHERE id = %s", (mine, scene.case_a)
        )


def test_a_new_case_cannot_start_in_a_decided_stage_through_the_services_either(store: Store) -> None:
    set_scene(store)
    p = store.people
    cases = CaseService(store.sessions("zhao"))
    with pytest.raises(CommitteeError) as caught:
        cases.create_case(
            dataclasses.replace(demo("a"), id=str(uuid.uuid4()), stage=Stage.CONTRACT), p["zhao"]
        )
    assert caught.value.reason == "stage_committee_owned"


def test_the_chair_moves_only_the_stage_and_only_with_the_decision(store: Store) -> None:
    scene = set_scene(store, quorum=1)
    chair_id = store.people["chair"].id
    with store.raw("chair") as chair:
        # no decision yet: the chair cannot move the case
        assert "needs the decision" in refused(
            chair, f"UPDATE case_file SET stage = 'contract', {BUMP} WHERE id = %s", (chair_id, scene.case_a)
        )
    CommitteeService(store.sessions("chair")).cast_vote(
        scene.session_id, scene.case_a, chair_id, Vote.REJECT, "负债过高", (), store.people["chair"]
    )
    with store.raw("chair") as chair:
        chair.execute(
            "INSERT INTO committee_decision (id, agenda_item_id, outcome, conditions, monitoring, reasons, "
            "decided_at, minutes_signed) "
            "VALUES (gen_random_uuid(), %s, 'rejected', '[]', '[]', '', now(), false)",
            (item_of(store, scene),),
        )
        # a rejection does not lead to 合同, and the stage step changes nothing else
        refused(
            chair, f"UPDATE case_file SET stage = 'contract', {BUMP} WHERE id = %s", (chair_id, scene.case_a)
        )
        refused(
            chair,
            f"UPDATE case_file SET stage = 'refused', requested_minor = 1, {BUMP} WHERE id = %s",
            (chair_id, scene.case_a),
        )
        chair.rollback()


def test_the_decided_figures_are_frozen_after_the_approval(store: Store) -> None:
    scene = set_scene(store, quorum=1)
    p = store.people
    chair = CommitteeService(store.sessions("chair"))
    chair.cast_vote(
        scene.session_id, scene.case_a, p["chair"].id, Vote.APPROVE_AS_PROPOSED, "", (), p["chair"]
    )
    chair.record_decision(scene.session_id, scene.case_a, None, (), "", p["chair"])
    me = p["liumin"].id
    with store.raw("liumin") as liumin:
        for change in ("requested_minor = requested_minor * 10", "term_months = 36"):
            for stage in ("contract", "sign", "cancelled"):
                assert "frozen" in refused(
                    liumin,
                    f"UPDATE case_file SET {change}, stage = %s, {BUMP} WHERE id = %s",
                    (stage, me, scene.case_a),
                )


# ---- votes and decisions ---------------------------------------------------------------------------------

VOTE = (
    "INSERT INTO committee_vote (agenda_item_id, member_id, revision, vote, conditions, comment, cast_at, "
    "recorded_by) VALUES (%s, %s, %s, 'approve_as_proposed', '[]', '', now(), %s)"
)


def test_a_vote_for_someone_else_is_refused_and_the_recorder_is_stamped(store: Store) -> None:
    scene = set_scene(store)
    p = store.people
    item = item_of(store, scene)
    with store.raw("wang") as wang:
        assert "secretary" in refused(wang, VOTE, (item, p["li"].id, 1, p["wang"].id))
        with wang.transaction():  # her own vote, claiming the secretary typed it: the trigger stamps her
            wang.execute(VOTE, (item, p["wang"].id, 1, p["zhou"].id))
    with store.raw("chair2") as chair2:  # a chair of no session here
        refused(chair2, VOTE, (item, p["wang"].id, 2, p["chair2"].id))
    with store.raw("zhou") as zhou:
        refused(zhou, VOTE, (item, p["zhou"].id, 1, p["zhou"].id))  # the secretary has no vote
    ((recorded,),) = store.owner_sql(
        "SELECT recorded_by FROM committee_vote WHERE member_id = :m", m=uuid.UUID(p["wang"].id)
    )
    assert str(recorded) == p["wang"].id


def test_the_cases_officer_cannot_vote_on_it(store: Store) -> None:
    scene = set_scene(store)
    p = store.people
    committee = CommitteeService(store.sessions("chair"))
    other = committee.create_session(
        date(2026, 12, 8), "", p["chair"].id, [Member(p["liumin"].id, ""), Member(p["wang"].id, "")],
        "", CommitteeRules(DecisionRule.MAJORITY, 2), p["chair"],
    )  # fmt: skip
    agenda = (
        "INSERT INTO committee_agenda_item (id, session_id, case_id, position, case_version) "
        "SELECT gen_random_uuid(), %s, id, 0, version_id FROM case_file WHERE id = %s"
    )
    # the decided-upon case A is still on the first session's agenda: take a fresh submitted case
    with store.raw("chair") as chair:
        message = refused(chair, agenda, (other, scene.case_a))
        assert "voting member" in message or "submitted version" in message
    # put there by the owner anyway, the officer's own vote is refused by the vote's rule
    store.owner_sql(
        "INSERT INTO committee_agenda_item (id, session_id, case_id, position, case_version) "
        "SELECT gen_random_uuid(), :s, id, 0, version_id FROM case_file WHERE id = :c",
        s=uuid.UUID(other),
        c=uuid.UUID(scene.case_a),
    )
    ((item,),) = store.owner_sql(
        "SELECT id FROM committee_agenda_item WHERE session_id = :s", s=uuid.UUID(other)
    )
    with store.raw("liumin") as liumin:  # an officer has no vote at all
        assert "permission denied" in refused(liumin, VOTE, (str(item), p["liumin"].id, 1, p["liumin"].id))
    # a member who saved a version of the case (an edit kept from before these rules) cannot vote on it
    store.owner_sql(
        "INSERT INTO case_version (case_id, version, action, saved_at, saved_by, content_sha256, document, "
        "changed_json, changed_count) SELECT case_id, 1000, action, saved_at, :u, content_sha256, document, "
        "'[\"product\"]', 1 FROM case_version WHERE case_id = :c AND version = 1",
        u=uuid.UUID(p["wang"].id),
        c=uuid.UUID(scene.case_a),
    )
    with store.raw("wang") as wang:
        assert "cannot vote" in refused(wang, VOTE, (item_of(store, scene), p["wang"].id, 1, p["wang"].id))
    with pytest.raises(CommitteeError, match="editor_cannot_vote"):
        CommitteeService(store.sessions("wang")).cast_vote(
            scene.session_id, scene.case_a, p["wang"].id, Vote.APPROVE_AS_PROPOSED, "", (), p["wang"]
        )
    # nor can the chair seat her as a voting member once her case is on the agenda
    with store.raw("chair") as chair:
        refused(
            chair,
            "INSERT INTO committee_member (session_id, user_id, position, chair, votes, veto) "
            "VALUES (%s, %s, 9, false, true, false)",
            (scene.session_id, p["liumin"].id),
        )


DECISION = (
    "INSERT INTO committee_decision (id, agenda_item_id, outcome, conditions, monitoring, reasons, "
    "decided_at, "
    "minutes_signed) VALUES (gen_random_uuid(), %s, 'approved_as_proposed', '[]', '[]', '', now(), false)"
)


def test_a_decision_by_anyone_but_the_sessions_chair_is_refused(store: Store) -> None:
    scene = set_scene(store, quorum=1)
    p = store.people
    item = item_of(store, scene)
    CommitteeService(store.sessions("wang")).cast_vote(
        scene.session_id, scene.case_a, p["wang"].id, Vote.APPROVE_AS_PROPOSED, "", (), p["wang"]
    )
    for tag in ("wang", "zhou", "liumin"):  # no INSERT on decisions at all
        with store.raw(tag) as connection:
            assert "permission denied" in refused(connection, DECISION, (item,))
    for tag in ("chair2", "admin"):  # the privilege, but not this session's chair
        with store.raw(tag) as connection:
            assert "chair" in refused(connection, DECISION, (item,))
    with store.raw("chair") as chair, chair.transaction():
        chair.execute(DECISION, (item,))


def test_quorum_zero_and_a_quorum_above_the_members_are_refused(store: Store) -> None:
    scene = set_scene(store)
    p = store.people
    session = (
        "INSERT INTO committee_session (id, held_on, place, chair_id, secretary, rule, status, quorum) "
        "VALUES (gen_random_uuid(), current_date, '', %s, '', 'unanimous', 'open', %s)"
    )
    with store.raw("chair") as chair:
        for quorum in (0, -5):
            refused(chair, session, (p["chair"].id, quorum), errors.CheckViolation)
    # quorum 3 with three voting members; the owner drops one: the decision then cannot be taken
    store.owner_sql(
        "DELETE FROM committee_member WHERE session_id = :s AND user_id = :u",
        s=uuid.UUID(scene.session_id),
        u=uuid.UUID(p["li"].id),
    )
    item = item_of(store, scene)
    for tag in ("wang", "chair"):
        CommitteeService(store.sessions(tag)).cast_vote(
            scene.session_id, scene.case_a, p[tag].id, Vote.APPROVE_AS_PROPOSED, "", (), p[tag]
        )
    with store.raw("chair") as chair:
        assert "quorum 3" in refused(chair, DECISION, (item,))
    with pytest.raises(CommitteeError, match="quorum_above_members"):
        CommitteeService(store.sessions("chair")).record_decision(
            scene.session_id, scene.case_a, None, (), "", p["chair"]
        )


def test_quorum_zero_is_refused_by_sqlite_too(tmp_path: Any) -> None:
    from workbench.store import migrate

    url = f"sqlite:///{tmp_path / 's.sqlite3'}"
    migrate.upgrade(url)
    engine = make_engine(url)
    with pytest.raises(Exception, match="CHECK constraint failed"), engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO committee_session (id, held_on, place, chair_id, secretary, rule, status, "
                "quorum) VALUES ('00000000000040008000000000000001', '2026-12-07', '', '0', '', "
                "'unanimous', 'open', 0)"
            )
        )
    engine.dispose()


# ---- the append-only tables, DDL and the people's accounts ------------------------------------------


def test_append_only_tables_take_no_update_delete_or_truncate(store: Store) -> None:
    set_scene(store)
    for tag in ("liumin", "chair", "admin"):
        with store.raw(tag) as connection:
            for table in APPEND_ONLY:
                for statement in (f"UPDATE {table} SET {_first_column(table)} = {_first_column(table)}",
                                  f"DELETE FROM {table}", f"TRUNCATE {table}"):  # fmt: skip
                    assert "permission denied" in refused(connection, statement)


def test_pending_audit_lines_are_written_only_and_chained_as_the_writer_at_commit(store: Store) -> None:
    """``audit_pending`` (migration 0016): people may add lines, never read, change or remove them;
    at the commit the lines join the chain under the writer's own name, whoever they name."""
    set_scene(store)
    p = store.people
    with store.raw("liumin") as liumin:
        for statement in ("SELECT * FROM audit_pending", "UPDATE audit_pending SET field = 'x'",
                          "DELETE FROM audit_pending", "TRUNCATE audit_pending"):  # fmt: skip
            assert "permission denied" in refused(liumin, statement)
        with liumin.transaction():
            liumin.execute(
                "INSERT INTO audit_pending (user_id, action, field, after) "
                "VALUES (%s, 'update', 'pending.x', '1')",
                (p["chair"].id,),
            )
    (row,) = store.owner_sql("SELECT user_id, db_login, seq FROM audit_entry WHERE field = 'pending.x'")
    assert (str(row.user_id), row.db_login) == (p["liumin"].id, p["liumin"].username)
    assert store.owner_sql("SELECT count(*) FROM audit_pending") == [(0,)]


def _first_column(table: str) -> str:
    return {"audit_entry": "at", "signed_report": "signer", "case_version": "saved_at"}.get(
        table, "agenda_item_id"
    )


def test_people_have_no_ddl(store: Store) -> None:
    set_scene(store)
    with store.raw("admin") as admin:
        for statement in (
            "ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only",
            "ALTER TABLE case_file DISABLE TRIGGER ALL",
            "DROP TRIGGER case_file_rules ON case_file",
            "ALTER TABLE case_file ADD COLUMN x integer",
            "ALTER TABLE case_file DISABLE ROW LEVEL SECURITY",
            "DROP POLICY change ON case_file",
            "CREATE TABLE mine (x integer)",
            "CREATE FUNCTION workbench_actor() RETURNS uuid LANGUAGE sql AS 'SELECT NULL::uuid'",
            "DROP TABLE signed_report",
        ):
            refused(admin, statement, (), errors.InsufficientPrivilege)


def test_nobody_makes_herself_administrator(store: Store) -> None:
    set_scene(store)
    p = store.people
    with store.raw("liumin") as liumin:
        refused(liumin, "UPDATE app_user SET role = 'admin' WHERE id = %s", (p["liumin"].id,))
        refused(
            liumin,
            "INSERT INTO app_user (id, username, display_name, role, active, created_at) "
            "VALUES (gen_random_uuid(), 'sidekick', 'x', 'admin', true, now())",
        )
        refused(liumin, f'GRANT "{store.prefix}_1_admin" TO "{p["liumin"].username}"')
    with store.raw("admin") as admin:
        assert "her own" in refused(
            admin, "UPDATE app_user SET role = 'officer' WHERE id = %s", (p["admin"].id,)
        )
        with admin.transaction():  # another person's role: an administrator's job
            admin.execute("UPDATE app_user SET role = 'reviewer' WHERE id = %s", (p["zhao"].id,))


def test_claiming_another_actor_is_refused(store: Store) -> None:
    scene = set_scene(store)
    p = store.people
    with store.raw("wang") as wang:
        wang.execute("SELECT set_config('workbench.actor', %s, false)", (p["chair"].id,))
        refused(wang, "SELECT workbench_actor()")
        refused(wang, DECISION, (item_of(store, scene),))
    with store.raw("liumin") as liumin:
        liumin.execute("SELECT set_config('workbench.actor', %s, false)", (p["zhao"].id,))
        refused(
            liumin, f"UPDATE case_file SET product = 'x', {BUMP} WHERE id = %s", (p["zhao"].id, scene.case_b)
        )


def test_a_login_that_is_no_user_of_the_store_gets_nothing(store: Store) -> None:
    scene = set_scene(store)
    with store.raw("liumin") as liumin, liumin.transaction():
        assert one(liumin, "SELECT workbench_actor()") == uuid.UUID(store.people["liumin"].id)
    store.owner_sql(
        "UPDATE app_user SET active = false WHERE id = :u", u=uuid.UUID(store.people["liumin"].id)
    )
    with store.raw("liumin") as liumin:
        refused(
            liumin,
            f"UPDATE case_file SET product = 'x', {BUMP} WHERE id = %s",
            (store.people["liumin"].id, scene.case_b),
        )


# ---- the allowed stage moves are the lifecycle's ----------------------------------------------------------


def test_the_stage_moves_the_database_allows_are_the_lifecycles(store: Store) -> None:
    stored = {(a, b, s) for a, b, s in store.owner_sql("SELECT source, target, step FROM stage_move")}
    expected = {
        (t.source.value, t.target.value, t.step.value) for t in TRANSITIONS if t.source is not t.target
    }
    assert stored == expected


def test_the_group_roles_and_the_login_tools(store: Store) -> None:
    user = store.person("pw", Role.OFFICER)
    with store.owner.begin() as session:
        connection = session.connection()
        pg_roles.set_password(connection, user.username, "s3cret'; DROP TABLE case_file; --")
        pg_roles.set_role(connection, user.username, Role.REVIEWER, admin=True)
        pg_roles.set_role(connection, user.username, Role.REVIEWER)  # no longer an administrator
        pg_roles.disable(connection, user.username)
        rows = session.execute(
            text(
                "SELECT r.rolcanlogin, left(a.rolpassword, 13), "
                "array(SELECT b.rolname FROM pg_auth_members m JOIN pg_roles b ON b.oid = m.roleid "
                "WHERE m.member = r.oid) FROM pg_roles r JOIN pg_authid a ON a.oid = r.oid "
                "WHERE r.rolname = :n"
            ),
            {"n": user.username},
        ).one()
        assert rows[0] is False and rows[1] == "SCRAM-SHA-256"
        assert rows[2] == [pg_roles.group_of(connection, Role.REVIEWER)]
        pg_roles.enable(connection, user.username)
        assert session.execute(text("SELECT count(*) FROM case_file")).scalar_one() == 0
    names = store.owner_sql("SELECT workbench_role(k) FROM unnest(ARRAY['officer','admin','people']) k")
    assert [n for (n,) in names] == [f"{store.prefix}_1_{k}" for k in ("officer", "admin", "people")]


# ---- upgrading a store that has sessions and votes ---------------------------------------------------------


def test_0010_keeps_votes_and_mends_a_quorum_below_one(blank_url: str) -> None:
    from workbench.store import migrate
    from workbench.store.repository import SqlCaseRepository

    # A user and a case written by today's code, then the store taken back before 0010 (its later
    # migrations' downgrades keep them) to hold what 0010 must mend.
    migrate.upgrade(blank_url)
    sessions = make_sessions(make_engine(blank_url))
    with sessions.begin() as session:
        wang = SqlUserRepository(session).add_user("wang", "王", Role.COMMITTEE_MEMBER)
        SqlCaseRepository(session).add(demo("a"), wang.id)
    sessions.engine.dispose()
    migrate.downgrade(blank_url, "0010-1")  # the revision before 0010
    sessions = make_sessions(make_engine(blank_url))
    hexed = sessions.dialect == "sqlite"

    def key(value: str) -> object:
        return uuid.UUID(value).hex if hexed else uuid.UUID(value)

    session_id, item = str(uuid.uuid4()), str(uuid.uuid4())
    with sessions.begin() as session:
        for statement in (
            "INSERT INTO committee_session (id, held_on, place, chair_id, secretary, rule, status, quorum) "
            "VALUES (:s, '2026-12-01', '', :u, '周', 'unanimous', 'open', 0)",
            "INSERT INTO committee_agenda_item (id, session_id, case_id, position, case_version) "
            "VALUES (:i, :s, :c, 0, 1)",
            "INSERT INTO committee_vote (agenda_item_id, member_id, vote, conditions, comment, cast_at) "
            "VALUES (:i, :u, 'approve_as_proposed', '[]', '', '2026-12-01')",
        ):
            session.execute(
                text(statement),
                {"s": key(session_id), "u": key(wang.id), "i": key(item), "c": key(demo("a").id)},
            )
    sessions.engine.dispose()
    assert migrate.upgrade(blank_url) == migrate.head()
    sessions = make_sessions(make_engine(blank_url))
    with sessions.begin() as session:
        quorum, secretary = session.execute(text("SELECT quorum, secretary_id FROM committee_session")).one()
        revision, recorded = session.execute(text("SELECT revision, recorded_by FROM committee_vote")).one()
    sessions.engine.dispose()
    assert (quorum, secretary, revision) == (1, None, 1)
    assert str(recorded).replace("-", "") == uuid.UUID(wang.id).hex


def test_a_reviewer_records_and_takes_back_an_override_with_her_own_login(store: Store) -> None:
    officer, reviewer = store.person("liumin", Role.OFFICER), store.person("shen", Role.REVIEWER)
    record = CaseService(store.sessions("liumin")).create_case(with_failing_check(demo("a")), officer)
    reviewing = CaseService(store.sessions("shen"))
    overridden = reviewing.record_override(record.case.id, "C2", "复核原始发票后认可该差异", 1, reviewer)
    assert [(o.check, o.reviewer) for o in overridden.case.notes.check_overrides] == [("C2", "Shen")]
    assert overridden.version == 2 and overridden.case.borrower == record.case.borrower
    taken_back = reviewing.remove_override(record.case.id, "C2", 2, reviewer)
    assert taken_back.case.notes.check_overrides == () and taken_back.version == 3
    rows = store.owner_sql(
        "SELECT officer_id, updated_by FROM case_file WHERE id = :c", c=uuid.UUID(record.case.id)
    )
    assert (str(rows[0][0]), str(rows[0][1])) == (officer.id, reviewer.id)  # still the officer's case


OVERRIDES = (
    "UPDATE case_file SET notes_json = jsonb_set(notes_json::jsonb, '{check_overrides}', %s::jsonb)::text, "
    + BUMP
    + " WHERE id = %s"
)


def override_of(reviewer: str) -> str:
    row = {"id": uuid.uuid4().hex[:12], "check": "C2", "reviewer": reviewer, "reason": "复核原始发票后认可"}
    return json.dumps([row], ensure_ascii=False)


def test_a_reviewer_changes_nothing_but_the_overrides_and_only_under_her_name(store: Store) -> None:
    scene = set_scene(store)
    shen = store.person("shen", Role.REVIEWER)
    with store.raw("shen") as raw:
        raw.autocommit = True
        for change in (
            "borrower_name = 'x'",
            "requested_minor = requested_minor * 10",
            "notes_json = jsonb_set(notes_json::jsonb, '{conclusion}', '\"放行\"')::text",
            "stage = 'cancelled'",
        ):
            refused(raw, f"UPDATE case_file SET {change}, {BUMP} WHERE id = %s", (shen.id, scene.case_b))
        assert "another officer" in refused(raw, OVERRIDES, (override_of("Zhao"), shen.id, scene.case_b))
        assert raw.execute("DELETE FROM guarantor WHERE case_id = %s", (scene.case_b,)).rowcount == 0
        raw.execute(OVERRIDES, (override_of("Shen"), shen.id, scene.case_b))  # her own, on an open case
        # Case A is with the committee: not even an override moves it.
        assert "committee" in refused(raw, OVERRIDES, (override_of("Shen"), shen.id, scene.case_a))
    with store.raw("liumin") as officer:  # an officer is no reviewer: her colleague's case stays shut
        officer.autocommit = True
        assert (
            officer.execute(
                OVERRIDES, (override_of("Liumin"), store.people["liumin"].id, scene.case_b)
            ).rowcount
            == 0
        )
    rows = store.owner_sql(
        "SELECT version_id, borrower_name, notes_json FROM case_file WHERE id = :c", c=uuid.UUID(scene.case_b)
    )
    version, name, notes = rows[0]
    assert version == 2 and name != "x" and '"reviewer": "Shen"' in notes.replace('":"', '": "')
