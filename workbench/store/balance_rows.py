"""Detail lists of the balance sheets (``bs_*``): one table per list, ``sheet`` = current | prior.

Column names follow the domain fields (``workbench.domain.balance_sheet``); an amount ``x`` is
``x_minor`` + ``x_scale``, a tuple ``x`` is ``x_json`` (see ``workbench.store.row_codec``).
"""

from __future__ import annotations

from sqlalchemy.orm import Mapped

from workbench.store.orm_base import Base, Code, Day, Exact, Json, Minor, Scale, SheetChild, Short


class BsAssetItemRow(SheetChild, Base):
    __tablename__ = "bs_asset_item"

    category: Mapped[Code]
    label: Mapped[Short]
    amount_minor: Mapped[Minor]
    amount_scale: Mapped[Scale]
    scope: Mapped[Code]
    note: Mapped[Short]
    evidence_json: Mapped[Json]


class BsStockItemRow(SheetChild, Base):
    """Unit costs may carry fractions of a cent (a screw at 0.125): exact text, not minor units."""

    __tablename__ = "bs_stock_item"

    label: Mapped[Short]
    quantity: Mapped[Exact]
    unit_cost: Mapped[Exact]
    category: Mapped[Code]
    evidence_json: Mapped[Json]


class BsFixedAssetRow(SheetChild, Base):
    __tablename__ = "bs_fixed_asset"

    label: Mapped[Short]
    present_value_minor: Mapped[Minor]
    present_value_scale: Mapped[Scale]
    original_value_minor: Mapped[Minor | None]
    original_value_scale: Mapped[Scale | None]
    category: Mapped[Code]
    scope: Mapped[Code]
    quantity: Mapped[int]
    acquired_on: Mapped[Day | None]
    evidence_json: Mapped[Json]


class BsReceivableRow(SheetChild, Base):
    __tablename__ = "bs_receivable"

    counterparty: Mapped[Short]
    amount_minor: Mapped[Minor]
    amount_scale: Mapped[Scale]
    age_days: Mapped[int | None]
    terms: Mapped[Short]
    evidence_json: Mapped[Json]


class BsPayableRow(SheetChild, Base):
    __tablename__ = "bs_payable"

    counterparty: Mapped[Short]
    amount_minor: Mapped[Minor]
    amount_scale: Mapped[Scale]
    kind: Mapped[Code]
    age_days: Mapped[int | None]
    terms: Mapped[Short]
    evidence_json: Mapped[Json]


class BsDebtRow(SheetChild, Base):
    __tablename__ = "bs_debt"

    lender: Mapped[Short]
    balance_minor: Mapped[Minor]
    balance_scale: Mapped[Scale]
    kind: Mapped[Code]
    scope: Mapped[Code]
    original_amount_minor: Mapped[Minor | None]
    original_amount_scale: Mapped[Scale | None]
    monthly_instalment_minor: Mapped[Minor]
    monthly_instalment_scale: Mapped[Scale]
    monthly_interest_minor: Mapped[Minor]
    monthly_interest_scale: Mapped[Scale]
    remaining_months: Mapped[int | None]
    long_term: Mapped[bool]
    start_date: Mapped[Day | None]
    purpose: Mapped[Short]
    guarantee: Mapped[Short]
    evidence_json: Mapped[Json]


class BsOffBalanceItemRow(SheetChild, Base):
    __tablename__ = "bs_off_balance_item"

    label: Mapped[Short]
    value_minor: Mapped[Minor]
    value_scale: Mapped[Scale]
    is_liability: Mapped[bool]
    note: Mapped[Short]


class BsGuaranteeGivenRow(SheetChild, Base):
    __tablename__ = "bs_guarantee_given"

    beneficiary: Mapped[Short]
    amount_minor: Mapped[Minor]
    amount_scale: Mapped[Scale]
    lender: Mapped[Short]
    note: Mapped[Short]
