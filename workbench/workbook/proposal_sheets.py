"""The cross-check, capacity and schedule sheets of the case workbook."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.domain.cross_checks import CheckKind, CheckMethod, EnergyRatioInputs, EquityInputs, Target
from workbench.domain.loan_request import RateKind
from workbench.domain.profit_loss import Season
from workbench.domain.schedules import Method
from workbench.domain.status import Status
from workbench.texts import NC_, Msg, text
from workbench.texts.labels import ITEM_NAMES, STATUS_LABELS, enum_label, limit_label
from workbench.workbook.layout import (
    MONEY,
    NUMBER,
    RATE,
    RATIO,
)
from workbench.workbook.sheet import (
    BOX,
    CENTER,
    FORMULA_FONT,
    HEAD_FILL,
    HEAD_FONT,
    SCHEDULE_FIRST_ROW,
    Sheet,
    cell_value,
    status_formula,
    style_cell,
)

if TYPE_CHECKING:
    from workbench.domain.calc import CaseResults
    from workbench.domain.case_file import CaseFile
    from workbench.domain.cross_checks import CrossCheck
    from workbench.domain.policy import CreditPolicy

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


# The figure a check is compared with when it names none: as ``domain.cross_checks.adopted_default``
# and ``run_check`` choose it (the LibreOffice test finds every δ equal to the app's).
ADOPTED_FIGURE: dict[Target, str] = {
    Target.SALES_ANNUAL: "sales_annual",
    Target.GROSS_MARGIN: "gm_weighted",
    Target.NET_PROFIT: "net_profit_avg",
    Target.INVENTORY: "inventory",
    Target.RECEIVABLES: "receivables",
    Target.EXPENSES: "opex_avg",
    Target.HOUSEHOLD: "household_avg",
    Target.INCOME: "other_income_avg",
    Target.EQUITY: "equity_actual",
}


def _adopted_figure(check: CrossCheck | None) -> str | None:
    if check is None or check.adopted is not None or isinstance(check.inputs, EnergyRatioInputs):
        return None
    if check.target is Target.SALES_MONTH:
        return f"sales_{(check.season or Season.NORMAL).value}"
    return ADOPTED_FIGURE.get(check.target)


def write_checks(
    ck: Sheet,
    case: CaseFile | None,
    results: CaseResults | None,
    policy: CreditPolicy,
    live: dict[str, str],
) -> None:
    """The checks with live δ and status, then the matrix item × method of the deviations.

    ``live``: the cells of the figures a check may be compared with; an adopted figure the check
    does not name itself (and the equity check's expected equity) links there, so δ follows an edit.
    """
    entered = {c.id: c for c in case.cross_checks} if case is not None else {}
    ws, lang = ck.ws, ck.lang
    ck.section(NC_("workbook", "交叉检验明细"), "#t:checks")
    for index, heading in enumerate(CHECK_HEADINGS):
        cell = ws.cell(ck.row, 2 + index, ck.t(heading))
        style_cell(cell, "General", HEAD_FONT, HEAD_FILL, CENTER)
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
        linked: list[Any] = list(shown)
        check = entered.get(c.id)
        if c.kind is CheckKind.VALUE:
            figure = _adopted_figure(check)
            if figure in live:
                linked[5] = f"={live[figure]}"
            if check is not None and isinstance(check.inputs, EquityInputs):
                linked[4] = f"={live['E_exp']}"
        for index, value in enumerate(linked):
            cell = ws.cell(r, 2 + index, cell_value(value))
            style_cell(cell, fmt if index >= 4 else "General", FORMULA_FONT if _is_formula(value) else None)
        value, adopted, low, high = (f"F{r}", f"G{r}", f"H{r}", f"I{r}")
        band = policy.band(c.target)
        if c.kind is CheckKind.VALUE:
            delta = f'=IF(OR({value}="",{adopted}="",{adopted}=0),"",({adopted}-{value})/ABS({adopted}))'
            status = "=" + status_formula(f"J{r}", band, lang)
        elif c.kind is CheckKind.RANGE:
            delta = (
                f'=IF(OR({value}="",{low}="",{high}=""),"",IF(AND({value}>={low},{value}<={high}),0,'
                f'IF({value}=0,"",({value}-IF({value}<{low},{low},{high}))/ABS({value}))))'
            )
            # outside the range always needs a word, even when δ is within the OK band
            graded = status_formula(f"J{r}", band, lang)
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
        style_cell(cell, "General", HEAD_FONT, HEAD_FILL, CENTER)
    for offset, item in enumerate(items, start=1):
        r = head + offset
        ws.cell(r, 2, ITEM_NAMES.text(item, lang)).border = BOX
        for index, method in enumerate(methods):
            target = delta_at.get(f"{item}/{method.value}")
            cell = ws.cell(r, 3 + index, f"={target}" if target else None)
            cell.number_format, cell.border = RATIO, BOX
    ck.row = head + len(items) + 1


def write_capacity(
    cap: Sheet,
    case: CaseFile | None,
    results: CaseResults | None,
    policy: CreditPolicy,
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
    line("#i", "alpha", NC_("workbook", "可用比例 α"), policy.alpha, RATIO)
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
            f"=ROUND({cell_value(s.alpha)}*{cap.ref('md_avg')},2)",
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
    unit = cell_value(policy.rounding.loan_unit)
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


def write_schedule(sch: Sheet, results: CaseResults | None, principal: str) -> None:
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
        style_cell(cell, "General", HEAD_FONT, HEAD_FILL, CENTER)
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
            cell = ws.cell(r, 2 + index, cell_value(value))
            style_cell(cell, "0" if index == 0 else MONEY, FORMULA_FONT if isinstance(value, str) else None)
    end = start + len(rows)
    ws.cell(end, 1, "#e")
    sch.row = end + 1
    last = max(end - 1, start)
    sch.line("#f", "total_payment", NC_("workbook", "还款总额"), f"=SUM(C{start}:C{last})")
    sch.line("#f", "total_interest", NC_("workbook", "利息总额"), f"=SUM(D{start}:D{last})")


def _is_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith("=")
