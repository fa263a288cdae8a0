"""``workbench policy show|list|set`` (issue #13): the store's credit policy from the command line."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import pytest

from tests.cli.test_users_cli import run
from tests.cli.test_users_cli import url as url  # the fixture: a new laptop file, run by chenmei
from workbench.cli.main import main
from workbench.domain.policy import DEFAULT_POLICY, policy_to_plain

if TYPE_CHECKING:
    from pathlib import Path

TOML = """
name = "城商行经营贷"
alpha = 0.70
days_per_month = 28

[[products]]
name = "经营贷"
max_amount = 200000
first_loan_cap = 50000
"""


def test_the_owner_shows_sets_and_lists_the_policy(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, "policy", "show", "--db", url)
    assert code == 0 and json.loads(out) == json.loads(json.dumps(policy_to_plain(DEFAULT_POLICY)))
    file = tmp_path / "bank.toml"
    file.write_text(TOML, encoding="utf-8")
    code, out, err = run(capsys, "policy", "set", str(file), "--db", url)
    assert (code, out, err) == (0, "授信政策已保存为第 2 版：城商行经营贷\n", "")
    code, out, _ = run(capsys, "policy", "show", "--db", url)
    shown = json.loads(out)
    assert (shown["version"], shown["alpha"], shown["days_per_month"]) == (2, "0.70", "28")
    assert shown["products"][0]["first_loan_cap"] == "50000"
    code, out, _ = run(capsys, "--lang", "en", "policy", "list", "--db", url)
    lines = [line.split() for line in out.splitlines()]
    assert lines[0] == ["Version", "Policy", "name", "Saved", "at", "Saved", "by"]
    assert [line[:2] for line in lines[2:]] == [["2", "城商行经营贷"], ["1", "default"]]
    assert lines[2][-1] == "chenmei" and lines[3][-2:] == ["(initial", "default)"]
    code, out, _ = run(capsys, "policy", "show", "--version", "1", "--db", url)
    assert json.loads(out)["alpha"] == "0.80"


def test_an_unusable_file_is_refused_naming_the_field(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "bad.json"
    file.write_text('{"alpha": 0}', encoding="utf-8")
    code, out, err = run(capsys, "--lang", "en", "policy", "set", str(file), "--db", url)
    assert (code, out) == (2, "")
    assert err == f"workbench: error: {file}: field policy.alpha: must be above 0 and at most 1: 0\n"


def test_an_officer_may_not_set_the_policy(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    add = ["users", "add", "--password-stdin", "--db", url, "zhou", "--role", "officer"]
    assert run(capsys, *add, stdin="zhou-secret-1\n")[0] == 0
    monkeypatch.setenv("WORKBENCH_USER", "zhou")
    monkeypatch.setenv("WORKBENCH_PASSWORD", "zhou-secret-1")
    file = tmp_path / "bank.toml"
    file.write_text(TOML, encoding="utf-8")
    code, out, err = run(capsys, "policy", "set", str(file), "--db", url)
    assert (code, out) == (2, "")
    assert err == "workbench: 错误: 用户 zhou（客户经理）无权修改授信政策\n"
    assert run(capsys, "policy", "list", "--db", url)[0] == 0  # reading is everyone's


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("action", ["show", "list", "set"])
def test_every_policy_action_has_help(capsys: pytest.CaptureFixture[str], lang: str, action: str) -> None:
    with pytest.raises(SystemExit) as leaving:
        main(["--lang", lang, "policy", action, "--help"])
    assert leaving.value.code == 0
    shown = capsys.readouterr().out
    assert "--db" in shown and "--login" in shown
    if lang == "en":
        assert not re.search(r"[\u4e00-\u9fff]", shown.split("options:")[0].split("\n", 1)[1])
