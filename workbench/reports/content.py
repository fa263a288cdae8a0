"""Pure builders of the three documents (**build** → render → sign → archive): case + results → ``ReportDoc``.

    build_survey_report(case, results, lang)                       调查报告, fourteen sections
    build_dossier(case, results, attachments, decision, lang)     贷款档案: cover, report, appendices
    build_minutes(minutes, lang)                                   审贷会纪要: session, votes, decisions

The sections and their order are described in docs/sources.md.

They read nothing but their arguments and return frozen values with every figure formatted;
``render.render_pdf`` draws them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.domain.evidence import EvidenceKind
from workbench.domain.parties import GuarantorRole
from workbench.domain.records import SignatureRole
from workbench.reports.canonical import canonical_case_sha256
from workbench.reports.content_common import appendix_number, method_name, rate_text
from workbench.reports.content_minutes import build_minutes_doc, decision_blocks
from workbench.reports.content_survey import (
    SurveyContext,
    balance_details,
    monthly_tables,
    projection_blocks,
    schedule_table,
    survey_sections,
    survey_signature_block,
)
from workbench.reports.decision_summary import decision_summary, summary_blocks
from workbench.reports.document import (
    Align,
    Block,
    Contents,
    CoverSheet,
    ImageRef,
    PageBreak,
    Para,
    ReportDoc,
    ReportKind,
    Section,
    SignatureBlock,
    SignatureSlot,
    TextStyle,
)
from workbench.reports.formatting import DASH, day, money, text
from workbench.reports.inputs import CommitteeDecisionData
from workbench.reports.tables import DAY, LABEL, TEXT, Col, detail_table
from workbench.reports.texts import MONEY_UNIT, Tr, capital, label, pick_lang, vocabulary
from workbench.texts import N_, NC_

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date

    from workbench.domain.calc import CaseResults
    from workbench.domain.case_file import CaseFile
    from workbench.domain.committee import Outcome
    from workbench.domain.evidence import Evidence
    from workbench.domain.proposal_history import ProposalHistory
    from workbench.reports.inputs import AttachmentImage, MinutesData


def _short_hash(sha256: str) -> str:
    return sha256[:16] + ("…" if len(sha256) > 16 else "") if sha256 else DASH


# The numbers of the dossier's parts after the report and its appendices.
PART_NUMBERS = {3: N_("第三部分　"), 4: N_("第四部分　"), 5: N_("第五部分　")}

EVIDENCE: tuple[Col[Evidence], ...] = (
    Col(N_("编号"), lambda e: e.id, width=0.5),
    Col(N_("类别"), lambda e: e.kind, LABEL, width=0.8),
    Col(N_("标题"), lambda e: e.title, width=2),
    Col(N_("来源"), lambda e: e.source, LABEL, width=0.8),
    Col(N_("日期"), lambda e: e.taken_on, DAY, Align.CENTER, 0.8),
    Col(N_("文件"), lambda e: e.file_name, TEXT, width=1.2),
    Col(N_("SHA-256"), lambda e: _short_hash(e.sha256), width=1.1),
)


def build_survey_report(
    case: CaseFile, results: CaseResults, lang: str = "zh", *, history: ProposalHistory | None = None
) -> ReportDoc:
    """The survey report: fourteen sections with detail lists, charts and the signature block.

    Args:
        case: the case as surveyed.
        results: ``compute_case(case, policy)``.
        lang: ``zh`` (default) or ``en`` for the headings and labels; user text stays as typed.
        history: the stored case's proposal history (section 方案修改记录), when there is one.
    """
    lang = pick_lang(lang)
    tr = Tr(lang)
    ctx = SurveyContext(case, results, lang, details=True, history=history)
    blocks: tuple[Block, ...] = (*survey_sections(ctx), survey_signature_block(ctx))
    return ReportDoc(
        kind=ReportKind.SURVEY,
        title=tr(N_("贷款调查报告")),
        lang=lang,
        reference=case.case_number or case.id,
        blocks=blocks,
        subject=_subject(case, tr(N_("贷款调查报告")), tr),
        keywords=_keywords(case),
    )


def build_dossier(
    case: CaseFile,
    results: CaseResults,
    attachments: Sequence[AttachmentImage] = (),
    decision: CommitteeDecisionData | None = None,
    lang: str = "zh",
    *,
    minutes: MinutesData | None = None,
    history: ProposalHistory | None = None,
) -> ReportDoc:
    """The loan dossier: cover, contents, the survey report, appendices, decision, minutes, signatures.

    Args:
        case: the case.
        results: ``compute_case(case, policy)``.
        attachments: photos and scans for the photo appendix, in the order given.
        decision: the committee's decision on this case, when there is one.
        lang: ``zh`` or ``en``.
        minutes: the minutes of the session that decided the case, when there are.
        history: the stored case's proposal history (section 方案修改记录 of the report), if any.
    """
    lang = pick_lang(lang)
    tr = Tr(lang)
    ctx = SurveyContext(case, results, lang, details=False, history=history)
    # the session's date when the case file does not record the committee date
    committee_on = case.dates.committee_on or (minutes.held_on if minutes else None)
    cover = _cover(case, results, decision, committee_on, tr, lang)
    survey = Section(tr(N_("调查报告")), survey_sections(ctx), number=tr(N_("第一部分　")))
    appendices = _appendices(ctx, attachments)
    summary = decision_summary(case, results, lang)
    parts: list[Block] = [
        cover,
        PageBreak(),
        Section(tr(N_("决策摘要")), tuple(summary_blocks(summary, tr))),
        PageBreak(),
        Contents(tr(N_("目录"))),
        PageBreak(),
        survey,
        Section(tr(N_("附录")), tuple(appendices), number=tr(N_("第二部分　")), new_page=True),
    ]
    part = 3
    if decision is not None:
        parts.append(
            Section(
                tr(N_("审贷会决议")),
                tuple(decision_blocks(decision, lang, rule=minutes.rule if minutes else None)),
                number=tr(PART_NUMBERS[part]),
                new_page=True,
            )
        )
        part += 1
    if minutes is not None:
        parts.append(
            Section(
                tr(NC_("report", "审贷会纪要")),
                _minutes_extract(case, minutes, decision is None, lang),
                number=tr(PART_NUMBERS[part]),
                new_page=True,
            )
        )
        part += 1
    parts.append(
        Section(
            tr(N_("签字页")),
            (
                Para(
                    tr(
                        N_(
                            "以下签署人确认本档案内容与案卷一致。签名为数字签名，可用 workbench verify 验证。"
                        ),
                    )
                ),
                SignatureBlock(
                    title=tr(N_("签字")),
                    slots=(
                        SignatureSlot(tr(N_("主办客户经理")), case.officers.lead, SignatureRole.OFFICER),
                        SignatureSlot(tr(N_("审查人")), kind=SignatureRole.REVIEWER),
                        SignatureSlot(
                            tr(N_("审贷会主席")),
                            minutes.chair if minutes else "",
                            SignatureRole.CHAIR,
                        ),
                    ),
                ),
            ),
            new_page=True,
        )
    )
    return ReportDoc(
        kind=ReportKind.DOSSIER,
        title=tr(N_("贷款档案")),
        lang=lang,
        reference=case.case_number or case.id,
        blocks=tuple(parts),
        subject=_subject(case, tr(N_("贷款档案")), tr),
        keywords=_keywords(case),
    )


def _minutes_extract(
    case: CaseFile, minutes: MinutesData, with_decision: bool, lang: str
) -> tuple[Block, ...]:
    """The minutes as a borrower's file holds them: the session and attendance, and this case's
    decision unless the dossier printed it already; other borrowers' cases stay out of it."""
    tr = Tr(lang)
    titled = build_minutes_doc(minutes, lang).blocks[0]
    assert isinstance(titled, Section)
    parts = titled.blocks  # the session, then one section per case in agenda order
    own = {case.case_number or case.id}
    blocks: list[Block] = [parts[0]]
    if with_decision:
        blocks += [s for s, d in zip(parts[1:], minutes.decisions, strict=False) if d.case_number in own]
    others = sum(1 for d in minutes.decisions if d.case_number not in own)
    if others:
        note = tr(
            N_("纪要摘录：本次会议另审议 {others} 个案件，未列入本档案（完整纪要另行出具）。"), others=others
        )
        blocks.append(Para(note, TextStyle.NOTE))
    return tuple(blocks)


def build_minutes(minutes: MinutesData, lang: str = "zh") -> ReportDoc:
    """The minutes of one committee session (审贷会纪要) with a signature box per member."""
    return build_minutes_doc(minutes, pick_lang(lang))


def draft_decision(
    case: CaseFile,
    results: CaseResults,
    decision: Outcome | None = None,
    **changes: object,
) -> CommitteeDecisionData:
    """A decision pre-filled from the case and its proposal; ``changes`` override any field.

    With ``decision=None`` it is the agenda entry of a case not yet decided (a form to fill in).
    """
    z = results.sizing
    fields: dict[str, object] = {
        "case_number": case.case_number or case.id,
        "borrower": case.borrower.name,
        "decision": decision,
        "business": case.business.name if case.business else "",
        "presenter": case.officers.lead,
        "requested": case.request.amount,
        "proposed": z.proposal,
        "amount": z.proposal if decision is not None else None,
        "term_months": z.months,
        "annual_rate_percent": z.rate.annual_percent,
        "method": z.method,
        "instalment": z.instalment,
        "purpose": case.request.purpose,
        "co_borrowers": tuple(g.name for g in case.guarantors if g.role is GuarantorRole.CO_BORROWER),
        "guarantors": tuple(g.name for g in case.guarantors if g.role is GuarantorRole.GUARANTOR),
        "collateral": tuple(c.description for c in case.collateral),
        "case_sha256": canonical_case_sha256(case),
    }
    fields.update(changes)
    return CommitteeDecisionData(**fields)  # type: ignore[arg-type]


def _subject(case: CaseFile, title: str, tr: Tr) -> str:
    business = f" {case.business.name}" if case.business else ""
    return f"{title} {case.case_number} {case.borrower.name}{business}".strip()


def _keywords(case: CaseFile) -> tuple[str, ...]:
    words = [case.case_number, case.borrower.name, case.product]
    if case.business:
        words.append(case.business.name)
    return tuple(w for w in words if w)


def _cover(
    case: CaseFile,
    results: CaseResults,
    decision: CommitteeDecisionData | None,
    committee_on: date | None,
    tr: Tr,
    lang: str,
) -> CoverSheet:
    z = results.sizing
    verdict = (
        capital(label(decision.decision, lang), lang)
        if decision and decision.decision
        else tr(N_("尚未上会"))
    )
    facts = (
        (tr(N_("案件编号")), text(case.case_number)),
        (tr(N_("借款人")), case.borrower.name),
        (tr(N_("经营主体")), case.business.name if case.business else DASH),
        (tr(N_("贷款产品")), text(vocabulary(case.product, lang))),
        (tr(N_("主办客户经理")), text(case.officers.lead)),
        (tr(N_("协办客户经理")), text(case.officers.assistant)),
        (tr(NC_("report", "申请金额")), money(case.request.amount)),
        (tr(N_("建议金额")), money(z.proposal)),
        (tr(N_("批准金额")), money(decision.amount) if decision else DASH),
        (tr(NC_("report", "期限（月）")), str(z.months)),
        (tr(N_("利率")), rate_text(case.request.rate, z.rate, tr)),
        (tr(NC_("report", "还款方式")), method_name(z.method, lang)),
        (tr(N_("月分期还款额")), money(z.instalment)),
        (tr(N_("审贷会决议")), verdict),
        (tr(N_("调查日期")), day(case.dates.survey_date)),
        (tr(N_("上会日期")), day(committee_on)),
        (tr(N_("案卷指纹 SHA-256")), canonical_case_sha256(case)),
    )
    return CoverSheet(
        title=tr(N_("贷款档案")),
        subtitle=f"{case.borrower.name}" + (f" · {case.business.name}" if case.business else ""),
        facts=facts,
        note=tr(
            N_(
                "本档案由小微信贷案件工作台生成；"
                "案卷指纹与 PDF 元数据中的指纹一致时，本档案描述的即是该版本的案卷。"
            ),
        ),
        unit=tr(MONEY_UNIT),
    )


def _appendices(ctx: SurveyContext, attachments: Sequence[AttachmentImage]) -> list[Block]:
    tr, lang, case, z = ctx.tr, ctx.lang, ctx.case, ctx.results.sizing
    out: list[Block] = []

    def add(title: str, blocks: list[Block], new_page: bool = False) -> None:
        out.append(
            Section(title, tuple(blocks), number=appendix_number(len(out) + 1, lang), new_page=new_page)
        )

    add(tr(N_("资产负债表明细")), balance_details(ctx))
    add(tr(N_("月份损益表")), monthly_tables(ctx))
    add(tr(N_("现金流预测")), projection_blocks(ctx) or [Para(tr(N_("无")))])
    schedules: list[Block] = []
    if z.schedule is not None:
        schedules.append(schedule_table(z.schedule, tr, tr(N_("还款计划表（建议方式）"))))
    if z.equal_principal is not None and z.method.value != "equal-principal":
        schedules.append(schedule_table(z.equal_principal, tr, tr(N_("等额本金（比较）"))))
    if z.seasonal is not None:
        schedules.append(schedule_table(z.seasonal, tr, tr(N_("灵活还款（按季节现金流，比较）"))))
    add(
        tr(N_("还款计划表")),
        schedules or [Para(tr(N_("无建议金额，无还款计划。")))],
    )
    if case.evidence:
        add(tr(N_("证据清单")), [detail_table(EVIDENCE, case.evidence, tr, small=True)])
    photos: list[Block] = []
    for index, image in enumerate(attachments, start=1):
        caption = tr(N_("图")) + f" {index}{tr.colon}{image.caption or image.name}"
        photos.append(ImageRef(image.name, image.media_type, image.data, caption))
    if not photos:
        note = tr(N_("本案未附照片。"))
        photos.append(Para(note, TextStyle.NOTE))
        if any(e.kind is EvidenceKind.PHOTO for e in case.evidence):
            photos.append(
                Para(
                    tr(
                        N_("照片文件未随本档案提供，见证据清单。"),
                    ),
                    TextStyle.NOTE,
                )
            )
    add(tr(N_("照片附件")), photos, new_page=bool(attachments))
    return out
