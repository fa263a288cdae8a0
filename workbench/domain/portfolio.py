"""What the portfolio (组合) is asked for: a period and the officers, and how its figures are binned.

The figures themselves (``services.portfolio``) are counted over the store; this module holds the
question and the few rules that say what a figure means, so the window, the command line and the
report agree:

* the period selects *events*, each by its own day (inclusive, the user's local calendar): a case is
  *surveyed* on its survey date, *submitted* when it went to the committee, *decided* when the
  committee decided; the pipeline counts cases by their current stage among those created in the period;
* the committee's *pass rate* is approvals over decisions with a verdict (approved, rejected,
  returned for re-survey); a deferral or a session without quorum is no verdict;
* equity δ and check deviations count for surveyed cases only (a reconstruction starts with the survey).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from workbench.domain.committee import Outcome
from workbench.domain.errors import ValidationError

APPROVALS = frozenset(
    {Outcome.APPROVED_AS_PROPOSED, Outcome.APPROVED_WITH_CHANGES, Outcome.APPROVED_WITH_CONDITIONS}
)
VERDICTS = APPROVALS | {Outcome.REJECTED, Outcome.RETURNED_FOR_RESURVEY}
"""Decisions the pass rate counts."""

DEVIATION_LIMIT = 0.30
"""Deviations are binned between −30 % and +30 %; beyond, one open bin each side."""
DEVIATION_STEP = 0.025
DEVIATION_BINS = 24
DEVIATION_EDGES: tuple[float, ...] = tuple(
    round(-DEVIATION_LIMIT + i * DEVIATION_STEP, 4) for i in range(DEVIATION_BINS + 1)
)
"""Edges of the deviation histogram's bins (a value on an edge goes to the bin above it)."""


@dataclass(frozen=True, slots=True)
class PortfolioQuery:
    """The period (inclusive days, either end open) and the officers' user names (empty: all)."""

    date_from: date | None = None
    date_to: date | None = None
    officers: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.date_from is not None and self.date_to is not None and self.date_from > self.date_to:
            raise ValidationError(  # no field: the sentence names both dates
                "", "period_reversed", start=self.date_from.isoformat(), end=self.date_to.isoformat()
            )
