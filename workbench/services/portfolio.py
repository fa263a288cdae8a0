"""``PortfolioService``: the portfolio (组合) of a branch or an officer, counted over the store.

pandas over SQL reads in chunks (``store.portfolio_queries``): the period and the officers are
filtered by the database, row-level reads come in frames of ``CHUNK`` rows and each frame is reduced
to partial sums at once, so memory stays flat however large the store. The figures' meaning is in
``domain.portfolio``; the per-case figures (equity δ, check deviations) are those every save keeps
(``domain.case_figures``, migration 0014).

Who sees what: an officer sees her own cases only (asking for another officer is refused); every
other role (reviewer, committee, secretary, back office, administrator) manages or checks the whole
branch and sees every officer.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from workbench.domain.case_list import STAGE_ORDER
from workbench.domain.errors import ValidationError
from workbench.domain.portfolio import APPROVALS, DEVIATION_EDGES, VERDICTS, PortfolioQuery
from workbench.domain.records import Role
from workbench.reports.portfolio_data import (
    BIN_COLUMNS,
    MONTH_COLUMNS,
    OFFICER_COLUMNS,
    Portfolio,
)
from workbench.services.permissions import Action, PermissionDenied, require
from workbench.store import portfolio_queries as q
from workbench.texts import N_, text

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from workbench.domain.records import User
    from workbench.store.db import Sessions

SEES_ALL = frozenset(Role) - {Role.OFFICER}
"""Roles that see every officer's figures."""

SURVEY_SUMS = ["surveyed", "abs_dev", "dev_n", "checks_total", "checks_failed"]
_APPROVED = [o.value for o in APPROVALS]
_VERDICTS = [o.value for o in VERDICTS]


class PortfolioRefusedError(PermissionDenied):
    """An officer asked for another officer's figures (``officer`` is the name asked for)."""

    def __init__(self, user: User, officer: str) -> None:
        super().__init__(user, Action.READ_CASE)
        self.officer = officer

    def describe(self, lang: str = "zh") -> str:
        return text(
            N_("客户经理 {username} 只能查看自己的组合，不能查看 {officer} 的"),
            lang,
            username=self.user.username,
            officer=self.officer,
        )


FORMATS = (".xlsx", ".pdf")
"""What ``write_portfolio`` writes, by the file's suffix."""


def write_portfolio(portfolio: Portfolio, path: Path, lang: str, unit: str = "") -> Path:
    """Write the portfolio as a workbook (``.xlsx``) or a PDF (``.pdf``), whole or not at all.

    Raises:
        ValidationError: ``invalid_choice`` at ``output``, another suffix.
        OSError: the file cannot be written.
    """
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValidationError(
            "output", "invalid_choice", value=path.suffix or path.name, choices=", ".join(FORMATS)
        )
    from workbench.reports.portfolio_export import (
        portfolio_pdf,
        portfolio_xlsx,
    )  # reportlab, openpyxl: on demand

    data = portfolio_pdf(portfolio, lang, unit) if suffix == ".pdf" else portfolio_xlsx(portfolio, lang)
    partial = path.with_name(path.name + ".part")
    partial.write_bytes(data)
    partial.replace(path)
    return path


def _start(day: date | None) -> datetime | None:
    return None if day is None else datetime.combine(day, time.min).astimezone()


def _end(day: date | None) -> datetime | None:
    return None if day is None else datetime.combine(day + timedelta(days=1), time.min).astimezone()


def scope(query: PortfolioQuery, user: User) -> tuple[PortfolioQuery, bool]:
    """The question as ``user`` may ask it, and whether she sees her own cases only.

    Raises:
        PortfolioRefusedError: an officer named another officer.
    """
    if user.role in SEES_ALL or user.admin:
        return query, False
    others = [name for name in query.officers if name != user.username]
    if others:
        raise PortfolioRefusedError(user, others[0])
    return dataclasses.replace(query, officers=(user.username,)), True


def histogram(values: pd.Series[float]) -> np.ndarray[tuple[int], np.dtype[np.int64]]:
    """Counts per bin of ``DEVIATION_EDGES`` with an open bin at each end (``len(edges) + 1``)."""
    index = np.searchsorted(np.asarray(DEVIATION_EDGES), values.to_numpy(dtype=float), side="right")
    return np.bincount(index, minlength=len(DEVIATION_EDGES) + 1).astype(np.int64)


def bins_frame(counts: np.ndarray[tuple[int], np.dtype[np.int64]]) -> pd.DataFrame:
    edges = [-np.inf, *DEVIATION_EDGES, np.inf]
    return pd.DataFrame({"low": edges[:-1], "high": edges[1:], "count": counts}, columns=list(BIN_COLUMNS))


def _summed(parts: Iterable[pd.DataFrame], columns: list[str]) -> pd.DataFrame:
    """Partial sums per officer, added up (an empty frame with ``columns`` when there were none)."""
    frames = [p for p in parts if not p.empty]
    if not frames:
        return pd.DataFrame(columns=columns).set_index("officer")
    return pd.concat(frames).groupby(level=0).sum()


class PortfolioService:
    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    def portfolio(self, query: PortfolioQuery, user: User, *, now: datetime | None = None) -> Portfolio:
        """The portfolio's figures for ``user`` (one read-only unit of work).

        Raises:
            PermissionDeniedError: the user may not read cases.
            PortfolioRefusedError: an officer asked for another officer.
        """
        require(user, Action.READ_CASE)
        query, own_only = scope(query, user)
        names = query.officers
        span = (_start(query.date_from), _end(query.date_to))
        days = (query.date_from, query.date_to)
        with self._sessions.read() as session:
            people = q.Officers(session, names)
            pipeline = q.pipeline(session, span, people)
            submitted = q.submitted(session, span, people).set_index("officer")
            survey_parts, equity = [], np.zeros(len(DEVIATION_EDGES) + 1, np.int64)
            for frame in q.surveyed(session, days, people):
                dev = frame["equity_deviation"].astype(float)
                equity += histogram(dev.dropna())
                frame = frame.assign(abs_dev=dev.abs(), dev_n=dev.notna().astype(int), surveyed=1)
                survey_parts.append(frame.groupby("officer")[SURVEY_SUMS].sum())
            checks = np.zeros(len(DEVIATION_EDGES) + 1, np.int64)
            for frame in q.check_deviations(session, days, people):
                checks += histogram(frame["deviation"].astype(float))
            decision_parts, month_parts = [], []
            for frame in q.decisions(session, span, people):
                officer_part, month_part = _decision_sums(frame)
                decision_parts.append(officer_part)
                month_parts.append(month_part)
        officers = _officer_table(
            people.frame,
            _summed(
                survey_parts, ["officer", "surveyed", "abs_dev", "dev_n", "checks_total", "checks_failed"]
            ),
            submitted,
            _summed(decision_parts, ["officer", "decided", "approved", "approved_minor", "days", "days_n"]),
        )
        return Portfolio(
            query=query,
            made_at=now or datetime.now().astimezone(),
            made_for=user.username,
            own_only=own_only,
            pipeline=_pipeline_table(pipeline),
            officers=officers,
            months=_month_table(month_parts),
            equity_bins=bins_frame(equity),
            check_bins=bins_frame(checks),
        )


def _decision_sums(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per officer and per month, the partial sums of one frame of decisions."""
    outcome = frame["outcome"]
    approved = outcome.isin(_APPROVED)
    verdict = outcome.isin(_VERDICTS)
    decided_at = pd.to_datetime(frame["decided_at"], utc=True, format="ISO8601").dt.tz_convert(_local_zone())
    day = decided_at.dt.tz_localize(None).dt.normalize()
    survey = pd.to_datetime(frame["survey_date"], format="ISO8601")
    days = (day - survey).dt.days.where(verdict)
    amount = frame["amount_minor"].astype("int64").where(approved, 0)
    parts = pd.DataFrame(
        {
            "officer": frame["officer"],
            "decided": verdict.astype(int),
            "approved": approved.astype(int),
            "approved_minor": amount,
            "days": days.fillna(0),
            "days_n": days.notna().astype(int),
        }
    )
    months = pd.DataFrame(
        {"month": day.dt.strftime("%Y-%m"), "approved": approved.astype(int), "approved_minor": amount}
    )
    return parts.groupby("officer").sum(), months[approved].groupby("month").sum()


def _local_zone() -> object:
    return datetime.now().astimezone().tzinfo


def _pipeline_table(found: pd.DataFrame) -> pd.DataFrame:
    table = pd.DataFrame({"stage": [s.value for s in STAGE_ORDER]})
    table = table.merge(found, on="stage", how="left").fillna({"cases": 0, "requested_minor": 0})
    return table.astype({"cases": "int64", "requested_minor": "int64"})


def _officer_table(
    people: pd.DataFrame, survey: pd.DataFrame, submitted: pd.DataFrame, decided: pd.DataFrame
) -> pd.DataFrame:
    joined = survey.join([submitted, decided], how="outer")
    table = people.set_index("officer").join(joined, how="inner").reset_index()
    counts = [
        "surveyed",
        "submitted",
        "decided",
        "approved",
        "approved_minor",
        "checks_total",
        "checks_failed",
    ]
    table = table.fillna({k: 0 for k in [*counts, "abs_dev", "dev_n", "days", "days_n"]})
    table = table.astype({k: "int64" for k in counts})
    table["pass_rate"] = table["approved"] / table["decided"].where(table["decided"] > 0)
    table["mean_abs_equity_deviation"] = table["abs_dev"] / table["dev_n"].where(table["dev_n"] > 0)
    table["fail_share"] = table["checks_failed"] / table["checks_total"].where(table["checks_total"] > 0)
    table["mean_days_to_decision"] = table["days"] / table["days_n"].where(table["days_n"] > 0)
    return table.sort_values("officer").reset_index(drop=True)[list(OFFICER_COLUMNS)]


def _month_table(parts: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [p for p in parts if not p.empty]
    if not frames:
        return pd.DataFrame({k: pd.Series(dtype="int64" if k != "month" else object) for k in MONTH_COLUMNS})
    summed = pd.concat(frames).groupby(level=0).sum()
    first, last = pd.Period(summed.index.min(), "M"), pd.Period(summed.index.max(), "M")
    every = [str(p) for p in pd.period_range(first, last, freq="M")]
    table = summed.reindex(every, fill_value=0).rename_axis("month").reset_index()
    return table.astype({"approved": "int64", "approved_minor": "int64"})[list(MONTH_COLUMNS)]
