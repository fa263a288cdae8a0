"""The root row of the case aggregate (``case_file``): list columns, 1:1 sections as codec JSON."""

from __future__ import annotations

import uuid

from sqlalchemy import BigInteger, Double, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.store.orm_base import Base, Code, Day, Json, Moment, Short

PORTFOLIO_SURVEY = ("survey_date", "officer_id", "id", "equity_deviation", "checks_total", "checks_failed")


class CaseFileRow(Base):
    """One case. ``version_id`` is the optimistic lock: every save bumps it, a stale one fails."""

    __tablename__ = "case_file"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(Integer)
    # Columns the case list shows, filters and sorts on (copies of values inside the sections).
    case_number: Mapped[Short]
    product: Mapped[Short]
    loan_class: Mapped[Code]
    stage: Mapped[Code]
    officer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"))
    borrower_name: Mapped[Short]
    business_name: Mapped[Short | None]
    requested_minor: Mapped[int] = mapped_column(BigInteger)
    term_months: Mapped[int]
    survey_date: Mapped[Day | None]
    created_at: Mapped[Moment]
    created_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"))
    updated_at: Mapped[Moment]
    updated_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"))
    content_sha256: Mapped[str] = mapped_column(String(64))
    # What the case list's name filter searches: case number, borrower and business, lower-cased
    # (``mappers.search_text``). One narrow column, so a search reads one value per row; SQLite
    # answers from the covering list index below, PostgreSQL may add a trigram index (migration 0002).
    search_text: Mapped[str] = mapped_column(Text, server_default="")
    # The applicant's ID number as the store compares people across cases (``store_links.id_key``):
    # the checks for the same applicant on two open cases and for guarantee rings (migration 0013).
    borrower_id_key: Mapped[str] = mapped_column(String(40), server_default="")
    # The 1:1 sections, exactly as workbench.domain.codec.encodes them (detail lists live in child tables).
    borrower_json: Mapped[Json]
    request_json: Mapped[Json]
    dates_json: Mapped[Json]
    officers_json: Mapped[Json]
    household_json: Mapped[Json]
    business_json: Mapped[Json | None]
    soft_info_json: Mapped[Json]
    notes_json: Mapped[Json]
    balance_sheet_json: Mapped[Json]
    prior_balance_sheet_json: Mapped[Json | None]
    profit_loss_json: Mapped[Json]
    equity_check_json: Mapped[Json | None]
    # Computed figures the portfolio counts (``domain.case_figures``, migration 0014), written at
    # every save from the content above: a float copy for statistics, never read back into a case.
    equity_deviation: Mapped[float | None] = mapped_column(Double)
    equity_status: Mapped[Code | None]
    checks_total: Mapped[int] = mapped_column(Integer, server_default="0")
    checks_failed: Mapped[int] = mapped_column(Integer, server_default="0")
    # The credit policy version the figures were computed under (``credit_policy``, migration 0017).
    policy_version: Mapped[int] = mapped_column(Integer, server_default="1")

    __mapper_args__ = {"version_id_col": version_id}  # noqa: RUF012 - SQLAlchemy's declarative hook
    __table_args__ = (
        Index(None, "officer_id", "stage", "updated_at"),
        # The list order (newest change first, id breaks ties), covering the name filter.
        Index(None, "updated_at", "id", "search_text"),
        # Sort orders of the list (migration 0004): each ends with id, a total, stable order.
        Index(None, "borrower_name", "id"),
        Index(None, "case_number", "id"),
        Index(None, "stage", "updated_at", "id"),
        Index(None, "officer_id", "updated_at", "id"),
        Index(None, "created_at"),
        Index(None, "borrower_id_key"),
        # The portfolio's reads (migration 0014), each answered from an index alone (SQLite's
        # covering index, PostgreSQL's index-only scan), never from the wide rows with their JSON.
        Index("ix_case_file_portfolio_survey", *PORTFOLIO_SURVEY),
        Index("ix_case_file_portfolio_created", "stage", "created_at", "officer_id", "requested_minor"),
        Index("ix_case_file_portfolio_case", "id", "officer_id", "survey_date", "requested_minor"),
    )


OPTIONAL_INDEXES = frozenset({"ix_case_file_search_text_trgm"})
"""Engine-specific indexes a migration adds when it can (PostgreSQL ``pg_trgm``): not in the models,
so the models/migrations comparison leaves them out."""
