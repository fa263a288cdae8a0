"""The main window: case tabs, the case list dock, menus, shortcuts, language.

Each open case is a ``CaseDocument`` with its own undo stack (joined in one ``QUndoGroup``, so
Edit → Undo acts on the active tab) and its ``Recalculator``; the tab shows a ``CaseEditor`` for it.
The editors can be rebuilt at any time from their documents, which is how the language switches
without a restart: install the other translator, rebuild menus, the dock and every editor; the
documents, their undo histories and unsaved edits stay as they are.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
)

from workbench import __version__
from workbench.domain.policy import DEFAULT_POLICY
from workbench.ui import i18n
from workbench.ui.access import grey_out, mark_access, may_submit, may_use_committee
from workbench.ui.attachment_stash import attach_stash, flush_after_save, waiting_files
from workbench.ui.autosave import Autosaver
from workbench.ui.case_io import open_demo
from workbench.ui.case_names import case_label, store_name, without_ids
from workbench.ui.check_overrides import OverrideDesk
from workbench.ui.committee.hooks import CommitteeHooks
from workbench.ui.document import CaseDocument, CaseSource, new_case
from workbench.ui.i18n import tr
from workbench.ui.ops import run_in_background
from workbench.ui.persistence import CasePersistence, describe
from workbench.ui.recalc import Recalculator
from workbench.ui.recovery import RecoveryJournal
from workbench.ui.report_actions import ReportActions
from workbench.ui.stale_tabs import StaleTabs, is_locked
from workbench.ui.undo_buttons import short_twin
from workbench.ui.widgets.case_editor import CaseEditor
from workbench.ui.widgets.case_list_panel import CaseListPanel
from workbench.ui.widgets.case_tabs import CaseTabs
from workbench.ui.window_layout import remember_splitter, remember_window, remembered_splitter, restore_window
from workbench.ui.workbook_actions import WorkbookActions

if TYPE_CHECKING:
    from workbench.domain.case_file import CaseFile
    from workbench.domain.policy import CreditPolicy
    from workbench.domain.readiness import Issue
    from workbench.ui.dialogs.policy_dialog import PolicyDialog
    from workbench.ui.dialogs.recovery_dialog import RecoveryDialog
    from workbench.ui.dialogs.signin_dialog import SignInDialog
    from workbench.ui.dialogs.users_dialog import ChangePasswordDialog, UsersDialog
    from workbench.ui.portfolio_page import PortfolioPage
    from workbench.ui.presentation.presenter import PresenterView
    from workbench.ui.presentation.window import PresentationWindow
    from workbench.ui.recovery import JournalEntry
    from workbench.ui.store_link import StoreLink

APP_TITLE = "小微信贷案件工作台"
RECENT_KEY = "files/recent"
MAX_RECENT = 8
StoreOpener = Callable[[], "StoreLink"]


@dataclass(slots=True)
class OpenCase:
    """A case open in a tab."""

    document: CaseDocument
    recalc: Recalculator
    editor: CaseEditor


def app_title() -> str:
    """The application's name in the current language."""
    return tr("小微信贷案件工作台")


class MainWindow(QMainWindow):
    """Case tabs in the centre, the case list on the left."""

    def __init__(
        self,
        settings: QSettings | None = None,
        store_opener: StoreOpener | None = None,
        charts: bool = True,
        recovery_dir: Path | None = None,
        sign_in_url: str | None = None,
    ) -> None:
        """``sign_in_url``: the store the sign-in dialog opens once the window shows (``run_gui``);
        ``store_opener`` instead connects without asking anyone (a caller that signed in already)."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings or QSettings()
        self._charts = charts
        self.cases: list[OpenCase] = []
        self.undo_group = QUndoGroup(self)
        self.persistence = CasePersistence(self, ask_path=self._ask_save_path)
        self.persistence.case_loaded.connect(self._loaded)
        self.persistence.saved.connect(self._on_saved)
        self.persistence.saved.connect(flush_after_save)  # attachments follow their case into the store
        self.persistence.failed.connect(self.show_error)
        self.ask_unsaved: Callable[[str], str] = self._ask_unsaved
        self.ask_waiting: Callable[[str, int, bool, bool], str] = self._ask_waiting
        self._store_opener = store_opener
        self._sign_in_url = sign_in_url
        self.sign_in_dialog: SignInDialog | None = None
        self.users_dialog: UsersDialog | None = None
        self.policy: CreditPolicy = DEFAULT_POLICY
        """What open cases are computed under: the store's policy in force once signed in."""
        self.presentation: PresentationWindow | None = None
        self._presenter: PresenterView | None = None
        # Unsaved edits survive a crash (journal in recovery_dir) and stored cases save themselves.
        self.autosaver = Autosaver(self.persistence, self)
        self.autosaver.message.connect(self.show_error)
        self.recovery = RecoveryJournal(recovery_dir, self) if recovery_dir is not None else None
        if self.recovery is not None:
            self.recovery.failed.connect(self.show_error)
        self.recovery_dialog: RecoveryDialog | None = None
        self.reports = ReportActions(self)
        self.workbooks = WorkbookActions(self)
        self.committee = CommitteeHooks(self)
        self.stale = StaleTabs(self)  # tabs whose stored case the committee (or anyone) moved on

        self.tabs = CaseTabs()
        self.tabs.setObjectName("caseTabs")
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.tabs.tabCloseRequested.connect(lambda i: self.close_tab(i))
        self.central = QStackedWidget()  # the welcome page while no case is open, else the tabs
        self.central.addWidget(self.tabs)
        self.setCentralWidget(self.central)
        self.dock = QDockWidget(self)
        self.dock.setObjectName("caseListDock")
        self.dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        self.case_list: CaseListPanel
        self._build_chrome()
        if not restore_window(self, self.settings):
            self.resizeDocks([self.dock], [230], Qt.Orientation.Horizontal)
        self._store_pending = store_opener is not None or sign_in_url is not None  # after the first paint
        self._recovery_pending = self.recovery is not None

    def event(self, event: QEvent) -> bool:
        if getattr(self, "_store_pending", False) and event.type() == QEvent.Type.Paint:
            self._store_pending = False
            QTimer.singleShot(0, self.connect_store)
        if getattr(self, "_recovery_pending", False) and event.type() == QEvent.Type.Paint:
            self._recovery_pending = False
            QTimer.singleShot(0, self.offer_recovery)
        return super().event(event)

    # ---- chrome: menus, toolbar, dock (rebuilt on a language switch) ------------------------------------

    def _build_chrome(self) -> None:
        self.menuBar().clear()
        for toolbar in self.findChildren(QToolBar):
            self.removeToolBar(toolbar)
            toolbar.deleteLater()
        a = self._actions()
        file_menu = self.menuBar().addMenu(tr("文件(&F)"))
        file_keys: tuple[str | None, ...] = ("new", "open", "demo_a", "demo_b", None, "save", "save_as", None)
        file_keys += ("report", "verify")
        file_keys += (None, "export_xlsx", "import_xlsx")
        for key in (*file_keys, None, "close", "quit"):
            file_menu.addSeparator() if key is None else file_menu.addAction(a[key])
        edit_menu = self.menuBar().addMenu(tr("编辑(&E)"))
        edit_menu.addAction(a["undo"])
        edit_menu.addAction(a["redo"])
        view_menu = self.menuBar().addMenu(tr("视图(&V)"))
        view_menu.addAction(a["next_section"])
        view_menu.addAction(a["previous_section"])
        view_menu.addSeparator()
        view_menu.addAction(a["show_cases"])
        view_menu.addAction(a["portfolio"])
        view_menu.addSeparator()
        view_menu.addAction(a["present"])
        view_menu.addAction(a["present_screen"])
        language_menu = view_menu.addMenu(tr("界面语言"))
        group = QActionGroup(self)
        for code, label in (("zh", "中文（简体）"), ("en", "English")):
            action = QAction(label, self)
            action.setCheckable(True)
            action.setChecked(i18n.lang() == code)
            action.setObjectName(f"action:language:{code}")
            action.triggered.connect(lambda _on=False, code=code: self.set_language(code))
            group.addAction(action)
            language_menu.addAction(action)
        account_menu = self.menuBar().addMenu(tr("账户(&A)"))
        account_menu.addAction(a["switch_user"])
        account_menu.addAction(a["change_password"])
        account_menu.addAction(a["users"])
        account_menu.addAction(a["policy"])
        committee_menu = self.menuBar().addMenu(tr("审贷会(&C)"))
        committee_menu.addAction(a["committee"])
        committee_menu.addAction(a["submit"])
        help_menu = self.menuBar().addMenu(tr("帮助(&H)"))
        help_menu.addAction(a["about"])
        toolbar = self.addToolBar(tr("常用"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        for key in ("new", "open", "save", None):
            toolbar.addSeparator() if key is None else toolbar.addAction(a[key])
        a["toolbar_undo"] = short_twin(a["undo"], False, self)  # the full text is in the Edit menu
        a["toolbar_redo"] = short_twin(a["redo"], True, self)
        toolbar.addAction(a["toolbar_undo"])
        toolbar.addAction(a["toolbar_redo"])
        self.actions_by_key = a

        old = getattr(self, "case_list", None)
        self.case_list = CaseListPanel()
        self.case_list.demo_requested.connect(self.open_demo)
        self.case_list.file_requested.connect(lambda path: self.open_file(Path(path)))
        self.case_list.store_case_requested.connect(self.open_stored)
        self.case_list.set_local(self._recent())
        split = remembered_splitter(self.settings, self.case_list.splitter)
        if split is not None:
            self.case_list.splitter.restoreState(split)
        self.dock.setWindowTitle(tr("案件"))
        self.dock.setWidget(self.case_list)
        if old is not None:
            old.deleteLater()
        self._build_welcome()
        self._show_store_state()
        self._update_title()

    def _build_welcome(self) -> None:
        from workbench.ui.widgets.welcome import WelcomePage

        old = getattr(self, "welcome", None)
        self.welcome = WelcomePage()
        self.welcome.new_requested.connect(self.new_case)
        self.welcome.demo_requested.connect(self.open_demo)
        self.welcome.open_requested.connect(self.open_file_dialog)
        self.welcome.file_requested.connect(lambda path: self.open_file(Path(path)))
        self.central.insertWidget(0, self.welcome)
        if old is not None:
            self.central.removeWidget(old)
            old.deleteLater()

    def _sync_welcome(self) -> None:
        """Show the welcome page while no case is open, with the recent files and the store's state."""
        welcome = getattr(self, "welcome", None)
        if welcome is None or not shiboken6.isValid(self.central):
            return
        if self.cases:  # every committed edit comes through here: the hidden page is left alone
            if self.central.currentWidget() is not self.tabs:
                self.central.setCurrentWidget(self.tabs)
            return
        welcome.set_recent(self._recent())
        welcome.set_store_state(self.case_list.store_state.text())
        if self.central.currentWidget() is not welcome:
            self.central.setCurrentWidget(welcome)
            welcome.setFocus()

    def _actions(self) -> dict[str, QAction]:
        def act(
            key: str,
            text: str,
            slot: Callable[[], object],
            *keys: QKeySequence | QKeySequence.StandardKey | str,
        ) -> QAction:
            action = QAction(text, self)
            action.setObjectName(f"action:{key}")
            if keys:
                action.setShortcuts([QKeySequence(k) for k in keys])
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False: slot())
            return action

        undo = self.undo_group.createUndoAction(self, tr("撤销"))
        undo.setShortcuts([QKeySequence("Ctrl+Z")])
        undo.setObjectName("action:undo")
        redo = self.undo_group.createRedoAction(self, tr("重做"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        redo.setObjectName("action:redo")
        show_cases = self.dock.toggleViewAction()
        show_cases.setText(tr("案件列表"))
        return {
            "new": act("new", tr("新建案件"), self.new_case, QKeySequence.StandardKey.New),
            "open": act("open", tr("打开案件文件…"), self.open_file_dialog, QKeySequence.StandardKey.Open),
            "demo_a": act("demo_a", tr("打开示例案件 A"), lambda: self.open_demo("A")),
            "demo_b": act("demo_b", tr("打开示例案件 B"), lambda: self.open_demo("B")),
            "save": act("save", tr("保存"), self.save, QKeySequence.StandardKey.Save),
            "save_as": act("save_as", tr("另存为案件文件…"), self.save_as_file, "Ctrl+Shift+S"),
            "close": act("close", tr("关闭案件"), lambda: self.close_tab(self.tabs.currentIndex()), "Ctrl+W"),
            "quit": act("quit", tr("退出"), self.close, "Ctrl+Q"),
            "undo": undo,
            "redo": redo,
            "next_section": act(
                "next_section", tr("下一部分"), lambda: self._step_section(1), "Ctrl+PgDown", "Alt+Down"
            ),
            "previous_section": act(
                "previous_section", tr("上一部分"), lambda: self._step_section(-1), "Ctrl+PgUp", "Alt+Up"
            ),
            "show_cases": show_cases,
            "present": act("present", tr("演示"), self.present, "F5", "Ctrl+P"),
            "present_screen": act("present_screen", tr("演示屏幕…"), self.choose_presentation_screen),
            "about": act("about", tr("关于"), self.about),
            **self.reports.actions(),
            **self.workbooks.actions(),
            "committee": act("committee", tr("审贷会…"), self.committee.open_window),
            "submit": act("submit", tr("提交贷审会"), self.committee.submit_active),
            "switch_user": act("switch_user", tr("注销并切换用户…"), self.sign_out),
            "change_password": act("change_password", tr("修改我的密码…"), self.change_password),
            "users": act("users", tr("用户管理…"), self.manage_users),
            "policy": act("policy", tr("授信政策…"), self.open_policy),
            "portfolio": act("portfolio", tr("组合…"), self.open_portfolio),
        }

    # ---- opening cases -------------------------------------------------------------------------------

    def new_case(self) -> CaseEditor:
        """Open an empty case in a new tab: the signed-in officer leads it, surveyed today (the application
        date is hers to copy from the form); the cursor in its first field, to type the case number."""
        store = self.persistence.store
        officer = store.user.display_name if store is not None else ""
        editor = self.add_case(new_case(officer, date.today()), CaseSource("new"))
        editor.focus_page()
        return editor

    def open_demo(self, name: str) -> CaseEditor:
        """Open demo case ``"A"`` or ``"B"`` as a new, unsaved case (a fresh id each time)."""
        case, source = open_demo(name)
        return self.add_case(replace(case, id=str(uuid.uuid4())), source)

    def open_file_dialog(self) -> None:
        """Ask for a case file and open it."""
        name, _filter = QFileDialog.getOpenFileName(
            self, tr("打开案件文件"), str(Path.home()), tr("案件文件 (*.json)")
        )
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path) -> CaseEditor | None:
        """Open a case file (or switch to its tab if it is open)."""
        existing = self._find(lambda s: s.path is not None and _same_file(s.path, path))
        if existing is not None:
            return existing
        loaded = self.persistence.open_file(path)
        if loaded is None:
            return None
        self._remember(str(path))
        return self.add_case(*loaded)

    def open_stored(self, case_id: str) -> None:
        """Open a stored case (in the background), or switch to its tab."""
        if self._find(lambda s: s.kind == "store" and s.location == case_id) is None:
            self.persistence.open_stored(case_id)

    def _loaded(self, case: CaseFile, source: CaseSource) -> None:
        """A stored case arrived: its tab if it was opened meanwhile (one tab per case), else a new one."""
        if self._find(lambda s: s.kind == "store" and s.location == source.location) is None:
            self.add_case(case, source)

    def _find(self, match: Callable[[CaseSource], bool]) -> CaseEditor | None:
        for i, open_case in enumerate(self.cases):
            if match(open_case.document.source):
                self.tabs.setCurrentIndex(i)
                return open_case.editor
        return None

    def add_case(self, case: CaseFile, source: CaseSource) -> CaseEditor:
        """Open ``case`` in a new tab and make it current."""
        document = CaseDocument(case, source, self)
        mark_access(document, self.persistence.store, self.persistence.owners.get(source.location))
        attach_stash(document, lambda: self.persistence.store, self.show_error)
        recalc = Recalculator(document)
        recalc.policy = self.persistence.policy_for(source)
        editor = self._editor(document, recalc)
        self.cases.append(OpenCase(document, recalc, editor))
        self.undo_group.addStack(document.undo_stack)
        document.undo_stack.cleanChanged.connect(lambda _clean, d=document: self._refresh_tab(d))
        document.state_changed.connect(lambda _changed, d=document: self._refresh_tab(d))
        self.autosaver.watch(document)
        if self.recovery is not None:
            self.recovery.watch(document)
        self.stale.watch(document)
        if is_locked(document):
            self.autosaver.hold(document)
        index = self.tabs.addTab(editor, document.title())
        self.tabs.setCurrentIndex(index)
        self._refresh_tab(document)
        return editor

    def _editor(self, document: CaseDocument, recalc: Recalculator) -> CaseEditor:
        from workbench.ui.widgets.case_editor import CaseEditor

        editor = CaseEditor(document, recalc, charts=self._charts)
        editor.context.store_issues = self._store_issues
        editor.context.overrides = OverrideDesk(lambda: self.persistence.store, document, self.stale.install)
        editor.pane_state = remembered_splitter(self.settings, editor.splitter)
        editor.message_posted.connect(lambda text: self.statusBar().showMessage(text, 8000))
        editor.message_withdrawn.connect(self._withdraw_message)
        editor.report_requested.connect(lambda: self.reports.export_report(document))
        self.stale.decorate(editor)
        return editor

    def _store_issues(self, case: CaseFile) -> list[Issue]:
        """Off the GUI thread: the checks of ``case`` against the store signed in to (none without)."""
        store = self.persistence.store
        return [] if store is None else store.store_issues(case)

    def current(self) -> OpenCase | None:
        """The case in the active tab."""
        index = self.tabs.currentIndex()
        return self.cases[index] if 0 <= index < len(self.cases) else None

    # ---- tabs ----------------------------------------------------------------------------------------

    def _on_tab_changed(self, index: int) -> None:
        if 0 <= index < len(self.cases):
            document = self.cases[index].document
            self.refresh_undo(document)
            self.stale.activated(document)
        self._update_title()
        self._update_access()

    def _update_access(self) -> None:
        """Grey out what the signed-in person may not do with the active case (``access``)."""
        actions = getattr(self, "actions_by_key", {})
        if "submit" not in actions:
            return
        store, current = self.persistence.store, self.current()
        document = current.document if current is not None else None
        owner = self.persistence.owners.get(document.source.location) if document is not None else None
        grey_out(actions["submit"], may_submit(store, document, owner))
        grey_out(actions["committee"], may_use_committee(store))

    def refresh_undo(self, document: CaseDocument) -> None:
        """Edit → Undo acts on the active tab's case, unless that case is frozen (read-only)."""
        current = self.current()
        if current is not None and current.document is document:
            frozen = is_locked(document)
            self.undo_group.setActiveStack(None if frozen else document.undo_stack)  # type: ignore[arg-type]

    def _refresh_tab(self, document: CaseDocument) -> None:
        """The tab's and the window's title after a change (every edit comes here: unchanged texts are
        not set again, as a new tab text lays out and repaints the whole tab widget, ~10 ms a keystroke)."""
        if not shiboken6.isValid(document) or not shiboken6.isValid(self.tabs):
            return  # signals from a closing document or window
        for i, open_case in enumerate(self.cases):
            if open_case.document is document:
                modified = not document.undo_stack.isClean()
                text, tip = document.title() + (" *" if modified else ""), self._tab_tip(document)
                if self.tabs.tabText(i) != text:
                    self.tabs.setTabText(i, text)
                if self.tabs.tabToolTip(i) != tip:
                    self.tabs.setTabToolTip(i, tip)
        self._update_title()

    def _tab_tip(self, document: CaseDocument) -> str:
        """Where the case lives, in words: its file's path, or the store's name and the case."""
        store = self.persistence.store
        if document.source.kind == "store" and store is not None:
            return f"{store_name(store.location)} · {case_label(document.state)}"
        if document.source.kind == "file":
            return document.source.location
        return case_label(document.state)

    def case_labels(self) -> dict[str, str]:
        """The open cases' and the listed stored cases' labels by id (for messages naming a case)."""
        labels: dict[str, str] = {}
        model = self.case_list._model
        if model is not None:
            for row in range(model.rowCount()):
                summary = model.summary(row)
                name = summary.borrower_name or summary.business_name or summary.case_number
                if name:
                    labels[summary.id.lower()] = name
        for open_case in self.cases:
            labels[open_case.document.state.id.lower()] = case_label(open_case.document.state)
        return labels

    def readable(self, text: str) -> str:
        """``text`` with the cases it names by id named by applicant and number instead."""
        return without_ids(text, self.case_labels())

    def _update_title(self) -> None:
        self._sync_welcome()
        current = self.current()
        if current is None:
            self.setWindowTitle(app_title())
            self.setWindowModified(False)
            return
        title, modified = (
            f"{current.document.title()}[*] — {app_title()}",
            not current.document.undo_stack.isClean(),
        )
        if self.windowTitle() != title:
            self.setWindowTitle(title)
        if self.isWindowModified() != modified:
            self.setWindowModified(modified)

    def _step_section(self, step: int) -> None:
        current = self.current()
        if current is not None:
            current.editor.next_section(step)

    def present(self) -> PresentationWindow | None:
        """Show the active case as committee slides (projector + presenter view); ``None`` if no case.

        The slides follow the case's edits while open; the committee's what-if changes are
        amendments held by the presentation, never edits of the case. With several screens and no
        projector chosen yet, the officer picks one first.
        """
        current = self.current()
        if current is None:
            return None
        recalc = current.recalc
        results = recalc.run() if recalc.pending() or recalc.results is None else recalc.results
        if results is None:
            self.show_error(recalc.error)
            return None
        from workbench.ui.presentation.presenter import start_presentation
        from workbench.ui.presentation.screens import needs_choice

        if needs_choice(self.settings) and not self.choose_presentation_screen():
            return None
        if self.presentation is not None:
            self.presentation.close()
        self.presentation, self._presenter = start_presentation(
            current.document.state, results, settings=self.settings
        )
        self.presentation.follow(current.document, recalc)
        self._load_proposal_history(current.document, self.presentation)
        self.presentation.closed.connect(self._presentation_closed)
        self.committee.attach_presentation(self.presentation, current.document.state, self._presenter)
        return self.presentation

    def _load_proposal_history(self, document: CaseDocument, window: PresentationWindow) -> None:
        """A stored case's slides show how its figures moved across its saved versions (loaded in
        the background; the slides appear when it arrives)."""
        store = self.persistence.store
        if store is None or document.source.kind != "store" or not document.source.location:
            return
        case_id, services, user = document.source.location, store.services, store.user
        run_in_background(
            lambda: services.cases.proposal_history(case_id, user),
            lambda history: window.set_history(history) if window is self.presentation else None,
            lambda error: self.show_error(tr("方案修改记录无法读取：%1").replace("%1", describe(error))),
        )

    def choose_presentation_screen(self) -> bool:
        """Ask which screen is the projector (remembered); ``False`` if the officer cancelled."""
        from workbench.ui.presentation.screens import ScreenDialog

        return bool(ScreenDialog(self.settings, self).exec())

    def _presentation_closed(self) -> None:
        for widget in (self.presentation, self._presenter):
            if widget is not None:
                widget.deleteLater()
        self.presentation = self._presenter = None
        self.activateWindow()

    def close_tab(self, index: int, quitting: bool = False) -> bool:
        """Close a tab, asking first if it has unsaved edits; ``False`` if the officer cancelled.

        With "save" the tab closes once the save succeeded (``False`` now); ``quitting`` (the window
        is closing) then goes on to close the window, asking about the other tabs in turn.
        """
        if not 0 <= index < len(self.cases):
            return False
        open_case = self.cases[index]
        document = open_case.document
        waiting = waiting_files(document)
        if waiting:  # photos and scans of a case not in the store live only in this window
            can_store = self.persistence.store is not None
            answer = self.ask_waiting(document.title(), waiting, not document.undo_stack.isClean(), can_store)
            if answer == "store":
                self.persistence.save_new_to_store(
                    document, on_saved=lambda: self._drop_after_save(open_case, quitting)
                )
            if answer != "discard":
                return False
        elif not document.undo_stack.isClean():
            answer = self.ask_unsaved(document.title())
            if answer == "cancel":
                return False
            if answer == "save":
                self.persistence.save(
                    open_case.document, on_saved=lambda: self._drop_after_save(open_case, quitting)
                )
                return False
        self._drop(open_case)
        return True

    def _drop_after_save(self, open_case: OpenCase, quitting: bool) -> None:
        self._drop(open_case)
        if quitting:  # the officer chose Quit → Save: saved, so quit as she asked
            QTimer.singleShot(0, self.close)

    def _drop(self, open_case: OpenCase) -> None:
        if open_case not in self.cases:
            return
        index = self.cases.index(open_case)
        if open_case.editor.isVisible():
            remember_splitter(self.settings, open_case.editor.splitter)  # the next case opens split so
        self.cases.pop(index)
        self.tabs.removeTab(index)
        self.undo_group.removeStack(open_case.document.undo_stack)
        self.autosaver.forget(open_case.document)
        self.stale.forget(open_case.document)
        if self.recovery is not None:
            self.recovery.forget(open_case.document)  # saved, or closed with "don't save"
        open_case.editor.deleteLater()
        open_case.document.deleteLater()
        self._update_title()

    def _ask_unsaved(self, title: str) -> str:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(app_title())
        box.setText(tr("“%1”有未保存的修改。").replace("%1", title))
        save = box.addButton(tr("保存"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(tr("不保存"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        return "save" if clicked is save else "discard" if clicked is discard else "cancel"

    def _ask_waiting(self, title: str, count: int, modified: bool, can_store: bool) -> str:
        from workbench.ui.dialogs.close_prompt import ask_close_with_files

        return ask_close_with_files(self, title, count, modified, can_store)

    def closeEvent(self, event: QCloseEvent) -> None:
        remember_window(self, self.settings)
        remember_splitter(self.settings, self.case_list.splitter)
        current = self.current()
        if current is not None and current.editor.isVisible():
            remember_splitter(self.settings, current.editor.splitter)
        for open_case in list(self.cases):
            if not self.close_tab(self.cases.index(open_case), quitting=True):
                event.ignore()
                return
        if self.recovery is not None:
            self.recovery.close()
        if self.sign_in_dialog is not None and not self.sign_in_dialog.closed:
            self.sign_in_dialog.reject()  # closes the store it opened for signing in
        if self.persistence.store is not None:
            self.persistence.store.close()
        event.accept()

    # ---- crash recovery ------------------------------------------------------------------------------

    def offer_recovery(self) -> RecoveryDialog | None:
        """Offer back what a crashed or killed window left unsaved (a non-blocking dialog)."""
        if self.recovery is None:
            return None
        from workbench.ui.dialogs.recovery_dialog import offer_recovery

        self.recovery_dialog = offer_recovery(self, self.recovery, self.restore_case)
        return self.recovery_dialog

    def restore_case(self, entry: JournalEntry) -> CaseEditor:
        """Open a recovered case as unsaved, keeping its source and base version (conflicts still show)."""
        editor = self.add_case(entry.case, entry.source)
        editor.document.undo_stack.resetClean()
        if self.recovery is not None:
            self.recovery.adopt(entry, editor.document)
        return editor

    # ---- saving --------------------------------------------------------------------------------------

    def save(self) -> None:
        """Save the active case where it belongs (its file, the store, or a new file)."""
        current = self.current()
        if current is not None:
            self.statusBar().showMessage(tr("正在保存…"))
            self.persistence.save(current.document)

    def save_as_file(self) -> None:
        """Write the active case to a case file of the officer's choice."""
        current = self.current()
        if current is not None:
            self.persistence.save_as_file(current.document)

    def _ask_save_path(self, title: str) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            self, tr("另存为案件文件"), str(Path.home() / f"{title}.json"), tr("案件文件 (*.json)")
        )
        return Path(name) if name else None

    def _on_saved(self, document: CaseDocument) -> None:
        if document.source.kind == "file":
            self._remember(document.source.location)
        self._refresh_tab(document)
        self.statusBar().showMessage(tr("已保存：%1").replace("%1", document.title()), 5000)
        if document.source.kind == "store" and self.case_list._model is not None:
            self.case_list._apply_filter()

    def _withdraw_message(self, message: str) -> None:
        """A fixed entry's refusal leaves the status bar too."""
        if self.statusBar().currentMessage() == message:
            self.statusBar().clearMessage()

    def show_error(self, message: str) -> None:
        """Tell the officer that something failed (status bar, and the log of messages); a case
        named by its id is named by its applicant and number."""
        self.statusBar().showMessage(self.readable(message), 15000)

    # ---- the store -----------------------------------------------------------------------------------

    def connect_store(self) -> None:
        """Open the case store in the background; the case list fills when it is there.

        With a sign-in URL the sign-in dialog asks who is working first."""
        opener = self._store_opener
        if opener is None:
            self.sign_in()
            return
        self.case_list.store_state.setText(tr("正在连接案件库…"))
        run_in_background(opener, self._store_connected, self._store_failed)

    def sign_in(self) -> SignInDialog | None:
        """Show the sign-in dialog (window-modal, not blocking the event loop: the recovery journal
        keeps writing); ``None`` without a sign-in URL or while signed in."""
        if self._sign_in_url is None or self.persistence.store is not None:
            return None
        old = self.sign_in_dialog
        if old is not None and old.isVisible():
            return old
        if old is not None:
            old.deleteLater()  # it closed what it had opened when it was done
        from workbench.ui.dialogs.signin_dialog import SignInDialog

        dialog = SignInDialog(self._sign_in_url, self.settings, self)
        dialog.signed_in.connect(self._signed_in)
        dialog.gave_up.connect(self._sign_in_given_up)
        self.sign_in_dialog = dialog
        self.case_list.store_state.setText(tr("正在登录案件库…"))
        dialog.open()
        return dialog

    def _signed_in(self, store: StoreLink) -> None:
        self._store_connected(store)
        note = self.sign_in_dialog.keyring_note if self.sign_in_dialog is not None else None
        self.show_error(note or tr("已登录：%1").replace("%1", store.user.display_name))

    def _sign_in_given_up(self, error: BaseException | None) -> None:
        if error is not None:
            self._store_failed(error)
            return
        self.case_list.set_store_model(None, tr("案件库：未登录，案件以文件保存（“账户”菜单可再登录）"))
        self._sync_welcome()

    def sign_out(self) -> bool:
        """Close the store link and show the sign-in dialog again; ``False`` if it cannot be done now.

        The stored cases' tabs close first (asking about unsaved edits, as closing the window does):
        the next person must not save them under her name. Cases from files stay open.
        """
        if self._sign_in_url is None:
            return False
        if self.persistence.saving:
            self.show_error(tr("正在保存，请稍后再切换用户"))
            return False
        for open_case in [c for c in self.cases if c.document.source.kind == "store"]:
            if open_case in self.cases and not self.close_tab(self.cases.index(open_case)):
                return False
        if any(c.document.source.kind == "store" for c in self.cases):
            return False  # a save asked for while closing is still running
        store = self.persistence.store
        if store is not None:
            committee = self.committee.committee_window
            if committee is not None and shiboken6.isValid(committee):
                committee.close()
            if self.users_dialog is not None and shiboken6.isValid(self.users_dialog):
                self.users_dialog.close()
            self.persistence.store = None
            store.close()
            self.set_policy(DEFAULT_POLICY)
            self._show_store_state()
        self.sign_in()
        return True

    def change_password(self) -> ChangePasswordDialog | None:
        """The signed-in person changes her own password (a SQLite store's local account)."""
        store = self.persistence.store
        if store is None or not store.local_accounts:
            return None
        from workbench.ui.dialogs.users_dialog import ChangePasswordDialog

        dialog = ChangePasswordDialog(store, self)
        dialog.changed.connect(lambda: self.show_error(tr("密码已修改")))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()
        return dialog

    def open_portfolio(self) -> PortfolioPage | None:
        """The 组合 page over the store (one per window, counted when opened); ``None`` without a store."""
        store = self.persistence.store
        if store is None:
            self.show_error(tr("组合需要连接案件库"))
            return None
        from workbench.ui.portfolio_page import PortfolioPage

        page = getattr(self, "portfolio_page", None)
        if page is None or not shiboken6.isValid(page) or page.store is not store:
            page = self.portfolio_page = PortfolioPage(store, self)
            page.refresh()
        page.show()
        page.raise_()
        return page

    def manage_users(self) -> UsersDialog | None:
        """The administrator's users window (non-blocking); ``None`` unless she administers the store."""
        store = self.persistence.store
        if store is None or not store.manages_users:
            return None
        from workbench.ui.dialogs.users_dialog import UsersDialog

        if self.users_dialog is not None and shiboken6.isValid(self.users_dialog):
            self.users_dialog.close()
        self.users_dialog = UsersDialog(store, self)
        self.users_dialog.open()
        return self.users_dialog

    def open_policy(self) -> PolicyDialog | None:
        """The credit policy window (non-blocking): the administrator edits it, others read it; ``None``
        without a store."""
        store = self.persistence.store
        if store is None:
            return None
        from workbench.ui.dialogs.policy_dialog import PolicyDialog

        old = getattr(self, "policy_dialog", None)
        if old is not None and shiboken6.isValid(old):
            old.close()
        dialog = self.policy_dialog = PolicyDialog(store, self)
        dialog.policy_saved.connect(self.set_policy)
        dialog.open()
        return dialog

    def _store_connected(self, store: StoreLink) -> None:
        self.persistence.store = store
        self._show_store_state()
        self._sync_welcome()
        run_in_background(
            store.services.policy.current, self.set_policy, lambda e: self.show_error(describe(e))
        )

    def set_policy(self, policy: CreditPolicy) -> None:
        """Compute every open case under ``policy`` from now on (signed in, a new version saved)."""
        self.policy = self.persistence.policy = policy
        for open_case in self.cases:
            open_case.recalc.set_policy(self.persistence.policy_for(open_case.document.source))

    def _store_failed(self, error: BaseException) -> None:
        self.case_list.set_store_model(
            None, tr("案件库不可用（可使用案件文件）：%1").replace("%1", describe(error))
        )
        self._sync_welcome()

    def _show_store_state(self) -> None:
        store = self.persistence.store
        actions = getattr(self, "actions_by_key", {})
        if "users" in actions:  # only an administrator sees the users window
            actions["users"].setVisible(store is not None and store.manages_users)
            actions["policy"].setVisible(store is not None)
            actions["change_password"].setVisible(store is not None and store.local_accounts)
            actions["switch_user"].setEnabled(self._sign_in_url is not None)
            self._update_access()
        if store is None:
            self.case_list.set_store_model(None, tr("案件库：未连接，案件以文件保存"))
            return
        from workbench.ui.models.case_list_model import CaseListModel

        model = CaseListModel(
            store.find_cases,
            on_error=lambda e: self.show_error(describe(e)),
            officer_names=store.officer_names,
        )
        self.case_list.set_store_model(
            model,
            tr("案件库：%1（%2）")
            .replace("%1", store_name(store.location))
            .replace("%2", store.user.display_name),
        )

    # ---- recent files --------------------------------------------------------------------------------

    def _recent(self) -> list[str]:
        value = self.settings.value(RECENT_KEY, [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    def _remember(self, path: str) -> None:
        recent = [path] + [p for p in self._recent() if p != path]
        self.settings.setValue(RECENT_KEY, recent[:MAX_RECENT])
        self.case_list.set_local(recent[:MAX_RECENT])

    # ---- language ------------------------------------------------------------------------------------

    def set_language(self, language: str) -> None:
        """Switch the language now, without a restart, and remember it for the next start."""
        if language == i18n.lang():
            return
        i18n.set_language(language)
        i18n.store_language(language, self.settings)
        current = self.tabs.currentIndex()
        for i, open_case in enumerate(self.cases):
            section = open_case.editor.current_section()
            editor = self._editor(open_case.document, open_case.recalc)
            editor.show_section(section)
            old = open_case.editor
            open_case.editor = editor
            self.tabs.removeTab(i)
            self.tabs.insertTab(i, editor, open_case.document.title())
            old.deleteLater()
            self._refresh_tab(open_case.document)
        self.tabs.setCurrentIndex(current)
        self._build_chrome()
        for open_case in self.cases:
            open_case.document.retranslate()
        active = self.undo_group.activeStack()
        self.undo_group.setActiveStack(None)  # type: ignore[arg-type]  # the Edit menu re-reads the texts
        self.undo_group.setActiveStack(active)

    def about(self) -> QMessageBox:
        """Show what this is (non-blocking)."""
        box = QMessageBox(self)
        box.setObjectName("aboutDialog")
        box.setWindowTitle(tr("关于"))
        box.setText(f"{app_title()} {__version__}")
        box.setInformativeText(
            tr("面向小微信贷客户经理的 IPC 信贷技术工作台：还原报表、交叉检验、还款能力测算与上会准备。")
        )
        box.open()
        return box


def _same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (a recent-files entry, a dialog's path, a relative path)."""
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b
