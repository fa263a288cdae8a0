"""The proposal's history: series, change counts, editors, swings and the fitting flag."""

from __future__ import annotations

import dataclasses
import itertools
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from tests.domain.builders import demo_case
from workbench.domain.calc import compute_case
from workbench.domain.policy import DEFAULT_POLICY
from workbench.domain.proposal_history import (
    DRIVING_FIGURES,
    RAISING_STEPS,
    RUSHED_SAVES,
    RUSHED_WINDOW,
    FlagRule,
    SavedVersion,
    VersionFigures,
    history_of,
    proposal_history,
    version_figures,
)

if TYPE_CHECKING:
    from workbench.domain.case_file import CaseFile

D = Decimal
START = datetime(2024, 6, 20, 9, 0, tzinfo=UTC)


def with_sales(case: CaseFile, normal: Decimal) -> CaseFile:
    return dataclasses.replace(case, profit_loss=dataclasses.replace(case.profit_loss, normal_sales=normal))


def with_request(case: CaseFile, amount: Decimal) -> CaseFile:
    return dataclasses.replace(case, request=dataclasses.replace(case.request, amount=amount))


def test_figures_are_the_calculators() -> None:
    case = demo_case("a")
    results = compute_case(case, DEFAULT_POLICY)
    values = version_figures(case, DEFAULT_POLICY)
    assert [k for k, _ in DRIVING_FIGURES] == list(values)
    assert values["sales_avg"] == results.figures["sales_avg"]
    assert values["disposable_avg"] == results.figures["disposable_avg"]
    assert values["TA"] == results.totals.total_assets
    assert values["E_act"] == results.totals.equity
    assert values["P_cap"] == results.sizing.p_cap
    assert values["P_prop"] == results.sizing.proposal
    assert values["request_amount"] == D(60000)
    assert values["request_term"] == D(12)


def test_sales_nudged_up_ten_times_is_flagged() -> None:
    case = demo_case("a")  # asks 60 000; capacity 45 440.39 — the limit is short of the request
    saved = [SavedVersion(1, "刘敏", START, case)]
    sales = case.profit_loss.normal_sales
    for n in range(2, 12):  # ten saves, an hour apart, each with 3 % more normal-season sales
        sales = (sales * D("1.03")).quantize(D(1))
        saved.append(SavedVersion(n, "刘敏", START + timedelta(hours=n), with_sales(case, sales)))
    history = proposal_history(saved, DEFAULT_POLICY)
    sales_avg = history.figure("sales_avg")
    assert sales_avg.changes == 10
    assert sales_avg.editors == (("刘敏", 10),)
    limits = [v for _, v in history.figure("P_cap").series]
    assert all(b is not None and a is not None and b > a for a, b in itertools.pairwise(limits))
    assert history.flagged
    rules = {r.rule: r for r in history.reasons}
    assert rules[FlagRule.RUSHED].count == 10 >= RUSHED_SAVES
    walked = rules[FlagRule.WALKED_UP]
    assert walked.count >= RAISING_STEPS
    assert walked.requested == D(60000)
    assert walked.limit_before == limits[0]
    assert walked.versions[0] == 2


def test_honest_case_with_two_corrections_is_not_flagged() -> None:
    case = demo_case("a")
    saved = [
        SavedVersion(1, "刘敏", START, case),
        SavedVersion(2, "刘敏", START + timedelta(days=1), with_sales(case, D(125000))),
        SavedVersion(3, "刘敏", START + timedelta(days=1, hours=2), with_sales(case, D(118000))),
        SavedVersion(
            4, "刘敏", START + timedelta(days=2), with_request(with_sales(case, D(118000)), D(45000))
        ),
    ]
    history = proposal_history(saved, DEFAULT_POLICY)
    assert history.figure("sales_avg").changes == 2
    assert history.figure("request_amount").changes == 1
    assert not history.flagged
    assert history.reasons == ()


def values(sales: str, limit: str, request: str = "60000") -> dict[str, Decimal | None]:
    base: dict[str, Decimal | None] = {k: D(0) for k, _ in DRIVING_FIGURES}
    base.update(sales_avg=D(sales), P_cap=D(limit), request_amount=D(request))
    return base


def test_swings_and_counts_are_exact_and_editors_counted_apart() -> None:
    rows = [
        ("刘敏", "100000", "40000"),
        ("刘敏", "110000", "44000"),  # +10 %
        ("赵强", "99000", "39600"),  # −10 %, −11 000
        ("刘敏", "99000", "39600"),  # no change (a save of something else)
        ("刘敏", "136620", "54648"),  # +38 %, +37 620
        ("刘敏", "140000", "56000"),
    ]
    versions = [
        VersionFigures(n, who, START + timedelta(days=n * 5), values(sales, limit))
        for n, (who, sales, limit) in enumerate(rows, start=11)
    ]
    history = history_of(list(reversed(versions)))  # any order in, oldest first out
    assert [v.version for v in history.versions] == [11, 12, 13, 14, 15, 16]
    sales = history.figure("sales_avg")
    assert sales.changes == 4
    assert sales.editors == (("刘敏", 3), ("赵强", 1))
    rel = sales.largest_relative
    assert rel is not None and (rel.from_version, rel.to_version) == (14, 15)
    assert rel.relative == D("0.38")
    assert rel.delta == D(37620)
    absolute = sales.largest_absolute
    assert absolute is not None and absolute.to_version == 15
    assert history.figure("request_amount").changes == 0
    assert history.figure("request_amount").largest_relative is None
    # five days apart: never many saves shortly before the end; the limit rose toward 60 000 three
    # times (v12, v15, v16) — v13 lowered it
    assert [r.rule for r in history.reasons] == [FlagRule.WALKED_UP]
    assert history.reasons[0].versions == (12, 15, 16)
    assert history.limit_series[0] == (11, D(40000), D(60000))


def test_rushed_counts_only_saves_within_the_window_before_the_last() -> None:
    end = START + timedelta(days=10)
    versions = [VersionFigures(1, "a", START, values("100", "70000"))]  # above the request: no walk-up
    for n in range(RUSHED_SAVES - 1):
        versions.append(
            VersionFigures(
                n + 2, "a", end - RUSHED_WINDOW + timedelta(minutes=n), values(str(101 + n), "70000")
            )
        )
    versions.append(VersionFigures(RUSHED_SAVES + 1, "a", end, values("90", "70000")))
    assert [r.rule for r in history_of(versions).reasons] == [FlagRule.RUSHED]
    early = dataclasses.replace(versions[1], saved_at=end - RUSHED_WINDOW - timedelta(seconds=1))
    assert history_of([versions[0], early, *versions[2:]]).reasons == ()


def test_a_lowered_request_is_not_fitting() -> None:
    versions = [
        VersionFigures(
            n, "a", START + timedelta(hours=n), values(str(100 + n), str(40000 + n), str(60000 - n))
        )
        for n in range(1, 8)
    ]
    assert all(r.rule is not FlagRule.WALKED_UP for r in history_of(versions).reasons)


def test_single_version_has_no_changes() -> None:
    history = proposal_history([SavedVersion(1, "刘敏", START, demo_case("a"))], DEFAULT_POLICY)
    assert all(f.changes == 0 and f.editors == () for f in history.figures)
    assert not history.flagged
    assert history.last_version == 1
