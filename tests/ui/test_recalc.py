"""Recalculator: coalesced recomputes, domain errors shown, never raised into Qt."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from workbench.domain.loan_request import RateKind
from workbench.ui.models.factory import list_model

if TYPE_CHECKING:
    from collections.abc import Callable


def test_two_edits_in_one_event_loop_turn_give_one_recompute(
    make_document: Callable[..., Any], qtbot: Any
) -> None:
    document, recalc = make_document("A")
    model = list_model(document, ("balance_sheet", "stock"))
    cost = [c.field for c in model.columns].index("unit_cost")
    recalc.run()
    runs = recalc.runs
    with qtbot.waitSignal(recalc.results_ready, timeout=2000) as blocker:
        assert model.setData(model.index(0, cost), "29,000")
        assert model.setData(model.index(0, cost), "30,000")  # same cell: its own undo step
        assert model.setData(model.index(1, cost), "31,000")
    assert recalc.runs == runs + 1
    assert document.undo_stack.count() == 3
    assert blocker.args[0].totals.inventory == Decimal(30000 + 31000 + 17000 + 22000 + 8000)


def test_a_rate_above_the_maximum_is_reported_not_raised(
    make_document: Callable[..., Any], qtbot: Any
) -> None:
    document, recalc = make_document("A")
    good = recalc.run()
    messages: list[str] = []
    recalc.recalc_failed.connect(messages.append)
    document.set_field(("request", "rate", "kind"), RateKind.ANNUAL_PERCENT)
    document.set_field(("request", "rate", "value"), Decimal(48))
    qtbot.waitUntil(lambda: bool(messages), timeout=2000)
    assert "request.rate.value" in messages[0] and "36" in messages[0]
    assert recalc.results is good  # the last good results stay shown
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: messages[-1] == "", timeout=2000)
    assert recalc.error == ""
