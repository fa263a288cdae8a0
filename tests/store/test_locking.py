"""Optimistic locking of the case aggregate: nothing is ever overwritten silently."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import select

from tests.store.helpers import demo, with_sheet
from workbench.domain.errors import ConcurrentEditError
from workbench.domain.records import CaseNotFoundError
from workbench.store.case_rows import CaseFileRow
from workbench.store.repository import SqlCaseRepository

if TYPE_CHECKING:
    from workbench.domain.case_file import CaseFile
    from workbench.domain.records import CaseRecord, User
    from workbench.store.db import Sessions


def add(sessions: Sessions, case: CaseFile, user: User) -> None:
    with sessions.begin() as session:
        SqlCaseRepository(session).add(case, user.id)


def load(sessions: Sessions, case_id: str) -> CaseRecord:
    with sessions.begin() as session:
        return SqlCaseRepository(session).get(case_id)


def save(sessions: Sessions, case: CaseFile, expected: int, user: User) -> int:
    with sessions.begin() as session:
        return SqlCaseRepository(session).save(case, expected, user.id)


def test_second_writer_on_a_stale_version_gets_a_conflict(sessions: Sessions, officer: User) -> None:
    add(sessions, demo("a"), officer)
    first, second = load(sessions, demo("a").id), load(sessions, demo("a").id)
    mine = dataclasses.replace(first.case, product="first writer")
    theirs = dataclasses.replace(second.case, product="second writer")
    assert save(sessions, mine, first.version, officer) == 2
    with pytest.raises(ConcurrentEditError) as caught:
        save(sessions, theirs, second.version, officer)
    assert (caught.value.case_id, caught.value.expected_version, caught.value.actual_version) == (
        demo("a").id,
        1,
        2,
    )
    stored = load(sessions, demo("a").id)
    assert (stored.case, stored.version) == (mine, 2)


def test_a_change_in_a_detail_list_only_bumps_the_version(sessions: Sessions, officer: User) -> None:
    case = demo("a")
    add(sessions, case, officer)
    stock = list(case.balance_sheet.stock)
    stock[1] = dataclasses.replace(stock[1], quantity=Decimal("2"))
    changed = with_sheet(case, stock=tuple(stock))
    assert save(sessions, changed, 1, officer) == 2
    record = load(sessions, case.id)
    assert (record.version, record.case) == (2, changed)
    with pytest.raises(ConcurrentEditError):
        save(sessions, case, 1, officer)


def test_saving_the_same_content_writes_nothing(sessions: Sessions, officer: User) -> None:
    add(sessions, demo("b"), officer)
    before = load(sessions, demo("b").id)
    assert save(sessions, demo("b"), 1, officer) == 1
    after = load(sessions, demo("b").id)
    assert after == before
    with sessions.begin() as session:
        assert len(SqlCaseRepository(session).history(demo("b").id)) == 1


def test_saving_an_unknown_case_is_refused(sessions: Sessions, officer: User) -> None:
    with pytest.raises(CaseNotFoundError):
        save(sessions, demo("a"), 1, officer)


@pytest.mark.postgres
@pytest.mark.parametrize("engine_url", ["postgresql"], indirect=True)
def test_a_writer_racing_past_the_version_check_meets_the_version_column(
    sessions: Sessions, officer: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second guard: without the row lock, the ``version_id_col`` UPDATE still refuses.

    (On SQLite ``BEGIN IMMEDIATE`` serialises the writers, so the race cannot be staged there.)
    """
    add(sessions, demo("a"), officer)
    theirs = dataclasses.replace(demo("a"), product="the other writer")

    def unlocked_root_then_a_rival_commits(self: SqlCaseRepository, case_id: object) -> CaseFileRow:
        root = self._session.scalars(select(CaseFileRow).where(CaseFileRow.id == case_id)).one()
        monkeypatch.undo()
        assert save(sessions, theirs, 1, officer) == 2  # commits in its own transaction meanwhile
        return root

    monkeypatch.setattr(SqlCaseRepository, "_locked_root", unlocked_root_then_a_rival_commits)
    mine = dataclasses.replace(demo("a"), product="mine")
    with pytest.raises(ConcurrentEditError) as caught:
        save(sessions, mine, 1, officer)
    assert (caught.value.expected_version, caught.value.actual_version) == (1, 2)
    assert load(sessions, demo("a").id).case == theirs


def test_a_retried_save_whose_first_try_landed_is_not_a_conflict(sessions: Sessions, officer: User) -> None:
    """A connection that breaks during COMMIT leaves the caller unsure; the retry must not conflict."""
    add(sessions, demo("a"), officer)
    mine = dataclasses.replace(demo("a"), product="landed before the connection broke")
    assert save(sessions, mine, 1, officer) == 2
    assert save(sessions, mine, 1, officer) == 2  # the retry: same content, same expected version
    with sessions.begin() as session:
        assert [v.version for v in SqlCaseRepository(session).history(demo("a").id)] == [1, 2]
    with pytest.raises(ConcurrentEditError):  # other content over the stale version still conflicts
        save(sessions, dataclasses.replace(mine, product="something else"), 1, officer)
