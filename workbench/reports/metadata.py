"""Reading back what ``render_pdf`` wrote into a PDF's document info (case hash, version, slots)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.reports.render import (
    INFO_CASE_SHA256,
    INFO_CASE_VERSION,
    INFO_REPORT_KIND,
    INFO_SIGNATURE_SLOTS,
    SlotPosition,
)

if TYPE_CHECKING:
    from pyhanko.pdf_utils.reader import PdfFileReader


@dataclass(frozen=True, slots=True)
class ReportInfo:
    """The workbench's entries of a PDF's document info (``None`` where absent)."""

    title: str | None
    kind: str | None
    case_sha256: str | None
    case_version: int | None
    slots: tuple[SlotPosition, ...]


def read_report_info(reader: PdfFileReader) -> ReportInfo:
    """The document info of the file's latest revision, as the workbench wrote it."""
    info: Any = reader.trailer_view.get("/Info")
    info = info.get_object() if info is not None else {}

    def text(key: str) -> str | None:
        value = info.get("/" + key)
        return None if value is None else str(value)

    version_text = text(INFO_CASE_VERSION)
    version = int(version_text) if version_text and version_text.isdigit() else None
    slots: list[SlotPosition] = []
    raw = text(INFO_SIGNATURE_SLOTS)
    if raw:
        try:
            for entry in json.loads(raw):
                rect = tuple(float(v) for v in entry["rect"])
                if len(rect) == 4:
                    slots.append(
                        SlotPosition(
                            int(entry["index"]),
                            str(entry["role"]),
                            str(entry.get("name", "")),
                            int(entry["page"]),
                            rect,
                            str(entry.get("kind", "")),
                        )
                    )
        except (ValueError, KeyError, TypeError):
            slots = []
    return ReportInfo(
        title=text("Title"),
        kind=text(INFO_REPORT_KIND),
        case_sha256=text(INFO_CASE_SHA256),
        case_version=version,
        slots=tuple(slots),
    )
