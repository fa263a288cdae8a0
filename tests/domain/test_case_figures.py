"""The figures a save keeps for the portfolio: equity δ, the standing checks, none for a bad input."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from tests.store.helpers import demo
from workbench.domain.calc import compute_case
from workbench.domain.case_figures import NO_FIGURES, case_figures
from workbench.domain.policy import DEFAULT_POLICY
from workbench.domain.status import Status


def test_case_a_keeps_its_equity_delta_and_its_standing_checks() -> None:
    case = demo("a")
    results, figures = compute_case(case, DEFAULT_POLICY), case_figures(case, DEFAULT_POLICY)
    assert results.equity is not None
    assert figures.equity_deviation == results.equity.current.deviation
    assert figures.equity_status is Status.OK
    standing = [r.id for r in results.checks if not r.superseded_by]
    assert [c.check_id for c in figures.checks] == standing
    assert "C4a" not in standing  # superseded by C4b: no longer counts
    assert figures.checks_failed == sum(
        1 for r in results.checks if not r.superseded_by and r.status is Status.FAIL
    )


def test_a_case_the_domain_cannot_compute_yet_has_no_figures() -> None:
    case = demo("a")
    quote = dataclasses.replace(case.request.rate, value=Decimal("99"))  # above the product's maximum
    assert (
        case_figures(
            dataclasses.replace(case, request=dataclasses.replace(case.request, rate=quote)), DEFAULT_POLICY
        )
        == NO_FIGURES
    )
