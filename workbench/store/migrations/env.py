"""Alembic environment of the workbench store (run through ``workbench.store.migrate``).

The caller hands in an open connection (``config.attributes["connection"]``), so the engine set-up
of ``workbench.store.db`` (SQLite pragmas, PostgreSQL timeouts) applies to migrations too. SQLite
gets batch mode (``ALTER`` by copy-and-move) with named constraints.

Transactions: on PostgreSQL each migration runs in its own (the caller holds the advisory lock
across them); on SQLite the caller hands in a connection already inside its ``BEGIN EXCLUSIVE``
transaction, so Alembic leaves the transaction alone and the whole upgrade commits or rolls back as
one (``workbench.store.migrate``).
"""

from __future__ import annotations

import warnings

from alembic import context
from sqlalchemy import Connection

from workbench.store.case_rows import OPTIONAL_INDEXES
from workbench.store.db import make_engine
from workbench.store.detail_rows import EXPRESSION_INDEXES
from workbench.store.orm import Base

config = context.config
target_metadata = Base.metadata


def _include_object(
    _obj: object, name: str | None, type_: str, _reflected: bool, _compare_to: object
) -> bool:
    """Leave the engine-specific optional indexes (``case_rows.OPTIONAL_INDEXES``) and the expression
    indexes (which SQLite cannot reflect; their migration is their test) out of comparisons."""
    return not (type_ == "index" and name in OPTIONAL_INDEXES | EXPRESSION_INDEXES)


for _name in EXPRESSION_INDEXES:  # SQLAlchemy and Alembic say each time they cannot reflect them
    warnings.filterwarnings("ignore", message=rf".*expression-based index '?{_name}")


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        transaction_per_migration=True,
        compare_type=True,
        include_object=_include_object,
    )


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        transaction_per_migration=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if isinstance(connection, Connection):
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = make_engine(str(config.get_main_option("sqlalchemy.url")))
    try:
        with engine.connect() as own:
            _configure(own)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
