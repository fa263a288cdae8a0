"""Open stored cases that the store has moved on from: reload them, or say so plainly.

The committee saves new versions of a case (submitting freezes it in ``APPROVAL``; a decision moves
its stage on). After this app's own committee actions, and when a tab is activated, the window asks
the store for the version of its open stored cases. A tab without unsaved edits reloads silently; a
tab with edits keeps them and shows a banner: load the new version (her edits stay one undo step
away) or keep hers as a copy. Autosave of that tab holds meanwhile, so it never meets the conflict
first. A case in ``APPROVAL`` is frozen (``CaseService.save_case`` refuses it): its tab turns
read-only and its undo stack leaves the Edit menu.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QWidget

from workbench.domain import lifecycle
from workbench.ui.access import read_only_reason
from workbench.ui.document import CaseSource
from workbench.ui.i18n import tr
from workbench.ui.labels import enum_label
from workbench.ui.ops import run_in_background

if TYPE_CHECKING:
    from workbench.domain.records import CaseRecord
    from workbench.ui.document import CaseDocument
    from workbench.ui.main_window import MainWindow
    from workbench.ui.widgets.case_editor import CaseEditor

BANNER = "staleBanner"


def is_frozen(document: CaseDocument) -> bool:
    """A stored case submitted to the committee cannot be edited (``domain.lifecycle.is_frozen``)."""
    return document.source.kind == "store" and lifecycle.is_frozen(document.state.stage)


def is_locked(document: CaseDocument) -> bool:
    """Frozen, or not the signed-in person's to edit (``access.read_only_reason``): read-only."""
    return is_frozen(document) or bool(read_only_reason(document))


class StaleBanner(QFrame):
    """The strip above a case's editor: newer version in the store, or frozen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(BANNER)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)  # a strip, not a pane
        self.setStyleSheet(f"#{BANNER} {{ background: #FFF4D6; border-bottom: 1px solid #D9B44A; }}")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.text = QLabel()
        self.text.setObjectName("staleText")
        self.text.setWordWrap(True)
        layout.addWidget(self.text, 1)
        self.reload = QPushButton(tr("载入新版本"))
        self.reload.setObjectName("staleReload")
        self.copy = QPushButton(tr("另存为副本"))
        self.copy.setObjectName("staleCopy")
        for button in (self.reload, self.copy):
            layout.addWidget(button)


class StaleTabs(QObject):
    """The window's watch over its stored tabs (one per main window)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.newer: dict[CaseDocument, CaseRecord] = {}  # dirty tabs with a newer stored version
        self._just_opened: set[CaseDocument] = set()

    # ---- hooks from the window -----------------------------------------------------------------

    def watch(self, document: CaseDocument) -> None:
        """A tab opens: it was just read, so its first activation needs no check."""
        self._just_opened.add(document)
        document.source_changed.connect(lambda _source, d=document: self._source_changed(d))

    def forget(self, document: CaseDocument) -> None:
        self._just_opened.discard(document)
        self.newer.pop(document, None)

    def activated(self, document: CaseDocument) -> None:
        """The tab came to the front: a cheap look whether the store has moved on."""
        if document in self._just_opened:
            self._just_opened.discard(document)
            return
        self._check(document)

    def case_changed(self, case_id: str | None = None) -> None:
        """This app changed stored cases (``None``: any of them): look at the tabs that hold them."""
        for open_case in list(self._window.cases):
            source = open_case.document.source
            if source.kind == "store" and (case_id is None or source.location == case_id):
                self._check(open_case.document)

    def decorate(self, editor: CaseEditor) -> None:
        """Show the banner and the read-only state on ``editor`` (new, or rebuilt for a language)."""
        document = editor.document
        frozen = is_locked(document)
        if not editor.property("staleWatched"):
            editor.setProperty("staleWatched", True)  # pages are built on first view: lock each then
            editor.sections.currentRowChanged.connect(lambda _row, e=editor: _lock_pages(e))
        _lock_pages(editor)
        record = self.newer.get(document)
        banner = editor.findChild(StaleBanner, BANNER)
        if record is None and not frozen:
            if banner is not None:
                banner.hide()
            return
        if banner is None:
            banner = StaleBanner(editor)
            banner.reload.clicked.connect(lambda: self.reload(document))
            banner.copy.clicked.connect(lambda: self.keep_copy(document))
            layout = editor.layout()
            assert layout is not None
            layout.insertWidget(0, banner)  # type: ignore[attr-defined]
        if record is not None:
            banner.text.setText(self._newer_text(document, record))
        elif is_frozen(document):
            banner.text.setText(tr("案卷已提交贷审会，已冻结：只能查看，不能修改。"))
        else:
            banner.text.setText(read_only_reason(document))
        banner.reload.setVisible(record is not None)
        banner.copy.setVisible(record is not None)
        banner.show()

    # ---- the officer's answer ------------------------------------------------------------------

    def reload(self, document: CaseDocument) -> None:
        """Load the newer version over her edits (one undo step, so they can be had back)."""
        record = self.newer.pop(document, None)
        if record is not None and shiboken6.isValid(document):
            self.install(document, record)

    def keep_copy(self, document: CaseDocument) -> None:
        """Keep her version as a new case; the stored one stays as the store has it."""
        if self.newer.pop(document, None) is not None and shiboken6.isValid(document):
            self._window.persistence.save_copy(document)
            self._refresh(document)

    # ---- checking ------------------------------------------------------------------------------

    def _check(self, document: CaseDocument) -> None:
        store = self._window.persistence.store
        source = document.source
        if store is None or source.kind != "store" or document in self._window.persistence.saving:
            return
        case_id = source.location
        run_in_background(
            lambda: store.open(case_id),
            lambda record: self._arrived(document, record),
            lambda _error: None,  # only a look: opening and saving report their own failures
        )

    def _arrived(self, document: CaseDocument, record: CaseRecord) -> None:
        if not shiboken6.isValid(document) or document.source.kind != "store":
            return
        if document.source.location != record.case.id or record.version <= _version(document.source):
            return
        if document.undo_stack.isClean() and document not in self._window.persistence.saving:
            self.install(document, record)
            return
        self.newer[document] = record
        self._window.autosaver.hold(document)
        self._window.show_error(self._newer_text(document, record))
        self._refresh(document)

    def install(self, document: CaseDocument, record: CaseRecord) -> None:
        """Show ``record`` in ``document``'s tab as the version it is based on (nothing left to save)."""
        document.replace(record.case, frozenset({""}), "reload")
        document.source = CaseSource("store", record.case.id, str(record.version))
        document.undo_stack.setClean()
        if is_frozen(document):
            self._window.autosaver.hold(document)
        self._refresh(document)
        self._window.refresh_undo(document)

    def _source_changed(self, document: CaseDocument) -> None:
        record = self.newer.get(document)
        if record is not None and _version(document.source) >= record.version:
            del self.newer[document]  # saved or reloaded past it meanwhile
            self._refresh(document)

    def _refresh(self, document: CaseDocument) -> None:
        for open_case in self._window.cases:
            if open_case.document is document:
                self.decorate(open_case.editor)

    @staticmethod
    def _newer_text(document: CaseDocument, record: CaseRecord) -> str:
        text = tr("案件库中已有“%1”的第 %2 版（阶段：%3），此标签页有未保存的修改。")
        text = (
            text.replace("%1", document.title())
            .replace("%2", str(record.version))
            .replace("%3", enum_label(record.case.stage))
        )
        if lifecycle.is_frozen(record.case.stage):
            return text + tr("新版本已冻结：另存为副本可保留您的修改，载入新版本则放弃它们。")
        return text + tr("载入新版本后，您的修改可通过撤销找回；或另存为副本。")


def _lock_pages(editor: CaseEditor) -> None:
    """Frozen: the contents of each page are disabled, its scroll area not (she can still read it all)."""
    enabled = not is_locked(editor.document)
    if enabled and not editor.property("staleLocked"):
        return  # never locked: nothing to undo (the common case, at no cost when a case opens)
    editor.setProperty("staleLocked", not enabled)
    for page in editor.stack.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        for holder_child in page.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            areas = [holder_child] if isinstance(holder_child, QScrollArea) else []
            areas += holder_child.findChildren(QScrollArea)
            inner = [w for w in (a.widget() for a in areas) if w is not None]
            for widget in inner or [holder_child]:
                widget.setEnabled(enabled)


def _version(source: CaseSource) -> int:
    try:
        return int(source.version)
    except ValueError:
        return 0
