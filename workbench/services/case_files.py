"""Case files in the exchange format (docs/case-format.md): read, validate, write.

A malformed or hostile file is refused with ``CaseFileError`` naming the file, the field and the
reason; nothing is half-read.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from workbench.domain.codec import MAX_DEPTH, case_from_document, case_to_document
from workbench.domain.errors import DomainError, ValidationError
from workbench.domain.policy import document_policy

if TYPE_CHECKING:
    from pathlib import Path

    from workbench.domain.case_file import CaseFile
    from workbench.domain.policy import CreditPolicy

MAX_FILE_BYTES = 20 * 1024 * 1024


class CaseFileError(DomainError):
    """A case file that cannot be used: the file, and the validation error behind it."""

    def __init__(self, source: str, error: ValidationError) -> None:
        self.source = source
        self.error = error
        super().__init__(f"{source}: {error}")


def dumps_case(case: CaseFile, policy: CreditPolicy | None = None) -> str:
    """The case as exchange-format JSON text (UTF-8, two-space indent, trailing newline), with the
    credit policy it was computed under when given (``calc`` then gives the same figures anywhere)."""
    return json.dumps(case_to_document(case, policy), ensure_ascii=False, indent=2) + "\n"


def loads_case(text: str, source: str = "<text>") -> CaseFile:
    """Parse and validate exchange-format JSON text.

    Raises:
        CaseFileError: not JSON, too deep, or any invalid field.
    """
    return loads_case_and_policy(text, source)[0]


def loads_case_and_policy(text: str, source: str = "<text>") -> tuple[CaseFile, CreditPolicy | None]:
    """The case of exchange-format JSON text and the credit policy it carries (None: it carries none).

    Raises:
        CaseFileError: not JSON, too deep, or any invalid field (of the case or of the policy).
    """
    try:
        document = json.loads(
            text, parse_float=Decimal, parse_constant=_reject_constant, object_pairs_hook=_unique_keys
        )
    except _DuplicateKey as error:
        raise CaseFileError(source, ValidationError("", "duplicate_key", value=str(error)[:60])) from None
    except (ValueError, RecursionError) as error:
        raise CaseFileError(source, ValidationError("", "not_json", detail=_json_detail(error))) from None
    if _depth(document) > MAX_DEPTH + 8:
        raise CaseFileError(source, ValidationError("", "too_deep"))
    try:
        return case_from_document(document), document_policy(document)
    except ValidationError as error:
        raise CaseFileError(source, error) from None


def read_case_file(path: Path) -> CaseFile:
    """Read one case file from disk.

    Raises:
        CaseFileError: unreadable, larger than ``MAX_FILE_BYTES``, not UTF-8 JSON, or invalid.
    """
    return read_case_file_and_policy(path)[0]


def read_case_file_and_policy(path: Path) -> tuple[CaseFile, CreditPolicy | None]:
    """Read one case file from disk with the credit policy it carries (None: it carries none).

    Raises:
        CaseFileError: unreadable, larger than ``MAX_FILE_BYTES``, not UTF-8 JSON, or invalid.
    """
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise CaseFileError(
                source, ValidationError("", "file_too_large", size=size, limit=MAX_FILE_BYTES)
            )
        raw = path.read_bytes()
    except OSError as error:
        raise CaseFileError(
            source, ValidationError("", "unreadable_file", detail=error.strerror or str(error))
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CaseFileError(source, ValidationError("", "not_json", detail="not UTF-8")) from None
    return loads_case_and_policy(text, source)


def write_case_file(case: CaseFile, path: Path, policy: CreditPolicy | None = None) -> None:
    """Write ``case`` (with ``policy``, see ``dumps_case``) atomically (temp file + rename), so a crash
    never leaves half a file."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_text(dumps_case(case, policy), encoding="utf-8")
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


class _DuplicateKey(ValueError):
    """A JSON object names the same key twice: refused, not silently resolved to the last one."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def _json_detail(error: Exception) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"line {error.lineno} column {error.colno}: {error.msg}"
    if isinstance(error, RecursionError):
        return "nesting too deep"
    return str(error)[:80]


def _depth(value: Any, level: int = 0) -> int:
    """Nesting depth, computed iteratively so a hostile file cannot blow the stack."""
    deepest = level
    stack: list[tuple[Any, int]] = [(value, level)]
    while stack:
        node, d = stack.pop()
        deepest = max(deepest, d)
        if d > MAX_DEPTH + 8:
            return d
        if isinstance(node, dict):
            stack.extend((v, d + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, d + 1) for v in node)
    return deepest
