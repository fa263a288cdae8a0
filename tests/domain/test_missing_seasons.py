"""A business with no normal months (issue #13): a monthly check naming no season is not compared with a
normal month of 0, and no figure is shown for a season the calendar does not have."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from tests.domain.builders import demo_case
from workbench.domain.calc import CaseResults, compute_case
from workbench.domain.policy import DEFAULT_POLICY
from workbench.domain.profit_loss import Season
from workbench.domain.readiness import Issue, Severity
from workbench.domain.summary import key_figures

D = Decimal
P, S = Season.PEAK, Season.SLACK


def peak_and_slack() -> CaseResults:
    case = demo_case("a")
    pl = dataclasses.replace(case.profit_loss, calendar=(P, P, S, S, S, S, S, S, S, S, P, P))
    return compute_case(dataclasses.replace(case, profit_loss=pl), DEFAULT_POLICY)


def test_a_check_without_a_season_asks_for_one_instead_of_comparing_with_zero() -> None:
    results = peak_and_slack()
    c1 = next(r for r in results.checks if r.id == "C1")
    assert c1.adopted is None and c1.deviation is None
    assert Issue(Severity.BLOCKING, "inputs_missing", "C1", {"value": "season"}) in results.issues


def test_a_check_naming_its_season_is_compared_with_it() -> None:
    case = demo_case("a")
    pl = dataclasses.replace(case.profit_loss, calendar=(P, P, S, S, S, S, S, S, S, S, P, P))
    checks = tuple(dataclasses.replace(c, season=S) if c.id == "C1" else c for c in case.cross_checks)
    results = compute_case(dataclasses.replace(case, profit_loss=pl, cross_checks=checks), DEFAULT_POLICY)
    c1 = next(r for r in results.checks if r.id == "C1")
    assert c1.adopted == D(100000)


def test_no_figure_for_a_season_that_does_not_exist() -> None:
    results = peak_and_slack()
    figures = key_figures(results)
    assert figures["sales_normal"] is None and figures["disposable_normal"] is None
    assert figures["disposable_peak"] == D("10960.00")
    assert results.figures["sales_normal"] is None
    assert results.statement.seasons == (Season.PEAK, Season.SLACK)


def test_the_demo_cases_keep_all_their_seasons() -> None:
    figures = key_figures(compute_case(demo_case("a"), DEFAULT_POLICY))
    assert figures["disposable_normal"] == D("4920.00")
