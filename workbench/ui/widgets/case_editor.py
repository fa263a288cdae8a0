"""The editor of one case: a section list, the section pages, the live charts, a status line.

Pages are built the first time they are shown, so opening a case costs one page, not ten. The chart
panel (and with it matplotlib) is imported when the first editor is built, after the main window has
painted. Clicking a bar in the deviation chart asks the editor to show that check.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbench.ui.i18n import tr
from workbench.ui.sections import (
    applicant,
    attachments,
    balance_sheet,
    business,
    capacity,
    cross_checks,
    equity,
    income,
    readiness,
    request,
    soft_info,
)
from workbench.ui.sections.base import SectionContext
from workbench.ui.widgets.fields import FieldBinder
from workbench.ui.widgets.key_figures import KeyFigureStrip
from workbench.ui.widgets.key_tips import KeyTips, stop_of

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QShowEvent

    from workbench.ui.document import CaseDocument
    from workbench.ui.recalc import Recalculator
    from workbench.ui.widgets.chart_panel import ChartPanel

SECTION_KEYS = (
    "applicant",
    "business",
    "request",
    "soft_info",
    "balance_sheet",
    "income",
    "equity",
    "cross_checks",
    "attachments",
    "capacity",
    "readiness",
)
_BUILDERS: dict[str, Callable[[SectionContext], QWidget]] = {
    "applicant": applicant.build,
    "business": business.build,
    "request": request.build,
    "soft_info": soft_info.build,
    "balance_sheet": balance_sheet.build,
    "income": income.build,
    "equity": equity.build,
    "cross_checks": cross_checks.build,
    "attachments": attachments.build,
    "capacity": capacity.build,
    "readiness": readiness.build,
}


def section_key(number: int) -> str:
    """The shortcut of the ``number``-th section (from 1): Alt+1 … Alt+9, and Alt+0 for the last one
    (as browsers' Ctrl+9 goes to the last tab); "" for the tenth, reached from either neighbour."""
    if number == len(SECTION_KEYS):
        return "Alt+0"
    return f"Alt+{number}" if number <= 9 else ""


def section_titles() -> dict[str, str]:
    """The section names shown in the list."""
    return {
        "applicant": tr("申请人与家庭"),
        "business": tr("经营情况"),
        "request": tr("贷款申请与用途"),
        "soft_info": tr("软信息"),
        "balance_sheet": tr("资产负债表"),
        "income": tr("损益表"),
        "equity": tr("权益检验"),
        "cross_checks": tr("交叉检验"),
        "attachments": tr("照片与扫描件"),
        "capacity": tr("还款能力与建议"),
        "readiness": tr("上会准备"),
    }


class CaseEditor(QWidget):
    """Sections on the left, the page in the middle, the charts on the right."""

    message_posted = Signal(str)
    message_withdrawn = Signal(str)  # a refusal's message that no longer stands (the entry was fixed)
    report_requested = Signal()  # the window opens the report export for this case

    def __init__(
        self,
        document: CaseDocument,
        recalc: Recalculator,
        parent: QWidget | None = None,
        charts: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("caseEditor")
        self.document = document
        self.recalc = recalc
        self.binder = FieldBinder(document, self)
        self._refusals: list[str] = []  # messages of refused entries not fixed yet, newest last
        self.binder.edit_refused.connect(self.refuse)
        self.binder.refusal_cleared.connect(self.withdraw)
        self.context = SectionContext(
            document, recalc, self.binder, self.report, refuse=self.refuse, cleared=self.withdraw
        )
        if recalc.results is None and not recalc.error:
            recalc.run()

        self.sections = QListWidget()
        self.sections.setObjectName("sectionList")
        titles = section_titles()
        for number, key in enumerate(SECTION_KEYS, 1):
            self.sections.addItem(titles[key])
            keys = section_key(number)
            if keys:
                self.sections.item(number - 1).setToolTip(keys + "\n" + tr("按住 Alt：各字段显示跳转字母"))
                jump = QShortcut(QKeySequence(keys), self, lambda n=number - 1: self.jump_to(n))
                jump.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.sections.setMinimumWidth(self.sections.sizeHintForColumn(0) + 16)
        self.sections.setMaximumWidth(self.sections.sizeHintForColumn(0) + 40)
        self.stack = QStackedWidget()
        self._pages: dict[str, QWidget] = {}
        for key in SECTION_KEYS:
            holder = QWidget()
            holder.setObjectName(f"section:{key}")
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.stack.addWidget(holder)

        self.status = QLabel()
        self.status.setObjectName("editorStatus")
        self.status.setWordWrap(True)
        self.status.hide()
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        self.key_figures = KeyFigureStrip(recalc)
        self.key_figures.section_requested.connect(self.show_section)
        centre_layout.addWidget(self.key_figures)
        centre_layout.addWidget(self.stack, 1)
        centre_layout.addWidget(self.status)

        self.report_button = QPushButton(tr("导出报告…"))
        self.report_button.setObjectName("exportReport")
        self.report_button.clicked.connect(self.report_requested)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.sections, 1)
        left_layout.addWidget(self.report_button)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("editorSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(centre)
        self.charts: ChartPanel | None = None
        if charts:
            from workbench.ui.widgets.chart_panel import ChartPanel  # matplotlib loads here, lazily

            self.charts = ChartPanel(recalc)
            self.charts.deviation.check_requested.connect(self.show_check)
            self.splitter.addWidget(self.charts)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.key_tips = KeyTips(self, lambda: self.page(self.current_section()))
        # a new cross-check from anywhere in the case: the check's form opens on its page
        add_check = QShortcut(QKeySequence(cross_checks.ADD_CHECK_KEY), self, self.add_check)
        add_check.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.sections.currentRowChanged.connect(self._on_section_changed)
        self.sections.itemActivated.connect(lambda _item: self.focus_page())  # Enter: into the page
        recalc.recalc_failed.connect(self._on_recalc_failed)
        if recalc.error:
            self._on_recalc_failed(recalc.error)
        self._panes_sized = False
        self.pane_state: QByteArray | None = None  # the officer's last split (the window's settings)
        self.sections.setCurrentRow(0)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._panes_sized:
            self._panes_sized = True
            if self.pane_state is None or not self.splitter.restoreState(self.pane_state):
                self.resize_panes(self.width())

    def resize_panes(self, width: int) -> None:
        """Give the section list, the page and the charts their share of ``width`` pixels."""
        left = self.sections.maximumWidth()
        charts = int(width * 0.36) if self.charts is not None else 0
        self.splitter.setSizes([left, max(width - left - charts, 200), charts])

    # ---- sections ------------------------------------------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The page of section ``key``, built on first use."""
        built = self._pages.get(key)
        if built is None:
            holder = self.stack.widget(SECTION_KEYS.index(key))
            built = _BUILDERS[key](self.context)
            built.setObjectName(f"page:{key}")
            for bar in built.findChildren(QTabBar):  # Ctrl+Tab switches tabs; Tab goes field to field
                bar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                for arrow in bar.findChildren(QToolButton):  # the scroll arrows of a narrow tab bar too
                    arrow.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            layout = holder.layout() if holder is not None else None
            assert layout is not None
            layout.addWidget(built)
            self._pages[key] = built
        return built

    def show_section(self, key: str) -> QWidget:
        """Switch to section ``key`` and return its page."""
        self.sections.setCurrentRow(SECTION_KEYS.index(key))
        return self.page(key)

    def focus_page(self) -> None:
        """Put the focus on the first field of the section shown (Enter in the section list)."""
        page = self.page(self.current_section())
        first: QWidget | None = None
        widget = page.nextInFocusChain()
        while widget is not None and widget is not page:
            if (
                page.isAncestorOf(widget)
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and widget.isVisible()
                and widget.isEnabled()
                and widget.focusProxy() is None
            ):
                first = first or widget
                if stop_of(widget) is not None:  # a field or table before a list to read (readiness issues)
                    first = widget
                    break
            widget = widget.nextInFocusChain()
        if first is not None:
            first.setFocus(Qt.FocusReason.TabFocusReason)
            if isinstance(first, QLineEdit):
                first.selectAll()  # typing replaces "0.00", as after Tab

    def current_section(self) -> str:
        """The key of the section shown."""
        return SECTION_KEYS[max(self.sections.currentRow(), 0)]

    def next_section(self, step: int = 1) -> None:
        """Move ``step`` sections down (negative: up), wrapping around."""
        row = (self.sections.currentRow() + step) % len(SECTION_KEYS)
        self.sections.setCurrentRow(row)
        if not self.sections.hasFocus():
            self.focus_page()  # Ctrl+PgDown from a field: type on in the next section

    def jump_to(self, row: int) -> None:
        """Alt+1…9, Alt+0: show section ``row`` with the cursor in its first field."""
        self.sections.setCurrentRow(row)
        self.focus_page()

    def _on_section_changed(self, row: int) -> None:
        if row < 0:
            return
        self.page(SECTION_KEYS[row])
        self.stack.setCurrentIndex(row)

    def add_check(self) -> None:
        """Alt+N: show the cross-checks and ask for the new check's method."""
        page = self.show_section("cross_checks")
        assert isinstance(page, cross_checks.CrossChecksPage)
        page.choose_and_add()

    def show_check(self, key: str) -> None:
        """Navigate to a check: ``"equity"`` opens the equity check, an id selects that cross-check."""
        if key == "equity":
            self.show_section("equity")
            return
        page = self.show_section("cross_checks")
        assert isinstance(page, cross_checks.CrossChecksPage)
        page.select_check(key)

    # ---- messages ------------------------------------------------------------------------------------

    def report(self, message: str) -> None:
        """Show a refused entry (or another notice) in the status line and pass it to the window."""
        if not self.recalc.error:
            self._set_status(message, "#B26B00")
        self.message_posted.emit(message)

    def refuse(self, message: str) -> None:
        """Show a refused entry's message; it stays until that entry is fixed (``withdraw``)."""
        if message in self._refusals:
            self._refusals.remove(message)
        self._refusals.append(message)
        self.report(message)

    def withdraw(self, message: str) -> None:
        """Take back a refusal's message once its entry is fixed, in whichever section it was made:
        the line shows the newest refusal still standing, or nothing."""
        if message not in self._refusals:
            return
        self._refusals.remove(message)
        if self.status.text() == message and not self.recalc.error:
            standing = self._refusals[-1] if self._refusals else ""
            self._set_status(standing, "#B26B00" if standing else "")
        self.message_withdrawn.emit(message)

    def _on_recalc_failed(self, message: str) -> None:
        if message:
            self._set_status(tr("无法计算：%1").replace("%1", message), "#C04000")
            self.message_posted.emit(message)
        else:
            self._set_status("", "")

    def _set_status(self, text: str, colour: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {colour}; padding: 4px;" if colour else "")
        self.status.setVisible(bool(text))
