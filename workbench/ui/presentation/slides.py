"""Committee slides as plain specs, built from a case and its results (never typed by hand).

``build_slides(case, results)`` returns a tuple of ``Slide``: a title, a few blocks (facts, a table,
a paragraph, a chart, the what-if panel, the decision area) and presenter notes. The specs hold only
strings and domain values, so they are tested without widgets; ``slide_widgets`` renders them.
Long tables are split over several slides (``MAX_TABLE_ROWS`` each) rather than shrunk.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.domain.cross_checks import METHOD_LABELS, CheckKind
from workbench.domain.loan_request import RateKind
from workbench.domain.profit_loss import Season
from workbench.domain.readiness import Severity
from workbench.domain.schedules import METHOD_LABELS as SCHEDULE_LABELS
from workbench.domain.status import STATUS_LABELS, Status
from workbench.reports.formatting import deviation, money, pct
from workbench.ui.i18n import lang, tr
from workbench.ui.sections.readiness import issue_text

if TYPE_CHECKING:
    from workbench.domain.calc import CaseResults
    from workbench.domain.case_file import CaseFile

MAX_TABLE_ROWS = 6
MAX_FACT_ROWS = 7


@dataclass(frozen=True, slots=True)
class Facts:
    """Label → value pairs, two columns."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A small table; ``statuses`` (one per row, optional) colours the last column."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    statuses: tuple[Status | None, ...] = ()
    totals: frozenset[int] = frozenset()  # rows shown in bold (subtotals, totals)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Free text of the officer's (wraps)."""

    heading: str
    text: str


@dataclass(frozen=True, slots=True)
class Flags:
    """Readiness: one line per issue, blocking ones first."""

    ready: bool
    lines: tuple[tuple[bool, str], ...]  # (blocking, sentence)


@dataclass(frozen=True, slots=True)
class Chart:
    """A chart drawn by ``reports.charts``: ``"monthly"``, ``"projection"`` or ``"deviation"``."""

    kind: str


@dataclass(frozen=True, slots=True)
class WhatIf:
    """The committee's what-if panel (amended terms)."""


@dataclass(frozen=True, slots=True)
class DecisionArea:
    """Outcome and votes: filled by the committee session (next step)."""

    proposal: str


Block = Facts | Table | Paragraph | Flags | Chart | WhatIf | DecisionArea


@dataclass(frozen=True, slots=True)
class Slide:
    """One slide: its key, title, blocks (laid out side by side when ``columns`` is 2) and notes."""

    key: str
    title: str
    blocks: tuple[Block, ...]
    notes: str = ""
    columns: int = 1


def readiness_flags(results: CaseResults) -> Flags:
    """The readiness flags of ``results``, blocking issues first."""
    issues = sorted(results.issues, key=lambda i: i.severity is not Severity.BLOCKING)
    return Flags(results.ready, tuple((i.severity is Severity.BLOCKING, issue_text(i)) for i in issues))


def _rate_text(case: CaseFile) -> str:
    quote = case.request.rate
    if quote.kind is RateKind.MONTHLY_PERMILLE:
        return tr("月息 %1‰").replace("%1", f"{quote.value.normalize():f}")
    return tr("年利率 %1%").replace("%1", f"{quote.value.normalize():f}")


def _method(case: CaseFile) -> str:
    return SCHEDULE_LABELS[case.request.method][lang()]


def _status(status: Status) -> str:
    return STATUS_LABELS[status][lang()]


def _chunks(rows: list[tuple[str, ...]], size: int) -> list[list[tuple[str, ...]]]:
    return [rows[i : i + size] for i in range(0, len(rows), size)] or [[]]


def _numbered(title: str, index: int, count: int) -> str:
    return title if count == 1 else f"{title}（{index}/{count}）"


def summary_slide(case: CaseFile, results: CaseResults) -> Slide:
    """Client, business, request, proposal and readiness."""
    z = results.sizing
    business = case.business.name if case.business else "—"
    term = tr("%1 个月").replace("%1", str(case.request.term_months))
    request = f"{money(case.request.amount)} · {term} · {_rate_text(case)}"
    proposal = money(z.proposal) if z.proposal > 0 else "—"
    facts = Facts(
        (
            (tr("借款人"), case.borrower.name or "—"),
            (tr("经营主体"), business),
            (tr("申请"), request),
            (tr("还款方式"), _method(case)),
            (tr("建议金额"), proposal),
            (tr("月还款额占月可支比例"), pct(z.ratio)),
            (tr("贷款用途"), _shorten(case.request.purpose, 60) or "—"),
        )
    )
    return Slide(
        "summary",
        tr("案件概要"),
        (facts, readiness_flags(results)),
        notes="\n".join(
            t for t in (case.notes.conclusion, _full_if_shortened(case.request.purpose, 60)) if t
        ),
        columns=2,
    )


def business_slide(case: CaseFile) -> Slide:
    """Business and household."""
    b = case.business
    rows: list[tuple[str, str]] = []
    if b is not None:
        rows += [
            (tr("经营主体"), b.name or "—"),
            (tr("行业"), b.industry or "—"),
            (tr("主营业务"), b.main_activity or "—"),
            (tr("员工人数"), str(b.employees)),
        ]
        if b.started_on is not None:
            rows.append((tr("开业时间"), b.started_on.isoformat()))
    hh = case.household
    members = [f"{m.name}（{_relationship(m.relationship.value)}）" for m in hh.members]
    rows.append((tr("家庭成员"), "、".join(members) if members else "—"))
    if hh.size is not None:
        rows.append((tr("家庭人口"), str(hh.size)))
    notes = "\n".join(t for t in (b.history if b else "", case.household.note) if t)
    return Slide("business", tr("经营与家庭"), (Facts(tuple(rows[:MAX_FACT_ROWS])),), notes=notes)


def _relationship(value: str) -> str:
    names = {
        "spouse": tr("配偶"),
        "child": tr("子女"),
        "parent": tr("父母"),
        "sibling": tr("兄弟姐妹"),
        "relative": tr("亲属"),
        "friend": tr("朋友"),
        "business_partner": tr("合伙人"),
    }
    return names.get(value, tr("其他"))


def balance_slides(results: CaseResults) -> list[Slide]:
    """Business assets on one slide; totals, liabilities and equity on the next (short tables)."""
    t = results.totals
    columns = (tr("项目"), tr("金额"))
    assets = (
        (tr("现金及银行存款"), money(t.cash + t.bank)),
        (tr("应收及预付"), money(t.receivables + t.prepayments)),
        (tr("存货"), money(t.inventory)),
        (tr("流动资产合计"), money(t.current_assets)),
        (tr("固定资产及其他"), money(t.fixed_assets + t.other_assets)),
        (tr("经营资产合计"), money(t.business_assets)),
    )
    totals = (
        (tr("经营资产"), money(t.business_assets)),
        (tr("家庭资产"), money(t.household_assets)),
        (tr("资产总计"), money(t.total_assets)),
    )
    liabilities = (
        (tr("应付及预收"), money(t.payables + t.advances_received)),
        (tr("借款"), money(t.short_debts + t.long_term_liabilities)),
        (tr("负债合计"), money(t.total_liabilities)),
        (tr("所有者权益"), money(t.equity)),
    )
    title = tr("资产负债表")
    return [
        Slide(
            "balance_assets",
            title + " · " + tr("经营资产"),
            (Table(columns, assets, totals=frozenset({3, 5})),),
        ),
        Slide(
            "balance_totals",
            title + " · " + tr("负债与权益"),
            (
                Table((tr("资产"), tr("金额")), totals, totals=frozenset({2})),
                Table((tr("负债与权益"), tr("金额")), liabilities, totals=frozenset({2, 3})),
            ),
            columns=2,
        ),
    ]


def income_slides(case: CaseFile, results: CaseResults) -> list[Slide]:
    """The statement by season (a table), then the monthly chart."""
    st = results.statement
    seasons = (Season.PEAK, Season.NORMAL, Season.SLACK)
    columns = (tr("项目"), tr("旺季"), tr("平季"), tr("淡季"), tr("月均"))
    lines = (
        ("sales", tr("销售额")),
        ("gross_profit", tr("毛利")),
        ("operating_expenses", tr("营业费用")),
        ("net_profit_cash", tr("净利润")),
        ("household", tr("家庭开支")),
        ("disposable", tr("可支配资金")),
    )
    rows = tuple(
        (label, *(money(getattr(st.by_season[s], name)) for s in seasons), money(st.average[name]))
        for name, label in lines
    )
    facts = Facts(
        (
            (tr("年销售额"), money(st.annual_sales)),
            (tr("加权毛利率"), pct(st.structure.gross_margin)),
            (tr("净利率"), pct(st.net_margin)),
        )
    )
    return [
        Slide(
            "income",
            tr("损益表（月度）"),
            (Table(columns, rows), facts),
            notes=case.notes.financial_assessment,
        ),
        Slide("seasonal", tr("月度销售与季节性"), (Chart("monthly"),)),
    ]


def equity_slide(case: CaseFile, results: CaseResults) -> Slide:
    """Every pass of the equity check with its deviation and status."""
    eq = results.equity
    if eq is None:
        return Slide("equity", tr("权益检验"), (Paragraph("", tr("本案件没有权益检验。")),))
    columns = (tr("轮次"), tr("实际权益"), tr("应有权益"), tr("偏差 δ"), tr("状态"))
    rows = tuple(
        (
            p.label or tr("第 %1 轮").replace("%1", str(n)),
            money(p.actual),
            money(p.expected),
            deviation(p.deviation),
            _status(p.status),
        )
        for n, p in enumerate(eq.passes[-MAX_TABLE_ROWS:], start=1)
    )
    statuses = tuple(p.status for p in eq.passes[-MAX_TABLE_ROWS:])
    facts = Facts(
        (
            (tr("期初权益"), money(eq.initial_equity)),
            (tr("期间利润"), money(eq.period_profit)),
            (tr("注资与增值"), money(eq.injections + eq.appreciation)),
            (tr("提款与折旧"), money(eq.withdrawals + eq.depreciation)),
            (tr("应有权益"), money(eq.expected)),
        )
    )
    notes = eq.current.finding or (case.equity_check.explanation if case.equity_check else "")
    return Slide("equity", tr("权益检验"), (Table(columns, rows, statuses), facts), notes=str(notes))


def cross_check_slides(results: CaseResults) -> list[Slide]:
    """The deviation chart, then the matrix split over slides of ``MAX_TABLE_ROWS`` checks."""
    slides = [Slide("deviations", tr("交叉检验偏差"), (Chart("deviation"),))]
    columns = (tr("编号"), tr("检验方法"), tr("偏差 δ"), tr("状态"))
    rows: list[tuple[str, ...]] = []
    statuses: list[Status | None] = []
    notes: list[str] = []
    for check in results.checks:
        if check.kind is CheckKind.RANGE and check.inside:
            shown = tr("在区间内")
        elif check.kind is CheckKind.LOGIC:
            shown = "—"
        else:
            shown = deviation(check.deviation)
        rows.append((check.id, METHOD_LABELS[check.method][lang()], shown, _status(check.status)))
        statuses.append(check.status)
        if check.explanation:
            notes.append(f"{check.id}：{check.explanation}")
    parts = _chunks(rows, MAX_TABLE_ROWS)
    for index, part in enumerate(parts, start=1):
        start = (index - 1) * MAX_TABLE_ROWS
        slides.append(
            Slide(
                f"checks_{index}",
                _numbered(tr("交叉检验矩阵"), index, len(parts)),
                (Table(columns, tuple(part), tuple(statuses[start : start + len(part)])),),
                notes="\n".join(notes[start : start + len(part)]),
            )
        )
    return slides


def soft_factor_names() -> dict[str, str]:
    """Names of the soft-information matrix factors (``SOFT_MATRIX_OPTIONS`` keys)."""
    return {
        "marriage": tr("婚姻状况"),
        "age": tr("年龄"),
        "business_years": tr("经营年限"),
        "residence_years": tr("居住年限"),
        "property": tr("私人财产"),
        "credit_record": tr("信用记录"),
        "children": tr("子女情况"),
        "spouse": tr("配偶工作"),
    }


def _soft_factor(key: str) -> str:
    return soft_factor_names().get(key, key)


def soft_slides(case: CaseFile) -> list[Slide]:
    """Soft information (the matrix, in two columns) and the risks the officer wrote down."""
    s = case.soft_info
    n = case.notes
    narratives = "\n".join(
        t for t in (s.character, s.reputation, s.family, s.assessment, s.information_sources) if t.strip()
    )
    slides: list[Slide] = []
    matrix = [(_soft_factor(f.factor), f.option + (f"（{f.note}）" if f.note else "")) for f in s.matrix]
    if matrix:
        half = min(MAX_FACT_ROWS, (len(matrix) + 1) // 2)
        columns = [matrix[i : i + half] for i in range(0, min(len(matrix), 2 * half), half)]
        slides.append(
            Slide(
                "soft",
                tr("软信息"),
                tuple(Facts(tuple(c)) for c in columns),
                notes=narratives,
                columns=2,
            )
        )
    paragraphs: list[Block] = [
        Paragraph(heading, _shorten(text))
        for heading, text in (
            (tr("品格与声誉"), "" if matrix else s.character or s.reputation),
            (tr("软信息评估"), "" if matrix else s.assessment),
            (tr("风险"), n.risks or n.threats),
            (tr("风险缓释"), n.mitigations),
        )
        if text.strip()
    ]
    if paragraphs or not slides:
        if not paragraphs:
            paragraphs.append(Paragraph("", tr("调查报告中未填写软信息与风险说明。")))
        slides.append(Slide("risks", tr("软信息与风险"), tuple(paragraphs[:3]), notes=narratives))
    return slides


def _full_if_shortened(text: str, limit: int) -> str:
    """The whole text for the presenter's notes when the slide shows it shortened."""
    return text if len(" ".join(text.split())) > limit else ""


def _shorten(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def capacity_slide(case: CaseFile, results: CaseResults) -> Slide:
    """Capacity and the officer's proposal, with the committee's what-if panel."""
    z = results.sizing
    facts = Facts(
        (
            (tr("月均可支配资金"), money(z.md_avg)),
            (tr("最高月还款额"), money(z.a_max)),
            (tr("还款能力本金"), money(z.p_cap)),
            (tr("建议金额"), money(z.proposal)),
            (tr("月还款额"), money(z.instalment)),
            (tr("月还款额占月可支比例"), pct(z.ratio)),
        )
    )
    return Slide(
        "capacity",
        tr("还款能力、建议与还款计划"),
        (facts, WhatIf()),
        notes="\n".join(t for t in (case.notes.conclusion, case.notes.conditions) if t),
        columns=2,
    )


def projection_slide(results: CaseResults) -> Slide:
    """The 12-month cash projection of the proposal."""
    return Slide("projection", tr("放款后现金流预测"), (Chart("projection"),))


def decision_slide(case: CaseFile, results: CaseResults) -> Slide:
    """The committee's decision: votes, tally and outcome (``presentation.decision_slide``)."""
    from workbench.ui.presentation.decision_slide import decision_slide as build

    return build(case, results)


def build_slides(case: CaseFile, results: CaseResults) -> tuple[Slide, ...]:
    """Every slide of ``case`` in presentation order."""
    return (
        summary_slide(case, results),
        business_slide(case),
        *balance_slides(results),
        *income_slides(case, results),
        equity_slide(case, results),
        *cross_check_slides(results),
        *soft_slides(case),
        capacity_slide(case, results),
        projection_slide(results),
        decision_slide(case, results),
    )
