"""The audit trail as a hash chain, written by the database on PostgreSQL.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07

* ``audit_entry`` gets ``seq`` (its place in the chain, unique), ``prev_hash`` and ``entry_hash``
  (SHA-256 in hex, ``workbench.store.audit_chain``) and ``db_login`` (the database login that wrote
  it: ``session_user`` on PostgreSQL, NULL on SQLite and for entries older than this revision).
* ``audit_chain_head``: one row, the last entry's seq and hash.
* Existing entries are chained here in ``id`` order (the first one's ``prev_hash`` is 64 zeros), so
  an upgraded store verifies.
* PostgreSQL: ``audit_entry_chain``, a ``BEFORE INSERT`` trigger (``SECURITY DEFINER``), overrides
  what the client sent: ``at`` is the server's clock, ``user_id`` is ``workbench_actor()`` (no actor,
  no entry; only the schema owner without a claim, setting a store up, may name the user itself),
  ``db_login`` is ``session_user``; it takes the head ``FOR UPDATE`` (entries queue for
  their place) and chains the entry; ``audit_entry_chain_head`` moves the head once per statement. ``workbench_audit_text`` is the SQL twin of
  ``audit_chain.canonical_text`` (the tests compare their bytes; version 1, frozen).
* PostgreSQL: the database audits rows that matter outside case saves itself, so the trail is
  complete even for someone writing with ``psql``: every insert or update of ``committee_vote``,
  ``committee_decision``, ``case_submission``, a new ``signed_report`` (without its PDF bytes) and
  a new ``app_user`` or a change of its role, ``is_admin`` or ``active`` (never its password hash).
  ``field`` is ``row.<table>``, ``before`` and ``after`` the row as JSON, ``action``
  ``create``/``update`` (``archive`` for a report). Unclaimed set-up writes of the schema owner
  name the row's own user (the new user, ``created_by``, ``submitted_by``, the member, the chair).

SQLite computes the same columns in Python (``audit_chain.append_audit``); a file cannot protect
itself from whoever has it, but the chain shows what was changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from alembic import op

from workbench.store.audit_chain import GENESIS, entry_hash

if TYPE_CHECKING:
    from collections.abc import Sequence

# revision identifiers, used by Alembic.
revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 5000
ROW_TABLES = ("committee_vote", "committee_decision", "case_submission", "signed_report", "app_user")

_audit = sa.table(
    "audit_entry",
    sa.column("id", sa.BigInteger()),
    sa.column("at", sa.DateTime(timezone=True)),
    sa.column("user_id", sa.Uuid()),
    sa.column("case_id", sa.Uuid()),
    sa.column("action", sa.String()),
    sa.column("field", sa.Text()),
    sa.column("before", sa.Text()),
    sa.column("after", sa.Text()),
    sa.column("seq", sa.BigInteger()),
    sa.column("prev_hash", sa.String()),
    sa.column("entry_hash", sa.String()),
)
_head = sa.table("audit_chain_head", sa.column("id", sa.SmallInteger()), sa.column("seq", sa.BigInteger()), sa.column("hash", sa.String()))

# ---- PostgreSQL ----------------------------------------------------------------------------------

# The canonical text of ``audit_chain.canonical_text``, version 1: each value ``-`` (NULL) or
# ``<characters>:<text>``, after a newline; ``at`` in UTC with microseconds.
PG_FUNCTIONS = r"""
CREATE FUNCTION workbench_audit_part(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE WHEN value IS NULL THEN '-' ELSE length(value)::text || ':' || value END $$;

CREATE FUNCTION workbench_audit_text(
    seq bigint, prev_hash text, at timestamptz, user_id uuid, case_id uuid,
    action text, field text, before text, after text, db_login text
) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = {schema}, pg_temp
AS $$ SELECT 'workbench-audit-1'
    || E'\n' || workbench_audit_part(seq::text)
    || E'\n' || workbench_audit_part(prev_hash)
    || E'\n' || workbench_audit_part(to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
    || E'\n' || workbench_audit_part(user_id::text)
    || E'\n' || workbench_audit_part(case_id::text)
    || E'\n' || workbench_audit_part(action)
    || E'\n' || workbench_audit_part(field)
    || E'\n' || workbench_audit_part(before)
    || E'\n' || workbench_audit_part(after)
    || E'\n' || workbench_audit_part(db_login) $$;

CREATE FUNCTION workbench_audit_hash(
    seq bigint, prev_hash text, at timestamptz, user_id uuid, case_id uuid,
    action text, field text, before text, after text, db_login text
) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = {schema}, pg_temp
AS $$ SELECT encode(sha256(convert_to(
    workbench_audit_text(seq, prev_hash, at, user_id, case_id, action, field, before, after, db_login),
    'UTF8')), 'hex') $$;

CREATE FUNCTION workbench_audit_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = {schema}, pg_temp
AS $$
DECLARE
    head_seq bigint;
    head_hash text;
    last_seq bigint;
    last_hash text;
BEGIN
    NEW.at := clock_timestamp();
    -- who acts; only the schema owner without a claim (set-up: `db init`) may name the user, and
    -- its own login is recorded beside it
    NEW.user_id := coalesce(workbench_actor(), CASE WHEN workbench_is_owner() THEN NEW.user_id END);
    IF NEW.user_id IS NULL THEN
        RAISE EXCEPTION 'an audit entry needs the acting user (workbench.actor)'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    NEW.db_login := session_user;
    -- the head's lock is the queue for a place in the chain (held until commit)
    SELECT h.seq, h.hash INTO head_seq, head_hash FROM audit_chain_head h WHERE h.id = 1 FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the audit chain has no head' USING ERRCODE = 'data_corrupted';
    END IF;
    -- entries this statement added before this one are past the head (it moves once per statement)
    SELECT e.seq, e.entry_hash INTO last_seq, last_hash FROM audit_entry e ORDER BY e.seq DESC LIMIT 1;
    IF last_seq > head_seq THEN
        head_seq := last_seq;
        head_hash := last_hash;
    END IF;
    NEW.seq := head_seq + 1;
    NEW.prev_hash := head_hash;
    NEW.entry_hash := workbench_audit_hash(NEW.seq, NEW.prev_hash, NEW.at, NEW.user_id, NEW.case_id,
        NEW.action, NEW.field, NEW.before, NEW.after, NEW.db_login);
    RETURN NEW;
END $$;

-- The head moves once per statement, not per row: a row updated many times in one transaction
-- leaves a chain of versions every later lookup walks (a million-row INSERT would take hours).
CREATE FUNCTION workbench_audit_head() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = {schema}, pg_temp
AS $$
BEGIN
    UPDATE audit_chain_head h SET seq = a.seq, hash = a.entry_hash
    FROM (SELECT n.seq, n.entry_hash FROM added n ORDER BY n.seq DESC LIMIT 1) a
    WHERE h.id = 1 AND a.seq > h.seq;
    RETURN NULL;
END $$;

CREATE FUNCTION workbench_audit_row() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = {schema}, pg_temp
AS $$
DECLARE
    new_doc jsonb := to_jsonb(NEW);
    old_doc jsonb;
    case_key uuid;
    named uuid;
    verb text := CASE TG_OP WHEN 'INSERT' THEN 'create' ELSE 'update' END;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        old_doc := to_jsonb(OLD);
    END IF;
    -- ``named``: the user the row itself names, recorded only for the schema owner without a claim
    -- (see workbench_audit_chain); anyone else's entries are her own
    IF TG_TABLE_NAME = 'app_user' THEN
        -- who the user is and what she may do; nothing else of the row (no secrets in the trail)
        named := NEW.id;
        new_doc := jsonb_build_object('id', NEW.id, 'username', NEW.username, 'role', NEW.role,
            'is_admin', NEW.is_admin, 'active', NEW.active);
        IF TG_OP = 'UPDATE' THEN
            old_doc := jsonb_build_object('id', OLD.id, 'username', OLD.username, 'role', OLD.role,
                'is_admin', OLD.is_admin, 'active', OLD.active);
        END IF;
    ELSIF TG_TABLE_NAME = 'signed_report' THEN
        new_doc := new_doc - 'pdf';
        case_key := NEW.case_id;
        named := NEW.created_by;
        verb := 'archive';
    ELSIF TG_TABLE_NAME = 'case_submission' THEN
        case_key := NEW.case_id;
        named := NEW.submitted_by;
    ELSIF TG_TABLE_NAME = 'committee_vote' THEN
        SELECT a.case_id INTO case_key FROM committee_agenda_item a WHERE a.id = NEW.agenda_item_id;
        named := NEW.member_id;
    ELSE  -- committee_decision: the case of its agenda item, the chair of its session
        SELECT a.case_id, s.chair_id INTO case_key, named
        FROM committee_agenda_item a JOIN committee_session s ON s.id = a.session_id
        WHERE a.id = NEW.agenda_item_id;
    END IF;
    IF old_doc IS NOT DISTINCT FROM new_doc THEN
        RETURN NULL;
    END IF;
    INSERT INTO audit_entry (user_id, case_id, action, field, before, after)
    VALUES (named, case_key, verb, 'row.' || TG_TABLE_NAME, old_doc::text, new_doc::text);
    RETURN NULL;
END $$;
"""

PG_DROP_FUNCTIONS = (
    "workbench_audit_row()",
    "workbench_audit_chain()",
    "workbench_audit_head()",
    "workbench_audit_hash(bigint, text, timestamptz, uuid, uuid, text, text, text, text, text)",
    "workbench_audit_text(bigint, text, timestamptz, uuid, uuid, text, text, text, text, text)",
    "workbench_audit_part(text)",
)

PG_ROW_TRIGGERS = {
    "committee_vote": "AFTER INSERT OR UPDATE",
    "committee_decision": "AFTER INSERT OR UPDATE",
    "case_submission": "AFTER INSERT OR UPDATE",
    "signed_report": "AFTER INSERT",
    "app_user": "AFTER INSERT OR UPDATE OF role, is_admin, active",
}

# Existing entries, chained in id order with the SQL twin of the canonical text.
PG_BACKFILL = """
DO $$
DECLARE
    entry record;
    next_seq bigint := 0;
    last_hash text := '{genesis}';
BEGIN
    FOR entry IN SELECT * FROM audit_entry ORDER BY id LOOP
        next_seq := next_seq + 1;
        UPDATE audit_entry SET seq = next_seq, prev_hash = last_hash,
            entry_hash = workbench_audit_hash(next_seq, last_hash, entry.at, entry.user_id,
                entry.case_id, entry.action, entry.field, entry.before, entry.after, NULL)
        WHERE id = entry.id
        RETURNING entry_hash INTO last_hash;
    END LOOP;
    INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, next_seq, last_hash);
END $$
"""


def _schema() -> str:
    return str(op.get_bind().exec_driver_sql("SELECT quote_ident(current_schema())").scalar_one())


def _upgrade_postgresql() -> None:
    schema = _schema()
    op.execute(PG_FUNCTIONS.replace("{schema}", schema))
    op.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only")
    op.execute(PG_BACKFILL.replace("{genesis}", GENESIS))
    op.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only")
    op.execute("REVOKE ALL ON audit_chain_head FROM PUBLIC")
    # Anyone of the store may check the trail (workbench audit verify); writing it is the triggers' alone.
    people = op.get_bind().exec_driver_sql("SELECT quote_ident(workbench_role('people'))").scalar_one()
    op.execute(f"GRANT SELECT ON audit_chain_head TO {people}")
    op.execute(
        "CREATE TRIGGER audit_entry_chain BEFORE INSERT ON audit_entry "
        "FOR EACH ROW EXECUTE FUNCTION workbench_audit_chain()"
    )
    op.execute(
        "CREATE TRIGGER audit_entry_chain_head AFTER INSERT ON audit_entry REFERENCING NEW TABLE AS added "
        "FOR EACH STATEMENT EXECUTE FUNCTION workbench_audit_head()"
    )
    for table, when in PG_ROW_TRIGGERS.items():
        op.execute(
            f"CREATE TRIGGER {table}_audit {when} ON {table} FOR EACH ROW EXECUTE FUNCTION workbench_audit_row()"
        )
    for function in PG_DROP_FUNCTIONS:
        op.execute(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC")


# ---- SQLite --------------------------------------------------------------------------------------

SQLITE_GUARDS = ("UPDATE", "DELETE")


def _sqlite_guards(create: bool) -> None:
    """Migration 0001's append-only triggers (a batch rebuild of the table would drop them)."""
    for verb in SQLITE_GUARDS:
        name = f"audit_entry_no_{verb.lower()}"
        if create:
            op.execute(
                f"CREATE TRIGGER {name} BEFORE {verb} ON audit_entry "
                "BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END"
            )
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")


def _utc(value: Any) -> Any:
    from datetime import UTC

    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def _backfill_sqlite() -> None:
    """Chain existing entries in id order (Python: SQLite has no SHA-256 of its own)."""
    bind = op.get_bind()
    query = sa.select(
        _audit.c.id,
        _audit.c.at,
        _audit.c.user_id,
        _audit.c.case_id,
        _audit.c.action,
        _audit.c.field,
        _audit.c.before,
        _audit.c.after,
    ).order_by(_audit.c.id)
    rows = bind.execute(query).all()
    seq, last = 0, GENESIS
    update = (
        sa.update(_audit)
        .where(_audit.c.id == sa.bindparam("key"))
        .values(seq=sa.bindparam("v_seq"), prev_hash=sa.bindparam("v_prev"), entry_hash=sa.bindparam("v_hash"))
    )
    pending: list[dict[str, Any]] = []
    for row in rows:
        seq += 1
        digest = entry_hash(
            seq, last, _utc(row.at), row.user_id, row.case_id, row.action, row.field, row.before, row.after, None
        )
        pending.append({"key": row.id, "v_seq": seq, "v_prev": last, "v_hash": digest})
        last = digest
        if len(pending) >= BATCH:
            bind.execute(update, pending)
            pending = []
    if pending:
        bind.execute(update, pending)
    bind.execute(sa.insert(_head).values(id=1, seq=seq, hash=last))


def upgrade() -> None:
    postgresql = op.get_context().dialect.name == "postgresql"
    op.create_table(
        "audit_chain_head",
        sa.Column("id", sa.SmallInteger(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_audit_chain_head_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_chain_head")),
    )
    if not postgresql:
        _sqlite_guards(create=False)
    with op.batch_alter_table("audit_entry") as batch:
        batch.add_column(sa.Column("seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True))
        batch.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("entry_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("db_login", sa.Text(), nullable=True))
    if postgresql:
        _upgrade_postgresql()
    else:
        _backfill_sqlite()
    with op.batch_alter_table("audit_entry") as batch:
        for name, kind in (("seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite")), ("prev_hash", sa.String(64)), ("entry_hash", sa.String(64))):
            batch.alter_column(name, existing_type=kind, nullable=False)
        batch.create_index(batch.f("ix_audit_entry_seq"), ["seq"], unique=True)
    if not postgresql:
        _sqlite_guards(create=True)


def downgrade() -> None:
    postgresql = op.get_context().dialect.name == "postgresql"
    if postgresql:
        for table in PG_ROW_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_audit ON {table}")
        op.execute("DROP TRIGGER IF EXISTS audit_entry_chain_head ON audit_entry")
        op.execute("DROP TRIGGER IF EXISTS audit_entry_chain ON audit_entry")
        for function in PG_DROP_FUNCTIONS:
            op.execute(f"DROP FUNCTION IF EXISTS {function}")
    else:
        _sqlite_guards(create=False)
    with op.batch_alter_table("audit_entry") as batch:
        batch.drop_index(batch.f("ix_audit_entry_seq"))
        for name in ("db_login", "entry_hash", "prev_hash", "seq"):
            batch.drop_column(name)
    if not postgresql:
        _sqlite_guards(create=True)
    op.drop_table("audit_chain_head")
