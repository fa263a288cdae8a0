"""The proposal's history on the committee's slides: how the figures that drive the amount moved
across the saved versions before the case reached the committee, and the fitting flag.

Two slide specs (``history_slides``): the table of the figures that changed (changes, who, largest
swing; ``MAX_TABLE_ROWS`` a slide, continued) with the flag in the headline figures, then the
computed limit against the requested amount by version (``reports.history`` draws it, as on the
PDF) with the flag's reasons underneath. The words of the table and the flag are the report's
(gettext), so the slide and the dossier say the same thing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.domain.status import Status
from workbench.reports.history import (
    FIGURE_NAMES,
    history_chart_data,
    history_table,
    scope_sentence,
)
from workbench.reports.history import flag_sentences as _flag_sentences
from workbench.ui.i18n import lang, tr

if TYPE_CHECKING:
    from workbench.domain.proposal_history import ProposalHistory
    from workbench.ui.presentation.slides import Block, Slide

FLAG_CHARS = 260  # the flag's reasons under the chart (the notes hold them with their versions)
SLIDE_SKIPS = frozenset({"sales_annual"})  # twelve times the monthly sales: the report prints both


def history_slides(history: ProposalHistory) -> list[Slide]:
    """The history table (continued over slides when long), then the limit chart."""
    from workbench.ui.presentation.slides import (
        MAX_TABLE_ROWS,
        Chart,
        KeyFigure,
        KeyFigures,
        Legend,
        Paragraph,
        Slide,
        Table,
        _chunks,
        _numbered,
        _shorten,
    )

    language = lang()
    columns, rows = history_table(history, language)
    shown = [(row, f) for row, f in zip(rows, history.figures, strict=True) if f.key not in SLIDE_SKIPS]
    changed = [row for row, f in shown if f.changes]
    unchanged = [FIGURE_NAMES[f.key][language] for _row, f in shown if not f.changes]
    sentences = _flag_sentences(history, language)
    short = _flag_sentences(history, language, with_versions=False)  # the notes name the versions
    edits = sum(
        1
        for a, b in zip(history.versions, history.versions[1:], strict=False)
        if any(a.values.get(f.key) != b.values.get(f.key) for f in history.figures)
    )
    flag = (  # the figure's status adds its mark and word (▲ 需说明) to the label
        KeyFigure(tr("提示"), tr("疑似反复测算"), Status.EXPLAIN)
        if history.flagged
        else KeyFigure(tr("提示"), tr("未见异常"), Status.OK)
    )
    lead = KeyFigures(
        (
            KeyFigure(tr("保存版本"), str(len(history.versions))),
            KeyFigure(tr("改动额度数据的保存"), str(edits)),
            flag,
        )
    )
    footer: list[Block] = []
    if unchanged:
        sep = ", " if language == "en" else "、"
        footer.append(Legend(tr("未修改：") + sep.join(unchanged)))
    reasons: tuple[Block, ...] = (  # under the chart they describe (the table's slide has no room)
        (Paragraph(tr("提示原因"), _shorten((" " if language == "en" else "").join(short), FLAG_CHARS)),)
        if short
        else ()
    )
    notes = "\n".join([scope_sentence(history, language), *sentences])
    title = tr("方案修改记录")
    pages = _chunks(changed, MAX_TABLE_ROWS)
    slides: list[Slide] = []
    for index, part in enumerate(pages, start=1):
        body: tuple[Block, ...] = (
            (Table(columns, tuple(part)),)
            if part
            else (Paragraph("", tr("各版本之间驱动额度的数据没有变化。")),)
        )
        slides.append(
            Slide(
                "history" if index == 1 else f"history_{index}",
                _numbered(title, index, len(pages)),
                body,
                notes=notes,
                lead=lead if index == 1 else None,
                footer=tuple(footer),
            )
        )
    if len(history.versions) > 1:
        slides.append(
            Slide(
                "history_chart",
                tr("测算额度与申请金额（按保存版本）"),
                (Chart("history", (language, history_chart_data(history))),),
                notes=notes,
                footer=reasons,
            )
        )
    return slides
