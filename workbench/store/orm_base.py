"""The declarative base, its naming convention and the column shapes every table shares."""

from __future__ import annotations

import uuid  # noqa: TC003 - declared_attr annotations are read at mapping time
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, cast

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from workbench.store.types import DecimalText, UtcDateTime

# Prefect's templates: every constraint has a stable name, so Alembic's batch mode on SQLite finds it.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SHORT = 200
"""Length of short texts (``fields.SHORT_TEXT``); long texts are unbounded ``Text``."""

Short = Annotated[str, mapped_column(String(SHORT))]
Long = Annotated[str, mapped_column(Text)]
Code = Annotated[str, mapped_column(String(40))]
"""An enum value of the domain (category, kind, scope …); the mapper checks it on the way in and out."""
Minor = Annotated[int, mapped_column(BigInteger)]
"""Money in minor units (fen), exact and summable on both engines."""
Scale = Annotated[int, mapped_column(SmallInteger)]
"""Decimal places of an amount as entered (``60000`` has 0, ``18.00`` has 2): export gives the same text."""
Exact = Annotated[Decimal, mapped_column(DecimalText())]
Day = Annotated[date, mapped_column(Date)]
Moment = Annotated[datetime, mapped_column(UtcDateTime())]
Json = Annotated[str, mapped_column(Text)]
"""Plain data from ``workbench.domain.codec.encode`` as JSON text (exact: decimals are strings)."""


def one_of(column: str, values: tuple[str, ...] | list[str], name: str | None = None) -> CheckConstraint:
    """``CHECK (column IN (...))`` named by the convention (``ck_<table>_<name>``)."""
    listed = ", ".join(f"'{v}'" for v in values)
    return CheckConstraint(f"{column} IN ({listed})", name=name or column)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def table_of(row: type[Base]) -> Table:
    """The ``Table`` of a row class, typed as such (``__table__`` is typed as a mere ``FromClause``)."""
    return cast("Table", row.__table__)


def case_fk() -> Mapped[uuid.UUID]:
    """``case_id`` of a detail row: part of its key, removed with the case."""
    return mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), primary_key=True, sort_order=-3)


class CaseChild:
    """A detail-list row: keyed by its case and its position in the list (0-based)."""

    @declared_attr
    def case_id(cls) -> Mapped[uuid.UUID]:
        return case_fk()

    position: Mapped[int] = mapped_column(Integer, primary_key=True, sort_order=-1)


ROW_ID = 40
"""Length of a row id (``fields.ROW_ID_LENGTH``)."""


class RowChild(CaseChild):
    """A detail row of the case (not a cross-check or evidence item): ``row_id`` is the domain row's
    stable ``id``; the position still gives the order."""

    row_id: Mapped[str] = mapped_column(String(ROW_ID))


SHEETS = ("current", "prior")


class SheetChild(RowChild):
    """A balance-sheet detail row: ``sheet`` says whether it belongs to the current or the prior sheet."""

    sheet: Mapped[str] = mapped_column(String(8), primary_key=True, sort_order=-2)

    @declared_attr.directive
    def __table_args__(cls) -> tuple[CheckConstraint]:
        return (one_of("sheet", SHEETS),)
