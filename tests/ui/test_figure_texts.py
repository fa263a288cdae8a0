"""One figure, one text: the window, the reports and the command line print a figure alike.

All three call ``domain.formatting``. The only difference is the minus sign: the window and the
reports print the real minus ``−`` (U+2212), the command line an ASCII ``-``; and a missing figure is
an empty cell in the window, ``—`` elsewhere.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from workbench.cli import output
from workbench.cli.calc_cmd import calc_table
from workbench.domain.calc import compute_case
from workbench.domain.cross_checks import CheckKind
from workbench.domain.formatting import check_figure_kind, figure
from workbench.domain.formatting import deviation as deviation_text
from workbench.domain.policy import DEFAULT_POLICY
from workbench.paths import resource_path
from workbench.reports import formatting as report
from workbench.reports.survey.checks import _matrix_row
from workbench.reports.texts import Tr
from workbench.services.case_files import read_case_file
from workbench.ui.values import Kind, display_text, money_text

if TYPE_CHECKING:
    from workbench.domain.calc import CaseResults
    from workbench.domain.case_file import CaseFile

D = Decimal
FIGURES = [
    "0.125",
    "0.005",
    "-0.004",
    "-0.005",
    "4500.125",
    "-4500.125",
    "722780",
    "123456789012.345",
    "999999999999.995",
]
RATIOS = ["0.0125", "-0.031070", "0.00125", "-0.00125", "0.00004", "-0.00004", "1.036729857819905", "-0.0798"]


def ascii_minus(text: str) -> str:
    return text.replace("−", "-")


@pytest.mark.parametrize("value", FIGURES)
def test_money_prints_alike_in_window_report_and_cli(value: str) -> None:
    amount = D(value)
    shown = report.money(amount)
    assert money_text(amount) == shown
    assert display_text(amount, Kind.MONEY) == shown
    assert output.money(amount) == ascii_minus(shown)
    assert output.display(amount, "money") == ascii_minus(shown)


@pytest.mark.parametrize(
    ("value", "shown"), [("0.125", "0.13"), ("-0.004", "0.00"), ("4500.125", "4,500.13")]
)
def test_the_old_half_even_cases_are_half_up_everywhere(value: str, shown: str) -> None:
    assert money_text(D(value)) == report.money(D(value)) == output.money(D(value)) == shown


@pytest.mark.parametrize("value", RATIOS)
def test_percentages_and_deviations_print_alike(value: str) -> None:
    ratio = D(value)
    assert output.pct(ratio) == ascii_minus(report.pct(ratio))
    assert output.display(ratio, "ratio") == ascii_minus(report.pct(ratio))
    assert output.pct(ratio, signed=True) == ascii_minus(report.deviation(ratio))
    assert deviation_text(ratio) == report.deviation(ratio)  # the window's deviation columns


def test_a_missing_figure() -> None:
    assert money_text(None) == ""
    assert report.money(None) == output.money(None) == "—"
    assert report.deviation(None) == output.pct(None, signed=True) == "—"


@pytest.fixture(scope="module", params=["case-a.json", "case-b.json"])
def demo(request: pytest.FixtureRequest) -> tuple[CaseFile, CaseResults]:
    case = read_case_file(Path(resource_path("demo", request.param)))
    return case, compute_case(case, DEFAULT_POLICY)


def test_every_check_prints_alike_in_the_report_matrix_the_window_and_calc(
    demo: tuple[CaseFile, CaseResults],
) -> None:
    case, results = demo
    checks = {c.id: c for c in case.cross_checks}
    table = calc_table(results, "zh").splitlines()
    for result in results.checks:
        if result.kind is CheckKind.LOGIC:
            continue
        row = _matrix_row(result, checks[result.id], results, Tr("zh"))
        adopted, dev = row[4], row[5]
        kind = check_figure_kind(result.target, result.method)
        assert figure(result.adopted, kind) == adopted  # the window's check form
        if not result.inside:
            assert deviation_text(result.deviation) == dev  # the window's deviation column
        line = next(line for line in table if line.startswith(f"{result.id} "))
        assert ascii_minus(adopted) in line, (result.id, adopted, line)
        assert ascii_minus(deviation_text(result.deviation)) in line, (result.id, line)
