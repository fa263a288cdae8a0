"""Small helpers shared by the builders: section and appendix numbers, rates, months, sums."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.domain.loan_request import RateKind
from workbench.domain.money import ZERO
from workbench.reports.formatting import DASH, number, per_mille
from workbench.texts import N_, gettext, text
from workbench.texts.labels import MONTH_NAMES, SCHEDULE_METHOD_LABELS

if TYPE_CHECKING:
    from collections.abc import Iterable
    from decimal import Decimal

    from workbench.domain.loan_request import RateQuote
    from workbench.domain.schedules import Method, Rate
    from workbench.reports.texts import Tr

_ZH_NUMBERS = "一二三四五六七八九十"


def section_number(index: int, lang: str) -> str:
    """``一、`` … ``十四、`` in Chinese, ``1. `` … in English (1-based)."""
    if lang == "en":
        return f"{index}. "
    if index <= 10:
        return f"{_ZH_NUMBERS[index - 1]}、"
    tens, ones = divmod(index, 10)
    head = "" if tens == 1 else _ZH_NUMBERS[tens - 1]
    return f"{head}十{_ZH_NUMBERS[ones - 1] if ones else ''}、"


def appendix_number(index: int, lang: str) -> str:
    """``附录 A`` / ``Appendix A`` (1-based)."""
    letter = chr(ord("A") + index - 1)
    return text(N_("附录 {letter}　"), lang, letter=letter)


def method_name(method: Method | None, lang: str) -> str:
    """Name of a repayment method."""
    return DASH if method is None else SCHEDULE_METHOD_LABELS[method][lang]


def rate_text(quote: RateQuote, rate: Rate, tr: Tr) -> str:
    """``7.20%（月息 6‰）`` — the annual rate, with the monthly per-mille the officer quoted."""
    annual = number(rate.annual_percent, 2) + "%"
    permille = per_mille(rate.monthly_permille)
    if quote.kind is RateKind.MONTHLY_PERMILLE:
        return tr(N_("年利率 {annual}（月息 {permille}）"), annual=annual, permille=permille)
    return tr(N_("年利率 {annual}（折合月息 {permille}）"), annual=annual, permille=permille)


def yes_no(value: bool, tr: Tr) -> str:
    return tr(N_("是")) if value else tr(N_("否"))


def months_label(month: int, lang: str) -> str:
    """``1月`` / ``Jan``."""
    return gettext(MONTH_NAMES[month - 1], lang)


def total(values: Iterable[Decimal]) -> Decimal:
    """Exact sum of amounts (0 for none)."""
    return sum(values, ZERO)
