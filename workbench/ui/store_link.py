"""The window's link to the case store: the services over one database and the signed-in user.

Every method is a plain blocking services call; the window runs them through ``ops.run_in_background``
with immutable inputs, so SQLAlchemy never runs on the GUI thread and the UI never sees a session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.domain.case_file import CaseFile, Stage
    from workbench.domain.case_list import CaseListQuery
    from workbench.domain.records import CaseRecord, CaseSummary, User
    from workbench.services.store import StoreServices


class StoreLink:
    """Services and user; ``connect_store`` makes one (off the GUI thread).

    A plain class, not a dataclass: importing this module must not import SQLAlchemy (the window
    paints first and opens the store afterwards).
    """

    __slots__ = ("services", "user")

    def __init__(self, services: StoreServices, user: User) -> None:
        self.services = services
        self.user = user

    @property
    def location(self) -> str:
        """The database, password hidden."""
        return self.services.shown_url

    def open(self, case_id: str) -> CaseRecord:
        """The stored case with its version."""
        return self.services.cases.open_case(case_id, self.user)

    def save(self, case: CaseFile, version: int) -> int:
        """Save over ``version``; the new version. Raises ``ConcurrentEditError`` on a conflict."""
        return self.services.cases.save_case(case, version, self.user)

    def create(self, case: CaseFile) -> CaseRecord:
        """Store a new case (version 1)."""
        return self.services.cases.create_case(case, self.user)

    def list_page(self, name_like: str, stage: Stage | None, limit: int, offset: int) -> list[CaseSummary]:
        """One page of the case list, newest change first."""
        return self.services.cases.list_cases(
            self.user, stage=stage, name_like=name_like or None, limit=limit, offset=offset
        )

    def find_cases(self, query: CaseListQuery, limit: int, after: CaseSummary | None) -> list[CaseSummary]:
        """One page of the case list: filters and order of ``query``, starting after ``after``."""
        return self.services.cases.list_cases(self.user, query=query, limit=limit, after=after)

    def officer_names(self) -> list[str]:
        """The officers' user names, for the list's officer filter."""
        return self.services.cases.officer_names(self.user)

    def close(self) -> None:
        """Release the database connections."""
        self.services.close()


def connect_store(url: str | None = None) -> StoreLink:
    """Open the store at ``url`` (or the configured default) and sign in.

    A team's PostgreSQL store is only checked, never migrated (that is its administrator's
    ``workbench db upgrade``); a laptop's SQLite file is created or upgraded in place.

    Blocking (imports SQLAlchemy, may migrate a SQLite file): call it through ``ops.run_in_background``;
    the window shows a failure as one line (``persistence.describe``).

    Raises:
        StoreUnavailableError: the database cannot be reached.
        StoreOutdatedError: a PostgreSQL store is empty or older than the program.
        StoreTooNewError: the store is newer than the program.
        StoreBusyError: another start was still upgrading the SQLite file.
        UserNotFoundError: the OS login is not a user of a shared store.
    """
    from workbench.services.store import open_store

    services = open_store(url)
    try:
        user = services.users.current_user()
    except Exception:
        services.close()
        raise
    return StoreLink(services, user)
