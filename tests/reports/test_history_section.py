"""方案修改记录 / Proposal history in the survey report and the dossier, read back with pdftotext."""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.domain.history_builders import fitted_history, fitted_versions
from tests.reports import pdf_tools
from tests.reports.conftest import UNIT, meta_for
from workbench.domain.calc import compute_case
from workbench.domain.policy import DEFAULT_POLICY
from workbench.domain.proposal_history import proposal_history
from workbench.reports.content import build_dossier, build_survey_report
from workbench.reports.render import render_pdf


def layout(pdf: bytes) -> str:
    """``pdftotext -layout``: a table row stays on one line, its cells in order."""
    pdf_tools.need_poppler()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(pdf)
        done = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-layout", str(path), "-"],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
    return done.stdout


def row(*cells: str) -> re.Pattern[str]:
    """A table row's cells in order on one line."""
    return re.compile(r"\s+".join(re.escape(c) for c in cells))


def flat(text: str) -> str:
    """pdftotext's words without the line breaks and spaces a table cell or a wrapped line adds."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def survey_pdfs() -> dict[str, bytes]:
    case = fitted_versions()[-1].case
    out = {}
    for lang in ("zh", "en"):
        doc = build_survey_report(case, compute_case(case, DEFAULT_POLICY), lang, history=fitted_history())
        out[lang] = render_pdf(doc, meta=meta_for(case), invariant=True)
    return out


@pytest.fixture(scope="module")
def survey_texts(survey_pdfs: dict[str, bytes]) -> dict[str, str]:
    return {lang: pdf_tools.text(pdf) for lang, pdf in survey_pdfs.items()}


def test_the_table_has_a_row_per_figure(survey_pdfs: dict[str, bytes]) -> None:
    text = layout(survey_pdfs["zh"]).split("方案修改记录", 1)[1]
    for cells in (
        ("指标", "首版", "末版", "修改次数", "修改人", "最大变动", "最大变动额"),
        (
            "月均销售额",
            "120,000.00",
            "136,500.00",
            "9",
            "刘敏 8 次、赵强 1 次",
            "+3.05%（v10→v11）",
            "+4,000.00（v10→v11）",
        ),
        ("资产总计", "743,000.00", "764,000.00", "1", "刘敏 1 次", "+2.83%（v8→v9）", "+21,000.00（v8→v9）"),
        ("加权毛利率", "15.60%", "15.60%", "0", "—", "—", "—"),
        ("申请金额", "60,000.00", "60,000.00", "0"),
        ("测算额度", "45,440.39", "68,451.52", "9", "刘敏 8 次、赵强 1 次", "+9.44%（v7→v8）"),
        (
            "建议金额",
            "45,000.00",
            "60,000.00",
            "7",
            "刘敏 6 次、赵强 1 次",
            "+9.80%（v7→v8）",
            "+5,000.00（v7→v8）",
        ),
    ):
        assert row(*cells).search(text), cells
    english = layout(survey_pdfs["en"]).split("Proposal history", 1)[1]
    assert row(
        "Monthly sales", "120,000.00", "136,500.00", "9", "刘敏: 8, 赵强: 1", "+3.05% (v10→v11)"
    ).search(english)


def test_the_survey_report_prints_the_history_and_the_flag(survey_texts: dict[str, str]) -> None:
    text = survey_texts["zh"]
    assert "十五、方案修改记录" in text
    section = flat(text.split("十五、方案修改记录", 1)[1])
    assert "共13个保存版本（v1–v13，v13为提交贷审会的版本）。" in section
    assert "提示：修改模式疑似反复测算额度" in section
    assert "提交前48小时内有8次保存修改了驱动额度的数据（v5,v6,v7,v8,v9,v10,v11,v12）。" in section
    assert (
        "有5次修改在申请金额不变时逐次提高测算额度，使其由44,045.78向申请金额60,000.00靠拢，"
        "升至60,781.14（v4,v5,v6,v8,v10）。" in section
    )
    assert "判定规则：提交前48小时内" in section
    assert "图：测算额度与申请金额（按保存版本）" in section


def test_the_english_report_says_it_all_in_english(survey_texts: dict[str, str]) -> None:
    text = survey_texts["en"]
    assert "15. Proposal history" in text
    section = " ".join(text.split("15. Proposal history", 1)[1].split())
    assert "13 saved versions (v1–v13; v13 is the version submitted to the committee)." in section
    assert "Note: the pattern of changes looks like re-entering data until the limit fits" in section
    assert (
        "Saves that changed the data driving the limit within 48 hours before submission: 8 "
        "(v5, v6, v7, v8, v9, v10, v11, v12)." in section
    )
    assert "Monthly sales" in section and "刘敏: 8, 赵强: 1" in section
    assert not re.search(
        r"[\u4e00-\u9fff]",
        # the page header's unit name is the bank's own text, like the people's names
        section.replace("刘敏", "")
        .replace("赵强", "")
        .replace(UNIT, "")
        .replace("某某农商银行 小微信贷中心", "")
        .split("Signatures")[0],
    )


def test_an_honest_history_says_so_and_a_file_report_has_no_section() -> None:
    versions = fitted_versions()[:4]  # two corrections, days apart
    case = versions[-1].case
    history = proposal_history(versions, DEFAULT_POLICY)
    assert not history.flagged
    doc = build_survey_report(case, compute_case(case, DEFAULT_POLICY), history=history)
    text = pdf_tools.text(render_pdf(doc, meta=meta_for(case), invariant=True))
    section = flat(text.split("十五、方案修改记录", 1)[1])
    assert "共4个保存版本（v1–v4，v4为最新版本）。" in section
    assert "未发现反复录入数据测算额度的迹象。" in section
    assert "疑似" not in section
    plain = pdf_tools.text(
        render_pdf(build_survey_report(case, compute_case(case, DEFAULT_POLICY)), meta=meta_for(case))
    )
    assert "方案修改记录" not in plain


def test_the_dossier_carries_the_section_in_its_report() -> None:
    case = fitted_versions()[-1].case
    doc = build_dossier(case, compute_case(case, DEFAULT_POLICY), history=fitted_history())
    text = pdf_tools.text(render_pdf(doc, meta=meta_for(case), invariant=True))
    assert "十五、方案修改记录" in text
    assert "刘敏 8 次、赵强 1 次" in text
