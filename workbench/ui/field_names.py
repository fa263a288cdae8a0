"""A field path of the exchange format in the officer's words: ``balance_sheet.stock[0].unit_cost`` →
"资产负债表 › 存货 › 第 1 行 › 单位成本".

The words are the ones the case window's sections use (the same Chinese texts, so one English
translation each); a name without a label shows as itself, so nothing is ever hidden.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.ui.i18n import tr

if TYPE_CHECKING:
    from collections.abc import Callable

SEPARATOR = " › "


def _names() -> dict[str, str]:
    """Labels by field name; ``parent.name`` where one name means different things."""
    return {
        "id": tr("编号"),
        "case_number": tr("案件编号"),
        "product": tr("贷款产品"),
        "loan_class": tr("贷款类别"),
        "stage": tr("案件阶段"),
        "dates": tr("日期"),
        "survey_date": tr("调查日期"),
        "applied_on": tr("申请日期"),
        "officers": tr("客户经理"),
        "lead": tr("主办客户经理"),
        "assistant": tr("协办客户经理"),
        "borrower": tr("申请人"),
        "borrower.name": tr("姓名"),
        "sex": tr("性别"),
        "age": tr("年龄"),
        "id_number": tr("证件号码"),
        "birth_date": tr("出生日期"),
        "education": tr("学历"),
        "marital_status": tr("婚姻状况"),
        "hukou": tr("户籍"),
        "address": tr("住址"),
        "housing": tr("住房情况"),
        "phone": tr("电话"),
        "occupation": tr("职业"),
        "years_in_industry": tr("从业年限"),
        "note": tr("备注"),
        "household": tr("家庭情况"),
        "size": tr("家庭人口"),
        "dependents": tr("被抚养人数"),
        "members": tr("家庭成员"),
        "members.name": tr("姓名"),
        "relationship": tr("关系"),
        "child_status": tr("子女状况"),
        "dependent": tr("被抚养"),
        "works_in_business": tr("参与经营"),
        "business": tr("经营主体"),
        "business.name": tr("经营主体名称"),
        "industry": tr("行业"),
        "legal_form": tr("组织形式"),
        "main_activity": tr("主营业务"),
        "started_on": tr("开业日期"),
        "at_site_since": tr("现址经营起始"),
        "employees": tr("雇员人数"),
        "premises_area_m2": tr("面积 m²"),
        "premises_tenure": tr("场所性质"),
        "monthly_rent": tr("月租金"),
        "operating_days_per_month": tr("月营业天数"),
        "suppliers": tr("主要供应商"),
        "customers": tr("主要客户"),
        "payment_terms": tr("结算方式"),
        "share": tr("占比"),
        "request": tr("贷款申请"),
        "request.amount": tr("申请金额"),
        "term_months": tr("期限（月）"),
        "rate": tr("利率"),
        "rate.kind": tr("利率类型"),
        "rate.value": tr("利率"),
        "purpose": tr("用途"),
        "disbursement_date": tr("预计放款日"),
        "guarantee_mode": tr("担保方式"),
        "own_contribution": tr("自有资金投入"),
        "uses": tr("资金使用计划"),
        "family": tr("需求类型"),
        "guarantors": tr("共同借款人与保证人"),
        "role": tr("身份"),
        "collateral": tr("抵质押物"),
        "owner": tr("所有人"),
        "description": tr("描述"),
        "value": tr("价值"),
        "balance_sheet": tr("资产负债表"),
        "balance_sheet.date": tr("报表日期"),
        "assets": tr("现金及其他资产"),
        "stock": tr("存货"),
        "fixed_assets": tr("固定资产"),
        "receivables": tr("应收账款"),
        "payables": tr("应付及预收"),
        "debts": tr("负债"),
        "amount": tr("金额"),
        "category": tr("类别"),
        "label": tr("名称"),
        "scope": tr("归属"),
        "quantity": tr("数量"),
        "unit_cost": tr("单位成本"),
        "unit_price": tr("售价"),
        "unit": tr("单位"),
        "acquired_on": tr("购置日期"),
        "original_value": tr("原值"),
        "present_value": tr("现值"),
        "counterparty": tr("对方"),
        "terms": tr("结算条件"),
        "age_days": tr("账龄（天）"),
        "kind": tr("类型"),
        "lender": tr("债权人"),
        "balance": tr("余额"),
        "monthly_instalment": tr("月还款额"),
        "remaining_months": tr("剩余期数"),
        "profit_loss": tr("损益表"),
        "products": tr("产品毛利表"),
        "products.name": tr("产品"),
        "material": tr("材料"),
        "labour_hours": tr("工时"),
        "piece_wage": tr("计件工资"),
        "kwh": tr("耗电 kWh"),
        "calendar": tr("季节日历"),
        "normal_sales": tr("平季月销售额"),
        "peak_sales": tr("旺季月销售额"),
        "slack_sales": tr("淡季月销售额"),
        "energy_tariff": tr("电价（元/kWh）"),
        "fixed_costs": tr("固定营业费用"),
        "variable_expenses": tr("变动费用"),
        "variable_expenses.rate": tr("占销售额比例"),
        "household_expenses": tr("家庭开支"),
        "other_expenses": tr("其他支出"),
        "other_income": tr("其他收入"),
        "equity_check": tr("权益检验"),
        "initial_date": tr("初始权益日期"),
        "initial_basis": tr("初始权益依据"),
        "initial_assets": tr("初始资产"),
        "initial_liabilities": tr("初始负债"),
        "period_profit": tr("期间利润"),
        "injections": tr("资本注入"),
        "appreciation": tr("资产增值"),
        "withdrawals": tr("提取与家庭开支"),
        "depreciation": tr("折旧"),
        "times": tr("倍数（月数）"),
        "earlier_passes": tr("以往轮次"),
        "expected_equity": tr("应有权益"),
        "total_assets": tr("总资产"),
        "total_liabilities": tr("总负债"),
        "finding": tr("发现"),
        "recorded_on": tr("日期"),
        "explanation": tr("偏差说明"),
        "cross_checks": tr("交叉检验"),
        "method": tr("方法"),
        "target": tr("检验对象"),
        "title": tr("标题"),
        "supersedes": tr("取代的检验"),
        "inputs": tr("输入"),
        "evidence": tr("证据"),
        "soft_info": tr("软信息"),
        "matrix": tr("软信息矩阵"),
        "factor": tr("因素"),
        "option": tr("选项"),
        "overall": tr("总体评价"),
        "reason_for_loan": tr("贷款原因"),
        "notes": tr("结论与建议"),
        "conclusion": tr("结论与建议"),
        "conditions": tr("放款条件"),
        "monitoring": tr("贷后监控"),
    }


def field_path_text(parts: tuple[str | int, ...], input_label: Callable[[str], str] | None = None) -> str:
    """The path in words; rows count from 1 ("第 3 行"). ``input_label`` names check inputs."""
    names = _names()
    words: list[str] = []
    parent = ""
    for part in parts:
        if isinstance(part, int):
            words.append(tr("第 %1 行").replace("%1", str(part + 1)))
            continue
        label = names.get(f"{parent}.{part}") or names.get(part)
        if label is None and parent == "inputs" and input_label is not None:
            label = input_label(part)
        words.append(label or part)
        parent = part
    return SEPARATOR.join(words)
