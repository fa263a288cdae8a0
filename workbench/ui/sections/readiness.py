"""Section "readiness": what still blocks "ready for committee", advice, and the officer's report notes."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem

from workbench.domain.readiness import Issue, Severity
from workbench.texts.labels import ISSUE_TEXTS, ITEM_NAMES
from workbench.ui.i18n import lang, tr
from workbench.ui.labels import enum_label
from workbench.ui.ops import run_in_background
from workbench.ui.sections.base import group, scroll_page

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from workbench.domain.calc import CaseResults
    from workbench.ui.sections.base import SectionContext


def issue_text(issue: Issue) -> str:
    """The sentence of an issue in the current language."""
    params = dict(issue.params)
    subject = ITEM_NAMES.get(issue.subject, {}).get(lang(), issue.subject)
    params.setdefault("subject", subject)
    if "status" in params:
        from workbench.domain.status import Status

        params["status"] = enum_label(Status(params["status"]))
    if "stage" in params:
        from workbench.domain.case_file import Stage

        params["stage"] = enum_label(Stage(params["stage"]))
    template = ISSUE_TEXTS.get(issue.code, {}).get(lang(), issue.code)
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


STORE_CHECK_PAUSE_MS = 800


class _ShownFilter(QObject):
    """Calls ``on_show`` whenever the watched page is shown (the section is picked)."""

    def __init__(self, parent: QObject, on_show: Callable[[], None]) -> None:
        super().__init__(parent)
        self._on_show = on_show

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self._on_show()
        return False


def build(ctx: SectionContext) -> QWidget:
    """The page."""
    headline = QLabel()
    headline.setObjectName("readinessHeadline")
    headline.setWordWrap(True)
    issues = QListWidget()
    issues.setObjectName("readinessIssues")
    issues.setMinimumHeight(120)
    issues.setMaximumHeight(200)
    issues.setWordWrap(True)
    notes = ctx.binder.form(
        ("notes",),
        [
            ("financial_assessment", tr("财务分析")),
            ("strengths", tr("优势")),
            ("threats", tr("威胁")),
            ("risks", tr("风险")),
            ("mitigations", tr("风险缓释")),
            ("conclusion", tr("结论与建议")),
            ("conditions", tr("放款条件")),
            ("monitoring", tr("贷后监控")),
        ],
    )
    page = scroll_page(group(tr("上会准备情况"), headline, issues), group(tr("调查报告意见"), notes))

    # The checks against the other cases of the store: a query, so not on every keystroke but once
    # the edits pause, and only while the page is on screen (the submit checks them again anyway).
    found_in_store: list[Issue] = []
    latest: list[CaseResults] = []
    store_timer = QTimer(page)
    store_timer.setSingleShot(True)
    store_timer.setInterval(STORE_CHECK_PAUSE_MS)

    def ask_store() -> None:
        provider = ctx.store_issues
        if provider is None or not page.isVisible():
            return
        case = ctx.document.state

        def got(found: list[Issue]) -> None:
            if shiboken6.isValid(page):
                found_in_store[:] = found
                if latest:
                    show(latest[-1], ask=False)

        run_in_background(lambda: provider(case), got, lambda _error: None)  # offline: the case's own

    store_timer.timeout.connect(ask_store)
    page.installEventFilter(_ShownFilter(page, store_timer.start))

    def show(results: CaseResults, ask: bool = True) -> None:
        latest[:] = [results]
        if ask:
            store_timer.start()
        every = [*found_in_store, *results.issues]
        blocking = [i for i in every if i.severity is Severity.BLOCKING]
        advice = [i for i in every if i.severity is Severity.ADVICE]
        if blocking:
            headline.setText(tr("尚不能提交信贷委员会：%1 项阻碍").replace("%1", str(len(blocking))))
            headline.setStyleSheet("color: #C04000; font-weight: bold;")
        else:
            headline.setText(tr("可以提交信贷委员会"))
            headline.setStyleSheet("color: #007A5A; font-weight: bold;")
        issues.clear()
        for issue in blocking + advice:
            sep = "：" if lang() == "zh" else ": "
            prefix = f"{enum_label(issue.severity)}{sep}"
            text = issue_text(issue)
            if not text.lower().startswith(prefix.lower()):  # some advice texts carry it already
                text = prefix + text
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, issue.subject)
            colour = "#C04000" if issue.severity is Severity.BLOCKING else "#555555"
            item.setForeground(QBrush(QColor(colour)))
            issues.addItem(item)

    ctx.on_results(show, page)
    return page
