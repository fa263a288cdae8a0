"""A case file carries the credit policy it was computed under, so ``workbench calc FILE`` gives the same
figures anywhere; a file without one is computed under today's defaults, and ``calc`` says so (issue #13)."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from tests.cli.test_cli import CASE_A, run
from workbench.domain.calc import compute_case
from workbench.domain.policy import DEFAULT_POLICY, CreditPolicy, Product
from workbench.services.case_files import dumps_case, read_case_file, read_case_file_and_policy

if TYPE_CHECKING:
    import pytest

BANK = CreditPolicy(
    name="城商行", version=4, alpha=Decimal("0.50"), products=(Product(first_loan_cap=Decimal(20000)),)
)


def test_a_file_with_its_policy_is_computed_under_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = read_case_file(Path(CASE_A))
    path = tmp_path / "a.json"
    path.write_text(dumps_case(case, BANK), encoding="utf-8")
    assert read_case_file_and_policy(path) == (case, BANK)
    code, out, _ = run(capsys, "calc", str(path), "--json")
    doc = json.loads(out)
    expected = compute_case(case, BANK).sizing
    assert code == 0 and doc["policy"] == {"name": "城商行", "version": 4, "source": "file"}
    assert (doc["A_max"], doc["P_prop"]) == (f"{expected.a_max:.2f}", "20000.00")
    code, out, _ = run(capsys, "calc", str(path))
    assert out.splitlines()[0] == "授信政策：城商行 第 4 版"


def test_a_file_without_a_policy_says_it_used_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _ = run(capsys, "--lang", "en", "calc", CASE_A)
    assert out.splitlines()[0] == (
        "Credit policy: default policy version 1 (the case file carries no credit policy: computed under the "
        "program's default)"
    )
    _, out, _ = run(capsys, "calc", CASE_A, "--json")
    assert json.loads(out)["policy"] == {"name": "default", "version": 1, "source": "default"}


def test_a_refused_policy_in_the_file_names_its_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = read_case_file(Path(CASE_A))
    document = json.loads(dumps_case(case, DEFAULT_POLICY))
    document["policy"]["alpha"] = "0"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    code, _, err = run(capsys, "--lang", "en", "calc", str(path))
    assert code == 2 and err.strip().endswith("field policy.alpha: must be above 0 and at most 1: 0")


def test_the_first_loan_flag_meets_the_files_cap(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = read_case_file(Path(CASE_A))
    repeat = dataclasses.replace(case, request=dataclasses.replace(case.request, first_loan=False))
    path = tmp_path / "repeat.json"
    path.write_text(dumps_case(repeat, BANK), encoding="utf-8")
    _, out, _ = run(capsys, "calc", str(path), "--json")
    assert json.loads(out)["P_prop"] == f"{compute_case(repeat, BANK).sizing.proposal:.2f}" != "20000.00"
