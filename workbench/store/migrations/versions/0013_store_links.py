"""People across cases: the applicant's and the guarantors' ID numbers, comparable and indexed.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07

* ``case_file.borrower_id_key`` (text ≤ 40, default ``''``, indexed): the applicant's ID number
  without spaces and in capitals (``workbench.domain.store_links.id_key``), filled here from
  ``borrower_json`` for the cases already stored and written by every save afterwards.
* ``ix_guarantor_id_key``: an index on the guarantors' ID numbers compared the same way (an
  expression index, on SQLite and PostgreSQL alike).

What the store checks with them before a case goes to the committee: the same applicant or spouse
on another open case, guarantee rings (互保), the household's running loans at this bank
(``docs/domain-decisions.md``, "Across the store").

The backfill changes no figure and no stage, so on PostgreSQL the case rules' trigger stays out of
it (it asks who acts, and a migration acts as nobody).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0013"
down_revision: str | Sequence[str] | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 2000
GUARANTOR_ID_KEY = "upper(replace(id_number, ' ', ''))"


def _key(borrower_json: str | None) -> str:
    # frozen here: the migration must not follow later changes of the domain's function
    number = (json.loads(borrower_json or "{}") or {}).get("id_number") or ""
    return str(number).replace(" ", "").upper()[:40]


def upgrade() -> None:
    with op.batch_alter_table("case_file") as batch:
        batch.add_column(
            sa.Column("borrower_id_key", sa.String(length=40), server_default="", nullable=False)
        )
    op.create_index(op.f("ix_case_file_borrower_id_key"), "case_file", ["borrower_id_key"], unique=False)
    op.create_index("ix_guarantor_id_key", "guarantor", [sa.text(GUARANTOR_ID_KEY)], unique=False)

    bind = op.get_bind()
    postgres = bind.dialect.name == "postgresql"
    if postgres:
        op.execute("ALTER TABLE case_file DISABLE TRIGGER USER")
    cases = sa.table("case_file", sa.column("id"), sa.column("borrower_json"), sa.column("borrower_id_key"))
    rows = bind.execute(sa.select(cases.c.id, cases.c.borrower_json)).all()
    keyed = [{"case": r.id, "key": _key(r.borrower_json)} for r in rows]
    update = (
        sa.update(cases).where(cases.c.id == sa.bindparam("case")).values(borrower_id_key=sa.bindparam("key"))
    )
    for start in range(0, len(keyed), BATCH):
        part = [k for k in keyed[start : start + BATCH] if k["key"]]
        if part:
            bind.execute(update, part)
    if postgres:
        op.execute("ALTER TABLE case_file ENABLE TRIGGER USER")


def downgrade() -> None:
    op.drop_index("ix_guarantor_id_key", table_name="guarantor")
    op.drop_index(op.f("ix_case_file_borrower_id_key"), table_name="case_file")
    with op.batch_alter_table("case_file") as batch:
        batch.drop_column("borrower_id_key")
