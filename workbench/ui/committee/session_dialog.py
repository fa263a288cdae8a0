"""``SessionDialog``: a new committee session — date, place, chair, members (veto), secretary, rule.

The members are the store's users; the chair sits and votes anyway. The secretary is picked from the
users (she then records votes on the members' behalf, signed in as herself) or typed as a name only
the minutes print (the chair then records the votes). Bad input (no place, fewer voters than the
quorum, a secretary who also votes) is refused in the dialog with the reason, nothing is sent to the
store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.committee import CommitteeRules, DecisionRule, Member
from workbench.domain.records import Role
from workbench.ui.committee.models import SeatModel
from workbench.ui.committee.texts import rule_text
from workbench.ui.i18n import tr

if TYPE_CHECKING:
    from collections.abc import Sequence

    from workbench.domain.records import User


@dataclass(frozen=True, slots=True)
class SessionSpec:
    """What ``CommitteeService.create_session`` needs."""

    held_on: date
    place: str
    chair_id: str
    members: tuple[Member, ...]
    secretary: str
    rules: CommitteeRules
    secretary_id: str | None = None


class SessionDialog(QDialog):
    def __init__(self, users: Sequence[User], chair: User | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionDialog")
        self.setWindowTitle(tr("新建审贷会"))
        self.spec: SessionSpec | None = None
        self.held_on = QDateEdit(QDate.currentDate())
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("yyyy-MM-dd")
        self.place = QLineEdit()
        self.place.setObjectName("sessionPlace")
        self.place.setPlaceholderText(tr("例如：三楼会议室"))
        self.chair = QComboBox()
        self.chair.setObjectName("sessionChair")
        for user in users:
            self.chair.addItem(f"{user.display_name}（{user.username}）", user.id)
        self.seats = SeatModel(users)
        self.members = QTableView()
        self.members.setObjectName("sessionMembers")
        self.members.setModel(self.seats)
        self.members.verticalHeader().hide()
        self.members.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.members.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.members.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.secretary = QComboBox()
        self.secretary.setObjectName("sessionSecretary")
        self.secretary.setEditable(True)
        self.secretary.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.secretary.addItem("", None)
        editor = self.secretary.lineEdit()
        if editor is not None:
            editor.setPlaceholderText(tr("选择记录投票的用户，或只填写姓名"))
        # secretaries first: they are who usually keeps the record
        for user in sorted(users, key=lambda u: u.role is not Role.SECRETARY):
            self.secretary.addItem(f"{user.display_name}（{user.username}）", user.id)
        self.rule = QComboBox()
        self.rule.setObjectName("sessionRule")
        for rule in DecisionRule:
            self.rule.addItem(rule_text(rule), rule.value)
        self.quorum = QSpinBox()
        self.quorum.setObjectName("sessionQuorum")
        self.quorum.setRange(1, 99)
        self.quorum.setValue(CommitteeRules().quorum)
        self.message = QLabel()
        self.message.setObjectName("sessionMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #B34700;")

        form = QFormLayout()
        form.addRow(tr("日期"), self.held_on)
        form.addRow(tr("地点"), self.place)
        form.addRow(tr("主席"), self.chair)
        form.addRow(tr("参会人员"), self.members)
        form.addRow(tr("秘书"), self.secretary)
        form.addRow(tr("决议规则"), self.rule)
        form.addRow(tr("法定人数"), self.quorum)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("创建"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.message)
        box.addWidget(buttons)
        self.chair.currentIndexChanged.connect(lambda _i: self.seats.set_chair(str(self.chair.currentData())))
        if chair is not None and self.chair.findData(chair.id) >= 0:
            self.chair.setCurrentIndex(self.chair.findData(chair.id))
        self.seats.set_chair(str(self.chair.currentData() or ""))
        self.resize(560, 560)

    def current_spec(self) -> SessionSpec | str:
        """The session the fields describe, or why they do not describe one."""
        place = self.place.text().strip()
        if not place:
            return tr("请填写开会地点")
        chair_id = str(self.chair.currentData() or "")
        if not chair_id:
            return tr("请选择主席")
        seated = [u for u in self.seats.users if u.id in self.seats.sits and u.id != chair_id]
        members = tuple(Member(u.id, u.display_name, veto=u.id in self.seats.veto) for u in seated)
        voters = len(members) + 1
        if voters < self.quorum.value():
            return (
                tr("投票人数（含主席）%1 人，少于法定人数 %2 人")
                .replace("%1", str(voters))
                .replace("%2", str(self.quorum.value()))
            )
        secretary_id = self._secretary_id()
        if secretary_id is not None and (secretary_id == chair_id or secretary_id in self.seats.sits):
            return tr("秘书代为记录投票，不能同时作为投票成员")
        chair_veto = chair_id in self.seats.veto
        if chair_veto:
            members = (Member(chair_id, "", chair=True, veto=True), *members)
        qdate = self.held_on.date()
        return SessionSpec(
            date(qdate.year(), qdate.month(), qdate.day()),
            place,
            chair_id,
            members,
            self._secretary_name(),
            CommitteeRules(DecisionRule(str(self.rule.currentData())), self.quorum.value()),
            secretary_id,
        )

    def _secretary_id(self) -> str | None:
        """The picked user, unless the text was edited away from her entry."""
        index = self.secretary.currentIndex()
        if index <= 0 or self.secretary.currentText() != self.secretary.itemText(index):
            return None
        return str(self.secretary.itemData(index))

    def _secretary_name(self) -> str:
        secretary_id = self._secretary_id()
        if secretary_id is None:
            return self.secretary.currentText().strip()
        return next(u.display_name for u in self.seats.users if u.id == secretary_id)

    def accept(self) -> None:
        spec = self.current_spec()
        if isinstance(spec, str):
            self.message.setText(spec)
            return
        self.spec = spec
        super().accept()
