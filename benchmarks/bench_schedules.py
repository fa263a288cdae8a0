"""Time building 360-month schedules (median and min of timeit repeats); prints figures, asserts nothing.

Run: ``python benchmarks/bench_schedules.py`` from the repository root.
"""

from __future__ import annotations

import statistics
import sys
import timeit
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workbench.domain.schedules import (
    Method,
    Rate,
    build_schedule,
    max_principal_annuity,
)

if TYPE_CHECKING:
    from collections.abc import Callable

PRINCIPAL = Decimal(300000)
RATE = Rate.from_annual_percent(Decimal("8.4"))
MONTHS = 360
REPEAT = 7
NUMBER = 20


def bench(label: str, stmt: Callable[[], object]) -> None:
    """Run ``stmt`` NUMBER times per repeat, REPEAT times, and print per-call median and min in ms."""
    times = timeit.repeat(stmt, repeat=REPEAT, number=NUMBER)
    per_call = [t / NUMBER * 1000 for t in times]
    print(f"{label:<42} median {statistics.median(per_call):8.3f} ms   min {min(per_call):8.3f} ms")


def main() -> None:
    print(f"Python {sys.version.split()[0]}; {REPEAT} repeats x {NUMBER} calls each")
    bench(
        "annuity, 360 months",
        lambda: build_schedule(PRINCIPAL, RATE, MONTHS, Method.ANNUITY),
    )
    bench(
        "equal principal, 360 months",
        lambda: build_schedule(PRINCIPAL, RATE, MONTHS, Method.EQUAL_PRINCIPAL),
    )
    weights = tuple(Decimal(1000 + 500 * (k % 12)) for k in range(MONTHS))
    bench(
        "seasonal, 360 months",
        lambda: build_schedule(PRINCIPAL, RATE, MONTHS, Method.SEASONAL, weights=weights),
    )
    bench(
        "max_principal_annuity, 360 months",
        lambda: max_principal_annuity(Decimal("12299.20"), RATE, MONTHS),
    )


if __name__ == "__main__":
    main()
