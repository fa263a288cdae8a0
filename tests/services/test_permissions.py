"""Every role × every action, on an own case and on someone else's, plus disabled accounts."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from workbench.domain.case_file import Stage
from workbench.domain.records import CaseSummary, Role, User
from workbench.services.messages import describe_error
from workbench.services.permissions import Action, PermissionDenied, allowed, require

R, C, I, E, V, X, A, M, S, RS, VT, O = (  # noqa: E741 - one letter per action keeps the table readable
    Action.READ_CASE,
    Action.CREATE_CASE,
    Action.IMPORT_CASE,
    Action.EDIT_CASE,
    Action.RESTORE_VERSION,
    Action.EXPORT_CASE,
    Action.ARCHIVE_REPORT,
    Action.MANAGE_USERS,
    Action.SUBMIT_CASE,
    Action.RUN_SESSION,
    Action.VOTE,
    Action.OVERRIDE_CHECK,
)
# What each role may do on its own case, and on a case of another officer.
EXPECTED: dict[Role, tuple[set[Action], set[Action]]] = {
    Role.OFFICER: ({R, C, I, E, V, X, A, S}, {R, C, I, X}),
    Role.REVIEWER: ({R, X, A, O}, {R, X, A, O}),
    Role.COMMITTEE_MEMBER: ({R, VT}, {R, VT}),
    Role.COMMITTEE_CHAIR: ({R, A, VT, RS}, {R, A, VT, RS}),
    Role.SECRETARY: ({R, VT}, {R, VT}),  # records votes on members' behalf
    Role.BACK_OFFICE: ({R, X, A}, {R, X, A}),
    Role.ADMIN: (set(Action) - {O}, set(Action) - {E, V, S, O}),  # own cases only (row security); no override
}
ME = "00000000-0000-4000-8000-000000000001"
SOMEONE_ELSE = "00000000-0000-4000-8000-000000000002"


def user(role: Role, active: bool = True) -> User:
    return User(ME, "wang", "王", role, active)


def case_of(owner: str) -> CaseSummary:
    return CaseSummary(
        "c", "N-1", "借款人", "", Stage.INVESTIGATE, owner, "x", Decimal(0), datetime.now(UTC), 1
    )


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize(("owner", "column"), [(ME, 0), (SOMEONE_ELSE, 1)], ids=["own", "other"])
def test_role_action_matrix(role: Role, action: Action, owner: str, column: int) -> None:
    expected = action in EXPECTED[role][column]
    assert allowed(user(role), action, case_of(owner)) is expected
    if expected:
        require(user(role), action, case_of(owner))
    else:
        with pytest.raises(PermissionDenied):
            require(user(role), action, case_of(owner))


@pytest.mark.parametrize("action", [E, V, S])
def test_ownership_actions_need_a_case(action: Action) -> None:
    assert not allowed(user(Role.OFFICER), action)
    assert not allowed(user(Role.ADMIN), action)


@pytest.mark.parametrize("role", list(Role))
def test_a_disabled_account_may_do_nothing(role: Role) -> None:
    assert not any(allowed(user(role, active=False), a, case_of(ME)) for a in Action)


def test_the_refusal_reads_as_one_line_in_both_languages() -> None:
    error = PermissionDenied(user(Role.REVIEWER), Action.EDIT_CASE)
    assert describe_error(error, "zh") == "用户 wang（审查员）无权修改案卷"
    assert describe_error(error, "en") == "user wang (reviewer) may not edit this case"
    disabled = PermissionDenied(user(Role.OFFICER, active=False), Action.READ_CASE)
    assert describe_error(disabled, "zh").endswith("（账户已停用）")
