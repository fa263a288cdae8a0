"""The few computed figures of a case the portfolio counts: equity δ and the checks' deviations.

They are derived (``compute_case``) and so never typed in; the store keeps a copy of them beside
the case at every save, so that figures over a whole portfolio are read from columns instead of
recomputing 100 000 cases. A check another check supersedes no longer counts: it has no figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from workbench.domain.calc import compute_case
from workbench.domain.errors import DomainError
from workbench.domain.status import Status

if TYPE_CHECKING:
    from workbench.domain.case_file import CaseFile
    from workbench.domain.policy import CreditPolicy


@dataclass(frozen=True, slots=True)
class CheckFigure:
    """One standing cross-check: its signed deviation (``None``: undefined) and status."""

    check_id: str
    deviation: Decimal | None
    status: Status


@dataclass(frozen=True, slots=True)
class CaseFigures:
    """Equity δ of the current pass (``None``: no equity check, or δ undefined) and its status,
    and the standing checks."""

    equity_deviation: Decimal | None
    equity_status: Status | None
    checks: tuple[CheckFigure, ...]

    @property
    def checks_failed(self) -> int:
        return sum(1 for c in self.checks if c.status is Status.FAIL)


NO_FIGURES = CaseFigures(None, None, ())
"""What a case its inputs cannot be computed for yet (an unknown reference …) counts as."""


def case_figures(case: CaseFile, policy: CreditPolicy) -> CaseFigures:
    """The portfolio's figures of ``case`` under ``policy`` (the store's current one when it is saved).

    A case whose inputs the domain refuses (a work in progress may hold one) has ``NO_FIGURES``:
    saving it must not fail for a statistic.
    """
    try:
        results = compute_case(case, policy)
    except DomainError:
        return NO_FIGURES
    equity = results.equity
    return CaseFigures(
        equity_deviation=equity.current.deviation if equity is not None else None,
        equity_status=equity.current.status if equity is not None else None,
        checks=tuple(CheckFigure(r.id, r.deviation, r.status) for r in results.checks if not r.superseded_by),
    )
