"""One convention maps a domain dataclass field to its column(s), read from the domain's field model.

==============================================  =============================================
domain field                                    column(s)
==============================================  =============================================
money (``Amount`` / ``SignedAmount``)           ``x_minor`` BigInteger + ``x_scale`` SmallInteger
per-unit prices (``UnitPrice``)                 ``x`` DecimalText (may hold fractions of a cent)
other ``Decimal`` (quantity, share, rate)       ``x`` DecimalText
``Decimal | FigureRef`` (check operands)        ``x`` text: ``=name`` or the decimal
enum                                            ``x`` its value
``str`` / ``int`` / ``bool`` / ``date``         ``x`` as is
tuple, nested dataclass, tagged union           ``x_json``: codec plain data as JSON text
==============================================  =============================================

``x_scale`` keeps the decimal places as entered, so ``60000`` and ``18.00`` come back as written and
an export is byte-identical to the file imported. An amount with fractions of a cent in a minor-unit
column is refused (``ValidationError`` reason ``sub_cent``), never truncated; the field model makes the
codec refuse it on the way in already, so this is the last guard, not the rule.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any

from workbench.domain.codec import decode, encode
from workbench.domain.errors import ValidationError
from workbench.domain.field_model import FieldKind, FieldSpec, fields_of
from workbench.domain.figures import FigureRef
from workbench.domain.money import to_minor_units

if TYPE_CHECKING:
    from enum import Enum

Columns = dict[str, Any]


def dumps(data: Any) -> str:
    """Compact JSON text of plain data, key order kept (the codec's field order)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def minor_units(amount: Decimal, path: str) -> int:
    """Exact minor units (cents) of an amount to store.

    Raises:
        ValidationError: ``sub_cent`` at ``path``, for a fraction of a cent.
    """
    try:
        return to_minor_units(amount)
    except ValueError:
        raise ValidationError(path, "sub_cent", value=format(amount, "f")) from None


def minor_and_scale(amount: Decimal, path: str) -> tuple[int, int]:
    """Exact minor units and the decimal places as written; sub-cent amounts are refused."""
    return minor_units(amount, path), -int(amount.as_tuple().exponent)


def amount_from(minor: int, scale: int) -> Decimal:
    """Inverse of ``minor_and_scale``, in integer arithmetic (exact beyond 28 digits)."""
    if scale >= 2:
        coefficient = abs(minor) * 10 ** (scale - 2)
    else:
        coefficient, rest = divmod(abs(minor), 10 ** (2 - scale))
        if rest:  # pragma: no cover - minor_and_scale never writes such a pair
            raise ValueError(f"{minor} minor units do not fit {scale} places")
    digits = tuple(int(d) for d in str(coefficient))
    return Decimal((1 if minor < 0 else 0, digits, -scale))


@dataclasses.dataclass(frozen=True, slots=True)
class FieldCodec:
    """How one dataclass field becomes columns and back."""

    name: str
    columns: tuple[str, ...]
    to_columns: Callable[[Any, str], Columns]
    from_columns: Callable[[Any, Any], Any]
    """``(row, owner_values)`` → value; ``owner_values`` holds the fields read so far (for tags)."""


def _money(name: str) -> FieldCodec:
    minor_col, scale_col = f"{name}_minor", f"{name}_scale"

    def to_columns(value: Any, path: str) -> Columns:
        if value is None:
            return {minor_col: None, scale_col: None}
        minor, scale = minor_and_scale(value, path)
        return {minor_col: minor, scale_col: scale}

    def from_columns(row: Any, _: Any) -> Any:
        minor = row[minor_col]
        return None if minor is None else amount_from(minor, row[scale_col])

    return FieldCodec(name, (minor_col, scale_col), to_columns, from_columns)


def _plain(name: str, column: str) -> FieldCodec:
    return FieldCodec(name, (column,), lambda value, _path: {column: value}, lambda row, _: row[column])


def _enum(name: str, enum_type: type[Enum]) -> FieldCodec:
    return FieldCodec(
        name,
        (name,),
        lambda value, _path: {name: None if value is None else value.value},
        lambda row, _: None if row[name] is None else enum_type(row[name]),
    )


def _operand(name: str) -> FieldCodec:
    def load(text: str) -> Decimal | FigureRef:
        return FigureRef(text[1:]) if text.startswith("=") else Decimal(text)

    def to_columns(value: Any, _path: str) -> Columns:
        if value is None:
            return {name: None}
        return {name: f"={value.name}" if isinstance(value, FigureRef) else str(value)}

    return FieldCodec(
        name, (name,), to_columns, lambda row, _: None if row[name] is None else load(row[name])
    )


def _json(field: FieldSpec) -> FieldCodec:
    column = f"{field.name}_json"

    def from_columns(row: Any, values: Any) -> Any:
        text = row[column]
        if text is None:
            return None
        target = field.hint
        if field.tagged_by is not None:
            target = field.type_for(values[field.tagged_by])
        return decode(target, json.loads(text), field.name)

    return FieldCodec(
        field.name,
        (column,),
        lambda value, _path: {column: None if value is None else dumps(encode(value))},
        from_columns,
    )


_PLAIN_KINDS = frozenset(
    {
        FieldKind.UNIT_PRICE,
        FieldKind.SHARE,
        FieldKind.DECIMAL,
        FieldKind.INT,
        FieldKind.TEXT,
        FieldKind.LONG_TEXT,
        FieldKind.DATE,
        FieldKind.BOOL,
    }
)


def _codec_for(field: FieldSpec, renames: dict[str, str]) -> FieldCodec:
    name, kind = field.name, field.kind
    if field.spec.whole_cents:
        return _money(name)
    if kind is FieldKind.OPERAND:
        return _operand(name)
    if kind is FieldKind.ENUM:
        return _enum(name, field.spec.base)
    if kind in _PLAIN_KINDS:
        return _plain(name, renames.get(name, name))
    return _json(field)


@cache
def field_codecs(owner: type, renames: tuple[tuple[str, str], ...] = ()) -> tuple[FieldCodec, ...]:
    """The codecs of every field of the dataclass ``owner``, in field order."""
    names = dict(renames)
    return tuple(_codec_for(f, names) for f in fields_of(owner))


def item_to_columns(item: Any, codecs: tuple[FieldCodec, ...], path: str) -> Columns:
    """The column values of one detail-list item; ``path`` names it in errors (``…assets[2]``)."""
    out: Columns = {}
    for codec in codecs:
        out.update(codec.to_columns(getattr(item, codec.name), f"{path}.{codec.name}"))
    return out


def item_from_columns(owner: type, row: Any, codecs: tuple[FieldCodec, ...]) -> Any:
    """Build the ``owner`` dataclass back from a row mapping."""
    values: dict[str, Any] = {}
    for codec in codecs:
        values[codec.name] = codec.from_columns(row, values)
    return owner(**values)
