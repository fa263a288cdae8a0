"""Case list search: ``case_file.search_text``, a covering list index, a trigram index where possible.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24

* ``search_text``: case number, borrower and business name joined by U+001F and lower-cased with
  Python's Unicode ``str.lower`` (filled here for existing cases; the store writes it on every save).
  The name filter becomes one ``LIKE`` on one narrow column instead of three ``ILIKE``\\ s.
* ``ix_case_file_updated_at_id_search_text`` replaces ``ix_case_file_updated_at``: the list order
  (newest change first, id breaks ties) straight from the index, and on SQLite the name filter is
  answered from the index entries without reading the (wide) rows.
* PostgreSQL: ``pg_trgm`` if the server has it (``CREATE EXTENSION IF NOT EXISTS`` in a savepoint;
  the extension is trusted, a database owner may create it) and a GIN trigram index on
  ``search_text``, so ``LIKE '%…%'`` with three or more characters uses an index. Without it the
  search still works, by scanning. The index is not in the models (``case_rows.OPTIONAL_INDEXES``).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.exc import DBAPIError

# revision identifiers, used by Alembic.
revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TRIGRAM_INDEX = "ix_case_file_search_text_trgm"
SEPARATOR = "\x1f"
BATCH = 2000


def _search_text(case_number: str, borrower_name: str, business_name: str | None) -> str:
    """Frozen copy of ``workbench.store.mappers.search_text`` as of this revision."""
    return SEPARATOR.join((case_number, borrower_name, business_name or "")).lower()


def _fill_search_text() -> None:
    bind = op.get_bind()
    case_file = sa.table(
        "case_file",
        sa.column("id", sa.Uuid()),
        sa.column("case_number", sa.String()),
        sa.column("borrower_name", sa.String()),
        sa.column("business_name", sa.String()),
        sa.column("search_text", sa.Text()),
    )
    update = (
        sa.update(case_file)
        .where(case_file.c.id == sa.bindparam("key", type_=sa.Uuid()))
        .values(search_text=sa.bindparam("text"))
    )
    rows = bind.execute(
        sa.select(case_file.c.id, case_file.c.case_number, case_file.c.borrower_name, case_file.c.business_name)
    ).all()
    for first in range(0, len(rows), BATCH):
        batch = rows[first : first + BATCH]
        values = [{"key": r.id, "text": _search_text(r.case_number, r.borrower_name, r.business_name)} for r in batch]
        bind.execute(update, values)


def _create_trigram_index() -> None:
    """PostgreSQL only, and only if ``pg_trgm`` can be had; a failure leaves the migration intact."""
    bind = op.get_bind()
    try:
        with bind.begin_nested():
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DBAPIError:
        return
    op.create_index(
        TRIGRAM_INDEX,
        "case_file",
        ["search_text"],
        postgresql_using="gin",
        postgresql_ops={"search_text": "gin_trgm_ops"},
    )


def upgrade() -> None:
    with op.batch_alter_table("case_file") as batch:
        batch.add_column(sa.Column("search_text", sa.Text(), server_default="", nullable=False))
    _fill_search_text()
    op.drop_index(op.f("ix_case_file_updated_at"), table_name="case_file")
    op.create_index(
        op.f("ix_case_file_updated_at_id_search_text"),
        "case_file",
        ["updated_at", "id", "search_text"],
        unique=False,
    )
    if op.get_context().dialect.name == "postgresql":
        _create_trigram_index()


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {TRIGRAM_INDEX}")
    op.drop_index(op.f("ix_case_file_updated_at_id_search_text"), table_name="case_file")
    op.create_index(op.f("ix_case_file_updated_at"), "case_file", ["updated_at"], unique=False)
    with op.batch_alter_table("case_file") as batch:
        batch.drop_column("search_text")
