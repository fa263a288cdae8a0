"""``workbench portfolio``: the portfolio of the signed-in person as a workbook or a PDF."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from openpyxl import load_workbook

from tests.reports.pdf_tools import text as pdf_text
from tests.store.helpers import demo, demo_path
from workbench.cli.main import main

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


@pytest.fixture
def store(blank_url: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["db", "init", "--db", blank_url]) == 0
    for name in ("a", "b"):
        assert main(["import", str(demo_path(name)), "--db", blank_url]) == 0
    capsys.readouterr()
    return blank_url


def test_the_workbook_holds_every_table_with_numbers(
    store: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "组合.xlsx"
    code, out, err = run(capsys, "portfolio", "--db", store, "-o", str(target))
    assert (code, err) == (0, "")
    assert out.strip() == f"已写入 {target}：1 位客户经理，2 件案卷"
    book = load_workbook(target)
    assert book.sheetnames == [
        "概况",
        "各阶段案卷",
        "客户经理业绩",
        "重构质量",
        "按月批准",
        "权益检验偏差分布",
        "交叉检验偏差分布",
    ]
    stages = {row[0]: row[1:] for row in book["各阶段案卷"].iter_rows(min_row=2, values_only=True)}
    requested = float(demo("a").request.amount + demo("b").request.amount)
    assert stages["申请"][0] + stages["调查"][0] == 2
    assert sum(r[1] for r in stages.values()) == requested
    officers = list(book["客户经理业绩"].iter_rows(values_only=True))
    assert officers[0][:3] == ("客户经理", "姓名", "已调查")
    assert officers[1][0] == "tester" and officers[1][2] == 2
    assert book["权益检验偏差分布"]._images, "the histogram is in the sheet as a picture"
    equity = [row[1] for row in book["权益检验偏差分布"].iter_rows(min_row=2, values_only=True)]
    assert sum(equity) == 2


def test_the_pdf_in_english_and_a_period(
    store: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "portfolio.pdf"
    code, out, _ = run(
        capsys, "--lang", "en", "portfolio", "--db", store, "--from", "2020-01-01", "--to", "2030-12-31",
        "-o", str(target),
    )  # fmt: skip
    assert code == 0 and out.startswith("Written")
    shown = pdf_text(target.read_bytes())
    for words in ("Loan portfolio report", "2020-01-01", "Cases by stage", "Equity deviations", "tester"):
        assert words in shown


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (["-o", "x.csv"], "字段 --output：无效取值 .csv，可选：.xlsx, .pdf"),
        (
            ["--from", "2026-02-01", "--to", "2026-01-01", "-o", "x.pdf"],
            "起始日期 2026-02-01 晚于截止日期 2026-01-01",
        ),
        (["--from", "2026-02-30", "-o", "x.pdf"], "字段 --from：日期格式错误（应为 YYYY-MM-DD）：2026-02-30"),
    ],
)
def test_bad_input_is_one_line_and_nothing_is_written(
    store: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], line: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    argv = [a if not a.startswith("x.") else str(out / a) for a in argv]
    code, _, err = run(capsys, "portfolio", "--db", store, *argv)
    assert code == 2
    assert err.count("\n") == 1 and line in err
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_portfolio_has_help(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    with pytest.raises(SystemExit) as leaving:
        main(["--lang", lang, "portfolio", "--help"])
    assert leaving.value.code == 0
    assert "--officer" in capsys.readouterr().out
