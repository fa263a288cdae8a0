"""The credit policy window (issue #13) on a real SQLite store: the administrator edits the numbers and
the products and saves a new version; a refused number is one red line naming the field; an officer
sees the policy read-only."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pytest

from tests.ui.accounts import PASSWORD, signed_link
from workbench.domain.records import Role
from workbench.ui.dialogs.policy_dialog import PolicyDialog

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from workbench.ui.store_link import StoreLink

WAIT_MS = 15_000


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cases.sqlite3'}"


@pytest.fixture
def owner(store_url: str) -> Iterator[StoreLink]:
    link = signed_link(store_url, "owner")
    yield link
    link.close()


@pytest.fixture
def make_dialog(qtbot: QtBot, ui: Any) -> Callable[[StoreLink], PolicyDialog]:
    def make(link: StoreLink) -> PolicyDialog:
        dialog = PolicyDialog(link)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(lambda: dialog.policy is not None, timeout=WAIT_MS)
        return dialog

    return make


def test_the_administrator_saves_a_new_version(
    qtbot: QtBot, make_dialog: Callable[[StoreLink], PolicyDialog], owner: StoreLink
) -> None:
    dialog = make_dialog(owner)
    assert dialog.heading.text() == "现行版本：默认政策 第 1 版"
    assert dialog.alpha.text() == "0.80" and dialog.table.rowCount() == 1
    assert (dialog.days.currentText(), dialog.loan_unit.currentText()) == ("30", "1000")
    assert dialog.save_button.isVisible() and not dialog.alpha.isReadOnly()
    dialog.name.setText("城商行经营贷")
    dialog.alpha.setText("0.70")
    dialog.days.setCurrentText("28")
    dialog.add_product()
    dialog.table.item(1, 0).setText("小额")
    dialog.table.item(1, 2).setText("50000")
    dialog.table.item(1, 8).setText("20000")
    with qtbot.waitSignal(dialog.policy_saved, timeout=WAIT_MS) as saved:
        dialog.save()
    stored = saved.args[0]
    assert (stored.version, stored.name, stored.alpha, stored.days_per_month) == (
        2,
        "城商行经营贷",
        Decimal("0.70"),
        28,
    )
    assert [(p.name, p.max_amount, p.first_loan_cap) for p in stored.products] == [
        ("default", Decimal(300000), None),
        ("小额", Decimal(50000), Decimal(20000)),
    ]
    assert dialog.message.text() == "已保存为第 2 版，此后的计算按新版本进行"
    assert owner.services.policy.current() == stored


def test_a_refused_number_is_one_line_naming_the_field(
    qtbot: QtBot, make_dialog: Callable[[StoreLink], PolicyDialog], owner: StoreLink
) -> None:
    dialog = make_dialog(owner)
    dialog.alpha.setText("0")
    dialog.save()
    assert dialog.message.text() == "字段 alpha：必须大于 0 且不超过 1：0"
    dialog.alpha.setText("abc")
    dialog.save()
    assert dialog.message.text() == "字段 alpha：不是有效的数字：abc"
    dialog.alpha.setText("0.8")
    dialog.flow_ok.setText("0.2")
    dialog.save()
    assert dialog.message.text().startswith("字段 flow_tolerance.explain：")
    assert [v.version for v in owner.services.policy.versions()] == [1]


def test_an_officer_reads_the_policy_only(
    make_dialog: Callable[[StoreLink], PolicyDialog], owner: StoreLink, store_url: str
) -> None:
    owner.add_user("li", "李明", Role.OFFICER, False, PASSWORD)
    officer = signed_link(store_url, "li")
    try:
        dialog = make_dialog(officer)
        assert dialog.alpha.isReadOnly() and not dialog.save_button.isVisible()
        assert dialog.message.text() == "只有管理员可以修改授信政策；此处只读。"
    finally:
        officer.close()


def test_repayment_methods_are_shown_and_typed_in_the_windows_words(
    qtbot: QtBot, make_dialog: Callable[[StoreLink], PolicyDialog], owner: StoreLink
) -> None:
    dialog = make_dialog(owner)
    shown = dialog.table.item(0, 7).text()
    assert shown.startswith("等额本息、等额本金、") and "annuity" not in shown
    dialog.table.item(0, 7).setText("等额本金， seasonal、Annuity (equal instalments)")
    with qtbot.waitSignal(dialog.policy_saved, timeout=WAIT_MS) as saved:
        dialog.save()
    assert [m.value for m in saved.args[0].products[0].methods] == ["equal-principal", "seasonal", "annuity"]
    dialog.table.item(0, 7).setText("等额本息、按揭")
    dialog.save()
    assert dialog.message.text().startswith("字段 products[0].methods：无效取值 按揭，可选：等额本息、")
