"""Reading a workbook back: export → import gives the same case; a hand-filled template reads; every
bad cell is named by sheet and cell; bad files are one clear line each and give no case."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from typing import TYPE_CHECKING

import openpyxl
import pytest

from workbench.domain.policy import DEFAULT_POLICY
from workbench.services.case_files import dumps_case
from workbench.services.workbooks import case_workbook, template_workbook
from workbench.workbook.errors import WorkbookError
from workbench.workbook.reader import OLE_MAGIC, read_workbook

from .conftest import demo_case

if TYPE_CHECKING:
    from workbench.domain.case_file import CaseFile


def _marked(ws: object, marker: str) -> int:
    for (cell,) in ws.iter_rows(min_col=1, max_col=1):  # type: ignore[attr-defined]
        if cell.value == marker:
            return int(cell.row)
    raise AssertionError(marker)


def _edit(data: bytes, change: object) -> bytes:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    change(wb)  # type: ignore[operator]
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _refused(data: bytes, lang: str = "zh") -> list[str]:
    with pytest.raises(WorkbookError) as caught:
        read_workbook(data, "case.xlsx")
    return caught.value.lines(lang)


@pytest.mark.parametrize(("name", "lang"), [("a", "zh"), ("b", "zh"), ("a", "en")])
def test_export_then_import_gives_the_same_case(name: str, lang: str) -> None:
    case = demo_case(name)
    back = read_workbook(case_workbook(case, DEFAULT_POLICY, lang), "case.xlsx")
    assert back == case
    assert dumps_case(back) == dumps_case(case)  # rows keep their ids, values their digits


def test_an_edited_amount_is_taken_and_the_row_keeps_its_id(case_a: CaseFile) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["资产负债表"]
        ws.cell(_marked(ws, "#t:assets") + 2, 5).value = "6,500"

    back = read_workbook(_edit(case_workbook(case_a, DEFAULT_POLICY, "zh"), change), "case.xlsx")
    first = back.balance_sheet.assets[0]
    assert (first.id, first.amount) == (case_a.balance_sheet.assets[0].id, Decimal(6500))


def test_every_bad_cell_is_listed_by_sheet_and_cell(case_a: CaseFile) -> None:
    rows: dict[str, int] = {}

    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["资产负债表"]
        rows["stock"] = _marked(ws, "#t:stock") + 2
        ws.cell(rows["stock"], 4).value = "abc"
        rows["assets"] = _marked(ws, "#t:assets") + 2
        ws.cell(rows["assets"], 2).value = "金条"
        ws = wb["损益表"]
        rows["peak"] = _marked(ws, "#i:peak_sales")
        ws.cell(rows["peak"], 3).value = -5

    lines = _refused(_edit(case_workbook(case_a, DEFAULT_POLICY, "zh"), change))
    assert f"资产负债表!D{rows['stock']}：不是有效的数字：abc" in lines
    assert any(line.startswith(f"资产负债表!B{rows['assets']}：不是可选的值：金条") for line in lines)
    assert f"损益表!C{rows['peak']}：不能为负数：-5" in lines
    assert len(lines) == 3


def test_english_workbook_names_cells_in_english(case_a: CaseFile) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        ws = wb.worksheets[0]
        ws.cell(_marked(ws, "#t:stock") + 2, 4).value = "abc"

    (line,) = _refused(_edit(case_workbook(case_a, DEFAULT_POLICY, "en"), change), "en")
    assert line.startswith("Balance sheet!D") and "abc" in line


def test_a_filled_template_reads_as_a_new_case() -> None:
    def change(wb: openpyxl.Workbook) -> None:
        cap = wb["还款能力与建议"]
        for name, value in (
            ("borrower", "李明"),
            ("request_amount", 50000),
            ("term_months", 12),
            ("rate_kind", "月息 ‰"),
            ("rate_value", 6),
        ):
            cap.cell(_marked(cap, f"#i:{name}"), 3).value = value
        bal = wb["资产负债表"]
        r = _marked(bal, "#t:stock") + 2
        bal.cell(r, 2).value, bal.cell(r, 4).value, bal.cell(r, 5).value = "大米", 100, "2.5"
        inc = wb["损益表"]
        inc.cell(_marked(inc, "#i:normal_sales"), 3).value = "3万"

    case = read_workbook(_edit(template_workbook("zh"), change), "blank.xlsx")
    assert case.borrower.name == "李明"
    assert case.request.amount == 50000
    (stock,) = case.balance_sheet.stock
    assert (stock.label, stock.amount, len(stock.id)) == ("大米", Decimal(250), 12)
    assert case.profit_loss.normal_sales == 30000


def test_a_blank_template_names_what_is_missing() -> None:
    lines = _refused(template_workbook("zh"))
    assert lines and all(line.startswith("还款能力与建议!C") and line.endswith("必须填写") for line in lines)


def test_formula_replaced_by_a_number_is_refused(case_a: CaseFile) -> None:
    row = 0

    def change(wb: openpyxl.Workbook) -> None:
        nonlocal row
        ws = wb["资产负债表"]
        row = _marked(ws, "#f:TA")
        ws.cell(row, 3).value = 743000

    (line,) = _refused(_edit(case_workbook(case_a, DEFAULT_POLICY, "zh"), change))
    assert line.startswith(f"资产负债表!C{row}：公式被改成了固定数值")


def test_merged_cells_moved_are_refused(case_a: CaseFile) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["权益检验"]
        ws.unmerge_cells(start_row=1, start_column=2, end_row=1, end_column=10)
        ws.merge_cells("C1:E1")

    (line,) = _refused(_edit(case_workbook(case_a, DEFAULT_POLICY, "zh"), change))
    assert line.startswith("权益检验!C1：合并单元格被移动")


def test_a_renamed_sheet_is_refused(case_a: CaseFile) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        wb["损益表"].title = "利润表"

    assert _refused(_edit(case_workbook(case_a, DEFAULT_POLICY, "zh"), change)) == [
        "缺少工作表“损益表”（被删除或改名）"
    ]


def test_a_missing_sheet_is_refused(case_a: CaseFile) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        wb.remove(wb["还款计划"])

    assert _refused(_edit(case_workbook(case_a, DEFAULT_POLICY, "zh"), change)) == [
        "缺少工作表“还款计划”（被删除或改名）"
    ]


def test_a_workbook_that_is_not_ours_is_refused() -> None:
    wb = openpyxl.Workbook()
    wb.active["A1"] = "销售台账"  # type: ignore[index]
    out = io.BytesIO()
    wb.save(out)
    assert _refused(out.getvalue()) == ["不是本系统导出的案件工作簿（缺少隐藏的格式页）"]


def test_password_protected_and_corrupt_files_are_refused(case_a: CaseFile) -> None:
    encrypted = OLE_MAGIC + bytes(4096)  # an encrypted .xlsx is an OLE container, as an old .xls
    assert _refused(encrypted)[0].startswith("工作簿有密码保护")
    truncated = case_workbook(case_a, DEFAULT_POLICY, "zh")[:5000]
    assert _refused(truncated) == ["不是 Excel 工作簿（.xlsx），或文件已损坏"]
    assert _refused(b"not a spreadsheet") == ["不是 Excel 工作簿（.xlsx），或文件已损坏"]


def test_a_50_mb_sheet_is_refused_before_it_is_read(case_a: CaseFile) -> None:
    source = zipfile.ZipFile(io.BytesIO(case_workbook(case_a, DEFAULT_POLICY, "zh")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data += b" " * (50 * 2**20)  # small once zipped, 50 MB unpacked
            target.writestr(info, data)
    (line,) = _refused(out.getvalue())
    assert line.startswith("文件太大")


def test_a_copied_row_and_an_emptied_optional_cell(case_a: CaseFile) -> None:
    """A row copied with its hidden id becomes a new row; an emptied scope falls back to 经营."""
    rows: dict[str, int] = {}

    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["资产负债表"]
        first = _marked(ws, "#t:fixed_assets") + 2
        last = first + len(case_a.balance_sheet.fixed_assets) - 1
        rows["first"] = first
        ws.cell(first, 4).value = None  # the scope of the first fixed asset
        for col in range(1, 7):  # the last one copied, hidden id and all, into the spare row below
            ws.cell(last + 1, col).value = ws.cell(last, col).value

    back = read_workbook(_edit(case_workbook(case_a, DEFAULT_POLICY, "zh"), change), "case.xlsx")
    fixed = back.balance_sheet.fixed_assets
    assert len(fixed) == len(case_a.balance_sheet.fixed_assets) + 1
    assert fixed[-1].id != fixed[-2].id
    assert (fixed[-1].label, fixed[-1].present_value) == (fixed[-2].label, fixed[-2].present_value)
    assert fixed[0].id == case_a.balance_sheet.fixed_assets[0].id
    assert fixed[0].scope.value == "business"
