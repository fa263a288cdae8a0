"""The decision slide: the committee's votes so far, the tally and the outcome, in projector type.

``decision_slide`` is the spec (``slides.build_slides`` puts it last); ``DecisionSlidePanel`` renders
its ``DecisionArea``: the proposal, the what-if amendment (which the decision takes as its final
terms), and once the case is on a session's agenda the votes (member, vote, reason), the tally and
what the session's rule makes of them — the domain's ``decide``, via ``CommitteeService.board``.
The secretary's "record votes" button asks for the committee window's vote panel
(``record_votes_requested``); the panel itself never reaches the store.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from workbench.domain.committee import APPROVALS, Vote
from workbench.domain.formatting import money, plain
from workbench.domain.loan_request import RateKind
from workbench.domain.status import Status
from workbench.texts.labels import SCHEDULE_METHOD_LABELS as METHOD_LABELS
from workbench.ui.committee.texts import outcome_text, rule_text, tally_text, vote_text
from workbench.ui.i18n import lang, tr
from workbench.ui.presentation.theme import STATUS_TEXT

if TYPE_CHECKING:
    from workbench.domain.calc import CaseResults
    from workbench.domain.case_file import CaseFile
    from workbench.domain.committee import Terms
    from workbench.services.committee import CaseBoard
    from workbench.ui.presentation.slides import DecisionArea, Slide
    from workbench.ui.presentation.theme import Theme

MAX_REASON = 60


def decision_slide(case: CaseFile, results: CaseResults) -> Slide:
    """The committee's decision: proposal, amendment, votes, tally, outcome."""
    from workbench.ui.presentation.slides import DecisionArea, Slide

    return Slide(
        "decision",
        tr("审贷会决议"),
        (DecisionArea(money(results.sizing.proposal)),),
        notes="\n".join(t for t in (case.notes.conditions, case.notes.monitoring) if t),
    )


def _label(text: str, name: str, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_REASON else text[: MAX_REASON - 1] + "…"


def terms_text(terms: Terms) -> str:
    """``45,000.00，18 个月，年利率 7.2 %，等额本金`` — the rate always as a yearly % like the final
    terms (a monthly ‰ quote keeps its ‰ in brackets), so the two lines of the slide compare at a glance.
    """
    value = terms.rate.value
    if terms.rate.kind is RateKind.MONTHLY_PERMILLE:
        annual = plain(value * 12 / 10)
        monthly = plain(value)
        rate = tr("年利率 %1 %（月 %2 ‰）").replace("%1", annual).replace("%2", monthly)
    else:
        rate = tr("年利率 %1 %").replace("%1", plain(value))
    method = METHOD_LABELS[terms.method]["en" if lang() == "en" else "zh"]
    return (
        tr("%1，%2 个月，%3，%4")
        .replace("%1", money(terms.amount))
        .replace("%2", str(terms.term_months))
        .replace("%3", rate)
        .replace("%4", method)
    )


class DecisionSlidePanel(QFrame):
    """The decision area of the last slide; ``record_votes_requested()`` from the secretary."""

    record_votes_requested = Signal()

    def __init__(self, block: DecisionArea, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decision")
        self.theme = theme
        self.board: CaseBoard | None = None
        box = QVBoxLayout(self)
        box.setContentsMargins(theme.margin, theme.spacing, theme.margin, theme.spacing)
        box.setSpacing(theme.spacing)
        top = QHBoxLayout()
        top.setSpacing(theme.margin)
        self.proposal = _label(tr("建议金额：%1").replace("%1", block.proposal), "decisionProposal")
        top.addWidget(self.proposal, 0)
        self.amendment = _label(tr("审贷会调整：无"), "decisionAmendment")
        top.addWidget(self.amendment, 1)
        box.addLayout(top)
        self.rule = _label(tr("尚未列入审贷会议程"), "decisionRule")
        box.addWidget(self.rule)
        self.votes_area = QWidget()
        self.votes_area.setObjectName("votesArea")
        self._grid = QGridLayout(self.votes_area)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(theme.spacing * 2)
        self._grid.setVerticalSpacing(0)
        self._grid.addWidget(_label(tr("委员投票：待记录"), "votesPlaceholder"), 0, 0)
        box.addWidget(self.votes_area)
        self.tally = _label("", "decisionTally")
        self.tally.setStyleSheet(f"font-size: {theme.small_px}px;")
        box.addWidget(self.tally)
        self.final_terms = _label("", "decisionTerms")
        self.final_terms.hide()
        box.addWidget(self.final_terms)
        bottom = QHBoxLayout()
        self.outcome = _label(tr("决议：待表决"), "decisionOutcome")
        self.outcome.setStyleSheet("font-weight: bold;")
        bottom.addWidget(self.outcome, 1)
        self.record_button = QPushButton(tr("记录投票…"))
        self.record_button.setObjectName("recordVotes")
        self.record_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the slides keep the keys
        self.record_button.setStyleSheet(f"font-size: {theme.small_px}px; padding: {theme.spacing // 2}px;")
        self.record_button.clicked.connect(self.record_votes_requested)
        bottom.addWidget(self.record_button, 0, Qt.AlignmentFlag.AlignBottom)
        box.addLayout(bottom)
        box.addStretch(1)

    def refresh(self, block: DecisionArea) -> None:
        """The officer's proposal changed (a live update); the amendment and the votes stay."""
        self.proposal.setText(tr("建议金额：%1").replace("%1", block.proposal))

    def show_amendment(self, terms: Terms) -> None:
        """Say what the committee changed; the decision takes it as its final terms."""
        self.amendment.setText(tr("审贷会调整：%1").replace("%1", terms_text(terms)))

    def show_board(self, board: CaseBoard | None) -> None:
        """The votes so far, the tally and the outcome (``None``: the case is on no agenda)."""
        self.board = board
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone at once, not at the next turn of the event loop
                widget.deleteLater()
        if board is None:
            self.rule.setText(tr("尚未列入审贷会议程"))
            self._grid.addWidget(_label(tr("委员投票：待记录"), "votesPlaceholder"), 0, 0)
            self.tally.clear()
            self.outcome.setText(tr("决议：待表决"))
            return
        info = board.session
        self.rule.setText(
            tr("%1 · 决议规则：%2，法定人数 %3")
            .replace("%1", info.held_on.isoformat())
            .replace("%2", rule_text(info.rules.rule))
            .replace("%3", str(info.rules.quorum))
        )
        names = {m.id: m.name for m in info.members}
        cast = {v.member_id: v for v in board.votes}
        pad = f"padding: {self.theme.spacing // 3}px 0px;"
        for col, heading in enumerate((tr("委员"), tr("表决"), tr("理由"))):
            header = _label(heading, "tableHeader", wrap=False)
            header.setStyleSheet(pad)
            self._grid.addWidget(header, 0, col)
        row = 1
        for member in info.members:
            if not member.votes:
                continue
            vote = cast.get(member.id)
            suffix = tr("（主席）") if member.chair else tr("（否决权）") if member.veto else ""
            cells = (
                _label(names.get(member.id, member.id) + suffix, "tableCell", wrap=False),
                _label(tr("未投票") if vote is None else vote_text(vote.vote), "tableCell", wrap=False),
                _label("" if vote is None else _short(vote.reason), "tableCell"),
            )
            colour = "" if vote is None else self._vote_colour(vote.vote)
            for col, cell in enumerate(cells):
                cell.setStyleSheet(pad + (f"color: {colour};" if col == 1 and colour else ""))
                self._grid.addWidget(cell, row, col)
            row += 1
        self._grid.setColumnStretch(2, 1)
        seats = sum(1 for m in info.members if m.votes)
        counts = {v: sum(1 for c in board.votes if c.vote is v) for v in Vote}
        self.tally.setText(tally_text(counts, len(board.votes), seats, info.rules.quorum))
        self.final_terms.hide()
        if board.decision is not None:
            decided = board.decision
            self.outcome.setText(tr("决议：%1").replace("%1", outcome_text(decided.outcome)))
            rate = decided.annual_rate_percent
            if decided.amount is not None and decided.method is not None and rate is not None:
                self.final_terms.setText(
                    tr("最终条件：%1，%2 个月，年利率 %3 %，%4")
                    .replace("%1", money(decided.amount))
                    .replace("%2", str(decided.term_months))
                    .replace("%3", plain(rate))
                    .replace("%4", METHOD_LABELS[decided.method]["en" if lang() == "en" else "zh"])
                )
                self.final_terms.show()
        elif board.standing is None:
            self.outcome.setText(tr("当前结果：待主席表决"))
        else:
            self.outcome.setText(tr("当前结果：%1").replace("%1", outcome_text(board.standing.outcome)))
        approved = (board.decision is not None and board.decision.amount is not None) or (
            board.decision is None and board.standing is not None and board.standing.approved
        )
        colour = STATUS_TEXT[_status(approved)]
        self.outcome.setStyleSheet(f"font-weight: bold; color: {colour};")
        self.record_button.setEnabled(board.decision is None and info.status == "open")

    @staticmethod
    def _vote_colour(vote: Vote) -> str:
        return STATUS_TEXT[_status(vote in APPROVALS)]


def _status(good: bool) -> Status:
    return Status.OK if good else Status.FAIL
