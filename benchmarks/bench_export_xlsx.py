"""Median time to export worked cases A and B as a workbook (goal for case A ≤ 300 ms), and to read
one back.

Run: ``.venv/bin/python benchmarks/bench_export_xlsx.py``. Prints figures; asserts nothing.
The export is what ``workbench export CASE --xlsx`` and 文件 → 导出 Excel… do after loading the case:
``compute_case``, every sheet with its formulas, and the .xlsx bytes (openpyxl). The import is
``workbench import case.xlsx`` without the store: open, check every sheet, read every input cell.
"""

from __future__ import annotations

import statistics
import sys
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workbench.domain.policy import DEFAULT_POLICY
from workbench.paths import resource_path
from workbench.services.case_files import read_case_file
from workbench.services.workbooks import case_workbook
from workbench.workbook.reader import read_workbook


def measure(label: str, fn: object, number: int = 5, repeat: int = 7) -> None:
    runs = timeit.repeat(fn, number=number, repeat=repeat)  # type: ignore[arg-type]
    per_call = [r / number * 1000 for r in runs]
    print(f"{label:<44} median {statistics.median(per_call):8.1f} ms   min {min(per_call):8.1f} ms")


def main() -> None:
    print(f"python {sys.version.split()[0]}; {len(list(Path('/proc').glob('[0-9]*')))} processes running")
    for name in ("case-a.json", "case-b.json"):
        case = read_case_file(Path(resource_path("demo", name)))
        case_workbook(case, DEFAULT_POLICY, "zh")  # warm the imports and the catalogues
        measure(f"export {name} as .xlsx (zh)", lambda case=case: case_workbook(case, DEFAULT_POLICY, "zh"))
        measure(f"export {name} as .xlsx (en)", lambda case=case: case_workbook(case, DEFAULT_POLICY, "en"))
        data = case_workbook(case, DEFAULT_POLICY, "zh")
        measure(
            f"import the .xlsx of {name} ({len(data) // 1024} KiB)",
            lambda data=data: read_workbook(data, "case.xlsx"),
        )


if __name__ == "__main__":
    main()
