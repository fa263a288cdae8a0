"""A reviewer records her override of a failing check on another officer's case (PostgreSQL).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07

The readiness gate counts a FAIL check when a reviewer accepts it (复核认可, ``notes.check_overrides``,
``services.cases.record_override``): a new version of the case, saved by the reviewer. 0010's row
security lets only a case's officer (and the chair's decision step) update it, so on a store where each
person signs in with her own login the reviewer was refused. Now:

* ``workbench_reviewer_override(old, new)``: true when whoever acts is an active reviewer and the
  update changes the case's ``notes.check_overrides`` and nothing else of its content (the stage, the
  figures, the other notes: all as they were), every override it adds carrying her own name;
* row security: such a reviewer may update ``case_file`` and add the version snapshot
  (``case_version``, INSERT granted to the reviewer group); the details' tables stay the officer's;
* ``workbench_case_file_rules`` lets that update through where it refused "another officer's case";
  everything after (a case with the committee, frozen approved terms) still applies.

SQLite: nothing (a file cannot protect itself from whoever has it; the services refuse the same).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from alembic import op

if TYPE_CHECKING:
    from collections.abc import Sequence

# revision identifiers, used by Alembic.
revision: str = "0015"
down_revision: str | Sequence[str] | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CONTENT = (
    "case_number, product, loan_class, borrower_name, business_name, requested_minor, term_months, "
    "survey_date, search_text, borrower_json, request_json, dates_json, officers_json, household_json, "
    "business_json, soft_info_json, balance_sheet_json, prior_balance_sheet_json, profit_loss_json, "
    "equity_check_json, stage, borrower_id_key"
)
"""The case's content columns besides ``notes_json`` (those 0010's trigger freezes for the chair)."""

REVIEWER_OVERRIDE = """
DECLARE me uuid := workbench_actor(); name text; before jsonb; after jsonb;
BEGIN
  SELECT coalesce(nullif(display_name, ''), username) INTO name FROM app_user
   WHERE id = me AND active AND role = 'reviewer';
  IF name IS NULL OR ({old_content}) IS DISTINCT FROM ({new_content}) THEN
    RETURN false;
  END IF;
  before := o.notes_json::jsonb;
  after := n.notes_json::jsonb;
  IF before - 'check_overrides' IS DISTINCT FROM after - 'check_overrides' THEN
    RETURN false;
  END IF;
  -- Any reviewer may take an override back; one she adds is hers.
  RETURN NOT EXISTS (
    SELECT 1 FROM jsonb_array_elements(coalesce(after -> 'check_overrides', '[]')) added
     WHERE NOT coalesce(before -> 'check_overrides', '[]') @> jsonb_build_array(added)
       AND added ->> 'reviewer' IS DISTINCT FROM name);
END"""

ANCHOR = "IF actor IS DISTINCT FROM OLD.officer_id THEN"
LET_THROUGH = "IF actor IS DISTINCT FROM OLD.officer_id AND NOT workbench_reviewer_override(OLD, NEW) THEN"

REVIEWER = "(SELECT workbench_reviewer())"
ACTOR = "(SELECT workbench_actor())"
CASE_FILE_BEFORE = f"officer_id = {ACTOR} OR workbench_chairs_case(id)"
VERSION_BEFORE = f"saved_by = {ACTOR} AND (workbench_may_write_case(case_id) OR workbench_chairs_case(case_id))"
VERSION_AFTER = (
    f"saved_by = {ACTOR} AND (workbench_may_write_case(case_id) OR workbench_chairs_case(case_id) OR {REVIEWER})"
)


def _columns(record: str) -> str:
    return ", ".join(f"{record}.{column.strip()}" for column in CONTENT.split(","))


def _definer(signature: str, returns: str, body: str, language: str = "plpgsql") -> None:
    op.execute(
        f"CREATE FUNCTION {signature} RETURNS {returns} LANGUAGE {language} STABLE SECURITY DEFINER "
        f"SET search_path = {_schema()}, pg_temp AS $fn$ {body} $fn$"
    )
    op.execute(f"REVOKE ALL ON FUNCTION {signature.split('(')[0]} FROM PUBLIC")
    op.execute(f"GRANT EXECUTE ON FUNCTION {signature.split('(')[0]} TO {_group('people')}")


def _schema() -> str:
    return str(op.get_bind().exec_driver_sql("SELECT quote_ident(current_schema())").scalar_one())


def _group(kind: str) -> str:
    return str(op.get_bind().exec_driver_sql(f"SELECT quote_ident(workbench_role('{kind}'))").scalar_one())


def _replace_in_case_rules(old: str, new: str) -> None:
    """Edit 0010's trigger function in place: one line of it, found exactly once, or the upgrade stops."""
    bind = op.get_bind()
    definition = str(
        bind.exec_driver_sql(
            "SELECT pg_get_functiondef('workbench_case_file_rules()'::regprocedure)"
        ).scalar_one()
    )
    if definition.count(old) != 1:
        raise RuntimeError(f"workbench_case_file_rules() has no single line {old!r} to change")
    bind.exec_driver_sql(definition.replace(old, new).replace("%", "%%"))


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    _definer(
        "workbench_reviewer()",
        "boolean",
        "SELECT EXISTS (SELECT 1 FROM app_user WHERE id = workbench_actor() AND active AND role = 'reviewer')",
        language="sql",
    )
    _definer(
        "workbench_reviewer_override(o case_file, n case_file)",
        "boolean",
        REVIEWER_OVERRIDE.format(old_content=_columns("o"), new_content=_columns("n")),
    )
    op.execute(
        f"ALTER POLICY change ON case_file USING ({CASE_FILE_BEFORE} OR {REVIEWER}) "
        f"WITH CHECK ({CASE_FILE_BEFORE} OR {REVIEWER})"
    )
    op.execute(f"ALTER POLICY add ON case_version WITH CHECK ({VERSION_AFTER})")
    op.execute(f"GRANT INSERT ON case_version TO {_group('reviewer')}")
    _replace_in_case_rules(ANCHOR, LET_THROUGH)


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    _replace_in_case_rules(LET_THROUGH, ANCHOR)
    op.execute(f"REVOKE INSERT ON case_version FROM {_group('reviewer')}")
    op.execute(f"ALTER POLICY add ON case_version WITH CHECK ({VERSION_BEFORE})")
    op.execute(f"ALTER POLICY change ON case_file USING ({CASE_FILE_BEFORE}) WITH CHECK ({CASE_FILE_BEFORE})")
    op.execute("DROP FUNCTION IF EXISTS workbench_reviewer_override(case_file, case_file)")
    op.execute("DROP FUNCTION IF EXISTS workbench_reviewer()")
