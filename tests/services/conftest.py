"""Service fixtures over each engine (``sessions``, ``officer`` … come from tests/databases.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.store.helpers import add_user
from workbench.domain.records import Role
from workbench.services.cases import CaseService

if TYPE_CHECKING:
    from workbench.domain.records import User
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
