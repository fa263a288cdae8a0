"""argparse's own words follow the command's language: usage, headings and its refusals."""

from __future__ import annotations

import pytest

from workbench.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(argv))
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def test_a_missing_argument_is_refused_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "calc")
    assert code == 2
    assert err.splitlines() == [
        "用法：workbench calc [-h] [--json] CASE.json",
        "workbench calc: 错误: 缺少必需的参数：CASE.json",
    ]


def test_unknown_options_and_choices_are_refused_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    assert "无法识别的参数：--bogus" in run(capsys, "calc", "x.json", "--bogus")[2]
    assert "参数 --kind：无效的选项：'zz'（可选：" in run(capsys, "report", "x", "--kind", "zz")[2]


def test_help_is_chinese_throughout(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--help")
    assert out.startswith("用法：workbench")
    for english in ("usage:", "positional arguments", "options:", "show this help", "version number"):
        assert english not in out
    assert "显示本帮助并退出" in out and "显示版本号并退出" in out


def test_english_stays_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--lang", "en", "--help")
    assert code == 0
    assert out.startswith("usage: workbench") and "show this help message and exit" in out
    assert "show the version number and exit" in out
    _, _, err = run(capsys, "--lang", "en", "calc")
    assert "error: the following arguments are required: CASE.json" in err
