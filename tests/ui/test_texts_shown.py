"""No internal keys in the window: the soft-information factors and options by their labels (table,
editor, compare dialog) in both languages, and Qt's own buttons and dialogs in Chinese."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QPushButton

from workbench.services.compare import compare_cases
from workbench.ui import i18n
from workbench.ui.case_io import open_demo
from workbench.ui.dialogs.compare_dialog import CompareModel
from workbench.ui.models.factory import list_model
from workbench.ui.models.list_model import CHOICES_ROLE

if TYPE_CHECKING:
    from collections.abc import Callable

MATRIX = ("soft_info", "matrix")


def _column(model: Any, field: str) -> int:
    return next(i for i, c in enumerate(model.columns) if c.field == field)


@pytest.mark.parametrize(
    ("language", "factor", "option"), [("zh", "婚姻状况", "已婚"), ("en", "Marital status", "Married")]
)
def test_the_soft_matrix_shows_factor_and_option_labels(
    make_document: Callable[..., Any], language: str, factor: str, option: str
) -> None:
    i18n.set_language(language)
    document, _recalc = make_document("A")
    model = list_model(document, MATRIX)
    shown = [model.data(model.index(r, _column(model, "factor"))) for r in range(model.rowCount())]
    assert shown[0] == factor
    assert not {"marriage", "business_years", "age"} & set(shown)
    assert model.data(model.index(0, _column(model, "option"))) == option


def test_the_factor_editor_offers_labels_and_stores_keys(make_document: Callable[..., Any]) -> None:
    document, _recalc = make_document("A")
    model = list_model(document, MATRIX)
    factor, option = _column(model, "factor"), _column(model, "option")
    choices = model.data(model.index(0, factor), CHOICES_ROLE)
    assert ("经营年限", "business_years") in choices
    assert model.data(model.index(2, option), CHOICES_ROLE) == [
        ("1年以下", "1年以下"),
        ("1-3年", "1-3年"),
        ("3-5年", "3-5年"),
        ("5年以上", "5年以上"),
    ]
    assert model.setData(model.index(0, factor), "居住年限")  # a typed or pasted label
    assert document.state.soft_info.matrix[0].factor == "residence_years"
    assert model.setData(model.index(0, factor), "spouse")  # what the combo box hands over
    assert document.state.soft_info.matrix[0].factor == "spouse"


def test_a_factor_of_the_officers_own_keeps_its_words(make_document: Callable[..., Any]) -> None:
    document, _recalc = make_document("A")
    model = list_model(document, MATRIX)
    factor, option = _column(model, "factor"), _column(model, "option")
    assert model.setData(model.index(0, factor), "邻里关系")
    assert model.data(model.index(0, factor)) == "邻里关系"
    assert model.data(model.index(0, factor), CHOICES_ROLE)[0] == ("邻里关系", "邻里关系")
    assert model.data(model.index(0, option), CHOICES_ROLE) is None  # no list: typed freely


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "zh",
            {
                "申请人 › 现址居住年限": ("—", "3"),
                "软信息 › 软信息矩阵 › 第 1 行 › 因素": ("婚姻状况", "经营年限"),
            },
        ),
        (
            "en",
            {
                "Applicant › Years at address": ("—", "3"),
                "Soft information › Soft-information matrix › Row 1 › Factor": (
                    "Marital status",
                    "Years in business",
                ),
            },
        ),
    ],
)
def test_the_compare_dialog_names_fields_and_factors_in_words(
    ui: Any, language: str, expected: dict[str, tuple[str, str]]
) -> None:
    i18n.set_language(language)
    mine, _source = open_demo("A")
    matrix = mine.soft_info.matrix
    theirs = dataclasses.replace(
        mine,
        borrower=dataclasses.replace(mine.borrower, years_at_address=Decimal(3)),
        soft_info=dataclasses.replace(
            mine.soft_info, matrix=(dataclasses.replace(matrix[0], factor="business_years"), *matrix[1:])
        ),
    )
    model = CompareModel(compare_cases(mine, theirs))
    rows = {
        model.data(model.index(r, 0)): (model.data(model.index(r, 1)), model.data(model.index(r, 2)))
        for r in range(model.rowCount())
    }
    assert rows == expected
    text = " ".join(f"{k} {a} {b}" for k, (a, b) in rows.items())
    assert not {"marriage", "business_years", "years_at_address"} & set(text.replace("›", " ").split())


def test_qts_own_texts_are_chinese_in_the_chinese_window(ui: Any, qtbot: Any) -> None:
    catalogue, supplement = i18n.qt_catalogue_file("zh"), i18n.qt_supplement_file("zh")
    assert catalogue is not None and Path(catalogue).is_file()  # PySide6's own qtbase_zh_CN.qm
    assert supplement is not None and Path(supplement).is_file()
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "确定"
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    dialog = QFileDialog(None, "", str(Path.home()))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"查找范围(&L)：", "文件类型(&T)：", "文件名称(&N)："} <= labels  # no "Look in", "Files of type"
    assert {button.text() for button in dialog.findChildren(QPushButton)} >= {"打开(&O)", "取消"}

    i18n.set_language("en")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Ok).text().replace("&", "") == "OK"


def test_the_window_language_is_qts_default_locale(ui: Any) -> None:
    from PySide6.QtCore import QLocale

    assert QLocale().language() == QLocale.Language.Chinese
    i18n.set_language("en")
    assert QLocale().language() == QLocale.Language.English
    assert Qt.LayoutDirection.LeftToRight == QLocale().textDirection()


def test_the_qt_supplement_qm_is_its_ts_compiled(tmp_path: Path) -> None:
    import subprocess

    from tests.ui.test_translations import _tool

    supplement = i18n.qt_supplement_file("zh")
    assert supplement is not None
    qm = tmp_path / "supplement.qm"
    ts = Path(supplement).with_suffix(".ts")
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    assert qm.read_bytes() == Path(supplement).read_bytes(), "stale: run scripts/update-translations.sh"
