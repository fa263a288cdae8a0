"""Case file ⇄ plain data (dicts, lists, strings), driven by the field model (``field_model``).

It lives in the domain, with no JSON import, because both the store (version snapshots) and the
services (the exchange format) need the same mapping. The annotations in ``fields`` bound every
value, so a hostile file (huge numbers, 50 MB strings, deep nesting, wrong types) is refused
with the path of the first bad field and nothing else happens. A cent-money field (``Amount``,
``SignedAmount``) with a fraction of a cent is refused (``sub_cent``); a ``UnitPrice`` may carry one.

Encoding rules: Decimal → plain decimal string (never exponent form), date → ``YYYY-MM-DD``,
enum → its value, tuple → list, ``FigureRef`` → ``"=name"``; fields equal to their default are
left out, so export → import → export gives the same bytes.
"""

from __future__ import annotations

import dataclasses
import re
import typing
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any, TypeVar

from workbench.domain.case_file import CaseFile
from workbench.domain.errors import ValidationError
from workbench.domain.field_model import (
    DECIMAL_KINDS,
    FieldKind,
    TypeSpec,
    check_whole_cents,
    field_map,
    fields_of,
    type_spec,
)
from workbench.domain.fields import MAX_ITEMS, Bounds
from workbench.domain.figures import FigureRef
from workbench.domain.row_ids import fill_row_ids

if typing.TYPE_CHECKING:
    from collections.abc import Callable

FORMAT_NAME = "workbench-case"
FORMAT_VERSION = 2
"""Version 2: every detail row carries its stable ``id`` (``workbench.domain.row_ids``)."""
SUPPORTED_VERSIONS = (1, 2)
"""Version 1 (no row ids) still reads: its rows get ids derived from the case id, list and index."""
MAX_DEPTH = 24
MAX_DECIMAL_TEXT = 40

T = TypeVar("T")
dataclass_fields = fields_of
"""The fields of a dataclass as the codec reads them: the field model's ``fields_of`` (its older name)."""
_DATE_TEXT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DECIMAL_TEXT = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


# ---- encode ------------------------------------------------------------------------------------


def encode(value: Any, *, full: bool = False) -> Any:
    """Plain data for a dataclass value (see the module doc for the rules); ``full`` keeps the fields
    equal to their default too (a credit policy is stored whole: a later program's defaults may differ)."""
    if isinstance(value, FigureRef):
        return f"={value.name}"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        for f in fields_of(type(value)):
            item = getattr(value, f.name)
            if not full and f.has_default and item == f.default and type(item) is type(f.default):
                continue
            out[f.name] = encode(item, full=full)
        return out
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [encode(v, full=full) for v in value]
    if value is None or isinstance(value, bool | int | str):
        return value
    raise TypeError(f"cannot encode {type(value).__name__}")


def case_to_document(case: CaseFile, policy: Any = None) -> dict[str, Any]:
    """The versioned exchange document of a case; with the credit policy it was computed under (a
    ``CreditPolicy``, every field written) when one is given, so its figures are the same anywhere."""
    document = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "case": encode(case)}
    if policy is not None:
        document["policy"] = encode(policy, full=True)
    return document


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
    return _decode_spec(type_spec(hint), data, path, depth)


def _decode_spec(spec: TypeSpec, data: Any, path: str, depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise ValidationError(path, "too_deep")
    kind = spec.kind
    if data is None and (spec.optional or kind in (FieldKind.OPERAND, FieldKind.UNION)):
        if spec.optional:
            return None
        raise ValidationError(path, "required")
    decoder = _DECODERS.get(kind)
    if decoder is None:
        raise TypeError(f"no decoder for {spec.hint!r} at {path}")  # pragma: no cover - a programming error
    return decoder(spec, data, path, depth)


def _decode_list(spec: TypeSpec, data: Any, path: str, depth: int) -> Any:
    if not isinstance(data, list):
        raise ValidationError(path, "wrong_type", expected="array")
    if len(data) > MAX_ITEMS:
        raise ValidationError(path, "too_many", count=len(data), limit=MAX_ITEMS)
    item = typing.cast("TypeSpec", spec.item)
    return tuple(_decode_spec(item, value, f"{path}[{i}]", depth + 1) for i, value in enumerate(data))


def _decode_enum(spec: TypeSpec, data: Any, path: str, _depth: int) -> Any:
    choices = [m.value for m in spec.base]
    if not isinstance(data, str) or data not in choices:
        raise ValidationError(path, "invalid_choice", value=_short(data), choices=", ".join(choices))
    return spec.base(data)


def _decode_bool(_spec: TypeSpec, data: Any, path: str, _depth: int) -> Any:
    if not isinstance(data, bool):
        raise ValidationError(path, "wrong_type", expected="boolean")
    return data


def _decode_int(spec: TypeSpec, data: Any, path: str, _depth: int) -> Any:
    if isinstance(data, bool) or not isinstance(data, int):
        raise ValidationError(path, "wrong_type", expected="integer")
    _check_bounds(Decimal(data), spec.bounds, path)
    return data


def _decode_decimal(spec: TypeSpec, data: Any, path: str, _depth: int) -> Any:
    value = _to_decimal(data, path)
    _check_bounds(value, spec.bounds, path)
    check_whole_cents(spec, value, path)
    return value


def _decode_text(spec: TypeSpec, data: Any, path: str, _depth: int) -> Any:
    if not isinstance(data, str):
        raise ValidationError(path, "wrong_type", expected="string")
    if spec.max_length is not None and len(data) > spec.max_length:
        raise ValidationError(path, "too_long", length=len(data), limit=spec.max_length)
    # Lone surrogates cannot be written back as UTF-8; NUL is refused by PostgreSQL text.
    if "\x00" in data or not _encodable(data):
        raise ValidationError(path, "invalid_text")
    return data


def _decode_date(_spec: TypeSpec, data: Any, path: str, _depth: int) -> Any:
    if not isinstance(data, str):
        raise ValidationError(path, "wrong_type", expected="date")
    if not _DATE_TEXT.fullmatch(data):
        raise ValidationError(path, "invalid_date", value=_short(data))
    try:
        return date.fromisoformat(data)
    except ValueError:
        raise ValidationError(path, "invalid_date", value=_short(data)) from None


def _decode_operand(spec: TypeSpec, data: Any, path: str, _depth: int) -> Any:
    if isinstance(data, str) and data.startswith("="):
        try:
            return FigureRef(data[1:])
        except ValidationError as error:
            raise error.at(path) from None
    value = _to_decimal(data, path)
    _check_bounds(value, spec.bounds, path)
    return value


def _decode_dataclass(spec: TypeSpec, data: Any, path: str, depth: int) -> Any:
    if not isinstance(data, dict):
        raise ValidationError(path, "wrong_type", expected="object")
    cls = spec.base
    fields = field_map(cls)
    for key in data:
        if key not in fields:
            raise ValidationError(_join(path, _printable(str(key)[:60])), "unknown_field")
    kwargs: dict[str, Any] = {}
    for f in fields.values():
        where = _join(path, f.name)
        if f.name not in data:
            if not f.has_default:
                raise ValidationError(where, "required")
            continue
        spec_of_value = f.spec
        if f.tag_types is not None and f.tagged_by is not None:
            tag = data.get(f.tagged_by)
            chosen = f.type_for(tag)
            if chosen is None:
                raise ValidationError(
                    _join(path, f.tagged_by),
                    "invalid_choice",
                    value=_short(tag),
                    choices=", ".join(f.tag_types),
                )
            spec_of_value = type_spec(chosen)
        kwargs[f.name] = _decode_spec(spec_of_value, data[f.name], where, depth + 1)
    try:
        return cls(**kwargs)
    except ValidationError as error:
        raise error.at(path) from None


def _decode_union(spec: TypeSpec, _data: Any, path: str, _depth: int) -> Any:
    raise TypeError(f"ambiguous union at {path}")  # pragma: no cover - tagged unions go through metadata


_DECODERS: dict[FieldKind, Callable[[TypeSpec, Any, str, int], Any]] = {
    FieldKind.DATACLASS: _decode_dataclass,
    FieldKind.LIST: _decode_list,
    FieldKind.ENUM: _decode_enum,
    FieldKind.BOOL: _decode_bool,
    FieldKind.INT: _decode_int,
    FieldKind.TEXT: _decode_text,
    FieldKind.LONG_TEXT: _decode_text,
    FieldKind.DATE: _decode_date,
    FieldKind.OPERAND: _decode_operand,
    FieldKind.UNION: _decode_union,
    **dict.fromkeys(DECIMAL_KINDS, _decode_decimal),
}


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


def _check_bounds(value: Decimal, bounds: Bounds | None, path: str) -> None:
    if bounds is None:
        return
    low, high = bounds.low, bounds.high
    if low is not None and value < low:
        if low == 0:
            raise ValidationError(path, "negative", value=format(value, "f"))
        raise ValidationError(path, "out_of_range", min=str(low), max=str(high), value=format(value, "f"))
    if high is not None and value > high:
        raise ValidationError(path, "out_of_range", min=str(low), max=str(high), value=format(value, "f"))


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
    extra = set(document) - {"format", "version", "case", "policy"}  # the policy: ``policy.document_policy``
    if extra:
        raise ValidationError(_printable(sorted(extra)[0][:60]), "unknown_field")
    if "case" not in document:
        raise ValidationError("case", "required")
    case = document["case"]
    case_id = case.get("id") if isinstance(case, dict) else None
    return decode(CaseFile, fill_row_ids(case, case_id if isinstance(case_id, str) else ""), "case")
