"""Section "cross-checks": the list of checks, the selected check's form, and the evidence list.

"Add check" asks for a method from the catalogue (M1–M17); the selected check's inputs form is
generated from that method's inputs dataclass: each operand takes a number or a reference
``=name`` to a figure the statements derive. The explanation box is required (highlighted) while
the check's status is not OK.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.cross_checks import (
    INPUTS_BY_METHOD,
    CheckKind,
    CheckMethod,
    CrossCheck,
    PurchasesInputs,
    Target,
)
from workbench.domain.errors import ValidationError
from workbench.domain.formatting import check_figure_kind, figure
from workbench.domain.formatting import deviation as deviation_text
from workbench.domain.status import Status
from workbench.ui.dialogs.add_check_dialog import AddCheckDialog, evidence_ids, targets_for
from workbench.ui.i18n import tr
from workbench.ui.labels import enum_label, field_label
from workbench.ui.models.columns import columns_for
from workbench.ui.models.list_model import Column, DataclassListModel
from workbench.ui.paths import blank, get_in
from workbench.ui.sections.base import FigureGrid, group, scroll_page, table
from workbench.ui.sections.override_strip import OverrideStrip
from workbench.ui.values import Kind, refusal_text
from workbench.ui.widgets.fields import REFUSED_STYLE, REQUIRED_STYLE
from workbench.ui.widgets.sheet_view import SheetView
from workbench.ui.widgets.table_editor import TableEditor

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.domain.calc import CaseResults
    from workbench.domain.case_file import CaseFile
    from workbench.domain.cross_checks import CrossCheckResult
    from workbench.ui.sections.base import SectionContext

CHECKS = ("cross_checks",)
ADD_CHECK_KEY = "Alt+N"


class CrossChecksPage(QTabWidget):
    """Tab 1: checks (table above, the selected check below); tab 2: evidence."""

    def __init__(self, ctx: SectionContext) -> None:
        super().__init__()
        self.setObjectName("crossChecksPage")
        self._ctx = ctx
        self._results: dict[str, CrossCheckResult] = {}
        base = columns_for(CrossCheck)
        model = DataclassListModel(ctx.document, CHECKS, (*base[:2], *self._result_columns(), *base[2:]))
        ctx.watch_refusals(model)
        self.table = TableEditor(model, min_rows=4, add_text=tr("添加检验"))
        self.table.add_button.clicked.disconnect()
        self.table.add_button.clicked.connect(self.choose_and_add)
        self.table.view.grows_on_enter = False  # a check needs its method first: Insert asks for it
        self.table.view.row_adder = lambda _row: self.choose_and_add()
        # Alt+N (the case editor's) adds a check from anywhere in the case, also from the inputs of the
        # check just typed (Insert and Ctrl+Enter belong to the tables there, and only the checks table
        # asks for a method).
        self.table.add_button.setToolTip(ADD_CHECK_KEY)
        self.table.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.detail_holder = QWidget()
        self._detail_layout = QVBoxLayout(self.detail_holder)
        self._detail_layout.setContentsMargins(0, 0, 0, 0)
        self._detail: CheckDetail | None = None
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail_holder)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        self.addTab(splitter, tr("交叉检验"))
        self.addTab(scroll_page(table(ctx, ("evidence",), min_rows=6), stretch_last=True), tr("证据"))
        self._placeholder = QLabel(tr("选择一项检验，在此查看并填写其输入；或点击“添加检验”。"))
        self._placeholder.setWordWrap(True)
        self._detail_layout.addWidget(self._placeholder)
        ctx.document.state_changed.connect(self._on_state_changed)
        ctx.on_results(self._on_results, self)
        if ctx.document.state.cross_checks:
            self.table.view.setCurrentIndex(model.index(0, 0))
        self._show_selected()

    def _result_columns(self) -> tuple[Column, ...]:
        def deviation(item: Any, _row: int) -> str:
            result = self._results.get(item.id)
            if result is None:
                return ""
            if not computable(result):
                return "—"
            if result.kind is CheckKind.LOGIC:
                return tr("一致") if result.status is Status.OK else tr("不一致")
            if result.inside:
                return tr("在区间内")
            return deviation_text(result.deviation)

        def status(item: Any, _row: int) -> str:
            result = self._results.get(item.id)
            if result is None:
                return ""
            text = enum_label(result.status) if computable(result) else not_computable_text()
            if result.superseded_by:
                text += " " + tr("（已被 %1 取代）").replace("%1", result.superseded_by)
            elif result.overridden:
                text += " " + tr("（%1 复核认可）").replace("%1", result.override_by.strip())
            return text

        return (
            Column("deviation", tr("偏差"), compute=deviation),
            Column("status", tr("结论"), Kind.TEXT, compute=status),
        )

    # ---- adding ------------------------------------------------------------------------------------

    def choose_and_add(self) -> None:
        """Ask for a method and add the check."""
        dialog = AddCheckDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_check(*dialog.choice(), evidence=dialog.evidence_ids())

    def add_check(
        self,
        method: CheckMethod,
        target: Target | None = None,
        title: str = "",
        evidence: tuple[str, ...] = (),
    ) -> str:
        """Append a check of ``method`` with blank inputs, citing ``evidence``; select it, return its id."""
        checks = self._ctx.document.state.cross_checks
        used = {c.id for c in checks}
        number = len(checks) + 1
        while f"C{number}" in used:
            number += 1
        check = CrossCheck(
            id=f"C{number}",
            target=target or targets_for(method)[0],
            method=method,
            inputs=blank(INPUTS_BY_METHOD[method.value]),
            title=title,
            evidence=evidence,
        )
        self._ctx.document.insert_row(CHECKS, len(checks), check)
        self.select_check(check.id)
        if self._detail is not None:
            self._detail.reveal_inputs()  # what the officer fills next, in view and with the cursor
        return check.id

    # ---- selection ---------------------------------------------------------------------------------

    def select_check(self, key: str) -> bool:
        """Select the check with id ``key``; ``False`` if there is none."""
        for row, check in enumerate(self._ctx.document.state.cross_checks):
            if check.id == key:
                self.setCurrentIndex(0)
                index = self.table.model.index(row, 0)
                self.table.view.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.view.scrollTo(index)
                self._show_selected()
                return True
        return False

    def selected_id(self) -> str:
        """The id of the selected check ("" if none)."""
        return self._detail.check_id if self._detail is not None else ""

    def _show_selected(self) -> None:
        row = self.table.view.currentIndex().row()
        checks = self._ctx.document.state.cross_checks
        if not 0 <= row < len(checks):
            self._set_detail(None)
            return
        check = checks[row]
        if self._detail is not None and self._detail.matches(row, check):
            return
        self._set_detail(CheckDetail(self._ctx, row, check))

    def _set_detail(self, detail: CheckDetail | None) -> None:
        if self._detail is not None:
            self._detail.hide()
            self._detail.deleteLater()
        self._detail = detail
        self._placeholder.setVisible(detail is None)
        if detail is not None:
            self._detail_layout.addWidget(detail)
            if self._results:
                detail.show_result(self._results.get(detail.check_id))

    def _on_state_changed(self, changed: frozenset[str]) -> None:
        if any(c == "" or c.startswith("cross_checks") for c in changed):
            self._show_selected()

    def _on_results(self, results: CaseResults) -> None:
        first = not self._results
        self._results = {r.id: r for r in results.checks}
        self.table.model.refresh_computed()
        if first:
            self.table.view.widths.fit(grow_only=True)
        if self._detail is not None:
            self._detail.show_result(self._results.get(self._detail.check_id))


class CheckDetail(QWidget):
    """The form of one check: what it tests, its inputs, its result, the explanation."""

    def __init__(self, ctx: SectionContext, row: int, check: CrossCheck) -> None:
        super().__init__()
        self.setObjectName("checkDetail")
        self._ctx, self.row, self.check_id = ctx, row, check.id
        self._inputs_type = type(check.inputs)
        base = (*CHECKS, row)
        b = ctx.binder
        heading = QLabel(f"{check.id} · {enum_label(check.method)}")
        heading.setObjectName("checkHeading")
        form = b.form(
            base,
            [
                ("title", tr("说明")),
                ("target", tr("检验对象")),
                ("season", tr("对比季节")),
                ("adopted", tr("认定值（空 = 报表数）")),
            ],
        )
        # below the explanation, not above the inputs: like the explanation, it says how the result
        # counts, and it is filled after the inputs (a repeat of a failed check, with better data)
        supersedes = b.form(base, [("supersedes", tr("取代的检验"))])
        self.evidence = QLineEdit(", ".join(check.evidence))
        self.evidence.setObjectName("checkEvidence")
        self.evidence.setPlaceholderText(tr("证据编号，以逗号分隔，如 E1, E2"))
        self.evidence.editingFinished.connect(self._commit_evidence)
        form_layout = form.layout()
        assert isinstance(form_layout, QFormLayout)
        form_layout.addRow(tr("证据"), self.evidence)
        self.result = FigureGrid(
            [
                ("check_value", tr("检验值")),
                ("adopted", tr("认定值")),
                ("deviation", tr("偏差")),
                ("status", tr("结论")),
            ],
            columns=2,
        )
        explanation = b.widget((*base, "explanation"), tr("偏差说明"))
        assert isinstance(explanation, QPlainTextEdit)
        explanation.setMaximumHeight(80)
        self.explanation = explanation
        self.inputs = group(tr("输入"), self._inputs_form(check))
        self.inputs.setObjectName("checkInputs")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.form_area = scroll_page(
            heading,
            group(tr("检验"), form),
            self.inputs,
            group(tr("结果"), self.result),
            group(tr("偏差说明"), explanation, supersedes),
        )
        layout.addWidget(self.form_area, 1)
        self.override = OverrideStrip(ctx, check.id)  # outside the form: usable on a read-only case
        layout.addWidget(self.override)

    def reveal_inputs(self) -> None:
        """Put the cursor in the first input and scroll the inputs to the top of the form (once the
        new form has its size: it was only just built)."""
        first = next(
            (
                w
                for w in self.inputs.findChildren(QWidget)
                if w.objectName().startswith("field:") or isinstance(w, SheetView)  # M14's sample table
            ),
            None,
        )
        if first is not None:
            first.setFocus(Qt.FocusReason.TabFocusReason)
            if isinstance(first, QLineEdit):
                # typing replaces the blank "0" (the window is only just active again after the
                # add-check dialog: its focus-in does not select as a Tab's does)
                first.selectAll()
        QTimer.singleShot(0, self._scroll_to_inputs)

    def _scroll_to_inputs(self) -> None:
        if not shiboken6.isValid(self):
            return
        bar = self.form_area.verticalScrollBar()
        bar.setValue(min(self.inputs.y(), bar.maximum()))

    def matches(self, row: int, check: CrossCheck) -> bool:
        """Whether this form still shows ``check`` at ``row`` with the same kind of inputs."""
        return row == self.row and check.id == self.check_id and type(check.inputs) is self._inputs_type

    def _inputs_form(self, check: CrossCheck) -> QWidget:
        box = QWidget()
        layout = QFormLayout(box)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        base = (*CHECKS, self.row, "inputs")
        # A range's own value (empty: the adopted figure, the usual case) comes after its scale, so
        # that Tab and Enter need not pass it.
        fields = sorted(dataclasses.fields(check.inputs), key=lambda f: f.name == "value")
        if not fields:
            layout.addRow(QLabel(tr("本方法使用案件的权益检验，无需输入。")))
        for f in fields:
            label = field_label(f.name)
            if isinstance(getattr(check.inputs, f.name), tuple):
                layout.addRow(label, table(self._ctx, (*base, f.name), min_rows=3))
            else:
                layout.addRow(label, self._ctx.binder.widget((*base, f.name), label))
        if isinstance(check.inputs, PurchasesInputs):  # the period is months or weeks, not both
            for name, other in (("months", "weeks"), ("weeks", "months")):
                reason = tr("期间已按{field}填写，二者只填其一").replace("{field}", field_label(other))
                self._ctx.binder.applies_when((*base, name), _unset((*base, other)), reason)
        return box

    def _commit_evidence(self) -> None:
        ids = evidence_ids(self.evidence.text())
        try:
            self._ctx.document.set_field((*CHECKS, self.row, "evidence"), ids)
        except ValidationError as error:
            message = refusal_text(error, tr("证据"))
            self.evidence.setStyleSheet(REFUSED_STYLE)
            self.evidence.setToolTip(message)
            (self._ctx.refuse or self._ctx.report)(message)
            return
        fixed = self.evidence.toolTip()
        self.evidence.setStyleSheet("")
        self.evidence.setToolTip("")
        if fixed and self._ctx.cleared is not None:
            self._ctx.cleared(fixed)

    def show_result(self, result: CrossCheckResult | None) -> None:
        """Show the check's result and whether an explanation is required."""
        self.override.show_result(result)
        if result is None:
            return
        if not computable(result):  # inputs missing: what the chart says, not a failed check
            for key in ("check_value", "adopted", "deviation"):
                self.result.set(key, "")
            self.result.set("status", not_computable_text())
            self.explanation.setStyleSheet("")
            self.explanation.setPlaceholderText(tr("输入尚不完整，无法计算：请先填写上面的输入"))
            return
        kind = check_figure_kind(result.target, result.method)
        self.result.set("check_value", figure(result.check_value, kind))
        self.result.set("adopted", figure(result.adopted, kind))
        if result.kind is CheckKind.RANGE:
            self.result.set(
                "deviation",
                tr("在区间内") if result.inside else deviation_text(result.deviation),
                result.status,
            )
        else:
            self.result.set("deviation", deviation_text(result.deviation), result.status)
        self.result.set("status", enum_label(result.status), result.status)
        needed = result.status is not Status.OK and not result.explained
        self.explanation.setStyleSheet(REQUIRED_STYLE if needed else "")
        self.explanation.setPlaceholderText(
            tr("结论不是“通过”：必须写明偏差原因") if result.status is not Status.OK else ""
        )
        checks = self._ctx.document.state.cross_checks
        current = get_in(self._ctx.document.state, (*CHECKS, self.row)) if self.row < len(checks) else None
        if current is not None and tuple(current.evidence) != tuple(
            p.strip() for p in self.evidence.text().split(",") if p.strip()
        ):
            self.evidence.setText(", ".join(current.evidence))


def computable(result: CrossCheckResult) -> bool:
    """Whether the check could be worked out: a logic check always, a figure check once its
    inputs give a value (the chart draws "无法计算" for the others)."""
    return result.kind is CheckKind.LOGIC or result.deviation is not None or bool(result.inside)


def not_computable_text() -> str:
    """The conclusion of a check its inputs cannot work out yet, as the deviation chart says it."""
    return tr("无法计算")


def build(ctx: SectionContext) -> CrossChecksPage:
    """The page."""
    return CrossChecksPage(ctx)


def _unset(path: tuple[str | int, ...]) -> Callable[[CaseFile], bool]:
    """Whether the case leaves the input at ``path`` empty (true once the check is gone)."""

    def unset(state: CaseFile) -> bool:
        try:
            return get_in(state, path) is None
        except (KeyError, IndexError):
            return True

    return unset
