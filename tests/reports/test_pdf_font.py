"""The report font's parsed tables, cached in the user cache directory: the same font, made again
when the file changes, and a broken cache is parsed around."""

from __future__ import annotations

import os
import shutil
from typing import TYPE_CHECKING

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from workbench.paths import resource_path
from workbench.reports.pdf_font import load_font

if TYPE_CHECKING:
    from pathlib import Path

FONT = resource_path("fonts", "wqy-microhei.ttc")
TEXT = "贷款档案 Loan dossier 金额单位：元 −3.11% ≤5%"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WORKBENCH_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / "fonts"


def test_the_cached_font_measures_and_subsets_as_the_parsed_one(cache: Path) -> None:
    parsed = TTFont("Parsed", str(FONT), subfontIndex=0)
    load_font("First", FONT)  # parses and keeps the tables
    assert len(list(cache.iterdir())) == 1
    cached = load_font("Cached", FONT)
    assert cached.fontName == "Cached"
    assert cached.stringWidth(TEXT, 9.5) == parsed.stringWidth(TEXT, 9.5)
    codes = [0, *sorted({ord(c) for c in TEXT})]
    assert cached.face.makeSubset(codes) == parsed.face.makeSubset(codes)
    for name in ("ascent", "descent", "capHeight", "bbox", "flags", "charToGlyph", "charWidths"):
        assert getattr(cached.face, name) == getattr(parsed.face, name), name
    assert cached.face.glyphToChar == parsed.face.glyphToChar


def test_a_changed_font_file_is_parsed_again(cache: Path, tmp_path: Path) -> None:
    font = tmp_path / "font.ttc"
    shutil.copyfile(FONT, font)
    load_font("A", font)
    stat = font.stat()
    os.utime(font, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    load_font("B", font)
    assert len(list(cache.iterdir())) == 2  # one entry per version of the file


def test_a_broken_cache_entry_is_parsed_around(cache: Path) -> None:
    load_font("A", FONT)
    (entry,) = cache.iterdir()
    entry.write_bytes(b"not a pickle")
    font = load_font("B", FONT)
    assert font.stringWidth(TEXT, 10) == TTFont("C", str(FONT), subfontIndex=0).stringWidth(TEXT, 10)
