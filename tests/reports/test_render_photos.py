"""Photos are drawn in the kept layout pass only (the first pass of a document with contents is
thrown away), and every photo is in the PDF, also when the first pass turns out to be the last."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from PIL import Image

from tests.reports import pdf_tools
from tests.reports.conftest import meta_for
from workbench.reports.content import build_dossier
from workbench.reports.document import Contents, ImageRef, ReportDoc, ReportKind
from workbench.reports.inputs import AttachmentImage
from workbench.reports.render import PdfMeta, render_pdf

if TYPE_CHECKING:
    from workbench.domain.calc import CaseResults
    from workbench.domain.case_file import CaseFile


def photo(n: int, kind: str = "JPEG") -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (320, 240), (40 * n % 255, 90, 160)).save(buf, kind)
    return buf.getvalue()


def embedded_images(pdf: bytes) -> int:
    """Image XObjects drawn on pages (``pdfimages -list``: two header lines, then one per image)."""
    lines = pdf_tools._run("pdfimages", pdf, "-list").splitlines()
    return len([line for line in lines[2:] if line.strip()])


def test_every_photo_of_the_dossier_is_in_the_pdf(case_b: tuple[CaseFile, CaseResults]) -> None:
    case, results = case_b
    photos = [AttachmentImage(f"p{n}.jpg", "image/jpeg", photo(n), f"现场 {n}") for n in range(5)]
    photos.append(AttachmentImage("scan.png", "image/png", photo(9, "PNG"), "扫描件"))
    pdf = render_pdf(build_dossier(case, results, photos), meta=meta_for(case))
    assert embedded_images(pdf) >= len(photos)
    assert "图 6：扫描件" in pdf_tools.text(pdf)


def test_a_document_whose_first_pass_is_its_last_still_draws_its_photo() -> None:
    doc = ReportDoc(
        ReportKind.DOSSIER,
        "照片",
        "zh",
        "X-1",
        (Contents("目录"), ImageRef("p.jpg", "image/jpeg", photo(1), "唯一的照片")),
    )
    pdf = render_pdf(doc, meta=PdfMeta(unit=""))
    assert embedded_images(pdf) == 1
