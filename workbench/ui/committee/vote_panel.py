"""``VotePanel``: record each member's vote on one agenda case, see the tally and the live outcome.

The panel refuses a vote without a reason in place (anything but "approve as proposed" needs one,
``domain.committee.MemberVote``) and emits ``vote_submitted``; the window stores it and hands back the
new ``CaseBoard``. The tally and the outcome come from the domain's ``decide``, via the board.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.committee import OPEN, MemberVote, Vote
from workbench.domain.errors import ValidationError
from workbench.ui.committee.models import VoteModel
from workbench.ui.committee.texts import outcome_text, rule_text, tally_text, vote_text
from workbench.ui.i18n import tr

if TYPE_CHECKING:
    from workbench.services.committee import CaseBoard

REFUSED_STYLE = "color: #B34700;"


def member_names(board: CaseBoard) -> dict[str, str]:
    return {m.id: m.name for m in board.session.members}


def standing_text(board: CaseBoard) -> str:
    """What the session's rule makes of the votes so far (or the recorded decision)."""
    rule = rule_text(board.session.rules.rule)
    if board.decision is not None:
        return tr("决议（%1）：%2").replace("%1", rule).replace("%2", outcome_text(board.decision.outcome))
    if board.standing is None:
        return tr("按“%1”规则：待主席表决").replace("%1", rule)
    text = (
        tr("按“%1”规则，当前结果：%2").replace("%1", rule).replace("%2", outcome_text(board.standing.outcome))
    )
    if board.standing.vetoed_by:
        names = member_names(board)
        vetoed = "、".join(names.get(m, m) for m in board.standing.vetoed_by)
        text += tr("（%1 行使否决权）").replace("%1", vetoed)
    return text


def board_tally(board: CaseBoard) -> str:
    seats = sum(1 for m in board.session.members if m.votes)
    if board.standing is not None:
        tally = board.standing.tally
        return tally_text(tally.counts, tally.voters, seats, board.session.rules.quorum)
    counts = {v: sum(1 for c in board.votes if c.vote is v) for v in Vote}
    return tally_text(counts, len(board.votes), seats, board.session.rules.quorum)


class VotePanel(QWidget):
    """The votes of one agenda case; ``vote_submitted(member_id, vote, reason, conditions)``."""

    vote_submitted = Signal(str, object, str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("votePanel")
        self.board: CaseBoard | None = None
        self.member = QComboBox()
        self.member.setObjectName("voteMember")
        self.vote = QComboBox()
        self.vote.setObjectName("voteKind")
        for vote in Vote:
            self.vote.addItem(vote_text(vote), vote.value)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("voteReason")
        self.reason.setPlaceholderText(tr("理由（除“批准（无改动）”外必填）"))
        self.reason.setFixedHeight(64)
        self.conditions = QLineEdit()
        self.conditions.setObjectName("voteConditions")
        self.conditions.setPlaceholderText(tr("附加条件，多条用“；”分隔"))
        self.record = QPushButton(tr("记录投票"))
        self.record.setObjectName("voteRecord")
        self.record.clicked.connect(self.submit)
        self.message = QLabel()
        self.message.setObjectName("voteMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(REFUSED_STYLE)
        self.model = VoteModel()
        self.table = QTableView()
        self.table.setObjectName("voteTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.tally = QLabel()
        self.tally.setObjectName("voteTally")
        self.tally.setWordWrap(True)
        self.outcome = QLabel()
        self.outcome.setObjectName("voteOutcome")
        self.outcome.setWordWrap(True)
        self.outcome.setStyleSheet("font-weight: bold;")

        form = QFormLayout()
        form.addRow(tr("委员"), self.member)
        form.addRow(tr("表决"), self.vote)
        form.addRow(tr("理由"), self.reason)
        form.addRow(tr("条件"), self.conditions)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.record)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(form)
        box.addLayout(buttons)
        box.addWidget(self.table, 1)
        box.addWidget(self.tally)
        box.addWidget(self.outcome)
        self.vote.currentIndexChanged.connect(lambda _i: self.message.clear())
        self.reason.textChanged.connect(self.message.clear)

    def show_board(self, board: CaseBoard) -> None:
        """Show the votes, tally and outcome; pick the next member who has not voted yet."""
        self.board = board
        names = member_names(board)
        self.model.set_rows(board.votes, names)
        self.tally.setText(board_tally(board))
        self.outcome.setText(standing_text(board))
        voted = {v.member_id for v in board.votes}
        current = self.member.currentData()
        self.member.blockSignals(True)
        self.member.clear()
        for m in board.session.members:
            if not m.votes:
                continue
            suffix = tr("（主席）") if m.chair else tr("（否决权）") if m.veto else ""
            mark = " ✓" if m.id in voted else ""
            self.member.addItem(m.name + suffix + mark, m.id)
        waiting = next((i for i in range(self.member.count()) if self.member.itemData(i) not in voted), -1)
        keep = self.member.findData(current) if current not in voted else -1
        self.member.setCurrentIndex(keep if keep >= 0 else max(waiting, 0))
        self.member.blockSignals(False)
        open_ = board.decision is None and board.session.status == OPEN
        for widget in (self.member, self.vote, self.reason, self.conditions, self.record):
            widget.setEnabled(open_)

    def submit(self) -> None:
        """Check the vote here (a reason where one is due), then hand it to the window."""
        member_id = str(self.member.currentData() or "")
        if not member_id:
            self.message.setText(tr("请选择委员"))
            return
        vote = Vote(str(self.vote.currentData()))
        reason = self.reason.toPlainText().strip()
        conditions = tuple(
            c.strip() for c in self.conditions.text().replace(";", "；").split("；") if c.strip()
        )
        try:
            MemberVote(member_id, vote, reason, conditions)
        except ValidationError:
            self.message.setText(tr("“%1”须填写理由").replace("%1", vote_text(vote)))
            self.reason.setFocus()
            return
        self.message.clear()
        self.vote_submitted.emit(member_id, vote, reason, conditions)

    def vote_recorded(self) -> None:
        """Clear the fields for the next member."""
        self.reason.clear()
        self.conditions.clear()
        self.vote.setCurrentIndex(0)
