"""Dates as loan officers write them: ``2026-12-07``, ``2026/12/7``, ``20261207``, ``2026年12月7日``,
``12-7`` (this year).

One pure function for every date typed anywhere (form fields, table cells, pasted blocks). A text
that names no real day is refused with what is wrong (no month 13, no 30 February), never moved to a
neighbouring day as ``QDate`` arithmetic would.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from workbench.domain.errors import ValidationError

FIRST_YEAR = 1900
LAST_YEAR = 2100

_SEP = r"\s*[-/.]\s*"
_FULL = re.compile(rf"(\d{{4}})(?:{_SEP}|\s*年\s*)(\d{{1,2}})(?:{_SEP}|\s*月\s*)(\d{{1,2}})\s*日?")
_DIGITS = re.compile(r"(\d{4})(\d{2})(\d{2})")
_MONTH_DAY = re.compile(rf"(\d{{1,2}})(?:{_SEP}|\s*月\s*)(\d{{1,2}})\s*日?")


def parse_date_text(text: str, today: date, field: str = "") -> date:
    """The day ``text`` names; a month and day alone are in ``today``'s year.

    Full-width digits and separators (``２０２６／１２／７``) read as their ASCII forms.

    Raises:
        ValidationError: ``unreadable_date`` (not a date form), ``no_such_month``, ``no_such_day``,
            or ``out_of_range`` (a year outside 1900–2100).
    """
    typed = text.strip()
    plain = unicodedata.normalize("NFKC", typed)
    for form in (_FULL, _DIGITS):
        match = form.fullmatch(plain)
        if match:
            year, month, day = (int(g) for g in match.groups())
            return _day(year, month, day, typed, field)
    match = _MONTH_DAY.fullmatch(plain)
    if match:
        month, day = (int(g) for g in match.groups())
        return _day(today.year, month, day, typed, field)
    raise ValidationError(field, "unreadable_date", value=typed)


def _day(year: int, month: int, day: int, typed: str, field: str) -> date:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError(field, "out_of_range", min=FIRST_YEAR, max=LAST_YEAR, value=year)
    if not 1 <= month <= 12:
        raise ValidationError(field, "no_such_month", month=month, value=typed)
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError(field, "no_such_day", year=year, month=month, day=day, value=typed) from None
