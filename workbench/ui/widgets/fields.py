"""Form widgets bound to one field of the document each, validated when the entry is committed.

``FieldBinder.widget(path)`` picks the editor from the field's type hint: a line edit for amounts,
numbers and short text (committed on Enter or leaving the field), a combo box with Chinese labels for
enums, a date field (``DateEdit``: typed as officers write dates, or picked in a calendar), a
plain-text box for narratives, a check box. A refused entry keeps the typed text, gets a red frame
and a tooltip with the reason, and the binder emits ``edit_refused``; the document keeps its old
value. The binder repaints a widget only when its own path changed, inside a
``QSignalBlocker`` so loading never commits back.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QKeyCombination, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QToolTip,
    QWidget,
)

from workbench.domain import lifecycle
from workbench.domain.case_file import CaseFile, Stage
from workbench.domain.errors import ValidationError
from workbench.texts.labels import FIGURE_LABELS as REFERABLE_FIGURES
from workbench.ui.i18n import lang, tr
from workbench.ui.labels import enum_label
from workbench.ui.paths import Path, get_in, hint_at, path_text, touches
from workbench.ui.values import Kind, display_text, enum_type, is_optional, kind_of, parse_value, refusal_text
from workbench.ui.widgets.date_edit import DateEdit

if TYPE_CHECKING:
    from collections.abc import Sequence

    from workbench.ui.document import CaseDocument

REFUSED_STYLE = "border: 2px solid #D55E00;"
REQUIRED_STYLE = "border: 2px solid #E69F00; background: #FFF8EC;"


@dataclasses.dataclass(slots=True, eq=False)
class Binding:
    """One widget bound to one path."""

    path: Path
    key: str
    hint: Any
    kind: Kind
    label: str
    widget: QWidget
    run: object = dataclasses.field(default_factory=object)  # a text box's typing run (one undo step)
    applies: Callable[[CaseFile], bool] | None = None  # see FieldBinder.applies_when
    not_applying: str = ""


class FieldBinder(QObject):
    """Creates bound editors for a document and keeps them in step with it."""

    edit_refused = Signal(str)
    refusal_cleared = Signal(str)  # the message of a refusal that no longer stands (fixed, or reloaded)

    def __init__(self, document: CaseDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._bindings: list[Binding] = []
        document.state_changed.connect(self._on_state_changed)

    # ---- building ----------------------------------------------------------------------------------

    def widget(self, path: Path, label: str, kind: Kind | None = None) -> QWidget:
        """A bound editor for the field at ``path`` (chosen by its type hint unless ``kind`` is given)."""
        hint = hint_at(self._document.state, path)
        kind = kind or kind_of(hint)
        if kind is Kind.ENUM:
            widget: QWidget = self._combo(hint)
        elif kind is Kind.DATE:
            widget = DateEdit()
        elif kind is Kind.LONG_TEXT:
            widget = QPlainTextEdit()
            widget.setTabChangesFocus(True)
            widget.setMinimumHeight(52)
            widget.setMaximumHeight(96)
        elif kind is Kind.BOOL:
            widget = QCheckBox()
        else:
            widget = QLineEdit()
            if kind in (Kind.MONEY, Kind.DECIMAL, Kind.SHARE, Kind.INT, Kind.OPERAND):
                widget.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if kind is Kind.OPERAND:
                _complete_references(widget)
                widget.setPlaceholderText(tr("数字，或 = 引用已算出的数据"))
            elif kind is Kind.MONEY:
                widget.setPlaceholderText(tr("如 12,500 或 1.25万"))
        name = path_text(path)
        widget.setObjectName(f"field:{name}")
        binding = Binding(path, name, hint, kind, label, widget)
        self._bindings.append(binding)
        widget.destroyed.connect(lambda _obj=None, b=binding: self._forget(b))
        self._load(binding)
        self._connect(binding)
        return widget

    def form(
        self, base: Path, fields: Sequence[tuple[str | Path, str]], parent: QWidget | None = None
    ) -> QWidget:
        """A two-column form: ``(name, label)`` of the dataclass at ``base``, or ``(path, label)``."""
        box = QWidget(parent)
        layout = QFormLayout(box)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for name, label in fields:
            path = name if isinstance(name, tuple) else (*base, name)
            layout.addRow(label, self.widget(path, label))
        return box

    def applies_when(self, path: Path, applies: Callable[[CaseFile], bool], reason: str) -> None:
        """The field at ``path`` applies to a case only when ``applies(state)``, decided by what was
        entered before it: otherwise it is disabled, so Tab and Enter pass it, with ``reason`` as its
        tooltip. A value it holds stays, and keeps the field open to be put right."""
        for b in self._bindings:
            if b.key == path_text(path):
                b.applies, b.not_applying = applies, reason
                self._show_applies(b)

    def _show_applies(self, b: Binding) -> None:
        assert b.applies is not None
        state = self._document.state
        try:
            held = get_in(state, b.path) not in (None, "", False, ())
        except KeyError:
            held = False
        on = held or b.applies(state)
        if on != b.widget.isEnabled():
            b.widget.setEnabled(on)
            if not on:
                b.widget.setToolTip(b.not_applying)
            elif b.widget.toolTip() == b.not_applying:
                b.widget.setToolTip("")

    def _forget(self, binding: Binding) -> None:
        if binding in self._bindings:
            self._bindings.remove(binding)

    def bound(self, path: Path) -> QWidget | None:
        """The widget bound to ``path`` (the first, if several)."""
        key = path_text(path)
        return next((b.widget for b in self._bindings if b.key == key), None)

    def _combo(self, hint: Any) -> QComboBox:
        combo = QComboBox()
        enum = enum_type(hint)
        if is_optional(hint):
            combo.addItem("—", "")
        for member in enum or ():
            combo.addItem(enum_label(member), str(member.value))
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def _connect(self, b: Binding) -> None:
        w = b.widget
        if isinstance(w, QComboBox):
            w.currentIndexChanged.connect(lambda _i, b=b: self.commit(b))
            w.installEventFilter(self)  # Enter moves on
        elif isinstance(w, DateEdit):
            w.editingFinished.connect(lambda b=b: self.commit(b))
            w.date_picked.connect(lambda b=b: self.commit(b))
            w.installEventFilter(self)
        elif isinstance(w, QPlainTextEdit):
            w.textChanged.connect(lambda b=b: self.commit(b))
            w.installEventFilter(self)  # leaving the box ends its typing run
        elif isinstance(w, QCheckBox):
            w.toggled.connect(lambda _on, b=b: self.commit(b))
        elif isinstance(w, QLineEdit):
            w.editingFinished.connect(lambda b=b: self.commit(b))
            w.installEventFilter(self)  # Ctrl+Z after a committed entry undoes the case's step

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and _enter_moves_on(watched, event):
            # Enter commits and goes on to the next field, as in a bank's form or a spreadsheet (the
            # hand stays on the number pad); a refused entry keeps the cursor, to be fixed in place.
            binding = next((b for b in self._bindings if b.widget is watched), None)
            if binding is not None and self.commit(binding):
                tab = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier)
                QApplication.sendEvent(watched, tab)
            return True
        if event.type() == QEvent.Type.FocusOut:
            for b in self._bindings:
                if b.widget is watched:
                    b.run = object()  # what is typed after coming back is a new undo step
        elif event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            binding = next((b for b in self._bindings if b.widget is watched), None)
            if binding is not None and undo_key(event) and self._in_step(binding):
                event.ignore()  # Ctrl+Z / Ctrl+Y go to the window's Edit → Undo / Redo: the case's steps
                return True
        return False

    def _in_step(self, b: Binding) -> bool:
        """Whether the editor shows what the document holds (nothing typed and not yet committed):
        then undo means the case's last step, not the editor's own typing."""
        w = b.widget
        if isinstance(w, QPlainTextEdit):
            return True  # every keystroke is committed: the document's undo is the only one
        if isinstance(w, QLineEdit):
            try:
                value = get_in(self._document.state, b.path)
            except KeyError:
                value = None
            return w.text() == display_text(value, b.kind)
        return False

    # ---- committing --------------------------------------------------------------------------------

    def commit(self, b: Binding) -> bool:
        """Parse the widget's content and set the field; on refusal mark the widget and say why."""
        try:
            value = self._value_of(b)
            run = b.run if isinstance(b.widget, QPlainTextEdit) else None  # keystrokes of one run merge
            if not self._document.set_field(b.path, value, b.label, run) and isinstance(b.widget, QLineEdit):
                self._load(b)  # the value it already held, typed another way: shown the window's way
        except ValidationError as error:
            message = refusal_text(error, b.label)
            b.widget.setStyleSheet(REFUSED_STYLE)
            b.widget.setToolTip(message)
            if b.widget.isVisible():
                QToolTip.showText(b.widget.mapToGlobal(b.widget.rect().bottomLeft()), message, b.widget)
            self.edit_refused.emit(message)
            return False
        self._clear_refusal(b)
        return True

    def _clear_refusal(self, b: Binding) -> None:
        message = b.widget.toolTip()
        if message and b.widget.styleSheet() == REFUSED_STYLE:
            b.widget.setStyleSheet("")
            b.widget.setToolTip("")
            self.refusal_cleared.emit(message)

    def _value_of(self, b: Binding) -> Any:
        w = b.widget
        if isinstance(w, QComboBox):
            return parse_value(str(w.currentData() or ""), b.hint, b.key, b.kind)
        if isinstance(w, QPlainTextEdit):
            return parse_value(w.toPlainText(), b.hint, b.key, b.kind)
        if isinstance(w, QCheckBox):
            return w.isChecked()
        assert isinstance(w, QLineEdit)
        return parse_value(w.text(), b.hint, b.key, b.kind)

    # ---- loading -----------------------------------------------------------------------------------

    def _on_state_changed(self, changed: frozenset[str]) -> None:
        for b in self._bindings:
            if touches(changed, b.key):
                self._load(b)
            if b.applies is not None:
                self._show_applies(b)  # what it depends on may be anywhere in the case

    def reload(self) -> None:
        """Load every bound widget from the document."""
        for b in self._bindings:
            self._load(b)

    def _load(self, b: Binding) -> None:
        try:
            value = get_in(self._document.state, b.path)
        except KeyError:
            value = None
        w = b.widget
        blocker = QSignalBlocker(w)
        try:
            if isinstance(w, QComboBox):
                index = w.findData("" if value is None else str(value.value))
                w.setCurrentIndex(max(index, 0))
                if isinstance(value, Stage):
                    _offer_stages_from(w, value)
            elif isinstance(w, QPlainTextEdit):
                if w.toPlainText() != (value or ""):
                    w.setPlainText(value or "")
            elif isinstance(w, QCheckBox):
                w.setChecked(bool(value))
            elif isinstance(w, QLineEdit):
                text = display_text(value, b.kind)
                if w.text() != text:
                    w.setText(text)
                    w.setCursorPosition(0)
            self._clear_refusal(b)
        finally:
            blocker.unblock()


def _enter_moves_on(watched: QObject, event: QKeyEvent) -> bool:
    """Whether ``event`` is a plain Enter in a one-line field or a closed choice (a text box takes
    Enter as a new line; an open list or completer takes it as the choice)."""
    if event.type() != QEvent.Type.KeyPress or event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        return False
    if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
        return False
    if isinstance(watched, QComboBox):
        return not watched.view().isVisible()
    return isinstance(watched, QLineEdit)


def undo_key(event: QKeyEvent) -> bool:
    """Ctrl+Z, Ctrl+Y or the platform's undo / redo keys."""
    return any(
        event.matches(key) for key in (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
    ) or event.keyCombination() == QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_Y)


def _offer_stages_from(combo: QComboBox, stage: Stage) -> None:
    """Let the stage combo offer only ``stage`` and the stages a save may move a case to from it
    (``lifecycle``); the others (the committee's, and those no save reaches) stay listed, greyed."""
    model = combo.model()
    if not isinstance(model, QStandardItemModel):  # pragma: no cover - QComboBox's own model is one
        return
    for row in range(combo.count()):
        item = model.item(row)
        data = combo.itemData(row)
        if item is not None and data in {s.value for s in Stage}:
            item.setEnabled(lifecycle.stage_change_allowed(stage, Stage(data)))


def _complete_references(widget: QLineEdit) -> None:
    """Offer figure names once the text starts with "=": a typed number opens no list (it would
    take the next Tab or Enter, and "1" is inside many names)."""
    completer = _figure_completer(widget)

    def follow(text: str) -> None:  # runs before the line edit asks its completer
        wanted = completer if text.lstrip().startswith("=") else None
        if widget.completer() is not wanted:
            widget.setCompleter(wanted)  # type: ignore[arg-type]  # None takes it away (Qt's own way)

    widget.textEdited.connect(follow)
    follow(widget.text())


def _figure_completer(parent: QWidget) -> QCompleter:
    """Completion of ``=name`` references, each shown with its name in the current language."""
    model = QStandardItemModel(parent)
    for name, texts in REFERABLE_FIGURES.items():
        item = QStandardItem(f"={name}  {texts[lang()]}")
        item.setData(f"={name}", Qt.ItemDataRole.EditRole)
        model.appendRow(item)
    completer = QCompleter(model, parent)
    completer.setCompletionRole(Qt.ItemDataRole.EditRole)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return completer
