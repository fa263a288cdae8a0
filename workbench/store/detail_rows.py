"""Case-level detail lists: cross-checks, guarantors, collateral and evidence items."""

from __future__ import annotations

from sqlalchemy import Double, Index, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.store.orm_base import (
    Base,
    CaseChild,
    Code,
    Day,
    Exact,
    Json,
    Long,
    Minor,
    RowChild,
    Scale,
    Short,
)

GUARANTOR_ID_KEY = "upper(replace(id_number, ' ', ''))"
"""A guarantor's ID number as the store compares it (``domain.store_links.id_key``), indexed."""
EXPRESSION_INDEXES = frozenset({"ix_guarantor_id_key"})
"""Indexes on an expression: SQLite's reflection skips them, so a batch ``ALTER`` of their table by
copy-and-move drops them; a migration that alters ``guarantor`` on SQLite must create it again."""


class CrossCheckRow(CaseChild, Base):
    """A cross-check; its inputs depend on the method, so they stay codec JSON (``inputs_json``).

    ``adopted`` is a decimal or a reference to a derived figure, written ``=name`` as in the files.
    """

    __tablename__ = "cross_check"

    check_id: Mapped[Short]
    target: Mapped[Code]
    method: Mapped[Code]
    inputs_json: Mapped[Json]
    title: Mapped[Short]
    season: Mapped[Code | None]
    adopted: Mapped[Short | None]
    explanation: Mapped[Long]
    supersedes: Mapped[Short]
    evidence_json: Mapped[Json]
    # Computed at every save (``domain.case_figures``, migration 0014; NULL for a superseded check):
    # the portfolio's distribution of deviations. Not part of the check, so ``FIGURE_COLUMNS``.
    deviation: Mapped[float | None] = mapped_column(Double)
    status: Mapped[Code | None]

    __table_args__ = (
        UniqueConstraint("case_id", "check_id"),
        Index("ix_cross_check_portfolio", "case_id", "deviation"),  # the portfolio's read (0014)
    )


class GuarantorRow(RowChild, Base):
    __tablename__ = "guarantor"

    name: Mapped[Short]
    role: Mapped[Code]
    relationship: Mapped[Code]
    id_number: Mapped[Short]
    occupation: Mapped[Short]
    monthly_income_minor: Mapped[Minor | None]
    monthly_income_scale: Mapped[Scale | None]
    assets_minor: Mapped[Minor | None]
    assets_scale: Mapped[Scale | None]
    liabilities_minor: Mapped[Minor | None]
    liabilities_scale: Mapped[Scale | None]
    credit_record: Mapped[Short]
    willingness: Mapped[Short]
    leverage: Mapped[Long]

    # Who guarantees whose loan, found by ID number as the store compares them (migration 0013).
    __table_args__ = (Index("ix_guarantor_id_key", text(GUARANTOR_ID_KEY)),)


class CollateralRow(RowChild, Base):
    __tablename__ = "collateral"

    kind: Mapped[Code]
    description: Mapped[Short]
    owner: Mapped[Short]
    appraiser: Mapped[Short]
    certificate_number: Mapped[Short]
    value_minor: Mapped[Minor | None]
    value_scale: Mapped[Scale | None]
    loan_to_value: Mapped[Exact | None]


class EvidenceItemRow(CaseChild, Base):
    """An evidence item; ``evidence_id`` is what figures, checks and attachments point to."""

    __tablename__ = "evidence_item"

    evidence_id: Mapped[Short]
    kind: Mapped[Code]
    title: Mapped[Short]
    source: Mapped[Code]
    taken_on: Mapped[Day | None]
    file_name: Mapped[Short]
    sha256: Mapped[Short]
    note: Mapped[Long]

    __table_args__ = (UniqueConstraint("case_id", "evidence_id"),)
