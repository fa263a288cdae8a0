"""``workbench identity|report|verify``: exit codes 0/1/2, one translated line for bad input."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from workbench.cli.main import main
from workbench.paths import resource_path

if TYPE_CHECKING:
    from pathlib import Path

CASE_A = str(resource_path("demo", "case-a.json"))
CASE_B = str(resource_path("demo", "case-b.json"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def identity(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, Path]:
    monkeypatch.delenv("WORKBENCH_PASSPHRASE", raising=False)
    secret = tmp_path / "pass.txt"
    secret.write_text("cli-passphrase-1\n", encoding="utf-8")
    target = tmp_path / "liu.p12"
    code, out, err = run(
        capsys,
        "identity",
        "create",
        "--name",
        "刘敏",
        "--role",
        "客户经理",
        "-o",
        str(target),
        "--passphrase-file",
        str(secret),
    )
    assert (code, err) == (0, "")
    assert "liu.cert.pem" in out and "刘敏（客户经理）" in out
    return target, secret


def test_sign_verify_and_tamper(
    identity: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    p12, secret = identity
    out_pdf = tmp_path / "a.pdf"
    code, out, err = run(
        capsys,
        "report",
        CASE_A,
        "--kind",
        "survey",
        "-o",
        str(out_pdf),
        "--sign",
        str(p12),
        "--passphrase-file",
        str(secret),
        "--unit",
        "某某农商银行 小微信贷中心",
    )
    assert (code, err) == (0, "")
    assert "已签名：刘敏（客户经理）" in out and "案卷指纹 SHA-256" in out
    cert = tmp_path / "liu.cert.pem"
    code, out, _ = run(capsys, "verify", str(out_pdf), "--trust", str(cert), "--case", CASE_A)
    assert code == 0
    assert "签名 1  Signature1：刘敏（客户经理），签署时间 " in out
    assert "签名有效：内容完整，证书受信任，签署时和现在都在有效期内" in out
    assert "与当前案卷一致" in out and out.strip().endswith(
        "结论：全部签名有效，签署人的证书受信任且在有效期内"
    )
    code, out, _ = run(capsys, "--lang", "en", "verify", str(out_pdf), "--case", CASE_B)
    assert code == 1 and "DIFFERS from the current case" in out
    data = bytearray(out_pdf.read_bytes())
    start = data.index(b"stream\n", data.index(b"/Filter")) + 50
    data[start] ^= 0x01
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(data))
    code, out, _ = run(capsys, "verify", str(tampered))
    assert code == 1 and "文件在签名之后被修改过" in out and "验证未通过" in out


def test_bad_input_is_one_line_and_exit_2(
    identity: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    p12, _ = identity
    code, _, err = run(capsys, "verify", str(tmp_path / "missing.pdf"))
    assert code == 2 and err.count("\n") == 1 and "找不到文件" in err
    not_pdf = tmp_path / "note.pdf"
    not_pdf.write_text("hello", encoding="utf-8")
    code, _, err = run(capsys, "verify", str(not_pdf))
    assert code == 2 and "不是可读取的 PDF" in err and "Traceback" not in err
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", "wrong-passphrase")
    code, _, err = run(capsys, "report", CASE_A, "-o", str(tmp_path / "x.pdf"), "--sign", str(p12))
    assert code == 2 and "口令不对" in err and not (tmp_path / "x.pdf").exists()
    monkeypatch.delenv("WORKBENCH_PASSPHRASE")
    monkeypatch.setattr("sys.stdin", None)
    code, _, err = run(
        capsys, "--lang", "en", "report", CASE_A, "-o", str(tmp_path / "x.pdf"), "--sign", str(p12)
    )
    assert code == 2 and "--passphrase-file" in err
    code, _, err = run(capsys, "report", str(tmp_path / "none.json"), "-o", str(tmp_path / "x.pdf"))
    assert code == 2 and "找不到案卷文件" in err


def test_unsigned_minutes_in_english_and_an_unsigned_pdf_fails_verification(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "m.pdf"
    code, out, _ = run(
        capsys, "report", CASE_B, "--kind", "minutes", "-o", str(target), "--lang", "en", "--invariant"
    )
    assert code == 0 and "wrote" in out
    assert target.read_bytes().startswith(b"%PDF-")
    code, out, _ = run(capsys, "verify", str(target))
    assert code == 1 and "此 PDF 没有签名" in out


def test_a_stored_case_is_reported_signed_and_archived(
    identity: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    p12, secret = identity
    monkeypatch.setenv("WORKBENCH_USER", "tester")
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    assert run(capsys, "db", "init", "--db", url)[0] == 0  # tester becomes the administrator
    code, out, _ = run(capsys, "import", CASE_B, "--db", url)
    case_id = out.strip()
    assert code == 0
    # the archive takes what tester signs once her certificate is registered to her
    assert run(capsys, "identity", "register", str(p12), "--user", "tester", "--db", url)[0] == 0
    target = tmp_path / "b.pdf"
    code, out, err = run(
        capsys,
        "report",
        case_id,
        "--db",
        url,
        "--kind",
        "dossier",
        "-o",
        str(target),
        "--sign",
        str(p12),
        "--passphrase-file",
        str(secret),
    )
    assert (code, err) == (0, ""), err
    assert "（版本 1）" in out and "已存入报告档案" in out
    code, out, _ = run(capsys, "verify", str(target), "--case", case_id, "--db", url)
    assert code == 0 and "与当前案卷一致" in out and "（版本 1）" in out

    from workbench.domain.records import ReportKind
    from workbench.services.store import open_store

    store = open_store(url)
    try:
        user = store.users.current_user()
        (row,) = store.archive.list_reports(case_id, user)
        assert row.kind is ReportKind.DOSSIER and row.signer == "刘敏" and row.case_version == 1
        assert store.archive.report_pdf(row.id, user) == target.read_bytes()
    finally:
        store.close()


def test_identity_create_writes_the_kind_chosen_or_read_from_the_role(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbench.domain.records import SignatureRole
    from workbench.services.signatures import load_identity

    monkeypatch.setenv("WORKBENCH_PASSPHRASE", "cli-passphrase-1")
    base = ("identity", "create", "--name", "张伟", "--role", "岗位甲")
    code, _, err = run(capsys, *base, "-o", str(tmp_path / "a.p12"))
    assert code == 2 and "看不出签在哪一栏" in err  # a role that names no box, and no --kind
    code, _, err = run(capsys, *base, "--kind", "reviewer", "-o", str(tmp_path / "b.p12"))
    assert (code, err) == (0, "")
    assert load_identity(tmp_path / "b.p12", "cli-passphrase-1").kind is SignatureRole.REVIEWER
    with pytest.raises(SystemExit):
        main(["identity", "create", "--help"])
    assert "--kind {officer,assistant,reviewer,chair,member,secretary}" in capsys.readouterr().out
