"""``SqlCommitteeRepository``: committee sessions, their members, agenda, votes and decisions.

Like ``SqlCaseRepository`` it works inside the caller's session and never commits; every write also
appends to the audit trail (``audit_entry``): ``field`` names the committee step
(``committee.session``, ``committee.agenda``, ``committee.vote.<username>``, ``committee.decision``),
``before``/``after`` hold the step's values as JSON.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import exists, func, insert, select

from workbench.domain.case_file import Stage
from workbench.domain.committee import (
    MINUTES_SIGNED,
    OPEN,
    AgendaItem,
    CommitteeRules,
    DecisionRule,
    Member,
    MemberVote,
    Monitoring,
    MonitoringKind,
    MonitoringStep,
    Outcome,
    SessionInfo,
    SessionSummary,
    StoredDecision,
    Vote,
)
from workbench.domain.money import from_minor_units
from workbench.domain.records import CaseSummary, ChangeAction, CommitteeError, Page, UserNotFoundError
from workbench.domain.schedules import Method
from workbench.store.audit_chain import AuditLine, append_audit, chain_head
from workbench.store.case_rows import CaseFileRow
from workbench.store.committee_rows import (
    CaseSubmissionRow,
    CommitteeAgendaItemRow,
    CommitteeDecisionRow,
    CommitteeMemberRow,
    CommitteeSessionRow,
    CommitteeVoteRow,
)
from workbench.store.history_rows import AuditEntryRow, CaseVersionRow
from workbench.store.mappers import case_uuid
from workbench.store.orm_base import table_of
from workbench.store.people_rows import AppUserRow
from workbench.store.repository import SUMMARY_COLUMNS, case_summary
from workbench.store.row_codec import minor_units

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from sqlalchemy.orm import Session

__all__ = ["MINUTES_SIGNED", "OPEN", "SqlCommitteeRepository"]

STAGE_ONLY = '["stage"]'
"""``case_version.changed_json`` of a save that moved the stage only (the chair's decision step)."""
SUBMITTED = "committee.submitted"
"""The audit field of a submission; ``after`` is the submitted version (the data is ``case_submission``)."""


def utc_now() -> datetime:
    return datetime.now(UTC)


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _session_uuid(session_id: str) -> uuid.UUID:
    try:
        return uuid.UUID(session_id)
    except ValueError:
        raise CommitteeError("session_not_found", session_id=session_id) from None


class SqlCommitteeRepository:
    def __init__(self, session: Session, clock: Callable[[], datetime] = utc_now) -> None:
        self._session = session
        self._clock = clock

    def now(self) -> datetime:
        return self._clock()

    # ---- sessions --------------------------------------------------------------------------------

    def add_session(
        self,
        held_on: date,
        place: str,
        chair_id: str,
        members: Sequence[Member],
        secretary: str,
        rules: CommitteeRules,
        user_id: str,
        secretary_id: str | None = None,
    ) -> str:
        """Store a session; the chair is a voting member even when not listed. Returns its id.
        ``secretary_id`` is the user who records votes on members' behalf (``secretary`` the name
        the minutes print).

        Raises:
            UserNotFoundError: the chair, a member or the secretary is no user.
        """
        chair = Member(chair_id, "", chair=True, votes=True)
        listed = [m for m in members if m.id != chair_id]
        given = next((m for m in members if m.id == chair_id), None)
        if given is not None:
            chair = Member(chair_id, "", chair=True, votes=True, veto=given.veto)
        people = [chair, *listed]
        for person in people:
            self._user_row(person.id)
        if secretary_id is not None:
            self._user_row(secretary_id)
        key = uuid.uuid4()
        self._session.add(
            CommitteeSessionRow(
                id=key,
                held_on=held_on,
                place=place,
                chair_id=uuid.UUID(chair_id),
                secretary=secretary,
                secretary_id=None if secretary_id is None else uuid.UUID(secretary_id),
                rule=rules.rule.value,
                status=OPEN,
                quorum=rules.quorum,
            )
        )
        self._session.flush()
        self._session.add_all(
            CommitteeMemberRow(
                session_id=key,
                user_id=uuid.UUID(p.id),
                position=i,
                chair=p.chair,
                votes=p.votes,
                veto=p.veto,
            )
            for i, p in enumerate(people)
        )
        self._session.flush()
        after = {
            "session_id": str(key),
            "held_on": held_on.isoformat(),
            "place": place,
            "chair_id": chair_id,
            "secretary": secretary,
            "secretary_id": secretary_id,
            "rule": rules.rule.value,
            "quorum": rules.quorum,
            "members": [{"id": p.id, "votes": p.votes, "veto": p.veto} for p in people],
        }
        self.audit(user_id, None, ChangeAction.CREATE, "committee.session", None, _dumps(after))
        return str(key)

    def get_session(self, session_id: str) -> SessionInfo:
        """Raises: CommitteeError ``session_not_found``."""
        row = self._session.get(CommitteeSessionRow, _session_uuid(session_id))
        if row is None:
            raise CommitteeError("session_not_found", session_id=session_id)
        m, u = CommitteeMemberRow, AppUserRow
        query = (
            select(m, u.display_name, u.username)
            .join(u, u.id == m.user_id)
            .where(m.session_id == row.id)
            .order_by(m.position)
        )
        members: list[Member] = []
        usernames: dict[str, str] = {}
        for member, display_name, username in self._session.execute(query):
            members.append(Member(str(member.user_id), display_name, member.chair, member.votes, member.veto))
            usernames[str(member.user_id)] = username
        return SessionInfo(
            id=str(row.id),
            held_on=row.held_on,
            place=row.place,
            chair_id=str(row.chair_id),
            secretary=row.secretary,
            rules=CommitteeRules(DecisionRule(row.rule), row.quorum),
            status=row.status,
            members=tuple(members),
            usernames=usernames,
            secretary_id=None if row.secretary_id is None else str(row.secretary_id),
        )

    def list_sessions(self, limit: int = 200) -> list[SessionSummary]:
        """Sessions, newest first, with how many agenda cases they hold and how many are decided."""
        s, a, d, u = CommitteeSessionRow, CommitteeAgendaItemRow, CommitteeDecisionRow, AppUserRow
        query = (
            select(
                s.id,
                s.held_on,
                s.place,
                u.display_name,
                s.status,
                func.count(a.id),
                func.count(d.id),
            )
            .join(u, u.id == s.chair_id)
            .outerjoin(a, a.session_id == s.id)
            .outerjoin(d, d.agenda_item_id == a.id)
            .group_by(s.id, s.held_on, s.place, u.display_name, s.status)
            .order_by(s.held_on.desc(), s.id)
            .limit(limit)
        )
        return [
            SessionSummary(str(key), held_on, place, chair, status, int(cases), int(decided))
            for key, held_on, place, chair, status, cases, decided in self._session.execute(query)
        ]

    def close_session(
        self, session_id: str, case_ids: Sequence[str], sha256: Sequence[str], user_id: str
    ) -> None:
        """Mark the session's minutes signed and audit the closing per case (a decision reads as
        signed through its session: decisions are append-only).

        Raises:
            CommitteeError: ``session_closed``, the session was closed meanwhile.
        """
        row = self._session.get(CommitteeSessionRow, _session_uuid(session_id), populate_existing=True)
        if row is None:
            raise CommitteeError("session_not_found", session_id=session_id)
        if row.status != OPEN:
            raise CommitteeError("session_closed", session_id=session_id)
        row.status = MINUTES_SIGNED
        self._session.flush()
        for case_id, digest in zip(case_ids, sha256, strict=True):
            after = _dumps({"session_id": session_id, "minutes_sha256": digest})
            self.audit(user_id, case_uuid(case_id), ChangeAction.UPDATE, "committee.minutes", None, after)
        closed = _dumps({"session_id": session_id, "status": MINUTES_SIGNED})
        self.audit(user_id, None, ChangeAction.UPDATE, "committee.session.closed", OPEN, closed)

    # ---- agenda ----------------------------------------------------------------------------------

    def add_agenda_item(self, session_id: str, case_id: str, case_version: int, user_id: str) -> AgendaItem:
        """Put a case on the agenda, pinned to ``case_version``.

        Raises:
            CommitteeError: ``already_on_agenda``.
        """
        key = _session_uuid(session_id)
        case_key = case_uuid(case_id)
        existing = self._session.scalar(
            select(CommitteeAgendaItemRow.id).where(
                CommitteeAgendaItemRow.session_id == key, CommitteeAgendaItemRow.case_id == case_key
            )
        )
        if existing is not None:
            raise CommitteeError("already_on_agenda", case_id=case_id, session_id=session_id)
        last = self._session.scalar(
            select(func.max(CommitteeAgendaItemRow.position)).where(CommitteeAgendaItemRow.session_id == key)
        )
        row = CommitteeAgendaItemRow(
            id=uuid.uuid4(),
            session_id=key,
            case_id=case_key,
            position=0 if last is None else last + 1,
            case_version=case_version,
        )
        self._session.add(row)
        self._session.flush()
        after = {"session_id": session_id, "position": row.position, "case_version": case_version}
        self.audit(user_id, case_key, ChangeAction.UPDATE, "committee.agenda", None, _dumps(after))
        return self._item(row)

    def agenda(self, session_id: str) -> list[AgendaItem]:
        query = (
            select(CommitteeAgendaItemRow)
            .where(CommitteeAgendaItemRow.session_id == _session_uuid(session_id))
            .order_by(CommitteeAgendaItemRow.position)
        )
        return [self._item(r) for r in self._session.scalars(query)]

    def agenda_item(self, session_id: str, case_id: str) -> AgendaItem:
        """Raises: CommitteeError ``not_on_agenda``."""
        row = self._session.scalars(
            select(CommitteeAgendaItemRow).where(
                CommitteeAgendaItemRow.session_id == _session_uuid(session_id),
                CommitteeAgendaItemRow.case_id == case_uuid(case_id),
            )
        ).one_or_none()
        if row is None:
            raise CommitteeError("not_on_agenda", case_id=case_id, session_id=session_id)
        return self._item(row)

    def latest_session_of(self, case_id: str) -> str | None:
        """The newest session (by date) that had the case on its agenda."""
        a, s = CommitteeAgendaItemRow, CommitteeSessionRow
        key = self._session.scalar(
            select(s.id)
            .join(a, a.session_id == s.id)
            .where(a.case_id == case_uuid(case_id))
            .order_by(s.held_on.desc(), a.case_version.desc())
            .limit(1)
        )
        return None if key is None else str(key)

    def latest_decided_item_of(self, case_id: str) -> AgendaItem | None:
        """The agenda item of the case's most recent decision (by when it was recorded), if any."""
        a, d = CommitteeAgendaItemRow, CommitteeDecisionRow
        row = self._session.scalars(
            select(a)
            .join(d, d.agenda_item_id == a.id)
            .where(a.case_id == case_uuid(case_id))
            .order_by(d.decided_at.desc(), a.case_version.desc())
            .limit(1)
        ).first()
        return None if row is None else self._item(row)

    def open_item_of(self, case_id: str) -> AgendaItem | None:
        """An agenda item of the case that has no decision yet (the case waits in a session)."""
        a, d = CommitteeAgendaItemRow, CommitteeDecisionRow
        row = self._session.scalars(
            select(a)
            .outerjoin(d, d.agenda_item_id == a.id)
            .where(a.case_id == case_uuid(case_id), d.id.is_(None))
        ).first()
        return None if row is None else self._item(row)

    def mark_submitted(self, case_id: str, version: int, user_id: str) -> None:
        """Keep ``version`` as the case's submitted version (``case_submission``) and audit it."""
        self._session.add(
            CaseSubmissionRow(
                case_id=case_uuid(case_id),
                case_version=version,
                submitted_at=self._clock(),
                submitted_by=uuid.UUID(user_id),
            )
        )
        self._session.flush()
        self.audit(user_id, case_uuid(case_id), ChangeAction.UPDATE, SUBMITTED, None, str(version))

    def submitted_version(self, case_id: str) -> int | None:
        """The version of the case last submitted to the committee, if any."""
        s = CaseSubmissionRow
        return self._session.scalar(
            select(s.case_version).where(s.case_id == case_uuid(case_id)).order_by(s.id.desc()).limit(1)
        )

    def decision_on(self, case_id: str, version: int) -> Outcome | None:
        """The committee's newest decision on ``version`` of the case, if any."""
        a, d = CommitteeAgendaItemRow, CommitteeDecisionRow
        outcome = self._session.scalar(
            select(d.outcome)
            .join(a, a.id == d.agenda_item_id)
            .where(a.case_id == case_uuid(case_id), a.case_version == version)
            .order_by(d.decided_at.desc())
            .limit(1)
        )
        return None if outcome is None else Outcome(outcome)

    def awaiting_cases(self, limit: int, offset: int = 0) -> Page[CaseSummary]:
        """Submitted cases (stage ``APPROVAL``) on no undecided agenda, newest change first; one query.

        ``limit`` cases from ``offset``; ``Page.more`` says whether more follow.
        """
        c, a, d, u = CaseFileRow, CommitteeAgendaItemRow, CommitteeDecisionRow, AppUserRow
        waiting = select(a.id).outerjoin(d, d.agenda_item_id == a.id).where(a.case_id == c.id, d.id.is_(None))
        query = (
            select(*SUMMARY_COLUMNS)
            .join(u, u.id == c.officer_id)
            .where(c.stage == Stage.APPROVAL.value, ~exists(waiting))
            .order_by(c.updated_at.desc(), c.id)
            .limit(limit + 1)
            .offset(offset)
        )
        rows = list(self._session.execute(query))
        return Page(tuple(case_summary(r) for r in rows[:limit]), more=len(rows) > limit)

    # ---- votes -----------------------------------------------------------------------------------

    def _latest_votes(self, item_id: str) -> list[CommitteeVoteRow]:
        """Each member's newest vote on an agenda item, in the order they were cast."""
        v = CommitteeVoteRow
        query = select(v).where(v.agenda_item_id == uuid.UUID(item_id)).order_by(v.member_id, v.revision)
        latest = {r.member_id: r for r in self._session.scalars(query)}
        return sorted(latest.values(), key=lambda r: (r.cast_at, str(r.member_id)))

    def votes(self, item_id: str) -> tuple[MemberVote, ...]:
        """The votes on an agenda item (each member's newest), in the order they were cast."""
        return tuple(
            MemberVote(str(r.member_id), Vote(r.vote), r.comment, tuple(json.loads(r.conditions)))
            for r in self._latest_votes(item_id)
        )

    def recorded_by(self, item_id: str) -> dict[str, str]:
        """Who typed each member's counting vote (member id → user id): herself or the secretary."""
        return {
            str(r.member_id): str(r.recorded_by if r.recorded_by is not None else r.member_id)
            for r in self._latest_votes(item_id)
        }

    def put_vote(self, item: AgendaItem, vote: MemberVote, username: str, user_id: str) -> None:
        """Store a member's vote, typed by ``user_id`` (she or the session's secretary). Votes are
        append-only: a re-vote is the member's next revision and the newest counts (audited either way)."""
        v = CommitteeVoteRow
        key = (uuid.UUID(item.id), uuid.UUID(vote.member_id))
        row = self._session.scalars(
            select(v)
            .where(v.agenda_item_id == key[0], v.member_id == key[1])
            .order_by(v.revision.desc())
            .limit(1)
        ).first()
        before = None if row is None else _dumps(self._vote_value(row.vote, row.comment, row.conditions))
        conditions = json.dumps(list(vote.conditions), ensure_ascii=False)
        self._session.execute(
            insert(table_of(CommitteeVoteRow)),
            {
                "agenda_item_id": key[0],
                "member_id": key[1],
                "revision": 1 if row is None else row.revision + 1,
                "vote": vote.vote.value,
                "conditions": conditions,
                "comment": vote.reason,
                "cast_at": self._clock(),
                "recorded_by": uuid.UUID(user_id),
            },
        )
        after = _dumps(self._vote_value(vote.vote.value, vote.reason, conditions))
        self.audit(
            user_id, case_uuid(item.case_id), ChangeAction.UPDATE, f"committee.vote.{username}", before, after
        )

    # ---- decisions -------------------------------------------------------------------------------

    def decision(self, item_id: str) -> StoredDecision | None:
        """The decision of an agenda item, if it is decided (signed once its session's minutes are)."""
        d, a, s = CommitteeDecisionRow, CommitteeAgendaItemRow, CommitteeSessionRow
        found = self._session.execute(
            select(d, s.status)
            .join(a, a.id == d.agenda_item_id)
            .join(s, s.id == a.session_id)
            .where(d.agenda_item_id == uuid.UUID(item_id))
        ).one_or_none()
        if found is None:
            return None
        row, status = found
        return StoredDecision(
            outcome=Outcome(row.outcome),
            amount=None if row.amount_minor is None else from_minor_units(row.amount_minor),
            term_months=row.term_months,
            annual_rate_percent=row.annual_rate,
            method=None if row.method is None else Method(row.method),
            conditions=tuple(json.loads(row.conditions)),
            monitoring=monitoring_from_text(row.monitoring),
            reasons=row.reasons,
            decided_at=row.decided_at,
            minutes_signed=row.minutes_signed or status == MINUTES_SIGNED,
        )

    def add_decision(self, item: AgendaItem, decision: StoredDecision, user_id: str) -> None:
        """Store the decision of an agenda item (one per item).

        Raises:
            CommitteeError: ``already_decided``.
            ValidationError: ``sub_cent`` at ``terms.amount``, an amount with a fraction of a cent.
        """
        if self.decision(item.id) is not None:
            raise CommitteeError("already_decided", case_id=item.case_id, session_id=item.session_id)
        amount = decision.amount
        self._session.add(
            CommitteeDecisionRow(
                id=uuid.uuid4(),
                agenda_item_id=uuid.UUID(item.id),
                outcome=decision.outcome.value,
                amount_minor=None if amount is None else minor_units(amount, "terms.amount"),
                term_months=decision.term_months,
                annual_rate=decision.annual_rate_percent,
                method=None if decision.method is None else decision.method.value,
                conditions=json.dumps(list(decision.conditions), ensure_ascii=False),
                monitoring=monitoring_to_text(decision.monitoring),
                reasons=decision.reasons,
                decided_at=decision.decided_at,
                minutes_signed=decision.minutes_signed,
            )
        )
        self._session.flush()
        after = {
            "session_id": item.session_id,
            "case_version": item.case_version,
            "outcome": decision.outcome.value,
            "amount": None if decision.amount is None else str(decision.amount),
            "term_months": decision.term_months,
            "annual_rate_percent": decision.annual_rate_percent,
            "method": None if decision.method is None else decision.method.value,
            "conditions": list(decision.conditions),
            "monitoring": [monitoring_value(m) for m in decision.monitoring],
        }
        self.audit(
            user_id, case_uuid(item.case_id), ChangeAction.UPDATE, "committee.decision", None, _dumps(after)
        )

    # ---- audit -----------------------------------------------------------------------------------

    def audit(
        self,
        user_id: str,
        case_id: uuid.UUID | None,
        action: ChangeAction,
        field: str,
        before: str | None,
        after: str | None,
    ) -> None:
        """Append one entry to the audit trail (``case_id`` None: a session-level step).

        The entry's time is the store's clock and its user the unit of work's actor
        (``audit_chain.append_audit``; ``user_id`` only where nothing is claimed).
        """
        line = AuditLine(case_id, action.value, field, before, after)
        append_audit(self._session, [line], uuid.UUID(user_id))

    def audit_head(self) -> tuple[int, str] | None:
        """The audit chain's head (seq, hash) as this unit of work sees it; None if it is missing."""
        return chain_head(self._session.connection())

    def session_audit(self, session_id: str) -> list[str]:
        """The ``after`` values of the audit entries that created ``session_id``."""
        a = AuditEntryRow
        query = select(a.after).where(a.case_id.is_(None), a.field == "committee.session").order_by(a.id)
        found = [after for after in self._session.scalars(query) if after is not None]
        return [after for after in found if json.loads(after).get("session_id") == session_id]

    # ---- who may vote on a case ------------------------------------------------------------------

    def editors_of(self, case_id: str) -> set[str]:
        """Who edited a case: its officer and whoever saved a version of it that changed more than
        the stage (the chair's decision step changes the stage only). They cannot vote on it."""
        key = case_uuid(case_id)
        officer = self._session.scalar(select(CaseFileRow.officer_id).where(CaseFileRow.id == key))
        v = CaseVersionRow
        savers = self._session.scalars(
            select(v.saved_by).where(v.case_id == key, v.changed_json != STAGE_ONLY).distinct()
        )
        return {str(u) for u in (officer, *savers) if u is not None}

    # ---- helpers ---------------------------------------------------------------------------------

    def _user_row(self, user_id: str) -> AppUserRow:
        try:
            key = uuid.UUID(user_id)
        except ValueError:
            raise UserNotFoundError(user_id=user_id) from None
        row = self._session.get(AppUserRow, key)
        if row is None:
            raise UserNotFoundError(user_id=user_id)
        return row

    @staticmethod
    def _item(row: CommitteeAgendaItemRow) -> AgendaItem:
        return AgendaItem(str(row.id), str(row.session_id), str(row.case_id), row.position, row.case_version)

    @staticmethod
    def _vote_value(vote: str, reason: str, conditions: str) -> dict[str, object]:
        return {"vote": vote, "reason": reason, "conditions": json.loads(conditions)}


# ---- monitoring as data ---------------------------------------------------------------------------


def monitoring_value(item: Monitoring) -> dict[str, object]:
    """A monitoring measure as plain JSON data: ``{"text": …}`` or the step's fields."""
    if isinstance(item, str):
        return {"text": item}
    value: dict[str, object] = {"kind": item.kind.value}
    if item.days is not None:
        value["days"] = item.days
    if item.due_on is not None:
        value["due_on"] = item.due_on.isoformat()
    if item.count is not None:
        value["count"] = item.count
    return value


def monitoring_item(value: dict[str, Any]) -> Monitoring:
    """The measure of ``monitoring_value``'s data."""
    if "text" in value:
        return str(value["text"])
    due = value.get("due_on")
    return MonitoringStep(
        MonitoringKind(value["kind"]),
        None if value.get("days") is None else int(value["days"]),
        None if due is None else date.fromisoformat(str(due)),
        None if value.get("count") is None else int(value["count"]),
    )


def monitoring_to_text(items: tuple[Monitoring, ...]) -> str:
    """The ``committee_decision.monitoring`` column: a JSON list of ``monitoring_value``."""
    return json.dumps([monitoring_value(m) for m in items], ensure_ascii=False, sort_keys=True)


def monitoring_from_text(stored: str) -> tuple[Monitoring, ...]:
    """The measures of the ``monitoring`` column.

    Migration 0006 turned every older row (one measure a line, in words) into data; a line-per-measure
    text that still turns up is kept as typed text, never parsed.
    """
    try:
        values = json.loads(stored) if stored.strip() else []
    except ValueError:
        values = None
    if not isinstance(values, list):
        return tuple(line for line in stored.split("\n") if line)
    return tuple(monitoring_item(v) for v in values)
