"""Immutable updates along a path into nested frozen dataclasses and tuples.

A path is a tuple of field names and row indexes, e.g. ``("balance_sheet", "stock", 2, "unit_cost")``;
its text form is the domain's error-field form ``balance_sheet.stock[2].unit_cost``. Updates build a
new root with ``dataclasses.replace`` along the path and share every untouched part with the old root,
so a table model can tell changed rows by identity. Nothing here knows the domain's classes: what a
path's value may hold comes from the domain's field model (``workbench.domain.field_model``).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from workbench.domain import field_model
from workbench.domain.field_model import Key, Path, blank, spec_at, type_spec

__all__ = [
    "Key",
    "Path",
    "blank",
    "empty_value",
    "field_hints",
    "get_in",
    "hint_at",
    "insert_in",
    "item_type_at",
    "path_text",
    "remove_in",
    "set_in",
    "spec_at",
    "touches",
    "unwrap",
]


def path_text(path: Path) -> str:
    """``("a", "b", 2, "c")`` → ``"a.b[2].c"`` (the domain's ValidationError field form)."""
    out = ""
    for key in path:
        if isinstance(key, int):
            out += f"[{key}]"
        else:
            out += f".{key}" if out else key
    return out


def touches(changed: frozenset[str], path: str) -> bool:
    """Whether a change set affects ``path``: the same path, one inside it, or one containing it.

    ``""`` in ``changed`` means the whole state changed.
    """
    for item in changed:
        if item == "" or item == path:
            return True
        if _inside(item, path) or _inside(path, item):
            return True
    return False


def _inside(inner: str, outer: str) -> bool:
    return inner.startswith(outer) and inner[len(outer) : len(outer) + 1] in (".", "[")


def get_in(root: Any, path: Path) -> Any:
    """The value at ``path``. Raises ``KeyError`` when the path does not exist (``None`` on the way)."""
    value = root
    for key in path:
        if value is None:
            raise KeyError(path_text(path))
        try:
            value = value[key] if isinstance(key, int) else getattr(value, key)
        except (IndexError, AttributeError):
            raise KeyError(path_text(path)) from None
    return value


def set_in(root: Any, path: Path, value: Any) -> Any:
    """A new root with ``value`` at ``path``; an absent optional dataclass on the way is created blank."""
    if not path:
        return value
    key, rest = path[0], path[1:]
    if isinstance(key, int):
        items = tuple(root)
        if not 0 <= key < len(items):
            raise KeyError(key)
        return (*items[:key], set_in(items[key], rest, value), *items[key + 1 :])
    child = getattr(root, key)
    if child is None and rest:
        cls = field_model.field_map(type(root))[key].spec.cls
        if cls is None:
            raise TypeError(f"not a dataclass field: {key}")
        child = blank(cls)
    return dataclasses.replace(root, **{key: set_in(child, rest, value)})


def insert_in(root: Any, list_path: Path, row: int, item: Any) -> Any:
    """A new root with ``item`` inserted at ``row`` of the tuple at ``list_path``."""
    items = tuple(get_in(root, list_path) or ())
    row = max(0, min(row, len(items)))
    return set_in(root, list_path, (*items[:row], item, *items[row:]))


def remove_in(root: Any, list_path: Path, row: int) -> Any:
    """A new root without row ``row`` of the tuple at ``list_path``."""
    items = tuple(get_in(root, list_path))
    if not 0 <= row < len(items):
        raise KeyError(row)
    return set_in(root, list_path, (*items[:row], *items[row + 1 :]))


# ---- type hints (read from the domain's field model) -----------------------------------------------


def field_hints(cls: type) -> dict[str, Any]:
    """Resolved type hints of a dataclass, with ``Annotated`` metadata kept."""
    return {name: f.hint for name, f in field_model.field_map(cls).items()}


def unwrap(hint: Any) -> tuple[Any, tuple[Any, ...], bool]:
    """``Annotated[X | None, meta]`` → ``(X, meta, optional)``; a two-type union stays a union."""
    spec = type_spec(hint)
    return spec.base, spec.meta, spec.optional


def hint_at(root: Any, path: Path) -> Any:
    """The declared type hint of the value at ``path`` (walking the live values for unions)."""
    return spec_at(root, path).hint


def item_type_at(root: Any, list_path: Path) -> type:
    """The dataclass of the items of the list at ``list_path``."""
    item = spec_at(root, list_path).item
    if item is None or item.cls is None:
        raise TypeError(f"not a list of dataclasses: {path_text(list_path)}")
    return item.cls


def empty_value(hint: Any) -> Any:
    """The empty value of a required field: ``""``, 0, the first enum member, ``()``, a blank dataclass."""
    return field_model.empty_value(type_spec(hint))
