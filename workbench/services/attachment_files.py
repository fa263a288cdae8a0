"""Attachment files judged by their bytes: type sniffing, limits, hashes, refusals with their texts.

No database here (the window imports this before the store is open): ``workbench.services.attachments``
keeps the files.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.domain.errors import DomainError
from workbench.texts import N_, text

if TYPE_CHECKING:
    from workbench.domain.evidence import Evidence

MAX_BYTES = 20 * 1024 * 1024
"""Largest file kept: a phone photo is 2–8 MB, a multi-page scan a few MB more."""
MAX_PIXELS = 80_000_000
"""Largest image (width × height): a decoded 80 MP photo already needs 320 MB."""
MAX_SIDE = 30_000
JPEG, PNG, PDF = "image/jpeg", "image/png", "application/pdf"
MEDIA_TYPES = (JPEG, PNG, PDF)

TEXTS: dict[str, str] = {
    "empty": N_("文件 {name} 是空的"),
    "too_large": N_("文件 {name} 有 {size}，超过上限 {limit}"),
    "unknown_type": N_("文件 {name} 不是 JPEG、PNG 图片或 PDF 扫描件（按内容判断，与扩展名无关）"),
    "malformed": N_("文件 {name} 已损坏或不完整（{kind}：{detail}）"),
    "too_many_pixels": N_("图片 {name} 为 {width}×{height} 像素，过大（上限 {limit} 万像素）"),
    "hash_mismatch": N_("文件 {name} 与证据 {evidence_id} 记录的 SHA-256 不符"),
    "unknown_evidence": N_("案卷中没有证据 {evidence_id}，请先保存案卷"),
    "no_file": N_("证据 {evidence_id} 没有存入的文件"),
    "case_frozen": N_("案卷已提交贷审会，附件不能修改"),
}


class AttachmentError(DomainError):
    """A file refused or missing; ``reason`` keys ``TEXTS``, ``params`` fill it."""

    def __init__(self, reason: str, **params: object) -> None:
        self.reason = reason
        self.params = params
        super().__init__(f"{reason}: {params}")

    def describe(self, lang: str = "zh") -> str:
        return text(TEXTS[self.reason], lang, **self.params)


@dataclass(frozen=True, slots=True)
class Sniffed:
    """What the bytes are: a media type and, for images, the size in pixels (0 for a PDF)."""

    media_type: str
    width: int = 0
    height: int = 0


@dataclass(frozen=True, slots=True)
class PendingFile:
    """A file added in the window and not stored yet."""

    evidence_id: str
    file_name: str
    data: bytes


def size_text(size: int) -> str:
    """``2.4 MB``, ``730 KB``, ``12 B``."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size // 1024} KB"
    return f"{size} B"


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ---- sniffing ----------------------------------------------------------------------------------


def _malformed(name: str, kind: str, detail: str) -> AttachmentError:
    return AttachmentError("malformed", name=name, kind=kind, detail=detail)


def _png_size(data: bytes, name: str) -> tuple[int, int]:
    """Width and height from IHDR; the chunk chain must be whole up to IEND, CRCs right."""
    pos = 8
    size: tuple[int, int] | None = None
    while True:
        if pos + 12 > len(data):
            raise _malformed(name, "PNG", "truncated")
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        end = pos + 12 + length
        if end > len(data):
            raise _malformed(name, "PNG", f"chunk {kind!r} truncated")
        body = data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[end - 4 : end])
        if zlib.crc32(kind + body) != crc:
            raise _malformed(name, "PNG", f"bad CRC in {kind.decode('latin-1')}")
        if size is None:
            if kind != b"IHDR" or length != 13:
                raise _malformed(name, "PNG", "no IHDR")
            size = struct.unpack(">II", body[:8])
        if kind == b"IEND":
            return size
        pos = end


_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg_size(data: bytes, name: str) -> tuple[int, int]:
    """Width and height from the first start-of-frame marker; the file must end with EOI."""
    if not data.rstrip(b"\x00").endswith(b"\xff\xd9"):
        raise _malformed(name, "JPEG", "truncated (no end marker)")
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            raise _malformed(name, "JPEG", f"bad marker at byte {pos}")
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            pos += 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if length < 2 or pos + 2 + length > len(data):
            raise _malformed(name, "JPEG", "segment truncated")
        if marker in _SOF:
            if length < 7:
                raise _malformed(name, "JPEG", "frame header truncated")
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            return width, height
        if marker == 0xDA:  # scan data before any frame header
            break
        pos += 2 + length
    raise _malformed(name, "JPEG", "no frame header")


def sniff(data: bytes, name: str = "") -> Sniffed:
    """What ``data`` is, judged by its content, checked for size and shape.

    Raises:
        AttachmentError: ``empty``, ``too_large``, ``unknown_type``, ``malformed``, ``too_many_pixels``.
    """
    if not data:
        raise AttachmentError("empty", name=name)
    if len(data) > MAX_BYTES:
        raise AttachmentError("too_large", name=name, size=size_text(len(data)), limit=size_text(MAX_BYTES))
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        media, (width, height) = PNG, _png_size(data, name)
    elif data.startswith(b"\xff\xd8\xff"):
        media, (width, height) = JPEG, _jpeg_size(data, name)
    elif data.startswith(b"%PDF-"):
        if b"%%EOF" not in data[-2048:]:
            raise _malformed(name, "PDF", "truncated (no %%EOF)")
        return Sniffed(PDF)
    else:
        raise AttachmentError("unknown_type", name=name)
    if width <= 0 or height <= 0:
        raise _malformed(name, media.split("/")[1].upper(), "zero size")
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise AttachmentError(
            "too_many_pixels", name=name, width=width, height=height, limit=MAX_PIXELS // 1_000_000 * 100
        )
    return Sniffed(media, width, height)


def check_file(data: bytes, name: str, evidence: Evidence | None = None) -> Sniffed:
    """``sniff``, and the hash against the evidence item when it records one.

    Raises:
        AttachmentError: the file is refused.
    """
    sniffed = sniff(data, name)
    if evidence is not None and evidence.sha256 and evidence.sha256.lower() != sha256_of(data):
        raise AttachmentError("hash_mismatch", name=name, evidence_id=evidence.id)
    return sniffed
