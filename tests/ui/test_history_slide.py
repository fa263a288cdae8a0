"""The proposal's history on the committee's slides: counts, editors and swings readable on the
projector, the limit chart, and the history arriving after the window opened."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.domain.history_builders import fitted_history, fitted_versions
from tests.ui.test_presentation import cut_off, too_small
from workbench.domain.calc import compute_case
from workbench.domain.policy import DEFAULT_POLICY
from workbench.domain.proposal_history import proposal_history
from workbench.ui.presentation.slides import Chart, KeyFigures, Table, build_slides
from workbench.ui.presentation.window import PresentationWindow

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot

SIZES = ((1366, 768), (1920, 1080))
SHOTS = Path("/tmp/slides")


def test_the_history_follows_the_proposal() -> None:
    case = fitted_versions()[-1].case
    slides = build_slides(case, compute_case(case, DEFAULT_POLICY), fitted_history())
    keys = [s.key for s in slides]
    assert keys.index("history") == keys.index("proposal") + 1
    assert keys.index("history_chart") == keys.index("history") + 1
    table = next(b for b in slides[keys.index("history")].blocks if isinstance(b, Table))
    assert len(table.rows) <= 6
    assert table.rows[0] == ("月均销售额", "9", "刘敏 8 次、赵强 1 次", "+3.05%（v10→v11）")
    chart = next(b for b in slides[keys.index("history_chart")].blocks if isinstance(b, Chart))
    assert chart.kind == "history"
    assert "history" not in [s.key for s in build_slides(case, compute_case(case, DEFAULT_POLICY))]


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_history_slides_show_the_counts_and_fit(
    qtbot: QtBot, ui: Any, size: tuple[int, int], language: str
) -> None:
    from workbench.ui import i18n

    assert i18n.set_language(language) == language  # the ui fixture switches back to Chinese afterwards
    case = fitted_versions()[-1].case
    window = PresentationWindow(case, compute_case(case, DEFAULT_POLICY), size, history=fitted_history())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    SHOTS.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    keys = [s.key for s in window.slides]
    history_keys = [k for k in keys if k.startswith("history")]
    assert history_keys[0] == "history" and history_keys[-1] == "history_chart"
    for key in history_keys:
        window.go_to(keys.index(key))
        qtbot.wait(1)
        page = window.current_page()
        problems += [
            f"{key}: {label.text()!r}: {why}" for label in page.labels() if (why := cut_off(label, window))
        ]
        problems += [f"{key}: {why}" for why in too_small(page, window)]
        window.grab().save(str(SHOTS / f"history_{language}_{size[0]}x{size[1]}_{key}.png"))
    assert not problems, "\n".join(problems)
    window.go_to(keys.index("history"))
    texts = [label.text() for label in window.current_page().labels()]
    if language == "zh":
        assert "刘敏 8 次、赵强 1 次" in texts  # who changed the sales how often
        assert "疑似反复测算" in texts
    else:
        assert "刘敏: 8, 赵强: 1" in texts
        assert "Looks like fitting" in texts
        assert window.slides[keys.index("history")].title == "Proposal history"
    assert "13" in texts  # the saved versions
    lead = window.slides[keys.index("history")].lead
    assert isinstance(lead, KeyFigures)


def test_history_loaded_later_adds_its_slides(qtbot: QtBot, ui: Any) -> None:
    versions = fitted_versions()[:3]  # an honest start: one correction
    case = versions[-1].case
    window = PresentationWindow(case, compute_case(case, DEFAULT_POLICY), (1366, 768))
    qtbot.addWidget(window)
    before = window.count
    window.go_to(2)
    window.set_history(proposal_history(versions, DEFAULT_POLICY))
    assert window.count == before + 2
    assert window.index == 2
    page = window.pages[[s.key for s in window.slides].index("history")]
    texts = [label.text() for label in page.labels()]
    assert "未见异常" in texts
    assert "1" in texts  # the saves that changed a driving figure


def test_the_main_window_shows_a_stored_cases_history(
    qtbot: QtBot, make_window: Callable[..., Any], tmp_path: Path
) -> None:
    from tests.ui.committee_room import make_room, settle
    from workbench.ui.store_link import StoreLink

    room = make_room(tmp_path)  # case A submitted at version 2
    try:
        window = make_window(store_opener=lambda: StoreLink(room.services, room.officer))
        qtbot.waitUntil(lambda: window.persistence.store is not None, timeout=15000)
        window.open_stored(room.case_a)
        settle(qtbot)
        presentation = window.present()
        assert presentation is not None
        qtbot.waitUntil(lambda: presentation.history is not None, timeout=15000)
        keys = [s.key for s in presentation.slides]
        assert "history" in keys and "history_chart" in keys
        assert presentation.history.last_version == 2 and presentation.history.submitted
        presentation.close()
    finally:
        room.services.close()
