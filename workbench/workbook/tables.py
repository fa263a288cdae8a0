"""Any list the window shows (cases, checks, a schedule …) as a CSV or a one-sheet workbook."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import Font

from workbench.domain.errors import ValidationError
from workbench.domain.money import parse_amount

if TYPE_CHECKING:
    from collections.abc import Sequence

MAX_SHEET_TITLE = 31


def table_csv(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> bytes:
    """UTF-8 with a byte-order mark, so Excel and WPS read the Chinese right on double-click."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def table_xlsx(title: str, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> bytes:
    """The texts as shown; a text that reads as an amount (``12,500.00``) becomes a number to add up."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = _sheet_title(title)
    ws.append(list(headers))
    for cell in ws[1]:
        cell.font = Font(name="Calibri", bold=True, size=11)
    for row in rows:
        ws.append([_number_or_text(value) for value in row])
    for r in ws.iter_rows(min_row=2):
        for cell in r:
            if isinstance(cell.value, float | int):
                cell.number_format = "#,##0.00"
    ws.freeze_panes = "A2"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _number_or_text(value: str) -> object:
    if not value or not any(ch.isdigit() for ch in value) or value.strip().endswith(("%", "‰")):
        return value
    try:
        return float(parse_amount(value, allow_negative=True))
    except ValidationError:
        return value


def _sheet_title(title: str) -> str:
    cleaned = "".join(ch for ch in title if ch not in "[]:*?/\\").strip()
    return cleaned[:MAX_SHEET_TITLE] or "Sheet1"
