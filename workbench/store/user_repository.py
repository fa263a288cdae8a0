"""``SqlUserRepository``: the users of the workbench and their local accounts, inside the caller's session."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, or_, select

from workbench.domain.accounts import Account, Credentials
from workbench.domain.records import Role, User, UserExistsError, UserNotFoundError
from workbench.store.people_rows import AppUserRow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def _user(row: AppUserRow) -> User:
    return User(str(row.id), row.username, row.display_name, Role(row.role), row.active, row.is_admin)


class SqlUserRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add_user(
        self,
        username: str,
        display_name: str,
        role: Role,
        *,
        active: bool = True,
        admin: bool = False,
        password_hash: str | None = None,
    ) -> User:
        """Create a user (with a password hash for a local account).

        Raises:
            UserExistsError: the user name is taken.
        """
        if self._find(username) is not None:
            raise UserExistsError(username=username)
        now = datetime.now(UTC)
        row = AppUserRow(
            id=uuid.uuid4(),
            username=username,
            display_name=display_name,
            role=role.value,
            active=active,
            created_at=now,
            is_admin=admin,
            password_hash=password_hash,
            failed_signins=0,
            password_changed_at=now if password_hash is not None else None,
        )
        self._session.add(row)
        self._session.flush()
        return _user(row)

    def get_user_by_username(self, username: str) -> User:
        """Raises ``UserNotFoundError`` when there is no such user."""
        return _user(self._row(username))

    def get_user(self, user_id: str) -> User:
        row = self._session.get(AppUserRow, uuid.UUID(user_id))
        if row is None:
            raise UserNotFoundError(user_id=user_id)
        return _user(row)

    def list_users(self) -> list[User]:
        return [_user(r) for r in self._session.scalars(select(AppUserRow).order_by(AppUserRow.username))]

    def list_accounts(self) -> list[Account]:
        rows = self._session.scalars(select(AppUserRow).order_by(AppUserRow.username))
        return [Account(_user(r), r.password_hash is not None, r.locked_until) for r in rows]

    def count_users(self) -> int:
        return int(self._session.scalar(select(func.count()).select_from(AppUserRow)) or 0)

    def count_active_administrators(self) -> int:
        query = (
            select(func.count())
            .select_from(AppUserRow)
            .where(AppUserRow.active, or_(AppUserRow.is_admin, AppUserRow.role == Role.ADMIN.value))
        )
        return int(self._session.scalar(query) or 0)

    def credentials(self, username: str) -> Credentials | None:
        """The account named ``username`` as signing in needs it, locked for update; ``None`` if unknown."""
        row = self._session.scalars(
            select(AppUserRow).where(AppUserRow.username == username).with_for_update()
        ).one_or_none()
        if row is None:
            return None
        return Credentials(_user(row), row.password_hash, row.failed_signins, row.locked_until)

    def record_failure(self, user_id: str, failures: int, locked_until: datetime | None) -> None:
        row = self._by_id(user_id)
        row.failed_signins = failures
        row.locked_until = locked_until
        self._session.flush()

    def clear_failures(self, user_id: str) -> None:
        row = self._by_id(user_id)
        row.failed_signins = 0
        row.locked_until = None
        self._session.flush()

    def set_password(self, user_id: str, password_hash: str, at: datetime | None) -> None:
        """A new hash (``at``: when the password changed; ``None``: the same password hashed anew);
        a new hash also lifts the back-off."""
        row = self._by_id(user_id)
        row.password_hash = password_hash
        if at is not None:
            row.password_changed_at = at
        row.failed_signins = 0
        row.locked_until = None
        self._session.flush()

    def update_user(
        self,
        username: str,
        *,
        active: bool | None = None,
        role: Role | None = None,
        admin: bool | None = None,
    ) -> User:
        """Change what is given of the user named ``username``; raises ``UserNotFoundError``."""
        row = self._row(username)
        if active is not None:
            row.active = active
        if role is not None:
            row.role = role.value
        if admin is not None:
            row.is_admin = admin
        self._session.flush()
        return _user(row)

    def _by_id(self, user_id: str) -> AppUserRow:
        row = self._session.get(AppUserRow, uuid.UUID(user_id))
        if row is None:
            raise UserNotFoundError(user_id=user_id)
        return row

    def _row(self, username: str) -> AppUserRow:
        row = self._find(username)
        if row is None:
            raise UserNotFoundError(username=username)
        return row

    def _find(self, username: str) -> AppUserRow | None:
        return self._session.scalars(select(AppUserRow).where(AppUserRow.username == username)).one_or_none()
