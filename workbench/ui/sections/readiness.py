"""Section "readiness": what still blocks "ready for committee", advice, and the officer's report notes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem

from workbench.domain.readiness import Issue, Severity
from workbench.texts.labels import ISSUE_TEXTS, ITEM_NAMES
from workbench.ui.i18n import lang, tr
from workbench.ui.labels import enum_label
from workbench.ui.sections.base import group, scroll_page

if TYPE_CHECKING:
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
    template = ISSUE_TEXTS.get(issue.code, {}).get(lang(), issue.code)
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


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

    def show(results: CaseResults) -> None:
        blocking = [i for i in results.issues if i.severity is Severity.BLOCKING]
        advice = [i for i in results.issues if i.severity is Severity.ADVICE]
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
