"""A case file computed in the window under the credit policy it carries while no store is signed in to
(an officer at home with her bank's policy in the file), and written back with it."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import TYPE_CHECKING

from tests.store.helpers import demo
from workbench.domain.policy import DEFAULT_POLICY
from workbench.services.case_files import read_case_file_and_policy, write_case_file
from workbench.ui.document import CaseSource
from workbench.ui.persistence import CasePersistence

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from workbench.ui.main_window import MainWindow

BANK = dataclasses.replace(DEFAULT_POLICY, name="城商行经营贷", version=3, alpha=Decimal("0.70"))


def test_a_file_is_computed_and_saved_under_the_policy_it_carries(
    qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    path = tmp_path / "case-a.json"
    write_case_file(demo("a"), path, BANK)
    window = make_window()
    window.open_file(path)
    recalc = window.cases[-1].recalc
    qtbot.waitUntil(lambda: recalc.results is not None and not recalc.pending(), timeout=5000)
    assert recalc.policy == BANK and recalc.results is not None
    assert recalc.results.policy.name == "城商行经营贷" and recalc.results.sizing.alpha == Decimal("0.70")
    with qtbot.waitSignal(window.persistence.saved, timeout=5000):
        window.save()
    assert read_case_file_and_policy(path)[1] == BANK  # not replaced by the built-in policy


def test_once_signed_in_the_stores_policy_rules(qtbot: QtBot) -> None:
    persistence = CasePersistence()
    carried = CaseSource("file", "x.json", "", BANK)
    assert persistence.policy_for(carried) == BANK
    assert persistence.policy_for(CaseSource("file", "y.json")) == DEFAULT_POLICY
    persistence.store = object()  # type: ignore[assignment]  # any store: signed in
    store_policy = dataclasses.replace(DEFAULT_POLICY, version=7)
    persistence.policy = store_policy
    assert persistence.policy_for(carried) == store_policy
