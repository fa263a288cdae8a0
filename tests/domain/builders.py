"""Tiny factories for the domain unit tests: demo cases, contexts and check results.

Imported as ``from tests.domain.builders import …`` (pytest's importlib mode resolves it from the rootdir).
"""

from __future__ import annotations

import functools
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.domain.calc import CaseResults, compute_case
from workbench.domain.cross_checks import (
    ITEM_OF_TARGET,
    CheckContext,
    CheckKind,
    CheckMethod,
    CrossCheckResult,
    Target,
)
from workbench.domain.money import quantize
from workbench.domain.policy import DEFAULT_POLICY
from workbench.domain.settings import ToleranceBand
from workbench.domain.status import Status
from workbench.paths import resource_path
from workbench.services.case_files import read_case_file

if TYPE_CHECKING:
    from workbench.domain.case_file import CaseFile

D = Decimal
BAND = ToleranceBand()  # the default 5 % / 10 % band


@functools.cache
def demo_case(name: str) -> CaseFile:
    """A shipped demo case, ``"a"`` or ``"b"`` (resources/demo/case-a.json, case-b.json)."""
    return read_case_file(Path(resource_path("demo", f"case-{name}.json")))


@functools.cache
def demo_results(name: str) -> CaseResults:
    """``compute_case`` of a demo case with the default settings."""
    return compute_case(demo_case(name), DEFAULT_POLICY)


def ctx(
    figures: dict[str, Decimal | None] | None = None,
    season_sales: dict[int, Decimal] | None = None,
    equity_expected: Decimal | None = None,
    equity_actual: Decimal | None = None,
) -> CheckContext:
    """A check context; figures default to an empty dict (every reference then resolves to None)."""
    return CheckContext(
        figures=dict(figures or {}),
        season_sales=dict(season_sales or {}),
        equity_expected=equity_expected,
        equity_actual=equity_actual,
    )


def check_result(
    check_id: str = "X1",
    target: Target = Target.SALES_MONTH,
    status: Status = Status.OK,
    *,
    explanation: str = "",
    superseded_by: str = "",
    deviation: Decimal | None = D(0),
    method: CheckMethod = CheckMethod.M2,
    evidence: tuple[str, ...] = ("ev1",),
    override_by: str = "",
    override_reason: str = "",
) -> CrossCheckResult:
    """A finished check result, for readiness rules that only look at status and bookkeeping."""
    return CrossCheckResult(
        id=check_id,
        title="",
        target=target,
        item=ITEM_OF_TARGET[target],
        method=method,
        kind=CheckKind.VALUE,
        check_value=None,
        adopted=None,
        low=None,
        high=None,
        deviation=deviation,
        status=status,
        explanation=explanation,
        superseded_by=superseded_by,
        evidence=evidence,
        override_by=override_by,
        override_reason=override_reason,
    )


def pct(ratio: Decimal | None) -> Decimal:
    """A ratio as a percentage to 0.01, half-up, the way the worked cases print it."""
    assert ratio is not None
    return quantize(ratio * 100)
