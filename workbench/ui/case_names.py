"""What the officer reads instead of internal identifiers: a store by its file or server and database,
a case by its applicant and number.

A store URL (``sqlite:////home/…/workbench.sqlite3``, ``postgresql+psycopg://…@host:5432/db``) and a
case's UUID are for the machine and for support; the window's title, status bar, messages and
dialogs name the store and the case the way she knows them.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from workbench.ui.i18n import lang, tr

if TYPE_CHECKING:
    from collections.abc import Mapping

    from workbench.domain.case_file import CaseFile

UUID_TEXT = re.compile(r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")
_DEFAULT_PORTS = {"postgresql": 5432}


def store_name(url: str) -> str:
    """A store as a person names it: a SQLite store's file name, a server's ``host/database``."""
    if url.startswith("sqlite:"):
        path = url.split(":///", 1)[1] if ":///" in url else ""
        return PurePosixPath(path).name or tr("内存中的案件库")
    parts = urlsplit(url)
    database = unquote(parts.path.lstrip("/"))
    host = parts.hostname or "localhost"
    scheme = parts.scheme.split("+", 1)[0]
    if parts.port is not None and parts.port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{parts.port}"
    return f"{host}/{database}" if database else host


def case_label(case: CaseFile) -> str:
    """A case as the officer knows it: its applicant (or business) and its number, if it has one."""
    name = case.borrower.name or (case.business.name if case.business else "")
    if name and case.case_number:
        return f"{name}（{case.case_number}）" if lang() == "zh" else f"{name} ({case.case_number})"
    return name or case.case_number or tr("新案件")


def without_ids(text: str, labels: Mapping[str, str]) -> str:
    """``text`` with every case UUID replaced by that case's label (from ``labels``, by id), or by
    "the case" when it is not known here."""
    return UUID_TEXT.sub(lambda m: labels.get(m.group(0).lower()) or tr("该案卷"), text)
