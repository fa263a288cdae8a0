"""A stored value of the compare dialog, written the way the case window writes it.

``services.compare`` hands the audit's plain strings (``goods``, ``12500``, ``0.3``); the dialog reads
the value itself from the case version at the field's path and formats it by the field's declared
kind (``values.display_text``): enum labels in the current language, money with separators and two
decimals, shares as percentages, dates. Anything it cannot place (a whole row added or removed)
keeps the plain text. A field the file leaves out because it holds its default (``goods`` of a stock
line) reads as that default, not as absent.
"""

from __future__ import annotations

from dataclasses import is_dataclass
from typing import TYPE_CHECKING

from workbench.ui.labels import soft_factor_names, soft_option_names
from workbench.ui.paths import get_in, hint_at
from workbench.ui.values import display_text, kind_of

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.domain.case_file import CaseFile

ABSENT = "—"


def version_value_text(case: CaseFile | None, parts: tuple[str | int, ...], raw: str | None) -> str:
    """How the value at ``parts`` of ``case`` reads in the window; ``raw`` if it cannot be placed."""
    fallback = ABSENT if raw is None else raw
    names = _KEYED_TEXTS.get(tuple(p for p in parts if isinstance(p, str)))
    if names is not None:  # a stored key: the audit's text is the key itself
        return fallback if raw is None else names().get(raw, raw)
    if case is None:
        return fallback
    try:
        value = get_in(case, parts)
        hint = hint_at(case, parts)
    except (KeyError, AttributeError, TypeError, IndexError, ValueError):
        return fallback  # not in this version (a row only the other has), or named otherwise
    if value is None or is_dataclass(value) or isinstance(value, tuple | list | dict):
        return fallback
    return display_text(value, kind_of(hint)) or fallback


# Text fields that store a key, shown by its label as the case window's tables show it.
_KEYED_TEXTS: dict[tuple[str, ...], Callable[[], dict[str, str]]] = {
    ("soft_info", "matrix", "factor"): soft_factor_names,
    ("soft_info", "matrix", "option"): soft_option_names,
}
