"""The portfolio over a real store (SQLite and PostgreSQL): stages, officers, months, deviations."""

from __future__ import annotations

import dataclasses
import math
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest

from tests.store.helpers import add_user, demo, new_id
from workbench.domain.case_figures import case_figures
from workbench.domain.case_file import Stage
from workbench.domain.committee import CommitteeRules, Outcome, StoredDecision
from workbench.domain.errors import ValidationError
from workbench.domain.policy import DEFAULT_POLICY
from workbench.domain.portfolio import PortfolioQuery
from workbench.domain.records import Role
from workbench.services.permissions import PermissionDenied
from workbench.services.portfolio import PortfolioRefusedError, PortfolioService
from workbench.store.committee_repository import SqlCommitteeRepository
from workbench.store.repository import SqlCaseRepository

if TYPE_CHECKING:
    from workbench.domain.case_file import CaseFile
    from workbench.domain.records import User
    from workbench.store.db import Sessions


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def _case(name: str, survey: date | None) -> CaseFile:
    case = dataclasses.replace(demo(name), id=new_id(), case_number=f"P-{new_id()[:8]}")
    return dataclasses.replace(case, dates=dataclasses.replace(case.dates, survey_date=survey))


def _decide(
    sessions: Sessions,
    case: CaseFile,
    officer: User,
    chair: User,
    outcome: Outcome,
    day: date,
    amount: int | None,
) -> None:
    """Store ``case`` (created the day before its survey), submit it and record the decision."""
    created = _at(case.dates.survey_date or day)
    with sessions.begin() as session:
        cases = SqlCaseRepository(session, clock=lambda: created)
        committee = SqlCommitteeRepository(session, clock=lambda: created)
        cases.add(case, officer.id)
        version = cases.save(dataclasses.replace(case, stage=Stage.APPROVAL), 1, officer.id)
        committee.mark_submitted(case.id, version, officer.id)
        meeting = committee.add_session(day, "三楼", chair.id, (), "", CommitteeRules(), chair.id)
        item = committee.add_agenda_item(meeting, case.id, version, chair.id)
        terms = Decimal(amount) if amount is not None else None
        committee.add_decision(
            item, StoredDecision(outcome, terms, None, None, None, (), (), "", _at(day), False), chair.id
        )
        after = Stage.REFUSED if outcome is Outcome.REJECTED else Stage.CONTRACT
        cases.save(dataclasses.replace(case, stage=after), version, officer.id)


@pytest.fixture
def store(sessions: Sessions, officer: User, other_officer: User) -> dict[str, CaseFile]:
    chair = add_user(sessions, "chenzhuxi", Role.COMMITTEE_CHAIR)
    made = {
        "a": _case("a", date(2026, 10, 5)),
        "b": _case("b", date(2026, 10, 10)),
        "a2": _case("a", date(2026, 11, 20)),
        "new": _case("b", None),
    }
    _decide(sessions, made["a"], officer, chair, Outcome.APPROVED_WITH_CHANGES, date(2026, 10, 8), 50_000)
    _decide(sessions, made["b"], officer, chair, Outcome.REJECTED, date(2026, 11, 2), None)
    _decide(
        sessions, made["a2"], other_officer, chair, Outcome.APPROVED_AS_PROPOSED, date(2026, 11, 25), None
    )
    with sessions.begin() as session:
        SqlCaseRepository(session, clock=lambda: _at(date(2026, 11, 28))).add(made["new"], officer.id)
    return made


def _abs_dev(case: CaseFile) -> float:
    dev = case_figures(case, DEFAULT_POLICY).equity_deviation
    assert dev is not None
    return abs(float(dev))


def test_every_figure_of_the_whole_branch(sessions: Sessions, store: dict[str, CaseFile]) -> None:
    reviewer = add_user(sessions, "shencha", Role.REVIEWER)
    result = PortfolioService(sessions).portfolio(PortfolioQuery(), reviewer)
    assert not result.own_only
    stages = dict(zip(result.pipeline["stage"], result.pipeline["cases"], strict=True))
    assert stages == {s.value: {"contract": 2, "refused": 1, "investigate": 1}.get(s.value, 0) for s in Stage}
    officers = result.officers.set_index("officer")
    assert list(officers.index) == ["liumin", "zhaoqiang"]
    a, b, a2 = store["a"], store["b"], store["a2"]
    fig_a, fig_b = case_figures(a, DEFAULT_POLICY), case_figures(b, DEFAULT_POLICY)
    liumin = officers.loc["liumin"]
    assert (liumin.surveyed, liumin.submitted, liumin.decided, liumin.approved) == (2, 2, 2, 1)
    assert liumin.approved_minor == 5_000_000
    assert liumin.pass_rate == 0.5
    assert liumin.mean_abs_equity_deviation == pytest.approx((_abs_dev(a) + _abs_dev(b)) / 2)
    assert liumin.checks_total == len(fig_a.checks) + len(fig_b.checks)
    assert liumin.fail_share == pytest.approx(
        (fig_a.checks_failed + fig_b.checks_failed) / liumin.checks_total
    )
    assert liumin.mean_days_to_decision == (3 + 23) / 2
    zhao = officers.loc["zhaoqiang"]
    assert (zhao.surveyed, zhao.approved, zhao.approved_minor) == (1, 1, int(a2.request.amount * 100))
    assert zhao.mean_days_to_decision == 5
    months = result.months.set_index("month")
    assert months.to_dict("index") == {
        "2026-10": {"approved": 1, "approved_minor": 5_000_000},
        "2026-11": {"approved": 1, "approved_minor": int(a2.request.amount * 100)},
    }
    assert result.equity_count == 3
    expected_checks = sum(
        1 for case in (a, b, a2) for c in case_figures(case, DEFAULT_POLICY).checks if c.deviation is not None
    )
    assert result.check_count == expected_checks


def test_the_period_and_the_officers_are_filtered(sessions: Sessions, store: dict[str, CaseFile]) -> None:
    admin = add_user(sessions, "guanli", Role.ADMIN)
    service = PortfolioService(sessions)
    november = service.portfolio(PortfolioQuery(date(2026, 11, 1), date(2026, 11, 30)), admin)
    officers = november.officers.set_index("officer")
    liumin = officers.loc["liumin"]
    assert (liumin.surveyed, liumin.decided, liumin.approved, liumin.pass_rate) == (0, 1, 0, 0.0)
    assert math.isnan(liumin.mean_abs_equity_deviation)
    assert list(november.months["month"]) == ["2026-11"]
    assert int(november.pipeline["cases"].sum()) == 2  # a2 (created 2026-11-20) and the new case
    just_zhao = service.portfolio(PortfolioQuery(officers=("zhaoqiang",)), admin)
    assert list(just_zhao.officers["officer"]) == ["zhaoqiang"]
    assert int(just_zhao.pipeline["cases"].sum()) == 1
    assert just_zhao.equity_count == 1
    nothing = service.portfolio(PortfolioQuery(date(2020, 1, 1), date(2020, 1, 31)), admin)
    assert nothing.officers.empty and nothing.months.empty
    assert nothing.equity_count == nothing.check_count == 0


def test_an_officer_sees_her_own_figures_only(
    sessions: Sessions, store: dict[str, CaseFile], officer: User
) -> None:
    service = PortfolioService(sessions)
    mine = service.portfolio(PortfolioQuery(), officer)
    assert mine.own_only
    assert list(mine.officers["officer"]) == ["liumin"]
    assert int(mine.pipeline["cases"].sum()) == 3
    with pytest.raises(PortfolioRefusedError) as refused:
        service.portfolio(PortfolioQuery(officers=("liumin", "zhaoqiang")), officer)
    assert refused.value.officer == "zhaoqiang"
    assert refused.value.describe("en") == "Officer liumin sees her own portfolio only, not that of zhaoqiang"


def test_a_reversed_period_is_refused_and_reading_needs_a_reader(sessions: Sessions) -> None:
    with pytest.raises(ValidationError) as reversed_period:
        PortfolioQuery(date(2026, 11, 2), date(2026, 11, 1))
    assert reversed_period.value.reason == "period_reversed"
    nobody = dataclasses.replace(add_user(sessions, "ghost", Role.BACK_OFFICE), role=Role.BACK_OFFICE)
    PortfolioService(sessions).portfolio(PortfolioQuery(), nobody)  # back office reads the branch
    with pytest.raises(PermissionDenied):
        PortfolioService(sessions).portfolio(PortfolioQuery(), dataclasses.replace(nobody, active=False))
