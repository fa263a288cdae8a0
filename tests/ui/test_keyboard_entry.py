"""Demo case A typed into a new case by key events alone reaches the worked figures.

``keyboard_entry`` walks the sections in Tab order and types each value the demo file holds, the
cross-checks through the add-check dialog and the evidence in its tab; no mouse, no ``setData``, no
call into the document. The typed case must then equal the demo case (row ids aside, as every
inserted row gets a fresh one, and the checks numbered by the window) and give the figures
``workbench calc`` prints for the file: equity deviation −3.11 %, proposal 45,000.00, instalment
3,897.85, and every cross-check's result.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel

from tests.ui.keyboard_entry import enter_case
from workbench.domain.calc import compute_case
from workbench.domain.codec import case_to_document
from workbench.domain.policy import DEFAULT_POLICY
from workbench.domain.status import Status
from workbench.ui.case_io import open_demo

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot

    from workbench.domain.case_file import CaseFile


def leaves(value: Any, path: str = "") -> dict[str, Any]:
    """Every value of a case document by its path, row ids left out, numbers compared as numbers."""
    if isinstance(value, dict):
        items = [(f"{path}.{key}", item) for key, item in value.items() if key != "id"]
        return {k: v for where, item in items for k, v in leaves(item, where).items()}
    if isinstance(value, list):
        return {k: v for i, item in enumerate(value) for k, v in leaves(item, f"{path}[{i}]").items()}
    try:
        return {path: Decimal(value) if isinstance(value, str) else value}
    except InvalidOperation:
        return {path: value}


def test_demo_case_a_typed_by_keys_alone_reaches_the_worked_figures(
    qtbot: QtBot, make_window: Callable[..., Any]
) -> None:
    target: CaseFile = open_demo("A")[0]
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    editor = window.new_case()
    entry = enter_case(editor, target, lambda done: qtbot.waitUntil(done, timeout=3000))
    assert entry.skipped == []
    typed = editor.document.state

    # The window numbers the checks it adds C1, C2 … (the demo file has C4a and C4b): the demo case
    # with the window's ids is what the keys must give, supersession included.
    ids = {mine.id: check.id for mine, check in zip(target.cross_checks, typed.cross_checks, strict=True)}
    target = dataclasses.replace(
        target,
        cross_checks=tuple(
            dataclasses.replace(c, id=ids[c.id], supersedes=ids.get(c.supersedes, c.supersedes))
            for c in target.cross_checks
        ),
    )
    expected, got = case_to_document(target), case_to_document(typed)
    typed_leaves, demo_leaves = leaves(got["case"]), leaves(expected["case"])
    paths = typed_leaves.keys() | demo_leaves.keys()
    wrong = sorted((k, (typed_leaves.get(k), demo_leaves.get(k))) for k in paths)
    wrong = [(k, (a, b)) for k, (a, b) in wrong if a != b]
    assert wrong == [], "\n".join(f"{k}: typed {a!r}, demo {b!r}" for k, (a, b) in wrong)

    qtbot.waitUntil(lambda: not editor.recalc.pending(), timeout=3000)
    mine, worked = (
        compute_case(typed, DEFAULT_POLICY),
        compute_case(target, DEFAULT_POLICY),
    )  # what `workbench calc` prints for the file
    for part in ("totals", "statement", "ratios", "figures", "equity", "sizing", "checks"):
        assert getattr(mine, part) == getattr(worked, part), part
    # the worked figures of tests/domain/test_worked_cases.py, under the window's ids (C4a is C4 …)
    checks = {r.id: r for r in mine.checks}
    worked_checks = [
        ("C1", "118500.00", "1.25", Status.OK),
        ("C2", "123428.57", "-2.86", Status.OK),
        ("C3", "119075.83", "0.77", Status.OK),
        ("C4", "128395.06", "-7.00", Status.EXPLAIN),
        ("C5", "120370.37", "-0.31", Status.OK),
        ("C6", "1400000.00", "2.78", Status.OK),
    ]
    for check, value, percent, status in worked_checks:
        result = checks[check]
        assert result.check_value is not None and result.deviation is not None, check
        assert result.check_value.quantize(Decimal("0.01")) == Decimal(value), check
        assert (result.deviation * 100).quantize(Decimal("0.01")) == Decimal(percent), check
        assert result.status is status, check
    assert checks["C4"].superseded_by == "C5" and checks["C4"].explained
    assert editor.show_section("equity").findChild(QLabel, "figure:deviation").text() == "−3.11%"
    capacity = editor.show_section("capacity")
    assert capacity.findChild(QLabel, "figure:proposal").text() == "45,000.00"
    assert capacity.findChild(QLabel, "figure:instalment").text() == "3,897.85"
    assert entry.keyboard.values > 200
    # issue #14's goal: at most one navigation key (Tab, Enter, a shortcut, a key tip) per value typed
    assert entry.keyboard.navigation_keys <= entry.keyboard.values, entry.keyboard.navigation
