"""A mark-up (加价率) box beside a gross-margin field: the same figure, typed the other way.

The document holds the margin only; this box shows its mark-up and, when the officer types one, sets
the margin it means (``domain.markup``, one undo step), so the two boxes never disagree. Typing
follows the margin box: ``15``, ``15%`` and ``0.15`` are all a 15 % mark-up; empty clears the margin.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSignalBlocker, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

from workbench.domain import formatting
from workbench.domain.errors import ValidationError
from workbench.domain.markup import margin_of_markup, markup_of_margin
from workbench.domain.money import parse_amount
from workbench.ui.paths import get_in, path_text, touches
from workbench.ui.values import refusal_text
from workbench.ui.widgets.fields import REFUSED_STYLE, undo_key

if TYPE_CHECKING:
    from collections.abc import Callable
    from decimal import Decimal

    from workbench.ui.document import CaseDocument
    from workbench.ui.paths import Path


def markup_text(margin: Decimal | None) -> str:
    """The mark-up of ``margin`` as the box shows it (``0.130434782609 → "15%"``); ``""`` for none."""
    markup = markup_of_margin(margin)
    return "" if markup is None else formatting.share(markup, minus=formatting.MINUS)


def parse_markup(text: str, field: str) -> Decimal | None:
    """What was typed, as a mark-up ratio: a trailing % or a number above 1 is a percentage."""
    text = text.strip()
    if not text:
        return None
    percent = text.endswith(("%", "％"))
    value = parse_amount(text[:-1] if percent else text, field)
    return value / 100 if percent or value > 1 else value


class MarkupEdit(QLineEdit):
    """The mark-up of the margin at ``path``, editable."""

    def __init__(
        self, document: CaseDocument, path: Path, label: str, refuse: Callable[[str], None] | None = None
    ) -> None:
        super().__init__()
        self._document, self._path, self._label, self._refuse = document, path, label, refuse
        self._key = path_text(path)
        self.setObjectName(f"markup:{self._key}")
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.editingFinished.connect(self.commit)
        document.state_changed.connect(self._on_state_changed)
        self.load()

    def _margin(self) -> Decimal | None:
        value: Decimal | None = get_in(self._document.state, self._path)
        return value

    def load(self) -> None:
        """Show the document's margin as a mark-up (nothing committed back)."""
        blocker = QSignalBlocker(self)
        self.setText(markup_text(self._margin()))
        self.setCursorPosition(0)
        blocker.unblock()
        self.setStyleSheet("")
        self.setToolTip("")

    def event(self, event: QEvent) -> bool:
        # Ctrl+Z with nothing typed undoes the case's last step (as the bound boxes do), not the box's own.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and undo_key(event)
            and self.text() == markup_text(self._margin())
        ):
            event.ignore()
            return True
        return super().event(event)

    def _on_state_changed(self, changed: frozenset[str]) -> None:
        if touches(changed, self._key):
            self.load()

    def commit(self) -> bool:
        """Set the margin the typed mark-up means; refused text stays, framed, with the reason."""
        try:
            markup = parse_markup(self.text(), "markup")
            margin = None if markup is None else margin_of_markup(markup)
            if not self._document.set_field(self._path, margin, self._label):
                self.load()  # the same margin typed another way: shown the window's way
        except ValidationError as error:
            message = refusal_text(error, self._label)
            self.setStyleSheet(REFUSED_STYLE)
            self.setToolTip(message)
            if self._refuse is not None:
                self._refuse(message)
            return False
        self.setStyleSheet("")
        self.setToolTip("")
        return True
