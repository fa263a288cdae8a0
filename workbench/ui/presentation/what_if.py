"""The committee's what-if panel: the officer's terms beside the amended ones, recomputed live.

The panel holds the committee's amended terms (``domain.committee.Terms``): each change runs
``evaluate_terms`` against the officer's statement and emits ``amendment_changed(Terms)``. It never
touches the case or its document. ``rebase`` takes a newer case (an edit in the main window while
the slides are open): the officer's column follows it; the amended terms stay as the committee set
them, and an untouched panel follows the new proposal.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from workbench.domain.committee import Terms, TermsEvaluation, evaluate_terms
from workbench.domain.errors import DomainError, ValidationError
from workbench.domain.formatting import money, plain
from workbench.domain.formatting import percent as pct
from workbench.domain.loan_request import RateKind, RateQuote
from workbench.domain.money import from_float
from workbench.domain.schedules import Method
from workbench.texts.labels import SCHEDULE_METHOD_LABELS as METHOD_LABELS
from workbench.texts.reasons import reason_text
from workbench.ui.i18n import lang, tr

if TYPE_CHECKING:
    from workbench.domain.calc import CaseResults
    from workbench.domain.case_file import CaseFile
    from workbench.ui.presentation.theme import Theme

WHAT_IF_METHODS = (Method.ANNUITY, Method.EQUAL_PRINCIPAL, Method.SEASONAL, Method.INTEREST_ONLY)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _label(text: str, name: str, wrap: bool = True, right: bool = False) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if right:
        label.setAlignment(RIGHT)
    if not wrap:
        label.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
    return label


def short_method(method: Method) -> str:
    """The schedule method's name without its explanation in brackets."""
    label = METHOD_LABELS[method][lang()]
    for mark in ("（", " ("):
        label = label.split(mark, 1)[0]
    return label


def _rate_text(quote: RateQuote) -> str:
    return plain(quote.value) + (" ‰" if quote.kind is RateKind.MONTHLY_PERMILLE else " %")


class WhatIfPanel(QFrame):
    """Amount, term, rate and method of the committee's amendment, with its capacity figures."""

    amendment_changed = Signal(object)  # Terms
    evaluated = Signal(object)  # TermsEvaluation

    def __init__(
        self,
        case: CaseFile,
        results: CaseResults,
        theme: Theme,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("whatIf")
        self._policy, self._product = results.policy, results.product
        self._rate_kind = case.request.rate.kind
        self.terms: Terms | None = None
        self.evaluation: TermsEvaluation | None = None
        self.amended = False  # the committee changed a field: a live update keeps its terms
        self.last_eval_ms = 0.0

        grid = QGridLayout(self)
        grid.setContentsMargins(theme.margin, theme.spacing, theme.margin, theme.spacing)
        grid.setHorizontalSpacing(theme.margin)
        grid.setVerticalSpacing(theme.spacing)
        grid.addWidget(_label(tr("审贷会调整（不修改调查数据）"), "blockHeading"), 0, 0, 1, 3)
        grid.addWidget(_label(tr("调查建议"), "tableHeader", wrap=False, right=True), 1, 1)
        grid.addWidget(_label(tr("审贷会调整"), "tableHeader", wrap=False, right=True), 1, 2)

        self.amount = QDoubleSpinBox()
        self.amount.setObjectName("whatIfAmount")
        self.amount.setDecimals(0)
        self.amount.setRange(0, float(results.product.max_amount) * 10)
        self.amount.setSingleStep(1000)
        self.amount.setGroupSeparatorShown(True)
        self.term = QSpinBox()
        self.term.setObjectName("whatIfTerm")
        self.term.setRange(1, results.product.max_months)
        self.rate = QDoubleSpinBox()
        self.rate.setObjectName("whatIfRate")
        self.rate.setDecimals(2)
        self.rate.setSingleStep(0.1)
        self.rate.setRange(0, 100)
        self.rate.setSuffix(" ‰" if self._rate_kind is RateKind.MONTHLY_PERMILLE else " %")
        self.method = QComboBox()
        self.method.setObjectName("whatIfMethod")
        for method in WHAT_IF_METHODS:
            self.method.addItem(short_method(method), method.value)
        rate_name = tr("月息") if self._rate_kind is RateKind.MONTHLY_PERMILLE else tr("年利率")
        self._officer = {key: _label("", "factValue", wrap=False, right=True) for key in _OFFICER_KEYS}
        inputs = (
            (tr("金额"), "amount", self.amount),
            (tr("期限（月）"), "term", self.term),
            (rate_name, "rate", self.rate),
            (tr("还款方式"), "method", self.method),
        )
        for row, (name, key, editor) in enumerate(inputs, start=2):
            editor.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            grid.addWidget(_label(name, "factLabel"), row, 0)
            grid.addWidget(self._officer[key], row, 1)
            grid.addWidget(editor, row, 2)
        self.instalment = _label("", "factValue", wrap=False, right=True)
        self.ratio = _label("", "factValue", wrap=False, right=True)
        self.capacity = _label("", "factValue", wrap=False, right=True)
        self.verdict = _label("", "whatIfWithin")
        self.schedule = _label("", "whatIfSchedule")
        outputs = (
            (tr("月还款额"), "instalment", self.instalment),
            (tr("占月可支比例"), "ratio", self.ratio),
            (tr("还款能力本金"), "capacity", self.capacity),
        )
        for row, (name, key, value) in enumerate(outputs, start=2 + len(inputs)):
            grid.addWidget(_label(name, "factLabel"), row, 0)
            grid.addWidget(self._officer[key], row, 1)
            grid.addWidget(value, row, 2)
        last = 2 + len(inputs) + len(outputs)
        grid.addWidget(self.verdict, last, 0, 1, 3)
        grid.addWidget(self.schedule, last + 1, 0, 1, 3)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 3)
        grid.setRowStretch(last + 2, 1)
        self._take_case(case, results)
        self._set_fields(self._proposal_terms(case, results))
        for editor in (self.amount, self.rate):
            editor.valueChanged.connect(self._changed)
        self.term.valueChanged.connect(self._changed)
        self.method.currentIndexChanged.connect(self._changed)
        self._evaluate(emit=False)

    # ---- the officer's side --------------------------------------------------------------------------

    def _take_case(self, case: CaseFile, results: CaseResults) -> None:
        self._statement = results.statement
        self._liquid = results.totals.liquid
        self._own = case.request.own_contribution
        self._first_month = results.sizing.first_month
        self._grace = case.request.grace_months
        self.term.setMinimum(max(1, self._grace + 1))
        z = results.sizing
        shown = {
            "amount": money(z.proposal) if z.proposal > 0 else "—",
            "term": str(case.request.term_months),
            "rate": _rate_text(case.request.rate),
            "method": short_method(case.request.method),
            "instalment": money(z.instalment),
            "ratio": pct(z.ratio),
            "capacity": money(z.p_cap),
        }
        for key, label in self._officer.items():
            label.setText(shown[key])

    @staticmethod
    def _proposal_terms(case: CaseFile, results: CaseResults) -> Terms:
        proposal = results.sizing.proposal if results.sizing.proposal > 0 else case.request.amount
        r = case.request
        return Terms(proposal, r.term_months, r.rate, r.method, min(r.grace_months, r.term_months - 1))

    def _set_fields(self, terms: Terms) -> None:
        blockers = [QSignalBlocker(w) for w in (self.amount, self.term, self.rate, self.method)]
        self.amount.setValue(float(terms.amount))
        self.term.setValue(terms.term_months)
        self.rate.setValue(float(terms.rate.value))
        index = self.method.findData(terms.method.value)
        if index < 0:
            self.method.addItem(short_method(terms.method), terms.method.value)
            index = self.method.count() - 1
        self.method.setCurrentIndex(index)
        del blockers

    def rebase(self, case: CaseFile, results: CaseResults) -> None:
        """Follow a newer version of the case; the committee's amended terms stay as they are."""
        self._take_case(case, results)
        if not self.amended:
            self._set_fields(self._proposal_terms(case, results))
        self._evaluate(emit=False)

    def adopt_terms(self, terms: Terms) -> None:
        """Take over the committee's amendment from another panel (the slides were re-sized)."""
        self._set_fields(terms)
        self.amended = True
        self._evaluate(emit=False)

    # ---- the committee's side ------------------------------------------------------------------------

    def current_terms(self) -> Terms:
        """The terms the fields hold."""
        method = Method(str(self.method.currentData()))
        rate = RateQuote(self._rate_kind, from_float(self.rate.value(), 2))
        return Terms(
            from_float(self.amount.value(), 0),
            self.term.value(),
            rate,
            method,
            min(self._grace, self.term.value() - 1),
        )

    def _changed(self, *_args: object) -> None:
        self.amended = True
        self._evaluate(emit=True)

    def _evaluate(self, emit: bool) -> None:
        start = time.perf_counter()
        terms = self.current_terms()
        try:
            evaluation = evaluate_terms(
                self._statement,
                terms,
                self._liquid,
                self._own,
                self._policy,
                self._first_month,
                self._product,
            )
        except DomainError as error:
            self.evaluation = None
            for label in (self.instalment, self.ratio, self.capacity):
                label.setText("—")
            self._verdict(False, "✗ " + _refusal(error))
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


_OFFICER_KEYS = ("amount", "term", "rate", "method", "instalment", "ratio", "capacity")


def _refusal(error: DomainError) -> str:
    """Why the amended terms cannot be evaluated, naming the field as the panel does."""
    if not isinstance(error, ValidationError):
        return str(error)
    fields = {"principal": tr("金额"), "amount": tr("金额"), "months": tr("期限（月）"), "rate": tr("利率")}
    name = next((label for key, label in fields.items() if key in error.field), error.field)
    body = reason_text(error.reason, error.params, lang())
    return f"{name}：{body}" if name else body
