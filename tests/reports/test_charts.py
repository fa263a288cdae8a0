"""The shared chart code: what the bars say, cheap updates, and Chinese that renders."""

from __future__ import annotations

import dataclasses
import io
import warnings
from pathlib import Path

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from workbench.domain.calc import CaseResults, compute_case
from workbench.domain.policy import DEFAULT_POLICY
from workbench.domain.status import Status
from workbench.paths import resource_path
from workbench.reports.charts import (
    EQUITY_KEY,
    STATUS_COLOURS,
    DeviationBar,
    deviation_bars,
    draw_deviation_chart,
    draw_monthly_chart,
    draw_projection_chart,
    percent_text,
    update_deviation_chart,
)
from workbench.services.case_files import read_case_file

BAND = DEFAULT_POLICY.flow_tolerance


@pytest.fixture(scope="module")
def case_a() -> CaseResults:
    return compute_case(read_case_file(Path(resource_path("demo", "case-a.json"))), DEFAULT_POLICY)


def test_bars_list_the_equity_check_first_then_every_check(case_a: CaseResults) -> None:
    bars = deviation_bars(case_a)
    assert [b.key for b in bars] == [
        EQUITY_KEY,
        "C1",
        "C2",
        "C3",
        "C4a",
        "C4b",
        "C5",
        "C6",
        "C7",
        "C8",
        "C9",
        "C10",
    ]
    assert bars[0].label == "权益检验" and bars[0].percent == pytest.approx(-3.107, abs=0.001)
    c4a = bars[4]
    assert c4a.superseded and c4a.status is Status.EXPLAIN and c4a.percent == pytest.approx(-7.0, abs=0.01)
    assert bars[7].in_range and bars[8].in_range
    assert deviation_bars(case_a, "en")[0].label == "Equity reconciliation"


def render(draw: object) -> tuple[Figure, list[str]]:
    fig = Figure(figsize=(7, 4))
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        draw(ax)  # type: ignore[operator]
        fig.savefig(io.BytesIO(), format="png")
    return fig, [str(w.message) for w in caught]


def test_deviation_chart_draws_chinese_without_missing_glyphs(case_a: CaseResults) -> None:
    fig, problems = render(lambda ax: draw_deviation_chart(ax, deviation_bars(case_a), BAND))
    assert not [p for p in problems if "Glyph" in p or "missing" in p], problems
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()][1] == "C1 推估法"
    texts = [t.get_text() for t in ax.texts]
    assert "−3.11%" in texts and "+1.25%" in texts and "在区间内" in texts


def test_bars_take_the_status_colour(case_a: CaseResults) -> None:
    fig = Figure()
    artists = draw_deviation_chart(fig.add_subplot(), deviation_bars(case_a), BAND)
    from matplotlib.colors import to_hex

    colours = [to_hex(p.get_facecolor()) for p in artists.bars.patches]
    assert colours[1] == STATUS_COLOURS[Status.OK].lower()
    assert colours[4] == STATUS_COLOURS[Status.EXPLAIN].lower()


def test_update_moves_bars_in_place_and_asks_for_a_redraw_when_the_set_changes(case_a: CaseResults) -> None:
    fig = Figure()
    bars = deviation_bars(case_a)
    artists = draw_deviation_chart(fig.add_subplot(), bars, BAND)
    moved = (dataclasses.replace(bars[0], percent=-9.0, status=Status.EXPLAIN), *bars[1:])
    assert update_deviation_chart(artists, moved)
    assert artists.bars.patches[0].get_width() == pytest.approx(-9.0)
    assert artists.labels[0].get_text() == "−9.00%"
    assert not update_deviation_chart(artists, bars[:-1])
    far = (dataclasses.replace(bars[0], percent=-250.0, status=Status.FAIL), *bars[1:])
    assert update_deviation_chart(artists, far)  # the scale is fixed: the bar stops at its edge
    assert artists.bars.patches[0].get_width() == pytest.approx(-20.0)
    assert artists.labels[0].get_text() == "−250.00%"


def test_an_undefined_deviation_is_labelled_not_drawn() -> None:
    fig = Figure()
    bar = DeviationBar("X", "X", None, Status.FAIL)
    artists = draw_deviation_chart(fig.add_subplot(), (bar,), BAND, "en")
    assert artists.bars.patches[0].get_width() == 0
    assert artists.labels[0].get_text() == "n/a"


@pytest.mark.parametrize("draw", [draw_monthly_chart, draw_projection_chart])
def test_monthly_and_projection_charts_render(case_a: CaseResults, draw: object) -> None:
    fig, problems = render(lambda ax: draw(ax, case_a))  # type: ignore[operator]
    assert not [p for p in problems if "Glyph" in p], problems
    assert fig.axes[0].get_title(loc="left")


@pytest.mark.parametrize("lowest_month", [0, 5, 11])
def test_projection_minimum_label_stays_inside_a_narrow_panel(case_a: CaseResults, lowest_month: int) -> None:
    projection = list(case_a.sizing.projection)
    dip = dataclasses.replace(projection[lowest_month], balance=min(m.balance for m in projection) - 1000)
    projection[lowest_month] = dip
    sizing = dataclasses.replace(case_a.sizing, projection=tuple(projection))
    results = dataclasses.replace(case_a, sizing=sizing)
    fig = Figure(figsize=(3.2, 3))
    canvas = FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    draw_projection_chart(ax, results)
    fig.tight_layout()
    canvas.draw()
    (label,) = [t for t in ax.texts if t.get_text().startswith("最低")]
    box = label.get_window_extent(canvas.get_renderer())
    assert ax.bbox.x0 <= box.x0 and box.x1 <= ax.bbox.x1  # not over the tick labels or the edge


@pytest.mark.parametrize(
    ("percent", "text"),
    [(12.125, "+12.13%"), (-3.107, "−3.11%"), (-0.001, "0.00%"), (0.0, "0.00%"), (-9.0, "−9.00%")],
)
def test_a_bar_label_is_the_tables_text(percent: float, text: str) -> None:
    assert percent_text(percent) == text


def test_one_large_deviation_keeps_the_fixed_scale_and_is_drawn_to_the_edge_with_its_value(
    case_a: CaseResults,
) -> None:
    bars = deviation_bars(case_a)
    huge = (*bars[:1], dataclasses.replace(bars[1], percent=100.0, status=Status.FAIL), *bars[2:])
    fig, _ = render(lambda ax: draw_deviation_chart(ax, huge, BAND))
    ax = fig.axes[0]
    assert ax.get_xlim() == (-20.0, 20.0)  # ±20 %: twice the explain limit of 10 %
    big = next(p for p in ax.patches if p.get_width() == 20.0)
    assert big.get_width() == 20.0
    label = next(t for t in ax.texts if t.get_text() == "+100.00%")
    assert -20.0 < label.get_position()[0] <= 20.0  # written at the edge, inside the axes
    small = next(t for t in ax.texts if t.get_text() == "−3.11%")  # the others keep their size
    assert small.get_position()[0] < 0


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("zh", ("≤5%\n通过", "≤10%\n需说明", ">10%\n不通过", "已取代（不计入）")),
        ("en", ("≤5%\nOK", "≤10%\nExplain", ">10%\nFail", "superseded (not counted)")),
    ],
)
def test_the_bands_are_labelled_and_the_legend_explains_the_hatched_bar(
    case_a: CaseResults, lang: str, words: tuple[str, ...]
) -> None:
    fig, _ = render(lambda ax: draw_deviation_chart(ax, deviation_bars(case_a, lang), BAND, lang))
    ax = fig.axes[0]
    shown = [t.get_text() for t in ax.texts] + [t.get_text() for t in ax.get_legend().get_texts()]
    for word in words:
        assert word in shown, (word, shown)
    hatched = [h for h in ax.get_legend().legend_handles if h is not None and h.get_hatch()]
    assert len(hatched) == 1  # case A's C4a is superseded by C4b


def test_charts_change_no_global_setting_and_draw_the_same_on_two_threads(case_a: CaseResults) -> None:
    import threading

    import matplotlib

    def picture(draw: object) -> bytes:
        fig = Figure(figsize=(6, 4), dpi=60)
        canvas = FigureCanvasAgg(fig)
        draw(fig.add_subplot())  # type: ignore[operator]
        canvas.draw()
        return bytes(canvas.buffer_rgba())

    before = dict(matplotlib.rcParams)
    draws = {
        "deviation": lambda ax: draw_deviation_chart(ax, deviation_bars(case_a), BAND),
        "monthly": lambda ax: draw_monthly_chart(ax, case_a),
        "projection": lambda ax: draw_projection_chart(ax, case_a),
    }
    alone = {name: picture(draw) for name, draw in draws.items()}
    assert dict(matplotlib.rcParams) == before  # no rcParams changed (the window shares them)
    assert "WenQuanYi Micro Hei" not in matplotlib.rcParams["font.sans-serif"]
    together: dict[str, list[bytes]] = {name: [] for name in draws}
    errors: list[BaseException] = []

    def worker(name: str) -> None:
        try:
            for _ in range(3):
                together[name].append(picture(draws[name]))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(name,)) for name in draws]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    for name, pictures in together.items():
        assert all(p == alone[name] for p in pictures), name
