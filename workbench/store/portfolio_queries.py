"""The reads behind the portfolio (``services.portfolio``): filtered in the database, read in chunks.

Each read is one statement with the period and the officers in its ``WHERE``; row-level reads come
back as pandas frames of at most ``CHUNK`` rows (a server-side cursor on PostgreSQL), so a store of
100 000 cases is never in memory at once. Counts that are a plain ``GROUP BY`` come back whole (a
handful of rows). Officers are named by user name (a short text, cheaper to read than a UUID).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVarTuple

import pandas as pd
from sqlalchemy import func, select

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


def _officers(query: Select[*Ts], officers: tuple[str, ...]) -> Select[*Ts]:
    joined = query.join(u, u.id == c.officer_id)
    return joined.where(u.username.in_(officers)) if officers else joined


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


def _frames(session: Session, query: Select[*Ts]) -> Iterator[pd.DataFrame]:
    result = session.execute(query.execution_options(stream_results=True, max_row_buffer=CHUNK))
    columns = list(result.keys())
    for part in result.partitions(CHUNK):
        yield pd.DataFrame.from_records(part, columns=columns)


def pipeline(session: Session, created: Span, officers: tuple[str, ...]) -> pd.DataFrame:
    """Cases by current stage among those created in the span: ``stage``, ``cases``, ``requested_minor``."""
    query = _officers(
        select(
            c.stage, func.count().label("cases"), func.sum(c.requested_minor).label("requested_minor")
        ).select_from(c),
        officers,
    ).where(*_in_span(c.created_at, created))
    rows = session.execute(query.group_by(c.stage)).all()
    return pd.DataFrame.from_records(rows, columns=["stage", "cases", "requested_minor"])


def officers(session: Session, names: tuple[str, ...]) -> pd.DataFrame:
    """``officer`` (user name) and ``display_name`` of the officers asked for (all users when none)."""
    query = select(u.username.label("officer"), u.display_name)
    if names:
        query = query.where(u.username.in_(names))
    return pd.DataFrame.from_records(session.execute(query).all(), columns=["officer", "display_name"])


def surveyed(session: Session, days: Days, officers: tuple[str, ...]) -> Iterator[pd.DataFrame]:
    """Cases surveyed in the days: ``officer``, ``equity_deviation``, ``checks_total``, ``checks_failed``."""
    query = _officers(
        select(u.username.label("officer"), c.equity_deviation, c.checks_total, c.checks_failed).select_from(
            c
        ),
        officers,
    ).where(*_in_days(c.survey_date, days))
    return _frames(session, query)


def check_deviations(session: Session, days: Days, officers: tuple[str, ...]) -> Iterator[pd.DataFrame]:
    """``deviation`` of every standing check of the cases surveyed in the days."""
    k = CrossCheckRow
    query = _officers(select(k.deviation).select_from(k).join(c, c.id == k.case_id), officers).where(
        *_in_days(c.survey_date, days), k.deviation.is_not(None)
    )
    return _frames(session, query)


def submitted(session: Session, span: Span, officers: tuple[str, ...]) -> pd.DataFrame:
    """Per ``officer``, how many cases went to the committee in the span (``submitted``)."""
    s = CaseSubmissionRow
    query = _officers(
        select(u.username.label("officer"), func.count(s.case_id.distinct()).label("submitted"))
        .select_from(s)
        .join(c, c.id == s.case_id),
        officers,
    ).where(*_in_span(s.submitted_at, span))
    rows = session.execute(query.group_by(u.username)).all()
    return pd.DataFrame.from_records(rows, columns=["officer", "submitted"])


def decisions(session: Session, span: Span, officers: tuple[str, ...]) -> Iterator[pd.DataFrame]:
    """The committee's decisions in the span: ``officer``, ``outcome``, ``amount_minor`` (the decided
    amount, else the requested one), ``decided_at`` and the case's ``survey_date``."""
    d, a = CommitteeDecisionRow, CommitteeAgendaItemRow
    query = _officers(
        select(
            u.username.label("officer"),
            d.outcome,
            func.coalesce(d.amount_minor, c.requested_minor).label("amount_minor"),
            d.decided_at,
            c.survey_date,
        )
        .select_from(d)
        .join(a, a.id == d.agenda_item_id)
        .join(c, c.id == a.case_id),
        officers,
    ).where(*_in_span(d.decided_at, span))
    return _frames(session, query)
