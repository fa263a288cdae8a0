"""The policy window's second tab (检验与重要性): what the readiness gate and the schedule are held to.

A tolerance band per kind of check (left empty: the flow or equity band of the first tab), the items that
need several methods when material, the materiality share, the methods each needs, the weight of a real
explanation and how instalments are rounded. Items and kinds of check are shown in the window's words,
never as the file's keys.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.cross_checks import Target
from workbench.domain.errors import ValidationError
from workbench.domain.money import Rounding
from workbench.domain.policy import CheckBand, CreditPolicy
from workbench.domain.settings import INSTALMENT_UNITS, MATERIAL_ITEMS, ToleranceBand
from workbench.texts import capital
from workbench.texts.labels import ITEM_NAMES
from workbench.ui.i18n import lang, tr
from workbench.ui.labels import enum_label

# Every kind, soft information too: a band the policy file names is never dropped by a save here.
BAND_TARGETS = tuple(Target)


def item_name(key: str) -> str:
    """A material item in the window's words (``inventory`` → 存货), capitalised as a label."""
    return capital(ITEM_NAMES.get(key, {}).get(lang(), key), lang())


def rounding_names() -> dict[Rounding, str]:
    return {Rounding.HALF_UP: tr("四舍五入"), Rounding.UP: tr("向上取整"), Rounding.DOWN: tr("向下取整")}


def number(field: str, raw: str) -> Decimal:
    """``raw`` as a finite number, or a refusal naming ``field``."""
    try:
        value = Decimal(raw.strip())
    except InvalidOperation:
        raise ValidationError(field, "not_a_number", value=raw) from None
    if not value.is_finite():
        raise ValidationError(field, "not_a_number", value=raw)
    return value


def whole(field: str, raw: str) -> int:
    value = number(field, raw)
    if value != value.to_integral_value():
        raise ValidationError(field, "wrong_type", expected="integer")
    return int(value)


def select(combo: QComboBox, value: object) -> None:
    # findData compares Qt variants: a Decimal never matches, so compare the Python values here.
    index = next((i for i in range(combo.count()) if combo.itemData(i) == value), 0)
    combo.setCurrentIndex(index)


class ChecksTab(QWidget):
    """The fields of the policy the first tab lacks; ``apply`` puts them into a policy."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("policyChecksTab")
        self.bands = QTableWidget(len(BAND_TARGETS), 3)
        self.bands.setObjectName("policyCheckBands")
        self.bands.setHorizontalHeaderLabels([tr("检验对象"), tr("可接受"), tr("需说明")])
        self.bands.verticalHeader().setVisible(False)
        self.bands.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.bands.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for row, target in enumerate(BAND_TARGETS):
            kind = QTableWidgetItem(capital(enum_label(target), lang()))
            kind.setFlags(kind.flags() & ~Qt.ItemFlag.ItemIsEditable)  # a label, not a value
            self.bands.setItem(row, 0, kind)
            self.bands.setItem(row, 1, QTableWidgetItem(""))
            self.bands.setItem(row, 2, QTableWidgetItem(""))
        band_box = QGroupBox(tr("各类检验的容差（留空：按现金流或权益容差）"))
        band_layout = QVBoxLayout(band_box)
        band_layout.addWidget(self.bands)

        self.items: dict[str, QCheckBox] = {}
        item_box = QGroupBox(tr("重要时须多种方法检验的项目"))
        grid = QGridLayout(item_box)
        for index, key in enumerate(MATERIAL_ITEMS):
            box = QCheckBox(item_name(key))
            box.setObjectName(f"policyItem_{key}")
            self.items[key] = box
            grid.addWidget(box, index // 2, index % 2)

        self.share = QLineEdit()
        self.share.setObjectName("policyMaterialityShare")
        self.min_checks = QLineEdit()
        self.min_checks.setObjectName("policyMinChecks")
        self.weight = QLineEdit()
        self.weight.setObjectName("policyExplanationWeight")
        self.instalment_unit = QComboBox()
        self.instalment_unit.setObjectName("policyInstalmentUnit")
        for unit in INSTALMENT_UNITS:
            self.instalment_unit.addItem(str(unit), unit)
        self.instalment_mode = QComboBox()
        self.instalment_mode.setObjectName("policyInstalmentMode")
        for mode, name in rounding_names().items():
            self.instalment_mode.addItem(name, mode)
        form = QFormLayout()
        form.addRow(tr("重要性比例（0–1）"), self.share)
        form.addRow(tr("每个重要项目至少的检验方法数"), self.min_checks)
        form.addRow(tr("书面说明的最低字数权重"), self.weight)
        form.addRow(tr("每期还款额取整单位"), self.instalment_unit)
        form.addRow(tr("每期还款额取整方式"), self.instalment_mode)

        right = QVBoxLayout()
        right.addWidget(item_box)
        right.addLayout(form)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(band_box, 3)
        layout.addLayout(right, 2)

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.bands.item(row, column)
        if item is None:
            item = QTableWidgetItem("")
            self.bands.setItem(row, column, item)
        return item

    def show_policy(self, policy: CreditPolicy) -> None:
        own = {b.target: b.band for b in reversed(policy.check_tolerances)}  # the first wins, as in band()
        for row, target in enumerate(BAND_TARGETS):
            band = own.get(target)
            self._cell(row, 1).setText("" if band is None else str(band.ok))
            self._cell(row, 2).setText("" if band is None else str(band.explain))
        for key, box in self.items.items():
            box.setChecked(key in policy.material_items)
        self.share.setText(str(policy.materiality_share))
        self.min_checks.setText(str(policy.min_checks_per_item))
        self.weight.setText(str(policy.min_explanation_weight))
        select(self.instalment_unit, policy.rounding.instalment_unit)
        select(self.instalment_mode, policy.rounding.instalment_mode)

    def set_editing(self, editing: bool) -> None:
        for line in (self.share, self.min_checks, self.weight):
            line.setReadOnly(not editing)
        for widget in (*self.items.values(), self.instalment_unit, self.instalment_mode):
            widget.setEnabled(editing)
        self.bands.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            if editing
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )

    def apply(self, policy: CreditPolicy) -> CreditPolicy:
        """``policy`` with this tab's fields (not yet validated).

        Raises:
            ValidationError: a number that is no number, or a band with one limit only.
        """
        bands: list[CheckBand] = []
        for row, target in enumerate(BAND_TARGETS):
            ok, explain = (self._cell(row, c).text().strip() for c in (1, 2))
            if not ok and not explain:
                continue
            at = f"check_tolerances[{target.value}]"
            if not ok or not explain:
                raise ValidationError(f"{at}.ok" if not ok else f"{at}.explain", "required")
            bands.append(
                CheckBand(target, ToleranceBand(number(f"{at}.ok", ok), number(f"{at}.explain", explain)))
            )
        weight = whole("min_explanation_weight", self.weight.text())
        if weight < 1:
            raise ValidationError("min_explanation_weight", "must_be_positive", value=weight)
        rounding = dataclasses.replace(
            policy.rounding,
            instalment_unit=self.instalment_unit.currentData(),
            instalment_mode=self.instalment_mode.currentData(),
        )
        return dataclasses.replace(
            policy,
            check_tolerances=tuple(bands),
            material_items=tuple(key for key, box in self.items.items() if box.isChecked()),
            materiality_share=number("materiality_share", self.share.text()),
            min_checks_per_item=whole("min_checks_per_item", self.min_checks.text()),
            min_explanation_weight=weight,
            rounding=rounding,
        )
