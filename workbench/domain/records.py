"""What the store hands out and takes back: plain frozen values, shared by services and screens.

A ``CaseRecord`` is a case as stored: the case itself plus its ``version`` (the opaque token a save
must present, see ``ConcurrentEditError``) and who changed it when. Users and their roles live here
too, because the permission rules of the services and the screens both read them.

The errors of finding and keeping records are here as well: the store raises them and every layer
above may catch them, while the store itself must not import the services.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Generic, TypeVar

from workbench.domain.case_file import CaseFile, Stage
from workbench.domain.errors import DomainError

if TYPE_CHECKING:
    from collections.abc import Iterator


class Role(StrEnum):
    """What a user does in the lending process (the permission rules hang on it)."""

    OFFICER = "officer"  # 客户经理: edits own cases
    REVIEWER = "reviewer"  # 审查
    COMMITTEE_MEMBER = "committee_member"  # 贷审会委员
    COMMITTEE_CHAIR = "committee_chair"  # 贷审会主席
    SECRETARY = "secretary"  # 书记员/贷审会秘书: records votes on members' behalf, keeps the minutes
    BACK_OFFICE = "back_office"  # 后台: prints, archives
    ADMIN = "admin"


class SignatureRole(StrEnum):
    """Whose signature a box of a report takes, and as whom a signer signs (data, not a title)."""

    OFFICER = "officer"  # 主办客户经理
    ASSISTANT = "assistant"  # 协办客户经理
    REVIEWER = "reviewer"  # 审查人
    CHAIR = "chair"  # 审贷会主席
    MEMBER = "member"  # 贷审会委员
    SECRETARY = "secretary"  # 记录人


SIGNS_AS: dict[Role, SignatureRole] = {
    Role.OFFICER: SignatureRole.OFFICER,
    Role.REVIEWER: SignatureRole.REVIEWER,
    Role.COMMITTEE_CHAIR: SignatureRole.CHAIR,
    Role.COMMITTEE_MEMBER: SignatureRole.MEMBER,
    Role.SECRETARY: SignatureRole.SECRETARY,
}
"""The box a user of each role signs in (back office and administrators sign none)."""


class ChangeAction(StrEnum):
    """What a version snapshot or an audit entry records."""

    CREATE = "create"
    UPDATE = "update"
    RESTORE = "restore"
    IMPORT = "import"
    EXPORT = "export"
    DELETE = "delete"
    ARCHIVE = "archive"


class ReportKind(StrEnum):
    """Signed documents kept in the report archive."""

    SURVEY_REPORT = "survey_report"  # 调查报告
    DOSSIER = "dossier"  # 上会材料
    MINUTES = "minutes"  # 贷审会纪要


@dataclass(frozen=True, slots=True)
class User:
    """A person who signs in; ``id`` is a UUID in text form.

    ``admin``: manages the users, beside the lending ``role`` (the laptop's owner is an officer
    who administers her store; ``Role.ADMIN`` administers without a lending role).
    """

    id: str
    username: str
    display_name: str
    role: Role
    active: bool = True
    admin: bool = False


@dataclass(frozen=True, slots=True)
class CaseRecord:
    """A stored case: the case, its version token and who last changed it."""

    case: CaseFile
    version: int
    content_sha256: str
    officer_id: str
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str


@dataclass(frozen=True, slots=True)
class CaseSummary:
    """One line of the case list."""

    id: str
    case_number: str
    borrower_name: str
    business_name: str
    stage: Stage
    officer_id: str
    officer_username: str
    requested: Decimal
    updated_at: datetime
    version: int


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """A page of a longer list: its ``items`` and whether ``more`` follow (the caller asks again
    with a larger offset). Iterating a page iterates its items."""

    items: tuple[T, ...]
    more: bool = False

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


@dataclass(frozen=True, slots=True)
class CaseVersionInfo:
    """One entry of a case's history: a saved state that can be shown or restored."""

    version: int
    action: ChangeAction
    saved_at: datetime
    saved_by: str
    content_sha256: str
    changed_fields: tuple[str, ...]
    changed_count: int


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """One row of the append-only audit trail (field paths are those of the exchange format)."""

    id: int
    at: datetime
    user_id: str
    case_id: str | None
    action: ChangeAction
    field: str | None
    before: str | None
    after: str | None


@dataclass(frozen=True, slots=True)
class ArchivedReport:
    """A signed PDF in the archive (the bytes are fetched separately)."""

    id: str
    case_id: str
    kind: ReportKind
    sha256: str
    size: int
    signer: str
    signed_at: datetime
    case_version: int
    case_sha256: str
    created_by: str


class RecordError(DomainError):
    """A record that cannot be found or created; ``reason`` is a message key, ``params`` fill it."""

    reason = "record_error"

    def __init__(self, **params: object) -> None:
        self.params = params
        shown = ", ".join(f"{k}={v}" for k, v in params.items())
        super().__init__(f"{self.reason}: {shown}" if shown else self.reason)


class CaseNotFoundError(RecordError):
    """No case with this id (or no such version of it)."""

    reason = "case_not_found"


class PolicyNotFoundError(RecordError):
    """No credit policy version with this number (``version``)."""

    reason = "policy_not_found"


class CaseExistsError(RecordError):
    """A case with this id is already stored."""

    reason = "case_exists"


class UserNotFoundError(RecordError):
    """No user with this name (or id)."""

    reason = "user_not_found"


class UserExistsError(RecordError):
    """The user name is taken."""

    reason = "user_exists"


class StoreUnavailableError(RecordError):
    """The database cannot be reached or opened; ``detail`` says why, never with a password."""

    reason = "store_unavailable"


class StoreConnectionLostError(StoreUnavailableError):
    """The connection broke while a unit of work was under way (server restarted, backend killed,
    network gone): the transaction is rolled back by the server, so retrying the same call is safe.

    A save whose connection broke during ``COMMIT`` may have landed anyway; retrying it with the same
    expected version then finds its own content stored and returns that version (no conflict).
    """

    reason = "store_connection_lost"


class StoreSignInError(StoreUnavailableError):
    """The store would not let the person in: ``reason`` says which of ``SIGN_IN_REASONS``.

    A wrong password and an unknown login get the same reason (the server does not tell them apart
    either, so nobody learns which logins exist).
    """

    reason = "signin_refused"

    def __init__(self, reason: str = "signin_refused", **params: object) -> None:
        if reason not in SIGN_IN_REASONS:
            raise ValueError(f"unknown sign-in reason {reason!r}")
        self.reason = reason
        super().__init__(**params)


SIGN_IN_REASONS = frozenset(
    {
        "signin_refused",  # wrong password or unknown login
        "signin_not_permitted",  # a login that may not log in (disabled: NOLOGIN, or no pg_hba entry)
        "signin_password_needed",  # the server asks for a password and none was given
        "signin_not_a_user",  # authenticated, but not an active user of this store
    }
)


class StoreBusyError(RecordError):
    """The database was reachable but busy: a lock wait timed out (SQLite "database is locked",
    PostgreSQL ``lock_timeout``/``statement_timeout``), a deadlock, or a serialization failure.
    Nothing was written; the same call may simply be retried."""

    reason = "store_busy"


class StoreOutdatedError(RecordError):
    """The store's schema is older than this program's (``current`` is ``None`` for an empty
    database): on a shared server only its administrator may change the tables, so opening it tells
    her to run ``workbench db upgrade`` (or ``db init``) instead of migrating it. Params: ``url``
    (password hidden), ``current``, ``head``."""

    reason = "store_outdated"


class StoreTooNewError(RecordError):
    """The store is at a schema revision this program does not know: a newer program upgraded it,
    so this one must be updated before it reads or writes there. Params: ``url``, ``current``, ``head``."""

    reason = "store_too_new"


STORE_ERRORS: tuple[type[RecordError], ...] = (
    CaseNotFoundError,
    CaseExistsError,
    UserNotFoundError,
    UserExistsError,
    StoreUnavailableError,
    StoreConnectionLostError,
    StoreSignInError,
    StoreBusyError,
    StoreOutdatedError,
    StoreTooNewError,
    PolicyNotFoundError,
)
"""Every record error the store raises (each has a text in ``workbench.services.messages``)."""


class CommitteeError(DomainError):
    """A committee step the state of the session or case does not allow; ``reason`` keys its text
    (``workbench.services.messages``): ``case_not_ready``, ``case_frozen``, ``session_not_found`` …"""

    def __init__(self, reason: str, **params: object) -> None:
        self.reason = reason
        self.params = params
        shown = ", ".join(f"{k}={v}" for k, v in params.items())
        super().__init__(f"{reason}: {shown}" if shown else reason)


class CertificateError(DomainError):
    """The identity registry refuses a certificate or cannot find one; ``reason`` keys its text
    (``workbench.services.archive``): ``not_a_certificate``, ``certificate_expired``,
    ``certificate_registered``, ``certificate_unknown``, ``certificate_ambiguous``,
    ``certificate_revoked_already``."""

    def __init__(self, reason: str, **params: object) -> None:
        self.reason = reason
        self.params = params
        shown = ", ".join(f"{k}={v}" for k, v in params.items())
        super().__init__(f"{reason}: {shown}" if shown else reason)


class ArchiveRefusedError(DomainError):
    """The archive refuses a report that does not verify; ``reason`` keys its text
    (``workbench.services.archive``): ``not_a_pdf``, ``unsigned``, ``signature_broken``,
    ``changed_after_signing``, ``no_signing_time``, ``signer_unregistered``, ``signer_revoked``,
    ``signer_is_another``, ``signed_outside_validity``, ``no_case_fingerprint``,
    ``case_version_unknown``, ``case_mismatch``, ``kind_mismatch``."""

    def __init__(self, reason: str, **params: object) -> None:
        self.reason = reason
        self.params = params
        shown = ", ".join(f"{k}={v}" for k, v in params.items())
        super().__init__(f"{reason}: {shown}" if shown else reason)
