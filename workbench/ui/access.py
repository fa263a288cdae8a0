"""What the signed-in person may do, shown before she tries: a case that is not hers opens read-only
with the reason, and the actions her role cannot take are greyed out (submit, the committee's steps).

The rules are the services' (``services.permissions.allowed``, asked through ``StoreLink.may``); the
services still refuse on their own, this only spares her the refusal. Without a store nothing is
greyed: case files and new cases are hers, and the store-bound actions say why they need one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.services.permissions import Action, PermissionDenied
from workbench.ui.i18n import lang, tr

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from workbench.ui.document import CaseDocument
    from workbench.ui.store_link import StoreLink

READ_ONLY = "readOnlyReason"  # a dynamic property of the CaseDocument: why she may not edit it


def mark_access(document: CaseDocument, store: StoreLink | None, owner_id: str | None) -> None:
    """Make a stored case read-only (with the reason) unless the signed-in person may edit it."""
    reason = ""
    owner = owner_id if owner_id is not None else store.user.id if store is not None else None
    # an owner not known here (a case restored from its journal) is left to the services' refusal
    if store is not None and document.source.kind == "store" and not store.may(Action.EDIT_CASE, owner):
        refusal = PermissionDenied(store.user, Action.EDIT_CASE).describe(lang())
        reason = tr("%1：此案卷只能查看，不能修改。").replace("%1", refusal)
    document.setProperty(READ_ONLY, reason)


def read_only_reason(document: CaseDocument) -> str:
    """Why ``document`` may not be edited by the signed-in person; ``""`` if she may."""
    value = document.property(READ_ONLY)
    return value if isinstance(value, str) else ""


def may_submit(store: StoreLink | None, document: CaseDocument | None, owner_id: str | None) -> bool:
    """Whether 提交贷审会 is offered: her role submits, and a stored case is hers."""
    if store is None:
        return True  # the action itself says that a case must be stored first
    if document is not None and document.source.kind == "store" and owner_id is not None:
        return store.may(Action.SUBMIT_CASE, owner_id)
    return store.may(Action.SUBMIT_CASE, store.user.id)  # a case she would store as her own


def may_use_committee(store: StoreLink | None) -> bool:
    """Whether the committee window is offered: she runs sessions or votes in them."""
    return store is None or store.may(Action.RUN_SESSION) or store.may(Action.VOTE)


def grey_out(action: QAction, allowed: bool) -> None:
    """Enable ``action`` as ``allowed``, saying why not in its tooltip."""
    action.setEnabled(allowed)
    action.setToolTip("" if allowed else tr("您的角色或权限不能执行此操作"))
