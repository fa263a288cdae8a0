"""Users of the workbench and their roles."""

from __future__ import annotations

import uuid

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from workbench.domain.records import Role
from workbench.store.orm_base import Base, Moment, Short, one_of


class AppUserRow(Base):
    """A user; never deleted (``active`` = false instead), because cases and audit rows point to it."""

    __tablename__ = "app_user"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[Short]
    role: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool]
    created_at: Mapped[Moment]

    __table_args__ = (one_of("role", [r.value for r in Role]),)
