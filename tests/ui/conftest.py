"""UI fixtures: a prepared application (shipped font, Chinese), documents, editors and windows.

Factories return what the test needs and register widgets with qtbot, napari style. Windows use a
throw-away QSettings file and never ask questions; no test touches the user's store or settings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QSettings

from tests.ui.accounts import signed_link
from workbench.ui import i18n
from workbench.ui.app import ui_font
from workbench.ui.case_io import open_demo
from workbench.ui.document import CaseDocument, CaseSource, new_case
from workbench.ui.recalc import Recalculator

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from workbench.domain.case_file import CaseFile
    from workbench.ui.main_window import MainWindow
    from workbench.ui.store_link import StoreLink
    from workbench.ui.widgets.case_editor import CaseEditor


@pytest.fixture
def ui(qapp: Any) -> Iterator[Any]:
    """The application with the shipped font, in Chinese (restored to Chinese afterwards)."""
    qapp.setFont(ui_font())
    i18n.set_language("zh")
    yield qapp
    i18n.set_language("zh")


@pytest.fixture
def make_document(ui: Any) -> Callable[..., tuple[CaseDocument, Recalculator]]:
    """``make_document(case=None | "A" | "B" | CaseFile)`` → (document, recalculator)."""

    def make(case: CaseFile | str | None = None) -> tuple[CaseDocument, Recalculator]:
        if case is None:
            document = CaseDocument(new_case(), CaseSource("new"))
        elif isinstance(case, str):
            document = CaseDocument(*open_demo(case))
        else:
            document = CaseDocument(case)
        return document, Recalculator(document)

    return make


@pytest.fixture
def make_editor(
    qtbot: QtBot, make_document: Callable[..., tuple[CaseDocument, Recalculator]]
) -> Callable[..., CaseEditor]:
    """``make_editor(case=None, charts=False)`` → a shown CaseEditor of a new document."""
    from workbench.ui.widgets.case_editor import CaseEditor

    def make(case: CaseFile | str | None = None, charts: bool = False) -> CaseEditor:
        document, recalc = make_document(case)
        editor = CaseEditor(document, recalc, charts=charts)
        document.setParent(editor)
        qtbot.addWidget(editor)
        editor.resize(1200, 760)
        editor.show()
        qtbot.waitExposed(editor)
        return editor

    return make


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """A settings file of the test's own."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot: QtBot, ui: Any, settings: QSettings) -> Callable[..., MainWindow]:
    """``make_window(store_opener=None, charts=False)`` → a shown MainWindow that never asks."""
    from workbench.ui.main_window import MainWindow

    def make(store_opener: Any = None, charts: bool = False) -> MainWindow:
        window = MainWindow(settings=settings, store_opener=store_opener, charts=charts)
        window.ask_unsaved = lambda _title: "discard"
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def make_store_window(
    qtbot: QtBot, ui: Any, settings: QSettings, tmp_path: Path
) -> Callable[[Callable[[], StoreLink]], MainWindow]:
    """``make_store_window(store_opener)`` → a shown MainWindow signed in to that store (waited for),
    with its recovery journal in the test's own folder, that never asks."""
    from workbench.ui.main_window import MainWindow

    def make(store: Callable[[], StoreLink]) -> MainWindow:
        window = MainWindow(
            settings=settings, store_opener=store, charts=False, recovery_dir=tmp_path / "recovery"
        )
        window.ask_unsaved = lambda _title: "discard"
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.persistence.store is not None, timeout=15_000)
        return window

    return make


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    """A SQLite store file of the test's own."""
    return f"sqlite:///{tmp_path / 'cases.sqlite3'}"


@pytest.fixture
def owner(store_url: str) -> Iterator[StoreLink]:
    """The store file's owner (an officer who administers it), signed in."""
    link = signed_link(store_url, "owner")
    yield link
    link.close()
