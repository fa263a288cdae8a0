"""The attachments section: add (dialog path, drop), thumbnails, title, remove, undo, the store."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent, QPixmap

from tests.attachment_files import HOSTILE, jpeg, pdf, png
from workbench.ui.attachment_stash import MISSING, PENDING, STORED, stash_for
from workbench.ui.models.attachment_model import STATE_ROLE, AttachmentModel
from workbench.ui.sections.attachments import AttachmentsPage
from workbench.ui.thumbnails import THUMB_SIDE, ThumbnailCache

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from workbench.ui.main_window import MainWindow
    from workbench.ui.widgets.case_editor import CaseEditor


def _page(editor: CaseEditor) -> AttachmentsPage:
    page = editor.show_section("attachments")
    assert isinstance(page, AttachmentsPage)
    return page


def _files(tmp_path: Path) -> list[str]:
    out = []
    for name, data in (("门头.jpg", jpeg(400, 300)), ("库存.png", png(300, 400)), ("执照.pdf", pdf())):
        path = tmp_path / name
        path.write_bytes(data)
        out.append(str(path))
    return out


def _thumbnail(page: AttachmentsPage, row: int) -> QPixmap:
    picture = page.model.data(page.model.index(row), Qt.ItemDataRole.DecorationRole)
    assert isinstance(picture, QPixmap)
    return picture


def test_files_become_evidence_with_thumbnails_and_undo_takes_them_back(
    qtbot: QtBot, make_editor: Callable[..., CaseEditor], tmp_path: Path
) -> None:
    editor = make_editor("A")
    page = _page(editor)
    document = editor.document
    before = document.state.evidence
    assert page.empty.isVisible()
    page.add_files(_files(tmp_path))
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=5000)
    added = document.state.evidence[len(before) :]
    assert sorted(e.file_name for e in added) == ["库存.png", "执照.pdf", "门头.jpg"]
    photo = next(e for e in added if e.file_name == "门头.jpg")
    assert photo.sha256 == hashlib.sha256(jpeg(400, 300)).hexdigest() and photo.title == "门头"
    assert {page.model.data(page.model.index(r), STATE_ROLE) for r in range(3)} == {PENDING}
    assert "尚未存入案件库" in page.note.text()
    assert not page.empty.isVisible()

    dpr = page.view.devicePixelRatioF()
    cache = page.thumbnails
    qtbot.waitUntil(lambda: all(cache.has(e.sha256, dpr) for e in added), timeout=5000)
    for row in range(3):
        thumb = _thumbnail(page, row)
        assert thumb.devicePixelRatio() == dpr
        assert max(thumb.width(), thumb.height()) == round(THUMB_SIDE * dpr)
    row = page.model.row_of(photo.id)
    image = _thumbnail(page, row).toImage()
    assert image.pixelColor(image.width() // 2, image.height() // 2).red() > 200  # the orange photo

    for _ in range(3):
        document.undo_stack.undo()
    assert document.state.evidence == before and page.model.rowCount() == 0
    document.undo_stack.redo()
    assert page.model.rowCount() == 1


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_files_are_refused_in_place_with_a_reason(
    qtbot: QtBot, make_editor: Callable[..., CaseEditor], tmp_path: Path, name: str
) -> None:
    editor = make_editor("B")
    page = _page(editor)
    path = tmp_path / "photo.jpg"  # the name says photo; the bytes say otherwise
    path.write_bytes(HOSTILE[name])
    messages: list[str] = []
    editor.message_posted.connect(messages.append)
    page.add_files([str(path)])
    qtbot.waitUntil(lambda: bool(messages), timeout=5000)
    assert messages[0].startswith("附件未添加：") and "photo.jpg" in messages[0]
    assert page.model.rowCount() == 0 and not editor.document.undo_stack.count()


def test_a_dropped_file_is_added_and_a_duplicate_is_not(
    qtbot: QtBot, make_editor: Callable[..., CaseEditor], tmp_path: Path
) -> None:
    editor = make_editor("A")
    page = _page(editor)
    path = tmp_path / "shop.png"
    path.write_bytes(png())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    page.view.dropEvent(event)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    messages: list[str] = []
    editor.message_posted.connect(messages.append)
    page.add_files([str(path)])
    qtbot.waitUntil(lambda: bool(messages), timeout=5000)
    assert "已是附件" in messages[0] and page.model.rowCount() == 1


def test_title_edit_and_remove_are_undoable(
    qtbot: QtBot, make_editor: Callable[..., CaseEditor], tmp_path: Path
) -> None:
    editor = make_editor("A")
    page = _page(editor)
    page.add_files(_files(tmp_path)[:1])
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    index = page.model.index(0)
    assert page.model.setData(index, "店面门头（正面）")
    assert editor.document.state.evidence[-1].title == "店面门头（正面）"
    assert page.model.data(index) == "店面门头（正面）"
    assert not page.model.setData(index, "长" * 201)  # refused, nothing pushed
    page.view.setCurrentIndex(page.model.index(0))
    page.remove_current()
    assert page.model.rowCount() == 0
    editor.document.undo_stack.undo()
    assert page.model.rowCount() == 1
    assert page.model.data(page.model.index(0), STATE_ROLE) == PENDING  # the bytes are still here
    editor.document.undo_stack.undo()
    assert page.model.data(page.model.index(0)) == "门头"


def test_an_evidence_record_without_its_file_is_filled_by_the_same_file(
    qtbot: QtBot, make_editor: Callable[..., CaseEditor], tmp_path: Path
) -> None:
    import dataclasses

    from workbench.domain.evidence import Evidence, EvidenceKind

    data = png(20, 20)
    editor = make_editor("A")
    document = editor.document
    item = Evidence(
        "E7", EvidenceKind.PHOTO, "仓库", file_name="仓库.png", sha256=hashlib.sha256(data).hexdigest()
    )
    document.replace(dataclasses.replace(document.state, evidence=(item,)), frozenset({"evidence"}))
    page = _page(editor)
    assert page.model.data(page.model.index(0), STATE_ROLE) == MISSING
    assert "缺少文件" in page.note.text()
    path = tmp_path / "IMG_0001.PNG"
    path.write_bytes(data)
    page.add_files([str(path)])
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0), STATE_ROLE) == PENDING, timeout=5000)
    assert len(document.state.evidence) == 1


def test_the_preview_shows_the_picture(
    qtbot: QtBot, make_editor: Callable[..., CaseEditor], tmp_path: Path
) -> None:
    editor = make_editor("A")
    page = _page(editor)
    page.add_files(_files(tmp_path)[:1])
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    dialog = page.preview(0)
    assert dialog is not None
    qtbot.waitUntil(
        lambda: dialog.picture.pixmap() is not None and not dialog.picture.pixmap().isNull(), timeout=5000
    )
    dialog.close()


def test_the_model_passes_qtmodeltester(qtmodeltester: Any, make_document: Callable[..., Any]) -> None:
    import dataclasses

    from workbench.domain.evidence import Evidence, EvidenceKind
    from workbench.services.attachment_files import PendingFile

    document, _recalc = make_document("A")
    data = png()
    items = (
        Evidence(
            "E1", EvidenceKind.PHOTO, "门头", file_name="a.png", sha256=hashlib.sha256(data).hexdigest()
        ),
        Evidence("E2", EvidenceKind.OBSERVATION, "现场观察"),  # no file: not an attachment
        Evidence("E3", EvidenceKind.PHOTO, "", file_name="b.jpg"),
    )
    document.replace(dataclasses.replace(document.state, evidence=items), frozenset({"evidence"}))
    stash = stash_for(document)
    stash.add(PendingFile("E1", "a.png", data))
    model = AttachmentModel(document, stash, ThumbnailCache())
    assert model.rowCount() == 2
    assert model.data(model.index(1)) == "b.jpg"  # no title: the file name
    qtmodeltester.check(model)


def test_attachments_go_to_the_store_with_the_first_save_and_come_back(
    qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    from tests.ui.accounts import signed_link

    url = f"sqlite:///{tmp_path / 'cases.sqlite3'}"
    window = make_window(store_opener=lambda: signed_link(url))
    qtbot.waitUntil(lambda: window.persistence.store is not None, timeout=15000)
    editor = window.new_case()
    page = _page(editor)
    page.add_files(_files(tmp_path))
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=5000)
    stash = stash_for(editor.document)
    with qtbot.waitSignal(window.persistence.saved, timeout=5000):
        window.save()
    qtbot.waitUntil(lambda: not stash.pending and len(stash.stored) == 3, timeout=5000)
    assert "附件在保存案件时存入案件库" in page.note.text()
    case_id = editor.document.state.id
    store = window.persistence.store
    assert store is not None
    listed = store.services.attachments.list_files(case_id, store.user)
    assert sorted(a.media_type for a in listed) == ["application/pdf", "image/jpeg", "image/png"]

    page.view.setCurrentIndex(page.model.index(0))
    removed = page.model.evidence(0)
    page.remove_current()
    qtbot.waitUntil(lambda: removed.id in stash.pending, timeout=5000)  # kept for undo
    window.save()
    qtbot.waitUntil(
        lambda: len(store.services.attachments.list_files(case_id, store.user)) == 2, timeout=5000
    )

    original = editor.document.state.id
    window.persistence.save_copy(editor.document)  # as after a conflict: the same case under a new id
    qtbot.waitUntil(lambda: editor.document.source.location not in ("", original), timeout=5000)
    copy_id = editor.document.state.id
    qtbot.waitUntil(
        lambda: len(store.services.attachments.list_files(copy_id, store.user)) == 2, timeout=5000
    )
    qtbot.waitUntil(lambda: stash.stored_for == copy_id and len(stash.stored) == 2, timeout=5000)

    window.close_tab(0)
    window.open_stored(case_id)
    qtbot.waitUntil(lambda: len(window.cases) == 1, timeout=5000)
    reopened = _page(window.cases[0].editor)
    qtbot.waitUntil(lambda: reopened.model.rowCount() == 2, timeout=5000)
    qtbot.waitUntil(
        lambda: {reopened.model.data(reopened.model.index(r), STATE_ROLE) for r in range(2)} == {STORED},
        timeout=5000,
    )
    dpr = reopened.view.devicePixelRatioF()
    shas = [reopened.model.evidence(r).sha256 for r in range(2)]
    for r in range(2):
        reopened.model.data(reopened.model.index(r), Qt.ItemDataRole.DecorationRole)
    qtbot.waitUntil(lambda: all(reopened.thumbnails.has(s, dpr) for s in shas), timeout=5000)


HIDPI_PROBE = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication
app = QApplication([])
from workbench.ui.case_io import open_demo
from workbench.ui.document import CaseDocument
from workbench.ui.recalc import Recalculator
from workbench.ui.widgets.case_editor import CaseEditor
document = CaseDocument(*open_demo("A"))
editor = CaseEditor(document, Recalculator(document), charts=False)
editor.show()
page = editor.show_section("attachments")
page.add_files([sys.argv[1]])
end = time.time() + 10
while time.time() < end and not (page.model.rowCount() and page.thumbnails.has(
        page.model.evidence(0).sha256, page.view.devicePixelRatioF())):
    QCoreApplication.processEvents()
    time.sleep(0.01)
picture = page.model.data(page.model.index(0), Qt.ItemDataRole.DecorationRole)
print(page.view.devicePixelRatioF(), picture.devicePixelRatio(), picture.width(), picture.height())
"""


@pytest.mark.parametrize(("scale", "pixels"), [("2", 256), ("1.5", 192)])
def test_thumbnails_are_made_at_the_screens_pixel_ratio(tmp_path: Path, scale: str, pixels: int) -> None:
    import os
    import subprocess
    import sys

    photo = tmp_path / "photo.jpg"
    photo.write_bytes(jpeg(1600, 1200))
    env = {**os.environ, "QT_SCALE_FACTOR": scale, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", HIDPI_PROBE, str(photo)], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    view_ratio, picture_ratio, width, height = done.stdout.split()
    assert float(view_ratio) == float(picture_ratio) == float(scale)
    assert (int(width), int(height)) == (pixels, pixels * 3 // 4)  # device pixels: sharp, not upscaled
