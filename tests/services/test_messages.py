"""Store and service errors read as one line, Chinese first, English with ``--lang en``."""

from __future__ import annotations

import pytest

from workbench.domain.errors import ConcurrentEditError, DomainError, ValidationError
from workbench.domain.records import (
    SIGN_IN_REASONS,
    CaseNotFoundError,
    StoreBusyError,
    StoreOutdatedError,
    StoreSignInError,
    StoreUnavailableError,
    UserNotFoundError,
)
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
    from workbench.cli.main import describe

    alone = describe_error(UserNotFoundError(username="alice"), "en")
    assert alone.endswith("ask an administrator to add you")
    assert "workbench db init" in describe(UserNotFoundError(username="alice"), "en")
    assert "workbench db init" not in describe(UserNotFoundError(user_id="u1"), "en")


def test_the_windows_texts_name_no_command_line_flag() -> None:
    """The services' and reasons' texts are the window's too: ``--as-copy`` is the command line's hint."""
    from workbench.cli.main import describe
    from workbench.domain.records import CaseExistsError
    from workbench.services.messages import TEXTS
    from workbench.texts import gettext
    from workbench.texts.reasons import REASONS

    for msgid in [*TEXTS.values(), *REASONS.values()]:
        for lang in ("zh", "en"):
            words = gettext(msgid, lang)
            assert "--" not in words and "workbench " not in words, words
    exists = CaseExistsError(case_id=CASE)
    assert describe_error(exists, "zh") == f"案卷 {CASE} 已在数据库中"
    assert describe(exists, "zh") == f"案卷 {CASE} 已在数据库中；如需另存一份，请加 --as-copy"
    assert describe(exists, "en") == (
        f"case {CASE} is already stored; add --as-copy to store a copy under a new id"
    )
    not_uuid = ValidationError("id", "not_a_uuid", value="B-1")
    assert describe_error(not_uuid, "zh") == "字段 id：案卷编号须为 UUID：B-1"
    assert describe(not_uuid, "zh") == "字段 id：案卷编号须为 UUID：B-1（导入时可加 --as-copy 分配新编号）"
    assert describe(not_uuid, "en") == (
        "field id: the case id must be a UUID: B-1 (import with --as-copy to assign a new one)"
    )
    from workbench.services.case_files import CaseFileError

    in_file = CaseFileError("/tmp/x.json", ValidationError("case.id", "not_a_uuid", value="B-1"))
    assert describe(in_file, "en") == (
        "/tmp/x.json: field case.id: the case id must be a UUID: B-1"
        " (import with --as-copy to assign a new one)"
    )


def _all_subclasses(cls: type) -> set[type]:
    out: set[type] = set()
    for sub in cls.__subclasses__():
        out |= {sub, *_all_subclasses(sub)}
    return out


SAMPLE_PARAMS: dict[str, dict[str, object]] = {
    "case_not_found": {"case_id": CASE},
    "case_exists": {"case_id": CASE},
    "policy_not_found": {"version": 3},
    "user_not_found": {"username": "alice"},
    "user_exists": {"username": "alice"},
    "store_unavailable": {"url": "sqlite:///x", "detail": "unable to open database file"},
    "store_connection_lost": {"url": "postgresql+psycopg://h/db", "detail": "server closed the connection"},
    "store_busy": {"url": "sqlite:///x", "detail": "database is locked"},
    "store_outdated": {"url": "postgresql+psycopg://h/db", "current": "0005", "head": "0006"},
    "store_too_new": {"url": "postgresql+psycopg://h/db", "current": "0099", "head": "0006"},
    "signin_refused": {"url": "postgresql+psycopg://liumin:***@h/db", "login": "liumin"},
}


def _is_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _check_texts(error: DomainError) -> None:
    zh, en = describe_error(error, "zh"), describe_error(error, "en")
    assert zh != en and _is_cjk(zh) and not _is_cjk(en), (zh, en)
    for message in (zh, en):
        assert "{" not in message and "\n" not in message and message != str(error), message


def test_every_store_error_class_has_chinese_and_english_text() -> None:
    from workbench.domain.records import STORE_ERRORS, RecordError

    assert _all_subclasses(RecordError) == set(STORE_ERRORS)  # a new error must be listed (and get texts)
    for cls in STORE_ERRORS:
        _check_texts(cls(**SAMPLE_PARAMS[cls.reason]))
    variants = (
        CaseNotFoundError(case_id=CASE, version=2),
        CaseNotFoundError(report_id="r1"),
        UserNotFoundError(user_id="u1"),
        StoreOutdatedError(url="postgresql+psycopg://h/db", current=None, head="0006"),
        StoreBusyError(url="sqlite:///x", detail="database is locked", waited=300),
        *(
            StoreSignInError(reason, url="postgresql+psycopg://h/db", login="liumin")
            for reason in sorted(SIGN_IN_REASONS)
        ),
    )
    for error in variants:
        _check_texts(error)


def test_the_services_errors_and_the_stores_validation_reasons_have_both_languages() -> None:
    from workbench.domain.records import Role, User
    from workbench.services.case_files import CaseFileError
    from workbench.services.permissions import Action, PermissionDenied
    from workbench.texts import gettext
    from workbench.texts.reasons import REASONS

    assert all(gettext(msgid, "en") != msgid for msgid in REASONS.values())
    for reason, value in (("sub_cent", "0.001"), ("not_a_uuid", "B-1")):  # raised by workbench.store
        assert reason in REASONS
        _check_texts(ValidationError("case.id", reason, value=value))
    _check_texts(ConcurrentEditError(CASE, 1, 2))
    _check_texts(PermissionDenied(User("u", "bob", "Bob", Role.REVIEWER), Action.EDIT_CASE))
    refused = CaseFileError("/tmp/x.json", ValidationError("case.id", "not_a_uuid", value="B-1"))
    _check_texts(refused)
    assert describe_error(refused, "en").startswith("/tmp/x.json: field case.id: the case id must be a UUID")


def test_busy_and_lost_are_not_cannot_connect() -> None:
    from workbench.domain.records import StoreBusyError, StoreConnectionLostError

    busy = StoreBusyError(**SAMPLE_PARAMS["store_busy"])
    assert describe_error(busy, "zh") == "数据库繁忙，请稍后重试（sqlite:///x：database is locked）"
    assert describe_error(busy, "en") == "the database is busy, try again (sqlite:///x: database is locked)"
    lost = StoreConnectionLostError(**SAMPLE_PARAMS["store_connection_lost"])
    assert isinstance(lost, StoreUnavailableError)
    for error in (busy, lost):
        assert "无法连接" not in describe_error(error, "zh")
        assert "cannot open" not in describe_error(error, "en")


def test_a_hostile_file_name_cannot_break_the_line() -> None:
    from workbench.services.case_files import CaseFileError

    error = CaseFileError("evil\nname.json", ValidationError("", "not_json", detail="x\ry"))
    assert "\n" not in describe_error(error) and "\r" not in describe_error(error)


def test_an_outdated_store_is_one_line_for_its_administrator_without_the_password() -> None:
    """The window's text names no command; the command line adds the administrator's command."""
    from workbench.cli.main import describe
    from workbench.domain.records import StoreTooNewError

    url = "postgresql+psycopg://liumin:***@db.bank/workbench"
    older = StoreOutdatedError(url=url, current="0005", head="0006")
    assert (
        describe_error(older, "zh")
        == f"数据库 {url} 的结构版本为 0005，本程序需要 0006：请管理员升级数据库结构"
    )
    assert describe(older, "en") == (
        f"the database {url} is at schema revision 0005, this program needs 0006: ask the administrator to "
        "upgrade the schema (administrator's command: workbench db upgrade)"
    )
    empty = StoreOutdatedError(url=url, current=None, head="0006")
    assert describe(empty, "zh").endswith("请管理员初始化数据库（管理员命令：workbench db init）")
    newer = StoreTooNewError(url=url, current="0099", head="0006")
    assert (
        describe(newer, "zh") == f"数据库 {url} 的结构版本 0099 比本程序新（本程序最高为 0006）：请更新本程序"
    )
    waited = StoreBusyError(url=url, detail="lock timeout", waited=300)
    assert describe_error(waited, "en") == (
        f"another program is upgrading the schema of the database {url} and had not finished after 300 s: "
        "try again later"
    )
