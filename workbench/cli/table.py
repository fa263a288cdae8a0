"""Plain-text tables that line up with CJK characters (two columns wide in a terminal)."""

from __future__ import annotations

import unicodedata


def width(text: str) -> int:
    """Display width: East Asian wide and full-width characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, size: int, right: bool) -> str:
    gap = " " * max(size - width(text), 0)
    return gap + text if right else text + gap


def render(head: list[str], rows: list[list[str]], left_columns: int = 1) -> str:
    """Columns after the first ``left_columns`` are right-aligned (numbers)."""
    table = [head, *rows]
    sizes = [max(width(row[i]) for row in table) for i in range(len(head))]
    lines = []
    for n, row in enumerate(table):
        cells = [_pad(cell, sizes[i], i >= left_columns) for i, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * s for s in sizes))
    return "\n".join(lines)
