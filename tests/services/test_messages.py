"""Store and service errors read as one line, Chinese first, English with ``--lang en``."""

from __future__ import annotations

import pytest

from workbench.domain.errors import ConcurrentEditError, DomainError, ValidationError
from workbench.domain.records import CaseNotFoundError, StoreUnavailableError, UserNotFoundError
from workbench.services.messages import describe_error

CASE = "0b6f2c1e-6a51-4c1e-9f0a-2024a0000001"


@pytest.mark.parametrize(
    ("error", "zh", "en"),
    [
        (
            ConcurrentEditError(CASE, 3, 5),
            f"案卷 {CASE} 已被他人修改（您编辑的是第 3 版，数据库中已是第 5 版）；"
            "请重新载入、比较或另存为副本",
            f"case {CASE} was changed meanwhile (you edited version 3, the store has version 5); "
            "reload, compare or save as a copy",
        ),
        (
            CaseNotFoundError(case_id=CASE, version=9),
            f"案卷 {CASE} 没有第 9 版",
            f"case {CASE} has no version 9",
        ),
        (
            StoreUnavailableError(url="postgresql+psycopg://u:***@h/db", detail="timeout"),
            "无法连接数据库 postgresql+psycopg://u:***@h/db：timeout",
            "cannot open the database postgresql+psycopg://u:***@h/db: timeout",
        ),
        (
            ValidationError("balance_sheet.assets[0].amount", "sub_cent", value="0.005"),
            "字段 balance_sheet.assets[0].amount：金额不能小于一分：0.005",
            "field balance_sheet.assets[0].amount: amount has fractions of a cent: 0.005",
        ),
        (
            ValidationError("request.amount", "negative", value="-5"),
            "字段 request.amount：不能为负数：-5",
            "field request.amount: must not be negative: -5",
        ),
    ],
)
def test_errors_read_as_one_line(error: DomainError, zh: str, en: str) -> None:
    assert describe_error(error, "zh") == zh
    assert describe_error(error, "en") == en


def test_an_unknown_user_is_told_who_can_help() -> None:
    assert "workbench db init" in describe_error(UserNotFoundError(username="alice"), "en")
