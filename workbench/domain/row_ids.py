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
import re
import secrets
import typing
from typing import Any, TypeVar

from workbench.domain.errors import ValidationError
from workbench.domain.field_model import field_map, row_lists
from workbench.domain.fields import RowId

ROW_ID_HEX = 12
"""Hex digits of a generated id: 48 bits, so a clash within one list is practically impossible."""

R = TypeVar("R", bound="Row")

OWN_ID_LISTS = frozenset({"cross_checks", "evidence"})
"""The lists of the case whose items have ids of their own (not row ids): their item types are no
``Row``, which is how ``fill_row_ids`` tells them."""


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

    The rows are the items of the lists ``field_model.row_lists`` finds by the case's types; the items
    of ``cross_checks`` and ``evidence`` (ids of their own, not ``Row``) are left alone. ``prefix`` is
    the path of ``case`` in the whole case when it is one section (``household``). The input is not
    changed; parts that needed no id are shared.
    """
    out = case
    for found in row_lists(case, _class_at(prefix), prefix):
        rows = found.rows
        if not issubclass(found.row_type, Row) or all(_has_id(row) for row in rows):
            continue
        filled = [
            row if _has_id(row) else {"id": derived_row_id(case_id, found.path, index), **_without_id(row)}
            for index, row in enumerate(rows)
        ]
        out = _put(out, found.keys, filled)
    return out


def rows_lack_ids(case: Any) -> bool:
    """Whether plain case data was written before rows had ids: its first row has none.

    A document is written whole by one version of the workbench, so one row tells (a cheap test
    before ``fill_row_ids`` on a stored snapshot). ``False`` when there is no row at all.
    """
    for found in row_lists(case, _class_at("")):
        if found.rows and issubclass(found.row_type, Row) and isinstance(found.rows[0], dict):
            return not found.rows[0].get("id")
    return False


def _has_id(row: Any) -> bool:
    """Whether a plain row needs no id: it has one, or it is no object (the codec refuses it)."""
    return not isinstance(row, dict) or bool(row.get("id"))


def _without_id(row: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in row.items() if key != "id"}


def _put(node: Any, keys: tuple[str | int, ...], value: Any) -> Any:
    """A copy of ``node`` with ``value`` at ``keys``, copying only the objects and lists on the way."""
    if not keys:
        return value
    head, rest = keys[0], keys[1:]
    if isinstance(node, dict):
        return {**node, head: _put(node[head], rest, value)}
    index = typing.cast("int", head)
    copied = list(node)
    copied[index] = _put(node[index], rest, value)
    return copied


def _class_at(prefix: str) -> type:
    """The dataclass of the section of the case at ``prefix`` (``household``, ``cross_checks[0]``)."""
    # The case's classes import this module (``Row``), so the case is looked up when first needed.
    from workbench.domain.case_file import CaseFile

    cls: type = CaseFile
    for name in re.sub(r"\[\d+\]", "", prefix).split(".") if prefix else ():
        spec = field_map(cls)[name].spec
        item = spec.item if spec.item is not None else spec
        if item.cls is None:
            raise KeyError(prefix)
        cls = item.cls
    return cls
