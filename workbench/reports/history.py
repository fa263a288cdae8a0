"""The proposal's history in words and in a chart, shared by the survey report and the committee slides.

``history_table`` words each driving figure's row (changes, who, largest swing); ``flag_sentences``
words the fitting flag's reasons; ``draw_history_chart`` draws the computed limit and the requested
amount across the versions on a matplotlib ``Axes`` (the slide's canvas or the PDF's figure), like
``reports.charts``; matplotlib is imported only when it draws.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.domain.formatting import DASH, count, deviation, money
from workbench.domain.formatting import percent as pct
from workbench.domain.proposal_history import RUSHED_WINDOW, FlagRule, Kind
from workbench.reports.chart_spec import NEUTRAL, thousands
from workbench.texts import NC_, Msg, Words, gettext, text

if TYPE_CHECKING:
    from decimal import Decimal

    from matplotlib.axes import Axes

    from workbench.domain.proposal_history import FigureHistory, FlagReason, ProposalHistory, Swing

FIGURE_NAMES: Words[str] = Words(
    {
        "sales_avg": NC_("history", "月均销售额"),
        "sales_annual": NC_("history", "年销售额"),
        "gm_weighted": NC_("history", "加权毛利率"),
        "disposable_avg": NC_("history", "月均可支配资金"),
        "TA": NC_("history", "资产总计"),
        "E_act": NC_("history", "所有者权益"),
        "request_amount": NC_("history", "申请金额"),
        "request_term": NC_("history", "申请期限（月）"),
        "P_cap": NC_("history", "测算额度"),
        "P_prop": NC_("history", "建议金额"),
    }
)

COLUMNS: tuple[Msg, ...] = (
    NC_("history", "指标"),
    NC_("history", "修改次数"),
    NC_("history", "修改人"),
    NC_("history", "最大变动"),
)
WIDE_COLUMNS: tuple[Msg, ...] = (
    COLUMNS[0],
    NC_("history", "首版"),
    NC_("history", "末版"),
    *COLUMNS[1:],
    NC_("history", "最大变动额"),
)

LIMIT_COLOUR = "#0072B2"
REQUEST_COLOUR = "#D55E00"


def figure_value(kind: Kind, value: Decimal | None) -> str:
    if kind is Kind.RATIO:
        return pct(value)
    if kind is Kind.MONTHS:
        return count(value)
    return money(value)


def _signed(kind: Kind, delta: Decimal, lang: str) -> str:
    if kind is Kind.RATIO:  # a margin moves in percentage points
        return text(NC_("history", "{points} 个百分点"), lang, points=deviation(delta).removesuffix("%"))
    shown = figure_value(kind, abs(delta))
    return ("+" if delta > 0 else "−" if delta < 0 else "") + shown


def _with_versions(shown: str, swing: Swing, lang: str) -> str:
    """``+38.00%（v12→v13）``, in English ``+38.00% (v12→v13)``."""
    versions = f"v{swing.from_version}→v{swing.to_version}"
    return f"{shown} ({versions})" if lang == "en" else f"{shown}（{versions}）"


def editors_text(figure: FigureHistory, lang: str) -> str:
    """``刘敏 6 次、赵强 1 次`` / ``Liu Min 6, Zhao Qiang 1``."""
    if not figure.editors:
        return DASH
    sep = ", " if lang == "en" else "、"
    return sep.join(text(NC_("history", "{name} {n} 次"), lang, name=name, n=n) for name, n in figure.editors)


def swing_text(figure: FigureHistory, lang: str) -> str:
    """The largest relative swing: ``+38.00%（v12→v13）``; an amount from zero by its absolute swing."""
    swing = figure.largest_relative
    if swing is not None:
        return _with_versions(deviation(swing.relative), swing, lang)
    absolute = figure.largest_absolute
    if absolute is not None:
        return _with_versions(_signed(figure.kind, absolute.delta, lang), absolute, lang)
    return DASH


def history_table(
    history: ProposalHistory, lang: str, *, wide: bool = False
) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """Columns and rows: one row per driving figure (first and last values and the absolute swing
    as well when ``wide``)."""
    columns = tuple(gettext(c, lang) for c in (WIDE_COLUMNS if wide else COLUMNS))
    rows: list[tuple[str, ...]] = []
    for f in history.figures:
        name = FIGURE_NAMES[f.key][lang]
        changes = str(f.changes)
        who = editors_text(f, lang)
        if wide:
            first, last = f.series[0][1], f.series[-1][1]
            absolute = f.largest_absolute
            abs_text = (
                _with_versions(_signed(f.kind, absolute.delta, lang), absolute, lang) if absolute else DASH
            )
            rows.append(
                (
                    name,
                    figure_value(f.kind, first),
                    figure_value(f.kind, last),
                    changes,
                    who,
                    swing_text(f, lang),
                    abs_text,
                )
            )
        else:
            rows.append((name, changes, who, swing_text(f, lang)))
    return columns, tuple(rows)


def scope_sentence(history: ProposalHistory, lang: str) -> str:
    """What the table covers: ``共 14 个保存版本（v1–v14，v14 为提交贷审会的版本）。``"""
    if not history.versions:
        return ""
    first, last = history.versions[0].version, history.versions[-1].version
    msg = (
        NC_("history", "共 {n} 个保存版本（v{first}–v{last}，v{last} 为提交贷审会的版本）。")
        if history.submitted
        else NC_("history", "共 {n} 个保存版本（v{first}–v{last}，v{last} 为最新版本）。")
    )
    return text(msg, lang, n=len(history.versions), first=first, last=last)


def flag_sentence(reason: FlagReason, lang: str, *, with_versions: bool = True) -> str:
    """One reason of the flag in words, with the versions it counted (the slides leave them to the notes)."""
    if reason.rule is FlagRule.RUSHED:
        sentence = text(
            NC_("history", "提交前 {hours} 小时内有 {n} 次保存修改了驱动额度的数据"),
            lang,
            hours=int(RUSHED_WINDOW.total_seconds() // 3600),
            n=reason.count,
        )
    else:
        sentence = text(
            NC_(
                "history",
                "有 {n} 次修改在申请金额不变时逐次提高测算额度，使其由 {before} 向申请金额 {requested} 靠拢，"
                "升至 {after}",
            ),
            lang,
            n=reason.count,
            before=money(reason.limit_before),
            after=money(reason.limit_after),
            requested=money(reason.requested),
        )
    versions = ", ".join(f"v{v}" for v in reason.versions)
    if lang == "en":
        return f"{sentence} ({versions})." if with_versions else f"{sentence}."
    return f"{sentence}（{versions}）。" if with_versions else f"{sentence}。"


FLAG_TITLE: Msg = NC_("history", "提示：修改模式疑似反复测算额度")
NO_FLAG: Msg = NC_("history", "未发现反复录入数据测算额度的迹象。")
FLAG_ADVICE: Msg = NC_("history", "请审贷会核实上述修改的依据（凭证、现场核实记录）。")


def flag_sentences(history: ProposalHistory, lang: str, *, with_versions: bool = True) -> tuple[str, ...]:
    """Every reason of the flag in words (empty when not flagged)."""
    return tuple(flag_sentence(r, lang, with_versions=with_versions) for r in history.reasons)


_SERIES: Words[str] = Words(
    {
        "limit": NC_("history", "测算额度"),
        "request": NC_("history", "申请金额"),
    }
)


def history_chart_data(history: ProposalHistory) -> tuple[tuple[int, Decimal | None, Decimal | None], ...]:
    """What the chart draws (compared by the slides to tell whether to redraw)."""
    return history.limit_series


def draw_history_chart(
    ax: Axes, series: tuple[tuple[int, Decimal | None, Decimal | None], ...], lang: str = "zh"
) -> None:
    """The computed limit and the requested amount by version (``history_chart_data``)."""
    # matplotlib is loaded only to draw: a report of a case without versions never needs it.
    from matplotlib.ticker import FuncFormatter

    from workbench.reports.charts import use_font

    ax.clear()
    xs = list(range(len(series)))
    for index, name, colour, style in ((1, "limit", LIMIT_COLOUR, "o"), (2, "request", REQUEST_COLOUR, "s")):
        points = [(x, float(v)) for x, row in zip(xs, series, strict=True) if (v := row[index]) is not None]
        ax.plot(
            [p[0] for p in points],
            [p[1] for p in points],
            color=colour,
            marker=style,
            ms=3,
            drawstyle="steps-post" if name == "request" else "default",
            label=_SERIES[name][lang],
        )
    step = max(1, len(series) // 12)  # at most a dozen version labels, however many versions
    ticks = xs[::step]
    if xs and ticks[-1] != xs[-1]:
        ticks.append(xs[-1])
    ax.set_xticks(ticks, [f"v{series[x][0]}" for x in ticks], fontsize=8)
    ax.tick_params(axis="y", labelsize=8)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: thousands(value)))
    ax.grid(axis="y", color=NEUTRAL, alpha=0.2, lw=0.5)
    ax.set_title(gettext(NC_("history", "测算额度与申请金额（按保存版本）"), lang), fontsize=11, loc="left")
    ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.12), frameon=False, ncol=2)
    use_font(ax.figure)
