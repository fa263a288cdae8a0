"""The case list sorted by each column, both ways, paged by keyset and by offset; date filters."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pytest

from tests.store.helpers import add_user, demo, new_id
from workbench.domain.case_file import Stage
from workbench.domain.case_list import STAGE_ORDER, CaseListQuery, SortKey
from workbench.services.cases import CaseService
from workbench.store.repository import SqlCaseRepository

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.domain.records import CaseSummary, User
    from workbench.store.db import Sessions

T0 = datetime(2024, 7, 1, 1, 0, tzinfo=UTC)
NAMES = ("wang", "li", "zhang", "li", "chen", "wang", "zhao", "li")
STAGES = (Stage.INVESTIGATE, Stage.APPROVAL, Stage.APPLY, Stage.LOAN, Stage.REFUSED)


@dataclasses.dataclass(frozen=True)
class Seeded:
    id: str
    name: str
    number: str
    stage: Stage
    officer: str
    at: datetime


def seed(sessions: Sessions, officers: list[User]) -> list[Seeded]:
    """24 cases over 8 days; pairs share a timestamp, names and numbers repeat (ties need the id)."""
    out = []
    for k in range(24):
        at = T0 + timedelta(days=k // 3, minutes=k // 2)
        owner = officers[k % len(officers)]
        case = dataclasses.replace(
            demo("a"),
            id=new_id(),
            case_number=f"N-{(k * 7) % 10}",
            stage=STAGES[k % len(STAGES)],
            borrower=dataclasses.replace(demo("a").borrower, name=NAMES[k % len(NAMES)]),
        )
        with sessions.begin() as session:
            SqlCaseRepository(session, clock=lambda at=at: at).add(case, owner.id)
        out.append(Seeded(case.id, NAMES[k % len(NAMES)], case.case_number, case.stage, owner.username, at))
    return out


def expected(rows: list[Seeded], sort: SortKey, descending: bool) -> list[str]:
    def newest_first(items: list[Seeded]) -> list[Seeded]:
        return sorted(items, key=lambda r: (r.at, r.id), reverse=True)

    if sort in (SortKey.STAGE, SortKey.OFFICER):
        group: Callable[[Seeded], Any] = (
            (lambda r: STAGE_ORDER.index(r.stage)) if sort is SortKey.STAGE else (lambda r: r.officer)
        )
        keys = sorted({group(r) for r in rows}, reverse=descending)
        return [r.id for key in keys for r in newest_first([r for r in rows if group(r) == key])]
    column: dict[SortKey, Callable[[Seeded], Any]] = {
        SortKey.UPDATED: lambda r: r.at,
        SortKey.APPLICANT: lambda r: r.name,
        SortKey.CASE_NUMBER: lambda r: r.number,
    }
    return [r.id for r in sorted(rows, key=lambda r: (column[sort](r), r.id), reverse=descending)]


@pytest.fixture
def seeded(sessions: Sessions, officer: User, other_officer: User) -> list[Seeded]:
    return seed(sessions, [officer, other_officer, add_user(sessions, "anna")])


def _walk_keyset(cases: CaseService, user: User, query: CaseListQuery, size: int) -> list[str]:
    out: list[CaseSummary] = []
    while True:
        page = cases.list_cases(user, query=query, limit=size, after=out[-1] if out else None)
        out.extend(page)
        if len(page) < size:
            return [c.id for c in out]


def _walk_offset(cases: CaseService, user: User, query: CaseListQuery, size: int) -> list[str]:
    out: list[str] = []
    while True:
        page = cases.list_cases(user, query=query, limit=size, offset=len(out))
        out.extend(c.id for c in page)
        if len(page) < size:
            return out


@pytest.mark.parametrize("sort", list(SortKey))
@pytest.mark.parametrize("descending", [False, True])
def test_every_order_pages_the_same_by_keyset_and_by_offset(
    sessions: Sessions, officer: User, seeded: list[Seeded], sort: SortKey, descending: bool
) -> None:
    cases = CaseService(sessions)
    query = CaseListQuery(sort=sort, descending=descending)
    want = expected(seeded, sort, descending)
    assert _walk_keyset(cases, officer, query, 5) == want
    assert _walk_offset(cases, officer, query, 5) == want
    assert [c.id for c in cases.list_cases(officer, query=query, limit=100)] == want


@pytest.mark.parametrize("sort", [SortKey.APPLICANT, SortKey.STAGE, SortKey.OFFICER])
def test_filters_combine_with_every_order(
    sessions: Sessions, officer: User, seeded: list[Seeded], sort: SortKey
) -> None:
    cases = CaseService(sessions)
    day = (T0 + timedelta(days=2)).astimezone().date()
    last = (T0 + timedelta(days=5)).astimezone().date()

    def local_day(r: Seeded) -> Any:
        return r.at.astimezone().date()

    checks: list[tuple[CaseListQuery, Callable[[Seeded], bool]]] = [
        (CaseListQuery(officer="zhaoqiang"), lambda r: r.officer == "zhaoqiang"),
        (CaseListQuery(updated_from=day, updated_to=last), lambda r: day <= local_day(r) <= last),
        (CaseListQuery(created_to=day), lambda r: local_day(r) <= day),
        (
            CaseListQuery(officer="liumin", stage=Stage.APPROVAL, created_from=day),
            lambda r: r.officer == "liumin" and r.stage is Stage.APPROVAL and local_day(r) >= day,
        ),
        (CaseListQuery(name_like="LI", updated_from=last), lambda r: r.name == "li" and local_day(r) >= last),
        (CaseListQuery(officer="nobody"), lambda r: False),
    ]
    for base, keep in checks:
        query = dataclasses.replace(base, sort=sort, descending=False)
        want = expected([r for r in seeded if keep(r)], sort, False)
        assert _walk_keyset(cases, officer, query, 3) == want, base
        assert _walk_offset(cases, officer, query, 3) == want, base


def test_the_officer_names_are_listed_for_the_filter(
    sessions: Sessions, officer: User, reviewer: User, seeded: list[Seeded]
) -> None:
    assert CaseService(sessions).officer_names(reviewer) == ["anna", "liumin", "zhaoqiang"]
