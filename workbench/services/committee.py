"""``CommitteeService``: sessions, submission, agenda, votes, the decision and the minutes' data.

Each public method is one unit of work: permissions first, then the repositories inside one
transaction, so a refused or failed step changes nothing. Every step is in the audit trail (the
committee repository writes the committee entries; a stage change is a saved case version whose
``stage`` field change is audited like any edit).

Closing a session (``close_session``, every agenda case decided) renders the minutes from the
stored session, has the chair sign them, archives the signed PDF under each case (immutable) and
marks the session ``minutes_signed``; nothing can be added, voted or decided in it afterwards.

Stages: submitting moves a ready case to ``APPROVAL`` (frozen: ``CaseService.save_case`` refuses
it); the decision moves it on — approved → ``CONTRACT``, rejected → ``REFUSED``, returned for
re-survey → ``INVESTIGATE`` (editable again, resubmitted as a new version), deferred → stays in
``APPROVAL`` (it can go on another session's agenda).
"""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from workbench.domain.calc import compute_case
from workbench.domain.case_file import Stage
from workbench.domain.committee import (
    CommitteeRules,
    Decision,
    Member,
    MemberVote,
    Outcome,
    VisitKind,
    Vote,
    decide,
    monitoring_plan,
)
from workbench.domain.errors import ValidationError
from workbench.domain.readiness import Severity
from workbench.domain.records import ArchivedReport, CommitteeError, Role
from workbench.domain.records import ReportKind as ArchiveKind
from workbench.reports.content import draft_decision
from workbench.reports.content_minutes import monitoring_text
from workbench.reports.inputs import (
    CommitteeDecisionData,
    CommitteeMember,
    DecisionKind,
    MemberRole,
    MinutesData,
    Monitoring,
    MonitoringKind,
    MonitoringStep,
    VoteData,
    VoteKind,
)
from workbench.services.permissions import Action, require
from workbench.store.archive_repository import SqlArchiveRepository
from workbench.store.committee_repository import OPEN, SqlCommitteeRepository
from workbench.store.committee_repository import AgendaItem as AgendaItem  # re-exported for the UI
from workbench.store.committee_repository import SessionInfo as SessionInfo
from workbench.store.committee_repository import SessionSummary as SessionSummary
from workbench.store.committee_repository import StoredDecision as StoredDecision
from workbench.store.repository import SqlCaseRepository
from workbench.store.user_repository import SqlUserRepository

if TYPE_CHECKING:
    from collections.abc import Sequence

    from workbench.domain.case_file import CaseFile
    from workbench.domain.committee import Terms
    from workbench.domain.records import CaseSummary, User
    from workbench.reports.signing import SigningIdentity
    from workbench.store.db import Sessions

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
"""A placeholder ``decided_at`` until the repository's clock sets it."""

FIRST_VISIT_DAYS = 7
REMINDER_DAYS = 3

DEFAULT_STEPS = (
    MonitoringStep(MonitoringKind.FIRST, FIRST_VISIT_DAYS),
    MonitoringStep(MonitoringKind.REGULAR),
)
"""The monitoring plan of an approved loan whose disbursement date is not known yet."""

DEFAULT_MONITORING = tuple(monitoring_text(step, "zh") for step in DEFAULT_STEPS)
"""Its stored wording (a decision row keeps monitoring as lines of text)."""

BEFORE_SUBMISSION = (Stage.APPLY, Stage.ALLOT, Stage.INVESTIGATE)

STAGE_AFTER: dict[Outcome, Stage] = {
    Outcome.APPROVED_AS_PROPOSED: Stage.CONTRACT,
    Outcome.APPROVED_WITH_CHANGES: Stage.CONTRACT,
    Outcome.APPROVED_WITH_CONDITIONS: Stage.CONTRACT,
    Outcome.REJECTED: Stage.REFUSED,
    Outcome.RETURNED_FOR_RESURVEY: Stage.INVESTIGATE,
    Outcome.DEFERRED: Stage.APPROVAL,
}

VOTE_KINDS: dict[Vote, VoteKind] = {
    Vote.APPROVE_AS_PROPOSED: VoteKind.APPROVE,
    Vote.APPROVE_WITH_CHANGES: VoteKind.REDUCE_AMOUNT,
    Vote.APPROVE_WITH_CONDITIONS: VoteKind.APPROVE_WITH_CONDITIONS,
    Vote.RETURN_FOR_RESURVEY: VoteKind.RETURN,
    Vote.DEFER: VoteKind.DEFER,
    Vote.REJECT: VoteKind.REJECT,
}


@dataclasses.dataclass(frozen=True, slots=True)
class _Owned:
    officer_id: str


@dataclasses.dataclass(frozen=True, slots=True)
class CaseBoard:
    """Where one agenda case stands: the votes so far, what the rule makes of them, the decision.

    ``standing`` is ``None`` while the rule cannot say yet (the chair's vote missing under "chair
    decides"); its outcome is ``NO_QUORUM`` while too few have voted.
    """

    session: SessionInfo
    item: AgendaItem
    votes: tuple[MemberVote, ...]
    standing: Decision | None
    decision: StoredDecision | None


@dataclasses.dataclass(frozen=True, slots=True)
class SignedMinutes:
    """The signed minutes of a closed session: one archived PDF per agenda case."""

    session_id: str
    reports: tuple[tuple[str, ArchivedReport], ...]  # (case id, archive row)
    pdf: bytes  # the first case's copy, to save or show


def _require_open(info: SessionInfo) -> None:
    if info.status != OPEN:
        raise CommitteeError("session_closed", session_id=info.id)


def monitoring_steps(case: CaseFile, term_months: int | None) -> tuple[MonitoringStep, ...]:
    """The post-loan monitoring plan of an approved case: dated when the disbursement date is known."""
    disbursed = case.dates.disbursed_on or case.request.disbursement_date
    if disbursed is None or not term_months:
        return DEFAULT_STEPS
    plan = monitoring_plan(
        disbursed, term_months, first_visit_days=FIRST_VISIT_DAYS, reminder_days=REMINDER_DAYS
    )
    first = next(v for v in plan if v.kind is VisitKind.FIRST)
    regular = [v for v in plan if v.kind is VisitKind.REGULAR]
    return (
        MonitoringStep(MonitoringKind.FIRST, FIRST_VISIT_DAYS, first.due_on),
        MonitoringStep(MonitoringKind.REGULAR, None, regular[0].due_on, len(regular)),
        MonitoringStep(MonitoringKind.REMINDER, REMINDER_DAYS),
    )


def monitoring_lines(case: CaseFile, term_months: int | None) -> tuple[str, ...]:
    """The plan as the decision form shows it and the decision row stores it (Chinese lines)."""
    return tuple(monitoring_text(step, "zh") for step in monitoring_steps(case, term_months))


# The stored wording of the standard plan's steps (``monitoring_text(step, "zh")``), read back as data
# so that the minutes word them in their own language; any other line is the committee's own text.
_DAY = r"(\d{4}-\d{2}-\d{2})"
_STEP_PATTERNS = (
    (MonitoringKind.FIRST, re.compile(rf"首次监控：放款后 (\d+) 天内(?:（{_DAY} 前）)?")),
    (MonitoringKind.REGULAR, re.compile(rf"常规监控：每月(?:（{_DAY} 起，共 (\d+) 次）)?")),
    (MonitoringKind.REMINDER, re.compile(r"还款提醒：每期到期前 (\d+) 天")),
)


def read_monitoring(line: str) -> Monitoring:
    """A stored monitoring line: a step of the standard plan when it is worded as one, else the text."""
    for kind, pattern in _STEP_PATTERNS:
        found = pattern.fullmatch(line.strip())
        if found is None:
            continue
        if kind is MonitoringKind.REGULAR:
            due, count = found.groups()
            return MonitoringStep(
                kind, None, date.fromisoformat(due) if due else None, int(count) if count else None
            )
        days, *rest = found.groups()
        due_on = date.fromisoformat(rest[0]) if rest and rest[0] else None
        return MonitoringStep(kind, int(days), due_on)
    return line


@dataclasses.dataclass(frozen=True, slots=True)
class CaseCommittee:
    """A stored case's latest committee decision, and the minutes of the session that took it."""

    session_id: str
    decision: CommitteeDecisionData
    minutes: MinutesData


def _chair_slot(pdf: bytes) -> int | None:
    """The chair's box of the minutes' signature block (by its printed role), else the first free."""
    import io

    from pyhanko.pdf_utils.reader import PdfFileReader

    from workbench.reports.metadata import read_report_info
    from workbench.reports.texts import label

    slots = read_report_info(PdfFileReader(io.BytesIO(pdf), strict=False)).slots
    chair_words = {label(MemberRole.CHAIR, "zh"), label(MemberRole.CHAIR, "en")}
    return next((s.index for s in slots if s.role in chair_words), None)


class CommitteeService:
    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    # ---- sessions and agenda ---------------------------------------------------------------------

    def create_session(
        self,
        held_on: date,
        place: str,
        chair_id: str,
        members: Sequence[Member],
        secretary: str,
        rules: CommitteeRules,
        user: User,
    ) -> str:
        """A new session; ``members`` are users (``Member.id`` = user id; the name is taken from the
        store) with their flags; the chair votes even when not listed. Returns the session id."""
        require(user, Action.RUN_SESSION)
        with self._sessions.begin() as session:
            return SqlCommitteeRepository(session).add_session(
                held_on, place, chair_id, members, secretary, rules, user.id
            )

    def session_info(self, session_id: str, user: User) -> SessionInfo:
        require(user, Action.READ_CASE)
        with self._sessions.begin() as session:
            return SqlCommitteeRepository(session).get_session(session_id)

    def agenda(self, session_id: str, user: User) -> list[AgendaItem]:
        require(user, Action.READ_CASE)
        with self._sessions.begin() as session:
            repo = SqlCommitteeRepository(session)
            repo.get_session(session_id)
            return repo.agenda(session_id)

    def submit_case(self, case_id: str, user: User) -> int:
        """The officer submits her ready case: stage ``APPROVAL``, frozen; returns the submitted version.

        Raises:
            PermissionDenied: not the owning officer (or an administrator).
            CommitteeError: ``case_not_submittable`` (already submitted or decided), ``case_not_ready``
                (the blocking issue codes of the readiness checklist in ``issues``).
        """
        with self._sessions.begin() as session:
            cases = SqlCaseRepository(session)
            require(user, Action.SUBMIT_CASE, _Owned(cases.owner_of(case_id)))
            record = cases.get(case_id)
            if record.case.stage not in BEFORE_SUBMISSION:
                raise CommitteeError("case_not_submittable", case_id=case_id, stage=record.case.stage.value)
            blocking = [i.code for i in compute_case(record.case).issues if i.severity is Severity.BLOCKING]
            if blocking:
                raise CommitteeError("case_not_ready", case_id=case_id, issues=", ".join(blocking))
            submitted = dataclasses.replace(record.case, stage=Stage.APPROVAL)
            version = cases.save(submitted, record.version, user.id)
            SqlCommitteeRepository(session).mark_submitted(case_id, version, user.id)
            return version

    def add_to_agenda(self, session_id: str, case_id: str, user: User) -> AgendaItem:
        """Put a submitted case on the agenda, pinned to its current (submitted) version.

        Raises:
            CommitteeError: ``case_not_submitted``, ``already_on_agenda`` (waiting in another session).
        """
        require(user, Action.RUN_SESSION)
        with self._sessions.begin() as session:
            repo = SqlCommitteeRepository(session)
            _require_open(repo.get_session(session_id))
            record = SqlCaseRepository(session).get(case_id)
            if record.case.stage is not Stage.APPROVAL:
                raise CommitteeError("case_not_submitted", case_id=case_id, stage=record.case.stage.value)
            if repo.open_item_of(case_id) is not None:
                raise CommitteeError("already_on_agenda", case_id=case_id, session_id=session_id)
            return repo.add_agenda_item(session_id, case_id, record.version, user.id)

    # ---- votes and decision ----------------------------------------------------------------------

    def cast_vote(
        self,
        session_id: str,
        case_id: str,
        member_id: str,
        vote: Vote,
        reason: str,
        conditions: Sequence[str],
        user: User,
    ) -> None:
        """A member's vote (a member votes for herself; the chair may record a member's vote called
        out in the room). Re-voting replaces the earlier vote until the decision is recorded.

        Raises:
            ValidationError: ``reason`` missing for anything but approve as proposed.
            CommitteeError: ``not_a_voting_member``, ``vote_for_other``, ``already_decided``,
                ``not_on_agenda``.
        """
        require(user, Action.VOTE)
        cast = MemberVote(member_id, vote, reason, tuple(c for c in conditions if c.strip()))
        with self._sessions.begin() as session:
            repo = SqlCommitteeRepository(session)
            info = repo.get_session(session_id)
            _require_open(info)
            voting = {m.id for m in info.members if m.votes}
            if member_id not in voting:
                raise CommitteeError("not_a_voting_member", member_id=member_id, session_id=session_id)
            if member_id != user.id:
                require(user, Action.RUN_SESSION)
                if user.id != info.chair_id and user.role is not Role.ADMIN:
                    raise CommitteeError("vote_for_other", member_id=member_id)
            item = repo.agenda_item(session_id, case_id)
            if repo.decision(item.id) is not None:
                raise CommitteeError("already_decided", case_id=case_id, session_id=session_id)
            repo.put_vote(item, cast, info.usernames[member_id], user.id)

    def record_decision(
        self,
        session_id: str,
        case_id: str,
        terms: Terms | None,
        conditions: Sequence[str],
        monitoring: str,
        user: User,
    ) -> StoredDecision:
        """Apply the session's rule to the stored votes and record the decision (the chair).

        Approved: the final terms are the committee's amendment ``terms`` or else the officer's
        proposal; conditions precedent are the approving members' plus ``conditions``; monitoring is
        ``monitoring`` (one measure a line) or the standard plan. The case's stage follows the outcome.

        Raises:
            CommitteeError: ``no_quorum`` (nothing is recorded), ``already_decided``, ``not_on_agenda``.
            ValidationError: the chair's vote missing under "chair decides".
        """
        require(user, Action.RUN_SESSION)
        with self._sessions.begin() as session:
            repo = SqlCommitteeRepository(session)
            cases = SqlCaseRepository(session)
            info = repo.get_session(session_id)
            _require_open(info)
            item = repo.agenda_item(session_id, case_id)
            if repo.decision(item.id) is not None:
                raise CommitteeError("already_decided", case_id=case_id, session_id=session_id)
            votes = repo.votes(item.id)
            outcome = decide(info.members, votes, info.rules)
            if outcome.outcome is Outcome.NO_QUORUM:
                raise CommitteeError("no_quorum", votes=len(votes), quorum=info.rules.quorum)
            pinned = cases.version_document(case_id, item.case_version)
            names = {m.id: m.name for m in info.members}
            reasons = "\n".join(f"{names[v.member_id]}：{v.reason}" for v in votes if v.reason.strip())
            stored = self._decision(
                pinned, outcome.outcome, outcome.conditions, terms, conditions, monitoring
            )
            stored = dataclasses.replace(stored, reasons=reasons, decided_at=repo.now())
            repo.add_decision(item, stored, user.id)
            current = cases.get(case_id)
            stage = STAGE_AFTER[outcome.outcome]
            if current.case.stage is not stage:
                cases.save(dataclasses.replace(current.case, stage=stage), current.version, user.id)
            return stored

    def board(self, session_id: str, case_id: str, user: User) -> CaseBoard:
        """The votes on an agenda case, the live outcome by the session's rule, the decision."""
        require(user, Action.READ_CASE)
        with self._sessions.begin() as session:
            repo = SqlCommitteeRepository(session)
            info = repo.get_session(session_id)
            item = repo.agenda_item(session_id, case_id)
            votes = repo.votes(item.id)
            try:
                standing: Decision | None = decide(info.members, votes, info.rules)
            except ValidationError:  # the chair has not voted under "chair decides"
                standing = None
            return CaseBoard(info, item, votes, standing, repo.decision(item.id))

    def decision(self, session_id: str, case_id: str, user: User) -> StoredDecision | None:
        require(user, Action.READ_CASE)
        with self._sessions.begin() as session:
            repo = SqlCommitteeRepository(session)
            return repo.decision(repo.agenda_item(session_id, case_id).id)

    def votes(self, session_id: str, case_id: str, user: User) -> tuple[MemberVote, ...]:
        require(user, Action.READ_CASE)
        with self._sessions.begin() as session:
            repo = SqlCommitteeRepository(session)
            return repo.votes(repo.agenda_item(session_id, case_id).id)

    # ---- closing and the signed minutes -----------------------------------------------------------

    def close_session(
        self,
        session_id: str,
        identity: SigningIdentity,
        user: User,
        *,
        lang: str = "zh",
        unit: str = "",
        reason: str = "审贷会纪要签署",
        location: str = "",
    ) -> SignedMinutes:
        """Close a session whose agenda cases are all decided: the minutes from the stored session,
        signed by the chair in the chair's box, archived under each case, the session marked
        ``minutes_signed``. Rendering and signing run outside the transaction; the archive rows and
        the closing are written together, so a failure leaves the session open and nothing archived.

        Raises:
            PermissionDenied: not allowed to run sessions.
            CommitteeError: ``not_the_chair``, ``session_closed``, ``session_empty``,
                ``session_undecided`` (how many cases wait), ``session_changed`` (a case changed
                while the minutes were being signed).
            SigningError: the identity cannot sign (expired …).
        """
        from workbench.reports.document import ReportKind
        from workbench.reports.signing import sign_pdf
        from workbench.services.reporting import ReportRequest, render_report

        require(user, Action.RUN_SESSION)
        require(user, Action.ARCHIVE_REPORT)
        with self._sessions.begin() as session:
            repo = SqlCommitteeRepository(session)
            cases = SqlCaseRepository(session)
            info = repo.get_session(session_id)
            if user.id != info.chair_id and user.role is not Role.ADMIN:
                raise CommitteeError("not_the_chair", session_id=session_id)
            _require_open(info)
            agenda = repo.agenda(session_id)
            if not agenda:
                raise CommitteeError("session_empty", session_id=session_id)
            waiting = [item for item in agenda if repo.decision(item.id) is None]
            if waiting:
                raise CommitteeError("session_undecided", session_id=session_id, count=len(waiting))
            records = [cases.get(item.case_id) for item in agenda]
        minutes = self.minutes_data(session_id, user)
        request = ReportRequest(ReportKind.MINUTES, lang, unit, minutes=minutes)
        signed: list[bytes] = []
        for record in records:
            pdf = render_report(record.case, request, record.version)
            signed.append(
                sign_pdf(pdf, identity, reason=reason, location=location, box_position=_chair_slot(pdf))
            )
        signed_at = datetime.now(UTC)
        with self._sessions.begin() as session:
            repo = SqlCommitteeRepository(session)
            cases = SqlCaseRepository(session)
            archive = SqlArchiveRepository(session)
            for record in records:
                if cases.stage_of(record.case.id)[1] != record.version:
                    raise CommitteeError("session_changed", session_id=session_id, case_id=record.case.id)
            reports = tuple(
                (
                    record.case.id,
                    archive.archive_report(
                        record.case.id, ArchiveKind.MINUTES, pdf, identity.name, signed_at, user.id
                    ),
                )
                for record, pdf in zip(records, signed, strict=True)
            )
            repo.close_session(
                session_id, [r.case.id for r in records], [a.sha256 for _c, a in reports], user.id
            )
        return SignedMinutes(session_id, reports, signed[0])

    # ---- lists for the committee window -----------------------------------------------------------

    def list_sessions(self, user: User) -> list[SessionSummary]:
        require(user, Action.READ_CASE)
        with self._sessions.begin() as session:
            return SqlCommitteeRepository(session).list_sessions()

    def awaiting_cases(self, user: User) -> list[CaseSummary]:
        """Submitted cases that wait for a session: stage ``APPROVAL`` and on no undecided agenda."""
        require(user, Action.READ_CASE)
        with self._sessions.begin() as session:
            repo = SqlCommitteeRepository(session)
            submitted = SqlCaseRepository(session).list_cases(None, Stage.APPROVAL, None, 500, 0)
            return [c for c in submitted if repo.open_item_of(c.id) is None]

    def session_of_case(self, case_id: str, user: User) -> str | None:
        """The session a case waits in (undecided on its agenda), else the newest that had it."""
        require(user, Action.READ_CASE)
        with self._sessions.begin() as session:
            repo = SqlCommitteeRepository(session)
            try:
                item = repo.open_item_of(case_id)
                return item.session_id if item is not None else repo.latest_session_of(case_id)
            except ValidationError:  # not a stored case's id
                return None

    def candidate_members(self, user: User) -> list[User]:
        """The active users a session can seat (the chair picks from them)."""
        require(user, Action.RUN_SESSION)
        with self._sessions.begin() as session:
            return [u for u in SqlUserRepository(session).list_users() if u.active]

    # ---- minutes ---------------------------------------------------------------------------------

    def minutes_data(self, session_id: str, user: User) -> MinutesData:
        """The session as the minutes print it: attendees, and per case the decision, the votes with
        their reasons, conditions precedent, final terms and monitoring (undecided cases: agenda only)."""
        require(user, Action.READ_CASE)
        with self._sessions.begin() as session:
            return self._minutes(
                SqlCommitteeRepository(session),
                SqlCaseRepository(session),
                SqlUserRepository(session),
                session_id,
            )

    def case_committee(self, case_id: str, user: User) -> CaseCommittee | None:
        """The committee's latest decision on a stored case (final terms, conditions precedent,
        monitoring, votes with reasons) and the minutes of that session, for the case's dossier.
        ``None``: the case was never decided (or is not a stored case's id)."""
        require(user, Action.READ_CASE)
        with self._sessions.begin() as session:
            repo = SqlCommitteeRepository(session)
            try:
                item = repo.latest_decided_item_of(case_id)
            except ValidationError:  # not a stored case's id
                return None
            if item is None:
                return None
            position = [i.id for i in repo.agenda(item.session_id)].index(item.id)
            minutes = self._minutes(
                repo, SqlCaseRepository(session), SqlUserRepository(session), item.session_id
            )
        return CaseCommittee(item.session_id, minutes.decisions[position], minutes)

    def stored_minutes(self, key: str, user: User) -> tuple[MinutesData, str] | None:
        """``workbench report SESSION_OR_CASE --kind minutes``: the minutes of a session id, or of the
        session of the case id's latest decision (else the newest session that has it on its agenda),
        with the case the report is filed under (the given case, else the session's first agenda item).
        ``None``: neither is known here."""
        require(user, Action.READ_CASE)
        with self._sessions.begin() as session:
            repo = SqlCommitteeRepository(session)
            session_id: str | None
            case_id: str | None
            try:
                repo.get_session(key)
                session_id = key
                agenda = repo.agenda(key)
                case_id = agenda[0].case_id if agenda else None
            except CommitteeError:
                try:
                    decided = repo.latest_decided_item_of(key)
                    session_id = decided.session_id if decided else repo.latest_session_of(key)
                    case_id = key
                except ValidationError:  # neither a session nor a case id
                    return None
        if session_id is None or case_id is None:
            return None
        return self.minutes_data(session_id, user), case_id

    # ---- helpers ---------------------------------------------------------------------------------

    @classmethod
    def _minutes(
        cls, repo: SqlCommitteeRepository, cases: SqlCaseRepository, users: SqlUserRepository, session_id: str
    ) -> MinutesData:
        info = repo.get_session(session_id)
        people = [
            CommitteeMember(
                m.name, MemberRole.CHAIR if m.chair else MemberRole.MEMBER, veto=m.veto, votes=m.votes
            )
            for m in info.members
        ]
        presenters: list[str] = []
        decisions: list[CommitteeDecisionData] = []
        for item in repo.agenda(session_id):
            case = cases.version_document(item.case_id, item.case_version)
            officer = users.get_user(cases.owner_of(item.case_id)).display_name
            presenter = case.officers.lead or officer
            if presenter and presenter not in presenters:
                presenters.append(presenter)
            decisions.append(cls._decision_data(repo, info, item, case, presenter))
        if info.secretary:
            people.append(CommitteeMember(info.secretary, MemberRole.SECRETARY))
        people += [CommitteeMember(p, MemberRole.PRESENTER) for p in presenters]
        return MinutesData(
            session_number=f"{info.held_on:%Y%m%d}-{info.id[:8]}",
            held_on=info.held_on,
            place=info.place,
            members=tuple(people),
            decisions=tuple(decisions),
            rule=info.rules.rule,
            quorum=info.rules.quorum,
        )

    @staticmethod
    def _decision(
        case: CaseFile,
        outcome: Outcome,
        voted_conditions: Sequence[str],
        terms: Terms | None,
        conditions: Sequence[str],
        monitoring: str,
    ) -> StoredDecision:
        all_conditions = tuple(
            dict.fromkeys(c.strip() for c in (*voted_conditions, *conditions) if c.strip())
        )
        if outcome not in (
            Outcome.APPROVED_AS_PROPOSED,
            Outcome.APPROVED_WITH_CHANGES,
            Outcome.APPROVED_WITH_CONDITIONS,
        ):
            return StoredDecision(outcome, None, None, None, None, (), (), "", EPOCH, False)
        if terms is not None:
            amount, months = terms.amount, terms.term_months
            percent, method = terms.rate.rate().annual_percent, terms.method
        else:
            z = compute_case(case).sizing
            amount, months, percent, method = z.proposal, z.months, z.rate.annual_percent, z.method
        lines = tuple(line.strip() for line in monitoring.splitlines() if line.strip())
        return StoredDecision(
            outcome,
            amount,
            months,
            percent,
            method,
            all_conditions,
            lines or monitoring_lines(case, months),
            "",
            EPOCH,
            False,
        )

    @staticmethod
    def _decision_data(
        repo: SqlCommitteeRepository, info: SessionInfo, item: AgendaItem, case: CaseFile, presenter: str
    ) -> CommitteeDecisionData:
        results = compute_case(case)
        members = {m.id: m for m in info.members}
        votes = tuple(
            VoteData(members[v.member_id].name, VOTE_KINDS[v.vote], v.reason, members[v.member_id].veto)
            for v in repo.votes(item.id)
        )
        stored = repo.decision(item.id)
        base = {"presenter": presenter, "votes": votes, "case_version": item.case_version}
        if stored is None:
            return draft_decision(case, results, None, **base)
        kind = DecisionKind(stored.outcome.value)
        # The reasons are the votes' (printed with each vote); an amount changed from the request
        # and the standard monitoring plan are worded by the report in its language.
        return draft_decision(
            case,
            results,
            kind,
            **base,
            amount=stored.amount,
            term_months=stored.term_months if stored.amount is not None else None,
            annual_rate_percent=stored.annual_rate_percent,
            method=stored.method,
            conditions_precedent=stored.conditions,
            monitoring=tuple(read_monitoring(line) for line in stored.monitoring),
            instalment=results.sizing.instalment if stored.amount == results.sizing.proposal else None,
        )
