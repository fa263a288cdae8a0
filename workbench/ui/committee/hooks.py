"""What the main window delegates to the committee: the 审贷会 menu, submitting the active case, and
linking a presentation's decision slide and what-if amendment to the committee window.

``CommitteeHooks`` holds the amendments the committee made in presentations (by case id): the
committee window prefills a decision's final terms from them. Nothing here touches the case.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QMessageBox, QSizePolicy, QSpacerItem, QWidget

from workbench.domain import lifecycle
from workbench.domain.readiness import Severity
from workbench.ui.i18n import tr
from workbench.ui.ops import run_in_background

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.domain.case_file import CaseFile
    from workbench.domain.committee import Terms
    from workbench.services.committee import CaseBoard
    from workbench.ui.committee.window import CommitteeWindow
    from workbench.ui.main_window import MainWindow
    from workbench.ui.presentation.decision_slide import DecisionSlidePanel
    from workbench.ui.presentation.window import PresentationWindow


class CommitteeHooks(QObject):
    """The main window's committee: one committee window, the amendments, the decision slide link."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.amendments: dict[str, Terms] = {}
        self.committee_window: CommitteeWindow | None = None
        self.last_box: QMessageBox | None = None
        self.submit_box: QMessageBox | None = None  # the question before a case is submitted and frozen
        self._slide: tuple[str, DecisionSlidePanel] | None = None

    # ---- the committee window --------------------------------------------------------------------

    def open_window(self) -> CommitteeWindow | None:
        """Show the committee window (one per main window); ``None`` without a store."""
        store = self._window.persistence.store
        if store is None:
            self._window.show_error(tr("审贷会需要连接案件库"))
            return None
        existing = self.committee_window
        if existing is not None and shiboken6.isValid(existing) and existing.store is store:
            existing.show()
            existing.raise_()
            return existing
        from workbench.ui.committee.window import CommitteeWindow

        committee = CommitteeWindow(store, self.amendments.get)
        committee.votes_changed.connect(self._votes_changed)
        committee.session_closed.connect(lambda _id: self._refresh_slide())
        # a decision saves the case at its new stage; closing may too: the open tabs follow
        committee.votes_changed.connect(lambda _session, case_id: self._window.stale.case_changed(case_id))
        committee.session_closed.connect(lambda _id: self._window.stale.case_changed())
        committee.case_requested.connect(self._show_case)
        self.committee_window = committee
        committee.show()
        return committee

    def _show_case(self, case_id: str) -> None:
        """An agenda case in the main window: its tab if it is open, else opened there."""
        self._window.open_stored(case_id)
        self._window.show()
        self._window.raise_()
        self._window.activateWindow()

    def open_votes(self, case_id: str) -> None:
        """The committee window on the session that has the case, its vote panel in front."""
        committee = self.open_window()
        store = self._window.persistence.store
        if committee is None or store is None:
            return
        services, user = store.services, store.user

        def found(session_id: str | None) -> None:
            if session_id is None:
                committee.refuse(tr("此案卷不在任何审贷会的议程上"))
                return
            committee.tabs.setCurrentWidget(committee.votes)
            committee.open_session(session_id, select_case=case_id)

        run_in_background(lambda: services.committee.session_of_case(case_id, user), found, self._failed)

    # ---- submitting the active case --------------------------------------------------------------

    def submit_active(self) -> None:
        """Submit the case in the active tab: stored, saved and ready, else refused with the reasons."""
        from workbench.ui.sections.readiness import issue_text

        current = self._window.current()
        store = self._window.persistence.store
        if current is None:
            return
        document = current.document
        if store is None or document.source.kind != "store":
            self._tell(tr("提交贷审会前请先将案卷保存到案件库"), warning=True)
            return
        # An approved case whose terms change goes back to the committee with its edits in one step
        # (a plain save of changed terms is refused); any other case is submitted as saved.
        edited: tuple[CaseFile, int] | None = None
        if not document.undo_stack.isClean():
            if document.state.stage not in lifecycle.RESUBMITTABLE:
                self._tell(tr("案卷有未保存的修改：请先保存，再提交贷审会"), warning=True)
                return
            edited = (document.state, int(document.source.version))
        results = current.recalc.run() if current.recalc.pending() else current.recalc.results
        blocking = [i for i in (results.issues if results else ()) if i.severity is Severity.BLOCKING]
        if blocking:
            reasons = "\n".join("• " + issue_text(i) for i in blocking)
            self._tell(tr("案卷尚未通过上会前检查，不能提交：") + "\n" + reasons, warning=True)
            return
        case_id, services, user = document.source.location, store.services, store.user

        def submitted(version: int) -> None:
            if edited is not None:  # the edits are stored now, in the submitted version the tab reloads
                document.undo_stack.setClean()
            self._tell(tr("已提交贷审会（第 %1 版），案卷已冻结").replace("%1", str(version)))
            self._window.stale.case_changed(case_id)  # the tab reloads the frozen, submitted version

        def submit() -> None:
            state, version = edited if edited is not None else (None, None)
            run_in_background(
                lambda: services.committee.submit_case(case_id, user, edited=state, expected_version=version),
                submitted,
                self._failed,
            )

        self.submit_box = self._confirm_submit(document.title(), submit, resubmit=edited is not None)

    def _confirm_submit(self, title: str, submit: Callable[[], None], resubmit: bool = False) -> QMessageBox:
        """Ask before freezing the case (non-blocking): say what submitting does, and what it stops."""
        box = QMessageBox(self._window)
        box.setObjectName("confirmSubmit")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr("提交贷审会"))
        box.setText(tr("将“%1”提交贷审会？").replace("%1", title))
        explained = tr(
            "提交后案卷即冻结：您不能再修改它，直到审贷会作出决定。"
            "审贷会看到的是现在保存的这一版；若审贷会退回补充调查，您可修改后再次提交。"
        )
        if resubmit:
            explained = tr(
                "审贷会已批准此案。您的修改（如金额或期限）将连同案卷作为新版本重新提交审贷会，"
                "原决议不再适用；审贷会作出新决定前，案卷冻结。"
            )
        box.setInformativeText(explained)
        yes = box.addButton(tr("提交并冻结"), QMessageBox.ButtonRole.AcceptRole)
        yes.setObjectName("submitAndFreeze")
        box.addButton(tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)
        grid = box.layout()
        if isinstance(grid, QGridLayout):  # wide enough for the explanation to read as sentences
            grid.addItem(
                QSpacerItem(440, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding),
                grid.rowCount(),
                0,
                1,
                grid.columnCount(),
            )
        box.buttonClicked.connect(lambda button: submit() if button is yes else None)
        box.open()  # window-modal, never blocking: the recovery journal keeps writing
        return box

    # ---- the presentation --------------------------------------------------------------------------

    def attach_presentation(
        self, presentation: PresentationWindow, case: CaseFile, presenter: QWidget | None = None
    ) -> None:
        """Keep the presentation's amendment for the decision; fill its decision slide from the store.

        The secretary opens the committee window's vote panel with the slide's button, or with V on
        the slides or in the presenter view (the laptop screen).
        """
        case_id = case.id
        presentation.amendment_changed.connect(lambda terms: self.amendments.__setitem__(case_id, terms))
        panel = next((p.decision for p in presentation.pages if p.decision is not None), None)
        if panel is None:
            return
        panel.record_votes_requested.connect(lambda: self.open_votes(case_id))
        for widget in (presentation, presenter):
            if widget is not None:
                shortcut = QShortcut(QKeySequence("V"), widget)
                shortcut.setObjectName("recordVotesShortcut")
                shortcut.activated.connect(lambda: self.open_votes(case_id))
        self._slide = (case_id, panel)
        self._refresh_slide()

    def _votes_changed(self, _session_id: str, case_id: str) -> None:
        if self._slide is not None and self._slide[0] == case_id:
            self._refresh_slide()

    def _refresh_slide(self) -> None:
        store = self._window.persistence.store
        if self._slide is None or store is None:
            return
        case_id, panel = self._slide
        services, user = store.services, store.user

        def load() -> CaseBoard | None:
            session_id = services.committee.session_of_case(case_id, user)
            return None if session_id is None else services.committee.board(session_id, case_id, user)

        def loaded(board: CaseBoard | None) -> None:
            if shiboken6.isValid(panel):
                panel.show_board(board)

        run_in_background(load, loaded, self._failed)

    # ---- messages ----------------------------------------------------------------------------------

    def _failed(self, error: BaseException) -> None:
        from workbench.ui.committee.window import error_message

        self._tell(error_message(error), warning=True)

    def _tell(self, text: str, warning: bool = False) -> Any:
        text = self._window.readable(text)  # a case by its applicant, never its id
        self._window.show_error(text.replace("\n", " "))
        box = QMessageBox(self._window)
        box.setObjectName("committeeMessageBox")
        box.setIcon(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information)
        box.setWindowTitle(tr("审贷会"))
        box.setText(text)
        box.open()  # never blocks: tests and the officer go on
        self.last_box = box
        return box
