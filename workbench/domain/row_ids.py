"""Stable ids of detail rows: every item of a list in the case file (a stock line, a debt, a
household member …) carries an ``id`` that survives edits, reordering, storage and export.

* Every row type derives from ``Row``, whose keyword-only ``id`` field comes first. A row built
  without an id (or with ``""``) gets a random one in ``__post_init__``: 12 lower-case hex digits
  (``new_row_id``), so every constructor works without naming one. The field's declared default is
  ``""`` ("the reader assigns one"), so the JSON schema and the field introspection stay
  deterministic.
* A row read from a file or a snapshot written before rows had ids (case-file format version 1,
  store snapshots before migration 0005) gets a *derived* id: the first 12 hex digits of the SHA-256
  of ``case id / list path / index`` (``derived_row_id``). Importing the same old file twice gives
  the same ids, and migration 0005 gives a stored case the ids its exported file would get.
* Ids are unique within their list (``check_unique_row_ids``), not across lists: the current and
  the prior balance sheet may hold rows with the same id.
* The id takes no part in ``==``: two rows with the same content compare equal whatever their ids
  (the case's content hash and the exchange file do include it).

Cross-checks and evidence items have ids of their own, chosen by the officer (``M1-a``, ``ev-3``);
they are not row ids.
"""

from __future__ import annotations

import dataclasses
import hashlib
import secrets
from typing import Any, TypeVar

from workbench.domain.errors import ValidationError
from workbench.domain.fields import RowId

ROW_ID_HEX = 12
"""Hex digits of a generated id: 48 bits, so a clash within one list is practically impossible."""

R = TypeVar("R", bound="Row")

MAX_FILL_DEPTH = 32

OWN_ID_LISTS = frozenset({"cross_checks", "evidence"})
"""Top-level lists of the case whose items have ids of their own (not row ids)."""


def new_row_id() -> str:
    """A fresh random row id (12 lower-case hex digits)."""
    return secrets.token_hex(ROW_ID_HEX // 2)


def derived_row_id(case_id: str, list_path: str, index: int) -> str:
    """The id a row without one gets: from the case id, its list's path in the exchange format
    (``balance_sheet.stock``, ``cross_checks[2].inputs.items``) and its 0-based index."""
    seed = f"{case_id}/{list_path}/{index}".encode()
    return hashlib.sha256(seed).hexdigest()[:ROW_ID_HEX]


@dataclasses.dataclass(frozen=True, slots=True)
class Row:
    """Base of every detail-row dataclass: its stable ``id`` (keyword-only, first, not compared).

    A row type with a ``__post_init__`` of its own calls ``Row.__post_init__(self)`` from it (zero-argument
    ``super()`` does not work in a slotted dataclass).
    """

    id: RowId = dataclasses.field(default="", compare=False, kw_only=True)

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", new_row_id())


def check_unique_row_ids(owner: object, *names: str) -> None:
    """Refuse two rows of one list with the same id.

    Raises:
        ValidationError: ``<list>[i].id`` reason ``duplicate_id``.
    """
    for name in names:
        rows = getattr(owner, name)
        if not rows:
            continue
        seen: set[str] = set()
        for index, row in enumerate(rows):
            row_id = row.id
            if row_id in seen:
                raise ValidationError(f"{name}[{index}].id", "duplicate_id", value=row_id)
            seen.add(row_id)


def with_new_id(row: R) -> R:
    """A copy of ``row`` under a fresh id (a duplicated or pasted row is a new row)."""
    return dataclasses.replace(row, id=new_row_id())


def fill_row_ids(case: Any, case_id: str, prefix: str = "") -> Any:
    """Plain case data (``codec.encode`` form) with an id put first into every row that has none
    (or an empty one).

    A row is an object in a list; the items of ``cross_checks`` and ``evidence`` (their own ids) are
    left alone. ``prefix`` is the path of ``case`` in the whole case when it is one section
    (``household``). The input is not changed; parts that needed no id are shared.
    """
    return _fill(case, case_id, prefix, 0)


def rows_lack_ids(case: Any) -> bool:
    """Whether plain case data was written before rows had ids: its first row has none.

    A document is written whole by one version of the workbench, so one row tells (a cheap test
    before ``fill_row_ids`` on a stored snapshot). ``False`` when there is no row at all.
    """
    return _first_row_lacks_id(case, "") is True


def _first_row_lacks_id(node: Any, key: str) -> bool | None:
    """``True`` / ``False`` for the first row found under ``node`` (``key``: its field), else ``None``."""
    if isinstance(node, dict):
        for name, value in node.items():
            if isinstance(value, dict | list) and value:
                found = _first_row_lacks_id(value, name)
                if found is not None:
                    return found
    elif isinstance(node, list):
        first = node[0]
        if isinstance(first, dict) and key not in OWN_ID_LISTS:
            return not first.get("id")
        for item in node:
            if isinstance(item, dict | list) and item:
                found = _first_row_lacks_id(item, "")
                if found is not None:
                    return found
    return None


def _fill(node: Any, case_id: str, path: str, depth: int) -> Any:
    if depth > MAX_FILL_DEPTH:  # deeper than any case; the codec refuses it (too_deep)
        return node
    if isinstance(node, dict):
        changed = False
        out: dict[str, Any] = {}
        for key, value in node.items():
            filled = _fill(value, case_id, f"{path}.{key}" if path else str(key), depth + 1)
            changed = changed or filled is not value
            out[key] = filled
        return out if changed else node
    if isinstance(node, list):
        own_ids = path in OWN_ID_LISTS
        items: list[Any] = []
        changed = False
        for index, item in enumerate(node):
            filled = _fill(item, case_id, f"{path}[{index}]", depth + 1)
            if isinstance(filled, dict) and not own_ids and not filled.get("id"):
                rest = {k: v for k, v in filled.items() if k != "id"}
                filled = {"id": derived_row_id(case_id, path, index), **rest}
            changed = changed or filled is not item
            items.append(filled)
        return items if changed else node
    return node
