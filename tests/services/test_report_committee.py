"""The dossier and the minutes of a stored case carry the committee's decision from the store, in the
report's language; on SQLite and PostgreSQL, a full session run through the services."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from tests.reports.pdf_tools import text
from tests.store.helpers import add_user, demo
from workbench.domain.committee import CommitteeRules, DecisionRule, Member, Terms, Vote
from workbench.domain.records import Role, User
from workbench.reports.content import build_minutes
from workbench.reports.inputs import MonitoringKind, MonitoringStep
from workbench.services.reporting import ReportKind, ReportRequest, make_report, with_stored_committee
from workbench.services.store import StoreServices

if TYPE_CHECKING:
    from workbench.reports.inputs import MinutesData
    from workbench.store.db import Sessions

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
CONDITION = "配偶陈志强签署共同借款合同"
CHAIR_REASON = "按测算能力调减至 45 000"
WANG_REASON = "须共同借款"


@dataclasses.dataclass(frozen=True)
class Decided:
    """A session on 2024-07-02: case A decided (45,000 with a condition), case B on the agenda only."""

    session_id: str
    case_a: str
    case_b: str
    chair: User


def run_session(store: StoreServices, officer: User) -> Decided:
    """Agenda, votes and the decision through the services, as the committee window drives them."""
    add = store.sessions
    chair = add_user(add, "chenzhuxi", Role.COMMITTEE_CHAIR)
    wang, li, expert, guest = (
        add_user(add, name, Role.COMMITTEE_MEMBER) for name in ("wangwei", "lina", "expert", "guest")
    )
    committee = store.committee
    ids = []
    for name in ("a", "b"):
        case_id = store.cases.create_case(demo(name), officer).case.id
        committee.submit_case(case_id, officer)
        ids.append(case_id)
    case_a, case_b = ids
    members = [Member(wang.id, ""), Member(li.id, ""), Member(expert.id, "", veto=True)]
    members.append(Member(guest.id, "", votes=False))
    session_id = committee.create_session(
        date(2024, 7, 2), "三楼会议室", chair.id, members, "秘书小周", CommitteeRules(), chair
    )
    for case_id in (case_a, case_b):
        committee.add_to_agenda(session_id, case_id, chair)
    committee.cast_vote(session_id, case_a, chair.id, Vote.APPROVE_WITH_CHANGES, CHAIR_REASON, (), chair)
    committee.cast_vote(
        session_id, case_a, wang.id, Vote.APPROVE_WITH_CONDITIONS, WANG_REASON, (CONDITION,), wang
    )
    for member in (li, expert):
        committee.cast_vote(session_id, case_a, member.id, Vote.APPROVE_AS_PROPOSED, "", (), member)
    request = demo("a").request
    terms = Terms(Decimal("45000"), request.term_months, request.rate, request.method)
    committee.record_decision(session_id, case_a, terms, (), "", chair)
    return Decided(session_id, case_a, case_b, chair)


def flat(pdf: bytes) -> str:
    return "".join(text(pdf).split())


def report(store: StoreServices, case_id: str, kind: ReportKind, lang: str, user: User) -> bytes:
    request = with_stored_committee(store, case_id, ReportRequest(kind, lang, invariant=True), user)
    record = store.cases.open_case(case_id, user)
    return make_report(record.case, request, case_version=record.version).pdf


def typed_texts(minutes: MinutesData) -> set[str]:
    """Everything people typed (names, places, reasons, the case's own texts): may be Chinese."""
    out = {minutes.place, minutes.notes, minutes.session_number}
    for m in minutes.members:
        out |= {m.name, m.title}
    for d in minutes.decisions:
        out |= {d.case_number, d.borrower, d.business, d.presenter, d.purpose, d.changes, d.reason}
        out |= {*d.co_borrowers, *d.guarantors, *d.collateral, *d.conditions_precedent}
        out |= {m for m in d.monitoring if isinstance(m, str)}
        out |= {v.member for v in d.votes} | {v.comment for v in d.votes}
    return {t for t in out if t}


def test_the_dossier_of_a_decided_case_has_the_decision_and_the_minutes_from_the_store(
    sessions: Sessions, engine_url: str, officer: User
) -> None:
    store = StoreServices.over(engine_url, sessions)
    decided = run_session(store, officer)

    found = store.committee.case_committee(decided.case_a, officer)
    assert found is not None and found.session_id == decided.session_id
    assert found.decision.amount == Decimal("45000.00") and found.decision.conditions_precedent == (
        CONDITION,
    )
    assert [v.comment for v in found.decision.votes][:2] == [CHAIR_REASON, WANG_REASON]
    assert found.decision.monitoring[0] == MonitoringStep(MonitoringKind.FIRST, 7, date(2024, 7, 12))
    assert store.committee.case_committee(decided.case_b, officer) is None  # on the agenda, undecided

    zh = flat(report(store, decided.case_a, ReportKind.DOSSIER, "zh", officer))
    assert "第三部分审贷会决议" in zh and "第四部分审贷会纪要" in zh
    assert "45,000.00" in zh and CONDITION in zh
    assert "Chenzhuxi" in zh and "Wangwei" in zh and "批准（有变更）" in zh and "有条件批准" in zh
    assert "".join(WANG_REASON.split()) in zh
    assert "全体一致，法定人数3人" in zh and "一票否决权" in zh and "列席（不投票）" in zh
    assert "上会日期2024-07-02" in zh  # the session's date on the cover
    assert "本次会议另审议1个案件" in zh  # case B's borrower is not in A's file
    assert demo("b").borrower.name not in zh

    en = flat(report(store, decided.case_a, ReportKind.DOSSIER, "en", officer))
    assert "Part3:Committeedecision" in en and "Part4:Committeeminutes" in en
    assert "45,000.00" in en and CONDITION in en and "approvewithchanges" in en.lower()
    assert "Unanimous,quorum3" in en and "holdsaveto" in en and "attends,novote" in en
    assert "Firstmonitoringvisit:within7daysofdisbursement(by2024-07-12)" in en
    committee_part = en[en.rindex("Part3:Committeedecision") :]  # the survey part has typed Chinese
    for chinese in (
        "全体一致",
        "法定人数",
        "一票否决权",
        "列席",
        "首次监控",
        "常规监控",
        "还款提醒",
        "调整为",
    ):
        assert chinese not in committee_part

    never = flat(report(store, decided.case_b, ReportKind.DOSSIER, "zh", officer))
    assert "尚未上会" in never
    assert "第三部分审贷会决议" not in never and "审贷会纪要" not in never and "表决情况" not in never


def test_the_minutes_of_a_decided_case_are_its_sessions_and_english_minutes_word_what_the_store_made(
    sessions: Sessions, engine_url: str, officer: User
) -> None:
    store = StoreServices.over(engine_url, sessions)
    decided = run_session(store, officer)
    minutes = store.committee.minutes_data(decided.session_id, officer)
    assert (minutes.rule, minutes.quorum) == (DecisionRule.UNANIMOUS, 3)
    flags = {m.name: (m.veto, m.votes) for m in minutes.members}
    assert flags["Expert"] == (True, True) and flags["Guest"] == (False, False)

    en_doc = build_minutes(minutes, "en").text()
    left = en_doc
    for typed in sorted(typed_texts(minutes), key=len, reverse=True):
        left = left.replace(typed, "")
    assert not CJK.findall(left), CJK.findall(left)

    for key in (decided.case_a, decided.case_b):  # B waits in the same session: its minutes too
        en = flat(report(store, key, ReportKind.MINUTES, "en", officer))
        assert "Creditcommitteeminutes" in en and "Unanimous,quorum3" in en
        assert "Regularmonitoring:monthly(from2024-08-05,12visits)" in en
        assert "Repaymentreminder:3daysbeforeeachinstalment" in en
        assert "amountchangedfromtherequestedCNY60,000.00toCNY45,000.00" in en
        assert not CJK.findall(en.replace("三楼会议室", "").split("Case")[0])  # the session part
        zh = flat(report(store, key, ReportKind.MINUTES, "zh", officer))
        assert "常规监控：每月（2024-08-05起，共12次）" in zh and "还款提醒：每期到期前3天" in zh


def test_the_monitoring_plan_is_data_worded_by_the_report_in_its_language() -> None:
    """The plan is steps (and typed measures); the report words them in zh and en, nothing is parsed."""
    from workbench.domain.committee import DEFAULT_MONITORING
    from workbench.reports.content_minutes import monitoring_text
    from workbench.services.committee import monitoring_steps, monitoring_wording

    first, regular, reminder = monitoring_steps(demo("a"), 12)
    assert first == MonitoringStep(MonitoringKind.FIRST, 7, date(2024, 7, 12))
    assert regular == MonitoringStep(MonitoringKind.REGULAR, None, date(2024, 8, 5), 12)
    assert reminder == MonitoringStep(MonitoringKind.REMINDER, 3)
    assert monitoring_wording((first, regular, reminder), "zh") == (
        "首次监控：放款后 7 天内（2024-07-12 前）",
        "常规监控：每月（2024-08-05 起，共 12 次）",
        "还款提醒：每期到期前 3 天",
    )
    assert monitoring_wording((first, regular, reminder), "en") == (
        "First monitoring visit: within 7 days of disbursement (by 2024-07-12)",
        "Regular monitoring: monthly (from 2024-08-05, 12 visits)",
        "Repayment reminder: 3 days before each instalment",
    )
    assert monitoring_wording(DEFAULT_MONITORING, "en") == (
        "First monitoring visit: within 7 days of disbursement",
        "Regular monitoring: monthly",
    )
    assert monitoring_steps(demo("a"), None) == DEFAULT_MONITORING
    assert monitoring_text("每两周走访一次", "en") == "每两周走访一次"  # typed text stays as typed
