"""The credit policy's versions (``credit_policy``, migration 0017): written once, never changed."""

from __future__ import annotations

import uuid

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from workbench.store.orm_base import Base, Json, Moment


class CreditPolicyRow(Base):
    """One version of the policy: the whole ``CreditPolicy`` as JSON (``policy_to_plain``).

    The newest version is in force. The database refuses UPDATE and DELETE (migration 0017); on
    PostgreSQL only the administrators insert, and the database audits each new version.
    """

    __tablename__ = "credit_policy"

    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(200))
    document: Mapped[Json]
    created_at: Mapped[Moment]
    created_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))

    __table_args__ = (CheckConstraint("version >= 1", name="version_positive"),)
