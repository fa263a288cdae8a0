"""Words of the printed reports, Simplified Chinese first, English second.

Sentences specific to one place sit next to their use as ``tr("中文", "English")``; labels of the
domain's choice values (enums), shared by several builders, are here. The domain labels what it
already knows (check methods, statuses, repayment methods, issues, figures) and is used as is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.domain.balance_sheet import (
    AssetCategory,
    DebtKind,
    FixedCategory,
    PayableKind,
    Scope,
    StockCategory,
)
from workbench.domain.case_file import LoanClass, Stage
from workbench.domain.evidence import EvidenceKind, SourcePerson
from workbench.domain.loan_request import PurposeFamily
from workbench.domain.parties import (
    ChildStatus,
    CollateralKind,
    Education,
    GuarantorRole,
    Housing,
    Hukou,
    LegalForm,
    MaritalStatus,
    PremisesTenure,
    Relationship,
    Sex,
)
from workbench.domain.profit_loss import Season
from workbench.domain.soft_info import Rating
from workbench.reports.inputs import DecisionKind, MemberRole, VoteKind

if TYPE_CHECKING:
    from enum import Enum

LANGUAGES = ("zh", "en")


@dataclass(frozen=True, slots=True)
class Tr:
    """Picks one of two wordings: ``tr("申请金额", "Requested amount")``."""

    lang: str

    def __call__(self, zh: str, en: str) -> str:
        return en if self.lang == "en" else zh

    @property
    def colon(self) -> str:
        return ": " if self.lang == "en" else "："

    @property
    def sep(self) -> str:
        """List separator."""
        return ", " if self.lang == "en" else "、"


def pick_lang(lang: str) -> str:
    """``en`` for English, anything else Chinese."""
    return "en" if lang.lower().startswith("en") else "zh"


ENUM_LABELS: dict[Enum, tuple[str, str]] = {
    Sex.FEMALE: ("女", "female"),
    Sex.MALE: ("男", "male"),
    MaritalStatus.MARRIED: ("已婚", "married"),
    MaritalStatus.SINGLE: ("未婚", "single"),
    MaritalStatus.DIVORCED: ("离婚", "divorced"),
    MaritalStatus.REMARRIED: ("再婚", "remarried"),
    MaritalStatus.WIDOWED: ("丧偶", "widowed"),
    Education.JUNIOR_OR_BELOW: ("初中及以下", "junior school or below"),
    Education.SENIOR_OR_VOCATIONAL: ("高中及技校", "senior / vocational school"),
    Education.UNIVERSITY: ("大学及以上", "university"),
    Hukou.LOCAL: ("本地", "local"),
    Hukou.PROVINCE: ("本省外地", "same province"),
    Hukou.OUT_OF_PROVINCE: ("省外", "other province"),
    Housing.OWNED: ("自有", "owned"),
    Housing.MORTGAGED: ("按揭", "mortgaged"),
    Housing.RENTED: ("租住", "rented"),
    Housing.FAMILY: ("与家人同住", "family home"),
    Relationship.SPOUSE: ("配偶", "spouse"),
    Relationship.CHILD: ("子女", "child"),
    Relationship.PARENT: ("父母", "parent"),
    Relationship.SIBLING: ("兄弟姐妹", "sibling"),
    Relationship.RELATIVE: ("亲属", "relative"),
    Relationship.FRIEND: ("朋友", "friend"),
    Relationship.BUSINESS_PARTNER: ("合伙人", "business partner"),
    Relationship.OTHER: ("其他", "other"),
    ChildStatus.PRESCHOOL: ("学龄前", "pre-school"),
    ChildStatus.SCHOOL: ("上学", "at school"),
    ChildStatus.WORKING: ("工作", "working"),
    ChildStatus.IDLE: ("无业", "not working"),
    PremisesTenure.OWNED: ("自有", "owned"),
    PremisesTenure.RENTED: ("租赁", "rented"),
    PremisesTenure.FAMILY: ("家庭提供", "family-provided"),
    PremisesTenure.OTHER: ("其他", "other"),
    LegalForm.INDIVIDUAL: ("个体工商户", "individual business"),
    LegalForm.SOLE_PROPRIETORSHIP: ("个人独资企业", "sole proprietorship"),
    LegalForm.PARTNERSHIP: ("合伙企业", "partnership"),
    LegalForm.COMPANY: ("有限公司", "company"),
    LegalForm.FARM_HOUSEHOLD: ("农户", "farm household"),
    LegalForm.UNREGISTERED: ("未登记", "unregistered"),
    GuarantorRole.CO_BORROWER: ("共同借款人", "co-borrower"),
    GuarantorRole.GUARANTOR: ("保证人", "guarantor"),
    CollateralKind.PROPERTY: ("房产", "property"),
    CollateralKind.VEHICLE: ("车辆", "vehicle"),
    CollateralKind.EQUIPMENT: ("设备", "equipment"),
    CollateralKind.DEPOSIT: ("存单", "deposit"),
    CollateralKind.OTHER: ("其他", "other"),
    AssetCategory.CASH: ("现金", "cash"),
    AssetCategory.BANK: ("银行存款", "bank & e-wallet"),
    AssetCategory.PREPAYMENT: ("预付账款", "prepayments"),
    AssetCategory.OTHER_BUSINESS: ("其他经营资产", "other business assets"),
    AssetCategory.LOAN_TO_OTHERS: ("对外债权", "loans to others"),
    AssetCategory.INVESTMENT: ("投资性资产", "investments"),
    AssetCategory.DEPOSIT: ("家庭存款/理财", "household deposits"),
    AssetCategory.OTHER: ("其他资产", "other assets"),
    StockCategory.GOODS: ("商品", "goods"),
    StockCategory.RAW_MATERIAL: ("原材料", "raw materials"),
    StockCategory.WORK_IN_PROGRESS: ("在产品", "work in progress"),
    StockCategory.FINISHED: ("产成品", "finished goods"),
    FixedCategory.EQUIPMENT: ("设备", "equipment"),
    FixedCategory.VEHICLE: ("车辆", "vehicle"),
    FixedCategory.FIXTURES: ("装置/货架", "fixtures"),
    FixedCategory.RENOVATION: ("装修", "renovation"),
    FixedCategory.PREMISES: ("经营场所", "premises"),
    FixedCategory.REAL_ESTATE: ("房产", "real estate"),
    FixedCategory.OTHER: ("其他", "other"),
    PayableKind.PAYABLE: ("应付账款", "payable"),
    PayableKind.OTHER_PAYABLE: ("其他应付款", "other payable"),
    PayableKind.ADVANCE_RECEIVED: ("预收账款", "advance received"),
    DebtKind.BANK: ("银行贷款", "bank loan"),
    DebtKind.OTHER_INSTITUTION: ("其他机构贷款", "other institution"),
    DebtKind.CREDIT_CARD: ("信用卡", "credit card"),
    DebtKind.PRIVATE: ("个人借款", "private loan"),
    DebtKind.MORTGAGE: ("按揭", "mortgage"),
    DebtKind.OTHER: ("其他", "other"),
    Scope.BUSINESS: ("经营", "business"),
    Scope.HOUSEHOLD: ("家庭", "household"),
    Season.PEAK: ("旺季", "peak"),
    Season.NORMAL: ("平季", "normal"),
    Season.SLACK: ("淡季", "slack"),
    PurposeFamily.ASSET_WORKING_CAPITAL: ("资产变动：营运投入", "asset increase: working capital"),
    PurposeFamily.ASSET_INVESTMENT: ("资产变动：投资性支出", "asset increase: investment"),
    PurposeFamily.LIABILITY_DECREASE: ("负债变动：偿还借款/供应商信用减少", "liability decrease"),
    PurposeFamily.EQUITY_DECREASE: ("权益变动：亏损/大额家庭开支/拆伙", "equity decrease"),
    PurposeFamily.CONSUMPTION: ("消费", "consumption"),
    Rating.POSITIVE: ("正面", "positive"),
    Rating.NEUTRAL: ("中性", "neutral"),
    Rating.NEGATIVE: ("负面", "negative"),
    LoanClass.BUSINESS: ("经营类", "business loan"),
    LoanClass.CONSUMER: ("消费类", "consumer loan"),
    Stage.APPLY: ("申请", "application"),
    Stage.ALLOT: ("分配", "assigned"),
    Stage.INVESTIGATE: ("调查", "survey"),
    Stage.APPROVAL: ("审批", "approval"),
    Stage.CONTRACT: ("合同", "contract"),
    Stage.SIGN: ("签约", "signed"),
    Stage.LOAN: ("放款", "disbursed"),
    Stage.AFTER_LOAN: ("贷后", "after loan"),
    Stage.CLEARANCE: ("结清", "repaid"),
    Stage.REFUSED: ("拒绝", "refused"),
    Stage.CANCELLED: ("合同注销", "cancelled"),
    EvidenceKind.PHOTO: ("照片", "photo"),
    EvidenceKind.DOCUMENT: ("文件扫描件", "document scan"),
    EvidenceKind.STATEMENT: ("流水/对账单", "statement"),
    EvidenceKind.OBSERVATION: ("现场观察记录", "observation"),
    EvidenceKind.INTERVIEW: ("访谈记录", "interview"),
    SourcePerson.CLIENT: ("客户本人", "client"),
    SourcePerson.SPOUSE: ("配偶", "spouse"),
    SourcePerson.EMPLOYEE: ("雇员", "employee"),
    SourcePerson.NEIGHBOUR: ("邻居", "neighbour"),
    SourcePerson.SUPPLIER: ("供应商", "supplier"),
    SourcePerson.CUSTOMER: ("客户的客户", "customer"),
    SourcePerson.OFFICER: ("客户经理", "loan officer"),
    SourcePerson.OTHER: ("其他", "other"),
    DecisionKind.APPROVED_AS_PROPOSED: ("批准贷款申请无改动", "approved as proposed"),
    DecisionKind.APPROVED_WITH_CHANGES: ("批准贷款申请有变更", "approved with changes"),
    DecisionKind.APPROVED_WITH_CONDITIONS: ("有条件批准", "approved with conditions"),
    DecisionKind.RETURNED_FOR_RESURVEY: ("退回补充调查", "returned for re-survey"),
    DecisionKind.DEFERRED: ("缓议", "deferred"),
    DecisionKind.REJECTED: ("拒绝贷款申请", "rejected"),
    VoteKind.APPROVE: ("同意", "approve"),
    VoteKind.APPROVE_WITH_CONDITIONS: ("有条件同意", "approve with conditions"),
    VoteKind.REDUCE_AMOUNT: ("同意（调减金额）", "approve a reduced amount"),
    VoteKind.REJECT: ("否决", "reject"),
    VoteKind.RETURN: ("退回补充调查", "return for re-survey"),
    VoteKind.DEFER: ("缓议", "defer"),
    MemberRole.CHAIR: ("主席", "chair"),
    MemberRole.MEMBER: ("委员", "member"),
    MemberRole.SECRETARY: ("记录人", "secretary"),
    MemberRole.PRESENTER: ("主办客户经理（陈述，不投票）", "presenting officer (no vote)"),
}

SOFT_FACTORS: dict[str, tuple[str, str]] = {
    "marriage": ("婚姻", "marriage"),
    "age": ("年龄", "age"),
    "business_years": ("经营年限", "years in business"),
    "residence_years": ("居住年限", "years at residence"),
    "property": ("财产状况", "property"),
    "credit_record": ("信用记录", "credit record"),
    "children": ("子女", "children"),
    "spouse": ("配偶", "spouse"),
}

LIMIT_LABELS: dict[str, tuple[str, str]] = {
    "request": ("申请金额", "requested amount"),
    "capacity": ("还款能力", "repayment capacity"),
    "purpose": ("资金需求 − 自有资金", "purpose need − own funds"),
    "product_max": ("产品上限", "product maximum"),
    "first_loan_cap": ("首贷上限", "first-loan cap"),
}

RATIO_LABELS: dict[str, tuple[str, str]] = {
    "debt_ratio": ("资产负债率", "debt ratio"),
    "current_ratio": ("流动比率", "current ratio"),
    "quick_ratio": ("速动比率", "quick ratio"),
    "cash_ratio": ("现金比率", "cash ratio"),
    "liquidity_to_liabilities": ("（现金+存款+应收）/总负债", "(cash + bank + receivables) / liabilities"),
    "inventory_days": ("存货周转天数", "inventory days"),
    "raw_material_days": ("原材料周转天数", "raw-material days"),
    "receivable_days": ("应收账款天数", "receivable days"),
    "ar_to_sales": ("应收款与月平均营业额对比", "receivables / monthly sales"),
    "stock_at_price_to_sales": ("存货可销售与月平均营业额对比", "stock at selling value / monthly sales"),
    "equity_to_household": ("权益与月家庭开支对比（月）", "equity / monthly household spending (months)"),
    "debt_to_sales": ("销货比（借款/年营业额）", "debts / annual sales"),
}

# Inputs of the cross-check methods, by field name.
INPUT_LABELS: dict[str, tuple[str, str]] = {
    "documented": ("记录销售额", "documented sales"),
    "coverage": ("覆盖比例", "coverage"),
    "months": ("月数", "months"),
    "tax_rate": ("税率", "tax rate"),
    "receipts": ("收款", "receipts"),
    "channel_share": ("渠道占比", "channel share"),
    "delta_receivables": ("应收变动", "Δ receivables"),
    "daily": ("日均销售", "daily sales"),
    "days": ("天数", "days"),
    "customers": ("客流", "customers"),
    "average_ticket": ("客单价", "average ticket"),
    "low": ("下限", "low"),
    "high": ("上限", "high"),
    "value": ("数值", "value"),
    "scale": ("倍数", "scale"),
    "stated": ("客户陈述", "stated"),
    "growth": ("增长率", "growth"),
    "wages_paid": ("已付工资", "wages paid"),
    "wage_share": ("工资占比", "wage share"),
    "purchases": ("进货额", "purchases"),
    "cost_share": ("成本占比", "cost share"),
    "weeks": ("周数", "weeks"),
    "delta_inventory": ("存货变动", "Δ inventory"),
    "line_share": ("品类占比", "line share"),
    "stated_annual": ("客户陈述年销售额", "stated annual sales"),
    "kwh": ("用电量 kWh", "kWh"),
    "base_kwh": ("基础用电 kWh", "base load kWh"),
    "kwh_per_1000": ("每千元耗电 kWh", "kWh per 1,000 CNY"),
    "kwh_a": ("月份 a 用电 kWh", "kWh month a"),
    "kwh_b": ("月份 b 用电 kWh", "kWh month b"),
    "month_a": ("月份 a", "month a"),
    "month_b": ("月份 b", "month b"),
    "material_share": ("材料占比", "material share"),
    "energy_share": ("电费占比", "energy share"),
    "purchase_share": ("进货成本占比", "purchase share"),
    "other_share": ("其他成本占比", "other cost share"),
    "sales": ("销售额", "sales"),
    "costs": ("成本合计", "costs"),
    "previous": ("上次盘点存货", "previous stock"),
    "cost_of_sales": ("销售成本", "cost of sales"),
    "workers": ("工人数", "workers"),
    "hours_per_day": ("每日工时", "hours per day"),
    "required_hours": ("所需工时", "hours needed"),
    "max_utilisation": ("最高利用率", "max utilisation"),
}

SHARE_INPUTS = frozenset(
    {
        "coverage",
        "tax_rate",
        "channel_share",
        "growth",
        "wage_share",
        "cost_share",
        "line_share",
        "material_share",
        "energy_share",
        "purchase_share",
        "other_share",
        "max_utilisation",
    }
)
COUNT_INPUTS = frozenset(
    {
        "months",
        "days",
        "weeks",
        "customers",
        "scale",
        "kwh",
        "base_kwh",
        "kwh_per_1000",
        "kwh_a",
        "kwh_b",
        "month_a",
        "month_b",
        "workers",
        "hours_per_day",
        "required_hours",
    }
)


def label(value: Enum | None, lang: str) -> str:
    """The printed word for a choice value; ``—`` for none."""
    if value is None:
        return "—"
    pair = ENUM_LABELS.get(value)
    if pair is None:
        return str(value.value)
    return pair[1] if lang == "en" else pair[0]


def pair_label(table: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    """A label from one of the (zh, en) tables, or the key itself."""
    pair = table.get(key)
    if pair is None:
        return key
    return pair[1] if lang == "en" else pair[0]
