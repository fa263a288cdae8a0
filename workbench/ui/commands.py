"""Undoable edits of a case: each holds the immutable state before and after.

``redo``/``undo`` hand one of the two states to ``CaseDocument._replace_state``; a command never
touches a model or a widget. Each committed entry is its own undo step (1500 then 1350: Undo gives
1500 back). Only the keystrokes of one typing run in a text box (the same ``run`` object) merge into
one step, and a run that ends where it started removes itself from the stack.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from workbench.ui.i18n import lang, tr

if TYPE_CHECKING:
    from workbench.domain.case_file import CaseFile
    from workbench.ui.document import CaseDocument

MERGE_ID_SET_VALUE = 1001


def verbs() -> dict[str, str]:
    """What each kind of edit is called in the Edit menu ("Undo <verb> <subject>")."""
    return {
        "set": tr("修改"),
        "insert": tr("添加行"),
        "remove": tr("删除行"),
        "replace": tr("更改"),
        "reload": tr("重新载入"),
        "copy": tr("另存为副本"),
    }


class StateCommand(QUndoCommand):
    """Swap the document between two immutable states; ``changed`` names the touched paths.

    The undo text is "<verb> <subject>": the verb is re-translated on a language switch; the subject
    (a field's label) is kept while the language is the one it was written in, else its path is shown.
    """

    def __init__(
        self,
        document: CaseDocument,
        before: CaseFile,
        after: CaseFile,
        changed: frozenset[str],
        verb: str,
        subject: str = "",
    ) -> None:
        super().__init__()
        self._document = document
        self._before = before
        self._after = after
        self._changed = changed
        self._verb = verb
        self._subject = subject
        self._subject_lang = lang()
        self._path = next(iter(changed)) if len(changed) == 1 else ""
        self.retranslate()

    def retranslate(self) -> None:
        """Set the undo text in the current language."""
        subject = self._subject if self._subject_lang == lang() else self._path
        self.setText(f"{verbs().get(self._verb, self._verb)} {subject}".strip())

    def redo(self) -> None:
        self._document._replace_state(self._after, self._changed)

    def undo(self) -> None:
        self._document._replace_state(self._before, self._changed)


class SetValue(StateCommand):
    """Set one field; edits of one typing ``run`` (``None``: a committed entry, never merged) merge."""

    def __init__(
        self,
        document: CaseDocument,
        path: str,
        before: CaseFile,
        after: CaseFile,
        subject: str = "",
        run: object | None = None,
    ) -> None:
        super().__init__(document, before, after, frozenset({path}), "set", subject or path)
        self.path = path
        self.run = run

    def id(self) -> int:
        return -1 if self.run is None else MERGE_ID_SET_VALUE  # -1: Qt never merges it

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetValue) or other.path != self.path or other.run is not self.run:
            return False
        self._after = other._after
        if self._after == self._before:
            self.setObsolete(True)  # typed back to the old value: nothing left to undo
        return True


class InsertRow(StateCommand):
    """Insert a row into a list."""


class RemoveRow(StateCommand):
    """Remove a row from a list."""


class ReplaceCase(StateCommand):
    """Replace several parts at once (a new check with its inputs, a changed method …)."""
