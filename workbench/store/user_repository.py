"""``SqlUserRepository``: the users of the workbench, inside the caller's session."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from workbench.domain.records import Role, User, UserExistsError, UserNotFoundError
from workbench.store.people_rows import AppUserRow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def _user(row: AppUserRow) -> User:
    return User(str(row.id), row.username, row.display_name, Role(row.role), row.active)


class SqlUserRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add_user(self, username: str, display_name: str, role: Role, *, active: bool = True) -> User:
        """Create a user.

        Raises:
            UserExistsError: the user name is taken.
        """
        if self._find(username) is not None:
            raise UserExistsError(username=username)
        row = AppUserRow(
            id=uuid.uuid4(),
            username=username,
            display_name=display_name,
            role=role.value,
            active=active,
            created_at=datetime.now(UTC),
        )
        self._session.add(row)
        self._session.flush()
        return _user(row)

    def get_user_by_username(self, username: str) -> User:
        """Raises ``UserNotFoundError`` when there is no such user."""
        row = self._find(username)
        if row is None:
            raise UserNotFoundError(username=username)
        return _user(row)

    def get_user(self, user_id: str) -> User:
        row = self._session.get(AppUserRow, uuid.UUID(user_id))
        if row is None:
            raise UserNotFoundError(user_id=user_id)
        return _user(row)

    def list_users(self) -> list[User]:
        return [_user(r) for r in self._session.scalars(select(AppUserRow).order_by(AppUserRow.username))]

    def count_users(self) -> int:
        return int(self._session.scalar(select(func.count()).select_from(AppUserRow)) or 0)

    def _find(self, username: str) -> AppUserRow | None:
        return self._session.scalars(select(AppUserRow).where(AppUserRow.username == username)).one_or_none()
