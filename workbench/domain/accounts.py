"""Local accounts (a SQLite store on one laptop): the password rule and the back-off after wrong passwords.

Pure rules; the hashing (argon2) and the rows are the service's and the store's
(``workbench.services.accounts``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from workbench.domain.records import Role, User

MIN_PASSWORD_LENGTH = 8

FREE_FAILURES = 3
"""Wrong passwords in a row before the account is locked."""
FIRST_LOCK = timedelta(seconds=5)
LONGEST_LOCK = timedelta(minutes=15)


def lock_after(failures: int) -> timedelta | None:
    """How long the account is locked after ``failures`` wrong passwords in a row, if at all.

    5 s after the third, doubling with each further one, at most 15 minutes: a person who mistypes
    hardly waits, a script guessing passwords gets a few hundred tries a day.
    """
    if failures < FREE_FAILURES:
        return None
    doublings = min(failures - FREE_FAILURES, 8)  # 5 s × 2⁸ is past the cap already
    lock: timedelta = FIRST_LOCK * (1 << doublings)
    return min(lock, LONGEST_LOCK)


def is_administrator(user: User) -> bool:
    """Whether ``user`` manages the users: the flag, or the administrator's role."""
    return user.admin or user.role is Role.ADMIN


@dataclass(frozen=True, slots=True)
class Credentials:
    """What signing in needs to know of an account (the hash never leaves the service and the store)."""

    user: User
    password_hash: str | None
    failed_signins: int
    locked_until: datetime | None


@dataclass(frozen=True, slots=True)
class Account:
    """One line of the user list: the user, whether a password is set, until when it is locked."""

    user: User
    has_password: bool
    locked_until: datetime | None

    def locked_at(self, now: datetime) -> bool:
        return self.locked_until is not None and self.locked_until > now
