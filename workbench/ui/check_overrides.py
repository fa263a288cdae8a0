"""A reviewer's overrides (复核认可) of the open case's cross-checks, through the store.

An override is the reviewer's judgement, not an edit of the case: she sees an officer's case read-only,
so recording one is one call of ``CaseService.record_override`` (or ``remove_override``), saved at once
as a new version that the tab then shows. The name recorded is the signed-in person's, never typed;
the service refuses anyone but a reviewer, and the window greys the controls before she tries.
Taking an override back undoes recording it, and the strip offers to restore the one just taken back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from workbench.services.permissions import Action
from workbench.ui.i18n import tr
from workbench.ui.ops import run_in_background
from workbench.ui.persistence import describe

if TYPE_CHECKING:
    from workbench.domain.records import CaseRecord
    from workbench.ui.document import CaseDocument
    from workbench.ui.store_link import StoreLink

Done = Callable[[str], None]
"""Called on the GUI thread when the store has answered: ``""``, or why it refused."""


class OverrideDesk:
    """What the cross-checks page asks to record or take back an override of the open case."""

    def __init__(
        self,
        store: Callable[[], StoreLink | None],
        document: CaseDocument,
        install: Callable[[CaseDocument, CaseRecord], None],
    ) -> None:
        self._store, self._document, self._install = store, document, install

    def why_not(self) -> str:
        """Why the signed-in person cannot record overrides here; ``""`` if she can."""
        store = self._store()
        if store is None or self._document.source.kind != "store":
            return tr("复核认可记录在案件库中：请登录案件库并打开已保存的案卷。")
        if not store.may(Action.OVERRIDE_CHECK):
            return tr("只有审查员可以记录或撤销复核认可。")
        return ""

    def record(self, check_id: str, reason: str, done: Done) -> None:
        """Record the signed-in reviewer's override of ``check_id`` with ``reason``."""
        self._run(lambda store, case, version: store.record_override(case, check_id, reason, version), done)

    def remove(self, check_id: str, done: Done) -> None:
        """Take back the override of ``check_id``."""
        self._run(lambda store, case, version: store.remove_override(case, check_id, version), done)

    def _run(self, call: Callable[[StoreLink, str, int], CaseRecord], done: Done) -> None:
        store, document = self._store(), self._document
        refusal = self.why_not()
        if store is None or refusal:
            done(refusal)
            return
        case_id, version = document.source.location, int(document.source.version or 0)

        def arrived(record: CaseRecord) -> None:
            self._install(document, record)
            done("")

        run_in_background(lambda: call(store, case_id, version), arrived, lambda error: done(describe(error)))
