"""The canonical text of a case, its hash, and the field-level difference between two versions.

Pure functions over ``workbench.domain.codec`` plain data: the snapshot in ``case_version`` is the
canonical JSON, ``content_sha256`` its hash, and an audit entry is one changed leaf of it, named by
its path in the exchange format (``balance_sheet.assets[2].amount``).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.domain.codec import encode

if TYPE_CHECKING:
    from workbench.domain.case_file import CaseFile


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
    """One leaf that differs: ``None`` on a side where the field is absent (default or no item)."""

    path: str
    before: str | None
    after: str | None


def _leaf_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def flatten(data: Any, prefix: str = "") -> dict[str, str]:
    """Every leaf of plain data by path: ``{"request.uses[0].amount": "40000", …}``.

    An empty list or object is a leaf of its own (``[]`` / ``{}``), so adding the first item or
    clearing a list shows up as a change.
    """
    out: dict[str, str] = {}
    stack: list[tuple[str, Any]] = [(prefix, data)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, dict) and node:
            stack.extend((f"{path}.{k}" if path else str(k), v) for k, v in node.items())
        elif isinstance(node, list) and node:
            stack.extend((f"{path}[{i}]", v) for i, v in enumerate(node))
        else:
            out[path] = _leaf_text(node)
    return out


def diff(before: Any, after: Any) -> list[FieldChange]:
    """Changed leaves between two plain-data documents, sorted by path."""
    old, new = flatten(before), flatten(after)
    paths = sorted(set(old) | set(new))
    return [FieldChange(p, old.get(p), new.get(p)) for p in paths if old.get(p) != new.get(p)]
