"""Chinese labels (translated through Qt) for the domain's enums and check-input fields.

Enums whose names the domain already keeps in zh/en tables (check methods, repayment methods,
statuses) use those tables, so the window, the command line and the PDF say the same words.
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
from workbench.domain.cross_checks import METHOD_LABELS, CheckMethod, Target
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
from workbench.domain.schedules import Method
from workbench.domain.soft_info import Rating
from workbench.domain.status import STATUS_LABELS, Status
from workbench.ui.i18n import lang, tr

if TYPE_CHECKING:
    from enum import Enum

# Keyed by (enum class, value): StrEnum members of different enums with the same value compare
# equal (Scope.BUSINESS == LoanClass.BUSINESS == "business"), so the member alone is not a key.
_cache: dict[str, dict[tuple[type, str], str]] = {}
_field_cache: dict[str, dict[str, str]] = {}


def clear_cache() -> None:
    """Forget translated labels (after a language switch)."""
    _cache.clear()
    _field_cache.clear()


def _ui_labels() -> list[tuple[Enum, str]]:
    return [
        (AssetCategory.CASH, tr("现金")),
        (AssetCategory.BANK, tr("银行存款及电子钱包")),
        (AssetCategory.PREPAYMENT, tr("预付款及预付租金")),
        (AssetCategory.OTHER_BUSINESS, tr("其他经营资产（押金等）")),
        (AssetCategory.LOAN_TO_OTHERS, tr("对外借款")),
        (AssetCategory.INVESTMENT, tr("投资性资产")),
        (AssetCategory.DEPOSIT, tr("家庭存款及理财")),
        (AssetCategory.OTHER, tr("其他非经营资产")),
        (Scope.BUSINESS, tr("经营")),
        (Scope.HOUSEHOLD, tr("家庭")),
        (SheetKind.CURRENT, tr("本期")),
        (SheetKind.PRIOR, tr("上期")),
        (SheetKind.INITIAL, tr("初始权益点")),
        (StockCategory.GOODS, tr("商品")),
        (StockCategory.RAW_MATERIAL, tr("原材料")),
        (StockCategory.WORK_IN_PROGRESS, tr("在产品")),
        (StockCategory.FINISHED, tr("产成品")),
        (FixedCategory.EQUIPMENT, tr("设备")),
        (FixedCategory.VEHICLE, tr("车辆")),
        (FixedCategory.FIXTURES, tr("货架家具")),
        (FixedCategory.RENOVATION, tr("装修")),
        (FixedCategory.PREMISES, tr("经营场所")),
        (FixedCategory.REAL_ESTATE, tr("房产")),
        (FixedCategory.OTHER, tr("其他")),
        (PayableKind.PAYABLE, tr("应付账款")),
        (PayableKind.OTHER_PAYABLE, tr("其他应付款")),
        (PayableKind.ADVANCE_RECEIVED, tr("预收账款")),
        (DebtKind.BANK, tr("银行贷款")),
        (DebtKind.OTHER_INSTITUTION, tr("其他机构贷款")),
        (DebtKind.CREDIT_CARD, tr("信用卡")),
        (DebtKind.PRIVATE, tr("个人借款")),
        (DebtKind.MORTGAGE, tr("按揭")),
        (DebtKind.OTHER, tr("其他")),
        (Season.PEAK, tr("旺季")),
        (Season.NORMAL, tr("平季")),
        (Season.SLACK, tr("淡季")),
        (Sex.FEMALE, tr("女")),
        (Sex.MALE, tr("男")),
        (MaritalStatus.MARRIED, tr("已婚")),
        (MaritalStatus.SINGLE, tr("未婚")),
        (MaritalStatus.DIVORCED, tr("离婚")),
        (MaritalStatus.REMARRIED, tr("再婚")),
        (MaritalStatus.WIDOWED, tr("丧偶")),
        (Education.JUNIOR_OR_BELOW, tr("初中及以下")),
        (Education.SENIOR_OR_VOCATIONAL, tr("高中或中专")),
        (Education.UNIVERSITY, tr("大专及以上")),
        (Hukou.LOCAL, tr("本地")),
        (Hukou.PROVINCE, tr("本省外地")),
        (Hukou.OUT_OF_PROVINCE, tr("外省")),
        (Housing.OWNED, tr("自有住房")),
        (Housing.MORTGAGED, tr("按揭住房")),
        (Housing.RENTED, tr("租房")),
        (Housing.FAMILY, tr("与家人同住")),
        (Relationship.SPOUSE, tr("配偶")),
        (Relationship.CHILD, tr("子女")),
        (Relationship.PARENT, tr("父母")),
        (Relationship.SIBLING, tr("兄弟姐妹")),
        (Relationship.RELATIVE, tr("亲戚")),
        (Relationship.FRIEND, tr("朋友")),
        (Relationship.BUSINESS_PARTNER, tr("合伙人")),
        (Relationship.OTHER, tr("其他")),
        (ChildStatus.PRESCHOOL, tr("学龄前")),
        (ChildStatus.SCHOOL, tr("上学")),
        (ChildStatus.WORKING, tr("工作")),
        (ChildStatus.IDLE, tr("待业")),
        (PremisesTenure.OWNED, tr("自有")),
        (PremisesTenure.RENTED, tr("租赁")),
        (PremisesTenure.FAMILY, tr("家人提供")),
        (PremisesTenure.OTHER, tr("其他")),
        (LegalForm.INDIVIDUAL, tr("个体工商户")),
        (LegalForm.SOLE_PROPRIETORSHIP, tr("个人独资企业")),
        (LegalForm.PARTNERSHIP, tr("合伙企业")),
        (LegalForm.COMPANY, tr("公司")),
        (LegalForm.FARM_HOUSEHOLD, tr("农户")),
        (LegalForm.UNREGISTERED, tr("未登记")),
        (GuarantorRole.CO_BORROWER, tr("共同借款人")),
        (GuarantorRole.GUARANTOR, tr("保证人")),
        (CollateralKind.PROPERTY, tr("房产")),
        (CollateralKind.VEHICLE, tr("车辆")),
        (CollateralKind.EQUIPMENT, tr("设备")),
        (CollateralKind.DEPOSIT, tr("存单")),
        (CollateralKind.OTHER, tr("其他")),
        (RateKind.ANNUAL_PERCENT, tr("年利率 %")),
        (RateKind.MONTHLY_PERMILLE, tr("月息 ‰")),
        (PurposeFamily.ASSET_WORKING_CAPITAL, tr("营运投入")),
        (PurposeFamily.ASSET_INVESTMENT, tr("投资性支出")),
        (PurposeFamily.LIABILITY_DECREASE, tr("偿还负债")),
        (PurposeFamily.EQUITY_DECREASE, tr("权益减少")),
        (PurposeFamily.CONSUMPTION, tr("消费")),
        (Rating.POSITIVE, tr("正面")),
        (Rating.NEUTRAL, tr("中性")),
        (Rating.NEGATIVE, tr("负面")),
        (EvidenceKind.PHOTO, tr("照片")),
        (EvidenceKind.DOCUMENT, tr("文件")),
        (EvidenceKind.STATEMENT, tr("流水")),
        (EvidenceKind.OBSERVATION, tr("现场观察")),
        (EvidenceKind.INTERVIEW, tr("访谈")),
        (SourcePerson.CLIENT, tr("客户本人")),
        (SourcePerson.SPOUSE, tr("配偶")),
        (SourcePerson.EMPLOYEE, tr("员工")),
        (SourcePerson.NEIGHBOUR, tr("邻居")),
        (SourcePerson.SUPPLIER, tr("供应商")),
        (SourcePerson.CUSTOMER, tr("顾客")),
        (SourcePerson.OFFICER, tr("客户经理")),
        (SourcePerson.OTHER, tr("其他")),
        (Target.SALES_MONTH, tr("月销售额")),
        (Target.SALES_ANNUAL, tr("年销售额")),
        (Target.SEASONAL_FACTOR, tr("季节系数")),
        (Target.LABOUR_CAPACITY, tr("劳动力产能")),
        (Target.GROSS_MARGIN, tr("毛利率")),
        (Target.NET_PROFIT, tr("净利润")),
        (Target.INVENTORY, tr("存货")),
        (Target.RECEIVABLES, tr("应收账款")),
        (Target.EXPENSES, tr("营业费用")),
        (Target.HOUSEHOLD, tr("家庭开支")),
        (Target.INCOME, tr("收入")),
        (Target.EQUITY, tr("权益")),
        (Target.SOFT, tr("软信息")),
        (LoanClass.BUSINESS, tr("经营类")),
        (LoanClass.CONSUMER, tr("消费类")),
        (Stage.APPLY, tr("申请")),
        (Stage.ALLOT, tr("分配")),
        (Stage.INVESTIGATE, tr("调查")),
        (Stage.APPROVAL, tr("审批")),
        (Stage.CONTRACT, tr("合同")),
        (Stage.SIGN, tr("签约")),
        (Stage.LOAN, tr("放款")),
        (Stage.AFTER_LOAN, tr("贷后")),
        (Stage.CLEARANCE, tr("结清")),
        (Stage.REFUSED, tr("拒绝")),
        (Stage.CANCELLED, tr("取消")),
        (Severity.BLOCKING, tr("阻碍上会")),
        (Severity.ADVICE, tr("建议")),
    ]


def enum_label(member: Enum) -> str:
    """The label of an enum member in the current language (its value if none is known)."""
    language = lang()
    table = _cache.get(language)
    if table is None:
        pairs: list[tuple[Enum, str]] = _ui_labels()
        pairs += [(m, f"{m.value} {METHOD_LABELS[m][language]}") for m in CheckMethod]
        pairs += [(m, SCHEDULE_LABELS[m][language]) for m in Method]
        pairs += [(s, STATUS_LABELS[s][language]) for s in Status]
        table = {(type(m), str(m.value)): text for m, text in pairs}
        _cache[language] = table
    return table.get((type(member), str(member.value)), str(member.value))


def field_label(name: str) -> str:
    """The label of a check-input field (``documented`` → 凭证销售额); the name itself if unknown."""
    language = lang()
    table = _field_cache.get(language)
    if table is None:
        table = _input_labels()
        _field_cache[language] = table
    return table.get(name, name)


def _input_labels() -> dict[str, str]:
    return {
        "documented": tr("凭证记录销售额"),
        "coverage": tr("凭证覆盖销售比例"),
        "months": tr("月数"),
        "tax_rate": tr("税率"),
        "receipts": tr("渠道收款额"),
        "channel_share": tr("该渠道收款占比"),
        "delta_receivables": tr("应收账款变动"),
        "daily": tr("日均销售额"),
        "days": tr("月营业天数"),
        "customers": tr("日均客户数"),
        "average_ticket": tr("客单价"),
        "low": tr("区间下限"),
        "high": tr("区间上限"),
        "value": tr("检验值"),
        "scale": tr("换算倍数"),
        "stated": tr("以往期间数额"),
        "growth": tr("增长率"),
        "wages_paid": tr("已付工资或提成"),
        "wage_share": tr("工资占销售额比例"),
        "purchases": tr("进货额"),
        "cost_share": tr("成本占销售额比例"),
        "weeks": tr("周数"),
        "delta_inventory": tr("存货变动"),
        "line_share": tr("品类销售占比"),
        "stated_annual": tr("客户自述年销售额"),
        "kwh": tr("用电量 kWh"),
        "base_kwh": tr("基础用电量 kWh"),
        "kwh_per_1000": tr("每千元产值耗电 kWh"),
        "kwh_a": tr("月份甲用电量 kWh"),
        "kwh_b": tr("月份乙用电量 kWh"),
        "month_a": tr("月份甲"),
        "month_b": tr("月份乙"),
        "material_share": tr("材料占比"),
        "energy_share": tr("电费占比"),
        "purchase_share": tr("进货成本占比"),
        "other_share": tr("其他成本占比"),
        "sales": tr("销售额"),
        "costs": tr("成本费用合计"),
        "previous": tr("上次盘点存货"),
        "cost_of_sales": tr("销售成本"),
        "workers": tr("劳动力人数"),
        "hours_per_day": tr("每日工时"),
        "required_hours": tr("所需工时"),
        "max_utilisation": tr("最高利用率"),
        "items": tr("抽样商品"),
        "sources": tr("收入来源"),
        "source_a": tr("信息来源甲"),
        "statement_a": tr("说法甲"),
        "source_b": tr("信息来源乙"),
        "statement_b": tr("说法乙"),
        "consistent": tr("两种说法一致"),
    }
