"""Who the database says is acting in a unit of work (``workbench_actor()``, docs/security.md)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from sqlalchemy import text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def current_actor(session: Session) -> uuid.UUID | None:
    """The acting user's id as the database answers it: on PostgreSQL the person's own login (or,
    for the schema owner, the claim of ``Sessions.begin(actor=…)``); on SQLite the claim."""
    value = session.execute(text("SELECT workbench_actor()")).scalar_one()
    if value is None:
        return None
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
