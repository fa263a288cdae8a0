"""Stable row ids: ``row_id`` on every detail-row table, and ids in the rows kept as JSON.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07

* ``row_id`` (text ≤ 40, not null) on the fifteen detail-row tables (``bs_*``, ``pl_*``, ``equity_*``,
  ``guarantor``, ``collateral``). Cross-checks and evidence items keep their own ids.
* Existing rows get the ids a version-1 export of the same case gets on import
  (``workbench.domain.row_ids.derived_row_id``): the first 12 hex digits of
  SHA-256(``<case id>/<list path>/<index>``), e.g. ``…/prior_balance_sheet.debts/2``.
* Rows kept as JSON inside a column (household members, uses of funds, suppliers, soft-information
  rows, the sampled articles of an M14 check …) get the same derived ids inside their JSON.
* The snapshots in ``case_version`` are history and stay as they were written, and so do the content
  hashes that signed reports point to: the store gives a snapshot without ids the same derived ids
  when it reads it (``SqlCaseRepository``), so history, restore and compare line rows up.

The downgrade drops the columns and takes the ids out of the JSON again, snapshots included (the
hashes of versions saved with ids then describe a text with ids).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 2000
ROW_ID = 40
OWN_ID_LISTS = frozenset({"cross_checks", "evidence"})

SHEET_TABLES = {
    "bs_asset_item": "assets",
    "bs_stock_item": "stock",
    "bs_fixed_asset": "fixed_assets",
    "bs_receivable": "receivables",
    "bs_payable": "payables",
    "bs_debt": "debts",
    "bs_off_balance_item": "off_balance",
    "bs_guarantee_given": "guarantees_given",
}
SHEET_FIELDS = {"current": "balance_sheet", "prior": "prior_balance_sheet"}
EXPENSE_LISTS = {
    "fixed": "fixed_costs",
    "household": "household_expenses",
    "other_expense": "other_expenses",
    "other_income": "other_income",
}
EQUITY_LISTS = {
    "initial_asset": "initial_assets",
    "initial_liability": "initial_liabilities",
    "period_profit": "period_profit",
    "injection": "injections",
    "appreciation": "appreciation",
    "withdrawal": "withdrawals",
    "depreciation": "depreciation",
}
PLAIN_TABLES = {
    "pl_product": "profit_loss.products",
    "pl_variable_expense": "profit_loss.variable_expenses",
    "equity_pass": "equity_check.earlier_passes",
    "guarantor": "guarantors",
    "collateral": "collateral",
}
CASE_JSON_COLUMNS = (
    "borrower_json",
    "request_json",
    "dates_json",
    "officers_json",
    "household_json",
    "business_json",
    "soft_info_json",
    "notes_json",
    "balance_sheet_json",
    "prior_balance_sheet_json",
    "profit_loss_json",
    "equity_check_json",
)


KEY_TYPES: dict[str, Any] = {"id": sa.Uuid(), "case_id": sa.Uuid(), "position": sa.Integer(), "version": sa.Integer()}


def _derived_row_id(case_id: str, list_path: str, index: int) -> str:
    """Frozen copy of ``workbench.domain.row_ids.derived_row_id`` as of this revision."""
    return hashlib.sha256(f"{case_id}/{list_path}/{index}".encode()).hexdigest()[:12]


def _fill(node: Any, case_id: str, path: str) -> Any:
    """Frozen copy of ``workbench.domain.row_ids.fill_row_ids``: an id first in every row without one."""
    if isinstance(node, dict):
        return {k: _fill(v, case_id, f"{path}.{k}" if path else str(k)) for k, v in node.items()}
    if isinstance(node, list):
        out = []
        for index, item in enumerate(node):
            filled = _fill(item, case_id, f"{path}[{index}]")
            if isinstance(filled, dict) and path not in OWN_ID_LISTS and not filled.get("id"):
                rest = {k: v for k, v in filled.items() if k != "id"}
                filled = {"id": _derived_row_id(case_id, path, index), **rest}
            out.append(filled)
        return out
    return node


def _strip(node: Any, path: str) -> Any:
    """The inverse of ``_fill``: rows without their ``id``."""
    if isinstance(node, dict):
        return {k: _strip(v, f"{path}.{k}" if path else str(k)) for k, v in node.items()}
    if isinstance(node, list):
        out = []
        for index, item in enumerate(node):
            stripped = _strip(item, f"{path}[{index}]")
            if isinstance(stripped, dict) and path not in OWN_ID_LISTS:
                stripped = {k: v for k, v in stripped.items() if k != "id"}
            out.append(stripped)
        return out
    return node


def _compact(data: Any) -> str:
    """The store's JSON column text (``row_codec.dumps``): compact, key order kept."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _canonical(data: Any) -> str:
    """The snapshot text (``changes.canonical_text``): compact with sorted keys."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _row_tables() -> list[tuple[str, Callable[[Any], str], tuple[str, ...]]]:
    """Each detail-row table, how to name the list of one of its rows, and its key columns."""

    def in_sheet(field: str) -> Callable[[Any], str]:
        return lambda r: f"{SHEET_FIELDS[r.sheet]}.{field}"

    def fixed(path: str) -> Callable[[Any], str]:
        return lambda _r: path

    tables: list[tuple[str, Callable[[Any], str], tuple[str, ...]]] = []
    for table, field in SHEET_TABLES.items():
        tables.append((table, in_sheet(field), ("sheet",)))
    tables.append(("pl_expense", lambda r: f"profit_loss.{EXPENSE_LISTS[r.kind]}", ("kind",)))
    tables.append(("equity_item", lambda r: f"equity_check.{EQUITY_LISTS[r.kind]}", ("kind",)))
    for table, path in PLAIN_TABLES.items():
        tables.append((table, fixed(path), ()))
    return tables


def _fill_row_ids(table: str, list_of: Callable[[Any], str], key: tuple[str, ...]) -> None:
    bind = op.get_bind()
    t = sa.table(
        table,
        sa.column("case_id", sa.Uuid()),
        sa.column("position", sa.Integer()),
        sa.column("row_id", sa.String()),
        *(sa.column(k, sa.String()) for k in key),
    )
    where = [t.c.case_id == sa.bindparam("k_case", type_=sa.Uuid()), t.c.position == sa.bindparam("k_pos")]
    where += [t.c[k] == sa.bindparam(f"k_{k}") for k in key]
    update = sa.update(t).where(*where).values(row_id=sa.bindparam("v_row_id"))
    rows = bind.execute(sa.select(t.c.case_id, t.c.position, *(t.c[k] for k in key))).all()
    for first in range(0, len(rows), BATCH):
        values = [
            {
                "k_case": r.case_id,
                "k_pos": r.position,
                **{f"k_{k}": getattr(r, k) for k in key},
                "v_row_id": _derived_row_id(str(r.case_id), list_of(r), r.position),
            }
            for r in rows[first : first + BATCH]
        ]
        bind.execute(update, values)


def _rewrite_json(
    table: str, key: tuple[str, ...], columns: Sequence[str], change: Callable[[Any, str, Any], Any]
) -> None:
    """Apply ``change(plain, column, row)`` to each JSON column of each row; write what changed."""
    bind = op.get_bind()
    t = sa.table(table, *(sa.column(k, KEY_TYPES[k]) for k in key), *(sa.column(c, sa.Text()) for c in columns))
    rows = bind.execute(sa.select(*(t.c[k] for k in key), *(t.c[c] for c in columns))).all()
    pending: list[dict[str, Any]] = []
    for row in rows:
        values = {}
        for column in columns:
            text = getattr(row, column)
            if text is None:
                continue
            new = change(json.loads(text), column, row)
            if new != text:
                values[column] = new
        for column, new in values.items():
            pending.append({"column": column, "value": new, **{f"k_{k}": getattr(row, k) for k in key}})
    for column in columns:
        batch = [p for p in pending if p["column"] == column]
        if not batch:
            continue
        update = (
            sa.update(t)
            .where(*(t.c[k] == sa.bindparam(f"k_{k}", type_=KEY_TYPES[k]) for k in key))
            .values({column: sa.bindparam("value")})
        )
        for first in range(0, len(batch), BATCH):
            bind.execute(update, [{k: v for k, v in p.items() if k != "column"} for p in batch[first : first + BATCH]])


def _section(column: str) -> str:
    return column.removesuffix("_json")


def upgrade() -> None:
    for table, list_of, key in _row_tables():
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("row_id", sa.String(length=ROW_ID), nullable=True))
        _fill_row_ids(table, list_of, key)
        with op.batch_alter_table(table) as batch:
            batch.alter_column("row_id", existing_type=sa.String(length=ROW_ID), nullable=False)
    _rewrite_json(
        "case_file",
        ("id",),
        CASE_JSON_COLUMNS,
        lambda plain, column, row: _compact(_fill(plain, str(row.id), _section(column))),
    )
    _rewrite_json(
        "cross_check",
        ("case_id", "position"),
        ("inputs_json",),
        lambda plain, _c, row: _compact(_fill(plain, str(row.case_id), f"cross_checks[{row.position}].inputs")),
    )


def downgrade() -> None:
    _rewrite_json(
        "case_version",
        ("case_id", "version"),
        ("document",),
        lambda plain, _c, _row: _canonical(_strip(plain, "")),
    )
    _rewrite_json(
        "cross_check",
        ("case_id", "position"),
        ("inputs_json",),
        lambda plain, _c, _row: _compact(_strip(plain, "inputs")),
    )
    _rewrite_json(
        "case_file", ("id",), CASE_JSON_COLUMNS, lambda plain, column, _row: _compact(_strip(plain, _section(column)))
    )
    for table, _list_of, _key in reversed(_row_tables()):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("row_id")
