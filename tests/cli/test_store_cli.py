"""``workbench db|import|export|cases`` on a SQLite file and on PostgreSQL; bad URLs are one line."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from tests.store.helpers import demo, demo_path
from workbench.cli.main import main
from workbench.domain.policy import DEFAULT_POLICY
from workbench.services.case_files import dumps_case
from workbench.store.migrate import head

HEAD = head()

if TYPE_CHECKING:
    from pathlib import Path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _login(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_USER", "tester")
    monkeypatch.delenv("WORKBENCH_DB_URL", raising=False)


def test_init_import_export_and_list(
    blank_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "db", "current", "--db", blank_url)
    assert (code, "空数据库" in out) == (0, True)
    code, out, _ = run(capsys, "db", "upgrade", "--db", blank_url)
    assert (code, HEAD in out) == (0, True)
    code, out, _ = run(capsys, "db", "init", "--db", blank_url)
    assert code == 0
    assert HEAD in out and "tester" in out
    code, out, _ = run(capsys, "--lang", "en", "db", "current", "--db", blank_url)
    assert out.strip().endswith(f"revision {HEAD} (newest {HEAD})")
    for name in ("a", "b"):
        code, out, _ = run(capsys, "import", str(demo_path(name)), "--db", blank_url)
        assert (code, out.strip()) == (0, demo(name).id)
        target = tmp_path / f"{name}.json"
        code, _, _ = run(capsys, "export", demo(name).id, "--db", blank_url, "-o", str(target))
        assert code == 0
        assert target.read_bytes() == dumps_case(demo(name), DEFAULT_POLICY).encode("utf-8")
    code, out, _ = run(capsys, "cases", "--db", blank_url, "--json")
    listed = json.loads(out)
    assert [c["id"] for c in listed] == [demo("b").id, demo("a").id]
    assert listed[1]["requested"] == "60000.00"
    assert listed[1]["officer"] == "tester"
    code, out, _ = run(capsys, "cases", "--db", blank_url, "--name", "木业")
    assert code == 0 and "建国木业加工厂" in out and "丽华便利店" not in out
    code, out, _ = run(capsys, "cases", "--db", blank_url, "--officer", "nobody")
    assert out.strip() == "没有案卷"


def test_import_twice_is_refused_unless_as_copy(engine_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "db", "init", "--db", engine_url)[0] == 0
    assert run(capsys, "import", str(demo_path("a")), "--db", engine_url)[0] == 0
    code, _, err = run(capsys, "import", str(demo_path("a")), "--db", engine_url)
    assert code == 2
    assert err.strip() == f"workbench: 错误: 案卷 {demo('a').id} 已在数据库中；如需另存一份，请加 --as-copy"
    code, out, _ = run(capsys, "import", str(demo_path("a")), "--db", engine_url, "--as-copy")
    assert code == 0 and out.strip() != demo("a").id


def test_export_to_stdout_and_unknown_case(engine_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "db", "init", "--db", engine_url)
    run(capsys, "import", str(demo_path("b")), "--db", engine_url)
    code, out, _ = run(capsys, "export", demo("b").id, "--db", engine_url)
    assert (code, out) == (0, dumps_case(demo("b"), DEFAULT_POLICY))
    code, _, err = run(
        capsys, "--lang", "en", "export", "00000000-0000-4000-8000-000000000000", "--db", engine_url
    )
    assert code == 2
    assert err == "workbench: error: no case 00000000-0000-4000-8000-000000000000\n"


def test_the_database_url_falls_back_to_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WORKBENCH_DB_URL", f"sqlite:///{tmp_path / 'env' / 'store.sqlite3'}")
    code, out, _ = run(capsys, "db", "upgrade")
    assert code == 0 and "env/store.sqlite3" in out
    assert (tmp_path / "env" / "store.sqlite3").is_file()
    code, out, _ = run(capsys, "import", str(demo_path("a")))  # a new laptop store: the login is its owner
    assert (code, out.strip()) == (0, demo("a").id)


def test_the_default_store_lives_in_the_user_data_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / "data"))
    code, out, _ = run(capsys, "cases")
    assert (code, out.strip()) == (0, "没有案卷")
    assert (tmp_path / "data" / "workbench.sqlite3").is_file()


def test_a_file_that_is_not_a_database_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"these are my notes, not a database" * 40)
    code, _, err = run(capsys, "cases", "--db", f"sqlite:///{path}")
    assert code == 2
    assert err == f"workbench: 错误: 无法连接数据库 sqlite:///{path}：file is not a database\n"
    assert path.read_bytes().startswith(b"these are my notes")


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (
            "postgresql+psycopg://clerk:s3cret@127.0.0.1:1/workbench",
            "postgresql+psycopg://clerk:***@127.0.0.1:1/workbench",
        ),
        ("mysql://x@localhost/y", "mysql://x@localhost/y"),
        ("not a url", "<invalid URL>"),
        ("sqlite:////proc/no/such/dir/store.sqlite3", "sqlite:////proc/no/such/dir/store.sqlite3"),
    ],
)
@pytest.mark.parametrize("command", [["cases"], ["db", "upgrade"], ["db", "current"], ["export", "x"]])
def test_a_bad_database_url_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    url: str,
    shown: str,
    command: list[str],
) -> None:
    monkeypatch.delenv("WORKBENCH_USER")  # else the person's login would replace the URL's (cli.signin)
    code, out, err = run(capsys, *command, "--db", url)
    assert code == 2
    assert out == ""
    assert err.startswith(f"workbench: 错误: 无法连接数据库 {shown}：")
    assert err.count("\n") == 1
    assert "s3cret" not in err


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(
    "command", [["calc"], ["schedule"], ["db"], ["db", "init"], ["import"], ["export"], ["cases"]]
)
def test_every_command_has_help(capsys: pytest.CaptureFixture[str], lang: str, command: list[str]) -> None:
    with pytest.raises(SystemExit) as leaving:
        main(["--lang", lang, *command, "--help"])
    assert leaving.value.code == 0
    assert "--" in capsys.readouterr().out


def test_db_init_and_upgrade_take_url_as_the_issue_spells_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'team.sqlite3'}"
    assert main(["db", "init", "--url", url]) == 0
    assert main(["db", "upgrade", "--url", url]) == 0
    out = capsys.readouterr().out
    assert f"（版本 {head()}）" in out


def test_cases_sort_and_filter_by_change_date(blank_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import date, timedelta

    assert run(capsys, "db", "init", "--db", blank_url)[0] == 0
    for name in ("a", "b"):
        assert run(capsys, "import", str(demo_path(name)), "--db", blank_url)[0] == 0

    def listed(*options: str) -> list[str]:
        code, out, err = run(capsys, "cases", "--db", blank_url, "--json", *options)
        assert code == 0, err
        return [c["borrower"] for c in json.loads(out)]

    a, b = demo("a").borrower.name, demo("b").borrower.name
    assert listed() == [b, a]  # newest change first, as before
    assert listed("--sort", "updated") == [a, b]  # a column runs ascending …
    assert listed("--sort", "updated", "--desc") == [b, a]  # … unless --desc
    by_name = sorted([a, b])
    assert listed("--sort", "applicant") == by_name
    assert listed("--sort", "applicant", "--desc") == by_name[::-1]
    numbers = sorted([(demo("a").case_number, a), (demo("b").case_number, b)])
    assert listed("--sort", "case-number") == [n for _number, n in numbers]
    assert len(listed("--sort", "stage")) == len(listed("--sort", "officer")) == 2

    today = date.today()
    assert listed("--updated-from", today.isoformat(), "--updated-to", today.isoformat()) == [b, a]
    assert listed("--updated-from", (today + timedelta(days=1)).isoformat()) == []
    assert listed("--updated-to", (today - timedelta(days=1)).isoformat()) == []

    code, _out, err = run(capsys, "cases", "--db", blank_url, "--updated-from", "2024-13-01")
    assert code == 2 and "2024-13-01" in err and "YYYY-MM-DD" in err and len(err.strip().splitlines()) == 1
    code, _out, err = run(
        capsys, "cases", "--db", blank_url, "--updated-from", "2024-07-02", "--updated-to", "2024-07-01"
    )
    assert code == 2 and err.strip() == "修改日期范围有误：起始日 2024-07-02 晚于截止日 2024-07-01"
    code, _out, err = run(
        capsys,
        "--lang",
        "en",
        "cases",
        "--db",
        blank_url,
        "--updated-from",
        "2024-07-02",
        "--updated-to",
        "2024-07-01",
    )
    assert err.strip() == "bad range of change dates: 2024-07-02 is after 2024-07-01"
    with pytest.raises(SystemExit) as exit_info:  # argparse refuses an unknown column, with the choices
        main(["cases", "--db", blank_url, "--sort", "nonsense"])
    assert exit_info.value.code == 2 and "case-number" in capsys.readouterr().err


@pytest.mark.postgres
def test_an_outdated_team_store_is_one_line_for_every_command_until_db_upgrade(
    outdated_team_store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = outdated_team_store
    # As the administrator's login (the person's does not exist before db init makes it).
    for argv in (
        ("cases", "--db", url, "--login", "postgres"),
        ("--lang", "en", "export", demo("a").id, "--db", url, "--login", "postgres"),
    ):
        code, out, err = run(capsys, *argv)
        assert (code, out) == (2, "")
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
        assert "s3cret-pw" not in err and "***" in err
    assert err.strip().endswith(
        f"is at schema revision 0005, this program needs {HEAD}: ask the administrator to upgrade the schema "
        "(administrator's command: workbench db upgrade)"
    )
    code, out, _ = run(capsys, "db", "current", "--db", url)  # the administrator's commands still work
    assert code == 0 and "0005" in out and "s3cret-pw" not in out
    assert run(capsys, "db", "init", "--db", url)[0] == 0  # upgrades it (the store had no user yet)
    code, out, err = run(capsys, "cases", "--db", url)
    assert (code, err, out.strip()) == (0, "", "没有案卷")
