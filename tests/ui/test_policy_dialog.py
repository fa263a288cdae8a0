"""The credit policy window (issue #13) on a real SQLite store: the administrator edits the numbers, the
products and (second tab) the checks and materiality, and saves a new version; a refused number is one
red line naming the field in words; an officer sees the policy read-only."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pytest

from tests.ui.accounts import PASSWORD, signed_link
from workbench.domain.cross_checks import Target
from workbench.domain.money import Rounding
from workbench.domain.policy import CheckBand
from workbench.domain.records import Role
from workbench.domain.schedules import Method
from workbench.domain.settings import ToleranceBand
from workbench.ui import i18n
from workbench.ui.dialogs.policy_checks import BAND_TARGETS
from workbench.ui.dialogs.policy_dialog import PolicyDialog

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot

    from workbench.ui.store_link import StoreLink

WAIT_MS = 15_000


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
    assert dialog.message.text() == "字段 可用比例 α：必须大于 0 且不超过 1：0"
    dialog.alpha.setText("abc")
    dialog.save()
    assert dialog.message.text() == "字段 可用比例 α：不是有效的数字：abc"
    dialog.alpha.setText("0.8")
    dialog.flow_ok.setText("0.2")
    dialog.save()
    assert dialog.message.text().startswith("字段 现金流检验容差（需说明）：")
    dialog.flow_ok.setText("0.05")
    dialog.table.item(0, 2).setText("x")
    dialog.save()
    assert dialog.message.text() == "字段 第 1 个产品的最高金额：不是有效的数字：x"
    assert [v.version for v in owner.services.policy.versions()] == [1]


def test_an_officer_reads_the_policy_only(
    make_dialog: Callable[[StoreLink], PolicyDialog], owner: StoreLink, store_url: str
) -> None:
    owner.add_user("li", "李明", Role.OFFICER, False, PASSWORD)
    officer = signed_link(store_url, "li")
    try:
        dialog = make_dialog(officer)
        assert dialog.alpha.isReadOnly() and not dialog.save_button.isVisible()
        checks = dialog.checks
        assert checks.share.isReadOnly() and checks.min_checks.isReadOnly() and checks.weight.isReadOnly()
        assert not checks.items["inventory"].isEnabled() and not checks.instalment_unit.isEnabled()
        assert not checks.instalment_mode.isEnabled()
        assert checks.bands.editTriggers() == checks.bands.EditTrigger.NoEditTriggers
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
    assert dialog.message.text().startswith("字段 第 1 个产品的还款方式：无效取值 按揭，可选：等额本息、")


def _band_row(dialog: PolicyDialog, target: Target) -> int:
    return BAND_TARGETS.index(target)


def test_the_administrator_sets_the_checks_and_materiality(
    qtbot: QtBot, make_dialog: Callable[[StoreLink], PolicyDialog], owner: StoreLink
) -> None:
    dialog = make_dialog(owner)
    checks = dialog.checks
    assert dialog.tabs.tabText(1) == "检验与重要性"
    assert checks.items["inventory"].text() == "存货" and checks.items["inventory"].isChecked()
    assert checks.bands.item(_band_row(dialog, Target.GROSS_MARGIN), 0).text() == "毛利率"
    assert (checks.share.text(), checks.min_checks.text(), checks.weight.text()) == ("0.10", "2", "6")
    assert (checks.instalment_unit.currentText(), checks.instalment_mode.currentText()) == (
        "0.01",
        "四舍五入",
    )
    row = _band_row(dialog, Target.GROSS_MARGIN)
    checks.bands.item(row, 1).setText("0.03")
    checks.bands.item(row, 2).setText("0.08")
    checks.items["receivables"].setChecked(False)
    checks.share.setText("0.15")
    checks.min_checks.setText("3")
    checks.weight.setText("8")
    checks.instalment_unit.setCurrentText("10")
    checks.instalment_mode.setCurrentText("向上取整")
    with qtbot.waitSignal(dialog.policy_saved, timeout=WAIT_MS) as saved:
        dialog.save()
    stored = saved.args[0]
    assert stored.version == 2 and owner.services.policy.current() == stored
    assert stored.check_tolerances == (
        CheckBand(Target.GROSS_MARGIN, ToleranceBand(Decimal("0.03"), Decimal("0.08"))),
    )
    assert "receivables" not in stored.material_items and "inventory" in stored.material_items
    assert (stored.materiality_share, stored.min_checks_per_item, stored.min_explanation_weight) == (
        Decimal("0.15"),
        3,
        8,
    )
    assert (stored.rounding.instalment_unit, stored.rounding.instalment_mode) == (Decimal(10), Rounding.UP)
    assert stored.rounding.loan_unit == Decimal(1000)
    # shown again as stored: the band stays on its row, the item unticked
    assert checks.bands.item(row, 1).text() == "0.03" and not checks.items["receivables"].isChecked()


def test_a_refused_check_field_is_one_line_in_words(
    make_dialog: Callable[[StoreLink], PolicyDialog], owner: StoreLink
) -> None:
    dialog = make_dialog(owner)
    checks = dialog.checks
    row = _band_row(dialog, Target.INVENTORY)
    checks.bands.item(row, 1).setText("0.2")
    checks.bands.item(row, 2).setText("0.1")
    dialog.save()
    assert dialog.message.text().startswith("字段 存货检验容差（需说明）：")
    checks.bands.item(row, 2).setText("")
    dialog.save()
    assert dialog.message.text() == "字段 存货检验容差（需说明）：缺少必填字段"
    checks.bands.item(row, 1).setText("")
    checks.share.setText("0")
    dialog.save()
    assert dialog.message.text() == "字段 重要性比例：必须大于 0 且不超过 1：0"
    checks.share.setText("0.1")
    checks.min_checks.setText("0")
    dialog.save()
    assert dialog.message.text().startswith("字段 每个重要项目至少的检验方法数：")
    checks.min_checks.setText("2")
    checks.weight.setText("1.5")
    dialog.save()
    assert dialog.message.text().startswith("字段 书面说明的最低字数权重：")
    assert [v.version for v in owner.services.policy.versions()] == [1]


def test_in_english_the_methods_and_fields_round_trip(
    qtbot: QtBot, make_dialog: Callable[[StoreLink], PolicyDialog], owner: StoreLink
) -> None:
    i18n.set_language("en")  # the ui fixture puts Chinese back
    dialog = make_dialog(owner)
    assert dialog.tabs.tabText(1) == "Checks && materiality"
    assert dialog.checks.items["sales"].text() == "Sales"
    assert "Interest only, principal at maturity; " in dialog.table.item(0, 7).text()
    with qtbot.waitSignal(dialog.policy_saved, timeout=WAIT_MS) as saved:
        dialog.save()  # the labels as shown, a comma inside one of them, read back unchanged
    assert saved.args[0].products[0].methods == tuple(Method)
    dialog.checks.share.setText("x")
    dialog.save()
    assert dialog.message.text() == "field materiality share: not a valid number: x"
