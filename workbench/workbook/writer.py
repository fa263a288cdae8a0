"""The case as an Excel workbook laid out like the IPC worksheets officers know.

Inputs are plain cells; every total, the statement's months, δ, the statuses and the α test are
live formulas over them, so a reviewer with only Excel or WPS sees (and can follow) the arithmetic.
What the app computes by search (the capacity principal, the cross-checks' check values, the
schedule's interest) is written as values next to the formulas that use them.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from workbench.domain.balance_sheet import AssetCategory, PayableKind, Scope, StockCategory
from workbench.domain.codec import case_to_document
from workbench.domain.policy import DEFAULT_POLICY
from workbench.domain.profit_loss import LINE_FIELDS, Season
from workbench.texts import NC_, Msg, text
from workbench.texts.labels import MONTH_NAMES, enum_label
from workbench.workbook.layout import (
    AVERAGE_COLUMN,
    BALANCE_TABLES,
    EARLIER_PASSES,
    EQUITY_TABLES,
    EXPENSE_TABLES,
    FIRST_MONTH_COLUMN,
    FORMAT_MARK,
    FORMAT_VERSION,
    JSON_CHUNK,
    META_SHEET,
    MONEY,
    NO,
    NUMBER,
    PRODUCTS,
    RATIO,
    SHEET_TITLES,
    YES,
    SheetKey,
)
from workbench.workbook.proposal_sheets import write_capacity, write_checks, write_schedule
from workbench.workbook.sheet import (
    BOX,
    CENTER,
    FORMULA_FONT,
    HEAD_FILL,
    HEAD_FONT,
    SPARE_ROWS,
    TEMPLATE_ROWS,
    Sheet,
    status_formula,
    style_cell,
    sumifs,
    workbook_bytes,
)

__all__ = ["build_workbook", "workbook_bytes"]

if TYPE_CHECKING:
    from workbench.domain.calc import CaseResults
    from workbench.domain.case_file import CaseFile

LINE_LABELS: dict[str, Msg] = {
    "sales": NC_("workbook", "销售额"),
    "variable_costs": NC_("workbook", "变动成本"),
    "gross_profit": NC_("workbook", "毛利"),
    "operating_expenses": NC_("workbook", "经营费用"),
    "operating_profit": NC_("workbook", "经营利润"),
    "business_interest": NC_("workbook", "经营贷款利息"),
    "net_profit_accounting": NC_("workbook", "会计净利润"),
    "business_instalments": NC_("workbook", "经营贷款月还款"),
    "net_profit_cash": NC_("workbook", "净利润"),
    "household": NC_("workbook", "家庭开支"),
    "private_instalments": NC_("workbook", "私人贷款月还款"),
    "other_expenses": NC_("workbook", "其他支出"),
    "other_income": NC_("workbook", "其他收入"),
    "disposable": NC_("workbook", "可支配资金"),
}


def build_workbook(
    case: CaseFile | None,
    results: CaseResults | None,
    lang: str,
) -> Workbook:
    """The workbook of ``case`` (or, with ``None``, the empty template) in ``lang``, its numbers those of the
    results' policy (the template: ``DEFAULT_POLICY``)."""
    policy = results.policy if results is not None else DEFAULT_POLICY
    wb = Workbook()
    first = wb.active
    assert first is not None
    wb.remove(first)
    names = {key: text(msg, lang) for key, msg in SHEET_TITLES.items()}
    spare = SPARE_ROWS if case is not None else TEMPLATE_ROWS
    header = ""
    if case is not None:
        business = case.business.name if case.business else ""
        header = "  ".join(p for p in (case.case_number, case.borrower.name, business) if p)

    bal = Sheet(wb.create_sheet(names[SheetKey.BALANCE]), lang, 7)
    bal.title(SHEET_TITLES[SheetKey.BALANCE], header)
    ranges: dict[str, tuple[int, int]] = {}
    sheet = case.balance_sheet if case is not None else None
    for table in BALANCE_TABLES:
        rows = getattr(sheet, table.key) if sheet is not None else ()
        ranges[table.key] = bal.table(table, rows, spare=spare)
    bs = f"'{names[SheetKey.BALANCE]}'!"
    cols = {t.key: t for t in BALANCE_TABLES}

    def rng(table: str, field: str, sheet_prefix: str = "") -> str:
        a, b = ranges[table]
        letter = cols[table].letter(field)
        return f"{sheet_prefix}${letter}${a}:${letter}${b}"

    def asset_sum(*cats: AssetCategory, scope: Scope | None = None) -> str:
        terms = []
        for cat in cats:
            crit = [(rng("assets", "category"), enum_label(cat, lang))]
            if scope is not None:
                crit.append((rng("assets", "scope"), enum_label(scope, lang)))
            terms.append(sumifs(rng("assets", "amount"), *crit))
        return "+".join(terms)

    biz, home = enum_label(Scope.BUSINESS, lang), enum_label(Scope.HOUSEHOLD, lang)
    yes = text(YES, lang)
    bal.section(NC_("workbook", "合计"))
    f = bal.line
    f("#f", "cash", NC_("workbook", "现金"), "=" + asset_sum(AssetCategory.CASH))
    f("#f", "bank", NC_("workbook", "银行存款及电子钱包"), "=" + asset_sum(AssetCategory.BANK))
    f(
        "#f",
        "liquid",
        NC_("workbook", "流动资金（现金 + 存款）"),
        "=" + asset_sum(AssetCategory.CASH, AssetCategory.BANK, AssetCategory.DEPOSIT),
    )
    f("#f", "receivables", NC_("workbook", "应收账款"), f"=SUM({rng('receivables', 'amount')})")
    f("#f", "prepayments", NC_("workbook", "预付账款"), "=" + asset_sum(AssetCategory.PREPAYMENT))
    f("#f", "inventory", NC_("workbook", "存货"), f"=SUM({rng('stock', 'amount')})")
    f(
        "#f",
        "raw_materials",
        NC_("workbook", "其中原材料"),
        "="
        + sumifs(
            rng("stock", "amount"), (rng("stock", "category"), enum_label(StockCategory.RAW_MATERIAL, lang))
        ),
    )
    cash_like = asset_sum(
        AssetCategory.CASH, AssetCategory.BANK, AssetCategory.PREPAYMENT, scope=Scope.BUSINESS
    )
    f(
        "#f",
        "current_assets",
        NC_("workbook", "流动资产"),
        f"={cash_like}+{bal.ref('receivables')}+{bal.ref('inventory')}",
    )
    f(
        "#f",
        "fixed_assets",
        NC_("workbook", "经营性固定资产"),
        "=" + sumifs(rng("fixed_assets", "present_value"), (rng("fixed_assets", "scope"), biz)),
    )
    business_assets_all = sumifs(rng("assets", "amount"), (rng("assets", "scope"), biz))
    f("#f", "other_assets", NC_("workbook", "其他经营资产"), f"={business_assets_all}-({cash_like})")
    f(
        "#f",
        "business_assets",
        NC_("workbook", "经营资产"),
        f"={bal.ref('current_assets')}+{bal.ref('fixed_assets')}+{bal.ref('other_assets')}",
    )
    f(
        "#f",
        "household_assets",
        NC_("workbook", "家庭资产"),
        "="
        + sumifs(rng("assets", "amount"), (rng("assets", "scope"), home))
        + "+"
        + sumifs(rng("fixed_assets", "present_value"), (rng("fixed_assets", "scope"), home)),
    )
    f("#f", "TA", NC_("workbook", "总资产"), f"={bal.ref('business_assets')}+{bal.ref('household_assets')}")
    advance = enum_label(PayableKind.ADVANCE_RECEIVED, lang)
    f(
        "#f",
        "advances_received",
        NC_("workbook", "预收账款"),
        "=" + sumifs(rng("payables", "amount"), (rng("payables", "kind"), advance)),
    )
    f(
        "#f",
        "payables",
        NC_("workbook", "应付账款"),
        f"=SUM({rng('payables', 'amount')})-{bal.ref('advances_received')}",
    )
    f(
        "#f",
        "short_debts",
        NC_("workbook", "短期借款"),
        f"=SUM({rng('debts', 'balance')})-"
        + sumifs(rng("debts", "balance"), (rng("debts", "long_term"), yes)),
    )
    f(
        "#f",
        "current_liabilities",
        NC_("workbook", "流动负债"),
        f"={bal.ref('payables')}+{bal.ref('advances_received')}+{bal.ref('short_debts')}",
    )
    f(
        "#f",
        "long_term_liabilities",
        NC_("workbook", "长期负债"),
        "=" + sumifs(rng("debts", "balance"), (rng("debts", "long_term"), yes)),
    )
    f(
        "#f",
        "TL",
        NC_("workbook", "总负债"),
        f"={bal.ref('current_liabilities')}+{bal.ref('long_term_liabilities')}",
    )
    f(
        "#f",
        "household_liabilities",
        NC_("workbook", "家庭负债"),
        "=" + sumifs(rng("debts", "balance"), (rng("debts", "scope"), home)),
    )
    f(
        "#f",
        "business_liabilities",
        NC_("workbook", "经营负债"),
        f"={bal.ref('TL')}-{bal.ref('household_liabilities')}",
    )
    f("#f", "E_act", NC_("workbook", "所有者权益（实际权益）"), f"={bal.ref('TA')}-{bal.ref('TL')}")
    f(
        "#f",
        "business_equity",
        NC_("workbook", "经营权益"),
        f"={bal.ref('business_assets')}-{bal.ref('business_liabilities')}",
    )
    f(
        "#f",
        "household_equity",
        NC_("workbook", "家庭权益"),
        f"={bal.ref('household_assets')}-{bal.ref('household_liabilities')}",
    )
    off = rng("off_balance", "is_liability")
    f(
        "#f",
        "off_balance_assets",
        NC_("workbook", "表外资产"),
        f"=SUM({rng('off_balance', 'value')})-" + sumifs(rng("off_balance", "value"), (off, yes)),
    )
    f(
        "#f",
        "off_balance_liabilities",
        NC_("workbook", "表外负债"),
        "=" + sumifs(rng("off_balance", "value"), (off, yes)),
    )
    f("#f", "guarantees_given", NC_("workbook", "对外担保"), f"=SUM({rng('guarantees_given', 'amount')})")
    bal.finish()

    # ---- income statement ----------------------------------------------------------------------
    inc = Sheet(wb.create_sheet(names[SheetKey.INCOME]), lang, 14)
    inc.title(SHEET_TITLES[SheetKey.INCOME], header)
    pl = case.profit_loss if case is not None else None
    inc.section(NC_("workbook", "季节销售额"))
    inc.line("#i", "peak_sales", NC_("workbook", "旺季月销售额"), pl.peak_sales if pl else None)
    inc.line("#i", "normal_sales", NC_("workbook", "平季月销售额"), pl.normal_sales if pl else None)
    inc.line("#i", "slack_sales", NC_("workbook", "淡季月销售额"), pl.slack_sales if pl else None)
    inc.line(
        "#i", "energy_tariff", NC_("workbook", "电价（元/kWh）"), pl.energy_tariff if pl else None, NUMBER
    )
    inc.line(
        "#i",
        "gross_margin_override",
        NC_("workbook", "毛利率（手工确定，可空）"),
        pl.gross_margin_override if pl else None,
        RATIO,
    )
    inc.row += 1
    a, b = inc.table(
        PRODUCTS, pl.products if pl else (), extra={"tariff": inc.ref("energy_tariff")}, spare=spare
    )
    w, cr = PRODUCTS.letter("weight"), PRODUCTS.letter("cost_ratio")
    weights, ratios = f"${w}${a}:${w}${b}", f"${cr}${a}:${cr}${b}"
    override = inc.ref("gross_margin_override")
    inc.line(
        "#f",
        "gm_weighted",
        NC_("workbook", "加权毛利率"),
        f'=IF({override}="",IF(SUM({weights})=0,0,1-SUMPRODUCT({weights},{ratios})/SUM({weights})),{override})',
        RATIO,
    )
    inc.row += 1
    sums: dict[str, str] = {}
    for table in EXPENSE_TABLES:
        a, b = inc.table(table, getattr(pl, table.key) if pl else (), spare=spare)
        letter = table.letter(table.columns[1].field)
        sums[table.key] = f"SUM(${letter}${a}:${letter}${b})"
    debts_bal = lambda field: rng("debts", field, bs)  # noqa: E731 - a one-line lookup
    scope_col = rng("debts", "scope", bs)
    inc.section(NC_("workbook", "月度损益（元）"))
    head = inc.row
    inc.ws.cell(head, 2, inc.t(NC_("workbook", "项目")))
    for m in range(12):
        inc.ws.cell(head, FIRST_MONTH_COLUMN + m, text(MONTH_NAMES[m], lang))
    inc.ws.cell(head, AVERAGE_COLUMN, inc.t(NC_("workbook", "月均")))
    for c in range(2, AVERAGE_COLUMN + 1):
        style_cell(inc.ws.cell(head, c), "General", HEAD_FONT, HEAD_FILL, CENTER)
    inc.row += 1
    season_row = inc.row
    inc.ws.cell(season_row, 1, "#i:calendar")
    inc.ws.cell(season_row, 2, inc.t(NC_("workbook", "季节")))
    calendar = pl.calendar if pl else (Season.NORMAL,) * 12
    for m, season in enumerate(calendar):
        cell = inc.ws.cell(season_row, FIRST_MONTH_COLUMN + m, enum_label(season, lang))
        cell.border = BOX
        cell.alignment = Alignment(horizontal="center")
    inc.row += 1
    line_rows: dict[str, int] = {}
    peak, slack = enum_label(Season.PEAK, lang), enum_label(Season.SLACK, lang)
    for field in LINE_FIELDS:
        line_rows[field] = inc.row + LINE_FIELDS.index(field)
    for field in LINE_FIELDS:
        r = line_rows[field]
        inc.ws.cell(r, 1, f"#m:{field}")
        label = inc.ws.cell(r, 2, inc.t(LINE_LABELS[field]))
        if field in ("gross_profit", "operating_profit", "net_profit_cash", "disposable"):
            label.font = HEAD_FONT
        for m in range(13):
            col = FIRST_MONTH_COLUMN + m
            c = get_column_letter(col)
            at = {k: f"{c}{v}" for k, v in line_rows.items()}
            if m == 12:
                months = f"{get_column_letter(FIRST_MONTH_COLUMN)}{r}:{get_column_letter(col - 1)}{r}"
                formula = f"=ROUND(SUM({months})/12,2)"
            else:
                formula = _month_formula(
                    field, f"{c}${season_row}", at, inc, sums, peak, slack, debts_bal, scope_col, biz, home
                )
            cell = inc.ws.cell(r, col, formula)
            style_cell(cell, MONEY, FORMULA_FONT)
    inc.row += len(LINE_FIELDS)
    first_c, last_c = get_column_letter(FIRST_MONTH_COLUMN), get_column_letter(FIRST_MONTH_COLUMN + 11)
    sales_row = line_rows["sales"]
    inc.line(
        "#f", "sales_annual", NC_("workbook", "全年销售额"), f"=SUM({first_c}{sales_row}:{last_c}{sales_row})"
    )
    avg = get_column_letter(AVERAGE_COLUMN)
    for field, r in line_rows.items():
        inc.cells[f"{field}_avg"] = f"${avg}${r}"
    inc.ws.column_dimensions["B"].width = 22
    for m in range(13):
        inc.ws.column_dimensions[get_column_letter(FIRST_MONTH_COLUMN + m)].width = 12
    inc.finish(landscape=True)

    # ---- equity ---------------------------------------------------------------------------------
    eq = Sheet(wb.create_sheet(names[SheetKey.EQUITY]), lang, 9)
    eq.title(SHEET_TITLES[SheetKey.EQUITY], header)
    check = case.equity_check if case is not None else None
    totals: dict[str, str] = {}
    for table in EQUITY_TABLES:
        a, b = eq.table(table, getattr(check, table.key) if check else (), spare=spare)
        letter = table.letter("value")
        totals[table.key] = f"SUM(${letter}${a}:${letter}${b})"
    band = policy.equity_tolerance
    eq.section(NC_("workbook", "权益检验"))
    e = eq.line
    e("#f", "initial_assets", NC_("workbook", "初始资产合计"), "=" + totals["initial_assets"])
    e("#f", "initial_liabilities", NC_("workbook", "初始负债合计"), "=" + totals["initial_liabilities"])
    e(
        "#f",
        "E0",
        NC_("workbook", "初始权益 E₀"),
        f"={eq.ref('initial_assets')}-{eq.ref('initial_liabilities')}",
    )
    for key in ("period_profit", "injections", "appreciation", "withdrawals", "depreciation"):
        e("#f", key, _EQUITY_LINE[key], "=" + totals[key])
    e(
        "#f",
        "E_exp",
        NC_("workbook", "应有权益 = E₀ + 利润 + 注资 + 升值 − 提款 − 折旧"),
        "={}+{}+{}+{}-{}-{}".format(
            *(
                eq.ref(k)
                for k in ("E0", "period_profit", "injections", "appreciation", "withdrawals", "depreciation")
            )
        ),
    )
    include = eq.line(
        "#i",
        "include_off_balance",
        NC_("workbook", "计入表外资产及负债"),
        text(YES if check is not None and check.include_off_balance else NO, lang),
        "General",
    )
    e(
        "#f",
        "pass_TA",
        NC_("workbook", "总资产"),
        f'={bs}{bal.ref("TA")}+IF({include}="{yes}",{bs}{bal.ref("off_balance_assets")},0)',
    )
    e(
        "#f",
        "pass_TL",
        NC_("workbook", "总负债"),
        f'={bs}{bal.ref("TL")}+IF({include}="{yes}",{bs}{bal.ref("off_balance_liabilities")},0)',
    )
    e(
        "#f",
        "pass_E_act",
        NC_("workbook", "实际权益 = 总资产 − 总负债"),
        f"={eq.ref('pass_TA')}-{eq.ref('pass_TL')}",
    )
    e(
        "#f",
        "equity_diff",
        NC_("workbook", "差额 Δ = 实际权益 − 应有权益"),
        f"={eq.ref('pass_E_act')}-{eq.ref('E_exp')}",
    )
    act = eq.ref("pass_E_act")
    e(
        "#f",
        "equity_dev",
        NC_("workbook", "偏差率 δ = Δ / |实际权益|"),
        f'=IF({act}=0,"",{eq.ref("equity_diff")}/ABS({act}))',
        RATIO,
    )
    profit = eq.ref("period_profit")
    e(
        "#f",
        "equity_s3_ratio",
        NC_("workbook", "(应有 − 实际) / 期间利润"),
        f'=IF({profit}=0,"",({eq.ref("E_exp")}-{act})/{profit})',
        RATIO,
    )
    e(
        "#f",
        "equity_status",
        NC_("workbook", "检验结果"),
        "=" + status_formula(eq.ref("equity_dev"), band, lang),
        "General",
    )
    eq.row += 1
    passes = check.earlier_passes if check else ()
    status_cell = EARLIER_PASSES.letter("deviation") + "{r}"
    eq.table(
        EARLIER_PASSES,
        passes,
        extra={
            "status_formula": f'IF({EARLIER_PASSES.letter("total_assets")}{{r}}="","",'
            f"{status_formula(status_cell, band, lang)})"
        },
        spare=0 if case is not None else 2,
    )
    eq.ws.column_dimensions["B"].width = 40
    eq.finish()

    # ---- cross-checks ---------------------------------------------------------------------------
    ck = Sheet(wb.create_sheet(names[SheetKey.CHECKS]), lang, 11)
    ck.title(SHEET_TITLES[SheetKey.CHECKS], header)
    ip, ep = f"'{names[SheetKey.INCOME]}'!", f"'{names[SheetKey.EQUITY]}'!"
    live = {
        "sales_peak": ip + inc.ref("peak_sales"),
        "sales_normal": ip + inc.ref("normal_sales"),
        "sales_slack": ip + inc.ref("slack_sales"),
        "sales_annual": ip + inc.ref("sales_annual"),
        "gm_weighted": ip + inc.ref("gm_weighted"),
        "net_profit_avg": ip + inc.ref("net_profit_cash_avg"),
        "opex_avg": ip + inc.ref("operating_expenses_avg"),
        "household_avg": ip + inc.ref("household_avg"),
        "other_income_avg": ip + inc.ref("other_income_avg"),
        "inventory": bs + bal.ref("inventory"),
        "receivables": bs + bal.ref("receivables"),
        "equity_actual": ep + eq.ref("pass_E_act"),
        "E_exp": ep + eq.ref("E_exp"),
    }
    write_checks(ck, case, results, policy, live)
    for letter, width in (("B", 10), ("C", 14), ("D", 26), ("E", 30), *((c, 13) for c in "FGHIJKL")):
        ck.ws.column_dimensions[letter].width = width
    ck.finish(landscape=True)

    # ---- capacity and proposal ------------------------------------------------------------------
    cap = Sheet(wb.create_sheet(names[SheetKey.CAPACITY]), lang, 4)
    cap.title(SHEET_TITLES[SheetKey.CAPACITY], header)
    sched_name = f"'{names[SheetKey.SCHEDULE]}'!"
    write_capacity(
        cap, case, results, policy, f"'{names[SheetKey.INCOME]}'!{inc.ref('disposable_avg')}", sched_name
    )
    cap.finish()

    sch = Sheet(wb.create_sheet(names[SheetKey.SCHEDULE]), lang, 5)
    sch.title(SHEET_TITLES[SheetKey.SCHEDULE], header)
    write_schedule(sch, results, f"'{names[SheetKey.CAPACITY]}'!{cap.ref('P_prop')}")
    sch.finish(freeze="B6")

    for ws in wb.worksheets:
        if ws.title not in (names[SheetKey.INCOME], names[SheetKey.CHECKS]):
            ws.column_dimensions["B"].width = max(ws.column_dimensions["B"].width or 0, 28)
            for letter in "CDEFGHIJKL":
                ws.column_dimensions[letter].width = max(ws.column_dimensions[letter].width or 0, 14)

    meta = wb.create_sheet(META_SHEET)
    meta.sheet_state = "veryHidden"
    meta["A1"], meta["B1"] = FORMAT_MARK, FORMAT_VERSION
    meta["A2"], meta["B2"] = "lang", lang
    meta["A3"] = "case"
    if case is not None:
        payload = json.dumps(case_to_document(case), ensure_ascii=False)
        for index in range(0, len(payload), JSON_CHUNK):
            meta.cell(3, 2 + index // JSON_CHUNK, payload[index : index + JSON_CHUNK])
    return wb


_EQUITY_LINE: dict[str, Msg] = {
    "period_profit": NC_("workbook", "期间利润"),
    "injections": NC_("workbook", "外部注资"),
    "appreciation": NC_("workbook", "资产升值"),
    "withdrawals": NC_("workbook", "提款及家庭开支"),
    "depreciation": NC_("workbook", "折旧"),
}


def _month_formula(
    field: str,
    season: str,
    at: dict[str, str],
    inc: Sheet,
    sums: dict[str, str],
    peak: str,
    slack: str,
    debts: Any,
    scope_col: str,
    biz: str,
    home: str,
) -> str:
    def debt_sum(column: str, scope: str) -> str:
        return f'ROUND(SUMIFS({debts(column)},{scope_col},"{scope}"),2)'

    ref = inc.ref
    return {
        "sales": (
            f'=ROUND(IF({season}="{peak}",{ref("peak_sales")},'
            f'IF({season}="{slack}",{ref("slack_sales")},{ref("normal_sales")})),2)'
        ),
        "variable_costs": f"=ROUND({at['sales']}*(1-{ref('gm_weighted')}),2)",
        "gross_profit": f"={at['sales']}-{at['variable_costs']}",
        "operating_expenses": f"=ROUND({sums['fixed_costs']}+{at['sales']}*{sums['variable_expenses']},2)",
        "operating_profit": f"={at['gross_profit']}-{at['operating_expenses']}",
        "business_interest": "=" + debt_sum("monthly_interest", biz),
        "net_profit_accounting": f"={at['operating_profit']}-{at['business_interest']}",
        "business_instalments": "=" + debt_sum("monthly_instalment", biz),
        "net_profit_cash": f"={at['operating_profit']}-{at['business_instalments']}",
        "household": f"=ROUND({sums['household_expenses']},2)",
        "private_instalments": "=" + debt_sum("monthly_instalment", home),
        "other_expenses": f"=ROUND({sums['other_expenses']},2)",
        "other_income": f"=ROUND({sums['other_income']},2)",
        "disposable": (
            f"={at['net_profit_cash']}-{at['household']}-{at['private_instalments']}"
            f"-{at['other_expenses']}+{at['other_income']}"
        ),
    }[field]
