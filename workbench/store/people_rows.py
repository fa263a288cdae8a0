"""Users of the workbench, their roles and (on a SQLite store) their local accounts."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from workbench.domain.records import Role
from workbench.store.orm_base import Base, Moment, Short, one_of
from workbench.store.types import UtcDateTime


class AppUserRow(Base):
    """A user; never deleted (``active`` = false instead), because cases and audit rows point to it.

    ``password_hash`` (argon2, ``services.accounts``) is empty for a PostgreSQL store, whose server
    checks the passwords, and for an account made before local accounts existed. The back-off after
    wrong passwords lives in the row (``failed_signins``, ``locked_until``): a restart does not reset it.
    """

    __tablename__ = "app_user"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[Short]
    role: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool]
    created_at: Mapped[Moment]
    password_hash: Mapped[str | None] = mapped_column(Text)
    is_admin: Mapped[bool] = mapped_column(default=False, server_default=false())
    failed_signins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime())
    password_changed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    __table_args__ = (one_of("role", [r.value for r in Role]),)
