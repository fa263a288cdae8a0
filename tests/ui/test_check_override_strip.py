"""复核认可 in the window: a reviewer records an override of a failing check under her sign-in name
(through the store), takes it back and restores it; an officer sees the strip greyed; the override
shows on the check, in its conclusion and in the readiness list."""

from __future__ import annotations

import dataclasses
import uuid
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtWidgets import QListWidget

from tests.store.helpers import add_user
from tests.ui.committee_room import Room, make_room
from workbench.domain.records import Role
from workbench.ui import i18n
from workbench.ui.case_io import open_demo
from workbench.ui.sections.override_strip import OverrideStrip
from workbench.ui.store_link import StoreLink

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from workbench.domain.records import User
    from workbench.ui.main_window import MainWindow

WAIT_MS = 15_000
REASON = "复核进货单据后认可该差异"


@pytest.fixture
def room(tmp_path: Path) -> Iterator[Room]:
    made = make_room(tmp_path)
    yield made
    made.services.close()


def _failing_case(room: Room) -> str:
    """Demo A with check C1 judged against 200 000 a month: δ +40.75 %, a FAIL."""
    case = open_demo("A")[0]
    checks = (dataclasses.replace(case.cross_checks[0], adopted=Decimal(200000)), *case.cross_checks[1:])
    case = dataclasses.replace(case, id=str(uuid.uuid4()), cross_checks=checks)
    return room.services.cases.create_case(case, room.officer).case.id


def _strip(
    qtbot: QtBot, make_window: Callable[..., MainWindow], room: Room, user: User, case_id: str
) -> tuple[Any, OverrideStrip]:
    """The stored case opened by ``user``, on its cross-checks page with C1 selected; its override strip."""
    window = make_window(store_opener=lambda: StoreLink(room.services, user))
    qtbot.waitUntil(lambda: window.persistence.store is not None, timeout=WAIT_MS)
    window.open_stored(case_id)
    qtbot.waitUntil(lambda: bool(window.cases), timeout=WAIT_MS)
    opened = window.cases[-1]
    page = opened.editor.show_section("cross_checks")
    assert page.select_check("C1")
    strip = page.findChild(OverrideStrip, "checkOverride")
    qtbot.waitUntil(lambda: strip.isVisible(), timeout=WAIT_MS)  # once the check's result is in
    return opened, strip


def _readiness(opened: Any) -> list[str]:
    opened.editor.show_section("readiness")
    issues = opened.editor.findChild(QListWidget, "readinessIssues")
    return [issues.item(i).text() for i in range(issues.count())]


def test_a_reviewer_records_takes_back_and_restores_an_override(
    qtbot: QtBot, make_window: Callable[..., MainWindow], room: Room
) -> None:
    reviewer = add_user(room.services.sessions, "shen", Role.REVIEWER)
    case_id = _failing_case(room)
    opened, strip = _strip(qtbot, make_window, room, reviewer, case_id)
    document = opened.document
    assert strip.record_button.isEnabled() and not strip.remove_button.isEnabled()
    assert strip.shown.text().startswith("尚无复核认可")
    strip.reason.setText(REASON)
    strip.record_button.click()
    qtbot.waitUntil(lambda: bool(document.state.notes.check_overrides), timeout=WAIT_MS)
    (override,) = document.state.notes.check_overrides
    assert (override.check, override.reviewer, override.reason) == (
        "C1",
        "Shen",
        REASON,
    )  # her name, not typed
    assert document.source.version == "2" and document.undo_stack.isClean()  # saved at once
    qtbot.waitUntil(lambda: strip.remove_button.isEnabled(), timeout=WAIT_MS)
    assert strip.shown.text() == f"Shen 已复核认可：{REASON}"
    page = opened.editor.page("cross_checks")
    qtbot.waitUntil(lambda: "（Shen 复核认可）" in page.table.model.index(0, 3).data(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: any("经 Shen 复核认可" in line for line in _readiness(opened)), timeout=WAIT_MS)

    opened.editor.show_section("cross_checks")
    strip.remove_button.click()
    qtbot.waitUntil(lambda: not document.state.notes.check_overrides, timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: strip.restore_button.isVisible() and strip.restore_button.isEnabled(), timeout=WAIT_MS
    )
    strip.restore_button.click()  # the undo of taking it back
    qtbot.waitUntil(lambda: bool(document.state.notes.check_overrides), timeout=WAIT_MS)
    assert document.state.notes.check_overrides[0].reason == REASON
    stored = room.services.cases.open_case(case_id, room.officer)
    assert stored.version == 4 and stored.case.notes.check_overrides[0].reviewer == "Shen"


def test_an_officer_sees_the_override_greyed_with_the_reason(
    qtbot: QtBot, make_window: Callable[..., MainWindow], room: Room
) -> None:
    case_id = _failing_case(room)
    _opened, strip = _strip(qtbot, make_window, room, room.officer, case_id)
    assert not strip.record_button.isEnabled() and not strip.reason.isEnabled()
    assert strip.record_button.toolTip() == "只有审查员可以记录或撤销复核认可。"


def test_the_strip_speaks_english(qtbot: QtBot, make_window: Callable[..., MainWindow], room: Room) -> None:
    i18n.set_language("en")
    try:
        case_id = _failing_case(room)
        _opened, strip = _strip(qtbot, make_window, room, room.officer, case_id)
        assert strip.title() == "Reviewer's override"
        assert strip.record_button.text() == "Record override"
        assert strip.record_button.toolTip() == "Only a reviewer can record or take back an override."
    finally:
        i18n.set_language("zh")


def test_the_committees_slides_name_the_reviewer_and_the_reason(ui: object) -> None:
    from workbench.domain.calc import compute_case
    from workbench.domain.case_file import CheckOverride
    from workbench.domain.policy import DEFAULT_POLICY
    from workbench.ui.presentation.slides import cross_check_slides, readiness_flags

    case = open_demo("A")[0]
    checks = (dataclasses.replace(case.cross_checks[0], adopted=Decimal(200000)), *case.cross_checks[1:])
    override = CheckOverride(check="C1", reviewer="赵强", reason=REASON)
    notes = dataclasses.replace(case.notes, check_overrides=(override,))
    results = compute_case(dataclasses.replace(case, cross_checks=checks, notes=notes), DEFAULT_POLICY)
    rows = [
        row
        for slide in cross_check_slides(results)
        for block in slide.blocks
        for row in getattr(block, "rows", ())
    ]
    assert any(row[0] == "C1" and row[-1].endswith("（赵强 复核认可）") for row in rows)
    flags = readiness_flags(results)
    assert any(f"经 赵强 复核认可：{REASON}" in line for _blocking, line in flags.lines)
