"""The canonical text of a case, its hash, and the field-level difference between two versions.

Pure functions over ``workbench.domain.codec`` plain data: the snapshot in ``case_version`` is the
canonical JSON, ``content_sha256`` its hash, and an audit entry is one changed leaf of it, named by
its path in the exchange format with rows named by their stable id
(``balance_sheet.assets[id=3f9a0c5e21b7].amount``), or one moved row.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from workbench.domain.case_file import CaseFile
from workbench.domain.codec import encode
from workbench.domain.field_model import field_map, row_list_types


def canonical_json(case: CaseFile) -> str:
    """The case's codec plain data as compact JSON with sorted keys (what the hash is taken of)."""
    return canonical_text(encode(case))


def canonical_text(plain: Any) -> str:
    """``canonical_json`` of plain data the caller encoded already."""
    return json.dumps(plain, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def content_sha256(case: CaseFile) -> str:
    """The hash that pins a state of a case (signed reports point to it)."""
    return sha256_text(canonical_json(case))


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One leaf that differs: ``None`` on a side where the field is absent (default or no item).

    A change whose path ends with a row (``balance_sheet.stock[id=3f9a0c5e21b7]``) is a move: ``before``
    and ``after`` are the row's 0-based positions in the list.
    """

    path: str
    before: str | None
    after: str | None

    @property
    def is_move(self) -> bool:
        return self.path.endswith("]") and self.before is not None and self.after is not None


_SIMPLE_ID = re.compile(r"[A-Za-z0-9_-]{1,200}")
_POSITIONS = re.compile(r"\[[^\]]*\]")
"""A position or a row in a path (``[3]``, ``[id=3f9a0c5e21b7]``): what a list's path loses to be looked up
in ``keyed_lists``."""


def _leaf_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def row_ids(items: list[Any]) -> list[str] | None:
    """The ids of a list of records when every item is an object with a simple, unique ``id``, else
    ``None`` (the list is then addressed by position)."""
    ids: list[str] = []
    for item in items:
        row_id = item.get("id") if isinstance(item, dict) else None
        if not isinstance(row_id, str) or not _SIMPLE_ID.fullmatch(row_id):
            return None
        ids.append(row_id)
    return ids if len(set(ids)) == len(ids) else None


def row_path(list_path: str, row_id: str) -> str:
    """The path of a row by its id: ``balance_sheet.stock[id=3f9a0c5e21b7]``."""
    return f"{list_path}[id={row_id}]"


@functools.cache
def keyed_lists() -> frozenset[str]:
    """The lists of the case whose items the types give an ``id`` (rows, cross-checks, evidence
    items), by their paths without positions (``field_model.row_list_types``)."""
    return frozenset(path for path, row in row_list_types(CaseFile).items() if "id" in field_map(row))


def flatten(data: Any, orders: dict[str, list[str]] | None = None) -> dict[str, str]:
    """Every leaf of plain case data by path: ``{"request.uses[id=08828b99dac7].amount": "40000", …}``.

    The items of a list of records with ids (``keyed_lists``: rows, cross-checks, evidence) are named
    by their id (``[id=…]``, the id itself is no leaf) as long as the ids are simple and unique, so a
    row keeps its paths when rows before it are added, removed or moved; other lists (texts, months)
    by position (``[0]``). ``orders``, when given, receives the ids of each list of rows in order.
    An empty list or object is a leaf of its own (``[]`` / ``{}``), so adding the first item or
    clearing a list shows up as a change.
    """
    keyed = keyed_lists()
    out: dict[str, str] = {}
    stack: list[tuple[str, Any, bool]] = [("", data, False)]
    while stack:
        path, node, is_row = stack.pop()
        if is_row and node.keys() == {"id"}:
            out[path] = "{}"  # a row with nothing but its id is still there
        elif isinstance(node, dict) and node:
            stack.extend(
                (f"{path}.{k}" if path else str(k), v, False)
                for k, v in node.items()
                if not (is_row and k == "id")
            )
        elif isinstance(node, list) and node:
            ids = row_ids(node) if _POSITIONS.sub("", path) in keyed else None
            if ids is None:
                stack.extend((f"{path}[{i}]", v, False) for i, v in enumerate(node))
            else:
                if orders is not None:
                    orders[path] = ids
                stack.extend((row_path(path, i), v, True) for i, v in zip(ids, node, strict=True))
        else:
            out[path] = _leaf_text(node)
    return out


def moves(before: dict[str, list[str]], after: dict[str, list[str]]) -> list[FieldChange]:
    """The rows that changed place within a list that has them on both sides.

    Rows that keep their order relative to each other (the longest run of rows in the same order)
    stay; every other row common to both sides moved. Adding or removing a row moves none.
    """
    out: list[FieldChange] = []
    for path, old in before.items():
        new = after.get(path)
        if new is None or old == new:
            continue
        new_at = {row_id: i for i, row_id in enumerate(new)}
        common = [row_id for row_id in old if row_id in new_at]
        staying = _longest_increasing({row_id: new_at[row_id] for row_id in common})
        old_at = {row_id: i for i, row_id in enumerate(old)}
        out.extend(
            FieldChange(row_path(path, row_id), str(old_at[row_id]), str(new_at[row_id]))
            for row_id in common
            if row_id not in staying
        )
    return out


def _longest_increasing(positions: dict[str, int]) -> set[str]:
    """The keys of a longest run of ``positions`` (in dict order) whose values increase."""
    keys = list(positions)
    tails: list[int] = []  # tails[k]: index into keys of the smallest tail of a run of length k + 1
    tail_values: list[int] = []
    previous: list[int] = [-1] * len(keys)
    for i, key in enumerate(keys):
        value = positions[key]
        k = bisect.bisect_left(tail_values, value)
        if k > 0:
            previous[i] = tails[k - 1]
        if k == len(tails):
            tails.append(i)
            tail_values.append(value)
        else:
            tails[k] = i
            tail_values[k] = value
    out: set[str] = set()
    i = tails[-1] if tails else -1
    while i >= 0:
        out.add(keys[i])
        i = previous[i]
    return out


def diff(before: Any, after: Any) -> list[FieldChange]:
    """Changed leaves and moved rows between two plain-data documents, sorted by path.

    Rows are lined up by id: editing one row is that row's change, reordering rows is a move
    (``FieldChange.is_move``), not a cascade of positional changes.
    """
    old_orders: dict[str, list[str]] = {}
    new_orders: dict[str, list[str]] = {}
    old, new = flatten(before, orders=old_orders), flatten(after, orders=new_orders)
    paths = sorted(set(old) | set(new))
    changes = [FieldChange(p, old.get(p), new.get(p)) for p in paths if old.get(p) != new.get(p)]
    changes.extend(moves(old_orders, new_orders))
    changes.sort(key=lambda c: c.path)
    return changes
