"""Survey section 10: the cross-check matrix (M1–M17) with each check's inputs, and the deviation chart."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import TYPE_CHECKING

from workbench.domain.cross_checks import (
    CheckKind,
    CrossCheck,
    CrossCheckResult,
    EquityInputs,
    IncomeInputs,
    LogicInputs,
    MarginSampleInputs,
)
from workbench.domain.figures import FigureRef
from workbench.domain.formatting import check_figure_kind, figure
from workbench.domain.money import ONE
from workbench.domain.readiness import counted
from workbench.domain.status import Status
from workbench.reports.chart_spec import deviation_bars
from workbench.reports.document import Align, Block, ChartRef, Para, TextStyle
from workbench.reports.formatting import DASH, count, deviation, money, number, pct, text
from workbench.reports.pdf_case_charts import draw_deviation
from workbench.reports.tables import Head, grid_table
from workbench.reports.texts import COUNT_INPUTS, INPUT_LABELS, SHARE_INPUTS, Tr, pair_label
from workbench.texts import N_, NC_
from workbench.texts.labels import CHECK_METHOD_LABELS as METHOD_LABELS
from workbench.texts.labels import FIGURE_LABELS as REFERABLE_FIGURES
from workbench.texts.labels import ITEM_NAMES, STATUS_LABELS

if TYPE_CHECKING:
    from workbench.domain.calc import CaseResults
    from workbench.reports.survey.context import SurveyContext

L, R, C = Align.LEFT, Align.RIGHT, Align.CENTER

MATRIX = (
    Head(NC_("column", "编号"), L, 0.45),
    Head(N_("检验方法"), L, 1.0),
    Head(N_("检验内容及输入"), L, 2.0),
    Head(N_("检验值"), R, 1.0),
    Head(N_("认定值"), R, 0.95),
    Head(NC_("column", "偏差"), R, 0.65),
    Head(N_("结论"), C, 0.7),
    Head(NC_("column", "说明"), L, 1.6),
)


def inputs_summary(check: CrossCheck, figures: dict[str, Decimal | None], lang: str) -> str:
    """The inputs of a check in one line: ``日均销售 3,950.00；天数 30``."""
    tr = Tr(lang)
    inp = check.inputs
    sep = "；" if lang == "zh" else "; "
    if isinstance(inp, EquityInputs):
        return tr(N_("见权益检验"))
    if isinstance(inp, LogicInputs):
        return sep.join(
            (f"{inp.source_a}{tr.colon}{inp.statement_a}", f"{inp.source_b}{tr.colon}{inp.statement_b}")
        )
    if isinstance(inp, MarginSampleInputs):
        return sep.join(
            f"{i.name} {money(i.cost)}→{money(i.price)}" + (f" ×{count(i.weight)}" if i.weight != ONE else "")
            for i in inp.items
        )
    if isinstance(inp, IncomeInputs):
        return sep.join(f"{s.source} {money(s.monthly)}" for s in inp.sources)
    parts = []
    for f in dataclasses.fields(inp):
        value = getattr(inp, f.name)
        if value is None:
            continue
        name = pair_label(INPUT_LABELS, f.name, lang)
        if isinstance(value, FigureRef):
            figure = REFERABLE_FIGURES[value.name]["en" if lang == "en" else "zh"]
            resolved = figures.get(value.name)
            shown = _input_value(f.name, resolved) if resolved is not None else DASH
            parts.append(f"{name} = {figure} {shown}")
        elif isinstance(value, Decimal | int):
            parts.append(f"{name} {_input_value(f.name, Decimal(value))}")
    if check.evidence:
        parts.append(tr(N_("证据 ")) + ", ".join(check.evidence))
    return sep.join(parts)


def _input_value(name: str, value: Decimal) -> str:
    if name in SHARE_INPUTS:
        return pct(value)
    if name in COUNT_INPUTS:
        return count(value) if value == value.to_integral_value() else number(value, 2)
    return money(value)


def _matrix_row(result: CrossCheckResult, check: CrossCheck, results: CaseResults, tr: Tr) -> tuple[str, ...]:
    lang, kind = tr.lang, check_figure_kind(result.target, result.method)
    title = f"{result.title}{tr.colon}" if result.title else ""
    summary = title + inputs_summary(check, results.figures, lang)
    if result.kind is CheckKind.RANGE:
        value = f"{figure(result.low, kind)} –\n{figure(result.high, kind)}"  # one bound per line
        adopted = figure(result.adopted, kind)
        dev = tr(N_("在区间内")) if result.inside else deviation(result.deviation)
    elif result.kind is CheckKind.LOGIC:
        value = tr(N_("一致")) if result.status is Status.OK else tr(N_("不一致"))
        adopted, dev = DASH, DASH
    else:
        value, adopted, dev = (
            figure(result.check_value, kind),
            figure(result.adopted, kind),
            deviation(result.deviation),
        )
    status = STATUS_LABELS[result.status][lang]
    if result.superseded_by:
        status += tr(N_("（已由 {check} 取代）"), check=result.superseded_by)
    elif result.overridden:
        status += tr(N_("（经 {reviewer} 复核认可）"), reviewer=result.override_by.strip())
    method = f"{result.method.value} {METHOD_LABELS[result.method][lang]}"
    return (result.id, method, summary, value, adopted, dev, status, text(result.explanation))


def cross_checks(ctx: SurveyContext) -> list[Block]:
    tr, lang, results = ctx.tr, ctx.lang, ctx.results
    blocks: list[Block] = [
        Para(
            tr(
                N_(
                    "偏差 = （认定值 − 检验值）/ 认定值；偏差为正表示检验值低于认定值。"
                    "|偏差| ≤ 5% 通过，≤ 10% 需书面说明，> 10% 不通过；区间检验在区间内即为通过。"
                ),
            ),
            TextStyle.NOTE,
        )
    ]
    by_id = {c.id: c for c in ctx.case.cross_checks}
    rows = [_matrix_row(result, by_id[result.id], results, tr) for result in results.checks]
    if rows:
        caption = tr(N_("交叉检验矩阵"))
        blocks.append(grid_table(MATRIX, rows, tr, caption=caption, small=True))
        counts = []
        evidence = {e.id for e in ctx.case.evidence}
        for item in sorted({r.item for r in results.checks}, key=list(ITEM_NAMES).index):
            n = len({r.method for r in results.checks if r.item == item and counted(r, evidence)})
            counts.append(tr(N_("{item} {n} 种"), item=ITEM_NAMES[item][lang], n=n))
        blocks.append(
            Para(
                tr(N_("计入的检验方法（未被取代、已计算、有证据，通过、已说明或经复核认可）："))
                + tr.sep.join(counts),
                TextStyle.NOTE,
            )
        )
    else:
        blocks.append(Para(tr(N_("未录入交叉检验。"))))
    bars = deviation_bars(results, lang)
    if bars:
        blocks.append(
            ChartRef(
                draw_deviation,
                (bars, results.policy.flow_tolerance, lang),
                height_mm=max(55.0, 18.0 + 8.0 * len(bars)),
                caption=tr(
                    N_("图：交叉检验与权益检验偏差（阴影为通过/需说明/不通过区间）"),
                ),
                on_canvas=True,
            )
        )
    return blocks
