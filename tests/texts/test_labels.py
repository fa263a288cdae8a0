"""Every choice value of the case file has a Chinese label and its English, in one table."""

from __future__ import annotations

import dataclasses
import typing
from enum import Enum

from workbench.domain.balance_sheet import Scope
from workbench.domain.case_file import CaseFile, LoanClass
from workbench.domain.cross_checks import CheckMethod, Target
from workbench.domain.field_model import fields_of
from workbench.domain.parties import Education
from workbench.domain.readiness import Severity
from workbench.texts import gettext
from workbench.texts.labels import LABELS, enum_label


def _case_file_enums() -> set[type[Enum]]:
    enums: set[type[Enum]] = set()
    seen: set[type] = set()

    def walk(hint: object) -> None:
        if typing.get_origin(hint) is not None:
            for arg in typing.get_args(hint):
                walk(arg)
            return
        if not isinstance(hint, type):
            return
        if issubclass(hint, Enum):
            enums.add(hint)
        elif dataclasses.is_dataclass(hint) and hint not in seen:
            seen.add(hint)
            for f in fields_of(hint):
                walk(f.hint)
                for tagged in (f.tag_types or {}).values():
                    walk(tagged)

    walk(CaseFile)
    return enums


def test_the_walk_finds_the_case_file_enums() -> None:
    enums = _case_file_enums()
    assert {Scope, LoanClass, Education, CheckMethod} <= enums


def test_every_member_of_every_case_file_enum_has_both_labels() -> None:
    missing = []
    for enum in sorted(_case_file_enums() | {Target, Severity}, key=lambda e: e.__name__):
        for member in enum:
            key = (enum, str(member.value))
            zh = gettext(LABELS[key], "zh") if key in LABELS else ""
            en = gettext(LABELS[key], "en") if key in LABELS else ""
            if not zh.strip() or not en.strip() or zh == en:
                missing.append(f"{enum.__name__}.{member.name}")
    assert missing == []


def test_members_with_equal_values_keep_their_own_labels() -> None:
    assert Scope.BUSINESS == LoanClass.BUSINESS
    assert enum_label(Scope.BUSINESS, "zh") == "经营"
    assert enum_label(LoanClass.BUSINESS, "zh") == "经营类"
    assert enum_label(LoanClass.BUSINESS, "en") == "Business loan"


def test_unknown_members_fall_back_to_their_value() -> None:
    class Colour(Enum):
        RED = "red"

    assert enum_label(Colour.RED, "zh") == "red"
    assert enum_label(Education.UNIVERSITY, "fr") == "大学及以上"
