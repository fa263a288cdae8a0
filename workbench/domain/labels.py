"""Chinese and English labels of the domain's choice values (enums), for the window and the PDF.

One table, so the officer reads the same words on screen and on paper. Keyed by (enum class, value):
StrEnum members of different enums with the same value compare equal (``Scope.BUSINESS ==
LoanClass.BUSINESS == "business"``), so the member alone is not a key. Check methods, repayment
methods and check statuses keep their own zh/en tables (``METHOD_LABELS``, ``STATUS_LABELS``);
they are folded in here so every enum of the case file has a label.
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

if TYPE_CHECKING:
    from enum import Enum

_PAIRS: tuple[tuple[Enum, str, str], ...] = (
    # parties
    (Sex.FEMALE, "女", "Female"),
    (Sex.MALE, "男", "Male"),
    (MaritalStatus.MARRIED, "已婚", "Married"),
    (MaritalStatus.SINGLE, "未婚", "Single"),
    (MaritalStatus.DIVORCED, "离婚", "Divorced"),
    (MaritalStatus.REMARRIED, "再婚", "Remarried"),
    (MaritalStatus.WIDOWED, "丧偶", "Widowed"),
    (Education.JUNIOR_OR_BELOW, "初中及以下", "Junior school or below"),
    (Education.SENIOR_OR_VOCATIONAL, "高中及技校", "Senior / vocational school"),
    (Education.UNIVERSITY, "大学及以上", "University or above"),
    (Hukou.LOCAL, "本地", "Local"),
    (Hukou.PROVINCE, "本省外地", "Elsewhere in the province"),
    (Hukou.OUT_OF_PROVINCE, "省外", "Other province"),
    (Housing.OWNED, "自有住房", "Owned home"),
    (Housing.MORTGAGED, "按揭住房", "Mortgaged home"),
    (Housing.RENTED, "租住", "Rented"),
    (Housing.FAMILY, "与家人同住", "Living with family"),
    (Relationship.SPOUSE, "配偶", "Spouse"),
    (Relationship.CHILD, "子女", "Child"),
    (Relationship.PARENT, "父母", "Parent"),
    (Relationship.SIBLING, "兄弟姐妹", "Sibling"),
    (Relationship.RELATIVE, "亲属", "Relative"),
    (Relationship.FRIEND, "朋友", "Friend"),
    (Relationship.BUSINESS_PARTNER, "合伙人", "Business partner"),
    (Relationship.OTHER, "其他", "Other"),
    (ChildStatus.PRESCHOOL, "学龄前", "Pre-school"),
    (ChildStatus.SCHOOL, "上学", "At school"),
    (ChildStatus.WORKING, "工作", "Working"),
    (ChildStatus.IDLE, "无业", "Not working"),
    (PremisesTenure.OWNED, "自有", "Owned"),
    (PremisesTenure.RENTED, "租赁", "Rented"),
    (PremisesTenure.FAMILY, "家庭提供", "Family-provided"),
    (PremisesTenure.OTHER, "其他", "Other"),
    (LegalForm.INDIVIDUAL, "个体工商户", "Individual business"),
    (LegalForm.SOLE_PROPRIETORSHIP, "个人独资企业", "Sole proprietorship"),
    (LegalForm.PARTNERSHIP, "合伙企业", "Partnership"),
    (LegalForm.COMPANY, "有限公司", "Limited company"),
    (LegalForm.FARM_HOUSEHOLD, "农户", "Farm household"),
    (LegalForm.UNREGISTERED, "未登记", "Unregistered"),
    (GuarantorRole.CO_BORROWER, "共同借款人", "Co-borrower"),
    (GuarantorRole.GUARANTOR, "保证人", "Guarantor"),
    (CollateralKind.PROPERTY, "房产", "Real estate"),
    (CollateralKind.VEHICLE, "车辆", "Vehicle"),
    (CollateralKind.EQUIPMENT, "设备", "Equipment"),
    (CollateralKind.DEPOSIT, "存单", "Certificate of deposit"),
    (CollateralKind.OTHER, "其他", "Other"),
    # balance sheet
    (Scope.BUSINESS, "经营", "Business"),
    (Scope.HOUSEHOLD, "家庭", "Household"),
    (SheetKind.CURRENT, "本期", "Current"),
    (SheetKind.PRIOR, "上期", "Prior"),
    (SheetKind.INITIAL, "初始权益点", "Initial equity point"),
    (AssetCategory.CASH, "现金", "Cash"),
    (AssetCategory.BANK, "银行存款及电子钱包", "Bank deposits and e-wallets"),
    (AssetCategory.PREPAYMENT, "预付账款及预付租金", "Prepayments and prepaid rent"),
    (AssetCategory.OTHER_BUSINESS, "其他经营资产（押金等）", "Other business assets (deposits etc.)"),
    (AssetCategory.LOAN_TO_OTHERS, "对外债权", "Loans to others"),
    (AssetCategory.INVESTMENT, "投资性资产", "Investments"),
    (AssetCategory.DEPOSIT, "家庭存款及理财", "Household deposits and wealth products"),
    (AssetCategory.OTHER, "其他非经营资产", "Other non-business assets"),
    (StockCategory.GOODS, "商品", "Goods"),
    (StockCategory.RAW_MATERIAL, "原材料", "Raw materials"),
    (StockCategory.WORK_IN_PROGRESS, "在产品", "Work in progress"),
    (StockCategory.FINISHED, "产成品", "Finished goods"),
    (FixedCategory.EQUIPMENT, "设备", "Equipment"),
    (FixedCategory.VEHICLE, "车辆", "Vehicle"),
    (FixedCategory.FIXTURES, "货架家具", "Shelves and furniture"),
    (FixedCategory.RENOVATION, "装修", "Renovation"),
    (FixedCategory.PREMISES, "经营场所", "Premises"),
    (FixedCategory.REAL_ESTATE, "房产", "Real estate"),
    (FixedCategory.OTHER, "其他", "Other"),
    (PayableKind.PAYABLE, "应付账款", "Payables"),
    (PayableKind.OTHER_PAYABLE, "其他应付款", "Other payables"),
    (PayableKind.ADVANCE_RECEIVED, "预收账款", "Advances received"),
    (DebtKind.BANK, "银行贷款", "Bank loan"),
    (DebtKind.OTHER_INSTITUTION, "其他机构贷款", "Other institution"),
    (DebtKind.CREDIT_CARD, "信用卡", "Credit card"),
    (DebtKind.PRIVATE, "个人借款", "Private loan"),
    (DebtKind.MORTGAGE, "按揭", "Mortgage"),
    (DebtKind.OTHER, "其他", "Other"),
    # profit and loss, request, soft information
    (Season.PEAK, "旺季", "Peak"),
    (Season.NORMAL, "平季", "Normal"),
    (Season.SLACK, "淡季", "Slack"),
    (RateKind.ANNUAL_PERCENT, "年利率 %", "Annual rate %"),
    (RateKind.MONTHLY_PERMILLE, "月息 ‰", "Monthly rate ‰"),
    (PurposeFamily.ASSET_WORKING_CAPITAL, "资产变动：营运投入", "Asset increase: working capital"),
    (PurposeFamily.ASSET_INVESTMENT, "资产变动：投资性支出", "Asset increase: investment"),
    (
        PurposeFamily.LIABILITY_DECREASE,
        "负债变动：偿还借款/供应商信用减少",
        "Liability decrease: repaying loans / less supplier credit",
    ),
    (
        PurposeFamily.EQUITY_DECREASE,
        "权益变动：亏损/大额家庭开支/拆伙",
        "Equity decrease: losses / large household spending / partner exit",
    ),
    (PurposeFamily.CONSUMPTION, "消费", "Consumption"),
    (Rating.POSITIVE, "正面", "Positive"),
    (Rating.NEUTRAL, "中性", "Neutral"),
    (Rating.NEGATIVE, "负面", "Negative"),
    # case
    (LoanClass.BUSINESS, "经营类", "Business loan"),
    (LoanClass.CONSUMER, "消费类", "Consumer loan"),
    (Stage.APPLY, "申请", "Application"),
    (Stage.ALLOT, "分配", "Assignment"),
    (Stage.INVESTIGATE, "调查", "Survey"),
    (Stage.APPROVAL, "审批", "Approval"),
    (Stage.CONTRACT, "合同", "Contract"),
    (Stage.SIGN, "签约", "Signing"),
    (Stage.LOAN, "放款", "Disbursement"),
    (Stage.AFTER_LOAN, "贷后", "After loan"),
    (Stage.CLEARANCE, "结清", "Cleared"),
    (Stage.REFUSED, "拒绝", "Refused"),
    (Stage.CANCELLED, "合同注销", "Contract cancelled"),
    # evidence
    (EvidenceKind.PHOTO, "照片", "Photo"),
    (EvidenceKind.DOCUMENT, "文件扫描件", "Document scan"),
    (EvidenceKind.STATEMENT, "流水/对账单", "Statement"),
    (EvidenceKind.OBSERVATION, "现场观察记录", "Observation note"),
    (EvidenceKind.INTERVIEW, "访谈记录", "Interview note"),
    (SourcePerson.CLIENT, "客户本人", "Client"),
    (SourcePerson.SPOUSE, "配偶", "Spouse"),
    (SourcePerson.EMPLOYEE, "雇员", "Employee"),
    (SourcePerson.NEIGHBOUR, "邻居", "Neighbour"),
    (SourcePerson.SUPPLIER, "供应商", "Supplier"),
    (SourcePerson.CUSTOMER, "客户的客户", "Client's customer"),
    (SourcePerson.OFFICER, "客户经理", "Loan officer"),
    (SourcePerson.OTHER, "其他", "Other"),
    # cross-checks and readiness
    (Target.SALES_MONTH, "月销售额", "Monthly sales"),
    (Target.SALES_ANNUAL, "年销售额", "Annual sales"),
    (Target.SEASONAL_FACTOR, "季节系数", "Seasonal factor"),
    (Target.LABOUR_CAPACITY, "劳动力产能", "Labour capacity"),
    (Target.GROSS_MARGIN, "毛利率", "Gross margin"),
    (Target.NET_PROFIT, "净利润", "Net profit"),
    (Target.INVENTORY, "存货", "Inventory"),
    (Target.RECEIVABLES, "应收账款", "Receivables"),
    (Target.EXPENSES, "营业费用", "Operating expenses"),
    (Target.HOUSEHOLD, "家庭开支", "Household expenses"),
    (Target.INCOME, "收入", "Income"),
    (Target.EQUITY, "权益", "Equity"),
    (Target.SOFT, "软信息", "Soft information"),
    (Severity.BLOCKING, "阻碍上会", "Blocking"),
    (Severity.ADVICE, "建议", "Advice"),
)

# Tables the domain already keeps in zh/en next to their enums.
_KEPT: tuple[tuple[Enum, dict[str, str]], ...] = (
    *METHOD_LABELS.items(),
    *SCHEDULE_LABELS.items(),
    *STATUS_LABELS.items(),
)

ENUM_LABELS: dict[tuple[type, str], tuple[str, str]] = {
    (type(member), str(member.value)): (zh, en) for member, zh, en in _PAIRS
} | {(type(member), str(member.value)): (names["zh"], names["en"]) for member, names in _KEPT}


def enum_label(member: Enum, lang: str) -> str:
    """The label of ``member`` in ``lang`` (``en`` English, anything else Chinese); its value if unknown."""
    pair = ENUM_LABELS.get((type(member), str(member.value)))
    if pair is None:
        return str(member.value)
    return pair[1] if lang == "en" else pair[0]
