"""Photos as printed: down-sampled to their size on the page at 200 dpi before they go into a PDF.

A camera photo has ten times the pixels a 14 cm print can show; embedding it whole made a dossier
of 44 photos 26 MB. ``for_print`` scales a photo down to its printed size at ``PRINT_DPI`` (never
up) and re-encodes it: a JPEG as JPEG (quality ``JPEG_QUALITY``, no visible loss at print size), a
PNG (a scan: text, lines, perhaps transparency) as PNG. Only the PDF's copy changes: the original
stays in the store as it was attached.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

PRINT_DPI = 200
JPEG_QUALITY = 85
POINTS_PER_INCH = 72.0


@dataclass(frozen=True, slots=True)
class PrintedPhoto:
    """The bytes to embed and their media type."""

    data: bytes
    media_type: str


def for_print(data: bytes, media_type: str, width_pt: float, height_pt: float) -> PrintedPhoto:
    """``data`` scaled down to ``width_pt`` × ``height_pt`` points at ``PRINT_DPI``.

    The photo as it is when it has no more pixels than that, or when Pillow cannot read it (the
    PDF renderer then handles it as before).
    """
    target = (
        max(1, round(width_pt / POINTS_PER_INCH * PRINT_DPI)),
        max(1, round(height_pt / POINTS_PER_INCH * PRINT_DPI)),
    )
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width <= target[0] and image.height <= target[1]:
                return PrintedPhoto(data, media_type)
            image.draft("RGB", target)  # a JPEG decodes at a fraction of its size: much faster
            smaller = image.resize(target, Image.Resampling.LANCZOS)
            is_jpeg = image.format == "JPEG"
    except (UnidentifiedImageError, OSError, ValueError):
        return PrintedPhoto(data, media_type)
    out = io.BytesIO()
    if is_jpeg:
        smaller.convert("RGB").save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
        return PrintedPhoto(out.getvalue(), "image/jpeg")
    smaller.save(out, "PNG", optimize=True)
    return PrintedPhoto(out.getvalue(), "image/png")
