"""The case-file exchange format (docs/case-format.md): schema, demo files, round trips, hostile files.

The codec (``workbench.domain.codec``, through ``workbench.services.case_files``) is the authority; the
JSON Schema in ``resources/schema/`` is generated from the same type hints and must refuse whatever it can
express of what the codec refuses, and accept every document the codec writes.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import re
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from workbench.domain.case_file import CaseFile
from workbench.domain.codec import MAX_DEPTH, case_from_document, decode, encode
from workbench.domain.errors import ValidationError
from workbench.domain.field_model import type_spec
from workbench.domain.fields import MAX_ITEMS, SHORT_TEXT, Bounds, MaxLength
from workbench.domain.figures import FigureRef
from workbench.domain.schema import case_file_schema, main
from workbench.services import case_files
from workbench.services.case_files import (
    CaseFileError,
    dumps_case,
    loads_case,
    read_case_file,
    write_case_file,
)
from workbench.texts import gettext
from workbench.texts import reasons as messages
from workbench.texts.labels import FIGURE_LABELS as REFERABLE_FIGURES

if TYPE_CHECKING:
    from collections.abc import Iterator

REPO = Path(__file__).resolve().parents[2]
SCHEMA_PATH = REPO / "resources" / "schema" / "case-file.schema.json"
DEMO_PATHS = {name: REPO / "resources" / "demo" / f"case-{name}.json" for name in ("a", "b")}
REGENERATE = ".venv/bin/python -m workbench.domain.schema > resources/schema/case-file.schema.json"
SQL_TEXT = "'; DROP TABLE case_file; --"


def _schema_text() -> str:
    return json.dumps(case_file_schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


VALIDATOR = Draft202012Validator(case_file_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def _demo_text(name: str) -> str:
    return DEMO_PATHS[name].read_text(encoding="utf-8")


def _demo_doc(name: str = "a") -> dict[str, Any]:
    return typing.cast("dict[str, Any]", json.loads(_demo_text(name), parse_float=Decimal))


def _parse(text: str) -> Any:
    """The JSON document the codec sees (decimals exact); NaN/Infinity are not JSON."""

    def refuse(name: str) -> Any:
        raise ValueError(name)

    return json.loads(text, parse_float=Decimal, parse_constant=refuse)


def _dumps(doc: Any, **kwargs: Any) -> str:
    return json.dumps(doc, ensure_ascii=False, default=_decimal_as_number, **kwargs)


def _decimal_as_number(value: object) -> Any:
    if isinstance(value, Decimal):  # only reached for Decimals parsed from JSON numbers
        return json.loads(str(value))
    raise TypeError(type(value).__name__)


def _one_line(text: str) -> bool:
    return len(text.splitlines()) == 1 and text.isprintable()


# ---- (a) the committed schema is the generated one ----------------------------------------------


def test_committed_schema_is_current() -> None:
    where = SCHEMA_PATH.relative_to(REPO)
    assert SCHEMA_PATH.exists(), f"{where} is missing; generate it with:\n  {REGENERATE}"
    assert SCHEMA_PATH.read_text(encoding="utf-8") == _schema_text(), (
        f"{where} is out of date with the type hints; regenerate it with:\n  {REGENERATE}"
    )


def test_schema_command_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main() == 0
    assert capsys.readouterr().out == _schema_text()


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = case_file_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == "https://workbench.invalid/schema/case-file-2.json"
    assert schema["properties"]["format"] == {"const": "workbench-case"}
    assert schema["properties"]["version"] == {"const": 2}


def test_schema_has_one_closed_definition_per_dataclass() -> None:
    defs = case_file_schema()["$defs"]
    for cls in _dataclasses_of(CaseFile):
        if cls is FigureRef:
            continue
        definition = defs[cls.__name__]
        assert definition["additionalProperties"] is False, cls.__name__
        fields = dataclasses.fields(cls)
        assert list(definition["properties"]) == [f.name for f in fields]
        missing = dataclasses.MISSING
        required = [f.name for f in fields if f.default is missing and f.default_factory is missing]
        assert definition.get("required", []) == required, cls.__name__


def _dataclasses_of(root: type) -> list[type]:
    seen: list[type] = []

    def visit(hint: Any) -> None:
        if isinstance(hint, type) and dataclasses.is_dataclass(hint):
            if hint in seen:
                return
            seen.append(hint)
            hints = typing.get_type_hints(hint, include_extras=True)
            for f in dataclasses.fields(hint):
                visit(hints[f.name])
                for tagged in (f.metadata.get("types") or {}).values():
                    visit(tagged)
            return
        for arg in typing.get_args(hint):
            visit(arg)

    visit(root)
    return seen


# ---- (b) the demo files are valid ---------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(DEMO_PATHS))
def test_demo_file_matches_the_schema_and_decodes(name: str) -> None:
    document = _demo_doc(name)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(document)]
    assert errors == []
    case = case_from_document(document)
    assert isinstance(case, CaseFile)
    assert read_case_file(DEMO_PATHS[name]) == case


# ---- (c) lossless round trip --------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(DEMO_PATHS))
def test_demo_file_round_trips_losslessly(name: str) -> None:
    case = loads_case(_demo_text(name))
    first = dumps_case(case)
    again = loads_case(first)
    assert again == case
    assert dumps_case(again) == first
    assert decode(CaseFile, encode(case)) == case
    assert VALIDATOR.is_valid(_parse(first)), "what the workbench writes must match its own schema"


def test_written_file_reads_back_identically(tmp_path: Path) -> None:
    case = read_case_file(DEMO_PATHS["b"])
    target = tmp_path / "case-b.json"
    write_case_file(case, target)
    assert read_case_file(target) == case
    assert target.read_text(encoding="utf-8") == dumps_case(case)
    assert not (tmp_path / "case-b.json.tmp").exists()


def test_sql_looking_text_is_accepted_and_kept_verbatim() -> None:
    document = _demo_doc("a")
    document["case"]["borrower"]["name"] = SQL_TEXT
    document["case"]["business"]["name"] = "Robert'); DROP TABLE Students;--"
    document["case"]["notes"]["conclusion"] = '<script>alert("x")</script> ${jndi:ldap://x} \\" \u2028 💰'
    assert VALIDATOR.is_valid(document)
    case = loads_case(_dumps(document))
    assert case.borrower.name == SQL_TEXT
    assert case.business is not None and case.business.name == "Robert'); DROP TABLE Students;--"
    text = dumps_case(case)
    assert SQL_TEXT in text
    again = loads_case(text)
    assert again == case and dumps_case(again) == text


# ---- (d) property: random valid documents round-trip --------------------------------------------

# Fields whose values other fields refer to or that pick a type: mutating them breaks the case's rules.
# Ids stay as they are: unique within their list (rows, checks, evidence), which two independent
# mutations could break (two rows given the same drawn text is a duplicate_id, not a valid document).
_FROZEN_LEAVES = re.compile(r"^case\.(cross_checks\[\d+\]\.(supersedes|method|target)|.*\]\.id)$")


def _split(hint: Any) -> tuple[Any, tuple[Any, ...]]:
    if typing.get_origin(hint) is typing.Annotated:
        base, *meta = typing.get_args(hint)
        return base, tuple(meta)
    return hint, ()


def _leaves(hint: Any, data: Any, path: str) -> Iterator[tuple[str, Any]]:
    """Every scalar in ``data`` with the (annotated) type hint the codec decodes it with."""
    base, meta = _split(hint)
    if typing.get_origin(base) in (Union, types.UnionType):
        args = [a for a in typing.get_args(base) if a is not type(None)]
        if data is None:
            return
        if set(args) == {Decimal, FigureRef} or len(args) != 1:
            yield path, hint
            return
        yield from _leaves(typing.Annotated[args[0], *meta] if meta else args[0], data, path)
        return
    if isinstance(base, type) and dataclasses.is_dataclass(base):
        hints = typing.get_type_hints(base, include_extras=True)
        for f in dataclasses.fields(base):
            if f.name in data:
                tags = f.metadata.get("types")
                field_hint = tags[data[f.metadata["tagged_by"]]] if tags else hints[f.name]
                yield from _leaves(field_hint, data[f.name], f"{path}.{f.name}")
        return
    if typing.get_origin(base) is tuple:
        item = typing.get_args(base)[0]
        for index, value in enumerate(data):
            yield from _leaves(item, value, f"{path}[{index}]")
        return
    yield path, hint


def _set(document: dict[str, Any], path: str, value: Any) -> None:
    steps = [int(s) if s.isdigit() else s for s in re.findall(r"[^.\[\]]+", path)]
    node: Any = document
    for step in steps[:-1]:
        node = node[step]
    node[steps[-1]] = value


HOSTILE_TEXTS = (SQL_TEXT, "<b>x</b>", '"quoted" \\ back', "a\nb\tc", "\u2028\u2029", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 💰", "  ", "")


def _decimal_text(low: Decimal, high: Decimal, whole_cents: bool = False) -> st.SearchStrategy[Any]:
    values = st.sampled_from([0, 1, 2] if whole_cents else [0, 1, 2, 6]).flatmap(
        lambda places: st.decimals(low, high, places=places, allow_nan=False, allow_infinity=False)
    )
    # as text, and as a JSON integer where it is one
    return values.flatmap(
        lambda d: st.sampled_from([format(d, "f"), *([int(d)] if d == d.to_integral_value() else [])])
    )


def _value(hint: Any) -> st.SearchStrategy[Any]:
    """A valid JSON value for one leaf (what another tool might write)."""
    base, meta = _split(hint)
    bounds = next((m for m in meta if isinstance(m, Bounds)), None)
    if typing.get_origin(base) in (Union, types.UnionType):
        args = {a for a in typing.get_args(base) if a is not type(None)}
        assert args == {Decimal, FigureRef}, hint
        refs = st.sampled_from(sorted(REFERABLE_FIGURES)).map(lambda name: f"={name}")
        return st.one_of(refs, _value(typing.Annotated[Decimal, *meta] if meta else Decimal))
    if isinstance(base, type) and issubclass(base, Enum):
        return st.sampled_from([m.value for m in base])
    if base is bool:
        return st.booleans()
    if base is int:
        if bounds is None:
            return st.integers(min_value=1, max_value=12)  # EnergyRatioInputs.month_a / month_b
        assert bounds.low is not None and bounds.high is not None, hint
        return st.integers(min_value=int(bounds.low), max_value=int(bounds.high))
    if base is Decimal:
        low = bounds.low if bounds is not None and bounds.low is not None else Decimal(-(10**9))
        high = bounds.high if bounds is not None and bounds.high is not None else Decimal(10**9)
        return _decimal_text(low, high, type_spec(hint).whole_cents)
    if base is str:
        limit = next(m.limit for m in meta if isinstance(m, MaxLength))
        # NUL and lone surrogates are refused by design (invalid_text); everything else is text.
        alphabet = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
        texts = st.text(alphabet=alphabet, max_size=min(limit, 40))
        return st.one_of(texts, st.sampled_from(HOSTILE_TEXTS), st.just("界" * limit))
    if base is date:
        return st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)).map(date.isoformat)
    raise AssertionError(f"no strategy for {hint!r}")


@st.composite
def mutated_documents(draw: st.DrawFn) -> dict[str, Any]:
    document = copy.deepcopy(_DEMO_DOCS[draw(st.sampled_from(sorted(_DEMO_DOCS)))])
    leaves = [(p, h) for p, h in _leaves(CaseFile, document["case"], "case") if not _FROZEN_LEAVES.match(p)]
    for index in draw(st.lists(st.integers(min_value=0, max_value=len(leaves) - 1), min_size=1, max_size=25)):
        path, hint = leaves[index]
        _set(document, path, draw(_value(hint)))
    return document


_DEMO_DOCS = {name: _demo_doc(name) for name in DEMO_PATHS}


ROUND_TRIP = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


@ROUND_TRIP
@given(document=mutated_documents(), indent=st.sampled_from([None, 2]), ascii_only=st.booleans())
def test_random_valid_documents_round_trip(
    document: dict[str, Any], indent: int | None, ascii_only: bool
) -> None:
    text = json.dumps(document, indent=indent, ensure_ascii=ascii_only, default=_decimal_as_number)
    assert VALIDATOR.is_valid(_parse(text)), [e.message for e in VALIDATOR.iter_errors(_parse(text))][:3]
    case = loads_case(text)
    first = dumps_case(case)
    again = loads_case(first)
    assert again == case
    assert dumps_case(again) == first
    assert decode(CaseFile, encode(case)) == case
    assert VALIDATOR.is_valid(_parse(first))


# ---- (e) malformed and hostile documents --------------------------------------------------------


@dataclass(frozen=True)
class Hostile:
    """One refused input: how to build it, where and why the codec refuses it, and what the schema says.

    ``make`` returns a document (dict: decoded directly *and* as JSON text), JSON text (str) or the raw
    bytes of a file (read with ``read_case_file``). ``schema`` is "refuses", "accepts" (a rule JSON Schema
    cannot express; the codec alone enforces it) or "n/a" (not a JSON document at all).
    """

    id: str
    make: Callable[[dict[str, Any]], Any]
    field: str
    reasons: tuple[str, ...]
    schema: str = "refuses"


def _edit(path: str, value: Any) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def make(document: dict[str, Any]) -> dict[str, Any]:
        _set(document, path, value)
        return document

    return make


def _edit_with(path: str, value: Callable[[], Any]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """Like ``_edit``, building the value only when the case runs (the 50 MB text)."""

    def make(document: dict[str, Any]) -> dict[str, Any]:
        _set(document, path, value())
        return document

    return make


def _delete(path: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def make(document: dict[str, Any]) -> dict[str, Any]:
        *parent, last = path.split(".")
        node = document
        for step in parent:
            node = node[step]
        del node[last]
        return document

    return make


def _literal(path: str, literal: str) -> Callable[[dict[str, Any]], str]:
    """JSON text with ``literal`` spliced in verbatim as the value at ``path`` (NaN, 1e400 …)."""
    marker = "@@LITERAL@@"

    def make(document: dict[str, Any]) -> str:
        _set(document, path, marker)
        return _dumps(document).replace(f'"{marker}"', literal)

    return make


def _nested(depth: int, opener: str, closer: str, inner: str = "1") -> Callable[[dict[str, Any]], str]:
    def make(document: dict[str, Any]) -> str:
        envelope = '{"format": "workbench-case", "version": 1, "case": '
        return envelope + opener * depth + inner + closer * depth + "}"

    return make


def _bytes(make_text: Callable[[dict[str, Any]], str], encoding: str) -> Callable[[dict[str, Any]], bytes]:
    return lambda document: make_text(document).encode(encoding)


BIG = 50 * 1024 * 1024
AMOUNT = "case.request.amount"
TERM = "case.request.term_months"
SURVEY = "case.dates.survey_date"
CALENDAR = "case.profit_loss.calendar"
SHARE = "case.profit_loss.products[0].share"


def edit(
    id: str, path: str, value: Any, reason: str, schema: str = "refuses", field: str | None = None
) -> Hostile:
    """The demo document with ``value`` at ``path``, refused at ``field`` (default: ``path``)."""
    return Hostile(id, _edit(path, value), path if field is None else field, (reason,), schema)


TOO_MANY_GUARANTORS = [{"name": "x", "role": "guarantor", "relationship": "friend"}] * (MAX_ITEMS + 1)
TWICE_THE_SAME_EVIDENCE = [{"id": "E1", "kind": "photo", "title": "店面"}] * 2

HOSTILE: list[Any] = [
    # wrong types
    edit("string-where-object", "case.borrower", "王丽华", "wrong_type"),
    edit("object-where-array", "case.cross_checks", {}, "wrong_type"),
    edit("object-where-decimal", AMOUNT, {"value": 1}, "wrong_type"),
    edit("boolean-where-integer", TERM, True, "wrong_type"),
    Hostile("fraction-where-integer", _literal(TERM, "12.0"), TERM, ("wrong_type",)),
    edit("number-where-string", "case.borrower.name", 42, "wrong_type"),
    edit("null-where-object", "case.borrower", None, "wrong_type"),
    edit("null-where-decimal", AMOUNT, None, "wrong_type"),
    edit("null-where-operand", "case.cross_checks[7].inputs.low", None, "required"),
    Hostile("array-document", lambda d: "[]", "", ("wrong_type",)),
    # numbers
    edit("negative-amount-text", AMOUNT, "-5", "negative"),
    edit("negative-amount-number", AMOUNT, -5, "negative"),
    Hostile("huge-number-1e400", _literal(AMOUNT, "1e400"), AMOUNT, ("too_large",)),
    edit("huge-text-1e400", AMOUNT, "1e400", "too_large"),
    edit("huge-integer-10**30", AMOUNT, 10**30, "too_large"),
    edit("huge-integer-10**30-unbounded", "case.cross_checks[0].inputs.daily", 10**30, "too_large"),
    Hostile("integer-literal-5000-digits", _literal(AMOUNT, "9" * 5000), "", ("not_json",), "n/a"),
    edit("too-many-decimals", AMOUNT, "0." + "0" * 20 + "1", "too_large"),
    edit("decimal-text-too-long", AMOUNT, "0" * 41, "not_a_number"),
    edit("not-a-number-text", AMOUNT, "六万", "not_a_number"),
    edit("nan-text", AMOUNT, "NaN", "not_a_number"),
    Hostile("nan-literal", _literal(AMOUNT, "NaN"), "", ("not_json",), "n/a"),
    Hostile("infinity-literal", _literal(AMOUNT, "Infinity"), "", ("not_json",), "n/a"),
    Hostile("minus-infinity-literal", _literal(AMOUNT, "-Infinity"), "", ("not_json",), "n/a"),
    edit("share-above-one-number", SHARE, Decimal("1.5"), "out_of_range"),
    edit("share-above-one-text", SHARE, "1.5", "out_of_range", schema="accepts"),
    edit("months-out-of-range", TERM, 1201, "out_of_range"),
    # texts and lists
    Hostile(
        "50-MB-text",
        _edit_with("case.notes.conclusion", lambda: "x" * BIG),
        "case.notes.conclusion",
        ("too_long",),
    ),
    edit("short-text-too-long", "case.borrower.name", "王" * (SHORT_TEXT + 1), "too_long"),
    edit("too-many-items", "case.guarantors", TOO_MANY_GUARANTORS, "too_many"),
    # structure
    Hostile("nesting-10000-arrays", _nested(10_000, "[", "]"), "", ("not_json", "too_deep"), "n/a"),
    Hostile("nesting-10000-objects", _nested(10_000, '{"a": ', "}"), "", ("not_json", "too_deep"), "n/a"),
    Hostile("nesting-just-too-deep", _nested(MAX_DEPTH + 10, "[", "]"), "", ("too_deep",)),
    edit("unknown-field", "case.borrower.nickname", "丽丽", "unknown_field"),
    edit("unknown-envelope-field", "signature", "x", "unknown_field"),
    Hostile("missing-required-field", _delete(TERM), TERM, ("required",)),
    Hostile("missing-case", _delete("case"), "case", ("required",)),
    edit("unknown-enum-value", "case.borrower.sex", "unknown", "invalid_choice"),
    edit(
        "method-does-not-fit-target",
        "case.cross_checks[5].target",
        "sales_month",
        "invalid_choice",
        schema="accepts",
    ),
    edit("enum-case-differs", "case.loan_class", "Business", "invalid_choice"),
    edit("bad-date-feb-30", SURVEY, "2024-02-30", "invalid_date"),
    edit("bad-date-format", SURVEY, "28/06/2024", "invalid_date"),
    edit("date-as-number", SURVEY, 20240628, "wrong_type"),
    # envelope
    edit("wrong-format", "format", "excel", "invalid_choice"),
    Hostile("missing-format", _delete("format"), "format", ("invalid_choice",)),
    edit("future-version", "version", 3, "unsupported_version"),
    edit("version-as-text", "version", "1", "unsupported_version"),
    edit("version-as-boolean", "version", True, "unsupported_version"),
    # references and cross-checks
    edit(
        "unknown-figure-reference",
        "case.cross_checks[7].inputs.value",
        "=no_such_figure",
        "unknown_reference",
    ),
    edit(
        "inputs-of-another-method",
        "case.cross_checks[0].method",
        "M8",
        "unknown_field",
        field="case.cross_checks[0].inputs.daily",
    ),
    edit(
        "inputs-missing-for-method",
        "case.cross_checks[5].inputs",
        {},
        "required",
        field="case.cross_checks[5].inputs.stated_annual",
    ),
    edit(
        "inputs-for-equity-method",
        "case.cross_checks[1].method",
        "M16",
        "unknown_field",
        field="case.cross_checks[1].inputs.receipts",
    ),
    edit("unknown-method", "case.cross_checks[0].method", "M99", "invalid_choice"),
    edit("duplicate-cross-check-ids", "case.cross_checks[1].id", "C1", "duplicate_id", schema="accepts"),
    edit(
        "supersedes-unknown-check",
        "case.cross_checks[4].supersedes",
        "C99",
        "unknown_reference",
        schema="accepts",
    ),
    edit(
        "duplicate-evidence-ids", "case.evidence", TWICE_THE_SAME_EVIDENCE, "duplicate_id", schema="accepts"
    ),
    edit("calendar-with-11-months", CALENDAR, ["normal"] * 11, "wrong_length"),
    edit("calendar-with-13-months", CALENDAR, ["normal"] * 13, "wrong_length"),
    # files
    Hostile("file-not-utf-8", _bytes(_dumps, "gb18030"), "", ("not_json",), "n/a"),
    Hostile("file-utf-16", _bytes(_dumps, "utf-16"), "", ("not_json",), "n/a"),
    Hostile("file-empty", lambda d: b"", "", ("not_json",), "n/a"),
    Hostile("file-blank", lambda d: b"  \n", "", ("not_json",), "n/a"),
    Hostile("file-truncated", lambda d: _dumps(d).encode("utf-8")[:500], "", ("not_json",), "n/a"),
    # the codec is more lenient than the documented format (see the report)
    edit("iso-week-date", SURVEY, "2024-W26-5", "invalid_date"),
    edit("underscore-in-decimal", AMOUNT, "60_000", "not_a_number"),
    edit("arabic-indic-digits", AMOUNT, "+٦٠٠٠٠", "not_a_number"),
    # one-line messages whatever the hostile value holds
    edit("line-break-in-enum-value", "case.borrower.sex", "female\nERROR forged log line", "invalid_choice"),
    edit("line-break-in-unknown-key", "case.borrower.x\ny", 1, "unknown_field", field="case.borrower.x\\ny"),
]


def _case_id(case: Any) -> str:
    return case.id if isinstance(case, Hostile) else str(case)


def _refusal(made: Any, tmp_path: Path) -> ValidationError:
    """Run ``made`` through the reader that fits it; the ValidationError it must raise."""
    if isinstance(made, bytes):
        path = tmp_path / "hostile.json"
        path.write_bytes(made)
        with pytest.raises(CaseFileError) as info:
            read_case_file(path)
        assert info.value.source == str(path)
        return info.value.error
    if isinstance(made, str):
        with pytest.raises(CaseFileError) as info:
            loads_case(made, source="hostile.json")
        assert info.value.source == "hostile.json"
        return info.value.error
    with pytest.raises(ValidationError) as direct:
        case_from_document(made)
    via_text = _refusal(_dumps(made), tmp_path)
    assert (via_text.field, via_text.reason) == (direct.value.field, direct.value.reason)
    return direct.value


@pytest.mark.parametrize("case", HOSTILE, ids=_case_id)
def test_hostile_document_is_refused(case: Hostile, tmp_path: Path) -> None:
    made = case.make(_demo_doc("a"))
    error = _refusal(made, tmp_path)
    assert error.field == case.field and error.reason in case.reasons, (error.field, error.reason)

    zh = messages.error_text(error)
    en = messages.error_text(error, "en")
    for text in (zh, en):
        assert _one_line(text), repr(text[:200])
        assert error.field in text
        assert len(text) < 300
    assert re.search("[\u4e00-\u9fff]", zh), zh
    assert zh != en
    if error.field:
        assert zh.startswith(f"字段 {error.field}：") and en.startswith(f"field {error.field}: ")

    if case.schema == "n/a":
        with pytest.raises((ValueError, RecursionError, UnicodeDecodeError)):
            _parse(made.decode("utf-8") if isinstance(made, bytes) else made)
        return
    document = made if isinstance(made, dict) else _parse(made)
    refused = not VALIDATOR.is_valid(document)
    assert refused is (case.schema == "refuses"), f"schema {'accepts' if not refused else 'refuses'} it"


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(case_files.MAX_FILE_BYTES + 1)  # sparse: the size without writing 20 MB
    with pytest.raises(CaseFileError) as info:
        read_case_file(path)
    error = info.value.error
    assert (error.field, error.reason) == ("", "file_too_large")
    assert error.params == {"size": case_files.MAX_FILE_BYTES + 1, "limit": 20 * 1024 * 1024}
    assert _one_line(messages.error_text(error)) and "文件过大" in messages.error_text(error)
    assert "file too large" in messages.error_text(error, "en")


def test_the_size_limit_applies_to_real_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "case-a.json"
    path.write_bytes(DEMO_PATHS["a"].read_bytes())
    monkeypatch.setattr(case_files, "MAX_FILE_BYTES", path.stat().st_size - 1)
    with pytest.raises(CaseFileError) as info:
        read_case_file(path)
    assert info.value.error.reason == "file_too_large"
    monkeypatch.setattr(case_files, "MAX_FILE_BYTES", path.stat().st_size)
    assert read_case_file(path) == read_case_file(DEMO_PATHS["a"])


def test_missing_file_is_refused_with_a_message(tmp_path: Path) -> None:
    with pytest.raises(CaseFileError) as info:
        read_case_file(tmp_path / "nope.json")
    assert info.value.error.reason == "unreadable_file"
    assert _one_line(messages.error_text(info.value.error))


def test_schema_keywords_beyond_the_type_hints_match_the_codec() -> None:
    """The calendar's 12 entries come from ProfitLoss.__post_init__, not a hint: keep the two in step."""
    calendar = case_file_schema()["$defs"]["ProfitLoss"]["properties"]["calendar"]
    assert (calendar["minItems"], calendar["maxItems"]) == (12, 12)
    for count in (0, 11, 13):
        document = _demo_doc("a")
        document["case"]["profit_loss"]["calendar"] = ["peak"] * count
        with pytest.raises(ValidationError) as info:
            case_from_document(document)
        assert info.value.reason == "wrong_length"


@pytest.mark.parametrize(
    "text", ["0", "-0", "+5", "5.", ".5", "007", "1234567890123456", "0.00000000000000000001", "-99.5"]
)
def test_decimal_texts_the_schema_accepts_the_codec_accepts(text: str) -> None:
    document = _demo_doc("a")
    document["case"]["cross_checks"][0]["inputs"]["daily"] = text
    assert VALIDATOR.is_valid(document)
    case = case_from_document(document)
    assert loads_case(dumps_case(case)) == case


@pytest.mark.parametrize("text", ["-0", "-0.00", "+0", "0.5"])
def test_non_negative_pattern_admits_zero_however_signed(text: str) -> None:
    document = _demo_doc("a")
    document["case"]["request"]["amount"] = text
    assert VALIDATOR.is_valid(document)
    case_from_document(document)


def test_lone_surrogate_in_text_is_refused(tmp_path: Path) -> None:
    text = _dumps(_demo_doc("a")).replace('"王丽华"', '"\\ud800"', 1)
    try:
        case = loads_case(text)
    except CaseFileError as refused:
        assert refused.error.field == "case.borrower.name"
        return
    write_case_file(case, tmp_path / "out.json")
    raise AssertionError("accepted a text that is not valid Unicode")


# ---- docs/case-format.md: the generated tables match the code -----------------------------------
#
# The tables between "<!-- generated:NAME -->" and "<!-- /generated:NAME -->" come from the functions
# below. After a change to the format, rewrite them with:
#     .venv/bin/python tests/domain/test_case_format.py --write-docs

DOC_PATH = REPO / "docs" / "case-format.md"

# Chinese terms beside the English class names in the object tree (the code names only some of them).
TREE_TERMS = {
    "CaseFile": "案件 / 进件",
    "CaseDates": "流程日期",
    "Officers": "主办/协办客户经理",
    "Borrower": "借款人",
    "CreditRecord": "信贷记录",
    "LoanRequest": "贷款申请",
    "RateQuote": "利率",
    "FundsLine": "资金使用/来源计划",
    "Household": "家庭",
    "HouseholdMember": "家庭成员",
    "Business": "经营主体",
    "Counterparty": "主要供应商/客户",
    "SoftInformation": "软信息",
    "SoftFactor": "软信息矩阵",
    "SoftCheck": "软信息交叉检验",
    "Guarantor": "担保人/共同借款人",
    "Collateral": "抵质押物",
    "BalanceSheet": "资产负债表",
    "AssetItem": "资产",
    "StockItem": "存货明细",
    "FixedAsset": "固定资产明细",
    "Receivable": "应收账款明细",
    "Payable": "应付/预收明细",
    "Debt": "负债明细",
    "OffBalanceItem": "表外资产/负债",
    "GuaranteeGiven": "对外担保",
    "ProfitLoss": "损益表",
    "ProductLine": "产品毛利/单位成本",
    "ExpenseItem": "费用/收入项",
    "VariableExpense": "可变费用",
    "EquityCheck": "权益检验",
    "EquityItem": "权益检验项",
    "EquityPass": "历次检验",
    "CrossCheck": "交叉检验",
    "Evidence": "证据/影像资料",
    "ReportNotes": "调查报告意见",
}

# What each annotated field type in workbench.domain.fields is for.
ALIAS_MEANINGS = {
    "Amount": "money in CNY in whole cents, not negative (金额)",
    "SignedAmount": "money in whole cents that may be negative, e.g. Δ inventory",
    "UnitPrice": "a price per unit, not negative, that may carry fractions of a cent (单价)",
    "Share": "a fraction 0 … 1 (占比)",
    "Factor": "a non-negative multiplier or count with decimals (months, kWh, hours)",
    "SignedFactor": "a signed rate such as a growth rate",
    "Percent": "a percentage as typed: 7.2 means 7.2 %",
    "Months": "whole months (期限/月数)",
    "CalendarMonth": "a calendar month 1 … 12 (月份)",
    "Count": "a whole count (人数/次数)",
    "Text": "short text (单行文本)",
    "LongText": "long text (说明/叙述)",
    "RowId": "the stable id of a row, unique in its list (行标识)",
}


def _aliases() -> dict[Any, str]:
    from workbench.domain import fields

    named = vars(fields).items()
    return {value: name for name, value in named if typing.get_origin(value) is typing.Annotated}


def _type_name(hint: Any) -> str:
    """Short type notation of the docs: ``Amount``, ``[Debt]``, ``operand | null``, ``enum Sex`` …"""
    aliases = _aliases()
    if hint in aliases:
        return f"`{aliases[hint]}`"
    base, meta = _split(hint)
    if typing.get_origin(base) in (Union, types.UnionType):
        args = [a for a in typing.get_args(base) if a is not type(None)]
        inner = (
            "operand"
            if set(args) == {Decimal, FigureRef}
            else _type_name(typing.Annotated[args[0], *meta] if meta else args[0])
        )
        return f"{inner} \\| null" if len(args) < len(typing.get_args(base)) else inner
    if typing.get_origin(base) is tuple:
        return f"list of {_type_name(typing.get_args(base)[0])}"
    if isinstance(base, type) and dataclasses.is_dataclass(base):
        return f"[{base.__name__}](#{base.__name__.lower()})"
    if isinstance(base, type) and issubclass(base, Enum):
        return f"enum [{base.__name__}](#enums)"
    names = {bool: "boolean", int: "integer", Decimal: "decimal", str: "text", date: "date"}
    return names[base]


def _default_text(value: Any) -> str:
    encoded = encode(value)
    if isinstance(encoded, list) and len(encoded) > 3 and all(item == encoded[0] for item in encoded):
        return f"{len(encoded)} × `{json.dumps(encoded[0], ensure_ascii=False)}`"
    return f"`{json.dumps(encoded, ensure_ascii=False)}`"


def _first_doc_line(cls: type) -> str:
    doc = cls.__dict__.get("__doc__") or ""
    return doc.strip().splitlines()[0].strip() if doc.strip() else ""


def _field_rows(cls: type) -> list[str]:
    hints = typing.get_type_hints(cls, include_extras=True)
    rows = []
    for f in dataclasses.fields(cls):
        if f.default is not dataclasses.MISSING:
            default = _default_text(f.default)
        elif f.default_factory is not dataclasses.MISSING:
            default = _default_text(f.default_factory())
        else:
            default = "**required**"
        kind = (
            "by `method`, see [the inputs table](#cross-check-methods-and-their-inputs)"
            if f.metadata.get("types")
            else _type_name(hints[f.name])
        )
        rows.append(f"| `{f.name}` | {kind} | {default} |")
    return rows


def docs_figures() -> str:
    rows = ["| Reference | 中文 | English |", "|---|---|---|"]
    rows += [f"| `={name}` | {text['zh']} | {text['en']} |" for name, text in REFERABLE_FIGURES.items()]
    return "\n".join(rows)


def docs_methods() -> str:
    from workbench.domain.cross_checks import INPUTS_BY_METHOD, CheckMethod
    from workbench.texts.labels import CHECK_METHOD_LABELS as METHOD_LABELS

    rows = [
        "| Method | 中文 | English | Inputs class | Inputs (required in **bold**; `name = default`) |",
        "|---|---|---|---|---|",
    ]
    for method in CheckMethod:
        cls = INPUTS_BY_METHOD[method.value]
        hints = typing.get_type_hints(cls, include_extras=True)
        parts = []
        for f in dataclasses.fields(cls):
            kind = _type_name(hints[f.name]).replace(" \\| null", "?")
            kind = re.sub(r"\[(\w+)\]\(#\w+\)", r"\1", kind)
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                parts.append(f"**{f.name}** ({kind})")
            else:
                default = f.default if f.default is not dataclasses.MISSING else f.default_factory()  # type: ignore[misc]
                shown = "null" if default is None else json.dumps(encode(default))
                parts.append(f"{f.name} ({kind}) = `{shown}`")
        label = METHOD_LABELS[method]
        link = f"[{cls.__name__}](#{cls.__name__.lower()})"
        listed = ", ".join(parts) or "— (nothing to enter)"
        rows.append(f"| {method.value} | {label['zh']} | {label['en']} | {link} | {listed} |")
    return "\n".join(rows)


def docs_aliases() -> str:
    rows = ["| Field type | JSON | Range or limit | Meaning |", "|---|---|---|---|"]
    for hint, name in _aliases().items():
        base, meta = _split(hint)
        bound = next((m for m in meta if isinstance(m, Bounds)), None)
        length = next((m for m in meta if isinstance(m, MaxLength)), None)
        if base is str and length is not None:
            json_kind, limit = "string", f"≤ {length.limit} characters"
        elif base is int and bound is not None:
            json_kind, limit = "integer", f"{bound.low} … {bound.high}"
        else:
            assert bound is not None
            json_kind, limit = "decimal string (or number)", f"{bound.low} … {bound.high}"
            if type_spec(hint).whole_cents:
                limit += ", whole cents"
        rows.append(f"| `{name}` | {json_kind} | {limit} | {ALIAS_MEANINGS[name]} |")
    return "\n".join(rows)


def docs_tree() -> str:
    lines = ["```text"]

    def children(cls: type) -> list[tuple[str, str, type | None]]:
        hints = typing.get_type_hints(cls, include_extras=True)
        out = []
        for f in dataclasses.fields(cls):
            if f.metadata.get("types"):
                out.append((f.name, "inputs by method", None))
                continue
            hint, many = hints[f.name], False
            base, _ = _split(hint)
            if typing.get_origin(base) in (Union, types.UnionType):
                args = [a for a in typing.get_args(base) if a is not type(None)]
                base = _split(args[0])[0] if len(args) == 1 else None
            if typing.get_origin(base) is tuple:
                base, many = typing.get_args(base)[0], True
            if isinstance(base, type) and dataclasses.is_dataclass(base) and base is not FigureRef:
                out.append((f.name, f"[{base.__name__}]" if many else base.__name__, base))
        return out

    expanded: set[type] = set()

    def walk(cls: type, prefix: str) -> None:
        expanded.add(cls)
        kids = children(cls)
        for index, (name, shown, child) in enumerate(kids):
            last = index == len(kids) - 1
            term = TREE_TERMS.get(child.__name__, "") if child else "M1 … M17, see the table below"
            if child in expanded and children(child):
                term = f"{term} (as above)"
            head = f"{prefix}{'└─ ' if last else '├─ '}{name}: {shown}"
            lines.append(f"{head:<52} {term}".rstrip())
            if child is not None and child not in expanded:
                walk(child, prefix + ("   " if last else "│  "))

    lines.append(f"{'CaseFile':<52} {TREE_TERMS['CaseFile']}")
    walk(CaseFile, "")
    lines.append("```")
    return "\n".join(lines)


def docs_enums() -> str:
    enums: list[type[Enum]] = []
    for cls in _dataclasses_of(CaseFile):
        hints = typing.get_type_hints(cls, include_extras=True)
        for f in dataclasses.fields(cls):
            for hint in _flatten(hints[f.name]):
                if isinstance(hint, type) and issubclass(hint, Enum) and hint not in enums:
                    enums.append(hint)
    rows = ["| Enum | Values |", "|---|---|"]
    rows += [f"| `{e.__name__}` | {', '.join(f'`{m.value}`' for m in e)} |" for e in enums]
    return "\n".join(rows)


def _flatten(hint: Any) -> list[Any]:
    args = typing.get_args(hint)
    return [hint] + [inner for arg in args for inner in _flatten(arg)] if args else [hint]


def docs_reference() -> str:
    parts = []
    for cls in _dataclasses_of(CaseFile):
        if cls is FigureRef:
            continue
        term = TREE_TERMS.get(cls.__name__)
        about = f"{term} — {_first_doc_line(cls)}" if term else _first_doc_line(cls)
        body = [f"#### {cls.__name__}", "", about, "", "| Field | Type | Default |", "|---|---|---|"]
        rows = _field_rows(cls)
        parts.append("\n".join(body + (rows or ["| — | no fields | |"])))
    return "\n\n".join(parts)


def docs_reasons() -> str:
    rows = ["| Reason key | 中文 | English |", "|---|---|---|"]
    rows += [f"| `{key}` | {gettext(t, 'zh')} | {gettext(t, 'en')} |" for key, t in messages.REASONS.items()]
    return "\n".join(rows).replace("{", "`{").replace("}", "}`")


DOC_SECTIONS: dict[str, Callable[[], str]] = {
    "tree": docs_tree,
    "figures": docs_figures,
    "methods": docs_methods,
    "aliases": docs_aliases,
    "enums": docs_enums,
    "reasons": docs_reasons,
    "reference": docs_reference,
}


def _section_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"(<!-- generated:{name} -->)(.*?)(<!-- /generated:{name} -->)", re.DOTALL)


@pytest.mark.parametrize("name", sorted(DOC_SECTIONS))
def test_docs_tables_match_the_code(name: str) -> None:
    found = _section_pattern(name).search(DOC_PATH.read_text(encoding="utf-8"))
    assert found, f"docs/case-format.md has no generated:{name} section"
    assert found.group(2) == f"\n{DOC_SECTIONS[name]()}\n", (
        f"the {name} table of docs/case-format.md is out of date; rewrite it with:\n"
        "  .venv/bin/python tests/domain/test_case_format.py --write-docs"
    )


def test_docs_state_the_limits_of_the_code() -> None:
    text = DOC_PATH.read_text(encoding="utf-8")
    for fact in (
        f"{MAX_ITEMS}",
        f"{case_files.MAX_FILE_BYTES:,} bytes",
        f"{MAX_DEPTH}",
        f"{MAX_DEPTH + 8}",
        f"{SHORT_TEXT}",
        "20000",
        '"format": "workbench-case"',
        '"version": 2',
    ):
        assert fact in text, fact


def test_docs_excerpt_is_a_valid_case() -> None:
    """The annotated excerpt of case A, without its comments, is a valid file that agrees with case-a.json."""
    found = re.search(r"```jsonc\n(.*?)```", DOC_PATH.read_text(encoding="utf-8"), re.DOTALL)
    assert found, "docs/case-format.md lost its annotated excerpt"
    text = "\n".join(re.sub(r"\s*//.*$", "", line) for line in found.group(1).splitlines())
    document = _parse(text)
    assert VALIDATOR.is_valid(document)
    excerpt = case_from_document(document)
    case_a = read_case_file(DEMO_PATHS["a"])
    assert (excerpt.id, excerpt.borrower.name) == (case_a.id, case_a.borrower.name)
    for name in ("amount", "term_months", "rate", "method", "disbursement_date"):
        assert getattr(excerpt.request, name) == getattr(case_a.request, name), name
    checks = {c.id: c for c in case_a.cross_checks}
    for check in excerpt.cross_checks:
        assert (check.method, check.inputs, check.supersedes) == (
            checks[check.id].method,
            checks[check.id].inputs,
            checks[check.id].supersedes,
        )


def _write_docs() -> None:
    text = DOC_PATH.read_text(encoding="utf-8")
    for name, build in DOC_SECTIONS.items():
        pattern = _section_pattern(name)
        assert pattern.search(text), f"no generated:{name} section"
        text = pattern.sub(lambda m, build=build: f"{m.group(1)}\n{build()}\n{m.group(3)}", text)
    DOC_PATH.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["--write-docs"]:
        _write_docs()
    else:
        print(__doc__)
        print("usage: python tests/domain/test_case_format.py --write-docs")
