"""Typed text ⇄ field values, decided by the domain's field model.

The kind of a field (money, share, date …) is the domain field model's (``field_model.type_spec``), and
every parsed value is passed through the domain codec's ``decode`` so the rules the file format
enforces (no negative amounts, shares 0–1, text length, whole cents in a cent-money field) are the
rules the screen enforces. Amounts go through ``money.parse_amount`` (``12,500``, ``1.25万``, full-width
digits, ``元``): anything else is refused with a ``ValidationError``, never turned into 0 or rounded.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import Enum, StrEnum
from typing import TYPE_CHECKING, Any

from workbench.domain import formatting
from workbench.domain.codec import decode
from workbench.domain.dates import parse_date_text
from workbench.domain.errors import ValidationError
from workbench.domain.field_model import FieldKind, type_spec
from workbench.domain.figures import FigureRef
from workbench.domain.money import parse_amount
from workbench.texts.reasons import reason_text
from workbench.ui.i18n import lang, tr

if TYPE_CHECKING:
    from workbench.domain.fields import Bounds


class Kind(StrEnum):
    """How a field is shown and typed."""

    MONEY = "money"  # 12,500.00
    DECIMAL = "decimal"  # 1.5 (quantities, factors, percentages as typed)
    SHARE = "share"  # 0.3 shown as 30%
    INT = "int"
    TEXT = "text"
    LONG_TEXT = "long_text"
    ENUM = "enum"
    DATE = "date"
    BOOL = "bool"
    OPERAND = "operand"  # a number or a reference "=name" to a derived figure
    COMPUTED = "computed"  # read-only, derived


NUMERIC_KINDS = frozenset({Kind.MONEY, Kind.DECIMAL, Kind.SHARE, Kind.INT, Kind.OPERAND, Kind.COMPUTED})


_KINDS = {
    FieldKind.MONEY: Kind.MONEY,
    FieldKind.SIGNED_MONEY: Kind.MONEY,
    FieldKind.UNIT_PRICE: Kind.MONEY,
    FieldKind.SHARE: Kind.SHARE,
    FieldKind.DECIMAL: Kind.DECIMAL,
    FieldKind.INT: Kind.INT,
    FieldKind.TEXT: Kind.TEXT,
    FieldKind.LONG_TEXT: Kind.LONG_TEXT,
    FieldKind.ENUM: Kind.ENUM,
    FieldKind.DATE: Kind.DATE,
    FieldKind.BOOL: Kind.BOOL,
    FieldKind.OPERAND: Kind.OPERAND,
    FieldKind.UNION: Kind.OPERAND,
}


def kind_of(hint: Any) -> Kind:
    """The display kind of a field from its type hint (the field model's kind)."""
    return _KINDS.get(type_spec(hint).kind, Kind.TEXT)


def enum_type(hint: Any) -> type[Enum] | None:
    """The enum class of an enum field, else ``None``."""
    return type_spec(hint).choices


def is_optional(hint: Any) -> bool:
    """Whether the field may be empty (``None``)."""
    return type_spec(hint).optional


# ---- value → text ------------------------------------------------------------------------------------


def money_text(value: Decimal | None) -> str:
    """``12500`` → ``12,500.00`` (``domain.formatting.money``: half-up, real minus); ``None`` → ``""``."""
    return formatting.money(value, empty="")


def display_text(value: Any, kind: Kind) -> str:
    """How a value reads in a table cell or a read-only label."""
    from workbench.ui.labels import enum_label

    if value is None:
        return ""
    if isinstance(value, FigureRef):
        return f"={value.name}"
    if isinstance(value, bool):
        return tr("是") if value else tr("否")
    if isinstance(value, Enum):
        return enum_label(value)
    if isinstance(value, Decimal):
        if kind is Kind.MONEY:
            return money_text(value)
        if kind is Kind.SHARE:
            return formatting.share(value, minus=formatting.MINUS)
        return formatting.plain(value, minus=formatting.MINUS)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def edit_text(value: Any, kind: Kind) -> str:
    """The text an editor starts with: plain digits, no thousands separators."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return formatting.share(value) if kind is Kind.SHARE else formatting.plain(value)
    if isinstance(value, Enum):
        return str(value.value)
    return display_text(value, kind)


# ---- text → value ------------------------------------------------------------------------------------

_TRUE = {"1", "true", "yes", "y", "是", "√", "✓", "x"}
_FALSE = {"0", "false", "no", "n", "否", "×", ""}


def parse_value(text: str, hint: Any, field: str, kind: Kind | None = None) -> Any:
    """Parse what the officer typed into a value of the field's type.

    Args:
        text: the typed text.
        hint: the field's type hint (with its ``Annotated`` bounds).
        field: the field path named in the error.
        kind: the display kind, if the column overrides the one the hint gives.

    Returns:
        The value, already checked against the field's bounds.

    Raises:
        ValidationError: the text is not a value of the field (reason keys of ``workbench.texts.reasons``).
    """
    spec = type_spec(hint)
    kind = kind or kind_of(hint)
    base = spec.base
    text = text.strip()
    if not text and kind is not Kind.BOOL:
        if spec.optional:
            return None
        if base is str:
            return ""
        raise ValidationError(field, "required")
    if kind is Kind.OPERAND and text[:1] in ("=", "＝"):
        try:
            return FigureRef(text[1:].strip())
        except ValidationError as error:
            raise error.at(field) from None
    if base is Decimal or kind is Kind.OPERAND:
        number = _parse_number(text, field, kind, spec.bounds)
        return decode(hint, format(number, "f"), field)
    if base is int:
        number = parse_amount(text, field, allow_negative=True)
        if number != number.to_integral_value():
            raise ValidationError(field, "wrong_type", expected="integer")
        return decode(hint, int(number), field)
    if base is bool:
        lowered = text.lower()
        if lowered in _TRUE or lowered in _FALSE:
            return lowered in _TRUE
        raise ValidationError(field, "wrong_type", expected="boolean")
    if base is date:
        return _parse_date(text, field)
    if spec.choices is not None:
        return _parse_enum(text, spec.choices, field)
    return decode(hint, text, field)


def _parse_number(text: str, field: str, kind: Kind, bounds: Bounds | None) -> Decimal:
    allow_negative = bounds is None or bounds.low is None or bounds.low < 0
    percent = text.rstrip().endswith(("%", "％"))
    if percent:
        text = text.rstrip()[:-1]
    value = parse_amount(text, field, allow_negative=allow_negative)
    if percent or (kind is Kind.SHARE and value > 1 and bounds is not None and bounds.high == 1):
        # "30" in a share column means 30 %, as officers write it; "0.3" stays 0.3.
        value = value / 100
    return value


def _parse_date(text: str, field: str) -> date:
    return parse_date_text(text, date.today(), field)


def _parse_enum(text: str, enum: type[Enum], field: str) -> Enum:
    from workbench.ui.labels import enum_label

    for member in enum:
        if text in (str(member.value), enum_label(member), member.name):
            return member
    raise ValidationError(field, "invalid_choice", value=text, choices="、".join(enum_label(m) for m in enum))


def refusal_text(error: ValidationError, label: str = "") -> str:
    """The message shown when an entry is refused: the field's label and the domain's reason."""
    reason = reason_text(error.reason, error.params, lang())
    if not label:
        return reason
    return f"{label}：{reason}" if lang() == "zh" else f"{label}: {reason}"
