"""Section "attachments": the case's photos and scans as thumbnails.

Add by the file dialog or by dropping files on the grid; each file is read and checked off the GUI
thread (by content: JPEG, PNG or PDF; size; SHA-256) and becomes an evidence record of the case (one
undoable edit) whose bytes wait in the case's ``AttachmentStash`` until the case is saved to the
store. A file that matches an evidence record without a file fills it instead. Double-click (or
Enter) opens a large preview; F2 edits the title; Delete removes the attachment (undoable).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.errors import DomainError
from workbench.domain.evidence import Evidence, EvidenceKind, SourcePerson
from workbench.domain.fields import SHORT_TEXT
from workbench.services.attachment_files import (
    MAX_BYTES,
    PDF,
    AttachmentError,
    PendingFile,
    check_file,
    sha256_of,
    size_text,
)
from workbench.ui.attachment_stash import MISSING, PENDING, stash_for, while_alive
from workbench.ui.dialogs.attachment_preview import PreviewDialog
from workbench.ui.i18n import tr
from workbench.ui.models.attachment_model import AttachmentModel
from workbench.ui.ops import run_in_background
from workbench.ui.paths import remove_in
from workbench.ui.thumbnails import THUMB_SIDE, ThumbnailCache

if TYPE_CHECKING:
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

    from workbench.services.attachment_files import Sniffed
    from workbench.ui.attachment_stash import AttachmentStash
    from workbench.ui.sections.base import SectionContext

FILE_FILTER = "*.jpg *.jpeg *.png *.pdf *.JPG *.JPEG *.PNG *.PDF"


def build(ctx: SectionContext) -> QWidget:
    return AttachmentsPage(ctx)


def read_checked(path: Path) -> tuple[str, bytes, Sniffed]:
    """Worker thread: the file's bytes, checked by content (a file over the limit is not read)."""
    name = path.name
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise AttachmentError("too_large", name=name, size=size_text(size), limit=size_text(MAX_BYTES))
    data = path.read_bytes()
    return name, data, check_file(data, name)


def _short_name(name: str) -> str:
    """A file name that fits the evidence record (keeps the suffix)."""
    if len(name) <= SHORT_TEXT:
        return name
    suffix = Path(name).suffix[:20]
    return name[: SHORT_TEXT - len(suffix)] + suffix


def next_evidence_id(existing: set[str]) -> str:
    n = len(existing) + 1
    while f"E{n}" in existing:
        n += 1
    return f"E{n}"


class AttachmentView(QListView):
    """The thumbnail grid; files dropped on it are offered to the page."""

    files_dropped = Signal(list)  # list[str]

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("attachmentGrid")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setIconSize(QSize(THUMB_SIDE, THUMB_SIDE))
        line = self.fontMetrics().height()
        self.setGridSize(QSize(THUMB_SIDE + 40, THUMB_SIDE + 3 * line + 12))
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setUniformItemSizes(True)
        self.setSpacing(6)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)
        else:
            super().dropEvent(event)


class AttachmentsPage(QWidget):
    def __init__(self, ctx: SectionContext) -> None:
        super().__init__()
        self._ctx = ctx
        self.document = ctx.document
        self.stash: AttachmentStash = stash_for(ctx.document)
        found = self.stash.findChild(ThumbnailCache)  # kept with the case: a rebuilt page reuses it
        self.thumbnails = found if isinstance(found, ThumbnailCache) else ThumbnailCache(self.stash)
        self.view = AttachmentView()
        self.model = AttachmentModel(
            self.document, self.stash, self.thumbnails, self.view.devicePixelRatioF, self
        )
        self.model.refused = ctx.report
        self.view.setModel(self.model)
        self.view.setStyleSheet("QListView#attachmentGrid { padding: 6px; background-color: palette(base); }")

        self.note = QLabel()
        self.note.setObjectName("attachmentNote")
        self.note.setWordWrap(True)
        self.add_button = QPushButton(tr("添加附件…"))
        self.add_button.setObjectName("addAttachment")
        self.rename_button = QPushButton(tr("修改标题"))
        self.rename_button.setObjectName("renameAttachment")
        self.preview_button = QPushButton(tr("预览"))
        self.preview_button.setObjectName("previewAttachment")
        self.remove_button = QPushButton(tr("删除"))
        self.remove_button.setObjectName("removeAttachment")
        self.empty = QLabel(tr("还没有附件。点“添加附件…”或把照片、扫描件（JPEG、PNG、PDF）拖到这里。"))
        self.empty.setObjectName("attachmentEmpty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #666666; padding: 12px;")

        buttons = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.preview_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)

        self.add_button.clicked.connect(self.add_dialog)
        self.rename_button.clicked.connect(self.edit_title)
        self.preview_button.clicked.connect(self.preview_current)
        self.remove_button.clicked.connect(self.remove_current)
        self.view.files_dropped.connect(self.add_files)
        self.view.doubleClicked.connect(lambda index: self.preview(index.row()))
        self.view.activated.connect(lambda index: self.preview(index.row()))
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_current)
        self.view.selectionModel().currentChanged.connect(lambda *_a: self._update())
        self.model.modelReset.connect(self._update)
        self.stash.changed.connect(self._update)
        self.document.state_changed.connect(lambda _c: self._update())
        self.setAcceptDrops(True)
        self.stash.ensure_loaded()
        self._update()

    # ---- drops on the page (outside the grid too) ------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)

    # ---- state ---------------------------------------------------------------------------------

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def _update(self) -> None:
        has_rows = self.model.rowCount() > 0
        self.empty.setVisible(not has_rows)
        row = self.current_row()
        for button in (self.rename_button, self.preview_button, self.remove_button):
            button.setEnabled(row >= 0)
        self.note.setText(self.note_text())

    def note_text(self) -> str:
        """Where the files are kept, and what is still to do."""
        pending = sum(
            1 for r in range(self.model.rowCount()) if self.stash.state(self.model.evidence(r)) == PENDING
        )
        missing = sum(
            1 for r in range(self.model.rowCount()) if self.stash.state(self.model.evidence(r)) == MISSING
        )
        if self.stash.stored_case_id() is not None:
            text = tr("附件在保存案件时存入案件库。")
            if self.stash.syncing:
                text += " " + tr("正在存入附件…")
            elif pending:
                text += " " + tr("%1 个附件待保存。").replace("%1", str(pending))
        else:
            text = tr(
                "此案件尚未存入案件库：附件暂存在本窗口，案件保存到案件库时一并存入。"
                "案件文件只记录证据的文件名和 SHA-256，不含附件本身；未存入案件库就关闭案件，附件会丢失。"
            )
        if missing:
            text += " " + tr("%1 个证据缺少文件：用“添加附件…”选择同一文件即可补上。").replace(
                "%1", str(missing)
            )
        return text

    # ---- adding --------------------------------------------------------------------------------

    def add_dialog(self) -> None:
        names, _f = QFileDialog.getOpenFileNames(
            self, tr("添加附件"), str(Path.home()), tr("照片和扫描件 (%1)").replace("%1", FILE_FILTER)
        )
        if names:
            self.add_files(names)

    def add_files(self, paths: list[str]) -> None:
        """Read and check the files in the background, then attach them in the order given."""
        files = [Path(name) for name in paths]

        def read_all() -> list[tuple[str, bytes, Sniffed] | tuple[str, Exception]]:
            out: list[tuple[str, bytes, Sniffed] | tuple[str, Exception]] = []
            for path in files:
                try:
                    out.append(read_checked(path))
                except (OSError, DomainError) as error:
                    out.append((path.name, error))
            return out

        def done(results: list[tuple[str, bytes, Sniffed] | tuple[str, Exception]]) -> None:
            for result in results:
                if len(result) == 3:
                    self.attach(*result)
                else:
                    self._refused(*result)

        run_in_background(read_all, while_alive(self, done), while_alive(self, self._report_failure))

    def _report_failure(self, error: BaseException) -> None:
        self._refused("", error)

    def _refused(self, name: str, error: BaseException) -> None:
        from workbench.ui.persistence import describe

        if isinstance(error, OSError):
            message = (
                tr("无法读取文件 %1：%2").replace("%1", name).replace("%2", error.strerror or str(error))
            )
        elif isinstance(error, DomainError):
            message = describe(error)
        else:
            raise error
        self._ctx.report(tr("附件未添加：%1").replace("%1", message))

    def attach(self, name: str, data: bytes, sniffed: Sniffed) -> str:
        """Make ``data`` an attachment of the case; the evidence id (``""`` if refused)."""
        sha = sha256_of(data)
        case = self.document.state
        for evidence in case.evidence:
            if evidence.sha256.lower() != sha:
                continue
            if self.stash.state(evidence) == MISSING:  # the file an evidence record names: fill it in
                self.stash.add(PendingFile(evidence.id, evidence.file_name or _short_name(name), data))
                if not evidence.file_name:
                    self.document.set_field(
                        ("evidence", case.evidence.index(evidence), "file_name"), _short_name(name)
                    )
                self._ctx.report(tr("文件已补到证据 %1").replace("%1", evidence.id))
                self._select(evidence.id)
                return evidence.id
            self._ctx.report(tr("此文件已是附件“%1”").replace("%1", evidence.title or evidence.id))
            self._select(evidence.id)
            return ""
        evidence = Evidence(
            id=next_evidence_id({e.id for e in case.evidence}),
            kind=EvidenceKind.DOCUMENT if sniffed.media_type == PDF else EvidenceKind.PHOTO,
            title=Path(name).stem[:SHORT_TEXT],
            source=SourcePerson.OFFICER,
            file_name=_short_name(name),
            sha256=sha,
        )
        self.stash.add(PendingFile(evidence.id, evidence.file_name, data))
        after = dataclasses.replace(case, evidence=(*case.evidence, evidence))
        self.document.replace(after, frozenset({"evidence"}), tr("添加附件") + " " + evidence.title)
        self._select(evidence.id)
        return evidence.id

    def _select(self, evidence_id: str) -> None:
        row = self.model.row_of(evidence_id)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row))

    # ---- editing -------------------------------------------------------------------------------

    def edit_title(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.view.edit(index)

    def remove_current(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        evidence = self.model.evidence(row)
        self.stash.keep_for_undo(evidence)
        case = self.document.state
        after = remove_in(case, ("evidence",), self.model.evidence_index(row))
        self.document.replace(after, frozenset({"evidence"}), tr("删除附件") + " " + evidence.title)
        users = [c.id for c in case.cross_checks if evidence.id in c.evidence]
        if users:
            self._ctx.report(
                tr("注意：交叉检验 %1 引用了已删除的证据 %2")
                .replace("%1", ", ".join(users))
                .replace("%2", evidence.id)
            )

    # ---- preview -------------------------------------------------------------------------------

    def preview_current(self) -> None:
        self.preview(self.current_row())

    def preview(self, row: int) -> PreviewDialog | None:
        """Open the large preview of ``row`` (non-modal)."""
        if not 0 <= row < self.model.rowCount():
            return None
        evidence = self.model.evidence(row)
        load = self.stash.loader(evidence)
        if load is None:
            self._ctx.report(tr("证据 %1 缺少文件，无法预览").replace("%1", evidence.id))
            return None
        dialog = PreviewDialog(evidence, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        run_in_background(load, while_alive(dialog, dialog.show_data), while_alive(dialog, dialog.show_error))
        dialog.open()
        return dialog
