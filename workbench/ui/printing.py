"""Printing a PDF report: pages rasterized by PDFium at the printer's resolution onto a QPrinter.

PySide6-Essentials has no QtPdf, so ``pypdfium2`` paints the pages: one page at a time into a
``QImage`` (memory stays at one page), drawn centred and scaled to fit the printer's page. The
printer is set up for A4 portrait and, where the printer offers it, long-edge duplex; the page
range of the print dialog is honoured. Print preview runs the same painting into Qt's preview.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import pypdfium2  # type: ignore[import-untyped]
from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo, QPrintPreviewDialog

from workbench.ui.i18n import tr
from workbench.ui.ops import run_in_background
from workbench.ui.window_layout import fit_to_screen

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

# Above this the page images only cost memory (an A4 page at 300 dpi is ~35 MB as RGB32).
MAX_DPI = 300
MIN_DPI = 72
# PDFium allows one call at a time in the whole process, whatever the document: printing runs in
# the background while a preview may paint on the GUI thread.
_PDFIUM = threading.RLock()


class PdfPages:
    """A PDF opened for painting; ``close()`` (or ``with``) releases PDFium's document."""

    def __init__(self, pdf: bytes) -> None:
        self._pdf = pdf  # PDFium reads from this buffer for as long as the document is open
        with _PDFIUM:
            self._doc = pypdfium2.PdfDocument(pdf)
            self._doc.init_forms()  # signature stamps are form-field appearances: drawn only with forms

    def __enter__(self) -> PdfPages:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        with _PDFIUM:
            self._doc.close()

    def __len__(self) -> int:
        with _PDFIUM:
            return len(self._doc)

    def size_points(self, index: int) -> tuple[float, float]:
        """Width and height of page ``index`` in points."""
        with _PDFIUM:
            width, height = self._doc.get_page_size(index)
        return float(width), float(height)

    def image(self, index: int, dpi: float) -> QImage:
        """Page ``index`` as an opaque RGB image at ``dpi`` (signature stamps included)."""
        with _PDFIUM:
            image = self._render(index, dpi)
        image.setDotsPerMeterX(round(dpi / 0.0254))
        image.setDotsPerMeterY(round(dpi / 0.0254))
        return image

    def _render(self, index: int, dpi: float) -> QImage:
        page = self._doc[index]
        try:
            bitmap = page.render(
                scale=dpi / 72.0, prefer_bgrx=True, may_draw_forms=True, optimize_mode="print"
            )
            try:
                # BGRx bytes are QImage's RGB32 on a little-endian machine (every platform the
                # app runs on); copy() detaches the image from PDFium's buffer.
                image = QImage(
                    bytes(bitmap.buffer),
                    bitmap.width,
                    bitmap.height,
                    bitmap.stride,
                    QImage.Format.Format_RGB32,
                ).copy()
            finally:
                bitmap.close()
        finally:
            page.close()
        return image


def setup_printer(printer: QPrinter) -> None:
    """A4 portrait, and long-edge duplex where the printer supports it (a PDF file: simplex)."""
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            printer.pageLayout().margins(),
            QPageLayout.Unit.Millimeter,
        )
    )
    printer.setFullPage(True)  # the report has its own margins; the printer's are unprintable only
    if printer.outputFormat() is QPrinter.OutputFormat.NativeFormat:
        info = QPrinterInfo(printer)
        if QPrinter.DuplexMode.DuplexLongSide in info.supportedDuplexModes():
            printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide)


def page_range(printer: QPrinter, count: int) -> range:
    """The 0-based pages the printer was asked for (all pages when no range was chosen)."""
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 and last <= 0:
        return range(count)
    first = max(first, 1)
    last = count if last <= 0 else min(last, count)
    return range(first - 1, last)


def print_pdf(pdf: bytes, printer: QPrinter, pages: range | None = None) -> int:
    """Paint ``pdf`` (the printer's page range, or ``pages``) onto ``printer``; pages painted.

    Raises:
        PrintError: the PDF cannot be opened or the printer cannot be started.
    """
    try:
        document = PdfPages(pdf)
    except pypdfium2.PdfiumError as error:
        raise PrintError(tr("无法读取 PDF：%1").replace("%1", str(error))) from None
    with document:
        chosen = page_range(printer, len(document)) if pages is None else pages
        dpi = max(MIN_DPI, min(printer.resolution(), MAX_DPI))
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError(tr("无法开始打印：打印机不可用"))
        try:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            for n, index in enumerate(chosen):
                if n and not printer.newPage():
                    raise PrintError(tr("打印中断：打印机不接受下一页"))
                target = _fit(QRectF(painter.viewport()), document.size_points(index))
                painter.drawImage(target, document.image(index, dpi))
        finally:
            painter.end()
    return len(chosen)


class PrintError(Exception):
    """Printing failed; the message is translated."""


def _fit(area: QRectF, size: tuple[float, float]) -> QRectF:
    """Where a page of ``size`` points goes in ``area`` (device pixels): centred, aspect kept."""
    width, height = size
    scale = min(area.width() / width, area.height() / height)
    drawn = QSizeF(width * scale, height * scale)
    return QRectF(
        area.x() + (area.width() - drawn.width()) / 2,
        area.y() + (area.height() - drawn.height()) / 2,
        drawn.width(),
        drawn.height(),
    )


def print_preview(
    pdf: bytes, parent: QWidget | None = None, printer: QPrinter | None = None
) -> QPrintPreviewDialog:
    """A print preview of ``pdf`` (not shown yet: ``open()`` or ``exec()`` it)."""
    printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    setup_printer(printer)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.kept_printer = printer  # type: ignore[attr-defined]  # Qt does not own it: freed early, it crashes
    dialog.setObjectName("printPreview")
    dialog.setWindowTitle(tr("打印预览"))
    dialog.paintRequested.connect(lambda target: print_pdf(pdf, target))
    fit_to_screen(dialog, 900, 1000)  # a page's height, or what the screen has
    return dialog


def print_with_dialog(
    pdf: bytes,
    parent: QWidget | None,
    on_done: Callable[[int], None],
    on_error: Callable[[BaseException], None],
) -> bool:
    """Ask for printer, copies and page range, then print in the background; ``False`` if cancelled.

    ``on_done(pages)`` or ``on_error(error)`` is called on the GUI thread when the printer has it.
    """
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    setup_printer(printer)
    with PdfPages(pdf) as document:
        count = len(document)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(tr("打印报告"))
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setMinMax(1, count)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    # QPainter may paint on a QPrinter off the GUI thread; the printer is used by this job only.
    run_in_background(lambda: print_pdf(pdf, printer), on_done, on_error)
    return True
