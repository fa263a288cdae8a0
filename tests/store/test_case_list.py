"""The case list: newest change first, filters by officer, stage and name, one page at a time."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from tests.store.helpers import demo, new_id
from workbench.domain.case_file import Stage
from workbench.store.repository import SqlCaseRepository

if TYPE_CHECKING:
    from workbench.domain.records import User
    from workbench.store.db import Sessions

T0 = datetime(2024, 7, 1, 9, 0, tzinfo=UTC)


def seed(sessions: Sessions, officer: User, other: User) -> list[str]:
    """Four cases, saved one minute apart; the last one is the other officer's."""
    a, b = demo("a"), demo("b")
    cases = [
        (a, officer),
        (dataclasses.replace(b, stage=Stage.APPROVAL), officer),
        (dataclasses.replace(a, id=new_id(), case_number="A-100%_X", stage=Stage.APPROVAL), officer),
        (dataclasses.replace(b, id=new_id(), case_number="B-2"), other),
    ]
    for minute, (case, owner) in enumerate(cases):
        with sessions.begin() as session:
            SqlCaseRepository(session, clock=lambda m=minute: T0 + timedelta(minutes=m)).add(case, owner.id)
    return [c.id for c, _ in cases]


def test_newest_change_comes_first(sessions: Sessions, officer: User, other_officer: User) -> None:
    ids = seed(sessions, officer, other_officer)
    with sessions.begin() as session:
        page = SqlCaseRepository(session).list_cases()
    assert [c.id for c in page] == ids[::-1]
    top = page[-1]
    assert (top.case_number, top.borrower_name, top.business_name) == (
        "DEMO-A-2024-0628",
        "王丽华",
        "丽华便利店",
    )
    assert (top.officer_username, top.stage, top.version) == ("liumin", Stage.INVESTIGATE, 1)
    assert top.requested == Decimal("60000.00")
    assert top.updated_at == T0


def test_filters_and_paging(sessions: Sessions, officer: User, other_officer: User) -> None:
    ids = seed(sessions, officer, other_officer)
    with sessions.begin() as session:
        repo = SqlCaseRepository(session)
        assert [c.id for c in repo.list_cases(officer_id=other_officer.id)] == [ids[3]]
        assert [c.id for c in repo.list_cases(officer_id=officer.id, stage=Stage.APPROVAL)] == [
            ids[2],
            ids[1],
        ]
        assert [c.id for c in repo.list_cases(name_like="丽华")] == [ids[2], ids[0]]
        assert [c.id for c in repo.list_cases(name_like="木业")] == [ids[3], ids[1]]
        assert [c.id for c in repo.list_cases(name_like="a-100%_")] == [ids[2]]  # % and _ are literal
        assert repo.list_cases(name_like="100%%") == []
        assert [c.id for c in repo.list_cases(limit=2, offset=1)] == [ids[2], ids[1]]


def test_a_save_moves_the_case_to_the_top(sessions: Sessions, officer: User, other_officer: User) -> None:
    ids = seed(sessions, officer, other_officer)
    changed = dataclasses.replace(demo("a"), product="续贷")
    with sessions.begin() as session:
        SqlCaseRepository(session, clock=lambda: T0 + timedelta(hours=1)).save(changed, 1, officer.id)
    with sessions.begin() as session:
        page = SqlCaseRepository(session).list_cases(limit=1)
    assert [(c.id, c.version) for c in page] == [(ids[0], 2)]
