"""Who acts, as the database sees it: ``workbench_actor()`` and ``workbench_is_owner()`` (PostgreSQL).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07

The rules the database holds (row security, audit stamping, committee rules) ask one function who is
acting, never a value the client chose:

* the schema owner (a member of the role that owns ``app_user``) or a superuser acts as whoever the
  transaction claims (else as its own user, if it is one): the owner can change any table anyway, and
  what it writes carries its own ``session_user`` (the audit chain records it), so the claim hides
  nothing;
* a person's own login (``session_user`` is the ``username`` of an active ``app_user``) acts as that
  user; a transaction that claims another (``set_config('workbench.actor', …)``) is refused;
* any other login is refused.

Both functions are ``SECURITY DEFINER`` with a fixed ``search_path``, so a person cannot shadow
``app_user`` with a table of her own. SQLite has no logins: the store registers Python functions of
the same names on each connection (``workbench.store.db``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from alembic import op

if TYPE_CHECKING:
    from collections.abc import Sequence

# revision identifiers, used by Alembic.
revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

IS_OWNER = """
CREATE FUNCTION workbench_is_owner() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = session_user AND rolsuper)
        OR pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = '{schema}.app_user'::regclass),
                       'MEMBER')
$$
"""

ACTOR = """
CREATE FUNCTION workbench_actor() RETURNS uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = {schema}, pg_catalog, pg_temp AS $$
DECLARE
    claimed text := nullif(current_setting('workbench.actor', true), '');
    me uuid;
BEGIN
    -- The owner answers for everything it writes anyway: it acts as whoever it claims, even when it
    -- is also a person of the store (a DBA who uses the workbench too).
    IF {schema}.workbench_is_owner() THEN
        IF claimed IS NOT NULL THEN
            RETURN claimed::uuid;
        END IF;
        SELECT id INTO me FROM {schema}.app_user WHERE username = session_user AND active;
        RETURN me;
    END IF;
    SELECT id INTO me FROM {schema}.app_user WHERE username = session_user AND active;
    IF me IS NOT NULL THEN
        IF claimed IS NOT NULL AND claimed::uuid <> me THEN
            RAISE EXCEPTION 'workbench: % may not act as another user', session_user
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN me;
    END IF;
    RAISE EXCEPTION 'workbench: % is not an active user of this store', session_user
        USING ERRCODE = 'insufficient_privilege';
END $$
"""


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    schema = op.get_bind().exec_driver_sql("SELECT current_schema()").scalar_one()
    quoted = op.get_bind().dialect.identifier_preparer.quote(schema)
    # The functions' search_path is fixed, so the schema the tables live in is written into them.
    op.execute(IS_OWNER.format(schema=quoted))
    op.execute(ACTOR.format(schema=quoted))


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    op.execute("DROP FUNCTION IF EXISTS workbench_actor()")
    op.execute("DROP FUNCTION IF EXISTS workbench_is_owner()")
