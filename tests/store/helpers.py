"""Small builders for the store and service tests (imported as ``tests.store.helpers``)."""

from __future__ import annotations

import dataclasses
import functools
import uuid
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.domain.records import Role, User
from workbench.paths import resource_path
from workbench.services.case_files import read_case_file
from workbench.store.user_repository import SqlUserRepository

if TYPE_CHECKING:
    from workbench.domain.case_file import CaseFile
    from workbench.store.db import Sessions

DEMOS = ("a", "b")


def demo_path(name: str) -> Path:
    return Path(resource_path("demo", f"case-{name}.json"))


@functools.cache
def demo(name: str) -> CaseFile:
    """A shipped demo case, ``"a"`` (shop) or ``"b"`` (workshop)."""
    return read_case_file(demo_path(name))


def with_sheet(case: CaseFile, **changes: object) -> CaseFile:
    """``case`` with fields of its current balance sheet replaced."""
    return dataclasses.replace(case, balance_sheet=dataclasses.replace(case.balance_sheet, **changes))


def add_user(sessions: Sessions, username: str, role: Role = Role.OFFICER) -> User:
    with sessions.begin() as session:
        return SqlUserRepository(session).add_user(username, username.title(), role)


def new_id() -> str:
    return str(uuid.uuid4())


def with_failing_check(case: CaseFile, check_id: str = "C2") -> CaseFile:
    """``case`` with check ``check_id`` (case A's C2: receipts 86 400 → 50 000, δ ≈ +40 %) failing,
    so that a reviewer's override has something to accept."""
    checks = tuple(
        dataclasses.replace(c, inputs=dataclasses.replace(c.inputs, receipts=Decimal(50000)))  # type: ignore[call-arg]
        if c.id == check_id
        else c
        for c in case.cross_checks
    )
    return dataclasses.replace(case, cross_checks=checks)
