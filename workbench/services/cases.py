"""``CaseService``: the use cases on stored cases. Each public method is one unit of work.

Permissions are checked first (``workbench.services.permissions``); the repository does the rest
inside one transaction, so a refused or failed call changes nothing. A save that would change the
case's stage, or touch a frozen case, is checked against the lifecycle's state machine
(``workbench.domain.lifecycle``) with the case's status as the store keeps it.
"""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from workbench.domain import lifecycle
from workbench.domain.calc import compute_case
from workbench.domain.case_file import CheckOverride
from workbench.domain.case_list import CaseListQuery
from workbench.domain.errors import ValidationError
from workbench.domain.explanations import real_explanation
from workbench.domain.lifecycle import BEFORE_COMMITTEE as BEFORE_COMMITTEE
from workbench.domain.lifecycle import CaseStatus, Step
from workbench.domain.lifecycle import stage_change_allowed as stage_change_allowed
from workbench.domain.records import CaseRecord, ChangeAction, Role, UserNotFoundError
from workbench.domain.status import Status
from workbench.services.case_files import CaseFileError, dumps_case, read_case_file
from workbench.services.permissions import Action, require
from workbench.services.proposal_history import load_history
from workbench.services.store_checks import store_issues
from workbench.services.workbooks import case_workbook, read_case_workbook
from workbench.store.committee_repository import SqlCommitteeRepository
from workbench.store.policy_repository import SqlPolicyRepository
from workbench.store.repository import SqlCaseRepository
from workbench.store.user_repository import SqlUserRepository

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy.orm import Session

    from workbench.domain.case_file import CaseFile, Stage
    from workbench.domain.policy import CreditPolicy
    from workbench.domain.proposal_history import ProposalHistory
    from workbench.domain.readiness import Issue
    from workbench.domain.records import AuditRecord, CaseSummary, CaseVersionInfo, User
    from workbench.store.db import Sessions


def case_status(session: Session, repo: SqlCaseRepository, case_id: str) -> CaseStatus:
    """Where the stored case stands in the lifecycle: stage and version, and the submitted version
    as the store keeps it (``case_submission``).

    Raises:
        CaseNotFoundError: no such case.
    """
    stage, version = repo.stage_of(case_id)
    submitted = SqlCommitteeRepository(session).submitted_version(case_id)
    return CaseStatus(case_id, stage, version, submitted)


def frozen_stage(session: Session, repo: SqlCaseRepository, case_id: str) -> tuple[Stage, bool]:
    """The stored stage, and whether the case is frozen (``CaseStatus.frozen``): submitted to the
    committee and still at the version it was submitted as, while the committee has it."""
    status = case_status(session, repo, case_id)
    return status.stage, status.frozen


class CaseService:
    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    def create_case(self, case: CaseFile, user: User) -> CaseRecord:
        """Store a new case owned by ``user``; returns it at version 1."""
        require(user, Action.CREATE_CASE)
        lifecycle.check_new(case)
        with self._sessions.begin(actor=user) as session:
            repo = SqlCaseRepository(session)
            repo.add(case, user.id)
            return repo.get(case.id)

    def open_case(self, case_id: str, user: User) -> CaseRecord:
        require(user, Action.READ_CASE)
        with self._sessions.read() as session:
            return SqlCaseRepository(session).get(case_id)

    def open_version(self, case_id: str, version: int, user: User) -> CaseFile:
        """The case as it was saved in ``version`` (to show or compare)."""
        require(user, Action.READ_CASE)
        with self._sessions.read() as session:
            return SqlCaseRepository(session).version_document(case_id, version)

    def save_case(self, case: CaseFile | CaseRecord, expected_version: int | None, user: User) -> int:
        """Save an edited case over the version it was loaded at; returns the new version.

        ``case`` may be a ``CaseRecord`` (its ``version`` is used when ``expected_version`` is None).

        A case submitted to the committee (stage ``APPROVAL``) is frozen: only the committee's
        decision moves it on; after a return for re-survey (stage ``INVESTIGATE`` again) it can be
        edited, and resubmitting makes the edited state a new submitted version.

        Raises:
            ConcurrentEditError: someone saved the case meanwhile (nothing is written).
            PermissionDenied: the user may not edit this case.
            CommitteeError: ``case_frozen``, the case is submitted to the committee;
                ``stage_committee_owned``, the save would move the stage across the committee;
                ``decided_terms_changed``, the approved amount or term would change (resubmit
                instead: ``CommitteeService.submit_case(…, edited=…)``).
        """
        if isinstance(case, CaseRecord):
            expected = case.version if expected_version is None else expected_version
            case = case.case
        elif expected_version is None:
            raise TypeError("expected_version is required when saving a CaseFile")
        else:
            expected = expected_version
        with self._sessions.begin(actor=user) as session:
            repo = SqlCaseRepository(session)
            # One statement locks the row and answers the checks; a refusal asks again to say why.
            locked = repo.lock_for_save(case.id)
            if locked is None:
                self._require_on(repo, user, Action.EDIT_CASE, case.id)
                status = case_status(session, repo, case.id)
            else:
                owner, status = locked
                require(user, Action.EDIT_CASE, _Owned(owner))
            notes, version = repo.stored_notes(case.id)
            if version == expected and notes.check_overrides != case.notes.check_overrides:
                require(user, Action.OVERRIDE_CHECK)  # overrides are the reviewer's (record_override)
            lifecycle.check(status, Step.SAVE, case.stage)
            if status.stage in lifecycle.APPROVED_STAGES:  # the decided figures are frozen there
                stored = repo.get(case.id).case.request
                lifecycle.check_decided_figures(
                    status,
                    (stored.amount, stored.term_months),
                    (case.request.amount, case.request.term_months),
                )
            return repo.save(case, expected, user.id)

    def record_override(
        self, case_id: str, check_id: str, reason: str, expected_version: int, user: User
    ) -> CaseRecord:
        """A reviewer accepts the failing check ``check_id`` as it stands (复核认可), under her own name.

        The override replaces any earlier one of the same check; the case is saved as a new version.

        Raises:
            PermissionDenied: the user is no reviewer.
            ValidationError: ``unknown_reference`` (no such check), ``not_explained`` (the reason is
                no real explanation, ``domain.explanations``).
            ConcurrentEditError: someone saved the case meanwhile.
            CommitteeError: ``case_frozen``, the case is with the committee.
        """
        require(user, Action.OVERRIDE_CHECK)
        if not real_explanation(reason):
            raise ValidationError("reason", "not_explained")
        override = CheckOverride(
            check=check_id, reviewer=user.display_name or user.username, reason=reason.strip()
        )
        return self._change_overrides(case_id, check_id, override, expected_version, user)

    def remove_override(self, case_id: str, check_id: str, expected_version: int, user: User) -> CaseRecord:
        """Take back the override of ``check_id`` (a reviewer; any reviewer's); a new version.

        Raises: as ``record_override``.
        """
        require(user, Action.OVERRIDE_CHECK)
        return self._change_overrides(case_id, check_id, None, expected_version, user)

    def _change_overrides(
        self, case_id: str, check_id: str, override: CheckOverride | None, expected: int, user: User
    ) -> CaseRecord:
        with self._sessions.begin(actor=user) as session:
            repo = SqlCaseRepository(session)
            case = repo.get(case_id).case
            if all(c.id != check_id for c in case.cross_checks):
                raise ValidationError("check", "unknown_reference", value=check_id)
            status = case_status(session, repo, case_id)
            lifecycle.check(status, Step.SAVE, case.stage)
            if override is not None and not _needs_override(case, check_id, repo.policy_of(case_id)):
                raise ValidationError("check", "override_not_needed", value=check_id)
            kept = tuple(o for o in case.notes.check_overrides if o.check != check_id)
            overrides = kept if override is None else (*kept, override)
            notes = dataclasses.replace(case.notes, check_overrides=overrides)
            # The notes only: the details stay as stored (on PostgreSQL they are the officer's to write).
            repo.save(dataclasses.replace(case, notes=notes), expected, user.id, details=False)
            return repo.get(case_id)

    def list_cases(
        self,
        user: User,
        *,
        officer: str | None = None,
        stage: Stage | None = None,
        name_like: str | None = None,
        limit: int = 50,
        offset: int = 0,
        query: CaseListQuery | None = None,
        after: CaseSummary | None = None,
    ) -> list[CaseSummary]:
        """A page of the case list; ``officer`` is a user name (unknown → empty list).

        ``query`` (filters, date ranges, sort order) takes the place of ``officer``, ``stage`` and
        ``name_like``; ``after`` is the last case of the previous page (keyset paging).
        """
        require(user, Action.READ_CASE)
        if query is None:
            query = CaseListQuery(name_like=name_like or "", stage=stage, officer=officer)
        with self._sessions.read() as session:
            officer_id = None
            if query.officer:
                try:
                    officer_id = SqlUserRepository(session).get_user_by_username(query.officer).id
                except UserNotFoundError:
                    return []
            return SqlCaseRepository(session).list_cases(
                officer_id,
                query.stage,
                query.name_like or None,
                limit,
                offset,
                sort=query.sort,
                descending=query.descending,
                updated=(_day_start(query.updated_from), _day_start(query.updated_to, 1)),
                created=(_day_start(query.created_from), _day_start(query.created_to, 1)),
                after=after,
            )

    def officer_names(self, user: User) -> list[str]:
        """The user names of the officers (for the case list's officer filter), by name."""
        require(user, Action.READ_CASE)
        with self._sessions.read() as session:
            return [u.username for u in SqlUserRepository(session).list_users() if u.role is Role.OFFICER]

    def store_issues(self, case: CaseFile, user: User) -> list[Issue]:
        """What the other cases of the store say about ``case`` (its state in the window, saved or
        not): the same applicant on another open case, guarantee rings, loans at this bank."""
        require(user, Action.READ_CASE)
        with self._sessions.read() as session:
            return store_issues(session, case, SqlPolicyRepository(session).current())

    def policy_of(self, case_id: str, user: User, version: int | None = None) -> CreditPolicy:
        """The credit policy the stored case (its ``version``, default the newest) was computed under."""
        require(user, Action.READ_CASE)
        with self._sessions.read() as session:
            return SqlCaseRepository(session).policy_of(case_id, version)

    def history(self, case_id: str, user: User) -> list[CaseVersionInfo]:
        require(user, Action.READ_CASE)
        with self._sessions.read() as session:
            return SqlCaseRepository(session).history(case_id)

    def proposal_history(self, case_id: str, user: User) -> ProposalHistory:
        """How the figures that drive the loan amount moved across the saved versions, up to the
        version submitted to the committee (else the newest), and whether that looks like fitting
        the limit (``domain.proposal_history``; loading in ``services.proposal_history``).

        Raises:
            CaseNotFoundError: no such case.
        """
        require(user, Action.READ_CASE)
        with self._sessions.begin() as session:
            return load_history(session, case_id)

    def audit_trail(self, case_id: str, user: User) -> list[AuditRecord]:
        require(user, Action.READ_CASE)
        with self._sessions.read() as session:
            return SqlCaseRepository(session).audit_trail(case_id)

    def restore_version(self, case_id: str, version: int, expected_version: int, user: User) -> int:
        """Make an earlier version the newest one; returns the new version number."""
        with self._sessions.begin(actor=user) as session:
            repo = SqlCaseRepository(session)
            self._require_on(repo, user, Action.RESTORE_VERSION, case_id)
            target = repo.version_document(case_id, version).stage
            lifecycle.check(case_status(session, repo, case_id), Step.SAVE, target)
            return repo.restore(case_id, version, expected_version, user.id)

    def import_case_file(self, path: Path, user: User, *, as_copy: bool = False) -> CaseRecord:
        """Store a case from an exchange file, owned by ``user``.

        A case whose id is already stored is refused (``CaseExistsError``) unless ``as_copy``,
        which stores it under a new id; so does an id that is not a UUID.

        Raises:
            CaseFileError: the file is unreadable or invalid, or the store refuses a value of it
                (an id that is not a UUID, an amount with fractions of a cent): file, field, reason.
            CaseExistsError: the case is stored already (and not ``as_copy``).
        """
        require(user, Action.IMPORT_CASE)
        case = read_case_file(path)
        if as_copy:
            case = dataclasses.replace(case, id=str(uuid.uuid4()))
        lifecycle.check_new(case)
        with self._sessions.begin(actor=user) as session:
            repo = SqlCaseRepository(session)
            try:
                repo.add(case, user.id, action=ChangeAction.IMPORT)
            except ValidationError as error:  # the store's own rules; paths as in the file
                raise CaseFileError(str(path), error.at("case")) from None
            return repo.get(case.id)

    def import_case_workbook(self, path: Path, user: User, *, as_copy: bool = False) -> CaseRecord:
        """Store the case of a workbook (``workbench.services.workbooks``), as ``import_case_file``.

        Raises:
            WorkbookError: the workbook is refused (every bad cell named); nothing is stored.
            CaseExistsError: the case is stored already (and not ``as_copy``).
        """
        require(user, Action.IMPORT_CASE)
        case = read_case_workbook(path)
        if as_copy:
            case = dataclasses.replace(case, id=str(uuid.uuid4()))
        lifecycle.check_new(case)
        with self._sessions.begin(actor=user) as session:
            repo = SqlCaseRepository(session)
            try:
                repo.add(case, user.id, action=ChangeAction.IMPORT)
            except ValidationError as error:
                raise CaseFileError(str(path), error.at("case")) from None
            return repo.get(case.id)

    def export_case_workbook(self, case_id: str, user: User, lang: str) -> bytes:
        """The case as an .xlsx workbook (``workbench.services.workbooks.case_workbook``)."""
        require(user, Action.EXPORT_CASE)
        with self._sessions.begin() as session:
            repo = SqlCaseRepository(session)
            record = repo.get(case_id)
            repo.record_export(case_id, user.id, record.content_sha256)
            return case_workbook(record.case, repo.policy_of(case_id), lang)

    def export_case(self, case_id: str, user: User) -> str:
        """The case as exchange-format JSON text (``workbench.services.case_files.dumps_case``)."""
        require(user, Action.EXPORT_CASE)
        with self._sessions.begin() as session:
            repo = SqlCaseRepository(session)
            record = repo.get(case_id)
            repo.record_export(case_id, user.id, record.content_sha256)
            return dumps_case(record.case, repo.policy_of(case_id))

    @staticmethod
    def _require_on(repo: SqlCaseRepository, user: User, action: Action, case_id: str) -> None:
        owner = repo.owner_of(case_id)
        require(user, action, _Owned(owner))


def _day_start(day: date | None, plus_days: int = 0) -> datetime | None:
    """Local midnight at the start of ``day`` (+ ``plus_days``), as an aware datetime."""
    if day is None:
        return None
    return datetime.combine(day + timedelta(days=plus_days), time.min).astimezone()


@dataclasses.dataclass(frozen=True, slots=True)
class _Owned:
    officer_id: str


def _needs_override(case: CaseFile, check_id: str, policy: CreditPolicy) -> bool:
    """Whether the check stands in the readiness gate's way: it FAILs, or needs an explanation it lacks,
    and no re-computation supersedes it. Otherwise it needs no reviewer's word (and the committee
    should not read one)."""
    result = next(r for r in compute_case(case, policy).checks if r.id == check_id)
    if result.superseded_by:
        return False
    return result.status is Status.FAIL or (result.status is Status.EXPLAIN and not result.explained)
