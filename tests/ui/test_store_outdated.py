"""The window on a team store its program has outgrown: one line for the administrator, files still work."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot

    from workbench.ui.main_window import MainWindow


@pytest.mark.postgres
def test_an_outdated_team_store_is_named_in_one_line_without_the_password(
    qtbot: QtBot, make_window: Callable[..., MainWindow], outdated_team_store: str
) -> None:
    from workbench.store import migrate
    from workbench.ui.store_link import connect_store

    window = make_window(store_opener=lambda: connect_store(outdated_team_store, "postgres", "s3cret-pw"))
    state = window.case_list.store_state
    qtbot.waitUntil(lambda: "升级数据库结构" in state.text(), timeout=15000)
    shown = state.text()
    assert shown.startswith("案件库不可用（可使用案件文件）：数据库 postgresql+psycopg://postgres:***@")
    assert shown.endswith(f"的结构版本为 0005，本程序需要 {migrate.head()}：请管理员升级数据库结构")
    assert "s3cret-pw" not in shown and "\n" not in shown
    assert window.persistence.store is None
    assert migrate.current(outdated_team_store) == "0005"  # opening changed nothing
