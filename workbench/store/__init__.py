"""workbench.store: the only package that imports SQLAlchemy and Alembic.

``db`` (engines, units of work), ``orm`` (every table), ``mappers`` + ``row_codec`` (case ⇄ rows),
``repository`` / ``user_repository`` / ``archive_repository`` (inside the caller's session),
``migrate`` + ``migrations/`` (one Alembic chain for SQLite and PostgreSQL). Callers go through
``workbench.services``.
"""

from __future__ import annotations
