"""The cross-check catalogue (交叉检验): methods M1–M17, deviations, statuses.

Deviation convention (the reference system's 偏差率): δ = (adopted − check) / adopted. δ > 0 means the
independent check is *lower* than the adopted figure (the adopted figure may be overstated). Range
checks (ratio analysis, peer comparison, capacity) report inside/outside; outside, δ is taken to the
nearest bound.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from workbench.domain.errors import ValidationError
from workbench.domain.explanations import real_explanation
from workbench.domain.fields import CalendarMonth, LongText, Text
from workbench.domain.figures import FigureRef, Operand, resolve
from workbench.domain.money import ONE, ZERO, safe_div
from workbench.domain.profit_loss import Season
from workbench.domain.row_ids import Row, check_unique_row_ids
from workbench.domain.status import Status, status_for

if TYPE_CHECKING:
    from workbench.domain.settings import ToleranceBand


class Target(StrEnum):
    """What a check tests; decides the adopted figure it is compared with."""

    SALES_MONTH = "sales_month"
    SALES_ANNUAL = "sales_annual"
    SEASONAL_FACTOR = "seasonal_factor"
    LABOUR_CAPACITY = "labour_capacity"
    GROSS_MARGIN = "gross_margin"
    NET_PROFIT = "net_profit"
    INVENTORY = "inventory"
    RECEIVABLES = "receivables"
    EXPENSES = "expenses"
    HOUSEHOLD = "household"
    INCOME = "income"
    EQUITY = "equity"
    SOFT = "soft"
    DEBTS = "debts"


ITEM_OF_TARGET: dict[Target, str] = {
    Target.SALES_MONTH: "sales",
    Target.SALES_ANNUAL: "sales",
    Target.SEASONAL_FACTOR: "sales",
    Target.LABOUR_CAPACITY: "sales",
    Target.GROSS_MARGIN: "gross_margin",
    Target.NET_PROFIT: "net_profit",
    Target.INVENTORY: "inventory",
    Target.RECEIVABLES: "receivables",
    Target.EXPENSES: "expenses",
    Target.HOUSEHOLD: "household",
    Target.INCOME: "income",
    Target.EQUITY: "equity",
    Target.SOFT: "soft",
    Target.DEBTS: "debts",
}


class CheckMethod(StrEnum):
    M1 = "M1"  # 验证法 verification against records
    M1B = "M1b"  # 银行/微信/支付宝流水
    M2 = "M2"  # 推估法 estimation
    M3 = "M3"  # 比率分析法 ratio analysis (range)
    M4 = "M4"  # 趋势分析法 trend
    M5 = "M5"  # 同业比较法 peer comparison (range)
    M6 = "M6"  # 工资提成法 wage / commission
    M7 = "M7"  # 进货量反推法 purchases back-calculation
    M8 = "M8"  # 季节销售额与全年销售额对比法
    M9 = "M9"  # 用电量/气量法 energy
    M9B = "M9b"  # 用电量环比 energy month-on-month
    M10 = "M10"  # 单位成本结构分析法
    M11 = "M11"  # 收入成本对比法
    M12 = "M12"  # 存货检验 inventory roll-forward
    M13 = "M13"  # 机器产能/劳动力产能 capacity (range)
    M14 = "M14"  # 毛利率检验 margin sample
    M15 = "M15"  # 收入检验 income (salaried / consumer)
    M16 = "M16"  # 权益检验 equity reconciliation
    M17 = "M17"  # 逻辑检验 / 软信息交叉检验


# ---- typed inputs, one class per method ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VerificationInputs:
    """M1: documented sales (or tax paid ÷ tax rate) over ``months``, ÷ the share of sales they cover."""

    documented: Operand
    coverage: Operand = ONE
    months: Operand = ONE
    tax_rate: Operand | None = None


@dataclass(frozen=True, slots=True)
class BankFlowInputs:
    """M1b: customer receipts ÷ share collected through the channel + ΔAR, over ``months``."""

    receipts: Operand
    channel_share: Operand
    months: Operand = ONE
    delta_receivables: Operand = ZERO


@dataclass(frozen=True, slots=True)
class EstimationInputs:
    """M2: daily sales (or customers × average ticket) × operating days (default: the case's days)."""

    daily: Operand | None = None
    days: Operand = FigureRef("operating_days")
    customers: Operand | None = None
    average_ticket: Operand | None = None


@dataclass(frozen=True, slots=True)
class RangeInputs:
    """M3 / M5: a value (default: the adopted figure) against a plausible range, × ``scale``."""

    low: Operand
    high: Operand
    value: Operand | None = None
    scale: Operand = ONE


@dataclass(frozen=True, slots=True)
class TrendInputs:
    """M4: a stated figure of an earlier period × (1 + growth)."""

    stated: Operand
    growth: Operand = ZERO


@dataclass(frozen=True, slots=True)
class WageInputs:
    """M6: wages or commissions paid ÷ their share of sales, over ``months``."""

    wages_paid: Operand
    wage_share: Operand = FigureRef("wage_ratio")
    months: Operand = ONE


@dataclass(frozen=True, slots=True)
class PurchasesInputs:
    """M7: (purchases − Δ inventory) per month ÷ cost share ÷ product-line share.

    The period is ``months``, or ``weeks`` (× 12/52 months). Trade: cost share = 1 − margin;
    production: the material share.
    """

    purchases: Operand
    cost_share: Operand = FigureRef("cost_ratio")
    months: Operand | None = None
    weeks: Operand | None = None
    delta_inventory: Operand = ZERO
    line_share: Operand = ONE


@dataclass(frozen=True, slots=True)
class SeasonalInputs:
    """M8: the client's stated annual sales against the seasonal calendar's total."""

    stated_annual: Operand


@dataclass(frozen=True, slots=True)
class EnergyInputs:
    """M9: (kWh − base load) ÷ kWh per 1,000 CNY of output × 1,000."""

    kwh: Operand
    base_kwh: Operand = ZERO
    kwh_per_1000: Operand = FigureRef("kwh_per_1000")


@dataclass(frozen=True, slots=True)
class EnergyRatioInputs:
    """M9b: (kWh_a − base)/(kWh_b − base) against the sales ratio of calendar months a and b."""

    kwh_a: Operand
    kwh_b: Operand
    month_a: CalendarMonth
    month_b: CalendarMonth
    base_kwh: Operand = ZERO


@dataclass(frozen=True, slots=True)
class CostStructureInputs:
    """M10: margin = 1 − material − wage − energy − purchase shares (default: the product table's)."""

    material_share: Operand = FigureRef("material_ratio")
    wage_share: Operand = FigureRef("wage_ratio")
    energy_share: Operand = FigureRef("energy_ratio")
    purchase_share: Operand = FigureRef("purchase_ratio")
    other_share: Operand = ZERO


@dataclass(frozen=True, slots=True)
class IncomeCostInputs:
    """M11: profit = sales − all costs, against the claimed profit."""

    sales: Operand
    costs: Operand


@dataclass(frozen=True, slots=True)
class InventoryInputs:
    """M12: inventory at last count + purchases − sales at cost, against the counted stock."""

    previous: Operand
    purchases: Operand
    cost_of_sales: Operand


@dataclass(frozen=True, slots=True)
class CapacityInputs:
    """M13: hours needed against hours available (workers × days × hours per day); ≤ 100 % passes."""

    workers: Operand
    days: Operand
    hours_per_day: Operand
    required_hours: Operand = FigureRef("labour_hours_normal")
    max_utilisation: Operand = ONE


@dataclass(frozen=True, slots=True)
class MarginItem(Row):
    """One sampled article: buying and selling price, and its weight in the sample."""

    name: Text
    cost: Decimal
    price: Decimal
    weight: Decimal = ONE


@dataclass(frozen=True, slots=True)
class MarginSampleInputs:
    """M14: weighted margin of the fastest-selling articles."""

    items: tuple[MarginItem, ...]

    def __post_init__(self) -> None:
        check_unique_row_ids(self, "items")


@dataclass(frozen=True, slots=True)
class IncomeSource(Row):
    """One documented income source (payslip, bank credits, tax slip)."""

    source: Text
    monthly: Decimal


@dataclass(frozen=True, slots=True)
class IncomeInputs:
    """M15: documented income per source, summed."""

    sources: tuple[IncomeSource, ...]

    def __post_init__(self) -> None:
        check_unique_row_ids(self, "sources")


@dataclass(frozen=True, slots=True)
class EquityInputs:
    """M16: uses the equity reconciliation of the case; nothing to enter."""


@dataclass(frozen=True, slots=True)
class LogicInputs:
    """M17: two statements of the same fact and whether they agree."""

    source_a: Text
    statement_a: LongText
    source_b: Text
    statement_b: LongText
    consistent: bool


CheckInputs = (
    VerificationInputs
    | BankFlowInputs
    | EstimationInputs
    | RangeInputs
    | TrendInputs
    | WageInputs
    | PurchasesInputs
    | SeasonalInputs
    | EnergyInputs
    | EnergyRatioInputs
    | CostStructureInputs
    | IncomeCostInputs
    | InventoryInputs
    | CapacityInputs
    | MarginSampleInputs
    | IncomeInputs
    | EquityInputs
    | LogicInputs
)

INPUTS_BY_METHOD: dict[str, type] = {
    CheckMethod.M1.value: VerificationInputs,
    CheckMethod.M1B.value: BankFlowInputs,
    CheckMethod.M2.value: EstimationInputs,
    CheckMethod.M3.value: RangeInputs,
    CheckMethod.M4.value: TrendInputs,
    CheckMethod.M5.value: RangeInputs,
    CheckMethod.M6.value: WageInputs,
    CheckMethod.M7.value: PurchasesInputs,
    CheckMethod.M8.value: SeasonalInputs,
    CheckMethod.M9.value: EnergyInputs,
    CheckMethod.M9B.value: EnergyRatioInputs,
    CheckMethod.M10.value: CostStructureInputs,
    CheckMethod.M11.value: IncomeCostInputs,
    CheckMethod.M12.value: InventoryInputs,
    CheckMethod.M13.value: CapacityInputs,
    CheckMethod.M14.value: MarginSampleInputs,
    CheckMethod.M15.value: IncomeInputs,
    CheckMethod.M16.value: EquityInputs,
    CheckMethod.M17.value: LogicInputs,
}


# Methods whose figure only means something for one kind of target (M8 is annual by nature …).
TARGETS_OF_METHOD: dict[CheckMethod, tuple[Target, ...]] = {
    CheckMethod.M8: (Target.SALES_ANNUAL,),
    CheckMethod.M9B: (Target.SEASONAL_FACTOR,),
    CheckMethod.M10: (Target.GROSS_MARGIN,),
    CheckMethod.M11: (Target.NET_PROFIT,),
    CheckMethod.M12: (Target.INVENTORY,),
    CheckMethod.M13: (Target.LABOUR_CAPACITY,),
    CheckMethod.M14: (Target.GROSS_MARGIN,),
    CheckMethod.M15: (Target.INCOME,),
    CheckMethod.M16: (Target.EQUITY,),
}


@dataclass(frozen=True, slots=True)
class CrossCheck:
    """One check as the officer entered it."""

    id: Text
    target: Target
    method: CheckMethod
    inputs: CheckInputs = field(metadata={"tagged_by": "method", "types": INPUTS_BY_METHOD})
    title: Text = ""
    season: Season | None = None
    adopted: Operand | None = None
    explanation: LongText = ""
    supersedes: Text = ""
    evidence: tuple[Text, ...] = ()

    def __post_init__(self) -> None:
        expected = INPUTS_BY_METHOD[self.method.value]
        if not isinstance(self.inputs, expected):
            raise ValidationError("inputs", "wrong_type", expected=expected.__name__)
        allowed = TARGETS_OF_METHOD.get(self.method)
        if allowed is not None and self.target not in allowed:
            raise ValidationError(
                "target",
                "invalid_choice",
                value=self.target.value,
                choices=", ".join(t.value for t in allowed),
            )


class CheckKind(StrEnum):
    VALUE = "value"  # a derived value compared with the adopted one
    RANGE = "range"  # inside / outside a plausible range
    LOGIC = "logic"  # consistent yes / no


@dataclass(frozen=True, slots=True)
class CrossCheckResult:
    """The outcome of one check, with every figure the report and the chart need."""

    id: str
    title: str
    target: Target
    item: str
    method: CheckMethod
    kind: CheckKind
    check_value: Decimal | None
    adopted: Decimal | None
    low: Decimal | None
    high: Decimal | None
    deviation: Decimal | None
    status: Status
    explanation: str
    superseded_by: str
    evidence: tuple[str, ...]
    override_by: str = ""
    """A reviewer who accepted the check as it stands (``case_file.CheckOverride``); the committee sees it."""
    override_reason: str = ""
    missing: tuple[str, ...] = ()
    """Inputs (or ``adopted``) whose absence left the check without a figure."""

    @property
    def explained(self) -> bool:
        """A real written explanation exists (mandatory when the status is not OK; ``explanations``)."""
        return real_explanation(self.explanation)

    @property
    def computed(self) -> bool:
        """The check gave a figure to judge: a deviation (value and range checks) or a yes/no (logic)."""
        return self.kind is CheckKind.LOGIC or self.deviation is not None

    @property
    def overridden(self) -> bool:
        """A reviewer, named, accepted the check with a real reason."""
        return bool(self.override_by.strip()) and real_explanation(self.override_reason)

    @property
    def inside(self) -> bool | None:
        """For range checks: whether the value lies inside the range."""
        if self.kind is not CheckKind.RANGE or self.deviation is None:
            return None
        return self.deviation == 0


@dataclass(frozen=True, slots=True)
class CheckContext:
    """What a method may read besides its own inputs."""

    figures: dict[str, Decimal | None]
    season_sales: dict[int, Decimal]
    equity_expected: Decimal | None
    equity_actual: Decimal | None


def deviation_rate(adopted: Decimal | None, check: Decimal | None) -> Decimal | None:
    """δ = (adopted − check) / adopted, unrounded; ``None`` when undefined."""
    if adopted is None or check is None:
        return None
    # |adopted| as base keeps the sign's meaning (check lower ⇒ positive) for a loss or negative figure.
    return safe_div(adopted - check, abs(adopted))


def adopted_default(
    target: Target, season: Season | None, figures: dict[str, Decimal | None]
) -> Decimal | None:
    """The adopted figure a target is compared with when the check names none (like with like)."""
    if target is Target.SALES_MONTH:
        return figures.get(f"sales_{(season or Season.NORMAL).value}")
    key = {
        Target.SALES_ANNUAL: "sales_annual",
        Target.GROSS_MARGIN: "gm_weighted",
        Target.NET_PROFIT: "net_profit_avg",
        Target.INVENTORY: "inventory",
        Target.RECEIVABLES: "receivables",
        Target.EXPENSES: "opex_avg",
        Target.HOUSEHOLD: "household_avg",
        Target.INCOME: "other_income_avg",
        Target.EQUITY: "E_act",
        Target.DEBTS: "TL",
    }.get(target)
    return figures.get(key) if key else None


Derived = tuple[CheckKind, Decimal | None, Decimal | None, Decimal | None]  # kind, value, low, high


def _div(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    if a is None or b is None:
        return None
    return safe_div(a, b)


def _mul(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    return None if a is None or b is None else a * b


def _derive(check: CrossCheck, ctx: CheckContext, annual: bool, missing: list[str]) -> Derived:
    """The check value of ``check`` from its inputs (per month, or per year for annual targets); the
    inputs found empty on the way are added to ``missing``."""

    def val(name: str) -> Decimal | None:
        operand = getattr(check.inputs, name)
        value = None if operand is None else resolve(operand, ctx.figures, f"inputs.{name}")
        if value is None:
            missing.append(name)
        return value

    def per_period(total: Decimal | None, months: Decimal | None) -> Decimal | None:
        monthly = _div(total, months)
        return _mul(monthly, Decimal(12)) if annual else monthly

    inp = check.inputs
    value_kind = CheckKind.VALUE
    if isinstance(inp, VerificationInputs):
        documented = val("documented")
        if inp.tax_rate is not None:
            documented = _div(documented, val("tax_rate"))
        return value_kind, per_period(_div(documented, val("coverage")), val("months")), None, None
    if isinstance(inp, BankFlowInputs):
        total = _div(val("receipts"), val("channel_share"))
        delta = val("delta_receivables")
        total = None if total is None or delta is None else total + delta
        return value_kind, per_period(total, val("months")), None, None
    if isinstance(inp, EstimationInputs):
        daily = val("daily")
        if daily is None:
            daily = _mul(val("customers"), val("average_ticket"))
        monthly = _mul(daily, val("days"))
        return value_kind, _mul(monthly, Decimal(12)) if annual else monthly, None, None
    if isinstance(inp, RangeInputs):
        scale = val("scale")
        return (
            CheckKind.RANGE,
            val("value") if inp.value is not None else None,
            _mul(val("low"), scale),
            _mul(val("high"), scale),
        )
    if isinstance(inp, TrendInputs):
        stated, growth = val("stated"), val("growth")
        return value_kind, None if stated is None or growth is None else stated * (ONE + growth), None, None
    if isinstance(inp, WageInputs):
        return value_kind, per_period(_div(val("wages_paid"), val("wage_share")), val("months")), None, None
    if isinstance(inp, PurchasesInputs):
        months = val("months")
        if months is None:
            weeks = val("weeks")
            months = None if weeks is None else weeks * 12 / Decimal(52)
        purchases, delta = val("purchases"), val("delta_inventory")
        net = None if purchases is None or delta is None else purchases - delta
        sales = _div(_div(net, val("cost_share")), val("line_share"))
        return value_kind, per_period(sales, months), None, None
    if isinstance(inp, SeasonalInputs):
        return value_kind, val("stated_annual"), None, None
    if isinstance(inp, EnergyInputs):
        kwh, base = val("kwh"), val("base_kwh")
        net = None if kwh is None or base is None else kwh - base
        monthly = _mul(_div(net, val("kwh_per_1000")), Decimal(1000))
        return value_kind, _mul(monthly, Decimal(12)) if annual else monthly, None, None
    if isinstance(inp, EnergyRatioInputs):
        a, b, base = val("kwh_a"), val("kwh_b"), val("base_kwh")
        if a is None or b is None or base is None:
            return value_kind, None, None, None
        return value_kind, safe_div(a - base, b - base), None, None
    if isinstance(inp, CostStructureInputs):
        parts = [
            val(n) for n in ("material_share", "wage_share", "energy_share", "purchase_share", "other_share")
        ]
        if any(p is None for p in parts):
            return value_kind, None, None, None
        return value_kind, ONE - sum((p for p in parts if p is not None), ZERO), None, None
    if isinstance(inp, IncomeCostInputs):
        sales, costs = val("sales"), val("costs")
        return value_kind, None if sales is None or costs is None else sales - costs, None, None
    if isinstance(inp, InventoryInputs):
        prev, bought, sold = val("previous"), val("purchases"), val("cost_of_sales")
        if prev is None or bought is None or sold is None:
            return value_kind, None, None, None
        return value_kind, prev + bought - sold, None, None
    if isinstance(inp, CapacityInputs):
        workers, days, hours = val("workers"), val("days"), val("hours_per_day")
        available = None if workers is None or days is None or hours is None else workers * days * hours
        return CheckKind.RANGE, _div(val("required_hours"), available), ZERO, val("max_utilisation")
    if isinstance(inp, MarginSampleInputs):
        priced = [i for i in inp.items if i.price]
        weight = sum((i.weight for i in priced), ZERO)
        if weight == 0:
            missing.append("items")
            return value_kind, None, None, None
        margin = sum((i.weight * (ONE - i.cost / i.price) for i in priced), ZERO) / weight
        return value_kind, margin, None, None
    if isinstance(inp, IncomeInputs):
        if not inp.sources:
            missing.append("sources")
            return value_kind, None, None, None
        return value_kind, sum((s.monthly for s in inp.sources), ZERO), None, None
    if isinstance(inp, EquityInputs):
        if ctx.equity_expected is None:
            missing.append("equity_check")
        return value_kind, ctx.equity_expected, None, None
    if isinstance(inp, LogicInputs):
        return CheckKind.LOGIC, None, None, None
    raise AssertionError(f"no rule for {type(inp).__name__}")  # pragma: no cover - INPUTS_BY_METHOD is total


def run_check(
    check: CrossCheck, ctx: CheckContext, band_of: Callable[[Target], ToleranceBand]
) -> CrossCheckResult:
    """Derive, compare and grade one check.

    Raises:
        ValidationError: an input refers to an unknown figure.
    """
    annual = check.target is Target.SALES_ANNUAL
    missing: list[str] = []
    kind, value, low, high = _derive(check, ctx, annual, missing)
    if check.adopted is not None:
        adopted = resolve(check.adopted, ctx.figures, "adopted")
    elif isinstance(check.inputs, EnergyRatioInputs):
        adopted = safe_div(
            ctx.season_sales.get(check.inputs.month_a, ZERO), ctx.season_sales.get(check.inputs.month_b, ZERO)
        )
    elif check.target is Target.EQUITY:
        adopted = ctx.equity_actual
    else:
        adopted = adopted_default(check.target, check.season, ctx.figures)
    band = band_of(check.target)
    if kind is CheckKind.LOGIC:
        consistent = isinstance(check.inputs, LogicInputs) and check.inputs.consistent
        deviation = None
        status = Status.OK if consistent else Status.FAIL
    elif kind is CheckKind.RANGE:
        if value is None and isinstance(check.inputs, RangeInputs):
            value = adopted
        deviation = _range_deviation(value, low, high)
        status = status_for(deviation, band)
        if status is Status.OK and deviation != 0:
            status = Status.EXPLAIN  # outside a plausible range (utilisation > 100 %) always needs a word
    else:
        deviation = deviation_rate(adopted, value)
        status = status_for(deviation, band)
    if kind is not CheckKind.LOGIC and deviation is not None:
        missing = []
    elif kind is not CheckKind.LOGIC and not missing:
        # The figure it is compared with is missing or zero: a monthly check on a calendar without normal
        # months must name its season rather than be compared with nothing.
        no_season = check.target is Target.SALES_MONTH and check.season is None and adopted is None
        missing = ["season" if no_season else "adopted"]
    return CrossCheckResult(
        id=check.id,
        title=check.title,
        target=check.target,
        item=ITEM_OF_TARGET[check.target],
        method=check.method,
        kind=kind,
        check_value=value,
        adopted=adopted if kind is not CheckKind.RANGE else value,
        low=low,
        high=high,
        deviation=deviation,
        status=status,
        explanation=check.explanation,
        superseded_by="",
        evidence=check.evidence,
        missing=tuple(dict.fromkeys(missing)),
    )


def _range_deviation(value: Decimal | None, low: Decimal | None, high: Decimal | None) -> Decimal | None:
    """0 inside [low, high]; outside, (value − nearest bound) / value (the flow convention)."""
    if value is None or low is None or high is None:
        return None
    if low <= value <= high:
        return ZERO
    bound = low if value < low else high
    return safe_div(value - bound, abs(value))


def run_cross_checks(
    checks: tuple[CrossCheck, ...], ctx: CheckContext, band_of: Callable[[Target], ToleranceBand]
) -> tuple[CrossCheckResult, ...]:
    """Run every check, graded by the band ``band_of`` its target (``CreditPolicy.band``); mark those
    another check supersedes (kept, but not counted).

    Raises:
        ValidationError: with the field path ``cross_checks[i]…`` of the faulty check (``run_check``
            names only the field inside the check, e.g. ``adopted``).
    """
    results = []
    for index, check in enumerate(checks):
        try:
            results.append(run_check(check, ctx, band_of))
        except ValidationError as error:
            raise error.at(f"cross_checks[{index}]") from None
    superseding = {c.supersedes: c.id for c in checks if c.supersedes}
    return tuple(_replace_superseded(r, superseding[r.id]) if r.id in superseding else r for r in results)


def _replace_superseded(result: CrossCheckResult, by: str) -> CrossCheckResult:
    from dataclasses import replace

    return replace(result, superseded_by=by)


MethodFn = Callable[[CrossCheck, CheckContext], Derived]
