"""The large preview of an attachment: the picture at a size that fits the screen, sharp at any
device pixel ratio; a PDF scan opens in the system viewer (from a private temporary folder)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workbench.services.attachment_files import size_text
from workbench.ui.i18n import tr
from workbench.ui.thumbnails import decode_image, to_pixmap

if TYPE_CHECKING:
    from workbench.domain.evidence import Evidence


class PreviewDialog(QDialog):
    """The file at a size that fits the screen; a PDF opens in the system viewer."""

    def __init__(self, evidence: Evidence, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentPreview")
        self.setWindowTitle(evidence.title or evidence.file_name)
        self.evidence = evidence
        self.picture = QLabel(tr("正在载入…"))
        self.picture.setObjectName("previewPicture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setWordWrap(True)
        area = QScrollArea()
        area.setWidget(self.picture)
        area.setWidgetResizable(True)
        self.open_button = QPushButton(tr("用系统程序打开"))
        self.open_button.setObjectName("openExternally")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_externally)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(area, 1)
        layout.addWidget(QLabel(f"{evidence.id} · {evidence.file_name}"))
        layout.addWidget(box)
        self._data = b""
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        self._limit = (
            QSize(int(screen.width() * 0.8), int(screen.height() * 0.8)) if screen else QSize(1200, 900)
        )
        self.resize(min(self._limit.width(), 900), min(self._limit.height(), 700))

    def show_data(self, data: bytes) -> None:
        self._data = data
        self.open_button.setEnabled(True)
        if data.startswith(b"%PDF-"):
            self.picture.setText(
                tr("PDF 扫描件（%1）：请用系统程序打开查看。").replace("%1", size_text(len(data)))
            )
            return
        dpr = self.devicePixelRatioF()
        side = max(self._limit.width(), self._limit.height())
        image = decode_image(data, round(side * dpr))
        if image.isNull():
            self.picture.setText(tr("无法显示此图片"))
            return
        pixmap = to_pixmap(image, dpr)
        logical = pixmap.deviceIndependentSize().toSize().boundedTo(self._limit)
        self.picture.setPixmap(
            pixmap.scaled(
                logical * dpr, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )
        self.picture.pixmap().setDevicePixelRatio(dpr)
        self.resize(logical.width() + 40, logical.height() + 100)

    def show_error(self, error: BaseException) -> None:
        from workbench.ui.persistence import describe

        self.picture.setText(tr("无法载入附件：%1").replace("%1", describe(error)))

    def open_externally(self) -> None:
        """Write the file to a private temporary folder and hand it to the system viewer."""
        folder = Path(tempfile.mkdtemp(prefix="workbench-"))
        target = folder / (Path(self.evidence.file_name).name or "attachment")
        target.write_bytes(self._data)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
