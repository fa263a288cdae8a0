"""The monitoring column of a decision: a JSON list of measures, steps and typed text alike."""

from __future__ import annotations

import json
from datetime import date

from workbench.domain.committee import DEFAULT_MONITORING, MonitoringKind, MonitoringStep
from workbench.store.committee_repository import monitoring_from_text, monitoring_to_text


def test_measures_go_in_as_data_and_come_back_equal() -> None:
    plan = (
        MonitoringStep(MonitoringKind.FIRST, 7, date(2024, 7, 12)),
        MonitoringStep(MonitoringKind.REGULAR, None, date(2024, 8, 5), 12),
        MonitoringStep(MonitoringKind.REMINDER, 3),
        "每两周走访一次",
        '{"kind": "first"}',  # typed text that looks like data stays text
    )
    stored = monitoring_to_text(plan)
    assert json.loads(stored)[0] == {"days": 7, "due_on": "2024-07-12", "kind": "first"}
    assert json.loads(stored)[3] == {"text": "每两周走访一次"}
    assert monitoring_from_text(stored) == plan
    assert monitoring_from_text(monitoring_to_text(DEFAULT_MONITORING)) == DEFAULT_MONITORING
    assert monitoring_from_text(monitoring_to_text(())) == ()


def test_lines_of_text_that_were_never_converted_load_as_typed_measures() -> None:
    """0006 converts every stored row; a line-per-measure text still loads, word for word, unparsed."""
    assert monitoring_from_text("首次监控：放款后 7 天内\n每两周走访一次") == (
        "首次监控：放款后 7 天内",
        "每两周走访一次",
    )
    assert monitoring_from_text("") == ()
