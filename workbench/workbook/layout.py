"""The shape of the case workbook, shared by the writer and the reader.

Every sheet keeps a hidden column A that says what each row is, so the reader finds its way even
after the officer inserted rows (Excel moves the markers and stretches the formulas' ranges along):

* ``#t:<list>``  the title row of a detail list (the next row holds the column headings);
* a row id (12 hex digits) or nothing: one row of that list (empty = a row the officer added);
* ``#e``         the end of the list;
* ``#i:<name>``  one input value in column C (season sales, the α, the rate …);
* ``#f:<name>``  one derived figure in column C: always a live formula;
* ``#m:<name>``  one line of the monthly statement: 12 months in C…N, the average month in O.

A hidden sheet (``META_SHEET``) names the format, the language and carries the case in the
exchange format (docs/case-format.md), so what the sheets do not show (the borrower, notes,
evidence …) comes back on import and rows keep their ids.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from enum import Enum, StrEnum

from workbench.domain.balance_sheet import (
    AssetCategory,
    DebtKind,
    FixedCategory,
    PayableKind,
    Scope,
    StockCategory,
)
from workbench.domain.equity import EQUITY_ITEM_LISTS
from workbench.texts import NC_, Msg

FORMAT_MARK = "workbench-case-workbook"
FORMAT_VERSION = 1
META_SHEET = "_workbench"
JSON_CHUNK = 30000
"""Characters of the case JSON per cell (a cell holds at most 32,767)."""

MONEY = "#,##0.00"
NUMBER = "#,##0.00##"
RATIO = "0.00%"
RATE = "0.0000%"
FIRST_MONTH_COLUMN = 3  # C
AVERAGE_COLUMN = 15  # O


class SheetKey(StrEnum):
    BALANCE = "balance"
    INCOME = "income"
    EQUITY = "equity"
    CHECKS = "checks"
    CAPACITY = "capacity"
    SCHEDULE = "schedule"


SHEET_TITLES: dict[SheetKey, Msg] = {
    SheetKey.BALANCE: NC_("workbook", "资产负债表"),
    SheetKey.INCOME: NC_("workbook", "损益表"),
    SheetKey.EQUITY: NC_("workbook", "权益检验"),
    SheetKey.CHECKS: NC_("workbook", "交叉检验"),
    SheetKey.CAPACITY: NC_("workbook", "还款能力与建议"),
    SheetKey.SCHEDULE: NC_("workbook", "还款计划"),
}


class Kind(StrEnum):
    TEXT = "text"
    MONEY = "money"  # an amount to the cent, ≥ 0
    SIGNED = "signed"  # an amount that may be negative
    NUMBER = "number"  # a quantity, price or factor
    SHARE = "share"  # a fraction shown as a percentage
    COUNT = "count"
    CHOICE = "choice"  # an enum, shown by its label
    FLAG = "flag"  # yes / no
    FORMULA = "formula"  # derived: never read


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a detail list: the row field it holds (or a formula over the row)."""

    field: str
    heading: Msg
    kind: Kind
    choices: type[Enum] | None = None
    formula: str = ""  # with {r} for the row and {X} for the column of field X
    optional: bool = False
    fmt: str = ""  # a derived column's own number format (a ratio, a status)

    @property
    def number_format(self) -> str:
        if self.fmt:
            return self.fmt
        return {Kind.MONEY: MONEY, Kind.SIGNED: MONEY, Kind.NUMBER: NUMBER, Kind.SHARE: RATIO}.get(
            self.kind, MONEY if self.kind is Kind.FORMULA else "General"
        )


@dataclass(frozen=True, slots=True)
class Table:
    """A detail list of the case on one sheet; ``path`` is its place in the case (dots)."""

    key: str
    path: str
    title: Msg
    columns: tuple[Column, ...]

    def letter(self, field: str) -> str:
        """The column letter of ``field`` (tables start in column B)."""
        return _letters(self.columns)[field]


@functools.cache
def _letters(columns: tuple[Column, ...]) -> dict[str, str]:
    return {column.field: chr(ord("B") + index) for index, column in enumerate(columns)}


AMOUNT = NC_("workbook", "金额")


def _amount(label: Msg = AMOUNT) -> Column:
    return Column("amount", label, Kind.MONEY)


BALANCE_TABLES = (
    Table(
        "assets",
        "balance_sheet.assets",
        NC_("workbook", "现金、存款及其他资产"),
        (
            Column("category", NC_("workbook", "类别"), Kind.CHOICE, AssetCategory),
            Column("label", NC_("workbook", "名称"), Kind.TEXT),
            Column("scope", NC_("workbook", "范围"), Kind.CHOICE, Scope, optional=True),
            _amount(),
        ),
    ),
    Table(
        "stock",
        "balance_sheet.stock",
        NC_("workbook", "存货明细"),
        (
            Column("label", NC_("workbook", "名称"), Kind.TEXT),
            Column("category", NC_("workbook", "类别"), Kind.CHOICE, StockCategory, optional=True),
            Column("quantity", NC_("workbook", "数量"), Kind.NUMBER),
            Column("unit_cost", NC_("workbook", "单位成本"), Kind.NUMBER),
            Column("amount", NC_("workbook", "金额"), Kind.FORMULA, formula="={quantity}{r}*{unit_cost}{r}"),
        ),
    ),
    Table(
        "fixed_assets",
        "balance_sheet.fixed_assets",
        NC_("workbook", "固定资产明细"),
        (
            Column("label", NC_("workbook", "名称"), Kind.TEXT),
            Column("category", NC_("workbook", "类别"), Kind.CHOICE, FixedCategory, optional=True),
            Column("scope", NC_("workbook", "范围"), Kind.CHOICE, Scope, optional=True),
            Column("original_value", NC_("workbook", "原值"), Kind.MONEY, optional=True),
            Column("present_value", NC_("workbook", "现值"), Kind.MONEY),
        ),
    ),
    Table(
        "receivables",
        "balance_sheet.receivables",
        NC_("workbook", "应收账款明细"),
        (Column("counterparty", NC_("workbook", "客户"), Kind.TEXT), _amount()),
    ),
    Table(
        "payables",
        "balance_sheet.payables",
        NC_("workbook", "应付及预收明细"),
        (
            Column("counterparty", NC_("workbook", "对方"), Kind.TEXT),
            Column("kind", NC_("workbook", "类型"), Kind.CHOICE, PayableKind, optional=True),
            _amount(),
        ),
    ),
    Table(
        "debts",
        "balance_sheet.debts",
        NC_("workbook", "负债明细"),
        (
            Column("lender", NC_("workbook", "贷款方"), Kind.TEXT),
            Column("kind", NC_("workbook", "类型"), Kind.CHOICE, DebtKind, optional=True),
            Column("scope", NC_("workbook", "范围"), Kind.CHOICE, Scope, optional=True),
            Column("balance", NC_("workbook", "余额"), Kind.MONEY),
            Column("monthly_instalment", NC_("workbook", "月还款"), Kind.MONEY, optional=True),
            Column("monthly_interest", NC_("workbook", "月利息"), Kind.MONEY, optional=True),
            Column("long_term", NC_("workbook", "长期"), Kind.FLAG, optional=True),
        ),
    ),
    Table(
        "off_balance",
        "balance_sheet.off_balance",
        NC_("workbook", "表外资产及负债"),
        (
            Column("label", NC_("workbook", "名称"), Kind.TEXT),
            Column("value", NC_("workbook", "金额"), Kind.MONEY),
            Column("is_liability", NC_("workbook", "负债"), Kind.FLAG, optional=True),
        ),
    ),
    Table(
        "guarantees_given",
        "balance_sheet.guarantees_given",
        NC_("workbook", "对外担保"),
        (Column("beneficiary", NC_("workbook", "被担保人"), Kind.TEXT), _amount()),
    ),
)

PRODUCTS = Table(
    "products",
    "profit_loss.products",
    NC_("workbook", "产品毛利表"),
    (
        Column("name", NC_("workbook", "产品"), Kind.TEXT),
        Column("share", NC_("workbook", "销售占比"), Kind.SHARE, optional=True),
        Column("quantity", NC_("workbook", "平季月数量"), Kind.NUMBER, optional=True),
        Column("unit_price", NC_("workbook", "单价"), Kind.NUMBER),
        Column("unit_cost", NC_("workbook", "进货成本"), Kind.NUMBER, optional=True),
        Column("material", NC_("workbook", "材料"), Kind.NUMBER, optional=True),
        Column("piece_wage", NC_("workbook", "计件工资"), Kind.NUMBER, optional=True),
        Column("kwh", NC_("workbook", "耗电 kWh"), Kind.NUMBER, optional=True),
        Column(
            "variable_cost",
            NC_("workbook", "单位变动成本"),
            Kind.FORMULA,
            formula="={unit_cost}{r}+{material}{r}+{piece_wage}{r}+{kwh}{r}*{tariff}",
        ),
        Column(
            "weight",
            NC_("workbook", "权重"),
            Kind.FORMULA,
            formula='=IF(OR({name}{r}="",{unit_price}{r}=0),0,'
            "IF(COUNT({quantity_range})=COUNTA({name_range}),{quantity}{r}*{unit_price}{r},{share}{r}))",
        ),
        Column(
            "cost_ratio",
            NC_("workbook", "成本率"),
            Kind.FORMULA,
            formula="=IF({unit_price}{r}=0,0,{variable_cost}{r}/{unit_price}{r})",
            fmt=RATIO,
        ),
    ),
)


def _expenses(key: str, title: Msg, rate: bool = False) -> Table:
    value = (
        Column("rate", NC_("workbook", "占销售额比例"), Kind.SHARE)
        if rate
        else _amount(NC_("workbook", "月金额"))
    )
    return Table(
        key, f"profit_loss.{key}", title, (Column("label", NC_("workbook", "名称"), Kind.TEXT), value)
    )


EXPENSE_TABLES = (
    _expenses("fixed_costs", NC_("workbook", "固定经营费用")),
    _expenses("variable_expenses", NC_("workbook", "变动费用"), rate=True),
    _expenses("household_expenses", NC_("workbook", "家庭开支")),
    _expenses("other_expenses", NC_("workbook", "其他支出")),
    _expenses("other_income", NC_("workbook", "其他收入")),
)

EQUITY_TITLES: dict[str, Msg] = {
    "initial_assets": NC_("workbook", "初始资产"),
    "initial_liabilities": NC_("workbook", "初始负债"),
    "period_profit": NC_("workbook", "期间利润"),
    "injections": NC_("workbook", "外部注资"),
    "appreciation": NC_("workbook", "资产升值"),
    "withdrawals": NC_("workbook", "提款及家庭开支"),
    "depreciation": NC_("workbook", "折旧"),
}

EQUITY_TABLES = tuple(
    Table(
        name,
        f"equity_check.{name}",
        EQUITY_TITLES[name],
        (
            Column("label", NC_("workbook", "名称"), Kind.TEXT),
            Column("amount", NC_("workbook", "金额"), Kind.SIGNED),
            Column("times", NC_("workbook", "倍数"), Kind.NUMBER, optional=True),
            Column("value", NC_("workbook", "合计"), Kind.FORMULA, formula="={amount}{r}*{times}{r}"),
        ),
    )
    for name in EQUITY_ITEM_LISTS
)

EARLIER_PASSES = Table(
    "earlier_passes",
    "equity_check.earlier_passes",
    NC_("workbook", "以往各轮检验"),
    (
        Column("label", NC_("workbook", "轮次"), Kind.TEXT),
        Column("total_assets", NC_("workbook", "总资产"), Kind.MONEY),
        Column("total_liabilities", NC_("workbook", "总负债"), Kind.MONEY),
        Column("expected_equity", NC_("workbook", "应有权益"), Kind.SIGNED),
        Column("period_profit", NC_("workbook", "期间利润"), Kind.SIGNED, optional=True),
        Column(
            "actual",
            NC_("workbook", "实际权益"),
            Kind.FORMULA,
            formula="={total_assets}{r}-{total_liabilities}{r}",
        ),
        Column(
            "difference", NC_("workbook", "差额"), Kind.FORMULA, formula="={actual}{r}-{expected_equity}{r}"
        ),
        Column(
            "deviation",
            NC_("workbook", "偏差率 δ"),
            Kind.FORMULA,
            formula='=IF({actual}{r}=0,"",{difference}{r}/ABS({actual}{r}))',
            fmt=RATIO,
        ),
        Column("status", NC_("workbook", "结果"), Kind.FORMULA, formula="={status_formula}", fmt="General"),
    ),
)

INPUT_TABLES = (*BALANCE_TABLES, PRODUCTS, *EXPENSE_TABLES, *EQUITY_TABLES, EARLIER_PASSES)
"""The detail lists the reader takes back from a filled workbook."""

YES, NO = NC_("workbook", "是"), NC_("workbook", "否")
