"""``SqlCaseRepository``: load and save whole case aggregates inside the caller's session.

The repository never creates, commits or closes a session: the service's unit of work does.

A save is guarded twice against lost updates:

1. the stored ``version_id`` is read (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite transactions
   start with ``BEGIN IMMEDIATE``) and compared with the version the editor started from;
2. the root row is written first, through the mapper's ``version_id_col``
   (``UPDATE … WHERE version_id = :loaded``): a racing writer that got past step 1 meets
   ``StaleDataError`` there, before any detail row is touched.

Either way the caller gets ``ConcurrentEditError(case_id, expected, actual)`` — unless the stored
content already *is* the content being saved (a retry of a save whose ``COMMIT`` landed although the
connection broke before the answer came): then nothing is written and the stored version is returned.
Every save rewrites the detail rows, bumps the version (also when only details changed), keeps a
snapshot in ``case_version`` and writes one audit entry per changed field.

Round trips: a load is one statement (the root row with each detail table aggregated to a JSON
array in a correlated subquery, ``children_statement``); on PostgreSQL a save deletes the old detail
rows of all tables in one statement (data-modifying CTEs). A save's checks and its lock are one
statement (``lock_for_save``: the row locked, its officer, stage, version and submitted version), and
the version a save replaces is read from ``case_version`` only when this process does not hold its
text already (``known_documents``: the documents it saved last, found by their SHA-256, which the
stored row names; a text with that hash *is* the stored document).
"""

from __future__ import annotations

import json
import threading
import uuid
from collections import OrderedDict
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Boolean,
    Date,
    Integer,
    String,
    Uuid,
    bindparam,
    case,
    delete,
    func,
    insert,
    select,
    text,
    tuple_,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from workbench.domain.case_file import CaseFile, ReportNotes, Stage
from workbench.domain.case_list import STAGE_ORDER, SortKey
from workbench.domain.codec import decode, encode
from workbench.domain.errors import ConcurrentEditError
from workbench.domain.lifecycle import CaseStatus
from workbench.domain.money import from_minor_units
from workbench.domain.records import (
    AuditRecord,
    CaseExistsError,
    CaseNotFoundError,
    CaseRecord,
    CaseSummary,
    CaseVersionInfo,
    ChangeAction,
)
from workbench.domain.row_ids import fill_row_ids, rows_lack_ids
from workbench.store.audit_chain import AuditLine, append_audit
from workbench.store.case_rows import CaseFileRow
from workbench.store.changes import FieldChange, canonical_text, diff, sha256_text
from workbench.store.committee_rows import CaseSubmissionRow
from workbench.store.history_rows import AuditEntryRow, CaseVersionRow
from workbench.store.mappers import (
    CHILD_TABLES,
    FIGURE_COLUMNS,
    case_from_rows,
    case_to_rows,
    case_uuid,
)
from workbench.store.orm_base import table_of
from workbench.store.people_rows import AppUserRow
from workbench.store.policy_repository import SqlPolicyRepository
from workbench.store.types import DecimalText

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from sqlalchemy import Delete, Insert, Select, Table, TextClause
    from sqlalchemy.orm import Session

    from workbench.domain.policy import CreditPolicy
    from workbench.store.mappers import CaseRows

MAX_LISTED_CHANGES = 200
"""How many changed paths a version snapshot lists (the audit trail has them all)."""
KNOWN_DOCUMENTS = 64
"""How many saved documents a process keeps (an officer's open cases, a few each)."""


class KnownDocuments:
    """The canonical texts of the versions this process saved last, by their SHA-256 (thread-safe).

    The next save of a case diffs against the version it replaces; when the stored row's
    ``content_sha256`` names a text held here, that text is the stored document and the save need
    not read it back from ``case_version`` (the largest read of a save, a TOASTed JSON document).
    """

    def __init__(self, size: int = KNOWN_DOCUMENTS) -> None:
        self._size = size
        self._texts: OrderedDict[str, str] = OrderedDict()
        self._lock = threading.Lock()

    def remember(self, sha: str, document: str) -> None:
        with self._lock:
            self._texts[sha] = document
            self._texts.move_to_end(sha)
            while len(self._texts) > self._size:
                self._texts.popitem(last=False)

    def text(self, sha: str) -> str | None:
        with self._lock:
            return self._texts.get(sha)


known_documents = KnownDocuments()


SUMMARY_COLUMNS = (
    CaseFileRow.id,
    CaseFileRow.case_number,
    CaseFileRow.borrower_name,
    CaseFileRow.business_name,
    CaseFileRow.stage,
    CaseFileRow.officer_id,
    AppUserRow.username,
    CaseFileRow.requested_minor,
    CaseFileRow.updated_at,
    CaseFileRow.version_id,
)
"""What a case list shows of a case (``case_summary``); the query joins the officer's user row."""


def case_summary(r: Any) -> CaseSummary:
    """A case list's line from a row of ``SUMMARY_COLUMNS``."""
    return CaseSummary(
        id=str(r.id),
        case_number=r.case_number,
        borrower_name=r.borrower_name,
        business_name=r.business_name or "",
        stage=Stage(r.stage),
        officer_id=str(r.officer_id),
        officer_username=r.username,
        requested=from_minor_units(r.requested_minor),
        updated_at=r.updated_at,
        version=r.version_id,
    )


def utc_now() -> datetime:
    return datetime.now(UTC)


_SORT_COLUMNS: dict[SortKey, tuple[Any, ...]] = {
    SortKey.UPDATED: (CaseFileRow.updated_at, CaseFileRow.id),
    SortKey.APPLICANT: (CaseFileRow.borrower_name, CaseFileRow.id),
    SortKey.CASE_NUMBER: (CaseFileRow.case_number, CaseFileRow.id),
}


def _cursor_values(sort: SortKey, after: CaseSummary) -> tuple[Any, ...]:
    key = uuid.UUID(after.id)
    if sort is SortKey.APPLICANT:
        return (after.borrower_name, key)
    if sort is SortKey.CASE_NUMBER:
        return (after.case_number, key)
    return (after.updated_at, key)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# ---- one-statement load ------------------------------------------------------------------------


def _converter(column_type: Any) -> Callable[[Any], Any] | None:
    """How a value of a detail column comes back from JSON (``None``: as it is)."""
    if isinstance(column_type, DecimalText):
        return lambda v: None if v is None else Decimal(v)
    if isinstance(column_type, Date):
        return lambda v: None if v is None else date.fromisoformat(v)
    if isinstance(column_type, Boolean):
        return lambda v: None if v is None else bool(v)  # SQLite: 0/1
    if isinstance(column_type, Integer | String):  # Text, BigInteger … included
        return None
    raise TypeError(f"no JSON converter for {column_type!r}")  # pragma: no cover - a new column type


@cache
def _child_columns(table: Table) -> tuple[tuple[str, Callable[[Any], Any] | None], ...]:
    skipped = {"case_id", *FIGURE_COLUMNS.get(table.name, ())}  # computed figures: not part of a case
    return tuple((c.key, _converter(c.type)) for c in table.columns if c.key not in skipped)


def _label(table: Table) -> str:
    return f"children_{table.name}"


@cache
def children_statement(dialect: str) -> Select[Any]:
    """The root row of a case and, per detail table, its rows as one JSON array (``:key`` = id).

    SQLite: ``json_group_array(json_object(…))``; PostgreSQL: ``json_agg(json_build_object(…))``
    (``NULL`` when there are no rows).
    """
    root = table_of(CaseFileRow)
    columns: list[Any] = [root]
    for table in CHILD_TABLES:
        pairs: list[Any] = []
        for key, _ in _child_columns(table):
            pairs += [text(f"'{key}'"), table.c[key]]
        if len(pairs) > 100:  # pragma: no cover - PostgreSQL functions take at most 100 arguments
            raise RuntimeError(f"{table.name} has too many columns for one JSON object")
        if dialect == "postgresql":
            aggregate = func.json_agg(func.json_build_object(*pairs))
        else:
            aggregate = func.json_group_array(func.json_object(*pairs))
        sub = select(aggregate).where(table.c.case_id == root.c.id).scalar_subquery()
        columns.append(sub.label(_label(table)))
    return select(*columns).where(root.c.id == bindparam("key", type_=Uuid()))


def _children_from(row: Any) -> dict[Table, list[dict[str, Any]]]:
    out: dict[Table, list[dict[str, Any]]] = {}
    for table in CHILD_TABLES:
        value = row[_label(table)]
        items = json.loads(value) if isinstance(value, str) else (value or [])
        columns = _child_columns(table)
        for item in items:
            for key, convert in columns:
                if convert is not None:
                    item[key] = convert(item[key])
        out[table] = items
    return out


@cache
def _insert_statement(table: Table) -> Insert:
    return insert(table)


@cache
def _delete_statement(table: Table) -> Delete:
    return delete(table).where(table.c.case_id == bindparam("case_id"))


@cache
def _delete_children_statement() -> TextClause:
    """PostgreSQL: the detail rows of one case, from every table, in one statement."""
    ctes = ", ".join(
        f"d{i} AS (DELETE FROM {t.name} WHERE case_id = :case_id)" for i, t in enumerate(CHILD_TABLES)
    )
    return text(f"WITH {ctes} SELECT 1").bindparams(bindparam("case_id", type_=Uuid()))


@cache
def _insert_children_statement(shape: tuple[tuple[str, tuple[str, ...]], ...]) -> TextClause:
    """PostgreSQL: the detail rows of one case, into every table, in one statement. ``shape`` names
    each table and the columns its rows carry; each table's rows come as one JSON array
    (``json_populate_recordset`` turns it into rows of the table's own types)."""
    ctes = []
    for i, (table, columns) in enumerate(shape):
        names = ", ".join(columns)
        ctes.append(
            f"i{i} AS (INSERT INTO {table} ({names}) SELECT {names} "
            f"FROM json_populate_recordset(NULL::{table}, CAST(:rows_{i} AS json)))"
        )
    return text(f"WITH {', '.join(ctes)} SELECT 1")


def _json_value(value: Any) -> Any:
    if isinstance(value, uuid.UUID | Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"no JSON form for {value!r}")  # pragma: no cover - a new column type


def _rows_json(table: Table, rows: list[dict[str, Any]], dialect: Any) -> str:
    """The rows as a JSON array, each value as its column's type binds it (``DecimalText``: text)."""
    processors = {key: table.c[key].type._cached_bind_processor(dialect) for key in rows[0]}
    processed = [
        {k: v if v is None or (p := processors[k]) is None else p(v) for k, v in row.items()} for row in rows
    ]
    return json.dumps(processed, ensure_ascii=False, default=_json_value)


class SqlCaseRepository:
    """Cases, their history and audit trail, in one SQLAlchemy session owned by the caller."""

    def __init__(self, session: Session, clock: Callable[[], datetime] = utc_now) -> None:
        self._session = session
        self._clock = clock
        self._locked: CaseFileRow | None = None
        """The row ``lock_for_save`` locked in this unit of work (``save`` uses it)."""

    # ---- write ---------------------------------------------------------------------------------

    def add(
        self,
        case: CaseFile,
        user_id: str,
        *,
        officer_id: str | None = None,
        action: ChangeAction = ChangeAction.CREATE,
    ) -> int:
        """Store a new case (version 1), owned by ``officer_id`` (default: the user).

        Raises:
            CaseExistsError: a case with this id is stored already.
            ValidationError: the id is not a UUID or an amount has fractions of a cent.
        """
        plain = encode(case)
        rows = case_to_rows(case, self._policy(), plain)
        case_id: uuid.UUID = rows.root["id"]
        if self._session.get(CaseFileRow, case_id) is not None:
            raise CaseExistsError(case_id=case.id)
        user = uuid.UUID(user_id)
        document = canonical_text(plain)
        sha = sha256_text(document)
        now = self._clock()
        root = CaseFileRow(
            **rows.root,
            officer_id=uuid.UUID(officer_id) if officer_id else user,
            created_at=now,
            created_by=user,
            updated_at=now,
            updated_by=user,
            content_sha256=sha,
        )
        self._session.add(root)
        try:
            self._session.flush()
        except IntegrityError:  # another writer added the same id since the check above
            raise CaseExistsError(case_id=case.id) from None
        self._write_children(case_id, rows, replace=False)
        self._snapshot(case_id, root.version_id, action, now, user, document, sha, [], rows.policy_version)
        self._audit(user, case_id, action, [FieldChange("", None, sha)])
        known_documents.remember(sha, document)
        return root.version_id

    def save(
        self,
        case: CaseFile,
        expected_version: int,
        user_id: str,
        *,
        action: ChangeAction = ChangeAction.UPDATE,
        details: bool = True,
    ) -> int:
        """Store ``case`` over the version the editor loaded; returns the new version.

        ``details=False`` leaves the detail rows as stored (the committee's decision step changes
        the stage only, and on PostgreSQL only the case's officer may write its details).

        Saving content identical to the stored version changes nothing and returns that version,
        whatever ``expected_version`` says: nothing would be lost, and a save retried after its
        connection broke during ``COMMIT`` (it may have landed) must not turn into a conflict.

        Raises:
            ConcurrentEditError: the stored version is not ``expected_version``.
            CaseNotFoundError: no such case.
            ValidationError: an amount has fractions of a cent (nothing is written).
        """
        case_id = case_uuid(case.id)
        locked = self._locked
        root = locked if locked is not None and locked.id == case_id else self._locked_root(case_id)
        plain = encode(case)
        canonical = canonical_text(plain)
        sha = sha256_text(canonical)
        if sha == root.content_sha256:  # nothing to write (also: a retry whose first try landed)
            return root.version_id
        if root.version_id != expected_version:
            raise ConcurrentEditError(case.id, expected_version, root.version_id)
        rows = case_to_rows(case, self._policy(), plain)
        before = self._snapshot_plain(case_id, root.version_id, known_documents.text(root.content_sha256))
        changes = diff(before, plain)
        user = uuid.UUID(user_id)
        now = self._clock()
        for column, value in rows.root.items():
            if column != "id":
                setattr(root, column, value)
        root.updated_at, root.updated_by, root.content_sha256 = now, user, sha
        try:
            self._session.flush()
        except StaleDataError:
            raise ConcurrentEditError(case.id, expected_version, self._committed_version(case_id)) from None
        if details:
            self._write_children(case_id, rows, replace=True)
        self._snapshot(
            case_id, root.version_id, action, now, user, canonical, sha, changes, rows.policy_version
        )
        self._audit(user, case_id, action, changes, at_commit=True)
        known_documents.remember(sha, canonical)
        return root.version_id

    def restore(self, case_id: str, version: int, expected_version: int, user_id: str) -> int:
        """Make the content of ``version`` the newest version (history is never rewritten)."""
        case = self.version_document(case_id, version)
        return self.save(case, expected_version, user_id, action=ChangeAction.RESTORE)

    def record_export(self, case_id: str, user_id: str, sha: str) -> None:
        """Note in the audit trail that a case left the store (as an exchange file)."""
        self._audit(uuid.UUID(user_id), case_uuid(case_id), ChangeAction.EXPORT, [FieldChange("", None, sha)])

    # ---- read ----------------------------------------------------------------------------------

    def get(self, case_id: str) -> CaseRecord:
        """The stored case with its version token.

        Raises:
            CaseNotFoundError: no such case.
        """
        key = case_uuid(case_id)
        statement = children_statement(self._session.get_bind().dialect.name)
        root = self._session.execute(statement, {"key": key}).mappings().one_or_none()
        if root is None:
            raise CaseNotFoundError(case_id=case_id)
        return CaseRecord(
            case=case_from_rows(root, _children_from(root)),
            version=root["version_id"],
            content_sha256=root["content_sha256"],
            officer_id=str(root["officer_id"]),
            created_at=root["created_at"],
            created_by=str(root["created_by"]),
            updated_at=root["updated_at"],
            updated_by=str(root["updated_by"]),
        )

    def lock_for_save(self, case_id: str) -> tuple[str, CaseStatus] | None:
        """Lock the case's row for a save and say whose it is and where it stands, in one statement:
        its officer and its ``CaseStatus`` (stage, version, the version last submitted); ``save`` of
        this case in the same unit of work uses the locked row. ``None`` when this login may not
        lock the row (PostgreSQL's row security: not her case) or there is no such case — then ask
        ``owner_of``, which tells the two apart.
        """
        key = case_uuid(case_id)
        s = CaseSubmissionRow
        submitted = (
            select(s.case_version).where(s.case_id == key).order_by(s.id.desc()).limit(1).scalar_subquery()
        )
        query = (
            select(CaseFileRow, submitted)
            .where(CaseFileRow.id == key)
            .with_for_update(of=CaseFileRow)
            .execution_options(populate_existing=True)
        )
        row = self._session.execute(query).one_or_none()
        if row is None:
            return None
        root, submitted_version = row
        self._locked = root
        status = CaseStatus(str(case_id), Stage(root.stage), root.version_id, submitted_version)
        return str(root.officer_id), status

    def policy_of(self, case_id: str, version: int | None = None) -> CreditPolicy:
        """The credit policy the case (its saved ``version``; default the newest) was computed under.

        Raises:
            CaseNotFoundError: no such case or version.
        """
        key = case_uuid(case_id)
        if version is None:
            query = select(CaseFileRow.policy_version).where(CaseFileRow.id == key)
        else:
            query = select(CaseVersionRow.policy_version).where(
                CaseVersionRow.case_id == key, CaseVersionRow.version == version
            )
        number = self._session.scalar(query)
        if number is None:
            raise CaseNotFoundError(case_id=case_id)
        return SqlPolicyRepository(self._session).get(number)

    def owner_of(self, case_id: str) -> str:
        """The id of the officer who owns the case.

        Raises:
            CaseNotFoundError: no such case.
        """
        owner = self._session.scalar(
            select(CaseFileRow.officer_id).where(CaseFileRow.id == case_uuid(case_id))
        )
        if owner is None:
            raise CaseNotFoundError(case_id=case_id)
        return str(owner)

    def stage_of(self, case_id: str) -> tuple[Stage, int]:
        """The stored stage and version of a case.

        Raises:
            CaseNotFoundError: no such case.
        """
        query = select(CaseFileRow.stage, CaseFileRow.version_id).where(CaseFileRow.id == case_uuid(case_id))
        row = self._session.execute(query).one_or_none()
        if row is None:
            raise CaseNotFoundError(case_id=case_id)
        return Stage(row.stage), row.version_id

    def stored_notes(self, case_id: str) -> tuple[ReportNotes, int]:
        """The stored case's report notes (its reviewers' overrides among them) and version, without
        loading the rest of the case (a save's look at what it may not change).

        Raises:
            CaseNotFoundError: no such case.
        """
        key = case_uuid(case_id)
        locked = self._locked
        if locked is not None and locked.id == key:  # the row a save locked: no statement more
            return decode(ReportNotes, json.loads(locked.notes_json), "notes"), locked.version_id
        query = select(CaseFileRow.notes_json, CaseFileRow.version_id).where(CaseFileRow.id == key)
        row = self._session.execute(query).one_or_none()
        if row is None:
            raise CaseNotFoundError(case_id=case_id)
        return decode(ReportNotes, json.loads(row.notes_json), "notes"), row.version_id

    def list_cases(
        self,
        officer_id: str | None = None,
        stage: Stage | None = None,
        name_like: str | None = None,
        limit: int = 50,
        offset: int = 0,
        *,
        sort: SortKey = SortKey.UPDATED,
        descending: bool = True,
        updated: tuple[datetime | None, datetime | None] = (None, None),
        created: tuple[datetime | None, datetime | None] = (None, None),
        after: CaseSummary | None = None,
    ) -> list[CaseSummary]:
        """One page of the case list, newest change first unless ``sort`` says otherwise.

        ``name_like`` matches borrower, business or case number anywhere in the text
        (case-insensitive, ``search_text``); ``updated`` and ``created`` are ``[from, to)`` ranges.
        ``after`` is the last case of the previous page (keyset paging: the next page starts right
        after it, as fast at the 100 000th case as at the first); ``offset`` skips rows instead.

        Every order ends with ``id``, so it is total and pages neither repeat nor skip a case.
        Applicant, case number and last change are read in order from a ``(column, id)`` index.
        Stage (process order) and officer (user name) are sorted by group: one index range
        ``(stage | officer_id, updated_at, id)`` per group, newest change first within it, groups in
        order until the page is full.

        Two steps: the page's ids first, filtered and ordered on an index alone (a search that must
        pass over many cases never reads their wide rows), then those rows with their officer.

        PostgreSQL plans this query with its parameters every time (``plan_cache_mode``): psycopg
        prepares a statement run five times, and the cached generic plan cannot tell a one-character
        search (no trigrams: walk the list order, stop after a page) from a longer one (the trigram
        index); it took 150 ms instead of 2 ms over 100 000 cases.
        """
        if self._session.get_bind().dialect.name == "postgresql":
            self._session.execute(text("SET LOCAL plan_cache_mode = force_custom_plan"))
        c = CaseFileRow
        filters: list[Any] = []
        if officer_id is not None:
            filters.append(c.officer_id == uuid.UUID(officer_id))
        if stage is not None:
            filters.append(c.stage == stage.value)
        if name_like:
            pattern = f"%{_escape_like(name_like.lower())}%"
            filters.append(c.search_text.like(pattern, escape="\\"))
        for column, (low, high) in ((c.updated_at, updated), (c.created_at, created)):
            if low is not None:
                filters.append(column >= low)
            if high is not None:
                filters.append(column < high)
        if sort in (SortKey.STAGE, SortKey.OFFICER) and offset == 0:
            ids = self._grouped_page(filters, sort, descending, limit, after, stage, officer_id)
        else:
            ids = self._sorted_page(filters, sort, descending, limit, offset, after)
        if not ids:
            return []
        query = select(*SUMMARY_COLUMNS).join(AppUserRow, AppUserRow.id == c.officer_id)
        found = {r.id: r for r in self._session.execute(query.where(c.id.in_(ids)))}
        return [case_summary(r) for r in (found[i] for i in ids if i in found)]

    def _sorted_page(
        self,
        filters: list[Any],
        sort: SortKey,
        descending: bool,
        limit: int,
        offset: int,
        after: CaseSummary | None,
    ) -> list[uuid.UUID]:
        c = CaseFileRow
        page = select(c.id).where(*filters)
        if sort in (SortKey.STAGE, SortKey.OFFICER):  # with an offset: one statement, sorted by the database
            if sort is SortKey.STAGE:
                group: Any = case({s.value: i for i, s in enumerate(STAGE_ORDER)}, value=c.stage)
            else:
                page = page.join(AppUserRow, AppUserRow.id == c.officer_id)
                group = AppUserRow.username
            order = [group.desc() if descending else group.asc(), c.updated_at.desc(), c.id.desc()]
            return list(self._session.scalars(page.order_by(*order).limit(limit).offset(offset)))
        keys = _SORT_COLUMNS[sort]
        if after is not None:
            values = _cursor_values(sort, after)
            page = page.where(tuple_(*keys) < values if descending else tuple_(*keys) > values)
        order = [k.desc() if descending else k.asc() for k in keys]
        return list(self._session.scalars(page.order_by(*order).limit(limit).offset(offset)))

    def _grouped_page(
        self,
        filters: list[Any],
        sort: SortKey,
        descending: bool,
        limit: int,
        after: CaseSummary | None,
        stage: Stage | None,
        officer_id: str | None,
    ) -> list[uuid.UUID]:
        c = CaseFileRow
        groups: list[Any]
        if sort is SortKey.STAGE:
            column: Any = c.stage
            groups = [stage.value] if stage is not None else [s.value for s in STAGE_ORDER]
            start: Any = after.stage.value if after is not None else None
        else:
            column = c.officer_id
            if officer_id is not None:
                groups = [uuid.UUID(officer_id)]
            else:  # the users, by name: a small table
                groups = list(self._session.scalars(select(AppUserRow.id).order_by(AppUserRow.username)))
            start = uuid.UUID(after.officer_id) if after is not None else None
        if descending:
            groups.reverse()
        if start is not None:
            groups = groups[groups.index(start) :] if start in groups else []
        ids: list[uuid.UUID] = []
        for value in groups:
            page = select(c.id).where(*filters, column == value)
            if after is not None and value == start:
                page = page.where(tuple_(c.updated_at, c.id) < (after.updated_at, uuid.UUID(after.id)))
            page = page.order_by(c.updated_at.desc(), c.id.desc()).limit(limit - len(ids))
            ids.extend(self._session.scalars(page))
            if len(ids) >= limit:
                break
        return ids

    def history(self, case_id: str) -> list[CaseVersionInfo]:
        """Every saved version of the case, oldest first."""
        key = case_uuid(case_id)
        v = CaseVersionRow
        query = (
            select(
                v.version,
                v.action,
                v.saved_at,
                AppUserRow.username,
                v.content_sha256,
                v.changed_json,
                v.changed_count,
            )
            .join(AppUserRow, AppUserRow.id == v.saved_by)
            .where(v.case_id == key)
            .order_by(v.version)
        )
        out = [
            CaseVersionInfo(
                version=r.version,
                action=ChangeAction(r.action),
                saved_at=r.saved_at,
                saved_by=r.username,
                content_sha256=r.content_sha256,
                changed_fields=tuple(json.loads(r.changed_json)),
                changed_count=r.changed_count,
            )
            for r in self._session.execute(query)
        ]
        if not out:
            raise CaseNotFoundError(case_id=case_id)
        return out

    def version_document(self, case_id: str, version: int) -> CaseFile:
        """The case exactly as it was saved in ``version`` (rows of a snapshot taken before rows had ids
        get the ids migration 0005 gave the stored rows)."""
        return decode(CaseFile, self._snapshot_plain(case_uuid(case_id), version), "case")

    def audit_trail(self, case_id: str) -> list[AuditRecord]:
        """The audit entries of a case, in the order they were written."""
        a = AuditEntryRow
        query = select(a).where(a.case_id == case_uuid(case_id)).order_by(a.id)
        return [
            AuditRecord(
                id=r.id,
                at=r.at,
                user_id=str(r.user_id),
                case_id=str(r.case_id) if r.case_id else None,
                action=ChangeAction(r.action),
                field=r.field,
                before=r.before,
                after=r.after,
            )
            for r in self._session.scalars(query)
        ]

    # ---- helpers -------------------------------------------------------------------------------

    def _locked_root(self, case_id: uuid.UUID) -> CaseFileRow:
        query = (
            select(CaseFileRow)
            .where(CaseFileRow.id == case_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
        root = self._session.scalars(query).one_or_none()
        if root is None:
            raise CaseNotFoundError(case_id=str(case_id))
        return root

    def _committed_version(self, case_id: uuid.UUID) -> int:
        """The version others committed; asked on a fresh connection, because a failed flush has
        rolled back this session's transaction."""
        with self._session.get_bind().engine.connect() as connection:
            version = connection.scalar(select(CaseFileRow.version_id).where(CaseFileRow.id == case_id))
        return int(version) if version is not None else 0

    def _document_text(self, case_id: uuid.UUID, version: int) -> str:
        text = self._session.scalar(
            select(CaseVersionRow.document).where(
                CaseVersionRow.case_id == case_id, CaseVersionRow.version == version
            )
        )
        if text is None:
            raise CaseNotFoundError(case_id=str(case_id), version=version)
        return text

    def _snapshot_plain(self, case_id: uuid.UUID, version: int, known: str | None = None) -> Any:
        """The plain data of a snapshot, every row with an id (``row_ids.fill_row_ids``); ``known`` is its
        text when the caller holds it already."""
        plain = json.loads(known if known is not None else self._document_text(case_id, version))
        return fill_row_ids(plain, str(case_id)) if rows_lack_ids(plain) else plain

    def _write_children(self, case_id: uuid.UUID, rows: CaseRows, *, replace: bool) -> None:
        connection = self._session.connection()
        if replace and connection.dialect.name == "postgresql":
            connection.execute(_delete_children_statement(), {"case_id": case_id})
        elif replace:
            for table in CHILD_TABLES:
                connection.execute(_delete_statement(table), {"case_id": case_id})
        filled = [(table, rows.children[table]) for table in CHILD_TABLES if rows.children[table]]
        if connection.dialect.name == "postgresql" and filled:
            shape = tuple((table.name, tuple(items[0])) for table, items in filled)
            values = {
                f"rows_{i}": _rows_json(t, items, connection.dialect) for i, (t, items) in enumerate(filled)
            }
            connection.execute(_insert_children_statement(shape), values)
            return
        for table, items in filled:
            connection.execute(_insert_statement(table), items)

    def _snapshot(
        self,
        case_id: uuid.UUID,
        version: int,
        action: ChangeAction,
        now: datetime,
        user: uuid.UUID,
        document: str,
        sha: str,
        changes: Sequence[FieldChange],
        policy_version: int,
    ) -> None:
        self._session.connection().execute(
            _insert_statement(table_of(CaseVersionRow)),
            {
                "case_id": case_id,
                "version": version,
                "action": action.value,
                "saved_at": now,
                "saved_by": user,
                "content_sha256": sha,
                "document": document,
                "changed_json": json.dumps(
                    [c.path for c in changes[:MAX_LISTED_CHANGES]], ensure_ascii=False
                ),
                "changed_count": len(changes),
                "policy_version": policy_version,
            },
        )

    def _policy(self) -> CreditPolicy:
        """The policy a save computes the case's figures under: the store's, in force now."""
        return SqlPolicyRepository(self._session).current()

    def _audit(
        self,
        user: uuid.UUID,
        case_id: uuid.UUID | None,
        action: ChangeAction,
        changes: Sequence[FieldChange],
        *,
        at_commit: bool = False,
    ) -> None:
        """One entry per change; who and when is the store's to say (``audit_chain.append_audit``:
        ``user`` only where the unit of work claims no actor). A save's lines join the chain at its
        commit (``at_commit``): the chain head, which every save of every officer needs, is then
        locked for the commit only."""
        append_audit(
            self._session,
            [AuditLine(case_id, action.value, c.path or None, c.before, c.after) for c in changes],
            user,
            at_commit=at_commit,
        )
