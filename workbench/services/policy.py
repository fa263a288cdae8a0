"""The bank's credit policy: the version in force, every version, and a new one (administrators).

Everything that computes a stored case's figures takes its policy from here (``current``) or from
the version the case was computed under (``of_case``); the window and ``workbench policy`` show and
edit it. Saving never changes a version: it writes the next one, audited (``store.policy_repository``).
"""

from __future__ import annotations

import json
import tomllib
from decimal import Decimal
from typing import TYPE_CHECKING

from workbench.domain.errors import ValidationError
from workbench.domain.policy import policy_from_plain
from workbench.services.case_files import CaseFileError
from workbench.services.permissions import Action, require
from workbench.store.policy_repository import PolicyVersion, SqlPolicyRepository

if TYPE_CHECKING:
    from pathlib import Path

    from workbench.domain.policy import CreditPolicy
    from workbench.domain.records import User
    from workbench.store.db import Sessions

__all__ = ["PolicyService", "PolicyVersion", "read_policy_file"]


class PolicyService:
    """Each public method is one unit of work."""

    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    def current(self) -> CreditPolicy:
        """The version in force: what a case is computed under now (everyone may read it)."""
        with self._sessions.begin() as session:
            return SqlPolicyRepository(session).current()

    def version(self, number: int) -> CreditPolicy:
        """Version ``number``; raises ``PolicyNotFoundError``."""
        with self._sessions.begin() as session:
            return SqlPolicyRepository(session).get(number)

    def versions(self) -> list[PolicyVersion]:
        """Every version, newest first."""
        with self._sessions.begin() as session:
            return SqlPolicyRepository(session).versions()

    def save(self, policy: CreditPolicy, acting: User) -> CreditPolicy:
        """Write ``policy`` as the next version and return it as stored (its new version number).

        Raises:
            PermissionDenied: ``acting`` is no administrator.
            ValidationError: the policy is not usable (``validate_policy``), nothing written.
        """
        require(acting, Action.EDIT_POLICY)
        with self._sessions.begin(actor=acting) as session:
            return SqlPolicyRepository(session).add(policy, acting.id)


def read_policy_file(path: Path) -> CreditPolicy:
    """A policy from a ``.json`` or ``.toml`` file (the fields of ``policy_to_plain``; numbers may be
    written as numbers or as text, a field left out takes today's default).

    Raises:
        CaseFileError: the file cannot be read, is no JSON/TOML, or a field is refused (named).
    """
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise CaseFileError(
            str(path), ValidationError("", "unreadable_file", detail=error.strerror)
        ) from None
    try:
        if path.suffix.lower() == ".toml":
            data = tomllib.loads(raw.decode("utf-8"), parse_float=Decimal)
        else:
            data = json.loads(raw.decode("utf-8"), parse_float=Decimal)
    except (UnicodeDecodeError, ValueError) as error:
        raise CaseFileError(str(path), ValidationError("", "not_json", detail=str(error)[:80])) from None
    try:
        return policy_from_plain(data)
    except ValidationError as error:
        raise CaseFileError(str(path), error) from None
