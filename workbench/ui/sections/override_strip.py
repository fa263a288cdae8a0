"""The 复核认可 strip under a cross-check: who accepted the failing check and why.

A reviewer records an override here (the reason typed, her name taken from the sign-in) or takes it
back, and can restore the one she just took back; everyone else sees the strip greyed with the reason.
It sits outside the check's scrolling form, so it stays usable while a reviewer reads an officer's
case read-only (``stale_tabs`` disables the form's contents).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from workbench.domain.status import Status
from workbench.ui.i18n import tr

if TYPE_CHECKING:
    from workbench.domain.case_file import CheckOverride
    from workbench.domain.cross_checks import CrossCheckResult
    from workbench.ui.sections.base import SectionContext


def needs_override(result: CrossCheckResult | None) -> bool:
    """A check that only an override (or a passing re-computation) lets count: failed, or unexplained."""
    if result is None or result.superseded_by or not result.computed:
        return False
    return result.status is Status.FAIL or (result.status is Status.EXPLAIN and not result.explained)


class OverrideStrip(QGroupBox):
    """The override of one check: shown to all, recorded and taken back by a reviewer."""

    def __init__(self, ctx: SectionContext, check_id: str) -> None:
        super().__init__(tr("复核认可"))
        self.setObjectName("checkOverride")
        self._ctx, self._check_id = ctx, check_id
        self._result: CrossCheckResult | None = None
        self._removed: CheckOverride | None = None  # the override just taken back, to restore
        self._busy = False
        self.shown = QLabel()
        self.shown.setObjectName("checkOverrideShown")
        self.shown.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("checkOverrideReason")
        self.reason.setPlaceholderText(tr("认可理由（以您登录的姓名记录）"))
        self.record_button = QPushButton(tr("记录认可"))
        self.record_button.setObjectName("checkOverrideRecord")
        self.record_button.clicked.connect(self.record)
        self.remove_button = QPushButton(tr("撤销认可"))
        self.remove_button.setObjectName("checkOverrideRemove")
        self.remove_button.clicked.connect(self.remove)
        self.restore_button = QPushButton(tr("恢复刚撤销的认可"))
        self.restore_button.setObjectName("checkOverrideRestore")
        self.restore_button.clicked.connect(self.restore)
        row = QHBoxLayout()
        row.addWidget(self.reason, 1)
        for button in (self.record_button, self.remove_button, self.restore_button):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.shown)
        layout.addLayout(row)
        self.refresh()

    def current(self) -> CheckOverride | None:
        """The check's override in the open case (the last one, as the computation takes it)."""
        found = [o for o in self._ctx.document.state.notes.check_overrides if o.check == self._check_id]
        return found[-1] if found else None

    def show_result(self, result: CrossCheckResult | None) -> None:
        self._result = result
        self.refresh()

    def refresh(self) -> None:
        """Show the override, and offer what the signed-in person may do with it."""
        override = self.current()
        failing = needs_override(self._result)
        self.setVisible(failing or override is not None or self._removed is not None)
        if override is not None:
            text = tr("%1 已复核认可：%2").replace("%1", override.reviewer).replace("%2", override.reason)
        else:
            text = tr("尚无复核认可。未通过的检验须重新计算通过，或经审查员复核认可，方可计入。")
        self.shown.setText(text)
        desk = self._ctx.overrides
        why = tr("只有审查员可以记录或撤销复核认可。") if desk is None else desk.why_not()
        may = not why and not self._busy
        self.reason.setEnabled(may and failing)
        self.record_button.setEnabled(may and failing)
        self.remove_button.setEnabled(may and override is not None)
        self.restore_button.setVisible(self._removed is not None and override is None)
        self.restore_button.setEnabled(may)
        for widget in (self.reason, self.record_button, self.remove_button, self.restore_button):
            widget.setToolTip(why)

    # ---- the reviewer's actions (each one call of the store, ``check_overrides.OverrideDesk``) --------

    def record(self) -> None:
        """Record the typed reason under the signed-in reviewer's name."""
        if self._ctx.overrides is not None:
            self._start()
            self._ctx.overrides.record(self._check_id, self.reason.text(), self._answered)

    def remove(self) -> None:
        """Take back the check's override (restorable until the strip is rebuilt)."""
        override = self.current()
        if self._ctx.overrides is not None and override is not None:
            self._removed = override
            self._start()
            self._ctx.overrides.remove(self._check_id, self._answered)

    def restore(self) -> None:
        """Record the override just taken back again, with its reason, under the signed-in name."""
        if self._ctx.overrides is not None and self._removed is not None:
            self._start()
            self._ctx.overrides.record(self._check_id, self._removed.reason, self._answered)

    def _start(self) -> None:
        self._busy = True
        self.refresh()

    def _answered(self, refusal: str) -> None:
        if not shiboken6.isValid(self):
            return
        self._busy = False
        if refusal:
            if self.current() is not None:
                self._removed = None  # the removal did not happen
            (self._ctx.refuse or self._ctx.report)(refusal)
        else:
            self.reason.clear()
            if self.current() is not None:
                self._removed = None
        self.refresh()
