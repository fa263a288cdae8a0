"""The exported workbook's shape: sheets, headings in both languages, formats, print set-up, live
formulas and the hidden row ids (the figures themselves are checked by a real spreadsheet engine in
test_recalc_libreoffice.py)."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import openpyxl

from workbench.domain.calc import CaseResults, compute_case
from workbench.domain.policy import DEFAULT_POLICY
from workbench.workbook.layout import META_SHEET
from workbench.workbook.writer import build_workbook, workbook_bytes

if TYPE_CHECKING:
    from workbench.domain.case_file import CaseFile

ZH_SHEETS = ["资产负债表", "损益表", "权益检验", "交叉检验", "还款能力与建议", "还款计划"]


def _load(case: CaseFile | None, results: CaseResults | None, lang: str = "zh") -> openpyxl.Workbook:
    data = workbook_bytes(build_workbook(case, results, lang))
    return openpyxl.load_workbook(io.BytesIO(data))


def _marked(ws: object, marker: str) -> int:
    for row in ws.iter_rows(min_col=1, max_col=1):  # type: ignore[attr-defined]
        if row[0].value == marker:
            return int(row[0].row)
    raise AssertionError(f"no row {marker}")


def test_sheets_are_the_ipc_worksheets_with_a_hidden_meta_sheet(
    case_a: CaseFile, results_a: CaseResults
) -> None:
    wb = _load(case_a, results_a)
    assert wb.sheetnames == [*ZH_SHEETS, META_SHEET]
    assert wb[META_SHEET].sheet_state == "veryHidden"
    for name in ZH_SHEETS:
        ws = wb[name]
        assert ws.column_dimensions["A"].hidden, name
        assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
        assert ws.print_area, name
        assert ws.freeze_panes, name
    assert wb["损益表"].page_setup.orientation == "landscape"


def test_english_headings_with_lang_en(case_a: CaseFile, results_a: CaseResults) -> None:
    wb = _load(case_a, results_a, "en")
    assert wb.sheetnames[0] == "Balance sheet"
    ws = wb.worksheets[0]
    assert ws.cell(_marked(ws, "#f:TA"), 2).value == "Total assets (TA)"


def test_totals_delta_and_alpha_test_are_formulas(case_a: CaseFile, results_a: CaseResults) -> None:
    wb = _load(case_a, results_a)
    for sheet, marker in (
        ("资产负债表", "#f:TA"),
        ("资产负债表", "#f:E_act"),
        ("权益检验", "#f:equity_dev"),
        ("权益检验", "#f:equity_status"),
        ("还款能力与建议", "#f:alpha_test"),
        ("还款能力与建议", "#f:P_prop"),
    ):
        ws = wb[sheet]
        value = ws.cell(_marked(ws, marker), 3).value
        assert isinstance(value, str) and value.startswith("="), (sheet, marker, value)
    ws = wb["损益表"]
    row = _marked(ws, "#m:disposable")
    assert all(str(ws.cell(row, c).value).startswith("=") for c in range(3, 16))
    assert ws.cell(row, 3).number_format == "#,##0.00"


def test_rows_keep_their_ids_in_the_hidden_column(case_a: CaseFile, results_a: CaseResults) -> None:
    ws = _load(case_a, results_a)["资产负债表"]
    first = _marked(ws, "#t:stock") + 2
    ids = [ws.cell(first + i, 1).value for i in range(len(case_a.balance_sheet.stock))]
    assert ids == [s.id for s in case_a.balance_sheet.stock]
    assert ws.cell(first, 2).value == case_a.balance_sheet.stock[0].label
    assert ws.cell(first, 6).value == f"=D{first}*E{first}"


def test_template_has_the_same_sheets_and_no_figures() -> None:
    wb = _load(None, None)
    assert wb.sheetnames == [*ZH_SHEETS, META_SHEET]
    ws = wb["资产负债表"]
    first = _marked(ws, "#t:assets") + 2
    assert ws.cell(first, 5).value is None
    assert str(ws.cell(_marked(ws, "#f:TA"), 3).value).startswith("=")


def test_case_b_exports(case_b: CaseFile) -> None:
    wb = _load(case_b, compute_case(case_b, DEFAULT_POLICY))
    ws = wb["权益检验"]
    assert _marked(ws, "#t:earlier_passes")
