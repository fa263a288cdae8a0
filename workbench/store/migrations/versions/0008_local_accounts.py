"""Local accounts of a SQLite store: a password hash, the administrator flag and the sign-in back-off.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07

``app_user`` gains

* ``password_hash``: an argon2 hash (``services.accounts``); empty for the accounts made before this
  revision, which set their first password at their next sign-in;
* ``is_admin``: administration is a flag beside the lending role, so the laptop's owner can be an
  officer (edit her own cases) and still add the committee's members; the ``admin`` rows get it;
* ``failed_signins``, ``locked_until``: the back-off after wrong passwords, in the row so that
  restarting the app does not reset it;
* ``password_changed_at``.

Existing users keep their rows, and so their cases and audit entries.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sqlalchemy as sa
from alembic import op

if TYPE_CHECKING:
    from collections.abc import Sequence

# revision identifiers, used by Alembic.
revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_user = sa.table("app_user", sa.column("role", sa.String()), sa.column("is_admin", sa.Boolean()))


def upgrade() -> None:
    with op.batch_alter_table("app_user") as batch:
        batch.add_column(sa.Column("password_hash", sa.Text(), nullable=True))
        batch.add_column(sa.Column("is_admin", sa.Boolean(), server_default=sa.false(), nullable=False))
        batch.add_column(sa.Column("failed_signins", sa.Integer(), server_default="0", nullable=False))
        batch.add_column(sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("password_changed_at", sa.DateTime(timezone=True), nullable=True))
    op.execute(sa.update(_user).where(_user.c.role == "admin").values(is_admin=True))


def downgrade() -> None:
    with op.batch_alter_table("app_user") as batch:
        batch.drop_column("password_changed_at")
        batch.drop_column("locked_until")
        batch.drop_column("failed_signins")
        batch.drop_column("is_admin")
        batch.drop_column("password_hash")
