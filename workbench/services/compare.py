"""What differs between two versions of a case, field by field (the save-conflict comparison).

The same leaves and paths as the audit (``workbench.store.changes``): the codec's plain data of each
case, flattened to ``balance_sheet.stock[0].unit_cost``-style paths. ``parts`` splits a path into its
names and row numbers so the window can put it in words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.domain.codec import encode
from workbench.store.changes import diff

if TYPE_CHECKING:
    from workbench.domain.case_file import CaseFile

_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


@dataclass(frozen=True, slots=True)
class FieldDifference:
    """One field whose value is not the same in both versions; ``None`` where it is absent."""

    path: str
    mine: str | None
    theirs: str | None

    @property
    def parts(self) -> tuple[str | int, ...]:
        """Field names and 0-based rows of the path: ``("balance_sheet", "stock", 0, "unit_cost")``."""
        return path_parts(self.path)


def path_parts(path: str) -> tuple[str | int, ...]:
    """``"a.b[2].c"`` → ``("a", "b", 2, "c")``."""
    return tuple(int(row) if row else name for name, row in _PART.findall(path))


def compare_cases(mine: CaseFile, theirs: CaseFile) -> tuple[FieldDifference, ...]:
    """Every field that differs between ``mine`` and ``theirs`` (empty when equal).

    In the order of the case file itself (applicant before balance sheet, rows by number), so the
    list reads like the case.
    """
    plain_mine, plain_theirs = encode(mine), encode(theirs)
    changes = diff(plain_mine, plain_theirs)
    changes.sort(key=lambda c: _position(path_parts(c.path), plain_mine, plain_theirs))
    return tuple(FieldDifference(c.path, c.before, c.after) for c in changes)


def _position(parts: tuple[str | int, ...], *roots: Any) -> tuple[int, ...]:
    """Where a path sits in the document: the index of each key among its siblings, or the row."""
    position: list[int] = []
    nodes = list(roots)
    for part in parts:
        if isinstance(part, int):
            position.append(part)
            nodes = [n[part] for n in nodes if isinstance(n, list) and part < len(n)]
            continue
        keys = [list(n) for n in nodes if isinstance(n, dict)]
        at = next((k.index(part) for k in keys if part in k), len(keys[0]) if keys else 0)
        position.append(at)
        nodes = [n[part] for n in nodes if isinstance(n, dict) and part in n]
    return tuple(position)
