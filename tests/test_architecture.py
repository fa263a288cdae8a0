"""Architecture rules: import-linter's contracts (pyproject.toml) and a stdlib-only domain.

Two independent checks, so a gap in one (import-linter only sees imports it can resolve; the AST
scan sees every import statement, including ones under ``if TYPE_CHECKING:``) is covered by the other.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DOMAIN_DIR = REPO / "workbench" / "domain"
DOMAIN_PACKAGE = "workbench.domain"


# --------------------------------------------------------------------------- import-linter


def _lint_imports_executable() -> str:
    candidate = Path(sys.executable).parent / "lint-imports"
    if candidate.exists():
        return str(candidate)
    found = shutil.which("lint-imports")
    if found is None:
        pytest.fail("lint-imports not found: install the test extra (pip install -e '.[test]')")
    return found


def run_lint_imports(
    cwd: Path, *args: str, pythonpath: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run(
        [_lint_imports_executable(), "--no-cache", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _without_banner(text: str) -> str:
    """import-linter's output minus its box-drawing logo."""
    banner = set("╔╗╚╝║═╠╣╦╩╬│─┐└┘┌▶◀▲▼ ")
    return "\n".join(line for line in text.splitlines() if not set(line) <= banner).strip()


def test_import_linter_contracts_hold() -> None:
    result = run_lint_imports(REPO)
    assert result.returncode == 0, f"import-linter failed:\n{_without_banner(result.stdout)}\n{result.stderr}"
    assert "BROKEN" not in result.stdout


def test_import_linter_run_fails_on_a_broken_contract(tmp_path: Path) -> None:
    """The wrapper above really reports a violation (not just 'the command ran')."""
    pkg = tmp_path / "fakeapp"
    (pkg / "domain").mkdir(parents=True)
    (pkg / "ui").mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "ui" / "__init__.py").write_text("")
    (pkg / "domain" / "__init__.py").write_text("from fakeapp import ui\n")
    config = tmp_path / "contracts.ini"
    config.write_text(
        textwrap.dedent(
            """\
            [importlinter]
            root_package = fakeapp

            [importlinter:contract:domain-pure]
            name = Domain must not import ui
            type = forbidden
            source_modules = fakeapp.domain
            forbidden_modules = fakeapp.ui
            """
        )
    )
    result = run_lint_imports(tmp_path, "--config", str(config), pythonpath=tmp_path)
    assert result.returncode != 0, result.stdout
    assert "BROKEN" in result.stdout


def test_import_cycles_count_lazy_and_type_checking_imports(tmp_path: Path) -> None:
    """The services' "no import cycle" contract type sees a loop closed only inside a function or
    under ``if TYPE_CHECKING:`` (the loop services/store → committee → reporting → store was one)."""
    pkg = tmp_path / "fakeapp"
    (pkg / "services").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "services" / "__init__.py").write_text("")
    (pkg / "services" / "root.py").write_text("from fakeapp.services import committee\n")
    (pkg / "services" / "committee.py").write_text(
        "def close():\n    from fakeapp.services import reporting\n"
    )
    (pkg / "services" / "reporting.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from fakeapp.services import root\n"
    )
    config = tmp_path / "contracts.ini"
    config.write_text(
        textwrap.dedent(
            """\
            [importlinter]
            root_package = fakeapp

            [importlinter:contract:acyclic]
            name = No import cycle among services
            type = acyclic_siblings
            ancestors = fakeapp.services
            """
        )
    )
    result = run_lint_imports(tmp_path, "--config", str(config), pythonpath=tmp_path)
    assert result.returncode != 0, result.stdout
    assert "BROKEN" in result.stdout


SERVICES_ROOT = "workbench.services.store"


def test_no_service_imports_the_composition_root() -> None:
    """``services/store.py`` builds every service; a service that imported it would depend on all of
    them (and close a loop as soon as one of them depends back). Type-only imports count."""
    import grimp

    graph = grimp.build_graph("workbench", cache_dir=None)
    importers = sorted(
        module
        for module in graph.find_modules_that_directly_import(SERVICES_ROOT)
        if module.startswith("workbench.services.")
    )
    assert importers == [], f"{SERVICES_ROOT} is the composition root; imported by {importers}"
    window_and_cli = graph.find_modules_that_directly_import(SERVICES_ROOT)
    assert any(m.startswith("workbench.ui.") for m in window_and_cli)
    assert any(m.startswith("workbench.cli.") for m in window_and_cli)


# --------------------------------------------------------------------------- AST scan of the domain


def _resolve_relative(module: str | None, level: int, importer: str, is_package: bool) -> str:
    """Absolute name of ``from <level dots><module> import ...`` inside module ``importer``."""
    parts = importer.split(".")
    if not is_package:
        parts = parts[:-1]  # the importer's package
    if level > 1:
        if level - 1 > len(parts):
            return "<beyond top-level package>"
        parts = parts[: len(parts) - (level - 1)]
    return ".".join([*parts, module] if module else parts)


def _allowed(name: str) -> bool:
    top = name.split(".")[0]
    return (
        name == "__future__"
        or name == DOMAIN_PACKAGE
        or name.startswith(DOMAIN_PACKAGE + ".")
        or (top in sys.stdlib_module_names and top != "workbench")
    )


def disallowed_imports(source: str, module_name: str, *, is_package: bool = False) -> list[str]:
    """Imports in ``source`` (module ``module_name``) that are neither stdlib, __future__ nor the domain.

    Returns "line N: name" strings. Also flags ``importlib.import_module("x")`` / ``__import__("x")``
    with a literal name, the usual way around a static check.
    """
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = (
                _resolve_relative(node.module, node.level, module_name, is_package)
                if node.level
                else node.module or ""
            )
            if DOMAIN_PACKAGE.startswith(base + ".") and base:
                # `from workbench import domain`: judge each imported name, not the parent package.
                names = [f"{base}.{alias.name}" for alias in node.names]
            else:
                names = [base]
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            func_name = (
                func.id
                if isinstance(func, ast.Name)
                else func.attr
                if isinstance(func, ast.Attribute)
                else ""
            )
            if func_name in {"import_module", "__import__"} and isinstance(node.args[0].value, str):
                names = [node.args[0].value]
        found.extend(f"line {node.lineno}: {name}" for name in names if not _allowed(name))
    return found


def _domain_modules() -> list[tuple[Path, str, bool]]:
    modules = []
    for path in sorted(DOMAIN_DIR.rglob("*.py")):
        rel = path.relative_to(REPO).with_suffix("")
        is_package = rel.name == "__init__"
        parts = rel.parts[:-1] if is_package else rel.parts
        modules.append((path, ".".join(parts), is_package))
    return modules


def test_domain_imports_only_stdlib_and_itself() -> None:
    modules = _domain_modules()
    assert modules, f"no modules found under {DOMAIN_DIR}"
    problems = []
    for path, module_name, is_package in modules:
        for problem in disallowed_imports(
            path.read_text(encoding="utf-8"), module_name, is_package=is_package
        ):
            problems.append(f"{path.relative_to(REPO)} {problem}")
    assert not problems, "workbench.domain must import only the standard library:\n" + "\n".join(problems)


BAD_SOURCE = """\
from __future__ import annotations
import json, decimal
import PySide6
from sqlalchemy.orm import Session
from workbench.domain.money import Money
from workbench import domain
from workbench import store
from . import money
from ..ui import app
import workbench.services
import importlib
pd = importlib.import_module("pandas")
np = __import__("numpy")
if False:
    from reportlab.pdfgen import canvas
"""


def test_scanner_flags_third_party_and_outer_layers() -> None:
    flagged = disallowed_imports(BAD_SOURCE, "workbench.domain.example")
    assert sorted(flagged) == sorted(
        [
            "line 3: PySide6",
            "line 4: sqlalchemy.orm",
            "line 7: workbench.store",
            "line 9: workbench.ui",
            "line 10: workbench.services",
            "line 12: pandas",
            "line 13: numpy",
            "line 15: reportlab.pdfgen",
        ]
    )


def test_scanner_accepts_stdlib_future_and_domain() -> None:
    source = (
        "from __future__ import annotations\nimport json\nfrom decimal import Decimal\n"
        "from typing import TYPE_CHECKING\nfrom . import money\nfrom .money import Money\n"
        "from workbench.domain import errors\nimport workbench.domain.settings\n"
    )
    assert disallowed_imports(source, "workbench.domain.example") == []
    assert disallowed_imports("from . import money\n", "workbench.domain", is_package=True) == []
    assert disallowed_imports("from .. import paths\n", "workbench.domain.sub", is_package=True) == []
    assert disallowed_imports("from .. import paths\n", "workbench.domain", is_package=True) == [
        "line 1: workbench.paths"
    ]
