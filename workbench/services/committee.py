"""``CommitteeService``: sessions, submission, agenda, votes, the decision and the minutes' data.

Each public method is one unit of work: permissions first, then the repositories inside one
transaction, so a refused or failed step changes nothing. Every step is in the audit trail (the
committee repository writes the committee entries; a stage change is a saved case version whose
``stage`` field change is audited like any edit).

Closing a session (``close_session``, every agenda case decided) renders the minutes from the
stored session, has the chair sign them, archives the signed PDF under each case (immutable) and
marks the session ``minutes_signed``; nothing can be added, voted or decided in it afterwards.

Stages follow the state machine of ``workbench.domain.lifecycle``: every step here (submit, add to
the agenda, the decision's step) is checked against it, with the case's submitted version and the
decision on it read as data from the store. Submitting moves a ready case to ``APPROVAL`` (frozen:
``CaseService.save_case`` refuses it); the decision moves it on — approved → ``CONTRACT``, rejected
→ ``REFUSED``, returned for re-survey → ``INVESTIGATE`` (editable again, resubmitted as a new
version), deferred → stays in ``APPROVAL`` (it can go on another session's agenda).

Monitoring plans are data (``domain.committee.MonitoringStep`` and the committee's typed measures);
the reports and the window word them in their language (``monitoring_wording``).
"""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from workbench.domain import lifecycle
from workbench.domain.calc import compute_case
from workbench.domain.committee import (
    OPEN,
    AgendaItem,
    CommitteeRules,
    Decision,
    Member,
    MemberVote,
    Monitoring,
    MonitoringStep,
    Outcome,
    SessionInfo,
    SessionSummary,
    StoredDecision,
    Vote,
    decide,
    standard_monitoring,
)
from workbench.domain.errors import ValidationError
from workbench.domain.lifecycle import CaseStatus, Step
from workbench.domain.readiness import Severity
from workbench.domain.records import ArchivedReport, CommitteeError, Page, Role, SignatureRole
from workbench.domain.records import ReportKind as ArchiveKind
from workbench.reports.content_minutes import minutes_signature_block, monitoring_text
from workbench.reports.inputs import (
    CommitteeDecisionData,
    CommitteeMember,
    MemberRole,
    MinutesData,
    VoteData,
)
from workbench.services.archive import archive_checked, check_signatures
from workbench.services.cases import case_status
from workbench.services.permissions import Action, require
from workbench.services.store_checks import store_issues
from workbench.store.committee_repository import SqlCommitteeRepository
from workbench.store.policy_repository import SqlPolicyRepository
from workbench.store.repository import SqlCaseRepository
from workbench.store.user_repository import SqlUserRepository

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.orm import Session

    from workbench.domain.case_file import CaseFile
    from workbench.domain.committee import Terms
    from workbench.domain.policy import CreditPolicy
    from workbench.domain.records import CaseSummary, User
    from workbench.reports.signing import SigningIdentity
    from workbench.store.db import Sessions

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
"""A placeholder ``decided_at`` until the repository's clock sets it."""

AWAITING_PAGE = 200
"""How many waiting cases ``awaiting_cases`` returns at once (``Page.more`` says when more wait)."""


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


def _require_chair(info: SessionInfo, user: User) -> None:
    """Only the session's own chair sets its agenda and records its decisions (the database holds
    the same rule)."""
    if user.id != info.chair_id:
        raise CommitteeError("chair_only", session_id=info.id)


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def _require_open(info: SessionInfo) -> None:
    if info.status != OPEN:
        raise CommitteeError("session_closed", session_id=info.id)


def monitoring_steps(case: CaseFile, term_months: int | None) -> tuple[MonitoringStep, ...]:
    """The post-loan monitoring plan of an approved case: dated when the disbursement date is known."""
    return standard_monitoring(case.dates.disbursed_on or case.request.disbursement_date, term_months)


def monitoring_wording(items: Sequence[Monitoring], lang: str) -> tuple[str, ...]:
    """The measures as the window shows them in ``lang`` (the reports' own wording)."""
    return tuple(monitoring_text(item, lang) for item in items)


def decided_status(session: Session, case_id: str) -> CaseStatus:
    """Where a stored case stands in the lifecycle (``services.cases.case_status``) with the
    committee's decision on its submitted version, all from the store's data.

    Raises:
        CaseNotFoundError: no such case.
    """
    status = case_status(session, SqlCaseRepository(session), case_id)
    if status.submitted_version is None:
        return status
    decision = SqlCommitteeRepository(session).decision_on(case_id, status.submitted_version)
    return dataclasses.replace(status, decision=decision)


@dataclasses.dataclass(frozen=True, slots=True)
class CaseCommittee:
    """A stored case's latest committee decision, and the minutes of the session that took it."""

    session_id: str
    decision: CommitteeDecisionData
    minutes: MinutesData


def chair_box(minutes: MinutesData, lang: str) -> int | None:
    """The chair's box in the minutes' signature block, as the minutes' content places it."""
    slots = minutes_signature_block(minutes, lang).slots
    return next((i for i, slot in enumerate(slots) if slot.kind is SignatureRole.CHAIR), None)


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
        *,
        secretary_id: str | None = None,
    ) -> str:
        """A new session, opened by its chair; ``members`` are users (``Member.id`` = user id; the
        name is taken from the store) with their flags; the chair votes even when not listed.
        ``secretary`` is the name the minutes print; ``secretary_id`` the user who records votes on
        members' behalf (default: the chair keeps the record herself). Returns the session id.

        Raises:
            PermissionDenied: the user may not run sessions.
            CommitteeError: ``chair_only`` (the user opens a session for another chair),
                ``quorum_invalid`` (below 1), ``quorum_above_members`` (more than the voting
                members), ``secretary_cannot_vote`` (a secretary seated as a voting member).
            UserNotFoundError: the chair, a member or the secretary is no user.
        """
        require(user, Action.RUN_SESSION)
        if chair_id != user.id:
            raise CommitteeError("chair_only", session_id="")
        if rules.quorum < 1:
            raise CommitteeError("quorum_invalid", quorum=rules.quorum)
        voters = {chair_id} | {m.id for m in members if m.votes}
        if rules.quorum > len(voters):
            raise CommitteeError("quorum_above_members", quorum=rules.quorum, voters=len(voters))
        with self._sessions.begin(actor=user) as session:
            users = SqlUserRepository(session)
            for voter in sorted(voters):
                found = users.get_user(voter) if _is_uuid(voter) else None
                if found is not None and found.role is Role.SECRETARY:
                    raise CommitteeError("secretary_cannot_vote", member=found.display_name)
            return SqlCommitteeRepository(session).add_session(
                held_on, place, chair_id, members, secretary, rules, user.id, secretary_id or chair_id
            )

    def session_info(self, session_id: str, user: User) -> SessionInfo:
        require(user, Action.READ_CASE)
        with self._sessions.read() as session:
            return SqlCommitteeRepository(session).get_session(session_id)

    def agenda(self, session_id: str, user: User) -> list[AgendaItem]:
        require(user, Action.READ_CASE)
        with self._sessions.read() as session:
            repo = SqlCommitteeRepository(session)
            repo.get_session(session_id)
            return repo.agenda(session_id)

    def submit_case(
        self, case_id: str, user: User, *, edited: CaseFile | None = None, expected_version: int | None = None
    ) -> int:
        """The officer submits her ready case: stage ``APPROVAL``, frozen; returns the submitted version.

        ``edited`` (saved over ``expected_version``) submits an edited state of the case in the same
        step: how an approved case whose decided amount or term changes goes back to the committee
        as a new version (a plain save of such a change is refused, ``decided_terms_changed``).

        Raises:
            PermissionDenied: not the owning officer (or an administrator).
            CommitteeError: ``case_not_submittable`` (already submitted, refused or paid out),
                ``case_not_ready`` (the blocking issue codes of the readiness checklist in ``issues``,
                with those of the checks across the store: ``services.store_checks``).
            ConcurrentEditError: ``edited`` was loaded at another version than the stored one.
        """
        with self._sessions.begin(actor=user) as session:
            cases = SqlCaseRepository(session)
            require(user, Action.SUBMIT_CASE, _Owned(cases.owner_of(case_id)))
            record = cases.get(case_id)
            target = lifecycle.check(decided_status(session, case_id), Step.SUBMIT).target
            content = record.case if edited is None else dataclasses.replace(edited, id=case_id)
            policy = SqlPolicyRepository(session).current()  # what the save below records
            found = [*compute_case(content, policy).issues, *store_issues(session, content, policy)]
            blocking = [i.code for i in found if i.severity is Severity.BLOCKING]
            if blocking:
                raise CommitteeError("case_not_ready", case_id=case_id, issues=", ".join(blocking))
            submitted = dataclasses.replace(content, stage=target)
            expected = record.version if expected_version is None else expected_version
            version = cases.save(submitted, expected, user.id)
            SqlCommitteeRepository(session).mark_submitted(case_id, version, user.id)
            return version

    def add_to_agenda(self, session_id: str, case_id: str, user: User) -> AgendaItem:
        """Put a submitted case on the agenda, pinned to its current (submitted) version.

        Raises:
            CommitteeError: ``case_not_submitted``, ``already_on_agenda`` (waiting in another session).
        """
        require(user, Action.RUN_SESSION)
        with self._sessions.begin(actor=user) as session:
            repo = SqlCommitteeRepository(session)
            info = repo.get_session(session_id)
            _require_chair(info, user)
            _require_open(info)
            status = decided_status(session, case_id)
            lifecycle.check(status, Step.ADD_TO_AGENDA)
            if repo.open_item_of(case_id) is not None:
                raise CommitteeError("already_on_agenda", case_id=case_id, session_id=session_id)
            editors = repo.editors_of(case_id)
            seated = next((m for m in info.members if m.votes and m.id in editors), None)
            if seated is not None:
                raise CommitteeError("editor_cannot_vote", member=seated.name, case_id=case_id)
            return repo.add_agenda_item(session_id, case_id, status.version, user.id)

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
        """A member's vote: cast by the member herself, or recorded on her behalf by the session's
        secretary (``SessionInfo.secretary_id``; the chair when no secretary was named), as called out
        in the room; the vote row keeps who typed it. A re-vote supersedes the earlier one until the
        decision is recorded (both stay stored). The case's officer and anyone who edited the case
        cannot vote on it.

        Raises:
            ValidationError: ``reason`` missing for anything but approve as proposed.
            CommitteeError: ``not_a_voting_member``, ``vote_for_other``, ``editor_cannot_vote``,
                ``already_decided``, ``not_on_agenda``.
        """
        require(user, Action.VOTE)
        cast = MemberVote(member_id, vote, reason, tuple(c for c in conditions if c.strip()))
        with self._sessions.begin(actor=user) as session:
            repo = SqlCommitteeRepository(session)
            info = repo.get_session(session_id)
            _require_open(info)
            voting = {m.id: m for m in info.members if m.votes}
            if member_id not in voting:
                raise CommitteeError("not_a_voting_member", member_id=member_id, session_id=session_id)
            if member_id != user.id and user.id != info.secretary_id:
                raise CommitteeError("vote_for_other", member_id=member_id)
            item = repo.agenda_item(session_id, case_id)
            if member_id in repo.editors_of(case_id):
                raise CommitteeError("editor_cannot_vote", member=voting[member_id].name, case_id=case_id)
            if repo.decision(item.id) is not None:
                raise CommitteeError("already_decided", case_id=case_id, session_id=session_id)
            repo.put_vote(item, cast, info.usernames[member_id], user.id)

    def record_decision(
        self,
        session_id: str,
        case_id: str,
        terms: Terms | None,
        conditions: Sequence[str],
        monitoring: Sequence[Monitoring] | str,
        user: User,
    ) -> StoredDecision:
        """Apply the session's rule to the stored votes and record the decision (the chair).

        Approved: the final terms are the committee's amendment ``terms`` or else the officer's
        proposal; conditions precedent are the approving members' plus ``conditions``; monitoring is
        ``monitoring`` (steps of the standard plan and typed measures; a text is one typed measure a
        line) or, when empty, the standard plan. The case's stage follows the outcome by the
        lifecycle's decision step.

        Raises:
            CommitteeError: ``chair_only`` (the user does not chair this session), ``no_quorum``
                (nothing is recorded), ``quorum_above_members``, ``already_decided``, ``not_on_agenda``.
            ValidationError: the chair's vote missing under "chair decides".
        """
        require(user, Action.RUN_SESSION)
        with self._sessions.begin(actor=user) as session:
            repo = SqlCommitteeRepository(session)
            cases = SqlCaseRepository(session)
            info = repo.get_session(session_id)
            _require_chair(info, user)
            _require_open(info)
            voters = sum(1 for m in info.members if m.votes)
            if info.rules.quorum > voters:
                raise CommitteeError("quorum_above_members", quorum=info.rules.quorum, voters=voters)
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
                pinned,
                cases.policy_of(case_id, item.case_version),
                outcome.outcome,
                outcome.conditions,
                terms,
                conditions,
                monitoring,
            )
            stored = dataclasses.replace(stored, reasons=reasons, decided_at=repo.now())
            repo.add_decision(item, stored, user.id)
            status = dataclasses.replace(decided_status(session, case_id), decision=outcome.outcome)
            stage = lifecycle.check(status, lifecycle.STEP_OF_OUTCOME[outcome.outcome]).target
            current = cases.get(case_id)
            if current.case.stage is not stage:  # the stage alone: the details stay the officer's
                cases.save(
                    dataclasses.replace(current.case, stage=stage), current.version, user.id, details=False
                )
            return stored

    def board(self, session_id: str, case_id: str, user: User) -> CaseBoard:
        """The votes on an agenda case, the live outcome by the session's rule, the decision."""
        require(user, Action.READ_CASE)
        with self._sessions.read() as session:
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
        with self._sessions.read() as session:
            repo = SqlCommitteeRepository(session)
            return repo.decision(repo.agenda_item(session_id, case_id).id)

    def votes(self, session_id: str, case_id: str, user: User) -> tuple[MemberVote, ...]:
        require(user, Action.READ_CASE)
        with self._sessions.read() as session:
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
        from workbench.services.reporting import ReportRequest, render_report, signs_as_user

        require(user, Action.RUN_SESSION)
        require(user, Action.ARCHIVE_REPORT)
        with self._sessions.begin(actor=user) as session:
            repo = SqlCommitteeRepository(session)
            cases = SqlCaseRepository(session)
            info = repo.get_session(session_id)
            if user.id != info.chair_id:
                raise CommitteeError("not_the_chair", session_id=session_id)
            _require_open(info)
            agenda = repo.agenda(session_id)
            if not agenda:
                raise CommitteeError("session_empty", session_id=session_id)
            waiting = [item for item in agenda if repo.decision(item.id) is None]
            if waiting:
                raise CommitteeError("session_undecided", session_id=session_id, count=len(waiting))
            records = [cases.get(item.case_id) for item in agenda]
            policies = [cases.policy_of(item.case_id) for item in agenda]
        minutes = self.minutes_data(session_id, user)
        request = ReportRequest(ReportKind.MINUTES, lang, unit, minutes=minutes)
        chair = chair_box(minutes, lang)
        signed: list[bytes] = []
        for record, policy in zip(records, policies, strict=True):
            pdf = render_report(record.case, dataclasses.replace(request, policy=policy), record.version)
            signed.append(
                sign_pdf(
                    pdf,
                    identity,
                    reason=reason,
                    location=location,
                    box_position=chair,
                    signs_as=signs_as_user(user),
                )
            )
        checked = [check_signatures(pdf, ArchiveKind.MINUTES) for pdf in signed]
        with self._sessions.begin(actor=user) as session:
            repo = SqlCommitteeRepository(session)
            cases = SqlCaseRepository(session)
            for record in records:
                if cases.stage_of(record.case.id)[1] != record.version:
                    raise CommitteeError("session_changed", session_id=session_id, case_id=record.case.id)
            reports = tuple(
                (
                    record.case.id,
                    archive_checked(session, record.case.id, ArchiveKind.MINUTES, check, user),
                )
                for record, check in zip(records, checked, strict=True)
            )
            repo.close_session(
                session_id, [r.case.id for r in records], [a.sha256 for _c, a in reports], user.id
            )
        return SignedMinutes(session_id, reports, signed[0])

    # ---- lists for the committee window -----------------------------------------------------------

    def list_sessions(self, user: User) -> list[SessionSummary]:
        require(user, Action.READ_CASE)
        with self._sessions.read() as session:
            return SqlCommitteeRepository(session).list_sessions()

    def awaiting_cases(self, user: User, *, limit: int = AWAITING_PAGE, offset: int = 0) -> Page[CaseSummary]:
        """Submitted cases that wait for a session (stage ``APPROVAL``, on no undecided agenda), the
        newest change first as in the case list: one query, ``limit`` cases from ``offset``;
        ``Page.more`` says whether more wait beyond them."""
        require(user, Action.READ_CASE)
        with self._sessions.read() as session:
            return SqlCommitteeRepository(session).awaiting_cases(limit, offset)

    def session_of_case(self, case_id: str, user: User) -> str | None:
        """The session a case waits in (undecided on its agenda), else the newest that had it."""
        require(user, Action.READ_CASE)
        with self._sessions.read() as session:
            repo = SqlCommitteeRepository(session)
            try:
                item = repo.open_item_of(case_id)
                return item.session_id if item is not None else repo.latest_session_of(case_id)
            except ValidationError:  # not a stored case's id
                return None

    def candidate_members(self, user: User) -> list[User]:
        """The active users a session can seat (the chair picks from them)."""
        require(user, Action.RUN_SESSION)
        with self._sessions.read() as session:
            return [u for u in SqlUserRepository(session).list_users() if u.active]

    # ---- minutes ---------------------------------------------------------------------------------

    def minutes_data(self, session_id: str, user: User) -> MinutesData:
        """The session as the minutes print it: attendees, and per case the decision, the votes with
        their reasons, conditions precedent, final terms and monitoring (undecided cases: agenda only)."""
        require(user, Action.READ_CASE)
        with self._sessions.read() as session:
            return self._minutes(
                SqlCommitteeRepository(session),
                SqlCaseRepository(session),
                SqlUserRepository(session),
                session_id,
            )

    def case_decision(self, case_id: str, user: User) -> tuple[str, CommitteeDecisionData] | None:
        """The committee's latest decision on a stored case and the session that took it, read
        from that one agenda item (final terms, conditions precedent, monitoring, votes with
        reasons). ``None``: the case was never decided (or is not a stored case's id)."""
        require(user, Action.READ_CASE)
        with self._sessions.read() as session:
            found = self._case_decision(session, case_id)
            return None if found is None else (found[0].session_id, found[1])

    def case_committee(self, case_id: str, user: User) -> CaseCommittee | None:
        """The committee's latest decision on a stored case (as ``case_decision``) and the minutes
        of that session, for the case's dossier. ``None``: the case was never decided (or is not a
        stored case's id)."""
        require(user, Action.READ_CASE)
        with self._sessions.read() as session:
            found = self._case_decision(session, case_id)
            if found is None:
                return None
            item, decision = found
            minutes = self._minutes(
                SqlCommitteeRepository(session),
                SqlCaseRepository(session),
                SqlUserRepository(session),
                item.session_id,
            )
        return CaseCommittee(item.session_id, decision, minutes)

    def stored_minutes(self, key: str, user: User) -> tuple[MinutesData, str] | None:
        """``workbench report SESSION_OR_CASE --kind minutes``: the minutes of a session id, or of the
        session of the case id's latest decision (else the newest session that has it on its agenda),
        with the case the report is filed under (the given case, else the session's first agenda item).
        ``None``: neither is known here."""
        require(user, Action.READ_CASE)
        with self._sessions.read() as session:
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
    def _case_decision(
        cls, session: Session, case_id: str
    ) -> tuple[AgendaItem, CommitteeDecisionData] | None:
        repo = SqlCommitteeRepository(session)
        try:
            item = repo.latest_decided_item_of(case_id)
        except ValidationError:  # not a stored case's id
            return None
        if item is None:
            return None
        cases, users = SqlCaseRepository(session), SqlUserRepository(session)
        info = repo.get_session(item.session_id)
        case = cases.version_document(item.case_id, item.case_version)
        presenter = case.officers.lead or users.get_user(cases.owner_of(item.case_id)).display_name
        policy = cases.policy_of(item.case_id, item.case_version)
        return item, cls._decision_data(repo, info, item, case, presenter, policy)

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
            policy = cases.policy_of(item.case_id, item.case_version)
            decisions.append(cls._decision_data(repo, info, item, case, presenter, policy))
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
            audit_head=repo.audit_head(),
        )

    @staticmethod
    def _decision(
        case: CaseFile,
        policy: CreditPolicy,
        outcome: Outcome,
        voted_conditions: Sequence[str],
        terms: Terms | None,
        conditions: Sequence[str],
        monitoring: Sequence[Monitoring] | str,
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
            z = compute_case(case, policy).sizing
            amount, months, percent, method = z.proposal, z.months, z.rate.annual_percent, z.method
        if isinstance(monitoring, str):
            measures: tuple[Monitoring, ...] = tuple(
                line.strip() for line in monitoring.splitlines() if line.strip()
            )
        else:
            measures = tuple(m.strip() if isinstance(m, str) else m for m in monitoring)
            measures = tuple(m for m in measures if m)
        return StoredDecision(
            outcome,
            amount,
            months,
            percent,
            method,
            all_conditions,
            measures or monitoring_steps(case, months),
            "",
            EPOCH,
            False,
        )

    @staticmethod
    def _decision_data(
        repo: SqlCommitteeRepository,
        info: SessionInfo,
        item: AgendaItem,
        case: CaseFile,
        presenter: str,
        policy: CreditPolicy,
    ) -> CommitteeDecisionData:
        # The report's content module draws charts (matplotlib, ~0.5 s to import): loaded when a
        # decision is read for a report, not whenever the store opens.
        from workbench.reports.content import draft_decision

        results = compute_case(case, policy)
        members = {m.id: m for m in info.members}
        votes = tuple(
            VoteData(members[v.member_id].name, v.vote, v.reason, members[v.member_id].veto)
            for v in repo.votes(item.id)
        )
        stored = repo.decision(item.id)
        base = {"presenter": presenter, "votes": votes, "case_version": item.case_version}
        if stored is None:
            return draft_decision(case, results, None, **base)
        # The reasons are the votes' (printed with each vote); an amount changed from the request
        # and the standard monitoring plan are worded by the report in its language.
        return draft_decision(
            case,
            results,
            stored.outcome,
            **base,
            amount=stored.amount,
            term_months=stored.term_months if stored.amount is not None else None,
            annual_rate_percent=stored.annual_rate_percent,
            method=stored.method,
            conditions_precedent=stored.conditions,
            monitoring=stored.monitoring,
            instalment=results.sizing.instalment if stored.amount == results.sizing.proposal else None,
        )
