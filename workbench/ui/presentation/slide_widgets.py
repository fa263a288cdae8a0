"""Widgets that render slide specs in the projector theme, and the committee's what-if panel.

Every text is a ``QLabel``: long Chinese text wraps (``wordWrap``), numbers never do and are
right-aligned, so a test can measure each label against its widget. Charts are drawn by
``reports.charts`` on a canvas the slide owns, then their text is enlarged for the projector.

The what-if panel holds the committee's amended terms (``domain.committee.Terms``): each change runs
``evaluate_terms`` against the officer's statement and emits ``amendment_changed(Terms)``. It never
touches the case or its document.
"""

from __future__ import annotations

import re
import time
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.committee import Terms, TermsEvaluation, evaluate_terms
from workbench.domain.errors import DomainError, ValidationError
from workbench.domain.loan_request import RateKind, RateQuote
from workbench.domain.messages import reason_text
from workbench.domain.schedules import METHOD_LABELS, Method
from workbench.domain.settings import DEFAULT_SETTINGS, Settings
from workbench.reports.formatting import money, pct
from workbench.ui.i18n import lang, tr
from workbench.ui.presentation.slides import (
    Block,
    Chart,
    DecisionArea,
    Facts,
    Flags,
    Paragraph,
    Slide,
    Table,
    WhatIf,
)
from workbench.ui.presentation.theme import STATUS_TEXT, Theme

if TYPE_CHECKING:
    from workbench.domain.calc import CaseResults
    from workbench.domain.case_file import CaseFile
    from workbench.ui.presentation.decision_slide import DecisionSlidePanel

WHAT_IF_METHODS = (Method.ANNUITY, Method.EQUAL_PRINCIPAL, Method.SEASONAL, Method.INTEREST_ONLY)


def _label(text: str, name: str = "", wrap: bool = True, align: Qt.AlignmentFlag | None = None) -> QLabel:
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if align is not None:
        label.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
    if not wrap:
        label.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
    return label


RIGHT = Qt.AlignmentFlag.AlignRight


class SlideWidget(QWidget):
    """One slide: a title bar, its blocks, the page number."""

    def __init__(
        self,
        slide: Slide,
        number: int,
        count: int,
        case: CaseFile,
        results: CaseResults,
        theme: Theme,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("slide")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.slide = slide
        self.theme = theme
        self.what_if: WhatIfPanel | None = None
        self.decision: DecisionSlidePanel | None = None
        self.charts: list[SlideChart] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        title = _label(slide.title, "slideTitle")
        outer.addWidget(title)
        body = QWidget()
        body.setObjectName("slideBody")
        box: QHBoxLayout | QVBoxLayout = QHBoxLayout(body) if slide.columns == 2 else QVBoxLayout(body)
        box.setContentsMargins(theme.margin, theme.spacing * 2, theme.margin, theme.spacing)
        box.setSpacing(theme.margin)
        for block in slide.blocks:
            widget = self._block(block, case, results)
            stretch = slide.columns == 2 or isinstance(block, (Chart, WhatIf))
            box.addWidget(widget, 1 if stretch else 0)
        if slide.columns != 2 and not any(isinstance(b, Chart) for b in slide.blocks):
            box.addStretch(1)
        outer.addWidget(body, 1)
        footer = _label(f"{number} / {count}", "pageNumber", wrap=False, align=RIGHT)
        footer.setContentsMargins(theme.margin, 0, theme.margin, theme.spacing)
        outer.addWidget(footer)

    def _block(self, block: Block, case: CaseFile, results: CaseResults) -> QWidget:
        if isinstance(block, Facts):
            facts = facts_widget(block, self.theme)
            if self.slide.columns == 1:  # label and value stay within reach of each other
                facts.setMaximumWidth(round(self.theme.width * 0.62))
            return facts
        if isinstance(block, Table):
            table = table_widget(block, self.theme)
            if self.slide.columns == 1 and len(block.columns) <= 2:
                table.setMaximumWidth(round(self.theme.width * 0.62))
            return table
        if isinstance(block, Paragraph):
            return paragraph_widget(block, self.theme)
        if isinstance(block, Flags):
            return flags_widget(block, self.theme)
        if isinstance(block, Chart):
            chart = SlideChart(block.kind, results, self.theme)
            self.charts.append(chart)
            return chart
        if isinstance(block, WhatIf):
            self.what_if = WhatIfPanel(case, results, self.theme)
            return self.what_if
        if isinstance(block, DecisionArea):
            from workbench.ui.presentation.decision_slide import DecisionSlidePanel

            self.decision = DecisionSlidePanel(block, self.theme)
            return self.decision
        raise TypeError(block)

    def labels(self) -> list[QLabel]:
        """Every label on the slide (for the fit tests)."""
        return self.findChildren(QLabel)


def facts_widget(block: Facts, theme: Theme) -> QWidget:
    """Label/value pairs; the label column wraps, the values wrap only when they hold words."""
    widget = QWidget()
    grid = QGridLayout(widget)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(theme.margin)
    grid.setVerticalSpacing(theme.spacing)
    figures = all(_numeric(value) for _name, value in block.rows)  # a column of figures: right-aligned
    for row, (name, value) in enumerate(block.rows):
        grid.addWidget(_label(name, "factLabel", wrap=len(name) > 10), row, 0, Qt.AlignmentFlag.AlignTop)
        numeric = _numeric(value)
        shown = _label(value, "factValue", wrap=not numeric, align=RIGHT if figures else None)
        grid.addWidget(shown, row, 1, Qt.AlignmentFlag.AlignTop)
    grid.setColumnStretch(0, 0)
    grid.setColumnStretch(1, 1)
    grid.setRowStretch(len(block.rows), 1)
    return widget


_NUMBER = re.compile(r"^(—|[+-]?[\d,]+(\.\d+)?%?)$")


def _numeric(text: str) -> bool:
    """A figure (``45,000.00``, ``-3.11%``, ``—``), right-aligned and never wrapped."""
    return bool(_NUMBER.match(text.strip()))


def table_widget(block: Table, theme: Theme) -> QWidget:
    """A short table of labels; the first column wraps, figures are right-aligned and never wrap."""
    widget = QWidget()
    grid = QGridLayout(widget)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(theme.spacing * 2)
    grid.setVerticalSpacing(0)
    pad = f"padding: {theme.spacing // 2}px 0px;"
    numeric = [
        all(_numeric(r[col]) for r in block.rows) and bool(block.rows) for col in range(len(block.columns))
    ]
    for col, heading in enumerate(block.columns):
        header = _label(heading, "tableHeader", wrap=not numeric[col], align=RIGHT if numeric[col] else None)
        header.setStyleSheet(pad)
        grid.addWidget(header, 0, col)
    for row, cells in enumerate(block.rows, start=1):
        status = block.statuses[row - 1] if row - 1 < len(block.statuses) else None
        for col, text in enumerate(cells):
            cell = _label(text, "tableCell", wrap=not numeric[col], align=RIGHT if numeric[col] else None)
            style = pad + ("font-weight: bold;" if row - 1 in block.totals else "")
            if status is not None and col == len(cells) - 1:
                style += f"color: {STATUS_TEXT[status]}; font-weight: bold;"
            cell.setStyleSheet(style)
            grid.addWidget(cell, row, col)
    for col, heading in enumerate(block.columns):
        widest = max((_width(r[col]) for r in block.rows), default=0)
        grid.setColumnStretch(col, max(2, min(widest, 24), _width(heading)))
    grid.setRowStretch(len(block.rows) + 1, 1)  # rows keep their height in a tall column
    return widget


def _width(text: str) -> int:
    """Rough width in digit widths: a CJK character counts two."""
    return sum(1 if ord(c) < 0x2E80 else 2 for c in text)


def paragraph_widget(block: Paragraph, theme: Theme) -> QWidget:
    """A heading and wrapped text."""
    widget = QWidget()
    box = QVBoxLayout(widget)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(theme.spacing // 2)
    if block.heading:
        box.addWidget(_label(block.heading, "blockHeading"))
    box.addWidget(_label(block.text, "paragraph"))
    return widget


def flags_widget(block: Flags, theme: Theme) -> QWidget:
    """Ready or not, then each issue (blocking ones in the FAIL colour)."""
    widget = QWidget()
    box = QVBoxLayout(widget)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(theme.spacing // 2)
    if block.ready:
        box.addWidget(_label("✓ " + tr("可提交审贷会"), "flagReady"))
    else:
        box.addWidget(_label("✗ " + tr("尚未满足上会条件"), "flagNotReady"))
    for blocking, line in block.lines[:4]:
        box.addWidget(
            _label(("■ " if blocking else "· ") + line, "flagBlocking" if blocking else "flagAdvice")
        )
    if len(block.lines) > 4:
        box.addWidget(_label(tr("另有 %1 项").replace("%1", str(len(block.lines) - 4)), "flagAdvice"))
    box.addStretch(1)
    return widget


class DecisionPanel(QFrame):
    """The proposal, the committee's amendment (if any), the outcome and the votes area.

    The outcome and the votes are filled by the committee session (the next step); the amendment
    follows the what-if panel.
    """

    def __init__(self, block: DecisionArea, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decision")
        box = QVBoxLayout(self)
        box.setContentsMargins(theme.margin, theme.spacing, theme.margin, theme.spacing)
        box.setSpacing(theme.spacing)
        box.addWidget(_label(tr("建议金额") + "：" + block.proposal, "decisionProposal"))
        self.amendment = _label(tr("审贷会调整：无"), "decisionAmendment")
        box.addWidget(self.amendment)
        self.outcome = _label(tr("决议：待表决"), "decisionOutcome")
        box.addWidget(self.outcome)
        self.votes_area = QWidget()
        self.votes_area.setObjectName("votesArea")
        votes_box = QVBoxLayout(self.votes_area)
        votes_box.setContentsMargins(0, 0, 0, 0)
        votes_box.addWidget(_label(tr("委员投票：待记录"), "votesPlaceholder"))
        box.addWidget(self.votes_area)
        box.addStretch(1)

    def show_amendment(self, terms: Terms) -> None:
        """Say what the committee changed (amount, term, rate, method)."""
        rate = f"{terms.rate.value.normalize():f}" + (
            " ‰" if terms.rate.kind is RateKind.MONTHLY_PERMILLE else " %"
        )
        self.amendment.setText(
            tr("审贷会调整：%1，%2 个月，%3，%4")
            .replace("%1", money(terms.amount))
            .replace("%2", str(terms.term_months))
            .replace("%3", rate)
            .replace("%4", _short_method(terms.method))
        )


class SlideChart(QWidget):
    """A chart from ``reports.charts`` on a canvas, text enlarged to the theme's size."""

    def __init__(self, kind: str, results: CaseResults, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.kind = kind
        self._theme = theme
        self.setObjectName(f"chart:{kind}")
        self.figure = Figure(layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)  # type: ignore[no-untyped-call]
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.canvas)
        self.draw(results)

    def draw(self, results: CaseResults) -> None:
        """Draw ``results`` (once per slide build; a redraw waits for the next paint)."""
        from matplotlib.lines import Line2D
        from matplotlib.text import Text

        from workbench.reports.charts import (
            deviation_bars,
            draw_deviation_chart,
            draw_monthly_chart,
            draw_projection_chart,
        )

        self.figure.clear()
        ax = self.figure.add_subplot()
        if self.kind == "monthly":
            draw_monthly_chart(ax, results, lang())
        elif self.kind == "projection":
            draw_projection_chart(ax, results, lang())
        else:
            draw_deviation_chart(ax, deviation_bars(results, lang()), DEFAULT_SETTINGS.flow_tolerance, lang())
            ax.set_title("", loc="left")
            legend = ax.get_legend()
            if legend is not None:
                legend.set_bbox_to_anchor((1.0, 1.0))
        if self.kind != "deviation":
            ax.set_title("", loc="left")
        size = self._theme.chart_pt
        for text in self.figure.findobj(Text):
            text.set_fontsize(size)
        for line in self.figure.findobj(Line2D):  # thicker lines read from the back of the room
            line.set_linewidth(max(float(line.get_linewidth()), 2.5))
            line.set_markersize(max(float(line.get_markersize()), 6.0))
        self.canvas.draw_idle()  # type: ignore[no-untyped-call]


class WhatIfPanel(QFrame):
    """Amount, term, rate and method of the committee's amendment, with its capacity figures."""

    amendment_changed = Signal(object)  # Terms
    evaluated = Signal(object)  # TermsEvaluation

    def __init__(
        self,
        case: CaseFile,
        results: CaseResults,
        theme: Theme,
        settings: Settings = DEFAULT_SETTINGS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("whatIf")
        self._statement = results.statement
        self._liquid = results.totals.liquid
        self._own = case.request.own_contribution
        self._first_month = results.sizing.first_month
        self._settings = settings
        self._rate_kind = case.request.rate.kind
        self._grace = case.request.grace_months
        self.terms: Terms | None = None
        self.evaluation: TermsEvaluation | None = None
        self.last_eval_ms = 0.0

        grid = QGridLayout(self)
        grid.setContentsMargins(theme.spacing * 2, theme.spacing, theme.spacing * 2, theme.spacing)
        grid.setHorizontalSpacing(theme.spacing * 2)
        grid.setVerticalSpacing(theme.spacing // 2)
        grid.addWidget(_label(tr("审贷会调整（不修改调查数据）"), "blockHeading"), 0, 0, 1, 2)

        self.amount = QDoubleSpinBox()
        self.amount.setObjectName("whatIfAmount")
        self.amount.setDecimals(0)
        self.amount.setRange(0, float(settings.product_max) * 10)
        self.amount.setSingleStep(1000)
        self.amount.setGroupSeparatorShown(True)
        self.term = QSpinBox()
        self.term.setObjectName("whatIfTerm")
        self.term.setRange(max(1, self._grace + 1), settings.max_months)
        self.rate = QDoubleSpinBox()
        self.rate.setObjectName("whatIfRate")
        self.rate.setDecimals(2)
        self.rate.setSingleStep(0.1)
        self.rate.setRange(0, 100)
        self.rate.setSuffix(" ‰" if self._rate_kind is RateKind.MONTHLY_PERMILLE else " %")
        self.method = QComboBox()
        self.method.setObjectName("whatIfMethod")
        for method in WHAT_IF_METHODS:
            self.method.addItem(_short_method(method), method.value)
        proposal = results.sizing.proposal if results.sizing.proposal > 0 else case.request.amount
        self.amount.setValue(float(proposal))
        self.term.setValue(case.request.term_months)
        self.rate.setValue(float(case.request.rate.value))
        index = self.method.findData(case.request.method.value)
        if index < 0:
            self.method.addItem(_short_method(case.request.method), case.request.method.value)
            index = self.method.count() - 1
        self.method.setCurrentIndex(index)
        inputs = (
            (tr("金额"), self.amount),
            (tr("期限（月）"), self.term),
            (tr("月息") if self._rate_kind is RateKind.MONTHLY_PERMILLE else tr("年利率"), self.rate),
            (tr("还款方式"), self.method),
        )
        for row, (name, editor) in enumerate(inputs, start=1):
            editor.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            grid.addWidget(_label(name, "factLabel"), row, 0)
            grid.addWidget(editor, row, 1)
        self.instalment = _label("", "factValue", wrap=False, align=RIGHT)
        self.ratio = _label("", "factValue", wrap=False, align=RIGHT)
        self.capacity = _label("", "factValue", wrap=False, align=RIGHT)
        self.verdict = _label("", "whatIfWithin")
        self.schedule = _label("", "whatIfSchedule")
        outputs = (
            (tr("月还款额"), self.instalment),
            (tr("占月可支比例"), self.ratio),
            (tr("还款能力本金"), self.capacity),
        )
        for row, (name, value) in enumerate(outputs, start=len(inputs) + 1):
            grid.addWidget(_label(name, "factLabel"), row, 0)
            grid.addWidget(value, row, 1)
        last = len(inputs) + len(outputs) + 1
        grid.addWidget(self.verdict, last, 0, 1, 2)
        grid.addWidget(self.schedule, last + 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(last + 2, 1)
        for editor in (self.amount, self.rate):
            editor.valueChanged.connect(self._changed)
        self.term.valueChanged.connect(self._changed)
        self.method.currentIndexChanged.connect(self._changed)
        self._evaluate(emit=False)

    def current_terms(self) -> Terms:
        """The terms the fields hold."""
        method = Method(str(self.method.currentData()))
        rate = RateQuote(self._rate_kind, Decimal(str(round(self.rate.value(), 2))))
        return Terms(
            Decimal(round(self.amount.value())),
            self.term.value(),
            rate,
            method,
            min(self._grace, self.term.value() - 1),
        )

    def _changed(self, *_args: object) -> None:
        self._evaluate(emit=True)

    def _evaluate(self, emit: bool) -> None:
        start = time.perf_counter()
        terms = self.current_terms()
        try:
            evaluation = evaluate_terms(
                self._statement, terms, self._liquid, self._own, self._settings, self._first_month
            )
        except DomainError as error:
            reason = _refusal(error)
            self.evaluation = None
            for label in (self.instalment, self.ratio, self.capacity):
                label.setText("—")
            self._verdict(False, reason)
            self.schedule.setText("")
            self.last_eval_ms = (time.perf_counter() - start) * 1000
            return
        self.terms, self.evaluation = terms, evaluation
        self.instalment.setText(money(evaluation.instalment))
        self.ratio.setText(pct(evaluation.ratio))
        self.capacity.setText(money(evaluation.p_cap))
        if evaluation.within_capacity:
            self._verdict(True, "✓ " + tr("在还款能力以内"))
        else:
            self._verdict(False, "✗ " + tr("超出还款能力"))
        s = evaluation.schedule
        self.schedule.setText(
            tr("共 %1 期，利息合计 %2，还款合计 %3")
            .replace("%1", str(len(s.rows)))
            .replace("%2", money(s.total_interest))
            .replace("%3", money(s.total_payment))
        )
        self.last_eval_ms = (time.perf_counter() - start) * 1000
        self.evaluated.emit(evaluation)
        if emit:
            self.amendment_changed.emit(terms)

    def _verdict(self, within: bool, text: str) -> None:
        name = "whatIfWithin" if within else "whatIfBeyond"
        if self.verdict.objectName() != name:
            self.verdict.setObjectName(name)
            self.verdict.style().unpolish(self.verdict)
            self.verdict.style().polish(self.verdict)
        self.verdict.setText(text)


def _refusal(error: DomainError) -> str:
    """Why the amended terms cannot be evaluated, naming the field as the panel does."""
    if not isinstance(error, ValidationError):
        return str(error)
    fields = {"principal": tr("金额"), "amount": tr("金额"), "months": tr("期限（月）"), "rate": tr("利率")}
    name = next((label for key, label in fields.items() if key in error.field), error.field)
    body = reason_text(error.reason, error.params, lang())
    return f"{name}：{body}" if name else body


def _short_method(method: Method) -> str:
    label = METHOD_LABELS[method][lang()]
    for mark in ("（", " ("):
        label = label.split(mark, 1)[0]
    return label
