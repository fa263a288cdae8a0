"""A committee room on a real SQLite store for the committee UI tests: a chair, two members, an
officer, demo cases A and B submitted, and the chair's PKCS#12 identity (made in tmp)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tests.registry import register
from tests.store.helpers import add_user, demo
from workbench.domain.records import Role, User
from workbench.reports.signing import create_identity, load_identity
from workbench.services.store import StoreServices, open_store
from workbench.ui import ops

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from workbench.ui.committee.window import CommitteeWindow

PASSPHRASE = "chair-passphrase"
SHOTS = Path("/tmp/committee")


@dataclass
class Room:
    services: StoreServices
    chair: User
    members: tuple[User, User]
    officer: User
    case_a: str
    case_b: str
    identity: Path


def make_room(tmp_path: Path) -> Room:
    """Close ``room.services`` afterwards."""
    services = open_store(f"sqlite:///{tmp_path / 'workbench.sqlite3'}")
    sessions = services.sessions
    chair = add_user(sessions, "zhou", Role.COMMITTEE_CHAIR)
    members = (
        add_user(sessions, "wang", Role.COMMITTEE_MEMBER),
        add_user(sessions, "li", Role.COMMITTEE_MEMBER),
    )
    officer = add_user(sessions, "liumin", Role.OFFICER)
    ids = []
    for name in ("a", "b"):
        record = services.cases.create_case(demo(name), officer)
        services.committee.submit_case(record.case.id, officer)
        ids.append(record.case.id)
    identity = create_identity("Zhou", "贷审会主席", PASSPHRASE, tmp_path / "zhou.p12")
    register(
        sessions, chair, load_identity(identity, PASSPHRASE).certificate
    )  # the archive takes her minutes
    return Room(services, chair, members, officer, ids[0], ids[1], identity)


def settle(qtbot: QtBot, window: CommitteeWindow | None = None) -> None:
    """Wait until every store call started by the window (and the hooks) has come back."""
    qtbot.waitUntil(lambda: not ops.busy() and (window is None or not window.busy), timeout=30_000)
