"""Type a whole case into a new case of the main window by key events alone, counting the keys.

The driver walks each section page in its Tab order. At every stop it types the target case's value
(or passes the stop with Tab when the case leaves that field empty): a line edit or a table cell
gets the text (ASCII as key clicks, Chinese as an input-method commit, which is how Chinese
arrives), a choice gets the first characters of its label, a check box Space. A detail table is
typed row by row: Tab between cells, Enter at the end of a row (back to the row's first column,
as in a spreadsheet), Ctrl+Tab out of the table. Sections change with Ctrl+PgDown.

Nothing here calls ``setData``, a verb of the document or a widget setter: only ``QTest.keyClick``
and ``QInputMethodEvent`` sent to the widget that has the focus. The counts split typed characters
from navigation keys (Tab, Enter, arrows, Ctrl+… shortcuts) so ``benchmarks/bench_entry.py`` can
print navigation keys per value.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QTabWidget,
    QWidget,
)

from workbench.domain.case_file import CaseFile
from workbench.domain.figures import FigureRef
from workbench.ui.dialogs.add_check_dialog import AddCheckDialog
from workbench.ui.labels import enum_label
from workbench.ui.models.list_model import CHOICES_ROLE
from workbench.ui.paths import get_in, hint_at
from workbench.ui.sections.cross_checks import ADD_CHECK_KEY, CrossChecksPage
from workbench.ui.values import Kind, edit_text, kind_of
from workbench.ui.widgets.case_editor import (
    SECTION_KEYS,
    CaseEditor,
    section_key,
)
from workbench.ui.widgets.key_tips import page_stops, stop_name, stop_of
from workbench.ui.widgets.sheet_view import SheetView

Wait = Callable[[Callable[[], bool]], None]


@dataclass
class Keyboard:
    """Sends keys to the focused widget and counts them."""

    wait_until: Wait
    typed: int = 0
    values: int = 0
    navigation: Counter[str] = field(default_factory=Counter)

    def focus(self) -> QWidget:
        widget = QApplication.activePopupWidget() or QApplication.focusWidget()  # an open menu takes the keys
        assert widget is not None, "nothing has the focus"
        return widget

    def key(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        """A navigation key (or shortcut)."""
        name = Qt.Key(key).name.removeprefix("Key_")
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            name = "Ctrl+" + name
        if modifiers & Qt.KeyboardModifier.AltModifier:
            name = "Alt+" + name
        if modifiers & Qt.KeyboardModifier.ShiftModifier:
            name = "Shift+" + name
        self.navigation[name] += 1
        _trace(name, self.focus())
        QTest.keyClick(self.focus(), key, modifiers)

    def text(self, text: str) -> None:
        """Type ``text`` into the focused widget: ASCII key by key, Chinese as the input method commits it."""
        self.typed += len(text)
        _trace(repr(text), self.focus())
        run = ""
        for char in text + "\0":
            if char != "\0" and not char.isascii():
                run += char
                continue
            if run:
                event = QInputMethodEvent()
                event.setCommitString(run)
                QApplication.sendEvent(self.focus(), event)
                run = ""
            if char != "\0":
                QTest.keyClicks(self.focus(), char)

    def value(self, text: str) -> None:
        """One value typed."""
        self.values += 1
        self.text(text)

    @property
    def navigation_keys(self) -> int:
        return sum(self.navigation.values())


# ---- what to type for a value ---------------------------------------------------------------------


def typed_text(value: Any, kind: Kind | None = None) -> str:
    """What an officer types for ``value`` (plain digits, the label of a choice, an ISO date)."""
    if isinstance(value, Enum):
        return enum_label(value)
    if isinstance(value, FigureRef):
        return f"={value.name}"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return edit_text(value, kind or Kind.DECIMAL)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def choice_prefix(labels: list[str], label: str) -> str:
    """The shortest start of ``label`` that picks it among ``labels`` (the first match wins)."""
    for length in range(1, len(label) + 1):
        prefix = label[:length]
        if next((t for t in labels if t.startswith(prefix)), None) == label:
            return prefix
    return label


# ---- the walk ----------------------------------------------------------------------------------------


@dataclass
class Entry:
    """Types ``target`` into ``editor`` (a new case) through ``keyboard``."""

    editor: CaseEditor
    target: CaseFile
    keyboard: Keyboard
    skipped: list[str] = field(default_factory=list)

    @property
    def state(self) -> CaseFile:
        return self.editor.document.state

    def section(self, key: str) -> QWidget:
        """Section ``key`` by its Alt+digit (else Ctrl+PgDown); the cursor lands in its first field."""
        number = SECTION_KEYS.index(key) + 1
        digit = section_key(number).removeprefix("Alt+")
        if digit and self.editor.current_section() != key:
            self.keyboard.key(Qt.Key(ord(digit)), Qt.KeyboardModifier.AltModifier)
        while self.editor.current_section() != key:
            self.keyboard.key(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
        page = self.editor.page(key)
        self.keyboard.wait_until(lambda: page.isAncestorOf(QApplication.focusWidget()))
        return page

    def walk(self, page: QWidget) -> None:
        """Type every stop of ``page`` in Tab order until the focus leaves it or comes round again."""
        seen: set[int] = set()
        while True:
            focus = self.keyboard.focus()
            if not page.isAncestorOf(focus):
                return
            stop = stop_of(focus)
            if id(stop or focus) in seen:
                return
            seen.add(id(stop or focus))
            if isinstance(stop, SheetView):
                self.table(stop)
            elif stop is not None:
                self.field(stop)
            else:
                self.advance(focus)  # a stop that is no field (a list to act on): on to the next field

    def page_done(self, widget: QWidget) -> bool:
        """Whether every field and table of the section ``widget`` is in holds the target's values."""
        page = self.editor.page(self.editor.current_section())
        for stop in page.findChildren(QWidget):
            if stop is widget:
                continue  # what was just typed there: the section key that comes next commits it
            if isinstance(stop, SheetView):
                model = stop.list_model()
                if model is not None and not _rows_match(model, get_in(self.target, model.list_path) or ()):
                    return False
            elif stop.objectName().startswith("field:"):
                path = _path(stop.objectName().removeprefix("field:"))
                if get_in(self.target, path) != _current(self.state, path):
                    return False
        return True

    def field(self, widget: QWidget) -> None:
        """Type the target's value into a form field, then Tab on."""
        name = widget.objectName().removeprefix("field:")
        path = _path(name)
        value = get_in(self.target, path)
        if isinstance(widget, QDateEdit):
            self.date(widget, path, value)
            return
        prefilled = _current(self.state, path) not in (None, "")
        if value in (None, "") and prefilled and isinstance(widget, QLineEdit):
            self.keyboard.key(Qt.Key.Key_Delete)  # Tab selected a prefilled value (today) that A lacks
        if value == _current(self.state, path) or value in (None, ""):
            self.advance(widget)
            return
        if isinstance(widget, QComboBox):
            labels = [widget.itemText(i) for i in range(widget.count())]
            stored = str(value.value) if isinstance(value, Enum) else str(value)
            label = widget.itemText(max(widget.findData(stored), 0))
            self.keyboard.value(choice_prefix(labels, label))
        elif isinstance(widget, QCheckBox):
            self.keyboard.values += 1
            self.keyboard.typed += 1
            QTest.keyClick(widget, Qt.Key.Key_Space)
        else:
            self.keyboard.value(typed_text(value))
        if self.page_done(widget):
            return  # the section key that comes next commits it
        self.advance(widget)

    def needs(self, stop: QWidget) -> bool:
        """Whether the field or table ``stop`` needs keys: a value of the target it does not hold yet."""
        if isinstance(stop, SheetView):
            model = stop.list_model()
            return model is not None and not _rows_match(model, get_in(self.target, model.list_path) or ())
        if not stop.objectName().startswith("field:"):
            return True
        path = _path(stop.objectName().removeprefix("field:"))
        value, current = get_in(self.target, path), _current(self.state, path)
        if value in (None, ""):
            return current not in (None, "") and isinstance(stop, QLineEdit)  # a prefill to delete
        return bool(value != current)

    def advance(
        self,
        widget: QWidget,
        wanted: Callable[[QWidget], bool] | None = None,
        step: Callable[[QWidget], None] | None = None,
    ) -> None:
        """On from ``widget`` to the next stop that ``wanted`` (default: ``needs``): Tab when it is the
        next one (``step``, default ``tab_out``), else its key tip (Alt+letter), which passes the empty
        ones between in one chord."""
        wanted = wanted or self.needs
        page = self.editor.page(self.editor.current_section())
        stops = page_stops(page)
        here = stop_of(widget) or widget
        after = _stops_from(here, stops)
        target = next((s for s in after if wanted(s)), None)
        if target is None and _tab_page_of(here) is not None and not self.page_done(here):
            self.keyboard.key(Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)  # the rest is empty
            return
        by_tab = _next_tab_stop(here)
        tip = self.editor.key_tips.tip_for(target) if target is not None and target is not by_tab else ""
        if not tip:
            (step or self.tab_out)(widget)
            return
        self.jump(tip)
        self.keyboard.wait_until(lambda: stop_of(self.keyboard.focus()) is target)

    def jump(self, tip: str) -> None:
        """Press a key tip: "Alt+B" or "Alt+Shift+B"."""
        parts = tip.split("+")
        modifiers = Qt.KeyboardModifier.AltModifier
        if "Shift" in parts:
            modifiers |= Qt.KeyboardModifier.ShiftModifier
        self.keyboard.key(Qt.Key(ord(parts[-1])), modifiers)

    def tab_out(self, widget: QWidget) -> None:
        """Tab until the focus leaves ``widget``: once, but a date box steps through its parts first.

        From the last field of a tab page, Ctrl+Tab goes on to the next tab (Tab would leave the tabs).
        """
        if _last_of_tab_page(widget):
            self.keyboard.key(Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
            return
        for _ in range(3):
            self.keyboard.key(Qt.Key.Key_Tab)
            if not (widget.isAncestorOf(self.keyboard.focus()) or self.keyboard.focus() is widget):
                return
        raise AssertionError(f"Tab does not leave {widget.objectName()}")

    def date(self, widget: QDateEdit, path: tuple[str | int, ...], value: date | None) -> None:
        """A date in Qt's own date box (before issue #14's typed dates), by its own keys.

        Over its empty "—" the box swallows Tab and typing (issue #14): Up gives it a date with the
        year selected, then the digits fill year, month and day. An empty field is passed the same
        way and its stand-in date undone (Edit ▸ Undo). A date the field does not take is listed in
        ``skipped``.
        """
        empty = widget.date() == widget.minimumDate()
        if empty:
            self.keyboard.key(Qt.Key.Key_Up)
        if value is not None:
            self.keyboard.value(value.strftime("%Y%m%d"))
        self.tab_out(widget)
        if empty and value is None:  # Edit ▸ Undo (Ctrl+Z would go to the line edit now focused)
            self.keyboard.key(Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
            self.keyboard.wait_until(lambda: QApplication.activePopupWidget() is not None)
            self.keyboard.key(Qt.Key.Key_Return)
            window = self.editor.window()
            window.activateWindow()  # a desktop gives the focus back after a menu; offscreen Qt does not
            self.keyboard.wait_until(window.isActiveWindow)
        if _current(self.state, path) != value:
            self.skipped.append(".".join(str(p) for p in path))

    def table(self, view: SheetView, leave: bool = True) -> None:
        """Type the target's rows of the view's list, then (``leave``) Ctrl+Tab out of the table."""
        model = view.list_model()
        assert model is not None
        rows = get_in(self.target, model.list_path) or ()
        columns = [c for c in range(model.columnCount()) if model.is_editable(c)]
        for r, item in enumerate(rows):
            blank = self.editor.document.blank_row(model.list_path)
            fields = {c: model.columns[c].field for c in columns}
            wanted = [c for c in columns if getattr(item, fields[c]) != getattr(blank, fields[c])]
            if not wanted:
                continue
            passed: set[int] = set()
            for position, column in enumerate(columns):
                if column > wanted[-1]:
                    break
                if column in passed:
                    continue
                if r < model.rowCount() and not model.applies(r, column):
                    continue  # cannot apply to this row (as the cells typed left of it say): Tab passed it
                if model.rowCount() == 0 and column not in wanted:
                    tip = self.editor.key_tips.column_tip(wanted[0])
                    if tip:  # the first row starts at the column it fills first
                        self.jump(tip)
                        self.keyboard.wait_until(lambda first=wanted[0]: _cell(view) == (0, first))
                        passed |= {c for c in columns if c < wanted[0]}
                        continue
                    self.keyboard.key(Qt.Key.Key_Insert)  # typing would start the row; a blank cell cannot
                if model.rowCount():
                    here = (r, column)
                    self.keyboard.wait_until(lambda here=here: _cell(view) == here)
                value = getattr(item, model.columns[column].field)
                if column in wanted:
                    self.cell(view, model.kind(column), value)
                is_last = column == wanted[-1]
                if is_last and r == len(rows) - 1:
                    break
                if is_last:
                    self.keyboard.key(Qt.Key.Key_Return)
                    self.keyboard.wait_until(lambda r=r: view.currentIndex().row() == r + 1)
                elif column in wanted and (skip := self.skip_cells(view, r, columns[position + 1 :], wanted)):
                    passed = skip  # its key tip goes straight to the next column it fills
                elif position + 1 < len(columns):
                    self.keyboard.key(Qt.Key.Key_Tab)
        if not leave or self.page_done(view):
            return  # the section key that comes next commits the last cell
        self.advance(
            view, step=lambda _view: self.keyboard.key(Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
        )
        self.keyboard.wait_until(lambda: view.state() != QAbstractItemView.State.EditingState)

    def skip_cells(self, view: SheetView, row: int, following: list[int], wanted: list[int]) -> set[int]:
        """From a typed cell to the next column of the row it fills by that column's key tip, when Tab
        would pass cells left at their default; the columns passed (empty: Tab it is)."""
        model = view.list_model()
        assert model is not None
        ahead = [c for c in following if row >= model.rowCount() or model.applies(row, c)]
        nxt = next((c for c in ahead if c in wanted), None)
        if nxt is None or ahead.index(nxt) == 0:
            return set()
        tip = self.editor.key_tips.column_tip(nxt)
        if not tip:
            return set()
        self.jump(tip)
        self.keyboard.wait_until(lambda: _cell(view) == (row, nxt))
        return set(ahead[: ahead.index(nxt)])

    # ---- the cross-checks page -----------------------------------------------------------------

    def checks(self) -> None:
        """Each check: Alt+N (from anywhere in the case: it shows the cross-checks), the add-check
        dialog (method, evidence, title, target, Enter), its inputs from the first, which has the
        cursor, and its explanation; then the evidence tab by its key tip, and its table."""
        page = self.editor.page("cross_checks")
        assert isinstance(page, CrossChecksPage)
        for row, check in enumerate(self.target.cross_checks):
            modifier, letter = ADD_CHECK_KEY.split("+")
            assert modifier == "Alt"
            failed: list[BaseException] = []
            # The dialog runs its own event loop: its keys are sent from inside it.
            QTimer.singleShot(0, lambda check=check, failed=failed: self.dialog(check, failed))
            self.keyboard.key(Qt.Key(ord(letter)), Qt.KeyboardModifier.AltModifier)
            if failed:
                raise failed[0]
            window = self.editor.window()
            if not window.isActiveWindow():
                window.activateWindow()  # a desktop gives the focus back after a dialog; offscreen Qt may not
                self.keyboard.wait_until(window.isActiveWindow)
            self.keyboard.wait_until(lambda row=row: page.selected_id() != "" and _in_inputs(page, row))
            self.inputs(row)
        evidence = next(s for s in page_stops(page) if stop_name(s) == "evidence")
        self.jump(self.editor.key_tips.tip_for(evidence))  # its key tip shows the evidence tab
        self.keyboard.wait_until(
            lambda: page.currentIndex() == 1 and stop_of(self.keyboard.focus()) is evidence
        )
        self.table(evidence, leave=False)  # the section key that comes next commits its last cell

    def check_id(self, target_id: str) -> str:
        """The id the window gives the check that ``target_id`` names in the target (C1, C2 … in order)."""
        row = next(i for i, c in enumerate(self.target.cross_checks) if c.id == target_id)
        return self.state.cross_checks[row].id

    def dialog(self, check: Any, failed: list[BaseException]) -> None:
        """Fill the add-check dialog that has just opened; an error closes it and is kept in ``failed``."""
        try:
            self.keyboard.wait_until(lambda: isinstance(QApplication.activeModalWidget(), AddCheckDialog))
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, AddCheckDialog)
            self.keyboard.wait_until(dialog.methods.hasFocus)
            self.fill_dialog(dialog, check)
        except BaseException as error:  # re-raised once the dialog's loop has ended
            failed.append(error)
            modal = QApplication.activeModalWidget()
            if isinstance(modal, AddCheckDialog):
                modal.reject()

    def fill_dialog(self, dialog: AddCheckDialog, check: Any) -> None:
        """The method typed, then Tab to each of evidence, title and target that the check needs."""
        methods = [dialog.methods.item(i).text() for i in range(dialog.methods.count())]
        self.keyboard.value(choice_prefix(methods, enum_label(check.method)))
        targets = [dialog.target.itemText(i) for i in range(dialog.target.count())]
        fields = [
            (bool(check.evidence), lambda: self.keyboard.value(", ".join(check.evidence))),
            (bool(check.title), lambda: self.keyboard.value(check.title)),
            (
                dialog.target.currentData() != check.target.value,
                lambda: self.keyboard.value(choice_prefix(targets, enum_label(check.target))),
            ),
        ]
        position = -1  # the method list
        for index, (needed, type_it) in enumerate(fields):
            if needed:
                for _ in range(index - position):
                    self.keyboard.key(Qt.Key.Key_Tab)
                type_it()
                position = index
        self.keyboard.key(Qt.Key.Key_Return)

    def inputs(self, row: int) -> None:
        """Type the check's inputs and explanation that the target fills: Tab between them; the key
        that follows the last (Alt+N, a section's) commits it."""
        check = self.target.cross_checks[row]
        base = f"field:cross_checks[{row}]"
        wanted = [
            f"{base}.inputs.{f}"
            for f in type(check.inputs).__dataclass_fields__
            if getattr(check.inputs, f) not in (None, "", ())
        ]
        if check.explanation:
            wanted.append(f"{base}.explanation")
        if check.supersedes:  # below the explanation: the check a repeat with better data replaces
            wanted.append(f"{base}.supersedes")
        while wanted:
            stop = stop_of(self.keyboard.focus())
            assert stop is not None, "the cursor left the check's form"
            if isinstance(stop, SheetView):
                self.table(stop, leave=False)
                wanted.pop(0)
                if wanted:
                    self.keyboard.key(Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
                continue
            name = stop.objectName()
            if name in wanted:
                path = _path(name.removeprefix("field:"))
                value = get_in(self.target, path)
                kind = kind_of(hint_at(self.state, path))
                if name.endswith(".supersedes"):
                    value = self.check_id(value)
                self.keyboard.value(typed_text(value, kind))
                wanted.remove(name)  # a "=figure" has its names' list open: Tab closes it and goes on
            if wanted:
                self.advance(stop, wanted=lambda s, wanted=wanted: "field:" + stop_name(s) in wanted)

    def cell(self, view: SheetView, kind: Kind, value: Any) -> None:
        if kind is Kind.BOOL:
            if value:
                self.keyboard.values += 1
                self.keyboard.typed += 1
                QTest.keyClick(self.keyboard.focus(), Qt.Key.Key_Space)
            return
        choices = self._choices(view)
        if not choices:
            self.keyboard.value(typed_text(value, kind))
            return
        # A choice: the first characters of its label pick it (keyboard search); the first one also
        # opens the cell's choice box when it is not open yet.
        raw = str(value.value) if isinstance(value, Enum) else str(value)
        labels = [label for label, _ in choices]
        label = next((label for label, stored in choices if stored == raw), typed_text(value, kind))
        prefix = choice_prefix(labels, label)
        if isinstance(self.keyboard.focus(), QComboBox):
            self.keyboard.value(prefix)
            return
        self.keyboard.value(prefix[:1])
        self.keyboard.wait_until(lambda: isinstance(self.keyboard.focus(), QComboBox))
        if prefix[1:]:
            self.keyboard.text(prefix[1:])

    def _choices(self, view: SheetView) -> list[tuple[str, str]] | None:
        model = view.list_model()
        assert model is not None
        index = view.currentIndex()
        if index.isValid():
            return index.data(CHOICES_ROLE)
        # An empty table: its first row is not there yet; a column may list its own choices per row.
        column = view.first_column()
        own = getattr(model.columns[column], "choices", None)
        if own is not None:
            return list(own(self.editor.document.blank_row(model.list_path)))
        return model.choices(column)


def _rows_match(model: Any, rows: tuple[Any, ...]) -> bool:
    shown = model.rows()
    fields = [model.columns[c].field for c in range(model.columnCount()) if model.is_editable(c)]
    return len(shown) == len(rows) and all(
        getattr(a, f) == getattr(b, f) for a, b in zip(shown, rows, strict=True) for f in fields
    )


def _tab_page_of(widget: QWidget) -> QWidget | None:
    """The page of a QTabWidget that ``widget`` sits in, if any."""
    page = widget
    while True:
        stack = page.parentWidget()
        if stack is None:
            return None
        tabs = stack.parentWidget()
        if isinstance(tabs, QTabWidget) and tabs.indexOf(page) >= 0:
            return page
        page = stack


def _last_of_tab_page(widget: QWidget) -> bool:
    """Whether Tab from ``widget`` would leave the tab page it sits in."""
    page = _tab_page_of(widget)
    if page is None:
        return False
    following = widget.nextInFocusChain()
    while following is not None and following is not widget:
        takes_tab = following.focusPolicy() & Qt.FocusPolicy.TabFocus
        if takes_tab and following.isVisible() and following.isEnabled():
            return not page.isAncestorOf(following) and not widget.isAncestorOf(following)
        following = following.nextInFocusChain()
    return True


def _cell(view: SheetView) -> tuple[int, int]:
    return view.currentIndex().row(), view.currentIndex().column()


def _trace(what: str, focus: QWidget) -> None:
    if os.environ.get("KEYS_TRACE"):  # KEYS_TRACE=1: print every key and where it went
        stop = stop_of(focus)
        name = stop_name(stop) if isinstance(stop, SheetView) else (stop or focus).objectName()
        print(f"{what:>16}  {type(focus).__name__} {name}")


def _path(name: str) -> tuple[str | int, ...]:
    parts: list[str | int] = []
    for part in name.split("."):
        if "[" in part:
            head, index = part.rstrip("]").split("[")
            parts += [head, int(index)]
        else:
            parts.append(part)
    return tuple(parts)


def _current(state: CaseFile, path: tuple[str | int, ...]) -> Any:
    try:
        return get_in(state, path)
    except KeyError:
        return None


def _stops_from(here: QWidget, stops: list[QWidget]) -> list[QWidget]:
    """The ``stops`` in the order Tab reaches them from ``here`` (which need not be a stop itself)."""
    found: list[QWidget] = []
    widget = here.nextInFocusChain()
    while widget is not None and widget is not here:
        stop = stop_of(widget)
        if stop is not None and stop is not here and stop in stops and stop not in found:
            found.append(stop)
        widget = widget.nextInFocusChain()
    return found


def _next_tab_stop(here: QWidget) -> QWidget:
    """Where Tab from ``here`` goes: the field or table (or other widget) that takes the focus next."""
    widget = here.nextInFocusChain()
    while widget is not None and widget is not here:
        if (
            not here.isAncestorOf(widget)
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isVisible()
            and widget.isEnabled()
        ):
            return stop_of(widget) or widget
        widget = widget.nextInFocusChain()
    return here


def _in_inputs(page: CrossChecksPage, row: int) -> bool:
    """Whether the cursor is in the inputs of the check at ``row`` (where adding a check puts it)."""
    detail = page._detail
    focus = QApplication.focusWidget()
    return detail is not None and detail.row == row and detail.inputs.isAncestorOf(focus)


def active_editor(qtbot: Any, make_window: Callable[..., Any], demo: str | None = None) -> CaseEditor:
    """A main window made active (the keys go to it) with demo case ``demo`` open, or a new case."""
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    editor: CaseEditor = window.open_demo(demo) if demo else window.new_case()
    return editor


def enter_case(editor: CaseEditor, target: CaseFile, wait_until: Wait, checks: bool = True) -> Entry:
    """Type ``target`` into ``editor``, a new case (its cross-checks and evidence too unless not
    ``checks``); the keys are counted."""
    keyboard = Keyboard(wait_until)
    entry = Entry(editor, target, keyboard)
    first = editor.page(SECTION_KEYS[0])
    wait_until(lambda: first.isAncestorOf(QApplication.focusWidget()))  # a new case: in its first field
    for key in SECTION_KEYS:
        if key in ("attachments", "capacity"):
            continue
        if key == "cross_checks":
            if checks:
                entry.checks()
            continue
        page = entry.section(key)
        entry.walk(page)
    return entry
