"""Detail lists of the profit-and-loss inputs (``pl_*``) and of the equity check (``equity_*``)."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from workbench.store.orm_base import Base, Day, Exact, Json, Long, Minor, RowChild, Scale, Short, one_of

EXPENSE_KINDS = ("fixed", "household", "other_expense", "other_income")
EQUITY_ITEM_KINDS = (
    "initial_asset",
    "initial_liability",
    "period_profit",
    "injection",
    "appreciation",
    "withdrawal",
    "depreciation",
)


class PlProductRow(RowChild, Base):
    """Per-unit prices and costs may carry fractions of a cent: exact text, not minor units."""

    __tablename__ = "pl_product"

    name: Mapped[Short]
    unit_price: Mapped[Exact]
    unit_cost: Mapped[Exact]
    share: Mapped[Exact | None]
    quantity: Mapped[Exact | None]
    material: Mapped[Exact]
    piece_wage: Mapped[Exact]
    kwh: Mapped[Exact]
    labour_hours: Mapped[Exact]
    unit: Mapped[Short]


class PlExpenseRow(RowChild, Base):
    """Fixed costs, household expenses, other expenses and other income: ``kind`` says which list."""

    __tablename__ = "pl_expense"

    kind: Mapped[str] = mapped_column(String(16), primary_key=True, sort_order=-2)
    label: Mapped[Short]
    amount_minor: Mapped[Minor]
    amount_scale: Mapped[Scale]
    note: Mapped[Short]

    __table_args__ = (one_of("kind", EXPENSE_KINDS),)


class PlVariableExpenseRow(RowChild, Base):
    __tablename__ = "pl_variable_expense"

    label: Mapped[Short]
    rate: Mapped[Exact]


class EquityItemRow(RowChild, Base):
    """One line of the equity reconciliation; ``kind`` says which of its seven lists."""

    __tablename__ = "equity_item"

    kind: Mapped[str] = mapped_column(String(20), primary_key=True, sort_order=-2)
    label: Mapped[Short]
    amount_minor: Mapped[Minor]
    amount_scale: Mapped[Scale]
    times: Mapped[Exact]
    note: Mapped[Short]
    evidence_json: Mapped[Json]

    __table_args__ = (one_of("kind", EQUITY_ITEM_KINDS),)


class EquityPassRow(RowChild, Base):
    """An earlier pass of the equity check, frozen as computed."""

    __tablename__ = "equity_pass"

    label: Mapped[Short]
    total_assets_minor: Mapped[Minor]
    total_assets_scale: Mapped[Scale]
    total_liabilities_minor: Mapped[Minor]
    total_liabilities_scale: Mapped[Scale]
    expected_equity_minor: Mapped[Minor]
    expected_equity_scale: Mapped[Scale]
    period_profit_minor: Mapped[Minor | None]
    period_profit_scale: Mapped[Scale | None]
    recorded_on: Mapped[Day | None]
    finding: Mapped[Long]
