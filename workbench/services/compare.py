"""What differs between two versions of a case, field by field (the save-conflict comparison).

The same leaves and paths as the audit (``workbench.store.changes``): the codec's plain data of each
case, flattened to ``balance_sheet.stock[id=3f9a0c5e21b7].unit_cost``-style paths, rows lined up by
their ids (a row that only changed place is one difference, ``moved``). ``parts`` splits a path into
its names and row numbers (the row's place in my version, else in theirs) so the window can put it in
words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.domain.codec import encode
from workbench.store.changes import diff

if TYPE_CHECKING:
    from workbench.domain.case_file import CaseFile

_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]|\[id=([^\]]*)\]")


@dataclass(frozen=True, slots=True)
class FieldDifference:
    """One field whose value is not the same in both versions; ``None`` where it is absent."""

    path: str
    mine: str | None
    theirs: str | None
    parts: tuple[str | int, ...] = ()
    """Field names and 0-based rows of the path: ``("balance_sheet", "stock", 0, "unit_cost")``."""

    def __post_init__(self) -> None:
        if not self.parts:
            object.__setattr__(self, "parts", path_parts(self.path))

    @property
    def moved(self) -> bool:
        """The row at ``path`` changed place: ``mine`` and ``theirs`` are its 0-based positions."""
        return self.path.endswith("]") and self.mine is not None and self.theirs is not None


def path_parts(path: str, *roots: Any) -> tuple[str | int, ...]:
    """``"a.b[2].c"`` → ``("a", "b", 2, "c")``; a row named by its id (``a.b[id=x7].c``) becomes its
    0-based place in the first of ``roots`` (plain data) that has it (``"id=x7"`` if none has)."""
    parts: list[str | int] = []
    nodes = list(roots)
    for name, row, row_id in _PART.findall(path):
        part: str | int
        if row:
            index = int(row)
            part = index
            nodes = [n[index] for n in nodes if isinstance(n, list) and index < len(n)]
        elif not name:  # a row named by its id
            found = [(n, at) for n in nodes if (at := _place(n, row_id)) is not None]
            part = found[0][1] if found else f"id={row_id}"
            nodes = [n[at] for n, at in found]
        else:
            part = name
            nodes = [n[name] for n in nodes if isinstance(n, dict) and name in n]
        parts.append(part)
    return tuple(parts)


def _place(node: Any, row_id: str) -> int | None:
    if not isinstance(node, list):
        return None
    places = (i for i, item in enumerate(node) if isinstance(item, dict) and item.get("id") == row_id)
    return next(places, None)


def compare_cases(mine: CaseFile, theirs: CaseFile) -> tuple[FieldDifference, ...]:
    """Every field that differs between ``mine`` and ``theirs`` (empty when equal).

    In the order of the case file itself (applicant before balance sheet, rows by number), so the
    list reads like the case.
    """
    plain_mine, plain_theirs = encode(mine), encode(theirs)
    differences = [
        FieldDifference(c.path, c.before, c.after, path_parts(c.path, plain_mine, plain_theirs))
        for c in diff(plain_mine, plain_theirs)
    ]
    differences.sort(key=lambda d: _position(d.parts, plain_mine, plain_theirs))
    return tuple(differences)


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
