"""The identity registry: signing certificates registered to people by the administrator.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07

``registered_certificate`` holds each registered certificate (DER), its SHA-256 fingerprint
(unique: one certificate belongs to one person), who registered it when, and its revocation. The
report archive takes a signed PDF only when its last signer's certificate is registered here, not
revoked, to the person archiving it (``services.archive``).

A row is never deleted and never changed except once, to revoke it: the database refuses anything
else (triggers on both engines; TRUNCATE too on PostgreSQL), so an archived report's signer stays
traceable to what was registered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sqlalchemy as sa
from alembic import op

if TYPE_CHECKING:
    from collections.abc import Sequence

# revision identifiers, used by Alembic.
revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "registered_certificate"
MESSAGE = "registered_certificate: a registered certificate is only ever revoked, once"
FIXED = (
    "id",
    "user_id",
    "certificate",
    "fingerprint",
    "subject",
    "serial",
    "not_before",
    "not_after",
    "registered_by",
    "registered_at",
)
"""Every column but the revocation's."""

PG_GUARD = f"""
CREATE FUNCTION registered_certificate_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'UPDATE' OR OLD.revoked_at IS NOT NULL OR NEW.revoked_at IS NULL OR NEW.revoked_by IS NULL
       OR ({", ".join(f"NEW.{c}" for c in FIXED)}) IS DISTINCT FROM ({", ".join(f"OLD.{c}" for c in FIXED)})
    THEN
        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$
"""

SQLITE_CHANGED = " OR ".join(
    ["OLD.revoked_at IS NOT NULL", "NEW.revoked_at IS NULL", "NEW.revoked_by IS NULL"]
    + [f"NEW.{c} IS NOT OLD.{c}" for c in FIXED]
)


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("certificate", sa.LargeBinary(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("serial", sa.String(length=100), nullable=False),
        sa.Column("not_before", sa.DateTime(timezone=True), nullable=False),
        sa.Column("not_after", sa.DateTime(timezone=True), nullable=False),
        sa.Column("registered_by", sa.Uuid(), nullable=False),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_by", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_registered_certificate_user_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["registered_by"], ["app_user.id"], name=op.f("fk_registered_certificate_registered_by_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["revoked_by"], ["app_user.id"], name=op.f("fk_registered_certificate_revoked_by_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registered_certificate")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_registered_certificate_fingerprint")),
    )
    op.create_index(op.f("ix_registered_certificate_user_id"), TABLE, ["user_id"], unique=False)
    if op.get_context().dialect.name == "postgresql":
        op.execute(PG_GUARD)
        op.execute(
            f"CREATE TRIGGER {TABLE}_guard BEFORE UPDATE OR DELETE ON {TABLE} "
            "FOR EACH ROW EXECUTE FUNCTION registered_certificate_guard()"
        )
        op.execute(
            f"CREATE TRIGGER {TABLE}_no_truncate BEFORE TRUNCATE ON {TABLE} "
            "FOR EACH STATEMENT EXECUTE FUNCTION registered_certificate_guard()"
        )
        op.execute(f"REVOKE ALL ON {TABLE} FROM PUBLIC")
        # People read the registry (the archive checks it as them); administrators keep it (0010's roles).
        people, admin = (
            op.get_bind().exec_driver_sql(f"SELECT quote_ident(workbench_role('{kind}'))").scalar_one()
            for kind in ("people", "admin")
        )
        op.execute(f"GRANT SELECT ON {TABLE} TO {people}")
        op.execute(f"GRANT INSERT, UPDATE ON {TABLE} TO {admin}")
        return
    op.execute(
        f"CREATE TRIGGER {TABLE}_no_delete BEFORE DELETE ON {TABLE} BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
    )
    op.execute(
        f"CREATE TRIGGER {TABLE}_revoke_only BEFORE UPDATE ON {TABLE} WHEN {SQLITE_CHANGED} "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
    )


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_guard ON {TABLE}")
        op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_no_truncate ON {TABLE}")
        op.execute("DROP FUNCTION IF EXISTS registered_certificate_guard()")
    else:
        op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_no_delete")
        op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_revoke_only")
    op.drop_index(op.f("ix_registered_certificate_user_id"), table_name=TABLE)
    op.drop_table(TABLE)
