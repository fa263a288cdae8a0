"""Committee members and quorum: who sits in a session, who votes, who holds a veto.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24

* ``committee_member``: one row per person of a session (``chair``, ``votes``, ``veto``), in the
  order the minutes list them;
* ``committee_session.quorum``: how many votes a decision needs (``CommitteeRules.quorum``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sqlalchemy as sa
from alembic import op

if TYPE_CHECKING:
    from collections.abc import Sequence

# revision identifiers, used by Alembic.
revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("committee_session", sa.Column("quorum", sa.Integer(), server_default="3", nullable=False))
    op.create_table(
        "committee_member",
        sa.Column("session_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("chair", sa.Boolean(), nullable=False),
        sa.Column("votes", sa.Boolean(), nullable=False),
        sa.Column("veto", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["committee_session.id"],
            name=op.f("fk_committee_member_session_id_committee_session"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_committee_member_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("session_id", "user_id", name=op.f("pk_committee_member")),
    )


def downgrade() -> None:
    op.drop_table("committee_member")
    with op.batch_alter_table("committee_session") as batch:
        batch.drop_column("quorum")
