"""Why a workbook is refused: one line per bad cell, by sheet and cell, in the officer's language.

Kept apart from the reader so the messages of every layer can name these errors without loading
openpyxl.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.domain.errors import DomainError
from workbench.texts import NC_, Msg, colon, text

REASONS: dict[str, Msg] = {
    "not_a_number": NC_("workbook", "不是有效的数字：{value}"),
    "negative": NC_("workbook", "不能为负数：{value}"),
    "sub_cent": NC_("workbook", "金额不能有分以下的小数：{value}"),
    "not_a_count": NC_("workbook", "不是整数：{value}"),
    "not_a_choice": NC_("workbook", "不是可选的值：{value}（可选：{choices}）"),
    "not_yes_no": NC_("workbook", "请填写“是”或“否”：{value}"),
    "required": NC_("workbook", "必须填写"),
    "formula_replaced": NC_("workbook", "公式被改成了固定数值：合计、偏差率和检验必须保留公式"),
    "merged_moved": NC_("workbook", "合并单元格被移动或改动：请在导出的原样格式中填写"),
    "sheet_missing": NC_("workbook", "缺少工作表“{sheet}”（被删除或改名）"),
    "rows_moved": NC_("workbook", "表格结构被改动（找不到“{table}”）"),
    "not_a_workbook": NC_("workbook", "不是 Excel 工作簿（.xlsx），或文件已损坏"),
    "encrypted": NC_("workbook", "工作簿有密码保护（或是旧的 .xls 格式）：请取消密码并另存为 .xlsx 后再导入"),
    "not_ours": NC_("workbook", "不是本系统导出的案件工作簿（缺少隐藏的格式页）"),
    "too_large": NC_("workbook", "文件太大（{size} MB，上限 {limit} MB）"),
    "too_many_rows": NC_("workbook", "工作表行数太多（{rows} 行，上限 {limit} 行）"),
    "bad_case_data": NC_("workbook", "隐藏的案件数据已损坏：{detail}"),
    "invalid": NC_("workbook", "{detail}"),
}


@dataclass(frozen=True, slots=True)
class Problem:
    """One refused cell (or, without a sheet, the whole file)."""

    sheet: str
    cell: str
    reason: str
    params: dict[str, object] = field(default_factory=dict)

    def describe(self, lang: str) -> str:
        body = text(REASONS[self.reason], lang, **self.params)
        if not self.sheet:
            return body
        where = f"{self.sheet}!{self.cell}" if self.cell else self.sheet
        return f"{where}{colon(lang)}{body}"


class WorkbookError(DomainError):
    """A workbook that cannot be imported: every problem found, in sheet order."""

    reason = "workbook_refused"

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = tuple(problems)
        super().__init__(f"{source}: " + "; ".join(f"{p.sheet}!{p.cell} {p.reason}" for p in problems))

    def lines(self, lang: str) -> list[str]:
        return [p.describe(lang) for p in self.problems]

    def describe(self, lang: str) -> str:
        return f"{self.source}: " + "；".join(self.lines(lang))
