"""Closing (or quitting with) a case that is not in the store while its photos and scans wait in the
window: the prompt says how many are lost unless the case is saved to the store, in zh and en; saving
to the store from the prompt takes the files along. The real message box, answered by a click."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.attachment_files import jpeg, png
from workbench.ui import i18n
from workbench.ui.attachment_stash import stash_for, waiting_files
from workbench.ui.sections.attachments import AttachmentsPage

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from workbench.ui.main_window import MainWindow
    from workbench.ui.widgets.case_editor import CaseEditor

SHOTS = "/tmp/polish"


@pytest.fixture(autouse=True)
def no_hanging_box(ui: object) -> Iterator[None]:
    """A box no ``Answer`` was waiting for (a failed check, the window closing at teardown) is
    cancelled after a while instead of blocking the run."""
    timer = QTimer()
    timer.timeout.connect(Answer.now)
    timer.start(3000)
    yield
    timer.stop()


def add_photos(qtbot: QtBot, editor: CaseEditor, tmp_path: Path) -> None:
    page = editor.show_section("attachments")
    assert isinstance(page, AttachmentsPage)
    paths = []
    for name, data in (("门头.jpg", jpeg(400, 300)), ("库存.png", png(300, 400))):
        (tmp_path / name).write_bytes(data)
        paths.append(str(tmp_path / name))
    page.add_files(paths)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)


class Answer:
    """Clicks the button ``label`` of the next modal message box; keeps its text (and a picture)."""

    def __init__(self, label: str, shot: str = "") -> None:
        self.label, self.shot, self.text = label, shot, ""
        QTimer.singleShot(0, self._look)

    @classmethod
    def now(cls) -> None:
        """Cancel a box that is open now (nothing waits for it)."""
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        for box in boxes:
            box.buttons()[-1].click()

    def _look(self) -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        if not boxes:
            QTimer.singleShot(20, self._look)
            return
        box = boxes[0]
        self.text = box.text()
        if self.shot:
            box.grab().save(self.shot)
        buttons = [b for b in box.buttons() if b.text() == self.label]
        (buttons[0] if buttons else box.buttons()[-1]).click()  # never leave a test waiting


def test_closing_a_new_case_with_photos_says_they_are_lost_without_the_store(
    qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    window = make_window()
    editor = window.new_case()
    add_photos(qtbot, editor, tmp_path)
    assert waiting_files(editor.document) == 2

    answer = Answer("取消", f"{SHOTS}/close_prompt_no_store_zh.png")
    assert window.close_tab(0) is False
    assert answer.text == (
        "“新案件”有未保存的修改，另有 2 个照片/扫描件尚未存入案件库。\n"
        "案件库未连接，案件文件不含这些文件：关闭后它们将丢失。"
    )
    assert len(window.cases) == 1

    answer = Answer("取消")
    window.close()  # quitting asks the same
    assert window.isVisible()
    assert "2 个照片/扫描件" in answer.text and len(window.cases) == 1

    answer = Answer("不保存，关闭")
    assert window.close_tab(0) is True and not window.cases


def test_a_case_saved_to_a_file_still_warns_and_the_store_button_takes_the_files_along(
    qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    from tests.ui.accounts import signed_link

    url = f"sqlite:///{tmp_path / 'cases.sqlite3'}"
    window = make_window(store_opener=lambda: signed_link(url))
    qtbot.waitUntil(lambda: window.persistence.store is not None, timeout=15000)
    editor = window.open_demo("A")
    add_photos(qtbot, editor, tmp_path)
    document = editor.document
    with qtbot.waitSignal(window.persistence.saved, timeout=5000):
        window.persistence.save_as_file(document, tmp_path / "a.json")
    assert document.undo_stack.isClean() and document.source.kind == "file"
    assert waiting_files(document) == 2  # a case file names its files, it does not hold them

    answer = Answer("取消", f"{SHOTS}/close_prompt_zh.png")
    window.close_tab(0)
    assert answer.text.startswith("“王丽华”有 2 个照片/扫描件尚未存入案件库。\n")
    assert "除非把案件保存到案件库，关闭后它们将丢失" in answer.text

    i18n.set_language("en")
    answer = Answer("Cancel", f"{SHOTS}/close_prompt_en.png")
    window.close_tab(0)
    assert answer.text.startswith("“王丽华” has 2 photos/scans not yet in the case store.\n")
    i18n.set_language("zh")

    case_id = document.state.id
    stash = stash_for(document)
    answer = Answer("保存到案件库")
    window.close_tab(0)
    qtbot.waitUntil(lambda: not window.cases, timeout=10000)
    store = window.persistence.store
    assert store is not None
    assert store.open(case_id).case.borrower.name == "王丽华"
    qtbot.waitUntil(
        lambda: len(store.services.attachments.list_files(case_id, store.user)) == 2, timeout=10000
    )
    del stash


def test_a_stored_case_has_nothing_waiting_after_its_save(
    qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    from tests.ui.accounts import signed_link

    url = f"sqlite:///{tmp_path / 'cases.sqlite3'}"
    window = make_window(store_opener=lambda: signed_link(url))
    qtbot.waitUntil(lambda: window.persistence.store is not None, timeout=15000)
    editor = window.new_case()
    add_photos(qtbot, editor, tmp_path)
    with qtbot.waitSignal(window.persistence.saved, timeout=5000):
        window.save()
    assert waiting_files(editor.document) == 0
    assert window.close_tab(0) is True  # clean, stored: no question
