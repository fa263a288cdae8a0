"""``CommitteeWindow``: the secretary's and chair's screen of a committee session (审贷会).

Left, the sessions (new, open); right, the open session: its agenda (submitted cases added from the
list of those waiting), and for the selected case the votes (``VotePanel``) and the decision
(``DecisionForm``); at the bottom, closing the session with the chair's signed minutes.

Every store call runs through ``ops.run_in_background`` with immutable inputs; results come back as
the services' frozen dataclasses. A refused step shows its translated reason in the message line
and changes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.committee import OPEN
from workbench.domain.errors import DomainError
from workbench.domain.formatting import money
from workbench.services.permissions import Action
from workbench.ui.committee.decision_form import DecisionForm
from workbench.ui.committee.models import AgendaModel, AgendaRow, AwaitingModel, SessionListModel
from workbench.ui.committee.signing_prompt import ask_identity
from workbench.ui.committee.texts import rule_text, status_text
from workbench.ui.committee.vote_panel import REFUSED_STYLE, VotePanel
from workbench.ui.dialogs.signing_form import signing_error_text
from workbench.ui.i18n import lang, tr
from workbench.ui.ops import run_in_background
from workbench.ui.window_layout import fit_to_screen

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from workbench.domain.case_file import CaseFile
    from workbench.domain.committee import Monitoring, SessionInfo, Terms, Vote
    from workbench.domain.policy import CreditPolicy
    from workbench.domain.records import CaseSummary, Page
    from workbench.services.committee import CaseBoard, SignedMinutes
    from workbench.ui.committee.session_dialog import SessionDialog, SessionSpec
    from workbench.ui.store_link import StoreLink

OK_STYLE = "color: #00704F;"


def error_message(error: BaseException) -> str:
    """The translated one-line reason of a failed committee step."""
    from workbench.services.messages import describe_error
    from workbench.services.signatures import SigningError

    if isinstance(error, SigningError):
        return signing_error_text(error)
    if isinstance(error, DomainError):
        return describe_error(error, lang())
    return str(error) or type(error).__name__


LoadedSession = tuple["SessionInfo", tuple[AgendaRow, ...], "Page[CaseSummary]"]
LoadedCase = tuple["CaseBoard", "CaseFile"]


class CommitteeWindow(QMainWindow):
    """``votes_changed(session_id, case_id)`` after a vote or decision; ``session_closed(session_id)``;
    ``case_requested(case_id)`` to open (or show) an agenda case in the main window."""

    votes_changed = Signal(str, str)
    session_closed = Signal(str)
    case_requested = Signal(str)  # case id: an agenda case double-clicked, to open in the main window

    def __init__(
        self,
        store: StoreLink,
        amendment_for: Callable[[str], Terms | None] = lambda _case_id: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("committeeWindow")
        self.setWindowTitle(tr("审贷会"))
        self.store = store
        self.amendment_for = amendment_for
        self.ask_identity: Callable[[], tuple[Path, str] | None] = lambda: ask_identity(self)
        self.ask_session: Callable[[SessionDialog], SessionSpec | None] = _run_dialog
        self.info: SessionInfo | None = None
        self.case_id: str | None = None
        self.loaded: LoadedCase | None = None
        self.last_minutes: SignedMinutes | None = None
        self.may_run = store.may(Action.RUN_SESSION)  # set up sessions, the agenda, decisions, closing
        self.may_vote = store.may(Action.VOTE)
        self._pending = 0

        self.sessions = SessionListModel()
        self.session_table = _table("sessionTable", self.sessions)
        self.session_table.horizontalHeader().setStretchLastSection(False)
        self.session_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.session_table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.new_button = QPushButton(tr("新建审贷会…"))
        self.new_button.setObjectName("newSession")
        self.new_button.clicked.connect(self.new_session)
        self.new_button.setEnabled(self.may_run)
        self.open_button = QPushButton(tr("打开"))
        self.open_button.setObjectName("openSession")
        self.open_button.clicked.connect(self._open_selected)
        refresh = QPushButton(tr("刷新"))
        refresh.clicked.connect(self.refresh_sessions)
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(QLabel(tr("审贷会")))
        left_box.addWidget(self.session_table, 1)
        row = QHBoxLayout()
        for button in (self.new_button, self.open_button, refresh):
            row.addWidget(button)
        left_box.addLayout(row)

        self.header = QLabel(tr("请新建或打开一次审贷会"))
        self.header.setObjectName("sessionHeader")
        self.header.setWordWrap(True)
        self.header.setStyleSheet("font-weight: bold;")
        self.agenda = AgendaModel()
        self.agenda_table = _table("agendaTable", self.agenda)
        self.agenda_table.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._agenda_row(cur.row())
        )
        self.agenda_table.activated.connect(self._request_case)
        self.agenda_table.setToolTip(tr("双击案卷可在主窗口中打开"))
        self.awaiting = AwaitingModel()
        self.awaiting_box = QComboBox()
        self.awaiting_box.setObjectName("awaitingCases")
        self.awaiting_box.setModel(self.awaiting)
        self.awaiting_box.setModelColumn(1)
        self.awaiting_box.setMinimumContentsLength(12)
        self.add_button = QPushButton(tr("加入议程"))
        self.add_button.setObjectName("addToAgenda")
        self.add_button.clicked.connect(self._add_selected)
        self.close_button = QPushButton(tr("闭会并签署纪要…"))
        self.close_button.setObjectName("closeSession")
        self.close_button.clicked.connect(self.close_session)
        agenda_row = QHBoxLayout()
        agenda_row.addWidget(QLabel(tr("待上会案卷")))
        agenda_row.addWidget(self.awaiting_box, 1)
        agenda_row.addWidget(self.add_button)
        agenda_row.addStretch(0)
        agenda_row.addWidget(self.close_button)

        self.votes = VotePanel()
        self.votes.vote_submitted.connect(self._cast_vote)
        self.decision = DecisionForm()
        self.decision.decision_submitted.connect(self._record_decision)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("caseTabs")
        self.tabs.addTab(self.votes, tr("投票"))
        self.tabs.addTab(self.decision, tr("决议"))
        self.case_title = QLabel()
        self.case_title.setObjectName("caseTitle")
        self.case_title.setStyleSheet("font-weight: bold;")
        self.case_title.setWordWrap(True)

        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        right_box.addWidget(self.header)
        right_box.addWidget(self.agenda_table, 1)
        right_box.addLayout(agenda_row)
        right_box.addWidget(self.case_title)
        right_box.addWidget(self.tabs, 3)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 860])
        self.message = QLabel()
        self.message.setObjectName("committeeMessage")
        self.message.setWordWrap(True)
        central = QWidget()
        box = QVBoxLayout(central)
        box.addWidget(splitter, 1)
        box.addWidget(self.message)
        self.setCentralWidget(central)
        fit_to_screen(self, 1180, 760)
        self._show_session()
        self.refresh_sessions()

    # ---- background calls ----------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """A store call started here has not come back yet."""
        return self._pending > 0

    def _run(self, fn: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self._pending += 1

        def finished(result: Any) -> None:
            self._pending -= 1
            if shiboken6.isValid(self):  # the window may have closed meanwhile
                done(result)

        def failed(error: BaseException) -> None:
            self._pending -= 1
            if shiboken6.isValid(self):
                self.refuse(error_message(error))

        run_in_background(fn, finished, failed)

    def refuse(self, text: str) -> None:
        self.message.setStyleSheet(REFUSED_STYLE)
        self.message.setText(text)

    def tell(self, text: str) -> None:
        self.message.setStyleSheet(OK_STYLE)
        self.message.setText(text)

    # ---- sessions ------------------------------------------------------------------------------

    def refresh_sessions(self) -> None:
        committee, user = self.store.services.committee, self.store.user
        self._run(lambda: committee.list_sessions(user), self.sessions.set_rows)

    def new_session(self) -> None:
        """Ask for a new session (the store's users as members) and create it."""
        committee, user = self.store.services.committee, self.store.user
        self._run(lambda: committee.candidate_members(user), self._ask_new_session)

    def _ask_new_session(self, users: list[Any]) -> None:
        from workbench.ui.committee.session_dialog import SessionDialog

        chair = next((u for u in users if u.id == self.store.user.id), None)
        spec = self.ask_session(SessionDialog(users, chair, self))
        if spec is not None:
            self.create_session(spec)

    def create_session(self, spec: SessionSpec) -> None:
        committee, user = self.store.services.committee, self.store.user

        def create() -> str:
            return committee.create_session(
                spec.held_on,
                spec.place,
                spec.chair_id,
                spec.members,
                spec.secretary,
                spec.rules,
                user,
                secretary_id=spec.secretary_id,
            )

        def created(session_id: str) -> None:
            self.tell(tr("已新建审贷会"))
            self.refresh_sessions()
            self.open_session(session_id)

        self._run(create, created)

    def _open_selected(self) -> None:
        self._open_row(self.session_table.currentIndex().row())

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self.sessions.sessions):
            self.open_session(self.sessions.sessions[row].id)

    def open_session(self, session_id: str, select_case: str | None = None) -> None:
        """Load a session, its agenda and the cases waiting to be added."""
        services, user = self.store.services, self.store.user

        def load() -> LoadedSession:
            info = services.committee.session_info(session_id, user)
            rows = []
            for item in services.committee.agenda(session_id, user):
                case = services.cases.open_version(item.case_id, item.case_version, user)
                decided = services.committee.decision(session_id, item.case_id, user)
                rows.append(
                    AgendaRow(
                        item.case_id,
                        item.position,
                        case.case_number,
                        case.borrower.name,
                        money(case.request.amount),
                        item.case_version,
                        None if decided is None else decided.outcome,
                    )
                )
            return info, tuple(rows), services.committee.awaiting_cases(user)

        def loaded(result: LoadedSession) -> None:
            info, rows, awaiting = result
            self.info = info
            self.agenda.set_rows(rows)
            self.awaiting.set_rows(awaiting.items)
            more = tr("只列出最近提交的 %1 个待上会案卷；其余的在这些列入议程后列出").replace(
                "%1", str(len(awaiting))
            )
            self.awaiting_box.setToolTip(more if awaiting.more else "")
            self._show_session()
            wanted = select_case or self.case_id
            ids = [r.case_id for r in rows]
            if wanted in ids:
                self.select_case(str(wanted))
            elif ids:
                self.select_case(ids[0])
            else:
                self._clear_case()

        self._run(load, loaded)

    def _show_session(self) -> None:
        info = self.info
        has = info is not None
        is_open = has and info is not None and info.status == OPEN
        for widget in (self.add_button, self.awaiting_box, self.close_button):
            widget.setEnabled(is_open and self.may_run)
        self.tabs.setEnabled(has)
        if info is None:
            return
        voters = [m.name for m in info.members if m.votes]
        vetoes = [m.name for m in info.members if m.veto]
        text = (
            tr("%1 · %2 · 主席 %3 · %4，法定人数 %5 · %6")
            .replace("%1", info.held_on.isoformat())
            .replace("%2", info.place)
            .replace("%3", next((m.name for m in info.members if m.chair), ""))
            .replace("%4", rule_text(info.rules.rule))
            .replace("%5", str(info.rules.quorum))
            .replace("%6", status_text(info.status))
        )
        text += "\n" + tr("投票委员：%1").replace("%1", "、".join(voters))
        if vetoes:
            text += tr("（一票否决：%1）").replace("%1", "、".join(vetoes))
        if info.secretary:
            text += " · " + tr("秘书：%1").replace("%1", info.secretary)
        self.header.setText(text)

    # ---- agenda --------------------------------------------------------------------------------

    def _add_selected(self) -> None:
        index = self.awaiting_box.currentIndex()
        if not 0 <= index < len(self.awaiting.ids):
            self.refuse(tr("没有待上会的案卷：客户经理须先将通过上会前检查的案卷提交贷审会"))
            return
        self.add_to_agenda(self.awaiting.ids[index])

    def add_to_agenda(self, case_id: str) -> None:
        if self.info is None:
            return
        session_id, committee, user = self.info.id, self.store.services.committee, self.store.user

        def added(_item: object) -> None:
            self.tell(tr("已加入议程"))
            self.open_session(session_id, select_case=case_id)
            self.refresh_sessions()

        self._run(lambda: committee.add_to_agenda(session_id, case_id, user), added)

    def _agenda_row(self, row: int) -> None:
        if 0 <= row < len(self.agenda.rows) and self.agenda.rows[row].case_id != self.case_id:
            self.select_case(self.agenda.rows[row].case_id)

    def _request_case(self, index: Any) -> None:
        row = index.row()
        if 0 <= row < len(self.agenda.rows):
            self.case_requested.emit(self.agenda.rows[row].case_id)

    def select_case(self, case_id: str) -> None:
        """Show the votes and the decision form of an agenda case."""
        if self.info is None:
            return
        self.case_id = case_id
        ids = [r.case_id for r in self.agenda.rows]
        if case_id in ids and self.agenda_table.currentIndex().row() != ids.index(case_id):
            self.agenda_table.selectRow(ids.index(case_id))
        self._load_case(case_id, prefill=True)

    def _load_case(self, case_id: str, prefill: bool) -> None:
        assert self.info is not None
        session_id, services, user = self.info.id, self.store.services, self.store.user

        policies: list[CreditPolicy] = []  # the policy the agenda's version was computed under

        def load() -> LoadedCase:
            board = services.committee.board(session_id, case_id, user)
            policies.append(services.cases.policy_of(case_id, user, board.item.case_version))
            return board, services.cases.open_version(case_id, board.item.case_version, user)

        def loaded(result: LoadedCase) -> None:
            board, case = result
            if board.item.case_id != self.case_id:
                return  # another case was selected meanwhile
            self.loaded = result
            self.case_title.setText(
                f"{case.case_number} · {case.borrower.name} · "
                + tr("第 %1 版").replace("%1", str(board.item.case_version))
            )
            self.votes.show_board(board)
            self.decision.policy = policies[0]
            if prefill:
                self.decision.prefill(case, self.amendment_for(case_id))
            self.decision.show_board(board)
            self._grey_out()

        self._run(load, loaded)

    def _grey_out(self) -> None:
        """What her role may not do stays visible but disabled (the services would refuse it)."""
        if not self.may_vote:
            self.votes.record.setEnabled(False)
        if not self.may_run:
            self.decision.record.setEnabled(False)

    def _clear_case(self) -> None:
        self.case_id = None
        self.loaded = None
        self.case_title.setText(tr("议程为空：从待上会案卷中加入"))
        self.tabs.setEnabled(False)

    # ---- votes and the decision ----------------------------------------------------------------

    def _cast_vote(self, member_id: str, vote: Vote, reason: str, conditions: tuple[str, ...]) -> None:
        if self.info is None or self.case_id is None:
            return
        session_id, case_id = self.info.id, self.case_id
        committee, user = self.store.services.committee, self.store.user

        def cast() -> None:
            committee.cast_vote(session_id, case_id, member_id, vote, reason, conditions, user)

        def cast_done(_none: object) -> None:
            self.votes.vote_recorded()
            self.tell(tr("投票已记录"))
            self._load_case(case_id, prefill=False)
            self.votes_changed.emit(session_id, case_id)

        self._run(cast, cast_done)

    def _record_decision(
        self, terms: Terms | None, conditions: tuple[str, ...], monitoring: tuple[Monitoring, ...]
    ) -> None:
        if self.info is None or self.case_id is None:
            return
        session_id, case_id = self.info.id, self.case_id
        committee, user = self.store.services.committee, self.store.user

        def decided(_stored: object) -> None:
            self.tell(tr("决议已记录"))
            self.open_session(session_id, select_case=case_id)
            self.refresh_sessions()
            self.votes_changed.emit(session_id, case_id)

        self._run(
            lambda: committee.record_decision(session_id, case_id, terms, conditions, monitoring, user),
            decided,
        )

    # ---- closing -------------------------------------------------------------------------------

    def close_session(self) -> None:
        """Ask for the chair's identity, then close the session and sign and archive the minutes."""
        if self.info is None:
            return
        undecided = sum(1 for r in self.agenda.rows if r.outcome is None)
        if not self.agenda.rows or undecided:
            self.refuse(
                tr("议程为空，没有可签署的纪要")
                if not self.agenda.rows
                else tr("还有 %1 个议程案卷未作决议，不能闭会").replace("%1", str(undecided))
            )
            return
        chosen = self.ask_identity()
        if chosen is None:
            return
        path, passphrase = chosen
        self.sign_minutes(path, passphrase)

    def sign_minutes(self, path: Path, passphrase: str) -> None:
        if self.info is None:
            return
        session_id, committee, user = self.info.id, self.store.services.committee, self.store.user
        unit_lang = lang()

        def close() -> SignedMinutes:
            from workbench.services.signatures import load_identity

            identity = load_identity(path, passphrase)
            return committee.close_session(session_id, identity, user, lang=unit_lang)

        def closed(signed: SignedMinutes) -> None:
            self.last_minutes = signed
            self.tell(
                tr("纪要已由主席签署，并归档到 %1 个案卷；审贷会已闭会").replace(
                    "%1", str(len(signed.reports))
                )
            )
            self.open_session(session_id)
            self.refresh_sessions()
            self.session_closed.emit(session_id)

        self.message.setText(tr("正在生成并签署纪要…"))
        self._run(close, closed)


def _run_dialog(dialog: SessionDialog) -> SessionSpec | None:
    dialog.exec()
    spec = dialog.spec
    dialog.deleteLater()
    return spec


def _table(name: str, model: Any) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table
