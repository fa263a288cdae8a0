"""``workbench identity register|registered|revoke`` and what the archive then takes (SQLite file).

The acting person is the store's current user (``WORKBENCH_USER``, the administrator ``db init``
made), as for the other store commands until the command line signs people in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.cli.test_report_cli import CASE_B, identity, run
from workbench.services.signatures import read_identity_file

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["identity"]  # the fixture, shared with the report commands' tests


@pytest.fixture
def store_url(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("WORKBENCH_USER", "tester")
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    assert run(capsys, "db", "init", "--db", url)[0] == 0  # tester becomes the administrator
    return url


def _report(
    capsys: pytest.CaptureFixture[str], url: str, case_id: str, p12: Path, secret: Path, target: Path
) -> tuple[int, str, str]:
    return run(
        capsys,
        "report",
        case_id,
        "--db",
        url,
        "-o",
        str(target),
        "--sign",
        str(p12),
        "--passphrase-file",
        str(secret),
    )


def test_register_list_archive_revoke_and_refuse(
    identity: tuple[Path, Path], store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    p12, secret = identity
    fingerprint = read_identity_file(p12, "cli-passphrase-1").fingerprint
    code, out, _ = run(capsys, "import", CASE_B, "--db", store_url)
    case_id = out.strip()

    # not registered yet: refused in one line, nothing archived and no file written
    code, out, err = _report(capsys, store_url, case_id, p12, secret, tmp_path / "first.pdf")
    assert code == 2 and err.count("\n") == 1
    assert f"证书（指纹 {fingerprint[:16]}…）未在身份登记册中登记" in err
    assert not (tmp_path / "first.pdf").exists()

    # the identity's .p12 names the .cert.pem beside it
    code, out, err = run(capsys, "identity", "register", str(p12), "--user", "tester", "--db", store_url)
    assert (code, err) == (0, "")
    assert out.startswith(f"已登记：{fingerprint} → tester（CN=刘敏, T=客户经理")
    code, out, _ = run(capsys, "identity", "registered", "--db", store_url)
    assert code == 0 and fingerprint in out and "tester" in out and "有效" in out
    code, out, _ = run(
        capsys, "--lang", "en", "identity", "registered", "--user", "tester", "--db", store_url
    )
    assert code == 0 and "Fingerprint" in out and "valid" in out

    code, out, err = _report(capsys, store_url, case_id, p12, secret, tmp_path / "second.pdf")
    assert (code, err) == (0, ""), err
    assert "已存入报告档案" in out

    code, out, err = run(
        capsys,
        "identity",
        "register",
        str(p12.with_name("liu.cert.pem")),
        "--user",
        "tester",
        "--db",
        store_url,
    )
    assert code == 2 and err.strip().endswith(f"此证书（指纹 {fingerprint[:16]}…）已登记给 tester")

    code, out, err = run(capsys, "identity", "revoke", fingerprint[:10], "--db", store_url)
    assert (code, err) == (0, "") and out.strip() == f"已吊销：{fingerprint}（tester）"
    code, out, _ = run(capsys, "identity", "registered", "--db", store_url)
    assert "吊销" in out
    code, out, err = run(capsys, "--lang", "en", *_report_args(store_url, case_id, p12, secret, tmp_path))
    assert code == 2 and "was revoked on" in err and err.count("\n") == 1

    from workbench.services.store import open_store

    with open_store(store_url) as store:
        assert len(store.archive.list_reports(case_id, store.users.current_user())) == 1


def _report_args(url: str, case_id: str, p12: Path, secret: Path, tmp_path: Path) -> list[str]:
    return [
        "report",
        case_id,
        "--db",
        url,
        "-o",
        str(tmp_path / "third.pdf"),
        "--sign",
        str(p12),
        "--passphrase-file",
        str(secret),
    ]


def test_what_is_no_certificate_is_one_line_in_either_language(
    store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.pem"
    junk.write_bytes(b"-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n")
    code, out, err = run(capsys, "identity", "register", str(junk), "--user", "tester", "--db", store_url)
    assert (code, out) == (2, "") and err.count("\n") == 1 and "不是证书文件" in err
    code, _, err = run(
        capsys, "--lang", "en", "identity", "register", str(junk), "--user", "tester", "--db", store_url
    )
    assert code == 2 and "Not a certificate" in err
    code, _, err = run(
        capsys, "identity", "register", str(tmp_path / "missing.pem"), "--user", "tester", "--db", store_url
    )
    assert code == 2 and "无法读取证书文件" in err and err.count("\n") == 1
    code, _, err = run(capsys, "identity", "revoke", "abcdef0123", "--db", store_url)
    assert code == 2 and "身份登记册中没有指纹为 abcdef0123 的证书" in err
    code, out, _ = run(capsys, "identity", "registered", "--db", store_url)
    assert (code, out.strip()) == (0, "身份登记册中没有证书")
