"""What a command loads is what it uses: pyHanko only to sign or verify, matplotlib only for the
window's charts and the portfolio's (a case report draws its charts with reportlab).

Each import is measured in ``benchmarks/bench_reports.py`` (matplotlib ~0.5 s, pyHanko ~0.3 s);
here a fresh interpreter says whether the module was loaded at all.
"""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING

from workbench.paths import resource_path

if TYPE_CHECKING:
    from pathlib import Path


def loaded_after(code: str) -> set[str]:
    """The heavy packages a fresh interpreter holds after running ``code``."""
    probe = (
        f"{code}\nimport sys\nprint('LOADED', *(m for m in ('matplotlib', 'pyhanko') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    return set(done.stdout.rsplit("LOADED", 1)[1].split())


def test_opening_the_store_and_the_identities_loads_neither_matplotlib_nor_pyhanko() -> None:
    assert loaded_after("import workbench.services.store, workbench.services.signatures") == set()


def test_an_unsigned_report_loads_neither_matplotlib_nor_pyhanko(tmp_path: Path) -> None:
    case = resource_path("demo", "case-b.json")
    code = (
        "from workbench.cli.main import main\n"
        f"main(['report', {str(case)!r}, '--kind', 'dossier', '-o', {str(tmp_path)!r} + '/b.pdf'])"
    )
    assert loaded_after(code) == set()  # its charts are drawn with reportlab (pdf_case_charts)
