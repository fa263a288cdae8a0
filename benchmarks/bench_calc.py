"""Median time of a full recompute of worked cases A and B (goal ≤ 1 ms each).

Run: ``.venv/bin/python benchmarks/bench_calc.py``. Prints figures; asserts nothing.
A "full recompute" is what the window does after each edit: ``compute_case`` on an in-memory case
(statements, equity, every cross-check, sizing with its three schedules, projection, readiness).
"""

from __future__ import annotations

import statistics
import sys
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workbench.domain.calc import compute_case
from workbench.domain.cross_checks import Target
from workbench.domain.policy import DEFAULT_POLICY, CheckBand, CreditPolicy, Product
from workbench.domain.schedules import Method, Rate, build_schedule
from workbench.domain.settings import ToleranceBand
from workbench.paths import resource_path
from workbench.services.case_files import dumps_case, loads_case, read_case_file


def measure(label: str, fn: object, number: int = 200, repeat: int = 9) -> None:
    runs = timeit.repeat(fn, number=number, repeat=repeat)  # type: ignore[arg-type]
    per_call = [r / number * 1000 for r in runs]
    print(f"{label:<48} median {statistics.median(per_call):8.3f} ms   min {min(per_call):8.3f} ms")


def main() -> None:
    print(f"python {sys.version.split()[0]}; {len(list(Path('/proc').glob('[0-9]*')))} processes running")
    from decimal import Decimal

    # A bank's policy in play: several products (the case's picked by name), bands per kind of check.
    bank = CreditPolicy(
        name="bench",
        products=(
            Product(name="小额", max_amount=Decimal(50000)),
            Product(name="微贷·经营类"),
            Product(name="x"),
        ),
        check_tolerances=(CheckBand(Target.INVENTORY, ToleranceBand(Decimal("0.08"), Decimal("0.15"))),),
    )
    for name in ("case-a.json", "case-b.json"):
        case = read_case_file(Path(resource_path("demo", name)))
        text = dumps_case(case)
        measure(f"compute_case({name}, DEFAULT_POLICY)", lambda case=case: compute_case(case, DEFAULT_POLICY))
        measure(f"compute_case({name}, a bank's policy)", lambda case=case: compute_case(case, bank))
        measure(
            f"parse + validate + compute ({name})",
            lambda text=text: compute_case(loads_case(text), DEFAULT_POLICY),
            number=50,
        )
    rate = Rate.from_annual_percent(Decimal("8.4"))
    for method in (Method.ANNUITY, Method.EQUAL_PRINCIPAL):
        measure(
            f"360-month {method.value} schedule",
            lambda method=method: build_schedule(Decimal(300000), rate, 360, method),
            number=20,
        )


if __name__ == "__main__":
    main()
