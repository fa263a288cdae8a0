"""Real image, PDF and hostile files for the attachment tests (built with Pillow, no fixtures on disk)."""

from __future__ import annotations

import io
import struct
import zlib


def png(width: int = 64, height: int = 48, colour: tuple[int, int, int] = (0, 114, 178)) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "PNG")
    return out.getvalue()


def jpeg(width: int = 80, height: int = 60, colour: tuple[int, int, int] = (230, 159, 0)) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "JPEG", quality=80)
    return out.getvalue()


def pdf() -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )


def png_claiming(width: int, height: int) -> bytes:
    """A well-formed PNG header and chunk chain that claims ``width`` × ``height`` (a pixel bomb)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0"))
        + chunk(b"IEND", b"")
    )


HOSTILE = {
    "empty": b"",
    "text named .jpg": "这不是照片".encode(),
    "executable": b"MZ\x90\x00\x03" + b"\x00" * 200,
    "html": b"<html><script>alert(1)</script></html>",
    "svg": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "zip": b"PK\x03\x04" + b"\x00" * 100,
}
"""Files that must be refused as unknown types."""
