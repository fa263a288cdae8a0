"""Least privilege and the rules PostgreSQL holds itself: group roles, grants, row security, triggers.

Revision ID: 0010
Revises: 0008
Create Date: 2026-12-07

Both engines:

* ``app_user.role`` may be ``secretary`` (贷审会秘书: records votes on members' behalf, keeps the minutes);
* ``committee_session.secretary_id``: the user who keeps the session's record (``secretary`` stays
  the name the minutes print); ``CHECK (quorum >= 1)`` (older rows below 1 become 1);
* ``committee_vote`` is append-only: a re-vote is a new row (``revision`` + 1, the newest counts) and
  ``recorded_by`` says who typed it (the member herself or the session's secretary).

PostgreSQL only (a SQLite file cannot protect itself from whoever has it):

* group roles ``<prefix>_<kind>`` (NOLOGIN; ``prefix`` = the database's name at migration time, see
  ``role_prefix``), all members of ``<prefix>_people``; ``workbench_role(kind)`` names them. Creating
  them needs CREATEROLE (or a superuser) for the migrating role; roles are kept on downgrade.
* privileges: nothing for PUBLIC; people read what the app reads and write only where the app writes;
  ``audit_entry``, ``signed_report``, ``case_version``, ``committee_vote``, ``committee_decision`` take
  INSERT only (and only from the roles that write them); people own nothing, so no DDL.
* row-level security on ``case_file`` and every table of a case's details: everyone reads, only the
  case's officer (``officer_id = workbench_actor()``) writes; the chair of an open session that has the
  case on its agenda may move its stage (the decision's step, nothing else).
* triggers (SECURITY DEFINER, fixed ``search_path``) holding the lifecycle (``STAGE_MOVES``, a copy of
  ``workbench.domain.lifecycle.TRANSITIONS`` kept in the ``stage_move`` table; a test compares them),
  the decided figures, the votes (the member or the session's secretary; never the case's officer or
  anyone who edited the case), the decision (the session's chair, quorum ≤ voting members) and
  ``app_user`` (administrators only, never their own role).

The schema owner (and a superuser) passes every trigger: it owns the tables and could drop them anyway;
what it writes is still audited as written by the owner.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import sqlalchemy as sa
from alembic import op

if TYPE_CHECKING:
    from collections.abc import Sequence

# revision identifiers, used by Alembic.
revision: str = "0010"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KINDS = (
    "officer",
    "reviewer",
    "committee_member",
    "committee_chair",
    "secretary",
    "back_office",
    "admin",
)
"""The group role of each ``Role`` value; ``<prefix>_people`` holds the grants they share."""
PEOPLE = "people"
MAX_NAME = 63

ROLES_BEFORE = ("officer", "reviewer", "committee_member", "committee_chair", "back_office", "admin")
ROLES_AFTER = (*ROLES_BEFORE[:4], "secretary", *ROLES_BEFORE[4:])

# (source, target, step) for every stage change ``lifecycle.TRANSITIONS`` allows (a test compares).
STAGE_MOVES: tuple[tuple[str, str, str], ...] = (
    *((a, b, "save") for a in ("apply", "allot", "investigate", "cancelled")
      for b in ("apply", "allot", "investigate", "cancelled") if a != b),
    *((a, b, "save") for a in ("contract", "sign", "loan", "after_loan", "clearance")
      for b in ("sign", "loan", "after_loan", "clearance", "cancelled") if a != b),
    *((a, "approval", "submit") for a in ("apply", "allot", "investigate", "contract", "sign")),
    ("approval", "contract", "decide_approve"),
    ("approval", "refused", "decide_reject"),
    ("approval", "investigate", "return"),
)  # fmt: skip
DECISION_OUTCOMES = {
    "decide_approve": ("approved_as_proposed", "approved_with_changes", "approved_with_conditions"),
    "decide_reject": ("rejected",),
    "return": ("returned_for_resurvey",),
}
"""The outcomes of ``committee_decision`` that take each decision step (``lifecycle.STEP_OF_OUTCOME``)."""
BEFORE_COMMITTEE = ("apply", "allot", "investigate", "cancelled")
APPROVED = ("contract", "sign", "loan", "after_loan", "clearance")

CASE_DETAILS = (
    "bs_asset_item",
    "bs_debt",
    "bs_fixed_asset",
    "bs_guarantee_given",
    "bs_off_balance_item",
    "bs_payable",
    "bs_receivable",
    "bs_stock_item",
    "collateral",
    "cross_check",
    "equity_item",
    "equity_pass",
    "evidence_item",
    "guarantor",
    "pl_expense",
    "pl_product",
    "pl_variable_expense",
    "attachment",
)
"""The tables of a case's details the officer's save rewrites (row security through the parent case)."""
APPEND_ONLY = ("audit_entry", "signed_report", "case_version", "committee_vote", "committee_decision")
# Who inserts into each append-only table (the services' permissions, ``workbench.services.permissions``).
INSERTERS = {
    "audit_entry": (PEOPLE,),
    "signed_report": ("officer", "reviewer", "committee_chair", "back_office", "admin"),
    "case_version": ("officer", "admin", "committee_chair"),
    "committee_vote": ("committee_member", "committee_chair", "secretary", "admin"),
    "committee_decision": ("committee_chair", "admin"),
}
RULE_FUNCTIONS = (
    "workbench_may_write_case(uuid)",
    "workbench_chairs_case(uuid)",
    "workbench_chairs_session(uuid)",
    "workbench_case_editors(uuid)",
    "workbench_case_file_rules()",
    "workbench_case_submitted()",
    "workbench_case_version_rules()",
    "workbench_case_submission_rules()",
    "workbench_session_rules()",
    "workbench_member_rules()",
    "workbench_agenda_rules()",
    "workbench_vote_rules()",
    "workbench_decision_rules()",
    "workbench_app_user_rules()",
)


def role_prefix(database: str) -> str:
    """The group roles' prefix for a database name: lower case, non-alphanumerics → ``_``, cut so that
    the longest ``<prefix>_<kind>`` fits PostgreSQL's 63 bytes."""
    longest = max(len(k) for k in (*KINDS, PEOPLE)) + 1
    return re.sub(r"[^a-z0-9]", "_", database.lower())[: MAX_NAME - longest]


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _list(values: Sequence[str]) -> str:
    return ", ".join(f"'{v}'" for v in values)


def _upgrade_both() -> None:
    moves = op.create_table(
        "stage_move",
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("target", sa.String(length=40), nullable=False),
        sa.Column("step", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("source", "target", name=op.f("pk_stage_move")),
    )
    op.bulk_insert(moves, [{"source": a, "target": b, "step": s} for a, b, s in STAGE_MOVES])
    bind = op.get_bind()
    bind.execute(sa.text("UPDATE committee_session SET quorum = 1 WHERE quorum < 1"))
    with op.batch_alter_table("app_user") as batch:
        batch.drop_constraint(op.f("ck_app_user_role"), type_="check")
        batch.create_check_constraint(op.f("ck_app_user_role"), f"role IN ({_list(ROLES_AFTER)})")
    with op.batch_alter_table("committee_session") as batch:
        batch.add_column(sa.Column("secretary_id", sa.Uuid(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_committee_session_secretary_id_app_user"), "app_user", ["secretary_id"], ["id"]
        )
        batch.create_check_constraint(op.f("ck_committee_session_quorum"), "quorum >= 1")
    with op.batch_alter_table("committee_vote") as batch:
        batch.add_column(sa.Column("revision", sa.Integer(), server_default="1", nullable=False))
        batch.add_column(sa.Column("recorded_by", sa.Uuid(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_committee_vote_recorded_by_app_user"), "app_user", ["recorded_by"], ["id"]
        )
        batch.drop_constraint(op.f("pk_committee_vote"), type_="primary")
        batch.create_primary_key(op.f("pk_committee_vote"), ["agenda_item_id", "member_id", "revision"])
    bind.execute(sa.text("UPDATE committee_vote SET recorded_by = member_id WHERE recorded_by IS NULL"))


def _downgrade_both() -> None:
    bind = op.get_bind()
    bind.execute(
        sa.text(
            "DELETE FROM committee_vote WHERE revision < (SELECT max(v.revision) FROM committee_vote v "
            "WHERE v.agenda_item_id = committee_vote.agenda_item_id AND v.member_id = committee_vote.member_id)"
        )
    )
    with op.batch_alter_table("committee_vote") as batch:
        batch.drop_constraint(op.f("pk_committee_vote"), type_="primary")
        batch.create_primary_key(op.f("pk_committee_vote"), ["agenda_item_id", "member_id"])
        batch.drop_constraint(op.f("fk_committee_vote_recorded_by_app_user"), type_="foreignkey")
        batch.drop_column("recorded_by")
        batch.drop_column("revision")
    with op.batch_alter_table("committee_session") as batch:
        batch.drop_constraint(op.f("ck_committee_session_quorum"), type_="check")
        batch.drop_constraint(op.f("fk_committee_session_secretary_id_app_user"), type_="foreignkey")
        batch.drop_column("secretary_id")
    bind.execute(sa.text("UPDATE app_user SET role = 'committee_member' WHERE role = 'secretary'"))
    with op.batch_alter_table("app_user") as batch:
        batch.drop_constraint(op.f("ck_app_user_role"), type_="check")
        batch.create_check_constraint(op.f("ck_app_user_role"), f"role IN ({_list(ROLES_BEFORE)})")
    op.drop_table("stage_move")


# ---- PostgreSQL: roles and privileges ---------------------------------------------------------------


def _roles(prefix: str) -> dict[str, str]:
    return {kind: f"{prefix}_{kind}" for kind in (*KINDS, PEOPLE)}


def _create_roles(prefix: str) -> None:
    roles = _roles(prefix)
    for name in roles.values():
        op.execute(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{name}') THEN "
            f"CREATE ROLE {_quoted(name)} NOLOGIN; END IF; END $$"
        )
    for kind in KINDS:
        op.execute(f"GRANT {_quoted(roles[PEOPLE])} TO {_quoted(roles[kind])}")
    cases = " ".join(f"WHEN '{k}' THEN '{n}'" for k, n in roles.items())
    op.execute(
        "CREATE FUNCTION workbench_role(kind text) RETURNS name LANGUAGE sql IMMUTABLE PARALLEL SAFE "
        f"AS $$ SELECT (CASE kind {cases} END)::name $$"
    )


def _grant(prefix: str, schema: str) -> None:
    roles = _roles(prefix)
    people = _quoted(roles[PEOPLE])
    tables = [
        name
        for (name,) in op.get_bind().execute(
            sa.text("SELECT tablename FROM pg_tables WHERE schemaname = :schema"), {"schema": schema}
        )
    ]
    for table in tables:
        op.execute(f"REVOKE ALL ON {_quoted(table)} FROM PUBLIC")
        op.execute(f"GRANT SELECT ON {_quoted(table)} TO {people}")
    op.execute(f"REVOKE CREATE ON SCHEMA {_quoted(schema)} FROM PUBLIC")
    op.execute(f"GRANT USAGE ON SCHEMA {_quoted(schema)} TO {people}")
    op.execute(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {_quoted(schema)} TO {people}")
    # Row security narrows these to the case's officer (and the chair's decision step).
    for table in ("case_file", *CASE_DETAILS):
        op.execute(f"GRANT INSERT, UPDATE, DELETE ON {table} TO {people}")
    op.execute(f"GRANT INSERT ON case_submission TO {people}")
    for table, kinds in INSERTERS.items():
        for kind in kinds:
            op.execute(f"GRANT INSERT ON {table} TO {_quoted(roles[kind])}")
    chair, admin = _quoted(roles["committee_chair"]), _quoted(roles["admin"])
    for grantee in (chair, admin):
        op.execute(f"GRANT INSERT, UPDATE ON committee_session TO {grantee}")
        op.execute(f"GRANT INSERT ON committee_member, committee_agenda_item TO {grantee}")
    op.execute(f"GRANT INSERT, UPDATE ON app_user TO {admin}")


# ---- PostgreSQL: row security ---------------------------------------------------------------------


def _definer(signature: str, returns: str, body: str, *, schema: str, language: str = "plpgsql") -> None:
    volatility = "STABLE " if returns != "trigger" else ""
    op.execute(
        f"CREATE FUNCTION {signature} RETURNS {returns} LANGUAGE {language} {volatility}"
        f"SECURITY DEFINER SET search_path = {_quoted(schema)}, pg_temp AS $fn$ {body} $fn$"
    )
    op.execute(f"REVOKE ALL ON FUNCTION {signature.split(' ')[0].split('(')[0]}"
               f"({_arg_types(signature)}) FROM PUBLIC")  # fmt: skip


def _arg_types(signature: str) -> str:
    inside = signature[signature.index("(") + 1 : signature.rindex(")")]
    return ", ".join(part.split()[-1] for part in inside.split(",") if part.strip())


def _row_security(prefix: str, schema: str) -> None:
    people = _quoted(_roles(prefix)[PEOPLE])
    sql = "sql"
    _definer(
        "workbench_may_write_case(p_case uuid)",
        "boolean",
        "SELECT EXISTS (SELECT 1 FROM case_file WHERE id = p_case AND officer_id = workbench_actor())",
        schema=schema,
        language=sql,
    )
    _definer(
        "workbench_chairs_session(p_session uuid)",
        "boolean",
        "SELECT EXISTS (SELECT 1 FROM committee_session WHERE id = p_session "
        "AND chair_id = workbench_actor() AND status = 'open')",
        schema=schema,
        language=sql,
    )
    _definer(
        "workbench_chairs_case(p_case uuid)",
        "boolean",
        "SELECT EXISTS (SELECT 1 FROM committee_agenda_item a JOIN committee_session s ON s.id = a.session_id "
        "WHERE a.case_id = p_case AND s.chair_id = workbench_actor() AND s.status = 'open')",
        schema=schema,
        language=sql,
    )
    # Who edited a case: its officer and whoever saved a version that changed more than the stage
    # (the chair's decision step changes the stage only).
    _definer(
        "workbench_case_editors(p_case uuid)",
        "SETOF uuid",
        "SELECT officer_id FROM case_file WHERE id = p_case UNION "
        "SELECT saved_by FROM case_version WHERE case_id = p_case AND changed_json <> '[\"stage\"]'",
        schema=schema,
        language=sql,
    )
    for function in ("workbench_may_write_case(uuid)", "workbench_chairs_case(uuid)",
                     "workbench_chairs_session(uuid)", "workbench_case_editors(uuid)"):  # fmt: skip
        op.execute(f"GRANT EXECUTE ON FUNCTION {function} TO {people}")
    actor = "(SELECT workbench_actor())"  # once per statement, not per row
    op.execute("ALTER TABLE case_file ENABLE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY read ON case_file FOR SELECT TO {people} USING (true)")
    op.execute(f"CREATE POLICY add ON case_file FOR INSERT TO {people} WITH CHECK (officer_id = {actor})")
    op.execute(
        f"CREATE POLICY change ON case_file FOR UPDATE TO {people} "
        f"USING (officer_id = {actor} OR workbench_chairs_case(id)) "
        f"WITH CHECK (officer_id = {actor} OR workbench_chairs_case(id))"
    )
    op.execute(f"CREATE POLICY remove ON case_file FOR DELETE TO {people} USING (officer_id = {actor})")
    # Through the parent case: one primary-key probe per row, the actor asked once per statement.
    owns = f"EXISTS (SELECT 1 FROM case_file c WHERE c.id = case_id AND c.officer_id = {actor})"
    for table in CASE_DETAILS:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY read ON {table} FOR SELECT TO {people} USING (true)")
        op.execute(f"CREATE POLICY write ON {table} FOR ALL TO {people} USING ({owns}) WITH CHECK ({owns})")
    op.execute("ALTER TABLE case_version ENABLE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY read ON case_version FOR SELECT TO {people} USING (true)")
    op.execute(
        f"CREATE POLICY add ON case_version FOR INSERT TO {people} WITH CHECK "
        f"(saved_by = {actor} AND (workbench_may_write_case(case_id) OR workbench_chairs_case(case_id)))"
    )
    op.execute("ALTER TABLE case_submission ENABLE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY read ON case_submission FOR SELECT TO {people} USING (true)")
    op.execute(
        f"CREATE POLICY add ON case_submission FOR INSERT TO {people} WITH CHECK "
        f"(submitted_by = {actor} AND workbench_may_write_case(case_id))"
    )


# ---- PostgreSQL: the rules as triggers --------------------------------------------------------------

REFUSE = "RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', MESSAGE = "


def _decision_check() -> str:
    """PL/pgSQL: the decision row that allows ``step`` out of 审批 for the chair ``actor``."""
    cases = " ".join(
        f"WHEN '{step}' THEN ARRAY[{_list(outcomes)}]" for step, outcomes in DECISION_OUTCOMES.items()
    )
    return (
        "IF NOT EXISTS (SELECT 1 FROM committee_decision d "
        "JOIN committee_agenda_item a ON a.id = d.agenda_item_id "
        "JOIN committee_session s ON s.id = a.session_id "
        "WHERE a.case_id = OLD.id AND a.case_version = OLD.version_id AND s.chair_id = actor "
        f"AND d.outcome = ANY (CASE move {cases} END)) THEN "
        f"{REFUSE} format('case %s: %s -> %s needs the decision of this version by the session''s chair', "
        "OLD.id, OLD.stage, NEW.stage); END IF;"
    )


def _triggers(schema: str) -> None:
    # case_file: the lifecycle, frozen cases and frozen decided figures.
    _definer(
        "workbench_case_file_rules()",
        "trigger",
        f"""
        DECLARE actor uuid; move text;
        BEGIN
          IF workbench_is_owner() THEN RETURN COALESCE(NEW, OLD); END IF;
          actor := workbench_actor();
          IF TG_OP = 'DELETE' THEN
            IF OLD.stage NOT IN ({_list(BEFORE_COMMITTEE)}) THEN
              {REFUSE} format('case %s in stage %s cannot be deleted', OLD.id, OLD.stage);
            END IF;
            RETURN OLD;
          END IF;
          IF TG_OP = 'INSERT' THEN
            IF NEW.stage NOT IN ({_list(BEFORE_COMMITTEE)}) THEN
              {REFUSE} format('a new case cannot start in stage %s (only the committee''s path leads there)',
                              NEW.stage);
            END IF;
            IF NEW.version_id <> 1 OR NEW.created_by IS DISTINCT FROM actor
               OR NEW.updated_by IS DISTINCT FROM actor THEN
              {REFUSE} 'a new case is version 1, created by whoever acts';
            END IF;
            RETURN NEW;
          END IF;
          IF NEW.officer_id <> OLD.officer_id OR NEW.created_by <> OLD.created_by
             OR NEW.created_at <> OLD.created_at THEN
            {REFUSE} format('case %s: its officer and creation cannot change', OLD.id);
          END IF;
          IF NEW.version_id <> OLD.version_id + 1 OR NEW.updated_by IS DISTINCT FROM actor THEN
            {REFUSE} format('case %s: a save makes the next version, by whoever acts', OLD.id);
          END IF;
          IF NEW.stage <> OLD.stage THEN
            SELECT step INTO move FROM stage_move WHERE source = OLD.stage AND target = NEW.stage;
            IF move IS NULL THEN
              {REFUSE} format('case %s: no step leads from %s to %s', OLD.id, OLD.stage, NEW.stage);
            END IF;
          END IF;
          IF actor IS DISTINCT FROM OLD.officer_id THEN
            -- the chair's decision step (row security let only her through): the stage, nothing else
            IF move IS NULL OR move IN ('save', 'submit')
               OR (NEW.case_number, NEW.product, NEW.loan_class, NEW.borrower_name, NEW.business_name,
                   NEW.requested_minor, NEW.term_months, NEW.survey_date, NEW.search_text,
                   NEW.borrower_json, NEW.request_json, NEW.dates_json, NEW.officers_json,
                   NEW.household_json, NEW.business_json, NEW.soft_info_json, NEW.notes_json,
                   NEW.balance_sheet_json, NEW.prior_balance_sheet_json, NEW.profit_loss_json,
                   NEW.equity_check_json)
                  IS DISTINCT FROM
                  (OLD.case_number, OLD.product, OLD.loan_class, OLD.borrower_name, OLD.business_name,
                   OLD.requested_minor, OLD.term_months, OLD.survey_date, OLD.search_text,
                   OLD.borrower_json, OLD.request_json, OLD.dates_json, OLD.officers_json,
                   OLD.household_json, OLD.business_json, OLD.soft_info_json, OLD.notes_json,
                   OLD.balance_sheet_json, OLD.prior_balance_sheet_json, OLD.profit_loss_json,
                   OLD.equity_check_json) THEN
              {REFUSE} format('case %s belongs to another officer', OLD.id);
            END IF;
          END IF;
          IF move IN ({_list(tuple(DECISION_OUTCOMES))}) THEN
            {_decision_check()}
          ELSIF OLD.stage = 'approval' THEN
            {REFUSE} format('case %s is with the committee: only its decision moves it', OLD.id);
          END IF;
          IF OLD.stage IN ({_list(APPROVED)}) AND NEW.stage <> 'approval'
             AND (NEW.requested_minor, NEW.term_months) IS DISTINCT FROM (OLD.requested_minor, OLD.term_months)
          THEN
            {REFUSE} format('case %s: the approved amount and term are frozen; changed terms go back '
                            'to the committee as a new version', OLD.id);
          END IF;
          RETURN NEW;
        END""",
        schema=schema,
    )
    op.execute(
        "CREATE TRIGGER case_file_rules BEFORE INSERT OR UPDATE OR DELETE ON case_file "
        "FOR EACH ROW EXECUTE FUNCTION workbench_case_file_rules()"
    )
    # A case enters 审批 by submission: the submission row for that version must be there at commit.
    _definer(
        "workbench_case_submitted()",
        "trigger",
        f"""
        BEGIN
          IF workbench_is_owner() THEN RETURN NULL; END IF;
          IF NOT EXISTS (SELECT 1 FROM case_submission WHERE case_id = NEW.id AND case_version = NEW.version_id)
          THEN
            {REFUSE} format('case %s entered 审批 without being submitted', NEW.id);
          END IF;
          RETURN NULL;
        END""",
        schema=schema,
    )
    op.execute(
        "CREATE CONSTRAINT TRIGGER case_file_submitted AFTER UPDATE ON case_file "
        "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
        "WHEN (NEW.stage = 'approval' AND OLD.stage <> 'approval') "
        "EXECUTE FUNCTION workbench_case_submitted()"
    )
    _definer(
        "workbench_case_submission_rules()",
        "trigger",
        f"""
        BEGIN
          IF workbench_is_owner() THEN RETURN NEW; END IF;
          IF NOT EXISTS (SELECT 1 FROM case_file WHERE id = NEW.case_id AND stage = 'approval'
                         AND version_id = NEW.case_version) THEN
            {REFUSE} format('case %s: only its newest version, in 审批, is submitted', NEW.case_id);
          END IF;
          RETURN NEW;
        END""",
        schema=schema,
    )
    op.execute(
        "CREATE TRIGGER case_submission_rules BEFORE INSERT ON case_submission "
        "FOR EACH ROW EXECUTE FUNCTION workbench_case_submission_rules()"
    )
    # A version snapshot is the case as saved: its newest version, with its content hash.
    _definer(
        "workbench_case_version_rules()",
        "trigger",
        f"""
        BEGIN
          IF workbench_is_owner() THEN RETURN NEW; END IF;
          IF NOT EXISTS (SELECT 1 FROM case_file WHERE id = NEW.case_id AND version_id = NEW.version
                         AND content_sha256 = NEW.content_sha256)
             OR encode(sha256(convert_to(NEW.document, 'UTF8')), 'hex') <> NEW.content_sha256 THEN
            {REFUSE} format('case %s: a version snapshot must be the case as saved', NEW.case_id);
          END IF;
          RETURN NEW;
        END""",
        schema=schema,
    )
    op.execute(
        "CREATE TRIGGER case_version_rules BEFORE INSERT ON case_version "
        "FOR EACH ROW EXECUTE FUNCTION workbench_case_version_rules()"
    )
    _committee_triggers(schema)
    _definer(
        "workbench_app_user_rules()",
        "trigger",
        f"""
        BEGIN
          IF workbench_is_owner() THEN RETURN NEW; END IF;
          IF TG_OP = 'UPDATE' AND OLD.id = workbench_actor()
             AND (NEW.role <> OLD.role OR NEW.is_admin <> OLD.is_admin OR NEW.username <> OLD.username
                  OR NOT NEW.active) THEN
            {REFUSE} 'an administrator cannot change her own role, administrator flag, login or account';
          END IF;
          RETURN NEW;
        END""",
        schema=schema,
    )
    op.execute(
        "CREATE TRIGGER app_user_rules BEFORE INSERT OR UPDATE ON app_user "
        "FOR EACH ROW EXECUTE FUNCTION workbench_app_user_rules()"
    )


def _committee_triggers(schema: str) -> None:
    not_editor = (
        "SELECT 1 FROM committee_agenda_item a WHERE a.session_id = {session} "
        "AND {member} IN (SELECT workbench_case_editors(a.case_id))"
    )
    _definer(
        "workbench_session_rules()",
        "trigger",
        f"""
        DECLARE voters integer;
        BEGIN
          IF workbench_is_owner() THEN RETURN NEW; END IF;
          IF TG_OP = 'INSERT' THEN
            IF NEW.chair_id IS DISTINCT FROM workbench_actor() OR NEW.status <> 'open' THEN
              {REFUSE} 'a session is opened by its chair';
            END IF;
            RETURN NEW;
          END IF;
          IF OLD.chair_id IS DISTINCT FROM workbench_actor() OR OLD.status <> 'open'
             OR NEW.status = 'open'
             OR (NEW.id, NEW.held_on, NEW.place, NEW.chair_id, NEW.secretary, NEW.secretary_id, NEW.rule,
                 NEW.quorum) IS DISTINCT FROM
                (OLD.id, OLD.held_on, OLD.place, OLD.chair_id, OLD.secretary, OLD.secretary_id, OLD.rule,
                 OLD.quorum) THEN
            {REFUSE} format('session %s: only its chair closes it, and nothing else changes', OLD.id);
          END IF;
          SELECT count(*) INTO voters FROM committee_member WHERE session_id = OLD.id AND votes;
          IF OLD.quorum > voters THEN
            {REFUSE} format('session %s: quorum %s is more than its %s voting members', OLD.id, OLD.quorum, voters);
          END IF;
          IF EXISTS (SELECT 1 FROM committee_agenda_item a WHERE a.session_id = OLD.id AND NOT EXISTS
                     (SELECT 1 FROM committee_decision d WHERE d.agenda_item_id = a.id)) THEN
            {REFUSE} format('session %s: every case on its agenda must be decided first', OLD.id);
          END IF;
          RETURN NEW;
        END""",
        schema=schema,
    )
    op.execute(
        "CREATE TRIGGER committee_session_rules BEFORE INSERT OR UPDATE ON committee_session "
        "FOR EACH ROW EXECUTE FUNCTION workbench_session_rules()"
    )
    _definer(
        "workbench_member_rules()",
        "trigger",
        f"""
        BEGIN
          IF workbench_is_owner() THEN RETURN NEW; END IF;
          IF NOT workbench_chairs_session(NEW.session_id) THEN
            {REFUSE} format('session %s: only its chair seats members, while it is open', NEW.session_id);
          END IF;
          IF NEW.votes AND (
               EXISTS ({not_editor.format(session="NEW.session_id", member="NEW.user_id")})
               OR EXISTS (SELECT 1 FROM app_user WHERE id = NEW.user_id AND role = 'secretary')) THEN
            {REFUSE} format('%s cannot be a voting member: a secretary, or an editor of a case on the agenda',
                            NEW.user_id);
          END IF;
          RETURN NEW;
        END""",
        schema=schema,
    )
    op.execute(
        "CREATE TRIGGER committee_member_rules BEFORE INSERT ON committee_member "
        "FOR EACH ROW EXECUTE FUNCTION workbench_member_rules()"
    )
    _definer(
        "workbench_agenda_rules()",
        "trigger",
        f"""
        BEGIN
          IF workbench_is_owner() THEN RETURN NEW; END IF;
          IF NOT workbench_chairs_session(NEW.session_id) THEN
            {REFUSE} format('session %s: only its chair sets the agenda, while it is open', NEW.session_id);
          END IF;
          IF NOT EXISTS (SELECT 1 FROM case_file c WHERE c.id = NEW.case_id AND c.stage = 'approval'
                         AND c.version_id = NEW.case_version)
             OR NEW.case_version IS DISTINCT FROM (SELECT case_version FROM case_submission
                                                  WHERE case_id = NEW.case_id ORDER BY id DESC LIMIT 1) THEN
            {REFUSE} format('case %s: only its submitted version goes on an agenda', NEW.case_id);
          END IF;
          IF EXISTS (SELECT 1 FROM committee_member m WHERE m.session_id = NEW.session_id AND m.votes
                     AND m.user_id IN (SELECT workbench_case_editors(NEW.case_id))) THEN
            {REFUSE} format('case %s: its officer or an editor of it is a voting member of the session',
                            NEW.case_id);
          END IF;
          RETURN NEW;
        END""",
        schema=schema,
    )
    op.execute(
        "CREATE TRIGGER committee_agenda_rules BEFORE INSERT ON committee_agenda_item "
        "FOR EACH ROW EXECUTE FUNCTION workbench_agenda_rules()"
    )
    _definer(
        "workbench_vote_rules()",
        "trigger",
        f"""
        DECLARE actor uuid; item record;
        BEGIN
          IF workbench_is_owner() THEN
            NEW.recorded_by := COALESCE(NEW.recorded_by, workbench_actor(), NEW.member_id);
            RETURN NEW;
          END IF;
          actor := workbench_actor();
          NEW.recorded_by := actor;
          SELECT a.case_id, s.id AS session_id, s.status, s.secretary_id INTO item
            FROM committee_agenda_item a JOIN committee_session s ON s.id = a.session_id
           WHERE a.id = NEW.agenda_item_id;
          IF item.status IS DISTINCT FROM 'open'
             OR EXISTS (SELECT 1 FROM committee_decision WHERE agenda_item_id = NEW.agenda_item_id) THEN
            {REFUSE} 'votes are cast while the case is undecided in an open session';
          END IF;
          IF actor IS DISTINCT FROM NEW.member_id AND actor IS DISTINCT FROM item.secretary_id THEN
            {REFUSE} 'a vote is cast by the member herself or recorded by the session''s secretary';
          END IF;
          IF NOT EXISTS (SELECT 1 FROM committee_member WHERE session_id = item.session_id
                         AND user_id = NEW.member_id AND votes) THEN
            {REFUSE} format('%s is not a voting member of the session', NEW.member_id);
          END IF;
          IF NEW.member_id IN (SELECT workbench_case_editors(item.case_id)) THEN
            {REFUSE} format('%s edited case %s and cannot vote on it', NEW.member_id, item.case_id);
          END IF;
          RETURN NEW;
        END""",
        schema=schema,
    )
    op.execute(
        "CREATE TRIGGER committee_vote_rules BEFORE INSERT ON committee_vote "
        "FOR EACH ROW EXECUTE FUNCTION workbench_vote_rules()"
    )
    _definer(
        "workbench_decision_rules()",
        "trigger",
        f"""
        DECLARE item record; voters integer; cast_by integer;
        BEGIN
          IF workbench_is_owner() THEN RETURN NEW; END IF;
          SELECT s.id, s.chair_id, s.status, s.quorum INTO item
            FROM committee_agenda_item a JOIN committee_session s ON s.id = a.session_id
           WHERE a.id = NEW.agenda_item_id;
          IF item.chair_id IS DISTINCT FROM workbench_actor() OR item.status IS DISTINCT FROM 'open' THEN
            {REFUSE} 'a decision is recorded by the session''s chair, while the session is open';
          END IF;
          SELECT count(*) INTO voters FROM committee_member WHERE session_id = item.id AND votes;
          SELECT count(DISTINCT member_id) INTO cast_by FROM committee_vote WHERE agenda_item_id = NEW.agenda_item_id;
          IF item.quorum > voters OR cast_by < item.quorum THEN
            {REFUSE} format('quorum %s: %s voting members, %s voted', item.quorum, voters, cast_by);
          END IF;
          RETURN NEW;
        END""",
        schema=schema,
    )
    op.execute(
        "CREATE TRIGGER committee_decision_rules BEFORE INSERT ON committee_decision "
        "FOR EACH ROW EXECUTE FUNCTION workbench_decision_rules()"
    )


def upgrade() -> None:
    _upgrade_both()
    if op.get_context().dialect.name != "postgresql":
        return
    bind = op.get_bind()
    database, schema = bind.execute(sa.text("SELECT current_database(), current_schema()")).one()
    prefix = role_prefix(database)
    _create_roles(prefix)
    _triggers(schema)
    _grant(prefix, schema)
    _row_security(prefix, schema)


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        bind = op.get_bind()
        (schema,) = bind.execute(sa.text("SELECT current_schema()")).one()
        prefix = bind.execute(sa.text("SELECT workbench_role('people')")).scalar_one()[: -len(PEOPLE) - 1]
        for table in ("case_file", *CASE_DETAILS, "case_version", "case_submission"):
            for (policy,) in list(
                bind.execute(sa.text("SELECT policyname FROM pg_policies WHERE tablename = :t"), {"t": table})
            ):
                op.execute(f"DROP POLICY {_quoted(policy)} ON {table}")
            op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        for trigger, table in (
            ("case_file_rules", "case_file"),
            ("case_file_submitted", "case_file"),
            ("case_submission_rules", "case_submission"),
            ("case_version_rules", "case_version"),
            ("committee_session_rules", "committee_session"),
            ("committee_member_rules", "committee_member"),
            ("committee_agenda_rules", "committee_agenda_item"),
            ("committee_vote_rules", "committee_vote"),
            ("committee_decision_rules", "committee_decision"),
            ("app_user_rules", "app_user"),
        ):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
        for function in RULE_FUNCTIONS:
            op.execute(f"DROP FUNCTION IF EXISTS {function}")
        # The group roles stay (other databases may use them); their grants here go.
        for name in _roles(prefix).values():
            op.execute(
                f"DO $$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = '{name}') THEN "
                f"EXECUTE 'REVOKE ALL ON ALL TABLES IN SCHEMA {_quoted(schema)} FROM {_quoted(name)}'; "
                f"EXECUTE 'REVOKE ALL ON ALL SEQUENCES IN SCHEMA {_quoted(schema)} FROM {_quoted(name)}'; "
                f"EXECUTE 'REVOKE ALL ON SCHEMA {_quoted(schema)} FROM {_quoted(name)}'; END IF; END $$"
            )
        op.execute("DROP FUNCTION IF EXISTS workbench_role(text)")
    _downgrade_both()
