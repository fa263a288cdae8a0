"""The portfolio's figures as tables (``services.portfolio`` fills them; charts and exports read them).

Every table is a pandas frame with fixed column keys; money stays in minor units (exact integers),
rates and deviations are fractions (0.05 = 5 %), a figure that has nothing to count is NaN.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pandas as pd

from workbench.domain.portfolio import PortfolioQuery

PIPELINE_COLUMNS = ("stage", "cases", "requested_minor")
OFFICER_COLUMNS = (
    "officer",
    "display_name",
    "surveyed",
    "submitted",
    "decided",
    "approved",
    "approved_minor",
    "pass_rate",
    "mean_abs_equity_deviation",
    "checks_total",
    "checks_failed",
    "fail_share",
    "mean_days_to_decision",
)
MONTH_COLUMNS = ("month", "approved", "approved_minor")
BIN_COLUMNS = ("low", "high", "count")
"""A histogram bin ``[low, high)``; the first bin's ``low`` is −inf, the last one's ``high`` +inf."""


@dataclass(frozen=True, slots=True)
class Portfolio:
    """The figures of one portfolio question, as of ``made_at``, for ``made_for`` (a user name)."""

    query: PortfolioQuery
    made_at: datetime
    made_for: str
    own_only: bool
    """The asker sees her own cases only (an officer): the tables hold nothing of others."""
    pipeline: pd.DataFrame
    officers: pd.DataFrame
    months: pd.DataFrame
    equity_bins: pd.DataFrame
    check_bins: pd.DataFrame

    @property
    def equity_count(self) -> int:
        return int(self.equity_bins["count"].sum())

    @property
    def check_count(self) -> int:
        return int(self.check_bins["count"].sum())
