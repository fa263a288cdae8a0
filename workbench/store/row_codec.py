"""One convention maps a domain dataclass field to its column(s), read from the field's type hint.

==============================================  =============================================
domain field                                    column(s)
==============================================  =============================================
money (``Amount`` / ``SignedAmount``)           ``x_minor`` BigInteger + ``x_scale`` SmallInteger
money in ``EXACT_MONEY`` (per-unit prices)      ``x`` DecimalText (may hold fractions of a cent)
other ``Decimal`` (quantity, share, rate)       ``x`` DecimalText
``Decimal | FigureRef`` (check operands)        ``x`` text: ``=name`` or the decimal
enum                                            ``x`` its value
``str`` / ``int`` / ``bool`` / ``date``         ``x`` as is
tuple, nested dataclass, tagged union           ``x_json``: codec plain data as JSON text
==============================================  =============================================

``x_scale`` keeps the decimal places as entered, so ``60000`` and ``18.00`` come back as written and
an export is byte-identical to the file imported. An amount with fractions of a cent in a minor-unit
column is refused (``ValidationError`` reason ``sub_cent``), never truncated.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any

from workbench.domain.balance_sheet import StockItem
from workbench.domain.codec import decode, encode
from workbench.domain.errors import ValidationError
from workbench.domain.fields import Amount, SignedAmount
from workbench.domain.figures import FigureRef
from workbench.domain.money import to_minor_units
from workbench.domain.profit_loss import ProductLine

EXACT_MONEY: dict[type, frozenset[str]] = {
    StockItem: frozenset({"unit_cost"}),
    ProductLine: frozenset({"unit_price", "unit_cost", "material", "piece_wage"}),
}
"""Per-unit prices that may legitimately carry fractions of a cent (a screw at 0.125, 0.653/kWh)."""

Columns = dict[str, Any]


def dumps(data: Any) -> str:
    """Compact JSON text of plain data, key order kept (the codec's field order)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def minor_and_scale(amount: Decimal, path: str) -> tuple[int, int]:
    """Exact minor units and the decimal places as written; sub-cent amounts are refused."""
    try:
        minor = to_minor_units(amount)
    except ValueError:
        raise ValidationError(path, "sub_cent", value=format(amount, "f")) from None
    return minor, -int(amount.as_tuple().exponent)


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


def _is_union(hint: Any) -> bool:
    return typing.get_origin(hint) in (typing.Union, types.UnionType)


def _split(hint: Any) -> tuple[Any, bool]:
    """The hint without ``| None`` and whether ``None`` is allowed."""
    if _is_union(hint):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        optional = len(args) < len(typing.get_args(hint))
        return (args[0] if len(args) == 1 else typing.Union[tuple(args)]), optional  # noqa: UP007
    return hint, False


def _base(hint: Any) -> Any:
    return typing.get_args(hint)[0] if typing.get_origin(hint) is typing.Annotated else hint


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


def _json(field: dataclasses.Field[Any], hint: Any) -> FieldCodec:
    column = f"{field.name}_json"
    tagged_by = field.metadata.get("tagged_by")
    tag_types: dict[str, type] = field.metadata.get("types", {})

    def from_columns(row: Any, values: Any) -> Any:
        text = row[column]
        if text is None:
            return None
        target = hint
        if tagged_by is not None:
            tag = values[tagged_by]
            target = tag_types[tag.value if isinstance(tag, Enum) else tag]
        return decode(target, json.loads(text), field.name)

    return FieldCodec(
        field.name,
        (column,),
        lambda value, _path: {column: None if value is None else dumps(encode(value))},
        from_columns,
    )


def _codec_for(owner: type, field: dataclasses.Field[Any], hint: Any, renames: dict[str, str]) -> FieldCodec:
    name = field.name
    column = renames.get(name, name)
    inner, _optional = _split(hint)
    base = _base(inner)
    if inner in (Amount, SignedAmount) and name not in EXACT_MONEY.get(owner, frozenset()):
        return _money(name)
    if _is_union(base):
        members = set(typing.get_args(base))
        if members == {Decimal, FigureRef}:
            return _operand(name)
        return _json(field, hint)
    if isinstance(base, type) and issubclass(base, Enum):
        return _enum(name, base)
    if base in (str, int, bool, date, Decimal):
        return _plain(name, column)
    return _json(field, hint)


@cache
def field_codecs(owner: type, renames: tuple[tuple[str, str], ...] = ()) -> tuple[FieldCodec, ...]:
    """The codecs of every field of the dataclass ``owner``, in field order."""
    hints = typing.get_type_hints(owner, include_extras=True)
    names = dict(renames)
    return tuple(_codec_for(owner, f, hints[f.name], names) for f in dataclasses.fields(owner))


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
