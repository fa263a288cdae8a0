"""Check status from a signed deviation and a tolerance band."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.domain.settings import ToleranceBand


class Status(StrEnum):
    OK = "OK"
    EXPLAIN = "EXPLAIN"  # needs a written explanation (说明)
    FAIL = "FAIL"


def status_for(deviation: Decimal | None, band: ToleranceBand) -> Status:
    """|δ| ≤ ok → OK, ≤ explain → EXPLAIN, else FAIL; an undefined δ fails.

    The band is compared with |δ| rounded to 4 places (hundredths of a percent), the precision
    a deviation is shown with, so a displayed "5.00 %" never shows as EXPLAIN.
    """
    if deviation is None:
        return Status.FAIL
    if abs(deviation) > band.explain + Decimal("0.0001"):
        return Status.FAIL  # also keeps a huge δ away from quantize's precision limit
    size = abs(deviation).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    if size <= band.ok:
        return Status.OK
    if size <= band.explain:
        return Status.EXPLAIN
    return Status.FAIL
