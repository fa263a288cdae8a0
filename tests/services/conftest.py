"""Service fixtures over each engine (``sessions``, ``officer`` … come from tests/databases.py)."""

from __future__ import annotations

import dataclasses
import functools
from typing import TYPE_CHECKING

import pytest

from tests.store.helpers import add_user
from workbench.domain.records import Role, User
from workbench.services.cases import CaseService
from workbench.services.committee import CommitteeService

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from cryptography import x509

    from workbench.domain.certificates import RegisteredCertificate
    from workbench.store.db import Sessions


@pytest.fixture
def cases(sessions: Sessions) -> CaseService:
    return CaseService(sessions)


@pytest.fixture
def reviewer(sessions: Sessions) -> User:
    return add_user(sessions, "reviewer", Role.REVIEWER)


@pytest.fixture
def admin(sessions: Sessions) -> User:
    return add_user(sessions, "admin", Role.ADMIN)


@dataclasses.dataclass
class Board:
    """A committee: the chair, two voting members and an expert who may sit with or without a vote."""

    chair: User
    members: tuple[User, User]
    expert: User


@pytest.fixture
def committee(sessions: Sessions) -> CommitteeService:
    return CommitteeService(sessions)


@pytest.fixture
def board(sessions: Sessions) -> Board:
    return Board(
        add_user(sessions, "chenzhuxi", Role.COMMITTEE_CHAIR),
        (
            add_user(sessions, "wangwei", Role.COMMITTEE_MEMBER),
            add_user(sessions, "lina", Role.COMMITTEE_MEMBER),
        ),
        add_user(sessions, "expert", Role.COMMITTEE_MEMBER),
    )


@pytest.fixture
def register(
    sessions: Sessions,
) -> Callable[[User | str, x509.Certificate | bytes | Path], RegisteredCertificate]:
    """``register(user, certificate)``: the certificate registered to the user, as an administrator
    would (``tests/registry.py``); archiving needs it."""
    from tests import registry

    return functools.partial(registry.register, sessions)
