"""Thumbnails of attachments: decoded and scaled off the GUI thread, kept in a small cache.

A worker turns bytes into a ``QImage`` (``QImageReader`` decodes straight to the scaled size, so a
12 MP photo never exists at full size); the GUI thread makes the ``QPixmap`` with the screen's
device pixel ratio, so the tiles are sharp at 150 % and 200 %. PDF scans get a drawn page tile
(PySide6-Essentials has no PDF renderer).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QImageReader, QPainter, QPen, QPixmap

from workbench.ui.attachment_stash import while_alive
from workbench.ui.ops import run_in_background

if TYPE_CHECKING:
    from collections.abc import Callable

THUMB_SIDE = 128
"""Logical pixels of the longer side."""
CACHE_SIZE = 300
PDF_TYPE = "application/pdf"


def decode_image(data: bytes, side_px: int = 0) -> QImage:
    """``data`` as an image, at most ``side_px`` on its longer side (0: full size); null if unreadable.

    Safe on a worker thread (no QPixmap).
    """
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # phone photos: EXIF orientation
    size = reader.size()
    if side_px and size.isValid() and max(size.width(), size.height()) > side_px:
        reader.setScaledSize(size.scaled(side_px, side_px, Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


def tile(side_px: int, label: str, colour: str = "#56B4E9", dashed: bool = False) -> QImage:
    """A page-shaped tile with ``label`` on it (PDF scans, files not loaded or missing)."""
    image = QImage(side_px, side_px, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    page = QRectF(side_px * 0.18, side_px * 0.06, side_px * 0.64, side_px * 0.88)
    pen = QPen(QColor(colour), max(1.0, side_px / 64))
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(QColor("#FFFFFF"))
    painter.drawRoundedRect(page, side_px * 0.04, side_px * 0.04)
    font = QFont()
    font.setPixelSize(max(8, side_px // 7))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor(colour))
    painter.drawText(page, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, label)
    painter.end()
    return image


def make_thumbnail(data: bytes, media_type: str, side_px: int) -> QImage:
    """The thumbnail image of a file (worker thread)."""
    if media_type == PDF_TYPE:
        return tile(side_px, "PDF", "#D55E00")
    image = decode_image(data, side_px)
    return image if not image.isNull() else tile(side_px, "?", "#C04000")


def to_pixmap(image: QImage, dpr: float) -> QPixmap:
    """GUI thread: a pixmap drawn at ``image.size() / dpr`` logical pixels."""
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(dpr)
    return pixmap


class ThumbnailCache(QObject):
    """Pixmaps by (sha256, device pixel ratio); ``ready(sha256)`` when one has been made."""

    ready = Signal(str)

    def __init__(self, parent: QObject | None = None, side: int = THUMB_SIDE) -> None:
        super().__init__(parent)
        self.side = side
        self._pixmaps: OrderedDict[tuple[str, float], QPixmap] = OrderedDict()
        self._waiting: set[tuple[str, float]] = set()
        self._placeholders: dict[tuple[str, float], QPixmap] = {}

    def get(self, sha: str, media_type: str, load: Callable[[], bytes], dpr: float) -> QPixmap | None:
        """The thumbnail if made; else ``None`` and it is being made (``load`` runs on a worker)."""
        key = (sha, dpr)
        found = self._pixmaps.get(key)
        if found is not None:
            self._pixmaps.move_to_end(key)
            return found
        if key not in self._waiting:
            self._waiting.add(key)
            side_px = round(self.side * dpr)
            run_in_background(
                lambda: make_thumbnail(load(), media_type, side_px),
                while_alive(self, lambda image: self._made(key, image)),
                while_alive(self, lambda _error: self._made(key, tile(side_px, "!", "#C04000", dashed=True))),
            )
        return None

    def placeholder(self, label: str, dpr: float, colour: str = "#999999") -> QPixmap:
        """A dashed tile with ``label`` (loading, missing file)."""
        key = (label + colour, dpr)
        found = self._placeholders.get(key)
        if found is None:
            found = to_pixmap(tile(round(self.side * dpr), label, colour, dashed=True), dpr)
            self._placeholders[key] = found
        return found

    def has(self, sha: str, dpr: float) -> bool:
        return (sha, dpr) in self._pixmaps

    def _made(self, key: tuple[str, float], image: QImage) -> None:
        self._waiting.discard(key)
        self._pixmaps[key] = to_pixmap(image, key[1])
        while len(self._pixmaps) > CACHE_SIZE:
            self._pixmaps.popitem(last=False)
        self.ready.emit(key[0])

    def size_hint(self) -> QSize:
        return QSize(self.side, self.side)
