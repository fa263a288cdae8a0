"""The committee minutes (审贷会纪要) and the per-case decision (决议).

``decision_blocks`` is shared by the minutes and the dossier's decision section. What the store
generated (the voting rule, attendance flags, the standard monitoring plan, an amount changed from the
request) is worded here in the report's language from data; the committee window shows the plan in
the same words (``monitoring_text``), and nothing is read back from them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.domain.committee import DecisionRule
from workbench.domain.records import SignatureRole
from workbench.reports.content_common import method_name, section_number
from workbench.reports.document import (
    Align,
    Block,
    Bullets,
    KeyValues,
    Para,
    ReportDoc,
    ReportKind,
    Section,
    SignatureBlock,
    SignatureSlot,
    TextStyle,
)
from workbench.reports.formatting import DASH, day, money, number, text
from workbench.reports.inputs import APPROVALS, MemberRole, MonitoringKind, VoteKind
from workbench.reports.tables import LABEL, TEXT, Col, detail_table
from workbench.reports.texts import Tr, capital, label

if TYPE_CHECKING:
    from workbench.reports.inputs import (
        CommitteeDecisionData,
        CommitteeMember,
        MinutesData,
        Monitoring,
        QuestionAnswer,
        VoteData,
    )

QUESTIONS: tuple[Col[QuestionAnswer], ...] = (
    Col("提问人", "Asked by", lambda q: q.asked_by, TEXT, width=0.8),
    Col("问题", "Question", lambda q: q.question, width=2),
    Col("回答", "Answer", lambda q: q.answer, width=2.4),
)

VOTES: tuple[Col[VoteData], ...] = (
    Col("委员", "Member", lambda v: v.member, width=0.9),
    Col("表决", "Vote", lambda v: v.vote, LABEL, width=1.4),
    Col("意见", "Comment", lambda v: v.comment, TEXT, width=2.5),
    Col(
        "否决权",
        "Veto",
        lambda v: v.veto,
        lambda veto, tr: tr("是", "yes") if veto else "",
        Align.CENTER,
        0.6,
    ),
)

RULES: dict[DecisionRule, tuple[str, str]] = {
    DecisionRule.UNANIMOUS: ("全体一致", "unanimous"),
    DecisionRule.MAJORITY: ("多数通过", "simple majority"),
    DecisionRule.CHAIR_DECIDES: ("主席决定", "the chair decides"),
}


def rule_text(minutes: MinutesData, lang: str) -> str:
    """``全体一致，法定人数 3 人`` / ``Unanimous, quorum 3``; a dash when the session has no rule."""
    tr = Tr(lang)
    if minutes.rule is None:
        return DASH
    zh, en = RULES[minutes.rule]
    if minutes.quorum is None:
        return tr(zh, capital(en, lang))
    return tr(f"{zh}，法定人数 {minutes.quorum} 人", f"{capital(en, lang)}, quorum {minutes.quorum}")


def attendance_note(member: CommitteeMember, tr: Tr) -> str:
    if member.role is MemberRole.MEMBER and not member.votes:
        return tr("列席（不投票）", "attends, no vote")
    return tr("一票否决权", "holds a veto") if member.veto else ""


def monitoring_text(item: Monitoring, lang: str) -> str:
    """A monitoring measure in ``lang``: a step of the standard plan worded, typed text as typed."""
    if isinstance(item, str):
        return item
    tr = Tr(lang)
    if item.kind is MonitoringKind.FIRST:
        zh = f"首次监控：放款后 {item.days} 天内"
        en = f"First monitoring visit: within {item.days} days of disbursement"
        if item.due_on is not None:
            zh, en = f"{zh}（{item.due_on.isoformat()} 前）", f"{en} (by {item.due_on.isoformat()})"
        return tr(zh, en)
    if item.kind is MonitoringKind.REGULAR:
        zh, en = "常规监控：每月", "Regular monitoring: monthly"
        if item.due_on is not None and item.count is not None:
            zh = f"{zh}（{item.due_on.isoformat()} 起，共 {item.count} 次）"
            en = f"{en} (from {item.due_on.isoformat()}, {item.count} visits)"
        return tr(zh, en)
    return tr(
        f"还款提醒：每期到期前 {item.days} 天", f"Repayment reminder: {item.days} days before each instalment"
    )


ATTENDANCE: tuple[Col[CommitteeMember], ...] = (
    Col("姓名", "Name", lambda m: m.name),
    Col("角色", "Role", lambda m: m.role, LABEL, width=1.6),
    Col("职务", "Position", lambda m: m.title, TEXT, width=1.4),
    Col("备注", "Note", lambda m: m, lambda m, tr: attendance_note(m, tr) or DASH, width=1.2),
)


def _attendance(minutes: MinutesData) -> tuple[Col[CommitteeMember], ...]:
    """The attendance columns; the store knows no positions, so an all-empty one is left out."""
    if any(m.title.strip() for m in minutes.members):
        return ATTENDANCE
    return tuple(c for c in ATTENDANCE if c.en != "Position")


def decision_blocks(decision: CommitteeDecisionData, lang: str) -> list[Block]:
    """Decision, final terms, conditions, monitoring, questions and votes of one case."""
    tr = Tr(lang)
    verdict = label(decision.decision, lang) if decision.decision else tr("待审议", "pending")
    rate = f"{number(decision.annual_rate_percent, 2)}%" if decision.annual_rate_percent is not None else DASH
    blocks: list[Block] = [
        KeyValues(
            (
                (tr("案件编号", "Case number"), text(decision.case_number)),
                (tr("借款人", "Borrower"), decision.borrower),
                (tr("经营主体", "Business"), text(decision.business)),
                (tr("主办客户经理", "Presenting officer"), text(decision.presenter)),
                (tr("申请金额", "Requested"), money(decision.requested)),
                (tr("建议金额", "Proposed"), money(decision.proposed)),
                (tr("决议", "Decision"), capital(verdict, lang)),
                (tr("批准金额", "Approved amount"), money(decision.amount)),
                (
                    tr("期限（月）", "Term (months)"),
                    DASH if decision.term_months is None else str(decision.term_months),
                ),
                (tr("年利率", "Annual rate"), rate),
                (tr("还款方式", "Repayment method"), method_name(decision.method, lang)),
                (tr("月还款额", "Monthly instalment"), money(decision.instalment)),
                (tr("共同借款人", "Co-borrowers"), tr.sep.join(decision.co_borrowers) or DASH),
                (tr("保证人", "Guarantors"), tr.sep.join(decision.guarantors) or DASH),
                (tr("抵质押物", "Collateral"), tr.sep.join(decision.collateral) or DASH),
                (tr("贷款用途", "Purpose"), text(decision.purpose)),
            ),
            2,
        ),
        Para(f"{tr('决议结论', 'Decision')}{tr.colon}{verdict}", TextStyle.LEAD),
    ]
    changes = decision.changes.strip() or _amount_change(decision, tr)
    if changes:
        blocks.append(Para(f"{tr('变更内容', 'Changes to the proposal')}{tr.colon}{changes}"))
    if decision.reason.strip():
        blocks.append(Para(f"{tr('理由', 'Reason')}{tr.colon}{decision.reason.strip()}"))
    # Nothing to state yet for a case still pending, rather than "none".
    empty = Para(tr("无", "none") if decision.decision else DASH)
    blocks.append(Para(tr("放款前提条件", "Conditions precedent"), TextStyle.LEAD))
    blocks.append(Bullets(decision.conditions_precedent) if decision.conditions_precedent else empty)
    blocks.append(Para(tr("贷后监控措施", "Monitoring measures"), TextStyle.LEAD))
    monitoring = tuple(monitoring_text(m, lang) for m in decision.monitoring)
    blocks.append(Bullets(monitoring) if monitoring else empty)
    if decision.questions:
        caption = tr("问答记录", "Questions and answers")
        blocks.append(detail_table(QUESTIONS, decision.questions, tr, caption=caption))
    if decision.votes:
        blocks.append(detail_table(VOTES, decision.votes, tr, caption=tr("表决情况", "Votes")))
        tally = []
        for kind in VoteKind:
            n = sum(1 for v in decision.votes if v.vote is kind)
            if n:
                tally.append(tr(f"{label(kind, 'zh')} {n} 票", f"{label(kind, 'en')}: {n}"))
        blocks.append(Para(tr("计票：", "Tally: ") + tr.sep.join(tally), TextStyle.NOTE))
    if decision.case_sha256:
        version = DASH if decision.case_version is None else str(decision.case_version)
        sha = decision.case_sha256
        if decision.decision:
            note = tr(
                f"决议所依据的案卷版本 {version}，案卷指纹 SHA-256 {sha}",
                f"Decided on case version {version}, case fingerprint SHA-256 {sha}",
            )
        else:
            note = tr(
                f"列入议程的案卷版本 {version}，案卷指纹 SHA-256 {sha}",
                f"On the agenda as case version {version}, case fingerprint SHA-256 {sha}",
            )
        blocks.append(Para(note, TextStyle.NOTE))
    return blocks


def _amount_change(decision: CommitteeDecisionData, tr: Tr) -> str:
    """An approved amount other than the requested one, when nobody described the change."""
    amount, requested = decision.amount, decision.requested
    if decision.decision not in APPROVALS or amount is None or requested is None or amount == requested:
        return ""
    return tr(
        f"金额由申请的 {money(requested)} 元调整为 {money(amount)} 元",
        f"amount changed from the requested CNY {money(requested)} to CNY {money(amount)}",
    )


BOX_OF_MEMBER: dict[MemberRole, SignatureRole] = {
    MemberRole.CHAIR: SignatureRole.CHAIR,
    MemberRole.MEMBER: SignatureRole.MEMBER,
    MemberRole.SECRETARY: SignatureRole.SECRETARY,
}
"""The box kind of each person who signs the minutes (presenting officers do not sign them)."""


def minutes_signature_block(minutes: MinutesData, lang: str) -> SignatureBlock:
    """Every voting member, the chair last but one, the secretary last (who attends without a vote
    does not sign)."""
    tr = Tr(lang)
    order = {MemberRole.MEMBER: 0, MemberRole.CHAIR: 1, MemberRole.SECRETARY: 2}
    signing = (m for m in minutes.members if m.role in order and (m.votes or m.role is not MemberRole.MEMBER))
    people = sorted(signing, key=lambda m: order[m.role])
    return SignatureBlock(
        title=tr("审贷会成员签名", "Signatures of the committee"),
        slots=tuple(
            SignatureSlot(capital(label(m.role, lang), lang), m.name, BOX_OF_MEMBER[m.role]) for m in people
        ),
        note=tr(
            "纪要经签署后不可更改；修改须另行签署新版本。",
            "Once signed the minutes are final; a change needs a new signed version.",
        ),
    )


def build_minutes_doc(minutes: MinutesData, lang: str) -> ReportDoc:
    """The minutes of one session: attendance, then each case's decision, then the signatures."""
    tr = Tr(lang)
    session: list[Block] = [
        KeyValues(
            (
                (tr("会议编号", "Session"), text(minutes.session_number)),
                (tr("日期", "Date"), day(minutes.held_on)),
                (tr("地点", "Place"), text(minutes.place)),
                (tr("主席", "Chair"), text(minutes.chair)),
                (tr("表决规则", "Voting rule"), rule_text(minutes, lang)),
                (tr("审议案件数", "Cases"), str(len(minutes.decisions))),
            ),
            2,
        ),
        detail_table(_attendance(minutes), minutes.members, tr, caption=tr("出席人员", "Attendance")),
    ]
    if minutes.notes.strip():
        session.append(Para(minutes.notes.strip()))
    parts: list[Block] = [Section(tr("会议信息", "Session"), tuple(session), number=section_number(1, lang))]
    for index, decision in enumerate(minutes.decisions, start=2):
        title = tr(
            f"案件 {decision.case_number} {decision.borrower}",
            f"Case {decision.case_number} {decision.borrower}",
        )
        if decision.business:
            title += f"（{decision.business}）" if lang == "zh" else f" ({decision.business})"
        parts.append(
            Section(title, tuple(decision_blocks(decision, lang)), number=section_number(index, lang))
        )
    # The parts under the document's title: the page then shows what it is, not only its header.
    heading = tr("审贷会纪要", "Credit committee minutes")
    blocks = (Section(heading, tuple(parts)), minutes_signature_block(minutes, lang))
    return ReportDoc(
        kind=ReportKind.MINUTES,
        title=tr("审贷会纪要", "Credit committee minutes"),
        lang=lang,
        reference=minutes.session_number,
        blocks=blocks,
        subject=tr("审贷会纪要", "Credit committee minutes") + f" {minutes.session_number}",
        keywords=(minutes.session_number, *(d.case_number for d in minutes.decisions)),
    )
