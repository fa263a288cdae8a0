"""Reconstructed balance sheet (资产负债表还原) with its detail lists and totals.

Assets at present value, stock at cost, only what the family really owns. Household assets
and debts belong to the same sheet (IPC treats family and business as one unit); each line
says its scope so business and household equity can be shown apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from workbench.domain.fields import Amount, Count, Factor, Months, Text, UnitPrice
from workbench.domain.money import ZERO
from workbench.domain.row_ids import Row, check_unique_row_ids


class Scope(StrEnum):
    BUSINESS = "business"
    HOUSEHOLD = "household"


class SheetKind(StrEnum):
    CURRENT = "current"  # 本期
    PRIOR = "prior"  # 上期
    INITIAL = "initial"  # 初始权益点


class AssetCategory(StrEnum):
    """Plain asset lines; stock, fixed assets and receivables have their own detail lists."""

    CASH = "cash"  # 现金
    BANK = "bank"  # 银行存款、微信/支付宝余额
    PREPAYMENT = "prepayment"  # 预付账款、预付/待摊租金
    OTHER_BUSINESS = "other_business"  # 押金等其他经营资产
    LOAN_TO_OTHERS = "loan_to_others"  # 对外债权
    INVESTMENT = "investment"  # 投资性资产
    DEPOSIT = "deposit"  # 家庭存款/理财
    OTHER = "other"  # 其他非经营资产


LIQUID_CATEGORIES = frozenset({AssetCategory.CASH, AssetCategory.BANK, AssetCategory.DEPOSIT})
CURRENT_CATEGORIES = frozenset({AssetCategory.CASH, AssetCategory.BANK, AssetCategory.PREPAYMENT})


@dataclass(frozen=True, slots=True)
class AssetItem(Row):
    """A counted or documented asset line (cash in till, bank balance, rent deposit …)."""

    category: AssetCategory
    label: Text
    amount: Amount
    scope: Scope = Scope.BUSINESS
    note: Text = ""
    evidence: tuple[Text, ...] = ()


class StockCategory(StrEnum):
    GOODS = "goods"  # 商品
    RAW_MATERIAL = "raw_material"  # 原材料
    WORK_IN_PROGRESS = "work_in_progress"  # 在产品
    FINISHED = "finished"  # 产成品


@dataclass(frozen=True, slots=True)
class StockItem(Row):
    """存货明细: quantity × unit cost (at cost, not selling price)."""

    label: Text
    quantity: Factor
    unit_cost: UnitPrice
    category: StockCategory = StockCategory.GOODS
    evidence: tuple[Text, ...] = ()

    @property
    def amount(self) -> Decimal:
        return self.quantity * self.unit_cost


class FixedCategory(StrEnum):
    EQUIPMENT = "equipment"
    VEHICLE = "vehicle"
    FIXTURES = "fixtures"
    RENOVATION = "renovation"
    PREMISES = "premises"
    REAL_ESTATE = "real_estate"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class FixedAsset(Row):
    """固定资产明细: original value and present value of the whole line (all ``quantity`` units);
    depreciation is their difference."""

    label: Text
    present_value: Amount
    original_value: Amount | None = None
    category: FixedCategory = FixedCategory.EQUIPMENT
    scope: Scope = Scope.BUSINESS
    quantity: Count = 1
    acquired_on: date | None = None
    evidence: tuple[Text, ...] = ()

    @property
    def depreciation(self) -> Decimal:
        """原值 − 现值 (negative when the asset gained value)."""
        return (
            self.original_value if self.original_value is not None else self.present_value
        ) - self.present_value

    @property
    def depreciation_rate(self) -> Decimal | None:
        """折旧率 = 折旧金额 / 原值 (as the reference micro-credit system computes it)."""
        if not self.original_value:
            return None
        return self.depreciation / self.original_value


@dataclass(frozen=True, slots=True)
class Receivable(Row):
    """应收账款明细 by customer."""

    counterparty: Text
    amount: Amount
    age_days: Count | None = None
    terms: Text = ""
    evidence: tuple[Text, ...] = ()


class PayableKind(StrEnum):
    PAYABLE = "payable"  # 应付账款
    OTHER_PAYABLE = "other_payable"  # 其他应付款
    ADVANCE_RECEIVED = "advance_received"  # 预收账款


@dataclass(frozen=True, slots=True)
class Payable(Row):
    """应付/预收明细 by counterparty."""

    counterparty: Text
    amount: Amount
    kind: PayableKind = PayableKind.PAYABLE
    age_days: Count | None = None
    terms: Text = ""
    evidence: tuple[Text, ...] = ()


class DebtKind(StrEnum):
    BANK = "bank"  # 银行贷款
    OTHER_INSTITUTION = "other_institution"  # 其他机构贷款
    CREDIT_CARD = "credit_card"  # 信用卡透支
    PRIVATE = "private"  # 个人借款
    MORTGAGE = "mortgage"  # 按揭
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Debt(Row):
    """负债明细. Its monthly instalment feeds the P&L (分期还款 经营 / 私人用途 by scope)."""

    lender: Text
    balance: Amount
    kind: DebtKind = DebtKind.BANK
    scope: Scope = Scope.BUSINESS
    original_amount: Amount | None = None
    monthly_instalment: Amount = ZERO
    monthly_interest: Amount = ZERO
    remaining_months: Months | None = None
    long_term: bool = False
    start_date: date | None = None
    purpose: Text = ""
    guarantee: Text = ""
    evidence: tuple[Text, ...] = ()


@dataclass(frozen=True, slots=True)
class OffBalanceItem(Row):
    """表外资产/负债: shown and evaluated, not added to the totals."""

    label: Text
    value: Amount
    is_liability: bool = False
    note: Text = ""


@dataclass(frozen=True, slots=True)
class GuaranteeGiven(Row):
    """对外担保 (contingent liability): shown, flagged, not added to TL."""

    beneficiary: Text
    amount: Amount
    lender: Text = ""
    note: Text = ""


@dataclass(frozen=True, slots=True)
class BalanceSheet:
    """A reconstructed balance sheet at one date."""

    date: date | None = None
    kind: SheetKind = SheetKind.CURRENT
    assets: tuple[AssetItem, ...] = ()
    stock: tuple[StockItem, ...] = ()
    fixed_assets: tuple[FixedAsset, ...] = ()
    receivables: tuple[Receivable, ...] = ()
    payables: tuple[Payable, ...] = ()
    debts: tuple[Debt, ...] = ()
    off_balance: tuple[OffBalanceItem, ...] = ()
    guarantees_given: tuple[GuaranteeGiven, ...] = ()

    def __post_init__(self) -> None:
        check_unique_row_ids(self, *SHEET_LISTS)


SHEET_LISTS = (
    "assets",
    "stock",
    "fixed_assets",
    "receivables",
    "payables",
    "debts",
    "off_balance",
    "guarantees_given",
)


@dataclass(frozen=True, slots=True)
class BalanceTotals:
    """The sheet's subtotals (exact Decimals; shown rounded to the cent)."""

    cash: Decimal
    bank: Decimal
    liquid: Decimal
    receivables: Decimal
    prepayments: Decimal
    inventory: Decimal
    raw_materials: Decimal
    current_assets: Decimal
    household_current_assets: Decimal
    fixed_assets: Decimal
    other_assets: Decimal
    business_assets: Decimal
    household_assets: Decimal
    total_assets: Decimal
    payables: Decimal
    advances_received: Decimal
    short_debts: Decimal
    current_liabilities: Decimal
    long_term_liabilities: Decimal
    business_liabilities: Decimal
    household_liabilities: Decimal
    total_liabilities: Decimal
    equity: Decimal
    business_equity: Decimal
    household_equity: Decimal
    off_balance_assets: Decimal
    off_balance_liabilities: Decimal
    guarantees_given: Decimal


def _sum(values: object) -> Decimal:
    return sum(values, ZERO)  # type: ignore[call-overload,no-any-return]


def compute_totals(sheet: BalanceSheet) -> BalanceTotals:
    """Add up a balance sheet: TA, TL and E = TA − TL, split by scope and by current/fixed."""

    def assets_in(*cats: AssetCategory, scope: Scope | None = None) -> Decimal:
        return _sum(
            a.amount for a in sheet.assets if a.category in cats and (scope is None or a.scope is scope)
        )

    cash = assets_in(AssetCategory.CASH)
    bank = assets_in(AssetCategory.BANK)
    liquid = assets_in(*LIQUID_CATEGORIES)
    receivables = _sum(r.amount for r in sheet.receivables)
    prepayments = assets_in(AssetCategory.PREPAYMENT)
    inventory = _sum(s.amount for s in sheet.stock)
    raw = _sum(s.amount for s in sheet.stock if s.category is StockCategory.RAW_MATERIAL)
    business_cash_like = _sum(
        a.amount for a in sheet.assets if a.category in CURRENT_CATEGORIES and a.scope is Scope.BUSINESS
    )
    current_assets = business_cash_like + receivables + inventory
    # The household's cash, bank and deposits: as current as its credit card among the current liabilities.
    household_current = _sum(
        a.amount
        for a in sheet.assets
        if a.scope is Scope.HOUSEHOLD and a.category in CURRENT_CATEGORIES | LIQUID_CATEGORIES
    )
    fixed_business = _sum(f.present_value for f in sheet.fixed_assets if f.scope is Scope.BUSINESS)
    other_business = _sum(
        a.amount for a in sheet.assets if a.scope is Scope.BUSINESS and a.category not in CURRENT_CATEGORIES
    )
    business_assets = current_assets + fixed_business + other_business
    household_assets = _sum(a.amount for a in sheet.assets if a.scope is Scope.HOUSEHOLD) + _sum(
        f.present_value for f in sheet.fixed_assets if f.scope is Scope.HOUSEHOLD
    )
    total_assets = business_assets + household_assets

    payables = _sum(p.amount for p in sheet.payables if p.kind is not PayableKind.ADVANCE_RECEIVED)
    advances = _sum(p.amount for p in sheet.payables if p.kind is PayableKind.ADVANCE_RECEIVED)
    short_debts = _sum(d.balance for d in sheet.debts if not d.long_term)
    long_debts = _sum(d.balance for d in sheet.debts if d.long_term)
    current_liabilities = payables + advances + short_debts
    total_liabilities = current_liabilities + long_debts
    household_liabilities = _sum(d.balance for d in sheet.debts if d.scope is Scope.HOUSEHOLD)
    business_liabilities = total_liabilities - household_liabilities
    return BalanceTotals(
        cash=cash,
        bank=bank,
        liquid=liquid,
        receivables=receivables,
        prepayments=prepayments,
        inventory=inventory,
        raw_materials=raw,
        current_assets=current_assets,
        household_current_assets=household_current,
        fixed_assets=fixed_business,
        other_assets=other_business,
        business_assets=business_assets,
        household_assets=household_assets,
        total_assets=total_assets,
        payables=payables,
        advances_received=advances,
        short_debts=short_debts,
        current_liabilities=current_liabilities,
        long_term_liabilities=long_debts,
        business_liabilities=business_liabilities,
        household_liabilities=household_liabilities,
        total_liabilities=total_liabilities,
        equity=total_assets - total_liabilities,
        business_equity=business_assets - business_liabilities,
        household_equity=household_assets - household_liabilities,
        off_balance_assets=_sum(o.value for o in sheet.off_balance if not o.is_liability),
        off_balance_liabilities=_sum(o.value for o in sheet.off_balance if o.is_liability),
        guarantees_given=_sum(g.amount for g in sheet.guarantees_given),
    )
