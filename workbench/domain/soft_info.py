"""Soft information (软信息): the categorical matrix, narratives and soft cross-checks."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from workbench.domain.fields import LongText, Text
from workbench.domain.row_ids import Row, check_unique_row_ids


class Rating(StrEnum):
    """How a soft item weighs on willingness to repay."""

    POSITIVE = "positive"
    NEUTRAL = "neutral"
    NEGATIVE = "negative"


SOFT_MATRIX_OPTIONS: dict[str, tuple[str, ...]] = {
    # 软件信息不对称偏差分析 (a soft-information form): the factor and its ordered options, worst first.
    "marriage": ("未婚", "离婚", "再婚", "已婚"),
    "age": ("30以下", "55以上", "45-55", "30-45"),
    "business_years": ("1年以下", "1-3年", "3-5年", "5年以上"),
    "residence_years": ("3年以下", "3-10年", "本地人或10年以上"),
    "property": ("没有", "少量", "部分", "良好私人财产"),
    "credit_record": ("不良", "非主观不良", "良好或无记录"),
    "children": ("无事", "无子女", "年幼或上学", "工作"),
    "spouse": ("无单位", "其他工作或生意", "参与生意", "当地单位稳定"),
}


@dataclass(frozen=True, slots=True)
class SoftFactor(Row):
    """One row of the matrix: the factor key, the chosen option and a note."""

    factor: Text
    option: Text
    note: Text = ""


@dataclass(frozen=True, slots=True)
class SoftCheck(Row):
    """A soft item checked by two sources (软信息交叉检验)."""

    topic: Text
    source_a: Text
    statement_a: LongText
    source_b: Text
    statement_b: LongText
    consistent: bool
    note: LongText = ""


@dataclass(frozen=True, slots=True)
class SoftInformation:
    """Character, family, reputation and business soft facts with the officer's narratives."""

    matrix: tuple[SoftFactor, ...] = ()
    character: LongText = ""
    reputation: LongText = ""
    family: LongText = ""
    business_history: LongText = ""
    capital_accumulation: LongText = ""
    reason_for_loan: LongText = ""
    information_sources: LongText = ""
    assessment: LongText = ""
    bad_habits: LongText = ""
    checks: tuple[SoftCheck, ...] = ()
    overall: Rating = Rating.NEUTRAL

    def __post_init__(self) -> None:
        check_unique_row_ids(self, "matrix", "checks")
