"""The proposal's history (方案修改记录): how the figures that drive the loan amount moved across the
saved versions of a case before it reached the committee, and whether the pattern looks like fitting.

Banks punish re-entering data until the calculated limit fits (反复录入数据测算授信额度, 虚增资产或收入).
Every saved version is a full case; the figures are taken from each with the same calculator the
screens use (``calc.compute_case``), so a figure here is the figure the officer saw at that save.

    versions ──> figures per version (DRIVING_FIGURES) ──> per figure: series, changes, editors, swings
                                                       └─> the fitting flag (below; docs/domain-decisions.md)

The flag is raised when either rule holds (thresholds are the named constants below):

* **rushed** — at least ``RUSHED_SAVES`` saves changed an input figure (``INPUT_FIGURES``) within
  ``RUSHED_WINDOW`` before the last version considered (the submitted one, else the newest);
* **walked up** — at least ``RAISING_STEPS`` saves changed an input figure, left the request as it
  was, and raised the computed limit (``P_cap``) while it was still below the requested amount.

Pure: stdlib and the domain only. Money stays Decimal; a relative swing is exact, callers round it.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from workbench.domain.calc import compute_case
from workbench.domain.case_file import CaseFile
from workbench.domain.money import ZERO

if TYPE_CHECKING:
    from collections.abc import Sequence

    from workbench.domain.policy import CreditPolicy

RUSHED_WINDOW = timedelta(hours=48)
"""How long before the submission counts as "shortly before" for the rushed rule."""
RUSHED_SAVES = 5
"""Saves changing an input figure within ``RUSHED_WINDOW`` that raise the flag."""
RAISING_STEPS = 3
"""Saves that each raised the computed limit toward an unchanged request that raise the flag."""


class Kind(StrEnum):
    """How a figure is measured (and so shown)."""

    MONEY = "money"
    RATIO = "ratio"
    MONTHS = "months"


# The figures followed, in the order they are shown: (key, kind). Keys are those of
# ``calc.base_figures`` / ``summary.key_figures`` where the figure has one.
DRIVING_FIGURES: tuple[tuple[str, Kind], ...] = (
    ("sales_avg", Kind.MONEY),  # 月均销售额
    ("sales_annual", Kind.MONEY),  # 年销售额
    ("gm_weighted", Kind.RATIO),  # 加权毛利率
    ("disposable_avg", Kind.MONEY),  # 月均可支配资金
    ("TA", Kind.MONEY),  # 资产总计
    ("E_act", Kind.MONEY),  # 所有者权益
    ("request_amount", Kind.MONEY),  # 申请金额
    ("request_term", Kind.MONTHS),  # 申请期限
    ("P_cap", Kind.MONEY),  # 还款能力测算额度
    ("P_prop", Kind.MONEY),  # 建议金额
)
INPUT_FIGURES = frozenset({"sales_avg", "sales_annual", "gm_weighted", "disposable_avg", "TA", "E_act"})
"""The figures the officer's entries make and the limit rests on (what fitting would change)."""
LIMIT = "P_cap"
REQUEST = "request_amount"


@dataclass(frozen=True, slots=True)
class SavedVersion:
    """One saved version of a case: its number, who saved it (a name to show) and when."""

    version: int
    saved_by: str
    saved_at: datetime
    case: CaseFile


@dataclass(frozen=True, slots=True)
class VersionFigures:
    """The driving figures of one saved version (``version_figures``)."""

    version: int
    saved_by: str
    saved_at: datetime
    values: Mapping[str, Decimal | None]


@dataclass(frozen=True, slots=True)
class Swing:
    """One change of a figure between two consecutive versions."""

    from_version: int
    to_version: int
    before: Decimal
    after: Decimal

    @property
    def delta(self) -> Decimal:
        return self.after - self.before

    @property
    def relative(self) -> Decimal | None:
        """The change as a share of the value before; ``None`` from zero."""
        return None if self.before == 0 else self.delta / abs(self.before)


@dataclass(frozen=True, slots=True)
class FigureHistory:
    """One figure across the versions.

    Attributes:
        key: the figure (``DRIVING_FIGURES``).
        kind: how it is measured.
        series: (version, value) for every version considered, oldest first.
        changes: how many saves changed it.
        editors: (who, how many of those saves), most first.
        largest_relative: the change with the largest relative size (changes from zero have none).
        largest_absolute: the change with the largest absolute size.
    """

    key: str
    kind: Kind
    series: tuple[tuple[int, Decimal | None], ...]
    changes: int
    editors: tuple[tuple[str, int], ...]
    largest_relative: Swing | None
    largest_absolute: Swing | None


class FlagRule(StrEnum):
    RUSHED = "rushed"  # many changes of the input figures shortly before submission
    WALKED_UP = "walked_up"  # changes that each raised the computed limit toward the request


@dataclass(frozen=True, slots=True)
class FlagReason:
    """Why the history is flagged: the rule, how many saves matched it, and what it measured."""

    rule: FlagRule
    count: int
    versions: tuple[int, ...]
    limit_before: Decimal | None = None
    limit_after: Decimal | None = None
    requested: Decimal | None = None


@dataclass(frozen=True, slots=True)
class ProposalHistory:
    """The history of a case's proposal up to ``last_version``.

    Attributes:
        versions: the figures of every version considered, oldest first.
        figures: one ``FigureHistory`` per ``DRIVING_FIGURES`` entry, in that order.
        reasons: why the pattern looks like fitting; empty when it does not.
        submitted: ``last_version`` is the version submitted to the committee (else the newest).
    """

    versions: tuple[VersionFigures, ...]
    figures: tuple[FigureHistory, ...]
    reasons: tuple[FlagReason, ...]
    submitted: bool = False

    @property
    def flagged(self) -> bool:
        return bool(self.reasons)

    @property
    def last_version(self) -> int | None:
        return self.versions[-1].version if self.versions else None

    def figure(self, key: str) -> FigureHistory:
        return next(f for f in self.figures if f.key == key)

    @property
    def limit_series(self) -> tuple[tuple[int, Decimal | None, Decimal | None], ...]:
        """(version, computed limit, requested amount) per version: what the chart draws."""
        return tuple((v.version, v.values.get(LIMIT), v.values.get(REQUEST)) for v in self.versions)


# ---- figures of one version ------------------------------------------------------------------------


def version_figures(case: CaseFile, policy: CreditPolicy) -> dict[str, Decimal | None]:
    """The driving figures of ``case`` by ``compute_case``.

    The cross-checks and the equity reconciliation play no part in these figures and are left out,
    so an intermediate version with a half-typed check (an unknown reference) still has its figures.
    """
    bare = dataclasses.replace(case, cross_checks=(), equity_check=None)
    results = compute_case(bare, policy)
    f = results.figures
    z = results.sizing
    return {
        "sales_avg": f["sales_avg"],
        "sales_annual": f["sales_annual"],
        "gm_weighted": f["gm_weighted"],
        "disposable_avg": f["disposable_avg"],
        "TA": f["TA"],
        "E_act": f["E_act"],
        "request_amount": case.request.amount,
        "request_term": Decimal(case.request.term_months),
        "P_cap": z.p_cap,
        "P_prop": z.proposal,
    }


def proposal_history(
    saved: Sequence[SavedVersion], policy: CreditPolicy, *, submitted: bool = False
) -> ProposalHistory:
    """The history of the versions ``saved`` (any order), computing each version's figures."""
    return history_of(
        [VersionFigures(s.version, s.saved_by, s.saved_at, version_figures(s.case, policy)) for s in saved],
        submitted=submitted,
    )


# ---- the history -------------------------------------------------------------------------------------


def history_of(versions: Sequence[VersionFigures], *, submitted: bool = False) -> ProposalHistory:
    """Series, change counts, editors, swings and the fitting flag of ``versions`` (any order)."""
    ordered = tuple(sorted(versions, key=lambda v: v.version))
    figures = tuple(_figure_history(key, kind, ordered) for key, kind in DRIVING_FIGURES)
    return ProposalHistory(ordered, figures, _reasons(ordered), submitted)


def _figure_history(key: str, kind: Kind, versions: tuple[VersionFigures, ...]) -> FigureHistory:
    series = tuple((v.version, v.values.get(key)) for v in versions)
    editors: dict[str, int] = {}
    swings: list[Swing] = []
    changes = 0
    for prev, cur in itertools.pairwise(versions):
        before, after = prev.values.get(key), cur.values.get(key)
        if before == after:
            continue
        changes += 1
        editors[cur.saved_by] = editors.get(cur.saved_by, 0) + 1
        if before is not None and after is not None:
            swings.append(Swing(prev.version, cur.version, before, after))
    relative = [s for s in swings if s.relative is not None]
    # ties go to the earlier change (max keeps the first of equals)
    largest_relative = max(relative, key=lambda s: abs(s.relative or ZERO), default=None)
    largest_absolute = max(swings, key=lambda s: abs(s.delta), default=None)
    ranked = tuple(sorted(editors.items(), key=lambda item: -item[1]))  # stable: first editor first
    return FigureHistory(key, kind, series, changes, ranked, largest_relative, largest_absolute)


def _input_changed(prev: VersionFigures, cur: VersionFigures) -> bool:
    return any(prev.values.get(k) != cur.values.get(k) for k in INPUT_FIGURES)


def _reasons(versions: tuple[VersionFigures, ...]) -> tuple[FlagReason, ...]:
    if len(versions) < 2:
        return ()
    pairs = list(itertools.pairwise(versions))
    end = versions[-1].saved_at
    rushed = [
        cur.version
        for prev, cur in pairs
        if _input_changed(prev, cur) and end - cur.saved_at <= RUSHED_WINDOW
    ]
    raising: list[tuple[VersionFigures, VersionFigures]] = []
    for prev, cur in pairs:
        request = cur.values.get(REQUEST)
        before, after = prev.values.get(LIMIT), cur.values.get(LIMIT)
        if (
            _input_changed(prev, cur)
            and request is not None
            and request == prev.values.get(REQUEST)
            and before is not None
            and after is not None
            and before < request
            and after > before
        ):
            raising.append((prev, cur))
    reasons: list[FlagReason] = []
    if len(rushed) >= RUSHED_SAVES:
        reasons.append(FlagReason(FlagRule.RUSHED, len(rushed), tuple(rushed)))
    if len(raising) >= RAISING_STEPS:
        first, last = raising[0][0], raising[-1][1]
        reasons.append(
            FlagReason(
                FlagRule.WALKED_UP,
                len(raising),
                tuple(cur.version for _prev, cur in raising),
                limit_before=first.values.get(LIMIT),
                limit_after=last.values.get(LIMIT),
                requested=last.values.get(REQUEST),
            )
        )
    return tuple(reasons)
