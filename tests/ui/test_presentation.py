"""Presentation mode: slides built from cases A and B, nothing cut off, keys, the what-if amendment."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QWidget

from workbench.domain.calc import compute_case
from workbench.domain.committee import Terms
from workbench.domain.policy import DEFAULT_POLICY
from workbench.domain.status import Status
from workbench.ui.case_io import open_demo
from workbench.ui.presentation.presenter import PresenterView, clock_text
from workbench.ui.presentation.slides import Chart, Table, WhatIf, build_slides
from workbench.ui.presentation.theme import theme_for
from workbench.ui.presentation.window import PresentationWindow

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot

SIZES = ((1024, 768), (1920, 1080))
SHOTS = Path("/tmp/slides")


@pytest.fixture
def make_presentation(qtbot: QtBot, ui: Any) -> Callable[..., PresentationWindow]:
    def make(name: str = "A", size: tuple[int, int] = (1920, 1080)) -> PresentationWindow:
        case, _source = open_demo(name)
        window = PresentationWindow(case, compute_case(case, DEFAULT_POLICY), size)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


def cut_off(label: QLabel, window: QWidget) -> str:
    """Why ``label`` does not show its whole text ("" when it does)."""
    text = label.text()
    if not text or not label.isVisible():
        return ""
    rect = label.contentsRect()
    metrics = QFontMetrics(label.font())
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + 1:
            return f"wrapped height {needed} > {label.height()}"
        # an unbreakable Latin run (a long number or word) must still fit the width; CJK breaks anywhere
        longest = max((metrics.horizontalAdvance(w) for w in text.split() if w.isascii()), default=0)
        if longest > rect.width():
            return f"word {longest} > {rect.width()}"
    else:
        for line in text.split("\n"):
            if metrics.horizontalAdvance(line) > rect.width() + 1:
                return f"line {metrics.horizontalAdvance(line)} > {rect.width()}"
        if metrics.boundingRect(0, 0, 10_000, 10_000, 0, text).height() > rect.height() + 1:
            return "height"
    top_left = label.mapTo(window, QPoint(0, 0))
    if top_left.x() < 0 or top_left.y() < 0:
        return "outside the slide"
    if (
        top_left.x() + label.width() > window.width() + 1
        or top_left.y() + label.height() > window.height() + 1
    ):
        return f"outside the slide at {top_left.x()},{top_left.y()} {label.width()}x{label.height()}"
    return ""


def too_small(page: Any, window: PresentationWindow) -> list[str]:
    """Text on ``page`` smaller than the back row can read: body under 1/30 of the screen height,
    headline figures under 1.5 × body, chart text under 1/30 (the page number may be smaller)."""
    from matplotlib.text import Text

    height, body = window.height(), window.theme.base_px
    problems = []
    for label in page.labels():
        px = label.font().pixelSize()
        if label.objectName() == "pageNumber" or not label.text():
            continue
        if px < height / 30:
            problems.append(f"{label.text()[:20]!r} {px}px < {height}/30")
        if label.objectName() == "keyValue" and px < 1.5 * body:
            problems.append(f"headline {label.text()!r} {px}px < 1.5 × {body}px")
    for chart in page.charts:
        for text in chart.figure.findobj(Text):
            px = text.get_fontsize() * chart.figure.dpi / 72
            if text.get_text() and text.get_visible() and px < height / 30 - 0.5:
                problems.append(f"chart text {text.get_text()[:20]!r} {px:.1f}px < {height}/30")
    return problems


def test_slides_are_built_from_the_case() -> None:
    for name in ("A", "B"):
        case, _source = open_demo(name)
        slides = build_slides(case, compute_case(case, DEFAULT_POLICY))
        keys = [s.key for s in slides]
        assert keys[0] == "summary" and keys[-1] == "decision"
        for key in (
            "business",
            "balance_assets",
            "income",
            "seasonal",
            "equity",
            "deviations",
            "checks_1",
            "capacity",
            "projection",
        ):
            assert key in keys
        assert "soft" in keys or "risks" in keys  # the matrix (A) or the placeholder for none (B)
        assert any(isinstance(b, WhatIf) for s in slides for b in s.blocks)
        assert {b.kind for s in slides for b in s.blocks if isinstance(b, Chart)} == {
            "monthly",
            "projection",
            "deviation",
        }
        for slide in slides:
            for block in slide.blocks:
                if isinstance(block, Table):
                    assert len(block.rows) <= 6, slide.key  # long tables are split, not shrunk
    case, _source = open_demo("A")
    summary = build_slides(case, compute_case(case, DEFAULT_POLICY))[0]
    assert "4,920.00" in str(summary.blocks) and "45,000.00" in str(summary.lead)
    assert "3,897.85" in str(summary.lead) and summary.lead.items[2].status is Status.OK  # α rule passed
    assert "3月、7月、8月、11月" in str(summary.footer) and summary.title == "决策摘要 · 王丽华"


def test_theme_is_large_at_both_sizes() -> None:
    assert theme_for(1920, 1080).base_px >= 28
    assert theme_for(1024, 768).base_px >= 20


@pytest.mark.parametrize("name", ["A", "B"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_slide_fits_without_cut_off_labels(
    make_presentation: Callable[..., PresentationWindow], qtbot: QtBot, name: str, size: tuple[int, int]
) -> None:
    window = make_presentation(name, size)
    assert (window.width(), window.height()) == size
    if name == "A":
        SHOTS.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    for index in range(window.count):
        window.go_to(index)
        qtbot.wait(1)
        page = window.current_page()
        assert page.isVisible()
        for label in page.labels():
            why = cut_off(label, window)
            if why:
                problems.append(f"slide {index + 1} {window.slides[index].key}: {label.text()!r}: {why}")
        problems += [f"slide {index + 1} {page.slide.key}: {why}" for why in too_small(page, window)]
        if name == "A":
            window.grab().save(
                str(SHOTS / f"{name}_{size[0]}x{size[1]}_{index + 1:02d}_{page.slide.key}.png")
            )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", ["A", "B"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_english_slides_fit_too(
    make_presentation: Callable[..., PresentationWindow], qtbot: QtBot, name: str, size: tuple[int, int]
) -> None:
    from workbench.ui import i18n

    assert i18n.set_language("en") == "en"  # the ui fixture switches back to Chinese afterwards
    window = make_presentation(name, size)
    assert window.slides[2].title.startswith("Balance sheet")
    problems = []
    for index in range(window.count):
        window.go_to(index)
        qtbot.wait(1)
        page = window.current_page()
        problems += [
            f"{window.slides[index].key}: {label.text()!r}: {why}"
            for label in page.labels()
            if (why := cut_off(label, window))
        ]
        problems += [f"{page.slide.key}: {why}" for why in too_small(page, window)]
    assert not problems, "\n".join(problems)


def test_the_matrix_shows_superseded_checks_with_a_mark_not_only_a_colour() -> None:
    case, _source = open_demo("A")
    slides = build_slides(case, compute_case(case, DEFAULT_POLICY))
    rows = [(s, b) for s in slides if s.key.startswith("checks_") for b in s.blocks if isinstance(b, Table)]
    assert [len(t.rows) for _s, t in rows] == [4, 4, 3]  # 11 checks: split evenly over three slides
    table = rows[0][1]
    c4a = next(i for i, r in enumerate(table.rows) if r[0] == "C4a")
    assert table.rows[c4a][-1] == "○ 已被 C4b 取代" and c4a in table.superseded
    assert table.statuses[c4a] is None  # greyed, not in a status colour
    assert table.rows[0][-1] == "✓ 通过"
    legend = rows[0][0].footer
    assert any(
        "○ 已取代（不计入）" in str(b) and "▲ 需说明" in str(b) and "✗ 不通过" in str(b) for b in legend
    )
    assert "C4a：" in rows[0][0].notes  # the officer's explanation, on the slide and in the notes
    case_b, _source = open_demo("B")
    b_rows = [
        b
        for s in build_slides(case_b, compute_case(case_b, DEFAULT_POLICY))
        for b in s.blocks
        if isinstance(b, Table)
    ]
    assert any(r[-1] == "▲ 需说明" for t in b_rows for r in t.rows)  # B5


def test_superseded_checks_are_greyed_on_the_slide(
    make_presentation: Callable[..., PresentationWindow], qtbot: QtBot
) -> None:
    window = make_presentation("A", (1024, 768))
    window.go_to([s.key for s in window.slides].index("checks_1"))
    labels = {label.text(): label for label in window.current_page().labels()}
    superseded = labels["○ 已被 C4b 取代"]
    assert superseded.objectName() == "tableSuperseded" and labels["C4a"].objectName() == "tableSuperseded"
    grey = superseded.palette().color(superseded.foregroundRole()).name()
    ok = labels["C1"]
    assert grey.lower() == "#6b6b6b" and ok.palette().color(ok.foregroundRole()).name() == "#111111"


def test_keyboard_navigation(make_presentation: Callable[..., PresentationWindow], qtbot: QtBot) -> None:
    window = make_presentation("A", (1024, 768))
    window.setFocus()
    with qtbot.waitSignal(window.slide_changed) as changed:
        qtbot.keyClick(window, Qt.Key.Key_Right)
    assert changed.args == [1] and window.index == 1
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert window.index == 2
    qtbot.keyClick(window, Qt.Key.Key_Left)
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    assert window.index == 0
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert window.index == 0  # clamped
    qtbot.keyClick(window, Qt.Key.Key_End)
    assert window.index == window.count - 1
    qtbot.keyClick(window, Qt.Key.Key_Home)
    assert window.index == 0
    qtbot.keyClicks(window, "14")  # case A's eleven checks take three matrix slides
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert window.index == 13 and window.slides[13].key == "capacity"
    qtbot.keyClicks(window, "99")
    qtbot.keyClick(window, Qt.Key.Key_Enter)
    assert window.index == window.count - 1
    with qtbot.waitSignal(window.blanked) as blanked:
        qtbot.keyClick(window, Qt.Key.Key_B)
    assert blanked.args == [True] and window.is_blank
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert not window.is_blank and window.stack.currentWidget() is window.current_page()
    with qtbot.waitSignal(window.blanked) as blanked:
        qtbot.keyClick(window, Qt.Key.Key_W)  # white, for writing on the board beside the screen
    assert blanked.args == [True] and window.stack.currentWidget() is window.white
    qtbot.keyClick(window, Qt.Key.Key_B)  # from white straight to black
    assert window.stack.currentWidget() is window.blank
    qtbot.keyClick(window, Qt.Key.Key_Right)  # a page key shows the next slide
    assert not window.is_blank and window.index == window.count - 1
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    assert window.index == window.count - 2
    with qtbot.waitSignal(window.swap_requested):
        qtbot.keyClick(window, Qt.Key.Key_S)
    with qtbot.waitSignal(window.closed):
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_presenter_view_follows_the_slides(
    make_presentation: Callable[..., PresentationWindow], qtbot: QtBot
) -> None:
    window = make_presentation("A", (1024, 768))
    presenter = PresenterView(window)
    qtbot.addWidget(presenter)
    presenter.resize(1280, 800)
    presenter.show()
    assert presenter.current.text() == window.slides[0].title
    assert presenter.next.text() == window.slides[1].title
    qtbot.waitUntil(lambda: not presenter.next_preview.pixmap().isNull())
    assert presenter.next_preview.pixmap().width() == 384  # a small render of the next slide
    assert "45,000" in presenter.notes.text()  # the officer's conclusion
    assert "可提交审贷会" in presenter.flags.text()
    assert presenter.overview.count() == window.count  # every slide, to jump to
    assert presenter.overview.item(4).text() == f"5. {window.slides[4].title}"
    item = presenter.overview.item(6)
    qtbot.mouseClick(
        presenter.overview.viewport(),
        Qt.MouseButton.LeftButton,
        pos=presenter.overview.visualItemRect(item).center(),
    )
    assert window.index == 6 and presenter.current.text() == window.slides[6].title
    window.go_to(2)
    assert presenter.overview.currentRow() == 2  # the list follows the slides
    qtbot.keyClick(presenter, Qt.Key.Key_End)  # the presenter's keys drive the slides too
    assert window.index == window.count - 1
    assert presenter.current.text() == window.slides[-1].title
    assert "7 天内" in presenter.notes.text()
    panel = window.what_if
    assert panel is not None
    panel.amount.setValue(50000)
    assert "50,000.00" in presenter.amendment.text()
    qtbot.wait(1)
    problems = [
        f"{label.text()!r}: {why}"
        for label in presenter.findChildren(QLabel)
        if (why := cut_off(label, presenter))
    ]
    assert not problems, problems  # the laptop's view shows all its text too
    presenter.update_clock()
    minutes, seconds = presenter.timer_label.text().split(":")
    assert len(minutes) == len(seconds) == 2 and int(seconds) < 60
    assert clock_text(75_000) == "01:15" and clock_text(3_725_000) == "62:05"
    window.close()
    assert not presenter.isVisible()


def test_what_if_records_an_amendment_and_leaves_the_case_alone(
    make_presentation: Callable[..., PresentationWindow], qtbot: QtBot
) -> None:
    window = make_presentation("A", (1024, 768))
    case_before = window.case
    request_before = case_before.request
    panel = window.what_if
    assert panel is not None
    assert panel.ratio.text() == "79.22%" and "在还款能力以内" in panel.verdict.text()
    with qtbot.waitSignal(window.amendment_changed) as amended:
        panel.amount.setValue(60000)
    terms = amended.args[0]
    assert isinstance(terms, Terms) and terms.amount == Decimal(60000)
    assert "超出还款能力" in panel.verdict.text()
    assert panel.evaluation is not None and panel.evaluation.ratio is not None
    assert panel.evaluation.ratio > Decimal("0.8") and not panel.evaluation.within_capacity
    assert panel.ratio.text() == "105.63%" and panel.instalment.text() == "5,197.14"
    with qtbot.waitSignal(panel.amendment_changed) as amended:
        panel.amount.setValue(45000)
    assert panel.ratio.text() == "79.22%" and amended.args[0].amount == Decimal(45000)
    assert "在还款能力以内" in panel.verdict.text()
    with qtbot.waitSignal(panel.amendment_changed) as amended:
        panel.term.setValue(18)
    assert amended.args[0].term_months == 18 and "共 18 期" in panel.schedule.text()
    index = panel.method.findData("equal-principal")
    with qtbot.waitSignal(panel.amendment_changed) as amended:
        panel.method.setCurrentIndex(index)
    assert amended.args[0].method.value == "equal-principal"
    decision = window.pages[-1].decision
    assert decision is not None and "45,000.00，18 个月" in decision.amendment.text()
    assert "等额本金" in decision.amendment.text()
    assert window.case is case_before and window.case.request is request_before
    assert window.case.request.amount == Decimal(60000)


def test_esc_in_a_what_if_field_returns_the_keys_to_the_slides(
    make_presentation: Callable[..., PresentationWindow], qtbot: QtBot
) -> None:
    window = make_presentation("A", (1024, 768))
    capacity = [s.key for s in window.slides].index("capacity")
    window.go_to(capacity)
    panel = window.what_if
    assert panel is not None
    panel.amount.setFocus()
    qtbot.keyClick(panel.amount, Qt.Key.Key_Escape)
    assert window.isVisible() and window.focusWidget() is window  # Esc left the field, not the slides
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.index == capacity + 1
    window.go_to(capacity)
    panel.term.setFocus()
    qtbot.keyClick(panel.term, Qt.Key.Key_PageDown)  # pages still turn from inside a field
    assert window.index == capacity + 1 and panel.term.value() == 12


def test_what_if_refuses_a_rate_above_the_maximum(
    make_presentation: Callable[..., PresentationWindow], qtbot: QtBot
) -> None:
    window = make_presentation("A", (1024, 768))
    panel = window.what_if
    assert panel is not None
    panel.rate.setValue(40)  # 40 ‰ a month is far above the legal maximum
    assert panel.ratio.text() == "—" and panel.verdict.text()


def test_main_window_presents_the_active_case(make_window: Callable[..., Any], qtbot: QtBot) -> None:
    window = make_window()
    action = window.actions_by_key["present"]
    assert {s.toString() for s in action.shortcuts()} >= {"F5", "Ctrl+P"}
    assert window.present() is None  # no case open: nothing to show
    window.open_demo("A")
    presentation = window.present()
    assert presentation is not None
    assert presentation.case.borrower.name == "王丽华"
    document = window.current().document
    before = document.state
    panel = presentation.what_if
    assert panel is not None
    panel.amount.setValue(60000)  # a committee amendment is not an edit of the officer's case
    assert document.state is before and document.undo_stack.count() == 0
    presentation.close()
    assert window.presentation is None


def test_the_fit_check_sees_a_cut_off_label(
    make_presentation: Callable[..., PresentationWindow], qtbot: QtBot
) -> None:
    window = make_presentation("A", (1024, 768))
    label = QLabel("1,440,000.00 月还款额占月可支比例", window.current_page())
    label.setGeometry(10, 100, 60, 20)
    label.show()
    assert cut_off(label, window).startswith("line")
    label.setWordWrap(True)
    assert cut_off(label, window).startswith("wrapped height")
    label.setGeometry(1000, 100, 600, 200)
    label.setWordWrap(False)
    assert cut_off(label, window).startswith("outside")


def test_long_chinese_texts_wrap_instead_of_being_cut(qtbot: QtBot, ui: Any) -> None:
    from dataclasses import replace

    case, _source = open_demo("A")
    assert case.business is not None
    long_name = "丽华便利店连锁经营有限公司城东分店第二营业部及其附属仓储配送中心" * 2
    case = replace(
        case,
        business=replace(
            case.business, name=long_name, main_activity="烟酒、饮料、休闲食品、日用品、粮油零售" * 4
        ),
        request=replace(case.request, purpose="中秋/国庆及春节前备货；第二台饮料冷柜及货架" * 5),
    )
    window = PresentationWindow(case, compute_case(case, DEFAULT_POLICY), (1024, 768))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    problems = []
    for index in range(window.count):
        window.go_to(index)
        qtbot.wait(1)
        for label in window.current_page().labels():
            why = cut_off(label, window)
            if why:
                problems.append(f"{window.slides[index].key}: {label.text()[:20]!r}: {why}")
    assert not problems, "\n".join(problems)


def _texts(page: Any) -> list[str]:
    return [label.text() for label in page.labels()]


def test_open_slides_follow_edits_in_the_main_window(make_window: Callable[..., Any], qtbot: QtBot) -> None:
    window = make_window()
    window.open_demo("A")
    presentation = window.present()
    assert presentation is not None
    document = window.current().document
    keys = [s.key for s in presentation.slides]
    presentation.go_to(keys.index("business"))
    page = presentation.current_page()
    facts = page.block_widgets()
    others = {p.slide.key: (p, p.builds) for p in presentation.pages if p is not page}
    panel = presentation.what_if
    assert panel is not None
    panel.amount.setValue(50000)  # the committee's amendment, before the officer's edit
    shown: list[int] = []
    presentation.slide_changed.connect(shown.append)

    document.set_field(("business", "employees"), 4)
    qtbot.waitUntil(lambda: presentation.updates == 1)
    assert presentation.current_page() is page and presentation.index == keys.index("business")
    assert page.block_widgets() == facts  # the headline figures changed, the facts kept their widget
    assert "4" in _texts(page) and shown == []  # no jump, no flash to another slide
    for p in presentation.pages:  # the other slides were left as they were
        assert p is page or (p is others[p.slide.key][0] and p.builds == others[p.slide.key][1])

    stock = document.state.balance_sheet.stock[0]
    document.set_field(("balance_sheet", "stock", 0, "unit_cost"), stock.unit_cost * 2)
    qtbot.waitUntil(lambda: presentation.updates == 2)
    assets = presentation.pages[keys.index("balance_assets")]
    assert assets.builds == 2 and money_in(assets, presentation.results.totals.business_assets)
    income = presentation.pages[keys.index("income")]
    assert income.builds == 1  # the statement did not change: the slide was left alone
    from workbench.reports.charts import deviation_bars

    chart = presentation.pages[keys.index("deviations")].charts[0]
    assert chart.data == deviation_bars(presentation.results, "zh")  # the hidden chart follows too
    presentation.go_to(keys.index("deviations"))
    qtbot.waitUntil(lambda: chart.blit_ready)
    deviations, builds, blits = presentation.current_page(), presentation.current_page().builds, chart.blits
    document.set_field(("balance_sheet", "stock", 0, "unit_cost"), stock.unit_cost * 3)
    qtbot.waitUntil(lambda: presentation.updates == 3)
    assert chart.blits == blits + 1 and deviations.builds == builds  # bars moved and blitted in place
    assert chart.data == deviation_bars(presentation.results, "zh")
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: presentation.updates == 4)
    presentation.go_to(keys.index("business"))
    assert presentation.what_if is panel and panel.amended
    assert panel.amount.value() == 50000  # the amendment stays as the committee set it
    assert presentation.current_page() is page

    document.undo_stack.undo()
    qtbot.waitUntil(lambda: presentation.updates == 5)
    assert money_in(assets, presentation.results.totals.business_assets)
    presentation.close()


def money_in(page: Any, value: Decimal) -> bool:
    from workbench.reports.formatting import money

    return money(value) in _texts(page)


def test_a_reload_or_a_new_check_reshapes_the_open_slides(
    make_window: Callable[..., Any], qtbot: QtBot
) -> None:
    from dataclasses import replace

    window = make_window()
    window.open_demo("A")
    presentation = window.present()
    assert presentation is not None
    presenter = window._presenter
    assert presenter is not None
    document = window.current().document
    capacity = [s.key for s in presentation.slides].index("capacity")
    presentation.go_to(capacity)
    count = presentation.count
    stored = replace(
        document.state,
        borrower=replace(document.state.borrower, name="王丽华（复核）"),
        cross_checks=document.state.cross_checks[:2],
    )
    presentation.toggle_blank()  # the screen is black while the case reloads
    document.replace(stored, frozenset({""}), "reload")
    qtbot.waitUntil(lambda: presentation.updates == 1)
    assert presentation.is_blank  # and stays black until the presenter shows the slide again
    presentation.toggle_blank()
    keys = [s.key for s in presentation.slides]
    assert (
        "checks_2" not in keys and presentation.count == count - 2
    )  # two checks: one matrix slide, not three
    assert presentation.slides[presentation.index].key == "capacity"  # still on the what-if
    assert presentation.stack.currentWidget() is presentation.current_page()
    assert [presentation.stack.widget(i) for i in range(presentation.count)] == presentation.pages
    assert any("王丽华（复核）" in t for t in _texts(presentation.pages[0]))
    assert presenter.overview.count() == presentation.count
    assert presenter.current.text() == presentation.slides[presentation.index].title
    assert presenter.position.text() == f"{presentation.index + 1} / {presentation.count}"
    presentation.close()


def test_a_block_of_another_module_renders_through_its_factory(qtbot: QtBot, ui: Any) -> None:
    from dataclasses import dataclass

    from workbench.ui.presentation import slide_widgets
    from workbench.ui.presentation.slides import Slide

    @dataclass(frozen=True, slots=True)
    class Votes:
        text: str

    made: list[str] = []

    def factory(block: Votes, _case: Any, _results: Any, _theme: Any) -> QLabel:
        made.append(block.text)
        return QLabel(block.text)

    slide_widgets.register_block(Votes, factory)
    try:
        case, _source = open_demo("A")
        results = compute_case(case, DEFAULT_POLICY)
        page = slide_widgets.SlideWidget(
            Slide("votes", "投票", (Votes("委员甲：同意"),)), 1, 1, case, results, theme_for(1024, 768)
        )
        qtbot.addWidget(page)
        assert "委员甲：同意" in _texts(page)
        page.refresh(Slide("votes", "投票", (Votes("委员甲：同意"),)), 1, 2, case, results)
        assert made == ["委员甲：同意"]  # an unchanged block is kept, not made again
        page.refresh(Slide("votes", "投票", (Votes("委员乙：否决"),)), 1, 2, case, results)
        assert made[-1] == "委员乙：否决" and "委员乙：否决" in _texts(page)
    finally:
        slide_widgets.BLOCK_FACTORIES.pop(Votes)
