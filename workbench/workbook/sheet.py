"""One worksheet of the case workbook being filled top-down, and the cell styles they share."""

from __future__ import annotations

import io
from copy import copy
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties

from workbench.domain.status import Status
from workbench.texts import Msg, text
from workbench.texts.labels import STATUS_LABELS, enum_label
from workbench.workbook.layout import (
    MONEY,
    NO,
    YES,
    Column,
    Kind,
    Table,
)

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from workbench.domain.settings import ToleranceBand

# A named font everywhere: a Font without a name prints in a serif fallback in LibreOffice and WPS.
TITLE_FONT = Font(name="Calibri", bold=True, size=14)
HEAD_FONT = Font(name="Calibri", bold=True, size=11)
HEAD_FILL = PatternFill("solid", fgColor="DDE6F0")
SECTION_FILL = PatternFill("solid", fgColor="F2F2F2")
FORMULA_FONT = Font(name="Calibri", size=11, color="1F4E79")  # derived figures: dark blue
THIN = Side(style="thin", color="A6A6A6")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
SPARE_ROWS = 3
MAX_LIST_TEXT = 255  # Excel's limit for a drop-down list written in the rule itself
SCHEDULE_FIRST_ROW = 6  # title, subtitle, blank, principal, headings
TEMPLATE_ROWS = 10


class Sheet:
    """One worksheet being filled top-down; remembers where each named figure went."""

    def __init__(self, ws: Worksheet, lang: str, width: int) -> None:
        self.ws = ws
        self.lang = lang
        self.width = width  # visible columns B … (1 + width)
        self.row = 1
        self.cells: dict[str, str] = {}  # figure name -> absolute address on this sheet
        ws.column_dimensions["A"].hidden = True

    def t(self, msg: Msg, **params: object) -> str:
        return text(msg, self.lang, **params)

    def ref(self, name: str) -> str:
        return self.cells[name]

    def title(self, msg: Msg, subtitle: str = "") -> None:
        ws = self.ws
        ws.cell(1, 2, self.t(msg)).font = TITLE_FONT
        ws.merge_cells(start_row=1, start_column=2, end_row=1, end_column=1 + self.width)
        ws.cell(2, 2, subtitle)
        self.row = 4

    def section(self, msg: Msg, marker: str = "") -> None:
        ws = self.ws
        if marker:
            ws.cell(self.row, 1, marker)
        cell = ws.cell(self.row, 2, self.t(msg))
        cell.font = HEAD_FONT
        cell.fill = SECTION_FILL
        ws.merge_cells(start_row=self.row, start_column=2, end_row=self.row, end_column=1 + self.width)
        self.row += 1

    def line(
        self,
        marker: str,
        name: str,
        label: Msg | str,
        value: Any,
        number_format: str = MONEY,
        note: str = "",
    ) -> str:
        """A labelled figure in column C; its address is kept under ``name``."""
        ws = self.ws
        r = self.row
        ws.cell(r, 1, f"{marker}:{name}")
        ws.cell(r, 2, self.t(label))
        cell = ws.cell(r, 3, cell_value(value))
        formula = isinstance(value, str) and value.startswith("=")
        style_cell(cell, number_format, FORMULA_FONT if formula else None)
        if note:
            ws.cell(r, 4, note)
        self.cells[name] = f"$C${r}"
        self.row += 1
        return self.cells[name]

    def table(
        self,
        table: Table,
        rows: tuple[Any, ...],
        extra: dict[str, str] | None = None,
        spare: int = SPARE_ROWS,
    ) -> tuple[int, int]:
        """Write a detail list; returns its first and last data row (spare rows included)."""
        ws = self.ws
        self.section(table.title, f"#t:{table.key}")
        for index, column in enumerate(table.columns):
            cell = ws.cell(self.row, 2 + index, self.t(column.heading))
            style_cell(cell, "General", HEAD_FONT, HEAD_FILL, CENTER)
        ws.row_dimensions[self.row].height = 30  # two lines: LibreOffice does not grow wrapped headings
        self.row += 1
        first = self.row
        last = first + max(len(rows) + spare, 1) - 1
        subs = {c.field: table.letter(c.field) for c in table.columns}
        subs.update(extra or {})
        for field in list(subs):
            if field in {c.field for c in table.columns}:
                subs[f"{field}_range"] = f"${subs[field]}${first}:${subs[field]}${last}"
        for r in range(first, last + 1):
            item = rows[r - first] if r - first < len(rows) else None
            if item is not None:
                ws.cell(r, 1, getattr(item, "id", ""))
            for index, column in enumerate(table.columns):
                cell = ws.cell(r, 2 + index)
                if column.kind is Kind.FORMULA:
                    style_cell(cell, column.number_format, FORMULA_FONT)
                    cell.value = column.formula.format(r=r, **subs).replace("{r}", str(r))
                else:
                    style_cell(cell, column.number_format)
                    if item is not None:
                        cell.value = self.shown(column, getattr(item, column.field))
        for column in table.columns:
            self.offer_choices(
                column, f"{table.letter(column.field)}{first}:{table.letter(column.field)}{last}"
            )
        ws.cell(last + 1, 1, "#e")
        self.row = last + 2
        return first, last

    def offer_choices(self, column: Column, cells: str) -> None:
        """A drop-down of the labels a choice or yes/no column takes (typing stays free: the import
        checks every cell and says which choices exist)."""
        if column.kind is Kind.CHOICE and column.choices is not None:
            labels = [enum_label(member, self.lang) for member in column.choices]
        elif column.kind is Kind.FLAG:
            labels = [self.t(YES), self.t(NO)]
        else:
            return
        listed = ",".join(labels)
        if any("," in label or '"' in label for label in labels) or len(listed) > MAX_LIST_TEXT:
            return
        check = DataValidation(type="list", formula1=f'"{listed}"', allow_blank=True, showErrorMessage=False)
        self.ws.add_data_validation(check)
        check.add(cells)

    def shown(self, column: Column, value: Any) -> Any:
        if value is None:
            return None
        if column.kind is Kind.CHOICE:
            return enum_label(value, self.lang)
        if column.kind is Kind.FLAG:
            return self.t(YES if value else NO)
        return cell_value(value)

    def finish(self, landscape: bool = False, freeze: str = "B4") -> None:
        ws = self.ws
        ws.freeze_panes = freeze
        ws.print_area = f"B1:{get_column_letter(1 + self.width)}{max(self.row - 1, 1)}"
        ws.print_title_rows = "1:2"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.page_margins.left = ws.page_margins.right = 0.5
        ws.oddFooter.center.text = "&P / &N"


def style_cell(
    cell: Any,
    number_format: str,
    font: Font | None = None,
    fill: PatternFill | None = None,
    align: Alignment | None = None,
) -> None:
    """A boxed cell with ``number_format`` (and ``font``): openpyxl hashes every style object it
    is given, so each combination is made once per workbook and copied after that (~2× faster)."""
    cache: dict[tuple[str, int, int, int], Any] = cell.parent.parent.__dict__.setdefault(
        "_workbench_styles", {}
    )
    key = (number_format, id(font), id(fill), id(align))
    style = cache.get(key)
    if style is None:
        cell.border = BOX
        cell.number_format = number_format
        if font is not None:
            cell.font = font
        if fill is not None:
            cell.fill = fill
        if align is not None:
            cell.alignment = align
        cache[key] = copy(cell._style)
    else:
        cell._style = copy(style)


def cell_value(value: Any) -> Any:
    """Decimals become numbers Excel can add (exact to the cent: amounts have ≤ 15 digits)."""
    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral_value() else int(value)
    return value


def sumifs(values: str, *criteria: tuple[str, str]) -> str:
    parts = ",".join(f'{rng},"{crit}"' for rng, crit in criteria)
    return f"SUMIFS({values},{parts})"


def status_formula(deviation: str, band: ToleranceBand, lang: str) -> str:
    """OK / needs a word / FAIL from |δ| rounded to 4 places, as ``domain.status.status_for``."""
    ok, explain, fail = (STATUS_LABELS[s][lang] for s in (Status.OK, Status.EXPLAIN, Status.FAIL))
    size = f"ROUND(ABS({deviation}),4)"
    return (
        f'IF({deviation}="","{fail}",IF({size}<={band.ok},"{ok}",'
        f'IF({size}<={band.explain},"{explain}","{fail}")))'
    )


def workbook_bytes(wb: Workbook) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
