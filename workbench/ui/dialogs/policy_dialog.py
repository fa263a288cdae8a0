"""The bank's credit policy (授信政策): the administrator edits it, everyone else reads it.

The form shows the version in force: on the first tab α and the sensitivities, the flow and equity
tolerance bands, the day convention, the loan unit, the minimum cash balance, whether the checks across
the store block, and a table of products; on the second (``policy_checks.ChecksTab``) every other field.
Saving writes the next version (the store never changes a written one) through ``StoreLink`` off the
GUI thread; a number that is no number, or a policy the domain refuses (α = 0, a band's OK above its
explain limit …), is one red line naming the field in the window's words. The window then computes
open cases under the new version (``policy_saved``).
"""

from __future__ import annotations

import dataclasses
import re
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
    QTabWidget,
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
from workbench.ui.dialogs.policy_checks import BAND_TARGETS, ChecksTab, select, whole
from workbench.ui.dialogs.policy_checks import number as _decimal
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


# An English label may hold a comma ("Interest only, principal at maturity"): English lists are joined
# with "; ", and a comma splits a part only where the whole part is no label.
METHOD_SEPARATORS = re.compile(r"[，、;；]")


def _list_separator() -> str:
    return "、" if lang() == "zh" else "; "


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        if all(isinstance(m, Method) for m in value):  # the window's words, never the file's keys
            return _list_separator().join(enum_label(m) for m in value)
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


FIELD_PATH = re.compile(r"(?P<list>\w+)\[(?P<key>\w+)\](?:\.band)?(?:\.(?P<field>\w+))?$")


def product_headers() -> list[str]:
    return [
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


def field_words(path: str, policy: CreditPolicy) -> str:
    """The field at ``path`` (``products[1].max_amount``) as the window names it (第 2 个产品的最高金额)."""
    words = {
        "name": tr("名称"),
        "alpha": tr("可用比例 α"),
        "flow_tolerance.ok": tr("现金流检验容差（可接受）"),
        "flow_tolerance.explain": tr("现金流检验容差（需说明）"),
        "equity_tolerance.ok": tr("权益检验容差（可接受）"),
        "equity_tolerance.explain": tr("权益检验容差（需说明）"),
        "days_per_month": tr("每月营业天数"),
        "rounding.loan_unit": tr("贷款金额取整单位"),
        "rounding.instalment_unit": tr("每期还款额取整单位"),
        "minimum_cash_buffer": tr("现金流预测最低余额"),
        "min_checks_per_item": tr("每个重要项目至少的检验方法数"),
        "materiality_share": tr("重要性比例"),
        "min_explanation_weight": tr("书面说明的最低字数权重"),
        "products": tr("产品"),
        "sensitivities": tr("敏感性比例"),
    }
    if path in words:
        return words[path]
    match = FIELD_PATH.match(path)
    if match is None:
        return path
    key, field = match["key"], match["field"] or ""
    if match["list"] == "sensitivities":
        return words["sensitivities"]
    if match["list"] == "material_items":
        return tr("重要时须多种方法检验的项目")
    if match["list"] == "products" and key.isdigit():
        column = PRODUCT_FIELDS.index(field) if field in PRODUCT_FIELDS else 0
        return (
            tr("第 %1 个产品的%2").replace("%1", str(int(key) + 1)).replace("%2", product_headers()[column])
        )
    if match["list"] == "check_tolerances":
        if key.isdigit():  # the domain counts the bands the policy has; the window names their kind
            key = policy.check_tolerances[int(key)].target.value
        target = next((t for t in BAND_TARGETS if t.value == key), None)
        kind = enum_label(target) if target is not None else key
        limit = tr("可接受") if field == "ok" else tr("需说明")
        return tr("%1检验容差（%2）").replace("%1", kind).replace("%2", limit)
    return path


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
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(tr("名称"), self.name)
        form.addRow(tr("可用比例 α（0–1）"), self.alpha)
        form.addRow(tr("敏感性比例（逗号分隔）"), self.sensitivities)
        form.addRow(tr("现金流检验容差：可接受 / 需说明"), self._pair(self.flow_ok, self.flow_explain))
        form.addRow(tr("权益检验容差：可接受 / 需说明"), self._pair(self.equity_ok, self.equity_explain))
        form.addRow(tr("每月营业天数（无经营时）"), self.days)
        form.addRow(tr("贷款金额取整单位"), self.loan_unit)
        form.addRow(tr("现金流预测最低余额"), self.minimum_cash)
        form.addRow("", self.store_checks)

        self.table = self._make_table("policyProducts", product_headers(), stretch=7)
        self.checks = ChecksTab()
        self._make_message("policyMessage")
        self.add_button = self._button("policyAddProduct", tr("添加产品"), self.add_product)
        self.remove_button = self._button("policyRemoveProduct", tr("删除产品"), self.remove_product)
        self.save_button = self._button("policySave", tr("保存为新版本"), self.save)
        close = self._button("policyClose", tr("关闭"), self.reject)
        products_row = QHBoxLayout()  # on the products' tab: they act on its table only
        for button in (self.add_button, self.remove_button):
            products_row.addWidget(button)
        products_row.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        row.addWidget(close)
        first = QWidget()
        first.setObjectName("policyMainTab")
        first_layout = QVBoxLayout(first)
        first_layout.addLayout(form)
        first_layout.addWidget(self.table, 1)
        first_layout.addLayout(products_row)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("policyTabs")
        self.tabs.addTab(first, tr("政策与产品"))
        self.tabs.addTab(self.checks, tr("检验与重要性"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)
        if not self.editable:
            self.message.setText(tr("只有管理员可以修改授信政策；此处只读。"))
        self.resize(960, 640)  # inside a 1024×768 screen
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
        select(self.days, policy.days_per_month)
        select(self.loan_unit, policy.rounding.loan_unit)
        self.minimum_cash.setText(str(policy.minimum_cash_buffer))
        self.store_checks.setChecked(policy.store_checks_block)
        self.checks.show_policy(policy)
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
        self.checks.set_editing(editing)
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
        return validate_policy(self.checks.apply(policy))

    def _product(self, row: int) -> Product:
        def cell(column: int) -> str:
            item = self.table.item(row, column)
            return item.text().strip() if item is not None else ""

        at = f"products[{row}]"
        methods = []
        for part in filter(str.strip, METHOD_SEPARATORS.split(cell(7))):
            pieces = [part] if _method(part) is not None else part.split(",")
            for piece in filter(str.strip, pieces):
                method = _method(piece)
                if method is None:
                    choices = _list_separator().join(enum_label(m) for m in Method)
                    raise ValidationError(
                        f"{at}.methods", "invalid_choice", value=piece.strip(), choices=choices
                    )
                methods.append(method)
        cap = cell(8)
        return Product(
            name=cell(0),
            min_amount=_decimal(f"{at}.min_amount", cell(1)),
            max_amount=_decimal(f"{at}.max_amount", cell(2)),
            min_months=whole(f"{at}.min_months", cell(3)),
            max_months=whole(f"{at}.max_months", cell(4)),
            min_annual_rate=_decimal(f"{at}.min_annual_rate", cell(5)),
            max_annual_rate=_decimal(f"{at}.max_annual_rate", cell(6)),
            methods=tuple(methods),
            first_loan_cap=_decimal(f"{at}.first_loan_cap", cap) if cap else None,
        )

    def save(self) -> None:
        try:
            policy = self.edited_policy()
        except ValidationError as error:
            self._refuse(self._refusal(error))
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
            self._refuse(self._refusal(error) if isinstance(error, ValidationError) else "")
            if not isinstance(error, ValidationError):
                self._refused(error)

        run_in_background(lambda: link.services.policy.save(policy, link.user), done, refused)

    def _refusal(self, error: ValidationError) -> str:
        """One line naming the field in the window's words, not the file's path."""
        try:
            shown = self.checks.apply(self.policy) if self.policy is not None else None
        except ValidationError:
            shown = self.policy
        words = field_words(error.field, shown or CreditPolicy()) if error.field else ""
        return error_text(ValidationError(words, error.reason, **error.params), lang())

    def _refuse(self, line: str) -> None:
        super()._refuse(line)
        self.message.setStyleSheet(REFUSED_STYLE)
