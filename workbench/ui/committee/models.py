"""Read-only table models of the committee window: sessions, agenda, votes, and the seat chooser.

Each model is handed immutable rows (services' dataclasses) with ``set_rows``; it formats them and
emits the reset only when the rows really changed. The seat chooser is the one editable model:
two check columns (sits in the session, holds a veto) over the store's users.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from workbench.domain.case_file import Stage
from workbench.domain.committee import Outcome
from workbench.domain.formatting import money
from workbench.texts.labels import enum_label
from workbench.ui.committee.texts import outcome_text, status_text, vote_text
from workbench.ui.i18n import lang, tr

if TYPE_CHECKING:
    from collections.abc import Sequence

    from workbench.domain.committee import MemberVote, SessionSummary
    from workbench.domain.records import User

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole


class _RowsModel(QAbstractTableModel):
    """Rows of strings built from immutable records."""

    def __init__(self) -> None:
        super().__init__()
        self._cells: list[tuple[str, ...]] = []

    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._cells):
            return None
        if role in (DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return self._cells[index.row()][index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if (
            role == DISPLAY
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.headers())
        ):
            return self.headers()[section]
        return None

    def _set_cells(self, cells: list[tuple[str, ...]]) -> None:
        if cells == self._cells:
            return
        self.beginResetModel()
        self._cells = cells
        self.endResetModel()


class SessionListModel(_RowsModel):
    def __init__(self) -> None:
        super().__init__()
        self.sessions: list[SessionSummary] = []

    def headers(self) -> tuple[str, ...]:
        return (tr("日期"), tr("地点"), tr("已决/议程"), tr("状态"))

    def set_rows(self, sessions: Sequence[SessionSummary]) -> None:
        self.sessions = list(sessions)
        self._set_cells(
            [
                (
                    s.held_on.isoformat(),
                    s.place,
                    f"{s.decided}/{s.cases}",
                    status_text(s.status),
                )
                for s in sessions
            ]
        )


@dataclass(frozen=True, slots=True)
class AgendaRow:
    """One case on the agenda as the window shows it."""

    case_id: str
    position: int
    case_number: str
    borrower: str
    requested: str
    version: int
    outcome: Outcome | None


class AgendaModel(_RowsModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[AgendaRow] = []

    def headers(self) -> tuple[str, ...]:
        return ("#", tr("案卷编号"), tr("借款人"), tr("申请金额"), tr("版本"), tr("决议"))

    def set_rows(self, rows: Sequence[AgendaRow]) -> None:
        self.rows = list(rows)
        self._set_cells(
            [
                (
                    str(r.position + 1),
                    r.case_number,
                    r.borrower,
                    r.requested,
                    str(r.version),
                    tr("待决") if r.outcome is None else outcome_text(r.outcome),
                )
                for r in rows
            ]
        )


class VoteModel(_RowsModel):
    """The votes cast on one agenda case: member, vote, reason, conditions."""

    def headers(self) -> tuple[str, ...]:
        return (tr("委员"), tr("表决"), tr("理由"), tr("条件"))

    def set_rows(self, votes: Sequence[MemberVote], names: dict[str, str]) -> None:
        self._set_cells(
            [
                (names.get(v.member_id, v.member_id), vote_text(v.vote), v.reason, "；".join(v.conditions))
                for v in votes
            ]
        )


class AwaitingModel(_RowsModel):
    """Submitted cases waiting for a session (to add to the agenda)."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []

    def headers(self) -> tuple[str, ...]:
        return (tr("案卷编号"), tr("借款人"), tr("客户经理"), tr("申请金额"), tr("阶段"))

    def set_rows(self, summaries: Sequence[Any]) -> None:
        self.ids = [s.id for s in summaries]
        self._set_cells(
            [
                (
                    s.case_number,
                    s.borrower_name,
                    s.officer_username,
                    money(s.requested),
                    enum_label(Stage(s.stage), lang()),
                )
                for s in summaries
            ]
        )


SITS, VETO = 1, 2


class SeatModel(QAbstractTableModel):
    """Who sits in a new session (check) and who holds a veto (check); the chair always sits."""

    def __init__(self, users: Sequence[User]) -> None:
        super().__init__()
        self.users = list(users)
        self.sits: set[str] = set()
        self.veto: set[str] = set()
        self.chair_id = ""

    def set_chair(self, user_id: str) -> None:
        if user_id == self.chair_id:
            return
        self.chair_id = user_id
        if self.users:
            self.dataChanged.emit(self.index(0, SITS), self.index(len(self.users) - 1, SITS))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.users)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal and 0 <= section < 3:
            return (tr("用户"), tr("出席并投票"), tr("一票否决权"))[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == SITS and self.users[index.row()].id == self.chair_id:
            return base  # the chair sits and votes anyway
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.column() in (SITS, VETO) else base

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.users):
            return None
        user = self.users[index.row()]
        if index.column() == 0 and role in (DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return f"{user.display_name}（{user.username}）"
        if role == Qt.ItemDataRole.CheckStateRole and index.column() in (SITS, VETO):
            if index.column() == SITS:
                on = user.id in self.sits or user.id == self.chair_id
            else:
                on = user.id in self.veto
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.CheckStateRole
            or not index.isValid()
            or index.column() not in (SITS, VETO)
        ):
            return False
        if not self.flags(index) & Qt.ItemFlag.ItemIsUserCheckable:
            return False
        user_id = self.users[index.row()].id
        chosen = self.sits if index.column() == SITS else self.veto
        on = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        if (user_id in chosen) == on:
            return False
        if on:
            chosen.add(user_id)
        else:
            chosen.discard(user_id)
        if index.column() == VETO and on:  # a veto holder sits in the session
            self.sits.add(user_id)
        elif index.column() == SITS and not on:
            self.veto.discard(user_id)
        row = index.row()
        self.dataChanged.emit(self.index(row, SITS), self.index(row, VETO), [role])
        return True
