"""A save's audit lines join the chain at commit, so the chain head is locked only while committing.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07

The chain (migration 0012) gives each entry the next place by locking its one head row until the
transaction ends. A save wrote its audit lines last but the lock was still held while the answer
went back to the client and the client sent ``COMMIT``: on a loaded machine that is a thread waiting
for its CPU, and every other save of every officer queued behind it (200 simulated officers on 2
cores: 19 of them on average and 124 at the peak waiting for that row; ``benchmarks/bench_load.py``).

PostgreSQL: ``audit_pending`` holds a unit of work's lines until it commits. A deferred constraint
trigger on it (``workbench_audit_at_commit``, fired at ``COMMIT``) moves every pending line of the
transaction into ``audit_entry`` in the order they were written, where the chain trigger stamps and
chains them as before; the head is then locked from that moment to the end of the commit only. The
rows are deleted by the same transaction that wrote them, so no other session ever sees one.
People may only INSERT into it (no reading, changing or deleting); the lines keep every check of
0012 (the actor, ``session_user``, the server's clock at the commit).

SQLite: the table exists (one schema on both engines) but stays empty: a SQLite unit of work holds the
file's write lock from its first statement anyway, and ``audit_chain.append_audit`` chains the
lines itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sqlalchemy as sa
from alembic import op

if TYPE_CHECKING:
    from collections.abc import Sequence

# revision identifiers, used by Alembic.
revision: str = "0016"
down_revision: str | Sequence[str] | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Each firing first looks for its own line (a primary-key probe): the first firing of a commit moves
# them all, the others find theirs gone. A line written after ``SET CONSTRAINTS … IMMEDIATE`` moved the
# earlier ones still finds itself, and moves.
PG_FUNCTION = """
CREATE FUNCTION workbench_audit_at_commit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = {schema}, pg_temp
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM audit_pending p WHERE p.id = NEW.id) THEN
        RETURN NULL;
    END IF;
    WITH moved AS (DELETE FROM audit_pending RETURNING *)
    INSERT INTO audit_entry (user_id, case_id, action, field, before, after)
    SELECT m.user_id, m.case_id, m.action, m.field, m.before, m.after FROM moved m ORDER BY m.id;
    RETURN NULL;
END $$
"""


def upgrade() -> None:
    op.create_table(
        "audit_pending",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("case_id", sa.Uuid(), nullable=True),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("field", sa.Text(), nullable=True),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_pending")),
    )
    if op.get_context().dialect.name != "postgresql":
        return
    bind = op.get_bind()
    schema = bind.exec_driver_sql("SELECT quote_ident(current_schema())").scalar_one()
    people = bind.exec_driver_sql("SELECT quote_ident(workbench_role('people'))").scalar_one()
    sequence = bind.exec_driver_sql("SELECT pg_get_serial_sequence('audit_pending', 'id')").scalar_one()
    op.execute(PG_FUNCTION.replace("{schema}", schema))
    op.execute("REVOKE ALL ON FUNCTION workbench_audit_at_commit() FROM PUBLIC")
    op.execute("REVOKE ALL ON audit_pending FROM PUBLIC")
    op.execute(f"GRANT INSERT ON audit_pending TO {people}")
    op.execute(f"GRANT USAGE ON SEQUENCE {sequence} TO {people}")
    op.execute(
        "CREATE CONSTRAINT TRIGGER audit_pending_at_commit AFTER INSERT ON audit_pending "
        "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workbench_audit_at_commit()"
    )


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_pending_at_commit ON audit_pending")
        op.execute("DROP FUNCTION IF EXISTS workbench_audit_at_commit()")
    op.drop_table("audit_pending")
