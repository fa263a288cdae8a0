"""Key tips: hold Alt and every field and table of the page shows a letter; Alt+letter (Alt+Shift+letter
for the second set) puts the cursor there, wherever it is on the page.

An officer types the values a case has and leaves the rest empty; Tab passes every empty field on the
way, a key tip jumps over them in one chord (as Office's key tips do). A field's letter comes from its
name in the case file (``id_number`` → I), so it is the same in both languages and on every case, and
only changes when another field on the same page wants it first. Letters the window already uses with
Alt (its menus, Alt+N for a new check) are never given.
"""

from __future__ import annotations

import string
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTabWidget,
    QWidget,
)

from workbench.ui.widgets.sheet_view import SheetView

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Iterable

    from PySide6.QtGui import QKeyEvent

SHIFT = "Shift+"
# Taken by the main window's menus (文件(&F) 编辑(&E) 视图(&V) 账户(&A) 审贷会(&C) 帮助(&H)) and the
# editor's Alt+N (a new check): a shortcut of ours on them would make both ambiguous, and neither fire.
RESERVED = frozenset("FEVACHN")
LETTERS = [c for c in string.ascii_uppercase if c not in RESERVED]
TIP_STYLE = (
    "background: #FFE58F; color: #1F1F1F; border: 1px solid #B58900; border-radius: 3px;"
    " padding: 0px 3px; font-weight: bold;"
)


def stop_name(widget: QWidget) -> str:
    """The case-file name of a field (``borrower.id_number``) or table (``balance_sheet.stock``)."""
    name = widget.objectName()
    holder = widget.parentWidget()
    if isinstance(widget, SheetView) and holder is not None:
        name = holder.objectName()
    return name.split(":", 1)[-1]


def _preferences(name: str) -> list[str]:
    """Letters ``name`` suggests, best first: its last part's word initials, that part's other letters,
    then the initials of the parts before it."""
    parts = [p.split("[")[0] for p in name.split(".") if p]
    last = parts[-1] if parts else name
    words = [w for w in last.split("_") if w]
    wanted = [w[0] for w in words] + list(last.replace("_", ""))
    for part in reversed(parts[:-1]):
        wanted += [w[0] for w in part.split("_") if w]
    seen: list[str] = []
    for char in (c.upper() for c in wanted):
        if char in string.ascii_uppercase and char not in seen:
            seen.append(char)
    return seen


def assign_tips(names: Iterable[str], avoid: Collection[str] = ()) -> list[str]:
    """A tip for each name, in order: a free letter it suggests, else its first suggestion free with
    Shift, else any free letter (plain, then with Shift); "" once all are given. Letters in ``avoid``
    come last (given only when nothing else is free)."""
    every = list(LETTERS) + [SHIFT + c for c in LETTERS]
    free = [t for t in every if t not in avoid] + [t for t in every if t in avoid]
    tips: list[str] = []
    for name in names:
        wanted = [c for c in _preferences(name) if c in LETTERS]
        tip = next((c for c in wanted if c in free and c not in avoid), None)
        if tip is None:
            tip = next((SHIFT + c for c in wanted if SHIFT + c in free and SHIFT + c not in avoid), None)
        if tip is None:
            tip = free[0] if free else ""
        if tip:
            free.remove(tip)
        tips.append(tip)
    return tips


def page_stops(page: QWidget, enabled_only: bool = True) -> list[QWidget]:
    """The fields and tables of ``page`` that Tab reaches, in Tab order (each once): those on the
    tab shown and those on the page's other tabs (a key tip shows their tab). Without
    ``enabled_only``, also those that cannot apply now (greyed out)."""
    stops: list[QWidget] = []
    widget = page.nextInFocusChain()
    while widget is not None and widget is not page:
        if (
            page.isAncestorOf(widget)
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and (widget.isEnabled() or not enabled_only)
            and _reachable(widget, page)
        ):
            stop = stop_of(widget)
            if stop is not None and stop not in stops:
                stops.append(stop)
        widget = widget.nextInFocusChain()
    return stops


def _reachable(widget: QWidget, page: QWidget) -> bool:
    """Shown, or shown once the tabs it sits in show its tab."""
    if widget.isVisible():
        return True
    tab_page = _tab_page_of(widget, page)
    if tab_page is None:
        return False
    tabs = _tabs_of(tab_page)
    return tabs is not None and widget.isVisibleTo(tab_page) and _reachable(tabs, page)


def _tabs_of(tab_page: QWidget) -> QTabWidget | None:
    stack = tab_page.parentWidget()
    tabs = stack.parentWidget() if stack is not None else None
    return tabs if isinstance(tabs, QTabWidget) and tabs.indexOf(tab_page) >= 0 else None


def _tab_page_of(widget: QWidget, page: QWidget) -> QWidget | None:
    """The innermost tab page of ``page`` that holds ``widget``."""
    found: QWidget | None = widget
    while found is not None and found is not page:
        if _tabs_of(found) is not None:
            return found
        found = found.parentWidget()
    return None


def _outer_hidden_tab(widget: QWidget, page: QWidget) -> QWidget | None:
    """The outermost tab page holding ``widget`` whose tab is not the one shown (its title is where
    ``widget``'s letter shows)."""
    found: QWidget | None = None
    tab_page = _tab_page_of(widget, page)
    while tab_page is not None:
        tabs = _tabs_of(tab_page)
        if tabs is not None and tabs.currentWidget() is not tab_page:
            found = tab_page
        outer = tab_page.parentWidget()
        tab_page = _tab_page_of(outer, page) if outer is not None else None
    return found


def _show_tabs_of(widget: QWidget, page: QWidget) -> None:
    """Bring the tabs holding ``widget`` to the front, outermost first."""
    chain: list[QWidget] = []
    tab_page = _tab_page_of(widget, page)
    while tab_page is not None:
        chain.append(tab_page)
        outer = tab_page.parentWidget()
        tab_page = _tab_page_of(outer, page) if outer is not None else None
    for tab_page in reversed(chain):
        tabs = _tabs_of(tab_page)
        if tabs is not None:
            tabs.setCurrentWidget(tab_page)


def stop_of(widget: QWidget) -> QWidget | None:
    """The field or table ``widget`` belongs to (a date box's line edit, a cell's editor), if any."""
    found: QWidget | None = widget
    while found is not None:
        if isinstance(found, SheetView) or found.objectName().startswith("field:"):
            return found
        found = found.parentWidget()
    return None


def focus_stop(stop: QWidget, page: QWidget) -> None:
    """Put the cursor in ``stop`` as Tab would (a line edit's text selected), its tab shown and
    scrolled into view."""
    _show_tabs_of(stop, page)
    stop.setFocus(Qt.FocusReason.TabFocusReason)
    focused = QApplication.focusWidget()
    if isinstance(focused, QLineEdit):
        focused.selectAll()
    parent = stop.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(stop, 0, 24)
        parent = parent.parentWidget()


class KeyTips(QObject):
    """Alt+letter jumps on the page ``current_page()`` returns; holding Alt shows the letters."""

    def __init__(self, host: QWidget, current_page: Callable[[], QWidget]) -> None:
        super().__init__(host)
        self.host = host
        self.current_page = current_page
        self._badges: list[QLabel] = []
        for letter in LETTERS:
            for shifted in (False, True):
                keys = ("Alt+Shift+" if shifted else "Alt+") + letter
                shortcut = QShortcut(
                    QKeySequence(keys), host, lambda t=(SHIFT if shifted else "") + letter: self.jump(t)
                )
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._watched: QWidget | None = None
        # The filter sits on the focused widget only (key events go there first): a filter on the whole
        # application would put a Python call in front of every event of every case.
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._follow_focus)

    def tips(self) -> dict[QWidget, str]:
        """Each stop of the page shown and its tip ("B", "Shift+B"); in a table, a letter its columns
        take is not a field's meanwhile."""
        return self._letters()[0]

    def table_in_focus(self) -> SheetView | None:
        """The table of the page that has the cursor, if one has."""
        focus = QApplication.focusWidget()
        stop = stop_of(focus) if focus is not None else None
        page = self.current_page()
        return stop if isinstance(stop, SheetView) and page.isAncestorOf(stop) else None

    def column_tips(self) -> dict[int, str]:
        """In a table: each column the officer types in and its tip, which goes to that column of the
        current row (a column left at its default is passed in one chord, not one Tab per cell).
        Columns take the letters the page's fields leave free first, so those keep theirs."""
        return self._letters()[1]

    def _letters(self) -> tuple[dict[QWidget, str], dict[int, str]]:
        """The page's stops' letters and, in a table, its columns' (one walk of the page for both)."""
        # greyed-out fields keep their letters (unused meanwhile): the others' do not move when one
        # stops or starts to apply
        stops = page_stops(self.current_page(), enabled_only=False)
        letters = assign_tips(stop_name(s) for s in stops)
        view = self.table_in_focus()
        model = view.list_model() if view is not None else None
        columns: dict[int, str] = {}
        if model is not None:
            editable = [c for c in range(model.columnCount()) if model.is_editable(c)]
            fields = (model.columns[c].field for c in editable)
            columns = dict(zip(editable, assign_tips(fields, set(letters)), strict=True))
        taken = set(columns.values())
        fields_tips = {
            stop: tip
            for stop, tip in zip(stops, letters, strict=True)
            if tip not in taken and stop.isEnabled()
        }
        return fields_tips, columns

    def tip_for(self, stop: QWidget) -> str:
        """The keys that jump to ``stop`` ("Alt+B", "Alt+Shift+B"), or "" when it has none."""
        tip = self.tips().get(stop, "")
        return "Alt+" + tip if tip else ""

    def column_tip(self, column: int) -> str:
        """The keys that go to ``column`` of the table being typed in, or ""."""
        tip = self.column_tips().get(column, "")
        return "Alt+" + tip if tip else ""

    def jump(self, tip: str) -> None:
        self.hide_tips()
        fields, columns = self._letters()
        column = next((c for c, t in columns.items() if t == tip), None)
        view = self.table_in_focus()
        if column is not None and view is not None:
            view.go_to_column(column)
            return
        stop = next((s for s, t in fields.items() if t == tip), None)
        if stop is not None:
            focus_stop(stop, self.current_page())

    # ---- the letters while Alt is held ------------------------------------------------------------

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._watched is not None and shiboken6.isValid(self._watched):
            self._watched.removeEventFilter(self)
        self._watched = None
        if new is not None and shiboken6.isValid(self.host) and self.host.isAncestorOf(new):
            new.installEventFilter(self)
            self._watched = new

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress:
            if _alt_alone(event):  # type: ignore[arg-type]
                if not self._badges and self._owns_focus():
                    self.show_tips()
            elif self._badges:
                self.hide_tips()
        elif kind == QEvent.Type.KeyRelease and self._badges:
            if event.key() == Qt.Key.Key_Alt:  # type: ignore[attr-defined]
                self.hide_tips()
        elif kind == QEvent.Type.FocusOut and self._badges:
            self.hide_tips()
        return False

    def _owns_focus(self) -> bool:
        focus = QApplication.focusWidget()
        return self.host.isVisible() and focus is not None and self.host.isAncestorOf(focus)

    def show_tips(self) -> None:
        self.hide_tips()
        page = self.current_page()
        fields, columns = self._letters()
        on_tabs: dict[tuple[QTabWidget, int], list[str]] = {}  # letters of what the tabs not shown hold
        for stop, tip in fields.items():
            if not stop.isVisible():
                tab_page = _outer_hidden_tab(stop, page)
                tabs = _tabs_of(tab_page) if tab_page is not None else None
                if tabs is not None and tab_page is not None:
                    on_tabs.setdefault((tabs, tabs.indexOf(tab_page)), []).append(tip)
                continue
            anchor = stop.viewport() if isinstance(stop, QAbstractScrollArea) else stop
            if anchor.visibleRegion().isEmpty():
                continue  # scrolled out of sight: its letter still works
            badge = QLabel(tip.replace(SHIFT, "⇧"), self.host)
            self._place(badge, stop, QPoint(0, 0), beside=True)
        for (tabs, index), tips in on_tabs.items():  # on the tab's title: the tab it shows
            bar = tabs.tabBar()
            rect = bar.tabRect(index)
            if rect.isEmpty() or rect.left() > bar.width() - 16 or bar.visibleRegion().isEmpty():
                continue  # a tab scrolled out of the bar: its letters still work
            text = " ".join(t.replace(SHIFT, "⇧") for t in tips[:3]) + (" …" if len(tips) > 3 else "")
            self._place(QLabel(text, self.host), bar, rect.topLeft() + QPoint(2, -6))
        view = self.table_in_focus()
        for column, tip in columns.items():
            if view is None:
                break
            header = view.horizontalHeader()
            x = header.sectionViewportPosition(column)
            if x < 0 or x > header.width():
                continue
            self._place(QLabel(tip.replace(SHIFT, "⇧"), self.host), header, QPoint(x + 2, -2))

    def _place(self, badge: QLabel, anchor: QWidget, offset: QPoint, beside: bool = False) -> None:
        """``beside``: just left of the field, over the end of its label, not over what it holds."""
        badge.setObjectName("keyTip")
        badge.setStyleSheet(TIP_STYLE)
        badge.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        badge.adjustSize()
        if beside:
            height = min(anchor.height(), 40)
            offset = QPoint(-badge.width() - 1, max((height - badge.height()) // 2, 0))
        badge.move(anchor.mapTo(self.host, offset))
        badge.show()
        badge.raise_()
        self._badges.append(badge)

    def hide_tips(self) -> None:
        for badge in self._badges:
            badge.deleteLater()
        self._badges = []

    def showing(self) -> list[str]:
        """The letters on screen now (for tests)."""
        return [badge.text() for badge in self._badges]


def _alt_alone(event: QKeyEvent) -> bool:
    return event.key() == Qt.Key.Key_Alt and event.modifiers() in (
        Qt.KeyboardModifier.AltModifier,
        Qt.KeyboardModifier.NoModifier,
    )
