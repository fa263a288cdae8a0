"""What every survey section reads, and the small block helpers they share."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.domain.calc import CaseResults
from workbench.domain.case_file import CaseFile
from workbench.domain.proposal_history import ProposalHistory
from workbench.reports.document import Block, KeyValues, Para, Section
from workbench.reports.texts import Tr


@dataclass(frozen=True, slots=True)
class SurveyContext:
    """The case, its results, the language, and whether the detail lists stay in the sections.

    ``details=False`` (the dossier) moves the detail lists, the 12-month table, the schedule and the
    projection to the appendices; the sections then say where to find them. ``history`` (a stored
    case's saved versions) adds the section 方案修改记录 after the conclusion.
    """

    case: CaseFile
    results: CaseResults
    lang: str
    details: bool = True
    history: ProposalHistory | None = None

    @property
    def tr(self) -> Tr:
        return Tr(self.lang)


def kv(*pairs: tuple[str, str], columns: int = 2, unit: str = "") -> KeyValues:
    """Label/value pairs, two pairs to a row; ``unit`` (金额单位：元) when there are amounts."""
    return KeyValues(tuple(pairs), columns, unit)


def para_if(title: str, value: str, tr: Tr) -> list[Block]:
    """A labelled paragraph, or nothing when the officer wrote nothing."""
    if not value.strip():
        return []
    return [Para(f"{title}{tr.colon}{value.strip()}")]


def paras_if(tr: Tr, *pairs: tuple[str, str]) -> list[Block]:
    """``para_if`` for each (title, value) pair, in order."""
    return [block for title, value in pairs for block in para_if(title, value, tr)]


def sub(title: str, blocks: list[Block]) -> Section:
    """A sub-section that is not listed in the contents."""
    return Section(title, tuple(blocks), in_contents=False)
