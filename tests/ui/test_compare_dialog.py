"""The conflict dialog's "compare": a table of the differing fields in words, mine vs theirs, from
which the officer still chooses reload / save as copy / cancel."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QTableView

from workbench.domain.row_ids import with_new_id
from workbench.services.compare import compare_cases
from workbench.ui import i18n
from workbench.ui.case_io import open_demo
from workbench.ui.dialogs.compare_dialog import ABSENT, CompareDialog, CompareModel
from workbench.ui.dialogs.conflict_dialog import ConflictChoice, ConflictDialog
from workbench.ui.field_names import field_path_text

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from workbench.domain.case_file import CaseFile


def _versions() -> tuple[CaseFile, CaseFile]:
    mine, _source = open_demo("A")
    sheet = mine.balance_sheet
    stock = (dataclasses.replace(sheet.stock[0], unit_cost=Decimal(30000)), *sheet.stock[1:])
    theirs = dataclasses.replace(
        mine,
        product="他人修改",
        borrower=dataclasses.replace(mine.borrower, name="王丽华（他人）"),
        balance_sheet=dataclasses.replace(
            sheet, stock=(*stock, with_new_id(dataclasses.replace(stock[0], label="新增")))
        ),
    )
    return mine, theirs


def _rows(model: CompareModel) -> dict[str, tuple[str, str]]:
    data = model.data
    return {
        data(model.index(r, 0)): (data(model.index(r, 1)), data(model.index(r, 2)))
        for r in range(model.rowCount())
    }


def test_the_model_lists_each_differing_field_in_words(qtmodeltester: Any, ui: Any) -> None:
    mine, theirs = _versions()
    model = CompareModel(compare_cases(mine, theirs))
    qtmodeltester.check(model)
    rows = _rows(model)
    assert rows["申请人 › 姓名"] == ("王丽华", "王丽华（他人）")
    assert rows["贷款产品"] == (mine.product, "他人修改")
    assert rows["资产负债表 › 存货 › 第 1 行 › 单位成本"] == ("28000", "30000")
    assert rows["资产负债表 › 存货 › 第 6 行 › 名称"] == (ABSENT, "新增")  # a row only they have
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) == model.differences[0].path
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "字段",
        "我的版本",
        "他人保存的版本",
    ]
    assert not model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable


def test_field_words_fall_back_to_the_name(ui: Any) -> None:
    assert field_path_text(("cross_checks", 0, "inputs", "documented"), lambda n: "凭证记录销售额") == (
        "交叉检验 › 第 1 行 › 输入 › 凭证记录销售额"
    )
    assert field_path_text(("something_new",)) == "something_new"


def test_the_compare_dialog_offers_the_three_choices(qtbot: QtBot, ui: Any) -> None:
    mine, theirs = _versions()
    dialog = CompareDialog("王丽华", mine, theirs, "3")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.findChild(QTableView, "compareTable").model() is dialog.model
    count = len(compare_cases(mine, theirs))
    assert f"有 {count} 处不同" in dialog.heading.text() and "版本 3" in dialog.heading.text()
    dialog.reload_button.click()
    assert dialog.choice is ConflictChoice.RELOAD and not dialog.isVisible()

    same = CompareDialog("王丽华", mine, mine)
    qtbot.addWidget(same)
    assert same.model.rowCount() == 0 and "内容相同" in same.heading.text()
    same.copy_button.click()
    assert same.choice is ConflictChoice.SAVE_AS_COPY
    same.cancel_button.click()
    assert same.choice is ConflictChoice.CANCEL


def test_the_conflict_dialog_has_compare(qtbot: QtBot, ui: Any) -> None:
    dialog = ConflictDialog("王丽华", "")
    qtbot.addWidget(dialog)
    assert "比较差异…" in {b.text() for b in dialog.findChildren(QAbstractButton)}
    dialog.compare_button.click()
    assert dialog.choice() is ConflictChoice.COMPARE


def test_english(qtbot: QtBot, ui: Any) -> None:
    i18n.set_language("en")
    mine, theirs = _versions()
    dialog = CompareDialog("Wang", mine, theirs)
    qtbot.addWidget(dialog)
    rows = _rows(dialog.model)
    assert "Balance sheet › Inventory › Row 1 › Unit cost" in rows
    assert dialog.reload_button.text() == "Reload"


def _formatted_versions() -> tuple[CaseFile, CaseFile]:
    from datetime import date

    from workbench.domain.balance_sheet import StockCategory

    mine, theirs = _versions()
    stock = theirs.balance_sheet.stock
    pl = theirs.profit_loss
    assert pl is not None
    theirs = dataclasses.replace(
        theirs,
        balance_sheet=dataclasses.replace(
            theirs.balance_sheet,
            stock=(dataclasses.replace(stock[0], category=StockCategory.RAW_MATERIAL), *stock[1:]),
        ),
        profit_loss=dataclasses.replace(
            pl, products=(dataclasses.replace(pl.products[0], share=Decimal("0.35")), *pl.products[1:])
        ),
        dates=dataclasses.replace(theirs.dates, survey_date=date(2024, 7, 1)),
    )
    return mine, theirs


def _shown(model: CompareModel, path: str) -> tuple[str, str]:
    row = next(r for r, d in enumerate(model.differences) if d.path == path)
    return model.data(model.index(row, 1)), model.data(model.index(row, 2))


@pytest.mark.parametrize(
    ("language", "goods", "raw"), [("zh", "商品", "原材料"), ("en", "Goods", "Raw materials")]
)
def test_values_read_as_the_window_writes_them(ui: Any, language: str, goods: str, raw: str) -> None:
    i18n.set_language(language)
    mine, theirs = _formatted_versions()
    model = CompareModel(compare_cases(mine, theirs), None, mine, theirs)
    paths = {d.path: d for d in model.differences}
    stock = f"balance_sheet.stock[id={mine.balance_sheet.stock[0].id}]"
    added = f"balance_sheet.stock[id={theirs.balance_sheet.stock[5].id}]"
    product = f"profit_loss.products[id={mine.profit_loss.products[0].id}]"
    assert paths[f"{stock}.category"].theirs == "raw_material"  # the stored code …
    assert _shown(model, f"{stock}.category") == (goods, raw)  # … in words (mine: default)
    assert _shown(model, f"{stock}.unit_cost") == ("28,000.00", "30,000.00")
    assert _shown(model, f"{product}.share") == ("30%", "35%")
    assert _shown(model, "dates.survey_date") == ("2024-06-28", "2024-07-01")
    assert _shown(model, f"{added}.label") == (ABSENT, "新增")
    row = next(r for r, d in enumerate(model.differences) if d.path == f"{stock}.category")
    assert model.data(model.index(row, 2), Qt.ItemDataRole.ToolTipRole) == "raw_material"  # on hover


def test_a_moved_row_shows_its_row_number_in_each_version(ui: Any) -> None:
    i18n.set_language("zh")
    mine, _source = open_demo("A")
    sheet = mine.balance_sheet
    first, second, *rest = sheet.stock
    theirs = dataclasses.replace(mine, balance_sheet=dataclasses.replace(sheet, stock=(second, first, *rest)))
    rows = _rows(CompareModel(compare_cases(mine, theirs), None, mine, theirs))
    assert rows == {"资产负债表 › 存货 › 第 1 行": ("第 1 行", "第 2 行")}


def test_the_dialog_shows_formatted_values(qtbot: QtBot, ui: Any) -> None:
    for language in ("zh", "en"):
        i18n.set_language(language)
        mine, theirs = _formatted_versions()
        dialog = CompareDialog("王丽华", mine, theirs, "3")
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert any("30,000.00" in pair for pair in _rows(dialog.model).values())
        dialog.grab().save(f"/tmp/polish/compare_dialog_{language}.png")
        dialog.close()
