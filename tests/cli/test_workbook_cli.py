"""``workbench export CASE --xlsx``, ``workbench template`` and ``workbench import case.xlsx``: export →
import gives the same case; a bad workbook is refused cell by cell and nothing is stored."""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING

import openpyxl
import pytest

from tests.store.helpers import demo, demo_path
from workbench.cli.main import main
from workbench.domain.policy import DEFAULT_POLICY
from workbench.services.case_files import dumps_case

if TYPE_CHECKING:
    from pathlib import Path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _login(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_USER", "tester")
    monkeypatch.delenv("WORKBENCH_DB_URL", raising=False)


def _store(capsys: pytest.CaptureFixture[str], path: Path) -> str:
    url = f"sqlite:///{path}"
    assert run(capsys, "db", "init", "--db", url)[0] == 0
    return url


def test_export_xlsx_then_import_gives_the_same_case(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    first = _store(capsys, tmp_path / "first.sqlite3")
    assert run(capsys, "import", str(demo_path("b")), "--db", first)[0] == 0
    workbook = tmp_path / "case-b.xlsx"
    code, _, err = run(capsys, "export", demo("b").id, "--xlsx", "-o", str(workbook), "--db", first)
    assert (code, err) == (0, "")
    assert openpyxl.load_workbook(workbook).sheetnames[0] == "资产负债表"
    second = _store(capsys, tmp_path / "second.sqlite3")
    code, out, _ = run(capsys, "import", str(workbook), "--db", second)
    assert (code, out.strip()) == (0, demo("b").id)
    back = tmp_path / "back.json"
    assert run(capsys, "export", demo("b").id, "--db", second, "-o", str(back))[0] == 0
    assert back.read_text(encoding="utf-8") == dumps_case(demo("b"), DEFAULT_POLICY)


def test_english_export(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    url = _store(capsys, tmp_path / "store.sqlite3")
    run(capsys, "import", str(demo_path("a")), "--db", url)
    target = tmp_path / "a-en.xlsx"
    assert (
        run(capsys, "--lang", "en", "export", demo("a").id, "--xlsx", "-o", str(target), "--db", url)[0] == 0
    )
    assert openpyxl.load_workbook(target).sheetnames[:2] == ["Balance sheet", "Income statement"]


def test_xlsx_export_needs_an_output_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(
        capsys, "export", demo("a").id, "--xlsx", "--db", f"sqlite:///{tmp_path / 'x.sqlite3'}"
    )
    assert code == 2 and "-o" in err


def test_a_bad_template_is_refused_cell_by_cell_and_nothing_is_stored(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    blank = tmp_path / "blank.xlsx"
    assert run(capsys, "template", "-o", str(blank)) == (0, "", "")
    wb = openpyxl.load_workbook(blank)
    cap = wb["还款能力与建议"]
    rows = {cell.value: cell.row for (cell,) in cap.iter_rows(min_col=1, max_col=1) if cell.value}
    for name, value in (("borrower", "李明"), ("request_amount", "abc"), ("term_months", 12)):
        cap.cell(rows[f"#i:{name}"], 3).value = value
    cap.cell(rows["#i:rate_kind"], 3).value = "月息 ‰"
    cap.cell(rows["#i:rate_value"], 3).value = 6
    bal = wb["资产负债表"]
    stock = next(c.row for (c,) in bal.iter_rows(min_col=1, max_col=1) if c.value == "#t:stock") + 2
    bal.cell(stock, 2).value, bal.cell(stock, 4).value, bal.cell(stock, 5).value = "大米", "十袋", 2
    out = io.BytesIO()
    wb.save(out)
    filled = tmp_path / "filled.xlsx"
    filled.write_bytes(out.getvalue())
    url = _store(capsys, tmp_path / "store.sqlite3")
    code, _, err = run(capsys, "import", str(filled), "--db", url)
    assert code == 2
    assert f"还款能力与建议!C{rows['#i:request_amount']}：不是有效的数字：abc" in err
    assert f"资产负债表!D{stock}：不是有效的数字：十袋" in err
    assert len(err.strip().splitlines()) == 1
    code, out_text, _ = run(capsys, "cases", "--db", url, "--json")
    assert json.loads(out_text) == []
