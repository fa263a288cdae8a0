"""``DecisionForm``: the committee's decision on one case — final terms, conditions, monitoring.

Prefilled from the presentation's what-if amendment when one was made, else from the officer's
proposal; the monitoring measures from ``services.committee.monitoring_steps`` (the domain's plan as
data), worded in the window's language. A line left as the form worded it goes back as its step;
a line the chair typed or changed is her own measure, kept as typed.
Terms are checked here (an amount the way officers type it, a rate the case's kind allows) before
``decision_submitted(terms, conditions, monitoring)`` goes to the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.calc import compute_case
from workbench.domain.committee import OPEN, Terms
from workbench.domain.errors import ValidationError
from workbench.domain.field_model import check_whole_cents, field_map
from workbench.domain.formatting import money
from workbench.domain.loan_request import RateKind, RateQuote
from workbench.domain.money import from_float, parse_amount
from workbench.domain.policy import DEFAULT_POLICY, CreditPolicy
from workbench.domain.schedules import Method
from workbench.services.committee import monitoring_steps, monitoring_wording
from workbench.texts.labels import SCHEDULE_METHOD_LABELS as METHOD_LABELS
from workbench.texts.reasons import error_text
from workbench.ui.committee.texts import outcome_text
from workbench.ui.committee.vote_panel import REFUSED_STYLE
from workbench.ui.i18n import lang, tr

if TYPE_CHECKING:
    from workbench.domain.case_file import CaseFile
    from workbench.domain.committee import Monitoring, MonitoringStep
    from workbench.services.committee import CaseBoard


def method_text(method: Method) -> str:
    return METHOD_LABELS[method]["en" if lang() == "en" else "zh"]


def proposal_terms(case: CaseFile, policy: CreditPolicy) -> Terms:
    """The officer's proposal under ``policy`` as terms (the request's rate as quoted)."""
    sizing = compute_case(case, policy).sizing
    request = case.request
    amount = sizing.proposal if sizing.proposal > 0 else request.amount
    return Terms(amount, request.term_months, request.rate, request.method, request.grace_months)


class DecisionForm(QWidget):
    """``decision_submitted(terms | None, conditions, monitoring)``: terms only for an approval;
    ``monitoring`` is a tuple of measures (``Monitoring``: plan steps and typed text)."""

    decision_submitted = Signal(object, object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.policy: CreditPolicy = DEFAULT_POLICY  # the store's current policy once signed in
        self.setObjectName("decisionForm")
        self.case: CaseFile | None = None
        self._plan: dict[str, MonitoringStep] = {}  # the lines this form worded → their steps
        self._rate_kind = RateKind.ANNUAL_PERCENT
        self._grace = 0
        self.source = QLabel()
        self.source.setObjectName("decisionSource")
        self.source.setWordWrap(True)
        self.amount = QLineEdit()
        self.amount.setObjectName("decisionAmount")
        self.term = QSpinBox()
        self.term.setObjectName("decisionTerm")
        self.term.setRange(1, 360)
        self.term.setSuffix(tr(" 个月"))
        self.rate = QDoubleSpinBox()
        self.rate.setObjectName("decisionRate")
        self.rate.setDecimals(2)
        self.rate.setRange(0, 100)
        self.rate.setSingleStep(0.1)
        self.method = QComboBox()
        self.method.setObjectName("decisionMethod")
        for method in Method:
            self.method.addItem(method_text(method), method.value)
        self.conditions = QPlainTextEdit()
        self.conditions.setObjectName("decisionConditions")
        self.conditions.setPlaceholderText(tr("放款前提条件，一行一条"))
        self.conditions.setFixedHeight(60)
        self.monitoring = QPlainTextEdit()
        self.monitoring.setObjectName("decisionMonitoring")
        self.monitoring.setPlaceholderText(tr("贷后监控措施，一行一条"))
        self.monitoring.setFixedHeight(72)
        self.outcome = QLabel()
        self.outcome.setObjectName("decisionOutcome")
        self.outcome.setWordWrap(True)
        self.outcome.setStyleSheet("font-weight: bold;")
        self.message = QLabel()
        self.message.setObjectName("decisionMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(REFUSED_STYLE)
        self.record = QPushButton(tr("记录决议"))
        self.record.setObjectName("decisionRecord")
        self.record.clicked.connect(self.submit)

        form = QFormLayout()
        form.addRow(tr("金额"), self.amount)
        form.addRow(tr("期限"), self.term)
        self.rate_label = QLabel(tr("年利率"))
        form.addRow(self.rate_label, self.rate)
        form.addRow(tr("还款方式"), self.method)
        form.addRow(tr("放款前提条件"), self.conditions)
        form.addRow(tr("贷后监控"), self.monitoring)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.record)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.outcome)
        box.addWidget(self.source)
        box.addLayout(form)
        box.addLayout(buttons)
        box.addStretch(1)
        self.term.valueChanged.connect(self._refresh_monitoring)

    def prefill(self, case: CaseFile, amendment: Terms | None) -> None:
        """Fill the terms from the amendment (or the proposal), conditions and monitoring from the case."""
        self.case = case
        terms = amendment or proposal_terms(case, self.policy)
        self._rate_kind = terms.rate.kind
        self._grace = terms.grace_months
        permille = terms.rate.kind is RateKind.MONTHLY_PERMILLE
        self.rate_label.setText(tr("月息") if permille else tr("年利率"))
        self.rate.setSuffix(" ‰" if permille else " %")
        self.source.setText(
            tr("最终条件取自演示中的审贷会调整（可修改）")
            if amendment is not None
            else tr("最终条件取自客户经理的建议（可修改）")
        )
        self.amount.setText(money(terms.amount))
        self.term.blockSignals(True)
        self.term.setValue(terms.term_months)
        self.term.blockSignals(False)
        self.rate.setValue(float(terms.rate.value))
        index = self.method.findData(terms.method.value)
        self.method.setCurrentIndex(max(index, 0))
        lines = [line.strip() for line in case.notes.conditions.splitlines() if line.strip()]
        self.conditions.setPlainText("\n".join(lines))
        self._show_plan(monitoring_steps(case, terms.term_months))
        self.message.clear()

    def _refresh_monitoring(self, months: int) -> None:
        if self.case is not None:
            self._show_plan(monitoring_steps(self.case, months))

    def _show_plan(self, steps: tuple[MonitoringStep, ...]) -> None:
        words = monitoring_wording(steps, lang())
        self._plan = dict(zip(words, steps, strict=True))
        self.monitoring.setPlainText("\n".join(words))

    def monitoring_items(self) -> tuple[Monitoring, ...]:
        """The measures in the box: the plan's steps where a line is as worded here, else the text."""
        lines = (line.strip() for line in self.monitoring.toPlainText().splitlines())
        return tuple(self._plan.get(line, line) for line in lines if line)

    def show_board(self, board: CaseBoard) -> None:
        """Say what the rule makes of the votes; terms apply only to an approval."""
        if board.decision is not None:
            self.outcome.setText(tr("已记录决议：%1").replace("%1", outcome_text(board.decision.outcome)))
        elif board.standing is None:
            self.outcome.setText(tr("待主席表决"))
        else:
            self.outcome.setText(tr("按表决结果：%1").replace("%1", outcome_text(board.standing.outcome)))
        approved = board.standing is not None and board.standing.approved
        for widget in (self.amount, self.term, self.rate, self.method, self.conditions, self.monitoring):
            widget.setEnabled(approved and board.decision is None)
        self.record.setEnabled(board.decision is None and board.session.status == OPEN)

    def current_terms(self) -> Terms | str:
        """The terms the fields hold, or why they are not terms."""
        try:
            amount = parse_amount(self.amount.text(), "amount")
            check_whole_cents(field_map(Terms)["amount"].spec, amount, "amount")
        except ValidationError as error:
            return tr("金额：%1").replace("%1", error_text(error, lang()))
        if amount <= 0:
            return tr("金额须大于零")
        rate = RateQuote(self._rate_kind, from_float(self.rate.value(), 2))
        try:
            rate.rate()
        except ValidationError as error:
            return tr("利率：%1").replace("%1", error_text(error, lang()))
        method = Method(str(self.method.currentData()))
        grace = min(self._grace, self.term.value() - 1)
        return Terms(amount, self.term.value(), rate, method, grace)

    def submit(self) -> None:
        approving = self.amount.isEnabled()
        terms: Terms | None = None
        if approving:
            checked = self.current_terms()
            if isinstance(checked, str):
                self.message.setText(checked)
                return
            terms = checked
        conditions = tuple(c.strip() for c in self.conditions.toPlainText().splitlines() if c.strip())
        self.message.clear()
        self.decision_submitted.emit(terms, conditions if approving else (), self.monitoring_items())
