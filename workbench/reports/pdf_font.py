"""The report font, parsed once per font file and kept in the user cache directory.

Parsing the shipped CJK font (5 MB, ~50 000 glyphs: its character map, widths and glyph offsets)
takes reportlab ~0.15 s, on every run of ``workbench report``. The parsed tables are the same
until the file changes, so they are pickled into ``user_cache_dir()/fonts`` under a name made of
the file's name, size and modification time, the subfont, reportlab's version and Python's: a new
font file, a new reportlab or a new Python parses afresh. Only the tables are kept; the font's bytes
are read from the shipped file each time (subsetting copies glyphs from them). A cache that cannot
be read or written is ignored: the font is parsed as before.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import tempfile
from array import array
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from workbench.paths import user_cache_dir

if TYPE_CHECKING:
    from pathlib import Path

_FONT_BYTES = "_ttf_data"  # the whole file: read from the font file, not kept in the cache
_SCALE = "_pdfScale"  # a closure: made again from unitsPerEm, as reportlab makes it
_PER_DOCUMENT = "state"  # subsets used by each document being written: starts empty
# The large tables, kept as flat arrays of numbers: unpickling 200 000 small Python objects would
# cost most of what parsing does.
_TABLES = ("charToGlyph", "glyphToChar", "charWidths", "hmetrics", "glyphPos")
_FORMAT = 2


def load_font(name: str, path: Path, subfont: int = 0) -> TTFont:
    """``TTFont(name, path, subfontIndex=subfont)``, from the cache when it holds this file."""
    try:
        stat = path.stat()
        key = f"{_FORMAT}|{path.name}|{stat.st_size}|{stat.st_mtime_ns}|{subfont}|{reportlab.Version}|"
        key += ".".join(map(str, sys.version_info[:2]))
        cached = user_cache_dir() / "fonts" / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.pickle"
    except OSError:
        return TTFont(name, str(path), subfontIndex=subfont)
    font = _restore(cached, name, path)
    if font is None:
        font = TTFont(name, str(path), subfontIndex=subfont)
        _keep(cached, font)
    return font


def _restore(cached: Path, name: str, path: Path) -> TTFont | None:
    try:
        own, face_rest, flat = pickle.loads(cached.read_bytes())  # the user's own cache
        data = path.read_bytes()
        tables = _unflatten(flat)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, KeyError):
        return None
    face = _CachedFace.__new__(_CachedFace)
    face.__dict__.update(face_rest)
    face.__dict__.update(tables)
    face.__dict__[_FONT_BYTES] = data
    units = face.unitsPerEm
    face.__dict__[_SCALE] = (lambda x: x) if units == 1000 else (lambda x, m=1000 / units: x * m)
    font = TTFont.__new__(TTFont)
    font.__dict__.update(own)
    font.fontName = name
    font.face = face
    font.state = WeakKeyDictionary()
    return font


def _keep(cached: Path, font: TTFont) -> None:
    """Write the parsed tables atomically (a half-written file is never read)."""
    skip = (_FONT_BYTES, _SCALE, *_TABLES)
    face: dict[str, Any] = {k: v for k, v in font.face.__dict__.items() if k not in skip}
    own: dict[str, Any] = {k: v for k, v in font.__dict__.items() if k not in ("face", _PER_DOCUMENT)}
    try:
        flat = _flatten(font.face)
        cached.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=cached.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickle.dump((own, face, flat), out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, cached)
    except (OSError, pickle.PicklingError, OverflowError, TypeError):
        return


def _flatten(face: TTFontFace) -> dict[str, Any]:
    """The large tables as arrays (bytes); a glyph drawn for several characters keeps a list."""
    shared = {glyph: chars for glyph, chars in face.glyphToChar.items() if len(chars) != 1}
    single = [(glyph, chars[0]) for glyph, chars in face.glyphToChar.items() if len(chars) == 1]
    return {
        "chars": array("I", face.charToGlyph).tobytes(),
        "glyphs": array("I", face.charToGlyph.values()).tobytes(),
        "width_chars": array("I", face.charWidths).tobytes(),
        "widths": array("d", face.charWidths.values()).tobytes(),
        "single_glyphs": array("I", (g for g, _ in single)).tobytes(),
        "single_chars": array("I", (c for _, c in single)).tobytes(),
        "shared": shared,
        "hmetrics": array("d", (v for pair in face.hmetrics for v in pair)).tobytes(),  # read with int()
        "glyph_pos": array("I", face.glyphPos).tobytes(),
    }


def _numbers(flat: dict[str, Any], key: str, kind: str) -> array[Any]:
    out = array(kind)
    out.frombytes(flat[key])
    return out


def _unflatten(flat: dict[str, Any]) -> dict[str, Any]:
    """The tables every page needs (widths, the character map) as reportlab has them; the glyph
    metrics and offsets as arrays (read only when the font is subset)."""
    return {
        "charToGlyph": dict(zip(_numbers(flat, "chars", "I"), _numbers(flat, "glyphs", "I"), strict=True)),
        "charWidths": dict(
            zip(_numbers(flat, "width_chars", "I"), _numbers(flat, "widths", "d"), strict=True)
        ),
        "hmetrics": _Pairs(_numbers(flat, "hmetrics", "d")),
        "glyphPos": _numbers(flat, "glyph_pos", "I"),
        "_flat": flat,
    }


class _Pairs:
    """``hmetrics`` read from a flat array: ``pairs[i]`` is ``(advance, side bearing)``."""

    def __init__(self, values: array[float]) -> None:
        self.values = values

    def __getitem__(self, index: int) -> tuple[float, float]:
        return self.values[2 * index], self.values[2 * index + 1]

    def __len__(self) -> int:
        return len(self.values) // 2


class _CachedFace(TTFontFace):  # type: ignore[misc]
    """A face restored from the cache; ``glyphToChar`` (used only to shape text) is made on first use."""

    @functools.cached_property
    def glyphToChar(self) -> dict[int, list[int]]:  # reportlab's name
        flat = self.__dict__["_flat"]
        pairs = zip(_numbers(flat, "single_glyphs", "I"), _numbers(flat, "single_chars", "I"), strict=True)
        table = {glyph: [char] for glyph, char in pairs}
        table.update({glyph: list(chars) for glyph, chars in flat["shared"].items()})
        return table
