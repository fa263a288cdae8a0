"""The key figures of a case under the names of the worked cases' fixture keys (docs/sources.md).

Shared by ``workbench calc``, the reports and the committee slides, so a figure has one name
everywhere. Values stay exact; callers round for display (money to the cent, ratios to 0.01 %).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from workbench.domain.profit_loss import LINE_FIELDS, Season

if TYPE_CHECKING:
    from workbench.domain.calc import CaseResults
    from workbench.domain.profit_loss import IncomeStatement

MONEY = "money"
RATIO = "ratio"
NUMBER = "number"

# Balance-sheet ratios read as percentages; the others (current ratio 1.17, 31.1 days) as numbers.
PERCENT_RATIOS = frozenset({"debt_ratio", "ar_to_sales", "stock_at_price_to_sales", "debt_to_sales"})

# name → kind, for formatting; order is the order of printing.
FIGURE_KINDS: dict[str, str] = {}


def _put(out: dict[str, Any], name: str, value: Any, kind: str) -> None:
    out[name] = value
    FIGURE_KINDS.setdefault(name, kind)


def key_figures(results: CaseResults) -> dict[str, Any]:
    """A flat, ordered mapping of every derived figure (``None`` where a figure is undefined)."""
    out: dict[str, Any] = {}
    st = results.statement
    s = st.structure
    _put(out, "gm_weighted", s.gross_margin, RATIO)
    _put(out, "contribution", s.gross_margin, RATIO)
    _put(out, "purchase_ratio", s.purchase_ratio, RATIO)
    _put(out, "material_ratio", s.material_ratio, RATIO)
    _put(out, "wage_ratio", s.wage_ratio, RATIO)
    _put(out, "energy_ratio", s.energy_ratio, RATIO)
    _put(out, "kwh_per_1000", s.kwh_per_1000, NUMBER)
    _put(out, "labour_hours_normal", s.labour_hours_normal, NUMBER)
    _put(out, "sales_annual", st.annual_sales, MONEY)
    for season in Season:
        _put(out, f"sales_{season.value}", _in(st, season, "sales"), MONEY)
    for name in LINE_FIELDS:
        _put(out, f"{_short(name)}_avg", st.average[name], MONEY)
    _put(out, "fixed", st.fixed_costs, MONEY)
    _put(out, "net_margin", st.net_margin, RATIO)
    for season in Season:
        _put(out, f"disposable_{season.value}", _in(st, season, "disposable"), MONEY)
    t = results.totals
    for name, value in (
        ("TA", t.total_assets),
        ("TL", t.total_liabilities),
        ("E_act", t.equity),
        ("current_assets", t.current_assets),
        ("current_liabilities", t.current_liabilities),
        ("business_assets", t.business_assets),
        ("household_assets", t.household_assets),
        ("business_equity", t.business_equity),
        ("household_equity", t.household_equity),
        ("inventory", t.inventory),
        ("receivables", t.receivables),
        ("liquid", t.liquid),
        ("guarantees_given", t.guarantees_given),
    ):
        _put(out, name, value, MONEY)
    for name, ratio in results.ratios.items():
        _put(out, name, ratio, RATIO if name in PERCENT_RATIOS else NUMBER)
    eq = results.equity
    if eq is not None:
        for name, value in (
            ("E0", eq.initial_equity),
            ("period_profit", eq.period_profit),
            ("injections", eq.injections),
            ("appreciation", eq.appreciation),
            ("withdrawals", eq.withdrawals),
            ("depreciation", eq.depreciation),
            ("E_exp", eq.expected),
            ("equity_diff", eq.current.difference),
        ):
            _put(out, name, value, MONEY)
        _put(out, "equity_dev", eq.current.deviation, RATIO)
        _put(out, "equity_s3_ratio", eq.current.s3_ratio, RATIO)
        _put(out, "equity_status", eq.current.status.value, "text")
        for number, p in enumerate(eq.passes, start=1):
            _put(out, f"TA_pass{number}", p.total_assets, MONEY)
            _put(out, f"E_pass{number}", p.actual, MONEY)
            _put(out, f"equity_dev_pass{number}", p.deviation, RATIO)
    z = results.sizing
    sizing_figures: tuple[tuple[str, Decimal | None], ...] = (
        ("A_max", z.a_max),
        ("P_cap", z.p_cap),
        ("P_cap_annuity", z.p_cap_annuity),
        ("P_cap_EP", z.p_cap_equal_principal),
        ("P_prop", z.proposal),
        ("instalment", z.instalment),
    )
    for name, amount in sizing_figures:
        _put(out, name, amount, MONEY)
    _put(out, "alpha", z.alpha, RATIO)
    _put(out, "monthly_rate", z.rate.monthly, RATIO)
    _put(out, "binding_limit", z.binding_limit, "text")
    for sens in z.sensitivities:
        pct = int(sens.alpha * 100)
        _put(out, f"A_max_{pct}", sens.max_instalment, MONEY)
        _put(out, f"P_cap_{pct}", sens.max_principal, MONEY)
    if z.schedule is not None:
        _put(out, "last_instalment", z.schedule.last_payment, MONEY)
        _put(out, "total_interest", z.schedule.total_interest, MONEY)
        _put(out, "total_payment", z.schedule.total_payment, MONEY)
    _put(out, "ratio", z.ratio, RATIO)
    if z.equal_principal is not None:
        _put(out, "EP_first", z.equal_principal.first_payment, MONEY)
        _put(out, "EP_last", z.equal_principal.last_payment, MONEY)
        _put(out, "EP_total_interest", z.equal_principal.total_interest, MONEY)
    if z.seasonal_factor is not None:
        _put(out, "seasonal_x", z.seasonal_factor, RATIO)
    _put(out, "opening_liquidity", z.opening_liquidity, MONEY)
    low = z.projection_minimum
    if low is not None:
        _put(out, "projection_min", low.balance, MONEY)
        _put(out, "projection_min_month", Decimal(low.month), NUMBER)
    _put(out, "ready", results.ready, "bool")
    return out


def _in(statement: IncomeStatement, season: Season, line: str) -> Decimal | None:
    """A season's figure, or ``None`` for a season the calendar does not have."""
    value: Decimal = getattr(statement.by_season[season], line)
    return value if season in statement.seasons else None


def _short(line: str) -> str:
    return {
        "net_profit_cash": "net_profit",
        "net_profit_accounting": "net_profit_acc",
        "operating_profit": "op_profit",
        "operating_expenses": "opex",
    }.get(line, line)
