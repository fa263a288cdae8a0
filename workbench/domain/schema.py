"""JSON Schema (draft 2020-12) of the case-file exchange format, built from the same field model as ``codec``.

The schema is for people and tools outside the workbench (editors, other systems producing case files);
the workbench itself validates with ``codec.decode``, which is the authority. The two are derived from the
same annotations, so they agree wherever JSON Schema can say what the codec checks:

* objects are closed (``additionalProperties: false``), fields without a default are ``required``;
* ``Decimal`` is a decimal string or a JSON number; ``Bounds`` become ``minimum``/``maximum`` for numbers
  (JSON Schema cannot bound a numeric *string*: its bounds are in the description, and a non-negative
  field's pattern refuses a minus sign), ``MaxLength`` becomes ``maxLength``, tuples ``maxItems``;
* enums list their values, dates are ``YYYY-MM-DD`` with ``format: date``, ``Optional`` adds ``null``;
* an ``Operand`` is a decimal or a ``"=name"`` reference to one of ``REFERABLE_FIGURES``;
* the inputs of a cross-check must match the class its ``method`` selects (``allOf`` of ``if``/``then``).

What it cannot say, the codec still refuses: numeric strings out of bounds, fractions of a cent in a
cent-money field (``Amount``, ``SignedAmount``; a ``UnitPrice`` may carry them), duplicate ids,
``supersedes`` naming no earlier check, and non-existent dates such as 2024-02-30 (only a validator that
checks ``format`` catches those).

Regenerate the committed copy with::

    python -m workbench.domain.schema > resources/schema/case-file.schema.json
"""

from __future__ import annotations

import re
import sys
from enum import Enum
from typing import TYPE_CHECKING, Any

from workbench.domain.case_file import CaseFile
from workbench.domain.codec import FORMAT_NAME, FORMAT_VERSION, MAX_DECIMAL_TEXT, encode
from workbench.domain.field_model import DECIMAL_KINDS, FieldKind, FieldSpec, TypeSpec, fields_of, type_spec
from workbench.domain.fields import MAX_ITEMS, Bounds
from workbench.domain.figures import REFERABLE_FIGURES, FigureRef
from workbench.domain.policy import CreditPolicy
from workbench.domain.profit_loss import ProfitLoss

if TYPE_CHECKING:
    from collections.abc import Callable
    from decimal import Decimal

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = f"https://workbench.invalid/schema/case-file-{FORMAT_VERSION}.json"

_DIGITS = r"(?:(?:0*[1-9][0-9]{0,15}|0+)(?:\.[0-9]{0,20})?|\.[0-9]{1,20})"
_ZERO = r"(?:0+(?:\.0{0,20})?|\.0{1,20})"
DECIMAL_PATTERN = rf"^[+-]?{_DIGITS}$"
"""A plain decimal: optional sign, digits with an optional point; no exponent, no blanks, ASCII digits only.

At most 16 significant integer digits and 20 decimals: the codec's ``too_large`` limits, exactly.
"""
NON_NEGATIVE_DECIMAL_PATTERN = rf"^(?:\+?{_DIGITS}|-{_ZERO})$"
"""The same without negative values (``-0`` and ``-0.00`` are zero, and the codec takes them)."""
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
UNBOUNDED_NUMBER = 10**15
"""The codec refuses JSON integers beyond ±10^15 in a field without bounds (``too_large``)."""

# Rules that live in ``__post_init__`` rather than in the type hints: (class, field) → extra keywords.
# tests/domain/test_case_format.py checks that the codec refuses what these keywords refuse.
_FIELD_EXTRAS: dict[tuple[type, str], dict[str, Any]] = {
    (ProfitLoss, "calendar"): {"minItems": 12, "maxItems": 12},
    (CaseFile, "cross_checks"): {
        "description": "Unique ids; a check's supersedes names an earlier check (checked by the reader).",
    },
    (CaseFile, "evidence"): {"description": "Unique ids (checked by the reader)."},
}


def _first_line(cls: type) -> str | None:
    """First line of the class's own docstring; ``None`` for generated ones (dataclass signature, enum)."""
    doc = cls.__dict__.get("__doc__")
    if not isinstance(doc, str) or not doc.strip() or doc.startswith((f"{cls.__name__}(", "An enumeration")):
        return None
    return doc.strip().splitlines()[0].strip()


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self._owners: dict[str, type] = {}

    def ref(self, cls: type) -> dict[str, Any]:
        """A ``$ref`` to ``cls``'s definition, building it on first use."""
        name = cls.__name__
        owner = self._owners.get(name)
        if owner is not None and owner is not cls:  # pragma: no cover - a naming clash is a programming error
            raise TypeError(f"two classes named {name}: {owner!r} and {cls!r}")
        if owner is None:
            self._owners[name] = cls
            self.defs[name] = {}  # reserve the slot: definitions appear in first-use order
            self.defs[name] = self._definition(cls)
        return {"$ref": f"#/$defs/{name}"}

    def _named(self, name: str, build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        """A ``$ref`` to a shared definition that is not a class (``Decimal``, ``Operand``)."""
        if name not in self.defs:
            self._owners[name] = type(None)
            self.defs[name] = {}
            self.defs[name] = {"title": name, **build()}
        return {"$ref": f"#/$defs/{name}"}

    def _operand(self) -> dict[str, Any]:
        return self._named(
            "Operand",
            lambda: {
                "description": 'A decimal, or a reference "=name" to a figure the statements derive.',
                "anyOf": [self._named("Decimal", lambda: _decimal(None)), self.ref(FigureRef)],
            },
        )

    def _definition(self, cls: type) -> dict[str, Any]:
        out: dict[str, Any] = {"title": cls.__name__}
        doc = _first_line(cls)
        if doc:
            out["description"] = doc
        if issubclass(cls, Enum):
            out.update(type="string", enum=[member.value for member in cls])
            return out
        if cls is FigureRef:
            names = "|".join(re.escape(name) for name in REFERABLE_FIGURES)
            out.update(type="string", pattern=f"^=({names})$")
            return out
        fields = fields_of(cls)
        out["type"] = "object"
        properties: dict[str, Any] = {}
        for f in fields:
            if f.tag_types is not None:
                prop: dict[str, Any] = {
                    "type": "object",
                    "description": f"Its fields depend on `{f.tagged_by}` (see allOf).",
                }
            else:
                prop = self.spec(f.spec)
            prop.update(_FIELD_EXTRAS.get((cls, f.name), {}))
            if f.has_default:
                prop["default"] = encode(f.default)
            properties[f.name] = prop
        out["properties"] = properties
        required = [f.name for f in fields if not f.has_default]
        if required:
            out["required"] = required
        out["additionalProperties"] = False
        branches = [branch for f in fields if f.tag_types is not None for branch in self._tagged(f)]
        if branches:
            out["allOf"] = branches
        return out

    def _tagged(self, f: FieldSpec) -> list[dict[str, Any]]:
        """One ``if``/``then`` per inputs class: the tag values that select it, and its schema."""
        assert f.tag_types is not None and f.tagged_by is not None
        by_class: dict[type, list[str]] = {}
        for tag, cls in f.tag_types.items():
            by_class.setdefault(cls, []).append(tag)
        out = []
        for cls, tags in by_class.items():
            condition = {"const": tags[0]} if len(tags) == 1 else {"enum": tags}
            out.append(
                {
                    "if": {"properties": {f.tagged_by: condition}, "required": [f.tagged_by]},
                    "then": {"properties": {f.name: self.ref(cls)}},
                }
            )
        return out

    def value(self, hint: Any) -> dict[str, Any]:
        """The schema of one field type (mirrors ``codec._decode``)."""
        return self.spec(type_spec(hint))

    def spec(self, spec: TypeSpec) -> dict[str, Any]:
        """The schema of one field type from the field model."""
        inner = self._inner(spec)
        if not spec.optional:
            return inner
        return (
            {"anyOf": [*inner["anyOf"], {"type": "null"}]}
            if list(inner) == ["anyOf"]
            else {"anyOf": [inner, {"type": "null"}]}
        )

    def _inner(self, spec: TypeSpec) -> dict[str, Any]:
        kind, bounds = spec.kind, spec.bounds
        if kind is FieldKind.OPERAND:
            if bounds is None:
                return self._operand()
            return {"anyOf": [_decimal(bounds), self.ref(FigureRef)]}
        if kind in (FieldKind.DATACLASS, FieldKind.ENUM):
            return self.ref(spec.base)
        if kind is FieldKind.LIST:
            assert spec.item is not None
            return {"type": "array", "items": self.spec(spec.item), "maxItems": MAX_ITEMS}
        if kind is FieldKind.BOOL:
            return {"type": "boolean"}
        if kind is FieldKind.INT:
            out: dict[str, Any] = {"type": "integer"}
            if bounds is not None and bounds.low is not None:
                out["minimum"] = _number(bounds.low)
            if bounds is not None and bounds.high is not None:
                out["maximum"] = _number(bounds.high)
            return out
        if kind in DECIMAL_KINDS:
            return _decimal(bounds) if bounds is not None else self._named("Decimal", lambda: _decimal(None))
        if kind in (FieldKind.TEXT, FieldKind.LONG_TEXT):
            out = {"type": "string"}
            if spec.max_length is not None:
                out["maxLength"] = spec.max_length
            return out
        if kind is FieldKind.DATE:
            return {"type": "string", "format": "date", "pattern": DATE_PATTERN}
        raise TypeError(f"no schema for {spec.hint!r}")  # pragma: no cover - codec would refuse it too


def _decimal(bounds: Bounds | None) -> dict[str, Any]:
    """A decimal string (bounds in the description) or a JSON number (bounds as keywords)."""
    low = bounds.low if bounds is not None else None
    high = bounds.high if bounds is not None else None
    if low is None and high is None:
        description = 'Decimal, preferably as text such as "1250.00".'
    else:
        shown_low = format(low, "f") if low is not None else "−∞"
        shown_high = format(high, "f") if high is not None else "∞"
        description = f'Decimal {shown_low} … {shown_high}, preferably as text such as "1250.00".'
    return {
        "description": description,
        "type": ["string", "number"],
        "pattern": NON_NEGATIVE_DECIMAL_PATTERN if low is not None and low >= 0 else DECIMAL_PATTERN,
        "maxLength": MAX_DECIMAL_TEXT,
        "minimum": _number(low) if low is not None else -UNBOUNDED_NUMBER,
        "maximum": _number(high) if high is not None else UNBOUNDED_NUMBER,
    }


def case_file_schema() -> dict[str, Any]:
    """The JSON Schema of a case-file document (the envelope and the case), as plain data.

    Returns:
        A draft 2020-12 schema with one ``$defs`` entry per dataclass and enum, named by class name.
    """
    builder = _Builder()
    case = builder.ref(CaseFile)
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": SCHEMA_ID,
        "title": "Workbench case file",
        "description": (
            f"A loan case in the workbench exchange format, version {FORMAT_VERSION} (docs/case-format.md). "
            "The workbench's own reader is the authority; this schema refuses a subset of what it refuses."
        ),
        "type": "object",
        "properties": {
            "format": {"const": FORMAT_NAME},
            "version": {"const": FORMAT_VERSION},
            "case": case,
            "policy": builder.ref(CreditPolicy),
        },
        "required": ["format", "version", "case"],
        "additionalProperties": False,
        "$defs": builder.defs,
    }


def main() -> int:
    """Print the schema as JSON (UTF-8, two-space indent, trailing newline)."""
    import json  # only the command needs a serialiser; the domain itself stays JSON-free

    text = json.dumps(case_file_schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    out = getattr(sys.stdout, "buffer", None)
    if out is None:
        sys.stdout.write(text)
    else:
        out.write(text.encode("utf-8"))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
