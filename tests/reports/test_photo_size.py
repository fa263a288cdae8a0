"""Photos go into a dossier at their printed size at 200 dpi: 44 camera photos make a PDF a bank can
file and mail (≤ 8 MB), each image at about 200 pixels per inch as printed, and the photo handed in
stays as it was."""

from __future__ import annotations

import functools
import io
import re
from typing import TYPE_CHECKING

from PIL import Image, ImageDraw, ImageFilter

from tests.reports import pdf_tools
from tests.reports.conftest import meta_for
from workbench.reports.content import build_dossier
from workbench.reports.inputs import AttachmentImage
from workbench.reports.photos import PRINT_DPI, for_print
from workbench.reports.render import render_pdf

if TYPE_CHECKING:
    from workbench.domain.calc import CaseResults
    from workbench.domain.case_file import CaseFile

PHOTOS = 44
LIMIT = 8 * 1024 * 1024


@functools.cache
def _grain(size: tuple[int, int]) -> Image.Image:
    """Smooth light with a camera's noise."""
    noise = Image.effect_noise(size, 30).filter(ImageFilter.GaussianBlur(0.6))
    light = Image.linear_gradient("L").resize(size)
    return Image.merge("RGB", (noise, Image.blend(noise, light, 0.5), light))


def camera_photo(n: int, size: tuple[int, int] = (2400, 1800)) -> bytes:
    """A JPEG with a phone camera's pixel count and grain, each ``n`` a different picture."""
    image = _grain(size).copy()
    ImageDraw.Draw(image).rectangle(
        (
            40 * n % size[0],
            25 * n % size[1],
            40 * n % size[0] + size[0] // 3,
            25 * n % size[1] + size[1] // 4,
        ),
        fill=(30 * n % 255, 120, 200 - 3 * n % 200),
    )
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=90)
    return buf.getvalue()


def image_rows(pdf: bytes) -> list[list[str]]:
    """``pdfimages -list`` rows: page num type width height … object ID x-ppi y-ppi …"""
    lines = pdf_tools._run("pdfimages", pdf, "-list").splitlines()[2:]
    return [line.split() for line in lines if line.strip()]


def test_a_44_photo_dossier_is_at_most_8_mb_with_every_photo_at_200_dpi(
    case_b: tuple[CaseFile, CaseResults],
) -> None:
    case, results = case_b
    originals = [camera_photo(n) for n in range(PHOTOS)]
    photos = [AttachmentImage(f"p{n}.jpg", "image/jpeg", originals[n], f"现场 {n}") for n in range(PHOTOS)]
    handed_in = sum(len(p.data) for p in photos)
    pdf = render_pdf(build_dossier(case, results, photos), meta=meta_for(case))
    assert handed_in > 2 * LIMIT  # the photos as taken would not fit
    assert len(pdf) <= LIMIT, f"{len(pdf) / 1e6:.1f} MB"
    rows = [row for row in image_rows(pdf) if int(row[3]) >= 400]  # the photos, not icons or charts
    assert len(rows) == PHOTOS
    for row in rows:
        assert abs(int(row[12]) - PRINT_DPI) <= 3 and abs(int(row[13]) - PRINT_DPI) <= 3, row
    assert all(p.data == originals[n] for n, p in enumerate(photos))  # the originals untouched
    assert "图 44：现场 43" in pdf_tools.text(pdf)


def test_small_photos_and_scans_keep_their_kind_and_are_never_enlarged() -> None:
    small = camera_photo(1, (300, 200))
    assert for_print(small, "image/jpeg", 300, 200).data == small  # fewer pixels than 200 dpi asks
    scan = io.BytesIO()
    Image.new("RGBA", (2400, 3200), (255, 255, 255, 0)).save(scan, "PNG")
    printed = for_print(scan.getvalue(), "image/png", 144, 192)
    with Image.open(io.BytesIO(printed.data)) as image:
        assert (image.format, image.size, image.mode) == ("PNG", (400, 533), "RGBA")
    assert for_print(b"not an image", "image/jpeg", 100, 100).data == b"not an image"
    assert re.fullmatch(r"image/(jpeg|png)", for_print(small, "image/jpeg", 10, 10).media_type)
