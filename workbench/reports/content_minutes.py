"""The committee minutes (审贷会纪要) and the per-case decision (决议).

``decision_blocks`` is shared by the minutes and the dossier's decision section. What the store
generated (the voting rule, attendance flags, the standard monitoring plan, an amount changed from the
request) is worded here in the report's language from data; the committee window shows the plan in
the same words (``monitoring_text``), and nothing is read back from them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.domain.committee import APPROVALS as APPROVING_VOTES
from workbench.domain.committee import DecisionRule, Outcome, Vote
from workbench.domain.records import SignatureRole
from workbench.reports.content_common import method_name, section_number
from workbench.reports.document import (
    Align,
    Block,
    Bullets,
    DataTable,
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
from workbench.reports.inputs import APPROVALS, MemberRole, MonitoringKind
from workbench.reports.tables import LABEL, TEXT, Col, Head, detail_table, grid_table
from workbench.reports.texts import MONEY_UNIT, Tr, capital, label
from workbench.texts import N_, NC_, Msg

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
    Col(N_("提问人"), lambda q: q.asked_by, TEXT, width=0.8),
    Col(N_("问题"), lambda q: q.question, width=2),
    Col(N_("回答"), lambda q: q.answer, width=2.4),
)

VOTES: tuple[Col[VoteData], ...] = (
    Col(NC_("column", "委员"), lambda v: v.member, width=0.9),
    Col(N_("表决"), lambda v: v.vote, LABEL, width=1.4),
    Col(N_("意见"), lambda v: v.comment, TEXT, width=2.5),
    Col(
        N_("否决权"),
        lambda v: v.veto,
        lambda veto, tr: tr(N_("是")) if veto else "",
        Align.CENTER,
        0.6,
    ),
)

RULES: dict[DecisionRule, tuple[Msg, Msg]] = {
    DecisionRule.UNANIMOUS: (N_("全体一致"), N_("全体一致，法定人数 {quorum} 人")),
    DecisionRule.MAJORITY: (N_("多数通过"), N_("多数通过，法定人数 {quorum} 人")),
    DecisionRule.CHAIR_DECIDES: (N_("主席决定"), N_("主席决定，法定人数 {quorum} 人")),
}


def rule_text(minutes: MinutesData, lang: str) -> str:
    """``全体一致，法定人数 3 人`` / ``Unanimous, quorum 3``; a dash when the session has no rule."""
    tr = Tr(lang)
    if minutes.rule is None:
        return DASH
    alone, with_quorum = RULES[minutes.rule]
    if minutes.quorum is None:
        return tr(alone)
    return tr(with_quorum, quorum=minutes.quorum)


def attendance_note(member: CommitteeMember, tr: Tr) -> str:
    if member.role is MemberRole.MEMBER and not member.votes:
        return tr(N_("列席（不投票）"))
    return tr(N_("一票否决权")) if member.veto else ""


def monitoring_text(item: Monitoring, lang: str) -> str:
    """A monitoring measure in ``lang``: a step of the standard plan worded, typed text as typed."""
    if isinstance(item, str):
        return item
    tr = Tr(lang)
    if item.kind is MonitoringKind.FIRST:
        if item.due_on is not None:
            return tr(
                N_("首次监控：放款后 {days} 天内（{due} 前）"), days=item.days, due=item.due_on.isoformat()
            )
        return tr(N_("首次监控：放款后 {days} 天内"), days=item.days)
    if item.kind is MonitoringKind.REGULAR:
        if item.due_on is not None and item.count is not None:
            return tr(
                N_("常规监控：每月（{due} 起，共 {count} 次）"), due=item.due_on.isoformat(), count=item.count
            )
        return tr(N_("常规监控：每月"))
    return tr(N_("还款提醒：每期到期前 {days} 天"), days=item.days)


ATTENDANCE: tuple[Col[CommitteeMember], ...] = (
    Col(N_("姓名"), lambda m: m.name),
    Col(N_("角色"), lambda m: m.role, LABEL, width=1.6),
    Col(N_("职务"), lambda m: m.title, TEXT, width=1.4),
    Col(N_("备注"), lambda m: m, lambda m, tr: attendance_note(m, tr) or DASH, width=1.2),
)


def _attendance(minutes: MinutesData) -> tuple[Col[CommitteeMember], ...]:
    """The attendance columns; the store knows no positions, so an all-empty one is left out."""
    if any(m.title.strip() for m in minutes.members):
        return ATTENDANCE
    return tuple(c for c in ATTENDANCE if c.heading != N_("职务"))


# A blank to write on by hand in a form printed before the session.
BLANK = "______________"


def outcome_with_rule(decision: CommitteeDecisionData, rule: DecisionRule | None, lang: str) -> str:
    """``拒绝贷款申请（表决规则：全体一致；批准 2 票，共 3 票）``: the outcome beside its rule."""
    tr = Tr(lang)
    verdict = label(decision.decision, lang)
    if rule is None or not decision.votes:
        return verdict
    approvals = sum(1 for v in decision.votes if v.vote in APPROVING_VOTES)
    return tr(
        N_("{verdict}（表决规则：{rule}；批准 {approvals} 票，共 {votes} 票）"),
        verdict=verdict,
        rule=tr(RULES[rule][0]),
        approvals=approvals,
        votes=len(decision.votes),
    )


def vote_form(voters: tuple[CommitteeMember, ...], tr: Tr) -> DataTable:
    """One row per voting member to fill in by hand: a box per vote, a line for the opinion, a signature."""
    boxes = "  ".join(f"□ {label(vote, tr.lang)}" for vote in Vote)
    rows = tuple((m.name or BLANK, boxes, "\n\n", "") for m in voters) or ((BLANK, boxes, "\n\n", ""),)
    return grid_table(
        (
            Head(NC_("column", "委员"), width=0.8),
            Head(N_("表决（勾选一项）"), width=2.2),
            Head(N_("意见"), width=1.8),
            Head(N_("签字"), width=0.8),
        ),
        rows,
        tr,
        caption=tr(N_("表决情况")),
        amounts=False,
    )


def decision_blocks(
    decision: CommitteeDecisionData,
    lang: str,
    *,
    rule: DecisionRule | None = None,
    voters: tuple[CommitteeMember, ...] = (),
) -> list[Block]:
    """Decision, final terms, conditions, monitoring, questions and votes of one case.

    ``rule`` (the session's) is printed beside the outcome; a case not yet decided is a form: a box
    per outcome, and a vote line per member of ``voters``.
    """
    tr = Tr(lang)
    verdict = label(decision.decision, lang) if decision.decision else BLANK  # a form: written in
    rate = f"{number(decision.annual_rate_percent, 2)}%" if decision.annual_rate_percent is not None else DASH
    blocks: list[Block] = [
        KeyValues(
            (
                (tr(N_("案件编号")), text(decision.case_number)),
                (tr(N_("借款人")), decision.borrower),
                (tr(N_("经营主体")), text(decision.business)),
                (tr(NC_("report", "主办客户经理")), text(decision.presenter)),
                (tr(NC_("column", "申请金额")), money(decision.requested)),
                (tr(NC_("column", "建议金额")), money(decision.proposed)),
                (tr(N_("决议")), capital(verdict, lang)),
                (tr(N_("批准金额")), money(decision.amount) if decision.decision else BLANK),
                (
                    tr(NC_("report", "期限（月）")),
                    DASH if decision.term_months is None else str(decision.term_months),
                ),
                (tr(N_("年利率")), rate),
                (tr(NC_("report", "还款方式")), method_name(decision.method, lang)),
                (tr(N_("月还款额")), money(decision.instalment)),
                (tr(NC_("report", "共同借款人")), tr.sep.join(decision.co_borrowers) or DASH),
                (tr(NC_("report", "保证人")), tr.sep.join(decision.guarantors) or DASH),
                (tr(N_("抵质押物")), tr.sep.join(decision.collateral) or DASH),
                (tr(N_("贷款用途")), text(decision.purpose)),
            ),
            2,
            tr(MONEY_UNIT),
        ),
    ]
    if decision.decision:
        shown = outcome_with_rule(decision, rule, lang)
        blocks.append(Para(tr(N_("决议结论")) + tr.colon + shown, TextStyle.LEAD))
    else:
        outcomes = (o for o in Outcome if o is not Outcome.NO_QUORUM)
        boxes = "  ".join(f"□ {label(outcome, lang)}" for outcome in outcomes)
        blocks.append(Para(tr(N_("决议结论（勾选一项）")) + tr.colon + boxes, TextStyle.LEAD))
    changes = decision.changes.strip() or _amount_change(decision, tr)
    if changes:
        blocks.append(Para(tr(N_("变更内容")) + tr.colon + changes))
    if decision.reason.strip():
        blocks.append(Para(tr(N_("理由")) + tr.colon + decision.reason.strip()))
    # Nothing to state yet for a case still pending, rather than "none".
    empty = Para(tr(N_("无")) if decision.decision else DASH)
    blocks.append(Para(tr(N_("放款前提条件")), TextStyle.LEAD))
    blocks.append(Bullets(decision.conditions_precedent) if decision.conditions_precedent else empty)
    blocks.append(Para(tr(N_("贷后监控措施")), TextStyle.LEAD))
    monitoring = tuple(monitoring_text(m, lang) for m in decision.monitoring)
    blocks.append(Bullets(monitoring) if monitoring else empty)
    if decision.questions:
        caption = tr(N_("问答记录"))
        blocks.append(detail_table(QUESTIONS, decision.questions, tr, caption=caption))
    if not decision.decision and not decision.votes:
        blocks.append(vote_form(voters, tr))
    if decision.votes:
        blocks.append(detail_table(VOTES, decision.votes, tr, caption=tr(N_("表决情况"))))
        tally = []
        for kind in Vote:
            n = sum(1 for v in decision.votes if v.vote is kind)
            if n:
                tally.append(tr(N_("{vote} {n} 票"), vote=label(kind, lang), n=n))
        blocks.append(Para(tr(N_("计票：")) + tr.sep.join(tally), TextStyle.NOTE))
    if decision.case_sha256:
        version = DASH if decision.case_version is None else str(decision.case_version)
        sha = decision.case_sha256
        if decision.decision:
            note = tr(N_("决议所依据的案卷版本 {version}，案卷指纹 SHA-256 {sha}"), version=version, sha=sha)
        else:
            note = tr(N_("列入议程的案卷版本 {version}，案卷指纹 SHA-256 {sha}"), version=version, sha=sha)
        blocks.append(Para(note, TextStyle.NOTE))
    return blocks


def _amount_change(decision: CommitteeDecisionData, tr: Tr) -> str:
    """An approved amount other than the requested one, when nobody described the change."""
    amount, requested = decision.amount, decision.requested
    if decision.decision not in APPROVALS or amount is None or requested is None or amount == requested:
        return ""
    return tr(
        N_("金额由申请的 {requested} 元调整为 {amount} 元"), requested=money(requested), amount=money(amount)
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
        title=tr(N_("审贷会成员签名")),
        slots=tuple(
            SignatureSlot(capital(label(m.role, lang), lang), m.name, BOX_OF_MEMBER[m.role]) for m in people
        ),
        note=tr(
            N_("纪要经签署后不可更改；修改须另行签署新版本。"),
        ),
    )


def _audit_head(minutes: MinutesData, tr: Tr) -> tuple[tuple[str, str], ...]:
    """The audit chain's head as the store had it (``workbench audit verify`` checks the chain)."""
    if minutes.audit_head is None:
        return ()
    seq, digest = minutes.audit_head
    grouped = " ".join(digest[i : i + 16] for i in range(0, len(digest), 16))  # wraps in the cell
    return ((tr(N_("审计链链头")), tr(N_("第 {seq} 条 · SHA-256 {hash}"), seq=seq, hash=grouped)),)


def build_minutes_doc(minutes: MinutesData, lang: str) -> ReportDoc:
    """The minutes of one session: attendance, then each case's decision, then the signatures."""
    tr = Tr(lang)
    session: list[Block] = [
        KeyValues(
            (
                (tr(N_("会议编号")), text(minutes.session_number)),
                (tr(N_("日期")), day(minutes.held_on) if minutes.held_on else BLANK),
                (tr(N_("地点")), minutes.place.strip() or BLANK),
                (tr(NC_("report", "主席")), text(minutes.chair)),
                (tr(N_("表决规则")), rule_text(minutes, lang)),
                (tr(N_("审议案件数")), str(len(minutes.decisions))),
                *_audit_head(minutes, tr),
            ),
            2,
        ),
        detail_table(_attendance(minutes), minutes.members, tr, caption=tr(N_("出席人员"))),
    ]
    if minutes.notes.strip():
        session.append(Para(minutes.notes.strip()))
    parts: list[Block] = [Section(tr(N_("会议信息")), tuple(session), number=section_number(1, lang))]
    for index, decision in enumerate(minutes.decisions, start=2):
        title = tr(N_("案件 {number} {borrower}"), number=decision.case_number, borrower=decision.borrower)
        if decision.business:
            title += tr(N_("（{business}）"), business=decision.business)
        number = section_number(index, lang)
        blocks = tuple(decision_blocks(decision, lang, rule=minutes.rule, voters=minutes.voters))
        parts.append(
            Section(title, blocks, number=number, keep_together=True, fingerprint=decision.case_sha256)
        )
    # The parts under the document's title: the page then shows what it is, not only its header.
    heading = tr(N_("审贷会纪要"))
    blocks = (Section(heading, tuple(parts)), minutes_signature_block(minutes, lang))
    return ReportDoc(
        kind=ReportKind.MINUTES,
        title=tr(N_("审贷会纪要")),
        lang=lang,
        reference=minutes.session_number,
        blocks=blocks,
        subject=tr(N_("审贷会纪要")) + f" {minutes.session_number}",
        keywords=(minutes.session_number, *(d.case_number for d in minutes.decisions)),
    )
