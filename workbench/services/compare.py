"""What differs between two versions of a case, field by field (the save-conflict comparison).

The same leaves and paths as the audit (``workbench.store.changes``): the codec's plain data of each
case, flattened to ``balance_sheet.stock[0].unit_cost``-style paths. ``parts`` splits a path into its
names and row numbers so the window can put it in words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

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
    """Every field that differs between ``mine`` and ``theirs``, in path order (empty when equal)."""
    changes = sorted(diff(encode(mine), encode(theirs)), key=lambda c: _order(c.path))
    return tuple(FieldDifference(c.path, c.before, c.after) for c in changes)


def _order(path: str) -> tuple[tuple[int, int, str], ...]:
    """Rows in number order (``[2]`` before ``[10]``), names alphabetically."""
    return tuple((1, p, "") if isinstance(p, int) else (0, 0, p) for p in path_parts(path))
