"""The bank's credit policy (授信政策): the administrator edits it, everyone else reads it.

The form shows the version in force: α and the sensitivities, the tolerance bands, the day convention,
the loan unit, the minimum cash balance, whether the checks across the store block, and a table of
products. Saving writes the next version (the store never changes a written one) through ``StoreLink``
off the GUI thread; a number that is no number, or a policy the domain refuses (α = 0, a band's OK
above its explain limit …), is one red line naming the field. The window then computes open cases
under the new version (``policy_saved``).
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.errors import ValidationError
from workbench.domain.policy import DAYS_PER_MONTH_CHOICES, CreditPolicy, Product, validate_policy
from workbench.domain.schedules import Method
from workbench.domain.settings import LOAN_UNITS, ToleranceBand
from workbench.texts.labels import SCHEDULE_METHOD_LABELS, policy_title
from workbench.texts.reasons import error_text
from workbench.ui.dialogs.admin_list import REFUSED_STYLE, AdminListDialog
from workbench.ui.i18n import lang, tr
from workbench.ui.labels import enum_label
from workbench.ui.ops import run_in_background

if TYPE_CHECKING:
    from workbench.ui.store_link import StoreLink

PRODUCT_FIELDS = (
    "name",
    "min_amount",
    "max_amount",
    "min_months",
    "max_months",
    "min_annual_rate",
    "max_annual_rate",
    "methods",
    "first_loan_cap",
)


METHOD_SEPARATORS = re.compile(r"[,，、;；]")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        if all(isinstance(m, Method) for m in value):  # the window's words, never the file's keys
            return ("、" if lang() == "zh" else ", ").join(enum_label(m) for m in value)
        return ", ".join(str(m) for m in value)
    return str(value)


def _method(text: str) -> Method | None:
    """A repayment method from its label in either language, or from its key (as a policy file has it)."""
    wanted = text.strip().casefold()
    for method in Method:
        names = (method.value, *(SCHEDULE_METHOD_LABELS[method][language] for language in ("zh", "en")))
        if wanted in (name.casefold() for name in names):
            return method
    return None


def _decimal(field: str, raw: str) -> Decimal:
    try:
        value = Decimal(raw.strip())
    except InvalidOperation:
        raise ValidationError(field, "not_a_number", value=raw) from None
    if not value.is_finite():
        raise ValidationError(field, "not_a_number", value=raw)
    return value


def _select(combo: QComboBox, value: Decimal) -> None:
    # findData compares Qt variants: a Decimal never matches, so compare the Python values here.
    index = next((i for i in range(combo.count()) if combo.itemData(i) == value), 0)
    combo.setCurrentIndex(index)


def _int(field: str, raw: str) -> int:
    value = _decimal(field, raw)
    if value != value.to_integral_value():
        raise ValidationError(field, "wrong_type", expected="integer")
    return int(value)


class PolicyDialog(AdminListDialog):
    """The policy in force; editable when the signed-in person may change it (``link.manages_policy``)."""

    policy_saved = Signal(object)  # CreditPolicy, as stored (its new version)

    def __init__(self, link: StoreLink, parent: QWidget | None = None) -> None:
        super().__init__(link, parent)
        self.setObjectName("policyDialog")
        self.setWindowTitle(tr("授信政策"))
        self.editable = link.manages_policy
        self.policy: CreditPolicy | None = None

        self.heading = QLabel()
        self.heading.setObjectName("policyHeading")
        self.name = QLineEdit()
        self.name.setObjectName("policyName")
        self.alpha = QLineEdit()
        self.alpha.setObjectName("policyAlpha")
        self.sensitivities = QLineEdit()
        self.sensitivities.setObjectName("policySensitivities")
        self.flow_ok, self.flow_explain = QLineEdit(), QLineEdit()
        self.equity_ok, self.equity_explain = QLineEdit(), QLineEdit()
        for widget, name in (
            (self.flow_ok, "policyFlowOk"),
            (self.flow_explain, "policyFlowExplain"),
            (self.equity_ok, "policyEquityOk"),
            (self.equity_explain, "policyEquityExplain"),
        ):
            widget.setObjectName(name)
        self.days = QComboBox()
        self.days.setObjectName("policyDays")
        for days in DAYS_PER_MONTH_CHOICES:
            self.days.addItem(str(days), days)
        self.loan_unit = QComboBox()
        self.loan_unit.setObjectName("policyLoanUnit")
        for unit in LOAN_UNITS:
            self.loan_unit.addItem(str(unit), unit)
        self.minimum_cash = QLineEdit()
        self.minimum_cash.setObjectName("policyMinimumCash")
        self.store_checks = QCheckBox(tr("案件库交叉核对（同一申请人、互保圈）阻止上会"))
        self.store_checks.setObjectName("policyStoreChecks")

        form = QFormLayout()
        form.addRow(tr("名称"), self.name)
        form.addRow(tr("可用比例 α（0–1）"), self.alpha)
        form.addRow(tr("敏感性比例（逗号分隔）"), self.sensitivities)
        form.addRow(tr("现金流检验容差：可接受 / 需说明"), self._pair(self.flow_ok, self.flow_explain))
        form.addRow(tr("权益检验容差：可接受 / 需说明"), self._pair(self.equity_ok, self.equity_explain))
        form.addRow(tr("每月营业天数（无经营时）"), self.days)
        form.addRow(tr("贷款金额取整单位"), self.loan_unit)
        form.addRow(tr("现金流预测最低余额"), self.minimum_cash)
        form.addRow("", self.store_checks)

        headers = [
            tr("产品"),
            tr("最低金额"),
            tr("最高金额"),
            tr("最短期限（月）"),
            tr("最长期限（月）"),
            tr("最低年利率"),
            tr("最高年利率"),
            tr("还款方式"),
            tr("首贷上限"),
        ]
        self.table = self._make_table("policyProducts", headers, stretch=7)
        self._make_message("policyMessage")
        self.add_button = self._button("policyAddProduct", tr("添加产品"), self.add_product)
        self.remove_button = self._button("policyRemoveProduct", tr("删除产品"), self.remove_product)
        self.save_button = self._button("policySave", tr("保存为新版本"), self.save)
        close = self._button("policyClose", tr("关闭"), self.reject)
        row = QHBoxLayout()
        for button in (self.add_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)
        if not self.editable:
            self.message.setText(tr("只有管理员可以修改授信政策；此处只读。"))
        self.resize(900, 560)
        self._sync_buttons()
        self.refresh()

    @staticmethod
    def _pair(left: QLineEdit, right: QLineEdit) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(left)
        row.addWidget(right)
        return box

    # ---- showing -----------------------------------------------------------------------------------

    def refresh(self) -> None:
        run_in_background(self.link.services.policy.current, self.show_policy, self._refused)

    def show_policy(self, policy: CreditPolicy) -> None:
        self.policy = policy
        heading = (
            tr("现行版本：%1 第 %2 版")
            .replace("%1", policy_title(policy.name, lang()))
            .replace("%2", str(policy.version))
        )
        self.heading.setText(heading)
        self.name.setText(policy.name)
        self.alpha.setText(str(policy.alpha))
        self.sensitivities.setText(_text(policy.sensitivities))
        self.flow_ok.setText(str(policy.flow_tolerance.ok))
        self.flow_explain.setText(str(policy.flow_tolerance.explain))
        self.equity_ok.setText(str(policy.equity_tolerance.ok))
        self.equity_explain.setText(str(policy.equity_tolerance.explain))
        _select(self.days, policy.days_per_month)
        _select(self.loan_unit, policy.rounding.loan_unit)
        self.minimum_cash.setText(str(policy.minimum_cash_buffer))
        self.store_checks.setChecked(policy.store_checks_block)
        self.table.setRowCount(0)
        for product in policy.products:
            self._add_row(product)
        self._sync_buttons()

    def _add_row(self, product: Product) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, field in enumerate(PRODUCT_FIELDS):
            self.table.setItem(row, column, QTableWidgetItem(_text(getattr(product, field))))

    def _sync_buttons(self) -> None:
        editing = self.editable and not self.busy and self.policy is not None
        for widget in (
            self.name,
            self.alpha,
            self.sensitivities,
            self.flow_ok,
            self.flow_explain,
            self.equity_ok,
            self.equity_explain,
            self.minimum_cash,
        ):
            widget.setReadOnly(not editing)
        for choice in (self.days, self.loan_unit, self.store_checks):
            choice.setEnabled(editing)
        self.table.setEditTriggers(
            self.table.EditTrigger.AllEditTriggers if editing else self.table.EditTrigger.NoEditTriggers
        )
        self.add_button.setVisible(self.editable)
        self.remove_button.setVisible(self.editable)
        self.save_button.setVisible(self.editable)
        self.add_button.setEnabled(editing)
        self.remove_button.setEnabled(editing and self.table.currentRow() >= 0 and self.table.rowCount() > 1)
        self.save_button.setEnabled(editing)

    # ---- editing -----------------------------------------------------------------------------------

    def add_product(self) -> None:
        self._add_row(Product(name=tr("新产品")))
        self._sync_buttons()

    def remove_product(self) -> None:
        row = self.table.currentRow()
        if row >= 0 and self.table.rowCount() > 1:
            self.table.removeRow(row)
        self._sync_buttons()

    def edited_policy(self) -> CreditPolicy:
        """The policy the form shows, validated.

        Raises:
            ValidationError: a number that is no number, or a policy the domain refuses.
        """
        assert self.policy is not None
        products = tuple(self._product(row) for row in range(self.table.rowCount()))
        sensitivities = tuple(
            _decimal(f"sensitivities[{i}]", part)
            for i, part in enumerate(self.sensitivities.text().split(","))
        )
        policy = dataclasses.replace(
            self.policy,
            name=self.name.text().strip(),
            alpha=_decimal("alpha", self.alpha.text()),
            sensitivities=sensitivities,
            flow_tolerance=ToleranceBand(
                _decimal("flow_tolerance.ok", self.flow_ok.text()),
                _decimal("flow_tolerance.explain", self.flow_explain.text()),
            ),
            equity_tolerance=ToleranceBand(
                _decimal("equity_tolerance.ok", self.equity_ok.text()),
                _decimal("equity_tolerance.explain", self.equity_explain.text()),
            ),
            days_per_month=self.days.currentData(),
            rounding=dataclasses.replace(self.policy.rounding, loan_unit=self.loan_unit.currentData()),
            minimum_cash_buffer=_decimal("minimum_cash_buffer", self.minimum_cash.text()),
            store_checks_block=self.store_checks.isChecked(),
            products=products,
        )
        return validate_policy(policy)

    def _product(self, row: int) -> Product:
        def cell(column: int) -> str:
            item = self.table.item(row, column)
            return item.text().strip() if item is not None else ""

        at = f"products[{row}]"
        methods = []
        for part in filter(str.strip, METHOD_SEPARATORS.split(cell(7))):
            method = _method(part)
            if method is None:
                choices = "、".join(enum_label(m) for m in Method)
                raise ValidationError(f"{at}.methods", "invalid_choice", value=part.strip(), choices=choices)
            methods.append(method)
        cap = cell(8)
        return Product(
            name=cell(0),
            min_amount=_decimal(f"{at}.min_amount", cell(1)),
            max_amount=_decimal(f"{at}.max_amount", cell(2)),
            min_months=_int(f"{at}.min_months", cell(3)),
            max_months=_int(f"{at}.max_months", cell(4)),
            min_annual_rate=_decimal(f"{at}.min_annual_rate", cell(5)),
            max_annual_rate=_decimal(f"{at}.max_annual_rate", cell(6)),
            methods=tuple(methods),
            first_loan_cap=_decimal(f"{at}.first_loan_cap", cap) if cap else None,
        )

    def save(self) -> None:
        try:
            policy = self.edited_policy()
        except ValidationError as error:
            self._refuse(error_text(error, lang()))
            return
        link = self.link
        self.busy = True
        self._sync_buttons()

        def done(stored: CreditPolicy) -> None:
            self.busy = False
            self.show_policy(stored)
            self.message.setStyleSheet("")
            line = tr("已保存为第 %1 版，此后的计算按新版本进行").replace("%1", str(stored.version))
            self.message.setText(line)
            self.policy_saved.emit(stored)

        def refused(error: BaseException) -> None:
            # The domain's refusal names its field; anything else (not an administrator …) is one line.
            self._refuse(error_text(error, lang()) if isinstance(error, ValidationError) else "")
            if not isinstance(error, ValidationError):
                self._refused(error)

        run_in_background(lambda: link.services.policy.save(policy, link.user), done, refused)

    def _refuse(self, line: str) -> None:
        super()._refuse(line)
        self.message.setStyleSheet(REFUSED_STYLE)
