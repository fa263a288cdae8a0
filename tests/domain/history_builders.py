"""A case's saved versions for the proposal-history tests, the report and the slides: an officer who
nudges the sales up until the computed limit nears the request, and a colleague who corrects once.

Imported as ``from tests.domain.history_builders import …``.
"""

from __future__ import annotations

import dataclasses
import functools
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from tests.domain.builders import demo_case
from workbench.domain.policy import DEFAULT_POLICY
from workbench.domain.proposal_history import ProposalHistory, SavedVersion, proposal_history

if TYPE_CHECKING:
    from workbench.domain.case_file import CaseFile

D = Decimal
START = datetime(2024, 6, 20, 9, 0, tzinfo=UTC)
OFFICER, COLLEAGUE = "刘敏", "赵强"


def with_sales(case: CaseFile, normal: Decimal) -> CaseFile:
    return dataclasses.replace(case, profit_loss=dataclasses.replace(case.profit_loss, normal_sales=normal))


def with_assets(case: CaseFile, factor: Decimal) -> CaseFile:
    """Every stock line's quantity times ``factor`` (inflated assets)."""
    sheet = case.balance_sheet
    stock = tuple(dataclasses.replace(s, quantity=s.quantity * factor) for s in sheet.stock)
    return dataclasses.replace(case, balance_sheet=dataclasses.replace(sheet, stock=stock))


@functools.cache
def fitted_versions() -> tuple[SavedVersion, ...]:
    """Thirteen versions of case A: early corrections, then within a day the sales climb in six steps
    (one by the colleague) and the stock is written up once."""
    case = demo_case("a")
    saved = [SavedVersion(1, OFFICER, START, case)]
    steps: list[tuple[str, Decimal, Decimal, timedelta]] = [
        (OFFICER, D(118000), D(1), timedelta(days=2)),
        (OFFICER, D(118000), D(1), timedelta(days=3)),  # a save of something else: no change
        (OFFICER, D(120000), D(1), timedelta(days=5)),
        (OFFICER, D(126000), D(1), timedelta(days=9, hours=1)),
        (OFFICER, D(131000), D(1), timedelta(days=9, hours=2)),
        (COLLEAGUE, D(129000), D(1), timedelta(days=9, hours=3)),
        (OFFICER, D(136000), D(1), timedelta(days=9, hours=5)),
        (OFFICER, D(136000), D("1.2"), timedelta(days=9, hours=6)),
        (OFFICER, D(142000), D("1.2"), timedelta(days=9, hours=8)),
        (OFFICER, D(150000), D("1.2"), timedelta(days=9, hours=9)),
        (OFFICER, D(153000), D("1.2"), timedelta(days=9, hours=10)),
        (OFFICER, D(153000), D("1.2"), timedelta(days=9, hours=11)),
    ]
    for n, (who, sales, assets, after) in enumerate(steps, start=2):
        edited = with_assets(with_sales(case, sales), assets)
        if n == 3:
            edited = dataclasses.replace(edited, product="经营贷")
        saved.append(SavedVersion(n, who, START + after, edited))
    return tuple(saved)


@functools.cache
def fitted_history() -> ProposalHistory:
    return proposal_history(fitted_versions(), DEFAULT_POLICY, submitted=True)
