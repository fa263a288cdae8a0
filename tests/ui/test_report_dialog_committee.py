"""The window's report dialog on a stored case the committee decided: the dossier carries the
decision and the minutes from the store; the minutes are that session's (real SQLite store)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from tests.reports.pdf_tools import text
from tests.services.test_report_committee import CONDITION, run_session
from workbench.services.reporting import ReportKind
from workbench.ui.dialogs.report_dialog import ReportDialog
from workbench.ui.document import CaseDocument, CaseSource

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from workbench.ui.store_link import StoreLink

SLOW = 60000  # ms to wait for the background job: generous, never asserted on


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[StoreLink]:
    from tests.ui.accounts import signed_link

    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / "data"))
    link = signed_link(f"sqlite:///{tmp_path / 'cases.sqlite3'}")
    yield link
    link.close()


def _export(qtbot: QtBot, store: StoreLink, case_id: str, kind: ReportKind, lang: str, target: Path) -> str:
    record = store.open(case_id)
    document = CaseDocument(record.case, CaseSource("store", case_id, str(record.version)))
    dialog = ReportDialog(document, store)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind.value))
    dialog.language.setCurrentIndex(dialog.language.findData(lang))
    dialog.output.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=SLOW):
        dialog.export_button.click()
    return "".join(text(target.read_bytes()).split())


def test_the_dialog_prints_the_stored_decision_in_the_dossier_and_the_sessions_minutes(
    ui: Any, qtbot: QtBot, store: StoreLink, tmp_path: Path
) -> None:
    decided = run_session(store.services, store.user)
    dossier = _export(qtbot, store, decided.case_a, ReportKind.DOSSIER, "zh", tmp_path / "a.pdf")
    assert "第三部分审贷会决议" in dossier and "第四部分审贷会纪要" in dossier
    assert "45,000.00" in dossier and CONDITION in dossier and "Wangwei" in dossier
    english = _export(qtbot, store, decided.case_a, ReportKind.DOSSIER, "en", tmp_path / "a-en.pdf")
    assert "Part3:Committeedecision" in english and "Unanimous,quorum3" in english
    undecided = _export(qtbot, store, decided.case_b, ReportKind.DOSSIER, "zh", tmp_path / "b.pdf")
    assert "第三部分审贷会决议" not in undecided and "尚未上会" in undecided
    minutes = _export(qtbot, store, decided.case_a, ReportKind.MINUTES, "en", tmp_path / "m.pdf")
    assert "三楼会议室" in minutes and "Chenzhuxi" in minutes and "holdsaveto" in minutes
