"""Who may do what: roles × actions, plus "officers change only their own cases".

The rules live here and only here; the services call ``require`` at the start of every use case,
and the screens may call ``allowed`` to grey out what the user cannot do. Who may take the steps of
a case's lifecycle (edit and so move its stage, submit it, run the committee's agenda and decision)
is not repeated here: it is taken from the state machine's transitions (``domain.lifecycle``).
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from workbench.domain import lifecycle
from workbench.domain.errors import DomainError
from workbench.domain.lifecycle import DECISION_STEPS, Step
from workbench.domain.records import Role
from workbench.texts import N_, NC_, Words, text

if TYPE_CHECKING:
    from workbench.domain.records import User


class OwnedCase(Protocol):
    """Anything that says whose case it is: ``CaseRecord``, ``CaseSummary`` …"""

    @property
    def officer_id(self) -> str: ...


class Action(StrEnum):
    READ_CASE = "read_case"  # open, list, history, audit trail
    CREATE_CASE = "create_case"
    IMPORT_CASE = "import_case"
    EDIT_CASE = "edit_case"
    RESTORE_VERSION = "restore_version"
    EXPORT_CASE = "export_case"
    ARCHIVE_REPORT = "archive_report"
    MANAGE_USERS = "manage_users"
    EDIT_POLICY = "edit_policy"  # save a new version of the bank's credit policy (administrators)
    SUBMIT_CASE = "submit_case"  # to the committee (the officer, her own case)
    RUN_SESSION = "run_session"  # set up a session, its agenda; record the decision (the chair)
    VOTE = "vote"  # cast a vote in a session (members and the chair)
    OVERRIDE_CHECK = "override_check"  # accept a failing cross-check as it stands (复核认可; reviewers)


STEP_ACTIONS: dict[Action, frozenset[Step]] = {
    Action.EDIT_CASE: frozenset({Step.SAVE}),
    Action.RESTORE_VERSION: frozenset({Step.SAVE}),
    Action.SUBMIT_CASE: frozenset({Step.SUBMIT}),
    Action.RUN_SESSION: frozenset({Step.ADD_TO_AGENDA, *DECISION_STEPS}),
}
"""The actions that take lifecycle steps: who may take them is the machine's ``Transition.roles``."""

_OTHER_ACTIONS: dict[Role, frozenset[Action]] = {
    Role.OFFICER: frozenset(
        {Action.READ_CASE, Action.CREATE_CASE, Action.IMPORT_CASE, Action.EXPORT_CASE, Action.ARCHIVE_REPORT}
    ),
    # Those who sign a report (reviewer's counter-signature, the chair's minutes) archive what they signed.
    Role.REVIEWER: frozenset(
        {Action.READ_CASE, Action.EXPORT_CASE, Action.ARCHIVE_REPORT, Action.OVERRIDE_CHECK}
    ),
    Role.COMMITTEE_MEMBER: frozenset({Action.READ_CASE, Action.VOTE}),
    Role.COMMITTEE_CHAIR: frozenset({Action.READ_CASE, Action.ARCHIVE_REPORT, Action.VOTE}),
    # The secretary types the votes members call out (``VOTE`` on their behalf; she never votes
    # herself, ``CommitteeService.cast_vote``) and keeps the minutes; she edits no case.
    Role.SECRETARY: frozenset({Action.READ_CASE, Action.VOTE}),
    Role.BACK_OFFICE: frozenset({Action.READ_CASE, Action.EXPORT_CASE, Action.ARCHIVE_REPORT}),
    # An override is a reviewer's judgement of a case, not administration: the administrator has none.
    Role.ADMIN: frozenset(a for a in Action if a not in STEP_ACTIONS and a is not Action.OVERRIDE_CHECK),
}


def _allowed() -> dict[Role, frozenset[Action]]:
    by_step = {action: lifecycle.roles_for(*steps) for action, steps in STEP_ACTIONS.items()}
    return {
        role: others | {action for action, roles in by_step.items() if role in roles}
        for role, others in _OTHER_ACTIONS.items()
    }


ALLOWED: dict[Role, frozenset[Action]] = _allowed()


def _own_cases_only() -> dict[Role, frozenset[Action]]:
    """Lifecycle actions an editor takes on her own cases only (``Transition.own_case``), and the
    survey reports an officer signs and archives. An administrator edits, restores and submits only
    cases of her own too: a team store's row security refuses her anyone else's (migration 0010),
    and the services say so first, on SQLite as well."""
    own = {
        action
        for action, steps in STEP_ACTIONS.items()
        if any(t.own_case and t.step in steps for t in lifecycle.TRANSITIONS)
    }
    return {Role.OFFICER: frozenset({*own, Action.ARCHIVE_REPORT}), Role.ADMIN: frozenset(own)}


OWN_CASES_ONLY: dict[Role, frozenset[Action]] = _own_cases_only()
"""Actions a role may take only on cases it owns (``officer_id``)."""

ROLE_NAMES: Words[Role] = Words(
    {
        Role.OFFICER: NC_("user role", "客户经理"),
        Role.REVIEWER: NC_("user role", "审查员"),
        Role.COMMITTEE_MEMBER: NC_("user role", "贷审会委员"),
        Role.COMMITTEE_CHAIR: NC_("user role", "贷审会主席"),
        Role.SECRETARY: NC_("user role", "贷审会秘书"),
        Role.BACK_OFFICE: NC_("user role", "后台"),
        Role.ADMIN: NC_("user role", "管理员"),
    }
)
ACTION_NAMES: Words[Action] = Words(
    {
        Action.READ_CASE: N_("查看案卷"),
        Action.CREATE_CASE: N_("新建案卷"),
        Action.IMPORT_CASE: N_("导入案卷"),
        Action.EDIT_CASE: N_("修改案卷"),
        Action.RESTORE_VERSION: N_("恢复历史版本"),
        Action.EXPORT_CASE: N_("导出案卷"),
        Action.ARCHIVE_REPORT: N_("归档已签署报告"),
        Action.MANAGE_USERS: N_("管理用户"),
        Action.EDIT_POLICY: N_("修改授信政策"),
        Action.SUBMIT_CASE: N_("提交此案卷上会"),
        Action.RUN_SESSION: N_("主持贷审会、记录决议"),
        Action.VOTE: N_("在贷审会上投票"),
        Action.OVERRIDE_CHECK: N_("复核认可未通过的交叉检验"),
    }
)


class PermissionDenied(DomainError):
    """The user's role (or ownership) does not allow the action."""

    def __init__(self, user: User, action: Action) -> None:
        self.user = user
        self.action = action
        super().__init__(f"{user.username} ({user.role.value}) may not {action.value}")

    def describe(self, lang: str = "zh") -> str:
        role, action = ROLE_NAMES.text(self.user.role, lang), ACTION_NAMES.text(self.action, lang)
        head = text(
            N_("用户 {username}（{role}）无权{action}"),
            lang,
            username=self.user.username,
            role=role,
            action=action,
        )
        return head if self.user.active else text(N_("{message}（账户已停用）"), lang, message=head)


def allowed(user: User, action: Action, case: OwnedCase | None = None) -> bool:
    """Whether ``user`` may take ``action`` (on ``case``, for the actions bound to ownership)."""
    if not user.active:
        return False
    if action in (Action.MANAGE_USERS, Action.EDIT_POLICY) and user.admin:
        return True  # administration is a flag beside the lending role (the laptop's owner)
    if action not in ALLOWED[user.role]:
        return False
    if action in OWN_CASES_ONLY.get(user.role, frozenset()):
        return case is not None and case.officer_id == user.id
    return True


def require(user: User, action: Action, case: OwnedCase | None = None) -> None:
    """Raise ``PermissionDenied`` unless ``allowed(user, action, case)``."""
    if not allowed(user, action, case):
        raise PermissionDenied(user, action)
