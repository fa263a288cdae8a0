"""Labels of the domain's choice values (enums), for the window, the command line and the PDF.

One table, so the officer reads the same words on screen and on paper: the Chinese source texts
here, their English in the catalogue (``workbench.texts``). Keyed by (enum class, value): StrEnum
members of different enums with the same value compare equal (``Scope.BUSINESS ==
LoanClass.BUSINESS == "business"``), so the member alone is not a key. Check methods, repayment
methods and check statuses still keep their zh/en tables next to their enums in the domain
(``METHOD_LABELS``, ``STATUS_LABELS``); they are folded in here so every enum has a label.

Also the labels the command line and the reports share (the limits of the loan size).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.domain.balance_sheet import (
    AssetCategory,
    DebtKind,
    FixedCategory,
    PayableKind,
    Scope,
    SheetKind,
    StockCategory,
)
from workbench.domain.case_file import LoanClass, Stage
from workbench.domain.cross_checks import METHOD_LABELS, Target
from workbench.domain.evidence import EvidenceKind, SourcePerson
from workbench.domain.loan_request import PurposeFamily, RateKind
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
from workbench.domain.readiness import Severity
from workbench.domain.schedules import METHOD_LABELS as SCHEDULE_LABELS
from workbench.domain.soft_info import Rating
from workbench.domain.status import STATUS_LABELS
from workbench.texts import N_, gettext, pick_language

if TYPE_CHECKING:
    from enum import Enum

_PAIRS: tuple[tuple[Enum, str, str], ...] = (
    # parties
    (Sex.FEMALE, N_("女")),
    (Sex.MALE, N_("男")),
    (MaritalStatus.MARRIED, N_("已婚")),
    (MaritalStatus.SINGLE, N_("未婚")),
    (MaritalStatus.DIVORCED, N_("离婚")),
    (MaritalStatus.REMARRIED, N_("再婚")),
    (MaritalStatus.WIDOWED, N_("丧偶")),
    (Education.JUNIOR_OR_BELOW, N_("初中及以下")),
    (Education.SENIOR_OR_VOCATIONAL, N_("高中及技校")),
    (Education.UNIVERSITY, N_("大学及以上")),
    (Hukou.LOCAL, N_("本地")),
    (Hukou.PROVINCE, N_("本省外地")),
    (Hukou.OUT_OF_PROVINCE, N_("省外")),
    (Housing.OWNED, N_("自有住房")),
    (Housing.MORTGAGED, N_("按揭住房")),
    (Housing.RENTED, N_("租住")),
    (Housing.FAMILY, N_("与家人同住")),
    (Relationship.SPOUSE, N_("配偶")),
    (Relationship.CHILD, N_("子女")),
    (Relationship.PARENT, N_("父母")),
    (Relationship.SIBLING, N_("兄弟姐妹")),
    (Relationship.RELATIVE, N_("亲属")),
    (Relationship.FRIEND, N_("朋友")),
    (Relationship.BUSINESS_PARTNER, N_("合伙人")),
    (Relationship.OTHER, N_("其他")),
    (ChildStatus.PRESCHOOL, N_("学龄前")),
    (ChildStatus.SCHOOL, N_("上学")),
    (ChildStatus.WORKING, N_("工作")),
    (ChildStatus.IDLE, N_("无业")),
    (PremisesTenure.OWNED, N_("自有")),
    (PremisesTenure.RENTED, N_("租赁")),
    (PremisesTenure.FAMILY, N_("家庭提供")),
    (PremisesTenure.OTHER, N_("其他")),
    (LegalForm.INDIVIDUAL, N_("个体工商户")),
    (LegalForm.SOLE_PROPRIETORSHIP, N_("个人独资企业")),
    (LegalForm.PARTNERSHIP, N_("合伙企业")),
    (LegalForm.COMPANY, N_("有限公司")),
    (LegalForm.FARM_HOUSEHOLD, N_("农户")),
    (LegalForm.UNREGISTERED, N_("未登记")),
    (GuarantorRole.CO_BORROWER, N_("共同借款人")),
    (GuarantorRole.GUARANTOR, N_("保证人")),
    (CollateralKind.PROPERTY, N_("房产")),
    (CollateralKind.VEHICLE, N_("车辆")),
    (CollateralKind.EQUIPMENT, N_("设备")),
    (CollateralKind.DEPOSIT, N_("存单")),
    (CollateralKind.OTHER, N_("其他")),
    # balance sheet
    (Scope.BUSINESS, N_("经营")),
    (Scope.HOUSEHOLD, N_("家庭")),
    (SheetKind.CURRENT, N_("本期")),
    (SheetKind.PRIOR, N_("上期")),
    (SheetKind.INITIAL, N_("初始权益点")),
    (AssetCategory.CASH, N_("现金")),
    (AssetCategory.BANK, N_("银行存款及电子钱包")),
    (AssetCategory.PREPAYMENT, N_("预付账款及预付租金")),
    (AssetCategory.OTHER_BUSINESS, N_("其他经营资产（押金等）")),
    (AssetCategory.LOAN_TO_OTHERS, N_("对外债权")),
    (AssetCategory.INVESTMENT, N_("投资性资产")),
    (AssetCategory.DEPOSIT, N_("家庭存款及理财")),
    (AssetCategory.OTHER, N_("其他非经营资产")),
    (StockCategory.GOODS, N_("商品")),
    (StockCategory.RAW_MATERIAL, N_("原材料")),
    (StockCategory.WORK_IN_PROGRESS, N_("在产品")),
    (StockCategory.FINISHED, N_("产成品")),
    (FixedCategory.EQUIPMENT, N_("设备")),
    (FixedCategory.VEHICLE, N_("车辆")),
    (FixedCategory.FIXTURES, N_("货架家具")),
    (FixedCategory.RENOVATION, N_("装修")),
    (FixedCategory.PREMISES, N_("经营场所")),
    (FixedCategory.REAL_ESTATE, N_("房产")),
    (FixedCategory.OTHER, N_("其他")),
    (PayableKind.PAYABLE, N_("应付账款")),
    (PayableKind.OTHER_PAYABLE, N_("其他应付款")),
    (PayableKind.ADVANCE_RECEIVED, N_("预收账款")),
    (DebtKind.BANK, N_("银行贷款")),
    (DebtKind.OTHER_INSTITUTION, N_("其他机构贷款")),
    (DebtKind.CREDIT_CARD, N_("信用卡")),
    (DebtKind.PRIVATE, N_("个人借款")),
    (DebtKind.MORTGAGE, N_("按揭")),
    (DebtKind.OTHER, N_("其他")),
    # profit and loss, request, soft information
    (Season.PEAK, N_("旺季")),
    (Season.NORMAL, N_("平季")),
    (Season.SLACK, N_("淡季")),
    (RateKind.ANNUAL_PERCENT, N_("年利率 %")),
    (RateKind.MONTHLY_PERMILLE, N_("月息 ‰")),
    (PurposeFamily.ASSET_WORKING_CAPITAL, N_("资产变动：营运投入")),
    (PurposeFamily.ASSET_INVESTMENT, N_("资产变动：投资性支出")),
    (PurposeFamily.LIABILITY_DECREASE, N_("负债变动：偿还借款/供应商信用减少")),
    (PurposeFamily.EQUITY_DECREASE, N_("权益变动：亏损/大额家庭开支/拆伙")),
    (PurposeFamily.CONSUMPTION, N_("消费")),
    (Rating.POSITIVE, N_("正面")),
    (Rating.NEUTRAL, N_("中性")),
    (Rating.NEGATIVE, N_("负面")),
    # case
    (LoanClass.BUSINESS, N_("经营类")),
    (LoanClass.CONSUMER, N_("消费类")),
    (Stage.APPLY, N_("申请")),
    (Stage.ALLOT, N_("分配")),
    (Stage.INVESTIGATE, N_("调查")),
    (Stage.APPROVAL, N_("审批")),
    (Stage.CONTRACT, N_("合同")),
    (Stage.SIGN, N_("签约")),
    (Stage.LOAN, N_("放款")),
    (Stage.AFTER_LOAN, N_("贷后")),
    (Stage.CLEARANCE, N_("结清")),
    (Stage.REFUSED, N_("拒绝")),
    (Stage.CANCELLED, N_("合同注销")),
    # evidence
    (EvidenceKind.PHOTO, N_("照片")),
    (EvidenceKind.DOCUMENT, N_("文件扫描件")),
    (EvidenceKind.STATEMENT, N_("流水/对账单")),
    (EvidenceKind.OBSERVATION, N_("现场观察记录")),
    (EvidenceKind.INTERVIEW, N_("访谈记录")),
    (SourcePerson.CLIENT, N_("客户本人")),
    (SourcePerson.SPOUSE, N_("配偶")),
    (SourcePerson.EMPLOYEE, N_("雇员")),
    (SourcePerson.NEIGHBOUR, N_("邻居")),
    (SourcePerson.SUPPLIER, N_("供应商")),
    (SourcePerson.CUSTOMER, N_("客户的客户")),
    (SourcePerson.OFFICER, N_("客户经理")),
    (SourcePerson.OTHER, N_("其他")),
    # cross-checks and readiness
    (Target.SALES_MONTH, N_("月销售额")),
    (Target.SALES_ANNUAL, N_("年销售额")),
    (Target.SEASONAL_FACTOR, N_("季节系数")),
    (Target.LABOUR_CAPACITY, N_("劳动力产能")),
    (Target.GROSS_MARGIN, N_("毛利率")),
    (Target.NET_PROFIT, N_("净利润")),
    (Target.INVENTORY, N_("存货")),
    (Target.RECEIVABLES, N_("应收账款")),
    (Target.EXPENSES, N_("营业费用")),
    (Target.HOUSEHOLD, N_("家庭开支")),
    (Target.INCOME, N_("收入")),
    (Target.EQUITY, N_("权益")),
    (Target.SOFT, N_("软信息")),
    (Severity.BLOCKING, N_("阻碍上会")),
    (Severity.ADVICE, N_("建议")),
)

# Tables the domain still keeps in zh/en next to their enums.
_KEPT: tuple[tuple[Enum, dict[str, str]], ...] = (
    *METHOD_LABELS.items(),
    *SCHEDULE_LABELS.items(),
    *STATUS_LABELS.items(),
)

LABELS: dict[tuple[type, str], str] = {(type(member), str(member.value)): zh for member, zh in _PAIRS}
KEPT_LABELS: dict[tuple[type, str], dict[str, str]] = {
    (type(member), str(member.value)): names for member, names in _KEPT
}


def enum_label(member: Enum, lang: str) -> str:
    """The label of ``member`` in ``lang`` (``en`` English, anything else Chinese); its value if unknown."""
    key = (type(member), str(member.value))
    msgid = LABELS.get(key)
    if msgid is not None:
        return gettext(msgid, lang)
    kept = KEPT_LABELS.get(key)
    if kept is not None:
        return kept[pick_language(lang)]
    return str(member.value)


# The limits of the loan size, named by the command line (``calc``) and the survey report.
LIMIT_LABELS: dict[str, str] = {
    "request": N_("申请金额"),
    "capacity": N_("还款能力"),
    "purpose": N_("资金需求 − 自有资金"),
    "product_max": N_("产品上限"),
    "first_loan_cap": N_("首贷上限"),
}


def limit_label(key: str, lang: str) -> str:
    """A loan-size limit's name (``capacity`` → 还款能力), or the key itself."""
    msgid = LIMIT_LABELS.get(key)
    return key if msgid is None else gettext(msgid, lang)
