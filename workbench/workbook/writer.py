"""The case as an Excel workbook laid out like the IPC worksheets officers know.

Inputs are plain cells; every total, the statement's months, δ, the statuses and the α test are
live formulas over them, so a reviewer with only Excel or WPS sees (and can follow) the arithmetic.
What the app computes by search (the capacity principal, the cross-checks' check values, the
schedule's interest) is written as values next to the formulas that use them.
"""

from __future__ import annotations

import io
import json
from copy import copy
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties

from workbench.domain.balance_sheet import AssetCategory, PayableKind, Scope, StockCategory
from workbench.domain.codec import case_to_document
from workbench.domain.cross_checks import CheckKind, CheckMethod, Target
from workbench.domain.loan_request import RateKind
from workbench.domain.profit_loss import LINE_FIELDS, Season
from workbench.domain.schedules import Method
from workbench.domain.settings import DEFAULT_SETTINGS, Settings
from workbench.domain.status import Status
from workbench.texts import NC_, Msg, text
from workbench.texts.labels import ITEM_NAMES, MONTH_NAMES, STATUS_LABELS, enum_label, limit_label
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
    RATE,
    RATIO,
    SHEET_TITLES,
    YES,
    Column,
    Kind,
    SheetKey,
    Table,
)

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from workbench.domain.calc import CaseResults
    from workbench.domain.case_file import CaseFile
    from workbench.domain.settings import ToleranceBand

# A named font everywhere: a Font without a name prints in a serif fallback in LibreOffice and WPS.
TITLE_FONT = Font(name="Calibri", bold=True, size=14)
HEAD_FONT = Font(name="Calibri", bold=True, size=11)
HEAD_FILL = PatternFill("solid", fgColor="DDE6F0")
SECTION_FILL = PatternFill("solid", fgColor="F2F2F2")
FORMULA_FONT = Font(name="Calibri", size=11, color="1F4E79")  # derived figures: dark blue
THIN = Side(style="thin", color="A6A6A6")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
SPARE_ROWS = 3
MAX_LIST_TEXT = 255  # Excel's limit for a drop-down list written in the rule itself
SCHEDULE_FIRST_ROW = 6  # title, subtitle, blank, principal, headings
TEMPLATE_ROWS = 10

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


class _Sheet:
    """One worksheet being filled top-down; remembers where each named figure went."""

    def __init__(self, ws: Worksheet, lang: str, width: int) -> None:
        self.ws = ws
        self.lang = lang
        self.width = width  # visible columns B … (1 + width)
        self.row = 1
        self.cells: dict[str, str] = {}  # figure name -> absolute address on this sheet
        ws.column_dimensions["A"].hidden = True

    def t(self, msg: Msg, **params: object) -> str:
        return text(msg, self.lang, **params)

    def ref(self, name: str) -> str:
        return self.cells[name]

    def title(self, msg: Msg, subtitle: str = "") -> None:
        ws = self.ws
        ws.cell(1, 2, self.t(msg)).font = TITLE_FONT
        ws.merge_cells(start_row=1, start_column=2, end_row=1, end_column=1 + self.width)
        ws.cell(2, 2, subtitle)
        self.row = 4

    def section(self, msg: Msg, marker: str = "") -> None:
        ws = self.ws
        if marker:
            ws.cell(self.row, 1, marker)
        cell = ws.cell(self.row, 2, self.t(msg))
        cell.font = HEAD_FONT
        cell.fill = SECTION_FILL
        ws.merge_cells(start_row=self.row, start_column=2, end_row=self.row, end_column=1 + self.width)
        self.row += 1

    def line(
        self,
        marker: str,
        name: str,
        label: Msg | str,
        value: Any,
        number_format: str = MONEY,
        note: str = "",
    ) -> str:
        """A labelled figure in column C; its address is kept under ``name``."""
        ws = self.ws
        r = self.row
        ws.cell(r, 1, f"{marker}:{name}")
        ws.cell(r, 2, self.t(label))
        cell = ws.cell(r, 3, _cell_value(value))
        formula = isinstance(value, str) and value.startswith("=")
        _style(cell, number_format, FORMULA_FONT if formula else None)
        if note:
            ws.cell(r, 4, note)
        self.cells[name] = f"$C${r}"
        self.row += 1
        return self.cells[name]

    def table(
        self,
        table: Table,
        rows: tuple[Any, ...],
        extra: dict[str, str] | None = None,
        spare: int = SPARE_ROWS,
    ) -> tuple[int, int]:
        """Write a detail list; returns its first and last data row (spare rows included)."""
        ws = self.ws
        self.section(table.title, f"#t:{table.key}")
        for index, column in enumerate(table.columns):
            cell = ws.cell(self.row, 2 + index, self.t(column.heading))
            _style(cell, "General", HEAD_FONT, HEAD_FILL, CENTER)
        ws.row_dimensions[self.row].height = 30  # two lines: LibreOffice does not grow wrapped headings
        self.row += 1
        first = self.row
        last = first + max(len(rows) + spare, 1) - 1
        subs = {c.field: table.letter(c.field) for c in table.columns}
        subs.update(extra or {})
        for field in list(subs):
            if field in {c.field for c in table.columns}:
                subs[f"{field}_range"] = f"${subs[field]}${first}:${subs[field]}${last}"
        for r in range(first, last + 1):
            item = rows[r - first] if r - first < len(rows) else None
            if item is not None:
                ws.cell(r, 1, getattr(item, "id", ""))
            for index, column in enumerate(table.columns):
                cell = ws.cell(r, 2 + index)
                if column.kind is Kind.FORMULA:
                    _style(cell, column.number_format, FORMULA_FONT)
                    cell.value = column.formula.format(r=r, **subs).replace("{r}", str(r))
                else:
                    _style(cell, column.number_format)
                    if item is not None:
                        cell.value = self.shown(column, getattr(item, column.field))
        for column in table.columns:
            self.offer_choices(
                column, f"{table.letter(column.field)}{first}:{table.letter(column.field)}{last}"
            )
        ws.cell(last + 1, 1, "#e")
        self.row = last + 2
        return first, last

    def offer_choices(self, column: Column, cells: str) -> None:
        """A drop-down of the labels a choice or yes/no column takes (typing stays free: the import
        checks every cell and says which choices exist)."""
        if column.kind is Kind.CHOICE and column.choices is not None:
            labels = [enum_label(member, self.lang) for member in column.choices]
        elif column.kind is Kind.FLAG:
            labels = [self.t(YES), self.t(NO)]
        else:
            return
        listed = ",".join(labels)
        if any("," in label or '"' in label for label in labels) or len(listed) > MAX_LIST_TEXT:
            return
        check = DataValidation(type="list", formula1=f'"{listed}"', allow_blank=True, showErrorMessage=False)
        self.ws.add_data_validation(check)
        check.add(cells)

    def shown(self, column: Column, value: Any) -> Any:
        if value is None:
            return None
        if column.kind is Kind.CHOICE:
            return enum_label(value, self.lang)
        if column.kind is Kind.FLAG:
            return self.t(YES if value else NO)
        return _cell_value(value)

    def finish(self, landscape: bool = False, freeze: str = "B4") -> None:
        ws = self.ws
        ws.freeze_panes = freeze
        ws.print_area = f"B1:{get_column_letter(1 + self.width)}{max(self.row - 1, 1)}"
        ws.print_title_rows = "1:2"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.page_margins.left = ws.page_margins.right = 0.5
        ws.oddFooter.center.text = "&P / &N"


def _style(
    cell: Any,
    number_format: str,
    font: Font | None = None,
    fill: PatternFill | None = None,
    align: Alignment | None = None,
) -> None:
    """A boxed cell with ``number_format`` (and ``font``): openpyxl hashes every style object it
    is given, so each combination is made once per workbook and copied after that (~2× faster)."""
    cache: dict[tuple[str, int, int, int], Any] = cell.parent.parent.__dict__.setdefault(
        "_workbench_styles", {}
    )
    key = (number_format, id(font), id(fill), id(align))
    style = cache.get(key)
    if style is None:
        cell.border = BOX
        cell.number_format = number_format
        if font is not None:
            cell.font = font
        if fill is not None:
            cell.fill = fill
        if align is not None:
            cell.alignment = align
        cache[key] = copy(cell._style)
    else:
        cell._style = copy(style)


def _cell_value(value: Any) -> Any:
    """Decimals become numbers Excel can add (exact to the cent: amounts have ≤ 15 digits)."""
    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral_value() else int(value)
    return value


def _sumifs(values: str, *criteria: tuple[str, str]) -> str:
    parts = ",".join(f'{rng},"{crit}"' for rng, crit in criteria)
    return f"SUMIFS({values},{parts})"


def build_workbook(
    case: CaseFile | None,
    results: CaseResults | None,
    lang: str,
    settings: Settings = DEFAULT_SETTINGS,
) -> Workbook:
    """The workbook of ``case`` (or, with ``None``, the empty template) in ``lang``."""
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

    bal = _Sheet(wb.create_sheet(names[SheetKey.BALANCE]), lang, 7)
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
            terms.append(_sumifs(rng("assets", "amount"), *crit))
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
        + _sumifs(
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
        "=" + _sumifs(rng("fixed_assets", "present_value"), (rng("fixed_assets", "scope"), biz)),
    )
    business_assets_all = _sumifs(rng("assets", "amount"), (rng("assets", "scope"), biz))
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
        + _sumifs(rng("assets", "amount"), (rng("assets", "scope"), home))
        + "+"
        + _sumifs(rng("fixed_assets", "present_value"), (rng("fixed_assets", "scope"), home)),
    )
    f("#f", "TA", NC_("workbook", "总资产"), f"={bal.ref('business_assets')}+{bal.ref('household_assets')}")
    advance = enum_label(PayableKind.ADVANCE_RECEIVED, lang)
    f(
        "#f",
        "advances_received",
        NC_("workbook", "预收账款"),
        "=" + _sumifs(rng("payables", "amount"), (rng("payables", "kind"), advance)),
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
        + _sumifs(rng("debts", "balance"), (rng("debts", "long_term"), yes)),
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
        "=" + _sumifs(rng("debts", "balance"), (rng("debts", "long_term"), yes)),
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
        "=" + _sumifs(rng("debts", "balance"), (rng("debts", "scope"), home)),
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
        f"=SUM({rng('off_balance', 'value')})-" + _sumifs(rng("off_balance", "value"), (off, yes)),
    )
    f(
        "#f",
        "off_balance_liabilities",
        NC_("workbook", "表外负债"),
        "=" + _sumifs(rng("off_balance", "value"), (off, yes)),
    )
    f("#f", "guarantees_given", NC_("workbook", "对外担保"), f"=SUM({rng('guarantees_given', 'amount')})")
    bal.finish()

    # ---- income statement ----------------------------------------------------------------------
    inc = _Sheet(wb.create_sheet(names[SheetKey.INCOME]), lang, 14)
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
        _style(inc.ws.cell(head, c), "General", HEAD_FONT, HEAD_FILL, CENTER)
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
            _style(cell, MONEY, FORMULA_FONT)
    inc.row += len(LINE_FIELDS)
    first_c, last_c = get_column_letter(FIRST_MONTH_COLUMN), get_column_letter(FIRST_MONTH_COLUMN + 11)
    sales_row = line_rows["sales"]
    inc.line(
        "#f", "sales_annual", NC_("workbook", "全年销售额"), f"=SUM({first_c}{sales_row}:{last_c}{sales_row})"
    )
    avg = get_column_letter(AVERAGE_COLUMN)
    inc.cells["disposable_avg"] = f"${avg}${line_rows['disposable']}"
    inc.ws.column_dimensions["B"].width = 22
    for m in range(13):
        inc.ws.column_dimensions[get_column_letter(FIRST_MONTH_COLUMN + m)].width = 12
    inc.finish(landscape=True)

    # ---- equity ---------------------------------------------------------------------------------
    eq = _Sheet(wb.create_sheet(names[SheetKey.EQUITY]), lang, 9)
    eq.title(SHEET_TITLES[SheetKey.EQUITY], header)
    check = case.equity_check if case is not None else None
    totals: dict[str, str] = {}
    for table in EQUITY_TABLES:
        a, b = eq.table(table, getattr(check, table.key) if check else (), spare=spare)
        letter = table.letter("value")
        totals[table.key] = f"SUM(${letter}${a}:${letter}${b})"
    band = settings.equity_tolerance
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
        "=" + _status_formula(eq.ref("equity_dev"), band, lang),
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
            f"{_status_formula(status_cell, band, lang)})"
        },
        spare=0 if case is not None else 2,
    )
    eq.ws.column_dimensions["B"].width = 40
    eq.finish()

    # ---- cross-checks ---------------------------------------------------------------------------
    ck = _Sheet(wb.create_sheet(names[SheetKey.CHECKS]), lang, 11)
    ck.title(SHEET_TITLES[SheetKey.CHECKS], header)
    _write_checks(ck, results, settings)
    for letter, width in (("B", 10), ("C", 14), ("D", 26), ("E", 30), *((c, 13) for c in "FGHIJKL")):
        ck.ws.column_dimensions[letter].width = width
    ck.finish(landscape=True)

    # ---- capacity and proposal ------------------------------------------------------------------
    cap = _Sheet(wb.create_sheet(names[SheetKey.CAPACITY]), lang, 4)
    cap.title(SHEET_TITLES[SheetKey.CAPACITY], header)
    sched_name = f"'{names[SheetKey.SCHEDULE]}'!"
    _write_capacity(
        cap, case, results, settings, f"'{names[SheetKey.INCOME]}'!{inc.ref('disposable_avg')}", sched_name
    )
    cap.finish()

    sch = _Sheet(wb.create_sheet(names[SheetKey.SCHEDULE]), lang, 5)
    sch.title(SHEET_TITLES[SheetKey.SCHEDULE], header)
    _write_schedule(sch, results, f"'{names[SheetKey.CAPACITY]}'!{cap.ref('P_prop')}")
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


def _status_formula(deviation: str, band: ToleranceBand, lang: str) -> str:
    """OK / needs a word / FAIL from |δ| rounded to 4 places, as ``domain.status.status_for``."""
    ok, explain, fail = (STATUS_LABELS[s][lang] for s in (Status.OK, Status.EXPLAIN, Status.FAIL))
    size = f"ROUND(ABS({deviation}),4)"
    return (
        f'IF({deviation}="","{fail}",IF({size}<={band.ok},"{ok}",'
        f'IF({size}<={band.explain},"{explain}","{fail}")))'
    )


def _month_formula(
    field: str,
    season: str,
    at: dict[str, str],
    inc: _Sheet,
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


CHECK_HEADINGS: tuple[Msg, ...] = (
    NC_("workbook", "编号"),
    NC_("workbook", "项目"),
    NC_("workbook", "方法"),
    NC_("workbook", "名称"),
    NC_("workbook", "检验值"),
    NC_("workbook", "采用值"),
    NC_("workbook", "下限"),
    NC_("workbook", "上限"),
    NC_("workbook", "偏差率 δ"),
    NC_("workbook", "结果"),
    NC_("workbook", "被取代于"),
)


def _write_checks(ck: _Sheet, results: CaseResults | None, settings: Settings) -> None:
    """The checks with live δ and status, then the matrix item × method of the deviations."""
    ws, lang = ck.ws, ck.lang
    ck.section(NC_("workbook", "交叉检验明细"), "#t:checks")
    for index, heading in enumerate(CHECK_HEADINGS):
        cell = ws.cell(ck.row, 2 + index, ck.t(heading))
        _style(cell, "General", HEAD_FONT, HEAD_FILL, CENTER)
    ck.row += 1
    checks = results.checks if results is not None else ()
    delta_at: dict[str, str] = {}
    for c in checks:
        r = ck.row
        ws.cell(r, 1, f"#c:{c.id}")
        ratio_like = c.target in (Target.GROSS_MARGIN, Target.SEASONAL_FACTOR, Target.LABOUR_CAPACITY)
        fmt = RATIO if ratio_like else MONEY
        shown = (
            c.id,
            ITEM_NAMES.text(c.item, lang),
            f"{c.method.value} {enum_label(c.method, lang)}",
            c.title,
            c.check_value if c.kind is not CheckKind.RANGE else c.adopted,
            c.adopted if c.kind is CheckKind.VALUE else None,
            c.low,
            c.high,
        )
        for index, value in enumerate(shown):
            cell = ws.cell(r, 2 + index, _cell_value(value))
            _style(cell, fmt if index >= 4 else "General")
        value, adopted, low, high = (f"F{r}", f"G{r}", f"H{r}", f"I{r}")
        band = settings.equity_tolerance if c.target is Target.EQUITY else settings.flow_tolerance
        if c.kind is CheckKind.VALUE:
            delta = f'=IF(OR({value}="",{adopted}="",{adopted}=0),"",({adopted}-{value})/ABS({adopted}))'
            status = "=" + _status_formula(f"J{r}", band, lang)
        elif c.kind is CheckKind.RANGE:
            delta = (
                f'=IF(OR({value}="",{low}="",{high}=""),"",IF(AND({value}>={low},{value}<={high}),0,'
                f'IF({value}=0,"",({value}-IF({value}<{low},{low},{high}))/ABS({value}))))'
            )
            # outside the range always needs a word, even when δ is within the OK band
            graded = _status_formula(f"J{r}", band, lang)
            ok, explain = STATUS_LABELS[Status.OK][lang], STATUS_LABELS[Status.EXPLAIN][lang]
            status = f'=IF(AND(J{r}<>"",J{r}<>0,{graded}="{ok}"),"{explain}",{graded})'
        else:
            delta = None
            status = STATUS_LABELS[c.status][lang]
        dcell = ws.cell(r, 10, delta)
        dcell.number_format, dcell.border, dcell.font = RATIO, BOX, FORMULA_FONT
        scell = ws.cell(r, 11, status)
        scell.border, scell.font = BOX, FORMULA_FONT
        ws.cell(r, 12, c.superseded_by or None).border = BOX
        if delta is not None:
            delta_at.setdefault(f"{c.item}/{c.method.value}", f"J{r}")
        ck.row += 1
    ws.cell(ck.row, 1, "#e")
    ck.row += 2
    if not checks:
        return
    ck.section(NC_("workbook", "交叉检验矩阵（偏差率 δ）"))
    order = list(CheckMethod)
    methods = sorted({c.method for c in checks}, key=order.index)
    items = [i for i in ITEM_NAMES.msgids if any(c.item == i for c in checks)]
    head = ck.row
    ws.cell(head, 2, ck.t(NC_("workbook", "项目")))
    for index, method in enumerate(methods):
        ws.cell(head, 3 + index, method.value)
    for col in range(2, 3 + len(methods)):
        cell = ws.cell(head, col)
        _style(cell, "General", HEAD_FONT, HEAD_FILL, CENTER)
    for offset, item in enumerate(items, start=1):
        r = head + offset
        ws.cell(r, 2, ITEM_NAMES.text(item, lang)).border = BOX
        for index, method in enumerate(methods):
            target = delta_at.get(f"{item}/{method.value}")
            cell = ws.cell(r, 3 + index, f"={target}" if target else None)
            cell.number_format, cell.border = RATIO, BOX
    ck.row = head + len(items) + 1


def _write_capacity(
    cap: _Sheet,
    case: CaseFile | None,
    results: CaseResults | None,
    settings: Settings,
    disposable: str,
    schedule_sheet: str,
) -> None:
    """Capacity, the limits, the proposal and the α test (the instalment is the schedule's)."""
    lang = cap.lang
    request = case.request if case is not None else None
    z = results.sizing if results is not None else None
    line = cap.line
    cap.section(NC_("workbook", "申请"))
    line("#i", "borrower", NC_("workbook", "借款人"), case.borrower.name if case else None, "@")
    line("#i", "request_amount", NC_("workbook", "申请金额"), request.amount if request else None)
    line("#i", "term_months", NC_("workbook", "期限（月）"), request.term_months if request else None, "0")
    line(
        "#i",
        "rate_kind",
        NC_("workbook", "利率类型"),
        enum_label(request.rate.kind, lang) if request else None,
        "General",
    )
    line("#i", "rate_value", NC_("workbook", "利率"), request.rate.value if request else None, NUMBER)
    line(
        "#i",
        "method",
        NC_("workbook", "还款方式"),
        enum_label(request.method, lang) if request else None,
        "General",
    )
    line(
        "#i", "grace_months", NC_("workbook", "宽限期（月）"), request.grace_months if request else None, "0"
    )
    line("#i", "own_contribution", NC_("workbook", "自有资金"), request.own_contribution if request else None)
    kind = cap.ref("rate_kind")
    annual = enum_label(RateKind.ANNUAL_PERCENT, lang)
    line(
        "#f",
        "monthly_rate",
        NC_("workbook", "月利率"),
        f'=IF({kind}="{annual}",{cap.ref("rate_value")}/1200,{cap.ref("rate_value")}/1000)',
        RATE,
    )
    cap.row += 1
    cap.section(NC_("workbook", "还款能力"))
    line("#f", "md_avg", NC_("workbook", "月均可支配资金"), f"={disposable}")
    line("#i", "alpha", NC_("workbook", "可用比例 α"), settings.alpha, RATIO)
    line(
        "#f",
        "A_max",
        NC_("workbook", "最高月还款额 = α × 月均可支配资金"),
        f"=ROUND({cap.ref('alpha')}*{cap.ref('md_avg')},2)",
    )
    line("#x", "P_cap", NC_("workbook", "还款能力可支持的本金"), z.p_cap if z else None)
    for s in z.sensitivities if z else ():
        pct = f"{s.alpha * 100:.0f}"
        line(
            "#f",
            f"A_max_{pct}",
            text(NC_("workbook", "α = {pct}% 时最高月还款额"), lang, pct=pct),
            f"=ROUND({_cell_value(s.alpha)}*{cap.ref('md_avg')},2)",
        )
        line(
            "#x",
            f"P_cap_{pct}",
            text(NC_("workbook", "α = {pct}% 时可支持本金"), lang, pct=pct),
            s.max_principal,
        )
    cap.row += 1
    cap.section(NC_("workbook", "贷款建议"))
    limit_cells = []
    for name, value in z.limits if z else (("request", None),):
        if name == "request":
            formula: Any = f"={cap.ref('request_amount')}"
        elif name == "capacity":
            formula = f"={cap.ref('P_cap')}"
        else:
            formula = value
        limit_cells.append(line("#l", name, limit_label(name, lang), formula))
    unit = _cell_value(settings.rounding.loan_unit)
    proposal = f"=MAX(ROUNDDOWN(MIN({','.join(limit_cells)})/{unit},0)*{unit},0)" if limit_cells else None
    line("#f", "P_prop", NC_("workbook", "建议贷款金额"), proposal)
    first_row = SCHEDULE_FIRST_ROW + (request.grace_months if request else 0)
    level = (
        z is not None
        and z.schedule is not None
        and z.method in (Method.ANNUITY, Method.EQUAL_PRINCIPAL, Method.FLAT)
    )
    if level:
        line("#f", "instalment", NC_("workbook", "月还款额"), f"={schedule_sheet}$C${first_row}")
        md = cap.ref("md_avg")
        line(
            "#f",
            "ratio",
            NC_("workbook", "月还款额占月可支配资金比例"),
            f'=IF({md}<=0,"",{cap.ref("instalment")}/{md})',
            RATIO,
        )
    else:
        line("#x", "instalment", NC_("workbook", "月还款额"), z.instalment if z else None)
        line("#x", "ratio", NC_("workbook", "月还款额占月可支配资金比例"), z.ratio if z else None, RATIO)
    ratio, alpha = cap.ref("ratio"), cap.ref("alpha")
    ok, fail = STATUS_LABELS[Status.OK][lang], STATUS_LABELS[Status.FAIL][lang]
    line(
        "#f",
        "alpha_test",
        NC_("workbook", "α 检验：比例 ≤ α"),
        f'=IF({ratio}="","",IF({ratio}<={alpha},"{ok}","{fail}"))',
        "General",
    )
    cap.ws.column_dimensions["B"].width = 40


def _write_schedule(sch: _Sheet, results: CaseResults | None, principal: str) -> None:
    ws = sch.ws
    z = results.sizing if results is not None else None
    schedule = z.schedule if z is not None else None
    method = enum_label(z.method, sch.lang) if z is not None else ""
    sch.line("#f", "principal", NC_("workbook", "贷款本金"), f"={principal}")
    ws.cell(sch.row - 1, 4, method)
    head = sch.row
    for index, msg in enumerate(
        (
            NC_("workbook", "期数"),
            NC_("workbook", "还款额"),
            NC_("workbook", "利息"),
            NC_("workbook", "本金"),
            NC_("workbook", "剩余本金"),
        )
    ):
        cell = ws.cell(head, 2 + index, sch.t(msg))
        _style(cell, "General", HEAD_FONT, HEAD_FILL, CENTER)
    ws.row_dimensions[head].height = 30
    ws.cell(head, 1, "#t:schedule")
    rows = schedule.rows if schedule is not None else ()
    start = head + 1
    assert start == SCHEDULE_FIRST_ROW, "the capacity sheet's instalment formula points here"
    for offset, row in enumerate(rows):
        r = start + offset
        previous = "$C$4" if offset == 0 else f"F{r - 1}"
        values = (row.period, f"=D{r}+E{r}", row.interest, row.principal, f"={previous}-E{r}")
        for index, value in enumerate(values):
            cell = ws.cell(r, 2 + index, _cell_value(value))
            _style(cell, "0" if index == 0 else MONEY, FORMULA_FONT if isinstance(value, str) else None)
    end = start + len(rows)
    ws.cell(end, 1, "#e")
    sch.row = end + 1
    last = max(end - 1, start)
    sch.line("#f", "total_payment", NC_("workbook", "还款总额"), f"=SUM(C{start}:C{last})")
    sch.line("#f", "total_interest", NC_("workbook", "利息总额"), f"=SUM(D{start}:D{last})")


def workbook_bytes(wb: Workbook) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
