"""The reads behind the portfolio (``services.portfolio``): filtered in the database, read in chunks.

Each read is one statement with the period and the officers in its ``WHERE``; row-level reads come
back as pandas frames of at most ``CHUNK`` rows (a server-side cursor on PostgreSQL), so a store of
100 000 cases is never in memory at once. Counts that are a plain ``GROUP BY`` come back whole (a
handful of rows). Every read is answered from the covering indexes of migration 0014, never from the
wide case rows: the officer is read as her stored key (no join, no UUID made per row) and named from
the small user table (``Officers``).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVarTuple

import pandas as pd
from sqlalchemy import String, func, select, type_coerce

from workbench.store.case_rows import CaseFileRow
from workbench.store.committee_rows import CaseSubmissionRow, CommitteeAgendaItemRow, CommitteeDecisionRow
from workbench.store.detail_rows import CrossCheckRow
from workbench.store.people_rows import AppUserRow

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sqlalchemy import Select
    from sqlalchemy.orm import Session

CHUNK = 20_000
"""Rows per frame: large enough that pandas' per-call cost vanishes, small enough for any store."""

Span = tuple[datetime | None, datetime | None]
"""``[from, to)`` of a timestamp column, aware."""
Days = tuple[date | None, date | None]
"""Inclusive first and last day of a date column."""

c, u = CaseFileRow, AppUserRow
Ts = TypeVarTuple("Ts")


def _key(column: Any) -> Any:
    """A user key as the driver returns it (SQLite: the stored hex text; PostgreSQL: ``uuid.UUID``),
    without SQLAlchemy's per-row conversion: it is only matched against ``Officers.names``."""
    return type_coerce(column, String)


class Officers:
    """The users the question is about: their stored keys and names (a small table, read whole)."""

    def __init__(self, session: Session, names: tuple[str, ...]) -> None:
        query = select(_key(u.id), u.username, u.display_name)
        if names:
            query = query.where(u.username.in_(names))
        rows = session.execute(query).all()
        self.names: dict[Any, str] = {key: name for key, name, _ in rows}
        self.frame = pd.DataFrame(
            {"officer": [r[1] for r in rows], "display_name": [r[2] for r in rows]},
            columns=["officer", "display_name"],
        )
        self.only = bool(names)

    def filter(self) -> list[Any]:
        """The ``WHERE`` on ``case_file.officer_id`` (none when every officer is asked for)."""
        if not self.only:
            return []
        return [c.officer_id.in_(select(u.id).where(u.username.in_(self.frame["officer"].tolist())))]

    def named(self, frame: pd.DataFrame) -> pd.DataFrame:
        """``frame`` with its ``officer_id`` column replaced by the officer's user name."""
        officer = frame.pop("officer_id").map(self.names)
        return frame.assign(officer=officer)


def _in_span(column: Any, span: Span) -> list[Any]:
    low, high = span
    return [*([column >= low] if low is not None else []), *([column < high] if high is not None else [])]


def _in_days(column: Any, days: Days) -> list[Any]:
    low, high = days
    out = [column.is_not(None)]
    if low is not None:
        out.append(column >= low)
    if high is not None:
        out.append(column <= high)
    return out


def _raw(column: Any) -> Any:
    """A date or time as the driver returns it (SQLite: ISO text; PostgreSQL: ``date``/``datetime``),
    without SQLAlchemy's per-row conversion: pandas parses the whole column at once."""
    return type_coerce(column, String)


def _frames(session: Session, query: Select[*Ts], officers: Officers | None = None) -> Iterator[pd.DataFrame]:
    # Core, not the ORM session: its row loading cost more than the reading itself
    connection = session.connection()
    sqlite = connection.dialect.name == "sqlite"
    # SQLite: the driver's own tuples (a plain cursor: nothing buffered ahead, and every column read
    # here is one SQLAlchemy would pass through unchanged: keys and dates as text, numbers);
    # PostgreSQL: a server-side cursor through the result, which buffers rows ahead.
    streamed = query if sqlite else query.execution_options(stream_results=True, max_row_buffer=CHUNK)
    result = connection.execute(streamed)
    columns = list(result.keys())
    fetch = result.cursor.fetchmany if sqlite else result.fetchmany
    try:
        while part := fetch(CHUNK):
            # column by column through zip: pandas' from_records probes every row with hasattr,
            # which costs a raised KeyError per SQLAlchemy row and took most of the time
            frame = pd.DataFrame(dict(zip(columns, zip(*part, strict=True), strict=True)), columns=columns)
            yield frame if officers is None else officers.named(frame)
    finally:
        result.close()


def pipeline(session: Session, created: Span, officers: Officers) -> pd.DataFrame:
    """Cases by current stage among those created in the span: ``stage``, ``cases``, ``requested_minor``."""
    query = select(c.stage, func.count().label("cases"), func.sum(c.requested_minor).label("requested_minor"))
    query = query.where(*officers.filter(), *_in_span(c.created_at, created)).group_by(c.stage)
    return pd.DataFrame.from_records(
        [tuple(r) for r in session.execute(query)], columns=["stage", "cases", "requested_minor"]
    )


def surveyed(session: Session, days: Days, officers: Officers) -> Iterator[pd.DataFrame]:
    """Cases surveyed in the days: ``officer``, ``equity_deviation``, ``checks_total``, ``checks_failed``."""
    query = select(
        _key(c.officer_id).label("officer_id"), c.equity_deviation, c.checks_total, c.checks_failed
    ).where(*officers.filter(), *_in_days(c.survey_date, days))
    return _frames(session, query, officers)


def check_deviations(session: Session, days: Days, officers: Officers) -> Iterator[pd.DataFrame]:
    """``deviation`` of every standing check of the cases surveyed in the days."""
    k = CrossCheckRow
    query = (
        select(k.deviation)
        .select_from(c)
        .join(k, k.case_id == c.id)
        .where(*officers.filter(), *_in_days(c.survey_date, days), k.deviation.is_not(None))
    )
    return _frames(session, query)


def submitted(session: Session, span: Span, officers: Officers) -> pd.DataFrame:
    """Per ``officer``, how many cases went to the committee in the span (``submitted``)."""
    s = CaseSubmissionRow
    query = (
        select(_key(c.officer_id).label("officer_id"), func.count(s.case_id.distinct()).label("submitted"))
        .select_from(s)
        .join(c, c.id == s.case_id)
        .where(*officers.filter(), *_in_span(s.submitted_at, span))
        .group_by(c.officer_id)
    )
    rows = [tuple(r) for r in session.execute(query)]
    return officers.named(pd.DataFrame.from_records(rows, columns=["officer_id", "submitted"]))


def decisions(session: Session, span: Span, officers: Officers) -> Iterator[pd.DataFrame]:
    """The committee's decisions in the span: ``officer``, ``outcome``, ``amount_minor`` (the decided
    amount, else the requested one), ``decided_at`` (UTC) and the case's ``survey_date``, both as the
    driver gives them (``pd.to_datetime`` reads either)."""
    d, a = CommitteeDecisionRow, CommitteeAgendaItemRow
    query = (
        select(
            _key(c.officer_id).label("officer_id"),
            d.outcome,
            func.coalesce(d.amount_minor, c.requested_minor).label("amount_minor"),
            _raw(d.decided_at).label("decided_at"),
            _raw(c.survey_date).label("survey_date"),
        )
        .select_from(d)
        .join(a, a.id == d.agenda_item_id)
        .join(c, c.id == a.case_id)
        .where(*officers.filter(), *_in_span(d.decided_at, span))
    )
    return _frames(session, query, officers)
