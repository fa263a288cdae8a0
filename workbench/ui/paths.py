"""Immutable updates along a path into nested frozen dataclasses and tuples.

A path is a tuple of field names and row indexes, e.g. ``("balance_sheet", "stock", 2, "unit_cost")``;
its text form is the domain's error-field form ``balance_sheet.stock[2].unit_cost``. Updates build a
new root with ``dataclasses.replace`` along the path and share every untouched part with the old root,
so a table model can tell changed rows by identity. Nothing here knows the domain's classes.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any, Union

Key = str | int
Path = tuple[Key, ...]


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
        child = blank(_dataclass_in(field_hints(type(root))[key]))
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


# ---- type hints ------------------------------------------------------------------------------------


def field_hints(cls: type) -> dict[str, Any]:
    """Resolved type hints of a dataclass, with ``Annotated`` metadata kept (cached per class)."""
    cached = _HINTS.get(cls)
    if cached is None:
        cached = _HINTS[cls] = typing.get_type_hints(cls, include_extras=True)
    return cached


_HINTS: dict[type, dict[str, Any]] = {}


def unwrap(hint: Any) -> tuple[Any, tuple[Any, ...], bool]:
    """``Annotated[X | None, meta]`` → ``(X, meta, optional)``; a two-type union stays a union."""
    meta: tuple[Any, ...] = ()
    if typing.get_origin(hint) is typing.Annotated:
        hint, *extra = typing.get_args(hint)
        meta = tuple(extra)
    optional = False
    if typing.get_origin(hint) in (Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        optional = len(args) < len(typing.get_args(hint))
        if len(args) == 1:
            inner, inner_meta, _ = unwrap(args[0])
            return inner, meta + inner_meta, optional
        return Union[tuple(args)], meta, optional  # noqa: UP007 - rebuilt from a runtime tuple
    return hint, meta, optional


def _dataclass_in(hint: Any) -> type:
    base, _meta, _optional = unwrap(hint)
    if isinstance(base, type) and dataclasses.is_dataclass(base):
        return base
    raise TypeError(f"not a dataclass hint: {hint!r}")


def hint_at(root: Any, path: Path) -> Any:
    """The declared type hint of the value at ``path`` (walking the live values for unions)."""
    hint: Any = type(root)
    value = root
    for key in path:
        base, _meta, _optional = unwrap(hint)
        if isinstance(key, int):
            (hint, *_rest) = typing.get_args(base)
            value = value[key] if value is not None and key < len(value) else None
            continue
        owner = type(value) if value is not None else _dataclass_in(base)
        hint = field_hints(owner)[key]
        value = getattr(value, key) if value is not None else None
    return hint


def blank(cls: type) -> Any:
    """An instance of dataclass ``cls`` with empty values for the fields that have no default."""
    kwargs: dict[str, Any] = {}
    hints = field_hints(cls)
    for f in dataclasses.fields(cls):
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            kwargs[f.name] = empty_value(hints[f.name])
    return cls(**kwargs)


def empty_value(hint: Any) -> Any:
    """The empty value of a required field: ``""``, 0, the first enum member, ``()``, a blank dataclass."""
    base, meta, optional = unwrap(hint)
    if optional:
        return None
    low = next((getattr(m, "low", None) for m in meta if getattr(m, "low", None) is not None), None)
    if typing.get_origin(base) in (Union, types.UnionType):
        args = typing.get_args(base)
        base = next((a for a in args if a is Decimal or a is str), args[0])
    if typing.get_origin(base) is tuple:
        return ()
    if isinstance(base, type):
        if issubclass(base, Enum):
            return next(iter(base))
        if dataclasses.is_dataclass(base):
            return blank(base)
        if base is bool:
            return False
        if base is Decimal:
            return Decimal(0)
        if base is int:
            return int(low) if low is not None and low > 0 else 0
        if base is str:
            return ""
        if base is date:
            return date.today()
    raise TypeError(f"no empty value for {hint!r}")
