"""The case aggregate ⇄ plain row mappings (``case_file`` + one table per detail list).

``case_to_rows`` and ``case_from_rows`` are pure: no session, no SQL. The tables say where each
part of a ``CaseFile`` goes:

* 1:1 sections without detail lists of their own (borrower, household with its members, business,
  request, soft information, notes, dates, officers) are ``*_json`` columns of ``case_file``, exactly
  as ``workbench.domain.codec.encode`` writes them;
* sections with detail lists (the two balance sheets, profit and loss, equity check) keep their
  header fields as ``*_json`` and each list in its own table, keyed by (case, [sheet | kind,] position);
* the case's own lists (guarantors, collateral, cross-checks, evidence) have tables of their own.

Every detail row keeps its stable id (``workbench.domain.row_ids``) in ``row_id``; cross-checks and
evidence items keep theirs in ``check_id`` / ``evidence_id``.

Field ⇄ column conversion follows one convention (``workbench.store.row_codec``). Beside the fields, a
case's rows carry its computed portfolio figures (``FIGURE_COLUMNS``, ``domain.case_figures``): written
at every save, never read back into a case.
"""

from __future__ import annotations

import dataclasses
import json
import typing
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table

from workbench.domain.balance_sheet import (
    AssetItem,
    Debt,
    FixedAsset,
    GuaranteeGiven,
    OffBalanceItem,
    Payable,
    Receivable,
    StockItem,
)
from workbench.domain.case_figures import CaseFigures, case_figures
from workbench.domain.case_file import CaseFile, LoanClass, Stage
from workbench.domain.codec import decode, encode
from workbench.domain.cross_checks import CrossCheck
from workbench.domain.equity import EquityItem, EquityPass
from workbench.domain.errors import ValidationError
from workbench.domain.evidence import Evidence
from workbench.domain.parties import Collateral, Guarantor
from workbench.domain.profit_loss import ExpenseItem, ProductLine, VariableExpense
from workbench.domain.store_links import id_key
from workbench.store import balance_rows as bs
from workbench.store import detail_rows as detail
from workbench.store import statement_rows as st
from workbench.store.orm_base import Base, table_of
from workbench.store.row_codec import (
    Columns,
    dumps,
    field_codecs,
    item_from_columns,
    item_to_columns,
    minor_and_scale,
)

if typing.TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from workbench.domain.policy import CreditPolicy

    Row = Mapping[Any, Any]


@dataclass(frozen=True, slots=True)
class ListSlot:
    """A detail list of a section: its field, its table, its item type and its fixed key columns."""

    field: str
    row: type[Base]
    item: type
    key: tuple[tuple[str, str], ...] = ()
    renames: tuple[tuple[str, str], ...] = (("id", "row_id"),)
    """Field → column; a row's ``id`` is ``row_id`` (the tables' key is case, [sheet | kind,] position)."""

    @property
    def table(self) -> Table:
        return table_of(self.row)


@dataclass(frozen=True, slots=True)
class SectionSlot:
    """A 1:1 part of the case: header fields as JSON in ``column``, its lists in child tables."""

    field: str
    column: str | None
    lists: tuple[ListSlot, ...] = ()
    key: tuple[tuple[str, str], ...] = ()
    list_fields: frozenset[str] = dataclasses.field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "list_fields", frozenset(s.field for s in self.lists))


def _sheet_lists() -> tuple[ListSlot, ...]:
    return (
        ListSlot("assets", bs.BsAssetItemRow, AssetItem),
        ListSlot("stock", bs.BsStockItemRow, StockItem),
        ListSlot("fixed_assets", bs.BsFixedAssetRow, FixedAsset),
        ListSlot("receivables", bs.BsReceivableRow, Receivable),
        ListSlot("payables", bs.BsPayableRow, Payable),
        ListSlot("debts", bs.BsDebtRow, Debt),
        ListSlot("off_balance", bs.BsOffBalanceItemRow, OffBalanceItem),
        ListSlot("guarantees_given", bs.BsGuaranteeGivenRow, GuaranteeGiven),
    )


def _kind(value: str) -> tuple[tuple[str, str], ...]:
    return (("kind", value),)


PROFIT_LOSS_LISTS = (
    ListSlot("products", st.PlProductRow, ProductLine),
    ListSlot("fixed_costs", st.PlExpenseRow, ExpenseItem, _kind("fixed")),
    ListSlot("variable_expenses", st.PlVariableExpenseRow, VariableExpense),
    ListSlot("household_expenses", st.PlExpenseRow, ExpenseItem, _kind("household")),
    ListSlot("other_expenses", st.PlExpenseRow, ExpenseItem, _kind("other_expense")),
    ListSlot("other_income", st.PlExpenseRow, ExpenseItem, _kind("other_income")),
)
EQUITY_LISTS = (
    ListSlot("initial_assets", st.EquityItemRow, EquityItem, _kind("initial_asset")),
    ListSlot("initial_liabilities", st.EquityItemRow, EquityItem, _kind("initial_liability")),
    ListSlot("period_profit", st.EquityItemRow, EquityItem, _kind("period_profit")),
    ListSlot("injections", st.EquityItemRow, EquityItem, _kind("injection")),
    ListSlot("appreciation", st.EquityItemRow, EquityItem, _kind("appreciation")),
    ListSlot("withdrawals", st.EquityItemRow, EquityItem, _kind("withdrawal")),
    ListSlot("depreciation", st.EquityItemRow, EquityItem, _kind("depreciation")),
    ListSlot("earlier_passes", st.EquityPassRow, EquityPass),
)
CASE_LISTS = (
    ListSlot("guarantors", detail.GuarantorRow, Guarantor),
    ListSlot("collateral", detail.CollateralRow, Collateral),
    ListSlot("cross_checks", detail.CrossCheckRow, CrossCheck, renames=(("id", "check_id"),)),
    ListSlot("evidence", detail.EvidenceItemRow, Evidence, renames=(("id", "evidence_id"),)),
)

JSON_SECTIONS = ("borrower", "request", "dates", "officers", "household", "business", "soft_info", "notes")
SPLIT_SECTIONS = (
    SectionSlot("balance_sheet", "balance_sheet_json", _sheet_lists(), (("sheet", "current"),)),
    SectionSlot("prior_balance_sheet", "prior_balance_sheet_json", _sheet_lists(), (("sheet", "prior"),)),
    SectionSlot("profit_loss", "profit_loss_json", PROFIT_LOSS_LISTS),
    SectionSlot("equity_check", "equity_check_json", EQUITY_LISTS),
)
CASE_SECTION = SectionSlot("", None, CASE_LISTS)
ROOT_FIELDS = ("id", "case_number", "product", "loan_class", "stage")

CHILD_TABLES: tuple[Table, ...] = tuple(
    dict.fromkeys(s.table for section in (*SPLIT_SECTIONS, CASE_SECTION) for s in section.lists)
)
"""Every detail-list table, once each."""


@dataclass(frozen=True, slots=True)
class CaseRows:
    """A case as rows: the ``case_file`` columns and, per child table, its rows in order."""

    root: Columns
    children: dict[Table, list[Columns]]

    @property
    def policy_version(self) -> int:
        """The credit policy version the figures were computed under."""
        return int(self.root["policy_version"])


FIGURE_COLUMNS: dict[str, tuple[str, ...]] = {"cross_check": ("deviation", "status")}
"""Detail columns that hold computed figures (``domain.case_figures``), not fields of the item:
written at every save, never read back into a case."""


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def _figure_columns(figures: CaseFigures, root: Columns, checks: list[Columns]) -> None:
    """Put the case's computed figures into its root row and its cross-check rows."""
    root["equity_deviation"] = _float(figures.equity_deviation)
    root["equity_status"] = None if figures.equity_status is None else figures.equity_status.value
    root["checks_total"] = len(figures.checks)
    root["checks_failed"] = figures.checks_failed
    by_id = {c.check_id: c for c in figures.checks}
    for row in checks:
        figure = by_id.get(row["check_id"])
        row["deviation"] = None if figure is None else _float(figure.deviation)
        row["status"] = None if figure is None else figure.status.value


SEARCH_SEPARATOR = "\x1f"


def search_text(case_number: str, borrower_name: str, business_name: str | None) -> str:
    """The ``case_file.search_text`` of a case: the three names the list filter matches, lower-cased
    (Python's Unicode ``lower``; the filter lower-cases its pattern the same way)."""
    return SEARCH_SEPARATOR.join((case_number, borrower_name, business_name or "")).lower()


def case_uuid(case_id: str) -> uuid.UUID:
    """The stored key of a case id: it must be a UUID in its canonical lower-case text form.

    Raises:
        ValidationError: reason ``not_a_uuid``.
    """
    try:
        parsed = uuid.UUID(case_id)
    except (ValueError, AttributeError, TypeError):
        raise ValidationError("id", "not_a_uuid", value=str(case_id)[:60]) from None
    if str(parsed) != case_id:
        raise ValidationError("id", "not_a_uuid", value=case_id[:60])
    return parsed


def _codecs(slot: ListSlot) -> Any:
    return field_codecs(slot.item, slot.renames)


def _list_rows(
    section: SectionSlot, value: Any, path: str, case_id: uuid.UUID, into: dict[Table, list[Columns]]
) -> None:
    for slot in section.lists:
        key = {"case_id": case_id, **dict(section.key), **dict(slot.key)}
        rows = into.setdefault(slot.table, [])
        codecs = _codecs(slot)
        for position, item in enumerate(getattr(value, slot.field)):
            where = f"{path}{slot.field}[{position}]"
            rows.append({**key, "position": position, **item_to_columns(item, codecs, where)})


def _section_plain(plain: Mapping[str, Any] | None, name: str, value: Any) -> Any:
    """``encode(value)`` of a section, taken from the whole case's plain data when given (``encode``
    leaves out a section equal to its default, so that one is encoded here)."""
    if plain is not None and name in plain:
        return plain[name]
    return encode(value)


def _header_json(section: SectionSlot, value: Any, plain: Mapping[str, Any] | None) -> str | None:
    if value is None:
        return None
    data = _section_plain(plain, section.field, value)
    return dumps({k: v for k, v in data.items() if k not in section.list_fields})


def case_to_rows(case: CaseFile, policy: CreditPolicy, plain: Mapping[str, Any] | None = None) -> CaseRows:
    """Rows for ``case``, its figures computed under ``policy`` (whose version the case row records); the
    bookkeeping columns (users, times, version, hash) are the caller's.

    ``plain`` may pass ``encode(case)`` when the caller has it already (the JSON sections reuse it).

    Raises:
        ValidationError: the id is not a UUID, or an amount has fractions of a cent (``sub_cent``).
    """
    case_id = case_uuid(case.id)
    root: Columns = {
        "id": case_id,
        "case_number": case.case_number,
        "product": case.product,
        "loan_class": case.loan_class.value,
        "stage": case.stage.value,
        "borrower_name": case.borrower.name,
        "business_name": case.business.name if case.business is not None else None,
        "requested_minor": minor_and_scale(case.request.amount, "request.amount")[0],
        "term_months": case.request.term_months,
        "survey_date": case.dates.survey_date,
        "borrower_id_key": id_key(case.borrower.id_number),
        "search_text": search_text(
            case.case_number, case.borrower.name, case.business.name if case.business is not None else None
        ),
    }
    for name in JSON_SECTIONS:
        value = getattr(case, name)
        root[f"{name}_json"] = None if value is None else dumps(_section_plain(plain, name, value))
    children: dict[Table, list[Columns]] = {table: [] for table in CHILD_TABLES}
    for section in SPLIT_SECTIONS:
        value = getattr(case, section.field)
        root[str(section.column)] = _header_json(section, value, plain)
        if value is not None:
            _list_rows(section, value, f"{section.field}.", case_id, children)
    _list_rows(CASE_SECTION, case, "", case_id, children)
    root["policy_version"] = policy.version
    _figure_columns(case_figures(case, policy), root, children[table_of(detail.CrossCheckRow)])
    return CaseRows(root, children)


def _matches(row: Row, key: tuple[tuple[str, str], ...]) -> bool:
    return all(row[column] == value for column, value in key)


def _lists_from(section: SectionSlot, children: Mapping[Table, Sequence[Row]]) -> dict[str, tuple[Any, ...]]:
    out: dict[str, tuple[Any, ...]] = {}
    for slot in section.lists:
        key = (*section.key, *slot.key)
        rows = sorted(
            (r for r in children.get(slot.table, ()) if _matches(r, key)), key=lambda r: r["position"]
        )
        codecs = _codecs(slot)
        out[slot.field] = tuple(item_from_columns(slot.item, r, codecs) for r in rows)
    return out


_CASE_HINTS = typing.get_type_hints(CaseFile, include_extras=True)


def case_from_rows(root: Row, children: Mapping[Table, Sequence[Row]]) -> CaseFile:
    """The ``CaseFile`` stored in ``root`` (a ``case_file`` row mapping) and its child rows."""
    values: dict[str, Any] = {
        "id": str(root["id"]),
        "case_number": root["case_number"],
        "product": root["product"],
        "loan_class": LoanClass(root["loan_class"]),
        "stage": Stage(root["stage"]),
    }
    for name in JSON_SECTIONS:
        text = root[f"{name}_json"]
        values[name] = None if text is None else decode(_CASE_HINTS[name], json.loads(text), name)
    for section in SPLIT_SECTIONS:
        text = root[str(section.column)]
        if text is None:
            values[section.field] = None
            continue
        header = decode(_CASE_HINTS[section.field], json.loads(text), section.field)
        values[section.field] = dataclasses.replace(header, **_lists_from(section, children))
    values.update(_lists_from(CASE_SECTION, children))
    return CaseFile(**values)


def _covered_fields() -> set[str]:
    split = {s.field for s in SPLIT_SECTIONS}
    return {*ROOT_FIELDS, *JSON_SECTIONS, *split, *(s.field for s in CASE_LISTS)}


def unmapped_case_fields() -> set[str]:
    """Fields of ``CaseFile`` this module does not place (empty unless the domain grew a field)."""
    return {f.name for f in dataclasses.fields(CaseFile)} - _covered_fields()


def column_mismatches() -> list[str]:
    """Differences between the convention's columns and the tables (empty when the schema fits)."""
    problems: list[str] = []
    for section in (*SPLIT_SECTIONS, CASE_SECTION):
        for slot in section.lists:
            expected = {"case_id", "position", *(c for c, _ in (*section.key, *slot.key))}
            expected.update(FIGURE_COLUMNS.get(slot.table.name, ()))
            for codec in _codecs(slot):
                expected.update(codec.columns)
            actual = set(slot.table.columns.keys())
            if expected != actual:
                missing, extra = sorted(expected - actual), sorted(actual - expected)
                problems.append(f"{slot.table.name}: missing {missing}, extra {extra}")
    return problems
