"""Enter worked case A through the window, as an officer would, and read the results off the widgets.

Nothing here builds a ``CaseFile``: the test opens an empty case in the main window, types into the
editor's own table models (``setData`` with the strings an officer types, several of them the Chinese
way) and into a few line edits with key clicks, then reads the equity deviation −3.11 % and the
proposal 45,000.00 from the labels on the equity and capacity pages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit

from workbench.ui.widgets.table_editor import TableEditor

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot

    from workbench.ui.models.list_model import DataclassListModel
    from workbench.ui.widgets.case_editor import CaseEditor

BALANCE_SHEET = {
    "assets": [
        {"类别": "现金", "名称": "收银台现金", "金额": "6,000元"},
        {"类别": "银行存款及电子钱包", "名称": "银行及微信/支付宝余额", "金额": "￥38,000"},
        {"类别": "其他经营资产（押金等）", "名称": "房租押金", "金额": "9000"},
    ],
    "stock": [
        {"品名": "烟", "数量": "1", "单位成本": "２８，０００"},
        {"品名": "酒水饮料", "数量": "1", "单位成本": "3万"},
        {"品名": "休闲食品", "数量": "1", "单位成本": "17,000"},
        {"品名": "日用品", "数量": "1", "单位成本": "2.2万"},
        {"品名": "粮油", "数量": "1", "单位成本": "8000"},
    ],
    "fixed_assets": [
        {"名称": "货架", "类别": "货架家具", "现值": "8000"},
        {"名称": "冷柜/冰柜", "类别": "设备", "现值": "9000"},
        {"名称": "收银机/监控", "类别": "设备", "现值": "3000"},
        {"名称": "电动三轮车", "类别": "车辆", "现值": "2000"},
        {"名称": "住房", "类别": "房产", "归属": "家庭", "原值": "42万", "现值": "48万"},
        {"名称": "家用汽车", "类别": "车辆", "归属": "家庭", "原值": "95,000", "现值": "78,000"},
    ],
    "receivables": [{"客户": "两家餐馆", "金额": "5000", "结算条件": "月结"}],
    "payables": [{"对方": "饮料经销商", "金额": "18,000"}],
    "debts": [
        {"债权人": "姐姐（购车借款）", "类别": "个人借款", "归属": "家庭", "余额": "2万"},
        {"债权人": "信用卡", "类别": "信用卡", "归属": "家庭", "余额": "4000"},
    ],
}

PRODUCTS = [
    {"产品": "烟", "销售占比": "30%", "进价": "18", "售价": "20"},
    {"产品": "酒水饮料", "销售占比": "30%", "进价": "2.5", "售价": "3"},
    {"产品": "休闲食品", "销售占比": "20%", "进价": "3.9", "售价": "5"},
    {"产品": "日用品", "销售占比": "12%", "进价": "8", "售价": "10"},
    {"产品": "粮油", "销售占比": "8%", "进价": "45", "售价": "50"},
]
CALENDAR = ["旺季", "旺季", "淡季", "平季", "平季", "平季", "淡季", "淡季", "平季", "平季", "淡季", "平季"]
EXPENSES = {
    "fixed_costs": [
        ("房租", "4500"),
        ("水电", "1000"),
        ("帮工工资", "1500"),
        ("杂费", "600"),
        ("税费", "400"),
    ],
    "household_expenses": [
        ("伙食", "2000"),
        ("水电通讯", "400"),
        ("子女教育", "1200"),
        ("用车", "600"),
        ("医疗保险", "500"),
        ("人情往来", "500"),
    ],
}
EQUITY = {
    "initial_assets": [
        ("现金", "6000", ""),
        ("存货", "8万", ""),
        ("货架设备", "30,000", ""),
        ("装修", "25,000", ""),
        ("房租押金", "9000", ""),
        ("住房", "42万", ""),
    ],
    "initial_liabilities": [("亲戚借款", "40,000", "")],
    "period_profit": [
        ("2019 下半年", "6000", "6"),
        ("2020 年", "6500", "12"),
        ("2021 年", "8000", "12"),
        ("2022 年", "8000", "12"),
        ("2023 年", "9500", "12"),
        ("2024 旺季", "16160", "2"),
        ("2024 淡季", "7100", ""),
        ("2024 平季", "10120", "3"),
    ],
    "appreciation": [("住房增值", "6万", "")],
    "withdrawals": [
        ("家庭开支（前 30 个月）", "4200", "30"),
        ("家庭开支（后 30 个月）", "5000", "30"),
        ("母亲医疗", "15000", ""),
        ("婚礼礼金", "1万", ""),
    ],
    "depreciation": [("装修", "25,000", ""), ("货架设备", "14,000", ""), ("汽车", "17,000", "")],
}


def model_of(editor: CaseEditor, path: str) -> DataclassListModel:
    """The editor's own model of the list at ``path`` (e.g. ``balance_sheet.stock``)."""
    table = editor.findChild(TableEditor, f"table:{path}")
    assert table is not None, path
    return table.model


def type_rows(model: DataclassListModel, rows: list[dict[str, str]]) -> None:
    """Add a row per entry and type each value into the column with that header."""
    headers = [c.header for c in model.columns]
    for values in rows:
        row = model.rowCount()
        assert model.insertRows(row, 1)
        for header, text in values.items():
            choices = model.index(row, headers.index(header)).data(Qt.ItemDataRole.UserRole + 2)
            if choices:  # an enum column: the delegate's combo box hands over the value
                text = next(value for label, value in choices if label == text)
            assert model.setData(model.index(row, headers.index(header)), text), (header, text)


def type_into(qtbot: QtBot, editor: CaseEditor, path: str, text: str) -> None:
    """Focus a form's line edit, type, press Enter.

    Digits go in as key clicks; Chinese characters (王, 万, 元) arrive the way an input method
    delivers them, as a committed string (QTest can only click ASCII keys).
    """
    edit = editor.findChild(QLineEdit, f"field:{path}")
    assert edit is not None, path
    edit.setFocus()
    edit.selectAll()
    QTest.keyClick(edit, Qt.Key.Key_Delete)
    for char in text:
        if char.isascii():
            QTest.keyClicks(edit, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(edit, event)
    assert edit.text() == text
    QTest.keyClick(edit, Qt.Key.Key_Return)


def choose(editor: CaseEditor, path: str, label: str) -> None:
    combo = editor.findChild(QComboBox, f"field:{path}")
    assert combo is not None, path
    combo.setCurrentIndex(combo.findText(label))


def test_enter_case_a_through_the_window(qtbot: QtBot, make_window: Callable[..., Any]) -> None:
    window = make_window(charts=False)
    editor = window.new_case()
    recalc = editor.recalc

    editor.show_section("applicant")
    type_into(qtbot, editor, "borrower.name", "王丽华")
    assert window.tabs.tabText(0).startswith("王丽华")

    editor.show_section("balance_sheet")
    type_into(qtbot, editor, "balance_sheet.date", "2024/6/28")  # as officers write dates
    for name, rows in BALANCE_SHEET.items():
        type_rows(model_of(editor, f"balance_sheet.{name}"), rows)
    assert editor.findChild(QLabel, "figure:equity") is not None

    editor.show_section("income")
    type_rows(model_of(editor, "profit_loss.products"), PRODUCTS)
    for month, season in enumerate(CALENDAR):
        choose(editor, f"profit_loss.calendar[{month}]", season)
    type_into(qtbot, editor, "profit_loss.peak_sales", "16万")
    type_into(qtbot, editor, "profit_loss.normal_sales", "120,000")
    type_into(qtbot, editor, "profit_loss.slack_sales", "10万元")
    for name, items in EXPENSES.items():
        type_rows(model_of(editor, f"profit_loss.{name}"), [{"项目": a, "月金额": b} for a, b in items])
    type_rows(model_of(editor, "profit_loss.variable_expenses"), [{"项目": "损耗", "占销售额比例": "0.5%"}])

    editor.show_section("equity")
    for name, items in EQUITY.items():
        rows = [{"项目": a, "金额": b} | ({"倍数（月数）": t} if t else {}) for a, b, t in items]
        type_rows(model_of(editor, f"equity_check.{name}"), rows)

    editor.show_section("request")
    type_into(qtbot, editor, "request.amount", "6万")
    type_into(qtbot, editor, "request.term_months", "12")
    choose(editor, "request.rate.kind", "月息 ‰")
    type_into(qtbot, editor, "request.rate.value", "6")

    qtbot.waitUntil(lambda: not recalc.pending(), timeout=3000)
    equity_page = editor.show_section("equity")
    deviation = equity_page.findChild(QLabel, "figure:deviation")
    assert deviation.text() == "−3.11%"  # a real minus, as on the chart and in the reports
    capacity_page = editor.show_section("capacity")
    assert capacity_page.findChild(QLabel, "figure:proposal").text() == "45,000.00"
    assert capacity_page.findChild(QLabel, "figure:binding").text() == "还款能力"
    assert capacity_page.findChild(QLabel, "figure:instalment").text() == "3,897.85"
    assert recalc.error == ""
    assert not window.current().document.undo_stack.isClean()
    assert window.isWindowModified()
