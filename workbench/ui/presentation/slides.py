"""Committee slides as plain specs, built from a case and its results (never typed by hand).

``build_slides(case, results)`` returns a tuple of ``Slide``: a title, optional headline figures
(``lead``, drawn large across the top), a few blocks (facts, a table, a paragraph, a chart, the
what-if panel, the decision area) and presenter notes. The specs hold only strings and domain
values and compare by value, so they are tested without widgets, and a live update rebuilds only
the slides whose spec changed; ``slide_widgets`` renders them.
Long tables are split over continuation slides (``MAX_TABLE_ROWS`` each) rather than shrunk.
Statuses carry a mark as well as a word (✓ ▲ ✗, ○ for a superseded check), so they read without colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.domain.cross_checks import CheckKind
from workbench.domain.formatting import deviation, money, plain
from workbench.domain.formatting import percent as pct
from workbench.domain.loan_request import RateKind
from workbench.domain.markup import markup_of_margin
from workbench.domain.parties import Relationship
from workbench.domain.profit_loss import Season
from workbench.domain.readiness import Severity
from workbench.domain.status import Status
from workbench.reports.charts import deviation_bars
from workbench.reports.decision_summary import decision_summary
from workbench.texts.labels import CHECK_METHOD_LABELS as METHOD_LABELS
from workbench.texts.labels import SCHEDULE_METHOD_LABELS as SCHEDULE_LABELS
from workbench.texts.labels import STATUS_LABELS, policy_named
from workbench.ui.i18n import lang, tr
from workbench.ui.labels import enum_label, soft_factor_names, soft_option_names
from workbench.ui.presentation.theme import STATUS_MARK, SUPERSEDED_MARK
from workbench.ui.sections.capacity import limit_labels
from workbench.ui.sections.readiness import issue_text

if TYPE_CHECKING:
    from decimal import Decimal

    from workbench.domain.calc import CaseResults
    from workbench.domain.case_file import CaseFile
    from workbench.domain.cross_checks import CrossCheckResult
    from workbench.domain.proposal_history import ProposalHistory

MAX_TABLE_ROWS = 6
MATRIX_ROWS = 5
MATRIX_LINES = 9  # wrapped lines of text a matrix slide holds at 4:3 (see ``_matrix_pages``)
TITLE_UNITS, METHOD_UNITS = 24, 14  # digit widths per line of the title and method columns at 4:3
MAX_FACT_ROWS = 7
PARAGRAPHS_PER_SLIDE = 2
SUMMARY_CHARS = 20  # a name on the summary slide (its facts share the slide with the flags)
TITLE_CHARS = 30  # a check's title on the matrix (the notes hold a longer one)


@dataclass(frozen=True, slots=True)
class Facts:
    """Label → value pairs, two columns."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class KeyFigure:
    """One headline figure: a short label over a large value (in its status colour, if any)."""

    label: str
    value: str
    status: Status | None = None


@dataclass(frozen=True, slots=True)
class KeyFigures:
    """Headline figures side by side, drawn much larger than body text."""

    items: tuple[KeyFigure, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A small table; ``statuses`` (one per row, optional) colours the last column.

    ``superseded`` rows are checks another check replaced: shown greyed, not counted.
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    statuses: tuple[Status | None, ...] = ()
    totals: frozenset[int] = frozenset()  # rows shown in bold (subtotals, totals)
    superseded: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Free text of the officer's (wraps)."""

    heading: str
    text: str


@dataclass(frozen=True, slots=True)
class Legend:
    """One line explaining the marks of a table (small type)."""

    text: str


@dataclass(frozen=True, slots=True)
class Flags:
    """Readiness: one line per issue, blocking ones first."""

    ready: bool
    lines: tuple[tuple[bool, str], ...]  # (blocking, sentence)


@dataclass(frozen=True, slots=True)
class Chart:
    """A chart drawn by ``reports.charts``: ``"monthly"``, ``"projection"`` or ``"deviation"``
    (``"history"``: ``reports.history``'s limit chart, from ``data``).

    ``data`` is what the chart draws (compared to tell whether a live update must redraw it).
    """

    kind: str
    data: object = None


@dataclass(frozen=True, slots=True)
class WhatIf:
    """The committee's what-if panel (amended terms)."""


@dataclass(frozen=True, slots=True)
class DecisionArea:
    """The decision slide's area: the proposal as printed here. ``decision_slide.DecisionSlidePanel``
    adds the what-if amendment and, once the case is on a session's agenda, the votes, tally and outcome."""

    proposal: str


Block = Facts | KeyFigures | Table | Paragraph | Legend | Flags | Chart | WhatIf | DecisionArea


@dataclass(frozen=True, slots=True)
class Slide:
    """One slide: its key, title, blocks (laid out side by side when ``columns`` is 2) and notes.

    ``lead`` (headline figures) runs across the top, above the blocks; ``footer`` (explanations,
    a legend) runs across the bottom, under them.
    """

    key: str
    title: str
    blocks: tuple[Block, ...]
    notes: str = ""
    columns: int = 1
    lead: KeyFigures | None = None
    footer: tuple[Block, ...] = ()


def readiness_flags(results: CaseResults) -> Flags:
    """The readiness flags of ``results``, blocking issues first."""
    issues = sorted(results.issues, key=lambda i: i.severity is not Severity.BLOCKING)
    return Flags(results.ready, tuple((i.severity is Severity.BLOCKING, issue_text(i)) for i in issues))


def _rate_text(case: CaseFile) -> str:
    quote = case.request.rate
    if quote.kind is RateKind.MONTHLY_PERMILLE:
        return tr("月息 %1‰").replace("%1", plain(quote.value))
    return tr("年利率 %1%").replace("%1", plain(quote.value))


def _method(case: CaseFile) -> str:
    return SCHEDULE_LABELS[case.request.method][lang()]


def _status(status: Status) -> str:
    """The status word with its mark: ``✓ 通过``, ``▲ 需说明``, ``✗ 不通过``."""
    return f"{STATUS_MARK[status]} {STATUS_LABELS[status][lang()]}"


def _chunks(rows: list[tuple[str, ...]], size: int) -> list[list[tuple[str, ...]]]:
    return [rows[i : i + size] for i in range(0, len(rows), size)] or [[]]


def _numbered(title: str, index: int, count: int) -> str:
    if count == 1:
        return title
    return f"{title}（{index}/{count}）" if lang() == "zh" else f"{title} ({index}/{count})"


def _term(months: int) -> str:
    return tr("%1 个月").replace("%1", str(months))


def summary_slide(case: CaseFile, results: CaseResults) -> Slide:
    """The decision summary first, as the dossier prints it after its cover (``reports.decision_summary``):
    the proposal, the α test, the verdicts, the slack months, the soft risks and the recommendation."""
    z = results.sizing
    summary = decision_summary(case, results, lang())
    proposal = money(z.proposal) if z.proposal > 0 else "—"
    alpha = summary.verdicts[0]
    lead = KeyFigures(
        (
            KeyFigure(tr("建议金额"), proposal),
            KeyFigure(tr("月还款额"), money(z.instalment)),
            KeyFigure(tr("α 规则"), tr("通过") if summary.alpha_passed else tr("不通过"), alpha.status),
        )
    )
    equity_and_checks = summary.verdicts[1:-1]  # the α test leads, readiness has its own slide
    facts = Facts(
        (
            (tr("期限与利率"), f"{_term(z.months)} · {_rate_text(case)} · {_method(case)}"),
            (tr("月均可支配资金"), money(z.md_avg)),
            *((line.label, line.value) for line in equity_and_checks),
        )
    )
    risks = Paragraph(tr("主要风险（软信息）"), ("；" if lang() == "zh" else "; ").join(summary.risks))
    name = _shorten(case.borrower.name, SUMMARY_CHARS)
    return Slide(
        "summary",
        f"{tr('决策摘要')} · {name}" if name else tr("决策摘要"),
        (facts,),
        notes="\n".join(t for t in (summary.unit, alpha.value, summary.recommendation) if t),
        lead=lead,
        footer=(Paragraph(tr("季节性资金缺口"), summary.shortfall), risks),
    )


def business_slide(case: CaseFile) -> Slide:
    """Business and household."""
    b = case.business
    rows: list[tuple[str, str]] = []
    figures: list[KeyFigure] = []
    if b is not None:
        rows += [
            (tr("经营主体"), b.name or "—"),
            (tr("行业"), b.industry or "—"),
            (tr("主营业务"), b.main_activity or "—"),
        ]
        figures.append(KeyFigure(tr("员工人数"), str(b.employees)))
        if b.started_on is not None:
            figures.append(KeyFigure(tr("开业时间"), b.started_on.isoformat()))
    hh = case.household
    members = [f"{m.name}（{_relationship(m.relationship.value)}）" for m in hh.members]
    rows.append((tr("家庭成员"), "、".join(members) if members else "—"))
    if hh.size is not None:
        figures.append(KeyFigure(tr("家庭人口"), str(hh.size)))
    notes = "\n".join(t for t in (b.history if b else "", case.household.note) if t)
    history = b.history if b else ""
    return Slide(
        "business",
        tr("经营与家庭"),
        (Facts(tuple(rows[:MAX_FACT_ROWS])),),
        notes=notes,
        lead=KeyFigures(tuple(figures)) if figures else None,
        footer=(Paragraph(tr("经营历史"), _shorten(history)),) if history.strip() else (),
    )


def _relationship(value: str) -> str:
    """A household member's relationship in the words of the applicant page (one enum label)."""
    try:
        return enum_label(Relationship(value))
    except ValueError:
        return enum_label(Relationship.OTHER)


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
            lead=KeyFigures(
                (
                    KeyFigure(tr("流动资产合计"), money(t.current_assets)),
                    KeyFigure(tr("经营资产合计"), money(t.business_assets)),
                )
            ),
        ),
        Slide(
            "balance_totals",
            title + " · " + tr("负债与权益"),
            (
                Table((tr("资产"), tr("金额")), totals, totals=frozenset({2})),
                Table((tr("负债与权益"), tr("金额")), liabilities, totals=frozenset({2, 3})),
            ),
            columns=2,
            lead=KeyFigures(
                (
                    KeyFigure(tr("资产总计"), money(t.total_assets)),
                    KeyFigure(tr("负债合计"), money(t.total_liabilities)),
                    KeyFigure(tr("所有者权益"), money(t.equity)),
                )
            ),
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
    lead = KeyFigures(
        (
            KeyFigure(tr("年销售额"), money(st.annual_sales)),
            KeyFigure(margin_label(st.structure.gross_margin), pct(st.structure.gross_margin)),
            KeyFigure(tr("净利率"), pct(st.net_margin)),
        )
    )
    return [
        Slide(
            "income",
            tr("损益表（月度）"),
            (Table(columns, rows, totals=frozenset({5})),),
            notes=case.notes.financial_assessment,
            lead=lead,
        ),
        Slide("seasonal", tr("月度销售与季节性"), (Chart("monthly", (lang(), st.months)),)),
    ]


def equity_slide(case: CaseFile, results: CaseResults) -> Slide:
    """The current pass of the equity check in large type, every pass, and how equity was rebuilt."""
    eq = results.equity
    if eq is None:
        return Slide("equity", tr("权益检验"), (Paragraph("", tr("本案件没有权益检验。")),))
    passes = eq.passes[-MAX_TABLE_ROWS:]
    columns = (tr("轮次"), tr("偏差 δ"), tr("状态"))
    rows = tuple(
        (p.label or tr("第 %1 轮").replace("%1", str(n)), deviation(p.deviation), _status(p.status))
        for n, p in enumerate(passes, start=1)
    )
    statuses = tuple(p.status for p in passes)
    facts = Facts(  # the reconciliation, read top to bottom as a sum
        (
            (tr("期初权益"), money(eq.initial_equity)),
            ("+ " + tr("期间利润"), money(eq.period_profit)),
            ("+ " + tr("注资与增值"), money(eq.injections + eq.appreciation)),
            ("− " + tr("提款与折旧"), money(eq.withdrawals + eq.depreciation)),
            ("= " + tr("应有权益"), money(eq.expected)),
        )
    )
    current = eq.current
    lead = KeyFigures(
        (
            KeyFigure(tr("实际权益"), money(current.actual)),
            KeyFigure(tr("应有权益"), money(current.expected)),
            KeyFigure(tr("偏差 δ"), deviation(current.deviation), current.status),
        )
    )
    notes = str(current.finding or (case.equity_check.explanation if case.equity_check else ""))
    return Slide(
        "equity",
        tr("权益检验"),
        (Table(columns, rows, statuses), facts),
        notes=notes,
        columns=2,
        lead=lead,
        footer=(Paragraph(tr("偏差说明"), _shorten(notes)),) if notes.strip() else (),
    )


def status_legend() -> Legend:
    """What the marks of a status column mean."""
    marks = [_status(s) for s in Status]
    return Legend("   ".join([*marks, SUPERSEDED_MARK + " " + tr("已取代（不计入）")]))


def cross_check_slides(results: CaseResults) -> list[Slide]:
    """The deviation chart, then the matrix split evenly over slides of at most ``MATRIX_ROWS`` checks.

    A superseded check stays in the matrix, greyed, with ``○ 已被 C4b 取代`` as its status; the
    officer's explanations of the checks on a slide are written under its table.
    """
    slides = [Slide("deviations", tr("交叉检验偏差"), (Chart("deviation", deviation_bars(results, lang())),))]
    columns = (tr("编号"), tr("检验"), tr("检验方法"), tr("偏差 δ"), tr("状态"))
    pages = _matrix_pages(results.checks)
    parts = len(pages)
    for index, part in enumerate(pages, start=1):
        rows: list[tuple[str, ...]] = []
        statuses: list[Status | None] = []
        superseded: set[int] = set()
        for n, check in enumerate(part):
            if check.kind is CheckKind.RANGE and check.inside:
                shown = tr("在区间内")
            elif check.kind is CheckKind.LOGIC:
                shown = "—"
            else:
                shown = deviation(check.deviation)
            if check.superseded_by:
                status = SUPERSEDED_MARK + " " + tr("已被 %1 取代").replace("%1", check.superseded_by)
                superseded.add(n)
                statuses.append(None)
            else:
                status = _status(check.status)
                if check.overridden:  # the committee sees who accepted it (the reason: readiness slide)
                    status += " " + tr("（%1 复核认可）").replace("%1", check.override_by.strip())
                statuses.append(check.status)
            title = _shorten(check.title, TITLE_CHARS) or "—"
            rows.append((check.id, title, METHOD_LABELS[check.method][lang()], shown, status))
        explained = [f"{c.id}：{c.explanation}" for c in part if c.explanation.strip()]
        footer: list[Block] = [status_legend()]
        if explained:
            footer.insert(0, Paragraph(tr("偏差说明"), _shorten("  ".join(explained), 160)))
        slides.append(
            Slide(
                f"checks_{index}",
                _numbered(tr("交叉检验矩阵"), index, parts),
                (Table(columns, tuple(rows), tuple(statuses), superseded=frozenset(superseded)),),
                notes="\n".join(
                    [f"{c.id}：{c.title}" for c in part if len(c.title) > TITLE_CHARS] + explained
                ),
                footer=tuple(footer),
            )
        )
    return slides


def _matrix_pages(checks: tuple[CrossCheckResult, ...]) -> list[tuple[CrossCheckResult, ...]]:
    """Checks per matrix slide: at most ``MATRIX_ROWS`` rows and ``MATRIX_LINES`` wrapped lines.

    A row's lines are estimated from its title and method name against the columns' width on a
    4:3 projector (the narrowest), so long titles take a continuation slide instead of being cut.
    The fewest slides that hold them, then split evenly when that still fits (8 checks: 4 + 4).
    """
    costs = [_row_lines(c) for c in checks]
    greedy: list[list[int]] = [[]]
    for n, cost in enumerate(costs):
        page = greedy[-1]
        if page and (len(page) >= MATRIX_ROWS or sum(costs[k] for k in page) + cost > MATRIX_LINES):
            greedy.append([])
        greedy[-1].append(n)
    size = -(-len(checks) // len(greedy)) if checks else 1
    even = [list(range(k, min(k + size, len(checks)))) for k in range(0, len(checks), size)]
    fits = len(even) == len(greedy) and all(sum(costs[k] for k in page) <= MATRIX_LINES for page in even)
    chosen = even if fits else greedy
    return [tuple(checks[k] for k in page) for page in chosen] or [()]


def _row_lines(check: CrossCheckResult) -> int:
    title = _shorten(check.title, TITLE_CHARS)
    method = METHOD_LABELS[check.method][lang()]
    return max(1, -(-_width(title) // TITLE_UNITS), -(-_width(method) // METHOD_UNITS))


def _width(text: str) -> int:
    """Rough width in digit widths: a CJK character counts two."""
    return sum(1 if ord(c) < 0x2E80 else 2 for c in text)


def _soft_factor(key: str) -> str:
    return soft_factor_names().get(key, key)


def soft_slides(case: CaseFile) -> list[Slide]:
    """Soft information (the matrix, in two columns) and the risks the officer wrote down.

    The written risks take ``PARAGRAPHS_PER_SLIDE`` paragraphs a slide, continued on the next.
    """
    s = case.soft_info
    n = case.notes
    narratives = "\n".join(
        t for t in (s.character, s.reputation, s.family, s.assessment, s.information_sources) if t.strip()
    )
    slides: list[Slide] = []
    options = soft_option_names()
    matrix = [
        (_soft_factor(f.factor), options.get(f.option, f.option) + (f"（{f.note}）" if f.note else ""))
        for f in s.matrix
    ]
    for index, start in enumerate(range(0, len(matrix), 2 * MAX_FACT_ROWS), start=1):
        part = matrix[start : start + 2 * MAX_FACT_ROWS]
        half = (len(part) + 1) // 2
        count = (len(matrix) + 2 * MAX_FACT_ROWS - 1) // (2 * MAX_FACT_ROWS)
        slides.append(
            Slide(
                "soft" if index == 1 else f"soft_{index}",
                _numbered(tr("软信息"), index, count),
                tuple(Facts(tuple(c)) for c in (part[:half], part[half:]) if c),
                notes=narratives,
                columns=2,
                footer=(Paragraph(tr("软信息评估"), _shorten(s.assessment)),) if s.assessment.strip() else (),
            )
        )
    paragraphs: list[Paragraph] = [
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
        parts = [
            paragraphs[i : i + PARAGRAPHS_PER_SLIDE] for i in range(0, len(paragraphs), PARAGRAPHS_PER_SLIDE)
        ]
        for index, group in enumerate(parts, start=1):
            slides.append(
                Slide(
                    "risks" if index == 1 else f"risks_{index}",
                    _numbered(tr("软信息与风险"), index, len(parts)),
                    tuple(group),
                    notes=narratives,
                )
            )
    return slides


def _full_if_shortened(text: str, limit: int) -> str:
    """The whole text for the presenter's notes when the slide shows it shortened."""
    return text if len(" ".join(text.split())) > limit else ""


def _shorten(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def proposal_slide(case: CaseFile, results: CaseResults) -> Slide:
    """The officer's proposal: capacity figures beside the terms, then conditions and monitoring."""
    z = results.sizing
    lead = KeyFigures(
        (
            KeyFigure(tr("建议金额"), money(z.proposal) if z.proposal > 0 else "—"),
            KeyFigure(tr("月还款额"), money(z.instalment)),
            KeyFigure(tr("月还款占比"), pct(z.ratio)),
        )
    )
    capacity = Facts(
        (
            (tr("月均可支配资金"), money(z.md_avg)),
            (tr("最高月还款额"), money(z.a_max)),
            (tr("还款能力本金"), money(z.p_cap)),
            # the credit policy whose α and product limits sized the proposal (name, version)
            (tr("授信政策"), policy_named(results.policy.name, results.policy.version, lang())),
        )
    )
    terms = Facts(
        (
            (tr("期限与利率"), f"{_term(case.request.term_months)} · {_rate_text(case)}"),
            (tr("还款方式"), _method(case)),
            (tr("约束条件"), limit_labels().get(z.binding_limit, z.binding_limit) or "—"),
        )
    )
    footer = tuple(
        Paragraph(heading, _shorten(text, 90))
        for heading, text in (
            (tr("放款条件"), case.notes.conditions),
            (tr("贷后监控"), case.notes.monitoring),
        )
        if text.strip()
    )
    return Slide(
        "proposal",
        tr("还款能力与建议"),
        (capacity, terms),
        notes="\n".join(t for t in (case.notes.conclusion, case.notes.conditions) if t),
        columns=2,
        lead=lead,
        footer=footer,
    )


def capacity_slide(case: CaseFile, results: CaseResults) -> Slide:
    """The committee's what-if: the officer's terms beside the amended ones, recomputed live."""
    return Slide(
        "capacity",
        tr("审贷会调整与还款计划"),
        (WhatIf(),),
        notes="\n".join(t for t in (case.notes.conclusion, case.notes.conditions) if t),
    )


def projection_slide(results: CaseResults) -> Slide:
    """The 12-month cash projection of the proposal."""
    z = results.sizing
    data = (lang(), z.projection, z.projection_minimum)
    return Slide("projection", tr("放款后现金流预测"), (Chart("projection", data),))


def decision_slide(case: CaseFile, results: CaseResults) -> Slide:
    """The committee's decision: votes, tally and outcome (``presentation.decision_slide``)."""
    from workbench.ui.presentation.decision_slide import decision_slide as build

    return build(case, results)


def build_slides(
    case: CaseFile, results: CaseResults, history: ProposalHistory | None = None
) -> tuple[Slide, ...]:
    """Every slide of ``case`` in presentation order; a stored case's ``history`` (how the figures
    that drive the amount moved across its saved versions) follows the proposal."""
    from workbench.ui.presentation.history_slide import history_slides

    return (
        summary_slide(case, results),
        business_slide(case),
        *balance_slides(results),
        *income_slides(case, results),
        equity_slide(case, results),
        *cross_check_slides(results),
        *soft_slides(case),
        proposal_slide(case, results),
        *(history_slides(history) if history is not None else ()),
        capacity_slide(case, results),
        projection_slide(results),
        decision_slide(case, results),
    )


def margin_label(ratio: Decimal | None) -> str:
    """The weighted margin's caption with its mark-up in brackets (the headline stays the margin)."""
    markup = markup_of_margin(ratio)
    if markup is None:
        return tr("加权毛利率")
    return tr("加权毛利率（加价率 %1）").replace("%1", pct(markup))
