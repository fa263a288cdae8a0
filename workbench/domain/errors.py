"""One hierarchy of domain errors; the UI and the command line show them, anything else is a bug."""

from __future__ import annotations


class DomainError(Exception):
    """Base of every error the domain raises on purpose."""


class ValidationError(DomainError):
    """A value is out of its allowed range or of the wrong kind.

    Attributes:
        field: dotted path of the offending field, e.g. ``balance_sheet.stock[2].quantity``.
        reason: a message key (worded by ``workbench.texts.reasons``) describing what is wrong.
        params: values to fill into the message.
    """

    def __init__(self, field: str, reason: str, **params: object) -> None:
        self.field = field
        self.reason = reason
        self.params = params
        super().__init__(f"{field}: {reason} {params}" if params else f"{field}: {reason}")

    def at(self, prefix: str) -> ValidationError:
        """Return the same error with ``prefix`` put before the field path."""
        joined = (
            f"{prefix}{self.field}" if self.field.startswith("[") or not prefix else f"{prefix}.{self.field}"
        )
        if not self.field:
            joined = prefix
        return ValidationError(joined, self.reason, **self.params)


class ConcurrentEditError(DomainError):
    """A save was made against a stale version of a case."""

    def __init__(self, case_id: str, expected_version: int, actual_version: int) -> None:
        self.case_id = case_id
        self.expected_version = expected_version
        self.actual_version = actual_version
        super().__init__(
            f"case {case_id}: edited version {expected_version}, stored version {actual_version}"
        )
