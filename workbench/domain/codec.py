"""Case file ⇄ plain data (dicts, lists, strings), driven by the dataclasses' type hints.

It lives in the domain, with no JSON import, because both the store (version snapshots) and the
services (the exchange format) need the same mapping. The annotations in ``fields`` bound every
value, so a hostile file (huge numbers, 50 MB strings, deep nesting, wrong types) is refused
with the path of the first bad field and nothing else happens.

Encoding rules: Decimal → plain decimal string (never exponent form), date → ``YYYY-MM-DD``,
enum → its value, tuple → list, ``FigureRef`` → ``"=name"``; fields equal to their default are
left out, so export → import → export gives the same bytes.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any, TypeVar, Union

from workbench.domain.case_file import CaseFile
from workbench.domain.errors import ValidationError
from workbench.domain.fields import MAX_ITEMS, Bounds, MaxLength
from workbench.domain.figures import FigureRef
from workbench.domain.row_ids import fill_row_ids

FORMAT_NAME = "workbench-case"
FORMAT_VERSION = 2
"""Version 2: every detail row carries its stable ``id`` (``workbench.domain.row_ids``)."""
SUPPORTED_VERSIONS = (1, 2)
"""Version 1 (no row ids) still reads: its rows get ids derived from the case id, list and index."""
MAX_DEPTH = 24
MAX_DECIMAL_TEXT = 40

T = TypeVar("T")
_DATE_TEXT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DECIMAL_TEXT = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


@dataclasses.dataclass(frozen=True, slots=True)
class CodecField:
    """A dataclass field as the codec (and the schema) see it."""

    name: str
    hint: Any
    default: Any
    has_default: bool
    tagged_by: str | None
    tag_types: dict[str, type] | None


_FIELDS: dict[type, tuple[CodecField, ...]] = {}


def dataclass_fields(cls: type) -> tuple[CodecField, ...]:
    """The fields of ``cls`` with their resolved hints and defaults (cached per class)."""
    cached = _FIELDS.get(cls)
    if cached is not None:
        return cached
    hints = typing.get_type_hints(cls, include_extras=True)
    out = []
    for f in dataclasses.fields(cls):
        if f.default is not dataclasses.MISSING:
            default, has_default = f.default, True
        elif f.default_factory is not dataclasses.MISSING:
            default, has_default = f.default_factory(), True
        else:
            default, has_default = None, False
        out.append(
            CodecField(
                f.name,
                hints[f.name],
                default,
                has_default,
                f.metadata.get("tagged_by"),
                f.metadata.get("types"),
            )
        )
    _FIELDS[cls] = tuple(out)
    return _FIELDS[cls]


def _split_annotated(hint: Any) -> tuple[Any, tuple[Any, ...]]:
    if typing.get_origin(hint) is typing.Annotated:
        args = typing.get_args(hint)
        return args[0], tuple(args[1:])
    return hint, ()


def _is_union(hint: Any) -> bool:
    return typing.get_origin(hint) in (Union, types.UnionType)


# ---- encode ------------------------------------------------------------------------------------


def encode(value: Any) -> Any:
    """Plain data for a dataclass value (see the module doc for the rules)."""
    if isinstance(value, FigureRef):
        return f"={value.name}"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        for f in dataclass_fields(type(value)):
            item = getattr(value, f.name)
            if f.has_default and item == f.default and type(item) is type(f.default):
                continue
            out[f.name] = encode(item)
        return out
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [encode(v) for v in value]
    if value is None or isinstance(value, bool | int | str):
        return value
    raise TypeError(f"cannot encode {type(value).__name__}")


def case_to_document(case: CaseFile) -> dict[str, Any]:
    """The versioned exchange document of a case."""
    return {"format": FORMAT_NAME, "version": FORMAT_VERSION, "case": encode(case)}


# ---- decode ------------------------------------------------------------------------------------


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def decode(cls: type[T], data: Any, path: str = "", depth: int = 0) -> T:
    """Build a ``cls`` value from plain data, validating every field.

    Raises:
        ValidationError: the first field that is missing, unknown, of the wrong type or out of bounds.
    """
    return typing.cast("T", _decode(cls, data, path, depth))


def _decode(hint: Any, data: Any, path: str, depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise ValidationError(path, "too_deep")
    base, meta = _split_annotated(hint)
    if _is_union(base):
        return _decode_union(base, meta, data, path, depth)
    if isinstance(base, type) and dataclasses.is_dataclass(base):
        return _decode_dataclass(base, data, path, depth)
    origin = typing.get_origin(base)
    if origin is tuple:
        if not isinstance(data, list):
            raise ValidationError(path, "wrong_type", expected="array")
        if len(data) > MAX_ITEMS:
            raise ValidationError(path, "too_many", count=len(data), limit=MAX_ITEMS)
        (item_hint, *_rest) = typing.get_args(base)
        return tuple(_decode(item_hint, item, f"{path}[{i}]", depth + 1) for i, item in enumerate(data))
    if isinstance(base, type) and issubclass(base, Enum):
        choices = [m.value for m in base]
        if not isinstance(data, str) or data not in choices:
            raise ValidationError(path, "invalid_choice", value=_short(data), choices=", ".join(choices))
        return base(data)
    if base is bool:
        if not isinstance(data, bool):
            raise ValidationError(path, "wrong_type", expected="boolean")
        return data
    if base is int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise ValidationError(path, "wrong_type", expected="integer")
        _check_bounds(Decimal(data), meta, path)
        return data
    if base is Decimal:
        value = _to_decimal(data, path)
        _check_bounds(value, meta, path)
        return value
    if base is str:
        if not isinstance(data, str):
            raise ValidationError(path, "wrong_type", expected="string")
        for m in meta:
            if isinstance(m, MaxLength) and len(data) > m.limit:
                raise ValidationError(path, "too_long", length=len(data), limit=m.limit)
        # Lone surrogates cannot be written back as UTF-8; NUL is refused by PostgreSQL text.
        if "\x00" in data or not _encodable(data):
            raise ValidationError(path, "invalid_text")
        return data
    if base is date:
        if not isinstance(data, str):
            raise ValidationError(path, "wrong_type", expected="date")
        try:
            return date.fromisoformat(data) if _DATE_TEXT.fullmatch(data) else _bad_date(data, path)
        except ValueError:
            raise ValidationError(path, "invalid_date", value=_short(data)) from None
    raise TypeError(f"no decoder for {hint!r} at {path}")  # pragma: no cover - a programming error


def _bad_date(data: str, path: str) -> date:
    raise ValidationError(path, "invalid_date", value=_short(data))


def _decode_union(base: Any, meta: tuple[Any, ...], data: Any, path: str, depth: int) -> Any:
    args = [a for a in typing.get_args(base) if a is not type(None)]
    if data is None:
        if len(args) < len(typing.get_args(base)):
            return None
        raise ValidationError(path, "required")
    if set(args) == {Decimal, FigureRef}:
        if isinstance(data, str) and data.startswith("="):
            try:
                return FigureRef(data[1:])
            except ValidationError as error:
                raise error.at(path) from None
        value = _to_decimal(data, path)
        _check_bounds(value, meta, path)
        return value
    if len(args) == 1:
        return _decode(typing.Annotated[args[0], *meta] if meta else args[0], data, path, depth)
    raise TypeError(f"ambiguous union at {path}")  # pragma: no cover - tagged unions go through metadata


def _decode_dataclass(cls: type, data: Any, path: str, depth: int) -> Any:
    if not isinstance(data, dict):
        raise ValidationError(path, "wrong_type", expected="object")
    fields = dataclass_fields(cls)
    names = {f.name for f in fields}
    for key in data:
        if key not in names:
            raise ValidationError(_join(path, _printable(str(key)[:60])), "unknown_field")
    kwargs: dict[str, Any] = {}
    for f in fields:
        where = _join(path, f.name)
        if f.name not in data:
            if not f.has_default:
                raise ValidationError(where, "required")
            continue
        hint = f.hint
        if f.tagged_by is not None and f.tag_types is not None:
            tag = data.get(f.tagged_by)
            tag_value = tag.value if isinstance(tag, Enum) else tag
            if tag_value not in f.tag_types:
                raise ValidationError(
                    _join(path, f.tagged_by),
                    "invalid_choice",
                    value=_short(tag),
                    choices=", ".join(f.tag_types),
                )
            hint = f.tag_types[tag_value]
        kwargs[f.name] = _decode(hint, data[f.name], where, depth + 1)
    try:
        return cls(**kwargs)
    except ValidationError as error:
        raise error.at(path) from None


def _to_decimal(data: Any, path: str) -> Decimal:
    if isinstance(data, bool):
        raise ValidationError(path, "wrong_type", expected="decimal")
    if isinstance(data, int):
        if abs(data) > 10**15:
            raise ValidationError(path, "too_large", value=_short(data), limit="1e15")
        return Decimal(data)
    if isinstance(data, Decimal):
        value = data
    elif isinstance(data, str):
        text = data.strip()
        if len(text) > MAX_DECIMAL_TEXT or not _DECIMAL_TEXT.fullmatch(text):
            raise ValidationError(path, "not_a_number", value=_short(data))
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise ValidationError(path, "not_a_number", value=_short(data)) from None
    else:
        raise ValidationError(path, "wrong_type", expected="decimal")
    if not value.is_finite():
        raise ValidationError(path, "not_a_number", value=_short(data))
    if value.adjusted() > 15 or value.as_tuple().exponent < -20:  # type: ignore[operator]
        raise ValidationError(path, "too_large", value=_short(data), limit="1e15")
    return value


def _check_bounds(value: Decimal, meta: tuple[Any, ...], path: str) -> None:
    for m in meta:
        if not isinstance(m, Bounds):
            continue
        if m.low is not None and value < m.low:
            if m.low == 0:
                raise ValidationError(path, "negative", value=format(value, "f"))
            raise ValidationError(
                path, "out_of_range", min=str(m.low), max=str(m.high), value=format(value, "f")
            )
        if m.high is not None and value > m.high:
            raise ValidationError(
                path, "out_of_range", min=str(m.low), max=str(m.high), value=format(value, "f")
            )


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _printable(text: str) -> str:
    """Escape control characters so a hostile value can never break a message onto two lines."""
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def _short(data: Any) -> str:
    text = _printable(str(data)[:80])
    return text if len(text) <= 40 else text[:37] + "…"


def case_from_document(document: Any) -> CaseFile:
    """Check the envelope (format name, version) and decode the case.

    A row without an id (every row of a version-1 file) gets the id ``row_ids.derived_row_id``
    gives it, so reading the same file twice gives the same ids.

    Raises:
        ValidationError: wrong envelope or any invalid field (paths start at ``case``).
    """
    if not isinstance(document, dict):
        raise ValidationError("", "wrong_type", expected="object")
    if document.get("format") != FORMAT_NAME:
        raise ValidationError(
            "format", "invalid_choice", value=_short(document.get("format")), choices=FORMAT_NAME
        )
    version = document.get("version")
    if version not in SUPPORTED_VERSIONS or isinstance(version, bool):
        raise ValidationError(
            "version",
            "unsupported_version",
            value=_short(version),
            supported=", ".join(map(str, SUPPORTED_VERSIONS)),
        )
    extra = set(document) - {"format", "version", "case"}
    if extra:
        raise ValidationError(_printable(sorted(extra)[0][:60]), "unknown_field")
    if "case" not in document:
        raise ValidationError("case", "required")
    case = document["case"]
    case_id = case.get("id") if isinstance(case, dict) else None
    return decode(CaseFile, fill_row_ids(case, case_id if isinstance(case_id, str) else ""), "case")
