"""The field model: what every field of the case's dataclasses is, read once from its type hint.

One walk over the type hints (``Annotated`` metadata from ``fields``, ``| None``, tuples, enums,
nested dataclasses, the tagged union of a check's inputs) gives, per dataclass, its fields with their
kind, bounds, length limit, enum choices and money rule. The codec (import, export, calc), the JSON
Schema, the store's columns and the window's paths and entry parsing all read this model instead of
the hints, so they cannot disagree about a field. ``row_lists`` walks a case (values or plain data)
to its lists of records by the same model: the row ids and the audit diff find their rows with it.

Money rule: a cent-money field (``Amount``, ``SignedAmount``) holds whole cents; a unit price
(``UnitPrice``) may carry fractions of a cent. Text or files with a fraction of a cent in a cent-money
field are refused (``sub_cent``); an amount the program computes for such a field is rounded half-up to
the cent with ``to_field_amount`` before it is written (docs/domain-decisions.md).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from decimal import Decimal
from enum import Enum, StrEnum
from typing import Any, Union

from workbench.domain.errors import ValidationError
from workbench.domain.fields import LONG_TEXT, Bounds, MaxLength, Money
from workbench.domain.figures import FigureRef
from workbench.domain.money import quantize, to_minor_units

Key = str | int
Path = tuple[Key, ...]


class FieldKind(StrEnum):
    """What a field holds, as far as reading, writing and checking it are concerned."""

    MONEY = "money"  # Amount: whole cents, not negative
    SIGNED_MONEY = "signed_money"  # SignedAmount: whole cents, may be negative
    UNIT_PRICE = "unit_price"  # UnitPrice: exact, may carry fractions of a cent
    SHARE = "share"  # a fraction 0 … 1
    DECIMAL = "decimal"  # any other Decimal (factors, rates, percentages as typed)
    OPERAND = "operand"  # Decimal | FigureRef
    INT = "int"
    BOOL = "bool"
    DATE = "date"
    ENUM = "enum"
    TEXT = "text"
    LONG_TEXT = "long_text"
    DATACLASS = "dataclass"
    LIST = "list"  # tuple[X, ...]
    UNION = "union"  # several dataclasses: a field says which through tagged_by/types
    OTHER = "other"


MONEY_KINDS = frozenset({FieldKind.MONEY, FieldKind.SIGNED_MONEY, FieldKind.UNIT_PRICE})
DECIMAL_KINDS = MONEY_KINDS | {FieldKind.SHARE, FieldKind.DECIMAL}


@dataclasses.dataclass(frozen=True, slots=True, eq=False)
class TypeSpec:
    """A value type: the resolved hint and what it says."""

    hint: Any
    """The hint as declared, ``Annotated`` metadata and ``| None`` kept."""
    base: Any
    """The hint without ``Annotated`` and ``| None`` (a class, ``tuple[X, ...]`` or a union)."""
    meta: tuple[Any, ...]
    optional: bool
    kind: FieldKind
    bounds: Bounds | None = None
    max_length: int | None = None
    money: Money | None = None
    item: TypeSpec | None = None
    """The item type of a list."""
    members: tuple[type, ...] = ()
    """The classes of a union (without ``None``)."""

    @property
    def cls(self) -> type | None:
        """The dataclass of a ``DATACLASS`` value, else ``None``."""
        return self.base if self.kind is FieldKind.DATACLASS else None

    @property
    def choices(self) -> type[Enum] | None:
        """The enum class of an ``ENUM`` value, else ``None``."""
        return self.base if self.kind is FieldKind.ENUM else None

    @property
    def whole_cents(self) -> bool:
        """Whether the value is money that holds whole cents only."""
        return self.money is not None and self.money.whole_cents


@dataclasses.dataclass(frozen=True, slots=True, eq=False)
class FieldSpec:
    """A dataclass field: its name, its type and its default."""

    name: str
    spec: TypeSpec
    default: Any
    """The default value (the factory's product for a ``default_factory``); ``None`` without one."""
    has_default: bool
    default_factory: Callable[[], Any] | None = None
    tagged_by: str | None = None
    """For a union of dataclasses: the sibling field whose value picks the class."""
    tag_types: Mapping[str, type] | None = None

    @property
    def hint(self) -> Any:
        return self.spec.hint

    @property
    def kind(self) -> FieldKind:
        return self.spec.kind

    @property
    def optional(self) -> bool:
        return self.spec.optional

    def type_for(self, tag: Any) -> type | None:
        """The class a tag value selects (``None`` for an unknown tag or an untagged field)."""
        if self.tag_types is None:
            return None
        return self.tag_types.get(tag.value if isinstance(tag, Enum) else tag)


# ---- reading hints -----------------------------------------------------------------------------------

_TYPES: dict[Any, TypeSpec] = {}
_FIELDS: dict[type, tuple[FieldSpec, ...]] = {}
_BY_NAME: dict[type, dict[str, FieldSpec]] = {}


def _unwrap(hint: Any) -> tuple[Any, tuple[Any, ...], bool]:
    """``Annotated[X | None, meta]`` → ``(X, meta, optional)``; a union of several types stays a union."""
    meta: tuple[Any, ...] = ()
    if typing.get_origin(hint) is typing.Annotated:
        hint, *extra = typing.get_args(hint)
        meta = tuple(extra)
    if typing.get_origin(hint) in (Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        optional = len(args) < len(typing.get_args(hint))
        if len(args) == 1:
            inner, inner_meta, inner_optional = _unwrap(args[0])
            return inner, meta + inner_meta, optional or inner_optional
        return Union[tuple(args)], meta, optional  # noqa: UP007 - rebuilt from a runtime tuple
    return hint, meta, False


def _kind(base: Any, bounds: Bounds | None, money: Money | None, max_length: int | None) -> FieldKind:
    if typing.get_origin(base) in (Union, types.UnionType):
        return FieldKind.OPERAND if set(typing.get_args(base)) == {Decimal, FigureRef} else FieldKind.UNION
    if typing.get_origin(base) is tuple:
        return FieldKind.LIST
    if not isinstance(base, type):
        return FieldKind.OTHER
    if dataclasses.is_dataclass(base):
        return FieldKind.DATACLASS
    if issubclass(base, Enum):
        return FieldKind.ENUM
    simple = {bool: FieldKind.BOOL, int: FieldKind.INT, date: FieldKind.DATE}
    if base in simple:
        return simple[base]
    if base is str:
        return FieldKind.LONG_TEXT if (max_length or 0) >= LONG_TEXT else FieldKind.TEXT
    if base is Decimal:
        if money is not None:
            if not money.whole_cents:
                return FieldKind.UNIT_PRICE
            negative = bounds is None or bounds.low is None or bounds.low < 0
            return FieldKind.SIGNED_MONEY if negative else FieldKind.MONEY
        if bounds is not None and bounds.low == 0 and bounds.high == 1:
            return FieldKind.SHARE
        return FieldKind.DECIMAL
    return FieldKind.OTHER


def type_spec(hint: Any) -> TypeSpec:
    """The spec of a type hint (cached per hint)."""
    try:
        cached = _TYPES.get(hint)
    except TypeError:  # pragma: no cover - an unhashable hint is built afresh
        return _build_type(hint)
    if cached is None:
        cached = _TYPES[hint] = _build_type(hint)
    return cached


def _build_type(hint: Any) -> TypeSpec:
    base, meta, optional = _unwrap(hint)
    bounds = next((m for m in meta if isinstance(m, Bounds)), None)
    max_length = next((m.limit for m in meta if isinstance(m, MaxLength)), None)
    money = next((m for m in meta if isinstance(m, Money)), None)
    kind = _kind(base, bounds, money, max_length)
    item = type_spec(typing.get_args(base)[0]) if kind is FieldKind.LIST else None
    members = typing.get_args(base) if kind in (FieldKind.UNION, FieldKind.OPERAND) else ()
    return TypeSpec(hint, base, meta, optional, kind, bounds, max_length, money, item, members)


def fields_of(cls: type) -> tuple[FieldSpec, ...]:
    """The fields of dataclass ``cls`` in declaration order (cached per class)."""
    cached = _FIELDS.get(cls)
    if cached is not None:
        return cached
    hints = typing.get_type_hints(cls, include_extras=True)
    out = []
    for f in dataclasses.fields(cls):
        factory: Callable[[], Any] | None = None
        if f.default is not dataclasses.MISSING:
            default, has_default = f.default, True
        elif f.default_factory is not dataclasses.MISSING:
            factory = f.default_factory
            default, has_default = factory(), True
        else:
            default, has_default = None, False
        out.append(
            FieldSpec(
                f.name,
                type_spec(hints[f.name]),
                default,
                has_default,
                factory,
                f.metadata.get("tagged_by"),
                f.metadata.get("types"),
            )
        )
    _FIELDS[cls] = tuple(out)
    _BY_NAME[cls] = {f.name: f for f in out}
    return _FIELDS[cls]


def field_map(cls: type) -> dict[str, FieldSpec]:
    """The fields of dataclass ``cls`` by name."""
    found = _BY_NAME.get(cls)
    if found is None:
        fields_of(cls)
        found = _BY_NAME[cls]
    return found


# ---- paths -------------------------------------------------------------------------------------------


def _walk(root: Any, path: Path) -> tuple[TypeSpec, FieldSpec | None]:
    spec = type_spec(type(root))
    field: FieldSpec | None = None
    value = root
    for key in path:
        if isinstance(key, int):
            if spec.item is None:
                raise KeyError(key)
            spec = spec.item
            value = value[key] if value is not None and 0 <= key < len(value) else None
            continue
        owner = type(value) if value is not None else spec.cls
        if owner is None:
            raise TypeError(f"not a dataclass: {spec.hint!r}")
        field = field_map(owner)[key]
        spec = field.spec
        if field.tag_types is not None and value is not None:
            chosen = field.type_for(getattr(value, field.tagged_by or ""))
            if chosen is not None:
                spec = type_spec(chosen)
        value = getattr(value, key) if value is not None else None
    return spec, field


def spec_at(root: Any, path: Path) -> TypeSpec:
    """The type of the value at ``path`` below ``root`` (live values pick the class of a tagged union).

    Raises:
        KeyError: a name or an index that the types do not have.
    """
    return _walk(root, path)[0]


def field_at(root: Any, path: Path) -> FieldSpec | None:
    """The field the last name of ``path`` names (``("balance_sheet", "stock", 2, "unit_cost")``)."""
    return _walk(root, path)[1]


# ---- lists of rows -----------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class RowList:
    """A list of records met in a case: a field ``tuple[X, ...]`` whose items are dataclasses."""

    path: str
    """Its path in the exchange format: ``balance_sheet.stock``, ``cross_checks[2].inputs.items``."""
    keys: Path
    """The same path as keys below the walked value: ``("cross_checks", 2, "inputs", "items")``."""
    row_type: type
    """The dataclass of its items: a ``Row`` subclass, or ``CrossCheck`` / ``Evidence`` (ids of their own)."""
    rows: Sequence[Any]
    """The items as found: plain objects (dicts) or dataclass values."""


def row_list_types(cls: type) -> Mapping[str, type]:
    """Every list of records that values of dataclass ``cls`` may hold, by its path without positions
    (``balance_sheet.stock``, ``cross_checks.inputs.items``), with the dataclass of its items.

    Read from the types alone (every class of a union counts), once per class.
    """
    found = _LIST_TYPES.get(cls)
    if found is None:
        out: dict[str, type] = {}
        _collect_list_types(cls, "", out)
        found = _LIST_TYPES[cls] = out
    return found


def row_lists(value: Any, cls: type | None = None, prefix: str = "") -> Iterator[RowList]:
    """Every list of records in ``value``, outer lists before the lists inside their items.

    ``value`` is a dataclass value (``cls`` defaults to its class) or its plain codec data (then ``cls``
    names the dataclass it encodes; a tagged union is read by its tag, or as any class of the union
    when the tag is missing). The types say which fields are lists of records, so a list of texts or
    months is never taken for one and no path is guessed; fields the types do not have are skipped,
    and so are fields that cannot hold a list of records. Empty lists are yielded too. ``prefix`` is
    the path of ``value`` in the whole case (``household``).
    """
    return _row_lists(value, _routes(type(value) if cls is None else cls), prefix, ())


def _row_lists(node: Any, routes: tuple[FieldSpec, ...], path: str, keys: Path) -> Iterator[RowList]:
    plain = isinstance(node, dict)
    if not plain:
        if not dataclasses.is_dataclass(node) or isinstance(node, type):
            return
        routes = _routes(type(node))  # a value knows its class, a union's member too
    for field in routes:
        name = field.name
        child = node.get(name) if plain else getattr(node, name)
        if child is None:
            continue
        spec = field.spec
        where = f"{path}.{name}" if path else name
        here = (*keys, name)
        if spec.kind is FieldKind.LIST:
            if not isinstance(child, list | tuple):
                continue
            item = typing.cast("TypeSpec", spec.item).base
            yield RowList(where, here, item, child)
            item_routes = _routes(item)
            if item_routes:
                for index, row in enumerate(child):
                    yield from _row_lists(row, item_routes, f"{where}[{index}]", (*here, index))
        elif spec.kind is FieldKind.DATACLASS:
            yield from _row_lists(child, _routes(spec.base), where, here)
        else:  # a union: a plain object is read by its tag, a value by its own class
            routes_of_member = _member_routes(node, field) if plain else ()
            yield from _row_lists(child, routes_of_member, where, here)


def _routes(cls: type) -> tuple[FieldSpec, ...]:
    """The fields of dataclass ``cls`` that are or may hold lists of records (cached per class)."""
    found = _ROUTES.get(cls)
    if found is None:
        _ROUTES[cls] = ()  # a class that holds itself adds nothing more
        found = _ROUTES[cls] = tuple(f for f in fields_of(cls) if _leads_to_lists(f.spec))
    return found


def _leads_to_lists(spec: TypeSpec) -> bool:
    if spec.kind is FieldKind.LIST:
        return spec.item is not None and spec.item.kind is FieldKind.DATACLASS
    if spec.kind is FieldKind.DATACLASS:
        return bool(_routes(spec.base))
    if spec.kind is FieldKind.UNION:
        return any(dataclasses.is_dataclass(m) and _routes(m) for m in spec.members)
    return False


def _member_routes(owner: Any, field: FieldSpec) -> tuple[FieldSpec, ...]:
    """The routes to read a union's plain object by: its tag's class's, else every class's."""
    tag = owner.get(field.tagged_by) if isinstance(owner, dict) and field.tagged_by else None
    chosen = field.type_for(tag) if isinstance(tag, str | Enum) else None
    if chosen is not None:
        return _routes(chosen)
    merged: dict[str, FieldSpec] = {}
    for member in field.spec.members:
        if dataclasses.is_dataclass(member):
            for f in _routes(member):
                merged.setdefault(f.name, f)
    return tuple(merged.values())


def _collect_list_types(cls: type, prefix: str, out: dict[str, type]) -> None:
    for field in _routes(cls):
        spec = field.spec
        where = f"{prefix}.{field.name}" if prefix else field.name
        if spec.kind is FieldKind.LIST:
            item = typing.cast("TypeSpec", spec.item).base
            out.setdefault(where, item)
            _collect_list_types(item, where, out)
        elif spec.kind is FieldKind.DATACLASS:
            _collect_list_types(spec.base, where, out)
        else:
            for member in spec.members:
                if dataclasses.is_dataclass(member):
                    _collect_list_types(member, where, out)


_ROUTES: dict[type, tuple[FieldSpec, ...]] = {}
_LIST_TYPES: dict[type, Mapping[str, type]] = {}


# ---- empty values ------------------------------------------------------------------------------------


def blank(cls: type) -> Any:
    """An instance of dataclass ``cls`` with empty values for the fields that have no default."""
    kwargs = {f.name: empty_value(f.spec) for f in fields_of(cls) if not f.has_default}
    return cls(**kwargs)


def empty_value(spec: TypeSpec) -> Any:
    """The empty value of a required field: ``""``, 0, the first enum member, ``()``, a blank dataclass."""
    if spec.optional:
        return None
    kind = spec.kind
    if kind in (FieldKind.OPERAND, FieldKind.UNION):
        args = spec.members
        choice = next((a for a in args if a is Decimal or a is str), args[0])
        return empty_value(type_spec(choice))
    if kind is FieldKind.LIST:
        return ()
    if kind is FieldKind.ENUM:
        return next(iter(spec.base))
    if kind is FieldKind.DATACLASS:
        return blank(spec.base)
    if kind in DECIMAL_KINDS:
        return Decimal(0)
    low = spec.bounds.low if spec.bounds is not None else None
    simple: dict[FieldKind, Any] = {
        FieldKind.BOOL: False,
        FieldKind.INT: int(low) if low is not None and low > 0 else 0,
        FieldKind.TEXT: "",
        FieldKind.LONG_TEXT: "",
    }
    if kind in simple:
        return simple[kind]
    if kind is FieldKind.DATE:
        return date.today()
    raise TypeError(f"no empty value for {spec.hint!r}")


# ---- the money rule ----------------------------------------------------------------------------------


def check_whole_cents(spec: TypeSpec, value: Decimal, path: str) -> None:
    """Refuse a fraction of a cent in a cent-money field.

    Raises:
        ValidationError: reason ``sub_cent``.
    """
    if spec.whole_cents and value.as_tuple().exponent < -2:  # type: ignore[operator]
        try:
            to_minor_units(value)
        except ValueError:
            raise ValidationError(path, "sub_cent", value=format(value, "f")) from None


def to_field_amount(spec: TypeSpec, value: Decimal) -> Decimal:
    """A computed amount ready for a field: rounded half-up to the cent in a cent-money field.

    Args:
        spec: the field's type.
        value: the computed amount (any number of places).

    Returns:
        ``value`` rounded half-up to two places where the field holds whole cents (``4500.125`` →
        ``4500.13``), else ``value`` unchanged.
    """
    if spec.whole_cents and value.as_tuple().exponent < -2:  # type: ignore[operator]
        return quantize(value)
    return value
