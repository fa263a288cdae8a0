"""A real spreadsheet engine recalculates the exported workbooks: every figure a formula computes
equals the app's (``workbench calc``) to the fen, for the demo cases A and B.

LibreOffice (``soffice``, installed by scripts/system-deps.sh) converts the workbooks headlessly,
which recalculates every formula and stores the values; openpyxl then reads the values. Without
soffice the test is skipped, except with ``CI=true``, where that is an error (as for PostgreSQL).
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import openpyxl
import pytest

from workbench.cli.calc_cmd import calc_document
from workbench.domain.calc import CaseResults, compute_case
from workbench.domain.policy import DEFAULT_POLICY
from workbench.domain.status import Status
from workbench.texts.labels import STATUS_LABELS
from workbench.workbook.writer import build_workbook, workbook_bytes

from .conftest import demo_case

if TYPE_CHECKING:
    from workbench.domain.case_file import CaseFile

CENT = Decimal("0.005")
RATIO = Decimal("0.0000005")


@pytest.fixture(scope="module")
def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but no soffice: run scripts/system-deps.sh (libreoffice-calc-nogui)")
        pytest.skip("no soffice: run scripts/system-deps.sh to install libreoffice-calc-nogui")
    return found


@pytest.fixture(scope="module")
def recalculated(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Cases A and B (A also in English) exported and recalculated by LibreOffice in one run."""
    src = tmp_path_factory.mktemp("xlsx")
    out = tmp_path_factory.mktemp("recalculated")
    jobs = {"a": (demo_case("a"), "zh"), "b": (demo_case("b"), "zh"), "a-en": (demo_case("a"), "en")}
    for name, (case, lang) in jobs.items():
        (src / f"{name}.xlsx").write_bytes(
            workbook_bytes(build_workbook(case, compute_case(case, DEFAULT_POLICY), lang))
        )
    profile = tmp_path_factory.mktemp("lo-profile")
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            *(str(src / f"{name}.xlsx") for name in jobs),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return {name: (case, lang, out / f"{name}.xlsx") for name, (case, lang) in jobs.items()}


def _expected(case: CaseFile, results: CaseResults, lang: str) -> dict[str, Any]:
    """What every named figure must read: the calc document, the totals and the results."""
    doc = calc_document(results)
    want: dict[str, Any] = {k: v for k, v in doc.items() if isinstance(v, str | None)}
    want.update({k: v for k, v in dataclasses.asdict(results.totals).items()})
    want.update(
        TA=results.totals.total_assets, TL=results.totals.total_liabilities, E_act=results.totals.equity
    )
    eq = results.equity
    if eq is not None:
        want.update(initial_assets=eq.initial_assets, initial_liabilities=eq.initial_liabilities)
        cur = eq.current
        want.update(pass_TA=cur.total_assets, pass_TL=cur.total_liabilities, pass_E_act=cur.actual)
        want["equity_status"] = STATUS_LABELS[cur.status][lang]
    z = results.sizing
    want.update(md_avg=z.md_avg, principal=z.proposal)
    ok = z.ratio is not None and z.ratio <= z.alpha
    want["alpha_test"] = STATUS_LABELS[Status.OK if ok else Status.FAIL][lang]
    want.update({f"limit:{k}": v for k, v in z.limits})
    return want


def _same(got: Any, want: Any, key: str) -> None:
    if want is None or want == "":
        assert got in (None, ""), key
        return
    if isinstance(want, str) and not _is_number(want):
        assert got == want, key
        return
    assert isinstance(got, int | float), (key, got)
    exact = Decimal(str(want))
    # money to the fen; ratios to the six places calc prints
    tolerance = CENT if exact == exact.quantize(Decimal("0.01")) and abs(exact) >= 1 else RATIO
    assert abs(Decimal(repr(got)) - exact) < tolerance, (key, got, want)


def _is_number(text: str) -> bool:
    try:
        Decimal(text)
    except ArithmeticError:
        return False
    return True


def _money(got: Any, want: Decimal, key: str) -> None:
    assert isinstance(got, int | float), (key, got)
    assert abs(Decimal(repr(got)) - want) < CENT, (key, got, want)


@pytest.mark.parametrize("name", ["a", "b", "a-en"])
def test_every_computed_figure_equals_calc(recalculated: dict[str, Any], name: str) -> None:
    case, lang, path = recalculated[name]
    results = compute_case(case, DEFAULT_POLICY)
    want = _expected(case, results, lang)
    doc = calc_document(results)
    wb = openpyxl.load_workbook(path, data_only=True)
    compared = 0
    for ws in wb.worksheets[:6]:
        rows = list(ws.iter_rows(values_only=True))
        for row in rows:
            marker = row[0]
            if not isinstance(marker, str):
                continue
            if marker.startswith(("#f:", "#x:")):
                key = marker[3:]
                assert key in want, f"{ws.title}: no expected value for {key}"
                _same(row[2], want[key], f"{ws.title}!{key}")
                compared += 1
            elif marker.startswith("#l:"):
                _same(row[2], want[f"limit:{marker[3:]}"], marker)
                compared += 1
            elif marker.startswith("#m:"):
                field = marker[3:]
                for m in range(12):
                    _money(row[2 + m], getattr(results.statement.month(m + 1), field), f"{field}[{m + 1}]")
                _money(row[14], results.statement.average[field], f"{field}[avg]")
                compared += 13
            elif marker.startswith("#c:"):
                check = doc["cross_checks"][marker[3:]]
                _same(row[9], check["deviation"], f"{marker} δ")
                status = next(c.status for c in results.checks if c.id == marker[3:])
                assert row[10] == STATUS_LABELS[status][lang], marker
                compared += 2
    schedule = doc.get("schedule") or []
    ws = wb.worksheets[5]
    by_period = {r[1]: r for r in ws.iter_rows(min_row=6, values_only=True) if isinstance(r[1], int)}
    for line in schedule:
        got = by_period[line["period"]]
        for col, key in ((2, "payment"), (3, "interest"), (4, "principal"), (5, "balance")):
            _same(got[col], line[key], f"schedule {line['period']} {key}")
            compared += 1
    passes = doc.get("equity_passes", [])[:-1]
    ws = wb.worksheets[2]
    rows = [r for r in ws.iter_rows(values_only=True)]
    start = next(i for i, r in enumerate(rows) if r[0] == "#t:earlier_passes") + 2
    for offset, p in enumerate(passes):
        got = rows[start + offset]
        _same(got[6], p["E_act"], "pass E_act")
        _same(got[8], p["deviation"], "pass δ")
        assert got[9] == STATUS_LABELS[Status(p["status"])][lang]
        compared += 3
    assert compared > 150, compared
