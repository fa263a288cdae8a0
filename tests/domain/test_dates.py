"""Dates as officers write them (``domain.dates.parse_date_text``): the forms read, the impossible refused."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.domain.dates import parse_date_text
from workbench.domain.errors import ValidationError

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-07", date(2026, 12, 7)),
        ("2026/12/7", date(2026, 12, 7)),
        ("2026.12.7", date(2026, 12, 7)),
        ("20261207", date(2026, 12, 7)),
        ("2026年12月7日", date(2026, 12, 7)),
        ("2026年12月7", date(2026, 12, 7)),
        ("２０２６／１２／７", date(2026, 12, 7)),
        (" 2026 - 12 - 07 ", date(2026, 12, 7)),
        ("12-7", date(2026, 12, 7)),
        ("3/15", date(2026, 3, 15)),
        ("12月7日", date(2026, 12, 7)),
        ("2024-02-29", date(2024, 2, 29)),
    ],
)
def test_the_forms_officers_write(text: str, expected: date) -> None:
    assert parse_date_text(text, TODAY) == expected


def test_a_month_and_day_alone_are_in_todays_year() -> None:
    assert parse_date_text("1-5", date(2027, 6, 1)) == date(2027, 1, 5)


@pytest.mark.parametrize(
    ("text", "reason", "params"),
    [
        ("2026-13-40", "no_such_month", {"month": 13, "value": "2026-13-40"}),
        ("2026-02-30", "no_such_day", {"year": 2026, "month": 2, "day": 30, "value": "2026-02-30"}),
        ("2025-02-29", "no_such_day", {"year": 2025, "month": 2, "day": 29, "value": "2025-02-29"}),
        ("20261340", "no_such_month", {"month": 13, "value": "20261340"}),
        ("0-7", "no_such_month", {"month": 0, "value": "0-7"}),
        ("12-32", "no_such_day", {"year": 2026, "month": 12, "day": 32, "value": "12-32"}),
        ("1899-12-31", "out_of_range", {"min": 1900, "max": 2100, "value": 1899}),
        ("yesterday", "unreadable_date", {"value": "yesterday"}),
        ("2026-12", "unreadable_date", {"value": "2026-12"}),
        ("2026127", "unreadable_date", {"value": "2026127"}),
    ],
)
def test_impossible_or_unreadable_dates_are_refused_with_the_reason(
    text: str, reason: str, params: dict[str, object]
) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_date_text(text, TODAY, "dates.applied_on")
    assert caught.value.reason == reason
    assert caught.value.params == params
    assert caught.value.field == "dates.applied_on"
