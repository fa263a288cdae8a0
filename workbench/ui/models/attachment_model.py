"""The attachments of a case as a list of thumbnails: the evidence items that name a file.

Rows follow ``document.state.evidence`` (only items with a file name); the title is editable and
goes through the document (one undoable edit). The picture comes from the thumbnail cache, made off
the GUI thread at the view's device pixel ratio; until it is there a placeholder tile shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from workbench.domain.errors import ValidationError
from workbench.domain.fields import SHORT_TEXT
from workbench.services.attachment_files import size_text
from workbench.ui.attachment_stash import MISSING, PENDING, STORED
from workbench.ui.i18n import tr
from workbench.ui.labels import enum_label
from workbench.ui.paths import touches

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.domain.evidence import Evidence
    from workbench.ui.attachment_stash import AttachmentStash
    from workbench.ui.document import CaseDocument
    from workbench.ui.thumbnails import ThumbnailCache

ModelIndex = QModelIndex | QPersistentModelIndex
EVIDENCE_ID_ROLE = Qt.ItemDataRole.UserRole
STATE_ROLE = Qt.ItemDataRole.UserRole + 1
EVIDENCE_INDEX_ROLE = Qt.ItemDataRole.UserRole + 2


def state_text(state: str) -> str:
    return {
        PENDING: tr("待存入案件库"),
        STORED: tr("已存入案件库"),
        MISSING: tr("缺少文件"),
    }[state]


class AttachmentModel(QAbstractListModel):
    """One row per evidence item with a file: title (editable), thumbnail, tooltip."""

    def __init__(
        self,
        document: CaseDocument,
        stash: AttachmentStash,
        thumbnails: ThumbnailCache,
        dpr: Callable[[], float] = lambda: 1.0,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._document, self._stash, self._thumbs, self._dpr = document, stash, thumbnails, dpr
        self._rows: list[int] = []
        self.refused: Callable[[str], None] = lambda _m: None
        self._rebuild()
        document.state_changed.connect(self._on_state_changed)
        stash.changed.connect(self._refresh_all)
        thumbnails.ready.connect(self._on_thumbnail)

    # ---- rows ----------------------------------------------------------------------------------

    def _rebuild(self) -> None:
        self._rows = [i for i, e in enumerate(self._document.state.evidence) if e.file_name]

    def _on_state_changed(self, changed: frozenset[str]) -> None:
        if touches(changed, "evidence"):
            self.beginResetModel()
            self._rebuild()
            self.endResetModel()

    def _refresh_all(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def _on_thumbnail(self, sha: str) -> None:
        for row in range(len(self._rows)):
            if self.evidence(row).sha256.lower() == sha:
                index = self.index(row)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def evidence(self, row: int) -> Evidence:
        """The evidence item shown in ``row``."""
        return self._document.state.evidence[self._rows[row]]

    def evidence_index(self, row: int) -> int:
        """Where ``row``'s item is in ``case.evidence``."""
        return self._rows[row]

    def row_of(self, evidence_id: str) -> int:
        """The row showing ``evidence_id`` (-1 if none)."""
        for row in range(len(self._rows)):
            if self.evidence(row).id == evidence_id:
                return row
        return -1

    # ---- Qt ------------------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        evidence = self.evidence(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return (
                evidence.title if role == Qt.ItemDataRole.EditRole else (evidence.title or evidence.file_name)
            )
        if role == Qt.ItemDataRole.DecorationRole:
            return self._picture(evidence)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(evidence)
        if role == EVIDENCE_ID_ROLE:
            return evidence.id
        if role == STATE_ROLE:
            return self._stash.state(evidence)
        if role == EVIDENCE_INDEX_ROLE:
            return self._rows[index.row()]
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        title = str(value).strip()
        if len(title) > SHORT_TEXT:
            self.refused(tr("标题最多 %1 个字").replace("%1", str(SHORT_TEXT)))
            return False
        try:
            self._document.set_field(("evidence", self._rows[index.row()], "title"), title, tr("附件标题"))
        except ValidationError as error:
            self.refused(str(error))
            return False
        return True

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    # ---- parts ---------------------------------------------------------------------------------

    def _picture(self, evidence: Evidence) -> Any:
        dpr = self._dpr()
        state = self._stash.state(evidence)
        load = self._stash.loader(evidence)
        if load is None or not evidence.sha256:
            colour = "#C04000" if state == MISSING else "#999999"
            return self._thumbs.placeholder(tr("缺少文件") if state == MISSING else "…", dpr, colour)
        media = _media_type(evidence, self._stash)
        found = self._thumbs.get(evidence.sha256.lower(), media, load, dpr)
        return found if found is not None else self._thumbs.placeholder("…", dpr)

    def _tooltip(self, evidence: Evidence) -> str:
        state = self._stash.state(evidence)
        lines = [
            evidence.title or evidence.file_name,
            f"{evidence.id} · {enum_label(evidence.kind)}",
            evidence.file_name,
        ]
        size = _size(evidence, self._stash)
        if size:
            lines.append(size_text(size))
        lines.append(state_text(state))
        return "\n".join(lines)


def _media_type(evidence: Evidence, stash: AttachmentStash) -> str:
    info = stash.stored.get(evidence.id)
    if info is not None:
        return info.media_type
    pending = stash.pending.get(evidence.id)
    if pending is not None and pending.data.startswith(b"%PDF-"):
        return "application/pdf"
    return "image/*"


def _size(evidence: Evidence, stash: AttachmentStash) -> int:
    pending = stash.pending.get(evidence.id)
    if pending is not None:
        return len(pending.data)
    info = stash.stored.get(evidence.id)
    return info.size if info is not None else 0
