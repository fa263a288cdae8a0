"""A block of cells between a table and a spreadsheet: tab-separated text in, a checked plan out.

Excel and WPS put a copied range on the clipboard as tab-separated lines (a cell holding a tab or a
line break is quoted), so ``csv`` with a tab delimiter reads it. Each pasted cell is parsed by the
column's own rules (``DataclassListModel.parse_cell``: ``5万``, ``3,500``, ``30%`` …) before anything
lands; a cell that does not parse is named with its reason and left out.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.domain.errors import ValidationError
from workbench.ui.i18n import tr
from workbench.ui.values import Kind, display_text, edit_text, refusal_text

if TYPE_CHECKING:
    from workbench.ui.models.list_model import DataclassListModel


def parse_block(text: str) -> list[list[str]]:
    """The rows of cells in tab-separated ``text`` (the trailing line break dropped)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    if not text:
        return []
    return [list(row) for row in csv.reader(io.StringIO(text), delimiter="\t", strict=False)]


def block_text(rows: list[list[str]]) -> str:
    """``rows`` as a spreadsheet reads them: cells split by tabs, rows by line breaks."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows(rows)
    return out.getvalue()


def cell_text(model: DataclassListModel, row: int, column: int) -> str:
    """What a copied cell says: labels for choices and yes/no, plain digits for numbers."""
    if not model.is_editable(column):
        return str(model.data(model.index(row, column)) or "")
    value = getattr(model.rows()[row], model.columns[column].field)
    kind = model.kind(column)
    if kind in (Kind.ENUM, Kind.BOOL):
        return display_text(value, kind)
    return edit_text(value, kind)


@dataclass(frozen=True, slots=True)
class PastedCell:
    """One cell of a paste: where it lands, what was typed, the value or why it is refused."""

    row: int
    column: int
    text: str
    value: Any = None
    problem: str = ""


@dataclass(frozen=True, slots=True)
class PastePlan:
    """What a paste at ``(top, left)`` does: its cells and how many rows it appends."""

    top: int
    left: int
    rows: int
    columns: int
    cells: tuple[PastedCell, ...]
    new_rows: int

    @property
    def good(self) -> tuple[PastedCell, ...]:
        """The cells that land."""
        return tuple(c for c in self.cells if not c.problem)

    @property
    def bad(self) -> tuple[PastedCell, ...]:
        """The cells left out, each with its reason."""
        return tuple(c for c in self.cells if c.problem)


def plan_paste(model: DataclassListModel, top: int, left: int, block: list[list[str]]) -> PastePlan:
    """Check every cell of ``block`` pasted with its first cell at ``(top, left)``."""
    cells: list[PastedCell] = []
    width = max((len(r) for r in block), default=0)
    for r, values in enumerate(block):
        for c, text in enumerate(values):
            cells.append(_plan_cell(model, top + r, left + c, text.strip()))
    new_rows = max(top + len(block) - model.rowCount(), 0)
    return PastePlan(top, left, len(block), width, tuple(cells), new_rows)


def _plan_cell(model: DataclassListModel, row: int, column: int, text: str) -> PastedCell:
    if column >= model.columnCount():
        return PastedCell(row, column, text, problem=tr("表格没有这一列"))
    header = model.columns[column].header
    if not model.is_editable(column):
        return PastedCell(row, column, text, problem=tr("%1：由程序计算，不能粘贴").replace("%1", header))
    if not text:
        return PastedCell(row, column, text, model.blank_value(column))
    try:
        return PastedCell(row, column, text, model.parse_cell(row, column, text))
    except ValidationError as error:
        return PastedCell(row, column, text, problem=refusal_text(error, header))


def apply_paste(model: DataclassListModel, plan: PastePlan) -> int:
    """Land the good cells of ``plan`` (rows appended as needed): one undo step; cells changed."""
    changes = [(c.row, c.column, c.value) for c in plan.good]
    return model.set_cells(changes, tr("粘贴"), new_rows=plan.new_rows if changes else 0)
