"""Case list sort orders and date filters: an index per order, each ending with ``id``.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02

* ``(borrower_name, id)`` and ``(case_number, id)`` replace the one-column indexes: the sorted list
  and its keyset paging (``WHERE (borrower_name, id) > (:last_name, :last_id)``) read a page
  straight from the index, ties broken in a stable order;
* ``(stage, updated_at, id)`` and ``(officer_id, updated_at, id)``: sorting by stage or by officer
  reads one index range per stage or officer, newest change first within it;
* ``created_at``: the "created between" filter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from alembic import op

if TYPE_CHECKING:
    from collections.abc import Sequence

# revision identifiers, used by Alembic.
revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NEW = (
    ("ix_case_file_borrower_name_id", ["borrower_name", "id"]),
    ("ix_case_file_case_number_id", ["case_number", "id"]),
    ("ix_case_file_stage_updated_at_id", ["stage", "updated_at", "id"]),
    ("ix_case_file_officer_id_updated_at_id", ["officer_id", "updated_at", "id"]),
    ("ix_case_file_created_at", ["created_at"]),
)


def upgrade() -> None:
    op.drop_index("ix_case_file_borrower_name", table_name="case_file")
    op.drop_index("ix_case_file_case_number", table_name="case_file")
    for name, columns in NEW:
        op.create_index(name, "case_file", columns, unique=False)


def downgrade() -> None:
    for name, _columns in NEW:
        op.drop_index(name, table_name="case_file")
    op.create_index("ix_case_file_borrower_name", "case_file", ["borrower_name"], unique=False)
    op.create_index("ix_case_file_case_number", "case_file", ["case_number"], unique=False)
