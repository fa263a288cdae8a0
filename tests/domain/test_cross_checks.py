"""cross_checks: every method M1…M17 on a hand-computed example, the deviation convention,
status bands, references, superseding, and the fixture checks of cases A and B (tables A6, B6)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.domain.builders import BAND, ctx, demo_case, demo_results, pct
from workbench.domain.cross_checks import (
    BankFlowInputs,
    CapacityInputs,
    CheckContext,
    CheckInputs,
    CheckKind,
    CheckMethod,
    CostStructureInputs,
    CrossCheck,
    CrossCheckResult,
    EnergyInputs,
    EnergyRatioInputs,
    EquityInputs,
    EstimationInputs,
    IncomeCostInputs,
    IncomeInputs,
    IncomeSource,
    InventoryInputs,
    LogicInputs,
    MarginItem,
    MarginSampleInputs,
    PurchasesInputs,
    RangeInputs,
    SeasonalInputs,
    Target,
    TrendInputs,
    VerificationInputs,
    WageInputs,
    _range_deviation,
    adopted_default,
    deviation_rate,
    run_check,
    run_cross_checks,
)
from workbench.domain.errors import ValidationError
from workbench.domain.figures import REFERABLE_FIGURES, FigureRef, resolve
from workbench.domain.money import quantize
from workbench.domain.profit_loss import Season
from workbench.domain.settings import ToleranceBand
from workbench.domain.status import Status, status_for

D = Decimal
M = CheckMethod
T = Target
OK, EXPLAIN, FAIL = Status.OK, Status.EXPLAIN, Status.FAIL

FIGURES: dict[str, Decimal | None] = {
    "sales_normal": D(100000),
    "operating_days": D(30),  # the case's days (calc puts them here)
    "sales_peak": D(130000),
    "sales_slack": D(70000),
    "sales_avg": D(100000),
    "sales_annual": D(1200000),
    "gm_weighted": D("0.30"),
    "cost_ratio": D("0.70"),
    "purchase_ratio": D(0),
    "material_ratio": D("0.50"),
    "wage_ratio": D("0.20"),
    "energy_ratio": D("0.03"),
    "kwh_per_1000": D(30),
    "labour_hours_normal": D(1192),
    "net_profit_avg": D(8400),
    "inventory": D(105000),
    "inventory_days": D("31.1"),
    "other_income_avg": D(6000),
    "opex_avg": D(9000),
    "household_avg": D(5000),
    "receivables": D(5000),
    "E_act": D(701000),
}
SEASON_SALES = {m: D(100000) for m in range(1, 13)} | {11: D(130000), 1: D(70000)}
CTX = ctx(FIGURES, SEASON_SALES, equity_expected=D(722780), equity_actual=D(701000))


def run(
    method: CheckMethod,
    inputs: CheckInputs,
    target: Target = T.SALES_MONTH,
    *,
    season: Season | None = None,
    adopted: Decimal | FigureRef | None = None,
    context: CheckContext = CTX,
    flow: ToleranceBand = BAND,
    equity: ToleranceBand = BAND,
) -> CrossCheckResult:
    check = CrossCheck("X", target, method, inputs, season=season, adopted=adopted)
    return run_check(check, context, lambda t: equity if t is T.EQUITY else flow)


def assert_result(
    r: CrossCheckResult, value: str | None, adopted: str | None, deviation: str | None, status: Status
) -> None:
    """Check value and adopted to the cent, deviation to 0.01 %, and the status."""
    assert (None if r.check_value is None else quantize(r.check_value)) == (
        None if value is None else D(value)
    )
    assert (None if r.adopted is None else quantize(r.adopted)) == (None if adopted is None else D(adopted))
    assert (None if r.deviation is None else pct(r.deviation)) == (
        None if deviation is None else D(deviation)
    )
    assert r.status is status


# ---- one hand-computed example per method -------------------------------------------------------


def test_m1_documented_sales_over_coverage() -> None:
    # 55,000 on the sales book covers half the sales → 110,000 vs 100,000: −10.00 % (edge: EXPLAIN)
    r = run(M.M1, VerificationInputs(documented=D(55000), coverage=D("0.5")))
    assert_result(r, "110000.00", "100000.00", "-10.00", EXPLAIN)
    assert r.kind is CheckKind.VALUE
    assert r.item == "sales"


def test_m1_tax_paid_over_tax_rate_and_months() -> None:
    # 3 months of VAT 8,910 at 3 % → 297,000 / 3 = 99,000 per month
    r = run(M.M1, VerificationInputs(documented=D(8910), tax_rate=D("0.03"), months=D(3)))
    assert_result(r, "99000.00", "100000.00", "1.00", OK)


def test_m1b_receipts_over_channel_share_plus_receivables_change() -> None:
    # 72,000 / 0.8 + 5,000 = 95,000 → +5.00 % (edge: still OK)
    r = run(M.M1B, BankFlowInputs(receipts=D(72000), channel_share=D("0.8"), delta_receivables=D(5000)))
    assert_result(r, "95000.00", "100000.00", "5.00", OK)


def test_m1b_over_several_months() -> None:
    r = run(M.M1B, BankFlowInputs(receipts=D(168000), channel_share=D("0.8"), months=D(2)))
    assert_result(r, "105000.00", "100000.00", "-5.00", OK)


def test_m2_daily_times_days() -> None:
    r = run(M.M2, EstimationInputs(daily=D(3950), days=D(30)))
    assert_result(r, "118500.00", "100000.00", "-18.50", FAIL)


def test_m2_customers_times_ticket_times_days() -> None:
    # 120 customers × 25 CNY × 30 days = 90,000 → +10.00 % (edge: EXPLAIN)
    r = run(M.M2, EstimationInputs(customers=D(120), average_ticket=D(25)))
    assert_result(r, "90000.00", "100000.00", "10.00", EXPLAIN)


def test_m2_peak_season_compares_with_the_peak_month() -> None:
    r = run(M.M2, EstimationInputs(daily=D(4400), days=D(30)), season=Season.PEAK)
    assert_result(r, "132000.00", "130000.00", "-1.54", OK)


@pytest.mark.parametrize(
    ("value", "inside", "deviation", "status"),
    [
        ("31.1", True, "0.00", OK),
        ("25", True, "0.00", OK),  # bounds are inside
        ("45", True, "0.00", OK),
        ("50", False, "10.00", EXPLAIN),  # (50 − 45) / 50
        ("20", False, "-25.00", FAIL),  # (20 − 25) / 20
    ],
)
def test_m3_ratio_against_a_range(value: str, inside: bool, deviation: str, status: Status) -> None:
    context = ctx(FIGURES | {"inventory_days": D(value)})
    r = run(M.M3, RangeInputs(low=D(25), high=D(45), value=FigureRef("inventory_days")), T.INVENTORY,
            context=context)  # fmt: skip
    assert r.kind is CheckKind.RANGE
    assert (r.low, r.high) == (D(25), D(45))
    assert r.check_value == r.adopted == D(value)
    assert r.inside is inside
    assert pct(r.deviation) == D(deviation)
    assert r.status is status
    assert r.item == "inventory"


def test_m4_stated_figure_with_growth() -> None:
    # last year 1,600,000 + 10 % = 1,760,000 vs 1,920,000 adopted annual: +8.33 %
    r = run(M.M4, TrendInputs(stated=D(1600000), growth=D("0.1")), T.SALES_ANNUAL, adopted=D(1920000))
    assert_result(r, "1760000.00", "1920000.00", "8.33", EXPLAIN)


def test_m4_without_growth_is_the_stated_figure() -> None:
    r = run(M.M4, TrendInputs(stated=D(1800000)), T.SALES_ANNUAL, adopted=D(1934400))
    assert_result(r, "1800000.00", "1934400.00", "6.95", EXPLAIN)


@pytest.mark.parametrize(
    ("adopted", "inside", "deviation", "status"),
    [("120000", True, "0.00", OK), ("140000", False, "3.57", EXPLAIN), ("90000", False, "-16.67", FAIL)],
)
def test_m5_peer_range_scaled_to_a_month(adopted: str, inside: bool, deviation: str, status: Status) -> None:
    # peers sell 3,500–4,500 a day → 105,000–135,000 a month; outside, δ to the nearest bound
    r = run(M.M5, RangeInputs(low=D(3500), high=D(4500), scale=D(30)), adopted=D(adopted))
    assert (r.low, r.high) == (D(105000), D(135000))
    assert r.check_value == r.adopted == D(adopted)
    assert r.inside is inside
    assert pct(r.deviation) == D(deviation)
    assert r.status is status


def test_m6_wages_over_wage_share() -> None:
    # default share is =wage_ratio (0.20): 20,400 / 0.2 = 102,000
    r = run(M.M6, WageInputs(wages_paid=D(20400)))
    assert_result(r, "102000.00", "100000.00", "-2.00", OK)


def test_m6_over_several_months_with_an_explicit_share() -> None:
    r = run(M.M6, WageInputs(wages_paid=D(45000), wage_share=D("0.25"), months=D(2)))
    assert_result(r, "90000.00", "100000.00", "10.00", EXPLAIN)


def test_m7_trade_purchases_over_months() -> None:
    # (205,000 − 4,000) / 2 / (1 − 0.30) = 143,571.43 (default cost share =cost_ratio)
    r = run(M.M7, PurchasesInputs(purchases=D(205000), months=D(2), delta_inventory=D(4000)))
    assert_result(r, "143571.43", "100000.00", "-43.57", FAIL)


def test_m7_weeks_are_twelve_fifty_seconds_of_a_month_with_a_line_share() -> None:
    # 5,200 over 4 weeks = 5,200 × 52 / 48 per month = 5,633.33; ÷ 0.8 cost ÷ 0.5 line share = 14,083.33
    r = run(M.M7, PurchasesInputs(purchases=D(5200), weeks=D(4), cost_share=D("0.8"), line_share=D("0.5")),
            adopted=D(14000))  # fmt: skip
    assert_result(r, "14083.33", "14000.00", "-0.60", OK)


def test_m7_production_divides_by_the_material_share() -> None:
    # (160,000 − 10,000) / 3 / 0.5 = 100,000
    inputs = PurchasesInputs(
        purchases=D(160000), months=D(3), delta_inventory=D(10000), cost_share=FigureRef("material_ratio")
    )
    assert_result(run(M.M7, inputs), "100000.00", "100000.00", "0.00", OK)


def test_m7_without_months_or_weeks_has_no_value_and_fails() -> None:
    r = run(M.M7, PurchasesInputs(purchases=D(1000)))
    assert r.check_value is None and r.deviation is None and r.status is FAIL


def test_m8_stated_annual_against_the_calendar_total() -> None:
    r = run(M.M8, SeasonalInputs(stated_annual=D(1140000)), T.SALES_ANNUAL)
    assert_result(r, "1140000.00", "1200000.00", "5.00", OK)


def test_m9_energy_net_of_base_load() -> None:
    # (3,250 − 100) kWh ÷ 30 kWh per 1,000 CNY = 105,000
    r = run(M.M9, EnergyInputs(kwh=D(3250), base_kwh=D(100)))
    assert_result(r, "105000.00", "100000.00", "-5.00", OK)


def test_m9_with_an_explicit_intensity() -> None:
    r = run(M.M9, EnergyInputs(kwh=D(2700), kwh_per_1000=D(25)))
    assert_result(r, "108000.00", "100000.00", "-8.00", EXPLAIN)


def test_m9b_adopted_is_the_sales_ratio_of_the_two_calendar_months() -> None:
    # (1,400 − 100) / (1,100 − 100) = 1.3 vs November / June sales = 130,000 / 100,000
    r = run(M.M9B, EnergyRatioInputs(kwh_a=D(1400), kwh_b=D(1100), month_a=11, month_b=6, base_kwh=D(100)),
            T.SEASONAL_FACTOR)  # fmt: skip
    assert r.check_value == D("1.3")
    assert r.adopted == D("1.3")
    assert r.deviation == 0
    assert r.status is OK


def test_m9b_slack_against_normal() -> None:
    # January / June = 0.7; kWh ratio 1,600 / 2,000 = 0.8 → (0.7 − 0.8) / 0.7 = −14.29 %
    r = run(M.M9B, EnergyRatioInputs(kwh_a=D(1600), kwh_b=D(2000), month_a=1, month_b=6), T.SEASONAL_FACTOR)
    assert (r.check_value, r.adopted) == (D("0.8"), D("0.7"))
    assert pct(r.deviation) == D("-14.29")
    assert r.status is FAIL


def test_m10_margin_from_the_cost_shares() -> None:
    # 1 − 0.50 − 0.20 − 0.03 − 0 = 0.27 vs adopted margin 0.30: (0.30 − 0.27) / 0.30 = 10.00 %
    r = run(M.M10, CostStructureInputs(), T.GROSS_MARGIN)
    assert r.check_value == D("0.27")
    assert r.adopted == D("0.30")
    assert pct(r.deviation) == D("10.00")
    assert r.status is EXPLAIN
    assert r.item == "gross_margin"


def test_m10_with_explicit_shares() -> None:
    inputs = CostStructureInputs(
        material_share=D("0.45"), wage_share=D("0.2"), energy_share=D("0.03"), purchase_share=D(0),
        other_share=D("0.02"),
    )  # fmt: skip
    r = run(M.M10, inputs, T.GROSS_MARGIN)
    assert (r.check_value, r.deviation, r.status) == (D("0.30"), D(0), OK)


def test_m11_profit_is_sales_minus_costs() -> None:
    r = run(M.M11, IncomeCostInputs(sales=D(100000), costs=D(92000)), T.NET_PROFIT)
    assert_result(r, "8000.00", "8400.00", "4.76", OK)


def test_m12_inventory_roll_forward() -> None:
    # 100,000 + 100,500 − 101,280 = 99,220 vs counted 105,000: 5.50 %
    r = run(M.M12, InventoryInputs(previous=D(100000), purchases=D(100500), cost_of_sales=D(101280)),
            T.INVENTORY)  # fmt: skip
    assert_result(r, "99220.00", "105000.00", "5.50", EXPLAIN)


@pytest.mark.parametrize(
    ("required", "utilisation", "inside", "deviation", "status"),
    [
        ("1192", "0.9551", True, "0.00", OK),  # case B normal month
        ("1248", "1.0000", True, "0.00", OK),  # exactly 100 %
        ("1560", "1.2500", False, "20.00", FAIL),  # (1.25 − 1) / 1.25
    ],
)
def test_m13_labour_capacity(
    required: str, utilisation: str, inside: bool, deviation: str, status: Status
) -> None:
    # 6 workers × 26 days × 8 h = 1,248 h available
    context = ctx(FIGURES | {"labour_hours_normal": D(required)})
    r = run(M.M13, CapacityInputs(workers=D(6), days=D(26), hours_per_day=D(8)), T.LABOUR_CAPACITY,
            context=context)  # fmt: skip
    assert r.kind is CheckKind.RANGE
    assert quantize(r.check_value, D("0.0001")) == D(utilisation)
    assert (r.low, r.high) == (D(0), D(1))
    assert r.inside is inside
    assert pct(r.deviation) == D(deviation)
    assert r.status is status


def test_m13_with_a_lower_utilisation_ceiling() -> None:
    r = run(M.M13, CapacityInputs(workers=D(2), days=D(25), hours_per_day=D(8), required_hours=D(380),
                                  max_utilisation=D("0.9")), T.LABOUR_CAPACITY)  # fmt: skip
    assert r.check_value == D("0.95")
    assert r.high == D("0.9")
    assert r.inside is False
    assert pct(r.deviation) == D("5.26")  # (0.95 − 0.9) / 0.95
    assert r.status is EXPLAIN


def test_m14_weighted_margin_sample() -> None:
    # (3 × 20 % + 1 × 40 %) / 4 = 25 % vs adopted 30 %
    items = (MarginItem("rice", D(80), D(100), D(3)), MarginItem("soap", D(6), D(10), D(1)))
    r = run(M.M14, MarginSampleInputs(items), T.GROSS_MARGIN)
    assert r.check_value == D("0.25")
    assert pct(r.deviation) == D("16.67")
    assert r.status is FAIL


def test_m14_case_a_table_reproduces_the_weighted_margin() -> None:
    items = (
        MarginItem("tobacco", D(18), D(20), D("0.30")),
        MarginItem("beverages", D("2.5"), D(3), D("0.30")),
        MarginItem("snacks", D("3.9"), D(5), D("0.20")),
        MarginItem("daily goods", D(8), D(10), D("0.12")),
        MarginItem("grain & oil", D(45), D(50), D("0.08")),
    )
    r = run(M.M14, MarginSampleInputs(items), T.GROSS_MARGIN, adopted=D("0.156"))
    assert quantize(r.check_value, D("0.000001")) == D("0.156000")
    assert pct(r.deviation) == D("0.00")
    assert r.status is OK


def test_m14_without_items_fails() -> None:
    r = run(M.M14, MarginSampleInputs(()), T.GROSS_MARGIN)
    assert (r.check_value, r.deviation, r.status) == (None, None, FAIL)


def test_m15_income_sources_are_summed() -> None:
    sources = (IncomeSource("payslip", D(5000)), IncomeSource("rent", D(800)))
    r = run(M.M15, IncomeInputs(sources), T.INCOME)
    assert_result(r, "5800.00", "6000.00", "3.33", OK)
    assert r.item == "income"


def test_m16_expected_against_actual_equity() -> None:
    r = run(M.M16, EquityInputs(), T.EQUITY)
    assert_result(r, "722780.00", "701000.00", "-3.11", OK)
    assert r.item == "equity"


@pytest.mark.parametrize(
    ("flow", "equity", "status"),
    [
        (ToleranceBand(D("0.01"), D("0.02")), BAND, OK),  # a tight flow band does not apply
        (BAND, ToleranceBand(D("0.03"), D("0.04")), EXPLAIN),  # the equity band does
        (BAND, ToleranceBand(D("0.01"), D("0.02")), FAIL),
    ],
)
def test_m16_is_graded_with_the_equity_band(
    flow: ToleranceBand, equity: ToleranceBand, status: Status
) -> None:
    assert run(M.M16, EquityInputs(), T.EQUITY, flow=flow, equity=equity).status is status


def test_m16_without_a_reconciliation_fails() -> None:
    r = run(M.M16, EquityInputs(), T.EQUITY, context=ctx(FIGURES))
    assert (r.check_value, r.adopted, r.deviation, r.status) == (None, None, None, FAIL)


@pytest.mark.parametrize(("consistent", "status"), [(True, OK), (False, FAIL)])
def test_m17_logic_check(consistent: bool, status: Status) -> None:
    inputs = LogicInputs("client", "shop opened 2019", "licence", "licence dated 2019-06", consistent)
    r = run(M.M17, inputs, T.SOFT)
    assert r.kind is CheckKind.LOGIC
    assert (r.check_value, r.adopted, r.deviation) == (None, None, None)
    assert r.status is status
    assert r.inside is None
    assert r.item == "soft"


# ---- annual targets ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "inputs",
    [
        VerificationInputs(documented=D(300000), months=D(3)),
        BankFlowInputs(receipts=D(160000), channel_share=D("0.8"), months=D(2)),
        EstimationInputs(daily=D(3300), days=D(30)),
        WageInputs(wages_paid=D(60000), months=D(3)),
        PurchasesInputs(purchases=D(210000), months=D(3)),
        PurchasesInputs(purchases=D(16000), weeks=D(4), cost_share=D("0.7")),
        EnergyInputs(kwh=D(3100), base_kwh=D(100)),
    ],
    ids=["M1", "M1b", "M2", "M6", "M7-months", "M7-weeks", "M9"],
)
def test_an_annual_target_is_twelve_monthly_figures(inputs: CheckInputs) -> None:
    method = {
        VerificationInputs: M.M1,
        BankFlowInputs: M.M1B,
        EstimationInputs: M.M2,
        WageInputs: M.M6,
        PurchasesInputs: M.M7,
        EnergyInputs: M.M9,
    }[type(inputs)]
    monthly = run(method, inputs, T.SALES_MONTH)
    annual = run(method, inputs, T.SALES_ANNUAL)
    assert monthly.check_value is not None
    assert annual.check_value is not None
    assert quantize(annual.check_value) == quantize(monthly.check_value * 12)
    assert annual.adopted == D(1200000)


def test_b4_style_twelve_months_of_receipts_is_already_annual() -> None:
    # (1,560,000 / 0.82 + 25,000) over 12 months, × 12 for the annual target
    inputs = BankFlowInputs(
        receipts=D(1560000), channel_share=D("0.82"), months=D(12), delta_receivables=D(25000)
    )
    r = run(M.M1B, inputs, T.SALES_ANNUAL, adopted=D(1934400))
    assert_result(r, "1927439.02", "1934400.00", "0.36", OK)


def test_a_trend_or_seasonal_figure_is_not_scaled_for_an_annual_target() -> None:
    assert run(M.M4, TrendInputs(stated=D(1000)), T.SALES_ANNUAL).check_value == D(1000)
    assert run(M.M8, SeasonalInputs(stated_annual=D(1000)), T.SALES_ANNUAL).check_value == D(1000)


# ---- references and undefined figures ------------------------------------------------------------


@pytest.mark.parametrize("name", ["wage_ratio", "material_ratio", "cost_ratio", "kwh_per_1000", "E_exp"])
def test_references_resolve_from_the_figures(name: str) -> None:
    assert name in REFERABLE_FIGURES
    assert resolve(FigureRef(name), {name: D("0.123")}, "f") == D("0.123")
    assert resolve(FigureRef(name), {}, "f") is None  # known but not computed: undefined


def test_the_demo_file_writes_references_as_equals_names() -> None:
    checks = {c.id: c for c in demo_case("b").cross_checks}
    b3, b1 = checks["B3"].inputs, checks["B1"].inputs
    assert isinstance(b3, PurchasesInputs)
    assert isinstance(b1, WageInputs)
    assert b3.cost_share == FigureRef("material_ratio")  # "=material_ratio" in case-b.json
    assert b1.wage_share == FigureRef("wage_ratio")  # the default


def test_a_number_resolves_to_itself() -> None:
    assert resolve(D("0.5"), {}, "f") == D("0.5")


def test_an_unknown_reference_is_refused_at_construction() -> None:
    with pytest.raises(ValidationError) as caught:
        FigureRef("wage_rate")
    assert caught.value.reason == "unknown_reference"
    assert caught.value.params == {"value": "=wage_rate"}


def test_resolve_refuses_an_unknown_reference_that_slipped_past_construction() -> None:
    ref = object.__new__(FigureRef)
    object.__setattr__(ref, "name", "nope")
    with pytest.raises(ValidationError) as caught:
        resolve(ref, {"nope": D(1)}, "inputs.wage_share")
    assert (caught.value.field, caught.value.reason) == ("inputs.wage_share", "unknown_reference")


def test_an_explicit_adopted_reference() -> None:
    r = run(M.M2, EstimationInputs(daily=D(4000)), adopted=FigureRef("sales_peak"))
    assert r.adopted == D(130000)


@pytest.mark.parametrize(
    ("method", "inputs", "target", "missing"),
    [
        (M.M6, WageInputs(wages_paid=D(20000)), T.SALES_MONTH, "wage_ratio"),
        (M.M9, EnergyInputs(kwh=D(3000)), T.SALES_MONTH, "kwh_per_1000"),
        (M.M7, PurchasesInputs(purchases=D(1000), months=D(1)), T.SALES_MONTH, "cost_ratio"),
        (M.M10, CostStructureInputs(), T.GROSS_MARGIN, "energy_ratio"),
        (M.M13, CapacityInputs(workers=D(2), days=D(26), hours_per_day=D(8)), T.LABOUR_CAPACITY,
         "labour_hours_normal"),
        (M.M2, EstimationInputs(daily=D(1000)), T.SALES_MONTH, "sales_normal"),  # the adopted figure
    ],
)  # fmt: skip
def test_an_undefined_figure_fails_the_check_without_raising(
    method: CheckMethod, inputs: CheckInputs, target: Target, missing: str
) -> None:
    r = run(method, inputs, target, context=ctx(FIGURES | {missing: None}))
    assert r.deviation is None
    assert r.status is FAIL
    if missing != "sales_normal":
        assert r.check_value is None


def test_a_zero_divisor_leaves_the_value_undefined() -> None:
    r = run(M.M1B, BankFlowInputs(receipts=D(1000), channel_share=D(0)))
    assert (r.check_value, r.status) == (None, FAIL)


def test_inputs_must_match_the_method() -> None:
    with pytest.raises(ValidationError) as caught:
        CrossCheck("X", T.SALES_MONTH, M.M6, EstimationInputs(daily=D(1)))
    assert (caught.value.field, caught.value.reason) == ("inputs", "wrong_type")
    assert caught.value.params == {"expected": "WageInputs"}


@pytest.mark.parametrize(
    ("target", "season", "expected"),
    [
        (T.SALES_MONTH, None, "sales_normal"),
        (T.SALES_MONTH, Season.PEAK, "sales_peak"),
        (T.SALES_MONTH, Season.SLACK, "sales_slack"),
        (T.SALES_ANNUAL, None, "sales_annual"),
        (T.GROSS_MARGIN, None, "gm_weighted"),
        (T.NET_PROFIT, None, "net_profit_avg"),
        (T.INVENTORY, None, "inventory"),
        (T.RECEIVABLES, None, "receivables"),
        (T.EXPENSES, None, "opex_avg"),
        (T.HOUSEHOLD, None, "household_avg"),
        (T.INCOME, None, "other_income_avg"),
        (T.EQUITY, None, "E_act"),
        (T.SEASONAL_FACTOR, None, None),
        (T.LABOUR_CAPACITY, None, None),
        (T.SOFT, None, None),
    ],
)
def test_adopted_default(target: Target, season: Season | None, expected: str | None) -> None:
    assert adopted_default(target, season, FIGURES) == (None if expected is None else FIGURES[expected])


# ---- deviation convention and status bands ------------------------------------------------------


@pytest.mark.parametrize(
    ("adopted", "check", "deviation"),
    [
        ("120000", "118500", "0.0125"),  # check lower → positive
        ("120000", "123428.57", "-0.0286"),  # check higher → negative
        ("0.30", "0.27", "0.1000"),
        ("1000", "1000", "0.0000"),
    ],
)
def test_deviation_rate_and_its_mirror_convention(adopted: str, check: str, deviation: str) -> None:
    a, c = D(adopted), D(check)
    ours = deviation_rate(a, c)
    assert ours is not None
    assert quantize(ours, D("0.0001")) == D(deviation)
    other = (c - a) / a  # the other common form: same magnitude, opposite sign
    assert other == -ours
    assert abs(other) == abs(ours)


@pytest.mark.parametrize(("adopted", "check"), [(None, D(1)), (D(1), None), (D(0), D(5)), (None, None)])
def test_deviation_rate_undefined(adopted: Decimal | None, check: Decimal | None) -> None:
    assert deviation_rate(adopted, check) is None


def test_deviation_sign_with_a_negative_adopted_figure() -> None:
    deviation = deviation_rate(D(-1000), D(-500))  # check is higher than adopted
    assert deviation is not None
    assert deviation < 0


@pytest.mark.parametrize(
    ("deviation", "status"),
    [
        ("0", OK),
        ("0.05", OK),  # exactly 5.00 %
        ("-0.05", OK),
        ("0.050049", OK),  # shows as 5.00 %
        ("0.05005", EXPLAIN),  # shows as 5.01 % (half-up)
        ("0.0501", EXPLAIN),
        ("-0.0501", EXPLAIN),
        ("0.10", EXPLAIN),  # exactly 10.00 %
        ("-0.10", EXPLAIN),
        ("0.100049", EXPLAIN),
        ("0.10005", FAIL),
        ("0.1001", FAIL),
        ("-0.1001", FAIL),
        ("3", FAIL),
    ],
)
def test_status_band_edges(deviation: str, status: Status) -> None:
    assert status_for(D(deviation), BAND) is status


def test_status_of_an_astronomical_deviation_is_fail() -> None:
    assert status_for(D("1e24"), BAND) is FAIL


def test_a_codec_legal_extreme_check_fails_instead_of_raising() -> None:
    inputs = VerificationInputs(documented=D("1000000000000000"), coverage=D("0.00000000000000000001"))
    r = run(M.M1, inputs)
    assert r.status is FAIL


def test_status_for_an_undefined_deviation_fails() -> None:
    assert status_for(None, BAND) is FAIL


def test_status_with_a_custom_band() -> None:
    band = ToleranceBand(ok=D("0.02"), explain=D("0.03"))
    assert [status_for(D(x), band) for x in ("0.02", "0.0201", "0.03", "0.0301")] == [
        OK,
        EXPLAIN,
        EXPLAIN,
        FAIL,
    ]


@pytest.mark.parametrize(
    ("value", "low", "high", "deviation"),
    [
        ("5", "1", "10", "0"),
        ("12", "1", "10", "0.1666666666666666666666666667"),
        ("0.5", "1", "10", "-1"),
        (None, "1", "10", None),
        ("5", None, "10", None),
        ("0", "1", "10", None),  # below the range at zero: undefined base
    ],
)
def test_range_deviation(value: str | None, low: str | None, high: str | None, deviation: str | None) -> None:
    def dec(x: str | None) -> Decimal | None:
        return None if x is None else D(x)

    assert _range_deviation(dec(value), dec(low), dec(high)) == dec(deviation)


# ---- run_cross_checks: superseding and error paths ---------------------------------------------


def test_supersedes_marks_the_earlier_check() -> None:
    checks = (
        CrossCheck("C4a", T.SALES_MONTH, M.M2, EstimationInputs(daily=D(3700))),
        CrossCheck("C4b", T.SALES_MONTH, M.M2, EstimationInputs(daily=D(3350)), supersedes="C4a"),
        CrossCheck("C5", T.SALES_MONTH, M.M2, EstimationInputs(daily=D(3300))),
    )
    results = run_cross_checks(checks, CTX, lambda _: BAND)
    assert [(r.id, r.superseded_by) for r in results] == [("C4a", "C4b"), ("C4b", ""), ("C5", "")]
    assert results[0].status is FAIL  # kept with its own grading, just marked


def test_the_result_carries_the_officers_text() -> None:
    check = CrossCheck("C9", T.SALES_MONTH, M.M2, EstimationInputs(daily=D(3000)), title="till",
                       explanation="rainy fortnight", evidence=("E1",))  # fmt: skip
    r = run_check(check, CTX, lambda _: BAND)
    assert (r.id, r.title, r.explanation, r.evidence, r.method) == (
        "C9",
        "till",
        "rainy fortnight",
        ("E1",),
        M.M2,
    )
    assert r.explained is True
    assert r.inside is None


def test_a_faulty_check_is_named_by_its_place_in_the_list() -> None:
    ref = object.__new__(FigureRef)
    object.__setattr__(ref, "name", "nope")  # slipped past construction
    good = CrossCheck("A", T.SALES_MONTH, M.M2, EstimationInputs(daily=D(4000)))
    bad = CrossCheck("B", T.SALES_MONTH, M.M2, EstimationInputs(daily=D(4000)), adopted=ref)
    with pytest.raises(ValidationError) as caught:
        run_cross_checks((good, bad), CTX, lambda _: BAND)
    assert (caught.value.field, caught.value.reason) == ("cross_checks[1].adopted", "unknown_reference")


# ---- the worked cases: every fixture check --------------------------------------------------------

CASE_A_CHECKS = [
    ("C1", "118500.00", "120000.00", "1.25", OK, ""),
    ("C2", "123428.57", "120000.00", "-2.86", OK, ""),
    ("C3", "119075.83", "120000.00", "0.77", OK, ""),
    ("C4a", "128395.06", "120000.00", "-7.00", EXPLAIN, "C4b"),
    ("C4b", "120370.37", "120000.00", "-0.31", OK, ""),
    ("C5", "1400000.00", "1440000.00", "2.78", OK, ""),
    ("C6", "120000.00", "120000.00", "0.00", OK, ""),  # range 105,000–135,000: inside
    ("C7", "31.10", "31.10", "0.00", OK, ""),  # inventory days in 25–45: inside
    # added for the readiness gate (issue #13): a second method for margin and inventory
    ("C8", "0.16", "0.16", "0.00", OK, ""),  # the A1 table as a sample: 15.60 %
    ("C9", "0.16", "0.16", "0.00", OK, ""),  # peer range 12–20 %: inside
    ("C10", "105000.00", "105000.00", "0.00", OK, ""),  # peers' stock 80,000–170,000: inside
]

CASE_B_CHECKS = [
    ("B1", "165006.28", "161200.00", "-2.36", OK),
    ("B2", "168845.85", "161200.00", "-4.74", OK),
    ("B2b", "1.28", "1.30", "1.31", OK),
    ("B3", "161759.89", "161200.00", "-0.35", OK),
    ("B4", "1927439.02", "1934400.00", "0.36", OK),
    ("B5", "1800000.00", "1934400.00", "6.95", EXPLAIN),
    ("B6", "0.27", "0.27", "0.00", OK),  # contribution 26.93 % in the peer range 22–30 %
    ("B7", "0.96", "0.96", "0.00", OK),  # 95.51 % utilisation
    ("B7p", "0.99", "0.99", "0.00", OK),  # peak: 1,549.6 h of 1,560 h
    # added for the readiness gate (issue #13): margin, inventory, receivables and expenses
    ("B8", "0.27", "0.27", "0.48", OK),  # three orders: 26.80 % against 26.93 %
    ("B9", "31.58", "31.58", "0.00", OK),  # inventory days in 25–40: inside
    ("B10", "122600.00", "124000.00", "1.13", OK),
    ("B11", "0.73", "0.73", "0.00", OK),  # receivables 73.20 % of a month's sales, in 50–90 %
    ("B12", "115000.00", "118000.00", "2.54", OK),
    ("B13", "18900.00", "19240.00", "1.77", OK),
    ("B14", "19240.00", "19240.00", "0.00", OK),  # peer range 17,000–22,000: inside
]


@pytest.mark.parametrize(("check_id", "value", "adopted", "deviation", "status", "by"), CASE_A_CHECKS)
def test_case_a_fixture_checks(
    check_id: str, value: str, adopted: str, deviation: str, status: Status, by: str
) -> None:
    r = next(r for r in demo_results("a").checks if r.id == check_id)
    assert_result(r, value, adopted, deviation, status)
    assert r.superseded_by == by


@pytest.mark.parametrize(("check_id", "value", "adopted", "deviation", "status"), CASE_B_CHECKS)
def test_case_b_fixture_checks(
    check_id: str, value: str, adopted: str, deviation: str, status: Status
) -> None:
    r = next(r for r in demo_results("b").checks if r.id == check_id)
    assert_result(r, value, adopted, deviation, status)
    assert r.superseded_by == ""


def test_case_b_fixture_details() -> None:
    checks = {r.id: r for r in demo_results("b").checks}
    assert quantize(checks["B2b"].check_value, D("0.001")) == D("1.283")
    assert checks["B2b"].adopted == D("1.3")
    assert (checks["B6"].low, checks["B6"].high) == (D("0.22"), D("0.30"))
    assert quantize(checks["B7"].check_value, D("0.0001")) == D("0.9551")  # 1,192 / 1,248
    assert checks["B7p"].check_value == D("1549.6") / D(1560)
    assert all(checks[i].inside for i in ("B6", "B7", "B7p"))
    assert checks["B5"].explained


def test_every_case_check_is_listed() -> None:
    assert [r.id for r in demo_results("a").checks] == [c[0] for c in CASE_A_CHECKS]
    assert [r.id for r in demo_results("b").checks] == [c[0] for c in CASE_B_CHECKS]
