"""The portfolio as a file: a PDF (the reports' A4 layout, charts as vectors, the shipped CJK font)
or an Excel workbook (one sheet per table with numbers Excel can sum, the charts as pictures)."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.drawing.image import Image
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from workbench.domain.case_file import Stage
from workbench.domain.money import from_minor_units
from workbench.reports.document import ChartRef, KeyValues, Para, ReportDoc, ReportKind, Section, TextStyle
from workbench.reports.portfolio_charts import CHARTS, chart_png
from workbench.reports.portfolio_tables import (
    ACTIVITY,
    MONTHS,
    QUALITY,
    TEXT_COLUMNS,
    bin_label,
    heading,
    portfolio_tables,
    title,
)
from workbench.reports.render import PdfMeta, render_pdf
from workbench.reports.texts import Tr, label
from workbench.texts import N_, NC_

if TYPE_CHECKING:
    from workbench.reports.document import Block
    from workbench.reports.portfolio_data import Portfolio

DOC_TITLE = N_("贷款组合报告")
ALL_OFFICERS = N_("全部客户经理")
OWN_ONLY = N_("仅本人案卷（客户经理只看自己的组合）")
OPEN_END = NC_("period", "不限")
RULES = N_(
    "期间按各事件自己的日期计：调查按调查日期，上会按提交日期，决议按决议日期；各阶段案卷按期间内新建的案卷计。"
    "上会通过率 = 批准 ÷（批准 + 拒绝 + 退回）。偏差只计已调查的案卷，交叉检验只计未被替代的检验。"
)


def question(portfolio: Portfolio, lang: str) -> tuple[tuple[str, str], ...]:
    """The question the figures answer, as label/value pairs (period, officers, as of, for whom)."""
    tr = Tr(lang)
    q = portfolio.query
    start = q.date_from.isoformat() if q.date_from else tr(OPEN_END)
    end = q.date_to.isoformat() if q.date_to else tr(OPEN_END)
    officers = tr.sep.join(q.officers) if q.officers else tr(ALL_OFFICERS)
    if portfolio.own_only:
        officers = f"{officers}（{tr(OWN_ONLY)}）" if lang != "en" else f"{officers} ({tr(OWN_ONLY)})"
    return (
        (tr(N_("期间")), f"{start} – {end}"),
        (tr(NC_("portfolio", "客户经理")), officers),
        (tr(N_("统计时间")), portfolio.made_at.strftime("%Y-%m-%d %H:%M")),
        (tr(N_("查询人")), portfolio.made_for),
    )


def portfolio_doc(portfolio: Portfolio, lang: str) -> ReportDoc:
    """The PDF's content: the question, then each chart above its table."""
    tr = Tr(lang)
    tables = portfolio_tables(portfolio, lang)

    def chart(key: str, height: float = 70.0) -> ChartRef:
        return ChartRef(CHARTS[key], (portfolio, lang), height_mm=height)

    blocks: list[Block] = [
        KeyValues(question(portfolio, lang)),
        Para(tr(RULES), TextStyle.NOTE),
        Section(title("pipeline", lang), (chart("pipeline", 75.0), tables["pipeline"])),
        Section(tr(N_("客户经理")), (tables["activity"], tables["quality"])),
        Section(title("months", lang), (chart("months"), tables["months"]), new_page=True),
        Section(
            tr(N_("偏差分布")),
            (chart("equity", 62.0), tables["equity"], chart("checks", 62.0), tables["checks"]),
            new_page=True,
        ),
    ]
    return ReportDoc(
        kind=ReportKind.PORTFOLIO,
        title=tr(DOC_TITLE),
        lang=lang,
        reference=portfolio.made_at.strftime("%Y-%m-%d"),
        blocks=tuple(blocks),
        subject=tr(DOC_TITLE),
    )


def portfolio_pdf(portfolio: Portfolio, lang: str, unit: str = "") -> bytes:
    return render_pdf(portfolio_doc(portfolio, lang), meta=PdfMeta(unit=unit, author=portfolio.made_for))


# ---- workbook ------------------------------------------------------------------------------------

MONEY_FORMAT = "#,##0.00"
SHARE_FORMAT = "0.00%"
COUNT_FORMAT = "#,##0"
DAYS_FORMAT = "#,##0.0"


def _number_format(key: str) -> str:
    if key.endswith("_minor"):
        return MONEY_FORMAT
    if key in ("pass_rate", "fail_share", "share", "mean_abs_equity_deviation"):
        return SHARE_FORMAT
    if key == "mean_days_to_decision":
        return DAYS_FORMAT
    return COUNT_FORMAT


def _value(key: str, value: Any) -> Any:
    """A cell's value for Excel: yuan for minor units (exact to the cent), ``None`` for no figure."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if key.endswith("_minor"):
        return float(from_minor_units(int(value)))
    if key in TEXT_COLUMNS:
        return str(value)
    return value.item() if hasattr(value, "item") else value


def _sheet(book: Workbook, name: str, keys: tuple[str, ...], records: list[dict[str, Any]], lang: str) -> Any:
    sheet = book.create_sheet(name[:31])
    sheet.append([heading(k, lang) for k in keys])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for record in records:
        sheet.append([_value(k, record[k]) for k in keys])
    for index, key in enumerate(keys, start=1):
        column = get_column_letter(index)
        sheet.column_dimensions[column].width = 16 if key in TEXT_COLUMNS else 14
        if key not in TEXT_COLUMNS:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = _number_format(key)
    sheet.freeze_panes = "A2"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    return sheet


def _picture(sheet: Any, key: str, portfolio: Portfolio, lang: str, anchor: str) -> None:
    image = Image(io.BytesIO(chart_png(key, portfolio, lang)))
    image.width, image.height = 640, 340
    sheet.add_image(image, anchor)


def portfolio_xlsx(portfolio: Portfolio, lang: str) -> bytes:
    """The workbook: 概况 (the question), then one sheet per table, each chart beside its table."""
    tr = Tr(lang)
    book = Workbook()
    cover = book.active
    cover.title = tr(N_("概况"))[:31]
    cover.append([tr(DOC_TITLE)])
    cover["A1"].font = Font(bold=True, size=14)
    for pair in question(portfolio, lang):
        cover.append(list(pair))
    cover.append([])
    cover.append([tr(RULES)])
    cover.column_dimensions["A"].width = 16
    cover.column_dimensions["B"].width = 48
    pipeline = [{**r, "stage": label(Stage(r["stage"]), lang)} for r in portfolio.pipeline.to_dict("records")]
    sheet = _sheet(book, title("pipeline", lang), ("stage", "cases", "requested_minor"), pipeline, lang)
    _picture(sheet, "pipeline", portfolio, lang, "E2")
    officers = portfolio.officers.to_dict("records")
    _sheet(book, title("activity", lang), ACTIVITY, officers, lang)
    _sheet(book, title("quality", lang), QUALITY, officers, lang)
    sheet = _sheet(book, title("months", lang), MONTHS, portfolio.months.to_dict("records"), lang)
    _picture(sheet, "months", portfolio, lang, "E2")
    for key, bins in (("equity", portfolio.equity_bins), ("checks", portfolio.check_bins)):
        total = int(bins["count"].sum())
        records = [
            {"range": bin_label(lo, hi), "count": int(n), "share": (n / total) if total else None}
            for lo, hi, n in zip(bins["low"], bins["high"], bins["count"], strict=True)
        ]
        sheet = _sheet(book, title(key, lang), ("range", "count", "share"), records, lang)
        _picture(sheet, key, portfolio, lang, "E2")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
