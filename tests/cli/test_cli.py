"""The command line: figures as JSON, readable tables, and one-line refusals of bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from workbench.cli.main import main
from workbench.paths import resource_path

CASE_A = str(resource_path("demo", "case-a.json"))
CASE_B = str(resource_path("demo", "case-b.json"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_calc_json_prints_the_fixture_keys_of_case_a(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "calc", CASE_A, "--json")
    assert code == 0
    doc = json.loads(out)
    expected = {
        "E_exp": "722780.00",
        "disposable_avg": "4920.00",
        "A_max": "3936.00",
        "P_cap": "45440.39",
        "P_prop": "45000.00",
        "instalment": "3897.85",
        "total_interest": "1774.25",
        "equity_dev": "-0.031070",
        "ratio": "0.792246",
        "gm_weighted": "0.156000",
    }
    for key, value in expected.items():
        assert doc[key] == value, key
    assert doc["cross_checks"]["C4a"]["status"] == "EXPLAIN"
    assert doc["cross_checks"]["C4a"]["superseded_by"] == "C4b"
    assert doc["cross_checks"]["C1"]["value"] == "118500.00"
    assert Decimal(doc["C2"]).quantize(Decimal("0.0001")) == Decimal("-0.0286")
    assert len(doc["schedule"]) == 12
    assert doc["schedule"][-1]["payment"] == "3897.90"


def test_calc_json_case_b_has_both_equity_passes(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "calc", CASE_B, "--json")
    doc = json.loads(out)
    assert [p["status"] for p in doc["equity_passes"]] == ["EXPLAIN", "OK"]
    assert doc["equity_dev_pass1"] == "-0.079770"
    assert doc["equity_dev_pass2"] == "-0.011574"
    assert doc["seasonal_x"].startswith("0.7046")
    assert doc["EP_total_interest"] == "4550.00"


def test_calc_amounts_are_decimal_strings(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "calc", CASE_A, "--json")
    doc = json.loads(out)
    for key in ("TA", "TL", "E_act", "P_cap", "instalment"):
        assert isinstance(doc[key], str)
        Decimal(doc[key])  # parses exactly


def test_calc_table_is_chinese_by_default_and_english_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    _, zh, _ = run(capsys, "calc", CASE_A)
    assert "每月可支配资金" in zh and "4,920.00" in zh and "可以上会" in zh
    _, en, _ = run(capsys, "--lang", "en", "calc", CASE_A)
    assert "Monthly disposable cash" in en and "ready for committee" in en
    assert "15.60%（加价率 18.48%）" in zh and "15.60% (mark-up 18.48%)" in en  # the margin with its mark-up


def test_language_from_the_environment(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBENCH_LANG", "en")
    code, _, err = run(capsys, "schedule", "--principal", "-5", "--annual-rate", "7.2", "--months", "12")
    assert code == 2
    assert "must be greater than zero" in err


def test_schedule_json_matches_case_a(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "schedule",
        "--principal",
        "45000",
        "--annual-rate",
        "7.2",
        "--months",
        "12",
        "--method",
        "annuity",
        "--json",
    )
    assert code == 0
    doc = json.loads(out)
    assert doc["total_interest"] == "1774.25"
    assert doc["total_payment"] == "46774.25"
    assert doc["rows"][0] == {
        "period": 1,
        "principal": "3627.85",
        "interest": "270.00",
        "payment": "3897.85",
        "balance": "41372.15",
    }
    assert doc["rows"][-1]["balance"] == "0.00"


def test_schedule_monthly_permille_equal_principal(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(
        capsys,
        "schedule",
        "--principal",
        "100000",
        "--monthly-permille",
        "7",
        "--months",
        "12",
        "--method",
        "equal-principal",
        "--json",
    )
    doc = json.loads(out)
    assert doc["rows"][0]["payment"] == "9033.33"
    assert doc["rows"][-1]["payment"] == "8391.70"
    assert doc["total_interest"] == "4550.00"


def test_schedule_rounding_options(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(
        capsys,
        "schedule",
        "--principal",
        "45000",
        "--annual-rate",
        "7.2",
        "--months",
        "12",
        "--installment-multiple",
        "10",
        "--installment-rounding",
        "up",
        "--json",
    )
    rows = json.loads(out)["rows"]
    assert {r["payment"] for r in rows[:-1]} == {"3900.00"}
    assert sum(Decimal(r["principal"]) for r in rows) == Decimal(45000)


def test_schedule_grace_months(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(
        capsys,
        "schedule",
        "--principal",
        "12000",
        "--annual-rate",
        "12",
        "--months",
        "6",
        "--grace-months",
        "2",
        "--method",
        "equal-principal",
        "--json",
    )
    rows = json.loads(out)["rows"]
    assert [r["principal"] for r in rows[:2]] == ["0.00", "0.00"]
    assert [r["principal"] for r in rows[2:]] == ["3000.00"] * 4


@pytest.mark.parametrize(
    ("argv", "needle_zh", "needle_en"),
    [
        (
            ["--principal", "45000", "--annual-rate", "500", "--months", "12"],
            "--annual-rate",
            "out of the allowed range",
        ),
        (
            ["--principal", "45000", "--annual-rate", "7.2", "--months", "0"],
            "--months",
            "out of the allowed range",
        ),
        (["--principal", "-1", "--annual-rate", "7.2", "--months", "12"], "--principal", "greater than zero"),
        (
            ["--principal", "abc", "--annual-rate", "7.2", "--months", "12"],
            "--principal",
            "not a valid number",
        ),
        (["--principal", "1000", "--months", "12"], "--annual-rate", "required"),
        (
            ["--principal", "1000", "--annual-rate", "7", "--months", "12", "--method", "weekly"],
            "--method",
            "invalid",
        ),
        (
            ["--principal", "1000", "--annual-rate", "7", "--months", "12", "--grace-months", "12"],
            "--grace-months",
            "shorter than the term",
        ),
        (
            ["--principal", "1000", "--annual-rate", "7", "--months", "12", "--installment-multiple", "3"],
            "--installment-multiple",
            "invalid",
        ),
    ],
)
def test_bad_schedule_input_is_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], needle_zh: str, needle_en: str
) -> None:
    code, out, err = run(capsys, "schedule", *argv)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and needle_zh in err and "错误" in err
    code, _, err = run(capsys, "--lang", "en", "schedule", *argv)
    assert code == 2 and needle_en in err and "Traceback" not in err


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_bad_case_files_name_the_file_the_field_and_the_reason(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    doc = json.loads(Path(CASE_A).read_text(encoding="utf-8"))
    doc["case"]["request"]["amount"] = "-5"
    path = write(tmp_path, "neg.json", json.dumps(doc, ensure_ascii=False))
    code, _, err = run(capsys, "calc", path)
    assert code == 2
    assert err.strip() == f"workbench: 错误: {path}: 字段 case.request.amount：不能为负数：-5"
    code, _, err = run(capsys, "--lang", "en", "calc", path)
    assert err.strip() == f"workbench: error: {path}: field case.request.amount: must not be negative: -5"


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("{not json", "不是有效的 JSON"),
        ("[]", "类型错误"),
        ('{"format": "workbench-case", "version": 99, "case": {}}', "不支持的案卷格式版本"),
        ('{"format": "other", "version": 1, "case": {}}', "字段 format"),
    ],
)
def test_malformed_files_are_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, needle: str
) -> None:
    code, out, err = run(capsys, "calc", write(tmp_path, "bad.json", text))
    assert code == 2 and out == "" and needle in err and err.count("\n") == 1


def test_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "calc", str(tmp_path / "nope.json"))
    assert code == 2 and "无法读取文件" in err


def test_rate_above_the_product_maximum_in_a_case_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    doc = json.loads(Path(CASE_A).read_text(encoding="utf-8"))
    doc["case"]["request"]["rate"] = {"kind": "annual_percent", "value": "500"}
    code, _, err = run(capsys, "calc", write(tmp_path, "rate.json", json.dumps(doc)))
    assert code == 2 and "case.request.rate.value" in err and "0 – 36" in err


def test_the_installed_entry_point_runs(tmp_path: Path) -> None:
    """The real ``workbench`` console script, in its own process (no Qt imported for the CLI)."""
    exe = Path(sys.executable).with_name("workbench")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "workbench"]
    env = {**os.environ, "WORKBENCH_LANG": "zh"}
    done = subprocess.run(
        [*command, "calc", CASE_B, "--json"], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["P_prop"] == "100000.00"
    help_run = subprocess.run([*command, "--help"], capture_output=True, text=True, env=env, check=False)
    assert help_run.returncode == 0 and "calc" in help_run.stdout
    bad = subprocess.run(
        [*command, "schedule", "--principal", "1", "--annual-rate", "500", "--months", "1"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_the_window_takes_a_store_url_without_a_subcommand() -> None:
    seen: list[list[str]] = []
    assert main(["--db", "sqlite:////tmp/team.sqlite3"], gui=lambda argv: seen.append(argv) or 0) == 0
    assert seen == [["--db", "sqlite:////tmp/team.sqlite3"]]
