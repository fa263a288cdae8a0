"""Labels of the domain's enums and of the check-input fields, in the window's language.

Enum labels come from the catalogue's table (``workbench.texts.labels``), so the window, the
command line and the PDF say the same words, and so do the check-input field names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.domain.cross_checks import CheckMethod
from workbench.texts import capital
from workbench.texts.labels import CHECK_INPUT_LABELS
from workbench.texts.labels import CHECK_METHOD_LABELS as METHOD_LABELS
from workbench.texts.labels import enum_label as domain_label
from workbench.ui.i18n import lang

if TYPE_CHECKING:
    from enum import Enum


def enum_label(member: Enum) -> str:
    """The label of an enum member in the current language (its value if none is known).

    The words come from the catalogue's table (``workbench.texts.labels``), the same the printed
    reports use; check methods are shown with their code (``M2 推估法``).
    """
    if isinstance(member, CheckMethod):
        return f"{member.value} {METHOD_LABELS[member][lang()]}"
    return domain_label(member, lang())


def field_label(name: str) -> str:
    """The label of a check-input field (``documented`` → 凭证记录销售额); the name itself if unknown.

    The words come from the catalogue's table (``workbench.texts.labels.CHECK_INPUT_LABELS``), the
    same the printed check matrix uses.
    """
    language = lang()
    return capital(CHECK_INPUT_LABELS.text(name, language), language)
