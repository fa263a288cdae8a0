"""The key-figure strip: above every section, the figures of the current results, updated live by the
one recompute each edit already causes; a click shows the figure's section."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt

from workbench.domain.calc import compute_case
from workbench.domain.formatting import deviation, percent
from workbench.domain.policy import DEFAULT_POLICY
from workbench.domain.readiness import Severity
from workbench.ui.values import money_text
from workbench.ui.widgets.case_editor import SECTION_KEYS

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot

    from workbench.ui.widgets.case_editor import CaseEditor

COST = ("balance_sheet", "stock", 0, "unit_cost")


def test_the_strip_shows_case_a_figures_above_every_section(
    qtbot: QtBot, make_editor: Callable[..., CaseEditor]
) -> None:
    editor = make_editor("A")
    strip = editor.key_figures
    results = compute_case(editor.document.state, DEFAULT_POLICY)  # the domain's own figures, computed afresh
    z = results.sizing
    assert strip.text("md_avg") == money_text(z.md_avg)
    assert strip.text("ceiling") == f"{money_text(z.a_max)} (α {percent(z.alpha, 0)})"
    assert strip.text("instalment") == f"{money_text(z.instalment)} ({percent(z.ratio, 0)})"
    assert results.equity is not None
    assert strip.text("equity") == deviation(results.equity.current.deviation)
    blocking = sum(1 for i in results.issues if i.severity is Severity.BLOCKING)
    assert strip.text("readiness") == (f"{blocking} 项阻碍" if blocking else "可提交")
    assert strip.figures["md_avg"].value.font().bold()
    for key in SECTION_KEYS:
        page = editor.show_section(key)
        assert strip.isVisible()
        top_of_page = page.mapTo(editor, QPoint(0, 0)).y()
        assert strip.mapTo(editor, QPoint(0, strip.height())).y() <= top_of_page


def test_an_edit_updates_the_strip_with_the_one_recompute_it_causes(
    qtbot: QtBot, make_editor: Callable[..., CaseEditor]
) -> None:
    editor = make_editor("A")
    strip, recalc = editor.key_figures, editor.recalc
    before = strip.text("equity")
    runs = recalc.runs
    editor.document.set_field(COST, Decimal(90000))  # far more stock: the equity no longer reconciles
    qtbot.waitUntil(lambda: recalc.runs > runs, timeout=2000)
    qtbot.wait(50)
    assert recalc.runs == runs + 1  # the strip asked for no recompute of its own
    expected = compute_case(editor.document.state, DEFAULT_POLICY)
    assert expected.equity is not None
    assert strip.text("equity") == deviation(expected.equity.current.deviation) != before
    assert strip.figures["equity"].value.styleSheet() != ""  # coloured by its status


def test_a_click_on_a_figure_shows_its_section_and_english_reads_english(
    qtbot: QtBot, make_editor: Callable[..., CaseEditor], ui: Any
) -> None:
    editor = make_editor("A")
    qtbot.mouseClick(editor.key_figures.figures["equity"], Qt.MouseButton.LeftButton)
    assert editor.current_section() == "equity"
    qtbot.mouseClick(editor.key_figures.figures["instalment"], Qt.MouseButton.LeftButton)
    assert editor.current_section() == "capacity"

    from workbench.ui import i18n

    i18n.set_language("en")
    english = make_editor("A")
    strip = english.key_figures
    assert strip.figures["md_avg"].caption.text() == "Disposable cash MD"
    assert strip.figures["readiness"].value.text() in {"Ready"} or "blocking" in strip.text("readiness")
