"""The words of the domain's values, for the window, the command line and the PDF.

The domain keeps keys (enum members, figure names, readiness codes); their words are here, as
Chinese source texts whose English is in the catalogue (``workbench.texts``), so the officer reads
the same words on screen and on paper. Enum labels are keyed by (enum class, value): StrEnum members
of different enums with the same value compare equal (``Scope.BUSINESS == LoanClass.BUSINESS ==
"business"``), so the member alone is not a key.

The tables named like the domain's old ``{key: {"zh": …, "en": …}}`` dicts read the same way
(``STATUS_LABELS[status][lang]``, a ``workbench.texts.Words``). Also the labels the command line
and the reports share (the limits of the loan size).
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
from workbench.domain.committee import Outcome, Vote
from workbench.domain.cross_checks import CheckMethod, Target
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
from workbench.domain.policy import DEFAULT_POLICY_NAME
from workbench.domain.profit_loss import Season
from workbench.domain.readiness import Severity
from workbench.domain.records import SignatureRole
from workbench.domain.schedules import Method
from workbench.domain.soft_info import Rating
from workbench.domain.status import Status
from workbench.texts import N_, NC_, Msg, Words, colon, gettext, text

if TYPE_CHECKING:
    from enum import Enum

_PAIRS: tuple[tuple[Enum, Msg], ...] = (
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
    (Target.DEBTS, N_("负债")),
    (Severity.BLOCKING, N_("阻碍上会")),
    (Severity.ADVICE, N_("建议")),
)

# Names of the check methods, repayment methods and statuses (also labels of their enums), the
# committee's votes and outcomes, the figures a check input may refer to (``=sales_avg``), the items
# the readiness checklist counts checks for and its findings (``Issue.code``).
CHECK_METHOD_LABELS: Words[CheckMethod] = Words(
    {
        CheckMethod.M1: N_("验证法"),
        CheckMethod.M1B: N_("银行/微信/支付宝流水"),
        CheckMethod.M2: N_("推估法"),
        CheckMethod.M3: N_("比率分析法"),
        CheckMethod.M4: N_("趋势分析法"),
        CheckMethod.M5: N_("同业比较法"),
        CheckMethod.M6: N_("工资提成法"),
        CheckMethod.M7: N_("进货量反推法"),
        CheckMethod.M8: N_("季节销售额与全年销售额对比法"),
        CheckMethod.M9: N_("用电量法"),
        CheckMethod.M9B: N_("用电量环比法"),
        CheckMethod.M10: N_("单位成本结构分析法"),
        CheckMethod.M11: N_("收入成本对比法"),
        CheckMethod.M12: N_("存货检验"),
        CheckMethod.M13: N_("产能检验"),
        CheckMethod.M14: N_("毛利率检验"),
        CheckMethod.M15: N_("收入检验"),
        CheckMethod.M16: N_("权益检验"),
        CheckMethod.M17: N_("逻辑检验"),
    }
)

SCHEDULE_METHOD_LABELS: Words[Method] = Words(
    {
        Method.ANNUITY: N_("等额本息"),
        Method.EQUAL_PRINCIPAL: N_("等额本金"),
        Method.FLAT: N_("平息法（按原始本金计息）"),
        Method.INTEREST_ONLY: N_("按月还息到期还本"),
        Method.BULLET: N_("一次性还本付息"),
        Method.SEASONAL: N_("灵活还款（按季节现金流）"),
    }
)

SIGNATURE_ROLE_LABELS: Words[SignatureRole] = Words(
    {
        SignatureRole.OFFICER: N_("主办客户经理"),
        SignatureRole.ASSISTANT: N_("协办客户经理"),
        SignatureRole.REVIEWER: N_("审查人"),
        SignatureRole.CHAIR: N_("审贷会主席"),
        SignatureRole.MEMBER: N_("贷审会委员"),
        SignatureRole.SECRETARY: N_("记录人"),
    }
)
"""The box a signer signs in, as the identity dialog offers it."""

STATUS_LABELS: Words[Status] = Words(
    {
        Status.OK: N_("通过"),
        Status.EXPLAIN: N_("需说明"),
        Status.FAIL: N_("不通过"),
    }
)

VOTE_LABELS: Words[Vote] = Words(
    {
        Vote.APPROVE_AS_PROPOSED: NC_("committee vote", "批准（无改动）"),
        Vote.APPROVE_WITH_CHANGES: NC_("committee vote", "批准（有变更）"),
        Vote.APPROVE_WITH_CONDITIONS: NC_("committee vote", "有条件批准"),
        Vote.RETURN_FOR_RESURVEY: NC_("committee vote", "退回重新调查"),
        Vote.DEFER: NC_("committee vote", "缓议"),
        Vote.REJECT: NC_("committee vote", "反对"),
    }
)

OUTCOME_LABELS: Words[Outcome] = Words(
    {
        Outcome.APPROVED_AS_PROPOSED: NC_("committee outcome", "按原方案批准"),
        Outcome.APPROVED_WITH_CHANGES: NC_("committee outcome", "调整方案后批准"),
        Outcome.APPROVED_WITH_CONDITIONS: NC_("committee outcome", "有条件批准"),
        Outcome.RETURNED_FOR_RESURVEY: NC_("committee outcome", "退回重新调查"),
        Outcome.DEFERRED: NC_("committee outcome", "缓议"),
        Outcome.REJECTED: NC_("committee outcome", "拒绝贷款申请"),
        Outcome.NO_QUORUM: NC_("committee outcome", "未达法定人数，未作决定"),
    }
)

FIGURE_LABELS: Words[str] = Words(
    {
        "sales_avg": NC_("figure", "月均销售额"),
        "sales_normal": NC_("figure", "平季月销售额"),
        "sales_peak": NC_("figure", "旺季月销售额"),
        "sales_slack": NC_("figure", "淡季月销售额"),
        "sales_annual": NC_("figure", "年销售额"),
        "gm_weighted": NC_("figure", "加权毛利率"),
        "cost_ratio": NC_("figure", "可变成本率 (1 − 毛利率)"),
        "purchase_ratio": NC_("figure", "进货成本占比"),
        "material_ratio": NC_("figure", "材料成本占比"),
        "wage_ratio": NC_("figure", "计件工资占比"),
        "energy_ratio": NC_("figure", "生产电费占比"),
        "kwh_per_1000": NC_("figure", "每千元产值耗电 kWh"),
        "labour_hours_normal": NC_("figure", "平季月所需工时"),
        "variable_costs_avg": NC_("figure", "月均可变成本"),
        "opex_avg": NC_("figure", "月均营业费用"),
        "op_profit_avg": NC_("figure", "月均经营利润"),
        "net_profit_avg": NC_("figure", "月均净利润"),
        "household_avg": NC_("figure", "月均家庭开支"),
        "other_income_avg": NC_("figure", "月均其他收入"),
        "disposable_avg": NC_("figure", "月均可支配资金"),
        "inventory": NC_("figure", "存货"),
        "raw_materials": NC_("figure", "原材料"),
        "receivables": NC_("figure", "应收账款"),
        "inventory_days": NC_("figure", "存货周转天数"),
        "raw_material_days": NC_("figure", "原材料周转天数"),
        "ar_to_sales": NC_("figure", "应收款/月销售额"),
        "stock_at_price_to_sales": NC_("figure", "存货售价/月销售额"),
        "TA": NC_("figure", "总资产"),
        "TL": NC_("figure", "总负债"),
        "E_act": NC_("figure", "实际权益"),
        "E_exp": NC_("figure", "应有权益"),
        "operating_days": NC_("figure", "每月营业天数"),
    }
)

ITEM_NAMES: Words[str] = Words(
    {
        "sales": NC_("readiness item", "销售额"),
        "gross_margin": NC_("readiness item", "毛利率"),
        "inventory": NC_("readiness item", "存货"),
        "receivables": NC_("readiness item", "应收账款"),
        "net_profit": NC_("readiness item", "净利润"),
        "expenses": NC_("readiness item", "营业费用"),
        "household": NC_("readiness item", "家庭开支"),
        "income": NC_("readiness item", "收入"),
        "equity": NC_("readiness item", "权益"),
        "soft": NC_("readiness item", "软信息"),
        "debts": NC_("readiness item", "负债"),
    }
)

ISSUE_TEXTS: Words[str] = Words(
    {
        "equity_missing": N_("经营类贷款缺少权益检验"),
        "equity_unexplained": N_("权益检验偏差 {deviation}（{status}）缺少书面说明"),
        "check_unexplained": N_("交叉检验 {subject} 偏差 {deviation}（{status}）缺少书面说明"),
        "too_few_checks": N_(
            "{subject} 只有 {count} 种有效交叉检验方法（已计算、有证据），至少需要 {minimum} 种"
        ),
        "inputs_missing": N_("交叉检验 {subject} 缺少输入，无法计算：{value}"),
        "method_required": N_("{subject} 须包含 {method} 方法的有效交叉检验"),
        "check_failed": N_(
            "交叉检验 {subject} 偏差 {deviation}（{status}）：须重新测算取代，或由复核人签署认可"
        ),
        "check_overridden": N_("交叉检验 {subject} 偏差 {deviation} 经 {reviewer} 复核认可：{reason}"),
        "few_checks_advice": N_("建议：{subject} 有 {count} 项交叉检验（建议至少 {minimum} 项）"),
        "no_capacity": N_("月可支配资金不足，无法支持任何贷款金额"),
        "request_zero": N_("申请金额为 0，无法提出建议金额"),
        "no_financing_gap": N_("资金需求扣除自有资金和其他来源后为 0，无需贷款"),
        "shares_not_full": N_("产品销售占比合计为 {total}，应为 100%"),
        "unknown_evidence": N_("{subject} 引用了不存在的证据 {value}"),
        "cash_shortfall": N_("现金流预测在 {month} 月降至 {balance}，低于最低余额 {minimum}"),
        "sized_to_cash": N_(
            "现金流预测在 {month} 月将降至 {balance}（最低余额 {minimum}），建议金额已降至 {amount}"
        ),
        # the request against its product (workbench.domain.calc.product_issues)
        "unknown_product": N_("授信政策中没有产品“{value}”，按产品“{product}”测算"),
        "method_not_offered": N_("产品“{product}”不提供还款方式 {value}"),
        "below_product_min": N_("申请金额 {value} 低于产品“{product}”的最低金额 {minimum}"),
        "term_below_product": N_("期限 {value} 个月短于产品“{product}”的最短期限 {minimum} 个月"),
        "rate_below_product": N_("利率 {value} 低于产品“{product}”的最低年利率 {minimum}"),
        # checks across the store (workbench.domain.store_links)
        "same_applicant_open": N_("申请人或其配偶已有另一笔未结案的申请：{case}（{stage}）"),
        "guarantee_ring": N_("互保圈：{ring}"),
        "loan_at_this_bank": N_(
            "建议：申请人家庭在本行已有贷款 {case}（{stage}），请确认其余额已计入负债且只计一次"
        ),
    }
)

LABELS: dict[tuple[type, str], Msg] = {
    (type(member), str(member.value)): msgid
    for member, msgid in (
        *_PAIRS,
        *CHECK_METHOD_LABELS.msgids.items(),
        *SCHEDULE_METHOD_LABELS.msgids.items(),
        *STATUS_LABELS.msgids.items(),
        *VOTE_LABELS.msgids.items(),
        *OUTCOME_LABELS.msgids.items(),
    )
}


def enum_label(member: Enum, lang: str) -> str:
    """The label of ``member`` in ``lang`` (``en`` English, anything else Chinese); its value if unknown."""
    msgid = LABELS.get((type(member), str(member.value)))
    return str(member.value) if msgid is None else gettext(msgid, lang)


# The months, 1月 … 12月 (Jan … Dec), for charts and tables.
MONTH_NAMES: tuple[Msg, ...] = (
    NC_("month", "1月"),
    NC_("month", "2月"),
    NC_("month", "3月"),
    NC_("month", "4月"),
    NC_("month", "5月"),
    NC_("month", "6月"),
    NC_("month", "7月"),
    NC_("month", "8月"),
    NC_("month", "9月"),
    NC_("month", "10月"),
    NC_("month", "11月"),
    NC_("month", "12月"),
)

# The inputs of the cross-check methods, by field name: the window's form, the comparison and the
# printed check matrix say the same words.
CHECK_INPUT_LABELS: Words[str] = Words(
    {
        "documented": NC_("check input", "凭证记录销售额"),
        "coverage": NC_("check input", "凭证覆盖销售比例"),
        "months": NC_("check input", "月数"),
        "tax_rate": NC_("check input", "税率"),
        "receipts": NC_("check input", "渠道收款额"),
        "channel_share": NC_("check input", "该渠道收款占比"),
        "delta_receivables": NC_("check input", "应收账款变动"),
        "daily": NC_("check input", "日均销售额"),
        "days": NC_("check input", "月营业天数"),
        "customers": NC_("check input", "日均客户数"),
        "average_ticket": NC_("check input", "客单价"),
        "low": NC_("check input", "区间下限"),
        "high": NC_("check input", "区间上限"),
        "value": NC_("check input", "检验值"),
        "scale": NC_("check input", "换算倍数"),
        "stated": NC_("check input", "以往期间数额"),
        "growth": NC_("check input", "增长率"),
        "wages_paid": NC_("check input", "已付工资或提成"),
        "wage_share": NC_("check input", "工资占销售额比例"),
        "purchases": NC_("check input", "进货额"),
        "cost_share": NC_("check input", "成本占销售额比例"),
        "weeks": NC_("check input", "周数"),
        "delta_inventory": NC_("check input", "存货变动"),
        "line_share": NC_("check input", "品类销售占比"),
        "stated_annual": NC_("check input", "客户自述年销售额"),
        "kwh": NC_("check input", "用电量 kWh"),
        "base_kwh": NC_("check input", "基础用电量 kWh"),
        "kwh_per_1000": NC_("check input", "每千元产值耗电 kWh"),
        "kwh_a": NC_("check input", "月份甲用电量 kWh"),
        "kwh_b": NC_("check input", "月份乙用电量 kWh"),
        "month_a": NC_("check input", "月份甲"),
        "month_b": NC_("check input", "月份乙"),
        "material_share": NC_("check input", "材料占比"),
        "energy_share": NC_("check input", "电费占比"),
        "purchase_share": NC_("check input", "进货成本占比"),
        "other_share": NC_("check input", "其他成本占比"),
        "sales": NC_("check input", "销售额"),
        "costs": NC_("check input", "成本费用合计"),
        "previous": NC_("check input", "上次盘点存货"),
        "cost_of_sales": NC_("check input", "销售成本"),
        "workers": NC_("check input", "劳动力人数"),
        "hours_per_day": NC_("check input", "每日工时"),
        "required_hours": NC_("check input", "所需工时"),
        "max_utilisation": NC_("check input", "最高利用率"),
        "items": NC_("check input", "抽样商品"),
        "sources": NC_("check input", "收入来源"),
        "source_a": NC_("check input", "信息来源甲"),
        "statement_a": NC_("check input", "说法甲"),
        "source_b": NC_("check input", "信息来源乙"),
        "statement_b": NC_("check input", "说法乙"),
        "consistent": NC_("check input", "两种说法一致"),
    }
)

# The limits of the loan size, named by the window, the command line (``calc``) and the survey report.
LIMIT_LABELS: dict[str, str] = {
    "request": N_("申请金额"),
    "capacity": N_("还款能力"),
    "purpose": N_("资金需求缺口"),
    "product_max": N_("产品上限"),
    "first_loan_cap": N_("首贷上限"),
    "cash_projection": N_("现金流预测最低余额"),
}


def limit_label(key: str, lang: str) -> str:
    """A loan-size limit's name (``capacity`` → 还款能力), or the key itself."""
    msgid = LIMIT_LABELS.get(key)
    return key if msgid is None else gettext(msgid, lang)


POLICY_WORD = N_("授信政策")
POLICY_NAMED = N_("{name} 第 {version} 版")
POLICY_DEFAULT_NOTE = N_("（案卷文件未附授信政策，按程序默认政策计算）")


DEFAULT_POLICY_TITLE = N_("默认政策")
"""How the built-in policy (``DEFAULT_POLICY_NAME``, a key in files and the store) is called on paper."""


def policy_title(name: str, lang: str) -> str:
    """A policy's name as people read it: the built-in one in their language, a bank's as named."""
    return gettext(DEFAULT_POLICY_TITLE, lang) if name == DEFAULT_POLICY_NAME else name


def policy_named(name: str, version: int, lang: str) -> str:
    """``城商行经营贷 第 2 版`` / ``默认政策 第 1 版`` / ``default policy version 1``."""
    return text(POLICY_NAMED, lang, name=policy_title(name, lang), version=version)


def policy_line(name: str, version: int, lang: str, *, defaulted: bool = False) -> str:
    """The one line that names the credit policy a figure was computed under (reports, slides, ``calc``);
    ``defaulted``: a case file that carried none, computed under ``DEFAULT_POLICY``."""
    line = gettext(POLICY_WORD, lang) + colon(lang) + policy_named(name, version, lang)
    return line + text(POLICY_DEFAULT_NOTE, lang) if defaulted else line
