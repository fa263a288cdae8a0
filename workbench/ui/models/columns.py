"""Column specs of every detail list, keyed by the list's item type.

A spec names the row's fields and their headers; how a field is shown and parsed comes from its type
hint in the domain (``values.kind_of``). Columns an officer fills for most rows come first (a fixed
asset's present value before its scope and original value, terms before a debt's age, a stock
item's category, mostly goods, last), so typing a
row is Tab between values and Enter at its end with few empty cells to pass. Specs are functions so
headers are translated when a table is built (the editor is rebuilt on a language switch).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.domain.balance_sheet import (
    AssetItem,
    Debt,
    FixedAsset,
    GuaranteeGiven,
    OffBalanceItem,
    Payable,
    Receivable,
    StockItem,
)
from workbench.domain.cross_checks import CrossCheck, IncomeSource, MarginItem
from workbench.domain.equity import EquityItem, EquityPass
from workbench.domain.evidence import Evidence
from workbench.domain.formatting import percent
from workbench.domain.loan_request import FundsLine
from workbench.domain.markup import markup_of_margin
from workbench.domain.money import ONE
from workbench.domain.parties import (
    Collateral,
    Counterparty,
    CreditRecord,
    Guarantor,
    HouseholdMember,
    Relationship,
)
from workbench.domain.profit_loss import ExpenseItem, ProductLine, VariableExpense
from workbench.domain.soft_info import SoftCheck, SoftFactor
from workbench.ui.i18n import tr
from workbench.ui.labels import soft_factor_choices, soft_option_choices
from workbench.ui.models.list_model import Column
from workbench.ui.values import Kind, money_text

if TYPE_CHECKING:
    from collections.abc import Callable
    from decimal import Decimal

WORKING_AGE = 16  # China's minimum age of employment (Labour Law art. 15)


def _money(getter: Callable[[object], object]) -> Callable[[object, int], str]:
    def compute(item: object, _row: int) -> str:
        value = getter(item)
        return money_text(value) if value is not None else ""  # type: ignore[arg-type]

    return compute


def _pct(ratio: Decimal | None) -> str:
    return percent(ratio, empty="")


def _line_margin(show: Callable[[Decimal], str]) -> Callable[[object, int], str]:
    def compute(item: object, _row: int) -> str:
        assert isinstance(item, ProductLine)
        return show(ONE - item.unit_cost / item.unit_price) if item.unit_price and item.unit_cost else ""

    return compute


def _assets() -> tuple[Column, ...]:
    return (
        Column("label", tr("名称")),  # every row has a name; the category is often cash, the default
        Column("category", tr("类别")),
        Column("amount", tr("金额")),
        Column("scope", tr("归属")),
        Column("note", tr("备注")),
    )


def _stock() -> tuple[Column, ...]:
    return (
        Column("label", tr("品名")),
        Column("quantity", tr("数量")),
        Column("unit_cost", tr("单位成本")),
        Column("amount", tr("金额"), compute=_money(lambda s: s.amount)),  # type: ignore[attr-defined]
        Column("category", tr("类别")),  # most stock is goods (the default): Enter passes it at a row's end
    )


def _fixed_assets() -> tuple[Column, ...]:
    return (
        Column("label", tr("名称")),
        Column("category", tr("类别")),
        Column("present_value", tr("现值")),
        Column("scope", tr("归属")),
        Column("original_value", tr("原值")),
        Column("depreciation", tr("折旧"), compute=_money(lambda f: f.depreciation)),  # type: ignore[attr-defined]
        Column("acquired_on", tr("购置日期")),
        Column("quantity", tr("数量")),
    )


def _receivables() -> tuple[Column, ...]:
    return (
        Column("counterparty", tr("客户")),
        Column("amount", tr("金额")),
        Column("terms", tr("结算条件")),
        Column("age_days", tr("账龄（天）")),
    )


def _payables() -> tuple[Column, ...]:
    return (
        Column("counterparty", tr("对方")),
        Column("amount", tr("金额")),
        Column("terms", tr("结算条件")),
        Column("kind", tr("类别")),
        Column("age_days", tr("账龄（天）")),
    )


def _debts() -> tuple[Column, ...]:
    return (
        Column("lender", tr("债权人")),
        Column("kind", tr("类别")),
        Column("scope", tr("归属")),
        Column("balance", tr("余额")),
        Column("monthly_instalment", tr("月还款额")),
        Column("monthly_interest", tr("其中月利息")),
        Column("remaining_months", tr("剩余期数")),
        Column("long_term", tr("长期")),
        Column("original_amount", tr("原始金额")),
        Column("start_date", tr("起始日期")),
        Column("purpose", tr("用途")),
    )


def _off_balance() -> tuple[Column, ...]:
    return (
        Column("label", tr("名称")),
        Column("value", tr("价值")),
        Column("is_liability", tr("属负债")),
        Column("note", tr("备注")),
    )


def _guarantees() -> tuple[Column, ...]:
    return (
        Column("beneficiary", tr("被担保人")),
        Column("amount", tr("担保金额")),
        Column("lender", tr("债权人")),
        Column("note", tr("备注")),
    )


def _products() -> tuple[Column, ...]:
    return (
        Column("name", tr("产品")),
        Column("share", tr("销售占比")),
        Column("unit_price", tr("售价")),
        Column("unit_cost", tr("进价")),
        # A line's margin on its buying price, and the same as a mark-up (read-only: price and cost decide).
        Column("margin", tr("毛利率"), compute=_line_margin(_pct)),
        Column(
            "markup", tr("加价率"), compute=_line_margin(lambda m: percent(markup_of_margin(m), empty=""))
        ),
        Column("quantity", tr("平季月销量")),
        Column("material", tr("材料")),
        Column("piece_wage", tr("计件工资")),
        Column("kwh", tr("耗电 kWh")),
        Column("labour_hours", tr("工时")),
        Column("unit", tr("单位")),
    )


def _expenses() -> tuple[Column, ...]:
    return (Column("label", tr("项目")), Column("amount", tr("月金额")), Column("note", tr("备注")))


def _variable_expenses() -> tuple[Column, ...]:
    return (Column("label", tr("项目")), Column("rate", tr("占销售额比例")))


def _equity_items() -> tuple[Column, ...]:
    return (
        Column("label", tr("项目")),
        Column("amount", tr("金额")),
        Column("times", tr("倍数（月数）")),
        Column("value", tr("合计"), compute=_money(lambda e: e.value)),  # type: ignore[attr-defined]
        Column("note", tr("备注")),
    )


def _equity_passes() -> tuple[Column, ...]:
    return (
        Column("label", tr("轮次")),
        Column("total_assets", tr("总资产")),
        Column("total_liabilities", tr("总负债")),
        Column("expected_equity", tr("应有权益")),
        Column("period_profit", tr("期间利润")),
        Column("recorded_on", tr("日期")),
        Column("finding", tr("发现")),
    )


def _guarantors() -> tuple[Column, ...]:
    return (
        Column("name", tr("姓名")),
        Column("role", tr("身份")),
        Column("relationship", tr("与借款人关系")),
        Column("occupation", tr("职业")),
        Column("monthly_income", tr("月收入")),
        Column("assets", tr("资产")),
        Column("liabilities", tr("负债")),
        Column("id_number", tr("证件号码")),
        Column("credit_record", tr("信用记录")),
        Column("willingness", tr("担保意愿")),
    )


def _collateral() -> tuple[Column, ...]:
    return (
        Column("kind", tr("类别")),
        Column("description", tr("描述")),
        Column("owner", tr("所有人")),
        Column("value", tr("评估价值")),
        Column("loan_to_value", tr("抵押率")),
        Column("certificate_number", tr("权证号")),
        Column("appraiser", tr("评估人")),
    )


def _evidence() -> tuple[Column, ...]:
    return (
        Column("id", tr("编号")),
        Column("kind", tr("类别")),
        Column("title", tr("标题")),
        Column("source", tr("来源")),
        Column("taken_on", tr("日期")),
        Column("file_name", tr("文件名")),
        Column("note", tr("备注")),
    )


def _is_child(member: HouseholdMember) -> bool:
    return member.relationship == Relationship.CHILD


def _of_working_age(member: HouseholdMember) -> bool:
    """Not known to be under 16, the legal working age in China: work and income may apply."""
    return member.age is None or member.age >= WORKING_AGE


def _members() -> tuple[Column, ...]:
    # Relationship and age, typed first, decide what applies: a child's school status, an adult's
    # work and income (Tab passes the rest).
    return (
        Column("name", tr("姓名")),
        Column("relationship", tr("关系")),
        Column("age", tr("年龄")),
        Column("occupation", tr("职业"), applies=_of_working_age),
        Column("child_status", tr("子女状况"), applies=_is_child),
        Column("works_in_business", tr("参与经营"), applies=_of_working_age),
        Column("monthly_income", tr("月收入"), applies=_of_working_age),
        Column("dependent", tr("被抚养")),
    )


def _counterparties() -> tuple[Column, ...]:
    return (
        Column("name", tr("名称")),
        Column("payment_terms", tr("结算方式")),
        Column("share", tr("占比")),
        Column("years", tr("合作年限")),
    )


def _credit_records() -> tuple[Column, ...]:
    return (
        Column("lender", tr("机构")),
        Column("kind", tr("类型")),
        Column("amount", tr("金额")),
        Column("balance", tr("余额")),
        Column("guarantee", tr("担保方式")),
        Column("overdue", tr("逾期情况")),
    )


def _funds() -> tuple[Column, ...]:
    return (
        Column("label", tr("项目")),
        Column("amount", tr("金额")),
        Column("family", tr("需求类型")),
        Column("note", tr("备注")),
    )


def _soft_factors() -> tuple[Column, ...]:
    return (
        Column("factor", tr("因素"), choices=soft_factor_choices),
        Column("option", tr("选项"), choices=soft_option_choices),
        Column("note", tr("备注")),
    )


def _soft_checks() -> tuple[Column, ...]:
    return (
        Column("topic", tr("事项")),
        Column("source_a", tr("来源甲")),
        Column("statement_a", tr("说法甲")),
        Column("source_b", tr("来源乙")),
        Column("statement_b", tr("说法乙")),
        Column("consistent", tr("一致")),
        Column("note", tr("备注")),
    )


def _margin_items() -> tuple[Column, ...]:
    return (
        Column("name", tr("商品")),
        Column("cost", tr("进价"), kind=Kind.MONEY),
        Column("price", tr("售价"), kind=Kind.MONEY),
        Column("weight", tr("权重")),
    )


def _income_sources() -> tuple[Column, ...]:
    return (Column("source", tr("来源")), Column("monthly", tr("月收入"), kind=Kind.MONEY))


def _cross_checks() -> tuple[Column, ...]:
    return (
        Column("id", tr("编号")),
        Column("method", tr("方法"), editable=False),
        Column("title", tr("说明")),
        Column("target", tr("检验对象"), editable=False),
    )


COLUMNS: dict[type, Callable[[], tuple[Column, ...]]] = {
    AssetItem: _assets,
    StockItem: _stock,
    FixedAsset: _fixed_assets,
    Receivable: _receivables,
    Payable: _payables,
    Debt: _debts,
    OffBalanceItem: _off_balance,
    GuaranteeGiven: _guarantees,
    ProductLine: _products,
    ExpenseItem: _expenses,
    VariableExpense: _variable_expenses,
    EquityItem: _equity_items,
    EquityPass: _equity_passes,
    Guarantor: _guarantors,
    Collateral: _collateral,
    Evidence: _evidence,
    HouseholdMember: _members,
    Counterparty: _counterparties,
    CreditRecord: _credit_records,
    FundsLine: _funds,
    SoftFactor: _soft_factors,
    SoftCheck: _soft_checks,
    MarginItem: _margin_items,
    IncomeSource: _income_sources,
    CrossCheck: _cross_checks,
}


def columns_for(item_type: type) -> tuple[Column, ...]:
    """The column spec of a list whose items are ``item_type``."""
    return COLUMNS[item_type]()
