"""Read a case workbook back (an exported one, or the template filled by hand).

Only input cells are read; every formula cell is recomputed by the app, and one whose formula was
replaced by a typed number is refused (docs/case-format.md, "The case as a workbook"). Every bad
cell is collected and reported by sheet and cell (``资产负债表!C12：不是有效的数字：abc``); nothing
comes out until all is right.
"""

from __future__ import annotations

import dataclasses
import io
import json
import uuid
import zipfile
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

import openpyxl
from openpyxl.utils import get_column_letter

from workbench.domain.balance_sheet import (
    AssetItem,
    BalanceSheet,
    Debt,
    FixedAsset,
    GuaranteeGiven,
    OffBalanceItem,
    Payable,
    Receivable,
    StockItem,
)
from workbench.domain.calc import compute_case
from workbench.domain.case_file import CaseFile
from workbench.domain.codec import case_from_document
from workbench.domain.equity import EquityCheck, EquityItem, EquityPass
from workbench.domain.errors import ValidationError
from workbench.domain.loan_request import LoanRequest, RateKind, RateQuote
from workbench.domain.money import parse_amount
from workbench.domain.parties import Borrower
from workbench.domain.policy import DEFAULT_POLICY
from workbench.domain.profit_loss import ExpenseItem, ProductLine, ProfitLoss, Season, VariableExpense
from workbench.domain.schedules import Method
from workbench.texts import NC_, text
from workbench.texts.labels import enum_label
from workbench.texts.reasons import error_text
from workbench.workbook.errors import Problem, WorkbookError
from workbench.workbook.layout import (
    AVERAGE_COLUMN,
    BALANCE_TABLES,
    EARLIER_PASSES,
    EQUITY_TABLES,
    EXPENSE_TABLES,
    FIRST_MONTH_COLUMN,
    FORMAT_MARK,
    META_SHEET,
    NO,
    PRODUCTS,
    SHEET_TITLES,
    YES,
    Column,
    Kind,
    SheetKey,
    Table,
)

if TYPE_CHECKING:
    from enum import Enum

    from openpyxl.worksheet.worksheet import Worksheet

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_UNPACKED_BYTES = 20 * 1024 * 1024
"""A workbook is a zip: a small file may unpack to a huge sheet; both sizes are bounded."""
MAX_ROWS = 5000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""A password-protected .xlsx (and an old .xls) is an OLE compound file, not a zip."""

ROW_TYPES: dict[str, type] = {
    "assets": AssetItem,
    "stock": StockItem,
    "fixed_assets": FixedAsset,
    "receivables": Receivable,
    "payables": Payable,
    "debts": Debt,
    "off_balance": OffBalanceItem,
    "guarantees_given": GuaranteeGiven,
    "products": ProductLine,
    "fixed_costs": ExpenseItem,
    "variable_expenses": VariableExpense,
    "household_expenses": ExpenseItem,
    "other_expenses": ExpenseItem,
    "other_income": ExpenseItem,
    "earlier_passes": EquityPass,
    **{t.key: EquityItem for t in EQUITY_TABLES},
}


def _file_problem(source: str, reason: str, **params: object) -> WorkbookError:
    return WorkbookError(source, [Problem("", "", reason, params)])


def open_workbook(data: bytes, source: str) -> openpyxl.Workbook:
    """The workbook in ``data``, refusing what is too big, encrypted, corrupt or not ours."""
    if len(data) > MAX_FILE_BYTES:
        raise _file_problem(source, "too_large", size=len(data) // 2**20, limit=MAX_FILE_BYTES // 2**20)
    if data.startswith(OLE_MAGIC):
        raise _file_problem(source, "encrypted")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError):
        raise _file_problem(source, "not_a_workbook") from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise _file_problem(source, "too_large", size=unpacked // 2**20, limit=MAX_UNPACKED_BYTES // 2**20)
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data))
    except Exception:  # openpyxl raises KeyError, ValueError, XML errors … for a broken file
        raise _file_problem(source, "not_a_workbook") from None
    if META_SHEET not in wb.sheetnames or wb[META_SHEET]["A1"].value != FORMAT_MARK:
        raise _file_problem(source, "not_ours")
    return wb


def read_workbook(data: bytes, source: str) -> CaseFile:
    """The case a workbook holds.

    Raises:
        WorkbookError: every problem found (file-level ones alone, as nothing else can be read).
    """
    wb = open_workbook(data, source)
    meta = wb[META_SHEET]
    lang = "en" if meta["B2"].value == "en" else "zh"
    names = {key: text(msg, lang) for key, msg in SHEET_TITLES.items()}
    missing = [name for name in names.values() if name not in wb.sheetnames]
    if missing:
        raise WorkbookError(source, [Problem("", "", "sheet_missing", {"sheet": name}) for name in missing])
    reader = _Reader(wb, lang, names)
    base = reader.embedded_case(meta)
    case = reader.case(base)
    if reader.problems or case is None:
        raise WorkbookError(source, reader.problems)
    return case


class _Reader:
    def __init__(self, wb: openpyxl.Workbook, lang: str, names: dict[SheetKey, str]) -> None:
        self.wb = wb
        self.lang = lang
        self.names = names
        self.problems: list[Problem] = []
        self.markers: dict[SheetKey, dict[str, int]] = {}
        for key, name in names.items():
            self.markers[key] = self._scan(wb[name])

    def _scan(self, ws: Worksheet) -> dict[str, int]:
        """Marker → row; also checks the size, the formulas and the merged cells of the sheet."""
        if ws.max_row > MAX_ROWS:
            self.problems.append(
                Problem(ws.title, "", "too_many_rows", {"rows": ws.max_row, "limit": MAX_ROWS})
            )
            return {}
        found: dict[str, int] = {}
        for (cell,) in ws.iter_rows(min_col=1, max_col=1):
            if isinstance(cell.value, str) and cell.value.startswith("#"):
                found.setdefault(cell.value, cell.row)
                if cell.value.startswith("#f:"):
                    self._formula(ws, cell.row, 3)
                elif cell.value.startswith("#m:"):
                    for col in range(FIRST_MONTH_COLUMN, AVERAGE_COLUMN + 1):
                        self._formula(ws, cell.row, col)
        allowed = {1} | {row for marker, row in found.items() if marker.startswith("#t:")}
        for merged in ws.merged_cells.ranges:
            if (
                merged.min_row != merged.max_row
                or merged.min_col != 2
                or not self._section_row(ws, merged.min_row, allowed)
            ):
                self.problems.append(Problem(ws.title, merged.coord.split(":")[0], "merged_moved"))
        return found

    @staticmethod
    def _section_row(ws: Worksheet, row: int, allowed: set[int]) -> bool:
        """Titles (row 1), list titles and the unmarked section rows just above a list or a figure."""
        if row in allowed:
            return True
        below = ws.cell(row + 1, 1).value
        return (
            isinstance(below, str) and below.startswith(("#f:", "#i:", "#x:", "#l:", "#t:"))
        ) or below is None

    def _formula(self, ws: Worksheet, row: int, col: int) -> None:
        value = ws.cell(row, col).value
        if not (isinstance(value, str) and value.startswith("=")):
            self.problems.append(Problem(ws.title, f"{get_column_letter(col)}{row}", "formula_replaced"))

    def embedded_case(self, meta: Worksheet) -> CaseFile | None:
        parts = []
        col = 2
        while isinstance(meta.cell(3, col).value, str):
            parts.append(meta.cell(3, col).value)
            col += 1
        if not parts:
            return None
        try:
            document = json.loads("".join(parts), parse_float=Decimal)
            return case_from_document(document)
        except ValueError as error:
            detail = error_text(error, self.lang) if isinstance(error, ValidationError) else str(error)[:80]
            self.problems.append(Problem(META_SHEET, "", "bad_case_data", {"detail": detail}))
            return None

    # ---- cells --------------------------------------------------------------------------------

    def _bad(self, ws: Worksheet, row: int, col: int, reason: str, **params: object) -> None:
        self.problems.append(Problem(ws.title, f"{get_column_letter(col)}{row}", reason, params))

    def value(self, ws: Worksheet, row: int, col: int, column: Column) -> Any:
        """The cell as the row field wants it; ``None`` for an empty cell or a refused one."""
        raw = ws.cell(row, col).value
        if isinstance(raw, str):
            raw = raw.strip()
        if raw is None or raw == "":
            return None
        kind = column.kind
        if kind is Kind.TEXT:
            return str(raw)
        if kind is Kind.FLAG:
            return self._flag(ws, row, col, raw)
        if kind is Kind.CHOICE:
            assert column.choices is not None
            return self._choice(ws, row, col, raw, column.choices)
        number = self._number(ws, row, col, raw, share=kind is Kind.SHARE)
        if number is None:
            return None
        if number < 0 and kind is not Kind.SIGNED:
            self._bad(ws, row, col, "negative", value=raw)
            return None
        if kind in (Kind.MONEY, Kind.SIGNED) and number != number.quantize(Decimal("0.01")):
            self._bad(ws, row, col, "sub_cent", value=raw)
            return None
        if kind is Kind.COUNT:
            if number != number.to_integral_value():
                self._bad(ws, row, col, "not_a_count", value=raw)
                return None
            return int(number)
        return number

    def _number(self, ws: Worksheet, row: int, col: int, raw: Any, share: bool = False) -> Decimal | None:
        if isinstance(raw, bool):
            self._bad(ws, row, col, "not_a_number", value=raw)
            return None
        if isinstance(raw, int | float):
            try:
                number = Decimal(str(raw))
            except InvalidOperation:
                number = Decimal("NaN")
            if not number.is_finite():
                self._bad(ws, row, col, "not_a_number", value=raw)
                return None
            return number + 0
        textual = str(raw)
        percent = share and textual.endswith(("%", "％"))
        try:
            number = parse_amount(textual.rstrip("%％"), allow_negative=True)
        except ValidationError:
            self._bad(ws, row, col, "not_a_number", value=textual[:40])
            return None
        return number / 100 if percent else number

    def _flag(self, ws: Worksheet, row: int, col: int, raw: Any) -> bool | None:
        if isinstance(raw, bool):
            return raw
        word = str(raw).lower()
        if word in {text(YES, "zh"), text(YES, "en").lower(), "y", "true", "1"}:
            return True
        if word in {text(NO, "zh"), text(NO, "en").lower(), "n", "false", "0"}:
            return False
        self._bad(ws, row, col, "not_yes_no", value=str(raw)[:40])
        return None

    def _choice(self, ws: Worksheet, row: int, col: int, raw: Any, enum: type[Enum]) -> Any:
        word = str(raw)
        for member in enum:
            if word in (enum_label(member, "zh"), enum_label(member, "en"), str(member.value)):
                return member
        choices = "、".join(enum_label(m, self.lang) for m in enum)
        self._bad(ws, row, col, "not_a_choice", value=word[:40], choices=choices)
        return None

    # ---- lists and inputs ---------------------------------------------------------------------

    def rows(self, sheet: SheetKey, table: Table, existing: tuple[Any, ...]) -> tuple[Any, ...]:
        ws = self.wb[self.names[sheet]]
        start = self.markers[sheet].get(f"#t:{table.key}")
        if start is None:
            self.problems.append(Problem(ws.title, "", "rows_moved", {"table": text(table.title, self.lang)}))
            return existing
        by_id = {getattr(r, "id", ""): r for r in existing}
        out: list[Any] = []
        seen: set[str] = set()
        row = start + 2
        while row <= ws.max_row and ws.cell(row, 1).value != "#e":
            before = len(self.problems)
            values: dict[str, Any] = {}
            for index, column in enumerate(table.columns):
                col = 2 + index
                if column.kind is Kind.FORMULA:
                    self._formula(ws, row, col)
                    continue
                values[column.field] = self.value(ws, row, col, column)
            if all(v is None for v in values.values()):
                del self.problems[before:]  # an empty row: its formulas do not matter
                row += 1
                continue
            for index, column in enumerate(table.columns):
                cell = f"{get_column_letter(2 + index)}{row}"
                empty = (
                    column.kind is not Kind.FORMULA and not column.optional and values[column.field] is None
                )
                if empty and not any(p.cell == cell for p in self.problems[before:]):
                    self._bad(ws, row, 2 + index, "required")
            if len(self.problems) == before:
                row_id = ws.cell(row, 1).value
                if not isinstance(row_id, str) or row_id.startswith("#") or row_id in seen:
                    row_id = ""  # a row the officer added, or copied with its hidden id: a new row
                seen.add(row_id)
                out.append(self._row(table, row_id, values, by_id, ws, row))
            row += 1
        return tuple(r for r in out if r is not None)

    def _row(
        self,
        table: Table,
        row_id: str,
        values: dict[str, Any],
        by_id: dict[str, Any],
        ws: Worksheet,
        row: int,
    ) -> Any:
        given = {k: v for k, v in values.items() if v is not None}
        old = by_id.get(row_id) if row_id else None
        try:
            if old is not None:
                # an optional cell emptied by hand takes the field's default (no scope → business)
                defaults = _defaults(type(old))
                wanted = {k: defaults.get(k) if v is None else v for k, v in values.items()}
                changed = {k: v for k, v in wanted.items() if getattr(old, k) != v}
                return dataclasses.replace(old, **changed) if changed else old
            return ROW_TYPES[table.key](id=row_id, **given)
        except (ValidationError, TypeError, ValueError) as error:
            detail = error_text(error, self.lang) if isinstance(error, ValidationError) else str(error)[:80]
            self.problems.append(Problem(ws.title, f"B{row}", "invalid", {"detail": detail}))
            return None

    def input(self, sheet: SheetKey, name: str, column: Column) -> Any:
        ws = self.wb[self.names[sheet]]
        row = self.markers[sheet].get(f"#i:{name}")
        if row is None:
            self.problems.append(Problem(ws.title, "", "rows_moved", {"table": name}))
            return None
        value = self.value(ws, row, 3, column)
        if value is None and not column.optional and ws.cell(row, 3).value in (None, ""):
            self._bad(ws, row, 3, "required")
        return value

    def calendar(self) -> tuple[Season, ...] | None:
        ws = self.wb[self.names[SheetKey.INCOME]]
        row = self.markers[SheetKey.INCOME].get("#i:calendar")
        if row is None:
            return None
        column = Column("season", NC_("workbook", "季节"), Kind.CHOICE, Season)
        seasons = []
        for col in range(FIRST_MONTH_COLUMN, FIRST_MONTH_COLUMN + 12):
            season = self.value(ws, row, col, column)
            if season is None and ws.cell(row, col).value in (None, ""):
                self._bad(ws, row, col, "required")
            seasons.append(season)
        return None if None in seasons else tuple(seasons)

    # ---- the case -----------------------------------------------------------------------------

    def case(self, base: CaseFile | None) -> CaseFile | None:
        money = Column("x", NC_("workbook", "金额"), Kind.MONEY)
        optional_money = Column("x", NC_("workbook", "金额"), Kind.MONEY, optional=True)
        bal, inc, equ = SheetKey.BALANCE, SheetKey.INCOME, SheetKey.EQUITY
        sheet = base.balance_sheet if base else BalanceSheet()
        lists: dict[str, Any] = {t.key: self.rows(bal, t, getattr(sheet, t.key)) for t in BALANCE_TABLES}
        pl = base.profit_loss if base else ProfitLoss()
        pl_lists: dict[str, Any] = {
            t.key: self.rows(inc, t, getattr(pl, t.key)) for t in (PRODUCTS, *EXPENSE_TABLES)
        }
        pl_inputs: dict[str, Any] = {
            name: self.input(inc, name, optional_money)
            for name in ("peak_sales", "normal_sales", "slack_sales")
        }
        tariff = self.input(
            inc, "energy_tariff", Column("x", NC_("workbook", "电价"), Kind.NUMBER, optional=True)
        )
        override = self.input(
            inc, "gross_margin_override", Column("x", NC_("workbook", "毛利率"), Kind.SHARE, optional=True)
        )
        calendar = self.calendar()
        check = base.equity_check if base else None
        eq_lists: dict[str, Any] = {
            t.key: self.rows(equ, t, getattr(check, t.key) if check else ()) for t in EQUITY_TABLES
        }
        passes = self.rows(equ, EARLIER_PASSES, check.earlier_passes if check else ())
        include = self.input(
            equ, "include_off_balance", Column("x", NC_("workbook", "计入表外"), Kind.FLAG, optional=True)
        )
        cap = SheetKey.CAPACITY
        borrower = self.input(cap, "borrower", Column("x", NC_("workbook", "借款人"), Kind.TEXT))
        amount = self.input(cap, "request_amount", money)
        term = self.input(cap, "term_months", Column("x", NC_("workbook", "期限"), Kind.COUNT))
        kind = self.input(cap, "rate_kind", Column("x", NC_("workbook", "利率类型"), Kind.CHOICE, RateKind))
        rate = self.input(cap, "rate_value", Column("x", NC_("workbook", "利率"), Kind.NUMBER))
        method = self.input(
            cap, "method", Column("x", NC_("workbook", "还款方式"), Kind.CHOICE, Method, optional=True)
        )
        grace = self.input(
            cap, "grace_months", Column("x", NC_("workbook", "宽限期"), Kind.COUNT, optional=True)
        )
        own = self.input(cap, "own_contribution", optional_money)
        if self.problems:
            return None
        try:
            balance = dataclasses.replace(sheet, **lists)
            profit_loss = dataclasses.replace(
                pl,
                **pl_lists,
                **{k: _keep(getattr(pl, k), v) for k, v in _zero_for_none(pl_inputs).items()},
                energy_tariff=_keep(pl.energy_tariff, tariff if tariff is not None else Decimal(0)),
                gross_margin_override=_keep(pl.gross_margin_override, override),
                calendar=calendar or pl.calendar,
            )
            equity = check
            if check is not None or any(eq_lists.values()) or passes:
                equity = dataclasses.replace(
                    check or EquityCheck(),
                    **eq_lists,
                    earlier_passes=passes,
                    include_off_balance=bool(include),
                )
            old_request = base.request if base else None
            quote = RateQuote(kind, rate)
            if old_request is not None and old_request.rate == quote:
                quote = old_request.rate
            request_fields = {
                "amount": amount,
                "term_months": term,
                "rate": quote,
                "method": method or Method.ANNUITY,
                "grace_months": grace or 0,
                "own_contribution": own if own is not None else Decimal(0),
            }
            if old_request is not None:
                changed = {k: v for k, v in request_fields.items() if getattr(old_request, k) != v}
                request = dataclasses.replace(old_request, **changed)
            else:
                request = LoanRequest(**request_fields)
            if base is None:
                case = CaseFile(id=str(uuid.uuid4()), borrower=Borrower(name=borrower), request=request)
            else:
                case = base
                if case.borrower.name != borrower:
                    case = dataclasses.replace(
                        case, borrower=dataclasses.replace(case.borrower, name=borrower)
                    )
            case = dataclasses.replace(
                case, request=request, balance_sheet=balance, profit_loss=profit_loss, equity_check=equity
            )
            compute_case(case, DEFAULT_POLICY)  # only: do the figures compute at all
        except ValidationError as error:
            self.problems.append(Problem("", "", "invalid", {"detail": error_text(error, self.lang)}))
            return None
        return case


def _zero_for_none(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v if v is not None else Decimal(0) for k, v in values.items()}


def _keep(old: Any, new: Any) -> Any:
    """The old value when the cell says the same (``0.90`` stays ``0.90``, not ``0.9``)."""
    return old if old == new else new


def _defaults(row_type: type) -> dict[str, Any]:
    return {f.name: f.default for f in dataclasses.fields(row_type) if f.default is not dataclasses.MISSING}
