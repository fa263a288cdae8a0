"""Poppler's command-line tools on PDF bytes, for the report tests (scripts/system-deps.sh installs them)."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

TOOLS = ("pdftotext", "pdfinfo", "pdffonts", "pdfsig", "pdftoppm")


def need_poppler() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"poppler-utils missing ({', '.join(missing)}): run scripts/system-deps.sh")


def _run(tool: str, pdf: bytes, *args: str) -> str:
    need_poppler()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(pdf)
        done = subprocess.run(
            [tool, *args, str(path), *([] if tool != "pdftotext" else ["-"])],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    return done.stdout + done.stderr


def text(pdf: bytes, first: int | None = None, last: int | None = None, *, layout: bool = False) -> str:
    """``pdftotext`` (reading order, or the page's layout), optionally of pages first..last (1-based)."""
    args = ["-enc", "UTF-8", *(["-layout"] if layout else [])]
    if first is not None:
        args += ["-f", str(first)]
    if last is not None:
        args += ["-l", str(last)]
    return _run("pdftotext", pdf, *args)


def page_count(pdf: bytes) -> int:
    match = re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", pdf), re.M)
    assert match, "pdfinfo found no page count"
    return int(match.group(1))


def info(pdf: bytes) -> str:
    """``pdfinfo -custom``: every document-info entry, custom keys included."""
    return _run("pdfinfo", pdf, "-custom")


def fonts(pdf: bytes) -> list[list[str]]:
    """Rows of ``pdffonts`` (after the two header lines), split on whitespace."""
    lines = _run("pdffonts", pdf).splitlines()[2:]
    return [line.split() for line in lines if line.strip()]


def pdfsig(pdf: bytes) -> str:
    return _run("pdfsig", pdf)


def squeeze(value: str) -> str:
    """Text without any whitespace (pdftotext may break a wrapped line anywhere)."""
    return re.sub(r"\s+", "", value)
