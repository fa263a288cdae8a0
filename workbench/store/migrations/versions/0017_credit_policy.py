"""The bank's credit policy, kept in the store as immutable versions; each case names the one it used.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07

* ``credit_policy``: one row per version (1, 2, 3 …; the newest is in force): its name, the whole
  policy as JSON (``domain.policy.policy_to_plain``, every field written), who wrote it and when. A
  version is never changed or removed: an edit is a new version. Version 1 is seeded here with the
  numbers the program used until now (``SEED``, frozen: today's ``DEFAULT_POLICY``), so an existing
  store upgrades in place and its cases keep their figures.
* ``case_file.policy_version`` and ``case_version.policy_version``: the version a case (a saved
  version of it) was computed under; 1 for everything saved before.

PostgreSQL: people read the policy, only the administrators' group (``workbench_role('admin')``)
inserts, nobody updates, deletes or truncates (a trigger refuses even a grant added later; the schema
owner passes no trigger either, as for the certificate registry). Every new version is audited by the
database itself (``credit_policy_audit``, the same chain as 0012: ``row.credit_policy``, the row as
JSON). SQLite: triggers refuse UPDATE and DELETE; the store writes the audit entry
(``policy_repository``).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from alembic import op

if TYPE_CHECKING:
    from collections.abc import Sequence

# revision identifiers, used by Alembic.
revision: str = "0017"
down_revision: str | Sequence[str] | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "credit_policy"
MESSAGE = "credit_policy: a policy version is never changed or removed; save a new version"
SEED = {
    "alpha": "0.80",
    "check_tolerances": [],
    "days_per_month": "30",
    "equity_tolerance": {"explain": "0.10", "ok": "0.05"},
    "flow_tolerance": {"explain": "0.10", "ok": "0.05"},
    "material_items": [
        "sales", "gross_margin", "expenses", "household", "inventory", "receivables", "debts", "income"
    ],
    "materiality_share": "0.10",
    "min_checks_per_item": 2,
    "min_explanation_weight": 6,
    "minimum_cash_buffer": "0",
    "name": "default",
    "products": [
        {
            "first_loan_cap": None,
            "max_amount": "300000",
            "max_annual_rate": "0.36",
            "max_months": 360,
            "methods": ["annuity", "equal-principal", "flat", "interest-only", "bullet", "seasonal"],
            "min_amount": "0",
            "min_annual_rate": "0",
            "min_months": 1,
            "name": "default",
        }
    ],
    "rounding": {"instalment_mode": "half-up", "instalment_unit": "0.01", "loan_unit": "1000"},
    "sensitivities": ["0.50", "0.70", "0.80"],
    "store_checks_block": True,
    "version": 1,
}  # fmt: skip
"""Version 1: the numbers of ``DEFAULT_POLICY`` when policies came (a test keeps them equal)."""

PG_FUNCTIONS = f"""
CREATE FUNCTION credit_policy_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE FUNCTION workbench_audit_policy() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = {{schema}}, pg_temp
AS $$
BEGIN
    INSERT INTO audit_entry (user_id, case_id, action, field, before, after)
    VALUES (NEW.created_by, NULL, 'create', 'row.credit_policy', NULL, to_jsonb(NEW)::text);
    RETURN NULL;
END $$;
"""


def _upgrade_postgresql() -> None:
    schema = op.get_bind().exec_driver_sql("SELECT quote_ident(current_schema())").scalar_one()
    op.execute(PG_FUNCTIONS.replace("{schema}", str(schema)))
    op.execute(
        f"CREATE TRIGGER {TABLE}_guard BEFORE UPDATE OR DELETE ON {TABLE} "
        "FOR EACH ROW EXECUTE FUNCTION credit_policy_guard()"
    )
    op.execute(
        f"CREATE TRIGGER {TABLE}_no_truncate BEFORE TRUNCATE ON {TABLE} "
        "FOR EACH STATEMENT EXECUTE FUNCTION credit_policy_guard()"
    )
    # After the seed: the seed has no user to name, and the chain wants one.
    op.execute(
        f"CREATE TRIGGER {TABLE}_audit AFTER INSERT ON {TABLE} "
        "FOR EACH ROW EXECUTE FUNCTION workbench_audit_policy()"
    )
    op.execute(f"REVOKE ALL ON {TABLE} FROM PUBLIC")
    op.execute("REVOKE ALL ON FUNCTION workbench_audit_policy() FROM PUBLIC")
    people, admin = (
        op.get_bind().exec_driver_sql(f"SELECT quote_ident(workbench_role('{kind}'))").scalar_one()
        for kind in ("people", "admin")
    )
    op.execute(f"GRANT SELECT ON {TABLE} TO {people}")
    op.execute(f"GRANT INSERT ON {TABLE} TO {admin}")


def upgrade() -> None:
    postgresql = op.get_context().dialect.name == "postgresql"
    policy = op.create_table(
        TABLE,
        sa.Column("version", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.CheckConstraint("version >= 1", name=op.f("ck_credit_policy_version_positive")),
        sa.ForeignKeyConstraint(["created_by"], ["app_user.id"], name=op.f("fk_credit_policy_created_by_app_user")),
        sa.PrimaryKeyConstraint("version", name=op.f("pk_credit_policy")),
    )
    document = json.dumps(SEED, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    op.bulk_insert(
        policy,
        [{"version": 1, "name": SEED["name"], "document": document, "created_at": datetime.now(UTC), "created_by": None}],
    )
    for table in ("case_file", "case_version"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("policy_version", sa.Integer(), server_default="1", nullable=False))
    if postgresql:
        _upgrade_postgresql()
        return
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER {TABLE}_no_{verb.lower()} BEFORE {verb} ON {TABLE} "
            f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
        )


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        for trigger in ("guard", "no_truncate", "audit"):
            op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_{trigger} ON {TABLE}")
        op.execute("DROP FUNCTION IF EXISTS credit_policy_guard()")
        op.execute("DROP FUNCTION IF EXISTS workbench_audit_policy()")
    else:
        for verb in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_no_{verb}")
    for table in ("case_version", "case_file"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("policy_version")
    op.drop_table(TABLE)
