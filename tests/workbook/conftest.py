"""The demo cases A and B, their results and their exported workbooks."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from workbench.domain.calc import CaseResults, compute_case
from workbench.domain.policy import DEFAULT_POLICY
from workbench.paths import resource_path
from workbench.services.case_files import read_case_file

if TYPE_CHECKING:
    from workbench.domain.case_file import CaseFile


def demo_case(name: str) -> CaseFile:
    return read_case_file(Path(resource_path("demo", f"case-{name}.json")))


@pytest.fixture(scope="session")
def case_a() -> CaseFile:
    return demo_case("a")


@pytest.fixture(scope="session")
def case_b() -> CaseFile:
    return demo_case("b")


@pytest.fixture(scope="session")
def results_a(case_a: CaseFile) -> CaseResults:
    return compute_case(case_a, DEFAULT_POLICY)
