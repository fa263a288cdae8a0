"""Evidence items (证据 / 影像资料) that figures and checks point to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from workbench.domain.fields import LongText, Text


class EvidenceKind(StrEnum):
    PHOTO = "photo"
    DOCUMENT = "document"
    STATEMENT = "statement"
    OBSERVATION = "observation"
    INTERVIEW = "interview"


class SourcePerson(StrEnum):
    CLIENT = "client"
    SPOUSE = "spouse"
    EMPLOYEE = "employee"
    NEIGHBOUR = "neighbour"
    SUPPLIER = "supplier"
    CUSTOMER = "customer"
    OFFICER = "officer"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Evidence:
    """One photo, scan, statement export or note; ``sha256`` pins the file it stands for."""

    id: Text
    kind: EvidenceKind
    title: Text
    source: SourcePerson = SourcePerson.CLIENT
    taken_on: date | None = None
    file_name: Text = ""
    sha256: Text = ""
    note: LongText = ""
